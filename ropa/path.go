package ropa

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Path is the place of an element in a register: a sequence of field names
// and list indexes, such as activities[3].transfers[0]. Paths are values:
// Child and Index return a new path and never change the one they extend.
// The zero Path is the register as a whole.
//
// A path is rendered as text only for output (String, MarshalText). Text is
// read back into a path only where a person wrote it, in a waiver
// (UnmarshalText, ParsePath).
type Path struct {
	steps []Step
}

// Step is one step of a Path: a field, by its JSON name, or a list index.
type Step struct {
	// Field is the JSON name of a field; "" for a list index.
	Field string
	// Index is the list index of an index step.
	Index int
}

// IsIndex reports whether the step is a list index.
func (s Step) IsIndex() bool { return s.Field == "" }

// Root is the path of the register as a whole.
var Root = Path{}

// PathOf returns the path of the given steps: strings are fields, ints are
// list indexes. It panics on any other value, as a programming error.
func PathOf(steps ...any) Path {
	p := Path{steps: make([]Step, 0, len(steps))}
	for _, s := range steps {
		switch v := s.(type) {
		case string:
			p.steps = append(p.steps, Step{Field: v})
		case int:
			p.steps = append(p.steps, Step{Index: v})
		default:
			panic(fmt.Sprintf("ropa.PathOf: step %v is neither a field name nor an index", s))
		}
	}
	return p
}

// extend returns p with one more step, in memory of its own.
func (p Path) extend(s Step) Path {
	steps := make([]Step, len(p.steps)+1)
	copy(steps, p.steps)
	steps[len(p.steps)] = s
	return Path{steps: steps}
}

// Child returns the path of the field with the JSON name name of the element
// at p.
func (p Path) Child(name string) Path { return p.extend(Step{Field: name}) }

// Index returns the path of element i of the list at p.
func (p Path) Index(i int) Path { return p.extend(Step{Index: i}) }

// Steps returns the steps of the path.
func (p Path) Steps() []Step { return slices.Clone(p.steps) }

// Len returns the number of steps.
func (p Path) Len() int { return len(p.steps) }

// IsRoot reports whether the path is that of the register as a whole.
func (p Path) IsRoot() bool { return len(p.steps) == 0 }

// Equal reports whether two paths name the same element.
func (p Path) Equal(q Path) bool {
	if len(p.steps) != len(q.steps) {
		return false
	}
	for i := range p.steps {
		if p.steps[i] != q.steps[i] {
			return false
		}
	}
	return true
}

// HasPrefix reports whether p is q or lies inside the element at q.
func (p Path) HasPrefix(q Path) bool {
	if len(q.steps) > len(p.steps) {
		return false
	}
	for i := range q.steps {
		if p.steps[i] != q.steps[i] {
			return false
		}
	}
	return true
}

// String renders the path as activities[3].transfers[0]; the root is "".
func (p Path) String() string {
	var b strings.Builder
	for _, s := range p.steps {
		if s.IsIndex() {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Field)
	}
	return b.String()
}

// MarshalText renders the path as String does.
func (p Path) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a path a person wrote, as ParsePath does.
func (p *Path) UnmarshalText(b []byte) error {
	q, err := ParsePath(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// ParsePath reads a path written as activities[3].transfers[0]: field names
// separated by dots, each optionally followed by list indexes in brackets.
func ParsePath(s string) (Path, error) {
	var p Path
	rest := s
	for rest != "" {
		if rest[0] == '[' {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return Path{}, fmt.Errorf("path %q: a [ is not closed", s)
			}
			i, err := strconv.Atoi(rest[1:end])
			if err != nil || i < 0 || rest[1] == '+' {
				return Path{}, fmt.Errorf("path %q: %q is not a list index; write a whole number from 0", s, rest[1:end])
			}
			p.steps = append(p.steps, Step{Index: i})
			rest = rest[end+1:]
			if strings.HasPrefix(rest, ".") {
				rest = rest[1:]
				if rest == "" || rest[0] == '[' || rest[0] == '.' {
					return Path{}, fmt.Errorf("path %q: a field name must follow a dot", s)
				}
			} else if rest != "" && rest[0] != '[' {
				return Path{}, fmt.Errorf("path %q: a dot must separate %q from the index before it", s, rest)
			}
			continue
		}
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			end = len(rest)
		}
		name := rest[:end]
		if name == "" {
			return Path{}, fmt.Errorf("path %q: empty field name", s)
		}
		if strings.ContainsAny(name, "] \t\n") {
			return Path{}, fmt.Errorf("path %q: %q is not a field name", s, name)
		}
		p.steps = append(p.steps, Step{Field: name})
		rest = rest[end:]
		if strings.HasPrefix(rest, ".") {
			rest = rest[1:]
			if rest == "" || rest[0] == '[' || rest[0] == '.' {
				return Path{}, fmt.Errorf("path %q: a field name must follow a dot", s)
			}
		}
	}
	return p, nil
}

// elemAt is the place of an element of a list of an element of a list of
// the register, such as activities[2].retention[0]: what rules pass around
// while they look, so that a Path is made only for what they report.
type elemAt struct {
	list  string
	i     int
	field string
	j     int
}

// path returns the element's Path, in one allocation.
func (e elemAt) path() Path {
	return Path{steps: []Step{{Field: e.list}, {Index: e.i}, {Field: e.field}, {Index: e.j}}}
}

// activity returns the index of the activity (list "activities") or
// processing record (list "processing") the path lies in.
func (p Path) activity() (list string, i int, ok bool) {
	if len(p.steps) < 2 || !p.steps[1].IsIndex() {
		return "", 0, false
	}
	switch p.steps[0].Field {
	case "activities", "processing":
		return p.steps[0].Field, p.steps[1].Index, true
	}
	return "", 0, false
}

// compare orders paths as the elements stand in the format (see sortKey).
func (p Path) compare(q Path) int { return slices.Compare(p.sortKey(), q.sortKey()) }

// sortKey returns numbers that sort as the elements stand in the format:
// for a field, its rank among its struct's fields (fields the model does
// not have after those it has), for an index, the index; an element sorts
// before what it contains, list elements by index.
func (p Path) sortKey() []int {
	const unknown = 1 << 20 // after every field of a struct
	key := make([]int, len(p.steps))
	t := reflect.TypeFor[Register]() // the type at the step; nil past the model
	for i, s := range p.steps {
		if s.IsIndex() {
			key[i] = s.Index // in a path of the model, an index and a field never meet at one depth
			continue
		}
		key[i] = unknown
		var f field
		ok := false
		if t != nil {
			f, ok = fieldsOf(t).byName[s.Field]
		}
		t = nil
		if ok {
			key[i], t = f.rank, structOf(f.typ)
		}
	}
	return key
}

// structOf returns the struct type a field of type t holds, itself or as
// the elements of a list or through a pointer, or nil for none.
func structOf(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || isText(t) {
		return nil
	}
	return t
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
