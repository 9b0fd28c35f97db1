package ropa

import (
	"os"
	"path/filepath"
	"testing"
)

func seedDocuments(f *testing.F, ext string) {
	f.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "registers", "*.yaml"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if ext == ".yaml" {
			f.Add(b)
			continue
		}
		r, err := Decode(b, YAML)
		if err != nil {
			f.Fatal(err)
		}
		j, err := Marshal(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(j)
	}
}

// fuzzDecode checks that a document never makes loading, checking or
// encoding panic, and that whatever loads survives a round trip.
func fuzzDecode(t *testing.T, data []byte, format Format) {
	r, err := Decode(data, format)
	if err != nil {
		if _, ok := err.(*LoadError); !ok {
			t.Fatalf("Decode returned %T, not *LoadError: %v", err, err)
		}
		return
	}
	_ = Check(r, NewDate(2024, 1, 1))
	b, err := Marshal(r)
	if err != nil {
		t.Fatalf("Marshal of a loaded register failed: %v", err)
	}
	again, err := Decode(b, JSON)
	if err != nil {
		t.Fatalf("canonical JSON of a loaded register does not load: %v\n%s", err, b)
	}
	b2, err := Marshal(again)
	if err != nil || string(b2) != string(b) {
		t.Fatalf("round trip changed the register:\n%s\n%s", b, b2)
	}
}

func FuzzDecodeYAML(f *testing.F) {
	seedDocuments(f, ".yaml")
	for _, s := range []string{"", "schema: openropa/v1", "- a", "a: &a [*a]", "schema: openropa/v1\norganisation: {name: NO}\n", "{\"schema\": 1}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, YAML) })
}

func FuzzDecodeJSON(f *testing.F) {
	seedDocuments(f, ".json")
	for _, s := range []string{"", "{}", "[", "{\"schema\":\"openropa/v1\",\"organisation\":{\"name\":\"A\",\"name\":1}}", "\ufeff{}", "nul"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, JSON) })
}
