package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

var day = ropa.NewDate(2026, 11, 21)

func workbook(t *testing.T, reg *ropa.Register, opts ...Option) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WriteXLSX(&buf, reg, append([]Option{WithReport(ropa.Check(reg, day))}, opts...)...))
	return buf.Bytes()
}

func example(t *testing.T, name string) *ropa.Register {
	t.Helper()
	r, _, err := examples.Load(name)
	require.NoError(t, err)
	return r
}

// TestGoldenWorkbooks compares the content of workbooks with golden files:
// every example in the generic layout, one in every layout, one in every language.
func TestGoldenWorkbooks(t *testing.T) {
	type tc struct {
		name string
		reg  string
		opts []Option
	}
	var cases []tc
	for _, n := range examples.Names() {
		cases = append(cases, tc{n + "-generic", n, nil})
	}
	for _, l := range []Layout{GBA, ICO, CNIL} {
		cases = append(cases, tc{"wengage-" + string(l), "wengage", []Option{WithLayout(l)}})
	}
	cases = append(cases, tc{"wegroup-gba-fr", "wegroup", []Option{WithLayout(GBA), WithLang(French)}})
	for _, l := range []Lang{English, French, German} {
		cases = append(cases, tc{"webassur-generic-" + string(l), "webassur", []Option{WithLang(l)}})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reg := example(t, c.reg)
			before, err := ropa.Marshal(reg)
			require.NoError(t, err)
			data := workbook(t, reg, c.opts...)
			after, err := ropa.Marshal(reg)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "the writer never changes the register")
			d := dump(t, data)
			assert.Equal(t, d, dump(t, workbook(t, reg, c.opts...)), "the same register and date give the same content")
			goldenDump(t, c.name, d)
		})
	}
}

func TestGenericWorkbookStructure(t *testing.T) {
	d := dump(t, workbook(t, example(t, "wengage"), WithLang(English)))
	var names []string
	for _, s := range d {
		names = append(names, s.Name)
	}
	assert.Equal(t, []string{"Register", "Activities", "Purposes and bases", "Data categories", "Recipients", "Transfers",
		"Retention", "Systems", "Processors", "Events", "Measures", "Processor records", "Waivers", "Parties", "Findings", "Lists"}, names)
	activities := d[1]
	assert.Equal(t, "A2", activities.Panes, "the header row is frozen")
	assert.Equal(t, "Purposes of the processing *", activities.Cells["N1"], "Art. 30 minimum columns are marked")
	assert.Len(t, activities.Cells, len(activities.Cells))
	rows := 0
	for ref := range activities.Cells {
		if len(ref) > 1 && ref[0] == 'A' && ref[1] >= '0' && ref[1] <= '9' {
			rows++
		}
	}
	assert.Equal(t, 15, rows, "a header and one row per activity")
	purposes := d[2]
	assert.NotEmpty(t, purposes.Validations, "drop-downs on the enumeration columns")
	assert.Contains(t, purposes.Validations[0], "list 'Lists'!$A$2:$A$7")
	retention := d[6]
	assert.Equal(t, "3 years after the event “moment van contactname”", retention.Cells["D2"], "terms are worded in the sheet's language, a named event by its label")
	assert.Equal(t, "P3Y", retention.Cells["E2"])
	var rights string
	for ref, v := range purposes.Cells {
		if strings.HasPrefix(ref, "J") && strings.Contains(v, "Withdrawal") {
			rights = v
		}
	}
	assert.Contains(t, rights, "Data portability", "consent gives portability and withdrawal")
}

func TestLanguagesOfWorkbooks(t *testing.T) {
	reg := example(t, "webassur")
	want := map[Lang][3]string{
		English: {"Register", "Transfers", "EU-US Privacy Shield (invalid)"},
		Dutch:   {"Register", "Doorgiften", "EU-VS Privacyschild (ongeldig)"},
		French:  {"Registre", "Transferts", "Bouclier de protection des données UE-États-Unis (invalide)"},
		German:  {"Verzeichnis", "Übermittlungen", "EU-US-Datenschutzschild (ungültig)"},
	}
	countries := map[Lang]string{English: "United States (US)", Dutch: "Verenigde Staten (US)", French: "États-Unis (US)", German: "Vereinigte Staaten (US)"}
	for l, w := range want {
		d := dump(t, workbook(t, reg, WithLang(l)))
		assert.Equal(t, w[0], d[0].Name, l)
		assert.Equal(t, w[1], d[5].Name, l)
		assert.Equal(t, w[2], d[5].Cells["F2"], l)
		assert.Equal(t, countries[l], d[5].Cells["C2"], l)
	}
	d := dump(t, workbook(t, reg))
	assert.Equal(t, "Doorgiften", d[5].Name, "the register's language is the default")
}

func TestTextStaysText(t *testing.T) {
	reg := example(t, "webassur")
	reg.Activities[0].Name = "=HYPERLINK(\"http://evil.example\",\"click\")"
	reg.Activities[0].Description = "+1 -2 @SUM(A1)"
	data := workbook(t, reg, WithLang(English))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	formula, err := f.GetCellFormula("Activities", "B2")
	require.NoError(t, err)
	assert.Empty(t, formula, "a value starting with = is not a formula")
	v, err := f.GetCellValue("Activities", "B2")
	require.NoError(t, err)
	assert.Equal(t, reg.Activities[0].Name, v)
	ct, err := f.GetCellType("Activities", "C2")
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeFormula, ct)
}

func TestCellLimitIsAnError(t *testing.T) {
	reg := example(t, "webassur")
	reg.Activities[1].Notes = strings.Repeat("a", maxCellChars+1)
	err := WriteXLSX(&bytes.Buffer{}, reg, WithReport(ropa.Check(reg, day)), WithLang(English))
	require.Error(t, err)
	assert.Contains(t, err.Error(), fmt.Sprintf(`sheet "Activities", cell AF3 (Notes of %q): the value has 32768 characters; an Excel cell holds at most 32767`, reg.Activities[1].ID))
	reg.Activities[1].Notes = ""
	reg.Organisation.Website = strings.Repeat("w", maxCellChars+1)
	err = WriteXLSX(&bytes.Buffer{}, reg, WithReport(ropa.Check(reg, day)), WithLang(English))
	require.Error(t, err)
	assert.Regexp(t, `sheet "Register", cell B\d+ \("Website"\): the value has 32768 characters`, err.Error())
	reg.Organisation.Website = ""
	reg.Activities[1].Notes = strings.Repeat("é", maxCellChars)
	assert.NoError(t, WriteXLSX(&bytes.Buffer{}, reg, WithReport(ropa.Check(reg, day))), "exactly the limit fits")
	reg.Activities[1].Notes = strings.Repeat("😀", maxCellChars/2+1)
	assert.Error(t, WriteXLSX(&bytes.Buffer{}, reg, WithReport(ropa.Check(reg, day))), "characters outside the BMP count twice, as in Excel")
}

func TestSheetNames(t *testing.T) {
	b := &book{names: map[string]bool{}}
	assert.Equal(t, "a-b-c-d-e-f-g", b.sheetName(`a[b]c:d*e?f/g`))
	long := strings.Repeat("x", 40)
	first := b.sheetName(long)
	assert.Len(t, first, 31)
	second := b.sheetName(long)
	assert.Len(t, []rune(second), 31)
	assert.NotEqual(t, first, second)
	assert.Equal(t, "xxxxxxxxxxxxxxxxxxxxxxxxxxx (2)", second)
	assert.Equal(t, "Sheet", b.sheetName("''"))
	assert.Equal(t, "A (2)", func() string { b.sheetName("a"); return b.sheetName("A") }(), "names are unique regardless of case")

	assert.Equal(t, strings.Repeat("y", 30), b.sheetName(strings.Repeat("y", 30)+"'z"), "no apostrophe left at the end of a cut")
	assert.Equal(t, strings.Repeat("😀", 15), b.sheetName(strings.Repeat("😀", 16)), "31 UTF-16 units, no emoji cut in half")
	assert.Equal(t, "HISTORY (2)", b.sheetName("HISTORY"), "Excel reserves History")
	assert.Equal(t, "Sheet (2)", b.sheetName(" \t "), "a blank name")

	// CNIL fiches are named by activity id; ids that are not valid names still give valid, unique sheets.
	reg := example(t, "ipg")
	reg.Activities[3].ID = strings.Repeat("a", 30) + "'b"
	reg.Activities[4].ID = strings.Repeat("😀", 16)
	reg.Activities[5].ID = "history"
	reg.Activities[0].ID = "klanten/beheer:[2024]"
	reg.Activities[1].ID = strings.Repeat("k", 40)
	reg.Activities[2].ID = strings.Repeat("k", 40) + "x"
	d := dump(t, workbook(t, reg, WithLayout(CNIL)))
	seen := map[string]bool{}
	for _, s := range d {
		assert.LessOrEqual(t, len(utf16.Encode([]rune(s.Name))), 31)
		assert.False(t, strings.ContainsAny(s.Name, `[]:*?/\`), s.Name)
		assert.False(t, seen[strings.ToLower(s.Name)], s.Name)
		seen[strings.ToLower(s.Name)] = true
	}
}

func TestOptionsErrors(t *testing.T) {
	reg := example(t, "webassur")
	assert.ErrorContains(t, WriteXLSX(&bytes.Buffer{}, reg, WithLayout("dsk")), `unknown layout "dsk"`)
	assert.ErrorContains(t, WriteXLSX(&bytes.Buffer{}, reg, WithLang("es")), `unknown language "es"`)
	assert.ErrorContains(t, WriteXLSX(&bytes.Buffer{}, nil), "nil")
	assert.ErrorContains(t, WriteXLSX(failingWriter{}, reg), "writing the workbook")
}

// TestLayoutLanguages: a layout is written only in its languages; without
// WithLang it takes the register's language where it can, else its first.
func TestLayoutLanguages(t *testing.T) {
	reg := example(t, "wegroup") // an English register
	for _, c := range []struct {
		layout Layout
		lang   Lang
		err    string
	}{
		{GBA, English, "export: the gba layout exists in nl, fr only, not in en; choose one of those with WithLang"},
		{GBA, German, "the gba layout exists in nl, fr only, not in de"},
		{CNIL, Dutch, "the cnil layout exists in fr only, not in nl"},
		{ICO, French, "the ico layout exists in en only, not in fr"},
		{GBA, French, ""}, {GBA, Dutch, ""}, {CNIL, French, ""}, {ICO, English, ""}, {Generic, German, ""},
	} {
		err := WriteXLSX(&bytes.Buffer{}, reg, WithLayout(c.layout), WithLang(c.lang))
		if c.err == "" {
			assert.NoError(t, err, "%s in %s", c.layout, c.lang)
		} else {
			assert.ErrorContains(t, err, c.err)
		}
	}
	for layout, want := range map[Layout]string{GBA: "Identificatie", CNIL: "2_-_Liste_des_traitements", ICO: "Template", Generic: "Register"} {
		d := dump(t, workbook(t, reg, WithLayout(layout)))
		assert.Equal(t, want, d[0].Name, "%s: the default language", layout)
	}
	nl := example(t, "wengage")
	assert.Equal(t, "lijsten", dump(t, workbook(t, nl, WithLayout(GBA)))[len(dump(t, workbook(t, nl, WithLayout(GBA))))-1].Name, "a Dutch register gives the Dutch GBA workbook")
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// pythonWithOpenpyxl finds a Python that has openpyxl, the reader this
// project did not write. CI installs Debian's python3-openpyxl.
func pythonWithOpenpyxl(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import openpyxl").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("CI needs python3-openpyxl (apt-get install python3-openpyxl)")
	}
	t.Skip("python3-openpyxl is not installed; apt-get install python3-openpyxl")
	return ""
}

// TestOpenpyxlReadsEveryLayout opens the workbooks with openpyxl and checks
// that it reads every cell value that excelize reads, that no cell is a
// formula, and the frozen panes and drop-downs.
func TestOpenpyxlReadsEveryLayout(t *testing.T) {
	py := pythonWithOpenpyxl(t)
	dir := t.TempDir()
	reg := example(t, "wengage")
	reg.Activities[0].Description = "=1+1"
	for _, l := range Layouts() {
		t.Run(string(l), func(t *testing.T) {
			data := workbook(t, reg, WithLayout(l))
			path := filepath.Join(dir, string(l)+".xlsx")
			require.NoError(t, os.WriteFile(path, data, 0o600))
			out, err := exec.Command(py, filepath.Join("testdata", "read_openpyxl.py"), path).CombinedOutput()
			require.NoError(t, err, string(out))
			var read []struct {
				Name     string            `json:"name"`
				Cells    map[string]string `json:"cells"`
				Freeze   string            `json:"freeze"`
				Formulas int               `json:"formulas"`
				Lists    int               `json:"lists"`
			}
			require.NoError(t, json.Unmarshal(out, &read))
			ours := dump(t, data)
			require.Len(t, read, len(ours))
			for i, s := range ours {
				assert.Equal(t, s.Name, read[i].Name)
				assert.Equal(t, s.Cells, read[i].Cells, "sheet %s", s.Name)
				assert.Equal(t, s.Panes, read[i].Freeze, "sheet %s", s.Name)
				assert.Zero(t, read[i].Formulas, "sheet %s has no formula", s.Name)
				assert.Equal(t, len(s.Validations), read[i].Lists, "sheet %s", s.Name)
			}
		})
	}
}

func TestWorkbookWithoutReportHoldsTheRegisterAlone(t *testing.T) {
	reg := example(t, "wengage")
	var buf bytes.Buffer
	require.NoError(t, WriteXLSX(&buf, reg, WithLang(English)))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f.Close()
	assert.NotContains(t, f.GetSheetList(), "Findings", "a writer never checks: without a report there are no findings")
	assert.Contains(t, f.GetSheetList(), "Activities")
	props, err := f.GetDocProps()
	require.NoError(t, err)
	assert.NotContains(t, props.Created, time.Now().UTC().Format(time.DateOnly), "a writer never reads the clock")

	buf.Reset()
	require.NoError(t, WriteXLSX(&buf, reg, WithLang(English), WithReport(ropa.Check(reg, day))))
	f2, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f2.Close()
	assert.Contains(t, f2.GetSheetList(), "Findings")
	props, err = f2.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "2026-11-21T00:00:00Z", props.Created)

	assert.Error(t, WriteReport(&bytes.Buffer{}, reg, nil), "a report writer needs the report")
}

// FuzzSheetName gives ids of every shape to the naming of sheets, as the
// CNIL layout names a sheet after each activity: excelize accepts every
// name, and the names stay unique regardless of case.
func FuzzSheetName(f *testing.F) {
	for _, s := range []string{"a", "'", "History", "HISTORY", " ", "x[y]:z*?/\\", strings.Repeat("x", 30) + "'", strings.Repeat("😀", 16),
		strings.Repeat("a", 29) + "😀", "''a''", "Sheet", "sheet1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		b, err := newBook(options{layout: CNIL, lang: French})
		require.NoError(t, err)
		defer b.f.Close()
		ids := []string{id, strings.ToUpper(id), id, strings.ToLower(id) + "x", "History"}
		seen := map[string]bool{}
		for i, v := range ids {
			name, err := b.addSheet(v, 0, 0)
			require.NoError(t, err, "id %q", v)
			assert.LessOrEqual(t, len(utf16.Encode([]rune(name))), maxSheetName, name)
			assert.NotEqual(t, "history", strings.ToLower(name))
			assert.NotEmpty(t, strings.TrimSpace(name))
			assert.False(t, seen[strings.ToLower(name)], "%q is unique", name)
			seen[strings.ToLower(name)] = true
			assert.Len(t, b.f.GetSheetList(), i+1, "every id has a sheet of its own")
		}
	})
}

// TestWhatAReaderSees checks cells a reader of the WEngage workbooks reads:
// no raw label keys, descriptions where ids stood, retention for all
// categories said in words, the CNIL layout in French, group companies as
// such, group headings over their own columns, and dates as each language
// writes them.
func TestWhatAReaderSees(t *testing.T) {
	reg := example(t, "wengage")
	sheets := map[Layout][]sheetDump{}
	for _, l := range Layouts() {
		sheets[l] = dump(t, workbook(t, reg, WithLayout(l)))
	}
	cell := func(l Layout, sheet, ref string) string {
		for _, s := range sheets[l] {
			if s.Name == sheet {
				return s.Cells[ref]
			}
		}
		t.Fatalf("%s has no sheet %q", l, sheet)
		return ""
	}
	cases := []struct {
		name        string
		layout      Layout
		sheet, cell string
		want        string
	}{
		{"a transfer without a country", GBA, "register", "H3", "land niet vermeld"},
		{"retention by category description", Generic, "Bewaartermijnen", "C2", "Contactgegevens, bv. naam, e-mailadres, adres, functie, aanspreking, telefoonnummer; Communicatie en contactgeschiedenis, bv. reden van contactname, gevoerde communicatie, bevestiging akkoord met onze voorwaarden en privacybeleid; Toelichting van de vraagstelling met bijkomende informatie"},
		{"retention for all categories in words", Generic, "Bewaartermijnen", "C10", "alle gegevenscategorieën"},
		{"group companies are not joint controllers", GBA, "Identificatie", "A4", "Groepsondernemingen die dit register delen"},
		{"the CNIL fiche has the CNIL's fixed classes of data", CNIL, "vragen-beantwoorden", "A21", "État civil, identité, données d'identification, images"},
		{"the CNIL fiche numbers the categories of no class", CNIL, "vragen-beantwoorden", "A29", "Catégorie de données 1"},
		{"the CNIL fiche's row of lawful bases, which the model leaves to the DPO", CNIL, "vragen-beantwoorden", "A18", "Base légale"},
		{"the CNIL fiche in French", CNIL, "vragen-beantwoorden", "F11", "Belgique (BE)"},
		{"the CNIL recipient's type in its column", CNIL, "vragen-beantwoorden", "B49", "société du groupe"},
		{"French dates", CNIL, "2_-_Liste_des_traitements", "D9", "10/10/2023"},
		{"Dutch dates", GBA, "Identificatie", "B7", "10-10-2023"},
		{"ICO group over A-K", ICO, "Template", "A8", "Article 30 Record of Processing Activities"},
		{"ICO group over L-R", ICO, "Template", "L8", "Privacy Notices"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, cell(c.layout, c.sheet, c.cell), c.name)
	}
	for l, ss := range sheets {
		for _, s := range ss {
			for ref, v := range s.Cells {
				assert.NotContains(t, v, "notStated", "%s %s!%s", l, s.Name, ref)
				assert.NotEqual(t, "*", v, "%s %s!%s", l, s.Name, ref)
			}
		}
	}
	for _, s := range sheets[CNIL] {
		for ref, v := range s.Cells {
			for _, dutch := range []string{"België", "klanten", "verwerker", "groepsonderneming", "ja", "nee"} {
				assert.NotEqual(t, dutch, v, "CNIL %s!%s", s.Name, ref)
				assert.NotContains(t, v, "("+dutch+")", "CNIL %s!%s", s.Name, ref)
			}
		}
	}
}

func TestCNILFicheGroupsCategoriesByClass(t *testing.T) {
	reg := example(t, "wengage")
	a := &reg.Activities[0]
	a.DataCategories[0].Class = ropa.IdentityData
	a.DataCategories[1].Class = ropa.ConnectionData
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, reg, WithLayout(CNIL))))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(a.ID)
	require.NoError(t, err)
	byLabel := map[string]string{}
	for _, r := range rows {
		if len(r) > 1 {
			byLabel[r[0]] = r[1]
		}
	}
	assert.Equal(t, a.DataCategories[0].Description, byLabel["État civil, identité, données d'identification, images"])
	assert.Equal(t, a.DataCategories[1].Description, byLabel["Données de connexion (adresses IP, logs, etc.)"])
	assert.Empty(t, byLabel["Vie personnelle (habitudes de vie, situation familiale, etc.)"], "a class with no category stays empty")
}

func TestMembersRetentionIsTheEndOfMembership(t *testing.T) {
	reg := example(t, "wengage")
	a := &reg.Activities[0]
	a.DataSubjects[0].Kind = ropa.Member
	a.Retention = []ropa.RetentionRule{{Term: retention.Term{Period: retention.Period{Years: 1}, From: retention.RelationshipEnd}}}
	f, err := excelize.OpenReader(bytes.NewReader(workbook(t, reg, WithLang(German))))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Löschfristen")
	require.NoError(t, err)
	found := false
	for _, r := range rows {
		for _, c := range r {
			found = found || strings.Contains(c, "nach dem Ende der Mitgliedschaft")
			assert.NotContains(t, c, "1 Jahr nach dem Ende der Geschäftsbeziehung", "members have a membership, not a business relationship")
		}
	}
	assert.True(t, found)
}
