package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/openropa/registry/ropa"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A workbook is checked as the register it holds, each finding at the cell
// its element was read from, with the same findings as the register itself.
func TestCheckWorkbook(t *testing.T) {
	book := filepath.Join(t.TempDir(), "wengage.xlsx")
	status, _, errOut := runRopa("export", "--format", "xlsx", "-o", book, registers+"wengage.yaml")
	require.Equal(t, 0, status, errOut)
	_, fromYAML, _ := runRopa("check", "--format", "json", registers+"wengage.yaml")
	status, out, errOut := runRopa("check", book)
	assert.Equal(t, 1, status)
	assert.Empty(t, errOut, "the generic workbook imports without problems")
	assert.Contains(t, out, book+"#Doorgiften!C2: error transfer-without-mechanism [art. 5, lid 2, en art. 44 AVG] activities[0].transfers[0] (vragen-beantwoorden)")
	assert.Regexp(t, regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(book)+`: 29 fouten, 31 waarschuwingen, 21 adviezen`), out)

	_, fromBook, _ := runRopa("check", "--format", "json", book)
	assert.Equal(t, withoutPositions(t, fromYAML), withoutPositions(t, fromBook), "the same findings; only their positions differ")

	status, out, _ = runRopa("diff", registers+"wengage.yaml", book)
	assert.NotEqual(t, 2, status, out)

	data, err := os.ReadFile(book)
	require.NoError(t, err)
	_, fromStdin, _ := runStdin(string(data), "check", "--format", "json", "-")
	assert.Equal(t, withoutPositions(t, fromYAML), withoutPositions(t, fromStdin), "a workbook on standard input")
}

// withoutPositions returns the findings of a check's JSON without file,
// line, column and anchor.
func withoutPositions(t *testing.T, out string) []ropa.Finding {
	t.Helper()
	var rep struct{ Findings []ropa.Finding }
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	require.NotEmpty(t, rep.Findings)
	for i := range rep.Findings {
		f := &rep.Findings[i]
		f.File, f.Line, f.Column, f.Anchor = "", 0, 0, nil
	}
	return rep.Findings
}

// A file that begins as a zip archive but is not a workbook is refused
// with the import's error, naming the file.
func TestCheckNotAWorkbook(t *testing.T) {
	f := write(t, "fake.xlsx", "PK\x03\x04 not really a zip")
	status, _, errOut := runRopa("check", f)
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, f+": ")
}
