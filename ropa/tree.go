package ropa

import (
	"io"
	"regexp"
	"sort"
	"strings"

	"bytes"
	"fmt"
	yaml "go.yaml.in/yaml/v3"
	"slices"
	"strconv"
	"unicode/utf8"
)

// node is one element of a parsed document, with where it stood. Both
// formats parse into nodes, so that one strict walk checks both.
type node struct {
	kind nodeKind
	// quoted is true for a JSON string or a quoted YAML scalar.
	quoted bool
	// explicit is true for a YAML node whose tag was written (!!str 12).
	explicit bool
	// anchorLine and anchorCol are set on the nodes that a YAML alias
	// expands to: where the anchor they come from stands (the &name). The
	// node the alias expands to stands (line, col) where the alias is used;
	// its children stand where they are written, inside the anchor, and
	// carry the anchor's position too, or that of the inner alias they were
	// reached through. They are 0 for every other node.
	anchorLine, anchorCol int32
	line, col             int
	// value holds a scalar's text exactly as written (without quotes).
	value string
	// tag classifies a scalar: "str", "int", "float", "bool", "null" or, in
	// YAML, another resolved tag such as "timestamp".
	tag  string
	keys []key   // a mapping's keys, in order
	kids []*node // a mapping's values (kids[i] is the value of keys[i]) or a list's items
}

// key is a key of a mapping: a field name, with where it stood. Keys are held
// by value: a document has as many keys as values. The keys of a mapping
// that an alias expands to keep where they are written, in the anchor.
type key struct {
	name      string
	line, col int
}

type nodeKind uint8

const (
	scalarNode nodeKind = iota
	mappingNode
	sequenceNode
	nullNode
)

// String names the kind of node as a problem message does.
func (k nodeKind) String() string {
	switch k {
	case mappingNode:
		return "a mapping"
	case sequenceNode:
		return "a list"
	case nullNode:
		return "null"
	}
	return "a single value"
}

// maxDepth bounds nesting; a register is six levels deep.
const maxDepth = 64

// maxExpansion bounds how much YAML aliases may grow a document: the tree
// they expand to may hold at most this many times the nodes written, plus
// expansionSlack. Anchors for shared lists stay far below; documents that
// expand exponentially ("billion laughs") do not.
const (
	maxExpansion   = 20
	expansionSlack = 10000
)

// syntaxError is a document that cannot be parsed, with where.
type syntaxError struct {
	line, col int
	msg       string
}

// Error returns the message of the syntax error.
func (e *syntaxError) Error() string { return e.msg }

func depthError(line, col int) *syntaxError {
	return &syntaxError{line, col, fmt.Sprintf("the document nests deeper than %d levels", maxDepth)}
}

// refused reports the characters that a register may not hold, raw or
// escaped, in a key or a value, in either format: the C0 controls except
// tab, line feed and carriage return (NUL, BEL, ESC, backspace, form feed,
// ...), DEL, the C1 controls U+0080-U+009F, the noncharacters U+FFFE and
// U+FFFF, and the UTF-16 surrogates U+D800-U+DFFF, which a JSON \ud800
// escape without its other half would otherwise turn silently into U+FFFD.
// They cannot be seen, printed or put in a workbook, and a register that
// holds one was damaged or forged: loading refuses it at its line and
// column rather than carry it along.
func refused(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r < 0x7f:
		return false
	case r <= 0x9f:
		return true // DEL and the C1 controls
	case r >= 0xd800 && r <= 0xdfff:
		return true
	}
	return r == 0xfffe || r == 0xffff
}

func refusedMessage(r rune) string {
	what := "a control character"
	switch {
	case r >= 0xd800 && r <= 0xdfff:
		what = "half of a UTF-16 surrogate pair, without its other half"
	case r == 0xfffe || r == 0xffff:
		what = "a noncharacter"
	}
	return fmt.Sprintf("the character %U (%s) is not allowed in a register; remove it", r, what)
}

const notUTF8 = "the document is not valid UTF-8; save it as UTF-8"

var bom = []byte("\xef\xbb\xbf")

// cursor turns byte offsets of a JSON document into lines and columns
// (both from 1, columns in characters). The offsets it is asked for come in
// order, so it counts forward from the last one: finding every position of a
// document costs one pass over it, however long its lines.
type cursor struct {
	data      []byte
	off       int // the last offset asked for
	line, col int // its line and column
	// counted is the number of bytes counted to find positions: the work
	// of position lookups, at most the length of the document.
	counted int
}

func (c *cursor) at(off int) (line, col int) {
	off = min(off, len(c.data))
	if off < c.off { // not expected: start again from the top
		c.off, c.line, c.col = 0, 1, 1
	}
	for _, b := range c.data[c.off:off] {
		switch {
		case b == '\n':
			c.line, c.col = c.line+1, 1
		case b&0xc0 != 0x80: // not a continuation byte: a new character
			c.col++
		}
	}
	c.counted += off - c.off
	c.off = off
	return c.line, c.col
}

// parseJSON parses a JSON document (RFC 8259) into nodes.
func parseJSON(data []byte) (*node, error) {
	return newJSONParser(data).document()
}

func newJSONParser(data []byte) *jsonParser {
	data = bytes.TrimPrefix(data, bom)
	return &jsonParser{cursor: cursor{data: data, line: 1, col: 1}, names: map[string]string{}}
}

// jsonParser is a scanner over the bytes of a JSON document. Scalars keep
// their text as written (a number's digits, a string without its escapes);
// keys and values of a mapping are gathered on stacks and copied to the
// mapping at its end, so that each mapping holds slices of its exact size.
type jsonParser struct {
	cursor
	pos   int
	names map[string]string // keys, interned: a register repeats its field names
	keys  []key             // the keys of the mappings being parsed
	kids  []*node           // the values and items of the collections being parsed
	buf   []byte            // the text of a string with escapes
}

func (p *jsonParser) document() (*node, error) {
	p.space()
	if p.pos == len(p.data) {
		return nil, &syntaxError{1, 1, "empty document: a register needs at least \"schema\": \"openropa/v1\""}
	}
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.data) {
		return nil, p.errAt(p.pos, "unexpected data after the end of the document")
	}
	return root, nil
}

func (p *jsonParser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) errAt(off int, msg string) *syntaxError {
	line, col := p.at(off)
	return &syntaxError{line, col, msg}
}

// bad reports the character at off, which cannot stand there.
func (p *jsonParser) bad(off int, context string) *syntaxError {
	if off >= len(p.data) {
		return p.errAt(len(p.data), "unexpected end of the document: a bracket or brace is not closed")
	}
	r, size := utf8.DecodeRune(p.data[off:])
	switch {
	case r == utf8.RuneError && size <= 1:
		return p.errAt(off, notUTF8)
	case refused(r):
		return p.errAt(off, refusedMessage(r))
	}
	return p.errAt(off, fmt.Sprintf("invalid character %s %s", quoteChar(r), context))
}

func quoteChar(r rune) string {
	if r == '\'' {
		return `'\''`
	}
	if r == '"' {
		return `'"'`
	}
	s := strconv.QuoteRune(r)
	return "'" + s[1:len(s)-1] + "'"
}

func (p *jsonParser) value(depth int) (*node, error) {
	start := p.pos
	line, col := p.at(start)
	if depth > maxDepth {
		return nil, depthError(line, col)
	}
	if start == len(p.data) {
		return nil, p.bad(start, "")
	}
	n := &node{line: line, col: col}
	var err error
	switch c := p.data[start]; {
	case c == '{':
		err = p.object(n, depth)
	case c == '[':
		err = p.array(n, depth)
	case c == '"':
		var s []byte
		if s, err = p.str(); err == nil {
			n.kind, n.value, n.tag, n.quoted = scalarNode, string(s), "str", true
		}
	case c == 't':
		n.kind, n.value, n.tag, err = scalarNode, "true", "bool", p.literal("true")
	case c == 'f':
		n.kind, n.value, n.tag, err = scalarNode, "false", "bool", p.literal("false")
	case c == 'n':
		n.kind, n.tag, err = nullNode, "null", p.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		n.kind, n.value, n.tag, err = p.number()
	default:
		err = p.bad(start, "looking for beginning of value")
	}
	if err != nil {
		return nil, err
	}
	return n, nil
}

func (p *jsonParser) literal(word string) error {
	for i := 0; i < len(word); i++ {
		if p.pos+i == len(p.data) || p.data[p.pos+i] != word[i] {
			return p.bad(p.pos+i, fmt.Sprintf("in literal %s (expecting '%c')", word, word[i]))
		}
	}
	p.pos += len(word)
	return nil
}

// number scans a number and returns its text as written: int if it is a
// whole number that fits in 64 bits, float otherwise.
func (p *jsonParser) number() (kind nodeKind, text, tag string, err error) {
	d, i := p.data, p.pos
	digits := func(what string) error {
		if i == len(d) || d[i] < '0' || d[i] > '9' {
			return p.bad(i, what)
		}
		for i < len(d) && '0' <= d[i] && d[i] <= '9' {
			i++
		}
		return nil
	}
	if d[i] == '-' {
		i++
	}
	if i < len(d) && d[i] == '0' {
		i++
	} else if err := digits("in numeric literal"); err != nil {
		return 0, "", "", err
	}
	if i < len(d) && d[i] == '.' {
		i++
		if err := digits("after decimal point in numeric literal"); err != nil {
			return 0, "", "", err
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if err := digits("in exponent of numeric literal"); err != nil {
			return 0, "", "", err
		}
	}
	text, tag = string(d[p.pos:i]), "float"
	if _, err := strconv.ParseInt(text, 10, 64); err == nil {
		tag = "int"
	}
	p.pos = i
	return scalarNode, text, tag, nil
}

func (p *jsonParser) object(n *node, depth int) error {
	n.kind = mappingNode
	if p.open('}') {
		return nil
	}
	k0, v0 := len(p.keys), len(p.kids)
	for {
		if p.pos == len(p.data) || p.data[p.pos] != '"' {
			return p.bad(p.pos, "looking for beginning of object key string")
		}
		kl, kc := p.at(p.pos)
		s, err := p.str()
		if err != nil {
			return err
		}
		name, ok := p.names[string(s)]
		if !ok {
			name = string(s)
			p.names[name] = name
		}
		p.space()
		if p.pos == len(p.data) || p.data[p.pos] != ':' {
			return p.bad(p.pos, "after object key")
		}
		p.pos++
		p.space()
		val, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		p.keys = append(p.keys, key{name: name, line: kl, col: kc})
		p.kids = append(p.kids, val)
		if done, err := p.next('}', "after object key:value pair"); done || err != nil {
			n.keys, n.kids = slices.Clone(p.keys[k0:]), slices.Clone(p.kids[v0:])
			p.keys, p.kids = p.keys[:k0], p.kids[:v0]
			return err
		}
	}
}

func (p *jsonParser) array(n *node, depth int) error {
	n.kind = sequenceNode
	if p.open(']') {
		return nil
	}
	v0 := len(p.kids)
	for {
		item, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		p.kids = append(p.kids, item)
		if done, err := p.next(']', "after array element"); done || err != nil {
			n.kids = slices.Clone(p.kids[v0:])
			p.kids = p.kids[:v0]
			return err
		}
	}
}

// open moves past the bracket or brace that opens a collection; empty is
// true, and the collection closed, if end follows it.
func (p *jsonParser) open(end byte) (empty bool) {
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == end {
		p.pos++
		return true
	}
	return false
}

// next moves past the comma or the closing bracket after an element of a
// collection; done is true at the closing bracket.
func (p *jsonParser) next(end byte, context string) (done bool, err error) {
	p.space()
	switch {
	case p.pos < len(p.data) && p.data[p.pos] == ',':
		p.pos++
		p.space()
		return false, nil
	case p.pos < len(p.data) && p.data[p.pos] == end:
		p.pos++
		return true, nil
	}
	return false, p.bad(p.pos, context)
}

// str scans a string and returns its text without quotes and escapes. The
// text is valid only until the next call.
func (p *jsonParser) str() ([]byte, error) {
	d := p.data
	start := p.pos + 1
	i := start
	for i < len(d) && d[i] != '"' && d[i] != '\\' && 0x20 <= d[i] && d[i] < 0x7f {
		i++
	}
	if i < len(d) && d[i] == '"' {
		p.pos = i + 1
		return d[start:i], nil
	}
	b := append(p.buf[:0], d[start:i]...)
	defer func() { p.buf = b }()
	for {
		if i == len(d) {
			return nil, p.errAt(i, "unexpected end of the document in a string: close it with \"")
		}
		c := d[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return b, nil
		case c == '\\':
			r, size, err := p.escape(i)
			if err != nil {
				return nil, err
			}
			b = utf8.AppendRune(b, r)
			i += size
		case c == '\t' || c == '\n' || c == '\r':
			return nil, p.errAt(i, fmt.Sprintf("invalid character %s in string literal: write it as %s", quoteChar(rune(c)), strconv.QuoteRune(rune(c))[1:3]))
		case c < 0x80:
			if refused(rune(c)) {
				return nil, p.errAt(i, refusedMessage(rune(c)))
			}
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size <= 1 {
				return nil, p.errAt(i, notUTF8)
			}
			if refused(r) {
				return nil, p.errAt(i, refusedMessage(r))
			}
			b = append(b, d[i:i+size]...)
			i += size
		}
	}
}

// escape decodes the escape at off (a backslash): the character it stands
// for and its length in bytes.
func (p *jsonParser) escape(off int) (r rune, size int, err error) {
	d := p.data
	if off+1 == len(d) {
		return 0, 0, p.errAt(off+1, "unexpected end of the document in a string: close it with \"")
	}
	switch c := d[off+1]; c {
	case '"', '\\', '/':
		return rune(c), 2, nil
	case 'n':
		return '\n', 2, nil
	case 'r':
		return '\r', 2, nil
	case 't':
		return '\t', 2, nil
	case 'b':
		return 0, 0, p.errAt(off, refusedMessage('\b'))
	case 'f':
		return 0, 0, p.errAt(off, refusedMessage('\f'))
	case 'u':
		r, err := p.hex4(off + 2)
		if err != nil {
			return 0, 0, err
		}
		size = 6
		if 0xd800 <= r && r < 0xdc00 && off+12 <= len(d) && d[off+6] == '\\' && d[off+7] == 'u' {
			if lo, err := p.hex4(off + 8); err == nil && 0xdc00 <= lo && lo <= 0xdfff {
				r, size = 0x10000+(r-0xd800)<<10+(lo-0xdc00), 12
			}
		}
		if refused(r) {
			return 0, 0, p.errAt(off, refusedMessage(r))
		}
		return r, size, nil
	}
	return 0, 0, p.bad(off+1, "in string escape code")
}

func (p *jsonParser) hex4(off int) (rune, error) {
	var r rune
	for i := off; i < off+4; i++ {
		if i == len(p.data) {
			return 0, p.errAt(i, "unexpected end of the document in a string: close it with \"")
		}
		c := p.data[i]
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, p.bad(i, "in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(v)
	}
	return r, nil
}

// checkYAMLText refuses a YAML document that is not UTF-8 or that holds a
// character a register may not (see refused), at its line and column, before
// the YAML parser reads it: that parser reports such characters without a
// position.
func checkYAMLText(data []byte) error {
	line, col := 1, 1
	for off := 0; off < len(data); {
		c := data[off]
		if c < 0x80 {
			off++
			switch {
			case c == '\n' || c == '\r' && (off == len(data) || data[off] != '\n'):
				line, col = line+1, 1
			case c == '\r':
			case refused(rune(c)):
				return &syntaxError{line, col, refusedMessage(rune(c))}
			default:
				col++
			}
			continue
		}
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &syntaxError{line, col, notUTF8}
		case refused(r):
			return &syntaxError{line, col, refusedMessage(r)}
		case r == 0xfeff && off > 0:
			return &syntaxError{line, col, "a byte order mark (U+FEFF) may only start a YAML document; remove it"}
		}
		off += size
		if r == 0x2028 || r == 0x2029 { // line breaks to the YAML parser
			line, col = line+1, 1
		} else if r != 0xfeff {
			col++
		}
	}
	return nil
}

// parseYAML parses a YAML document into nodes: with blockYAML where it
// reads the document, else with the YAML library.
func parseYAML(data []byte) (*node, error) {
	if err := checkYAMLText(data); err != nil {
		return nil, err
	}
	if root, ok := parseBlockYAML(data); ok {
		return root, nil
	}
	return parseLibraryYAML(data)
}

// parseLibraryYAML parses a YAML document, checked by checkYAMLText, into
// nodes with the YAML library.
func parseLibraryYAML(data []byte) (*node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, &syntaxError{1, 1, "empty document: a register needs at least schema: openropa/v1"}
		}
		return nil, yamlError(data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &syntaxError{extra.Line, extra.Column, "a register file holds one YAML document; remove the second one (after ---)"}
	} else if err != io.EOF {
		return nil, yamlError(data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, &syntaxError{1, 1, "empty document: a register needs at least schema: openropa/v1"}
	}
	c := &yamlConverter{text: yamlText{data: data}, limit: maxExpansion*countNodes(&doc) + expansionSlack}
	root := doc.Content[0]
	doc.Content = nil
	return c.convert(root, 0, nil, false)
}

// countNodes counts the nodes of a YAML tree as written, an alias as one.
func countNodes(y *yaml.Node) int {
	n := 1
	if y.Kind != yaml.AliasNode {
		for _, c := range y.Content {
			n += countNodes(c)
		}
	}
	return n
}

type yamlConverter struct {
	text         yamlText
	nodes, limit int
}

// convert makes the node of y. anchor is nil, or the anchored node of the
// alias through which y is reached. The YAML nodes are let go as they are
// converted, except those of anchors (keep), which aliases may expand again.
func (c *yamlConverter) convert(y *yaml.Node, depth int, anchor *yaml.Node, keep bool) (*node, error) {
	if depth > maxDepth {
		return nil, depthError(y.Line, y.Column)
	}
	c.nodes++
	if c.nodes > c.limit {
		return nil, &syntaxError{y.Line, y.Column, fmt.Sprintf("aliases expand the document to more than %d times its size; write the values out", maxExpansion)}
	}
	n := &node{line: y.Line, col: y.Column, explicit: y.Style&yaml.TaggedStyle != 0}
	if anchor != nil {
		n.anchorLine, n.anchorCol = int32(anchor.Line), int32(anchor.Column)
	}
	keep = keep || y.Anchor != ""
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &syntaxError{y.Line, y.Column, "an alias refers to no anchor"}
		}
		a, err := c.convert(y.Alias, depth, y.Alias, true)
		if err != nil {
			return nil, err
		}
		a.line, a.col = y.Line, y.Column
		return a, nil
	case yaml.MappingNode:
		if err := c.collectionTag(y, "!!map", "a mapping"); err != nil {
			return nil, err
		}
		n.kind = mappingNode
		n.keys = make([]key, 0, len(y.Content)/2)
		n.kids = make([]*node, 0, len(y.Content)/2)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, &syntaxError{k.Line, k.Column, "a mapping key must be a plain name"}
			}
			if k.ShortTag() == "!!merge" {
				return nil, &syntaxError{k.Line, k.Column, "merge keys (<<) are not supported; write the fields out"}
			}
			if err := c.scalarText(k); err != nil {
				return nil, err
			}
			val, err := c.convert(v, depth+1, anchor, keep)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key{name: k.Value, line: k.Line, col: k.Column})
			n.kids = append(n.kids, val)
			if !keep {
				y.Content[i], y.Content[i+1] = nil, nil
			}
		}
	case yaml.SequenceNode:
		if err := c.collectionTag(y, "!!seq", "a list"); err != nil {
			return nil, err
		}
		n.kind = sequenceNode
		n.kids = make([]*node, 0, len(y.Content))
		for i, item := range y.Content {
			v, err := c.convert(item, depth+1, anchor, keep)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, v)
			if !keep {
				y.Content[i] = nil
			}
		}
	case yaml.ScalarNode:
		if err := c.scalarText(y); err != nil {
			return nil, err
		}
		tag := y.ShortTag()
		switch tag {
		case "!!null":
			n.kind, n.tag = nullNode, "null"
			return n, nil
		case "!!merge": // "<<" as a value, not a key: text
			tag = "!!str"
		}
		n.kind, n.value, n.tag = scalarNode, y.Value, tag[2:]
		n.quoted = y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	default:
		return nil, &syntaxError{y.Line, y.Column, "unexpected YAML element"}
	}
	return n, nil
}

// The forms of the YAML 1.2 JSON schema, in which alone an explicit !!bool
// (true, false), !!int or !!float tag may be written; !!null takes null and
// also ~ and the empty value of the core schema. Source: YAML 1.2.2, chapter
// 10 (https://yaml.org/spec/1.2.2/#chapter-10-recommended-schemas), as
// tabulated at https://perlpunk.github.io/yaml-test-schema/schemas.html.
var (
	canonicalInt   = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)$`)
	canonicalFloat = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$`)
)

// scalarText checks the tag and the text of a scalar (a value or a key). A
// tag may be written only where it is the plain type of the text: !!str on
// any text (it makes it a string), !!int, !!float, !!bool and !!null only on
// their canonical forms. Every other tag (!!binary, !!timestamp, a local tag
// such as !secret or a language-specific one such as !!python/object) is
// refused at its position rather than read differently from the text.
func (c *yamlConverter) scalarText(y *yaml.Node) error {
	if y.Style&yaml.DoubleQuotedStyle != 0 {
		if i := strings.IndexFunc(y.Value, refused); i >= 0 {
			r, _ := utf8.DecodeRuneInString(y.Value[i:])
			line, col := c.text.pos(c.text.badEscape(c.text.offset(y.Line, y.Column), true))
			return &syntaxError{line, col, refusedMessage(r)}
		}
	}
	if y.Style&yaml.TaggedStyle == 0 {
		switch tag := y.ShortTag(); tag {
		case "!!str", "!!int", "!!float", "!!bool", "!!timestamp", "!!null", "!!merge":
			return nil
		default: // a non-specific tag (!) resolved to something else
			return c.tagError(y, fmt.Sprintf("YAML tag %s is not supported; write a plain value", tag))
		}
	}
	v := y.Value
	var fits bool
	var want string
	switch tag := y.ShortTag(); tag {
	case "!!str":
		return nil
	case "!!int":
		fits, want = canonicalInt.MatchString(v), "a whole number written in decimal digits"
	case "!!float":
		fits, want = canonicalFloat.MatchString(v), "a number such as 1.5 or 2e3"
	case "!!bool":
		fits, want = v == "true" || v == "false", "true or false"
	case "!!null":
		fits, want = v == "" || v == "~" || v == "null", "null, ~ or nothing"
	default:
		return c.tagError(y, fmt.Sprintf("YAML tag %s is not supported; write a plain value", tag))
	}
	if !fits {
		return c.tagError(y, fmt.Sprintf("YAML tag %s does not fit %q: it takes only %s; write the value without the tag", y.ShortTag(), v, want))
	}
	return nil
}

func (c *yamlConverter) collectionTag(y *yaml.Node, plain, what string) error {
	if y.Style&yaml.TaggedStyle == 0 || y.ShortTag() == plain {
		return nil
	}
	return c.tagError(y, fmt.Sprintf("YAML tag %s is not supported on %s; remove it", y.ShortTag(), what))
}

// tagError reports a problem at the tag of y, which follows its anchor if
// it has one.
func (c *yamlConverter) tagError(y *yaml.Node, msg string) error {
	line, col := y.Line, y.Column
	t := &c.text
	off := t.offset(line, col)
	if i := bytes.IndexByte(t.data[off:t.lineEnd(off)], '!'); i >= 0 {
		line, col = t.pos(off + i)
	}
	return &syntaxError{line, col, msg}
}

// yamlText finds lines and columns in a YAML document, for the problems
// that the YAML parser reports without them. Lines break where that parser
// breaks them: at LF, CR LF, CR, U+2028 and U+2029. It is made on the first
// problem only; a document that loads does not pay for it.
type yamlText struct {
	data   []byte
	starts []int // where each line starts
}

func (t *yamlText) lines() []int {
	if t.starts == nil {
		t.starts = []int{0}
		for off := 0; off < len(t.data); {
			if end, next := t.lineBreak(off); end >= 0 {
				t.starts = append(t.starts, next)
				off = next
				continue
			}
			off++
		}
	}
	return t.starts
}

// lineBreak reports whether a line break starts at off: end is off and next
// is where the next line starts; end is -1 where there is no break.
func (t *yamlText) lineBreak(off int) (end, next int) {
	d := t.data
	switch {
	case d[off] == '\n':
		return off, off + 1
	case d[off] == '\r' && off+1 < len(d) && d[off+1] == '\n':
		return off, off + 2
	case d[off] == '\r':
		return off, off + 1
	case d[off] == 0xe2 && off+2 < len(d) && d[off+1] == 0x80 && (d[off+2] == 0xa8 || d[off+2] == 0xa9):
		return off, off + 3
	}
	return -1, -1
}

// lineEnd returns where the line that holds off ends.
func (t *yamlText) lineEnd(off int) int {
	for ; off < len(t.data); off++ {
		if end, _ := t.lineBreak(off); end >= 0 {
			return end
		}
	}
	return len(t.data)
}

// offset returns the offset of a line and column (from 1); a line past the
// end is the end of the document.
func (t *yamlText) offset(line, col int) int {
	starts := t.lines()
	if line < 1 {
		line = 1
	}
	if line > len(starts) {
		return len(t.data)
	}
	off, end := starts[line-1], t.lineEnd(starts[line-1])
	for ; col > 1 && off < end; col-- {
		_, size := utf8.DecodeRune(t.data[off:])
		off += size
	}
	return off
}

// pos returns the line and column of an offset.
func (t *yamlText) pos(off int) (line, col int) {
	starts := t.lines()
	i := sort.SearchInts(starts, off+1) - 1
	return i + 1, utf8.RuneCount(t.data[starts[i]:off]) + 1
}

// yamlEscapes are the characters that may follow a backslash in a
// double-quoted YAML scalar (YAML 1.2.2, 5.7), with the number of
// hexadecimal digits that follow, and the character they stand for
// where it is one.
var yamlEscapes = map[byte]struct {
	hex int
	r   rune
}{
	'0': {0, 0}, 'a': {0, 7}, 'b': {0, 8}, 't': {0, 9}, '\t': {0, 9}, 'n': {0, 10}, 'v': {0, 11}, 'f': {0, 12},
	'r': {0, 13}, 'e': {0, 0x1b}, ' ': {0, ' '}, '"': {0, '"'}, '/': {0, '/'}, '\\': {0, '\\'}, 'N': {0, 0x85},
	'_': {0, 0xa0}, 'L': {0, 0x2028}, 'P': {0, 0x2029}, '\n': {0, -1}, '\r': {0, -1}, 'x': {2, 0}, 'u': {4, 0}, 'U': {8, 0},
}

// badEscape returns the offset of the first escape, in the first
// double-quoted scalar at or after from, that the YAML parser refuses (an
// unknown letter, missing hexadecimal digits, a surrogate or a number past
// U+10FFFF) or, with refusedToo, that stands for a character a register
// may not hold. Without one it returns from.
func (t *yamlText) badEscape(from int, refusedToo bool) int {
	d := t.data
	q := bytes.IndexByte(d[from:], '"')
	if q < 0 {
		return from
	}
	for i := from + q + 1; i < len(d) && d[i] != '"'; i++ {
		if d[i] != '\\' {
			continue
		}
		if i+1 == len(d) {
			return i
		}
		e, ok := yamlEscapes[d[i+1]]
		if !ok || i+2+e.hex > len(d) {
			return i
		}
		r := e.r
		if e.hex > 0 {
			v, err := strconv.ParseUint(string(d[i+2:i+2+e.hex]), 16, 32)
			if err != nil || v > utf8.MaxRune || 0xd800 <= v && v <= 0xdfff {
				return i
			}
			r = rune(v)
		}
		if refusedToo && r >= 0 && refused(r) {
			return i
		}
		i += 1 + e.hex
	}
	return from
}

// yamlMessage is "yaml: line N: message" or "yaml: message".
var yamlMessage = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlParserProblems are the problems that the YAML parser (not its
// scanner) reports: it gives their line counting from 0, the others from 1,
// and no line at all for line 0.
var yamlParserProblems = []string{
	"did not find expected", "found duplicate %", "found incompatible YAML document", "found undefined tag handle",
}

// yamlError turns an error of the YAML parser into a syntaxError at the
// line and column of the problem, which it finds in the document: the
// parser reports the line only, sometimes the line of the enclosing
// element, and none on the first line.
func yamlError(data []byte, err error) error {
	msg, line := err.Error(), 0
	if m := yamlMessage.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if slices.ContainsFunc(yamlParserProblems, func(p string) bool { return strings.HasPrefix(msg, p) }) {
		line++
	}
	line = max(line, 1)
	t := &yamlText{data: data}
	start := t.offset(line, 1)
	end := t.lineEnd(start)
	at := start + len(data[start:end]) - len(bytes.TrimLeft(data[start:end], " \t")) // the first character that is not blank
	switch {
	case strings.HasPrefix(msg, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		at = findAlias(data, name)
		msg = fmt.Sprintf("the alias *%s refers to no anchor &%s before it", name, name)
	case msg == "found character that cannot start any token":
		at = cannotStart(data[start:end], at-start) + start
	case msg == "mapping values are not allowed in this context":
		at = mappingColon(data[start:end], at-start) + start
	case strings.Contains(msg, "escape") || msg == "did not find expected hexdecimal number":
		at = t.badEscape(start, false)
	case strings.HasPrefix(msg, "exceeded max depth"):
		line, col := t.pos(deepFlow(data))
		return depthError(line, col)
	case msg == "found unexpected end of stream":
		at = len(data)
	}
	line, col := t.pos(at)
	return &syntaxError{line, col, msg}
}

// findAlias returns the offset of the first alias *name in a document.
func findAlias(data []byte, name string) int {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("*"+name))
		if i < 0 {
			return 0
		}
		i += off
		end := i + 1 + len(name)
		before := tokenStart(data, i)
		after := end == len(data) || bytes.IndexByte([]byte(" \t\n\r]},"), data[end]) >= 0
		if before && after {
			return i
		}
		off = i + 1
	}
}

// cannotStart returns where, in a line, the character is that cannot start
// a token: a tab in the indentation, or an @ or ` at the start of a value.
func cannotStart(line []byte, first int) int {
	if i := bytes.IndexByte(line[:first], '\t'); i >= 0 {
		return i
	}
	for i, c := range line {
		if (c == '@' || c == '`' || c == '\t') && tokenStart(line, i) {
			return i
		}
	}
	return first
}

// mappingColon returns where, in a line, the colon is that starts a
// mapping value where none may stand: the second of "a: b: c", or the only
// one of a line indented too far.
func mappingColon(line []byte, first int) int {
	var colons []int
	var quote byte
scan:
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && tokenStart(line, i):
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			break scan
		case c == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			colons = append(colons, i)
		}
	}
	switch len(colons) {
	case 0:
		return first
	case 1:
		return colons[0]
	}
	return colons[1]
}

// deepFlow returns the offset of the first bracket or brace that opens a
// flow collection deeper than maxDepth, outside quotes and comments.
func deepFlow(data []byte) int {
	depth, quote := 0, byte(0)
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && tokenStart(data, i):
			quote = c
		case c == '#' && tokenStart(data, i):
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			if depth++; depth > maxDepth {
				return i
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return 0
}

// tokenStart reports whether a token may start at i: at the start of the
// text or after a blank or a flow indicator.
func tokenStart(text []byte, i int) bool {
	return i == 0 || bytes.IndexByte([]byte(" \t\n\r[{,:-?"), text[i-1]) >= 0
}

// anchorOf returns where the anchor of a node copied from a YAML alias
// stands, or the zero Position.
func anchorOf(n *node) Position { return Position{int(n.anchorLine), int(n.anchorCol)} }

// blockYAML reads the YAML that registers are written in straight into
// nodes: block mappings and lists; flow collections that close on their
// line; plain and quoted scalars, folded over lines; literal and folded
// block scalars, clipped or stripped; anchors and aliases in block
// collections; comments. The YAML library's parser first builds a tree of
// its own, which holds about twenty times the document, and only then can
// that tree be turned into nodes: this reader needs the nodes alone. It
// reads a subset only, and gives up (ok false) on anything outside it:
// tags, escapes in double quotes, anchors and aliases in flow collections,
// flow collections over several lines, kept (+) or explicitly indented
// block scalars, empty values, complex keys, directives and document
// markers, tabs, and every error. parseYAML then reads the document with
// the YAML library, as it always has: a document this reader takes gives
// the same nodes as that way (FuzzBlockYAML holds it to that), and every
// other document, errors included, is read and reported as before.
type blockYAML struct {
	data  []byte
	at    cursor // lines and columns of offsets
	off   int    // where the current content line starts, or len(data)
	end   int    // where it ends (before its line break)
	ind   int    // its indentation, in spaces
	names map[string]string
	keys  []key
	kids  []*node
	// anchors holds the anchored nodes read, by name; open counts the
	// anchors being read, to which no alias may refer.
	anchors map[string]anchored
	open    map[string]int
	// nodes counts the nodes that the YAML library's tree would expand to
	// (see maxExpansion), written the nodes written, an alias as one.
	nodes, written int
}

// anchored is a node with an anchor, where the anchor stands, and the
// nodes it expands to.
type anchored struct {
	n         *node
	line, col int32
	nodes     int
}

// parseBlockYAML returns the nodes of a document that blockYAML reads, or
// ok false.
func parseBlockYAML(data []byte) (root *node, ok bool) {
	data = bytes.TrimPrefix(data, bom)
	if bytes.IndexByte(data, '\t') >= 0 || bytes.Contains(data, []byte("\xe2\x80\xa8")) || bytes.Contains(data, []byte("\xe2\x80\xa9")) {
		return nil, false
	}
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 == len(data) || data[i+1] != '\n' {
			return nil, false // a line break the YAML parser knows and this reader does not
		}
		j := bytes.IndexByte(data[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	p := &blockYAML{data: data, at: cursor{data: data, line: 1, col: 1}, names: map[string]string{}, anchors: map[string]anchored{}, open: map[string]int{}}
	if !p.skip(0) || p.off == len(data) {
		return nil, false
	}
	root, ok = p.block(p.off+p.ind, 0)
	if !ok || p.off != len(data) || p.nodes > maxExpansion*(p.written+1)+expansionSlack {
		return nil, false
	}
	return root, true
}

// skip moves to the first line from the line that starts at from that holds
// more than blanks and a comment; false for a directive or a document marker.
func (p *blockYAML) skip(from int) bool {
	d := p.data
	for from < len(d) {
		end := len(d)
		if i := bytes.IndexByte(d[from:], '\n'); i >= 0 {
			end = from + i
		}
		next := end + 1
		if end > from && d[end-1] == '\r' {
			end--
		}
		i := from
		for i < end && d[i] == ' ' {
			i++
		}
		if i < end && d[i] != '#' {
			if i == from && (d[i] == '%' || bytes.HasPrefix(d[i:end], []byte("---")) || bytes.HasPrefix(d[i:end], []byte("..."))) {
				return false
			}
			p.off, p.end, p.ind = from, end, i-from
			return true
		}
		from = next
	}
	p.off, p.end, p.ind = len(d), len(d), 0
	return true
}

// nextLine moves to the next content line.
func (p *blockYAML) nextLine() bool {
	if p.end >= len(p.data) {
		p.off, p.end, p.ind = len(p.data), len(p.data), 0
		return true
	}
	next := p.end + 1
	if p.data[p.end] == '\r' {
		next++
	}
	return p.skip(next)
}

// rest reports whether the current line holds nothing but blanks and a
// comment from o.
func (p *blockYAML) rest(o int) bool {
	i := o
	for i < p.end && p.data[i] == ' ' {
		i++
	}
	return i == p.end || p.data[i] == '#' && i > o
}

// blank returns the first offset from o that is not a space.
func (p *blockYAML) blank(o int) int {
	for o < p.end && p.data[o] == ' ' {
		o++
	}
	return o
}

// entry reports whether a list entry ("- ") starts at o.
func (p *blockYAML) entry(o int) bool {
	return p.data[o] == '-' && (o+1 == p.end || p.data[o+1] == ' ')
}

func (p *blockYAML) newNode(o int, kind nodeKind) *node {
	p.nodes++
	p.written++
	line, col := p.at.at(o)
	return &node{kind: kind, line: line, col: col}
}

// block reads the mapping or list whose first element starts at o.
func (p *blockYAML) block(o, depth int) (*node, bool) {
	if depth > maxDepth-1 {
		return nil, false
	}
	if p.entry(o) {
		return p.list(o, depth)
	}
	return p.mapping(o, depth)
}

func (p *blockYAML) mapping(o, depth int) (*node, bool) {
	ind := o - p.off
	n := p.newNode(o, mappingNode)
	k0, v0 := len(p.keys), len(p.kids)
	defer func() { p.keys, p.kids = p.keys[:k0], p.kids[:v0] }()
	for {
		text, quoted, _, colon, ok := p.scalar(o, false)
		if !ok || colon < 0 || !quoted && text == "<<" || colon-o > 1000 {
			return nil, false
		}
		line, col := p.at.at(o)
		name := p.name(text)
		val, ok := p.value(colon, ind, depth+1)
		if !ok {
			return nil, false
		}
		p.keys = append(p.keys, key{name: name, line: line, col: col})
		p.kids = append(p.kids, val)
		if p.off == len(p.data) || p.ind < ind {
			break
		}
		if o = p.off + p.ind; p.ind > ind || p.entry(o) {
			return nil, false
		}
	}
	n.keys, n.kids = slices.Clone(p.keys[k0:]), slices.Clone(p.kids[v0:])
	return n, true
}

// value reads the value of a key of a mapping indented ind, from o (after
// the colon).
func (p *blockYAML) value(o, ind, depth int) (*node, bool) {
	if !p.rest(o) {
		if o < p.end && p.data[o] != ' ' {
			return nil, false
		}
		return p.inline(p.blank(o), ind, depth)
	}
	if !p.nextLine() || p.off == len(p.data) || p.ind < ind {
		return nil, false
	}
	if p.ind > ind || p.entry(p.off+p.ind) { // a list may stand at its key's indentation
		return p.block(p.off+p.ind, depth)
	}
	return nil, false
}

func (p *blockYAML) list(o, depth int) (*node, bool) {
	ind := o - p.off
	n := p.newNode(o, sequenceNode)
	v0 := len(p.kids)
	defer func() { p.kids = p.kids[:v0] }()
	for {
		var item *node
		var ok bool
		if i := o + 1; p.rest(i) {
			if !p.nextLine() || p.off == len(p.data) || p.ind <= ind {
				return nil, false
			}
			item, ok = p.block(p.off+p.ind, depth+1)
		} else if i = p.blank(i); p.entry(i) {
			item, ok = p.list(i, depth+1)
		} else if c := p.data[i]; c == '[' || c == '{' {
			item, ok = p.inline(i, ind, depth+1)
		} else if _, _, _, colon, scanned := p.scalar(i, false); scanned && colon >= 0 {
			item, ok = p.block(i, depth+1)
		} else {
			item, ok = p.inline(i, ind, depth+1)
		}
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, item)
		if p.off == len(p.data) || p.ind < ind {
			break
		}
		if o = p.off + p.ind; p.ind > ind {
			return nil, false
		}
		if !p.entry(o) {
			break // the next key of the mapping the list is the value of
		}
	}
	n.kids = slices.Clone(p.kids[v0:])
	return n, true
}

// inline reads a value that starts on the line of its key or list entry,
// at o, in a collection indented ind, and moves to the line after it: that
// line may not be indented deeper. A scalar goes on over the lines indented
// deeper than ind that follow it, folded as YAML folds them.
func (p *blockYAML) inline(o, ind, depth int) (*node, bool) {
	var n *node
	var after int
	var ok bool
	switch c := p.data[o]; c {
	case '[', '{':
		n, after, ok = p.flow(o, depth)
	case '&':
		return p.anchor(o, ind, depth)
	case '*':
		if n, after, ok = p.alias(o, depth); !ok {
			return nil, false
		}
	case '|', '>':
		n = p.newNode(o, scalarNode)
		text, ok := p.blockScalar(o, ind)
		if !ok || p.off < len(p.data) && p.ind > ind {
			return nil, false
		}
		n.value, n.tag = text, "str"
		return n, true
	case '\'', '"':
		n = p.newNode(o, scalarNode)
		var text string
		if text, after, ok = p.quotedLines(o, ind); ok {
			n.value, n.tag, n.quoted = text, "str", true
		}
	default:
		var text string
		var colon int
		if text, _, after, colon, ok = p.scalar(o, false); !ok || colon >= 0 {
			return nil, false
		}
		n = p.newNode(o, scalarNode)
		if p.blank(after) == p.end { // no comment: the lines after it may go on
			if text, after, ok = p.plainLines(text, ind); !ok {
				return nil, false
			}
		}
		p.resolve(n, text)
	}
	if !ok || !p.rest(after) || !p.nextLine() || p.off < len(p.data) && p.ind > ind {
		return nil, false
	}
	return n, true
}

// scalarNode makes the node of a scalar at o.
func (p *blockYAML) scalarNode(o int, text string, quoted bool) *node {
	n := p.newNode(o, scalarNode)
	if quoted {
		n.value, n.tag, n.quoted = text, "str", true
	} else {
		p.resolve(n, text)
	}
	return n
}

// resolve sets the value and the tag of a plain scalar as the YAML library
// resolves them: a text whose first character starts no other type is a
// string; the library itself resolves the others.
func (p *blockYAML) resolve(n *node, text string) {
	tag := "!!str"
	if text == "" || strings.IndexByte("+-0123456789yYnNtTfFoO~<.", text[0]) >= 0 {
		tag = (&yaml.Node{Kind: yaml.ScalarNode, Value: text}).ShortTag()
	}
	switch tag {
	case "!!null":
		n.kind, n.value, n.tag = nullNode, "", "null"
	case "!!merge": // "<<" as a value, not a key: text
		n.value, n.tag = text, "str"
	default:
		n.value, n.tag = text, tag[2:]
	}
}

// lineAfter returns where the line after the one that ends at end starts
// and ends, and its indentation; ok is false at the end of the document.
func (p *blockYAML) lineAfter(end int) (start, stop, ind int, ok bool) {
	d := p.data
	if end >= len(d) {
		return 0, 0, 0, false
	}
	start = end + 1
	if d[end] == '\r' {
		start++
	}
	stop = len(d)
	if i := bytes.IndexByte(d[start:], '\n'); i >= 0 {
		stop = start + i
	}
	if stop > start && d[stop-1] == '\r' {
		stop--
	}
	i := start
	for i < stop && d[i] == ' ' {
		i++
	}
	return start, stop, i - start, true
}

// fold joins the line of a scalar that follows blank lines to the text
// before it, as YAML folds lines: a single line break becomes a space, and
// each blank line a line feed.
func fold(b []byte, blanks int) []byte {
	if blanks == 0 {
		return append(b, ' ')
	}
	for range blanks {
		b = append(b, '\n')
	}
	return b
}

// plainLines goes on with a plain scalar whose first line, text, the
// current line ends, over the lines after it indented deeper than ind, and
// returns its text and the offset after it on the line it ends on, which
// becomes the current line.
func (p *blockYAML) plainLines(text string, ind int) (string, int, bool) {
	var b []byte
	blanks := 0
	after := p.end
	for end := p.end; ; {
		start, stop, lineInd, ok := p.lineAfter(end)
		if !ok {
			break
		}
		i := start + lineInd
		if i == stop {
			blanks++
			end = stop
			continue
		}
		if lineInd <= ind || p.data[i] == '#' {
			break
		}
		p.off, p.end, p.ind = start, stop, lineInd
		if !p.plainStart(i, false) {
			return "", 0, false
		}
		more, colon, ok := p.plainText(i, false)
		if !ok || colon >= 0 {
			return "", 0, false
		}
		if b == nil {
			b = append(b, text...)
		}
		b = append(fold(b, blanks), p.data[i:more]...)
		blanks, after, end = 0, more, stop
		if p.blank(more) < p.end {
			break // a comment ends the scalar
		}
	}
	if b == nil {
		return text, after, true
	}
	return string(b), after, true
}

// quotedLines scans the quoted scalar at o, whose lines after the first
// are indented deeper than ind, and returns its text and the offset after
// it on the line it ends on, which becomes the current line.
func (p *blockYAML) quotedLines(o, ind int) (string, int, bool) {
	var b []byte
	for start := o + 1; ; {
		text, after, more, closed, ok := p.quoteLine(p.data[o], b, start)
		if !ok || closed {
			return text, after, ok
		}
		blanks := 0
		for end := p.end; ; {
			next, stop, lineInd, ok := p.lineAfter(end)
			if !ok || lineInd <= ind && next+lineInd < stop {
				return "", 0, false
			}
			if next+lineInd == stop {
				blanks++
				end = stop
				continue
			}
			p.off, p.end, p.ind = next, stop, lineInd
			break
		}
		b = fold(more, blanks)
		start = p.off + p.ind
	}
}

// flow reads a flow list or mapping at o that closes on its line, and
// returns the offset after it.
func (p *blockYAML) flow(o, depth int) (*node, int, bool) {
	if depth > maxDepth-1 {
		return nil, 0, false
	}
	d := p.data
	closer := byte(']')
	n := p.newNode(o, sequenceNode)
	if d[o] == '{' {
		closer, n.kind = '}', mappingNode
	}
	k0, v0 := len(p.keys), len(p.kids)
	defer func() { p.keys, p.kids = p.keys[:k0], p.kids[:v0] }()
	i := p.blank(o + 1)
	if i < p.end && d[i] == closer { // as the YAML library makes them: empty, not nil
		if n.kind == mappingNode {
			n.keys = []key{}
		}
		n.kids = []*node{}
		return n, i + 1, true
	}
	for {
		if i == p.end {
			return nil, 0, false
		}
		if n.kind == mappingNode {
			text, quoted, _, colon, ok := p.scalar(i, true)
			if !ok || colon < 0 || !quoted && text == "<<" {
				return nil, 0, false
			}
			line, col := p.at.at(i)
			p.keys = append(p.keys, key{name: p.name(text), line: line, col: col})
			if i = p.blank(colon); i == p.end || d[i] == ',' || d[i] == closer {
				return nil, 0, false
			}
		}
		var item *node
		var ok bool
		if c := d[i]; c == '[' || c == '{' {
			item, i, ok = p.flow(i, depth+1)
		} else {
			start := i
			var text string
			var quoted bool
			var colon int
			text, quoted, i, colon, ok = p.scalar(start, true)
			ok = ok && colon < 0
			if ok {
				item = p.scalarNode(start, text, quoted)
			}
		}
		if !ok {
			return nil, 0, false
		}
		p.kids = append(p.kids, item)
		switch i = p.blank(i); {
		case i < p.end && d[i] == ',':
			if i = p.blank(i + 1); i < p.end && d[i] == closer {
				return nil, 0, false // a trailing comma
			}
		case i < p.end && d[i] == closer:
			if n.kind == mappingNode {
				n.keys = slices.Clone(p.keys[k0:])
			}
			n.kids = slices.Clone(p.kids[v0:])
			return n, i + 1, true
		default:
			return nil, 0, false
		}
	}
}

// name interns a key: a register repeats its field names.
func (p *blockYAML) name(text string) string {
	name, seen := p.names[text]
	if !seen {
		name = text
		p.names[name] = name
	}
	return name
}

// scalar scans the scalar at o on the current line, in a block or a flow
// collection: its text, whether it is quoted, the offset after it, and, if
// it is a key (a colon and a blank follow it), the offset after the colon,
// else -1. ok is false where no scalar of the subset starts at o.
func (p *blockYAML) scalar(o int, flow bool) (text string, quoted bool, after, colon int, ok bool) {
	d := p.data
	colon = -1
	if c := d[o]; c == '\'' || c == '"' {
		if text, after, ok = p.quoted(o); !ok {
			return "", false, 0, -1, false
		}
		if i := p.blank(after); i < p.end && d[i] == ':' && (i+1 == p.end || d[i+1] == ' ') {
			colon = i + 1
		}
		return text, true, after, colon, true
	}
	if !p.plainStart(o, flow) {
		return "", false, 0, -1, false
	}
	end, colon, ok := p.plainText(o, flow)
	if !ok {
		return "", false, 0, -1, false
	}
	return string(d[o:end]), false, end, colon, true
}

// plainText scans the line of a plain scalar from o, and returns where its
// text ends (without the blanks after it) and, where ": " ends it, the
// offset after the colon, else -1. ok is false for a colon inside a flow
// scalar.
func (p *blockYAML) plainText(o int, flow bool) (end, colon int, ok bool) {
	d := p.data
	end, colon = o, -1
	for i := o; i < p.end; i++ {
		switch c := d[i]; {
		case c == ':' && (i+1 == p.end || d[i+1] == ' '):
			return end, i + 1, true
		case c == ':' && flow:
			return 0, -1, false
		case c == '#' && i > o && d[i-1] == ' ':
			return end, -1, true
		case flow && strings.IndexByte(",?[]{}", c) >= 0: // the YAML library ends flow scalars at ? too
			return end, -1, true
		case c != ' ':
			end = i + 1
		}
	}
	return end, -1, true
}

// plainStart reports whether a plain scalar of the subset may start at o:
// not at an indicator, except a "-" before a character that is neither a
// blank nor, in a flow collection, a flow indicator.
func (p *blockYAML) plainStart(o int, flow bool) bool {
	d := p.data
	c := d[o]
	if strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", c) < 0 {
		return true
	}
	return c == '-' && o+1 < p.end && d[o+1] != ' ' && !(flow && strings.IndexByte(",[]{}", d[o+1]) >= 0)
}

// quoted scans the quoted scalar at o, which must close on its line, and
// returns its text and the offset after it. An escape (\) in double quotes
// is left to the YAML library.
func (p *blockYAML) quoted(o int) (string, int, bool) {
	text, after, _, closed, ok := p.quoteLine(p.data[o], nil, o+1)
	return text, after, ok && closed
}

// quoteLine scans the current line of a scalar quoted with q from start,
// with b its text before start, if any. It returns the text and the offset
// after the closing quote where the scalar closes on the line, else (closed
// false) the text up to the end of the line without the blanks there. ok is
// false for an escape (\) in double quotes.
func (p *blockYAML) quoteLine(q byte, b []byte, start int) (text string, after int, more []byte, closed, ok bool) {
	d := p.data
	for i := start; i < p.end; i++ {
		switch {
		case q == '"' && d[i] == '\\':
			return "", 0, nil, false, false
		case d[i] != q:
		case q == '\'' && i+1 < p.end && d[i+1] == '\'':
			b = append(b, d[start:i+1]...)
			i++
			start = i + 1
		case b == nil:
			return string(d[start:i]), i + 1, nil, true, true
		default:
			return string(append(b, d[start:i]...)), i + 1, nil, true, true
		}
	}
	return "", 0, append(b, bytes.TrimRight(d[start:p.end], " ")...), false, true
}

// blockScalar reads the literal (|) or folded (>) scalar whose indicator
// is at o, in a collection indented ind, with its lines, and moves to the
// line after them. It reads the forms registers use: the indentation found
// from the first line, clipped (the last line's break) or stripped (-, none),
// lines folded where none is indented deeper than the first; it gives up on
// an indentation indicator, keep (+), blank lines before the first line or
// with more spaces than the indentation, and folded lines indented deeper.
func (p *blockYAML) blockScalar(o, ind int) (string, bool) {
	d := p.data
	literal, strip := d[o] == '|', false
	i := o + 1
	if i < p.end && d[i] == '-' {
		strip = true
		i++
	}
	if !p.rest(i) || i < p.end && d[i] != ' ' {
		return "", false
	}
	var b []byte
	content, blanks, lines := -1, 0, 0
	end, last := p.end, 0 // last: where the last line ends
	for {
		start, stop, lineInd, ok := p.lineAfter(end)
		if !ok {
			break
		}
		if start+lineInd == stop { // a blank line
			if content < 0 || lineInd > content {
				return "", false
			}
			blanks++
			end = stop
			continue
		}
		if content < 0 {
			if lineInd <= ind {
				return "", false
			}
			content = lineInd
		}
		if lineInd < content {
			break
		}
		if !literal && lineInd > content {
			return "", false
		}
		switch {
		case lines == 0:
		case literal:
			b = append(b, '\n')
			for range blanks {
				b = append(b, '\n')
			}
		default:
			b = fold(b, blanks)
		}
		b = append(b, d[start+content:stop]...)
		lines, blanks, end, last = lines+1, 0, stop, stop
	}
	if p.end = end; lines == 0 || !p.nextLine() {
		return "", false
	}
	if !strip && last < len(d) { // clip: the last line's break, where it has one
		b = append(b, '\n')
	}
	return string(b), true
}

// anchorName reads the name of the anchor (&) or alias (*) at o, which a
// blank or the end of the line follows, and returns the offset after it.
func (p *blockYAML) anchorName(o int) (string, int, bool) {
	d := p.data
	i := o + 1
	for i < p.end && (d[i] == '-' || d[i] == '_' || '0' <= d[i] && d[i] <= '9' || 'a' <= d[i]|0x20 && d[i]|0x20 <= 'z') {
		i++
	}
	if i == o+1 || i < p.end && d[i] != ' ' {
		return "", 0, false
	}
	return string(d[o+1 : i]), i, true
}

// anchor reads the node with the anchor at o, in a collection indented ind:
// on the anchor's line, or on the lines after it, indented deeper. The node
// stands where its anchor does, as in the YAML library's tree.
func (p *blockYAML) anchor(o, ind, depth int) (*node, bool) {
	line, col := p.at.at(o)
	name, after, ok := p.anchorName(o)
	if !ok {
		return nil, false
	}
	before := p.nodes
	p.open[name]++
	var n *node
	if p.rest(after) {
		if !p.nextLine() || p.off == len(p.data) || p.ind <= ind {
			return nil, false
		}
		n, ok = p.block(p.off+p.ind, depth)
	} else if i := p.blank(after); p.data[i] != '&' && p.data[i] != '*' {
		n, ok = p.inline(i, ind, depth)
	} else {
		return nil, false
	}
	p.open[name]--
	if !ok {
		return nil, false
	}
	n.line, n.col = line, col
	p.anchors[name] = anchored{n, int32(line), int32(col), p.nodes - before}
	return n, true
}

// alias reads the alias at o: a copy of the node of its anchor, as the
// loader's tree holds it (see node.anchorLine), and the offset after it.
func (p *blockYAML) alias(o, depth int) (*node, int, bool) {
	line, col := p.at.at(o)
	name, after, ok := p.anchorName(o)
	a, found := p.anchors[name]
	if !ok || !found || p.open[name] > 0 {
		return nil, 0, false
	}
	p.nodes += 1 + a.nodes
	p.written++
	if p.nodes > maxExpansion*(len(p.data)+1)+expansionSlack {
		return nil, 0, false
	}
	n, ok := copyNode(a.n, a.line, a.col, depth)
	if !ok {
		return nil, 0, false
	}
	n.line, n.col = line, col
	return n, after, true
}

// copyNode copies the tree of an anchored node for an alias: its nodes
// carry where the anchor stands, except those that an inner alias reached,
// which carry that alias's anchor.
func copyNode(n *node, line, col int32, depth int) (*node, bool) {
	if depth > maxDepth-1 {
		return nil, false
	}
	c := *n
	if c.anchorLine == 0 {
		c.anchorLine, c.anchorCol = line, col
	}
	if n.keys != nil {
		c.keys = slices.Clone(n.keys)
	}
	if n.kids != nil {
		c.kids = make([]*node, len(n.kids))
		for i, k := range n.kids {
			var ok bool
			if c.kids[i], ok = copyNode(k, line, col, depth+1); !ok {
				return nil, false
			}
		}
	}
	return &c, true
}
