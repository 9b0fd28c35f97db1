package importxlsx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/ropa"
)

// icoWorkbook builds the ICO controller template as a DPO fills it: the
// contact block on top, the group headings merged over their columns, the
// heading row moved down to row 11 by two inserted rows, a business
// function merged over two activities, a blank row, several values to a
// cell, Dutch and French words, and a note typed beside the table.
func icoWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "Template"))
	_, err := f.NewSheet("Notes")
	require.NoError(t, err)
	set := func(cell string, v any) { require.NoError(t, f.SetCellValue("Template", cell, v)) }
	set("A1", "Use this template to document the processing activities you undertake as a controller.")
	set("B3", "Name")
	set("C3", "Acme Ltd")
	set("B4", "Email")
	set("C4", "dpo@acme.example")
	set("A10", "Article 30 Record of Processing Activities")
	require.NoError(t, f.MergeCell("Template", "A10", "K10"))
	set("L10", "Privacy Notices")
	require.NoError(t, f.MergeCell("Template", "L10", "R10"))
	for i, h := range []string{"Business function", "Purpose of processing", "Name and contact details of joint controller (if applicable)",
		"Categories of individuals", "Categories of personal data", "Categories of recipients", "Link to contract with processor",
		"Names of third countries or international organisations that personal data are transferred to (if applicable)",
		"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
		"Retention schedule (if possible)", "General description of technical and organisational security measures (if possible)",
		"Article 6 lawful basis for processing personal data", "Article 9 condition for processing special category data",
		"Legitimate interests for the processing (if applicable)", "Link to record of legitimate interests assessment (if applicable)",
		"Rights available to individuals", "Existence of automated decision-making, including profiling (if applicable)",
		"The source of the personal data (if applicable)", "Link to record of consent", "Location of personal data",
		"Data Protection Impact Assessment required?", "Data Protection Impact Assessment progress",
		"Link to Data Protection Impact Assessment", "Has a personal data breach occurred?", "Link to record of personal data breach",
		"Data Protection Act 2018 Schedule Condition for processing", "GDPR Article 6 lawful basis for processing",
		"Link to retention and erasure policy document", "Is personal data retained and erased in accordance with the policy document?",
		"Reasons for not adhering to policy document (if applicable)"} {
		c, err := excelize.CoordinatesToCellName(i+1, 11)
		require.NoError(t, err)
		set(c, h)
	}
	// Row 12: HR payroll; the business function is merged over rows 12-13.
	set("A12", "HR")
	require.NoError(t, f.MergeCell("Template", "A12", "A13"))
	set("B12", "Payroll")
	set("D12", "Employees\nFormer employees")
	set("E12", "Name; bank account\nSalary")
	set("F12", "HMRC; Pension provider")
	set("G12", "https://contracts.example/payroll")
	set("H12", "Verenigde Staten; IN")
	set("I12", "Standard contractual clauses")
	set("J12", "7 jaar na het einde van de overeenkomst")
	set("K12", "Encryption at rest\nAccess control")
	set("L12", "Wettelijke verplichting")
	set("P12", "Access, rectification")
	set("U12", "No")
	set("AF12", "ask Jane about pensions")
	// Row 13: HR recruitment, same business function (merged), French words.
	set("B13", "Recrutement")
	set("D13", "Candidats")
	set("E13", "CV")
	set("J13", "2 ans après le dernier contact")
	set("L13", "intérêt légitime")
	set("N13", "Finding the right candidates")
	set("O13", "LIA-2024-03")
	set("Q13", "No")
	set("U13", "Yes")
	set("V13", "In progress")
	set("W13", "DPIA-7")
	// Row 14 is left blank. Row 15: free text where a code or word is due.
	set("A15", "Marketing")
	set("B15", "Newsletter")
	set("D15", "Customers")
	set("E15", "E-mail address")
	set("H15", "Atlantis")
	set("J15", "as long as needed")
	set("L15", "we think it is fine")
	set("M15", "explicit consent")
	set("Q15", "only for scoring")
	set("U15", "maybe")
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

func TestReadICO(t *testing.T) {
	data := icoWorkbook(t)
	for _, opts := range [][]Option{nil, {WithLayout(ICO)}} {
		res, err := Read(bytes.NewReader(data), int64(len(data)), opts...)
		require.NoError(t, err)
		assert.Equal(t, ICO, res.Layout)
		reg := res.Register
		require.Len(t, reg.Activities, 3)
		pay, rec, news := reg.Activities[0], reg.Activities[1], reg.Activities[2]

		assert.Equal(t, "hr-payroll", pay.ID)
		assert.Equal(t, "Payroll", pay.Name)
		assert.Equal(t, &ropa.Owner{Function: "HR"}, pay.Owner)
		assert.Equal(t, []ropa.DataSubject{{ID: "subject-1", Description: "Employees"}, {ID: "subject-2", Description: "Former employees"}}, pay.DataSubjects)
		require.Len(t, pay.DataCategories, 3)
		assert.Equal(t, "bank account", pay.DataCategories[1].Description)
		assert.Equal(t, []ropa.Recipient{{Name: "HMRC"}, {Name: "Pension provider"}}, pay.Recipients)
		assert.Equal(t, []ropa.Transfer{{Country: "US", Safeguards: "Standard contractual clauses"}, {Country: "IN", Safeguards: "Standard contractual clauses"}}, pay.Transfers)
		require.NotEmpty(t, pay.Retention)
		assert.Equal(t, "7 jaar na het einde van de overeenkomst", pay.Retention[0].Text)
		assert.False(t, pay.Retention[0].Period.IsZero())
		assert.Equal(t, []string{"Encryption at rest", "Access control"}, pay.Measures)
		require.Len(t, pay.Purposes, 1)
		require.Len(t, pay.Purposes[0].Bases, 1)
		assert.Equal(t, lawfulbasis.LegalObligation, pay.Purposes[0].Bases[0].Basis)
		assert.Equal(t, "as written: Wettelijke verplichting", pay.Purposes[0].Bases[0].Note)
		assert.Equal(t, &ropa.DPIA{Status: ropa.DPIANotRequired}, pay.DPIA)
		assert.Contains(t, pay.Notes, "Link to contract with processor (Template!G12): https://contracts.example/payroll")
		assert.Contains(t, pay.Notes, "Rights available to individuals (Template!P12): Access, rectification")
		assert.Contains(t, pay.Notes, `Template!AF12: cell outside the ICO template's columns, not imported: "ask Jane about pensions"`)

		// The merged business function holds for the second row too.
		assert.Equal(t, "hr-recrutement", rec.ID)
		assert.Equal(t, &ropa.Owner{Function: "HR"}, rec.Owner)
		require.Len(t, rec.Purposes, 1)
		assert.Equal(t, []ropa.Basis{{Basis: lawfulbasis.LegitimateInterests, Interest: "Finding the right candidates",
			Assessment: "LIA-2024-03", Note: "as written: intérêt légitime"}}, rec.Purposes[0].Bases)
		require.NotEmpty(t, rec.Retention)
		assert.Equal(t, "2 ans après le dernier contact", rec.Retention[0].Text)
		assert.Equal(t, &ropa.DPIA{Status: ropa.DPIAPlanned, Reference: "DPIA-7"}, rec.DPIA)
		require.NotNil(t, rec.AutomatedDecisions)
		assert.False(t, *rec.AutomatedDecisions)

		// The row after the blank one, with free text where a word is due.
		assert.Equal(t, "marketing-newsletter", news.ID)
		assert.Empty(t, news.Transfers)
		assert.Empty(t, news.Retention)
		require.Len(t, news.Purposes, 1)
		assert.Empty(t, news.Purposes[0].Bases)
		require.Len(t, news.Purposes[0].Conditions, 1)
		assert.Equal(t, lawfulbasis.ExplicitConsent, news.Purposes[0].Conditions[0].Condition)
		assert.Nil(t, news.AutomatedDecisions)
		assert.Nil(t, news.DPIA)
		assert.Contains(t, news.Notes, "Existence of automated decision-making, including profiling (if applicable) (Template!Q15): only for scoring")

		var refs []string
		for _, p := range res.Problems {
			refs = append(refs, p.Ref())
		}
		assert.Equal(t, []string{"Template!AF12", "Template!L15", "Template!H15", "Template!J15", "Template!U15"}, refs)

		assert.Contains(t, reg.Notes, "Template!C3: Acme Ltd")
		assert.NotContains(t, reg.Notes, "Use this template")
		assert.NotContains(t, reg.Notes, "Privacy Notices")

		c, ok := res.Cell(ropa.Root.Child("activities").Index(1).Child("purposes").Index(0).Child("bases").Index(0))
		assert.True(t, ok)
		assert.Equal(t, "Template!L13", c)
		c, _ = res.Cell(ropa.Root.Child("activities").Index(0).Child("transfers").Index(1))
		assert.Equal(t, "Template!H12", c)

		// What was read writes and loads as a register.
		out, err := ropa.Marshal(reg)
		require.NoError(t, err)
		_, _, err = ropa.Decode(out, ropa.JSON)
		require.NoError(t, err)
	}
}

func TestICOHeadings(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Business function", icoFunction},
		{"  Retention schedule\n(if possible) ", icoRetention},
		{"Data Protection Act 2018 Schedule 1 Condition for processing", icoSchedule1},
		{"Data Protection Act 2018 Schedule Condition for processing", icoSchedule1},
		{"Categories of individuals*", icoSubjects},
		{"Something else", "something else"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, icoKey(tt.in), tt.in)
	}
}

// oneCell returns a workbook of one sheet that holds one value in A1.
func oneCell(t *testing.T, sheet, value string) []byte {
	t.Helper()
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", sheet))
	require.NoError(t, f.SetCellValue(sheet, "A1", value))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

func TestReadICONoHeadings(t *testing.T) {
	data := oneCell(t, "Template", "Business function")
	_, err := Read(bytes.NewReader(data), int64(len(data)), WithLayout(ICO))
	require.ErrorIs(t, err, ErrNotWorkbook)
	assert.Contains(t, err.Error(), "no row of the ICO template's headings")
	_, err = Read(bytes.NewReader(data), int64(len(data)))
	require.ErrorIs(t, err, ErrNotWorkbook)
}

// The contact block that ropa export writes above the ICO headings is read
// into the organisation, its DPO and its representative, not left in notes.
func TestReadICOContactBlock(t *testing.T) {
	reg, _, err := examples.Load("wengage")
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, export.WriteXLSX(&buf, reg, export.WithLayout(export.ICO)))
	res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), WithLayout(ICO))
	require.NoError(t, err)
	got := res.Register
	assert.Equal(t, reg.Organisation.Name, got.Organisation.Name)
	assert.Equal(t, reg.Organisation.Email, got.Organisation.Email)
	require.NotNil(t, got.DPO)
	assert.Equal(t, reg.DPO.Email, got.DPO.Email)
	assert.Equal(t, *reg.DPO.Address, *got.DPO.Address)
	assert.NotContains(t, got.Notes, "Template!B3", "the organisation's cells are read, not kept in notes")
	id := func(a ropa.Activity) string { return a.ID + " " + a.Name }
	want := make([]string, len(reg.Activities))
	for i, a := range reg.Activities {
		want[i] = id(a)
	}
	have := make([]string, len(got.Activities))
	for i, a := range got.Activities {
		have[i] = id(a)
	}
	assert.Equal(t, want, have, "the ids and names written beside the template's columns")
}

// icoLost are the fields the ICO layout ropa export writes cannot hold,
// with the reason each; see TestRoundTripICO.
var icoLost = lostOf(retentionLost, map[string]string{
	".purposes(len)": "the register's purposes stand in one cell of the Notes sheet, one to a line: a purpose of several lines reads back as several",
	".purposes[]":    "the register's purposes stand in one cell of the Notes sheet, one to a line: a purpose of several lines reads back as several",
	// One column of bases, conditions, interests and assessments for the
	// row: each purpose of an activity gets all of them.
	".activities[].purposes[].bases":              "the bases column is the activity's, not each purpose's: every purpose gets them all",
	".activities[].purposes[].bases(len)":         "the bases column is the activity's, not each purpose's: every purpose gets them all",
	".activities[].purposes[].bases[].basis":      "the bases column is the activity's, not each purpose's: every purpose gets them all",
	".activities[].purposes[].bases[].interest":   "the interests column is the activity's, and the purpose's detail line does not say which basis an interest is of: it goes to the legitimate interests",
	".activities[].purposes[].bases[].assessment": "the assessments column is the activity's, and the purpose's detail line does not say which basis an assessment is of: it goes to the legitimate interests",
	".activities[].purposes[].conditions(len)":    "the conditions column is the activity's, not each purpose's: every purpose gets them all",
	// The laws of the conditions stand in a column of their own.
	".activities[].purposes[].conditions[].law":  "the Schedule 1 column lists the conditions' laws apart from the conditions, with no line for a condition without a law: a law is not told to its condition",
	".activities[].purposes[].conditions[].note": "the purpose's detail line labels the laws and notes of bases and conditions alike, and the conditions read have no law to tell theirs by: they go to the bases",
	".activities[].purposes[].bases[].law":       "the purpose's detail line labels the laws and notes of bases and conditions alike, and the conditions read have no law to tell theirs by: they go to the bases",
	".activities[].purposes[].bases[].note":      "the purpose's detail line labels the laws and notes of bases and conditions alike, and the conditions read have no law to tell theirs by: they go to the bases",
	// Elements named by words that two of them share.
	".activities[].dataCategories[].special":      "the data column names a category's special categories by its description, which two categories may share",
	".activities[].dataCategories[].special(len)": "the data column names a category's special categories by its description, which two categories may share",
	".activities[].retention[].data[]":            "the retention column names the categories by their descriptions, which two categories may share",
	// A transfer's importer, mechanism, derogation and reference stand in
	// the name of its detail line only.
	".activities[].transfers[].derogation": "the countries column holds a transfer's destination only; its importer, mechanism, derogation and reference stand in the name of its detail line, which a transfer without assessment, DPF, scope, public authority, safeguards or note does not have",
	".activities[].transfers[].mechanism":  "the countries column holds a transfer's destination only; its importer, mechanism, derogation and reference stand in the name of its detail line, which a transfer without assessment, DPF, scope, public authority, safeguards or note does not have",
	".activities[].transfers[].recipient":  "the countries column holds a transfer's destination only; its importer, mechanism, derogation and reference stand in the name of its detail line, which a transfer without assessment, DPF, scope, public authority, safeguards or note does not have",
	".activities[].transfers[].reference":  "the countries column holds a transfer's destination only; its importer, mechanism, derogation and reference stand in the name of its detail line, which a transfer without assessment, DPF, scope, public authority, safeguards or note does not have",
	// The template's columns of what the register derives from its other
	// fields are kept under their headings.
	".activities[].notes": "the rights, sources, Schedule 1 laws and DPA 2018 bases the template's columns derive from other fields, and the exceptional transfers where the transfers read do not give them, are kept in the notes under their headings",
	// The inventory's sheets and the Processor records sheet are the
	// generic workbook's, read by its reader.
	".processing[].controllers[].contact":         "the Processor records sheet is the generic workbook's, whose reader reads a controller's cell without postal address, employees, public authority or contact person where no Parties row gives them",
	".processing[].controllers[].employees":       "the Processor records sheet is the generic workbook's, whose reader reads a controller's cell without postal address, employees, public authority or contact person where no Parties row gives them",
	".processing[].controllers[].postalAddress":   "the Processor records sheet is the generic workbook's, whose reader reads a controller's cell without postal address, employees, public authority or contact person where no Parties row gives them",
	".processing[].controllers[].publicAuthority": "the Processor records sheet is the generic workbook's, whose reader reads a controller's cell without postal address, employees, public authority or contact person where no Parties row gives them",
	".processors[].contact.role":                  "the Processors sheet words a contact in one cell, which the generic workbook's reader reads without its role where no Parties row gives it",
})

// TestRoundTripICO writes every example and synthetic register in the ICO
// layout and reads it back: what the template's columns and the column
// after them hold comes back, and what differs is listed in icoLost.
func TestRoundTripICO(t *testing.T) {
	layoutLosses(t, export.ICO, ICO, []lang.Lang{lang.English}, icoLost)
}

// The register's facts on the Notes sheet of an ICO workbook of ropa
// export are read, with the details of the processor records' sub-processors
// and transfers; a contact block that differs from them and a line of no
// label are problems at their cells.
func TestReadICONotes(t *testing.T) {
	reg := synth.Full(2, 0)
	var buf bytes.Buffer
	require.NoError(t, export.WriteXLSX(&buf, reg, export.WithLayout(export.ICO)))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr("Template", "B3", "Someone else"))
	require.NoError(t, f.SetCellStr("Notes", "A30", "Typed below"))
	var out bytes.Buffer
	require.NoError(t, f.Write(&out))
	res, err := Read(bytes.NewReader(out.Bytes()), int64(out.Len()), WithLayout(ICO))
	require.NoError(t, err)
	got := res.Register
	assert.Equal(t, reg.Organisation, got.Organisation, "the Notes sheet's party, not the block's")
	assert.Equal(t, reg.DPO, got.DPO)
	assert.Equal(t, reg.Entities, got.Entities)
	assert.Equal(t, reg.Adopted, got.Adopted)
	assert.Equal(t, reg.AdoptedBy, got.AdoptedBy)
	assert.Equal(t, strings.Split(strings.Join(reg.Purposes, "\n"), "\n"), got.Purposes, "the purposes, one to a line")
	assert.Equal(t, reg.Regime, got.Regime)
	assert.Equal(t, reg.Updated, got.Updated)
	problems := map[string]string{}
	for _, p := range res.Problems {
		problems[p.Ref()] = p.Message
	}
	assert.Contains(t, problems["Template!A3"], "the contact block differs from the Notes sheet's words of the party")
	assert.Contains(t, problems["Notes!A30"], "not known to the importer")
	assert.NotContains(t, problems, "Notes!B20", "the processor record's details are read")
	require.Len(t, got.Processing, len(reg.Processing))
	for j, p := range reg.Processing {
		assert.Equal(t, p.SubProcessors, got.Processing[j].SubProcessors)
		assert.Equal(t, p.Transfers, got.Processing[j].Transfers)
	}
}

// A workbook of ropa export is read as the writer words its cells; a cell
// that differs from what the cells it derives from read is a problem at
// it, and a cell read otherwise holds what its words say.
func TestReadICOOwnWords(t *testing.T) {
	reg := synth.Full(1, 0)
	var base bytes.Buffer
	require.NoError(t, export.WriteXLSX(&base, reg, export.WithLayout(export.ICO)))
	tests := []struct {
		name        string
		sheet, cell string
		value       string
		problemAt   string // "" for none at the cell
		problem     string
		check       func(t *testing.T, a ropa.Activity, reg *ropa.Register)
	}{
		{name: "contracts differ from the agreements", sheet: "Template", cell: "G10", value: "Recipient 1: DPA-other",
			problemAt: "Template!G10", problem: "the contracts differ from the agreements of the recipients of kind processor"},
		{name: "DPIA required contradicts the status", sheet: "Template", cell: "U10", value: "no",
			problemAt: "Template!U10", problem: "the answer differs from the DPIA's status"},
		{name: "DPIA status not known", sheet: "Template", cell: "V10", value: "half done",
			problemAt: "Template!V10", problem: "DPIA status not recognised",
			check: func(t *testing.T, a ropa.Activity, _ *ropa.Register) {
				assert.Nil(t, a.DPIA)
				assert.Contains(t, a.Notes, "Data Protection Impact Assessment progress (Template!V10): half done")
			}},
		{name: "special categories after the categories", sheet: "Template", cell: "E10",
			value: "Tickets: notes\nTickets: notes: Genetic data (Art. 9(1) GDPR); Criminal-offence data (Art. 10)",
			check: func(t *testing.T, a ropa.Activity, _ *ropa.Register) {
				require.Len(t, a.DataCategories, 1)
				c := a.DataCategories[0]
				assert.Equal(t, "Tickets: notes", c.Description)
				assert.Equal(t, []lawfulbasis.SpecialCategory{lawfulbasis.Genetic}, c.Special)
				assert.True(t, c.Criminal)
			}},
		{name: "a transfer without destination the countries column lost", sheet: "Template", cell: "AE10",
			value: "Transfers in detail: country not stated: Importer X; Adequacy decision — Note: from the detail line",
			check: func(t *testing.T, a ropa.Activity, _ *ropa.Register) {
				// The detail line comes before those of the transfers read:
				// the transfer is the first.
				require.Len(t, a.Transfers, len(reg.Activities[0].Transfers)+1)
				assert.Equal(t, ropa.Transfer{Recipient: "Importer X", Mechanism: lawfulbasis.Adequacy, Note: "from the detail line"}, a.Transfers[0])
			}},
		{name: "recipients with the absences they state", sheet: "Template", cell: "F10", value: "Bank (processor, Belgium (BE))\nnone outside the organisation",
			problemAt: "Template!G10", problem: "the contracts differ",
			check: func(t *testing.T, a ropa.Activity, _ *ropa.Register) {
				assert.Equal(t, []ropa.Recipient{{Name: "Bank", Kind: ropa.Processor, Country: "BE"}}, a.Recipients)
				assert.Contains(t, a.None, ropa.NoExternal)
			}},
		{name: "details of no processor record", sheet: "Notes", cell: "A20", value: "Processor records: nobody",
			problemAt: "Notes!B20", problem: `details of no processor record of the Processor records sheet ("nobody")`,
			check: func(t *testing.T, _ ropa.Activity, reg *ropa.Register) {
				require.NotEmpty(t, reg.Processing)
				assert.Nil(t, reg.Processing[0].SubProcessors[0].Contact, "the details are not read into another record")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			book, err := excelize.OpenReader(bytes.NewReader(base.Bytes()))
			require.NoError(t, err)
			require.NoError(t, book.SetCellStr(tt.sheet, tt.cell, tt.value))
			var buf bytes.Buffer
			require.NoError(t, book.Write(&buf))
			res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), WithLayout(ICO))
			require.NoError(t, err)
			problems := map[string]string{}
			for _, p := range res.Problems {
				problems[p.Ref()] += p.Message + "\n"
			}
			if tt.problemAt != "" {
				assert.Contains(t, problems[tt.problemAt], tt.problem)
			} else {
				assert.NotContains(t, problems, "Template!"+tt.cell)
			}
			if tt.check != nil {
				require.NotEmpty(t, res.Register.Activities)
				tt.check(t, res.Register.Activities[0], res.Register)
			}
		})
	}
}

// FuzzICO reads ICO workbooks of ropa export with any text in an
// activity's cells (recipients, data, transfers, joint controllers and the
// further-information column), the Notes sheet's texts and its details of
// a processor record: reading never fails or panics, and the register it
// makes encodes.
func FuzzICO(f *testing.F) {
	reg := synth.Full(1, 0)
	var base bytes.Buffer
	require.NoError(f, export.WriteXLSX(&base, reg, export.WithLayout(export.ICO)))
	book, err := excelize.OpenReader(bytes.NewReader(base.Bytes()))
	require.NoError(f, err)
	rows, err := book.GetRows("Notes")
	require.NoError(f, err)
	record := ""
	for r, row := range rows {
		if len(row) > 1 && strings.HasPrefix(row[0], "Processor records: ") {
			record = "B" + strconv.Itoa(r+1)
		}
	}
	require.NotEmpty(f, record, "the Notes sheet has a processor record's details")
	f.Add("Recipient 0 (internal, Belgium (BE))\nnone", "a (b)\nx: y", "Owner: a\nb@c.d\ne", "Jan, DPO, Street, 1000 City, x@y.z", "P1Y",
		"Japan (JP)\n\nUnited States (US), Body", "a\nPostal address: x\n\nnone", "Recipients in detail: Hosting Vendor — Agreement (Art. 28(3)): x")
	f.Add("", "", "", "", "", "", "", "")
	f.Add("((", ": ;", "Recipients in detail: x — Contact: , , ,", "\n\n", "12/13/2026", "country not stated", "\n\n\n", "Transfers in detail: United States (US): a — Note: b")
	f.Add("a (processor, Mars (MA))", "x (Identity)\nx: Health data (Art. 9(1) GDPR); Criminal-offence data (Art. 10)\nx: Health data (Art. 9(1) GDPR)",
		"Transfers in detail: country not stated — Note: n\ncountry not stated: i; Adequacy decision — Note: m\nJapan (JP): — — Note: x", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, recipients, data, more, dpo, notes, transfers, joint, details string) {
		for _, s := range []string{recipients, data, more, dpo, notes, transfers, joint, details} {
			if !typeable(s) {
				t.Skip()
			}
		}
		book, err := excelize.OpenReader(bytes.NewReader(base.Bytes()))
		require.NoError(t, err)
		for cell, v := range map[string]string{"F10": recipients, "E10": data, "AE10": more, "H10": transfers, "C10": joint} {
			require.NoError(t, book.SetCellStr("Template", cell, v))
		}
		for cell, v := range map[string]string{"B7": dpo, "B14": notes, record: details} {
			require.NoError(t, book.SetCellStr("Notes", cell, v))
		}
		var buf bytes.Buffer
		require.NoError(t, book.Write(&buf))
		res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), WithLayout(ICO))
		require.NoError(t, err)
		_, err = ropa.Marshal(res.Register)
		require.NoError(t, err)
	})
}

// A DPIA not carried out says nothing of whether one is required: the ICO
// layout leaves its "required" cell empty, and the reader reads the status
// back without a problem.
func TestICODPIANotDone(t *testing.T) {
	reg, _, err := examples.Load("wengage")
	require.NoError(t, err)
	reg.Activities = reg.Activities[:1]
	reg.Activities[0].DPIA = &ropa.DPIA{Status: ropa.DPIANotDone}
	var buf bytes.Buffer
	require.NoError(t, export.WriteXLSX(&buf, reg, export.WithLayout(export.ICO)))
	res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), WithLayout(ICO))
	require.NoError(t, err)
	require.NotNil(t, res.Register.Activities[0].DPIA)
	assert.Equal(t, ropa.DPIANotDone, res.Register.Activities[0].DPIA.Status)
	for _, p := range res.Problems {
		assert.NotContains(t, p.Message, "DPIA", p.Ref())
	}
}
