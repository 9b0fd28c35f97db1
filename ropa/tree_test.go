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

// vnode is a node of a tree as the tests look at it: its texts and its
// children in place.
type vnode struct {
	kind                  nodeKind
	quoted, explicit      bool
	anchorLine, anchorCol int32
	line, col             int
	value, tag            string
	keys                  []key
	kids                  []*vnode
}

// key is a key of a mapping, with where it stands.
type key struct {
	name      string
	line, col int
}

// viewed returns the root of a tree parsed, as a vnode.
func viewed(t *tree, err error) (*vnode, error) {
	if err != nil {
		return nil, err
	}
	return viewOf(t, &t.root), nil
}

func viewOf(t *tree, n *node) *vnode {
	v := &vnode{kind: n.kind, quoted: n.quoted(), explicit: n.explicit(), anchorLine: n.anchorLine, anchorCol: n.anchorCol,
		line: int(n.line), col: int(n.col), tag: n.tag.String()}
	if n.kind == scalarNode {
		v.value = string(t.value(n))
	}
	kids := t.kids(n)
	for i := range kids {
		if n.kind == mappingNode {
			v.keys = append(v.keys, key{string(t.keyOf(&kids[i])), int(kids[i].keyLine), int(kids[i].keyCol)})
		}
		v.kids = append(v.kids, viewOf(t, &kids[i]))
	}
	return v
}

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
		root, err := viewed(p.document())
		require.NoError(t, err)
		require.Len(t, root.keys, countKeys(t, doc))
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
func at(n *vnode) string { return fmt.Sprintf("%d:%d", n.line, n.col) }

func TestParseJSONValues(t *testing.T) {
	root, err := viewed(parseJSON([]byte("{\"a\": \"x\\\"\\\\\\/\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"é\": [1, -0, 1.50, 2e3, 9223372036854775808, true, false, null],\n \"c\": {}, \"d\": []}")))
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

func TestParseYAMLErrorPositions(t *testing.T) {
	seven := "schema: openropa/v1\norganisation:\n  name: A\n  email: a@b.be\nactivities:\n  - id: a\n    name: A\n"
	seventeen := seven + strings.Repeat("    purposes: []\n", 10)
	for _, tt := range []struct{ name, doc, want string }{
		{"control character on line 8", seven + "    note: ab\x07c\n", "8:13: the character U+0007 (a control character) is not allowed"},
		{"unknown anchor on line 18", seventeen + "    measures: *ms\n", "18:15: the alias *ms refers to no anchor &ms before it"},
		{"tab indentation", "a:\n\tb: 1\n", "2:1: found character that cannot start any token"},
		{"@ starts no token", "a: 1\nb: @x\n", "2:4: found character that cannot start any token"},
		{"` starts no token, on line 1", "a: `x\n", "1:4: found character that cannot start any token"},
		{"mapping value indented too far", "schema: openropa/v1\norganisation:\n  name: A\n   bad: indent\n", "4:7: mapping values are not allowed in this context"},
		{"two mapping values on a line", "a: b: c\n", "1:5: mapping values are not allowed in this context"},
		{"bad escape", "a: \"x\\qy\"\n", "1:6: found unknown escape character"},
		{"bad escape on the second line of a scalar", "a: 1\nb: \"x\n  y \\q z\"\n", "3:5: found unknown escape character"},
		{"surrogate escape", "a: \"\\ud800\"\n", "1:5: found invalid Unicode character escape code"},
		{"bad hex escape", "a: \"\\x4g\"\n", "1:5: did not find expected hexdecimal number"},
		{"flow nesting past the limit", "a: " + strings.Repeat("[", 10001), "1:68: the document nests deeper than 64 levels"},
		{"block nesting past the limit", nested(70), "66:"},
		{"unclosed quote", "a: 'x\n", "2:1: found unexpected end of stream"},
		{"less indented key", "- a\nb: 1\n", "2:1: did not find expected '-' indicator"},
		{"invalid UTF-8", "a: \xff\n", "1:4: the document is not valid UTF-8"},
		{"byte order mark inside", "a: x\ufeff\n", "1:5: a byte order mark"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseYAML([]byte(tt.doc))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(errorText(err), tt.want), "want %q, got %q", tt.want, errorText(err))
		})
	}
}

// nested returns a YAML document of n mappings, each in the one before.
func nested(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

func TestRefusedCharacters(t *testing.T) {
	for _, tt := range []struct {
		name   string
		format Format
		doc    string
		want   string
	}{
		{"NUL in a JSON value", JSON, "{\"a\": \"x\x00\"}", "1:9: the character U+0000 (a control character)"},
		{"ESC in a JSON key", JSON, "{\n\"\x1b\": 1}", "2:2: the character U+001B"},
		{"DEL", JSON, "[\"\x7f\"]", "1:3: the character U+007F"},
		{"C1 control", JSON, "[\"é\u0085\"]", "1:4: the character U+0085"},
		{"noncharacter", JSON, "[\"\uffff\"]", "1:3: the character U+FFFF (a noncharacter)"},
		{"escaped NUL", JSON, `["ab\u0000"]`, "1:5: the character U+0000"},
		{"escaped backspace", JSON, `["\b"]`, "1:3: the character U+0008"},
		{"escaped form feed", JSON, `["\f"]`, "1:3: the character U+000C"},
		{"escaped BEL in a key", JSON, `{"a\u0007": 1}`, "1:4: the character U+0007"},
		{"escaped C1 control", JSON, `["\u009b"]`, "1:3: the character U+009B"},
		{"escaped noncharacter", JSON, `["\ufffe"]`, "1:3: the character U+FFFE (a noncharacter)"},
		{"lone high surrogate", JSON, `["x\ud800y"]`, "1:4: the character U+D800 (half of a UTF-16 surrogate pair"},
		{"lone low surrogate", JSON, `["\udc00"]`, "1:3: the character U+DC00"},
		{"high surrogate before another", JSON, `["\ud800\ud800"]`, "1:3: the character U+D800"},
		{"BEL in a YAML value", YAML, "a: 1\nb: x\x07\n", "2:5: the character U+0007"},
		{"ESC in a YAML key", YAML, "a\x1b: 1\n", "1:2: the character U+001B"},
		{"C1 control in YAML", YAML, "a: \u0085\n", "1:4: the character U+0085"},
		{"noncharacter in YAML", YAML, "a: \ufffe\n", "1:4: the character U+FFFE"},
		{"control character in a YAML comment", YAML, "a: 1 # \x00\n", "1:8: the character U+0000"},
		{"escaped BEL in YAML", YAML, "a: 1\nb: \"x\\ay\"\n", "2:6: the character U+0007"},
		{"escaped ESC in a YAML key", YAML, "\"\\e\": 1\n", "1:2: the character U+001B"},
		{"escaped NUL in YAML", YAML, "a: \"\\0\"\n", "1:5: the character U+0000"},
		{"escaped NEL in YAML", YAML, "a: \"\\N\"\n", "1:5: the character U+0085"},
		{"escaped hex control in YAML", YAML, "a: \"ok \\t \\x1b\"\n", "1:11: the character U+001B"},
		{"escaped noncharacter in YAML", YAML, "a: \"\\uFFFF\"\n", "1:5: the character U+FFFF"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			parse := map[Format]func([]byte) (*tree, error){JSON: parseJSON, YAML: parseYAML}[tt.format]
			_, err := parse([]byte(tt.doc))
			assert.True(t, strings.HasPrefix(errorText(err), tt.want), "want %q, got %q", tt.want, errorText(err))
		})
	}
	for _, doc := range []string{"a: \"x\ty\"\n", "a: x\ty\n", "a: \"x\\ty\\n\"\n", "a: |\n  x\ty\n"} {
		n, err := viewed(parseYAML([]byte(doc)))
		require.NoError(t, err, "a tab in a value is fine: %q", doc)
		assert.Contains(t, n.kids[0].value, "\t")
	}
	n, err := viewed(parseJSON([]byte(`["\t\u00e9\ud83d\ude00"]`)))
	require.NoError(t, err)
	assert.Equal(t, "\té😀", n.kids[0].value)
}

func TestParseYAMLTags(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"a: !!str 12", "scalar str 12"},
		{"a: !!str", "scalar str "},
		{"a: !!str yes", "scalar str yes"},
		{"a: !!int 12", "scalar int 12"},
		{"a: !!int -3", "scalar int -3"},
		{"a: !!int \"7\"", "scalar int 7"},
		{"a: !!float 1.5", "scalar float 1.5"},
		{"a: !!float 2", "scalar float 2"},
		{"a: !!float -1e3", "scalar float -1e3"},
		{"a: !!bool true", "scalar bool true"},
		{"a: !!bool false", "scalar bool false"},
		{"a: !!null", "null null "},
		{"a: !!null ~", "null null "},
		{"a: !!null null", "null null "},
		{"a: !!map {b: 1}", "mapping map "},
		{"a: !!seq [1]", "list seq "},
		{"a: !!bool yes", "1:4: YAML tag !!bool does not fit \"yes\": it takes only true or false"},
		{"a: !!bool True", "1:4: YAML tag !!bool does not fit \"True\""},
		{"a: !!null Important text", "1:4: YAML tag !!null does not fit \"Important text\""},
		{"a: !!int 0x10", "1:4: YAML tag !!int does not fit \"0x10\""},
		{"a: !!int 007", "1:4: YAML tag !!int does not fit \"007\""},
		{"a: !!int 1.5", "1:4: YAML tag !!int does not fit \"1.5\""},
		{"a: !!float .inf", "1:4: YAML tag !!float does not fit \".inf\""},
		{"a: &x !!int b", "1:7: YAML tag !!int does not fit \"b\""},
		{"a: !!binary aGVsbG8=", "1:4: YAML tag !!binary is not supported"},
		{"a: !!timestamp 2024-01-01", "1:4: YAML tag !!timestamp is not supported"},
		{"a: !secret x", "1:4: YAML tag !secret is not supported"},
		{"a:\n  !!python/object/apply:os.system [ls]", "2:3: YAML tag !!python/object/apply:os.system is not supported on a list"},
		{"a: !!set {b: null}", "1:4: YAML tag !!set is not supported on a mapping"},
		{"a: !!omap [{b: 1}]", "1:4: YAML tag !!omap is not supported on a list"},
		{"a: !!map [1]", "1:4: YAML tag !!map is not supported on a list"},
		{"a: !!seq {b: 1}", "1:4: YAML tag !!seq is not supported on a mapping"},
		{"a: !!str [1]", "1:4: YAML tag !!str is not supported on a list"},
		{"a: !!map x", "1:4: YAML tag !!map is not supported"},
		{"!!int x: 1", "1:1: YAML tag !!int does not fit \"x\""},
	} {
		root, err := viewed(parseYAML([]byte(tt.doc)))
		if err != nil {
			assert.True(t, strings.HasPrefix(errorText(err), tt.want), "%s: want %q, got %q", tt.doc, tt.want, errorText(err))
			continue
		}
		n := root.kids[0]
		kind := map[nodeKind]string{scalarNode: "scalar", nullNode: "null", mappingNode: "mapping", sequenceNode: "list"}[n.kind]
		tag := n.tag
		if n.kind == nullNode {
			tag = "null"
		}
		if n.kind == mappingNode || n.kind == sequenceNode {
			tag = map[nodeKind]string{mappingNode: "map", sequenceNode: "seq"}[n.kind]
		}
		assert.Equal(t, tt.want, kind+" "+tag+" "+n.value, tt.doc)
		assert.True(t, n.explicit, "%s: the tag was written", tt.doc)
	}
	root, err := viewed(parseYAML([]byte("a: 12\nb: yes\n")))
	require.NoError(t, err)
	assert.False(t, root.kids[0].explicit)
	assert.Equal(t, "int", root.kids[0].tag)
	assert.Equal(t, "str", root.kids[1].tag, "YAML 1.2: yes is text")
}

func TestParseYAMLAliasPositions(t *testing.T) {
	root, err := viewed(parseYAML([]byte(`base: &b
  name: A
  list: &l [x, y]
one: *b
two:
  deep: *l
`)))
	require.NoError(t, err)
	base, one, deep := root.kids[0], root.kids[1], root.kids[2].kids[0]
	assert.Equal(t, [4]int{1, 7, 0, 0}, positionOf(base), "the anchored node itself is not reached through an alias")
	assert.Equal(t, [4]int{4, 6, 1, 7}, positionOf(one), "the alias is used at 4:6; the anchor &b stands at 1:7")
	assert.Equal(t, [4]int{2, 9, 1, 7}, positionOf(one.kids[0]), "a child stands where it is written and carries the anchor")
	assert.Equal(t, [4]int{3, 9, 1, 7}, positionOf(one.kids[1]), "reached through *b, not *l")
	assert.Equal(t, [4]int{3, 16, 1, 7}, positionOf(one.kids[1].kids[1]))
	assert.Equal(t, [4]int{6, 9, 3, 9}, positionOf(deep), "the alias *l is used at 6:9; the anchor &l stands at 3:9")
	assert.Equal(t, [4]int{3, 16, 3, 9}, positionOf(deep.kids[1]))
	assert.Equal(t, []key{{"name", 2, 3}, {"list", 3, 3}}, one.keys, "keys stand where they are written")
	assert.Equal(t, "y", deep.kids[1].value)
}

func positionOf(n *vnode) [4]int {
	return [4]int{n.line, n.col, int(n.anchorLine), int(n.anchorCol)}
}

// TestManyKeys: a mapping of 100,000 keys parses, in either format, in
// time that grows with its size (each key is handled once).
func TestManyKeys(t *testing.T) {
	const n = 100000
	var j, y bytes.Buffer
	j.WriteString("{")
	for i := range n {
		if i > 0 {
			j.WriteString(",")
		}
		fmt.Fprintf(&j, `"k%d":%d`, i, i)
		fmt.Fprintf(&y, "k%d: %d\n", i, i)
	}
	j.WriteString("}")
	p := newJSONParser(j.Bytes())
	root, err := viewed(p.document())
	require.NoError(t, err)
	require.Len(t, root.keys, n)
	assert.Equal(t, key{"k99999", 1, j.Len() - 14}, root.keys[n-1])
	assert.LessOrEqual(t, p.counted, j.Len())
	root, err = viewed(parseYAML(y.Bytes()))
	require.NoError(t, err)
	require.Len(t, root.keys, n)
	assert.Equal(t, key{"k99999", n, 1}, root.keys[n-1])
	assert.Equal(t, "99999", root.kids[n-1].value)
}
