package ropa

import (
	"bytes"
	"encoding"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
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

// Problem is one reason why a document could not be loaded.
type Problem struct {
	Position
	// Path is the JSON path of the element, such as activities[2].purposes.
	Path    Path   `json:"path"`
	Message string `json:"message"`
}

// String formats the problem as "line:column: path: message".
func (p Problem) String() string {
	s := p.Position.String() + ": "
	if !p.Path.IsRoot() {
		s += p.Path.String() + ": "
	}
	return s + p.Message
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
		b.WriteString(p.String())
	}
	return b.String()
}

// DefaultMaxBytes is the largest document Decode, Read and Load accept
// unless WithMaxBytes raises it: 64 MiB, about 35,000 activities in YAML.
// Loading takes several times the size of the document in memory. No
// document may have more than 2 GiB less one byte, whatever the limit: the
// loader holds positions in 32 bits.
const DefaultMaxBytes = 64 << 20

// maxProblems bounds the problems a LoadError lists; the last one says how
// many more there were.
const maxProblems = 500

// LoadOption configures the loading of a document.
type LoadOption func(*loadOptions)

type loadOptions struct{ maxBytes int64 }

// WithMaxBytes sets the largest document to accept, in bytes; a larger one
// is an error before it is parsed.
func WithMaxBytes(n int64) LoadOption { return func(o *loadOptions) { o.maxBytes = n } }

func optionsOf(opts []LoadOption) loadOptions {
	o := loadOptions{maxBytes: DefaultMaxBytes}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// sizeError refuses a document of n bytes that is larger than max, or than
// the loader can give the positions of (maxDocumentBytes), whatever max is.
func sizeError(n, max int64) error {
	msg := ""
	switch {
	case n > max:
		msg = fmt.Sprintf("the document has more than %d bytes (%d), the most this reader accepts; raise the limit (ropa.WithMaxBytes) if the register really is that large", max, n)
	case n > maxDocumentBytes:
		msg = fmt.Sprintf("the document has more than %d bytes (%d), the most a register document can have: the loader holds positions in 32 bits; split the register", int64(maxDocumentBytes), n)
	default:
		return nil
	}
	return &LoadError{Problems: []Problem{{Position: Position{1, 1}, Message: msg}}}
}

// Load reads a register from a file, in the format its extension names,
// and returns it with its source map, whose File is path.
func Load(path string, opts ...LoadOption) (*Register, *Source, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("ropa: %w", err)
	}
	defer f.Close()
	reg, src, err := Read(f, format, opts...)
	if le, ok := err.(*LoadError); ok {
		le.File = path
	}
	if src != nil {
		src.File = path
	}
	return reg, src, err
}

// Read reads a whole register document from r, reading at most the limit
// of the options (DefaultMaxBytes) and one byte more to tell a larger one.
func Read(r io.Reader, format Format, opts ...LoadOption) (*Register, *Source, error) {
	o := optionsOf(opts)
	data, err := io.ReadAll(io.LimitReader(r, min(o.maxBytes, maxDocumentBytes)+1))
	if err != nil {
		return nil, nil, fmt.Errorf("ropa: reading the register: %w", err)
	}
	if err := sizeError(int64(len(data)), o.maxBytes); err != nil {
		return nil, nil, err
	}
	return Decode(data, format, opts...)
}

// Decode parses a register document strictly: unknown fields, values of the
// wrong type, unknown enumeration values, duplicate keys, a missing or
// unsupported schema, and malformed syntax are all errors. The error is a
// *LoadError listing every problem with its line, column and field path.
// It returns the register and its source map, which says where each element
// stood (see Source and Report.Locate).
//
// YAML is read as YAML 1.2: a value is taken as written, so country: NO is
// Norway and postalCode: 01234 keeps its zero. It is then decoded through
// the same JSON struct tags as a JSON document, so both formats behave alike.
func Decode(data []byte, format Format, opts ...LoadOption) (*Register, *Source, error) {
	if err := sizeError(int64(len(data)), optionsOf(opts).maxBytes); err != nil {
		return nil, nil, err
	}
	var (
		t   *tree
		err error
	)
	switch format {
	case JSON:
		t, err = parseJSON(data)
	case YAML:
		t, err = parseYAML(data)
	default:
		return nil, nil, fmt.Errorf("ropa: unknown format %q; use %q or %q", format, JSON, YAML)
	}
	if err != nil {
		se := err.(*syntaxError)
		return nil, nil, &LoadError{Problems: []Problem{{Position: Position{se.line, se.col}, Message: se.msg}}}
	}
	reg := &Register{}
	w := &walker{format: format, tree: t, names: map[string]int32{}, seed: maphash.MakeSeed()}
	// Each node of the tree is at most one element of the source map.
	w.src = make([]srcNode, 1, len(t.nodes)+1)
	if root := &t.root; root.kind != mappingNode {
		w.problem(root, "expected a mapping of the fields of a register, found %s", root.kind)
	} else {
		w.checkSchema(root)
		w.src[0] = w.walk(root, reflect.ValueOf(reg).Elem())
	}
	if len(w.problems) > 0 {
		slices.SortStableFunc(w.problems, func(a, b Problem) int {
			if a.Line != b.Line {
				return cmpInt(a.Line, b.Line)
			}
			return cmpInt(a.Column, b.Column)
		})
		if n := len(w.problems); n > maxProblems {
			last := w.problems[maxProblems-1]
			w.problems = append(w.problems[:maxProblems-1:maxProblems-1], Problem{Position: last.Position,
				Message: fmt.Sprintf("and %d more problems after this line; mend these first", n-maxProblems+1)})
		}
		return nil, nil, &LoadError{Problems: w.problems}
	}
	return reg, &Source{nodes: w.src, names: w.nameList, seed: w.seed}, nil
}

// field is one JSON field of a struct type, with the index path to reach it
// through embedded structs.
type field struct {
	name  string
	index []int
	typ   reflect.Type
	rank  int  // position among the struct's JSON fields
	text  bool // the field's type reads itself from text
	// writes is true where the field's type writes itself as text.
	writes bool
}

type structFields struct {
	byName map[string]field
	names  []string
	list   []field
}

// modelFields holds the fields of every struct type of the model, made once
// from the types and never changed.
var modelFields = func() map[reflect.Type]*structFields {
	m := map[reflect.Type]*structFields{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		if t = structOf(t); t == nil {
			return
		}
		if _, ok := m[t]; ok {
			return
		}
		sf := structFieldsOf(t)
		m[t] = sf
		for _, f := range sf.list {
			visit(f.typ)
		}
	}
	visit(reflect.TypeFor[Register]())
	return m
}()

// fieldsOf returns the JSON fields of a struct type of the model.
func fieldsOf(t reflect.Type) *structFields {
	if sf, ok := modelFields[t]; ok {
		return sf
	}
	return structFieldsOf(t)
}

func structFieldsOf(t reflect.Type) *structFields {
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
			fd := field{name, append(append([]int(nil), index...), i), f.Type, len(sf.list), isText(f.Type), writesText(f.Type)}
			sf.byName[name] = fd
			sf.names = append(sf.names, name)
			sf.list = append(sf.list, fd)
		}
	}
	add(t, nil)
	return sf
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// isText reports whether a type reads itself from text.
func isText(t reflect.Type) bool {
	if k, ok := modelText[t]; ok {
		return k.reads
	}
	return readsText(t)
}

func readsText(t reflect.Type) bool {
	return t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshaler)
}

func writesText(t reflect.Type) bool {
	return t.Kind() != reflect.Pointer && t.Implements(textMarshaler)
}

// textKind says whether a type reads itself from text and writes itself
// as text.
type textKind struct{ reads, writes bool }

// modelText holds the textKind of every type of the model, found once from
// the types and never changed: a load and a fingerprint ask it of each
// value, which a map answers several times faster than reflect's
// Implements.
var modelText = func() map[reflect.Type]textKind {
	m := map[reflect.Type]textKind{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		if _, ok := m[t]; ok {
			return
		}
		m[t] = textKind{readsText(t), writesText(t)}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice:
			visit(t.Elem())
		case reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				visit(t.Field(i).Type)
			}
		}
	}
	visit(reflect.TypeFor[Register]())
	return m
}()

// walker decodes the nodes of a document into the model, noting every
// problem, and makes the source map of what it decoded.
type walker struct {
	format   Format
	tree     *tree
	problems []Problem
	steps    []Step // the path of the node being walked
	// names numbers the keys of the document, in nameList.
	names    map[string]int32
	nameList []string
	src      []srcNode // the source map being made
	seed     maphash.Seed
}

// children reserves the room for count children of a source node in the
// source map, side by side, and returns the node with them.
func (w *walker) children(src srcNode, count int) srcNode {
	src.first, src.count = int32(len(w.src)), int32(count)
	w.src = append(w.src, make([]srcNode, count)...)
	return src
}

func (w *walker) push(s Step) { w.steps = append(w.steps, s) }
func (w *walker) pop()        { w.steps = w.steps[:len(w.steps)-1] }

// path returns the current path; it is copied only for a problem.
func (w *walker) path() Path { return Path{steps: slices.Clone(w.steps)} }

// problem records a problem at node n, at the current path.
func (w *walker) problem(n *node, format string, args ...any) {
	w.problemAt(int(n.line), int(n.col), format, args...)
}

// problemAt records a problem at a line and column, at the current path.
func (w *walker) problemAt(line, col int, format string, args ...any) {
	w.problems = append(w.problems, Problem{Position{line, col}, w.path(), fmt.Sprintf(format, args...)})
}

func (w *walker) checkSchema(root *node) {
	w.push(Step{Field: "schema"})
	defer w.pop()
	kids := w.tree.kids(root)
	for i := range kids {
		v := &kids[i]
		if string(w.tree.keyOf(v)) != "schema" {
			continue
		}
		if value := w.tree.value(v); v.kind == scalarNode && string(value) != SchemaV1 {
			w.problem(v, "unsupported schema %q; this library reads %q", value, SchemaV1)
		}
		if v.kind == nullNode {
			w.problem(v, "schema is empty; write schema: %s", SchemaV1)
		}
		return
	}
	w.problem(root, "schema is missing; add schema: %s at the top of the register", SchemaV1)
}

// srcOf returns the source node of n, without children.
func srcOf(n *node) srcNode {
	return srcNode{pos: spot{n.line, n.col}, anchor: spot{n.anchorLine, n.anchorCol}, name: -1}
}

// walk checks node n against the type of v and stores its value in v: the
// decoding of both formats, through the JSON names of the fields. It
// returns the source node of what it decoded.
func (w *walker) walk(n *node, v reflect.Value) srcNode {
	src := srcOf(n)
	if n.kind == nullNode {
		return src // null is "not given"; the check reports what is required
	}
	t := v.Type()
	if isText(t) {
		if !w.scalar(n, "a text value") {
			return src
		}
		// The text is the document's: UnmarshalText copies what it keeps.
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(w.tree.value(n)); err != nil {
			w.problem(n, "%s", strings.TrimPrefix(err.Error(), "retention: "))
		}
		return src
	}
	switch t.Kind() {
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		v.Set(elem)
		return w.walk(n, elem.Elem())
	case reflect.Struct:
		return w.walkStruct(n, v)
	case reflect.Slice:
		if n.kind != sequenceNode {
			hint := ""
			if n.kind == scalarNode {
				hint = fmt.Sprintf("; write [%s] for a list of one", w.tree.value(n))
			}
			w.problem(n, "expected a list, found %s%s", n.kind, hint)
			return src
		}
		kids := w.tree.kids(n)
		v.Set(reflect.MakeSlice(t, len(kids), len(kids)))
		src.list = true
		src = w.children(src, len(kids))
		for i := range kids {
			item := &kids[i]
			w.push(Step{Index: i})
			kid := srcOf(item)
			if item.kind == nullNode {
				w.problem(item, "empty list item; give it a value or remove it")
			} else {
				kid = w.walk(item, v.Index(i))
				kid.print = fingerprint(w.seed, v.Index(i))
			}
			w.src[int(src.first)+i] = kid
			w.pop()
		}
	case reflect.String:
		if !w.scalar(n, "a text value") {
			return src
		}
		value := w.tree.value(n)
		if w.format == JSON && n.tag != strTag {
			w.problem(n, "expected a string, found %s %s; put it in quotes", n.tag, value)
			return src
		}
		values, ok := enumValues[t]
		if !ok || len(value) == 0 {
			// "" is the zero value, "not given", of every enumeration: the
			// check reports it where a value is required, and it survives a
			// round trip.
			v.SetString(string(value))
			return src
		}
		if i := slices.IndexFunc(values, func(s string) bool { return s == string(value) }); i >= 0 {
			v.SetString(values[i]) // the enumeration's own string: no copy
			return src
		}
		w.problem(n, "unknown value %q; want one of %s%s", value, strings.Join(values, ", "), suggest(string(value), values))
	case reflect.Bool:
		if !w.scalar(n, "true or false") {
			return src
		}
		value := w.tree.value(n)
		if n.tag != boolTag {
			w.problem(n, "expected true or false, found %q", value)
			return src
		}
		v.SetBool(bytes.EqualFold(value, []byte("true")))
	case reflect.Int, reflect.Int64:
		if !w.scalar(n, "a whole number") {
			return src
		}
		value := w.tree.value(n)
		i, err := strconv.ParseInt(string(value), 10, 64)
		if err != nil || n.tag != intTag || v.OverflowInt(i) {
			w.problem(n, "expected a whole number, found %q", value)
			return src
		}
		if canonical := strconv.FormatInt(i, 10); canonical != string(value) {
			// +012 would be written back as 12: refuse rather than change it.
			w.problem(n, "write the number %q as %s: no sign, no leading zeros", value, canonical)
			return src
		}
		v.SetInt(i)
	default:
		w.problem(n, "this field cannot be read from a document")
	}
	return src
}

func (w *walker) scalar(n *node, want string) bool {
	if n.kind != scalarNode {
		w.problem(n, "expected %s, found %s", want, n.kind)
		return false
	}
	return true
}

// intern returns the number of a key in nameList, which holds the one copy
// of it that the source map and the paths keep: a register repeats its
// field names.
func (w *walker) intern(b []byte) int32 {
	if id, ok := w.names[string(b)]; ok {
		return id
	}
	name := string(b)
	id := int32(len(w.nameList))
	w.names[name] = id
	w.nameList = append(w.nameList, name)
	return id
}

// manyKeys is the number of keys of a mapping above which duplicates are
// found with a map rather than by comparing each key with those before it.
const manyKeys = 16

func (w *walker) walkStruct(n *node, v reflect.Value) srcNode {
	src := srcOf(n)
	if n.kind != mappingNode {
		what := "fields"
		if len(w.steps) == 0 {
			what = "the fields of a register"
		}
		w.problem(n, "expected a mapping of %s, found %s", what, n.kind)
		return src
	}
	fs := fieldsOf(v.Type())
	kids := w.tree.kids(n)
	var first map[string]int // for a mapping of many keys: the first line of each
	if len(kids) > manyKeys {
		first = make(map[string]int, len(kids))
	}
	src = w.children(src, len(kids))
	src.count = 0 // the fields read; the room of those not read stays empty
	for i := range kids {
		k := &kids[i]
		if len(w.tree.keyOf(k)) == 0 {
			// An empty name is no step of a path: the problem is the mapping's.
			w.problemAt(int(k.keyLine), int(k.keyCol), "empty field name; write the name of a field")
			continue
		}
		id := w.intern(w.tree.keyOf(k))
		name := w.nameList[id]
		w.push(Step{Field: name})
		if line, dup := w.seen(kids, i, name, first); dup {
			w.problemAt(int(k.keyLine), int(k.keyCol), "field %q is given twice (first at line %d); keep one", name, line)
			w.pop()
			continue
		}
		if f, ok := fs.byName[name]; ok {
			kid := w.walk(k, v.FieldByIndex(f.index))
			kid.key, kid.name = spot{k.keyLine, k.keyCol}, id
			w.src[src.first+src.count] = kid
			src.count++
		} else {
			w.problemAt(int(k.keyLine), int(k.keyCol), "unknown field %q%s", name, suggest(name, fs.names))
		}
		w.pop()
	}
	return src
}

// seen reports whether the key of kids[i], name, was given before in its
// mapping, and the line of its first use; first, if not nil, remembers the
// keys seen so far.
func (w *walker) seen(kids []node, i int, name string, first map[string]int) (int, bool) {
	if first != nil {
		if line, ok := first[name]; ok {
			return line, true
		}
		first[name] = int(kids[i].keyLine)
		return 0, false
	}
	for j := range kids[:i] {
		if string(w.tree.keyOf(&kids[j])) == name {
			return int(kids[j].keyLine), true
		}
	}
	return 0, false
}

// suggest proposes the closest of the known names to a misspelt one: one
// within a third of its length. Names whose length differs by more cannot
// be that close and are not compared; a name longer than 64 bytes gets no
// suggestion. Callers bound how often they ask.
func suggest(got string, known []string) string {
	if len(got) > 64 {
		return ""
	}
	limit := max(2, len(got)/3)
	best, bestD := "", limit+1
	lower := strings.ToLower(got)
	for _, k := range known {
		if abs(len(k)-len(got)) > limit {
			continue
		}
		if d := distance(lower, strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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
