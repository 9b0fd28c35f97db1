package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	goldenfile "github.com/openropa/registry/internal/golden"
	"github.com/openropa/registry/ropa"
)

// golden compares got with the golden file at path (-update rewrites it).
func golden(t *testing.T, path string, got []byte) { t.Helper(); goldenfile.Equal(t, path, got) }

// wengage loads the WEngage register and its report as of 2026-11-21,
// located.
func wengage(t testing.TB) (*ropa.Register, *ropa.Report) {
	t.Helper()
	reg, src, err := examples.Load("wengage")
	require.NoError(t, err)
	rep := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	rep.Locate(reg, src)
	return reg, rep
}

// sarifSchema compiles the official SARIF 2.1.0 JSON Schema, as the
// go-sarif module ships it (the constant schema of its v210 package, the
// schema of the OASIS TC's sarif-2.1/schema/sarif-schema-2.1.0.json), read
// from the module's files in the module cache.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-json", "github.com/owenrumney/go-sarif/v3").Output()
	require.NoError(t, err, "go list -m github.com/owenrumney/go-sarif/v3")
	var mod struct{ Dir string }
	require.NoError(t, json.Unmarshal(out, &mod))
	require.NotEmpty(t, mod.Dir, "the go-sarif module is not in the module cache: run go mod download")
	file := filepath.Join(mod.Dir, "pkg", "report", "v210", "sarif", "schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	require.NoError(t, err)
	var text string
	ast.Inspect(f, func(n ast.Node) bool {
		if v, ok := n.(*ast.ValueSpec); ok && len(v.Names) == 1 && v.Names[0].Name == "schema" && len(v.Values) == 1 {
			if lit, ok := v.Values[0].(*ast.BasicLit); ok {
				text, err = strconv.Unquote(lit.Value)
				require.NoError(t, err)
			}
		}
		return true
	})
	require.NotEmpty(t, text, "no constant schema in %s", file)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(text)))
	require.NoError(t, err)
	id, _ := doc.(map[string]any)["id"].(string)
	require.Equal(t, export.SARIFSchemaURI, id, "the module's schema is not SARIF 2.1.0 errata 01")
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(id, doc))
	s, err := c.Compile(id)
	require.NoError(t, err)
	return s
}

func validSARIF(t *testing.T, s *jsonschema.Schema, b []byte) map[string]any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	require.NoError(t, s.Validate(v))
	return v.(map[string]any)
}

// waivedWEngage is the WEngage register with a waiver of the first finding
// on a transfer, and its report.
func waivedWEngage(t *testing.T) *ropa.Report {
	t.Helper()
	reg, src, err := examples.Load("wengage")
	require.NoError(t, err)
	reg.Waivers = append(reg.Waivers, ropa.Waiver{
		Rule:     "required",
		Activity: "vragen-beantwoorden",
		Path:     ropa.PathOf("activities", 0, "transfers", 0, "country"),
		Reason:   `the statement names no country; asked the DPO on "2026-11-01"`,
	}, ropa.Waiver{
		Rule:     "transfer-without-mechanism",
		Activity: "vragen-beantwoorden",
		Path:     ropa.PathOf("activities", 0, "transfers", 0),
		Reason:   "the statement names the ground only as adequacy or other measures; asked the DPO",
	})
	rep := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	rep.Locate(reg, src)
	require.Len(t, rep.Waived, 2)
	return rep
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	s := sarifSchema(t)
	_, located := wengage(t)
	reg, _, err := examples.Load("wengage")
	require.NoError(t, err)
	unlocated := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	for name, rep := range map[string]*ropa.Report{
		"located":   located,
		"unlocated": unlocated,
		"waived":    waivedWEngage(t),
		"empty":     {At: ropa.NewDate(2026, 11, 21)},
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, export.WriteSARIF(&b, rep))
			validSARIF(t, s, b.Bytes())
		})
	}
}

func TestSARIFGolden(t *testing.T) {
	_, rep := wengage(t)
	var b bytes.Buffer
	require.NoError(t, export.WriteSARIF(&b, rep))
	golden(t, "testdata/sarif/wengage.sarif", b.Bytes())
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Schema string `json:"$schema"`
	Runs   []struct {
		Tool struct {
			Driver struct {
				Name, InformationURI, Version string
				Rules                         []struct {
					ID               string
					ShortDescription struct{ Text string }
					Help             struct{ Text string }
					Properties       map[string]any
					DefaultConfig    struct{ Level string } `json:"defaultConfiguration"`
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct{ URI string }
					Region           struct{ StartLine, StartColumn int }
				}
				LogicalLocations []struct{ FullyQualifiedName, Kind string }
			}
			RelatedLocations []struct{}
			Suppressions     []struct{ Kind, Status, Justification string }
			Properties       map[string]any
		}
		Properties map[string]any
	}
}

func readSARIF(t *testing.T, rep *ropa.Report, opts ...export.SARIFOption) sarifLog {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, export.WriteSARIF(&b, rep, opts...))
	var log sarifLog
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))
	require.Len(t, log.Runs, 1)
	return log
}

func TestSARIFContent(t *testing.T) {
	_, rep := wengage(t)
	log := readSARIF(t, rep, export.WithToolVersion("v1.2.3"))
	run := log.Runs[0]
	assert.Equal(t, export.SARIFSchemaURI, log.Schema)
	assert.Equal(t, "OpenRoPA", run.Tool.Driver.Name)
	assert.Equal(t, export.ToolURI, run.Tool.Driver.InformationURI)
	assert.Equal(t, "v1.2.3", run.Tool.Driver.Version)
	assert.Equal(t, "2026-11-21", run.Properties["checkedAt"])

	rules := ropa.Rules()
	require.Len(t, run.Tool.Driver.Rules, len(rules), "the whole catalogue, each rule once")
	for i, r := range rules {
		got := run.Tool.Driver.Rules[i]
		assert.Equal(t, r.ID, got.ID)
		assert.Equal(t, r.Doc, got.ShortDescription.Text)
		assert.Equal(t, r.Article, got.Properties["article"])
		assert.Contains(t, got.Help.Text, r.Article)
		assert.Equal(t, export.SARIFLevel(r.Severity), got.DefaultConfig.Level, r.ID)
	}

	require.Len(t, run.Results, len(rep.Findings))
	for i, f := range rep.Findings {
		res := run.Results[i]
		assert.Equal(t, f.Rule, res.RuleID)
		assert.Equal(t, f.Rule, run.Tool.Driver.Rules[res.RuleIndex].ID, "ruleIndex points at the rule")
		assert.Equal(t, export.SARIFLevel(f.Severity), res.Level)
		assert.Equal(t, f.Message, res.Message.Text)
		assert.Equal(t, f.Article, res.Properties["article"])
		require.Len(t, res.Locations, 1)
		pl := res.Locations[0].PhysicalLocation
		require.NotNil(t, pl, "finding %d has a file", i)
		assert.Equal(t, "registers/wengage.yaml", pl.ArtifactLocation.URI)
		assert.Equal(t, f.Line, pl.Region.StartLine)
		assert.Equal(t, f.Column, pl.Region.StartColumn)
		if f.Path.IsRoot() {
			assert.Empty(t, res.Locations[0].LogicalLocations)
		} else {
			require.Len(t, res.Locations[0].LogicalLocations, 1)
			assert.Equal(t, f.Path.String(), res.Locations[0].LogicalLocations[0].FullyQualifiedName)
		}
		assert.Equal(t, f.Anchor != nil, len(res.RelatedLocations) == 1, "an aliased element points at its anchor")
		assert.Empty(t, res.Suppressions)
	}
}

func TestSARIFLevels(t *testing.T) {
	for s, want := range map[ropa.Severity]string{ropa.Error: "error", ropa.Warning: "warning", ropa.Info: "note"} {
		assert.Equal(t, want, export.SARIFLevel(s), s)
	}
}

func TestSARIFSuppressions(t *testing.T) {
	rep := waivedWEngage(t)
	run := readSARIF(t, rep).Runs[0]
	n := len(rep.Waived)
	require.Len(t, run.Results, len(rep.Findings)+n, "a waived finding is a result too")
	for i, w := range rep.Waived {
		res := run.Results[len(rep.Findings)+i]
		assert.Equal(t, w.Rule, res.RuleID)
		assert.Equal(t, w.Path.String(), res.Locations[0].LogicalLocations[0].FullyQualifiedName)
		require.Len(t, res.Suppressions, 1)
		assert.Equal(t, "inSource", res.Suppressions[0].Kind)
		assert.Equal(t, "accepted", res.Suppressions[0].Status)
		assert.Equal(t, w.Reason, res.Suppressions[0].Justification)
	}
	for _, res := range run.Results[:len(rep.Findings)] {
		assert.Empty(t, res.Suppressions)
	}
}

func TestSARIFRulesOfItsOwn(t *testing.T) {
	rep := &ropa.Report{At: ropa.NewDate(2026, 1, 2), Findings: []ropa.Finding{
		{Rule: "house-rule", Severity: ropa.Warning, Article: "Art. 5(2) GDPR", Path: ropa.PathOf("activities", 2), Message: "say <who> & \"why\"", File: `C:\regs\a b.yaml`, Line: 3, Column: 1},
		{Rule: "unknown", Severity: ropa.Info, Message: "m", File: "/srv/regs/r.yaml", Line: 1},
	}}
	own := []ropa.Rule{{ID: "house-rule", Severity: ropa.Warning, Article: "Art. 5(2) GDPR", Doc: "Our own rule."}}
	run := readSARIF(t, rep, export.WithSARIFRules(own)).Runs[0]
	require.Len(t, run.Tool.Driver.Rules, 2, "a rule not given still gets a descriptor")
	assert.Equal(t, "Our own rule.", run.Tool.Driver.Rules[0].ShortDescription.Text)
	assert.Equal(t, "unknown", run.Tool.Driver.Rules[1].ID)
	assert.Equal(t, "note", run.Tool.Driver.Rules[1].DefaultConfig.Level)
	assert.Equal(t, 1, run.Results[1].RuleIndex)
	assert.Equal(t, `say <who> & "why"`, run.Results[0].Message.Text, "nothing is rewritten")
	assert.Equal(t, "object", run.Results[0].Locations[0].LogicalLocations[0].Kind)
	assert.Equal(t, "file:///srv/regs/r.yaml", run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Empty(t, run.Results[1].Locations[0].LogicalLocations, "the register as a whole has no logical location")
}

func TestSARIFFileURI(t *testing.T) {
	for file, want := range map[string]string{
		"registers/wengage.yaml": "registers/wengage.yaml",
		"my register.yaml":       "my%20register.yaml",
		"a#b?.yaml":              "a%23b%3F.yaml",
		"/srv/r.yaml":            "file:///srv/r.yaml",
		"c:x.yaml":               "./c:x.yaml",
	} {
		rep := &ropa.Report{Findings: []ropa.Finding{{Rule: "r", Severity: ropa.Error, Message: "m", File: file, Line: 1}}}
		run := readSARIF(t, rep).Runs[0]
		assert.Equal(t, want, run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI, file)
	}
}

func TestSARIFNeedsAReport(t *testing.T) {
	err := export.WriteSARIF(&bytes.Buffer{}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "WriteSARIF needs a report")
}

func ExampleWriteSARIF() {
	reg, src, err := examples.Load("wengage")
	if err != nil {
		panic(err)
	}
	rep := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	rep.Locate(reg, src) // files, lines and columns
	var b bytes.Buffer
	if err := export.WriteSARIF(&b, rep); err != nil {
		panic(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		panic(err)
	}
	r := log.Runs[0].Results[3]
	pl := r.Locations[0].PhysicalLocation
	fmt.Printf("%s %s %s:%d:%d\n", r.Level, r.RuleID, pl.ArtifactLocation.URI, pl.Region.StartLine, pl.Region.StartColumn)
	// Output:
	// warning undeclared-transfer registers/wengage.yaml:73:9
}

// TestSARIFSchemaRefuses shows the schema test can fail: a level SARIF
// does not know is refused.
func TestSARIFSchemaRefuses(t *testing.T) {
	s := sarifSchema(t)
	rep := &ropa.Report{Findings: []ropa.Finding{{Rule: "r", Severity: ropa.Error, Message: "m", File: "r.yaml", Line: 1}}}
	var b bytes.Buffer
	require.NoError(t, export.WriteSARIF(&b, rep))
	bad := bytes.Replace(b.Bytes(), []byte(`"level": "error"`), []byte(`"level": "fatal"`), 1)
	require.NotEqual(t, b.Bytes(), bad)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	require.NoError(t, err)
	assert.Error(t, s.Validate(v))
}
