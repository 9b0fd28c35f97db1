// Command comparexlsx times the generic XLSX export of a synthetic register
// against Python's openpyxl in write-only mode writing the same cells, and
// prints the ratio of the times. Run it with scripts/compare-openpyxl.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/ropa"
)

func main() {
	n := flag.Int("activities", 1000, "size of the synthetic register")
	runs := flag.Int("runs", 3, "timed runs of each writer; the best counts")
	py := flag.String("python", "/usr/bin/python3", "Python with openpyxl")
	script := flag.String("script", filepath.Join("scripts", "openpyxl_write.py"), "the openpyxl writer")
	flag.Parse()
	if err := run(*n, *runs, *py, *script); err != nil {
		fmt.Fprintln(os.Stderr, "comparexlsx:", err)
		os.Exit(1)
	}
}

func run(n, runs int, py, script string) error {
	reg := synth.Register(n, 1)
	at := ropa.NewDate(2026, 11, 21)
	var ours time.Duration
	var book bytes.Buffer
	for i := 0; i < runs; i++ {
		book.Reset()
		start := time.Now()
		if err := export.WriteXLSX(&book, reg, export.WithReport(ropa.Check(reg, at)), export.WithLang(export.English)); err != nil {
			return err
		}
		if d := time.Since(start); i == 0 || d < ours {
			ours = d
		}
	}
	// The same cells, sheet by sheet, for openpyxl.
	f, err := excelize.OpenReader(&book)
	if err != nil {
		return err
	}
	type sheet struct {
		Name string     `json:"name"`
		Rows [][]string `json:"rows"`
	}
	var sheets []sheet
	cells := 0
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return err
		}
		for _, r := range rows {
			cells += len(r)
		}
		sheets = append(sheets, sheet{name, rows})
	}
	dir, err := os.MkdirTemp("", "comparexlsx")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cellsFile := filepath.Join(dir, "cells.json")
	b, err := json.Marshal(sheets)
	if err != nil {
		return err
	}
	if err := os.WriteFile(cellsFile, b, 0o600); err != nil {
		return err
	}
	cmd := exec.Command(py, script, cellsFile, filepath.Join(dir, "openpyxl.xlsx"), strconv.Itoa(runs))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%s %s: %w", py, script, err)
	}
	theirs, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		return fmt.Errorf("reading the time openpyxl printed: %w", err)
	}
	fmt.Fprintf(io.Writer(os.Stdout), "activities=%d cells=%d openropa=%.3fs openpyxl(write-only)=%.3fs ratio openpyxl/openropa=%.2f\n",
		n, cells, ours.Seconds(), theirs, theirs/ours.Seconds())
	return nil
}
