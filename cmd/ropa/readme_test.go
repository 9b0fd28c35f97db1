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
