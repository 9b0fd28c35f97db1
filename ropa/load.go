package ropa

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
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
	w := &walker{format: format, positions: map[string]Position{}}
	if root.kind != mappingNode {
		w.problem(root, "", "expected a mapping of the fields of a register, found %s", root.kind)
	} else {
		w.checkSchema(root)
		w.walk(root, reflect.TypeFor[Register](), "")
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
	js := data
	if format == YAML {
		var buf bytes.Buffer
		emit(&buf, root, reflect.TypeFor[Register]())
		js = buf.Bytes()
	}
	reg := &Register{}
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(js, bom)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(reg); err != nil {
		return nil, &LoadError{Problems: []Problem{{Position: Position{root.line, root.col}, Message: "cannot decode the register: " + err.Error()}}}
	}
	reg.positions = w.positions
	return reg, nil
}

// Position returns where the element at a JSON path stood in the document
// the register was read from. For a path that was not in the document (a
// missing field), it returns the position of the nearest enclosing element
// that was. ok is false for a register not read from a document.
func (r *Register) Position(path string) (pos Position, ok bool) {
	if r == nil || r.positions == nil {
		return Position{}, false
	}
	for {
		if p, found := r.positions[path]; found {
			return p, true
		}
		if path == "" {
			return Position{}, false
		}
		path = parentPath(path)
	}
}

// parentPath removes the last element of a JSON path.
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

func joinPath(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// field is one JSON field of a struct type, with the index path to reach it
// through embedded structs.
type field struct {
	name  string
	index []int
	typ   reflect.Type
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
			sf.byName[name] = field{name, append(append([]int(nil), index...), i), f.Type}
			sf.names = append(sf.names, name)
		}
	}
	add(t, nil)
	fieldCache.Store(t, sf)
	return sf
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

type walker struct {
	format    Format
	problems  []Problem
	positions map[string]Position
}

func (w *walker) problem(n *node, path, format string, args ...any) {
	w.problems = append(w.problems, Problem{Position{n.line, n.col}, path, fmt.Sprintf(format, args...)})
}

func (w *walker) checkSchema(root *node) {
	for i, k := range root.keys {
		if k.value != "schema" {
			continue
		}
		v := root.vals[i]
		if v.kind == scalarNode && v.value != SchemaV1 {
			w.problem(v, "schema", "unsupported schema %q; this library reads %q", v.value, SchemaV1)
		}
		if v.kind == nullNode {
			w.problem(v, "schema", "schema is empty; write schema: %s", SchemaV1)
		}
		return
	}
	w.problem(root, "schema", "schema is missing; add schema: %s at the top of the register", SchemaV1)
}

func (w *walker) walk(n *node, t reflect.Type, path string) {
	w.positions[path] = Position{n.line, n.col}
	if n.kind == nullNode {
		return // null is "not given"; validation reports what is required
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshaler) {
		if !w.scalar(n, path, "a text value") {
			return
		}
		v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := v.UnmarshalText([]byte(n.value)); err != nil {
			w.problem(n, path, "%s", strings.TrimPrefix(err.Error(), "retention: "))
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		w.walk(n, t.Elem(), path)
	case reflect.Struct:
		w.walkStruct(n, t, path)
	case reflect.Slice:
		if n.kind != sequenceNode {
			w.problem(n, path, "expected a list, found %s", n.kind)
			return
		}
		for i, item := range n.items {
			ip := path + "[" + strconv.Itoa(i) + "]"
			if item.kind == nullNode {
				w.positions[ip] = Position{item.line, item.col}
				w.problem(item, ip, "empty list item; give it a value or remove it")
				continue
			}
			w.walk(item, t.Elem(), ip)
		}
	case reflect.String:
		if !w.scalar(n, path, "a text value") {
			return
		}
		if w.format == JSON && n.tag != "str" {
			w.problem(n, path, "expected a string, found %s %s; put it in quotes", n.tag, n.value)
			return
		}
		if values, ok := enumValues[t]; ok && !contains(values, n.value) {
			w.problem(n, path, "unknown value %q; want one of %s%s", n.value, strings.Join(values, ", "), suggest(n.value, values))
		}
	case reflect.Bool:
		if !w.scalar(n, path, "true or false") {
			return
		}
		if n.tag != "bool" {
			w.problem(n, path, "expected true or false, found %q", n.value)
		}
	case reflect.Int, reflect.Int64:
		if !w.scalar(n, path, "a whole number") {
			return
		}
		if _, err := strconv.ParseInt(n.value, 10, 64); err != nil || n.tag != "int" {
			w.problem(n, path, "expected a whole number, found %q", n.value)
		}
	default:
		w.problem(n, path, "this field cannot be read from a document")
	}
}

func (w *walker) scalar(n *node, path, want string) bool {
	if n.kind != scalarNode {
		w.problem(n, path, "expected %s, found %s", want, n.kind)
		return false
	}
	return true
}

func (w *walker) walkStruct(n *node, t reflect.Type, path string) {
	if n.kind != mappingNode {
		what := "fields"
		if path == "" {
			what = "the fields of a register"
		}
		w.problem(n, path, "expected a mapping of %s, found %s", what, n.kind)
		return
	}
	fs := fieldsOf(t)
	seen := map[string]*node{}
	for i, k := range n.keys {
		name := k.value
		if first, dup := seen[name]; dup {
			w.problem(k, joinPath(path, name), "field %q is given twice (first at line %d); keep one", name, first.line)
			continue
		}
		seen[name] = k
		f, ok := fs.byName[name]
		if !ok {
			w.problem(k, joinPath(path, name), "unknown field %q%s", name, suggest(name, fs.names))
			continue
		}
		w.walk(n.vals[i], f.typ, joinPath(path, name))
	}
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

// suggest proposes the closest of the known names to a misspelt one.
func suggest(got string, known []string) string {
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := distance(strings.ToLower(got), strings.ToLower(k)); d < bestD {
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

// emit writes a checked YAML node tree as JSON, directed by the Go type it
// will be decoded into, so that every scalar keeps the text it was written with.
func emit(buf *bytes.Buffer, n *node, t reflect.Type) {
	if n.kind == nullNode {
		buf.WriteString("null")
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case reflect.PointerTo(t).Implements(textUnmarshaler), t.Kind() == reflect.String:
		b, _ := json.Marshal(n.value)
		buf.Write(b)
	case t.Kind() == reflect.Bool:
		buf.WriteString(strings.ToLower(n.value))
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		v, _ := strconv.ParseInt(n.value, 10, 64)
		buf.WriteString(strconv.FormatInt(v, 10))
	case t.Kind() == reflect.Slice:
		buf.WriteByte('[')
		for i, item := range n.items {
			if i > 0 {
				buf.WriteByte(',')
			}
			emit(buf, item, t.Elem())
		}
		buf.WriteByte(']')
	case t.Kind() == reflect.Struct:
		fs := fieldsOf(t)
		buf.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				buf.WriteByte(',')
			}
			b, _ := json.Marshal(k.value)
			buf.Write(b)
			buf.WriteByte(':')
			emit(buf, n.vals[i], fs.byName[k.value].typ)
		}
		buf.WriteByte('}')
	}
}
