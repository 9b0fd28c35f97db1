package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/ropa"
)

// workbook writes reg's generic workbook in l to a file and returns its path
// and its bytes.
func workbook(t *testing.T, reg *ropa.Register, l export.Lang) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, export.WriteXLSX(&buf, reg, export.WithLang(l)))
	p := filepath.Join(t.TempDir(), "register.xlsx")
	require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o600))
	return p, buf.Bytes()
}

// icoTemplate writes a filled ICO controller template of one activity,
// its Article 6 basis as given, and returns its path.
func icoTemplate(t *testing.T, basis string) string {
	t.Helper()
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "Template"))
	row := [][2]string{{"Business function", "HR"}, {"Article 6 lawful basis for processing personal data", basis},
		{"Purpose of processing", "Payroll"}, {"Categories of individuals", "Employees"}, {"Categories of personal data", "Salary"}}
	for i, c := range row {
		require.NoError(t, f.SetCellValue("Template", string(rune('A'+i))+"9", c[0]))
		require.NoError(t, f.SetCellValue("Template", string(rune('A'+i))+"10", c[1]))
	}
	p := filepath.Join(t.TempDir(), "ico.xlsx")
	require.NoError(t, f.SaveAs(p))
	return p
}

func TestImport(t *testing.T) {
	small, _, err := ropa.Decode([]byte(clean), ropa.YAML)
	require.NoError(t, err)
	wengage, _, err := examples.Load("wengage")
	require.NoError(t, err)
	smallFile, smallData := workbook(t, small, export.Dutch)
	wengageFile, _ := workbook(t, wengage, export.English)
	risky, _, err := examples.Load("wengage")
	require.NoError(t, err)
	risky.Activities[0].Risk = "extreme" // a level of risk the importer does not know
	riskyFile, _ := workbook(t, risky, export.English)
	var gbaBuf bytes.Buffer
	require.NoError(t, export.WriteXLSX(&gbaBuf, wengage, export.WithLayout(export.GBA), export.WithLang(export.French)))
	gbaFile := filepath.Join(t.TempDir(), "gba.xlsx")
	require.NoError(t, os.WriteFile(gbaFile, gbaBuf.Bytes(), 0o600))
	icoFile := icoTemplate(t, "Legal obligation")
	icoBad := icoTemplate(t, "because we can")
	notBook := write(t, "register.xlsx", "name,purpose\npayroll,pay\n")
	tests := []struct {
		name    string
		stdin   string
		args    []string // OUT stands for the output file
		out     string   // the output file's name
		status  int
		stdout  string // a part of the standard output
		stderr  []string
		noErr   bool
		format  ropa.Format // of the output, when written
		samples *ropa.Register
	}{
		{name: "clean workbook to YAML", args: []string{smallFile}, out: "reg.yaml", status: 0, noErr: true, format: ropa.YAML, samples: small},
		{name: "clean workbook to JSON, language named", args: []string{"--lang", "nl", "--layout", "generic", smallFile}, out: "reg.json", status: 0, noErr: true, format: ropa.JSON, samples: small},
		{name: "standard input", stdin: string(smallData), args: []string{"-"}, out: "reg.yml", status: 0, noErr: true, format: ropa.YAML, samples: small},
		{name: "an example register round trips", args: []string{wengageFile}, out: "reg.yaml", status: 0, noErr: true, format: ropa.YAML},
		{name: "cells not read", args: []string{riskyFile}, out: "reg.yaml", status: 1, format: ropa.YAML,
			stderr: []string{riskyFile + "#Activities!", "not a level of risk (low, medium, high)", `"extreme"`}},
		{name: "not a workbook", args: []string{notBook}, out: "reg.yaml", status: 2, stderr: []string{notBook + ": importxlsx: not an XLSX workbook: not a zip archive"}},
		{name: "empty standard input", args: []string{"-"}, out: "reg.yaml", status: 2, stderr: []string{"<stdin>: the workbook is empty"}},
		{name: "missing file", args: []string{filepath.Join(t.TempDir(), "none.xlsx")}, out: "reg.yaml", status: 2, stderr: []string{"none.xlsx: no such file"}},
		{name: "language wrong for the workbook", args: []string{"--lang", "fr", smallFile}, out: "reg.yaml", status: 2, stderr: []string{`not an XLSX workbook: no sheet "Traitements", as the generic workbook in fr has`}},
		{name: "no output", args: []string{smallFile}, status: 2, stderr: []string{"name the output file with -o"}},
		{name: "two workbooks", args: []string{smallFile, smallFile}, out: "reg.yaml", status: 2, stderr: []string{"name exactly one workbook"}},
		{name: "cnil layout on the generic workbook", args: []string{"--layout", "cnil", smallFile}, out: "reg.yaml", status: 2, stderr: []string{`no sheet "2_-_Liste_des_traitements" nor any sheet with the labels`}},
		{name: "ico template, told by its sheet", args: []string{icoFile}, out: "reg.yaml", status: 0, noErr: true, format: ropa.YAML},
		{name: "ico template named, a cell not read", args: []string{"--layout", "ico", icoBad}, out: "reg.json", status: 1, format: ropa.JSON,
			stderr: []string{icoBad + "#Template!B10: no lawful basis of Art. 6(1) recognised"}},
		{name: "ico layout on the generic workbook", args: []string{"--layout", "ico", smallFile}, out: "reg.yaml", status: 2, stderr: []string{`no sheet "Template"`}},
		{name: "gba workbook, told by its sheets", args: []string{gbaFile}, out: "reg.yaml", status: 0, noErr: true, format: ropa.YAML},
		{name: "gba workbook named", args: []string{"--layout", "gba", gbaFile}, out: "reg.json", status: 0, noErr: true, format: ropa.JSON},
		{name: "gba layout on the generic workbook", args: []string{"--layout", "gba", smallFile}, out: "reg.yaml", status: 2, stderr: []string{"no identification and register sheets of the GBA model"}},
		{name: "unknown layout", args: []string{"--layout", "dsk", smallFile}, out: "reg.yaml", status: 2, stderr: []string{`--layout must be generic, gba, ico or cnil, not "dsk"`}},
		{name: "unknown language", args: []string{"--lang", "es", smallFile}, out: "reg.yaml", status: 2, stderr: []string{`--lang must be en, nl, fr or de, not "es"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"import"}
			out := ""
			if tc.out != "" {
				out = filepath.Join(t.TempDir(), tc.out)
				args = append(args, "-o", out)
			}
			status, stdout, stderr := runStdin(tc.stdin, append(args, tc.args...)...)
			assert.Equal(t, tc.status, status, stderr)
			assert.Contains(t, stdout, tc.stdout)
			if tc.noErr {
				assert.Empty(t, stderr)
			}
			for _, s := range tc.stderr {
				assert.Contains(t, stderr, s)
			}
			if tc.format == "" {
				if out != "" {
					assert.NoFileExists(t, out)
				}
				return
			}
			data, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, tc.format == ropa.JSON, strings.HasPrefix(string(data), "{"), "output format")
			reg, _, err := ropa.Decode(data, tc.format)
			require.NoError(t, err)
			if tc.samples != nil {
				want, err := ropa.Marshal(tc.samples)
				require.NoError(t, err)
				got, err := ropa.Marshal(reg)
				require.NoError(t, err)
				assert.JSONEq(t, string(want), string(got))
			}
		})
	}
}

// TestImportStdout writes the register to standard output as YAML, and the
// problems, each with its cell, to standard error.
func TestImportStdout(t *testing.T) {
	wengage, _, err := examples.Load("wengage")
	require.NoError(t, err)
	wengage.Activities[0].Risk = "extreme" // a level of risk the importer does not know
	_, data := workbook(t, wengage, export.French)
	status, stdout, stderr := runStdin(string(data), "import", "-o", "-", "-")
	assert.Equal(t, 1, status)
	reg, _, err := ropa.Decode([]byte(stdout), ropa.YAML)
	require.NoError(t, err)
	assert.Len(t, reg.Activities, len(wengage.Activities))
	require.NotEmpty(t, stderr)
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		assert.True(t, strings.HasPrefix(line, "<stdin>#"), "a problem names its cell: %s", line)
	}
	assert.Contains(t, reg.Activities[0].Notes+reg.Notes, "Import problems", "the problems are kept in the notes")
}
