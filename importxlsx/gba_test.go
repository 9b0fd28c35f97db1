package importxlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// roundTripRegisters are the registers the layouts' round trips write and
// read back: every example, synthetic registers of both kinds.
func roundTripRegisters(t *testing.T) []struct {
	name string
	reg  *ropa.Register
} {
	var regs []struct {
		name string
		reg  *ropa.Register
	}
	for _, n := range examples.Names() {
		reg, _, err := examples.Load(n)
		require.NoError(t, err)
		regs = append(regs, struct {
			name string
			reg  *ropa.Register
		}{n, reg})
	}
	for seed := range uint64(2) {
		regs = append(regs, struct {
			name string
			reg  *ropa.Register
		}{fmt.Sprintf("synth-%d", seed), synth.Register(20, seed)}, struct {
			name string
			reg  *ropa.Register
		}{fmt.Sprintf("full-%d", seed), synth.Full(12, seed)})
	}
	return regs
}

// layoutLosses checks a layout's round trip: every register written in
// layout and l, read back, differs from its source only at the paths
// listed in lost (with the reason each), and every path listed differs in
// at least one of them.
func layoutLosses(t *testing.T, layout export.Layout, read Layout, langs []lang.Lang, lost map[string]string) {
	seen := map[string]string{}
	for _, rg := range roundTripRegisters(t) {
		want, err := ropa.Marshal(rg.reg)
		require.NoError(t, err)
		var w any
		require.NoError(t, json.Unmarshal(want, &w))
		for _, l := range langs {
			t.Run(rg.name+"/"+string(l), func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, export.WriteXLSX(&buf, rg.reg, export.WithLayout(layout), export.WithLang(l)))
				res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), WithoutNotes())
				require.NoError(t, err)
				assert.Equal(t, read, res.Layout, "told by its sheets")
				assert.Equal(t, l, res.Lang)
				got, err := ropa.Marshal(res.Register)
				require.NoError(t, err)
				var g any
				require.NoError(t, json.Unmarshal(got, &g))
				diff := map[string]bool{}
				differences(w, g, "", diff)
				for p := range diff {
					if _, ok := seen[p]; !ok {
						seen[p] = rg.name
					}
					if _, ok := lost[p]; !ok {
						t.Errorf("differs at %s, not listed as lost", p)
					}
				}
			})
		}
	}
	var all []string
	for p := range seen {
		all = append(all, p)
	}
	sort.Strings(all)
	for p := range lost {
		assert.Contains(t, all, p, "%s is listed as lost but reads back in every register: remove it from the list", p)
	}
	t.Logf("differences: %q", all)
}

// retentionLost are the fields of retention terms that the authority
// layouts word as a privacy notice would, a term to a line of the retention
// column: retention.Parse reads the words back, not every part of the term.
var retentionLost = map[string]string{
	".activities[].retention(len)":            "a term retention.Parse does not read is a problem (kept in the notes), and a term it reads as several is several",
	".activities[].retention[].atLeast":       "the term is read from its words by retention.Parse",
	".activities[].retention[].case":          "the term is read from its words by retention.Parse",
	".activities[].retention[].criteria":      "the term is read from its words by retention.Parse, which keeps the layout's words before the criteria",
	".activities[].retention[].extension":     "the term is read from its words by retention.Parse",
	".activities[].retention[].from":          "the term is read from its words by retention.Parse",
	".activities[].retention[].fromYearEnd":   "the term is read from its words by retention.Parse",
	".activities[].retention[].law":           "the term is read from its words by retention.Parse",
	".activities[].retention[].period":        "the term is read from its words by retention.Parse",
	".activities[].retention[].subjects(len)": "a term read as several, or not read, moves the detail lines' subjects",
	".activities[].retention[].subjects[]":    "a term read as several, or not read, moves the detail lines' subjects",
	".activities[].retention[].text":          "a term without the source's words keeps the layout's words it was read from",
	".activities[].retention[].then":          "the term is read from its words by retention.Parse",
	".activities[].retention[].until(len)":    "the term is read from its words by retention.Parse",
	".activities[].retention[].until[]":       "the term is read from its words by retention.Parse",
}

// lostOf merges lists of fields lost.
func lostOf(lists ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, l := range lists {
		maps.Copy(out, l)
	}
	return out
}

// gbaLost are the fields the GBA layout cannot hold, with the reason each.
var gbaLost = lostOf(retentionLost, map[string]string{
	".purposes(len)": "the register's purposes stand in one cell, one to a line: a purpose of several lines reads back as several",
	".purposes[]":    "the register's purposes stand in one cell, one to a line: a purpose of several lines reads back as several",
	".activities[].purposes[].conditions[].note": "the purpose's detail line labels the laws and notes of its bases and conditions alike: a condition's note without a law goes to the condition before it",
	// One basis column and one condition column for the row: each
	// purpose of an activity gets all of them.
	".activities[].purposes[].bases":              "the bases column is the activity's, not each purpose's: every purpose gets them all",
	".activities[].purposes[].bases(len)":         "the bases column is the activity's, not each purpose's: every purpose gets them all",
	".activities[].purposes[].bases[].basis":      "the bases column is the activity's, not each purpose's: every purpose gets them all",
	".activities[].purposes[].bases[].interest":   "the purpose's detail line does not say which basis the interest is of: it goes to the legitimate interests",
	".activities[].purposes[].bases[].assessment": "the purpose's detail line does not say which basis the assessment is of: it goes to the legitimate interests",
	".activities[].purposes[].conditions(len)":    "the conditions column is the activity's, not each purpose's: every purpose gets them all",
	// Elements named by words that two of them share.
	".activities[].dataCategories[].special":      "the special-categories column names the category by its description, which two categories may share",
	".activities[].dataCategories[].special(len)": "the special-categories column names the category by its description, which two categories may share",
	".activities[].retention[].data[]":            "the retention column names the categories by their descriptions, which two categories may share",
	// The inventory's sheets are the generic workbook's, read by its reader.
	".processors[].contact.role": "the Processors sheet words a contact in one cell, which the generic workbook's reader reads without its role where no Parties row gives it",
})

func TestRoundTripGBA(t *testing.T) {
	layoutLosses(t, export.GBA, GBA, []lang.Lang{lang.Dutch, lang.French}, gbaLost)
}

// The reader learns the GBA layout's words from a workbook export writes:
// a column, label or line it cannot place fails here first.
func TestGBAReference(t *testing.T) {
	refs, err := gbaReferences()
	require.NoError(t, err)
	for _, l := range []lang.Lang{lang.Dutch, lang.French} {
		r := refs[l]
		assert.Len(t, r.heads, 19, "the register sheet's columns (%s)", l)
		assert.Len(t, r.pheads, 7, "the processor sheet's columns (%s)", l)
		assert.Len(t, r.pmore, 5, "the processor sheet's further-information labels (%s)", l)
		assert.Len(t, r.more.details, 5, "the detail facts (%s)", l)
		assert.NotEmpty(t, r.more.notStated)
	}
	assert.Equal(t, "register", refs[lang.Dutch].register)
	assert.Equal(t, "registre", refs[lang.French].register)
}

// A GBA workbook with cells the layout does not hold: each is a problem
// named by its cell, and kept in the notes.
func TestReadGBAProblems(t *testing.T) {
	reg, _, err := examples.Load("wegroup")
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, export.WriteXLSX(&buf, reg, export.WithLayout(export.GBA), export.WithLang(lang.Dutch)))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	set := func(sheet, cell, v string) { require.NoError(t, f.SetCellStr(sheet, cell, v)) }
	set("register", "L3", "omdat het kan")
	set("register", "Z3", "typed beside the table")
	set("register", "S4", "Onbekend: iets\n"+mustCell(t, f, "register", "S4"))
	set("register", "P5", "misschien, DPIA-1")
	set("Identificatie", "A20", "Iets anders")
	var out bytes.Buffer
	require.NoError(t, f.Write(&out))
	res, err := Read(bytes.NewReader(out.Bytes()), int64(out.Len()))
	require.NoError(t, err)
	assert.Equal(t, GBA, res.Layout)
	var refs []string
	for _, p := range res.Problems {
		refs = append(refs, p.Ref())
	}
	for _, want := range []string{"register!L3", "register!Z3", "register!S4", "register!P5", "Identificatie!A20"} {
		assert.Contains(t, refs, want)
	}
	assert.Contains(t, res.Register.Activities[0].Notes, `register!Z3: cell outside the GBA layout's columns, not imported: "typed beside the table"`)
	assert.Contains(t, res.Register.Activities[1].Notes, `register!S4: line of no known label, not imported: "Onbekend: iets"`)
	assert.Contains(t, res.Register.Notes, "Identificatie!A20")
	c, ok := res.Cell(ropa.Root.Child("activities").Index(1))
	assert.True(t, ok)
	assert.Equal(t, "register!A4", c)
}

func mustCell(t *testing.T, f *excelize.File, sheet, cell string) string {
	v, err := f.GetCellValue(sheet, cell)
	require.NoError(t, err)
	return v
}

// FuzzGBA reads GBA workbooks with any text in the register's cells:
// reading never fails or panics, the register it makes encodes, and the
// name and every purpose typed are in the register or in a problem.
func FuzzGBA(f *testing.F) {
	reg, _, err := examples.Load("wegroup")
	require.NoError(f, err)
	reg.Activities = reg.Activities[:1]
	var base bytes.Buffer
	require.NoError(f, export.WriteXLSX(&base, reg, export.WithLayout(export.GBA), export.WithLang(lang.Dutch)))
	f.Add("Verwerking", "Doel 1\nDoel 2", "Ontvanger (verwerker, België (BE))\ngeen", "Verenigde Staten (US): Standaardcontractbepalingen; ref", "5 jaar na het einde van de overeenkomst", "Status: actief\nOnbekend: x", "Toestemming (art. 6, lid 1, a), AVG)")
	f.Add("", "", "", "land niet vermeld", "alle gegevenscategorieën: 2 jaar", "ID: \nID's van betrokkenen: a, b, c", "")
	f.Add("x (y", "a — b", "((()))", ": ;", "; : —", "Doeleinden in detail: Doel 1 — Wet: x; Opmerking: y\nGebeurtenissen", "geen")
	f.Fuzz(func(t *testing.T, name, purposes, recipients, transfers, retention, more, bases string) {
		for _, s := range []string{name, purposes, recipients, transfers, retention, more, bases} {
			if !typeable(s) {
				t.Skip()
			}
		}
		book, err := excelize.OpenReader(bytes.NewReader(base.Bytes()))
		require.NoError(t, err)
		for cell, v := range map[string]string{"B3": name, "D3": purposes, "G3": recipients, "H3": transfers, "J3": retention, "S3": more, "L3": bases} {
			require.NoError(t, book.SetCellStr("register", cell, v))
		}
		var buf bytes.Buffer
		require.NoError(t, book.Write(&buf))
		res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), WithLayout(GBA))
		require.NoError(t, err)
		found := kept(t, res)
		if v := strings.TrimSpace(name); v != "" {
			assert.Contains(t, found, name, "the name %q is neither in the register nor in a problem", name)
		}
		for _, p := range cellLines(purposes) {
			assert.Contains(t, found, p, "the purpose %q is neither in the register nor in a problem", p)
		}
	})
}

// testFurther is a further-information reader of a GBA cell in Dutch, for
// the readers of its parts.
func testFurther(t *testing.T) (*further, *workbook) {
	refs, err := references()
	require.NoError(t, err)
	gr, err := gbaReferences()
	require.NoError(t, err)
	wb := &workbook{cells: map[string]string{}}
	g := &generic{wb: wb, ref: refs[lang.Dutch], l: lang.Dutch, reg: &ropa.Register{}}
	return &further{g: g, m: gr[lang.Dutch].more, s: &sheet{name: "register"}, r: 3, c: 19, i: 0}, wb
}

// A contact reads back with its role, as the layouts word it on lines of
// their own and on one line; a part that may be the street is a problem.
func TestGBAContacts(t *testing.T) {
	be := &ropa.Address{Street: "Wetstraat 1", PostalCode: "1000", City: "Brussel", Country: "BE"}
	tests := []struct {
		name, in string
		oneLine  bool
		want     *ropa.Contact
		problem  bool
	}{
		{"every field", "Jan Peeters\nRol: externe DPO\nWetstraat 1, 1000 Brussel, België (BE)\ndpo@x.example\n+32 2 555 0000", false,
			&ropa.Contact{Name: "Jan Peeters", Role: "externe DPO", Address: be, Email: "dpo@x.example", Phone: "+32 2 555 0000"}, false},
		{"no role", "Jan Peeters\nWetstraat 1, 1000 Brussel, België (BE)\ndpo@x.example", false,
			&ropa.Contact{Name: "Jan Peeters", Address: be, Email: "dpo@x.example"}, false},
		{"role, no address", "Jan Peeters\nRol: externe DPO\ndpo@x.example", false,
			&ropa.Contact{Name: "Jan Peeters", Role: "externe DPO", Email: "dpo@x.example"}, false},
		{"role, no name", "Rol: externe DPO\ndpo@x.example", false,
			&ropa.Contact{Role: "externe DPO", Email: "dpo@x.example"}, false},
		{"no name", "Wetstraat 1, 1000 Brussel, België (BE)\ndpo@x.example", false,
			&ropa.Contact{Address: be, Email: "dpo@x.example"}, false},
		{"an unlabelled line between name and address", "Jan Peeters\nexterne DPO\nWetstraat 1, 1000 Brussel, België (BE)\ndpo@x.example", false,
			&ropa.Contact{Name: "Jan Peeters", Address: &ropa.Address{Street: "externe DPO, Wetstraat 1", PostalCode: "1000", City: "Brussel", Country: "BE"}, Email: "dpo@x.example"}, true},
		{"empty", "", false, nil, false},
		{"one line, every field", "Jan Peeters, Rol: externe DPO, Wetstraat 1, 1000 Brussel, België (BE), dpo@x.example, +32 2 555 0000", true,
			&ropa.Contact{Name: "Jan Peeters", Role: "externe DPO", Address: be, Email: "dpo@x.example", Phone: "+32 2 555 0000"}, false},
		{"one line, no role", "Jan Peeters, Wetstraat 1, 1000 Brussel, België (BE), dpo@x.example", true,
			&ropa.Contact{Name: "Jan Peeters", Address: be, Email: "dpo@x.example"}, false},
		{"one line, a role with a digit", "Desk, Rol: Office 12, Wetstraat 1, 1000 Brussel, België (BE)", true,
			&ropa.Contact{Name: "Desk", Role: "Office 12", Address: be}, false},
		{"one line, name only", "Jan Peeters", true, &ropa.Contact{Name: "Jan Peeters"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, wb := testFurther(t)
			var got *ropa.Contact
			if tt.oneLine {
				got = f.contactWords(tt.in)
			} else {
				got = f.contact(tt.in)
			}
			assert.Equal(t, tt.want, got)
			if tt.problem {
				require.Len(t, wb.problems, 1)
				assert.Equal(t, "register!S3", wb.problems[0].Ref())
			} else {
				assert.Empty(t, wb.problems)
			}
		})
	}
}

// An owner's lines read back into its function, department, e-mail and
// contact person, with and without the function's line (the ICO layout
// writes the function in a column of its own).
func TestOwnerLines(t *testing.T) {
	tests := []struct {
		name         string
		lines        []string
		withFunction bool
		want         ropa.Owner
	}{
		{"every field", []string{"Head of sales", "Sales", "sales@x.example", "A. Jansen"}, true,
			ropa.Owner{Function: "Head of sales", Department: "Sales", Email: "sales@x.example", Person: "A. Jansen"}},
		{"person after the e-mail", []string{"Head of sales", "sales@x.example", "A. Jansen"}, true,
			ropa.Owner{Function: "Head of sales", Email: "sales@x.example", Person: "A. Jansen"}},
		{"no e-mail", []string{"Head of sales", "Sales", "A. Jansen"}, true,
			ropa.Owner{Function: "Head of sales", Department: "Sales", Person: "A. Jansen"}},
		{"more lines than fields keep them", []string{"a", "b", "c", "d"}, true,
			ropa.Owner{Function: "a", Department: "b", Person: "c\nd"}},
		{"department, e-mail, person", []string{"Sales", "sales@x.example", "A. Jansen"}, false,
			ropa.Owner{Department: "Sales", Email: "sales@x.example", Person: "A. Jansen"}},
		{"department and person", []string{"Sales", "A. Jansen"}, false,
			ropa.Owner{Department: "Sales", Person: "A. Jansen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, &tt.want, ownerOf(tt.lines, nil, tt.withFunction))
		})
	}
}
