package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// streamSheet writes a sheet of fixed rows above a table with a stream
// writer: the rows before the heading row, the heading row (marked, frozen,
// filtered) and one row per record.
type streamSheet struct {
	b       *book
	name    string
	sw      *excelize.StreamWriter
	row     int
	headRow int
	widths  []float64
	names   []string // what errors call each column: "column N", or a table's heading keys
	cells   []any    // reused from row to row
	err     error    // the first error of writing a row: close returns it
}

func (b *book) streamSheet(name string, widths []float64, titleRow, headRow int) (*streamSheet, error) {
	name, sw, err := b.openStream(name, widths, titleRow, headRow)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(widths))
	for i := range names {
		names[i] = "column " + strconv.Itoa(i+1)
	}
	return &streamSheet{b: b, name: name, sw: sw, headRow: headRow, widths: widths, names: names}, nil
}

// openStream adds a sheet and its stream writer, with the widths of its
// columns, the rows down to headRow frozen and the rows from titleRow to
// headRow printed on every page. It returns the sheet's name as added.
func (b *book) openStream(name string, widths []float64, titleRow, headRow int) (string, *excelize.StreamWriter, error) {
	name, err := b.addSheet(name, titleRow, headRow)
	if err != nil {
		return "", nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return "", nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return "", nil, err
		}
	}
	top, _ := excelize.CoordinatesToCellName(1, headRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: top, ActivePane: "bottomLeft"}); err != nil {
		return "", nil, err
	}
	return name, sw, nil
}

// put writes the next row; style applies to every cell, or to the cells
// whose index is in marked (with markedStyle). A row of wrapped text is as
// tall as the widths of its columns need. After an error, which close
// returns, put writes nothing.
func (s *streamSheet) put(style int, values []string, marked map[int]bool, markedStyle int) {
	if s.err == nil {
		s.row++
		s.err = s.write(style, values, marked, markedStyle)
	}
}

func (s *streamSheet) write(style int, values []string, marked map[int]bool, markedStyle int) error {
	if s.row > maxRows {
		return fmt.Errorf("export: sheet %q needs more than %d rows", s.name, maxRows)
	}
	if cap(s.cells) < len(values) {
		s.cells = make([]any, len(values))
	}
	cells := s.cells[:len(values)]
	for i, v := range values {
		var column string
		if i < len(s.names) {
			column = s.names[i]
		} else {
			column = "column " + strconv.Itoa(i+1)
		}
		v, err := text(s.name, i+1, s.row, column, values[0], v)
		if err != nil {
			return err
		}
		st := style
		if marked[i] {
			st = markedStyle
		}
		if v == "" {
			cells[i] = nil
			continue
		}
		cells[i] = excelize.Cell{Value: v, StyleID: st}
	}
	ref, _ := excelize.CoordinatesToCellName(1, s.row)
	if style != s.b.title && style != s.b.group {
		if h := rowHeight(values, s.widths, style != s.b.wrap); h > 0 {
			return s.sw.SetRow(ref, cells, excelize.RowOpts{Height: h})
		}
	}
	return s.sw.SetRow(ref, cells)
}

// groups writes the next row as the group headings above the headings:
// each group (by its first column, from 0) runs to the column before the
// next group, or to the last column; its text is in its first cell and its
// fill across the rest, so that it stands over its own columns.
func (s *streamSheet) groups(groups map[int]string) {
	if s.err != nil {
		return
	}
	s.row++
	cells := make([]any, len(s.widths))
	in := false
	for i := range cells {
		g, starts := groups[i]
		in = in || starts
		if !in {
			continue
		}
		cell := excelize.Cell{StyleID: s.b.group}
		if starts {
			cell.Value = g
		}
		cells[i] = cell
	}
	ref, _ := excelize.CoordinatesToCellName(1, s.row)
	s.err = s.sw.SetRow(ref, cells, excelize.RowOpts{Height: lineHeight + 2})
}

// close returns the first error of put, or adds the autofilter and flushes
// the sheet.
func (s *streamSheet) close() error {
	if s.err != nil {
		return s.err
	}
	last, _ := excelize.ColumnNumberToName(len(s.widths))
	if err := s.b.f.AutoFilter(s.name, fmt.Sprintf("A%d:%s%d", s.headRow, last, max(s.row, s.headRow+1)), nil); err != nil {
		return err
	}
	return s.sw.Flush()
}

func (s *streamSheet) dropDown(col int, list string) error {
	c, _ := excelize.ColumnNumberToName(col)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", c, s.headRow+1, c, max(s.row, s.headRow)+500)
	dv.SetSqrefDropList(s.b.lists[list])
	return s.b.f.AddDataValidation(s.name, dv)
}

func indexSet(idx ...int) map[int]bool {
	m := map[int]bool{}
	for _, i := range idx {
		m[i] = true
	}
	return m
}

// ---- ICO ----

// icoHeadings are the 30 column headings of the ICO documentation template
// for controllers, in order (sheet Template, row 9, columns A-AD), as two
// independent reproductions of the template give them.
var icoHeadings = []string{
	"Business function", "Purpose of processing", "Name and contact details of joint controller (if applicable)",
	"Categories of individuals", "Categories of personal data", "Categories of recipients", "Link to contract with processor",
	"Names of third countries or international organisations that personal data are transferred to (if applicable)",
	"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
	"Retention schedule (if possible)", "General description of technical and organisational security measures (if possible)",
	"Article 6 lawful basis for processing personal data", "Article 9 condition for processing special category data",
	"Legitimate interests for the processing (if applicable)", "Link to record of legitimate interests assessment (if applicable)",
	"Rights available to individuals", "Existence of automated decision-making, including profiling (if applicable)",
	"The source of the personal data (if applicable)", "Link to record of consent", "Location of personal data",
	"Data Protection Impact Assessment required?", "Data Protection Impact Assessment progress", "Link to Data Protection Impact Assessment",
	"Has a personal data breach occurred?", "Link to record of personal data breach",
	"Data Protection Act 2018 Schedule 1 Condition for processing", "GDPR Article 6 lawful basis for processing",
	"Link to retention and erasure policy document", "Is personal data retained and erased in accordance with the policy document?",
	"Reasons for not adhering to policy document (if applicable)",
}

// icoMore is the heading of the column after the template's 30 that holds
// what the template has no column for.
const icoMore = "Further information (not in the ICO template)"

// icoGroups are the group headings above the columns, by first column.
var icoGroups = map[int]string{
	0:  "Article 30 Record of Processing Activities",
	11: "Privacy Notices",
	18: "Consent",
	19: "Access Requests",
	20: "Data Protection Impact Assessments",
	23: "Personal Data Breaches",
	25: "Data Protection Act 2018 - Special Category or Criminal Conviction and Offence data",
}

func writeICO(b *book, reg *ropa.Register) error {
	l := b.o.lang
	// Wide columns for the long texts, narrow ones for links, yes or no and
	// short answers: the sheet prints one page wide.
	widths := []float64{24, 40, 24, 28, 40, 32, 18, 24, 24, 40, 40, 26, 24, 26, 18, 30, 12, 26, 18, 18, 12, 14, 18, 12, 18, 24, 24, 18, 14, 20, 40}
	yes, no := yesNo(true, l), yesNo(false, l)
	b.planLists([]namedList{
		{icoHeadings[11], baseLabels(l)},
		{icoHeadings[20], []string{yes, no}},
	})
	s, err := b.streamSheet("Template", widths, 8, 9)
	if err != nil {
		return err
	}
	none := map[int]bool{}
	rows := [][]string{
		{"Use this template to document the processing activities you undertake as a controller."},
		{"", "Name", "Address", "Email", "Telephone"},
		{"Organisation", reg.Organisation.Name, address(reg.Organisation.Address, l), reg.Organisation.Email, reg.Organisation.Phone},
		dpoRow(reg.DPO, l),
		representativeRow(reg.Representative, l),
		{"For more detailed guidance on documentation, please see the Guide to GDPR on our website."},
		{},
	}
	for i, r := range rows {
		style := b.wrap
		marked := none
		if i == 0 {
			style = b.title
		}
		if i == 1 {
			marked = indexSet(1, 2, 3, 4)
		}
		s.put(style, r, marked, b.header)
	}
	s.groups(icoGroups)
	// A-K are the Art. 30 record; Z-AD are required under the DPA 2018:
	// green in the template, the optional headings blue.
	green, blue, err := icoStyles(b.f)
	if err != nil {
		return err
	}
	required := indexSet(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 25, 26, 27, 28, 29)
	s.put(blue, append(slices.Clone(icoHeadings), icoMore), required, green)
	for _, a := range reg.Activities {
		s.put(b.wrap, icoRow(a, reg, b.measures, l), none, 0)
	}
	if err := s.dropDown(12, icoHeadings[11]); err != nil {
		return err
	}
	if err := s.dropDown(21, icoHeadings[20]); err != nil {
		return err
	}
	if err := s.close(); err != nil {
		return err
	}
	notes, err := b.form("Notes", 120)
	if err != nil {
		return err
	}
	for _, line := range []string{
		"Headings highlighted green are required areas of documentation under Article 30 of the GDPR or Schedule 1 of the Data Protection Act 2018. Headings highlighted blue are optional areas of documentation that are not required under Article 30 of the GDPR or Schedule 1 of the Data Protection Act 2018.",
		"This workbook follows the structure of the ICO documentation template for controllers: its sheet, contact block, group headings and 30 headings in order, green and blue as its notes say. The cell positions of the contact block and the shades of green and blue are not taken from the official file.",
		generatedNote(reg, b.o.checked()),
	} {
		notes.line(0, line)
	}
	notes.blank()
	moreLines(notes, b, reg)
	processingLines(notes, b, reg)
	if notes.err != nil {
		return notes.err
	}
	return writeAppendix(b, reg, true)
}

// moreLines writes the register-level facts, a label and a text a line.
func moreLines(fm *form, b *book, reg *ropa.Register) {
	for _, f := range registerFacts(reg, b.o.lang) {
		if strings.TrimSpace(f.text) != "" {
			fm.line(b.label, t(f.key, b.o.lang), f.text)
		}
	}
}

// processingLines writes what the Processor records sheet has no column
// for: each record's sub-processors and transfers in detail, a line each.
func processingLines(fm *form, b *book, reg *ropa.Register) {
	l := b.o.lang
	for _, p := range reg.Processing {
		text := notes([]fact{{"col.recipientDetails", recipientDetails(p.SubProcessors, l)}, {"col.transferDetails", transferDetails(p.Transfers, l)}}, l)
		if text != "" {
			fm.line(b.label, t("sheet.processing", l)+": "+strings.Join(nonEmpty(p.ID, p.Name), ", "), text)
		}
	}
}

// idFacts are the ids of an activity's data subjects and data categories,
// which the authority layouts have no column for.
func idFacts(a ropa.Activity) []fact {
	var subjects, data []string
	for _, s := range a.DataSubjects {
		subjects = append(subjects, s.ID)
	}
	for _, c := range a.DataCategories {
		data = append(data, c.ID)
	}
	return []fact{{"col.subjectIds", strings.Join(nonEmpty(subjects...), ", ")}, {"col.dataIds", strings.Join(nonEmpty(data...), ", ")}}
}

// icoStyles makes the styles of the ICO's headings: green for the required
// ones, blue for the optional ones, as the notes of the template describe
// them (the shades are this library's).
func icoStyles(f *excelize.File) (green, blue int, err error) {
	style := func(fill string) (int, error) {
		return f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}})
	}
	if green, err = style("A9D08E"); err != nil {
		return 0, 0, err
	}
	blue, err = style("9BC2E6")
	return green, blue, err
}

// generatedNote says where the workbook came from and, with a report, as of
// which date the register was checked.
func generatedNote(reg *ropa.Register, checked ropa.Date) string {
	if checked.IsZero() {
		return fmt.Sprintf("Generated by OpenRoPA from a register in format %s.", reg.Schema)
	}
	return fmt.Sprintf("Generated by OpenRoPA from a register in format %s, checked as of %s.", reg.Schema, dateText(checked, English))
}

func dpoRow(d *ropa.Contact, l Lang) []string {
	if d == nil {
		return []string{"Data Protection Officer"}
	}
	return []string{"Data Protection Officer", d.Name, address(d.Address, l), d.Email, d.Phone}
}

func representativeRow(p *ropa.Party, l Lang) []string {
	if p == nil {
		return []string{"Representative"}
	}
	return []string{"Representative", p.Name, address(p.Address, l), p.Email, p.Phone}
}

func baseLabels(l Lang) []string {
	return labelsOf(lawfulbasis.Bases(), l, withArticle[lawfulbasis.Basis])
}

func icoRow(a ropa.Activity, reg *ropa.Register, measures map[string]ropa.Measure, l Lang) []string {
	var joint, contracts, countries, exceptional, conditions, interests, assessments, sources, laws []string
	for _, p := range a.JointControllers {
		joint = append(joint, party(p, l))
	}
	for _, r := range a.Recipients {
		if r.Kind == ropa.Processor && r.Agreement != "" {
			contracts = append(contracts, r.Name+": "+r.Agreement)
		}
	}
	for _, tr := range a.Transfers {
		countries = append(countries, strings.Join(nonEmpty(countryName(tr.Country, l), tr.Organisation), ", "))
		if tr.Mechanism == lawfulbasis.DerogationMechanism {
			exceptional = append(exceptional, strings.Join(nonEmpty(withArticle(tr.Derogation, l), tr.Safeguards), ": "))
		}
	}
	rights := map[lawfulbasis.Right]lawfulbasis.Availability{}
	special := false
	for _, c := range a.DataCategories {
		if len(c.Special) > 0 || c.Criminal {
			special = true
		}
		for _, s := range c.Sources {
			sources = append(sources, categoryName(a, c.ID)+": "+sourceLabel(s, l))
		}
		if c.SourceNote != "" {
			sources = append(sources, categoryName(a, c.ID)+": "+c.SourceNote)
		}
	}
	for _, p := range a.Purposes {
		for _, c := range p.Conditions {
			conditions = append(conditions, withArticle(c.Condition, l))
			if c.Law != "" {
				laws = append(laws, c.Law)
			}
		}
		for _, bs := range p.Bases {
			if bs.Interest != "" {
				interests = append(interests, bs.Interest)
			}
			if bs.Assessment != "" {
				assessments = append(assessments, bs.Assessment)
			}
			if !bs.Basis.Valid() {
				continue
			}
			for _, e := range lawfulbasis.RightsFor(bs.Basis, p.DirectMarketing) {
				if prev, seen := rights[e.Right]; !seen || prev != lawfulbasis.Applies {
					rights[e.Right] = e.Availability
				}
			}
		}
	}
	dpiaRequired, progress, link := "", "", ""
	if a.DPIA != nil {
		if a.DPIA.Status != ropa.DPIANotDone { // not-done says nothing of whether one is required
			dpiaRequired = yesNo(a.DPIA.Status != ropa.DPIANotRequired, l)
		}
		progress = strings.Join(nonEmpty(dpiaLabel(a.DPIA.Status, l), dateText(a.DPIA.Date, l)), ", ")
		link = a.DPIA.Reference
	}
	var rightList []string
	for _, r := range lawfulbasis.Rights() {
		switch rights[r] {
		case lawfulbasis.Applies:
			rightList = append(rightList, r.Label(l))
		case lawfulbasis.Limited:
			rightList = append(rightList, r.Label(l)+" ("+lawfulbasis.Limited.Label(l)+")")
		}
	}
	specialBases := ""
	if special {
		specialBases = basesText(a, l)
	}
	function := ""
	if a.Owner != nil {
		function = a.Owner.Function
	}
	facts := append(activityFacts(a, reg, l), fact{"col.name", a.Name}, fact{"col.department", ownerDept(a.Owner)})
	more := notes(append(facts, idFacts(a)...), l,
		"col.owner", "col.systems", "col.storage", "col.automated")
	return []string{
		function, purposesText(a), withAbsence(strings.Join(joint, "\n\n"), a, l, ropa.NoJointController), subjectsText(a, l),
		join(nonEmpty(categoriesText(a, l), specialText(a, l))), // the special categories have no column of their own
		withAbsence(recipientsText(a.Recipients, l), a, l, ropa.NoRecipients, ropa.NoExternal),
		join(contracts), withAbsence(join(countries), a, l, ropa.NoTransfers), join(exceptional), retentionText(a, l, eventLabels(reg)), withAbsence(measuresText(a.Measures, measures), a, l, ropa.NoMeasures),
		basesText(a, l), join(conditions), join(interests), join(assessments), strings.Join(rightList, ", "),
		boolText(a.AutomatedDecisions, l), join(sources), "", join(nonEmpty(systemsText(a.Systems, reg, l), a.Storage)),
		dpiaRequired, progress, link, "", "",
		join(laws), specialBases, "", "", "", more,
	}
}

// ---- CNIL ----

// basisLabels lists the lawful bases of an activity's purposes, each once,
// by its label.
func basisLabels(a ropa.Activity, l Lang) string {
	var out []string
	for _, p := range a.Purposes {
		for _, b := range p.Bases {
			if lb := basisWord(b.Basis, l); !slices.Contains(out, lb) {
				out = append(out, lb)
			}
		}
	}
	return join(out)
}

func basisWord(b lawfulbasis.Basis, l Lang) string {
	if b.Valid() {
		return b.Label(l)
	}
	return string(b)
}

// basesByPurpose writes each purpose with its lawful bases, one a line.
func basesByPurpose(a ropa.Activity, l Lang) string {
	return joinEach(a.Purposes, func(p ropa.Purpose) string {
		words := make([]string, len(p.Bases))
		for i, b := range p.Bases {
			words[i] = withArticle(b.Basis, l)
		}
		return p.Description + ": " + strings.Join(words, "; ")
	})
}

// conditionsByPurpose writes each purpose that has conditions of Art. 9(2)
// or grounds of Art. 10 with them, one a line.
func conditionsByPurpose(a ropa.Activity, l Lang) string {
	var out []string
	for _, p := range a.Purposes {
		if len(p.Conditions) > 0 {
			out = append(out, p.Description+": "+strings.Join(labelsOf(p.Conditions, l, func(c ropa.Condition, l Lang) string { return withArticle(c.Condition, l) }), "; "))
		}
	}
	return join(out)
}

// cnilSensitive are the rows of sensitive data of the CNIL fiche, in order,
// with the category of the format each one stands for.
var cnilSensitive = []struct {
	label   string
	special lawfulbasis.SpecialCategory
}{
	{"Données révélant l'origine raciale ou ethnique", lawfulbasis.RacialEthnicOrigin},
	{"Données révélant les opinions politiques", lawfulbasis.PoliticalOpinions},
	{"Données révélant les convictions religieuses ou philosophiques", lawfulbasis.ReligiousBeliefs},
	{"Données révélant l'appartenance syndicale", lawfulbasis.TradeUnion},
	{"Données génétiques", lawfulbasis.Genetic},
	{"Données biométriques aux fins d'identifier une personne physique de manière unique", lawfulbasis.Biometric},
	{"Données concernant la santé", lawfulbasis.Health},
	{"Données concernant la vie sexuelle ou l'orientation sexuelle", lawfulbasis.SexLifeOrientation},
	{"Données relatives à des condamnations pénales ou infractions", ""},
}

func writeCNIL(b *book, reg *ropa.Register) error {
	l := b.o.lang
	var mechs []string
	for _, m := range lawfulbasis.Mechanisms()[:10] {
		mechs = append(mechs, mechanismLabel(m, l))
	}
	b.planListsOn("5_-_Listes", []namedList{
		{"Garanties", mechs},
		{"Oui/non", []string{"Oui", "Non"}},
	})
	s, err := b.streamSheet("2_-_Liste_des_traitements", []float64{40, 14, 16, 16, 60, 10, 10, 12, 12}, 7, 8)
	if err != nil {
		return err
	}
	o := reg.Organisation
	none := map[int]bool{}
	city := ""
	postal := ""
	if o.Address != nil {
		city, postal = o.Address.City, o.Address.PostalCode
	}
	var dpoName, dpoMail, dpoPhone string
	if reg.DPO != nil {
		dpoName, dpoMail, dpoPhone = reg.DPO.Name, reg.DPO.Email, reg.DPO.Phone
	}
	var repName string
	if reg.Representative != nil {
		repName = reg.Representative.Name
	}
	street := ""
	if o.Address != nil {
		street = o.Address.Street
	}
	header := [][]string{
		{"Coordonnées du responsable de l’organisme", "Nom :", o.Name, "", "", "Adresse :", street, "Adresse mél :", o.Email},
		{"(responsable de traitement ou son représentant si le responsable est situé en dehors de l’UE)", "Code postal :", postal, "Ville :", city, "Téléphone :", o.Phone},
		{"Coordonnées du représentant", "Nom :", repName},
		{"(responsable de traitement ou son représentant si le responsable est situé en dehors de l’UE)"},
		{"Coordonnées du délégué à la protection des données (DPO)", "Nom :", dpoName, "", "", "", "", "Adresse mél :", dpoMail},
		{"", "", "", "", "", "Téléphone :", dpoPhone},
	}
	for _, r := range header {
		s.put(b.wrap, r, indexSet(0), b.label)
	}
	s.groups(map[int]string{0: "Identification du traitement", 4: "Finalité du traitement", 7: "Données sensibles ?"})
	s.put(b.header, []string{"Nom du traitement", "N° / RÉF", "Date de création de la fiche", "Dernière mise à jour de la fiche", "Finalité du traitement", "", "", "Oui/non"}, indexSet(0, 4), b.required)
	for _, a := range reg.Activities {
		sensitive := false
		for _, c := range a.DataCategories {
			if len(c.Special) > 0 || c.Criminal {
				sensitive = true
			}
		}
		yn := "Non"
		if sensitive {
			yn = "Oui"
		}
		s.put(b.wrap, []string{a.Name, cnilRef(a), dateText(a.Created, l), dateText(updatedOf(a, reg), l), purposesText(a), "", "", yn}, none, 0)
	}
	if err := s.dropDown(8, "Oui/non"); err != nil {
		return err
	}
	if err := s.close(); err != nil {
		return err
	}
	for _, a := range reg.Activities {
		if err := cnilFiche(b, reg, a); err != nil {
			return err
		}
	}
	more, err := b.form(t("sheet.more", l), 44, 80)
	if err != nil {
		return err
	}
	moreLines(more, b, reg)
	processingLines(more, b, reg)
	if more.err != nil {
		return more.err
	}
	return writeAppendix(b, reg, true)
}

// cnilRef is the record's number, or its id where it has none.
func cnilRef(a ropa.Activity) string {
	if a.Reference != "" {
		return a.Reference
	}
	return a.ID
}

// updatedOf is the date of the record's last update, or the register's.
func updatedOf(a ropa.Activity, reg *ropa.Register) ropa.Date {
	if !a.Updated.IsZero() {
		return a.Updated
	}
	return reg.Updated
}

func ownerDept(o *ropa.Owner) string {
	if o == nil {
		return ""
	}
	return lines(o.Department, o.Email, o.Person)
}

// The spans of the lines of the CNIL fiche, as in its model: a label in A,
// a text over B:H; a label, a description over B:D and a detail over E:H;
// the transfers' recipient in B, country in C, guarantees over D:E and links
// over F:H.
var (
	cnilWhole     = []int{1, 7}
	cnilTwo       = []int{1, 3, 4}
	cnilTransfers = []int{1, 1, 1, 2, 3}
)

// cnilFiche writes one "fiche de registre" for an activity, its sections in
// the order of the CNIL model, in French.
func cnilFiche(b *book, reg *ropa.Register, a ropa.Activity) error {
	l := French
	fm, err := b.form(a.ID, 44, 36, 30, 14, 20, 16, 18, 28)
	if err != nil {
		return fmt.Errorf("export: the fiche of activity %q: %w", a.ID, err)
	}
	line := fm.line
	line(b.title, "Fiche de registre", "", "", "", "", "", "", a.ID)
	fm.blank()
	line(b.header, "Description du traitement")
	for _, r := range [][]string{
		{"Nom du traitement", a.Name},
		{"N° / RÉF", cnilRef(a)},
		{"Date de création du traitement", dateText(a.Started, l)},
		{"Mise à jour du traitement", dateText(updatedOf(a, reg), l)},
	} {
		fm.spanned(b.label, cnilWhole, r...)
	}
	fm.blank()
	line(b.header, "Acteurs", "Nom", "Adresse", "Code Postal", "Ville", "Pays", "Téléphone", "Adresse mél")
	actor := func(label string, name string, ad *ropa.Address, phone, email string) {
		var street, postal, city, country string
		if ad != nil {
			street, postal, city, country = ad.Street, ad.PostalCode, ad.City, countryName(ad.Country, l)
		}
		line(b.label, label, name, street, postal, city, country, phone, email)
	}
	o := reg.Organisation
	actor("Responsable du traitement", o.Name, o.Address, o.Phone, o.Email)
	if d := reg.DPO; d != nil {
		actor("Délégué à la protection des données", d.Name, d.Address, d.Phone, d.Email)
	} else {
		line(b.label, "Délégué à la protection des données")
	}
	line(b.label, "Société du DPO (si celui-ci est externe)")
	if r := reg.Representative; r != nil {
		actor("Représentant", r.Name, r.Address, r.Phone, r.Email)
	} else {
		line(b.label, "Représentant")
	}
	if len(a.JointControllers) == 0 {
		line(b.label, "Responsable(s) conjoint(s)", absent(a, ropa.NoJointController, l))
	}
	for _, j := range a.JointControllers {
		actor("Responsable(s) conjoint(s)", j.Name, j.Address, j.Phone, j.Email)
	}
	fm.blank()
	fm.spanned(b.header, cnilWhole, "Finalité(s) du traitement effectué")
	for i, p := range a.Purposes {
		label := "Finalité principale"
		if i > 0 {
			label = fmt.Sprintf("Sous-finalité %d", i)
		}
		fm.spanned(b.label, cnilWhole, label, p.Description)
	}
	// The model has no lawful basis: the row a DPO adds for it, with the
	// bases of all purposes; which purpose has which, and the conditions
	// of Art. 9(2) and 10, stand under the further information.
	if bases := basisLabels(a, l); bases != "" {
		fm.spanned(b.label, cnilWhole, "Base légale", bases)
	}
	fm.blank()
	retention := retentionByCategory(a, l, eventLabels(reg))
	fm.spanned(b.header, cnilTwo, "Catégories de données personnelles concernées", "Description", "Durée de conservation")
	// The CNIL's fixed rows, each with the categories of its class; the
	// categories the register classes in none come last, each in a row.
	for _, class := range ropa.DataClasses() {
		var descs, terms []string
		for _, c := range a.DataCategories {
			if c.Class == class && len(c.Special) == 0 && !c.Criminal {
				descs = append(descs, categoryName(a, c.ID))
				terms = append(terms, retention[c.ID])
			}
		}
		fm.spanned(b.label, cnilTwo, classLabel(class, French), join(descs), join(nonEmpty(terms...)))
	}
	n := 0
	for _, c := range a.DataCategories {
		if c.Class != "" || len(c.Special) > 0 || c.Criminal {
			continue
		}
		n++
		fm.spanned(b.label, cnilTwo, fmt.Sprintf("Catégorie de données %d", n), categoryName(a, c.ID), retention[c.ID])
	}
	fm.blank()
	fm.spanned(b.header, cnilTwo, "Données sensibles", "Description", "Durée de conservation")
	for _, row := range cnilSensitive {
		var descs, terms []string
		for _, c := range a.DataCategories {
			if row.special != "" && slices.Contains(c.Special, row.special) || row.special == "" && c.Criminal {
				descs = append(descs, categoryName(a, c.ID))
				terms = append(terms, retention[c.ID])
			}
		}
		fm.spanned(b.label, cnilTwo, row.label, join(descs), join(nonEmpty(terms...)))
	}
	for _, c := range a.DataCategories { // the class of a sensitive category has no row of its own
		if c.Class != "" && (len(c.Special) > 0 || c.Criminal) {
			fm.spanned(b.label, cnilTwo, classLabel(c.Class, l), categoryName(a, c.ID), "")
		}
	}
	fm.blank()
	fm.spanned(b.header, cnilTwo, "Catégories de personnes concernées", "Description", "Précisions")
	for i, s := range a.DataSubjects {
		fm.spanned(b.label, cnilTwo, fmt.Sprintf("Catégorie de personnes %d", i+1), s.Description, subjectLabel(s.Kind, l))
	}
	fm.blank()
	fm.spanned(b.header, cnilTwo, "Destinataires", "Type de destinataire", "Précisions")
	for i, r := range a.Recipients {
		fm.spanned(b.label, cnilTwo, fmt.Sprintf("Destinataire %d", i+1), recipientLabel(r.Kind, l),
			strings.Join(nonEmpty(r.Name, countryName(r.Country, l), r.Agreement, r.Description), "; "))
	}
	fm.blank()
	fm.spanned(b.header, cnilTwo, "Mesures de sécurité", "Type de mesure de sécurité", "Précisions")
	for i, id := range a.Measures {
		m, ok := b.measures[id]
		if !ok { // a reference to no measure stands as written
			m.Description = id
		}
		fm.spanned(b.label, cnilTwo, fmt.Sprintf("Mesure de sécurité %d", i+1), measureLabel(m.Kind, l), m.Description)
	}
	if none := absent(a, ropa.NoMeasures, l); none != "" {
		fm.spanned(b.label, cnilTwo, "Mesure de sécurité", none)
	}
	fm.blank()
	fm.spanned(b.header, cnilTransfers, "Transferts hors UE", "Destinataire", "Pays", "Type de Garanties", "Liens vers la documentation")
	for i, tr := range a.Transfers {
		dest := strings.Join(nonEmpty(countryName(tr.Country, l), tr.Organisation), ", ")
		if dest == "" {
			dest = t("notStated", l)
		}
		fm.spanned(b.label, cnilTransfers, fmt.Sprintf("Organisme destinataire %d", i+1), tr.Recipient, dest,
			strings.Join(nonEmpty(mechanismLabel(tr.Mechanism, l), withArticle(tr.Derogation, l)), "; "),
			strings.Join(nonEmpty(tr.Reference, tr.Assessment, tr.Safeguards, tr.Note), "; "))
	}
	if len(a.Transfers) == 0 {
		fm.spanned(b.label, cnilTransfers, "Organisme destinataire", absent(a, ropa.NoTransfers, l))
	}
	fm.blank()
	fm.spanned(b.header, cnilWhole, t("col.more", l))
	for _, f := range append(activityFacts(a, reg, l), fact{"col.bases", basesByPurpose(a, l)}, fact{"col.conditions", conditionsByPurpose(a, l)}) {
		if strings.TrimSpace(f.text) != "" && !containsKey([]string{"col.id", "col.created", "col.started"}, f.key) { // in rows of the fiche's own
			fm.spanned(b.label, cnilWhole, t(f.key, l), f.text)
		}
	}
	for _, what := range []ropa.Absence{ropa.NoRecipients, ropa.NoExternal} {
		if v := absent(a, what, l); v != "" {
			fm.spanned(b.label, cnilWhole, t("col.recipients", l), v)
		}
	}
	// The actors' lines have no column for a joint controller's
	// registration, website or postal address, and the rows of data
	// categories no place for a term of no category or for a term's law,
	// case, criteria and extension: the whole party and every term in full
	// stand here.
	more := idFacts(a)
	for _, j := range a.JointControllers {
		more = append(more, fact{"col.jointControllers", party(j, l)})
	}
	more = append(more, fact{"col.dpia", dpiaText(a.DPIA, l)}, fact{"col.retention", retentionText(a, l, eventLabels(reg))})
	for _, f := range more {
		if strings.TrimSpace(f.text) != "" {
			fm.spanned(b.label, cnilWhole, t(f.key, l), f.text)
		}
	}
	if fm.err != nil {
		return fmt.Errorf("export: the fiche of activity %q: %w", a.ID, fm.err)
	}
	return nil
}

// retentionByCategory words the retention of each data category.
func retentionByCategory(a ropa.Activity, l Lang, opts ...retention.WordOption) map[string]string {
	opts = wordingOf(a, opts...)
	out := map[string]string{}
	for _, c := range a.DataCategories {
		var terms []string
		for _, r := range a.Retention {
			if len(r.Data) == 0 || slices.Contains(r.Data, c.ID) {
				terms = append(terms, r.Words(l, opts...))
			}
		}
		out[c.ID] = join(terms)
	}
	return out
}

// ---- GBA ----

// gbaWords are the headings of the GBA layout in Dutch and French. The
// Art. 30 columns use the official wording of Art. 30(1) and (2) of the GDPR
// in each language; the status group takes the GBA's own field names.
var gbaWords = map[string][2]string{
	"sheet.identification": {"Identificatie", "Identification"},
	"sheet.register":       {"register", "registre"},
	"sheet.processing":     {"register verwerker", "registre sous-traitant"},
	"sheet.lists":          {"lijsten", "listes"},
	"ident.title":          {"Identificatie van de verwerkingsverantwoordelijke", "Identification du responsable du traitement"},
	"ident.controller":     {"Naam en contactgegevens van de verwerkingsverantwoordelijke", "Nom et coordonnées du responsable du traitement"},
	"ident.entities":       {"Groepsondernemingen die dit register delen", "Sociétés du groupe qui partagent ce registre"},
	"ident.representative": {"Vertegenwoordiger van de verwerkingsverantwoordelijke", "Représentant du responsable du traitement"},
	"ident.dpo":            {"Functionaris voor gegevensbescherming", "Délégué à la protection des données"},
	"ident.updated":        {"Datum van de laatste bijwerking", "Date de la dernière mise à jour"},
	"ident.legend":         {"De rode kolommen bevatten de informatie die het register volgens artikel 30 AVG minimaal moet bevatten.", "Les colonnes en rouge contiennent les informations que le registre doit au minimum contenir selon l'article 30 du RGPD."},
	"col.ref":              {"Referentie", "Référence"},
	"col.name":             {"Verwerking", "Traitement"},
	"col.a":                {"de naam en de contactgegevens van de verwerkingsverantwoordelijke en eventuele gezamenlijke verwerkingsverantwoordelijken", "le nom et les coordonnées du responsable du traitement et, le cas échéant, du responsable conjoint du traitement"},
	"col.b":                {"de verwerkingsdoeleinden", "les finalités du traitement"},
	"col.c1":               {"een beschrijving van de categorieën van betrokkenen", "une description des catégories de personnes concernées"},
	"col.c2":               {"een beschrijving van de categorieën van persoonsgegevens", "une description des catégories de données à caractère personnel"},
	"col.d":                {"de categorieën van ontvangers aan wie de persoonsgegevens zijn of zullen worden verstrekt, onder meer ontvangers in derde landen of internationale organisaties", "les catégories de destinataires auxquels les données à caractère personnel ont été ou seront communiquées, y compris les destinataires dans des pays tiers ou des organisations internationales"},
	"col.e1":               {"doorgiften van persoonsgegevens aan een derde land of een internationale organisatie, met inbegrip van de vermelding van dat derde land of die internationale organisatie", "les transferts de données à caractère personnel vers un pays tiers ou à une organisation internationale, y compris l'identification de ce pays tiers ou de cette organisation internationale"},
	"col.e2":               {"in geval van de in artikel 49, lid 1, tweede alinea, bedoelde doorgiften, de documenten inzake de passende waarborgen", "dans le cas des transferts visés à l'article 49, paragraphe 1, deuxième alinéa, les documents attestant de l'existence de garanties appropriées"},
	"col.f":                {"de beoogde termijnen waarbinnen de verschillende categorieën van gegevens moeten worden gewist", "les délais prévus pour l'effacement des différentes catégories de données"},
	"col.g":                {"een algemene beschrijving van de technische en organisatorische beveiligingsmaatregelen als bedoeld in artikel 32, lid 1", "une description générale des mesures de sécurité techniques et organisationnelles visées à l'article 32, paragraphe 1"},
	"col.basis":            {"Rechtsgrond (artikel 6 AVG)", "Base légale (article 6 RGPD)"},
	"col.special":          {"Bijzondere categorieën (artikel 9 AVG) of strafrechtelijke gegevens (artikel 10 AVG)", "Catégories particulières (article 9 RGPD) ou données pénales (article 10 RGPD)"},
	"col.conditions":       {"Voorwaarde (artikel 9, lid 2, of artikel 10 AVG)", "Condition (article 9, paragraphe 2, ou article 10 RGPD)"},
	"col.processors":       {"Verwerkers", "Sous-traitants"},
	"col.dpia":             {"Gegevensbeschermingseffectbeoordeling", "Analyse d'impact relative à la protection des données"},
	"col.status":           {"Status", "Statut"},
	"col.ended":            {"einddatum verwerking", "date de fin du traitement"},
	"col.replacedBy":       {"plaatsvervangende verwerking", "traitement de remplacement"},
	"col.more":             {"Aanvullende informatie", "Informations complémentaires"},
	"col.p2a":              {"de naam en de contactgegevens van iedere verwerkingsverantwoordelijke voor rekening waarvan de verwerker handelt", "le nom et les coordonnées de chaque responsable du traitement pour le compte duquel le sous-traitant agit"},
	"col.p2b":              {"de categorieën van verwerkingen die voor rekening van iedere verwerkingsverantwoordelijke zijn uitgevoerd", "les catégories de traitements effectués pour le compte de chaque responsable du traitement"},
	"col.p2c":              {"doorgiften van persoonsgegevens aan een derde land of een internationale organisatie", "les transferts de données à caractère personnel vers un pays tiers ou à une organisation internationale"},
	"col.p2d":              {"een algemene beschrijving van de technische en organisatorische beveiligingsmaatregelen", "une description générale des mesures de sécurité techniques et organisationnelles"},
}

func gw(key string, l Lang) string {
	if l == French {
		return gbaWords[key][1]
	}
	return gbaWords[key][0]
}

func writeGBA(b *book, reg *ropa.Register) error {
	l := b.o.lang
	b.planListsOn(gw("sheet.lists", l), []namedList{
		{gw("col.basis", l), baseLabels(l)},
	})
	fm, err := b.form(gw("sheet.identification", l), 50, 80)
	if err != nil {
		return err
	}
	fm.line(b.title, gw("ident.title", l))
	fm.blank()
	var entities []string
	for _, e := range reg.Entities {
		entities = append(entities, party(e, l))
	}
	for _, r := range [][2]string{
		{gw("ident.controller", l), party(reg.Organisation, l)},
		{gw("ident.entities", l), strings.Join(entities, "\n\n")},
		{gw("ident.representative", l), representativeText(reg.Representative, l)},
		{gw("ident.dpo", l), contact(reg.DPO, l)},
		{gw("ident.updated", l), dateText(reg.Updated, l)},
	} {
		fm.line(b.label, r[0], r[1])
	}
	for _, f := range registerFacts(reg, l)[5:] {
		if strings.TrimSpace(f.text) != "" {
			fm.line(b.label, t(f.key, l), f.text)
		}
	}
	fm.blank()
	fm.line(0, gw("ident.legend", l))
	if fm.err != nil {
		return fm.err
	}

	keys := []string{"col.ref", "col.name", "col.a", "col.b", "col.c1", "col.c2", "col.d", "col.e1", "col.e2", "col.f", "col.g",
		"col.basis", "col.special", "col.conditions", "col.processors", "col.dpia", "col.ended", "col.replacedBy", "col.more"}
	widths := []float64{14, 30, 34, 45, 30, 40, 36, 30, 30, 40, 40, 28, 28, 28, 30, 20, 16, 20, 40}
	s, err := b.streamSheet(gw("sheet.register", l), widths, 1, 2)
	if err != nil {
		return err
	}
	s.groups(map[int]string{16: gw("col.status", l)})
	headings := make([]string, len(keys))
	for i, k := range keys {
		headings[i] = gw(k, l)
	}
	s.put(b.header, headings, indexSet(2, 3, 4, 5, 6, 7, 8, 9, 10), b.required)
	controller := party(reg.Organisation, l)
	for _, a := range reg.Activities {
		joint := []string{controller}
		for _, j := range a.JointControllers {
			joint = append(joint, party(j, l))
		}
		joint = append(joint, absent(a, ropa.NoJointController, l))
		var safeguards, conditions, processors []string
		for _, tr := range a.Transfers {
			if tr.Derogation.NeedsDocumentedSafeguards() || tr.Safeguards != "" {
				safeguards = append(safeguards, strings.Join(nonEmpty(countryName(tr.Country, l), tr.Safeguards), ": "))
			}
		}
		for _, p := range a.Purposes {
			for _, c := range p.Conditions {
				conditions = append(conditions, strings.Join(nonEmpty(withArticle(c.Condition, l), c.Law), "; "))
			}
		}
		for _, r := range a.Recipients {
			if r.Kind == ropa.Processor {
				processors = append(processors, strings.Join(nonEmpty(r.Name, r.Agreement), ": "))
			}
		}
		ref, covered := a.ID, []string{"col.id", "col.ended", "col.replacedBy", "none.special-categories", "none.processors"}
		if a.Reference != "" {
			ref, covered = a.Reference, covered[1:]
		}
		s.put(b.wrap, []string{ref, a.Name, strings.Join(nonEmpty(joint...), "\n\n"), purposesText(a), subjectsText(a, l), categoriesText(a, l),
			withAbsence(recipientsText(a.Recipients, l), a, l, ropa.NoRecipients, ropa.NoExternal), withAbsence(transfersText(a.Transfers, l), a, l, ropa.NoTransfers),
			join(safeguards), retentionText(a, l, eventLabels(reg)), withAbsence(measuresText(a.Measures, b.measures), a, l, ropa.NoMeasures),
			basesText(a, l), withAbsence(specialText(a, l), a, l, ropa.NoSpecialData), join(conditions), withAbsence(join(processors), a, l, ropa.NoProcessor),
			dpiaText(a.DPIA, l), dateText(a.Ended, l), a.ReplacedBy, notes(append(activityFacts(a, reg, l), idFacts(a)...), l, covered...)}, map[int]bool{}, 0)
	}
	if err := s.dropDown(12, gw("col.basis", l)); err != nil {
		return err
	}
	if err := s.close(); err != nil {
		return err
	}
	if len(reg.Processing) == 0 {
		return writeAppendix(b, reg, false)
	}
	pkeys := []string{"col.ref", "col.name", "col.p2a", "col.p2b", "col.p2c", "col.p2d", "col.more"}
	ps, err := b.streamSheet(gw("sheet.processing", l), []float64{14, 30, 40, 45, 36, 40, 40}, 1, 1)
	if err != nil {
		return err
	}
	ph := make([]string, len(pkeys))
	for i, k := range pkeys {
		ph[i] = gw(k, l)
	}
	ps.put(b.header, ph, indexSet(2, 3, 4, 5), b.required)
	for _, p := range reg.Processing {
		var controllers []string
		for _, c := range p.Controllers {
			controllers = append(controllers, party(c, l))
		}
		ps.put(b.wrap, []string{p.ID, p.Name, strings.Join(controllers, "\n\n"), join(p.Categories), transfersText(p.Transfers, l), measuresText(p.Measures, b.measures),
			notes([]fact{{"col.subProcessors", recipientsText(p.SubProcessors, l)}, {"col.recipientDetails", recipientDetails(p.SubProcessors, l)},
				{"col.transferDetails", transferDetails(p.Transfers, l)}, {"col.systems", systemsText(p.Systems, reg, l)}, {"col.notes", p.Notes}}, l)}, map[int]bool{}, 0)
	}
	if err := ps.close(); err != nil {
		return err
	}
	return writeAppendix(b, reg, false)
}
