package importxlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
)

// FuzzSheetScanner reads arbitrary bytes as the XML of a sheet: the
// scanner returns rows or an error, never panics, and where encoding/xml
// finds the bytes to be well-formed XML the scanner reads them without an
// error too.
func FuzzSheetScanner(f *testing.F) {
	data := writeGeneric(f, synth.Full(1, 1), lang.English)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(f, err)
	for _, e := range zr.File {
		if strings.HasPrefix(e.Name, "xl/worksheets/") {
			rc, err := e.Open()
			require.NoError(f, err)
			b, err := io.ReadAll(rc)
			require.NoError(f, err)
			rc.Close()
			f.Add(b)
		}
	}
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>a&amp;b&#x41;</t><rPh><t>x</t></rPh></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:worksheet><!-- c --><?pi x?><x:row><x:c t="str"><x:v><![CDATA[<a>]]></x:v></x:c></x:row></x:worksheet>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := &parts{sheets: map[string]string{"S": "s.xml"}}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.Create("s.xml")
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		if p.zr, err = zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
			t.Skip()
		}
		// Cells that are not plain text need excelize, which the
		// workbook has not: an error, never a panic.
		wb := &workbook{lim: Limits{Rows: 1000, Columns: 100}.withDefaults()}
		rows := 0
		err = p.rows(wb, "S", func(r int, cells []string) error {
			rows++
			return nil
		})
		if err == nil || !wellFormed(b) {
			return
		}
		// Well-formed XML that is not a sheet (cells out of place,
		// values a plain workbook has no excelize for) may still be
		// refused; what must never be refused is well-formed text.
		if strings.Contains(err.Error(), "entity") || strings.Contains(err.Error(), "character reference") {
			t.Errorf("well-formed XML refused: %v", err)
		}
	})
}

// wellFormed reports whether encoding/xml reads b to its end.
func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.RawToken()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}
