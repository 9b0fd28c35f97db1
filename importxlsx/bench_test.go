package importxlsx

import (
	"bytes"
	"io"
	"testing"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
)

// BenchmarkImport reads the generic workbook of 10,000 synthetic activities;
// BenchmarkExport writes it, for comparison.
func BenchmarkImport(b *testing.B) {
	data := writeGeneric(b, synth.Cached(10000), lang.English)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExport(b *testing.B) {
	reg := synth.Cached(10000)
	for b.Loop() {
		if err := export.WriteXLSX(io.Discard, reg, export.WithLang(lang.English)); err != nil {
			b.Fatal(err)
		}
	}
}
