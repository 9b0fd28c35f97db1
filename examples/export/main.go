// Command export writes every example register as the files a DPO sends or
// a tool reads: the generic XLSX workbook, the workbook in the layout of the
// Belgian supervisory authority (GBA/APD), the canonical JSON and the JSON
// report with the findings of the check.
//
//	go run ./examples/export -o out -at 2026-11-21
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/ropa"
)

func main() {
	out := flag.String("o", "out", "directory to write the files to")
	at := flag.String("at", "", "date of the check, YYYY-MM-DD (default today)")
	flag.Parse()
	day := ropa.DateOf(time.Now())
	if *at != "" {
		var err error
		if day, err = ropa.ParseDate(*at); err != nil {
			fmt.Fprintln(os.Stderr, "export:", err)
			os.Exit(2)
		}
	}
	files, err := run(*out, day)
	if err != nil {
		fmt.Fprintln(os.Stderr, "export:", err)
		os.Exit(1)
	}
	for _, f := range files {
		fmt.Println(f)
	}
}

// run writes the files of every example register into dir and returns their paths.
func run(dir string, day ropa.Date) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, name := range examples.Names() {
		reg, _, err := examples.Load(name)
		if err != nil {
			return nil, err
		}
		outputs := []struct {
			file  string
			write func(*bytes.Buffer) error
		}{
			{name + ".xlsx", func(b *bytes.Buffer) error { return export.WriteXLSX(b, reg, export.WithReport(ropa.Check(reg, day))) }},
			{name + "-gba.xlsx", func(b *bytes.Buffer) error {
				return export.WriteXLSX(b, reg, export.WithReport(ropa.Check(reg, day)), export.WithLayout(export.GBA))
			}},
			{name + ".json", func(b *bytes.Buffer) error { return export.WriteJSON(b, reg) }},
			{name + "-report.json", func(b *bytes.Buffer) error { return export.WriteReport(b, reg, ropa.Check(reg, day)) }},
		}
		for _, o := range outputs {
			var buf bytes.Buffer
			if err := o.write(&buf); err != nil {
				return nil, fmt.Errorf("%s: %w", o.file, err)
			}
			path := filepath.Join(dir, o.file)
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				return nil, err
			}
			written = append(written, path)
		}
	}
	return written, nil
}
