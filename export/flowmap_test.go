package export_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/ropa"
)

func flowMap(t *testing.T, reg *ropa.Register, rep *ropa.Report, f export.FlowFormat, opts ...export.FlowOption) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, export.WriteFlowMap(&b, reg, rep, f, opts...))
	return b.String()
}

func TestFlowMapGolden(t *testing.T) {
	reg, rep := wengage(t)
	for _, f := range []export.FlowFormat{export.DOT, export.Mermaid} {
		t.Run(f.String(), func(t *testing.T) {
			golden(t, "testdata/flowmap/wengage."+f.String(), []byte(flowMap(t, reg, rep, f)))
		})
	}
}

// TestFlowMapMorocco checks the map names the transfer of the WEngage
// processing record to WEngage sarlau in Morocco, and marks it as needing
// attention: the report warns that no transfer impact assessment is cited.
func TestFlowMapMorocco(t *testing.T) {
	reg, rep := wengage(t)
	dot := flowMap(t, reg, rep, export.DOT)
	assert.Contains(t, dot, `label="Marokko (MA)"`)
	var edge string
	for line := range strings.Lines(dot) {
		if strings.Contains(line, "WEngage sarlau") {
			edge = line
		}
	}
	require.NotEmpty(t, edge, "the map names the importer")
	assert.Contains(t, edge, `style=dashed`)
	assert.Contains(t, edge, `! aandacht nodig`)
	mermaid := flowMap(t, reg, rep, export.Mermaid)
	assert.Contains(t, mermaid, "WEngage sarlau")
	assert.Contains(t, mermaid, "Marokko (MA)")
}

func TestFlowMapStatus(t *testing.T) {
	reg, rep := wengage(t)
	cases := []struct {
		name string
		rep  *ropa.Report
		want []string
		not  []string
	}{
		{"report", rep, []string{"✗ ongeldig", "! aandacht nodig", "op 2026-11-21"}, []string{"niet gecontroleerd"}},
		{"no report", nil, []string{"? niet gecontroleerd", "(niet gecontroleerd)"}, []string{"✗ ongeldig", "! aandacht nodig"}},
		{"clean report", &ropa.Report{At: ropa.NewDate(2026, 11, 21)}, []string{"✓ geldig"}, []string{"✗ ongeldig", "! aandacht"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dot := flowMap(t, reg, c.rep, export.DOT)
			body, _, _ := strings.Cut(dot, "subgraph cluster_legend")
			for _, w := range c.want {
				assert.Contains(t, dot, w)
			}
			for _, w := range c.not {
				assert.NotContains(t, body, w)
			}
		})
	}
}

func TestFlowMapWaivedFindingsDoNotCount(t *testing.T) {
	reg, _ := wengage(t)
	rep := waivedWEngage(t)
	var onFirst []ropa.Finding
	for _, f := range rep.Findings {
		if f.Path.HasPrefix(ropa.PathOf("activities", 0, "transfers", 0)) {
			onFirst = append(onFirst, f)
		}
	}
	assert.Empty(t, onFirst, "the findings on the first transfer are waived")
	dot := flowMap(t, reg, rep, export.DOT)
	assert.Contains(t, dot, "✓ geldig", "the first transfer is valid once its finding is waived")
}

func TestFlowMapLanguages(t *testing.T) {
	reg, rep := wengage(t)
	for l, want := range map[export.Lang][]string{
		export.English: {"Data flows of WEngage Groep on 2026-11-21", "Legend: transfers outside the EEA", "✗ invalid", "! needs attention", "Morocco (MA)", "country not named"},
		export.Dutch:   {"Gegevensstromen van WEngage Groep op 2026-11-21", "Legenda", "✗ ongeldig", "Marokko (MA)", "land niet genoemd"},
		export.French:  {"Flux de données de WEngage Groep au 2026-11-21", "Légende", "✗ non valide", "! à examiner", "Maroc (MA)", "pays non précisé"},
		export.German:  {"Datenflüsse von WEngage Groep am 2026-11-21", "Legende", "✗ ungültig", "! zu prüfen", "Marokko (MA)", "Land nicht genannt"},
	} {
		for _, f := range []export.FlowFormat{export.DOT, export.Mermaid} {
			m := flowMap(t, reg, rep, f, export.WithFlowLang(l))
			for _, w := range want {
				assert.Contains(t, m, w, "%s %s", l, f)
			}
		}
	}
}

// tricky is a register whose names hold what DOT and Mermaid read as
// syntax.
func tricky() *ropa.Register {
	return &ropa.Register{
		Schema:       "openropa/v1",
		Language:     "en",
		Organisation: ropa.Party{Name: `A "B" & <i>C</i> #1`},
		Activities: []ropa.Activity{{
			ID:   "a",
			Name: "line one\nline \\two`",
			Recipients: []ropa.Recipient{
				{Name: `x]"); DROP`, Kind: ropa.Processor, Country: "US"},
			},
			Transfers: []ropa.Transfer{{Country: "US", Recipient: `x]"); DROP`, Mechanism: "scc"}, {Organisation: "UN |pipe|"}},
		}},
	}
}

func TestFlowMapEscapes(t *testing.T) {
	reg := tricky()
	dot := flowMap(t, reg, nil, export.DOT)
	assert.Contains(t, dot, `label="A \"B\" &amp; <i>C</i> #1"`)
	assert.Contains(t, dot, `label="line one\nline \\two`+"`"+`"`)
	assert.Contains(t, dot, `x]\"); DROP`)
	mer := flowMap(t, reg, nil, export.Mermaid)
	assert.Contains(t, mer, `"A #quot;B#quot; #amp; #lt;i#gt;C#lt;/i#gt; #35;1"`)
	assert.Contains(t, mer, `"line one<br/>line \two#96;"`)
	assert.Contains(t, mer, `UN |pipe|`, "inside quotes a pipe is text")
	assert.NotContains(t, mer, "<i>")
	if _, err := exec.LookPath("dot"); err == nil {
		svg := flowMap(t, reg, nil, export.SVG)
		assert.Contains(t, svg, "A &quot;B&quot; &amp; &lt;i&gt;C&lt;/i&gt; #1", "the SVG shows what the register wrote")
	}
}

func TestFlowMapGroupsLargeRegisters(t *testing.T) {
	reg, rep := wengage(t)
	n := len(reg.Activities) + len(reg.Processing)
	grouped := flowMap(t, reg, rep, export.DOT, export.WithGroupAbove(n-1), export.WithFlowLang(export.English))
	assert.Contains(t, grouped, fmt.Sprintf("%d activities, grouped by recipient kind and by country", n))
	assert.NotContains(t, grouped, "Het beantwoorden van vragen", "activities are not drawn one by one")
	assert.Contains(t, grouped, "group company")
	assert.Contains(t, grouped, "14 transfers\\n✗ invalid", "the transfers to no named country, counted")
	assert.Contains(t, grouped, "1 transfers\\n! needs attention")
	assert.Contains(t, grouped, "Morocco (MA)")
	whole := flowMap(t, reg, rep, export.DOT, export.WithGroupAbove(n), export.WithFlowLang(export.English))
	assert.NotContains(t, whole, "grouped by")
	assert.Contains(t, whole, "Het beantwoorden van vragen")
}

func TestFlowMapErrors(t *testing.T) {
	reg, rep := wengage(t)
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"no register", export.WriteFlowMap(&bytes.Buffer{}, nil, rep, export.DOT), "needs a register"},
		{"format", export.WriteFlowMap(&bytes.Buffer{}, reg, rep, "png"), `"png" is not a format of the data-flow map`},
		{"language", export.WriteFlowMap(&bytes.Buffer{}, reg, rep, export.DOT, export.WithFlowLang("es")), `"es" is not a language`},
		{"no dot", export.WriteFlowMap(&bytes.Buffer{}, reg, rep, export.SVG, export.WithDotCommand("no-such-graphviz-dot")), "needs Graphviz's no-such-graphviz-dot"},
	}
	for _, c := range cases {
		require.Error(t, c.err, c.name)
		assert.Contains(t, c.err.Error(), c.want, c.name)
	}
}

// TestFlowMapSVG draws the WEngage map with Graphviz. Without dot it is
// skipped, except in CI, which installs Graphviz.
func TestFlowMapSVG(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must install Graphviz (apt-get install graphviz) for the SVG map")
		}
		t.Skip("Graphviz's dot is not installed; apt-get install graphviz")
	}
	reg, rep := wengage(t)
	svg := flowMap(t, reg, rep, export.SVG)
	assert.True(t, strings.HasPrefix(svg, "<?xml"), "an SVG document")
	assert.Contains(t, svg, "<svg")
	assert.Contains(t, svg, "Marokko (MA)")
	assert.Contains(t, svg, "WEngage sarlau")
}

func TestFlowFormats(t *testing.T) {
	for _, f := range export.FlowFormats() {
		assert.True(t, f.Valid(), f)
	}
	assert.False(t, export.FlowFormat("png").Valid())
}

func ExampleWriteFlowMap() {
	reg := &ropa.Register{
		Schema:       "openropa/v1",
		Organisation: ropa.Party{Name: "Acme"},
		Activities: []ropa.Activity{{
			ID: "hr", Name: "Payroll",
			Transfers: []ropa.Transfer{{Country: "US", Recipient: "Payroll Inc.", Mechanism: "scc"}},
		}},
	}
	rep := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	var b bytes.Buffer
	if err := export.WriteFlowMap(&b, reg, rep, export.Mermaid); err != nil {
		panic(err)
	}
	for line := range strings.Lines(b.String()) {
		if strings.Contains(line, "Payroll Inc.") {
			fmt.Print(line)
		}
	}
	// Output:
	// n1 -.->|"Payroll Inc.<br/>Standard data protection clauses adopted by the Commission<br/>! needs attention"| n2
}
