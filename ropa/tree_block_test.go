package ropa

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameAsLibrary fails unless blockYAML reads data exactly when want says
// and, where it reads it, gives the nodes that the YAML library gives.
func sameAsLibrary(t *testing.T, data []byte, want bool) {
	t.Helper()
	require.NoError(t, checkYAMLText(data))
	got, ok := parseBlockYAML(data)
	require.Equal(t, want, ok, "read by blockYAML")
	if !ok {
		return
	}
	lib, err := viewed(parseLibraryYAML(data))
	require.NoError(t, err, "blockYAML read what the YAML library refuses")
	require.Equal(t, lib, viewOf(got, &got.root))
}

func TestBlockYAML(t *testing.T) {
	for _, c := range []struct {
		name string
		doc  string
		read bool
	}{
		{"mapping", "schema: openropa/v1\nlanguage: nl\n", true},
		{"nested", "a:\n  b: 1\n  c:\n    d: x y z\ne: f\n", true},
		{"list under its key", "a:\n- 1\n- b: 2\n  c: 3\nd: 4\n", true},
		{"indented list", "a:\n    -   x\n    - [1, 'y', \"z\"]\n", true},
		{"compact lists", "- - a\n  - b\n- c\n", true},
		{"scalars resolved", "a: [true, False, ~, null, 1_0, 0x1F, .5, 2026-11-21, yes, -3, +4, <<, .inf, 1e3, -x]\n", true},
		{"quoted", "'a b': 'it''s'\n\"c\": \"d # e\"\nf: '' \n", true},
		{"comments", "# top\na: b # trailing\n  # indented\n\nc: d#e\n", true},
		{"flow mapping", "a: {b: c, 'd': [e, {}], f: []}\n", true},
		{"colon in a value", "url: http://example.com/a:b\n", true},
		{"CR LF", "a: b\r\nc:\r\n  - d\r\n", true},
		{"byte order mark", "\ufeffa: b\n", true},
		{"non-ASCII columns", "é: ü\nlijst: [ça, va]\n", true},
		{"keys repeated", "- id: a\n  id: b\n", true},
		{"root list indented", "  - a\n  - b\n", true},

		{"anchor", "a: &x b\nc: *x\n", true},
		{"anchored list and mapping", "a: &l\n  - &m\n    b: c\n  - d\ne: *l\nf:\n  - *m\n  - *l\n", true},
		{"alias inside an anchor", "a: &x [1]\nb: &y\n  c: *x\n  d: 2\ne: *y\n", true},
		{"anchor redefined", "a: &x 1\nb: &x 2\nc: *x\n", true},
		{"unknown alias", "a: *x\n", false},
		{"alias in its own anchor", "a: &x\n  b: *x\n", false},
		{"alias in flow", "a: &x 1\nb: [*x]\n", false},
		{"anchor on a key", "&x a: b\n", false},
		{"aliases that expand too far", laughs(5), false},
		{"aliases that expand within bounds", laughs(2), true},
		{"tag", "a: !!str 1\n", false},
		{"folded stripped", "a: >-\n  b c\n  d\n\n  e\n\n\nf: g\n", true},
		{"literal clipped", "- |\n    b\n      c # d\n\n    e\n- f\n", true},
		{"folded in a list, then a key", "- a: >\n    b\n  c: d\n", true},
		{"block scalar at the end", "a: |-\n  b", true},
		{"block scalar kept", "a: |+\n  b\n\n", false},
		{"indentation indicator", "a: |2\n   b\n", false},
		{"folded deeper", "a: >\n  b\n    c\n", false},
		{"block scalar leading blank", "a: |\n\n  b\n", false},
		{"block scalar empty", "a: |\nb: c\n", false},
		{"multi-line plain", "a: b  \n  c\n\n\n   d # e\nf: g\n", true},
		{"multi-line quoted", "- 'b ''\n  c  \n\n  d'\n- \"e\n   f\" # g\n", true},
		{"plain ended by a comment line", "a: b\n  # c\n  d\n", false},
		{"quoted not indented", "a: 'b\nc'\n", false},
		{"multi-line key", "'a\n b': c\n", false},
		{"multi-line flow", "a: [b,\n  c]\n", false},
		{"escape", "a: \"b\\n\"\n", false},
		{"empty value", "a:\nb: c\n", false},
		{"empty entry", "-\n- a\n", false},
		{"merge key", "a: {b: c}\n<<: {d: e}\n", false},
		{"complex key", "? a\n: b\n", false},
		{"document marker", "---\na: b\n", false},
		{"second document", "a: b\n---\nc: d\n", false},
		{"directive", "%YAML 1.2\n---\na: b\n", false},
		{"tab", "a:\tb\n", false},
		{"lone CR", "a: b\rc: d\n", false},
		{"mapping value in a value", "a: b: c\n", false},
		{"bad indentation", "a:\n  b: 1\n c: 2\n", false},
		{"list at a mapping's indentation", "a: 1\n- b\n", false},
		{"trailing comma", "a: [b, ]\n", false},
		{"colon in flow", "a: [b:c]\n", false},
		{"scalar document", "a\n", false},
		{"empty", "# nothing\n", false},
		{"after a quoted scalar", "a: 'b' c\n", false},
		{"comment without a blank", "a: 'b'#c\n", false},
	} {
		t.Run(c.name, func(t *testing.T) { sameAsLibrary(t, []byte(c.doc), c.read) })
	}
}

// TestBlockYAMLDocuments: the registers the format writes (MarshalYAML) are
// read by blockYAML; those of the examples and of the test data are read
// as the YAML library reads them, where blockYAML reads them at all.
func TestBlockYAMLDocuments(t *testing.T) {
	doc, err := MarshalYAML(cleanRegister(60))
	require.NoError(t, err)
	sameAsLibrary(t, doc, true)
	files, err := filepath.Glob("../examples/registers/*.yaml")
	require.NoError(t, err)
	more, err := filepath.Glob("testdata/*/*.yaml")
	require.NoError(t, err)
	files = append(files, more...)
	require.NotEmpty(t, files)
	read := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		if checkYAMLText(data) != nil {
			continue
		}
		got, ok := parseBlockYAML(data)
		if !ok {
			continue
		}
		read++
		lib, err := viewed(parseLibraryYAML(data))
		require.NoError(t, err, f)
		assert.Equal(t, lib, viewOf(got, &got.root), f)
	}
	t.Logf("blockYAML read %d of %d files", read, len(files))
}

// FuzzBlockYAML holds blockYAML to the YAML library: whatever it reads, the
// library reads too, to the same nodes.
func FuzzBlockYAML(f *testing.F) {
	for _, s := range []string{
		"a: b\n", "a:\n- 1\n- b: [c, {d: e}]\n", "- - a\n  - 'b''c'\n", "a: \"x\" # y\nb: 2026-01-02\n",
		"a: {b: [1, 2.5, ~]}\r\n", "k: v:w\n  # c\nl: -1\n", "é:\n  - ü\n", "a: >-\n  b\n\n  c\nd: |\n   e\n    f\n",
		"- 'a\n  b'\n- c\n  d\n", "a: &x\n  - &y {b: c}\nd: *x\ne:\n- *y\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if checkYAMLText(data) != nil {
			return
		}
		tr, ok := parseBlockYAML(data)
		if !ok {
			return
		}
		got := viewOf(tr, &tr.root)
		lib, err := viewed(parseLibraryYAML(data))
		if err != nil {
			t.Fatalf("blockYAML read what the YAML library refuses (%v): %q", err, data)
		}
		if !assert.ObjectsAreEqual(lib, got) {
			t.Fatalf("blockYAML reads %q differently:\nlibrary %s\nblock   %s", data, dumpNode(lib), dumpNode(got))
		}
	})
}

// dumpNode writes a tree out, for failures.
func dumpNode(n *vnode) string {
	if n == nil {
		return "<nil>"
	}
	s := fmt.Sprintf("%d:%d/%v", n.line, n.col, n.kind)
	if n.kind == scalarNode {
		s += fmt.Sprintf("(%s %q q=%v)", n.tag, n.value, n.quoted)
	}
	if n.anchorLine != 0 || n.explicit {
		s += fmt.Sprintf("[anchor %d:%d explicit=%v]", n.anchorLine, n.anchorCol, n.explicit)
	}
	if n.kind != mappingNode && n.kind != sequenceNode {
		return s
	}
	parts := make([]string, len(n.kids))
	for i, k := range n.kids {
		if i < len(n.keys) {
			parts[i] = fmt.Sprintf("%s@%d:%d=", n.keys[i].name, n.keys[i].line, n.keys[i].col)
		}
		parts[i] += dumpNode(k)
	}
	return s + "{" + strings.Join(parts, ", ") + "}"
}

// TestBlockYAMLLinear: blockYAML counts each byte of a document once to
// find the positions of its nodes, however long the document and its lines,
// and reads a register eight times the size with eight times the nodes.
func TestBlockYAMLLinear(t *testing.T) {
	count := func(n int) (counted, size, nodes int) {
		doc, err := MarshalYAML(cleanRegister(n))
		require.NoError(t, err)
		doc = append(doc, "notes: [a, 'b', {c: d}]\n"...)
		p := newBlockYAML(doc)
		require.True(t, p.skip(0))
		root, ok := p.block(p.off, 0)
		require.True(t, ok)
		return p.at.counted, len(doc), countTree(viewOf(&p.out.tree, &root))
	}
	c1, s1, n1 := count(20)
	c8, s8, n8 := count(160)
	assert.LessOrEqual(t, c1, s1)
	assert.LessOrEqual(t, c8, s8)
	assert.InDelta(t, 8, float64(n8)/float64(n1), 0.5)
}

func countTree(n *vnode) int {
	c := 1
	for _, k := range n.kids {
		c += countTree(k)
	}
	return c
}

// laughs is a document whose aliases expand to 10^levels scalars.
func laughs(levels int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d\n", i, i)
		for range 10 {
			fmt.Fprintf(&b, "  - *l%d\n", i-1)
		}
	}
	return b.String()
}

// TestBlockYAMLExpansion: a document whose aliases expand too far is
// refused, with the YAML library's error; blockYAML stops copying early.
func TestBlockYAMLExpansion(t *testing.T) {
	_, err := parseYAML([]byte(laughs(5)))
	require.ErrorContains(t, err, "aliases expand the document")
	_, err = parseYAML([]byte(laughs(2)))
	require.NoError(t, err)
}
