"""Reads a workbook with openpyxl and prints, per sheet, every non-empty
cell value, the frozen panes, the number of formulas and of drop-downs."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    cells, formulas = {}, 0
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f":
                formulas += 1
            if c.value is None or c.value == "":
                continue
            cells[c.coordinate] = str(c.value)
    out.append({
        "name": ws.title,
        "cells": cells,
        "freeze": ws.freeze_panes or "",
        "formulas": formulas,
        "lists": len([dv for dv in ws.data_validations.dataValidation if dv.type == "list"]),
    })
json.dump(out, sys.stdout, ensure_ascii=False)
