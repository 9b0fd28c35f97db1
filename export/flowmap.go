package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"

	"github.com/openropa/registry/ropa"
)

// FlowFormat is a format of the data-flow map.
type FlowFormat string

// The formats of the data-flow map.
const (
	// DOT is the graph language of Graphviz.
	DOT FlowFormat = "dot"
	// Mermaid is the flowchart language of Mermaid, which GitHub and GitLab
	// render in Markdown.
	Mermaid FlowFormat = "mermaid"
	// SVG is the picture Graphviz's dot draws of the DOT map.
	SVG FlowFormat = "svg"
)

// FlowFormats lists the formats of the data-flow map.
func FlowFormats() []FlowFormat { return []FlowFormat{DOT, Mermaid, SVG} }

// Valid reports whether f is a format of the data-flow map.
func (f FlowFormat) Valid() bool { return slices.Contains(FlowFormats(), f) }

// String returns the format's name.
func (f FlowFormat) String() string { return string(f) }

// DefaultGroupAbove is the number of activities (and processing records)
// above which a map groups them by recipient kind.
const DefaultGroupAbove = 40

type flowOptions struct {
	lang       Lang
	groupAbove int
	dot        string
}

// FlowOption configures WriteFlowMap.
type FlowOption func(*flowOptions)

// WithFlowLang sets the language of the map's title and legend; by default
// the register's language, or English.
func WithFlowLang(l Lang) FlowOption { return func(o *flowOptions) { o.lang = l } }

// WithGroupAbove sets the number of activities and processing records above
// which the map no longer draws each of them but groups their recipients by
// kind and their transfers by country (DefaultGroupAbove by default); the
// title says so.
func WithGroupAbove(n int) FlowOption { return func(o *flowOptions) { o.groupAbove = n } }

// WithDotCommand names the Graphviz program that draws SVG maps ("dot",
// found on the PATH, by default).
func WithDotCommand(path string) FlowOption { return func(o *flowOptions) { o.dot = path } }

// flowStatus is the state of a transfer on the checking date, from the
// findings of the report on it.
type flowStatus int

const (
	flowUnchecked flowStatus = iota // no report was given
	flowValid                       // no error or warning on it
	flowAttention                   // a warning on it
	flowInvalid                     // an error on it
	flowPlain                       // not a transfer: an edge of the map
)

var flowStatusKey = map[flowStatus]string{
	flowUnchecked: "unchecked",
	flowValid:     "valid",
	flowAttention: "attention",
	flowInvalid:   "invalid",
}

// flowWords are the words of the map in en, nl, fr, de.
var flowWords = map[string][4]string{
	"title":        {"Data flows of %s on %s", "Gegevensstromen van %s op %s", "Flux de données de %s au %s", "Datenflüsse von %s am %s"},
	"title.nodate": {"Data flows of %s (not checked)", "Gegevensstromen van %s (niet gecontroleerd)", "Flux de données de %s (non vérifiés)", "Datenflüsse von %s (nicht geprüft)"},
	"grouped":      {"%d activities, grouped by recipient kind and by country", "%d verwerkingen, gegroepeerd per soort ontvanger en per land", "%d traitements, regroupés par type de destinataire et par pays", "%d Tätigkeiten, nach Art des Empfängers und nach Land gruppiert"},
	"legend":       {"Legend: transfers outside the EEA", "Legenda: doorgiften buiten de EER", "Légende : transferts hors de l'EEE", "Legende: Übermittlungen außerhalb des EWR"},
	"valid":        {"valid", "geldig", "valide", "gültig"},
	"attention":    {"needs attention", "aandacht nodig", "à examiner", "zu prüfen"},
	"invalid":      {"invalid", "ongeldig", "non valide", "ungültig"},
	"unchecked":    {"not checked", "niet gecontroleerd", "non vérifié", "nicht geprüft"},
	"location":     {"located in", "gevestigd in", "établi en/au", "ansässig in"},
	"nocountry":    {"country not named", "land niet genoemd", "pays non précisé", "Land nicht genannt"},
	"processor":    {"as processor", "als verwerker", "en tant que sous-traitant", "als Auftragsverarbeiter"},
	"nomech":       {"no mechanism", "geen mechanisme", "aucun mécanisme", "kein Instrument"},
	"kind.none":    {"recipients of no stated kind", "ontvangers zonder vermelde soort", "destinataires de type non précisé", "Empfänger ohne angegebene Art"},
	"count":        {"%d recipients", "%d ontvangers", "%d destinataires", "%d Empfänger"},
	"shared":       {"recipients of %d activities", "ontvangers van %d verwerkingen", "destinataires de %d traitements", "Empfänger von %d Tätigkeiten"},
	"transfers":    {"%d transfers", "%d doorgiften", "%d transferts", "%d Übermittlungen"},
}

func flowWord(key string, l Lang) string { return flowWords[key][index(l)] }

// A flowGraph is the map before it is written in a language of graphs.
type flowGraph struct {
	title    string
	clusters []string // labels of the groups of shared recipients, c0, c1…
	nodes    []flowNode
	edges    []flowEdge
	byKey    map[string]int
	lang     Lang
	report   bool
}

type flowNode struct {
	id, label, shape string // shape: org, activity, recipient, country
	cluster          int    // 1 + the index of its group of shared recipients; 0 for none
}

type flowEdge struct {
	from, to int
	cluster  int // the edge goes to group cluster-1 of shared recipients
	label    string
	status   flowStatus
}

func (g *flowGraph) node(key, label, shape string) int {
	if i, ok := g.byKey[key]; ok {
		return i
	}
	i := len(g.nodes)
	g.byKey[key] = i
	g.nodes = append(g.nodes, flowNode{id: fmt.Sprintf("n%d", i), label: label, shape: shape})
	return i
}

// WriteFlowMap writes the data-flow map of a register: the organisation,
// its activities and processing records, their recipients, and the
// countries and international organisations their data go to. Each
// transfer is marked by its state on the date of the report, from the
// report's findings on the transfer (it does not check again): valid,
// needs attention (a warning on it) or invalid (an error on it); a waived
// finding does not count. With a nil report, transfers are marked not
// checked. A recipient with a country is linked to it, marked invalid
// where the report finds the transfer undeclared. Above WithGroupAbove
// activities, recipients are grouped by kind and transfers by country and
// state, and the title says so. The legend is in the register's language
// (WithFlowLang).
//
// DOT and Mermaid are text; SVG runs Graphviz's dot (WithDotCommand) and
// fails with a clear error where it is not installed. Every label is
// escaped: quotes, backslashes, newlines and markup stay what the register
// wrote.
func WriteFlowMap(w io.Writer, reg *ropa.Register, rep *ropa.Report, format FlowFormat, opts ...FlowOption) error {
	if reg == nil {
		return errors.New("export: WriteFlowMap needs a register")
	}
	if !format.Valid() {
		return fmt.Errorf("export: %q is not a format of the data-flow map; use dot, mermaid or svg", string(format))
	}
	o := flowOptions{lang: langOf(reg.Language), groupAbove: DefaultGroupAbove, dot: "dot"}
	for _, opt := range opts {
		opt(&o)
	}
	if !o.lang.Valid() {
		return fmt.Errorf("export: %q is not a language of the map; use en, nl, fr or de", string(o.lang))
	}
	g := buildFlowGraph(reg, rep, o)
	switch format {
	case DOT:
		_, err := io.WriteString(w, g.dot())
		return err
	case Mermaid:
		_, err := io.WriteString(w, g.mermaid())
		return err
	}
	return g.svg(w, o.dot)
}

// buildFlowGraph lays out the nodes and edges of the map.
func buildFlowGraph(reg *ropa.Register, rep *ropa.Report, o flowOptions) *flowGraph {
	l := o.lang
	g := &flowGraph{byKey: map[string]int{}, lang: l, report: rep != nil}
	orgName := reg.Organisation.Name
	if rep != nil {
		g.title = fmt.Sprintf(flowWord("title", l), orgName, rep.At.String())
	} else {
		g.title = fmt.Sprintf(flowWord("title.nodate", l), orgName)
	}
	org := g.node("org", orgName, "org")
	if c := flowOrgCountry(reg.Organisation); c != "" {
		g.edges = append(g.edges, flowEdge{from: org, to: g.country(c), label: flowWord("location", l), status: flowPlain})
	}
	status := flowStatusesOf(rep)
	n := len(reg.Activities) + len(reg.Processing)
	grouped := n > o.groupAbove
	if grouped {
		g.title += "\n" + fmt.Sprintf(flowWord("grouped", l), n)
	}
	type holder struct {
		path       ropa.Path
		name       string
		recipients []ropa.Recipient
		listName   string
		transfers  []ropa.Transfer
	}
	var holders []holder
	for i, a := range reg.Activities {
		holders = append(holders, holder{ropa.PathOf("activities", i), a.Name, a.Recipients, "recipients", a.Transfers})
	}
	for i, p := range reg.Processing {
		holders = append(holders, holder{ropa.PathOf("processing", i), p.Name + "\n(" + flowWord("processor", l) + ")", p.SubProcessors, "subProcessors", p.Transfers})
	}
	// Grouped: per recipient kind, the recipients counted; per country and
	// state, the transfers counted.
	kindCount := map[ropa.RecipientKind]int{}
	type agg struct {
		to     int
		status flowStatus
	}
	aggCount := map[agg]int{}
	var aggOrder []agg
	// Activities that share the same recipients (a YAML alias, say) point
	// at one group of them rather than at each.
	setKey := func(rs []ropa.Recipient) string {
		var b strings.Builder
		for _, rc := range rs {
			b.WriteString(rc.Name + "\x00" + string(rc.Kind) + "\x00" + rc.Country + "\x01")
		}
		return b.String()
	}
	sharing := map[string]int{}
	for _, h := range holders {
		if len(h.recipients) > 1 {
			sharing[setKey(h.recipients)]++
		}
	}
	clusterOf := map[string]int{}
	for _, h := range holders {
		from := org
		if !grouped {
			from = g.node(h.path.String(), h.name, "activity")
			g.edges = append(g.edges, flowEdge{from: org, to: from, status: flowPlain})
		}
		byName := map[string]int{}
		cluster, key := 0, setKey(h.recipients)
		if !grouped && sharing[key] > 1 {
			if cluster = clusterOf[key]; cluster == 0 {
				g.clusters = append(g.clusters, fmt.Sprintf(flowWord("shared", l), sharing[key]))
				cluster = len(g.clusters)
				clusterOf[key] = cluster
			}
			g.edges = append(g.edges, flowEdge{from: from, cluster: cluster, status: flowPlain})
		}
		for j, rc := range h.recipients {
			rpath := h.path.Child(h.listName).Index(j)
			if grouped {
				kindCount[rc.Kind]++
				continue
			}
			label := rc.Name
			if k := recipientLabel(rc.Kind, l); k != "" {
				label += "\n(" + k + ")"
			}
			r := g.node(fmt.Sprintf("recipient\x00%d\x00%s\x00%s\x00%s", cluster, rc.Name, rc.Kind, rc.Country), label, "recipient")
			g.nodes[r].cluster = cluster
			byName[rc.Name] = r
			if cluster == 0 {
				g.edges = append(g.edges, flowEdge{from: from, to: r, status: flowPlain})
			}
			if rc.Country != "" {
				st := flowPlain
				if s, ok := status.undeclared[rpath.String()]; ok {
					st = s
				}
				g.addEdge(flowEdge{from: r, to: g.country(rc.Country), label: flowWord("location", l), status: st})
			}
		}
		for j, tr := range h.transfers {
			st := status.of(h.path.Child("transfers").Index(j))
			to := g.destination(tr)
			if grouped {
				a := agg{to, st}
				if aggCount[a] == 0 {
					aggOrder = append(aggOrder, a)
				}
				aggCount[a]++
				continue
			}
			src := from
			label := flowMechanism(tr, l)
			if r, ok := byName[tr.Recipient]; ok && tr.Recipient != "" {
				src = r
			} else if tr.Recipient != "" {
				label = tr.Recipient + "\n" + label
			}
			g.edges = append(g.edges, flowEdge{from: src, to: to, label: label, status: st})
		}
	}
	if grouped {
		for _, k := range append(ropa.RecipientKinds(), "") {
			if kindCount[k] == 0 {
				continue
			}
			name := recipientLabel(k, l)
			if k == "" {
				name = flowWord("kind.none", l)
			}
			kn := g.node("kind\x00"+string(k), name, "recipient")
			g.edges = append(g.edges, flowEdge{from: org, to: kn, label: fmt.Sprintf(flowWord("count", l), kindCount[k]), status: flowPlain})
		}
		for _, a := range aggOrder {
			g.edges = append(g.edges, flowEdge{from: org, to: a.to, label: fmt.Sprintf(flowWord("transfers", l), aggCount[a]), status: a.status})
		}
	}
	return g
}

// addEdge adds an edge unless the same one is there (two activities
// sharing a recipient link it to its country once).
func (g *flowGraph) addEdge(e flowEdge) {
	if !slices.Contains(g.edges, e) {
		g.edges = append(g.edges, e)
	}
}

// writeNodes writes the nodes outside any group, then each group of
// shared recipients with its nodes: open starts group c, end closes it.
func (g *flowGraph) writeNodes(b *strings.Builder, open func(c int, label string) string, end string, node func(flowNode) string) {
	for c := 0; c <= len(g.clusters); c++ {
		indent := "  "
		if c > 0 {
			b.WriteString(open(c-1, g.clusters[c-1]))
			indent = "    "
		}
		for _, n := range g.nodes {
			if n.cluster == c {
				b.WriteString(indent + node(n))
			}
		}
		if c > 0 {
			b.WriteString(end)
		}
	}
}

// firstOf is the first node of group c of shared recipients.
func (g *flowGraph) firstOf(c int) int {
	return slices.IndexFunc(g.nodes, func(n flowNode) bool { return n.cluster == c })
}

// country is the node of a country, named in the map's language.
func (g *flowGraph) country(code string) int {
	return g.node("country\x00"+code, countryName(code, g.lang), "country")
}

// destination is the node a transfer goes to: its country, its
// international organisation, or a node saying the country is not named.
func (g *flowGraph) destination(tr ropa.Transfer) int {
	switch {
	case tr.Country != "" && tr.Organisation != "":
		return g.node("org\x00"+tr.Country+"\x00"+tr.Organisation, tr.Organisation+"\n"+countryName(tr.Country, g.lang), "country")
	case tr.Country != "":
		return g.country(tr.Country)
	case tr.Organisation != "":
		return g.node("intl\x00"+tr.Organisation, tr.Organisation, "country")
	}
	return g.node("nocountry", flowWord("nocountry", g.lang), "country")
}

func flowOrgCountry(p ropa.Party) string {
	if p.Address != nil && p.Address.Country != "" {
		return p.Address.Country
	}
	if p.PostalAddress != nil {
		return p.PostalAddress.Country
	}
	return ""
}

// flowMechanism names a transfer's mechanism, as the register wrote it
// where it is not one of the format's.
func flowMechanism(tr ropa.Transfer, l Lang) string {
	switch {
	case tr.Mechanism == "":
		return flowWord("nomech", l)
	case !tr.Mechanism.Valid():
		return string(tr.Mechanism)
	}
	return tr.Mechanism.Label(l)
}

// flowStatuses are the states the findings of a report give transfers and
// recipients.
type flowStatuses struct {
	checked    bool
	findings   []ropa.Finding
	undeclared map[string]flowStatus // recipient path → invalid
}

func flowStatusesOf(rep *ropa.Report) flowStatuses {
	s := flowStatuses{undeclared: map[string]flowStatus{}}
	if rep == nil {
		return s
	}
	s.checked = true
	s.findings = rep.Findings
	for _, f := range rep.Findings {
		if f.Rule == "undeclared-transfer" {
			s.undeclared[f.Path.String()] = flowSeverity(f.Severity)
		}
	}
	return s
}

func flowSeverity(sev ropa.Severity) flowStatus {
	switch sev {
	case ropa.Error:
		return flowInvalid
	case ropa.Warning:
		return flowAttention
	}
	return flowValid
}

// of is the state of the transfer at p: the gravest finding on it or
// inside it.
func (s flowStatuses) of(p ropa.Path) flowStatus {
	if !s.checked {
		return flowUnchecked
	}
	st := flowValid
	for _, f := range s.findings {
		if f.Path.HasPrefix(p) {
			st = max(st, flowSeverity(f.Severity))
		}
	}
	return st
}

// The look of each state: colour, line and a sign that does not rely on
// colour.
var flowLook = map[flowStatus]struct{ color, style, sign string }{
	flowUnchecked: {"#757575", "dotted", "?"},
	flowValid:     {"#2e7d32", "solid", "✓"},
	flowAttention: {"#e65100", "dashed", "!"},
	flowInvalid:   {"#c62828", "bold", "✗"},
	flowPlain:     {"#9e9e9e", "solid", ""},
}

// edgeLabel is an edge's label with the sign and word of its state.
func (g *flowGraph) edgeLabel(e flowEdge) string {
	if e.status == flowPlain {
		return e.label
	}
	s := flowLook[e.status].sign + " " + flowWord(flowStatusKey[e.status], g.lang)
	if e.label == "" {
		return s
	}
	return e.label + "\n" + s
}

// legend lists the states the map shows.
func (g *flowGraph) legend() []flowStatus {
	if !g.report {
		return []flowStatus{flowUnchecked}
	}
	return []flowStatus{flowValid, flowAttention, flowInvalid}
}

// flowDOTString quotes s as a DOT string: backslashes and quotes escaped,
// newlines as centred line breaks, & as an entity (dot reads entities in
// labels).
func flowDOTString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`, "&", "&amp;")
	return `"` + r.Replace(s) + `"`
}

var flowDOTShape = map[string]string{
	"org":       `shape=box, style="filled,bold", fillcolor="#e3f2fd"`,
	"activity":  `shape=box, style="rounded,filled", fillcolor="#f5f5f5"`,
	"recipient": `shape=ellipse, style=filled, fillcolor="#fff8e1"`,
	"country":   `shape=box, style="filled", fillcolor="#ede7f6", peripheries=2`,
}

func (g *flowGraph) dot() string {
	var b strings.Builder
	b.WriteString("digraph flows {\n")
	fmt.Fprintf(&b, "  graph [rankdir=LR, compound=true, labelloc=t, fontname=\"Helvetica\", label=%s];\n", flowDOTString(g.title))
	b.WriteString("  node [fontname=\"Helvetica\", fontsize=11];\n")
	b.WriteString("  edge [fontname=\"Helvetica\", fontsize=9];\n")
	g.writeNodes(&b, func(c int, label string) string {
		return fmt.Sprintf("  subgraph cluster_c%d {\n    label=%s; fontsize=10; style=\"rounded,dashed\"; color=\"#f9a825\";\n", c, flowDOTString(label))
	}, "  }\n", func(n flowNode) string {
		return fmt.Sprintf("%s [label=%s, %s];\n", n.id, flowDOTString(n.label), flowDOTShape[n.shape])
	})
	for _, e := range g.edges {
		look := flowLook[e.status]
		to := g.nodes[e.to].id
		if e.cluster > 0 {
			to = g.nodes[g.firstOf(e.cluster)].id
		}
		fmt.Fprintf(&b, "  %s -> %s [color=%q, style=%s", g.nodes[e.from].id, to, look.color, look.style)
		if e.cluster > 0 {
			fmt.Fprintf(&b, ", lhead=cluster_c%d", e.cluster-1)
		}
		if lb := g.edgeLabel(e); lb != "" {
			fmt.Fprintf(&b, ", label=%s, fontcolor=%q", flowDOTString(lb), look.color)
		}
		b.WriteString("];\n")
	}
	fmt.Fprintf(&b, "  subgraph cluster_legend {\n    label=%s; fontsize=10; style=rounded; color=\"#bdbdbd\";\n", flowDOTString(flowWord("legend", g.lang)))
	for i, s := range g.legend() {
		look := flowLook[s]
		fmt.Fprintf(&b, "    legend%da [label=\"\", shape=point, width=0.05];\n", i)
		fmt.Fprintf(&b, "    legend%db [label=\"\", shape=point, width=0.05];\n", i)
		fmt.Fprintf(&b, "    legend%da -> legend%db [color=%q, style=%s, label=%s, fontcolor=%q];\n", i, i, look.color, look.style, flowDOTString(look.sign+" "+flowWord(flowStatusKey[s], g.lang)), look.color)
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// flowMermaidString escapes s for a quoted Mermaid label: quotes, markup and
// entity signs as Mermaid's entity codes, newlines as line breaks.
func flowMermaidString(s string) string {
	r := strings.NewReplacer("#", "#35;", `"`, "#quot;", "&", "#amp;", "<", "#lt;", ">", "#gt;", "`", "#96;", "\r\n", "<br/>", "\n", "<br/>", "\r", "<br/>")
	return `"` + r.Replace(s) + `"`
}

var flowMermaidShape = map[string][2]string{
	"org":       {"[", "]"},
	"activity":  {"(", ")"},
	"recipient": {"([", "])"},
	"country":   {"[[", "]]"},
}

func (g *flowGraph) mermaid() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n---\nflowchart LR\n", flowMermaidString(g.title))
	g.writeNodes(&b, func(c int, label string) string {
		return fmt.Sprintf("  subgraph c%d[%s]\n", c, flowMermaidString(label))
	}, "  end\n", func(n flowNode) string {
		sh := flowMermaidShape[n.shape]
		return fmt.Sprintf("%s%s%s%s:::%s\n", n.id, sh[0], flowMermaidString(n.label), sh[1], n.shape)
	})
	var styles strings.Builder
	link := 0
	addLink := func(from, to, label string, s flowStatus) {
		arrow := "-->"
		switch flowLook[s].style {
		case "dashed", "dotted":
			arrow = "-.->"
		case "bold":
			arrow = "==>"
		}
		if label != "" {
			fmt.Fprintf(&b, "  %s %s|%s| %s\n", from, arrow, flowMermaidString(label), to)
		} else {
			fmt.Fprintf(&b, "  %s %s %s\n", from, arrow, to)
		}
		fmt.Fprintf(&styles, "  linkStyle %d stroke:%s,color:%s\n", link, flowLook[s].color, flowLook[s].color)
		link++
	}
	for _, e := range g.edges {
		to := g.nodes[e.to].id
		if e.cluster > 0 {
			to = fmt.Sprintf("c%d", e.cluster-1)
		}
		addLink(g.nodes[e.from].id, to, g.edgeLabel(e), e.status)
	}
	fmt.Fprintf(&b, "  subgraph legend[%s]\n", flowMermaidString(flowWord("legend", g.lang)))
	for i, s := range g.legend() {
		addLink(fmt.Sprintf("legend%da[ ]", i), fmt.Sprintf("legend%db[ ]", i), flowLook[s].sign+" "+flowWord(flowStatusKey[s], g.lang), s)
	}
	b.WriteString("  end\n")
	b.WriteString(styles.String())
	b.WriteString("  classDef org fill:#e3f2fd,stroke:#1565c0,stroke-width:2px\n")
	b.WriteString("  classDef activity fill:#f5f5f5,stroke:#616161\n")
	b.WriteString("  classDef recipient fill:#fff8e1,stroke:#f9a825\n")
	b.WriteString("  classDef country fill:#ede7f6,stroke:#4527a0\n")
	return b.String()
}

// svg draws the DOT map with Graphviz.
func (g *flowGraph) svg(w io.Writer, dot string) error {
	path, err := exec.LookPath(dot)
	if err != nil {
		return fmt.Errorf("export: the SVG map needs Graphviz's %s (Debian package graphviz): %w", dot, err)
	}
	cmd := exec.Command(path, "-Tsvg")
	cmd.Stdin = strings.NewReader(g.dot())
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("export: %s -Tsvg failed: %w: %s", dot, err, strings.TrimSpace(stderr.String()))
	}
	_, err = w.Write(out.Bytes())
	return err
}
