package ropa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// node is one element of a parsed document, with where it stood. Both
// formats parse into nodes, so that one strict walk checks both.
type node struct {
	kind nodeKind
	// quoted is true for a JSON string or a quoted YAML scalar.
	quoted    bool
	line, col int
	// value holds a scalar's text exactly as written (without quotes).
	value string
	// tag classifies a scalar: "str", "int", "float", "bool", "null" or, in
	// YAML, another resolved tag such as "timestamp".
	tag  string
	keys []key   // a mapping's keys, in order
	kids []*node // a mapping's values (kids[i] is the value of keys[i]) or a list's items
}

// key is a key of a mapping: a field name, with where it stood. Keys are held
// by value: a document has as many keys as values.
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

// lineIndex maps byte offsets to lines and columns (both from 1, columns in characters).
type lineIndex struct {
	data   []byte
	starts []int
}

func newLineIndex(data []byte) *lineIndex {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{data, starts}
}

func (li *lineIndex) at(offset int) (line, col int) {
	if offset > len(li.data) {
		offset = len(li.data)
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > offset }) - 1
	return i + 1, utf8.RuneCount(li.data[li.starts[i]:offset]) + 1
}

func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	li := newLineIndex(data)
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			line, col := li.at(off)
			return &syntaxError{line, col, "the document is not valid UTF-8; save it as UTF-8"}
		}
		off += size
	}
	return nil
}

var bom = []byte("\xef\xbb\xbf")

// parseJSON parses a JSON document into nodes.
func parseJSON(data []byte) (*node, error) {
	data = bytes.TrimPrefix(data, bom)
	if err := checkUTF8(data); err != nil {
		return nil, err
	}
	p := &jsonParser{data: data, li: newLineIndex(data), dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &syntaxError{1, 1, "empty document: a register needs at least \"schema\": \"openropa/v1\""}
	}
	root, err := p.value(0)
	if err != nil {
		return nil, err
	}
	start := p.next()
	if _, err := p.dec.Token(); err != io.EOF {
		line, col := p.li.at(start)
		return nil, &syntaxError{line, col, "unexpected data after the end of the document"}
	}
	return root, nil
}

type jsonParser struct {
	data []byte
	li   *lineIndex
	dec  *json.Decoder
}

// next returns the offset at which the next token starts.
func (p *jsonParser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *jsonParser) syntax(err error, at int) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := p.li.at(int(se.Offset))
		return &syntaxError{line, col, se.Error()}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		line, col := p.li.at(len(p.data))
		return &syntaxError{line, col, "unexpected end of the document: a bracket or brace is not closed"}
	}
	line, col := p.li.at(at)
	return &syntaxError{line, col, err.Error()}
}

func (p *jsonParser) value(depth int) (*node, error) {
	start := p.next()
	line, col := p.li.at(start)
	if depth > maxDepth {
		return nil, &syntaxError{line, col, fmt.Sprintf("the document nests deeper than %d levels", maxDepth)}
	}
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(err, start)
	}
	n := &node{line: line, col: col}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			n.kind = mappingNode
			for p.dec.More() {
				kstart := p.next()
				ktok, err := p.dec.Token()
				if err != nil {
					return nil, p.syntax(err, kstart)
				}
				name, ok := ktok.(string)
				if !ok {
					kl, kc := p.li.at(kstart)
					return nil, &syntaxError{kl, kc, "object key must be a string"}
				}
				kl, kc := p.li.at(kstart)
				val, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key{name: name, line: kl, col: kc})
				n.kids = append(n.kids, val)
			}
		case '[':
			n.kind = sequenceNode
			for p.dec.More() {
				item, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.kids = append(n.kids, item)
			}
		}
		end := p.next()
		if _, err := p.dec.Token(); err != nil {
			return nil, p.syntax(err, end)
		}
	case string:
		n.kind, n.value, n.tag, n.quoted = scalarNode, v, "str", true
	case json.Number:
		n.kind, n.value, n.tag = scalarNode, v.String(), "float"
		if _, err := strconv.ParseInt(v.String(), 10, 64); err == nil {
			n.tag = "int"
		}
	case bool:
		n.kind, n.value, n.tag = scalarNode, strconv.FormatBool(v), "bool"
	case nil:
		n.kind, n.tag = nullNode, "null"
	}
	return n, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses a YAML document into nodes.
func parseYAML(data []byte) (*node, error) {
	if err := checkUTF8(data); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, &syntaxError{1, 1, "empty document: a register needs at least schema: openropa/v1"}
		}
		return nil, yamlError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &syntaxError{extra.Line, extra.Column, "a register file holds one YAML document; remove the second one (after ---)"}
	} else if err != io.EOF {
		return nil, yamlError(err)
	}
	c := &yamlConverter{limit: maxExpansion*countNodes(&doc) + expansionSlack}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return c.convert(doc.Content[0], 0)
	}
	return nil, &syntaxError{1, 1, "empty document: a register needs at least schema: openropa/v1"}
}

func yamlError(err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &syntaxError{line, 0, m[2]}
	}
	return &syntaxError{1, 0, msg}
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

type yamlConverter struct{ nodes, limit int }

func (c *yamlConverter) convert(y *yaml.Node, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, &syntaxError{y.Line, y.Column, fmt.Sprintf("the document nests deeper than %d levels", maxDepth)}
	}
	c.nodes++
	if c.nodes > c.limit {
		return nil, &syntaxError{y.Line, y.Column, fmt.Sprintf("aliases expand the document to more than %d times its size; write the values out", maxExpansion)}
	}
	n := &node{line: y.Line, col: y.Column}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &syntaxError{y.Line, y.Column, "an alias refers to no anchor"}
		}
		a, err := c.convert(y.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		cp := *a
		cp.line, cp.col = y.Line, y.Column
		return &cp, nil
	case yaml.MappingNode:
		n.kind = mappingNode
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, &syntaxError{k.Line, k.Column, "a mapping key must be a plain name"}
			}
			if k.ShortTag() == "!!merge" {
				return nil, &syntaxError{k.Line, k.Column, "merge keys (<<) are not supported; write the fields out"}
			}
			val, err := c.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key{name: k.Value, line: k.Line, col: k.Column})
			n.kids = append(n.kids, val)
		}
	case yaml.SequenceNode:
		n.kind = sequenceNode
		for _, item := range y.Content {
			v, err := c.convert(item, depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, v)
		}
	case yaml.ScalarNode:
		tag := y.ShortTag()
		switch tag {
		case "!!null":
			n.kind, n.tag = nullNode, "null"
			return n, nil
		case "!!str", "!!int", "!!float", "!!bool", "!!timestamp":
		default:
			return nil, &syntaxError{y.Line, y.Column, fmt.Sprintf("YAML tag %s is not supported; write a plain value", tag)}
		}
		n.kind, n.value, n.tag = scalarNode, y.Value, tag[2:]
		n.quoted = y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	default:
		return nil, &syntaxError{y.Line, y.Column, "unexpected YAML element"}
	}
	return n, nil
}

// anchorOf returns where the anchor of a node copied from a YAML alias
// stands, or the zero Position.
func anchorOf(n *node) Position { return Position{} }
