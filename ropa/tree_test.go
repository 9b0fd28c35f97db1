package ropa

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ParseJSON and ParseYAML parse a document into the loader's tree, for the
// benchmarks of package ropa_test, which may import the synthetic registers.
var (
	ParseJSON = func(data []byte) error { _, err := parseJSON(data); return err }
	ParseYAML = func(data []byte) error { _, err := parseYAML(data); return err }
)

// minified returns the JSON of a register of n activities on one line.
func minified(t *testing.T, n int) []byte {
	t.Helper()
	b, err := Marshal(cleanRegister(n))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, json.Compact(&buf, b))
	return buf.Bytes()
}

// TestJSONPositionsLinear: finding the line and column of every token of a
// document on one line counts each byte once, so four times the activities
// cost four times the work, not sixteen.
func TestJSONPositionsLinear(t *testing.T) {
	counted := map[int]int{}
	for _, n := range []int{50, 200} {
		doc := minified(t, n)
		p := newJSONParser(doc)
		root, err := p.document()
		require.NoError(t, err)
		require.Len(t, root.keys, len(cleanRegister(n).Activities[0:0])+countKeys(t, doc))
		assert.LessOrEqual(t, p.counted, len(doc), "each byte is counted at most once")
		counted[n] = p.counted
	}
	assert.Greater(t, counted[50], 1000)
	assert.LessOrEqual(t, float64(counted[200])/float64(counted[50]), 4.5)
}

// countKeys counts the top-level keys of a JSON document.
func countKeys(t *testing.T, doc []byte) int {
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(doc, &m))
	return len(m)
}

// at renders a node's position.
func at(n *node) string { return fmt.Sprintf("%d:%d", n.line, n.col) }

func TestParseJSONValues(t *testing.T) {
	root, err := parseJSON([]byte("{\"a\": \"x\\\"\\\\\\/\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"é\": [1, -0, 1.50, 2e3, 9223372036854775808, true, false, null],\n \"c\": {}, \"d\": []}"))
	require.NoError(t, err)
	require.Len(t, root.keys, 4)
	assert.Equal(t, []key{{"a", 1, 2}, {"é", 1, 42}, {"c", 2, 2}, {"d", 2, 11}}, root.keys)
	assert.Equal(t, "x\"\\/\n\r\té😀", root.kids[0].value)
	assert.True(t, root.kids[0].quoted)
	var got []string
	for _, k := range root.kids[1].kids {
		got = append(got, k.tag+" "+k.value+" "+at(k))
	}
	assert.Equal(t, []string{"int 1 1:48", "int -0 1:51", "float 1.50 1:55", "float 2e3 1:61", "float 9223372036854775808 1:66",
		"bool true 1:87", "bool false 1:93", "null  1:100"}, got, "numbers keep their text; the position counts characters")
	assert.Equal(t, mappingNode, root.kids[2].kind)
	assert.Equal(t, sequenceNode, root.kids[3].kind)
}

func TestParseJSONErrors(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"{\n  \"a\": \"A\",}", "2:12: invalid character '}' looking for beginning of object key string"},
		{`{"a" 1}`, "1:6: invalid character '1' after object key"},
		{`{"a": 1 "b": 2}`, "1:9: invalid character '\"' after object key:value pair"},
		{`[1 2]`, "1:4: invalid character '2' after array element"},
		{`{1: 2}`, "1:2: invalid character '1' looking for beginning of object key string"},
		{`[tru]`, "1:5: invalid character ']' in literal true (expecting 'e')"},
		{`[nul`, "1:5: unexpected end of the document: a bracket or brace is not closed"},
		{`[01]`, "1:3: invalid character '1' after array element"},
		{`[1.]`, "1:4: invalid character ']' after decimal point in numeric literal"},
		{`[1e+]`, "1:5: invalid character ']' in exponent of numeric literal"},
		{`[-]`, "1:3: invalid character ']' in numeric literal"},
		{`["é\q"]`, "1:5: invalid character 'q' in string escape code"},
		{`["\u12G4"]`, "1:7: invalid character 'G' in \\u hexadecimal character escape"},
		{"[\"a\tb\"]", "1:4: invalid character '\\t' in string literal: write it as \\t"},
		{"[\"a\nb\"]", "1:4: invalid character '\\n' in string literal: write it as \\n"},
		{`["abc`, "1:6: unexpected end of the document in a string: close it with \""},
		{`{"a":`, "1:6: unexpected end of the document: a bracket or brace is not closed"},
		{`{} x`, "1:4: unexpected data after the end of the document"},
		{"[\"\xff\"]", "1:3: the document is not valid UTF-8"},
		{"\xff", "1:1: the document is not valid UTF-8"},
		{"[\n\n  'a']", "3:3: invalid character '\\'' looking for beginning of value"},
		{strings.Repeat("[", 66), "1:66: the document nests deeper than 64 levels"},
		{"   ", "1:1: empty document"},
	} {
		_, err := parseJSON([]byte(tt.doc))
		assert.Equal(t, tt.want, errorText(err)[:min(len(tt.want), len(errorText(err)))], tt.doc)
	}
}

// errorText renders a syntax error as "line:col: message".
func errorText(err error) string {
	se, ok := err.(*syntaxError)
	if !ok {
		return fmt.Sprintf("not a *syntaxError: %v", err)
	}
	return fmt.Sprintf("%d:%d: %s", se.line, se.col, se.msg)
}
