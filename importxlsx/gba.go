package importxlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// gbaRef is what ropa export writes in the GBA layout in one language,
// learnt from a workbook it writes of gbaRegister: the sheet names, the
// labels of the identification sheet, the headings of the register and
// processor sheets (each by the key of what its cells hold) and the labels
// of their further-information columns.
type gbaRef struct {
	ident, register, processing, lists string
	identLabels                        map[string]string // label → key
	fixed                              map[string]bool   // the identification sheet's words of no field
	groups                             map[string]bool   // the words above the register's headings
	heads, pheads                      map[string]string // heading → column key
	more                               *moreLabels
	pmore                              map[string]string // label → key, on the processor sheet
}

// gbaRegister holds a marker in every field the GBA layout writes.
func gbaRegister() *ropa.Register {
	return &ropa.Register{Schema: ropa.SchemaV1, Organisation: ropa.Party{Name: "ref-org"},
		Entities: []ropa.Party{{Name: "ref-entity"}}, Representative: &ropa.Party{Name: "ref-representative"},
		DPO: &ropa.Contact{Name: "ref-register-dpo"}, Updated: refDate(5), Notes: "ref-register-notes",
		Activities: []ropa.Activity{refActivity(), {ID: "ref-none", Name: "ref-none", Transfers: []ropa.Transfer{{Mechanism: ""}}}},
		Processing: []ropa.ProcessorRecord{{ID: "ref-pid", Name: "ref-pname", Controllers: []ropa.Party{{Name: "ref-pcontroller"}},
			Categories: []string{"ref-pcategory"}, Transfers: []ropa.Transfer{{Country: "US", Note: "ref-ptnote"}},
			Measures: []string{"ref-pmeasure"}, SubProcessors: []ropa.Recipient{{Name: "ref-sub", Agreement: "ref-subagreement"}},
			Systems: []string{"ref-psystem"}, Notes: "ref-pnotes"}}}
}

// gbaLangs are the languages of the GBA layout.
var gbaLangs = []lang.Lang{lang.Dutch, lang.French}

var gbaReferences = sync.OnceValues(func() (map[lang.Lang]*gbaRef, error) {
	refs, err := references()
	if err != nil {
		return nil, err
	}
	out := map[lang.Lang]*gbaRef{}
	for _, l := range gbaLangs {
		if out[l], err = learnGBA(l, refs[l]); err != nil {
			return nil, fmt.Errorf("learning the GBA workbook (%s): %w", l, err)
		}
	}
	return out, nil
})

func learnGBA(l lang.Lang, ref *reference) (*gbaRef, error) {
	var buf bytes.Buffer
	if err := export.WriteXLSX(&buf, gbaRegister(), export.WithLayout(export.GBA), export.WithLang(l)); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(names) < 3 {
		return nil, fmt.Errorf("the reference workbook has sheets %q", names)
	}
	g := &gbaRef{ident: names[0], register: names[1], processing: names[2], lists: names[len(names)-1],
		identLabels: map[string]string{}, fixed: map[string]bool{}, groups: map[string]bool{}, heads: map[string]string{}, pheads: map[string]string{},
		pmore: map[string]string{}}
	rows, err := f.GetRows(g.ident)
	if err != nil {
		return nil, err
	}
	idents := map[string]string{"ref-org": "controller", "ref-entity": "entities", "ref-representative": "representative",
		"ref-register-dpo": "dpo", dateIn(refDate(5), l): "updated"}
	for _, row := range rows {
		switch {
		case len(row) == 1:
			g.fixed[row[0]] = true
		case len(row) > 1:
			if k, ok := idents[row[1]]; ok {
				g.identLabels[row[0]] = k
			}
		}
	}
	if len(g.identLabels) != len(idents) {
		return nil, fmt.Errorf("the identification sheet has labels %q", g.identLabels)
	}
	if rows, err = f.GetRows(g.register); err != nil {
		return nil, err
	}
	if len(rows) < 4 {
		return nil, fmt.Errorf("the register sheet has %d rows", len(rows))
	}
	for _, v := range rows[0] {
		if v != "" {
			g.groups[v] = true
		}
	}
	notStated := cellOf(rows, 3, -1)
	us := countryText("US", l)
	for j, v := range rows[2] {
		key := ""
		switch {
		case strings.Contains(v, "ref-description"):
			key = "more"
			if g.more, err = learnMore(v, l, ref); err != nil {
				return nil, err
			}
		case v == "ref-reference", v == "ref-name", v == "ref-purpose", v == "ref-data", v == "ref-measure", v == "ref-replaced":
			key = map[string]string{"ref-reference": "ref", "ref-name": "name", "ref-purpose": "purposes", "ref-data": "data",
				"ref-measure": "measures", "ref-replaced": "replacedBy"}[v]
		case strings.HasPrefix(v, "ref-org"):
			key = "controllers"
		case strings.HasPrefix(v, "ref-subject"):
			key = "subjects"
		case strings.HasPrefix(v, "ref-recipient ("):
			key = "recipients"
		case strings.HasPrefix(v, us+": ref-importer"):
			key = "transfers"
			notStated = cellOf(rows, 3, j)
		case strings.HasSuffix(v, ": ref-safeguards"):
			key = "safeguards"
		case strings.HasPrefix(v, "ref-retention-data: "):
			key = "retention"
		case v == basisWords(lawfulbasis.LegitimateInterests, l):
			key = "bases"
		case strings.HasPrefix(v, "ref-data: "):
			key = "special"
		case strings.HasSuffix(v, "; ref-condition-law"):
			key = "conditions"
		case v == "ref-recipient: ref-agreement":
			key = "processors"
		case strings.Contains(v, "ref-dpia"):
			key = "dpia"
		case v == dateIn(refDate(4), l):
			key = "ended"
		}
		if key == "" {
			return nil, fmt.Errorf("the register sheet's column %d (%q) is not learnt", j+1, cellOf(rows, 1, j))
		}
		g.heads[heading(cellOf(rows, 1, j))] = key
	}
	if g.more == nil || notStated == "" {
		return nil, fmt.Errorf("the register sheet has no further-information column or no transfer without a country")
	}
	g.more.notStated = notStated
	if rows, err = f.GetRows(g.processing); err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("the processor sheet has %d rows", len(rows))
	}
	for j, v := range rows[1] {
		key := map[string]string{"ref-pid": "ref", "ref-pname": "name", "ref-pcontroller": "controllers", "ref-pcategory": "categories",
			us: "transfers", "ref-pmeasure": "measures"}[v]
		if strings.Contains(v, "ref-pnotes") {
			key = "more"
			for _, line := range strings.Split(v, "\n") {
				label, x, _ := strings.Cut(line, ": ")
				switch {
				case x == "ref-sub":
					g.pmore[label] = "subProcessors"
				case strings.HasPrefix(x, "ref-sub — "):
					g.pmore[label] = factRecipientDetails
				case strings.HasPrefix(x, us+" — "):
					g.pmore[label] = factTransferDetails
				case x == "ref-psystem":
					g.pmore[label] = factSystems
				case x == "ref-pnotes":
					g.pmore[label] = factNotes
				default:
					return nil, fmt.Errorf("the processor sheet's line %q is not learnt", line)
				}
			}
		}
		if key == "" {
			return nil, fmt.Errorf("the processor sheet's column %d (%q) is not learnt", j+1, cellOf(rows, 0, j))
		}
		g.pheads[heading(cellOf(rows, 0, j))] = key
	}
	return g, nil
}

// gbaLang recognises a GBA workbook by its identification and register
// sheets, and tells its language.
func gbaLang(names []string) (lang.Lang, bool) {
	refs, err := gbaReferences()
	if err != nil {
		return "", false
	}
	for _, l := range gbaLangs {
		if slices.Contains(names, refs[l].ident) && slices.Contains(names, refs[l].register) {
			return l, true
		}
	}
	return "", false
}

// gba reads the GBA layout.
type gba struct {
	g        *generic
	ref      *gbaRef
	wb       *workbook
	reg      *ropa.Register
	orgWords string // the identification sheet's words of the controller
}

func readGBA(wb *workbook) (*Result, error) {
	l, ok := gbaLang(wb.f.GetSheetList())
	if !ok {
		return nil, fmt.Errorf("%w: no identification and register sheets of the GBA model in Dutch or French", ErrNotWorkbook)
	}
	gr, err := gbaReferences()
	if err != nil {
		return nil, err
	}
	refs, err := references()
	if err != nil {
		return nil, err
	}
	reg := &ropa.Register{}
	g := &generic{wb: wb, ref: refs[l], l: l, reg: reg, acts: map[string]int{}, recs: map[string]int{}, byPath: map[string]*partyRow{}}
	x := &gba{g: g, ref: gr[l], wb: wb, reg: reg}
	// The inventory and measures first: the register's columns name
	// systems and measures by their words.
	for _, step := range []func() error{g.inventory, g.measures, x.identification, x.register, x.processing, g.waivers, x.ignored} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return &Result{Register: reg, Lang: l}, nil
}

// identification reads the identification sheet: labels in column A,
// values in column B.
func (x *gba) identification() error {
	s, err := x.wb.sheet(x.ref.ident)
	if err != nil {
		return err
	}
	x.orgWords = x.g.registerSheet(s, x.ref.identLabels, func(_ int, label, v string) bool {
		return label == "" && v == "" || x.ref.fixed[label] && v == ""
	})
	return nil
}

// registerSheet reads a sheet of the register's own facts as the
// authority layouts write them (registerFacts), a label in column A and
// its text in column B: parties gives the labels of the organisation, its
// entities, representative, DPO and last update their keys; the other
// labels are the generic workbook's cover labels. fixed tells the lines of
// the layout's own words (and may report them). A cell beside the texts and a line of no label
// known are problems. It returns the words of the organisation.
func (g *generic) registerSheet(s *sheet, parties map[string]string, fixed func(r int, label, v string) bool) string {
	reg, orgWords := g.reg, ""
	texts := map[string]*string{"Format version": &reg.Schema, "Language of the register": &reg.Language, "Notes on the register": &reg.Notes,
		"JSON Schema": &reg.JSONSchema, "Occasional processing (Art. 27(2)(a))": &reg.OccasionalProcessing, "Adopted by": &reg.AdoptedBy}
	for r := 1; r <= len(s.rows); r++ {
		label, v := s.cell(r, 1), s.cell(r, 2)
		for c := 3; c <= len(s.rows[r-1]); c++ {
			if w := s.cell(r, c); w != "" {
				g.wb.problem(s, r, c, -1, w, "cell beside the register's facts, not imported")
			}
		}
		f := &further{g: g, s: s, r: r, c: 2, i: -1}
		if k, ok := parties[label]; ok {
			if v == "" {
				continue
			}
			switch k {
			case "controller":
				reg.Organisation, orgWords = f.fullParty(v), v
				g.wb.at(ropa.Root.Child("organisation"), s, r, 2)
			case "entities":
				for _, block := range strings.Split(v, "\n\n") {
					g.wb.at(ropa.Root.Child("entities").Index(len(reg.Entities)), s, r, 2)
					reg.Entities = append(reg.Entities, f.fullParty(block))
				}
			case "representative":
				p := f.fullParty(v)
				reg.Representative = &p
				g.wb.at(ropa.Root.Child("representative"), s, r, 2)
			case "dpo":
				reg.DPO = f.contact(v)
				g.wb.at(ropa.Root.Child("dpo"), s, r, 2)
			case "updated":
				g.date(s, r, 2, -1, v, &reg.Updated)
			}
			continue
		}
		e := g.ref.cover[label]
		if label != "" && label == strings.TrimSuffix(g.ref.coverIn("Purposes of the organisation 1"), " 1") {
			// The generic cover numbers the purposes; these layouts write
			// them in one cell, a line each.
			e = "Purposes of the organisation"
		}
		switch {
		case fixed(r, label, v):
		case e != "" && v == "": // a known label without a text holds nothing
		case texts[e] != nil:
			*texts[e] = v
		case e == "Applicable law":
			if rg, ok := g.words("regime", v); ok {
				reg.Regime = ropa.Regime(rg)
			} else {
				g.wb.problem(s, r, 2, -1, v, "not a regime the register can be kept under")
			}
		case e == "Review cycle (ISO 8601)":
			if p, err := retention.ParsePeriod(v); err == nil {
				reg.ReviewCycle = p
			} else {
				g.wb.problem(s, r, 2, -1, v, "not an ISO 8601 period: %v", err)
			}
		case e == "Adopted on":
			g.date(s, r, 2, -1, v, &reg.Adopted)
		case e == "Purposes of the organisation":
			reg.Purposes = strings.Split(v, "\n")
		default:
			g.wb.problem(s, r, 1, -1, label+v, "line of the register's facts not known to the importer")
		}
	}
	return orgWords
}

// gbaHeadingRow finds the row of a sheet's headings among its first rows:
// the first that holds three of heads.
func gbaHeadingRow(s *sheet, heads map[string]string) int {
	for r := 1; r <= min(len(s.rows), 10); r++ {
		n := 0
		for c := 1; c <= len(s.rows[r-1]); c++ {
			if _, ok := heads[heading(s.cell(r, c))]; ok {
				n++
			}
		}
		if n >= 3 {
			return r
		}
	}
	return 0
}

// gbaTable is a sheet of the GBA layout: its heading row and columns.
type gbaTable struct {
	s    *sheet
	head int
	col  map[string]int // column key → column
}

// table opens a sheet by its headings; the cells above them that are not
// words of the layout and the headings it does not know are problems, and
// so are the cells below those.
func (x *gba) table(name string, heads map[string]string) (*gbaTable, error) {
	if !slices.Contains(x.wb.f.GetSheetList(), name) {
		return nil, nil
	}
	s, err := x.wb.sheet(name)
	if err != nil {
		return nil, err
	}
	t := &gbaTable{s: s, col: map[string]int{}}
	if t.head = gbaHeadingRow(s, heads); t.head == 0 {
		if len(s.rows) > 0 {
			x.wb.problem(s, 1, 1, -1, name, "sheet without the headings of the GBA layout, not imported")
		}
		return nil, nil
	}
	for r := 1; r < t.head; r++ {
		for c := 1; c <= len(s.rows[r-1]); c++ {
			if v := s.cell(r, c); v != "" && !x.ref.groups[v] {
				x.wb.problem(s, r, c, -1, v, "cell above the headings, not imported")
			}
		}
	}
	for c := 1; c <= len(s.rows[t.head-1]); c++ {
		h := s.cell(t.head, c)
		if k, ok := heads[heading(h)]; ok {
			if _, dup := t.col[k]; !dup {
				t.col[k] = c
				continue
			}
		}
		if h != "" {
			x.wb.problem(s, t.head, c, -1, h, "heading not of the GBA layout; its cells are not imported")
		}
	}
	return t, nil
}

func (t *gbaTable) get(r int, key string) string {
	if c, ok := t.col[key]; ok {
		return t.s.cell(r, c)
	}
	return ""
}

// rows returns the rows below the headings that hold something.
func (t *gbaTable) rows() []int {
	var out []int
	for r := t.head + 1; r <= len(t.s.rows); r++ {
		if strings.TrimSpace(strings.Join(t.s.rows[r-1], "")) != "" {
			out = append(out, r)
		}
	}
	return out
}

// outside reports the cells of a row under no known heading.
func (x *gba) outside(t *gbaTable, r, i int) {
	known := map[int]bool{}
	for _, c := range t.col {
		known[c] = true
	}
	for c := 1; c <= len(t.s.rows[r-1]); c++ {
		if v := t.s.cell(r, c); v != "" && !known[c] {
			x.wb.problem(t.s, r, c, i, v, "cell outside the GBA layout's columns, not imported")
		}
	}
}

// register reads the register sheet, an activity to a row.
func (x *gba) register() error {
	t, err := x.table(x.ref.register, x.ref.heads)
	if err != nil || t == nil {
		return err
	}
	for _, r := range t.rows() {
		x.activity(t, r)
	}
	return nil
}

// cellAt returns a further for a row's cell under a column key.
func (x *gba) cellAt(t *gbaTable, r, i int, key string) *further {
	return &further{g: x.g, m: x.ref.more, s: t.s, r: r, c: max(t.col[key], 1), i: i}
}

// cellLines splits a cell into its lines, none for an empty cell.
func cellLines(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n")
}

func (x *gba) activity(t *gbaTable, r int) {
	g := x.g
	i := len(x.reg.Activities)
	p := ropa.Root.Child("activities").Index(i)
	a := ropa.Activity{Name: t.get(r, "name"), ReplacedBy: t.get(r, "replacedBy")}
	at := func(key string) *further { return x.cellAt(t, r, i, key) }
	x.wb.at(p, t.s, r, max(t.col["ref"], 1))

	x.parties(&a, t, r, i)
	for _, d := range cellLines(t.get(r, "purposes")) {
		a.Purposes = append(a.Purposes, ropa.Purpose{Description: d})
	}
	for j, line := range cellLines(t.get(r, "subjects")) {
		a.DataSubjects = append(a.DataSubjects, g.subjectWords(j, line))
	}
	for j, line := range cellLines(t.get(r, "data")) {
		a.DataCategories = append(a.DataCategories, g.categoryWords(j, line))
	}
	g.special(&a, at("special"), cellLines(t.get(r, "special")))
	for _, line := range x.g.absences(&a, cellLines(t.get(r, "recipients")), ropa.NoExternal, ropa.NoRecipients) {
		a.Recipients = append(a.Recipients, g.recipientWords(line))
	}
	for _, line := range x.g.absences(&a, cellLines(t.get(r, "transfers")), ropa.NoTransfers) {
		a.Transfers = append(a.Transfers, at("transfers").transferWords(line))
	}
	a.Measures = g.measureIDs(strings.Join(x.g.absences(&a, cellLines(t.get(r, "measures")), ropa.NoMeasures), "\n"))
	x.bases(&a, at("bases"), cellLines(t.get(r, "bases")), cellLines(t.get(r, "conditions")))
	if v := t.get(r, "dpia"); v != "" {
		a.DPIA = at("dpia").dpia(v)
	}
	g.date(t.s, r, max(t.col["ended"], 1), i, t.get(r, "ended"), &a.Ended)
	g.retentionLines(&a, at("retention"), cellLines(t.get(r, "retention")))

	more := at("more")
	facts, rest := x.ref.more.split(t.get(r, "more"))
	for _, line := range rest {
		more.problem(line, "line of no known label, not imported")
	}
	own := more.apply(&a, facts)
	a.ID = t.get(r, "ref")
	if id, ok := own[factID]; ok {
		a.ID, a.Reference = id, t.get(r, "ref")
		if v, ok := own[factReference]; ok && v != a.Reference {
			more.problem(v, "the reference differs from the one in the first column (%q), which is read", a.Reference)
		}
	}
	if _, dup := g.acts[a.ID]; dup {
		x.wb.problem(t.s, r, max(t.col["ref"], 1), i, a.ID, "activity id used twice")
	} else {
		g.acts[a.ID] = i
	}
	x.processors(&a, at("processors"), cellLines(t.get(r, "processors")))
	x.safeguards(&a, at("safeguards"), t.get(r, "safeguards"))
	x.outside(t, r, i)
	x.reg.Activities = append(x.reg.Activities, a)
}

// inParens cuts "words (more)" into its words and what its last
// parentheses hold, which may hold parentheses of their own.
func inParens(line string) (string, string, bool) {
	if !strings.HasSuffix(line, ")") {
		return line, "", false
	}
	depth := 0
	for j := len(line) - 1; j > 0; j-- {
		switch line[j] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				if line[j-1] != ' ' || j < 2 {
					return line, "", false
				}
				return line[:j-1], line[j+1 : len(line)-1], true
			}
		}
	}
	return line, "", false
}

// parties reads the controller column: the register's controller, then
// the joint controllers, a party to a block, then "none".
func (x *gba) parties(a *ropa.Activity, t *gbaTable, r, i int) {
	v := t.get(r, "controllers")
	if v == "" {
		return
	}
	f := x.cellAt(t, r, i, "controllers")
	blocks := x.g.absences(a, strings.Split(v, "\n\n"), ropa.NoJointController)
	if len(blocks) > 0 && blocks[0] == x.orgWords {
		blocks = blocks[1:]
	} else {
		f.problem(v, "the cell does not start with the controller of the identification sheet; its parties are read as joint controllers")
	}
	for _, b := range blocks {
		a.JointControllers = append(a.JointControllers, f.fullParty(b))
	}
}

// headIn returns the heading in the reference's language of an English
// heading of an English sheet.
func (r *reference) headIn(sheet, english string) string {
	for w, e := range r.heads[sheet] {
		if e == english {
			return w
		}
	}
	return english
}

// recipientWords reads a recipient as the layouts word it: "name (kind,
// country)".
func (g *generic) recipientWords(line string) ropa.Recipient {
	rc := ropa.Recipient{Name: line}
	name, in, ok := inParens(line)
	if !ok {
		return rc
	}
	parts := strings.Split(in, ", ")
	var kind ropa.RecipientKind
	if w, ok := g.words("Kind@Recipients", parts[0]); ok {
		kind, parts = ropa.RecipientKind(w), parts[1:]
	}
	country := ""
	if len(parts) == 1 {
		c, ok := parseCountry(parts[0])
		if !ok {
			return rc
		}
		country, parts = c, nil
	}
	if len(parts) > 0 {
		return rc
	}
	return ropa.Recipient{Name: name, Kind: kind, Country: country}
}

// transferWords reads a transfer as the layouts word it: its destination
// (a country, an international organisation, or "country not stated"),
// then its importer, mechanism, derogation and reference after ": ".
func (f *further) transferWords(line string) ropa.Transfer {
	dest, rest, _ := strings.Cut(line, ": ")
	tr := f.destination(dest)
	if rest == "" {
		return tr
	}
	var refs []string
	for _, part := range strings.Split(rest, "; ") {
		if m, ok := matchMechanism(part, f.g.l); ok && tr.Mechanism == "" && tr.Derogation == "" && len(refs) == 0 {
			tr.Mechanism = m
		} else if d, ok := matchWords(lawfulbasis.Derogations(), part, f.g.l); ok && tr.Derogation == "" && len(refs) == 0 {
			tr.Derogation = d
		} else if tr.Mechanism == "" && tr.Derogation == "" && tr.Recipient == "" && len(refs) == 0 {
			tr.Recipient = part
		} else {
			refs = append(refs, part)
		}
	}
	tr.Reference = strings.Join(refs, "; ")
	return tr
}

// dpia reads a DPIA as the layouts word it: its status, reference and
// date, separated by ", ".
func (f *further) dpia(v string) *ropa.DPIA {
	status, rest, _ := strings.Cut(v, ", ")
	s, ok := f.g.words("dpia", status)
	if !ok {
		f.problem(v, "DPIA status not recognised")
		return nil
	}
	d := &ropa.DPIA{Status: ropa.DPIAStatus(s)}
	parts := nonEmpty(strings.Split(rest, ", ")...)
	if n := len(parts); n > 0 {
		if date, ok := parseDate(parts[n-1]); ok {
			d.Date, parts = date, parts[:n-1]
		}
	}
	d.Reference = strings.Join(parts, ", ")
	return d
}

// bases reads the bases and conditions columns: each purpose of the row
// gets them all, as the layout gives them for the row.
func (x *gba) bases(a *ropa.Activity, f *further, bases, conds []string) {
	var bs []ropa.Basis
	for _, v := range bases {
		if b, ok := matchWords(lawfulbasis.Bases(), v, x.g.l); ok {
			bs = append(bs, ropa.Basis{Basis: b})
		} else if found, err := lawfulbasis.ParseBases(v); err == nil {
			for _, b := range found {
				bs = append(bs, ropa.Basis{Basis: b, Note: "as written: " + v})
			}
		} else {
			f.problem(v, "no lawful basis of Art. 6(1) recognised")
		}
	}
	var cs []ropa.Condition
	for _, v := range conds {
		w, law, _ := strings.Cut(v, "; ")
		if c, ok := matchWords(lawfulbasis.Conditions(), w, x.g.l); ok {
			cs = append(cs, ropa.Condition{Condition: c, Law: law})
		} else {
			x.wb.problem(f.s, f.r, f.c+2, f.i, v, "no condition of Art. 9(2) or ground of Art. 10 recognised")
		}
	}
	if len(a.Purposes) == 0 && (len(bs) > 0 || len(cs) > 0) {
		f.problem(strings.Join(bases, "\n"), "lawful bases of an activity without purposes, not imported")
		return
	}
	for j := range a.Purposes {
		a.Purposes[j].Bases, a.Purposes[j].Conditions = clone(bs), clone(cs)
	}
}

func allCategories(a *ropa.Activity, names []string) bool {
	for _, n := range names {
		if categoryID(a, n) == n {
			return false
		}
	}
	return true
}

// processors checks the processors column against the recipients read:
// the processors with their agreements, then "no processor".
func (x *gba) processors(a *ropa.Activity, f *further, lines []string) {
	lines = x.g.absences(a, lines, ropa.NoProcessor)
	var want []string
	for _, r := range a.Recipients {
		if r.Kind == ropa.Processor {
			want = append(want, strings.Join(nonEmpty(r.Name, r.Agreement), ": "))
		}
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		f.problem(strings.Join(lines, "\n"), "the processors differ from the recipients of kind processor (%q), which are read", strings.Join(want, "\n"))
	}
}

// safeguards checks the safeguards column against the transfers read.
func (x *gba) safeguards(a *ropa.Activity, f *further, v string) {
	var want []string
	for _, tr := range a.Transfers {
		if tr.Derogation.NeedsDocumentedSafeguards() || tr.Safeguards != "" {
			want = append(want, strings.Join(nonEmpty(countryText(tr.Country, x.g.l), tr.Safeguards), ": "))
		}
	}
	if v != strings.Join(want, "\n") {
		f.problem(v, "the safeguards differ from those of the transfers (%q), which are read", strings.Join(want, "\n"))
	}
}

// processing reads the processor records sheet.
func (x *gba) processing() error {
	t, err := x.table(x.ref.processing, x.ref.pheads)
	if err != nil || t == nil {
		return err
	}
	g := x.g
	for _, r := range t.rows() {
		n := len(x.reg.Processing)
		f := &further{g: g, m: x.ref.more, s: t.s, r: r, c: max(t.col["controllers"], 1), i: -1}
		p := ropa.ProcessorRecord{ID: t.get(r, "ref"), Name: t.get(r, "name"), Categories: cellLines(t.get(r, "categories")),
			Measures: g.measureIDs(t.get(r, "measures"))}
		if v := t.get(r, "controllers"); v != "" {
			for _, b := range strings.Split(v, "\n\n") {
				p.Controllers = append(p.Controllers, f.fullParty(b))
			}
		}
		f.c = max(t.col["transfers"], 1)
		for _, line := range cellLines(t.get(r, "transfers")) {
			p.Transfers = append(p.Transfers, f.transferWords(line))
		}
		f.c = max(t.col["more"], 1)
		x.recordMore(&p, f, t.get(r, "more"))
		g.recs[p.ID] = n
		x.wb.at(ropa.Root.Child("processing").Index(n), t.s, r, 1)
		x.reg.Processing = append(x.reg.Processing, p)
		x.outside(t, r, -1)
	}
	return nil
}

// recordMore reads the further-information cell of a processor record.
func (x *gba) recordMore(p *ropa.ProcessorRecord, f *further, v string) {
	var facts []fact
	for _, line := range cellLines(v) {
		if label, text, ok := strings.Cut(line, ": "); ok {
			if k, ok := x.ref.pmore[label]; ok {
				facts = append(facts, fact{k, text})
				continue
			}
		}
		if len(facts) == 0 {
			f.problem(line, "line of no known label, not imported")
			continue
		}
		facts[len(facts)-1].text += "\n" + line
	}
	for _, ft := range facts {
		switch ft.key {
		case "subProcessors":
			for _, line := range cellLines(ft.text) {
				p.SubProcessors = append(p.SubProcessors, x.g.recipientWords(line))
			}
		case factRecipientDetails, factTransferDetails:
			f.recordDetail(p, ft)
		case factSystems:
			p.Systems = f.systems(ft.text)
		case factNotes:
			p.Notes = ft.text
		}
	}
}

// ignored reports the sheets the reader does not read that hold something:
// all but the GBA's own, the appendix of the generic workbook and the lists.
func (x *gba) ignored() error {
	read := []string{x.ref.ident, x.ref.register, x.ref.processing, x.ref.lists}
	for _, e := range []string{"Systems", "Processors", "Events", "Measures", "Waivers"} {
		read = append(read, x.g.ref.sheetIn(e))
	}
	for _, n := range x.wb.f.GetSheetList() {
		if slices.Contains(read, n) {
			continue
		}
		s, err := x.wb.sheet(n)
		if err != nil {
			return err
		}
		if len(s.rows) > 0 {
			x.wb.problem(s, 1, 1, -1, n, "sheet not known to the importer, not imported")
		}
	}
	return nil
}
