package export

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/ropa"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(SchemaID, doc))
	s, err := c.Compile(SchemaID)
	require.NoError(t, err)
	return s
}

func instance(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return v
}

// TestSchemaValidatesEveryExample checks the canonical JSON of every example
// register against the schema with a validator this project did not write.
func TestSchemaValidatesEveryExample(t *testing.T) {
	s := compileSchema(t)
	for _, name := range examples.Names() {
		reg, _, err := examples.Load(name)
		require.NoError(t, err)
		b, err := ropa.Marshal(reg)
		require.NoError(t, err)
		assert.NoError(t, s.Validate(instance(t, b)), name)
	}
}

func TestSchemaRefusesWhatTheLoaderRefuses(t *testing.T) {
	s := compileSchema(t)
	for name, doc := range map[string]string{
		"unknown field":   `{"schema":"openropa/v1","organisation":{"name":"A","emial":"x"}}`,
		"wrong schema":    `{"schema":"openropa/v2","organisation":{"name":"A"}}`,
		"no organisation": `{"schema":"openropa/v1"}`,
		"unknown enum":    `{"schema":"openropa/v1","organisation":{"name":"A"},"measures":[{"id":"m","kind":"physical","description":"d"}]}`,
		"bad period":      `{"schema":"openropa/v1","organisation":{"name":"A"},"activities":[{"id":"a","name":"A","purposes":[{"description":"p"}],"dataSubjects":[{"id":"s","description":"s"}],"dataCategories":[{"id":"c","description":"c"}],"retention":[{"period":"3 years"}]}]}`,
		"empty purposes":  `{"schema":"openropa/v1","organisation":{"name":"A"},"activities":[{"id":"a","name":"A","purposes":[],"dataSubjects":[{"id":"s","description":"s"}],"dataCategories":[{"id":"c","description":"c"}]}]}`,
		"bad date":        `{"schema":"openropa/v1","updated":"10/10/2023","organisation":{"name":"A"}}`,
	} {
		assert.Error(t, s.Validate(instance(t, []byte(doc))), name)
	}
	assert.NoError(t, s.Validate(instance(t, []byte(`{"schema":"openropa/v1","organisation":{"name":"A"}}`))))
}

func TestSchemaPeriodPattern(t *testing.T) {
	re := regexp.MustCompile(periodPattern)
	for _, ok := range []string{"P3Y", "P1Y27D", "PT30M", "P1M", "P2W", "P1Y2M3W4DT5H6M", "PT1H"} {
		assert.True(t, re.MatchString(ok), ok)
	}
	for _, bad := range []string{"P", "PT", "P1H", "PT1D", "P1D1Y", "3 years", "P1.5Y", "P0Y12M", "P01Y"} {
		assert.False(t, re.MatchString(bad), bad)
	}
}

func TestSchemaIsStable(t *testing.T) {
	assert.Equal(t, Schema(), Schema())
	var doc map[string]any
	require.NoError(t, json.Unmarshal(Schema(), &doc))
	defs := doc["$defs"].(map[string]any)
	for _, name := range []string{"Party", "Activity", "Purpose", "Transfer", "RetentionRule", "ProcessorRecord", "Waiver"} {
		assert.Contains(t, defs, name)
	}
	rr := defs["RetentionRule"].(map[string]any)["properties"].(map[string]any)
	for _, f := range []string{"data", "period", "from", "until", "law", "extension", "criteria", "text"} {
		assert.Contains(t, rr, f, "the embedded retention term is inlined")
	}
	assert.True(t, strings.HasSuffix(string(Schema()), "}\n"))
}

// TestSchemaDescribesEveryProperty walks the schema: every property of
// every object has a description in words, not only an article.
func TestSchemaDescribesEveryProperty(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(Schema(), &doc))
	var walk func(where string, s map[string]any)
	count := 0
	walk = func(where string, s map[string]any) {
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			prop := p.(map[string]any)
			d, _ := prop["description"].(string)
			assert.GreaterOrEqual(t, len(strings.Fields(d)), 3, "%s.%s has no description in words: %q", where, name, d)
			count++
		}
	}
	walk("register", doc)
	for name, def := range doc["$defs"].(map[string]any) {
		walk(name, def.(map[string]any))
	}
	assert.Greater(t, count, 150)
}

func TestSchemaMarksEndedMechanismsDeprecated(t *testing.T) {
	b := string(Schema())
	for _, m := range []string{"privacy-shield", "safe-harbor", "scc-2010"} {
		i := strings.Index(b, `"const": "`+m+`"`)
		require.GreaterOrEqual(t, i, 0, m)
		assert.Contains(t, b[i:i+600], `"deprecated": true`, m)
	}
	s := compileSchema(t)
	doc := `{"schema":"openropa/v1","organisation":{"name":"A"},"activities":[{"id":"a","name":"A","purposes":[{"description":"p"}],"dataSubjects":[{"id":"s","description":"s"}],"dataCategories":[{"id":"c","description":"c"}],"transfers":[{"country":"US","mechanism":"MECH"}]}]}`
	assert.NoError(t, s.Validate(instance(t, []byte(strings.ReplaceAll(doc, "MECH", "privacy-shield")))), "a deprecated value is still a value")
	assert.NoError(t, s.Validate(instance(t, []byte(strings.ReplaceAll(doc, "MECH", "scc")))))
	assert.Error(t, s.Validate(instance(t, []byte(strings.ReplaceAll(doc, "MECH", "shield")))))
	assert.NoError(t, s.Validate(instance(t, []byte(`{"$schema":"https://openropa.org/schema/openropa-v1.json","schema":"openropa/v1","organisation":{"name":"A"}}`))), "$schema for editors")
}
