package main

import (
	"os"
	"strings"
	"testing"

	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEListsEveryRule keeps the README's rule table in step with the catalogue.
func TestREADMEListsEveryRule(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(b)
	for _, r := range ropa.Rules() {
		row := "| `" + r.ID + "` | " + string(r.Severity) + " | " + r.Article + " | " + r.Doc + " |"
		assert.True(t, strings.Contains(readme, row), "README lacks the row\n%s", row)
	}
}

// TestREADMERegisterLoads holds the README's register format to the reader:
// the YAML it shows loads, and its check finds no structural error.
func TestREADMERegisterLoads(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := string(b)
	start := strings.Index(readme, "```yaml\n# yaml-language-server")
	require.GreaterOrEqual(t, start, 0)
	doc := readme[start+len("```yaml\n"):]
	doc = doc[:strings.Index(doc, "```")]
	reg, _, err := ropa.Decode([]byte(doc), ropa.YAML)
	require.NoError(t, err)
	for _, f := range ropa.Validate(reg) {
		t.Errorf("the README's register has a structural finding: %v", f)
	}
}
