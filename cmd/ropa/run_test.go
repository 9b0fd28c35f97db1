package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/openropa/registry/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fixedNow() time.Time { return time.Date(2026, time.November, 21, 12, 0, 0, 0, time.UTC) }

func runRopa(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = run(args, &out, &errOut, fixedNow)
	return status, out.String(), errOut.String()
}

const registers = "../../examples/registers/"

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
	return p
}

const clean = `schema: openropa/v1
organisation: {name: Example NV, email: privacy@example.be, employees: 300}
`

func TestCheckCleanRegister(t *testing.T) {
	f := write(t, "clean.yaml", clean)
	status, out, errOut := runRopa("check", f)
	assert.Equal(t, 0, status)
	assert.Empty(t, errOut)
	assert.Equal(t, f+":2:72: info art-30-5-exemption [Art. 30(5) GDPR] organisation.employees with 300 employees the organisation cannot rely on the exemption of Art. 30(5): the record is required\n"+
		f+": 0 errors, 0 warnings, 1 info (checked as of 2026-11-21)\n", out)
}

func TestCheckFindingsExitOne(t *testing.T) {
	f := write(t, "bad.yaml", clean+"measures:\n  - {id: m, kind: technical}\n")
	status, out, _ := runRopa("check", "--at", "2024-05-01", f)
	assert.Equal(t, 1, status)
	assert.Contains(t, out, f+":4:5: error required [Art. 30(1)(g) GDPR] measures[0].description description is missing; add it (Art. 30(1)(g) GDPR)\n")
	assert.Contains(t, out, "1 error, 0 warnings, 1 info (checked as of 2024-05-01)")
}

func TestCheckJSON(t *testing.T) {
	bad := write(t, "bad.yaml", clean+"measures:\n  - {id: m, kind: technical}\n")
	good := write(t, "good.json", `{"schema":"openropa/v1","organisation":{"name":"A","email":"a@example.be","employees":300}}`)
	status, out, _ := runRopa("check", "--format", "json", bad, good)
	assert.Equal(t, 1, status)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2, "one JSON object per file")
	var first struct {
		File     string `json:"file"`
		At       string `json:"at"`
		Findings []struct {
			Rule, Severity, Article, Path, Activity, Message string
		} `json:"findings"`
		Summary struct{ Errors, Warnings, Info int } `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, bad, first.File)
	assert.Equal(t, "2026-11-21", first.At)
	require.Len(t, first.Findings, 2)
	assert.Equal(t, "art-30-5-exemption", first.Findings[0].Rule)
	assert.Equal(t, "required", first.Findings[1].Rule)
	assert.Equal(t, "error", first.Findings[1].Severity)
	assert.Equal(t, "measures[0].description", first.Findings[1].Path)
	assert.Equal(t, 1, first.Summary.Errors)
	assert.JSONEq(t, `{"file":"`+good+`","at":"2026-11-21","findings":[{"rule":"art-30-5-exemption","severity":"info","article":"Art. 30(5) GDPR","path":"organisation.employees","key":"art-30-5-exemption.large","args":[300],"message":"with 300 employees the organisation cannot rely on the exemption of Art. 30(5): the record is required","file":"`+good+`","line":1,"column":87}],"summary":{"errors":0,"warnings":0,"info":1}}`, lines[1])
}

func TestCheckLoadFailureExitTwo(t *testing.T) {
	f := write(t, "typo.yaml", "schema: openropa/v1\norganisation:\n  nmae: A\n")
	good := write(t, "good.yaml", clean)
	status, out, errOut := runRopa("check", f, good)
	assert.Equal(t, 2, status, "a file that cannot be loaded wins over findings")
	assert.Equal(t, f+`:3:3: organisation.nmae: unknown field "nmae"; did you mean "name"?`+"\n", errOut)
	assert.Contains(t, out, good+": 0 errors", "the other files are still checked")
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{nil, "usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"check"}, "name one or more register files"},
		{[]string{"check", "--at", "21/11/2026", "x.yaml"}, "--at: date \"21/11/2026\""},
		{[]string{"check", "--format", "xml", "x.yaml"}, "--format must be text or json"},
		{[]string{"check", "--bogus", "x.yaml"}, "flag provided but not defined: -bogus"},
		{[]string{"check", "missing.yaml"}, "no such file"},
		{[]string{"check", "register.txt"}, "cannot tell the format"},
		{[]string{"rules", "extra"}, `unexpected argument "extra"`},
		{[]string{"rules", "--format", "csv"}, "--format must be text or json"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			status, _, errOut := runRopa(tt.args...)
			assert.Equal(t, 2, status)
			assert.Contains(t, errOut, tt.msg)
		})
	}
	status, out, _ := runRopa("help")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "ropa check")
}

func TestFlagsAfterFiles(t *testing.T) {
	f := write(t, "clean.yaml", clean)
	status, out, _ := runRopa("check", f, "--at", "2020-01-01")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "checked as of 2020-01-01")
}

func TestRules(t *testing.T) {
	status, out, _ := runRopa("rules")
	assert.Equal(t, 0, status)
	assert.True(t, strings.HasPrefix(out, "RULE"), out)
	assert.Contains(t, out, "invalid-registration")
	status, out, _ = runRopa("rules", "--format", "json")
	assert.Equal(t, 0, status)
	var rules []map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &rules))
	assert.NotEmpty(t, rules)
	for _, r := range rules {
		assert.NotEmpty(t, r["id"])
		assert.NotEmpty(t, r["severity"])
		assert.NotEmpty(t, r["article"])
		assert.NotEmpty(t, r["summary"])
	}
}

// TestExampleRegisters checks every example register with the command and
// compares the output with a golden file.
func TestExampleRegisters(t *testing.T) {
	paths, err := filepath.Glob(registers + "*.yaml")
	require.NoError(t, err)
	require.Len(t, paths, 5)
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		t.Run(name, func(t *testing.T) {
			status, out, errOut := runRopa("check", "--at", "2026-11-21", p)
			assert.Empty(t, errOut)
			assert.Contains(t, []int{0, 1}, status)
			out = strings.ReplaceAll(out, registers, "")
			golden.Equal(t, filepath.Join("testdata", name+".txt"), []byte(out))
		})
	}
}

func TestSchemaCommand(t *testing.T) {
	status, out, _ := runRopa("schema")
	assert.Equal(t, 0, status)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", doc["$schema"])
	status, _, errOut := runRopa("schema", "x")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "unexpected argument")
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	src := registers + "wengage.yaml"
	for _, c := range []struct{ format, layout, lang string }{
		{"xlsx", "generic", ""}, {"xlsx", "gba", "fr"}, {"xlsx", "ico", "en"}, {"xlsx", "cnil", "fr"},
	} {
		out := filepath.Join(dir, c.format+"-"+c.layout+".xlsx")
		args := []string{"export", "--format", c.format, "--layout", c.layout, "--at", "2026-11-21", "-o", out, src}
		if c.lang != "" {
			args = append(args, "--lang", c.lang)
		}
		status, _, errOut := runRopa(args...)
		require.Equal(t, 0, status, errOut)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, "PK", string(b[:2]), "an XLSX file is a zip archive")
	}
	status, out, _ := runRopa("export", "--format", "json", "-o", "-", src)
	require.Equal(t, 0, status)
	want, err := os.ReadFile("../../ropa/testdata/canonical/wengage.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), out, "JSON export is the canonical form")
	status, out, _ = runRopa("export", "--format", "report", "--at", "2026-11-21", "-o", "-", src)
	require.Equal(t, 0, status)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Contains(t, rep, "register")
	assert.Contains(t, rep, "check")

	for _, bad := range [][]string{
		{"export", "--format", "pdf", "-o", "x", src},
		{"export", "--format", "xlsx", src},
		{"export", "--format", "xlsx", "-o", "x"},
		{"export", "--format", "xlsx", "--layout", "dsk", "-o", "x", src},
		{"export", "--format", "xlsx", "--lang", "es", "-o", "x", src},
		{"export", "--format", "xlsx", "--at", "x", "-o", "x", src},
		{"export", "--format", "json", "-o", filepath.Join(dir, "missing", "x.json"), src},
		{"export", "--format", "json", "-o", "-", "missing.yaml"},
	} {
		status, _, errOut := runRopa(bad...)
		assert.Equal(t, 2, status, strings.Join(bad, " "))
		assert.NotEmpty(t, errOut)
	}
}

// TestFailedExportLeavesNothing: an export that fails (a value over Excel's
// cell limit) keeps the file it would have replaced, leaves no temporary
// file, and writes nothing to standard output.
func TestFailedExportLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "long.yaml")
	require.NoError(t, os.WriteFile(src, []byte("schema: openropa/v1\norganisation: {name: A}\nactivities:\n  - {id: a, name: A, notes: "+strings.Repeat("x", 32768)+"}\n"), 0o644))
	out := filepath.Join(dir, "register.xlsx")
	require.NoError(t, os.WriteFile(out, []byte("the previous export"), 0o644))

	status, _, errOut := runRopa("export", "--format", "xlsx", "-o", out, src)
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "an Excel cell holds at most 32767")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "the previous export", string(b))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file is left")

	status, stdout, _ := runRopa("export", "--format", "xlsx", "-o", "-", src)
	assert.Equal(t, 2, status)
	assert.Empty(t, stdout)
}
