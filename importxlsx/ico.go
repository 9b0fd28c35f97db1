package importxlsx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// icoSheet is the name of the sheet of the ICO's documentation template
// for controllers that holds the register.
const icoSheet = "Template"

// The columns of the ICO controller template (sheet Template, columns
// A-AD), by a key of their heading: its words in lower case, with
// "(if applicable)" and "(if possible)" left out (see icoKey).
const (
	icoFunction     = "business function"
	icoPurpose      = "purpose of processing"
	icoJoint        = "name and contact details of joint controller"
	icoSubjects     = "categories of individuals"
	icoData         = "categories of personal data"
	icoRecipients   = "categories of recipients"
	icoContract     = "link to contract with processor"
	icoTransfers    = "names of third countries or international organisations that personal data are transferred to"
	icoSafeguards   = "safeguards for exceptional transfers of personal data to third countries or international organisations"
	icoRetention    = "retention schedule"
	icoMeasures     = "general description of technical and organisational security measures"
	icoArt6         = "article 6 lawful basis for processing personal data"
	icoArt9         = "article 9 condition for processing special category data"
	icoInterests    = "legitimate interests for the processing"
	icoLIA          = "link to record of legitimate interests assessment"
	icoRights       = "rights available to individuals"
	icoAutomated    = "existence of automated decision-making, including profiling"
	icoSource       = "the source of the personal data"
	icoConsent      = "link to record of consent"
	icoLocation     = "location of personal data"
	icoDPIARequired = "data protection impact assessment required?"
	icoDPIAProgress = "data protection impact assessment progress"
	icoDPIALink     = "link to data protection impact assessment"
	icoBreach       = "has a personal data breach occurred?"
	icoBreachLink   = "link to record of personal data breach"
	icoSchedule1    = "data protection act 2018 schedule 1 condition for processing"
	icoDPAArt6      = "gdpr article 6 lawful basis for processing"
	icoPolicy       = "link to retention and erasure policy document"
	icoAdhered      = "is personal data retained and erased in accordance with the policy document?"
	icoNotAdhered   = "reasons for not adhering to policy document"
)

// icoHeadings lists the template's 30 column headings in their order.
var icoHeadings = []string{icoFunction, icoPurpose, icoJoint, icoSubjects, icoData, icoRecipients, icoContract, icoTransfers,
	icoSafeguards, icoRetention, icoMeasures, icoArt6, icoArt9, icoInterests, icoLIA, icoRights, icoAutomated, icoSource,
	icoConsent, icoLocation, icoDPIARequired, icoDPIAProgress, icoDPIALink, icoBreach, icoBreachLink, icoSchedule1,
	icoDPAArt6, icoPolicy, icoAdhered, icoNotAdhered}

// icoAliases are headings of copies of the template that word a column
// otherwise: one of the two reproductions of the template has "Data
// Protection Act 2018 Schedule Condition for processing", without "1".
var icoAliases = map[string]string{
	"data protection act 2018 schedule condition for processing": icoSchedule1,
}

// icoGroups are the words above the headings (the groups of columns and
// the template's own instructions): nothing of the register.
var icoGroups = []string{
	"article 30 record of processing activities", "privacy notices", "consent", "access requests",
	"data protection impact assessments", "personal data breaches",
	"data protection act 2018 - special category or criminal conviction and offence data",
	"use this template to document the processing activities you undertake as a controller.",
	"for more detailed guidance on documentation, please see the guide to gdpr on our website.",
}

var icoSpace = regexp.MustCompile(`\s+`)

// icoKey returns the key of a heading: lower case, spaces collapsed, a
// trailing "(if applicable)" or "(if possible)" and an asterisk left out.
func icoKey(h string) string {
	k := strings.ToLower(icoSpace.ReplaceAllString(strings.TrimSpace(h), " "))
	k = strings.TrimSpace(strings.TrimSuffix(k, "*"))
	for _, tail := range []string{"(if applicable)", "(if possible)"} {
		k = strings.TrimSpace(strings.TrimSuffix(k, tail))
	}
	if a, ok := icoAliases[k]; ok {
		return a
	}
	return k
}

// icoHeadingsAt returns the columns of the template's headings in a row,
// by key.
func icoHeadingsAt(s *sheet, row int) map[string]int {
	cols := map[string]int{}
	for c := 1; c <= len(s.rows[row-1]); c++ {
		k := icoKey(s.cell(row, c))
		for _, h := range icoHeadings {
			if k == h {
				if _, dup := cols[k]; !dup {
					cols[k] = c
				}
			}
		}
	}
	return cols
}

// icoMinHeadings is how many of the template's headings a row must hold to
// be its heading row; the reader looks for it in the first icoScanRows rows.
const (
	icoMinHeadings = 3
	icoScanRows    = 100
)

// icoHeadingRow finds the heading row of the sheet, or 0.
func icoHeadingRow(s *sheet) int {
	for r := 1; r <= min(len(s.rows), icoScanRows); r++ {
		if cols := icoHeadingsAt(s, r); len(cols) >= icoMinHeadings && (cols[icoFunction] > 0 || cols[icoPurpose] > 0) {
			return r
		}
	}
	return 0
}

// icoSheetName returns the name of the workbook's Template sheet (matched
// without regard to case or surrounding spaces).
func icoSheetName(names []string) (string, bool) {
	for _, n := range names {
		if strings.EqualFold(strings.TrimSpace(n), icoSheet) {
			return n, true
		}
	}
	return "", false
}

// fillMerged copies the value of each merged range's first cell into the
// range's other cells, within the rows the sheet holds and its widest row:
// a business function merged over three rows is the function of each. The
// cells filled count towards the limit on cells.
func (wb *workbook) fillMerged(s *sheet) error {
	merged, err := wb.f.GetMergeCells(s.name)
	if err != nil {
		return fmt.Errorf("sheet %q: merged cells: %w", s.name, err)
	}
	width := 0
	for _, row := range s.rows {
		width = max(width, len(row))
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue // a range excelize cannot name holds no cell read
		}
		v := s.cell(r1, c1)
		if v == "" {
			continue
		}
		for r := r1; r <= min(r2, len(s.rows)); r++ {
			for c := c1; c <= min(c2, width); c++ {
				for len(s.rows[r-1]) < c {
					s.rows[r-1] = append(s.rows[r-1], "")
				}
				if s.rows[r-1][c-1] != "" {
					continue
				}
				if wb.read++; wb.read > wb.lim.Cells {
					return fmt.Errorf("%w: the workbook has more than %d non-empty cells, counting merged cells", ErrLimit, wb.lim.Cells)
				}
				s.rows[r-1][c-1] = v
			}
		}
	}
	return nil
}

// ico reads the ICO controller template.
type ico struct {
	wb   *workbook
	s    *sheet
	g    *generic // for parties and addresses
	col  map[string]int
	head int
	more int // the column ropa export writes after the template's, or 0
	// labels are those of the column ropa export writes after the
	// template's.
	labels *moreLabels
	reg    *ropa.Register
	ids    map[string]bool
	// fromNotes are the register's parties (organisation, dpo,
	// representative) the Notes sheet gives.
	fromNotes map[string]bool
	// ours tells a workbook ropa export wrote (its heading row has the
	// further-information column): its cells are read as the writer words
	// them, a value to a line. A template a person filled in is read as
	// people type into it, values split at line breaks and semicolons.
	ours bool
}

// readICO reads the sheet Template of the ICO controller template, an
// activity to a row. A template a person filled in is read as people type
// into it: several values to a cell split at line breaks and semicolons,
// the words of a basis, condition or country read where they name one. A
// workbook ropa export writes in the ICO layout (its heading row has the
// further-information column after the template's) is read as its writer
// words it: a value to a line; joint controllers in full, a party to a
// block; kinds of data subjects, classes of data and recipients' kinds and
// countries in parentheses; the data column's special categories after its
// categories; the absences it states; transfers by destination, with what
// their detail lines name; retention terms by category; the DPIA's status
// and date; systems and storage; and the Notes sheet's register facts and
// details of the processor records. What that layout cannot hold is listed,
// with the reason each, by TestRoundTripICO.
func readICO(wb *workbook) (*Result, error) {
	name, ok := icoSheetName(wb.f.GetSheetList())
	if !ok {
		return nil, fmt.Errorf("%w: no sheet %q, as the ICO controller template has", ErrNotWorkbook, icoSheet)
	}
	s, err := wb.sheet(name)
	if err != nil {
		return nil, err
	}
	if err := wb.fillMerged(s); err != nil {
		return nil, err
	}
	head := icoHeadingRow(s)
	if head == 0 {
		return nil, fmt.Errorf("%w: sheet %q has no row of the ICO template's headings (Business function, Purpose of processing, ...) in its first %d rows", ErrNotWorkbook, name, icoScanRows)
	}
	refs, err := references()
	if err != nil {
		return nil, err
	}
	labels, err := icoMoreLabels()
	if err != nil {
		return nil, err
	}
	reg := &ropa.Register{Schema: ropa.SchemaV1, Language: string(lang.English)}
	x := &ico{wb: wb, s: s, col: icoHeadingsAt(s, head), head: head, reg: reg, ids: map[string]bool{}, fromNotes: map[string]bool{},
		g:      &generic{wb: wb, l: lang.English, reg: reg, ref: refs[lang.English], acts: map[string]int{}, recs: map[string]int{}, byPath: map[string]*partyRow{}},
		labels: labels}
	// The sheets ropa export writes beside the template: the measures
	// first, which the rows name by their descriptions.
	for _, step := range []func() error{x.g.inventory, x.g.measures, x.g.processing, x.processingColumns, x.g.waivers} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := x.notesSheet(); err != nil {
		return nil, err
	}
	x.above()
	known := map[int]bool{}
	for _, c := range x.col {
		known[c] = true
	}
	for c := 1; c <= len(s.rows[head-1]); c++ {
		if s.cell(head, c) == "Further information (not in the ICO template)" {
			x.more = c
		}
		if x.more == c {
			known[c], x.ours = true, true
		}
		if h := s.cell(head, c); h != "" && !known[c] {
			wb.problem(s, head, c, -1, h, "heading not of the ICO template; its cells are kept in notes")
		}
	}
	for r := head + 1; r <= len(s.rows); r++ {
		if len(s.rows[r-1]) == 0 || strings.TrimSpace(strings.Join(s.rows[r-1], "")) == "" {
			continue // a blank row
		}
		x.row(r, known)
	}
	return &Result{Register: reg, Lang: lang.English}, nil
}

// above keeps what the rows above the headings hold (the contact details
// of the organisation, its DPO and representative, whose cells the
// template does not fix) in the register's notes, cell by cell.
func (x *ico) above() {
	read := x.contacts()
	var lines []string
	for r := 1; r < x.head; r++ {
		for c := 1; c <= len(x.s.rows[r-1]); c++ {
			v := x.s.cell(r, c)
			if strings.TrimSpace(v) == "" || isGroup(v) || read[ref(r, c)] {
				continue
			}
			lines = append(lines, fmt.Sprintf("%s: %s", cellRef(x.s.name, ref(r, c)), v))
		}
	}
	if len(lines) > 0 {
		x.reg.Notes = strings.Join(nonEmpty(x.reg.Notes, "Above the headings of the ICO template:\n"+strings.Join(lines, "\n")), "\n\n")
	}
}

// contacts reads the contact block above the headings where it is a table
// of the organisation, its DPO and its representative under the headings
// Name, Address, Email and Telephone (as ropa export writes it), and
// returns the cells it read; the cells of any other block stay in notes.
func (x *ico) contacts() map[string]bool {
	read := map[string]bool{}
	cols := map[string]int{}
	for r := 1; r < x.head && len(cols) == 0; r++ {
		found := map[string]int{}
		for c := 1; c <= len(x.s.rows[r-1]); c++ {
			switch k := strings.ToLower(strings.TrimSpace(x.s.cell(r, c))); k {
			case "name", "address", "email", "telephone":
				found[k] = c
			}
		}
		if found["name"] == 0 || found["email"] == 0 {
			continue
		}
		cols = found
		for _, c := range found {
			read[ref(r, c)] = true
		}
		for r++; r < x.head; r++ {
			get := func(k string) string {
				if c := cols[k]; c > 0 {
					if v := strings.TrimSpace(x.s.cell(r, c)); v != "" {
						read[ref(r, c)] = true
						return v
					}
				}
				return ""
			}
			label := strings.ToLower(strings.TrimSpace(x.s.cell(r, 1)))
			if label != "organisation" && label != "data protection officer" && label != "representative" {
				continue
			}
			read[ref(r, 1)] = true
			var ad *ropa.Address
			if v := get("address"); v != "" {
				ad = x.g.address(x.s, r, cols["address"], v)
			}
			name, email, phone := get("name"), get("email"), get("telephone")
			given := name+email+phone != "" || ad != nil
			// The Notes sheet's words of a party, where it has them, are
			// the whole party: the block's are checked against them.
			if key := icoBlockParty[label]; x.fromNotes[key] {
				n, e, ph, a := x.notesParty(key)
				x.sameBlock(r, label, []string{name, email, phone}, []string{n, e, ph}, ad, a)
				continue
			}
			switch {
			case label == "organisation":
				o := &x.reg.Organisation
				o.Name, o.Email, o.Phone, o.Address = name, email, phone, ad
				x.wb.at(ropa.Root.Child("organisation"), x.s, r, 1)
			case label == "data protection officer" && given:
				x.reg.DPO = &ropa.Contact{Name: name, Email: email, Phone: phone, Address: ad}
				x.wb.at(ropa.Root.Child("dpo"), x.s, r, 1)
			case label == "representative" && given:
				x.reg.Representative = &ropa.Party{Name: name, Email: email, Phone: phone, Address: ad}
				x.wb.at(ropa.Root.Child("representative"), x.s, r, 1)
			}
		}
	}
	return read
}

func isGroup(v string) bool {
	k := strings.ToLower(icoSpace.ReplaceAllString(strings.TrimSpace(v), " "))
	for _, g := range icoGroups {
		if k == g {
			return true
		}
	}
	return false
}

// get returns the text of a row's cell under a heading.
func (x *ico) get(r int, head string) string {
	if c, ok := x.col[head]; ok {
		return strings.TrimSpace(x.s.cell(r, c))
	}
	return ""
}

func (x *ico) problem(r int, head string, i int, text, format string, args ...any) {
	x.wb.problem(x.s, r, x.col[head], i, text, format, args...)
}

// note keeps a cell that has no place in the model in the activity's
// notes, with its heading and cell.
func (x *ico) note(a *ropa.Activity, r int, head string) {
	v := x.get(r, head)
	if v == "" {
		return
	}
	line := fmt.Sprintf("%s (%s): %s", x.s.cell(x.head, x.col[head]), cellRef(x.s.name, ref(r, x.col[head])), v)
	if a.Notes == "" {
		a.Notes = line
	} else {
		a.Notes += "\n" + line
	}
}

var slugDrop = regexp.MustCompile(`[^a-z0-9]+`)

// icoID makes the id of the activity of row r: the words of its business
// function and first purpose in lower case, joined by hyphens, at most 60
// characters ("hr-payroll"); a row whose words make no id, or the id of an
// earlier row, gets "row-N" after them, N its row number.
func (x *ico) icoID(r int, words string) string {
	id := strings.Trim(slugDrop.ReplaceAllString(strings.ToLower(words), "-"), "-")
	if len(id) > 60 {
		id = strings.TrimRight(id[:60], "-")
	}
	if id == "" || x.ids[id] {
		id = strings.TrimPrefix(id+"-row-"+strconv.Itoa(r), "-")
	}
	x.ids[id] = true
	return id
}

// row reads the activity of row r.
func (x *ico) row(r int, known map[int]bool) {
	i := len(x.reg.Activities)
	p := ropa.Root.Child("activities").Index(i)
	purposes := x.values(r, icoPurpose)
	fn := x.get(r, icoFunction)
	a := ropa.Activity{}
	if fn != "" {
		a.Owner = &ropa.Owner{Function: fn}
	}
	switch {
	case len(purposes) > 0:
		a.Name = purposes[0]
	case fn != "":
		a.Name = fn
		x.problem(r, icoPurpose, i, "", "no purpose of processing; the activity is named after its business function")
	default:
		a.Name = "Row " + strconv.Itoa(r)
		x.wb.problem(x.s, r, 1, i, "", "neither business function nor purpose of processing; the activity is named after its row")
	}
	first := ""
	if len(purposes) > 0 {
		first = purposes[0]
	}
	a.ID = x.icoID(r, fn+" "+first)
	x.wb.at(p, x.s, r, max(x.col[icoPurpose], 1))

	x.purposes(&a, r, i, purposes)
	x.joint(&a, r, i)
	x.at(p.Child("jointControllers"), r, icoJoint)
	for j, v := range x.values(r, icoSubjects) {
		a.DataSubjects = append(a.DataSubjects, x.g.subjectWords(j, v))
	}
	x.at(p.Child("dataSubjects"), r, icoSubjects)
	x.data(&a, r, i)
	x.at(p.Child("dataCategories"), r, icoData)
	x.recipients(&a, r, i)
	x.at(p.Child("recipients"), r, icoRecipients)
	x.transfers(&a, r, i)
	x.at(p.Child("transfers"), r, icoTransfers)
	x.retention(&a, r, i)
	x.at(p.Child("retention"), r, icoRetention)
	measures := x.values(r, icoMeasures)
	if x.ours {
		measures = x.g.absences(&a, measures, ropa.NoMeasures)
	}
	a.Measures = x.g.measureIDs(strings.Join(measures, "\n"))
	x.at(p.Child("measures"), r, icoMeasures)
	if v := x.get(r, icoAutomated); v != "" {
		if b, ok := parseYesNo(v); ok {
			a.AutomatedDecisions = &b
			x.at(p.Child("automatedDecisions"), r, icoAutomated)
		} else {
			x.note(&a, r, icoAutomated)
		}
	}
	x.dpia(&a, r, i)
	for _, h := range []string{icoContract, icoRights, icoConsent, icoLocation, icoBreach, icoBreachLink, icoSchedule1,
		icoDPAArt6, icoPolicy, icoAdhered, icoNotAdhered} {
		// In a workbook of ropa export the contracts are the recipients'
		// agreements (checked against them below) and the location names
		// the systems and the storage (read).
		if !x.ours || h != icoContract && h != icoLocation {
			x.note(&a, r, h)
		}
	}
	if x.ours {
		x.location(&a, r)
	}
	for c := 1; c <= len(x.s.rows[r-1]); c++ {
		if v := x.s.cell(r, c); v != "" && !known[c] {
			x.wb.problem(x.s, r, c, i, v, "cell outside the ICO template's columns, not imported")
		}
	}
	x.further(&a, r, i)
	if x.ours {
		x.contracts(&a, r, i)
		x.safeguards(&a, r, i)
	}
	x.reg.Activities = append(x.reg.Activities, a)
}

// at records the cell of an element read from a heading's cell.
func (x *ico) at(p ropa.Path, r int, head string) {
	if c, ok := x.col[head]; ok && x.s.cell(r, c) != "" {
		x.wb.at(p, x.s, r, c)
	}
}

// parseEach reads each value of a row's cell under head with parse and
// makes an element of each value found; the element's note keeps the text
// as written where it names several values or is not the value's English
// label. A value parse does not recognise is a problem (what says so).
func parseEach[V interface {
	~string
	Label(lang.Lang) string
	Article() string
}, E any](x *ico, r, i int, head string, parse func(string) ([]V, error), what string, element func(V, string) E) []E {
	var out []E
	for _, v := range x.values(r, head) {
		found, err := parse(v)
		if err != nil {
			x.problem(r, head, i, v, "%s", what)
			continue
		}
		for _, f := range found {
			note := ""
			if len(found) > 1 || !strings.EqualFold(v, f.Label(lang.English)) && v != basisWords(f, lang.English) {
				note = "as written: " + v
			}
			out = append(out, element(f, note))
		}
	}
	return out
}

// purposes reads the purposes and, for each, the row's bases (Article 6),
// conditions (Article 9), legitimate interests and their assessment.
func (x *ico) purposes(a *ropa.Activity, r, i int, purposes []string) {
	bases := parseEach(x, r, i, icoArt6, lawfulbasis.ParseBases, "no lawful basis of Art. 6(1) recognised",
		func(f lawfulbasis.Basis, note string) ropa.Basis { return ropa.Basis{Basis: f, Note: note} })
	interest, lia := x.get(r, icoInterests), x.get(r, icoLIA)
	li := false
	for j := range bases {
		if bases[j].Basis == lawfulbasis.LegitimateInterests {
			bases[j].Interest, bases[j].Assessment, li = interest, lia, true
		}
	}
	if !li {
		x.note(a, r, icoInterests)
		x.note(a, r, icoLIA)
	}
	conds := parseEach(x, r, i, icoArt9, lawfulbasis.ParseConditions, "no condition of Art. 9(2) or ground of Art. 10 recognised",
		func(f lawfulbasis.Condition, note string) ropa.Condition {
			return ropa.Condition{Condition: f, Note: note}
		})
	if len(purposes) == 0 && (len(bases) > 0 || len(conds) > 0) {
		purposes = []string{a.Name}
	}
	p := ropa.Root.Child("activities").Index(i).Child("purposes")
	for j, d := range purposes {
		// The template has one basis column for the row: its bases hold
		// for each of the row's purposes.
		a.Purposes = append(a.Purposes, ropa.Purpose{Description: d, Bases: clone(bases), Conditions: clone(conds)})
		x.at(p.Index(j), r, icoPurpose)
		if len(bases) > 0 {
			x.at(p.Index(j).Child("bases"), r, icoArt6)
		}
		if len(conds) > 0 {
			x.at(p.Index(j).Child("conditions"), r, icoArt9)
		}
	}
}

func clone[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append([]T(nil), s...)
}

// noneWords are the answers that state there is nothing (no transfers).
var noneWords = map[string]bool{"none": true, "n/a": true, "na": true, "no": true, "-": true, "not applicable": true,
	"geen": true, "nvt": true, "n.v.t.": true, "aucun": true, "aucune": true, "néant": true, "keine": true}

// transfers reads the countries (names in English, Dutch, French or
// German, or ISO codes) and the safeguards of the row's transfers; in a
// workbook of ropa export, a destination to a line (a country's name and
// code, then an international organisation) and the absence it states.
func (x *ico) transfers(a *ropa.Activity, r, i int) {
	v := x.get(r, icoTransfers)
	if x.ours {
		f := x.cellAt(r, i, icoTransfers)
		for _, line := range x.g.absences(a, cellLines(v), ropa.NoTransfers) {
			a.Transfers = append(a.Transfers, f.destination(line))
		}
		return // the safeguards are the transfers' and checked against them
	}
	if noneWords[strings.ToLower(v)] {
		a.None = append(a.None, ropa.NoTransfers)
		x.at(ropa.Root.Child("activities").Index(i).Child("none"), r, icoTransfers)
	} else {
		for _, c := range splitValues(v) {
			if code, ok := parseCountry(c); ok {
				a.Transfers = append(a.Transfers, ropa.Transfer{Country: code})
			} else {
				x.problem(r, icoTransfers, i, c, "not a country (its name or ISO 3166-1 code); an international organisation is not told from free text")
			}
		}
	}
	if sg := x.get(r, icoSafeguards); sg != "" {
		if len(a.Transfers) == 0 {
			x.note(a, r, icoSafeguards)
			return
		}
		for j := range a.Transfers {
			a.Transfers[j].Safeguards = sg
		}
	}
}

// retention reads the retention schedule with retention.Parse, a term to
// each value, keeping its words; in a workbook of ropa export, a term to a
// line after the names of its data categories.
func (x *ico) retention(a *ropa.Activity, r, i int) {
	if x.ours {
		x.g.retentionLines(a, x.cellAt(r, i, icoRetention), cellLines(x.get(r, icoRetention)))
		return
	}
	for _, v := range splitValues(x.get(r, icoRetention)) {
		found, err := retention.Parse(v)
		if err != nil {
			x.problem(r, icoRetention, i, v, "retention term not understood: %v", err)
			continue
		}
		for _, f := range found {
			if f.Text == "" {
				f.Text = v
			}
			a.Retention = append(a.Retention, ropa.RetentionRule{Term: f})
		}
	}
}

// dpiaProgress maps words of the progress column to a status.
var dpiaProgress = []struct {
	words  []string
	status ropa.DPIAStatus
}{
	{[]string{"complete", "completed", "done", "finished", "signed off", "afgerond", "uitgevoerd", "terminée", "terminé", "réalisée", "abgeschlossen"}, ropa.DPIADone},
	{[]string{"in progress", "planned", "ongoing", "not started", "to do", "gepland", "lopend", "in uitvoering", "en cours", "prévue", "geplant"}, ropa.DPIAPlanned},
}

// dpia reads the DPIA columns: required (yes or no), progress and link.
func (x *ico) dpia(a *ropa.Activity, r, i int) {
	req, prog, link := x.get(r, icoDPIARequired), x.get(r, icoDPIAProgress), x.get(r, icoDPIALink)
	if x.ours && prog != "" {
		x.dpiaOurs(a, r, i, req, prog, link)
		return
	}
	var d *ropa.DPIA
	if req != "" {
		if b, ok := parseYesNo(req); ok {
			d = &ropa.DPIA{Status: ropa.DPIANotRequired}
			if b {
				d.Status = ropa.DPIARequired
			}
		} else {
			x.problem(r, icoDPIARequired, i, req, "not yes or no")
		}
	}
	if prog != "" {
		status := ropa.DPIAStatus("")
		low := strings.ToLower(prog)
		for _, p := range dpiaProgress {
			for _, w := range p.words {
				if low == w {
					status = p.status
				}
			}
		}
		switch {
		case status == "":
			x.problem(r, icoDPIAProgress, i, prog, "DPIA progress not recognised (want complete or in progress); kept in notes")
			x.note(a, r, icoDPIAProgress)
		case d != nil && d.Status == ropa.DPIANotRequired:
			x.problem(r, icoDPIAProgress, i, prog, "DPIA progress given for a DPIA not required; kept in notes")
			x.note(a, r, icoDPIAProgress)
		default:
			d = &ropa.DPIA{Status: status}
		}
	}
	if link != "" {
		if d == nil {
			x.note(a, r, icoDPIALink)
		} else {
			d.Reference = link
		}
	}
	if d != nil {
		a.DPIA = d
		for _, h := range []string{icoDPIAProgress, icoDPIARequired} {
			if x.get(r, h) != "" {
				x.at(ropa.Root.Child("activities").Index(i).Child("dpia"), r, h)
				break
			}
		}
	}
}
