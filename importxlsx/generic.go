package importxlsx

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// table is a table sheet of the generic workbook: headings in row 1,
// known by their English text.
type table struct {
	wb      *workbook
	s       *sheet
	col     map[string]int // English heading → column, from 1
	unknown []int          // columns the reader does not map
}

// table opens a sheet of the generic workbook by its English name; known
// lists the English headings the reader maps. A heading it does not know
// is a problem, and so is every non-empty cell below it (see extras). A
// sheet the workbook lacks gives nil.
func (g *generic) table(english string, known ...string) (*table, error) {
	name := g.ref.sheetIn(english)
	if !slices.Contains(g.wb.f.GetSheetList(), name) {
		return nil, nil
	}
	s, err := g.wb.sheet(name)
	if err != nil {
		return nil, err
	}
	t := &table{wb: g.wb, s: s, col: map[string]int{}}
	if len(s.rows) == 0 {
		return t, nil
	}
	for j, h := range s.rows[0] {
		if strings.TrimSpace(h) == "" {
			continue
		}
		e, ok := g.ref.heads[english][heading(h)]
		if !ok || !slices.Contains(known, e) {
			// A column that holds nothing loses nothing; one that holds
			// something is reported, and so is each of its cells.
			if t.used(j + 1) {
				g.wb.problem(s, 1, j+1, -1, h, "column not known to the importer; its cells are kept in notes")
				t.unknown = append(t.unknown, j+1)
			}
			continue
		}
		t.col[e] = j + 1
	}
	return t, nil
}

// used reports whether a data row holds something in column c.
func (t *table) used(c int) bool {
	for r := 2; r <= len(t.s.rows); r++ {
		if t.s.cell(r, c) != "" {
			return true
		}
	}
	return false
}

// rows returns the numbers of the data rows that hold something.
func (t *table) rows() []int {
	var out []int
	if t == nil {
		return nil
	}
	for r := 2; r <= len(t.s.rows); r++ {
		if len(t.s.rows[r-1]) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// get returns the text of a row's cell under an English heading.
func (t *table) get(row int, head string) string {
	if c, ok := t.col[head]; ok {
		return t.s.cell(row, c)
	}
	return ""
}

// problem records a problem on a row's cell under an English heading.
func (t *table) problem(row int, head string, activity int, text, format string, args ...any) {
	t.wb.problem(t.s, row, t.col[head], activity, text, format, args...)
}

// extras keeps the cells of a row under unknown headings as problems.
func (t *table) extras(row, activity int) {
	for _, c := range t.unknown {
		if v := t.s.cell(row, c); v != "" {
			t.wb.problem(t.s, row, c, activity, v, "cell of an unknown column %q, not imported", t.s.cell(1, c))
		}
	}
}

// generic reads the generic workbook.
type generic struct {
	wb   *workbook
	ref  *reference
	l    lang.Lang
	reg  *ropa.Register
	acts map[string]int // activity id → index
	recs map[string]int // processor record id → index
	// byPath holds the rows of the Parties sheet by the path they name.
	byPath     map[string]*partyRow
	partyTable *table
}

func readGeneric(wb *workbook, l lang.Lang) (*Result, error) {
	refs, err := references()
	if err != nil {
		return nil, err
	}
	if l == "" {
		var ok bool
		if l, ok = genericLang(wb.f.GetSheetList()); !ok {
			return nil, fmt.Errorf("%w: no sheet of the generic workbook in en, nl, fr or de", ErrNotWorkbook)
		}
	}
	if act := refs[l].sheetIn("Activities"); !slices.Contains(wb.f.GetSheetList(), act) {
		return nil, fmt.Errorf("%w: no sheet %q, as the generic workbook in %s has", ErrNotWorkbook, act, l)
	}
	g := &generic{wb: wb, ref: refs[l], l: l, reg: &ropa.Register{}, acts: map[string]int{}, recs: map[string]int{}, byPath: map[string]*partyRow{}}
	for _, step := range []func() error{g.parties, g.cover, g.inventory, g.measures, g.activities, g.processing, g.purposes, g.data, g.recipients, g.transfers, g.retention, g.waivers, g.unusedParties, g.ignored} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return &Result{Register: g.reg, Lang: l}, nil
}

// enumCell reads a row's cell under an English heading of an English
// sheet into *v: the value of an enumeration its words name, learnt from
// the reference workbook. An empty cell leaves *v; words of no value are a
// problem (what says so).
func enumCell[T ~string](g *generic, t *table, r, activity int, sheet, head string, v *T, what string) {
	text := t.get(r, head)
	if text == "" {
		return
	}
	if k, ok := g.words(head+"@"+sheet, text); ok {
		*v = T(k)
		return
	}
	t.problem(r, head, activity, text, "%s", what)
}

// words returns the value of an enumeration's words, learnt from the
// reference workbook.
func (g *generic) words(key, text string) (string, bool) {
	v, ok := g.ref.values[key][strings.TrimSpace(text)]
	return v, ok
}

// cover reads the cover sheet: labels in column A, values in column B.
func (g *generic) cover() error {
	name := g.wb.f.GetSheetList()[0]
	s, err := g.wb.sheet(name)
	if err != nil {
		return err
	}
	reg := g.reg
	o := &reg.Organisation
	root := ropa.Root
	// The cover lines whose text is a field as written.
	texts := map[string]*string{"E-mail": &o.Email, "Telephone": &o.Phone, "Website": &o.Website,
		"Format version": &reg.Schema, "Language of the register": &reg.Language, "Notes on the register": &reg.Notes,
		"JSON Schema": &reg.JSONSchema, "Occasional processing (Art. 27(2)(a))": &reg.OccasionalProcessing, "Adopted by": &reg.AdoptedBy}
	// Where the Parties sheet holds the organisation field by field, its
	// row is read rather than the cover's worded lines.
	org, structured := g.partyRowAt(root.Child("organisation"), "")
	var orgWords map[string]string
	if structured {
		orgWords = g.organisationWords(org.party)
	}
	defer func() {
		if structured {
			reg.Organisation = org.party
		}
	}()
	for r := 1; r <= len(s.rows); r++ {
		label, v := s.cell(r, 1), s.cell(r, 2)
		for c := 3; c <= len(s.rows[r-1]); c++ {
			if x := s.cell(r, c); x != "" {
				g.wb.problem(s, r, c, -1, x, "cell beside the cover's values, not imported")
			}
		}
		e, ok := g.ref.cover[label]
		if !ok {
			if n, found := strings.CutPrefix(label, strings.TrimSuffix(g.ref.coverIn("Group entities 1"), "1")); found {
				if _, err := strconv.Atoi(n); err == nil {
					p := root.Child("entities").Index(len(reg.Entities))
					reg.Entities = append(reg.Entities, g.partyAt(p, "", s, r, 2, v))
					g.wb.at(p, s, r, 2)
					continue
				}
			}
			if n, found := strings.CutPrefix(label, strings.TrimSuffix(g.ref.coverIn("Purposes of the organisation 1"), "1")); found {
				if _, err := strconv.Atoi(n); err == nil {
					g.wb.at(root.Child("purposes").Index(len(reg.Purposes)), s, r, 2)
					reg.Purposes = append(reg.Purposes, v)
					continue
				}
			}
			if label != "" || v != "" {
				g.wb.problem(s, r, 1, -1, label+v, "cover line not known to the importer")
			}
			continue
		}
		if structured {
			if want, ok := orgWords[e]; ok {
				g.sameWords(s, r, 2, v, want, org.row)
			}
		}
		if v == "" {
			continue
		}
		if f, ok := texts[e]; ok {
			*f = v
			continue
		}
		switch e {
		case "Record of processing activities (Art. 30 GDPR)", "Columns marked * hold what Art. 30 GDPR requires.", "Checked as of", "Findings":
			// Fixed words and the check's summary: nothing of the register.
		case "Purposes of the organisation 1":
			g.wb.at(root.Child("purposes").Index(len(reg.Purposes)), s, r, 2)
			reg.Purposes = append(reg.Purposes, v)
		case "Group entities 1":
			p := root.Child("entities").Index(len(reg.Entities))
			reg.Entities = append(reg.Entities, g.partyAt(p, "", s, r, 2, v))
			g.wb.at(p, s, r, 2)
		case "Controller":
			o.Name = v
			g.wb.at(root.Child("organisation"), s, r, 2)
		case "Registration":
			o.Registration = registration(v)
		case "Address":
			if !structured {
				o.Address = g.address(s, r, 2, v)
			}
		case "Postal address":
			if !structured {
				o.PostalAddress = g.address(s, r, 2, v)
			}
		case "Applicable law":
			if rg, ok := g.words("regime", v); ok {
				reg.Regime = ropa.Regime(rg)
			} else {
				g.wb.problem(s, r, 2, -1, v, "not a regime the register can be kept under")
			}
		case "Employees":
			if n, err := strconv.Atoi(v); err == nil {
				o.Employees = &n
			} else {
				g.wb.problem(s, r, 2, -1, v, "not a number of employees")
			}
		case "Public authority":
			if b, ok := parseYesNo(v); ok {
				o.PublicAuthority = &b
			} else {
				g.wb.problem(s, r, 2, -1, v, "not yes or no")
			}
		case "Data protection officer":
			reg.DPO = g.contactAt(root.Child("dpo"), "", s, r, 2, v)
			g.wb.at(root.Child("dpo"), s, r, 2)
		case "Representative":
			p := g.partyAt(root.Child("representative"), "", s, r, 2, v)
			reg.Representative = &p
			g.wb.at(root.Child("representative"), s, r, 2)
		case "Last review of the register":
			g.date(s, r, 2, -1, v, &reg.Updated)
		case "Adopted on":
			g.date(s, r, 2, -1, v, &reg.Adopted)
		case "Contact person":
			if !structured {
				pt := g.party(s, r, 2, v)
				o.Contact = &ropa.Contact{Name: pt.Name, Address: pt.Address, Email: pt.Email, Phone: pt.Phone}
			}
		case "Review cycle (ISO 8601)":
			if p, err := retention.ParsePeriod(v); err == nil {
				reg.ReviewCycle = p
			} else {
				g.wb.problem(s, r, 2, -1, v, "not an ISO 8601 period: %v", err)
			}
		default:
			g.wb.problem(s, r, 1, -1, label, "cover line not known to the importer")
		}
	}
	return nil
}

// coverIn returns the words of an English cover label in the workbook's language.
func (r *reference) coverIn(english string) string {
	for w, e := range r.cover {
		if e == english {
			return w
		}
	}
	return english
}

func (g *generic) date(s *sheet, row, col, activity int, v string, d *ropa.Date) {
	if v == "" {
		return
	}
	if x, ok := parseDate(v); ok {
		*d = x
		return
	}
	g.wb.problem(s, row, col, activity, v, "not a date (want YYYY-MM-DD or DD/MM/YYYY)")
}

func registration(v string) *ropa.Registration {
	scheme, id, _ := strings.Cut(strings.TrimSpace(v), " ")
	return &ropa.Registration{Scheme: scheme, ID: id}
}

var phoneLike = regexp.MustCompile(`^\+?[0-9][0-9 ().\/-]{5,}$`)

// party reads a party as the workbook writes it, one thing to a line:
// name, registration, address, e-mail, telephone, website.
func (g *generic) party(s *sheet, row, col int, v string) ropa.Party {
	lines := splitLines(v)
	var p ropa.Party
	if len(lines) == 0 {
		return p
	}
	for j, line := range lines {
		switch {
		case j == 0 && !strings.Contains(line, "@") && !phoneLike.MatchString(line) && !(strings.Contains(line, ", ") && codeInParens.MatchString(line)):
			p.Name = line
		case strings.Contains(line, "@") && !strings.Contains(line, " "):
			p.Email = line
		case strings.HasPrefix(line, "http://") || strings.HasPrefix(line, "https://") || strings.HasPrefix(line, "www."):
			p.Website = line
		case phoneLike.MatchString(line):
			p.Phone = line
		case p.Address == nil && (strings.Contains(line, ", ") || codeInParens.MatchString(line)):
			p.Address = g.address(s, row, col, line)
		case p.Registration == nil && p.Address == nil && strings.Contains(line, " "):
			p.Registration = registration(line)
		default:
			g.wb.problem(s, row, col, -1, line, "line of a party not recognised (want registration, address, e-mail, telephone or website)")
		}
	}
	return p
}

// Postal codes of two words: Dutch ("6002 ED") and British ("GL9 1DS").
var (
	dutchPostal   = regexp.MustCompile(`^[0-9]{4} [A-Z]{2} `)
	britishPostal = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2} `)
)

// splitPostal cuts "1000 Brussel", "6002 ED Weert" or "GL9 1DS Didmarton"
// into its postal code and city; ok is false where it does not begin with
// a postal code.
func splitPostal(v string) (pc, city string, ok bool) {
	for _, re := range []*regexp.Regexp{dutchPostal, britishPostal} {
		if m := re.FindString(v); m != "" {
			return m[:len(m)-1], v[len(m):], true
		}
	}
	pc, city, ok = strings.Cut(v, " ")
	return pc, city, ok && strings.ContainsAny(pc, "0123456789")
}

// address reads "Street 1, 1000 City, Country (CC)" and checks that it
// writes back as it was read; otherwise the cell is a problem.
func (g *generic) address(s *sheet, row, col int, v string) *ropa.Address {
	parts := strings.Split(v, ", ")
	a := &ropa.Address{}
	if c, ok := parseCountry(parts[len(parts)-1]); ok {
		a.Country, parts = c, parts[:len(parts)-1]
	}
	switch len(parts) {
	case 0:
	case 1:
		a.Street = parts[0]
		if pc, city, ok := splitPostal(parts[0]); ok {
			a.Street, a.PostalCode, a.City = "", pc, city
		}
	default:
		a.Street = strings.Join(parts[:len(parts)-1], ", ")
		last := parts[len(parts)-1]
		if pc, city, ok := splitPostal(last); ok {
			a.PostalCode, a.City = pc, city
		} else {
			a.City = last
		}
	}
	city := strings.TrimSpace(a.PostalCode + " " + a.City)
	var back []string
	for _, x := range []string{a.Street, city, countryText(a.Country, g.l)} {
		if x != "" {
			back = append(back, x)
		}
	}
	if strings.Join(back, ", ") != v {
		g.wb.problem(s, row, col, -1, v, "address read as street %q, postal code %q, city %q, country %q: check it", a.Street, a.PostalCode, a.City, a.Country)
	}
	return a
}

// eachRow opens a sheet of the generic workbook by its English name (see
// table) and calls row for each of its data rows; a sheet the workbook
// lacks has none.
func (g *generic) eachRow(english string, known []string, row func(t *table, r int)) error {
	t, err := g.table(english, known...)
	if err != nil || t == nil {
		return err
	}
	for _, r := range t.rows() {
		row(t, r)
	}
	return nil
}

// eachActivityRow is eachRow for a sheet whose rows detail an activity,
// named by id in their first column: row gets the activity's index and the
// activity; a row that names none is a problem, and is not read.
func (g *generic) eachActivityRow(english string, known []string, row func(t *table, r, i int, a *ropa.Activity)) error {
	return g.eachRow(english, known, func(t *table, r int) {
		if i, ok := g.activity(t, r); ok {
			row(t, r, i, &g.reg.Activities[i])
		}
	})
}

// measures reads the Measures sheet.
func (g *generic) measures() error {
	return g.eachRow("Measures", []string{"ID", "Kind", "Description", "Applies to"}, func(t *table, r int) {
		m := ropa.Measure{ID: t.get(r, "ID"), Description: t.get(r, "Description")}
		enumCell(g, t, r, -1, "Measures", "Kind", &m.Kind, "not a kind of measure")
		g.wb.at(ropa.Root.Child("measures").Index(len(g.reg.Measures)), t.s, r, 1)
		g.reg.Measures = append(g.reg.Measures, m)
		t.extras(r, -1)
	})
}

// withoutAbsence returns the text of a cell without the line that states an
// absence, which the workbook writes below what the cell lists, where the
// row's column of stated absences (read on its own) states it.
func (g *generic) withoutAbsence(t *table, r int, v string, what ropa.Absence) string {
	if !slices.Contains(splitLines(t.get(r, "Stated absences (ids)")), string(what)) {
		return v
	}
	word := export.AbsenceWords(what, g.l)
	if v == word {
		return ""
	}
	return strings.TrimSuffix(v, "\n"+word)
}

// measureIDs reads the measures of an activity or record, by description
// (or id, as the workbook writes an id that names no measure).
func (g *generic) measureIDs(v string) []string {
	var ids []string
	for _, line := range splitLines(v) {
		id := line
		for _, m := range g.reg.Measures {
			if m.Description == line {
				id = m.ID
				break
			}
		}
		ids = append(ids, id)
	}
	return ids
}

// The columns of the Activities sheet that repeat what other sheets hold.
var derivedActivityColumns = []string{"Purposes of the processing", "Lawful bases", "Categories of personal data",
	"Special categories (Art. 9) or criminal data (Art. 10)", "Categories of recipients",
	"Transfers to third countries or international organisations", "Time limits for erasure"}

func (g *generic) activities() error {
	known := append([]string{"ID", "Name", "Description", "Joint controllers", "Categories of data subjects",
		"Technical and organisational security measures", "DPIA", "Automated decisions (Art. 22)",
		"End date of the processing", "Replacing processing", "Notes", "Reference", "Systems", "Target member states (Art. 8(1))",
		"Joint-controller arrangement (Art. 26(1))", "Data subject IDs", "Last update", "Next review",
		"Status", "Other controllers (role)", "The organisation is not a controller", "Data protection officer of the activity", "Risk", "DPIA criteria (WP248)",
		"Owner (function, department)", "Grounds of automated decisions (Art. 22(2), (3))", "Owner's function", "Owner's department",
		"Owner's e-mail", "Exception (Art. 22(2))", "Law authorising the decisions (Art. 22(2)(b))",
		"Safeguards of the decisions (Art. 22(3))", "Stated absences (ids)", "Where and how the data are kept",
		"Privacy notice (Art. 13, 14)", "Processing method (Art. 2(1))", "Controlling entities of the register",
		"Record created", "Processing started", "Owner's contact person", "Profiling (Art. 4(4))", "Full record"}, derivedActivityColumns...)
	t, err := g.table("Activities", known...)
	if err != nil || t == nil {
		return err
	}
	for _, r := range t.rows() {
		i := len(g.reg.Activities)
		a := ropa.Activity{ID: t.get(r, "ID"), Name: t.get(r, "Name"), Description: t.get(r, "Description"),
			ReplacedBy: t.get(r, "Replacing processing"), Notes: t.get(r, "Notes"), Reference: t.get(r, "Reference"),
			Systems: splitLines(t.get(r, "Systems")), JointArrangement: t.get(r, "Joint-controller arrangement (Art. 26(1))"),
			Storage: t.get(r, "Where and how the data are kept"), Notice: t.get(r, "Privacy notice (Art. 13, 14)"),
			Entities: splitLines(t.get(r, "Controlling entities of the register")), Record: t.get(r, "Full record")}
		enumCell(g, t, r, i, "Activities", "Processing method (Art. 2(1))", &a.Method, "not a method of processing (Art. 2(1))")
		for _, v := range splitLines(t.get(r, "Target member states (Art. 8(1))")) {
			if c, ok := parseCountry(v); ok {
				a.TargetCountries = append(a.TargetCountries, c)
			} else {
				t.problem(r, "Target member states (Art. 8(1))", i, v, "not a country")
			}
		}
		p := ropa.Root.Child("activities").Index(i)
		g.wb.at(p, t.s, r, 1)
		if _, dup := g.acts[a.ID]; dup {
			t.problem(r, "ID", i, a.ID, "activity id used twice; the detail sheets' rows go to the first")
		} else {
			g.acts[a.ID] = i
		}
		joint := g.withoutAbsence(t, r, t.get(r, "Joint controllers"), ropa.NoJointController)
		a.JointControllers, _ = g.partiesAt(p.Child("jointControllers"), a.ID, t.s, r, t.col["Joint controllers"], joint, false)
		for j, line := range splitLines(t.get(r, "Categories of data subjects")) {
			ds := ropa.DataSubject{ID: "subject-" + strconv.Itoa(j+1), Description: line}
			if open := strings.LastIndex(line, " ("); open > 0 && strings.HasSuffix(line, ")") {
				if k, ok := g.words("subject", line[open+2:len(line)-1]); ok {
					ds.Description, ds.Kind = line[:open], ropa.SubjectKind(k)
				}
			}
			a.DataSubjects = append(a.DataSubjects, ds)
		}
		if ids := t.get(r, "Data subject IDs"); ids != "" {
			if lines := strings.Split(ids, "\n"); len(lines) == len(a.DataSubjects) {
				for j, id := range lines {
					a.DataSubjects[j].ID = id
				}
			} else {
				t.problem(r, "Data subject IDs", i, ids, "%d ids for %d categories of data subjects; the categories are numbered subject-1, subject-2, ...", len(lines), len(a.DataSubjects))
			}
		}
		g.date(t.s, r, t.col["Last update"], i, t.get(r, "Last update"), &a.Updated)
		g.date(t.s, r, t.col["Next review"], i, t.get(r, "Next review"), &a.NextReview)
		g.date(t.s, r, t.col["Record created"], i, t.get(r, "Record created"), &a.Created)
		g.date(t.s, r, t.col["Processing started"], i, t.get(r, "Processing started"), &a.Started)
		a.Measures = g.measureIDs(g.withoutAbsence(t, r, t.get(r, "Technical and organisational security measures"), ropa.NoMeasures))
		if v := t.get(r, "DPIA"); v != "" {
			status, rest, _ := strings.Cut(v, ", ")
			if s, ok := g.words("dpia", status); ok {
				a.DPIA = &ropa.DPIA{Status: ropa.DPIAStatus(s)}
				for _, part := range strings.Split(rest, ", ") {
					if d, ok := parseDate(part); ok && a.DPIA.Date.IsZero() {
						a.DPIA.Date = d
					} else if part != "" {
						a.DPIA.Reference = strings.Join(nonEmpty(a.DPIA.Reference, part), ", ")
					}
				}
			} else {
				t.problem(r, "DPIA", i, v, "DPIA status not recognised")
			}
		}
		g.activityDetails(t, r, i, p, &a)
		t.yesNo(r, "The organisation is not a controller", i, &a.NotController)
		a.AutomatedDecisions = t.stated(r, "Automated decisions (Art. 22)", i)
		a.Profiling = t.stated(r, "Profiling (Art. 4(4))", i)
		g.date(t.s, r, t.col["End date of the processing"], i, t.get(r, "End date of the processing"), &a.Ended)
		g.reg.Activities = append(g.reg.Activities, a)
		t.extras(r, i)
	}
	return nil
}

// yesNo reads a yes-or-no cell under an English heading into *b; an
// empty cell leaves it, a cell that is neither is a problem.
func (t *table) yesNo(r int, head string, activity int, b *bool) {
	v := t.get(r, head)
	if v == "" {
		return
	}
	if x, ok := parseYesNo(v); ok {
		*b = x
		return
	}
	t.problem(r, head, activity, v, "not yes or no")
}

// stated reads a yes-or-no cell under an English heading as a statement:
// nil for an empty cell (not stated) or a cell that is neither, which is a
// problem.
func (t *table) stated(r int, head string, activity int) *bool {
	v := t.get(r, head)
	if v == "" {
		return nil
	}
	if b, ok := parseYesNo(v); ok {
		return &b
	}
	t.problem(r, head, activity, v, "not yes or no")
	return nil
}

func nonEmpty(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (g *generic) processing() error {
	t, err := g.table("Processor records", "ID", "Name", "Controllers on whose behalf", "Categories of processing",
		"Sub-processors", "Transfers to third countries or international organisations", "Technical and organisational security measures", "Systems", "Notes")
	if err != nil || t == nil {
		return err
	}
	for _, r := range t.rows() {
		p := ropa.ProcessorRecord{ID: t.get(r, "ID"), Name: t.get(r, "Name"), Categories: splitLines(t.get(r, "Categories of processing")),
			Measures: g.measureIDs(t.get(r, "Technical and organisational security measures")), Systems: splitLines(t.get(r, "Systems")), Notes: t.get(r, "Notes")}
		if v := t.get(r, "Controllers on whose behalf"); v != "" {
			p.Controllers, _ = g.partiesAt(ropa.Root.Child("processing").Index(len(g.reg.Processing)).Child("controllers"), p.ID, t.s, r, t.col["Controllers on whose behalf"], v, false)
		}
		g.recs[p.ID] = len(g.reg.Processing)
		g.wb.at(ropa.Root.Child("processing").Index(len(g.reg.Processing)), t.s, r, 1)
		g.reg.Processing = append(g.reg.Processing, p)
		t.extras(r, -1)
	}
	return nil
}

// activity returns the index of the activity a detail row names by id, or
// records a problem.
func (g *generic) activity(t *table, r int) (int, bool) {
	id := t.get(r, "Activity ID")
	if i, ok := g.acts[id]; ok {
		return i, true
	}
	t.problem(r, "Activity ID", -1, id, "names no activity of the Activities sheet; the row is not imported")
	t.extras(r, -1)
	return -1, false
}

// basisLabel and the like match the words of a value of package
// lawfulbasis as the workbook writes it: "Consent (Art. 6(1)(a) GDPR)".
func basisWords[T interface {
	~string
	Label(lang.Lang) string
	Article() string
}](v T, l lang.Lang) string {
	return v.Label(l) + " (" + lang.Cite(v.Article(), l) + ")"
}

func matchWords[T interface {
	~string
	Label(lang.Lang) string
	Article() string
}](all []T, text string, l lang.Lang) (T, bool) {
	text = strings.TrimSpace(text)
	for _, v := range all {
		if basisWords(v, l) == text || v.Label(l) == text || string(v) == text {
			return v, true
		}
	}
	return "", false
}

func (g *generic) purposes() error {
	t, err := g.table("Purposes and bases", "Activity ID", "Activity", "Purpose", "Lawful basis", "Legitimate interest", "Assessment",
		"Law", "Note", "Art. 9(2) condition or Art. 10 ground", "Rights of data subjects", "Direct marketing", "Data used", "Purpose #",
		"Law of the condition", "Note on the condition")
	if err != nil || t == nil {
		return err
	}
	lastAct, lastRow, lastNo := -1, 0, ""
	for _, r := range t.rows() {
		i, ok := g.activity(t, r)
		if !ok {
			continue
		}
		a := &g.reg.Activities[i]
		desc, no := t.get(r, "Purpose"), t.get(r, "Purpose #")
		// A row continues the purpose above it (another of its bases)
		// where the workbook numbers them alike; without numbers, where
		// it repeats the description and both rows name a basis.
		same := no != "" && no == lastNo
		if no == "" && lastNo == "" {
			same = a.Purposes[len(a.Purposes)-1].Description == desc && t.get(r, "Lawful basis") != "" && t.get(lastRow, "Lawful basis") != ""
		}
		if i != lastAct || len(a.Purposes) == 0 || !same {
			pu := ropa.Purpose{Description: desc, Data: splitLines(t.get(r, "Data used"))}
			if v := t.get(r, "Direct marketing"); v != "" {
				if b, ok := parseYesNo(v); ok {
					pu.DirectMarketing = b
				} else {
					t.problem(r, "Direct marketing", i, v, "not yes or no")
				}
			}
			g.wb.at(ropa.Root.Child("activities").Index(i).Child("purposes").Index(len(a.Purposes)), t.s, r, t.col["Purpose"])
			a.Purposes = append(a.Purposes, pu)
		}
		lastAct, lastRow, lastNo = i, r, no
		pu := &a.Purposes[len(a.Purposes)-1]
		pu.Conditions = append(pu.Conditions, g.conditions(t, r, i)...)
		if v := t.get(r, "Lawful basis"); v != "" {
			b := ropa.Basis{Interest: t.get(r, "Legitimate interest"), Assessment: t.get(r, "Assessment"), Law: t.get(r, "Law"), Note: t.get(r, "Note")}
			if basis, ok := matchWords(lawfulbasis.Bases(), v, g.l); ok {
				b.Basis = basis
				pu.Bases = append(pu.Bases, b)
			} else if found, err := lawfulbasis.ParseBases(v); err == nil {
				for _, f := range found {
					b.Basis = f
					pu.Bases = append(pu.Bases, b)
				}
				if len(found) > 1 || !strings.EqualFold(strings.TrimSpace(v), found[0].Label(g.l)) {
					b.Note = strings.Join(nonEmpty(b.Note, "as written: "+v), "; ")
					pu.Bases[len(pu.Bases)-1].Note = b.Note
				}
			} else {
				t.problem(r, "Lawful basis", i, v, "no lawful basis of Art. 6(1) recognised")
			}
		}
		t.extras(r, i)
	}
	return nil
}

// conditions reads the Art. 9(2) conditions and Art. 10 grounds of a row
// of the Purposes sheet. The workbook writes one to a row, its law and its
// note in columns of their own; a cell a person filled may hold several,
// one to a line, each as "condition; law; note".
func (g *generic) conditions(t *table, r, i int) []ropa.Condition {
	const head = "Art. 9(2) condition or Art. 10 ground"
	law, note := t.get(r, "Law of the condition"), t.get(r, "Note on the condition")
	lines := splitLines(t.get(r, head))
	if len(lines) == 1 {
		if cond, ok := matchWords(lawfulbasis.Conditions(), lines[0], g.l); ok {
			return []ropa.Condition{{Condition: cond, Law: law, Note: note}}
		}
	}
	if law != "" || note != "" {
		t.problem(r, "Law of the condition", i, strings.Join(nonEmpty(law, note), "\n"), "the law and the note of a condition go with one condition in the row's condition cell; they are not imported")
	}
	var out []ropa.Condition
	for _, c := range lines {
		parts := strings.Split(c, "; ")
		cond, ok := matchWords(lawfulbasis.Conditions(), parts[0], g.l)
		if !ok {
			if found, err := lawfulbasis.ParseConditions(parts[0]); err == nil && len(found) == 1 {
				cond, ok = found[0], true
			}
		}
		if !ok {
			t.problem(r, head, i, c, "no condition of Art. 9(2) or ground of Art. 10 recognised")
			continue
		}
		co := ropa.Condition{Condition: cond}
		if len(parts) > 1 {
			co.Law = parts[1]
		}
		if len(parts) > 2 {
			co.Note = strings.Join(parts[2:], "; ")
		}
		out = append(out, co)
	}
	return out
}

func (g *generic) data() error {
	return g.eachActivityRow("Data categories", []string{"Activity ID", "Activity", "ID", "Data category",
		"Special categories (Art. 9) or criminal data (Art. 10)", "Criminal-offence data (Art. 10)", "Source", "Source as stated",
		"National identification number (Art. 87)", "Of data subjects", "If not provided", "Class of data", "Requirement (Art. 13(2)(e))"}, func(t *table, r, i int, a *ropa.Activity) {
		c := ropa.DataCategory{ID: t.get(r, "ID"), Description: t.get(r, "Data category"), SourceNote: t.get(r, "Source as stated"),
			Subjects: splitLines(t.get(r, "Of data subjects")), RequirementNote: t.get(r, "If not provided")}
		t.yesNo(r, "National identification number (Art. 87)", i, &c.NationalID)
		enumCell(g, t, r, i, "Data categories", "Class of data", &c.Class, "not a class of data")
		enumCell(g, t, r, i, "Data categories", "Requirement (Art. 13(2)(e))", &c.Requirement, "not a requirement to provide the data (Art. 13(2)(e))")
		for _, v := range splitValues(t.get(r, "Special categories (Art. 9) or criminal data (Art. 10)")) {
			if sc, ok := matchWords(lawfulbasis.SpecialCategories(), v, g.l); ok {
				c.Special = append(c.Special, sc)
			} else {
				t.problem(r, "Special categories (Art. 9) or criminal data (Art. 10)", i, v, "not a special category of Art. 9(1)")
			}
		}
		if v := t.get(r, "Criminal-offence data (Art. 10)"); v != "" {
			if b, ok := parseYesNo(v); ok {
				c.Criminal = b
			} else {
				t.problem(r, "Criminal-offence data (Art. 10)", i, v, "not yes or no")
			}
		}
		if v := t.get(r, "Source"); v != "" {
			for _, s := range strings.Split(v, ", ") {
				if src, ok := g.words("Source@Data categories", s); ok {
					c.Sources = append(c.Sources, ropa.DataSource(src))
				} else {
					t.problem(r, "Source", i, s, "not a source of data")
				}
			}
		}
		g.wb.at(ropa.Root.Child("activities").Index(i).Child("dataCategories").Index(len(a.DataCategories)), t.s, r, t.col["Data category"])
		a.DataCategories = append(a.DataCategories, c)
		t.extras(r, i)
	})
}

func (g *generic) country(t *table, r int, head string, activity int) string {
	v := t.get(r, head)
	if v == "" {
		return ""
	}
	if c, ok := parseCountry(v); ok {
		return c
	}
	t.problem(r, head, activity, v, "not a country")
	return ""
}

func (g *generic) recipients() error {
	t, err := g.table("Recipients", "Activity ID", "Activity", "Recipient", "Kind", "Country", "Agreement (Art. 28(3))", "Description",
		"Processors", "All processors of the register", "Contact", "Data disclosed")
	if err != nil || t == nil {
		return err
	}
	for _, r := range t.rows() {
		list, path, i := g.owner(t, r, "recipients", "subProcessors")
		if list == nil {
			continue
		}
		rc := ropa.Recipient{Name: t.get(r, "Recipient"), Country: g.country(t, r, "Country", i),
			Agreement: t.get(r, "Agreement (Art. 28(3))"), Description: t.get(r, "Description"), Processors: splitLines(t.get(r, "Processors")),
			Data: splitLines(t.get(r, "Data disclosed"))}
		t.yesNo(r, "All processors of the register", i, &rc.AllProcessors)
		rc.Contact = g.contactAt(path.Index(len(*list)).Child("contact"), t.get(r, "Activity ID"), t.s, r, t.col["Contact"], t.get(r, "Contact"))
		enumCell(g, t, r, i, "Recipients", "Kind", &rc.Kind, "not a kind of recipient")
		g.wb.at(path.Index(len(*list)), t.s, r, t.col["Recipient"])
		*list = append(*list, rc)
		t.extras(r, i)
	}
	return nil
}

// owner returns the list of a detail row's activity (field) or processor
// record (recField), by the id in its first column.
func (g *generic) owner(t *table, r int, field, recField string) (*[]ropa.Recipient, ropa.Path, int) {
	id := t.get(r, "Activity ID")
	if i, ok := g.acts[id]; ok {
		return &g.reg.Activities[i].Recipients, ropa.Root.Child("activities").Index(i).Child(field), i
	}
	if i, ok := g.recs[id]; ok {
		return &g.reg.Processing[i].SubProcessors, ropa.Root.Child("processing").Index(i).Child(recField), -1
	}
	g.activity(t, r)
	return nil, ropa.Path{}, -1
}

func (g *generic) transfers() error {
	t, err := g.table("Transfers", "Activity ID", "Activity", "Country", "International organisation", "Recipient", "Transfer mechanism",
		"Article", "Reference", "Transfer impact assessment", "Data Privacy Framework", "Scope of the adequacy decision",
		"Derogation (Art. 49)", "Documented safeguards (Art. 49(6))", "Importer is a public authority", "Note")
	if err != nil || t == nil {
		return err
	}
	for _, r := range t.rows() {
		var list *[]ropa.Transfer
		var path ropa.Path
		i := -1
		id := t.get(r, "Activity ID")
		if j, ok := g.acts[id]; ok {
			i, list, path = j, &g.reg.Activities[j].Transfers, ropa.Root.Child("activities").Index(j).Child("transfers")
		} else if j, ok := g.recs[id]; ok {
			list, path = &g.reg.Processing[j].Transfers, ropa.Root.Child("processing").Index(j).Child("transfers")
		} else {
			g.activity(t, r)
			continue
		}
		tr := ropa.Transfer{Country: g.country(t, r, "Country", i), Organisation: t.get(r, "International organisation"),
			Recipient: t.get(r, "Recipient"), Reference: t.get(r, "Reference"), Assessment: t.get(r, "Transfer impact assessment"),
			Safeguards: t.get(r, "Documented safeguards (Art. 49(6))"), Note: t.get(r, "Note")}
		if v := t.get(r, "Transfer mechanism"); v != "" {
			m, ok := matchMechanism(v, g.l)
			if ok {
				tr.Mechanism = m
			} else {
				t.problem(r, "Transfer mechanism", i, v, "not a transfer mechanism of Chapter V")
			}
		}
		if v := t.get(r, "Importer is a public authority"); v != "" {
			var b bool
			t.yesNo(r, "Importer is a public authority", i, &b)
			if _, ok := parseYesNo(v); ok {
				tr.PublicAuthority = &b
			}
		}
		if v := t.get(r, "Data Privacy Framework"); v != "" {
			if b, ok := parseYesNo(v); ok {
				tr.DPF = &b
			} else {
				t.problem(r, "Data Privacy Framework", i, v, "not yes or no")
			}
		}
		enumCell(g, t, r, i, "Transfers", "Scope of the adequacy decision", &tr.Scope, "not a scope of an adequacy decision")
		if v := t.get(r, "Derogation (Art. 49)"); v != "" {
			if d, ok := matchWords(lawfulbasis.Derogations(), v, g.l); ok {
				tr.Derogation = d
			} else {
				t.problem(r, "Derogation (Art. 49)", i, v, "not a derogation of Art. 49(1)")
			}
		}
		g.wb.at(path.Index(len(*list)), t.s, r, t.col["Country"])
		*list = append(*list, tr)
		t.extras(r, i)
	}
	return nil
}

func matchMechanism(v string, l lang.Lang) (lawfulbasis.Mechanism, bool) {
	return matchLabel(lawfulbasis.Mechanisms(), v, l)
}

// matchLabel finds the value of all that v names, by its label in l or
// by the value itself.
func matchLabel[T interface {
	~string
	Label(lang.Lang) string
}](all []T, v string, l lang.Lang) (T, bool) {
	v = strings.TrimSpace(v)
	for _, x := range all {
		if x.Label(l) == v || string(x) == v {
			return x, true
		}
	}
	return "", false
}

func (g *generic) retention() error {
	return g.eachActivityRow("Retention", []string{"Activity ID", "Activity", "Data categories", "Retention term", "Period (ISO 8601)", "Starts",
		"Ends at", "Law", "Criteria", "As the source states it",
		"From the end of the year", "At least", "Case", "Of data subjects", "Data category IDs", "At the end",
		"Extension", "Extension: case", "Extension: period (ISO 8601)", "Extension: ends at", "Extension: law"}, func(t *table, r, i int, a *ropa.Activity) {
		var rule ropa.RetentionRule
		if ids := t.get(r, "Data category IDs"); ids != "" {
			rule.Data = strings.Split(ids, "\n")
		} else if v := t.get(r, "Data categories"); v != "" && v != g.ref.phrases["all"] {
			for _, name := range strings.Split(v, "; ") {
				rule.Data = append(rule.Data, categoryID(a, name))
			}
		}
		rule.Law, rule.Criteria, rule.Text = t.get(r, "Law"), t.get(r, "Criteria"), t.get(r, "As the source states it")
		rule.Case, rule.Subjects = t.get(r, "Case"), splitLines(t.get(r, "Of data subjects"))
		t.yesNo(r, "From the end of the year", i, &rule.FromYearEnd)
		t.yesNo(r, "At least", i, &rule.AtLeast)
		if v := t.get(r, "At the end"); v != "" {
			if d, ok := matchLabel(retention.Disposals(), v, g.l); ok {
				rule.Then = d
			} else {
				t.problem(r, "At the end", i, v, "not what happens to the data at the end of the term (destroy, anonymise, pseudonymise, archive)")
			}
		}
		if v := t.get(r, "Period (ISO 8601)"); v != "" {
			if p, err := retention.ParsePeriod(v); err == nil {
				rule.Period = p
			} else {
				t.problem(r, "Period (ISO 8601)", i, v, "not an ISO 8601 period: %v", err)
			}
		}
		if v := t.get(r, "Starts"); v != "" {
			if e, ok := g.event(v, retention.Event.After); ok {
				rule.From = e
			} else {
				t.problem(r, "Starts", i, v, "not a starting event")
			}
		}
		for _, v := range splitLines(t.get(r, "Ends at")) {
			if e, ok := g.event(v, retention.Event.Until, retention.Event.After); ok {
				rule.Until = append(rule.Until, e)
			} else {
				t.problem(r, "Ends at", i, v, "not an ending event")
			}
		}
		g.extension(t, r, i, &rule)
		terms := []ropa.RetentionRule{rule}
		if rule.Extension == nil && rule.Term.Period.IsZero() && rule.From == "" && len(rule.Until) == 0 && rule.Law == "" && rule.Criteria == "" &&
			rule.Case == "" && rule.Text == "" && rule.Then == "" && !rule.AtLeast && !rule.FromYearEnd && len(rule.Subjects) == 0 {
			// Only the term in words: read it as a privacy notice writes it.
			if v := t.get(r, "Retention term"); v != "" {
				found, err := retention.Parse(v)
				if err != nil {
					t.problem(r, "Retention term", i, v, "retention term not understood: %v", err)
				} else {
					terms = terms[:0]
					for _, f := range found {
						f.Text = strings.Join(nonEmpty(rule.Text, f.Text), "\n")
						terms = append(terms, ropa.RetentionRule{Data: rule.Data, Term: f})
					}
				}
			}
		}
		for _, tm := range terms {
			g.wb.at(ropa.Root.Child("activities").Index(i).Child("retention").Index(len(a.Retention)), t.s, r, t.col["Retention term"])
			a.Retention = append(a.Retention, tm)
		}
		t.extras(r, i)
	})
}

// event finds the event a phrase of the workbook words, among the
// retention package's events and the register's own.
func (g *generic) event(v string, words ...func(retention.Event, lang.Lang) string) (retention.Event, bool) {
	for _, n := range g.reg.Events {
		if n.Label == v {
			return n.ID, true
		}
	}
	for _, w := range words {
		for _, e := range retention.Events() {
			if w(e, g.l) == v {
				return e, true
			}
		}
	}
	if e, err := retention.ParseEvent(v); err == nil {
		return e, true
	}
	return "", false
}

// inventory reads the Systems, Processors and Events sheets.
func (g *generic) inventory() error {
	t, err := g.table("Systems", "ID", "Name", "Provider", "Kind", "Hosting countries", "Support countries", "Agreement (Art. 28(3))", "Notes")
	if err != nil {
		return err
	}
	for _, r := range t.rows() {
		s := ropa.System{ID: t.get(r, "ID"), Name: t.get(r, "Name"), Provider: t.get(r, "Provider"), Kind: t.get(r, "Kind"),
			Hosting: g.countries(t, r, "Hosting countries"), Support: g.countries(t, r, "Support countries"),
			Agreement: t.get(r, "Agreement (Art. 28(3))"), Notes: t.get(r, "Notes")}
		g.wb.at(ropa.Root.Child("systems").Index(len(g.reg.Systems)), t.s, r, 1)
		g.reg.Systems = append(g.reg.Systems, s)
		t.extras(r, -1)
	}
	if t, err = g.table("Processors", "ID", "Name", "Country", "Processing locations", "Service", "Agreement (Art. 28(3))", "Contact", "Notes"); err != nil {
		return err
	}
	for _, r := range t.rows() {
		p := ropa.ProcessorEntry{ID: t.get(r, "ID"), Name: t.get(r, "Name"), Country: g.country(t, r, "Country", -1),
			Locations: g.countries(t, r, "Processing locations"), Service: t.get(r, "Service"),
			Agreement: t.get(r, "Agreement (Art. 28(3))"), Notes: t.get(r, "Notes")}
		if v := t.get(r, "Contact"); v != "" {
			p.Contact = g.contactAt(ropa.Root.Child("processors").Index(len(g.reg.Processors)).Child("contact"), p.ID, t.s, r, t.col["Contact"], v)
		}
		g.wb.at(ropa.Root.Child("processors").Index(len(g.reg.Processors)), t.s, r, 1)
		g.reg.Processors = append(g.reg.Processors, p)
		t.extras(r, -1)
	}
	if t, err = g.table("Events", "ID", "Label", "Description"); err != nil {
		return err
	}
	for _, r := range t.rows() {
		e := ropa.NamedEvent{ID: retention.Event(t.get(r, "ID")), Label: t.get(r, "Label"), Description: t.get(r, "Description")}
		g.wb.at(ropa.Root.Child("events").Index(len(g.reg.Events)), t.s, r, 1)
		g.reg.Events = append(g.reg.Events, e)
		t.extras(r, -1)
	}
	return nil
}

// countries reads a cell of countries, one to a line.
func (g *generic) countries(t *table, r int, head string) []string {
	var out []string
	for _, v := range splitLines(t.get(r, head)) {
		if c, ok := parseCountry(v); ok {
			out = append(out, c)
		} else {
			t.problem(r, head, -1, v, "not a country")
		}
	}
	return out
}

// categoryID returns the id of an activity's data category by its
// description (or its id, as the workbook writes a category without one).
func categoryID(a *ropa.Activity, name string) string {
	for _, c := range a.DataCategories {
		if c.Description == name {
			return c.ID
		}
	}
	return name
}

func (g *generic) waivers() error {
	return g.eachRow("Waivers", []string{"Rule", "Activity ID", "Element", "Reason"}, func(t *table, r int) {
		w := ropa.Waiver{Rule: t.get(r, "Rule"), Activity: t.get(r, "Activity ID"), Reason: t.get(r, "Reason")}
		if v := t.get(r, "Element"); v != "" {
			if p, err := ropa.ParsePath(v); err == nil {
				w.Path = p
			} else {
				t.problem(r, "Element", -1, v, "not a path of the register: %v", err)
			}
		}
		g.reg.Waivers = append(g.reg.Waivers, w)
		t.extras(r, -1)
	})
}

// ignored checks that the sheets the reader does not read are those it
// knows to hold nothing of the register (the findings and the lists), or
// sheets of the workbook that hold nothing below their headings.
func (g *generic) ignored() error {
	read := []string{"Parties", "Activities", "Purposes and bases", "Data categories", "Recipients", "Transfers", "Retention", "Measures",
		"Systems", "Processors", "Events",
		"Processor records", "Waivers", "Findings", "Lists"}
	names := g.wb.f.GetSheetList()
	for i, n := range names {
		if i == 0 {
			continue
		}
		if e, ok := g.ref.sheets[n]; ok && slices.Contains(read, e) {
			continue
		}
		s, err := g.wb.sheet(n)
		if err != nil {
			return err
		}
		if len(s.rows) <= 1 && (g.ref.sheets[n] != "" || len(s.rows) == 0) {
			continue // a known sheet with no rows below its headings holds nothing
		}
		g.wb.problem(s, 1, 1, -1, n, "sheet not known to the importer, not imported")
	}
	return nil
}
