package importxlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/ropa"
)

// reference is what the generic workbook writes in one language, learnt by
// writing a reference register with export.WriteXLSX: the sheet names, the
// column headings and the cover labels (each mapped to its English text,
// by which the reader knows them), and the words of each enumeration value.
// The reader so follows the workbook as export writes it: a column export
// adds is reported as unknown until the reader maps it, never misread.
type reference struct {
	lang    lang.Lang
	sheets  map[string]string            // sheet name → English sheet name
	heads   map[string]map[string]string // English sheet → heading → English heading
	cover   map[string]string            // cover label → English label
	values  map[string]map[string]string // English heading → words → value
	phrases map[string]string            // fixed words: English key → words
}

// refRegister holds one of every value whose words the workbook writes.
func refRegister() *ropa.Register {
	n, yes := 1, true
	reg := &ropa.Register{Schema: "openropa/v1", Organisation: ropa.Party{Name: "o", Employees: &n, PublicAuthority: &yes},
		Entities: []ropa.Party{{Name: "e"}}, Purposes: []string{"p"}}
	for _, k := range ropa.MeasureKinds() {
		reg.Measures = append(reg.Measures, ropa.Measure{ID: "m-" + string(k), Kind: k, Description: "m-" + string(k)})
	}
	for _, s := range ropa.DPIAStatuses() {
		reg.Activities = append(reg.Activities, ropa.Activity{ID: "a-" + string(s), Name: "a", DPIA: &ropa.DPIA{Status: s}})
	}
	for j := range reg.Activities {
		act := &reg.Activities[j]
		if j < len(ropa.ActivityStatuses()) {
			act.Status = ropa.ActivityStatuses()[j]
		}
		if j < len(ropa.RiskLevels()) {
			act.Risk = ropa.RiskLevels()[j]
		}
		if j < len(ropa.Methods()) {
			act.Method = ropa.Methods()[j]
		}
	}
	a := &reg.Activities[0]
	for _, k := range ropa.SubjectKinds() {
		a.DataSubjects = append(a.DataSubjects, ropa.DataSubject{ID: string(k), Description: "s", Kind: k})
	}
	srcs, classes, reqs := ropa.DataSources(), ropa.DataClasses(), ropa.Requirements()
	for j := range max(len(srcs), len(classes), len(reqs)) {
		c := ropa.DataCategory{ID: "c" + strconv.Itoa(j), Description: "c"}
		if j < len(srcs) {
			c.Sources = []ropa.DataSource{srcs[j]}
		}
		if j < len(classes) {
			c.Class = classes[j]
		}
		if j < len(reqs) {
			c.Requirement = reqs[j]
		}
		a.DataCategories = append(a.DataCategories, c)
	}
	for _, k := range ropa.RecipientKinds() {
		a.Recipients = append(a.Recipients, ropa.Recipient{Name: "r", Kind: k})
	}
	for _, sc := range lawfulbasis.Scopes() {
		a.Transfers = append(a.Transfers, ropa.Transfer{Country: "US", Scope: sc})
	}
	a.Retention = []ropa.RetentionRule{{Data: []string{"x"}}, {}}
	return reg
}

// enumerations whose words are learnt from the reference workbook: the
// English heading of the column, the sheet, and the values in the order of
// the reference register's rows.
func refEnums() []struct {
	sheet, head string
	values      []string
} {
	strs := func(vs ...[]string) []string { return vs[0] }
	return []struct {
		sheet, head string
		values      []string
	}{
		{"Measures", "Kind", strs(enumStrings(ropa.MeasureKinds()))},
		{"Data categories", "Source", strs(enumStrings(ropa.DataSources()))},
		{"Recipients", "Kind", strs(enumStrings(ropa.RecipientKinds()))},
		{"Transfers", "Scope of the adequacy decision", strs(enumStrings(lawfulbasis.Scopes()))},
		{"Activities", "Status", strs(enumStrings(ropa.ActivityStatuses()))},
		{"Activities", "Risk", strs(enumStrings(ropa.RiskLevels()))},
		{"Activities", "Processing method (Art. 2(1))", strs(enumStrings(ropa.Methods()))},
		{"Data categories", "Class of data", strs(enumStrings(ropa.DataClasses()))},
		{"Data categories", "Requirement (Art. 13(2)(e))", strs(enumStrings(ropa.Requirements()))},
	}
}

func enumStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// references holds the reference of each language, learnt once.
var references = sync.OnceValues(func() (map[lang.Lang]*reference, error) {
	books := map[lang.Lang]*refBook{}
	regimes := map[lang.Lang]map[string]string{}
	for _, l := range lang.All() {
		var buf bytes.Buffer
		if err := export.WriteXLSX(&buf, refRegister(), export.WithLang(l), export.WithReport(&ropa.Report{})); err != nil {
			return nil, fmt.Errorf("writing the reference workbook (%s): %w", l, err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			return nil, err
		}
		rb := &refBook{names: f.GetSheetList(), sheets: map[string][][]string{}}
		for _, n := range rb.names {
			if rb.sheets[n], err = f.GetRows(n); err != nil {
				return nil, err
			}
		}
		f.Close()
		books[l] = rb
		if regimes[l], err = regimeWords(l); err != nil {
			return nil, err
		}
	}
	en := books[lang.English]
	refs := map[lang.Lang]*reference{}
	for l, rb := range books {
		ref := &reference{lang: l, sheets: map[string]string{}, heads: map[string]map[string]string{}, cover: map[string]string{},
			values: map[string]map[string]string{}, phrases: map[string]string{}}
		if len(rb.names) != len(en.names) {
			return nil, fmt.Errorf("the reference workbooks in en and %s have %d and %d sheets", l, len(en.names), len(rb.names))
		}
		for i, n := range rb.names {
			ename := en.names[i]
			ref.sheets[n] = ename
			rows, erows := rb.sheets[n], en.sheets[ename]
			if i == 0 { // the cover: labels in column A
				for j := range min(len(rows), len(erows)) {
					if len(rows[j]) > 0 && len(erows[j]) > 0 {
						ref.cover[rows[j][0]] = erows[j][0]
					}
				}
				continue
			}
			if len(rows) == 0 || len(erows) == 0 {
				continue
			}
			heads := map[string]string{}
			for j := range min(len(rows[0]), len(erows[0])) {
				heads[heading(rows[0][j])] = heading(erows[0][j])
			}
			ref.heads[ename] = heads
		}
		for _, e := range refEnums() {
			col := ref.column(e.sheet, e.head, rb, en)
			words := map[string]string{}
			for j, v := range e.values {
				if w := cellOf(rb.sheets[ref.sheetIn(e.sheet)], j+1, col); w != "" {
					words[w] = v
				}
			}
			ref.values[e.head+"@"+e.sheet] = words
		}
		// Words the reader meets in cells: the subjects' kinds (in
		// parentheses after each description), the DPIA's status, the
		// retention of all categories, yes and no.
		act := rb.sheets[ref.sheetIn("Activities")]
		subj := map[string]string{}
		for j, line := range strings.Split(cellOf(act, 1, ref.column("Activities", "Categories of data subjects", rb, en)), "\n") {
			if k := ropa.SubjectKinds(); j < len(k) {
				subj[strings.TrimSuffix(strings.TrimPrefix(line, "s ("), ")")] = string(k[j])
			}
		}
		ref.values["subject"] = subj
		dpia := map[string]string{}
		for j, s := range ropa.DPIAStatuses() {
			dpia[cellOf(act, j+1, ref.column("Activities", "DPIA", rb, en))] = string(s)
		}
		ref.values["dpia"] = dpia
		// yes and no as the workbook words them: the reference
		// organisation is a public authority, its categories are not
		// criminal-offence data.
		for j, row := range en.sheets[en.names[0]] {
			if len(row) > 0 && row[0] == "Public authority" {
				ref.phrases["yes"] = cellOf(rb.sheets[rb.names[0]], j, 1)
			}
		}
		ref.phrases["no"] = cellOf(rb.sheets[ref.sheetIn("Data categories")], 1, ref.column("Data categories", "Criminal-offence data (Art. 10)", rb, en))
		ret := rb.sheets[ref.sheetIn("Retention")]
		ref.phrases["all"] = cellOf(ret, 2, ref.column("Retention", "Data categories", rb, en))
		ref.values["regime"] = regimes[l]
		refs[l] = ref
	}
	return refs, nil
})

// regimeWords learns the words of each regime on the cover of a workbook
// in l: the value that differs from the cover of a register without one.
func regimeWords(l lang.Lang) (map[string]string, error) {
	cover := func(rg ropa.Regime) ([][]string, error) {
		var buf bytes.Buffer
		reg := &ropa.Register{Schema: "openropa/v1", Organisation: ropa.Party{Name: "o"}, Regime: rg}
		if err := export.WriteXLSX(&buf, reg, export.WithLang(l)); err != nil {
			return nil, fmt.Errorf("writing the reference workbook (%s): %w", l, err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return f.GetRows(f.GetSheetList()[0])
	}
	plain, err := cover("")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, rg := range ropa.Regimes() {
		rows, err := cover(rg)
		if err != nil {
			return nil, err
		}
		for j, row := range rows {
			if w := cellOf(rows, j, 1); w != "" && (j >= len(plain) || cellOf(plain, j, 1) != w) && len(row) > 1 {
				out[w] = string(rg)
			}
		}
	}
	return out, nil
}

type refBook struct {
	names  []string
	sheets map[string][][]string
}

// sheetIn returns the sheet name in the reference's language of an English one.
func (r *reference) sheetIn(english string) string {
	for n, e := range r.sheets {
		if e == english {
			return n
		}
	}
	return ""
}

// column returns the index (from 0) of an English heading in a sheet of
// the reference workbook.
func (r *reference) column(sheet, head string, rb, en *refBook) int {
	rows := en.sheets[sheet]
	if len(rows) == 0 {
		return -1
	}
	for j, h := range rows[0] {
		if heading(h) == head {
			return j
		}
	}
	return -1
}

func cellOf(rows [][]string, row, col int) string {
	if row < len(rows) && col >= 0 && col < len(rows[row]) {
		return rows[row][col]
	}
	return ""
}

// heading returns a column heading without the mark of the Art. 30 minimum.
func heading(h string) string { return strings.TrimSuffix(strings.TrimSpace(h), " *") }

// genericLang recognises the language of a generic workbook by the name
// of its activities sheet.
func genericLang(names []string) (lang.Lang, bool) {
	refs, err := references()
	if err != nil {
		return "", false
	}
	for _, l := range lang.All() {
		if slices.Contains(names, refs[l].sheetIn("Activities")) {
			return l, true
		}
	}
	return "", false
}
