package ropa

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/openropa/registry/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rule tests read annotated registers, in the manner of analysistest:
// each file under testdata/rules/<chapter>/ is one YAML register whose
// header says which rules it is about, and whose lines say which findings
// of those rules they must get.
//
//	# rules: no-legal-basis interest-not-stated   (or: # rules: all)
//	# at: 2021-01-01                               (optional; default 2024-01-01)
//	...
//	      - description: Sales   # want no-legal-basis
//	        bases: [{basis: legitimate-interests}]   # want interest-not-stated:warning
//
// A line with "# want id [id ...]" must get exactly those findings (an id
// twice: two findings) of the file's rules, located on that line; an
// "id:severity" also fixes the finding's severity. Every other line must get
// no finding of the file's rules, so a register that holds no want of a rule
// is a register that rule must leave clean.

const wantDir = "testdata/rules"

var (
	wantRe    = regexp.MustCompile(`#\s*want\b(.*)$`)
	rulesRe   = regexp.MustCompile(`^#\s*rules:\s*(.*)$`)
	atRe      = regexp.MustCompile(`^#\s*at:\s*(\S+)\s*$`)
	wantToken = regexp.MustCompile(`^([a-z0-9-]+)(?::(error|warning|info))?$`)
)

// annotated is one annotated register file.
type annotated struct {
	path  string
	rules map[string]bool // the rules the file is about
	all   bool            // every rule of the catalogue
	at    Date
	wants map[int][]want // by line
}

type want struct {
	rule     string
	severity Severity // empty: any
}

// readAnnotated parses the header and the want comments of a file.
func readAnnotated(path string, data []byte) (*annotated, error) {
	a := &annotated{path: path, rules: map[string]bool{}, at: NewDate(2024, 1, 1), wants: map[int][]want{}}
	known := map[string]bool{}
	for _, r := range catalogue {
		known[r.ID] = true
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line, header := 0, true
	for sc.Scan() {
		line++
		text := sc.Text()
		if header {
			if m := rulesRe.FindStringSubmatch(text); m != nil {
				for _, id := range strings.Fields(m[1]) {
					switch {
					case id == "all":
						a.all = true
					case !known[id]:
						return nil, fmt.Errorf("%s:%d: rules names %q, which is no rule of the catalogue", path, line, id)
					default:
						a.rules[id] = true
					}
				}
				continue
			}
			if m := atRe.FindStringSubmatch(text); m != nil {
				d, err := ParseDate(m[1])
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", path, line, err)
				}
				a.at = d
				continue
			}
			if strings.HasPrefix(strings.TrimSpace(text), "#") {
				continue
			}
			header = false
		}
		m := wantRe.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		fields := strings.Fields(m[1])
		if len(fields) == 0 {
			return nil, fmt.Errorf("%s:%d: a want names no rule", path, line)
		}
		for _, tok := range fields {
			t := wantToken.FindStringSubmatch(tok)
			if t == nil {
				return nil, fmt.Errorf("%s:%d: %q is not rule-id or rule-id:severity", path, line, tok)
			}
			if !a.about(t[1]) {
				return nil, fmt.Errorf("%s:%d: want %s, which the file's rules line does not name", path, line, t[1])
			}
			a.wants[line] = append(a.wants[line], want{rule: t[1], severity: Severity(t[2])})
		}
	}
	if !a.all && len(a.rules) == 0 {
		return nil, fmt.Errorf("%s: the first lines name no rules (# rules: id ... or # rules: all)", path)
	}
	return a, sc.Err()
}

// about reports whether the file is about a rule.
func (a *annotated) about(id string) bool { return a.all || a.rules[id] }

// annotatedFiles returns the annotated register files, in a fixed order.
func annotatedFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(wantDir, "*", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no annotated registers under %s", wantDir)
	sort.Strings(files)
	return files
}

func TestRulesAnnotated(t *testing.T) {
	for _, path := range annotatedFiles(t) {
		t.Run(filepath.ToSlash(strings.TrimPrefix(path, wantDir+string(filepath.Separator))), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			a, err := readAnnotated(path, data)
			require.NoError(t, err)
			reg, src, err := Decode(data, YAML)
			require.NoError(t, err)
			rep := Check(reg, a.at)
			rep.Locate(reg, src)
			for _, l := range lang.All() {
				for _, f := range rep.Translated(l, nil).Findings {
					assert.NotContains(t, f.Message, "%!", "%s: the %s message of %s has a verb without its argument, or an argument without its verb", l, f.Key, f.Path)
				}
			}
			got := map[int][]Finding{}
			for _, f := range rep.Findings {
				if a.about(f.Rule) {
					got[f.Line] = append(got[f.Line], f)
				}
			}
			lines := map[int]bool{}
			for l := range got {
				lines[l] = true
			}
			for l := range a.wants {
				lines[l] = true
			}
			for _, l := range slices.Sorted(mapKeys(lines)) {
				checkLine(t, path, l, a.wants[l], got[l])
			}
		})
	}
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// checkLine holds the findings on one line to its wants: each want matched
// by one finding of its rule (and severity), no finding left over.
func checkLine(t *testing.T, path string, line int, wants []want, got []Finding) {
	t.Helper()
	left := slices.Clone(got)
	// Wants that fix a severity are matched first, so that a want of any
	// severity does not take the finding they need.
	ordered := slices.Clone(wants)
	slices.SortStableFunc(ordered, func(a, b want) int {
		return boolRank(a.severity == "") - boolRank(b.severity == "")
	})
	for _, w := range ordered {
		i := slices.IndexFunc(left, func(f Finding) bool {
			return f.Rule == w.rule && (w.severity == "" || f.Severity == w.severity)
		})
		if i < 0 {
			sev := ""
			if w.severity != "" {
				sev = " (" + string(w.severity) + ")"
			}
			t.Errorf("%s:%d: want a finding of %s%s; the line got:%s", path, line, w.rule, sev, describeFindings(got))
			continue
		}
		left = slices.Delete(left, i, i+1)
	}
	for _, f := range left {
		t.Errorf("%s:%d: unexpected finding %s %s at %s: %s", path, line, f.Severity, f.Rule, f.Path, f.Message)
	}
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func describeFindings(fs []Finding) string {
	if len(fs) == 0 {
		return " none"
	}
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s %s at %s: %s", f.Severity, f.Rule, f.Path, f.Message)
	}
	return b.String()
}

// TestEveryRuleHasAnAnnotatedFile holds the catalogue to its annotated
// registers: every rule is the subject of a file that wants a finding of it.
func TestEveryRuleHasAnAnnotatedFile(t *testing.T) {
	wanted := map[string]bool{}
	for _, path := range annotatedFiles(t) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		a, err := readAnnotated(path, data)
		require.NoError(t, err)
		for _, ws := range a.wants {
			for _, w := range ws {
				wanted[w.rule] = true
			}
		}
	}
	for _, r := range catalogue {
		assert.True(t, wanted[r.ID], "rule %s has no annotated register under %s that wants a finding of it", r.ID, wantDir)
	}
}

func TestReadAnnotated(t *testing.T) {
	tests := []struct {
		name, text, err string
		wants           map[int][]want
	}{
		{"wants", "# rules: no-legal-basis no-measures\nschema: x # want no-legal-basis no-legal-basis:error\n", "",
			map[int][]want{2: {{"no-legal-basis", ""}, {"no-legal-basis", Error}}}},
		{"no rules", "schema: x\n", "name no rules", nil},
		{"unknown rule", "# rules: no-such-rule\n", `"no-such-rule", which is no rule`, nil},
		{"want of another rule", "# rules: no-measures\nschema: x # want no-legal-basis\n", "does not name", nil},
		{"bad token", "# rules: all\nschema: x # want No-Measures\n", "is not rule-id", nil},
		{"empty want", "# rules: all\nschema: x # want\n", "names no rule", nil},
		{"bad date", "# rules: all\n# at: 2024-13-01\n", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readAnnotated("f.yaml", []byte(tt.text))
			if tt.name == "bad date" {
				require.Error(t, err)
				return
			}
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wants, a.wants)
		})
	}
}
