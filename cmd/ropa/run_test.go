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
	return runStdin("", args...)
}

// runStdin runs the command with stdin as its standard input.
func runStdin(stdin string, args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = run(args, env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, now: fixedNow})
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
		{[]string{"check", "--format", "xml", "x.yaml"}, "--format must be text, json or sarif"},
		{[]string{"check", "--bogus", "x.yaml"}, "flag provided but not defined: -bogus"},
		{[]string{"check", "missing.yaml"}, "no such file"},
		{[]string{"check", "register.txt"}, "open register.txt: no such file"},
		{[]string{"check", "-", "-"}, "standard input (-) can be read only once, and is named 2 times"},
		{[]string{"check", "--input", "toml", "-"}, `--input must be yaml or json, not "toml"`},
		{[]string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"help", "check", "export"}, `unexpected argument "export"`},
		{[]string{"schema", "--format", "json"}, "flag provided but not defined: -format"},
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

// TestUsage: -h, --help and help print the usage on standard output and
// exit 0; wrong arguments exit 2 with what is wrong and the verb's usage on
// standard error, and nothing on standard output.
func TestUsage(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		usage  string // the start of the usage (help), or a part of it (misuse)
	}{
		{[]string{"-h"}, 0, "usage:\n  ropa check"},
		{[]string{"--help"}, 0, "usage:\n  ropa check"},
		{[]string{"help"}, 0, "usage:\n  ropa check"},
		{[]string{"help", "-h"}, 0, "usage: ropa help [COMMAND]\n"},
		{[]string{"help", "export"}, 0, "usage: ropa export --format xlsx|json|report"},
		{[]string{"check", "-h"}, 0, "usage: ropa check [--at YYYY-MM-DD]"},
		{[]string{"check", "--help"}, 0, "usage: ropa check [--at YYYY-MM-DD]"},
		{[]string{"check", "x.yaml", "-help"}, 0, "usage: ropa check [--at YYYY-MM-DD]"},
		{[]string{"export", "-h"}, 0, "usage: ropa export --format"},
		{[]string{"export", "--help"}, 0, "usage: ropa export --format"},
		{[]string{"rules", "-h"}, 0, "usage: ropa rules [--format text|json]\n"},
		{[]string{"rules", "--help"}, 0, "usage: ropa rules [--format text|json]\n"},
		{[]string{"schema", "-h"}, 0, "usage: ropa schema\n"},
		{[]string{"schema", "--help"}, 0, "usage: ropa schema\n"},
		{nil, 2, "usage:\n  ropa check"},
		{[]string{"frobnicate"}, 2, "usage:\n  ropa check"},
		{[]string{"check"}, 2, "usage: ropa check "},
		{[]string{"check", "--bogus", "x.yaml"}, 2, "usage: ropa check "},
		{[]string{"check", "--at", "x", "x.yaml"}, 2, "usage: ropa check "},
		{[]string{"export", "-o", "x"}, 2, "usage: ropa export "},
		{[]string{"rules", "x"}, 2, "usage: ropa rules "},
		{[]string{"schema", "x"}, 2, "usage: ropa schema"},
		{[]string{"help", "x"}, 2, "usage: ropa help "},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			status, out, errOut := runRopa(tt.args...)
			assert.Equal(t, tt.status, status)
			if tt.status == 0 {
				assert.Empty(t, errOut)
				assert.True(t, strings.HasPrefix(out, tt.usage), out)
				return
			}
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.usage)
		})
	}
	_, out, _ := runRopa("help")
	for _, v := range []string{"check", "export", "rules", "schema", "help"} {
		assert.Contains(t, out, "\n  ropa "+v, "the usage lists %s", v)
	}
	_, out, _ = runRopa("export", "-h")
	for _, f := range []string{"-at", "-format", "-input", "-lang", "-layout", "-o"} {
		assert.Contains(t, out, "\n  "+f+" ", "the usage of export lists %s", f)
	}
}

const cleanJSON = `{"schema":"openropa/v1","organisation":{"name":"A","email":"a@example.be","employees":300}}`

// TestStandardInput: - reads standard input, its format told from its
// content or by --input; messages name it <stdin>.
func TestStandardInput(t *testing.T) {
	typo := "schema: openropa/v1\norganisation:\n  nmae: A\n"
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
		out    string // in standard output
		errOut string // in standard error
	}{
		{"YAML", clean, []string{"check", "-"}, 0, "<stdin>:2:72: info art-30-5-exemption", ""},
		{"JSON", cleanJSON, []string{"check", "-"}, 0, "<stdin>:1:87: info art-30-5-exemption", ""},
		{"JSON after white space", " \n\t" + cleanJSON, []string{"check", "-"}, 0, "<stdin>:2:88: info", ""},
		{"JSON forced", cleanJSON, []string{"check", "--input", "json", "-"}, 0, "<stdin>:1:87: info", ""},
		{"YAML forced on JSON", cleanJSON, []string{"check", "--input", "yaml", "-"}, 0, "<stdin>: 0 errors", ""},
		{"JSON forced on YAML", clean, []string{"check", "--input", "json", "-"}, 2, "", "<stdin>:1:1: invalid character"},
		{"load error", typo, []string{"check", "-"}, 2, "", `<stdin>:3:3: organisation.nmae: unknown field "nmae"; did you mean "name"?`},
		{"empty", "", []string{"check", "-"}, 2, "", "<stdin>:"},
		{"JSON report", clean, []string{"check", "--format", "json", "-"}, 0, `{"file":"<stdin>",`, ""},
		{"export", clean, []string{"export", "--format", "json", "-o", "-", "-"}, 0, `"schema": "openropa/v1"`, ""},
		{"export load error", typo, []string{"export", "--format", "json", "-o", "-", "-"}, 2, "", "<stdin>:3:3: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runStdin(tt.stdin, tt.args...)
			assert.Equal(t, tt.status, status, errOut)
			if tt.out != "" {
				assert.Contains(t, out, tt.out)
			}
			if tt.errOut != "" {
				assert.Contains(t, errOut, tt.errOut)
			} else {
				assert.Empty(t, errOut)
			}
		})
	}
}

// TestFormatFromContent: a file whose name has no known extension, as
// /dev/fd/63 from <(git show ...), is told by its content.
func TestFormatFromContent(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"63", cleanJSON, ":1:87: info"},
		{"register.txt", clean, ":2:72: info"},
		{"register", "\n" + cleanJSON, ":2:87: info"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := write(t, tt.name, tt.content)
			status, out, errOut := runRopa("check", f)
			assert.Equal(t, 0, status, errOut)
			assert.Contains(t, out, f+tt.want)
		})
	}
	assert.Equal(t, "json", string(formatOf("x.json", []byte("a: 1"))), "an extension wins over the content")
	assert.Equal(t, "yaml", string(formatOf("-", []byte("# {\n{a: 1}"))))
}

// TestDates: an --at or a date in a register that is not a date a register
// can carry is refused, saying why.
func TestDates(t *testing.T) {
	tests := []struct{ at, msg string }{
		{"2026-02-30", "ropa check: --at: 2026-02-30 is not a date: February 2026 has 28 days\n"},
		{"0001-01-01", "ropa check: --at: 0001-01-01 is before 1900-01-01, the earliest date that can be given\n"},
		{"0000-01-01", "ropa check: --at: 0000-01-01 is before 1900-01-01"},
		{"2026-2-3", `ropa check: --at: date "2026-2-3": want YYYY-MM-DD, such as 2023-10-10`},
		{" 2026-02-03", `ropa check: --at: date " 2026-02-03": want YYYY-MM-DD`},
		{"2026-02-03T00:00", `ropa check: --at: date "2026-02-03T00:00": want YYYY-MM-DD`},
	}
	f := write(t, "clean.yaml", clean)
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			status, out, errOut := runRopa("check", "--at", tt.at, f)
			assert.Equal(t, 2, status)
			assert.Empty(t, out)
			assert.True(t, strings.HasPrefix(errOut, tt.msg), errOut)
		})
	}
	status, _, errOut := runStdin(clean+"updated: 0001-01-01\n", "check", "-")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "<stdin>:3:10: updated: 0001-01-01 is before 1900-01-01")
}

// TestGBALanguages: the GBA layout exists in Dutch and French only; asked
// for in another language, export fails before loading.
func TestGBALanguages(t *testing.T) {
	src := registers + "wengage.yaml"
	tests := []struct {
		lang   string
		status int
	}{
		{"nl", 0}, {"fr", 0}, {"en", 2}, {"de", 2},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "gba.xlsx")
			status, _, errOut := runRopa("export", "--layout", "gba", "--lang", tt.lang, "--at", "2026-11-21", "-o", out, src)
			assert.Equal(t, tt.status, status, errOut)
			_, err := os.Stat(out)
			if tt.status == 0 {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, os.ErrNotExist)
			assert.Contains(t, errOut, `ropa export: the gba layout exists in Dutch and French only: use --lang nl or --lang fr, not "`+tt.lang+`"`)
		})
	}
	status, _, errOut := runRopa("export", "--layout", "gba", "--lang", "de", "-o", "x.xlsx", "missing.yaml")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "the gba layout exists in Dutch and French only", "checked before loading")
	assert.NotContains(t, errOut, "no such file")
}

// TestExitCodes: every verb's exit statuses, as the README documents them.
func TestExitCodes(t *testing.T) {
	good := write(t, "good.yaml", clean)
	bad := write(t, "bad.yaml", clean+"measures:\n  - {id: m, kind: technical}\n")
	broken := write(t, "broken.yaml", "schema: openropa/v1\norganisation:\n  nmae: A\n")
	out := filepath.Join(t.TempDir(), "out.json")
	tests := []struct {
		args   []string
		status int
	}{
		{[]string{"check", good}, 0},
		{[]string{"check", bad}, 1},
		{[]string{"check", good, bad}, 1},
		{[]string{"check", broken}, 2},
		{[]string{"check", bad, broken}, 2},
		{[]string{"check", "--format", "json", bad}, 1},
		{[]string{"check", "--format", "xml", good}, 2},
		{[]string{"check"}, 2},
		{[]string{"check", "-h"}, 0},
		{[]string{"export", "--format", "json", "-o", out, good}, 0},
		{[]string{"export", "--format", "report", "-o", out, bad}, 0},
		{[]string{"export", "--format", "json", "-o", out, broken}, 2},
		{[]string{"export", "--format", "json", good}, 2},
		{[]string{"export", "--format", "json", "-o", out, good, bad}, 2},
		{[]string{"export", "--format", "json", "-o", filepath.Join(out, "x"), good}, 2},
		{[]string{"export", "-h"}, 0},
		{[]string{"rules"}, 0},
		{[]string{"rules", "--format", "json"}, 0},
		{[]string{"rules", "x"}, 2},
		{[]string{"rules", "-h"}, 0},
		{[]string{"schema"}, 0},
		{[]string{"schema", "x"}, 2},
		{[]string{"schema", "-h"}, 0},
		{[]string{"help"}, 0},
		{[]string{"help", "check"}, 0},
		{[]string{"help", "x"}, 2},
		{nil, 2},
		{[]string{"x"}, 2},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			status, _, errOut := runRopa(tt.args...)
			assert.Equal(t, tt.status, status, errOut)
		})
	}
}

// TestExportOutputFile: export -o keeps an existing file's mode, follows a
// symbolic link, and refuses a read-only file or one with several hard links.
func TestExportOutputFile(t *testing.T) {
	src := write(t, "good.yaml", clean)
	tests := []struct {
		name       string
		mode       os.FileMode // of the existing out.json
		link       bool        // -o names a symbolic link to out.json
		hardLinked bool        // out.json has a second name
		errOut     string      // a refusal; "": the export is written
	}{
		{name: "keeps 0600", mode: 0o600},
		{name: "keeps 0640 through a link", mode: 0o640, link: true},
		{name: "refuses read-only", mode: 0o444, errOut: "is read-only (mode -r--r--r--): it is not replaced"},
		{name: "refuses hard links", mode: 0o644, hardLinked: true, errOut: "has 2 hard links: it is not replaced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			real := filepath.Join(dir, "out.json")
			require.NoError(t, os.WriteFile(real, []byte("old"), 0o600))
			require.NoError(t, os.Chmod(real, tt.mode))
			out := real
			if tt.link {
				out = filepath.Join(dir, "link.json")
				require.NoError(t, os.Symlink("out.json", out))
			}
			if tt.hardLinked {
				require.NoError(t, os.Link(real, filepath.Join(dir, "other.json")))
			}
			status, _, errOut := runRopa("export", "--format", "json", "-o", out, src)
			b, err := os.ReadFile(real)
			require.NoError(t, err)
			if tt.errOut != "" {
				assert.Equal(t, 2, status)
				assert.Contains(t, errOut, "ropa export: "+out+" ")
				assert.Contains(t, errOut, tt.errOut)
				assert.Equal(t, "old", string(b), "a refused file is left as it was")
				return
			}
			assert.Equal(t, 0, status, errOut)
			assert.Contains(t, string(b), `"schema": "openropa/v1"`)
			fi, err := os.Stat(real)
			require.NoError(t, err)
			assert.Equal(t, tt.mode, fi.Mode())
			li, err := os.Lstat(out)
			require.NoError(t, err)
			assert.Equal(t, tt.link, li.Mode().Type() == os.ModeSymlink, "a link stays a link")
		})
	}
}
