package export

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

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
			fillTexts(v.Field(i), p, out)
		}
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
