package ropa

import (
	"testing"

	"github.com/openropa/registry/lawfulbasis"

	"github.com/openropa/registry/retention"
)

// seedDocuments adds small documents that use every part of the format.
// (Whole example registers make the fuzzing engine crawl: it mutates and
// compares large inputs slowly.)
func seedDocuments(f *testing.F, format Format) {
	f.Helper()
	r := validRegister()
	r.Activities[0].Retention[0].Extension = &retention.Extension{When: "incident", Until: []retention.Event{retention.IncidentClosed}}
	r.Activities[0].Purposes[0].Conditions = []Condition{{Condition: "explicit-consent", Law: "x"}}
	r.Activities[0].DataCategories[0].Special = []lawfulbasis.SpecialCategory{"health"}
	r.Activities[0].AutomatedDecisions = ptr(false)
	r.Entities = []Party{{Name: "B", PublicAuthority: ptr(true), Contact: &Contact{Name: "P", Role: "privacy officer"}}}
	r.Activities[0].Entities = []string{"B"}
	r.Activities[0].Method = Manual
	r.Activities[0].DPIA = &DPIA{Status: DPIANotDone}
	r.Adopted, r.AdoptedBy, r.Purposes = NewDate(2024, 3, 12), "Council", []string{"Statutory tasks"}
	b, err := Marshal(r)
	if err != nil {
		f.Fatal(err)
	}
	if format == YAML {
		if b, err = MarshalYAML(r); err != nil {
			f.Fatal(err)
		}
	}
	f.Add(b)
}

// fuzzDecode checks that a document never makes loading, checking or
// encoding panic, and that whatever loads survives a round trip.
func fuzzDecode(t *testing.T, data []byte, format Format) {
	r, src, err := Decode(data, format)
	if err != nil {
		if _, ok := err.(*LoadError); !ok {
			t.Fatalf("Decode returned %T, not *LoadError: %v", err, err)
		}
		return
	}
	rep := Check(r, NewDate(2024, 1, 1))
	rep.Locate(r, src)
	for _, f := range rep.Findings {
		if f.Line == 0 {
			t.Fatalf("finding %v of a loaded register has no line", f)
		}
	}
	b, err := Marshal(r)
	if err != nil {
		t.Fatalf("Marshal of a loaded register failed: %v", err)
	}
	again, _, err := Decode(b, JSON)
	if err != nil {
		t.Fatalf("canonical JSON of a loaded register does not load: %v\n%s", err, b)
	}
	b2, err := Marshal(again)
	if err != nil || string(b2) != string(b) {
		t.Fatalf("round trip changed the register:\n%s\n%s", b, b2)
	}
}

func FuzzDecodeYAML(f *testing.F) {
	seedDocuments(f, YAML)
	for _, s := range []string{"", "schema: openropa/v1", "- a", "a: &a [*a]", "schema: openropa/v1\norganisation: {name: NO}\n", "{\"schema\": 1}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, YAML) })
}

func FuzzDecodeJSON(f *testing.F) {
	seedDocuments(f, JSON)
	for _, s := range []string{"", "{}", "[", "{\"schema\":\"openropa/v1\",\"organisation\":{\"name\":\"A\",\"name\":1}}", "\ufeff{}", "nul"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, JSON) })
}
