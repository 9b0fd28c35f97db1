package ropa

import (
	"encoding"
	"hash/maphash"
	"reflect"
	"strconv"
)

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

// IsValid reports whether the position names a line.
func (p Position) IsValid() bool { return p.Line > 0 }

// Source is where the elements of a loaded register stood in its document:
// the source map that Decode, Read and Load return beside the register. It
// lives beside the register, never inside it, so that a register built or
// changed in memory is as good as a loaded one.
//
// A Source remembers, for each list element, a fingerprint of the element as
// it was read (its id, name and other plain fields). Locating a path checks
// each list element it passes against that fingerprint, so that a register
// changed after loading (an activity deleted, two reordered) never reports
// the line of another element: an element that moved is found at its new
// index, and one that cannot be told apart is located at the nearest
// enclosing element that can.
//
// A Source is safe for concurrent use by readers.
type Source struct {
	// File is the name of the file the register was read from, where there is one.
	File string
	// nodes are the elements of the document: nodes[0] is the root, and
	// the children of each element stand side by side.
	nodes []srcNode
	// names are the field names of the document, once each.
	names []string
	seed  maphash.Seed
}

// srcNode is one element of the document: its position, the position of
// the anchor it was copied from (for an element reached through a YAML
// alias), where its children stand in Source.nodes (a mapping's values, by
// key, or a list's items) and, for a list item, its fingerprint. It holds
// no pointers: 48 bytes for each element of the document.
type srcNode struct {
	pos, anchor, key spot // key: where the key of a mapping's value stands
	first, count     int32
	name             int32 // a mapping's value: its key, in Source.names
	list             bool  // the element is a list
	print            uint64
}

// kids returns the children of n.
func (s *Source) kids(n *srcNode) []srcNode { return s.nodes[n.first : n.first+n.count] }

// field returns the value of field name of mapping n, or nil.
func (s *Source) field(n *srcNode, name string) *srcNode {
	if n.list {
		return nil
	}
	kids := s.kids(n)
	for i := range kids {
		if s.names[kids[i].name] == name {
			return &kids[i]
		}
	}
	return nil
}

// spot is a Position held in half the memory: a source map holds one for
// every element of the document.
type spot struct{ line, col int32 }

func (s spot) position() Position { return Position{int(s.line), int(s.col)} }

// Located is where a path of a register stands in its document.
type Located struct {
	// Position is where the element stands, or the nearest enclosing element
	// that could be told apart where it cannot (for a field, where its key
	// stands). For an element reached through a YAML alias, it is where the
	// alias is used.
	Position
	// Anchor is, for an element reached through a YAML alias, where the
	// element stands in the text the anchor marks (for the alias itself,
	// where the anchor stands); zero otherwise.
	Anchor Position
	// Exact is false where Position is that of an enclosing element: the
	// element itself is not in the document (a missing field), or was
	// changed in memory so that it can no longer be told apart.
	Exact bool
}

// Locate returns where the element at path p of reg stands in the document
// reg was read from. reg is the register as it is now: each list element
// the path passes is checked against what the document held (see Source).
// ok is false for a nil Source.
func (s *Source) Locate(reg *Register, p Path) (Located, bool) {
	if s == nil {
		return Located{}, false
	}
	n := &s.nodes[0]
	v := reflect.ValueOf(reg).Elem()
	loc := Located{Position: n.pos.position(), Exact: true}
	var alias Position // where the alias on the path is used
	for _, st := range p.steps {
		v = deref(v)
		var next *srcNode
		if st.IsIndex() {
			if v.Kind() != reflect.Slice || !n.list || st.Index >= v.Len() {
				loc.Exact = false
				break
			}
			elem := v.Index(st.Index)
			next = s.item(n, st.Index, fingerprint(s.seed, elem))
			v = elem
		} else {
			if v.Kind() == reflect.Struct {
				f, ok := fieldsOf(v.Type()).byName[st.Field]
				if !ok {
					loc.Exact = false
					break
				}
				v = v.FieldByIndex(f.index)
			}
			next = s.field(n, st.Field)
		}
		if next == nil {
			loc.Exact = false
			break
		}
		n = next
		if !alias.IsValid() && n.anchor.line > 0 {
			alias = n.pos.position()
		}
	}
	loc.Position = n.pos.position()
	if !loc.Exact && n.list && n.key.line > 0 {
		// A list whose element is not there: its key, since in YAML the list
		// stands where its first element does.
		loc.Position = n.key.position()
	}
	if alias.IsValid() {
		loc.Position, loc.Anchor = alias, n.pos.position()
		if loc.Anchor == alias {
			loc.Anchor = n.anchor.position()
		}
	}
	return loc, true
}

// item returns the list item of n that holds the element with fingerprint
// print, expected at index i: the item at i if it matches, else the one item
// that does, else nil.
func (s *Source) item(n *srcNode, i int, print uint64) *srcNode {
	kids := s.kids(n)
	if i < len(kids) && kids[i].print == print {
		return &kids[i]
	}
	var found *srcNode
	for k := range kids {
		if kids[k].print == print {
			if found != nil {
				return nil // two alike: neither can be told to be the one
			}
			found = &kids[k]
		}
	}
	return found
}

// Locate fills in the file, line and column of every finding of rep (and of
// its waived findings) from the document reg was read from; see
// Source.Locate. A nil Source leaves the report as it is.
func (rep *Report) Locate(reg *Register, src *Source) {
	if src == nil || rep == nil {
		return
	}
	for i := range rep.Findings {
		src.place(reg, &rep.Findings[i])
	}
	for i := range rep.Waived {
		src.place(reg, &rep.Waived[i].Finding)
	}
}

func (s *Source) place(reg *Register, f *Finding) {
	loc, _ := s.Locate(reg, f.Path)
	f.File, f.Line, f.Column = s.File, loc.Line, loc.Column
	f.Anchor = nil
	if loc.Anchor.IsValid() {
		a := loc.Anchor
		f.Anchor = &a
	}
}

func deref(v reflect.Value) reflect.Value {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return v
		}
		v = v.Elem()
	}
	return v
}

// fingerprint hashes what tells a list element apart from its siblings: the
// text of its plain fields (strings, numbers, booleans, values written as
// text), not what it contains. The same element gives the same fingerprint
// when it is read and after it has moved in memory.
func fingerprint(seed maphash.Seed, v reflect.Value) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	printValue(&h, deref(v), 0)
	return h.Sum64()
}

func printValue(h *maphash.Hash, v reflect.Value, depth int) {
	if !v.IsValid() {
		return
	}
	if m, ok := asText(v); ok {
		b, _ := m.MarshalText()
		h.Write(b)
		return
	}
	printPlain(h, v, depth)
}

// printPlain hashes v, of a type that does not write itself as text.
func printPlain(h *maphash.Hash, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		h.WriteString(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte('t')
		} else {
			h.WriteByte('f')
		}
	case reflect.Int, reflect.Int64:
		h.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Pointer:
		if !v.IsNil() {
			h.WriteByte('*')
			printValue(h, v.Elem(), depth)
		}
	case reflect.Struct:
		if depth > 0 {
			return // what an element contains is checked further down the path
		}
		for _, f := range fieldsOf(v.Type()).list {
			fv := v.FieldByIndex(f.index)
			if k := fv.Kind(); k == reflect.Slice || k == reflect.Struct && !f.text {
				continue
			}
			h.WriteString(f.name)
			h.WriteByte(0)
			if f.writes { // known from the field: no need to ask the type
				b, _ := fv.Interface().(encoding.TextMarshaler).MarshalText()
				h.Write(b)
			} else {
				printPlain(h, fv, depth+1)
			}
			h.WriteByte(0)
		}
	}
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// asText returns the TextMarshaler of a value whose type writes itself as text.
func asText(v reflect.Value) (encoding.TextMarshaler, bool) {
	t := v.Type()
	if k, ok := modelText[t]; ok && !k.writes || !ok && !writesText(t) {
		return nil, false
	}
	return v.Interface().(encoding.TextMarshaler), true
}
