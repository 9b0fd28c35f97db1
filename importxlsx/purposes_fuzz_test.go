package importxlsx

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
)

// FuzzGenericPurposes reads generic workbooks with any text in the cells
// of a row of the Purposes sheet: reading never fails or panics, the
// register it makes encodes, and the law and the note typed beside a
// condition are in the register or in a problem, never dropped.
func FuzzGenericPurposes(f *testing.F) {
	reg, _, err := examples.Load("wengage")
	require.NoError(f, err)
	reg.Activities = reg.Activities[:1]
	var base bytes.Buffer
	require.NoError(f, export.WriteXLSX(&base, reg))
	f.Add("Het beantwoorden van vragen", "Gerechtvaardigd belang (art. 6, lid 1, f), AVG)", "Uitdrukkelijke toestemming (art. 9, lid 2, a), AVG)", "Wet X", "alleen personeel; geen derden")
	f.Add("", "", "Uitdrukkelijke toestemming (art. 9, lid 2, a), AVG); Wet Y; noot\nArbeidsrecht", "", "")
	f.Add("Doel", "toestemming", "explicit-consent", "", "a; b; c")
	f.Add("x", ";", "; ;", "\n", "—")
	f.Fuzz(func(t *testing.T, purpose, basis, condition, law, note string) {
		for _, s := range []string{purpose, basis, condition, law, note} {
			if !typeable(s) {
				t.Skip()
			}
		}
		book, err := excelize.OpenReader(bytes.NewReader(base.Bytes()))
		require.NoError(t, err)
		sheet := "Doeleinden en grondslagen"
		rows, err := book.GetRows(sheet)
		require.NoError(t, err)
		for head, v := range map[string]string{"Doeleinde": purpose, "Rechtsgrond": basis,
			"Voorwaarde art. 9, lid 2, of grond art. 10": condition, "Wet van de voorwaarde": law, "Opmerking bij de voorwaarde": note} {
			col := slices.IndexFunc(rows[0], func(h string) bool { return strings.TrimSuffix(h, " *") == head })
			require.GreaterOrEqual(t, col, 0, "no column %q in %q", head, rows[0])
			cell, err := excelize.CoordinatesToCellName(col+1, 2)
			require.NoError(t, err)
			require.NoError(t, book.SetCellStr(sheet, cell, v))
		}
		var buf bytes.Buffer
		require.NoError(t, book.Write(&buf))
		res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		require.NoError(t, err)
		found := kept(t, res)
		for what, v := range map[string]string{"law": law, "note": note} {
			if v = strings.TrimSpace(v); v != "" {
				assert.Contains(t, found, v, "the condition's %s %q is neither in the register nor in a problem", what, v)
			}
		}
	})
}
