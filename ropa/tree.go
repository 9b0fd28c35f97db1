package ropa

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// tree is a parsed document. Its nodes hold no pointers: the children of
// every collection stand side by side in nodes, and the text of a scalar or
// a key is a span of the document or, where it is not written as it stands
// there (escapes, folded lines, text of the YAML library), of text. Both
// formats parse into a tree, so that one strict walk checks both.
type tree struct {
	data  []byte // the document
	text  []byte // the texts that the document does not hold as they are
	nodes []node // the children of the collections
	root  node
}

// node is one element of a parsed document, with where it stood: 44 bytes,
// without pointers, so that the collector need not look into a tree.
type node struct {
	line, col int32
	// anchorLine and anchorCol are set on the nodes that a YAML alias
	// expands to: where the anchor they come from stands (the &name). The
	// node the alias expands to stands (line, col) where the alias is used;
	// its children stand where they are written, inside the anchor, and
	// carry the anchor's position too, or that of the inner alias they were
	// reached through. They are 0 for every other node.
	anchorLine, anchorCol int32
	// keyLine and keyCol are where the key of a mapping's value stands, and
	// key its text; zero for a list's item and the root.
	keyLine, keyCol int32
	key             span
	// val is a scalar's text exactly as written (without quotes), or the
	// children of a collection: tree.nodes[val.off:val.end].
	val   span
	kind  nodeKind
	tag   scalarTag
	flags nodeFlags
}

// span is where a text stands: from off to end in the document, or in
// tree.text where the node's flags say so; for a collection, where its
// children stand in tree.nodes. Offsets fit in 32 bits: a document has at
// most maxDocumentBytes.
type span struct{ off, end int32 }

func spanOf(off, end int) span { return span{int32(off), int32(end)} }

type nodeFlags uint8

const (
	// quotedNode is a JSON string or a quoted YAML scalar.
	quotedNode nodeFlags = 1 << iota
	// explicitTag is a YAML node whose tag was written (!!str 12).
	explicitTag
	keyInText // the key is in tree.text
	valInText // the value is in tree.text
)

func (n *node) quoted() bool   { return n.flags&quotedNode != 0 }
func (n *node) explicit() bool { return n.flags&explicitTag != 0 }

// maxDocumentBytes is the largest document the loader can hold the
// positions of: offsets, lines and columns are 32-bit. WithMaxBytes cannot
// raise the limit past it.
const maxDocumentBytes = math.MaxInt32

// maxNodes bounds the nodes of a tree, which are counted in 32 bits: the
// expansion of YAML aliases stops there too.
const maxNodes = math.MaxInt32

// value returns the text of scalar n.
func (t *tree) value(n *node) []byte { return t.textOf(n.val, n.flags&valInText != 0) }

// keyOf returns the text of the key of n, a mapping's value.
func (t *tree) keyOf(n *node) []byte { return t.textOf(n.key, n.flags&keyInText != 0) }

func (t *tree) textOf(s span, inText bool) []byte {
	if inText {
		return t.text[s.off:s.end]
	}
	return t.data[s.off:s.end]
}

// kids returns the children of n: a mapping's values, each with its key, or
// a list's items; none for a scalar.
func (t *tree) kids(n *node) []node {
	if n.kind != mappingNode && n.kind != sequenceNode {
		return nil
	}
	return t.nodes[n.val.off:n.val.end]
}

// newBuilder returns a builder of the tree of data, with room for the
// nodes it is expected to hold.
func newBuilder(data []byte, nodes int) builder {
	return builder{tree: tree{data: data, nodes: make([]node, 0, nodes)}}
}

// builder makes a tree: the children of the collections being read wait on
// a stack and move to the tree's nodes, side by side, when their collection
// ends.
type builder struct {
	tree
	stack []node
}

// close gives collection n the children on the stack from from on.
func (b *builder) close(n *node, from int) {
	n.val = spanOf(len(b.nodes), len(b.nodes)+len(b.stack)-from)
	b.nodes = append(b.nodes, b.stack[from:]...)
	b.stack = b.stack[:from]
}

// addText adds a text that the document does not hold as it stands; ok is
// false where text would pass the 32 bits of a span.
func (b *builder) addText(s []byte) (sp span, ok bool) {
	if len(b.text)+len(s) > maxDocumentBytes {
		return span{}, false
	}
	off := len(b.text)
	b.text = append(b.text, s...)
	return spanOf(off, len(b.text)), true
}

// addString is addText for a string.
func (b *builder) addString(s string) (sp span, ok bool) {
	if len(b.text)+len(s) > maxDocumentBytes {
		return span{}, false
	}
	off := len(b.text)
	b.text = append(b.text, s...)
	return spanOf(off, len(b.text)), true
}

// scalarTag classifies a scalar as YAML resolves it, or as JSON writes it.
type scalarTag uint8

const (
	noTag scalarTag = iota // a collection
	strTag
	intTag
	floatTag
	boolTag
	nullTag
	timestampTag
)

var tagNames = [...]string{noTag: "", strTag: "str", intTag: "int", floatTag: "float", boolTag: "bool", nullTag: "null", timestampTag: "timestamp"}

// String names the tag as YAML does, without !!.
func (t scalarTag) String() string {
	if int(t) < len(tagNames) {
		return tagNames[t]
	}
	return ""
}

// tagOf returns the tag of a scalar that the YAML library resolved (a short
// tag such as !!int); ok is false for any other, which no node may carry.
func tagOf(short string) (scalarTag, bool) {
	for t, name := range tagNames {
		if t != int(noTag) && strings.HasPrefix(short, "!!") && short[2:] == name {
			return scalarTag(t), true
		}
	}
	return noTag, false
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
	seg := c.data[c.off:off]
	if nl := bytes.LastIndexByte(seg, '\n'); nl >= 0 {
		c.line += bytes.Count(seg[:nl+1], []byte{'\n'})
		c.col, seg = 1, seg[nl+1:]
	}
	// The text before a position is UTF-8: both parsers stop at the first
	// byte that is not.
	c.col += utf8.RuneCount(seg)
	c.counted += off - c.off
	c.off = off
	return c.line, c.col
}

// parseJSON parses a JSON document (RFC 8259) into a tree.
func parseJSON(data []byte) (*tree, error) {
	return newJSONParser(data).document()
}

func newJSONParser(data []byte) *jsonParser {
	data = bytes.TrimPrefix(data, bom)
	return &jsonParser{cursor: cursor{data: data, line: 1, col: 1}, out: newBuilder(data, jsonNodes(data))}
}

// jsonNodes counts the values of a JSON document, less the outermost: the
// nodes of its tree, so that they are allocated once, at their size. It
// counts up to maxDepth levels deep; a deeper document is refused.
func jsonNodes(data []byte) int {
	var inArray [maxDepth + 2]bool
	depth, n, first := 0, 0, false // first: a list was just opened
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case ']', '}':
			depth, first = max(depth-1, 0), false
			continue
		case ',':
			if inArray[depth] {
				n++
			}
			continue
		case ':':
			n++
			continue
		}
		// c starts a value or a key.
		if first && inArray[depth] {
			n++
		}
		first = false
		switch c {
		case '"':
			i = stringEnd(data, i+1)
		case '[', '{':
			if depth+1 == len(inArray) {
				return n
			}
			depth++
			inArray[depth], first = c == '[', c == '['
		}
	}
	return n
}

// stringEnd returns the offset of the quote that closes the JSON string
// whose text starts at i, or len(data): the first quote after an even
// number of backslashes.
func stringEnd(data []byte, i int) int {
	for {
		q := bytes.IndexByte(data[i:], '"')
		if q < 0 {
			return len(data)
		}
		i += q
		b := i
		for b > 0 && data[b-1] == '\\' {
			b--
		}
		if (i-b)%2 == 0 {
			return i
		}
		i++
	}
}

// jsonParser is a scanner over the bytes of a JSON document. Scalars keep
// their text as written (a number's digits, a string without its escapes):
// a span of the document, or of the tree's text for a string with escapes.
type jsonParser struct {
	cursor
	pos int
	out builder
}

func (p *jsonParser) document() (*tree, error) {
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
	p.out.root = root
	return &p.out.tree, nil
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

func (p *jsonParser) value(depth int) (node, error) {
	start := p.pos
	line, col := p.at(start)
	if depth > maxDepth {
		return node{}, depthError(line, col)
	}
	if start == len(p.data) {
		return node{}, p.bad(start, "")
	}
	n := node{line: int32(line), col: int32(col)}
	var err error
	switch c := p.data[start]; {
	case c == '{':
		err = p.object(&n, depth)
	case c == '[':
		err = p.array(&n, depth)
	case c == '"':
		var inText bool
		n.kind, n.tag, n.flags = scalarNode, strTag, quotedNode
		if n.val, inText, err = p.str(); inText {
			n.flags |= valInText
		}
	case c == 't':
		n.kind, n.tag, n.val, err = scalarNode, boolTag, spanOf(start, start+4), p.literal("true")
	case c == 'f':
		n.kind, n.tag, n.val, err = scalarNode, boolTag, spanOf(start, start+5), p.literal("false")
	case c == 'n':
		n.kind, n.tag, err = nullNode, nullTag, p.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		n.kind, n.tag, n.val, err = p.number()
	default:
		err = p.bad(start, "looking for beginning of value")
	}
	if err != nil {
		return node{}, err
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
func (p *jsonParser) number() (kind nodeKind, tag scalarTag, text span, err error) {
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
		return 0, 0, span{}, err
	}
	if i < len(d) && d[i] == '.' {
		i++
		if err := digits("after decimal point in numeric literal"); err != nil {
			return 0, 0, span{}, err
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if err := digits("in exponent of numeric literal"); err != nil {
			return 0, 0, span{}, err
		}
	}
	tag = floatTag
	if _, err := strconv.ParseInt(string(d[p.pos:i]), 10, 64); err == nil {
		tag = intTag
	}
	text, p.pos = spanOf(p.pos, i), i
	return scalarNode, tag, text, nil
}

func (p *jsonParser) object(n *node, depth int) error {
	n.kind = mappingNode
	if p.open('}') {
		return nil
	}
	from := len(p.out.stack)
	for {
		if p.pos == len(p.data) || p.data[p.pos] != '"' {
			return p.bad(p.pos, "looking for beginning of object key string")
		}
		kl, kc := p.at(p.pos)
		name, inText, err := p.str()
		if err != nil {
			return err
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
		val.key, val.keyLine, val.keyCol = name, int32(kl), int32(kc)
		if inText {
			val.flags |= keyInText
		}
		p.out.stack = append(p.out.stack, val)
		if done, err := p.next('}', "after object key:value pair"); done || err != nil {
			p.out.close(n, from)
			return err
		}
	}
}

func (p *jsonParser) array(n *node, depth int) error {
	n.kind = sequenceNode
	if p.open(']') {
		return nil
	}
	from := len(p.out.stack)
	for {
		item, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		p.out.stack = append(p.out.stack, item)
		if done, err := p.next(']', "after array element"); done || err != nil {
			p.out.close(n, from)
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

// str scans a string and returns its text without quotes and escapes: a
// span of the document or, with inText, of the tree's text, where the
// string holds an escape.
func (p *jsonParser) str() (text span, inText bool, err error) {
	d := p.data
	start := p.pos + 1
	i := p.utf8Text(start)
	if i < len(d) && d[i] == '"' {
		p.pos = i + 1
		return spanOf(start, i), false, nil
	}
	// An escape, or a character to refuse: the text goes to the tree's.
	b := p.out.text
	t0 := len(b)
	b = append(b, d[start:i]...)
	defer func() { p.out.text = b }()
	for {
		if i == len(d) {
			return span{}, false, p.errAt(i, "unexpected end of the document in a string: close it with \"")
		}
		c := d[i]
		switch {
		case c == '"':
			p.pos = i + 1
			if len(b) > maxDocumentBytes { // not reached: unescaping shortens text
				return span{}, false, p.errAt(i, "the document holds more text than the loader can hold")
			}
			return spanOf(t0, len(b)), true, nil
		case c == '\\':
			r, size, err := p.escape(i)
			if err != nil {
				return span{}, false, err
			}
			b = utf8.AppendRune(b, r)
			i += size
		case c == '\t' || c == '\n' || c == '\r':
			return span{}, false, p.errAt(i, fmt.Sprintf("invalid character %s in string literal: write it as %s", quoteChar(rune(c)), strconv.QuoteRune(rune(c))[1:3]))
		case c < 0x80:
			if refused(rune(c)) {
				return span{}, false, p.errAt(i, refusedMessage(rune(c)))
			}
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size <= 1 {
				return span{}, false, p.errAt(i, notUTF8)
			}
			if refused(r) {
				return span{}, false, p.errAt(i, refusedMessage(r))
			}
			b = append(b, d[i:i+size]...)
			i += size
		}
	}
}

// utf8Text returns the offset, from i, of the first byte of a string that
// is not text as it stands: its closing quote, an escape, or a character
// that is refused or is not UTF-8.
func (p *jsonParser) utf8Text(i int) int {
	d := p.data
	for i < len(d) {
		c := d[i]
		if c < 0x80 {
			if c == '"' || c == '\\' || c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(d[i:])
		if r == utf8.RuneError && size <= 1 || refused(r) {
			return i
		}
		i += size
	}
	return i
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

// parseYAML parses a YAML document into a tree: with blockYAML where it
// reads the document, else with the YAML library.
func parseYAML(data []byte) (*tree, error) {
	if err := checkYAMLText(data); err != nil {
		return nil, err
	}
	if t, ok := parseBlockYAML(data); ok {
		return t, nil
	}
	return parseLibraryYAML(data)
}

// parseLibraryYAML parses a YAML document, checked by checkYAMLText, into
// a tree with the YAML library.
func parseLibraryYAML(data []byte) (*tree, error) {
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
	written := countNodes(&doc)
	c := &yamlConverter{text: yamlText{data: data}, limit: expansionLimit(written), out: newBuilder(data, written-2), // less the document and the root
		texts: map[*yaml.Node]span{}}
	root := doc.Content[0]
	doc.Content = nil
	n, err := c.convert(root, 0, nil, false)
	if err != nil {
		return nil, err
	}
	c.out.root = n
	return &c.out.tree, nil
}

// expansionLimit is the most nodes that a YAML document of written nodes
// may expand to through its aliases (see maxExpansion), within maxNodes.
func expansionLimit(written int) int {
	return min(maxExpansion*written+expansionSlack, maxNodes)
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
	out          builder
	// texts holds the text of the scalars inside anchors, which aliases
	// expand again: each is copied to the tree once.
	texts map[*yaml.Node]span
}

// scalarSpan copies the text of scalar y to the tree, once for a scalar
// that an alias may reach again (keep).
func (c *yamlConverter) scalarSpan(y *yaml.Node, keep bool) (span, error) {
	if keep {
		if sp, ok := c.texts[y]; ok {
			return sp, nil
		}
	}
	sp, ok := c.out.addString(y.Value)
	if !ok {
		return span{}, &syntaxError{y.Line, y.Column, "the document holds more text than the loader can hold"}
	}
	if keep {
		c.texts[y] = sp
	}
	return sp, nil
}

// convert makes the node of y. anchor is nil, or the anchored node of the
// alias through which y is reached. The YAML nodes are let go as they are
// converted, except those of anchors (keep), which aliases may expand again.
func (c *yamlConverter) convert(y *yaml.Node, depth int, anchor *yaml.Node, keep bool) (node, error) {
	if depth > maxDepth {
		return node{}, depthError(y.Line, y.Column)
	}
	c.nodes++
	if c.nodes > c.limit {
		return node{}, &syntaxError{y.Line, y.Column, fmt.Sprintf("aliases expand the document to more than %d times its size; write the values out", maxExpansion)}
	}
	n := node{line: int32(y.Line), col: int32(y.Column)}
	if y.Style&yaml.TaggedStyle != 0 {
		n.flags |= explicitTag
	}
	if anchor != nil {
		n.anchorLine, n.anchorCol = int32(anchor.Line), int32(anchor.Column)
	}
	keep = keep || y.Anchor != ""
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return node{}, &syntaxError{y.Line, y.Column, "an alias refers to no anchor"}
		}
		a, err := c.convert(y.Alias, depth, y.Alias, true)
		if err != nil {
			return node{}, err
		}
		a.line, a.col = int32(y.Line), int32(y.Column)
		return a, nil
	case yaml.MappingNode:
		if err := c.collectionTag(y, "!!map", "a mapping"); err != nil {
			return node{}, err
		}
		n.kind = mappingNode
		from := len(c.out.stack)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return node{}, &syntaxError{k.Line, k.Column, "a mapping key must be a plain name"}
			}
			if k.ShortTag() == "!!merge" {
				return node{}, &syntaxError{k.Line, k.Column, "merge keys (<<) are not supported; write the fields out"}
			}
			if err := c.scalarText(k); err != nil {
				return node{}, err
			}
			val, err := c.convert(v, depth+1, anchor, keep)
			if err != nil {
				return node{}, err
			}
			if val.key, err = c.scalarSpan(k, keep); err != nil {
				return node{}, err
			}
			val.keyLine, val.keyCol = int32(k.Line), int32(k.Column)
			val.flags |= keyInText
			c.out.stack = append(c.out.stack, val)
			if !keep {
				y.Content[i], y.Content[i+1] = nil, nil
			}
		}
		c.out.close(&n, from)
	case yaml.SequenceNode:
		if err := c.collectionTag(y, "!!seq", "a list"); err != nil {
			return node{}, err
		}
		n.kind = sequenceNode
		from := len(c.out.stack)
		for i, item := range y.Content {
			v, err := c.convert(item, depth+1, anchor, keep)
			if err != nil {
				return node{}, err
			}
			c.out.stack = append(c.out.stack, v)
			if !keep {
				y.Content[i] = nil
			}
		}
		c.out.close(&n, from)
	case yaml.ScalarNode:
		if err := c.scalarText(y); err != nil {
			return node{}, err
		}
		short := y.ShortTag()
		switch short {
		case "!!null":
			n.kind, n.tag = nullNode, nullTag
			return n, nil
		case "!!merge": // "<<" as a value, not a key: text
			short = "!!str"
		}
		tag, ok := tagOf(short)
		if !ok { // scalarText refuses every other tag
			return node{}, c.tagError(y, fmt.Sprintf("YAML tag %s is not supported; write a plain value", short))
		}
		var err error
		if n.val, err = c.scalarSpan(y, keep); err != nil {
			return node{}, err
		}
		n.kind, n.tag = scalarNode, tag
		n.flags |= valInText
		if y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			n.flags |= quotedNode
		}
	default:
		return node{}, &syntaxError{y.Line, y.Column, "unexpected YAML element"}
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
	data []byte
	at   cursor // lines and columns of offsets
	off  int    // where the current content line starts, or len(data)
	end  int    // where it ends (before its line break)
	ind  int    // its indentation, in spaces
	out  builder
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
	n         node
	line, col int32
	nodes     int
}

// text is the text of a scalar or a key that blockYAML read: a span of the
// document, or of the tree's text with inText.
type text struct {
	span
	inText bool
}

// parseBlockYAML returns the tree of a document that blockYAML reads, or
// ok false.
func parseBlockYAML(data []byte) (t *tree, ok bool) {
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
	p := newBlockYAML(data)
	if !p.skip(0) || p.off == len(data) {
		return nil, false
	}
	root, ok := p.block(p.off+p.ind, 0)
	if !ok || p.off != len(data) || p.nodes > expansionLimit(p.written+1) {
		return nil, false
	}
	p.out.root = root
	return &p.out.tree, true
}

func newBlockYAML(data []byte) *blockYAML {
	return &blockYAML{data: data, at: cursor{data: data, line: 1, col: 1}, out: newBuilder(data, yamlNodes(data)),
		anchors: map[string]anchored{}, open: map[string]int{}}
}

// yamlNodes estimates the nodes of the tree of a block YAML document, less
// the outermost, so that they are allocated once: one for the value of each
// key (": ") and each list entry ("- "), and for each item of a flow
// collection, outside quotes, comments and block scalars. The nodes grow
// past it where aliases copy nodes.
func yamlNodes(data []byte) int {
	n, flow := 0, 0
	block := -1 // the indentation of the line that opens a block scalar, while its lines are passed
	for off := 0; off < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i
		}
		line := bytes.TrimSuffix(data[off:end], []byte("\r"))
		off = end + 1
		ind := len(line) - len(bytes.TrimLeft(line, " "))
		if block >= 0 && (ind == len(line) || ind > block) {
			continue
		}
		block = -1
		for i := ind; i < len(line); i++ {
			c := line[i]
			start := i == ind || line[i-1] == ' ' || flow > 0 && strings.IndexByte("[{,", line[i-1]) >= 0
			last := i+1 == len(line) || line[i+1] == ' '
			switch {
			case c == '#' && (i == 0 || line[i-1] == ' '):
				i = len(line)
			case (c == '\'' || c == '"') && start:
				q := bytes.IndexByte(line[i+1:], c)
				if q < 0 {
					i = len(line)
				} else {
					i += 1 + q
				}
			case c == '-' && start && last, c == ':' && last:
				n++
			case (c == '[' || c == '{') && start:
				flow++
				n++
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case c == ',' && flow > 0:
				n++
			case (c == '|' || c == '>') && start && flow == 0:
				block, i = ind, len(line)
			}
		}
	}
	return n
}

// bytes returns the bytes of a text read.
func (p *blockYAML) bytes(t text) []byte { return p.out.textOf(t.span, t.inText) }

// newText adds a text that the document does not hold as it stands.
func (p *blockYAML) newText(b []byte) (text, bool) {
	sp, ok := p.out.addText(b)
	return text{sp, true}, ok
}

// push puts a collection's element on the builder's stack, with its key
// where it is a mapping's value.
func (p *blockYAML) push(n node, key text, keyLine, keyCol int) {
	if keyLine > 0 {
		n.key, n.keyLine, n.keyCol = key.span, int32(keyLine), int32(keyCol)
		if key.inText {
			n.flags |= keyInText
		}
	}
	p.out.stack = append(p.out.stack, n)
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

func (p *blockYAML) newNode(o int, kind nodeKind) node {
	p.nodes++
	p.written++
	line, col := p.at.at(o)
	return node{kind: kind, line: int32(line), col: int32(col)}
}

// block reads the mapping or list whose first element starts at o.
func (p *blockYAML) block(o, depth int) (node, bool) {
	if depth > maxDepth-1 {
		return node{}, false
	}
	if p.entry(o) {
		return p.list(o, depth)
	}
	return p.mapping(o, depth)
}

func (p *blockYAML) mapping(o, depth int) (node, bool) {
	ind := o - p.off
	n := p.newNode(o, mappingNode)
	from := len(p.out.stack)
	defer func() { p.out.stack = p.out.stack[:from] }()
	for {
		name, quoted, _, colon, ok := p.scalar(o, false)
		if !ok || colon < 0 || !quoted && string(p.bytes(name)) == "<<" || colon-o > 1000 {
			return node{}, false
		}
		line, col := p.at.at(o)
		val, ok := p.value(colon, ind, depth+1)
		if !ok {
			return node{}, false
		}
		p.push(val, name, line, col)
		if p.off == len(p.data) || p.ind < ind {
			break
		}
		if o = p.off + p.ind; p.ind > ind || p.entry(o) {
			return node{}, false
		}
	}
	p.out.close(&n, from)
	return n, true
}

// value reads the value of a key of a mapping indented ind, from o (after
// the colon).
func (p *blockYAML) value(o, ind, depth int) (node, bool) {
	if !p.rest(o) {
		if o < p.end && p.data[o] != ' ' {
			return node{}, false
		}
		return p.inline(p.blank(o), ind, depth)
	}
	if !p.nextLine() || p.off == len(p.data) || p.ind < ind {
		return node{}, false
	}
	if p.ind > ind || p.entry(p.off+p.ind) { // a list may stand at its key's indentation
		return p.block(p.off+p.ind, depth)
	}
	return node{}, false
}

func (p *blockYAML) list(o, depth int) (node, bool) {
	ind := o - p.off
	n := p.newNode(o, sequenceNode)
	from := len(p.out.stack)
	defer func() { p.out.stack = p.out.stack[:from] }()
	for {
		var item node
		var ok bool
		if i := o + 1; p.rest(i) {
			if !p.nextLine() || p.off == len(p.data) || p.ind <= ind {
				return node{}, false
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
			return node{}, false
		}
		p.push(item, text{}, 0, 0)
		if p.off == len(p.data) || p.ind < ind {
			break
		}
		if o = p.off + p.ind; p.ind > ind {
			return node{}, false
		}
		if !p.entry(o) {
			break // the next key of the mapping the list is the value of
		}
	}
	p.out.close(&n, from)
	return n, true
}

// inline reads a value that starts on the line of its key or list entry,
// at o, in a collection indented ind, and moves to the line after it: that
// line may not be indented deeper. A scalar goes on over the lines indented
// deeper than ind that follow it, folded as YAML folds them.
func (p *blockYAML) inline(o, ind, depth int) (node, bool) {
	var n node
	var after int
	var ok bool
	switch c := p.data[o]; c {
	case '[', '{':
		n, after, ok = p.flow(o, depth)
	case '&':
		return p.anchor(o, ind, depth)
	case '*':
		if n, after, ok = p.alias(o, depth); !ok {
			return node{}, false
		}
	case '|', '>':
		n = p.newNode(o, scalarNode)
		t, ok := p.blockScalar(o, ind)
		if !ok || p.off < len(p.data) && p.ind > ind {
			return node{}, false
		}
		p.setText(&n, t, strTag)
		return n, true
	case '\'', '"':
		n = p.newNode(o, scalarNode)
		var t text
		if t, after, ok = p.quotedLines(o, ind); ok {
			p.setText(&n, t, strTag)
			n.flags |= quotedNode
		}
	default:
		var t text
		var colon int
		if t, _, after, colon, ok = p.scalar(o, false); !ok || colon >= 0 {
			return node{}, false
		}
		n = p.newNode(o, scalarNode)
		if p.blank(after) == p.end { // no comment: the lines after it may go on
			if t, after, ok = p.plainLines(t, ind); !ok {
				return node{}, false
			}
		}
		ok = p.resolve(&n, t)
	}
	if !ok || !p.rest(after) || !p.nextLine() || p.off < len(p.data) && p.ind > ind {
		return node{}, false
	}
	return n, true
}

// setText gives scalar n its text and tag.
func (p *blockYAML) setText(n *node, t text, tag scalarTag) {
	n.val, n.tag = t.span, tag
	if t.inText {
		n.flags |= valInText
	}
}

// scalarNode makes the node of a scalar at o.
func (p *blockYAML) scalarNode(o int, t text, quoted bool) (node, bool) {
	n := p.newNode(o, scalarNode)
	if quoted {
		p.setText(&n, t, strTag)
		n.flags |= quotedNode
		return n, true
	}
	return n, p.resolve(&n, t)
}

// resolve sets the value and the tag of a plain scalar as the YAML library
// resolves them: a text whose first character starts no other type is a
// string, and so is one that starts with a letter and is longer than the
// words the library resolves (true, False, null, ...); the library itself
// resolves the others.
func (p *blockYAML) resolve(n *node, t text) bool {
	b := p.bytes(t)
	short := "!!str"
	if len(b) == 0 || strings.IndexByte("+-0123456789~<.", b[0]) >= 0 || strings.IndexByte("yYnNtTfFoO", b[0]) >= 0 && len(b) <= len("false") {
		short = (&yaml.Node{Kind: yaml.ScalarNode, Value: string(b)}).ShortTag()
	}
	switch short {
	case "!!null":
		n.kind, n.tag = nullNode, nullTag
		return true
	case "!!merge": // "<<" as a value, not a key: text
		short = "!!str"
	}
	tag, ok := tagOf(short)
	p.setText(n, t, tag)
	return ok
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
func (p *blockYAML) plainLines(first text, ind int) (text, int, bool) {
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
			return text{}, 0, false
		}
		more, colon, ok := p.plainText(i, false)
		if !ok || colon >= 0 {
			return text{}, 0, false
		}
		if b == nil {
			b = append(b, p.bytes(first)...)
		}
		b = append(fold(b, blanks), p.data[i:more]...)
		blanks, after, end = 0, more, stop
		if p.blank(more) < p.end {
			break // a comment ends the scalar
		}
	}
	if b == nil {
		return first, after, true
	}
	t, ok := p.newText(b)
	return t, after, ok
}

// quotedLines scans the quoted scalar at o, whose lines after the first
// are indented deeper than ind, and returns its text and the offset after
// it on the line it ends on, which becomes the current line.
func (p *blockYAML) quotedLines(o, ind int) (text, int, bool) {
	var b []byte
	for start := o + 1; ; {
		t, after, more, closed, ok := p.quoteLine(p.data[o], b, start)
		if !ok || closed {
			return t, after, ok
		}
		blanks := 0
		for end := p.end; ; {
			next, stop, lineInd, ok := p.lineAfter(end)
			if !ok || lineInd <= ind && next+lineInd < stop {
				return text{}, 0, false
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
func (p *blockYAML) flow(o, depth int) (node, int, bool) {
	if depth > maxDepth-1 {
		return node{}, 0, false
	}
	d := p.data
	closer := byte(']')
	n := p.newNode(o, sequenceNode)
	if d[o] == '{' {
		closer, n.kind = '}', mappingNode
	}
	from := len(p.out.stack)
	defer func() { p.out.stack = p.out.stack[:from] }()
	i := p.blank(o + 1)
	if i < p.end && d[i] == closer {
		return n, i + 1, true
	}
	for {
		if i == p.end {
			return node{}, 0, false
		}
		var name text
		var keyLine, keyCol int
		if n.kind == mappingNode {
			var quoted, ok bool
			var colon int
			name, quoted, _, colon, ok = p.scalar(i, true)
			if !ok || colon < 0 || !quoted && string(p.bytes(name)) == "<<" {
				return node{}, 0, false
			}
			keyLine, keyCol = p.at.at(i)
			if i = p.blank(colon); i == p.end || d[i] == ',' || d[i] == closer {
				return node{}, 0, false
			}
		}
		var item node
		var ok bool
		if c := d[i]; c == '[' || c == '{' {
			item, i, ok = p.flow(i, depth+1)
		} else {
			start := i
			var t text
			var quoted bool
			var colon int
			t, quoted, i, colon, ok = p.scalar(start, true)
			if ok = ok && colon < 0; ok {
				item, ok = p.scalarNode(start, t, quoted)
			}
		}
		if !ok {
			return node{}, 0, false
		}
		p.push(item, name, keyLine, keyCol)
		switch i = p.blank(i); {
		case i < p.end && d[i] == ',':
			if i = p.blank(i + 1); i < p.end && d[i] == closer {
				return node{}, 0, false // a trailing comma
			}
		case i < p.end && d[i] == closer:
			p.out.close(&n, from)
			return n, i + 1, true
		default:
			return node{}, 0, false
		}
	}
}

// scalar scans the scalar at o on the current line, in a block or a flow
// collection: its text, whether it is quoted, the offset after it, and, if
// it is a key (a colon and a blank follow it), the offset after the colon,
// else -1. ok is false where no scalar of the subset starts at o.
func (p *blockYAML) scalar(o int, flow bool) (t text, quoted bool, after, colon int, ok bool) {
	d := p.data
	colon = -1
	if c := d[o]; c == '\'' || c == '"' {
		if t, after, ok = p.quoted(o); !ok {
			return text{}, false, 0, -1, false
		}
		if i := p.blank(after); i < p.end && d[i] == ':' && (i+1 == p.end || d[i+1] == ' ') {
			colon = i + 1
		}
		return t, true, after, colon, true
	}
	if !p.plainStart(o, flow) {
		return text{}, false, 0, -1, false
	}
	end, colon, ok := p.plainText(o, flow)
	if !ok {
		return text{}, false, 0, -1, false
	}
	return text{span: spanOf(o, end)}, false, end, colon, true
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
func (p *blockYAML) quoted(o int) (text, int, bool) {
	t, after, _, closed, ok := p.quoteLine(p.data[o], nil, o+1)
	return t, after, ok && closed
}

// quoteLine scans the current line of a scalar quoted with q from start,
// with b its text before start, if any. It returns the text and the offset
// after the closing quote where the scalar closes on the line, else (closed
// false) the text up to the end of the line without the blanks there. ok is
// false for an escape (\) in double quotes.
func (p *blockYAML) quoteLine(q byte, b []byte, start int) (t text, after int, more []byte, closed, ok bool) {
	d := p.data
	for i := start; i < p.end; i++ {
		switch {
		case q == '"' && d[i] == '\\':
			return text{}, 0, nil, false, false
		case d[i] != q:
		case q == '\'' && i+1 < p.end && d[i+1] == '\'':
			b = append(b, d[start:i+1]...)
			i++
			start = i + 1
		case b == nil:
			return text{span: spanOf(start, i)}, i + 1, nil, true, true
		default:
			t, ok := p.newText(append(b, d[start:i]...))
			return t, i + 1, nil, true, ok
		}
	}
	return text{}, 0, append(b, bytes.TrimRight(d[start:p.end], " ")...), false, true
}

// blockScalar reads the literal (|) or folded (>) scalar whose indicator
// is at o, in a collection indented ind, with its lines, and moves to the
// line after them. It reads the forms registers use: the indentation found
// from the first line, clipped (the last line's break) or stripped (-, none),
// lines folded where none is indented deeper than the first; it gives up on
// an indentation indicator, keep (+), blank lines before the first line or
// with more spaces than the indentation, and folded lines indented deeper.
func (p *blockYAML) blockScalar(o, ind int) (text, bool) {
	d := p.data
	literal, strip := d[o] == '|', false
	i := o + 1
	if i < p.end && d[i] == '-' {
		strip = true
		i++
	}
	if !p.rest(i) || i < p.end && d[i] != ' ' {
		return text{}, false
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
				return text{}, false
			}
			blanks++
			end = stop
			continue
		}
		if content < 0 {
			if lineInd <= ind {
				return text{}, false
			}
			content = lineInd
		}
		if lineInd < content {
			break
		}
		if !literal && lineInd > content {
			return text{}, false
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
		return text{}, false
	}
	if !strip && last < len(d) { // clip: the last line's break, where it has one
		b = append(b, '\n')
	}
	return p.newText(b)
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
func (p *blockYAML) anchor(o, ind, depth int) (node, bool) {
	line, col := p.at.at(o)
	name, after, ok := p.anchorName(o)
	if !ok {
		return node{}, false
	}
	before := p.nodes
	p.open[name]++
	var n node
	if p.rest(after) {
		if !p.nextLine() || p.off == len(p.data) || p.ind <= ind {
			return node{}, false
		}
		n, ok = p.block(p.off+p.ind, depth)
	} else if i := p.blank(after); p.data[i] != '&' && p.data[i] != '*' {
		n, ok = p.inline(i, ind, depth)
	} else {
		return node{}, false
	}
	p.open[name]--
	if !ok {
		return node{}, false
	}
	n.line, n.col = int32(line), int32(col)
	p.anchors[name] = anchored{n, int32(line), int32(col), p.nodes - before}
	return n, true
}

// alias reads the alias at o: a copy of the node of its anchor, as the
// loader's tree holds it (see node.anchorLine), and the offset after it.
func (p *blockYAML) alias(o, depth int) (node, int, bool) {
	line, col := p.at.at(o)
	name, after, ok := p.anchorName(o)
	a, found := p.anchors[name]
	if !ok || !found || p.open[name] > 0 {
		return node{}, 0, false
	}
	p.nodes += 1 + a.nodes
	p.written++
	if p.nodes > expansionLimit(len(p.data)+1) {
		return node{}, 0, false
	}
	n, ok := p.copyNode(a.n, a.line, a.col, depth)
	if !ok {
		return node{}, 0, false
	}
	n.line, n.col = int32(line), int32(col)
	return n, after, true
}

// copyNode copies the tree of an anchored node for an alias: its nodes
// carry where the anchor stands, except those that an inner alias reached,
// which carry that alias's anchor. The children of a copied collection are
// copied side by side after the tree's nodes; they share their texts with
// the anchor's.
func (p *blockYAML) copyNode(n node, line, col int32, depth int) (node, bool) {
	if depth > maxDepth-1 {
		return node{}, false
	}
	c := n
	if c.anchorLine == 0 {
		c.anchorLine, c.anchorCol = line, col
	}
	if n.kind != mappingNode && n.kind != sequenceNode {
		return c, true
	}
	first, count := len(p.out.nodes), int(n.val.end-n.val.off)
	p.out.nodes = append(p.out.nodes, make([]node, count)...)
	for i := range count {
		k, ok := p.copyNode(p.out.nodes[int(n.val.off)+i], line, col, depth+1)
		if !ok {
			return node{}, false
		}
		p.out.nodes[first+i] = k
	}
	c.val = spanOf(first, first+count)
	return c, true
}
