package importxlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
)

// zipOf builds a zip archive of the given entries, in order.
func zipOf(t *testing.T, entries ...[2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e[0])
		require.NoError(t, err)
		_, err = w.Write([]byte(e[1]))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// withEntry returns a real generic workbook with one more entry.
func withEntry(t *testing.T, name, content string) []byte {
	data := writeGeneric(t, synth.Register(2, 1), lang.English)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		require.NoError(t, zw.Copy(f))
	}
	w, err := zw.Create(name)
	require.NoError(t, err)
	_, err = w.Write([]byte(content))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestHostileWorkbooks(t *testing.T) {
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>`
	// A sheet of empty rows, each an element of its own: twice the row
	// limit the test sets (the default limit, Excel's 1,048,576 rows, is the
	// same check with a larger number).
	const rowLimit = 20_000
	var rows strings.Builder
	rows.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i := 1; i <= 2*rowLimit; i++ {
		fmt.Fprintf(&rows, `<row r="%d"/>`, i)
	}
	rows.WriteString(`</sheetData></worksheet>`)
	manyRows := func() []byte {
		f := excelize.NewFile()
		_, err := f.NewSheet("Activities")
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, f.Write(&buf))
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		require.NoError(t, err)
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, e := range zr.File {
			if e.Name == "xl/worksheets/sheet2.xml" {
				w, err := zw.Create(e.Name)
				require.NoError(t, err)
				_, err = w.Write([]byte(rows.String()))
				require.NoError(t, err)
				continue
			}
			require.NoError(t, zw.Copy(e))
		}
		require.NoError(t, zw.Close())
		return out.Bytes()
	}
	bigStrings := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>` + strings.Repeat("A", 3<<20) + `</t></si></sst>`
	tests := []struct {
		name   string
		data   []byte
		limits Limits
		want   error
		says   string
	}{
		{"not a zip", []byte("name,purpose\npayroll,pay\n"), Limits{}, ErrNotWorkbook, "not a zip archive"},
		{"an OLE file", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), Limits{}, ErrNotWorkbook, "encrypted workbook or an old .xls"},
		{"a zip of something else", zipOf(t, [2]string{"readme.txt", "hello"}), Limits{}, ErrNotWorkbook, "no xl/workbook.xml"},
		{"zip bomb", zipOf(t, [2]string{"xl/workbook.xml", "<workbook/>"}, [2]string{"xl/worksheets/sheet1.xml", strings.Repeat(" ", 64<<20)}), Limits{}, ErrLimit, "a ratio over 1000"},
		{"entry over the limit", zipOf(t, [2]string{"xl/workbook.xml", "<workbook/>"}, [2]string{"xl/sharedStrings.xml", bigStrings}), Limits{EntrySize: 1 << 20}, ErrLimit, "xl/sharedStrings.xml declares"},
		{"total over the limit", zipOf(t, [2]string{"xl/workbook.xml", "<workbook/>"}, [2]string{"a.xml", bigStrings}, [2]string{"b.xml", bigStrings}), Limits{TotalSize: 5 << 20}, ErrLimit, "in all"},
		{"too many entries", zipOf(t, [2]string{"xl/workbook.xml", "<workbook/>"}, [2]string{"a", ""}, [2]string{"b", ""}), Limits{Entries: 2}, ErrLimit, "3 entries"},
		{"file over the limit", zipOf(t, [2]string{"xl/workbook.xml", strings.Repeat("x", 2000)}), Limits{FileSize: 100}, ErrLimit, "bytes, more than the 100"},
		{"billion laughs", withEntry(t, "xl/extra.xml", laughs), Limits{}, ErrUnsafe, "declares a document type"},
		{"external link", withEntry(t, "xl/externalLinks/externalLink1.xml", `<externalLink/>`), Limits{}, ErrUnsafe, "external workbook"},
		{"many empty rows", manyRows(), Limits{Rows: rowLimit}, ErrLimit, "more than 20000 rows"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tc.data), int64(len(tc.data)), WithLimits(tc.limits), WithLayout(Generic))
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), tc.says)
		})
	}
}
