package export

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

var updatePlacement = flag.Bool("update-placement", false, "rewrite testdata/placement/*.txt")

// placementField is a text field of the model: its JSON path and the
// distinctive value the test gives it.
type placementField struct{ path, value string }

// fillTexts gives every text field under v a value of its own
// ("F:activities.reference"), one element in every list, and returns the
// fields in the order of the model. Enumerations (kinds with Valid) and
// non-text fields are left to the golden workbooks.
func fillTexts(v reflect.Value, path string, out *[]placementField) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.Type().Elem().Kind() != reflect.Struct {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fillTexts(v.Elem(), path, out)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillTexts(v.Index(0), path, out)
	case reflect.String:
		if _, enum := v.Addr().Interface().(interface{ Valid() bool }); enum {
			return
		}
		if _, enum := v.Interface().(interface{ Valid() bool }); enum {
			return
		}
		val := "F:" + path
		v.SetString(val)
		*out = append(*out, placementField{path, val})
	case reflect.Struct:
		eachField(v, path, func(f reflect.Value, p string) { fillTexts(f, p, out) })
	}
}

// eachField calls fn with each field of the format in a struct and its JSON
// path: exported fields with a JSON name, and those of embedded structs.
func eachField(v reflect.Value, path string, fn func(reflect.Value, string)) {
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		p := path
		if !f.Anonymous {
			if name == "" || name == "-" {
				continue
			}
			p = strings.TrimPrefix(path+"."+name, ".")
		}
		fn(v.Field(i), p)
	}
}

// TestFieldPlacement writes a register whose every text field holds a
// value of its own in each layout and language, finds each value in the
// workbook's cells, and compares the table of where each field is written
// with testdata/placement/<layout>.txt (-update writes it).
func TestFieldPlacement(t *testing.T) {
	reg := &ropa.Register{}
	var fields []placementField
	fillTexts(reflect.ValueOf(reg).Elem(), "", &fields)
	require.NotEmpty(t, fields)
	for _, layout := range Layouts() {
		var table strings.Builder
		for _, l := range layout.Langs() {
			var buf bytes.Buffer
			require.NoError(t, WriteXLSX(&buf, reg, WithLayout(layout), WithLang(l)))
			found := placements(t, buf.Bytes())
			fmt.Fprintf(&table, "## %s %s\n", layout, l)
			for _, f := range fields {
				where := found(f.value)
				if knownGaps[string(layout)+" "+f.path] {
					where = []string{"GAP: not yet written"}
				}
				assert.NotEmpty(t, where, "%s in %s: field %s is written nowhere", layout, l, f.path)
				fmt.Fprintf(&table, "%-50s %s\n", f.path, strings.Join(where, ", "))
			}
		}
		golden := filepath.Join("testdata", "placement", string(layout)+".txt")
		if *updatePlacement {
			require.NoError(t, os.WriteFile(golden, []byte(table.String()), 0o644))
			continue
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err)
		assert.Equal(t, string(want), table.String(), "placement table of %s (go test -update to rewrite)", layout)
	}
}

// placements reads every cell of a workbook and returns a function that
// says in which sheet and column (by its heading, or the label in column A
// of a form) a value is written.
func placements(t *testing.T, data []byte) func(string) []string {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	type cell struct{ where, value string }
	var cells []cell
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		require.NoError(t, err)
		head := 0
		for i, r := range rows {
			if len(r) > 0 && strings.TrimSpace(strings.Join(r, "")) != "" && i < 12 {
				if len(r) > 3 && head == 0 {
					head = i
				}
			}
		}
		for i, r := range rows {
			for j, v := range r {
				if !strings.Contains(v, "F:") {
					continue
				}
				heading := ""
				if head < len(rows) && j < len(rows[head]) && head != i {
					heading = rows[head][j]
				}
				if j > 0 && (heading == "" || len(r) > 0 && r[0] != "" && !strings.Contains(r[0], "F:")) && len(rows[head]) <= 3 {
					heading = r[0]
				}
				col, _ := excelize.ColumnNumberToName(j + 1)
				cells = append(cells, cell{fmt.Sprintf("%s!%s %q", sheet, col, strings.TrimSuffix(heading, " *")), v})
			}
		}
	}
	return func(value string) []string {
		seen := map[string]bool{}
		var out []string
		for _, c := range cells {
			if containsValue(c.value, value) && !seen[c.where] {
				seen[c.where] = true
				out = append(out, c.where)
			}
		}
		sort.Strings(out)
		return out
	}
}

// containsValue reports whether s holds value as a whole: not as the start
// of a longer path ("F:notes" in "F:notes.more").
func containsValue(s, value string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], value)
		if k < 0 {
			return false
		}
		end := i + k + len(value)
		if end == len(s) || !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.$", rune(s[end])) {
			return true
		}
		i = end
	}
}

// knownGaps are the fields a layout does not write yet, by layout and
// path: each is a defect to fix, listed so that no other field can go
// missing unnoticed.
var knownGaps = map[string]bool{}

// valueField is a field of the model that holds no text of its own: an
// enumeration, a boolean, a number, a date or a period, found in the
// workbook by the words of the layout's language.
type valueField struct {
	path string
	v    reflect.Value // the field, in the register
	val  reflect.Value // the value the test gives it
	with []valueField  // the fields set with it, without which it says nothing
}

// retentionContext names, for a field of a retention term that qualifies
// others, the fields of the same term set with it: "at least" qualifies a
// period, the end of the year an event.
var retentionContext = map[string][]string{
	"activities.retention.from":        {"activities.retention.period"},
	"activities.retention.atLeast":     {"activities.retention.period"},
	"activities.retention.fromYearEnd": {"activities.retention.period", "activities.retention.from"},
	"activities.retention.then":        {"activities.retention.period"},
}

// withContext attaches to each field the fields of retentionContext.
func withContext(fields []valueField) {
	byPath := map[string]valueField{}
	for _, f := range fields {
		byPath[f.path] = f
	}
	for i, f := range fields {
		for _, p := range retentionContext[f.path] {
			fields[i].with = append(fields[i].with, byPath[p])
		}
	}
}

// set gives the field and its context their values, and returns what
// puts them back.
func (f valueField) set() (undo func()) {
	var undos []func()
	for _, g := range append([]valueField{f}, f.with...) {
		old := reflect.New(g.v.Type()).Elem()
		old.Set(g.v)
		g.v.Set(g.val)
		undos = append(undos, func() { g.v.Set(old) })
	}
	return func() {
		for _, u := range undos {
			u()
		}
	}
}

var eventType = reflect.TypeFor[retention.Event]()

// placementDate and placementPeriod are the values of the dates and periods:
// distinct from every number the workbooks write of their own.
var (
	placementDate   = ropa.NewDate(2031, 7, 23)
	placementPeriod = retention.Period{Years: 13}
)

// collectValues lists the fields under v that fillTexts leaves alone, in
// the order of the model, each with the value the test gives it: the last
// value of an enumeration, true, 37, placementDate or placementPeriod.
func collectValues(v reflect.Value, path string, out *[]valueField) {
	t := v.Type()
	switch {
	case t == dateType:
		*out = append(*out, valueField{path: path, v: v, val: reflect.ValueOf(placementDate)})
		return
	case t == periodType:
		*out = append(*out, valueField{path: path, v: v, val: reflect.ValueOf(placementPeriod)})
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		switch e := t.Elem(); {
		case e.Kind() == reflect.Struct && !v.IsNil():
			collectValues(v.Elem(), path, out)
		case e.Kind() == reflect.Bool:
			b := true
			*out = append(*out, valueField{path: path, v: v, val: reflect.ValueOf(&b)})
		case e.Kind() == reflect.Int:
			n := 37
			*out = append(*out, valueField{path: path, v: v, val: reflect.ValueOf(&n)})
		}
	case reflect.Slice:
		if v.Len() > 0 {
			collectValues(v.Index(0), path, out)
		}
	case reflect.Bool:
		*out = append(*out, valueField{path: path, v: v, val: reflect.ValueOf(true)})
	case reflect.Int:
		*out = append(*out, valueField{path: path, v: v, val: reflect.ValueOf(37)})
	case reflect.String:
		values := ropa.EnumValuesOf(v.Interface())
		if t == eventType {
			for _, e := range retention.Events() {
				values = append(values, string(e))
			}
		}
		if _, enum := v.Interface().(interface{ Valid() bool }); !enum || len(values) == 0 {
			return // a text (fillTexts gave it one), or an enumeration of no listed values
		}
		*out = append(*out, valueField{path: path, v: v, val: reflect.ValueOf(values[len(values)-1]).Convert(t)})
	case reflect.Struct:
		eachField(v, path, func(f reflect.Value, p string) { collectValues(f, p, out) })
	}
}

// renderings are the forms in which a workbook in language l may show the
// value: the enumeration's label or its word in the workbook's tables,
// yes, the number, the date as written or as the language writes it, the
// period in words or in ISO 8601.
func renderings(f valueField, l Lang) []string {
	if term, ok := contextTerm(f); ok {
		return []string{added(term.Words(l), contextTerm0(f).Words(l))}
	}
	val := f.val
	if b, ok := val.Interface().(bool); ok && b || val.Kind() == reflect.Pointer && val.Elem().Kind() == reflect.Bool {
		out := []string{yesNo(true, l)}
		if _, ok := words["col."+lastSegment(f.path)]; ok {
			out = append(out, t("col."+lastSegment(f.path), l)) // a flag written as its heading, "Criminal-offence data (Art. 10)"
		}
		return out
	}
	switch x := val.Interface().(type) {
	case retention.Event:
		return []string{x.After(l), x.Until(l), string(x)} // an event's phrases, or its id where the id is what is written
	case ropa.Date:
		return []string{x.String(), dateText(x, l)}
	case retention.Period:
		return []string{x.String(), x.Words(l)}
	case int:
		return []string{strconv.Itoa(x)}
	case *int:
		return []string{strconv.Itoa(*x)}
	}
	s := val.String()
	var out []string
	if lb, ok := val.Interface().(interface{ Label(Lang) string }); ok {
		out = append(out, lb.Label(l))
	}
	if a, ok := val.Interface().(interface{ Article() string }); ok {
		out = append(out, lang.Cite(a.Article(), l)) // a ground written as its provision
	}
	for key := range words {
		if strings.HasSuffix(key, "."+s) {
			out = append(out, t(key, l))
		}
	}
	if len(out) == 0 {
		out = append(out, s) // an enumeration with no words: written as the format spells it
	}
	return out
}

// contextTerm returns, for a field of retentionContext, the term of its
// context with the field set, and contextTerm0 the term without it: the
// words the field adds are what the workbook must show.
func contextTerm(f valueField) (retention.Term, bool) {
	if len(f.with) == 0 {
		return retention.Term{}, false
	}
	term := contextTerm0(f)
	setTermField(&term, f)
	return term, true
}

func contextTerm0(f valueField) retention.Term {
	var term retention.Term
	for _, g := range f.with {
		setTermField(&term, g)
	}
	return term
}

// setTermField sets the field of a term that a value field of the model
// names by its last segment.
func setTermField(term *retention.Term, f valueField) {
	v := reflect.ValueOf(term).Elem()
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		if name == lastSegment(f.path) {
			v.Field(i).Set(f.val)
		}
	}
}

func lastSegment(path string) string { return path[strings.LastIndex(path, ".")+1:] }

// added returns the words of s that base does not have, in their order,
// without the punctuation that joins them to others.
func added(s, base string) string {
	word := func(w string) string { return strings.Trim(w, ",;:()") }
	count := map[string]int{}
	for _, w := range strings.Fields(base) {
		count[word(w)]++
	}
	var out []string
	for _, w := range strings.Fields(s) {
		w = word(w)
		if count[w] > 0 {
			count[w]--
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// cellValues reads every cell of a workbook, by sheet and cell.
func cellValues(t *testing.T, data []byte) map[string]string {
	cells := map[string]string{}
	for _, sheet := range dump(t, data) {
		for ref, v := range sheet.Cells {
			cells[sheet.Name+"!"+ref] = v
		}
	}
	return cells
}

// TestValuePlacement gives each enumeration, boolean, number, date and
// period of the model a value in turn, on a register whose text fields are
// filled, and requires each layout in each of its languages to write that
// value in the language's words in a cell that changed.
func TestValuePlacement(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a workbook per field, layout and language")
	}
	reg := &ropa.Register{}
	var texts []placementField
	fillTexts(reflect.ValueOf(reg).Elem(), "", &texts)
	var fields []valueField
	collectValues(reflect.ValueOf(reg).Elem(), "", &fields)
	require.NotEmpty(t, fields)
	withContext(fields)
	for _, layout := range Layouts() {
		for _, l := range layout.Langs() {
			var buf bytes.Buffer
			require.NoError(t, WriteXLSX(&buf, reg, WithLayout(layout), WithLang(l)))
			base := cellValues(t, buf.Bytes())
			for _, f := range fields {
				gap := knownValueGaps[string(layout)+" "+f.path]
				undo := f.set()
				buf.Reset()
				err := WriteXLSX(&buf, reg, WithLayout(layout), WithLang(l))
				undo()
				require.NoError(t, err, "%s in %s: field %s", layout, l, f.path)
				want := renderings(f, l)
				changed, ok := writtenAnew(base, cellValues(t, buf.Bytes()), want)
				if valueByRow[string(layout)+" "+f.path] {
					ok = len(changed) > 0 && rowMarked(base, changed)
				}
				if gap {
					assert.False(t, ok, "%s in %s: field %s is written now; remove it from knownValueGaps", layout, l, f.path)
					continue
				}
				assert.True(t, ok, "%s in %s: field %s = %v is written nowhere as %q; the cells that changed: %q",
					layout, l, f.path, f.val, want, changed)
			}
		}
	}
}

// writtenAnew reports whether a cell that differs from the base holds one
// of the renderings (in any case: a layout may capitalise a label), and
// returns the cells that differ.
func writtenAnew(base, cells map[string]string, want []string) ([]string, bool) {
	var changed []string
	found := false
	for at, v := range cells {
		if base[at] == v {
			continue
		}
		changed = append(changed, at+"="+v)
		for _, w := range want {
			if w != "" && strings.Contains(strings.ToLower(v), strings.ToLower(w)) {
				found = true
			}
		}
	}
	sort.Strings(changed)
	return changed, found
}

// rowMarked reports whether every changed cell is in a row of a form that
// a label in column A names (the form's own words for the value).
func rowMarked(base map[string]string, changed []string) bool {
	for _, c := range changed {
		at, _, _ := strings.Cut(c, "=")
		sheet, cell, _ := strings.Cut(at, "!")
		col, row, err := excelize.SplitCellName(cell)
		if err != nil || col == "A" || base[sheet+"!A"+strconv.Itoa(row)] == "" {
			return false
		}
	}
	return true
}

// valueByRow are the value fields a layout writes by the row it puts a
// value in: the CNIL form has a row for each special category, labelled in
// its own words, in which the data category is written.
var valueByRow = map[string]bool{
	"cnil activities.dataCategories.special":  true,
	"cnil activities.dataCategories.criminal": true,
}

// knownValueGaps are the value fields a layout does not write yet, or not
// in its language, by layout and path, as knownGaps are for texts: each is
// a defect of package export to fix.
var knownValueGaps = map[string]bool{}

func TestValuePlacementHelpers(t *testing.T) {
	base := map[string]string{"S!A1": "Health data", "S!B1": "", "S!B2": "x"}
	tests := []struct {
		cells map[string]string
		want  []string
		found bool
		byRow bool
	}{
		{map[string]string{"S!A1": "Health data", "S!B1": "Yes", "S!B2": "x"}, []string{"yes"}, true, true},
		{map[string]string{"S!A1": "Health data", "S!B1": "No", "S!B2": "x"}, []string{"yes"}, false, true},
		{map[string]string{"S!A1": "Health data", "S!B2": "x", "S!C9": "yes"}, []string{"yes"}, true, false}, // row 9 has no label
		{base, []string{"x"}, false, false}, // nothing changed: a value already there is no proof
		{map[string]string{"S!A1": "Health data", "S!B2": "x"}, []string{""}, false, false},
	}
	for i, tt := range tests {
		changed, found := writtenAnew(base, tt.cells, tt.want)
		assert.Equal(t, tt.found, found, i)
		assert.Equal(t, tt.byRow, len(changed) > 0 && rowMarked(base, changed), i)
	}
	assert.Equal(t, "at least", added("at least 13 years", "13 years"))
	assert.Equal(t, "then transferred to an archive", added("13 years, then transferred to an archive", "13 years"))
	assert.Equal(t, "gerechnet ab dem 1. Januar", added("13 Jahre, gerechnet ab dem 1. Januar", "13 Jahre"))
}
