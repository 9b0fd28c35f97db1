package export

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/openropa/registry/ropa"
)

// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the form
// of findings that CI services read, GitHub code scanning among them.
const (
	// SARIFSchemaURI is the JSON Schema of SARIF 2.1.0 (errata 01) as OASIS
	// publishes it; a SARIF log names it in $schema.
	SARIFSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// ToolName is the name of the tool in a SARIF log.
	ToolName = "OpenRoPA"
	// ToolURI is where the tool is described.
	ToolURI = "https://github.com/openropa/registry"
)

// sarifOptions configures WriteSARIF.
type sarifOptions struct {
	rules   []ropa.Rule
	version string
}

// SARIFOption configures WriteSARIF.
type SARIFOption func(*sarifOptions)

// WithSARIFRules gives the rules the report was checked with, for a report
// of a Checker with rules of its own (see ropa.Checker.Rules); by default
// the catalogue of ropa.Rules.
func WithSARIFRules(rules []ropa.Rule) SARIFOption {
	return func(o *sarifOptions) { o.rules = rules }
}

// WithToolVersion records the version of the tool that checked (such as
// the version of the ropa command) as tool.driver.version.
func WithToolVersion(v string) SARIFOption {
	return func(o *sarifOptions) { o.version = v }
}

// SARIFLevel returns the SARIF level of a severity: "error", "warning" or
// "note" (for info).
func SARIFLevel(s ropa.Severity) string {
	switch s {
	case ropa.Error:
		return sarif.LevelError
	case ropa.Warning:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

// WriteSARIF writes a report as a SARIF 2.1.0 log of one run: the rules
// as tool.driver.rules (id, summary, article, level), each finding as a
// result with its rule, level, message, file, line and column (once the
// report is located, see ropa.Report.Locate) and the path of its element as
// a logical location, and each waived finding as a result with an
// in-source suppression whose justification is the waiver's reason. A
// finding whose rule is not among the rules gets a rule of its own id,
// severity and article, so that nothing in the report is left out.
//
// WriteSARIF does not check: the caller hands it the report. The same
// report gives the same bytes.
func WriteSARIF(w io.Writer, rep *ropa.Report, opts ...SARIFOption) error {
	if rep == nil {
		return fmt.Errorf("export: WriteSARIF needs a report")
	}
	o := sarifOptions{}
	for _, opt := range opts {
		opt(&o)
	}
	if o.rules == nil {
		o.rules = ropa.Rules()
	}
	log := sarif.NewReport()
	log.Schema = SARIFSchemaURI
	run := sarif.NewRunWithInformationURI(ToolName, ToolURI)
	run.Language = "en"
	run.Tool.Driver.Language = "en"
	if o.version != "" {
		run.Tool.Driver.WithVersion(o.version)
	}
	index := map[string]int{}
	addRule := func(r ropa.Rule) {
		if _, ok := index[r.ID]; ok {
			return
		}
		index[r.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule(r))
	}
	for _, r := range o.rules {
		addRule(r)
	}
	for _, f := range rep.Findings {
		addRule(ropa.Rule{ID: f.Rule, Severity: f.Severity, Article: f.Article})
		run.AddResult(sarifResult(f, index[f.Rule]))
	}
	for _, wf := range rep.Waived {
		addRule(ropa.Rule{ID: wf.Rule, Severity: wf.Severity, Article: wf.Article})
		res := sarifResult(wf.Finding, index[wf.Rule])
		res.AddSuppression(sarif.NewSuppression().WithKind("inSource").WithStatus("accepted").WithJustification(wf.Reason))
		run.AddResult(res)
	}
	run.WithProperties(sarif.NewPropertyBag().Add("checkedAt", rep.At.String()))
	log.AddRun(run)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("export: writing the SARIF log: %w", err)
	}
	return nil
}

// sarifRule describes a rule: its id, its one-line doc as the short
// description, its article, and its severity as the default level.
func sarifRule(r ropa.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(r.ID).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(SARIFLevel(r.Severity)))
	help := r.Article
	if r.Doc != "" {
		d.WithDescription(r.Doc)
		help = r.Doc + " (" + r.Article + ")"
		if r.Article == "" {
			help = r.Doc
		}
	}
	if help != "" {
		d.WithHelp(sarif.NewMultiformatMessageString().WithText(help))
	}
	props := sarif.NewPropertyBag()
	if r.Article != "" {
		props.Add("article", r.Article)
	}
	props.Add("severity", r.Severity.String())
	props.Tags = []string{"gdpr", "ropa"}
	d.WithProperties(props)
	return d
}

// sarifResult is the result of one finding.
func sarifResult(f ropa.Finding, rule int) *sarif.Result {
	res := sarif.NewRuleResult(f.Rule).
		WithRuleIndex(rule).
		WithLevel(SARIFLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(f.Message))
	loc := sarif.NewLocation()
	if f.File != "" && f.Line > 0 {
		loc.WithPhysicalLocation(sarifPhysical(f.File, ropa.Position{Line: f.Line, Column: f.Column}))
	}
	if !f.Path.IsRoot() {
		ll := sarif.NewLogicalLocation().
			WithFullyQualifiedName(f.Path.String()).
			WithName(sarifName(f.Path)).
			WithKind(sarifKind(f.Path))
		loc.WithLogicalLocations([]*sarif.LogicalLocation{ll})
	}
	if loc.PhysicalLocation != nil || len(loc.LogicalLocations) > 0 {
		res.AddLocation(loc)
	}
	if f.Anchor != nil && f.Anchor.IsValid() && f.File != "" {
		rel := sarif.NewLocation().
			WithPhysicalLocation(sarifPhysical(f.File, *f.Anchor)).
			WithMessage(sarif.NewTextMessage("the element is written here, under a YAML anchor; the finding stands where the alias uses it"))
		res.AddRelatedLocation(rel)
	}
	props := sarif.NewPropertyBag()
	props.Add("article", f.Article)
	if f.Activity != "" {
		props.Add("activity", f.Activity)
	}
	props.Add("key", f.Key)
	res.WithProperties(props)
	return res
}

// sarifPhysical is the place of a position in a file.
func sarifPhysical(file string, p ropa.Position) *sarif.PhysicalLocation {
	region := sarif.NewRegion().WithStartLine(p.Line)
	if p.Column > 0 {
		region.WithStartColumn(p.Column)
	}
	return sarif.NewPhysicalLocation().
		WithArtifactLocation(sarif.NewSimpleArtifactLocation(sarifURI(file))).
		WithRegion(region)
}

// sarifURI renders a file name as a URI reference: a relative name stays
// relative (code scanning resolves it against the repository), an absolute
// one becomes a file URI; either is percent-encoded where it must be.
func sarifURI(name string) string {
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) || strings.HasPrefix(p, "/") {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive, C:/…
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// sarifName is the name of the element at p: its field, or its list index
// as "[3]".
func sarifName(p ropa.Path) string {
	steps := p.Steps()
	s := steps[len(steps)-1]
	if s.IsIndex() {
		return fmt.Sprintf("[%d]", s.Index)
	}
	return s.Field
}

// sarifKind is the SARIF kind of the logical location of an element of
// a JSON or YAML document: "object" for a list item, "property" for a
// field.
func sarifKind(p ropa.Path) string {
	steps := p.Steps()
	if steps[len(steps)-1].IsIndex() {
		return "object"
	}
	return "property"
}
