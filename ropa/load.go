package ropa

import (
	"encoding"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Format is the syntax of a register document.
type Format string

// The formats a register can be read from.
const (
	JSON Format = "json"
	YAML Format = "yaml"
)

// FormatOf returns the format that a file name's extension names: .json is
// JSON, .yaml and .yml are YAML.
func FormatOf(name string) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return JSON, nil
	case ".yaml", ".yml":
		return YAML, nil
	}
	return "", fmt.Errorf("ropa: %s: cannot tell the format from the extension; use .json, .yaml or .yml", name)
}

// Position is where an element stood in the document it was read from.
// Lines and columns count from 1; a column of 0 means unknown.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// String formats the position as "line:column", or "line" without a column.
func (p Position) String() string {
	if p.Column == 0 {
		return strconv.Itoa(p.Line)
	}
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// Problem is one reason why a document could not be loaded.
type Problem struct {
	Position
	// Path is the JSON path of the element, such as "activities[2].purposes".
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// LoadError reports every problem found in a document that could not be
// loaded, in the order they stand in it.
type LoadError struct {
	// File is the name of the file, where there is one.
	File     string
	Problems []Problem
}

// Error lists the problems one to a line, as "file:line:column: path: message".
func (e *LoadError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if e.File != "" {
			b.WriteString(e.File + ":")
		}
		b.WriteString(p.Position.String() + ": ")
		if p.Path != "" {
			b.WriteString(p.Path + ": ")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// Load reads a register from a file, in the format its extension names.
func Load(path string) (*Register, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ropa: %w", err)
	}
	reg, err := Decode(data, format)
	if le, ok := err.(*LoadError); ok {
		le.File = path
	}
	return reg, err
}

// Read reads a whole register document from r.
func Read(r io.Reader, format Format) (*Register, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ropa: reading the register: %w", err)
	}
	return Decode(data, format)
}

// Decode parses a register document strictly: unknown fields, values of the
// wrong type, unknown enumeration values, duplicate keys, a missing or
// unsupported schema, and malformed syntax are all errors. The error is a
// *LoadError listing every problem with its line, column and field path.
//
// YAML is read as YAML 1.2: a value is taken as written, so country: NO is
// Norway and postalCode: 01234 keeps its zero. It is then decoded through
// the same JSON struct tags as a JSON document, so both formats behave alike.
func Decode(data []byte, format Format) (*Register, error) {
	var (
		root *node
		err  error
	)
	switch format {
	case JSON:
		root, err = parseJSON(data)
	case YAML:
		root, err = parseYAML(data)
	default:
		return nil, fmt.Errorf("ropa: unknown format %q; use %q or %q", format, JSON, YAML)
	}
	if err != nil {
		se := err.(*syntaxError)
		return nil, &LoadError{Problems: []Problem{{Position: Position{se.line, se.col}, Message: se.msg}}}
	}
	reg := &Register{}
	w := &walker{format: format}
	if root.kind != mappingNode {
		w.problem(root, "expected a mapping of the fields of a register, found %s", root.kind)
	} else {
		w.checkSchema(root)
		w.walk(root, reflect.ValueOf(reg).Elem())
	}
	if len(w.problems) > 0 {
		sort.SliceStable(w.problems, func(i, j int) bool {
			a, b := w.problems[i], w.problems[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Column < b.Column
		})
		return nil, &LoadError{Problems: w.problems}
	}
	p := positionsOf(root)
	reg.positions = &p
	return reg, nil
}

// positions is where the elements of a document stood: a node's line and
// column, its children (a mapping's values or a list's items) and, for a
// mapping, the keys of its values. It is what a register keeps of the
// document it was read from, to answer Register.Position: about a tenth of
// the parsed tree, which holds every value, tag and key node.
type positions struct {
	line, col int
	keys      []string
	kids      []positions
}

// positionsOf makes the positions of a parsed tree. Keys are interned: a
// register repeats the same few field names many times.
func positionsOf(n *node) positions {
	names := map[string]string{}
	var conv func(n *node) positions
	conv = func(n *node) positions {
		p := positions{line: n.line, col: n.col}
		kids := n.kids
		if n.kind == mappingNode {
			p.keys = make([]string, len(n.keys))
			for i, k := range n.keys {
				name, ok := names[k.name]
				if !ok {
					name = k.name
					names[name] = name
				}
				p.keys[i] = name
			}
		}
		if len(kids) > 0 {
			p.kids = make([]positions, len(kids))
			for i, k := range kids {
				p.kids[i] = conv(k)
			}
		}
		return p
	}
	return conv(n)
}

// Position returns where the element at a JSON path stood in the document
// the register was read from. For a path that was not in the document (a
// missing field), it returns the position of the nearest enclosing element
// that was. ok is false for a register not read from a document.
func (r *Register) Position(path string) (pos Position, ok bool) {
	if r == nil || r.positions == nil {
		return Position{}, false
	}
	n := r.positions
	for s := range pathSteps(path) {
		var next *positions
		if s.list {
			if s.index >= 0 && s.index < len(n.kids) && n.keys == nil {
				next = &n.kids[s.index]
			}
		} else if i := slices.Index(n.keys, s.name); i >= 0 {
			next = &n.kids[i]
		}
		if next == nil {
			break
		}
		n = next
	}
	return Position{n.line, n.col}, true
}

// field is one JSON field of a struct type, with the index path to reach it
// through embedded structs.
type field struct {
	name  string
	index []int
	typ   reflect.Type
	rank  int // position among the struct's JSON fields
}

type structFields struct {
	byName map[string]field
	names  []string
}

var fieldCache sync.Map // reflect.Type -> *structFields

func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	sf := &structFields{byName: map[string]field{}}
	var add func(t reflect.Type, index []int)
	add = func(t reflect.Type, index []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
				add(f.Type, append(append([]int(nil), index...), i))
				continue
			}
			if !f.IsExported() || tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			sf.byName[name] = field{name, append(append([]int(nil), index...), i), f.Type, len(sf.names)}
			sf.names = append(sf.names, name)
		}
	}
	add(t, nil)
	fieldCache.Store(t, sf)
	return sf
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

type walker struct {
	format   Format
	problems []Problem
	segs     []seg // the JSON path of the node being walked
}

// seg is one step of a JSON path: a field name, or a list index (name "").
type seg struct {
	name  string
	index int
}

func (w *walker) push(s seg) { w.segs = append(w.segs, s) }
func (w *walker) pop()       { w.segs = w.segs[:len(w.segs)-1] }

// path renders the current JSON path; it is built only for a problem.
func (w *walker) path() string {
	var b strings.Builder
	for _, s := range w.segs {
		if s.name == "" {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// problem records a problem at node n, at the current path.
func (w *walker) problem(n *node, format string, args ...any) {
	w.problemAt(n.line, n.col, format, args...)
}

// problemAt records a problem at a line and column, at the current path.
func (w *walker) problemAt(line, col int, format string, args ...any) {
	w.problems = append(w.problems, Problem{Position{line, col}, w.path(), fmt.Sprintf(format, args...)})
}

var textTypes sync.Map // reflect.Type -> bool

func isText(t reflect.Type) bool {
	if v, ok := textTypes.Load(t); ok {
		return v.(bool)
	}
	is := t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshaler)
	textTypes.Store(t, is)
	return is
}

func (w *walker) checkSchema(root *node) {
	w.push(seg{name: "schema"})
	defer w.pop()
	for i, k := range root.keys {
		if k.name != "schema" {
			continue
		}
		v := root.kids[i]
		if v.kind == scalarNode && v.value != SchemaV1 {
			w.problem(v, "unsupported schema %q; this library reads %q", v.value, SchemaV1)
		}
		if v.kind == nullNode {
			w.problem(v, "schema is empty; write schema: %s", SchemaV1)
		}
		return
	}
	w.problem(root, "schema is missing; add schema: %s at the top of the register", SchemaV1)
}

// walk checks node n against the type of v and stores its value in v: the
// decoding of both formats, through the JSON names of the fields.
func (w *walker) walk(n *node, v reflect.Value) {
	if n.kind == nullNode {
		return // null is "not given"; validation reports what is required
	}
	t := v.Type()
	if isText(t) {
		if !w.scalar(n, "a text value") {
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.value)); err != nil {
			w.problem(n, "%s", strings.TrimPrefix(err.Error(), "retention: "))
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		v.Set(elem)
		w.walk(n, elem.Elem())
	case reflect.Struct:
		w.walkStruct(n, v)
	case reflect.Slice:
		if n.kind != sequenceNode {
			w.problem(n, "expected a list, found %s", n.kind)
			return
		}
		v.Set(reflect.MakeSlice(t, len(n.kids), len(n.kids)))
		for i, item := range n.kids {
			w.push(seg{index: i})
			if item.kind == nullNode {
				w.problem(item, "empty list item; give it a value or remove it")
			} else {
				w.walk(item, v.Index(i))
			}
			w.pop()
		}
	case reflect.String:
		if !w.scalar(n, "a text value") {
			return
		}
		if w.format == JSON && n.tag != "str" {
			w.problem(n, "expected a string, found %s %s; put it in quotes", n.tag, n.value)
			return
		}
		// "" is the zero value, "not given", of every enumeration: the check
		// reports it where a value is required, and it survives a round trip.
		if values, ok := enumValues[t]; ok && n.value != "" && !slices.Contains(values, n.value) {
			w.problem(n, "unknown value %q; want one of %s%s", n.value, strings.Join(values, ", "), suggest(n.value, values))
			return
		}
		v.SetString(n.value)
	case reflect.Bool:
		if !w.scalar(n, "true or false") {
			return
		}
		if n.tag != "bool" {
			w.problem(n, "expected true or false, found %q", n.value)
			return
		}
		v.SetBool(strings.EqualFold(n.value, "true"))
	case reflect.Int, reflect.Int64:
		if !w.scalar(n, "a whole number") {
			return
		}
		i, err := strconv.ParseInt(n.value, 10, 64)
		if err != nil || n.tag != "int" || v.OverflowInt(i) {
			w.problem(n, "expected a whole number, found %q", n.value)
			return
		}
		v.SetInt(i)
	default:
		w.problem(n, "this field cannot be read from a document")
	}
}

func (w *walker) scalar(n *node, want string) bool {
	if n.kind != scalarNode {
		w.problem(n, "expected %s, found %s", want, n.kind)
		return false
	}
	return true
}

func (w *walker) walkStruct(n *node, v reflect.Value) {
	if n.kind != mappingNode {
		what := "fields"
		if len(w.segs) == 0 {
			what = "the fields of a register"
		}
		w.problem(n, "expected a mapping of %s, found %s", what, n.kind)
		return
	}
	fs := fieldsOf(v.Type())
keys:
	for i, k := range n.keys {
		name := k.name
		w.push(seg{name: name})
		for _, prev := range n.keys[:i] {
			if prev.name == name {
				w.problemAt(k.line, k.col, "field %q is given twice (first at line %d); keep one", name, prev.line)
				w.pop()
				continue keys
			}
		}
		if f, ok := fs.byName[name]; ok {
			w.walk(n.kids[i], v.FieldByIndex(f.index))
		} else {
			w.problemAt(k.line, k.col, "unknown field %q%s", name, suggest(name, fs.names))
		}
		w.pop()
	}
}

// suggest proposes the closest of the known names to a misspelt one.
func suggest(got string, known []string) string {
	best, bestD := "", 1<<30
	lower := strings.ToLower(got)
	for _, k := range known {
		if d := distance(lower, strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" && bestD <= max(2, len(got)/3) {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// distance is the Levenshtein distance between two strings, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
