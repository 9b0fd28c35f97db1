package ropa

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const minimalYAML = `schema: openropa/v1
organisation:
  name: Example NV
`

func TestDecodeYAMLKeepsWhatWasWritten(t *testing.T) {
	r, _, err := Decode([]byte(`schema: openropa/v1
updated: 2023-10-10
organisation:
  name: yes
  address: {street: Fjordgata 1, postalCode: 01234, city: Oslo, country: NO}
  registration: {scheme: NO, id: 0912.345}
  employees: 250
  publicAuthority: false
`), YAML)
	require.NoError(t, err)
	assert.Equal(t, "yes", r.Organisation.Name, "a YAML 1.1 boolean word stays text")
	assert.Equal(t, "NO", r.Organisation.Address.Country, "Norway is not false")
	assert.Equal(t, "01234", r.Organisation.Address.PostalCode, "a leading zero is kept, not read as octal")
	assert.Equal(t, "0912.345", r.Organisation.Registration.ID, "a number-like id keeps its digits")
	assert.Equal(t, 250, *r.Organisation.Employees)
	assert.False(t, *r.Organisation.PublicAuthority)
	assert.Equal(t, NewDate(2023, 10, 10), r.Updated)
}

func TestDecodeJSON(t *testing.T) {
	r, _, err := Decode([]byte("\ufeff"+`{"schema":"openropa/v1","organisation":{"name":"A \/ B","employees":3}}`), JSON)
	require.NoError(t, err)
	assert.Equal(t, "A / B", r.Organisation.Name)
	assert.Equal(t, 3, *r.Organisation.Employees)
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		doc    string
		want   []string // "line:col: path: message" fragments, in order
	}{
		{"unknown field", YAML, minimalYAML + "  emial: a@b.be\n", []string{`4:3: organisation.emial: unknown field "emial"; did you mean "email"?`}},
		{"unknown field in JSON", JSON, "{\n  \"schema\": \"openropa/v1\",\n  \"organisation\": {\"name\": \"A\", \"emial\": \"x\"}\n}", []string{`3:33: organisation.emial: unknown field "emial"; did you mean "email"?`}},
		{"missing schema", YAML, "organisation:\n  name: A\n", []string{"1:1: schema: schema is missing; add schema: openropa/v1"}},
		{"unsupported schema", YAML, "schema: openropa/v2\norganisation: {name: A}\n", []string{`1:9: schema: unsupported schema "openropa/v2"; this library reads "openropa/v1"`}},
		{"empty schema", YAML, "schema:\norganisation: {name: A}\n", []string{"schema is empty"}},
		{"unknown enum value", YAML, minimalYAML + "measures:\n  - {id: m, kind: technicall, description: d}\n", []string{`5:19: measures[0].kind: unknown value "technicall"; want one of technical, organisational; did you mean "technical"?`}},
		{"wrong kind: list expected", YAML, minimalYAML + "measures: {id: m}\n", []string{"4:11: measures: expected a list, found a mapping"}},
		{"wrong kind: mapping expected", YAML, minimalYAML + "dpo: [a]\n", []string{"4:6: dpo: expected a mapping of fields, found a list"}},
		{"wrong kind: scalar expected", YAML, "schema: openropa/v1\norganisation:\n  name: [A]\n", []string{"3:9: organisation.name: expected a text value, found a list"}},
		{"number for a string in JSON", JSON, `{"schema":"openropa/v1","organisation":{"name":12}}`, []string{`1:48: organisation.name: expected a string, found int 12; put it in quotes`}},
		{"yes for a bool", YAML, minimalYAML + "  publicAuthority: yes\n", []string{`4:20: organisation.publicAuthority: expected true or false, found "yes"`}},
		{"string for a bool in JSON", JSON, `{"schema":"openropa/v1","organisation":{"name":"A","publicAuthority":"true"}}`, []string{`expected true or false, found "true"`}},
		{"hex for an int", YAML, minimalYAML + "  employees: 0x10\n", []string{`expected a whole number, found "0x10"`}},
		{"fraction for an int", JSON, `{"schema":"openropa/v1","organisation":{"name":"A","employees":1.5}}`, []string{`expected a whole number, found "1.5"`}},
		{"bad date", YAML, minimalYAML + "updated: 10/10/2023\n", []string{`4:10: updated: date "10/10/2023": want YYYY-MM-DD`}},
		{"bad period", YAML, minimalYAML + "activities:\n  - retention:\n      - period: 3 years\n", []string{`6:17: activities[0].retention[0].period: period "3 years" must start with P`}},
		{"bad disposal", YAML, minimalYAML + "activities:\n  - retention:\n      - then: burn\n", []string{`activities[0].retention[0].then: unknown value "burn"`}},
		{"duplicate key", YAML, "schema: openropa/v1\norganisation:\n  name: A\n  name: B\n", []string{`4:3: organisation.name: field "name" is given twice (first at line 3); keep one`}},
		{"duplicate key in JSON", JSON, `{"schema":"openropa/v1","organisation":{"name":"A","name":"B"}}`, []string{`field "name" is given twice`}},
		{"several problems at once", YAML, "schema: openropa/v1\norganisation:\n  nam: A\n  email: [x]\nfoo: 1\n", []string{`3:3: organisation.nam: unknown field "nam"`, "4:10: organisation.email: expected a text value", `5:1: foo: unknown field "foo"`}},
		{"top level not a mapping", YAML, "- a\n- b\n", []string{"1:1: expected a mapping of the fields of a register, found a list"}},
		{"YAML syntax", YAML, "schema: openropa/v1\norganisation:\n  name: A\n   bad: indent\n", []string{"4:7: mapping values are not allowed in this context"}},
		{"JSON syntax", JSON, "{\n  \"schema\": \"openropa/v1\",\n  \"organisation\": {\"name\": \"A\",}\n}", []string{"3:32: invalid character '}' looking for beginning of object key string"}},
		{"JSON unclosed", JSON, `{"schema":"openropa/v1"`, []string{"unexpected end of the document"}},
		{"JSON trailing data", JSON, `{"schema":"openropa/v1","organisation":{"name":"A"}} {}`, []string{"1:54: unexpected data after the end of the document"}},
		{"null list item", YAML, minimalYAML + "activities:\n  - ~\n", []string{"5:5: activities[0]: empty list item; give it a value or remove it"}},
		{"null list item in JSON", JSON, `{"schema":"openropa/v1","organisation":{"name":"A"},"measures":[null]}`, []string{"measures[0]: empty list item"}},
		{"empty YAML", YAML, "", []string{"empty document"}},
		{"empty JSON", JSON, "  \n", []string{"empty document"}},
		{"null document", YAML, "!\n", []string{"1:1: expected a mapping of the fields of a register, found null"}},
		{"null JSON document", JSON, "null", []string{"1:1: expected a mapping of the fields of a register, found null"}},
		{"scalar document", YAML, "openropa/v1\n", []string{"1:1: expected a mapping of the fields of a register, found a single value"}},
		{"two YAML documents", YAML, minimalYAML + "---\nschema: openropa/v1\n", []string{"4:1: a register file holds one YAML document"}},
		{"merge key", YAML, "schema: openropa/v1\nbase: &b {name: A}\norganisation:\n  <<: *b\n", []string{"merge keys (<<) are not supported"}},
		{"custom tag", YAML, "schema: openropa/v1\norganisation:\n  name: !secret A\n", []string{"YAML tag !secret is not supported"}},
		{"invalid UTF-8", YAML, "schema: openropa/v1\norganisation:\n  name: \xff\n", []string{"3:9: the document is not valid UTF-8"}},
		{"deep nesting", JSON, strings.Repeat("[", 100) + strings.Repeat("]", 100), []string{"nests deeper than 64 levels"}},
		{"non-string JSON key", JSON, `{"schema":"openropa/v1","organisation":{"name":"A"},1:2}`, []string{"invalid character '1'"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _, err := Decode([]byte(tt.doc), tt.format)
			require.Error(t, err)
			assert.Nil(t, r)
			var le *LoadError
			require.ErrorAs(t, err, &le)
			msg := err.Error()
			last := -1
			for _, want := range tt.want {
				i := strings.Index(msg, want)
				require.GreaterOrEqual(t, i, 0, "want %q in\n%s", want, msg)
				assert.Greater(t, i, last, "problems come in document order")
				last = i
			}
		})
	}
}

func TestYAMLAliasesExpand(t *testing.T) {
	r, src, err := Decode([]byte(`schema: openropa/v1
organisation: {name: A}
measures:
  - {id: m, kind: technical, description: d}
activities:
  - id: a
    name: A
    measures: &ms [m]
  - id: b
    name: B
    measures: *ms
`), YAML)
	require.NoError(t, err)
	assert.Equal(t, []string{"m"}, r.Activities[1].Measures)
	loc, ok := src.Locate(r, PathOf("activities", 1, "measures"))
	require.True(t, ok)
	assert.Equal(t, 11, loc.Line, "an alias stands where it is used")
}

func TestAliasBomb(t *testing.T) {
	doc := "schema: openropa/v1\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 0; i < 8; i++ {
		name := string(rune('b' + i))
		doc += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	_, _, err := Decode([]byte(doc), YAML)
	assert.ErrorContains(t, err, "aliases expand the document to more than 20 times its size")
}

func TestDecodeUnknownFormat(t *testing.T) {
	_, _, err := Decode([]byte(minimalYAML), "toml")
	assert.ErrorContains(t, err, `unknown format "toml"`)
}

func TestFormatOfAndLoad(t *testing.T) {
	for name, want := range map[string]Format{"a.json": JSON, "a.YAML": YAML, "dir/a.yml": YAML} {
		f, err := FormatOf(name)
		require.NoError(t, err)
		assert.Equal(t, want, f)
	}
	_, err := FormatOf("a.txt")
	assert.ErrorContains(t, err, "cannot tell the format")

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("schema: openropa/v1\norganisation:\n  nme: A\n"), 0o600))
	_, _, err = Load(bad)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), bad+":3:3: organisation.nme: unknown field"), err.Error())

	_, _, err = Load(filepath.Join(dir, "missing.yaml"))
	assert.ErrorContains(t, err, "no such file")
	_, _, err = Load(filepath.Join(dir, "x.txt"))
	assert.ErrorContains(t, err, "cannot tell the format")

	r, _, err := Read(strings.NewReader(minimalYAML), YAML)
	require.NoError(t, err)
	assert.Equal(t, "Example NV", r.Organisation.Name)
}

func TestPositions(t *testing.T) {
	r, src, err := Decode([]byte(minimalYAML+"activities:\n  - id: a\n    name: A\n"), YAML)
	require.NoError(t, err)
	for path, want := range map[string]Located{
		"organisation.name":       {Position{3, 9}, Position{}, true},
		"activities[0]":           {Position{5, 5}, Position{}, true},
		"activities[0].name":      {Position{6, 11}, Position{}, true},
		"activities[0].purposes":  {Position{5, 5}, Position{}, false}, // missing: the nearest enclosing element
		"activities[0].x[3].y[1]": {Position{5, 5}, Position{}, false},
		"activities[1]":           {Position{4, 1}, Position{}, false}, // past the end: the list's key
		"organisation[0]":         {Position{3, 3}, Position{}, false}, // an index into a mapping: the mapping
		"activities.id":           {Position{4, 1}, Position{}, false}, // a name inside a list: the list's key
		"":                        {Position{1, 1}, Position{}, true},
	} {
		p, err := ParsePath(path)
		require.NoError(t, err, path)
		got, ok := src.Locate(r, p)
		assert.True(t, ok, path)
		assert.Equal(t, want, got, path)
	}
	var none *Source
	_, ok := none.Locate(&Register{}, PathOf("organisation"))
	assert.False(t, ok, "a register built in code has no source")
	assert.Equal(t, "3", Position{Line: 3}.String())
}

func TestParsePath(t *testing.T) {
	for _, tt := range []struct {
		in, err string
		want    Path
	}{
		{"", "", Root},
		{"activities", "", PathOf("activities")},
		{"activities[2].purposes[0]", "", PathOf("activities", 2, "purposes", 0)},
		{"a[1][2].b", "", PathOf("a", 1, 2, "b")},
		{"activities[x]", "not a list index", Path{}},
		{"activities[+0]", "not a list index", Path{}},
		{"activities[-1]", "not a list index", Path{}},
		{"activities[0", "not closed", Path{}},
		{"activities.", "must follow a dot", Path{}},
		{"activities[0]x", "a dot must separate", Path{}},
		{".a", "empty field name", Path{}},
		{"a..b", "must follow a dot", Path{}},
	} {
		got, err := ParsePath(tt.in)
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.True(t, tt.want.Equal(got), "%s: %v", tt.in, got)
		assert.Equal(t, tt.in, got.String(), "a written path renders as written")
	}
}

func TestActivityOf(t *testing.T) {
	r := &Register{Activities: []Activity{{ID: "a"}}, Processing: []ProcessorRecord{{ID: "p"}}}
	for _, tt := range []struct {
		path Path
		want string
	}{
		{PathOf("activities", 0, "purposes", 1), "a"},
		{PathOf("processing", 0), "p"},
		{PathOf("activities", 1), ""},
		{PathOf("activities"), ""},
		{PathOf("organisation", "name"), ""},
		{PathOf("waivers", 0), ""},
	} {
		assert.Equal(t, tt.want, activityOf(r, tt.path), tt.path.String())
	}
}

// TestEmptyEnumerationValue: "" is the zero value of an enumeration, "not
// given". It loads, so that the canonical JSON of a register with an
// enumeration left empty reads back, and the check reports it as missing.
func TestEmptyEnumerationValue(t *testing.T) {
	doc := `{"schema":"openropa/v1","organisation":{"name":"A"},"activities":[{"id":"a","name":"A","dpia":{"status":""}}]}`
	r, _, err := Decode([]byte(doc), JSON)
	require.NoError(t, err)
	assert.Equal(t, DPIAStatus(""), r.Activities[0].DPIA.Status)
	b, err := Marshal(r)
	require.NoError(t, err)
	_, _, err = Decode(b, JSON)
	require.NoError(t, err, "the canonical JSON reads back")
	var found bool
	for _, f := range Validate(r) {
		found = found || f.Rule == "required" && f.Path.String() == "activities[0].dpia.status"
	}
	assert.True(t, found, "the check reports the status as missing")
}
