"""Writes the sheets of a JSON file of cells with openpyxl in write-only
mode, as many times as asked, and prints the best time in seconds."""
import json
import sys
import time

import openpyxl

cells_file, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(cells_file, encoding="utf-8") as f:
    sheets = json.load(f)
best = None
for _ in range(runs):
    start = time.perf_counter()
    wb = openpyxl.Workbook(write_only=True)
    for sheet in sheets:
        ws = wb.create_sheet(sheet["name"])
        for row in sheet["rows"]:
            ws.append([v if v != "" else None for v in (row or [])])
    wb.save(out)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.6f}")
