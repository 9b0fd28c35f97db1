package importxlsx

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
)

// The token-stream reader reads every sheet as excelize's row iterator
// does: our generic workbooks in every language, the ICO template as a
// person fills it (numbers, dates, merged cells), and a workbook with
// numbers, booleans, dates, escapes, rich text and gaps between rows and
// cells.
func TestSheetReaderAgreesWithExcelize(t *testing.T) {
	books := map[string][]byte{"ico": icoWorkbook(t), "mixed": mixedWorkbook(t)}
	reg, _, err := examples.Load(examples.Names()[0])
	require.NoError(t, err)
	for _, l := range lang.All() {
		books["full-"+string(l)] = writeGeneric(t, synth.Full(3, 1), l)
		books["example-"+string(l)] = writeGeneric(t, reg, l)
	}
	for name, data := range books {
		t.Run(name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			require.NoError(t, err)
			defer f.Close()
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			require.NoError(t, err)
			p, err := openParts(zr, DefaultLimits)
			require.NoError(t, err)
			fast := &workbook{f: f, lim: DefaultLimits, parts: p}
			slow := &workbook{f: f, lim: DefaultLimits}
			for _, sh := range f.GetSheetList() {
				want, err := slow.sheet(sh)
				require.NoError(t, err)
				got, err := fast.sheet(sh)
				require.NoError(t, err)
				require.Equal(t, len(want.rows), len(got.rows), "rows of %s", sh)
				for r := 1; r <= len(want.rows); r++ {
					for c := 1; c <= max(len(want.rows[r-1]), len(got.rows[r-1])); c++ {
						assert.Equal(t, want.cell(r, c), got.cell(r, c), "%s!%s", sh, ref(r, c))
					}
				}
				assert.Equal(t, slow.read, fast.read, "non-empty cells counted alike")
			}
		})
	}
}

func mixedWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	require.NoError(t, f.SetCellValue(s, "A1", 42))
	require.NoError(t, f.SetCellValue(s, "B1", 3.25))
	require.NoError(t, f.SetCellValue(s, "C1", true))
	require.NoError(t, f.SetCellStr(s, "D1", "line\r\nbreak _x000D_ and \x01 control"))
	require.NoError(t, f.SetCellRichText(s, "E1", []excelize.RichTextRun{{Text: "rich "}, {Text: "text", Font: &excelize.Font{Bold: true}}}))
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue(s, "A4", 46000))
	require.NoError(t, f.SetCellStyle(s, "A4", "A4", date))
	require.NoError(t, f.SetCellStr(s, "F4", "  spaced  "))
	require.NoError(t, f.SetCellFormula(s, "G4", "A1*2"))
	require.NoError(t, f.SetCellStr(s, "C9", "after a gap"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}
