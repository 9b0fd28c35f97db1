package ropa

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/openropa/registry/lawfulbasis"
)

// ChangeKind says how an element differs between two versions of a register.
type ChangeKind string

// The kinds of change.
const (
	// ChangeAdded: the element is in the new version only.
	ChangeAdded ChangeKind = "added"
	// ChangeRemoved: the element is in the old version only.
	ChangeRemoved ChangeKind = "removed"
	// ChangeModified: the value differs (a field, or a record as a whole).
	ChangeModified ChangeKind = "changed"
	// ChangeMoved: the element stands at another place of its list.
	ChangeMoved ChangeKind = "moved"
)

// ChangeKinds lists the kinds of change.
func ChangeKinds() []ChangeKind {
	return []ChangeKind{ChangeAdded, ChangeRemoved, ChangeModified, ChangeMoved}
}

// Valid reports whether k is a kind of change.
func (k ChangeKind) Valid() bool { return slices.Contains(ChangeKinds(), k) }

// String returns the kind's name.
func (k ChangeKind) String() string { return string(k) }

// symbol is the mark of the kind in the text form.
func (k ChangeKind) symbol() string {
	switch k {
	case ChangeAdded:
		return "+"
	case ChangeRemoved:
		return "-"
	case ChangeMoved:
		return ">"
	}
	return "~"
}

// Change is one difference between two versions of a register.
type Change struct {
	// Kind says what happened to the element.
	Kind ChangeKind `json:"kind"`
	// Path is where the element stands in the new version; the root for a
	// removed element.
	Path Path `json:"path,omitzero"`
	// OldPath is where the element stood in the old version; the root for
	// an added element.
	OldPath Path `json:"oldPath,omitzero"`
	// Old is the old value as canonical JSON; empty for an added element or
	// a value that was not given.
	Old json.RawMessage `json:"old,omitempty"`
	// New is the new value as canonical JSON; empty for a removed element
	// or a value no longer given.
	New json.RawMessage `json:"new,omitempty"`
}

// String formats the change as one line: a mark (+ added, - removed,
// ~ changed, > moved), the path and the values.
func (c Change) String() string {
	switch c.Kind {
	case ChangeAdded:
		return "+ " + c.Path.String() + ": " + string(c.New)
	case ChangeRemoved:
		return "- " + c.OldPath.String() + ": " + string(c.Old)
	case ChangeMoved:
		return "> " + c.Path.String() + ": moved from " + c.OldPath.String()
	}
	return "~ " + c.Path.String() + ": " + shown(c.Old) + " -> " + shown(c.New)
}

func shown(v json.RawMessage) string {
	if len(v) == 0 {
		return "(not given)"
	}
	return string(v)
}

// RecordDiff is what changed in one activity (Art. 30(1)) or processing
// record (Art. 30(2)) of a register.
type RecordDiff struct {
	// Kind is added, removed or changed (moved in its list counts as
	// changed, with a change of kind moved).
	Kind ChangeKind `json:"kind"`
	// ID is the record's id in the new version (the old for a removed one).
	ID string `json:"id"`
	// OldID is the record's id in the old version, where it differs: the
	// record was matched by its name.
	OldID string `json:"oldId,omitempty"`
	// Name is the record's name in the new version (the old for a removed one).
	Name string `json:"name"`
	// Path is where the record stands in the new version.
	Path Path `json:"path,omitzero"`
	// OldPath is where the record stood in the old version.
	OldPath Path `json:"oldPath,omitzero"`
	// Changes are the differences, in the order of the format; an added or
	// removed record has one change that holds it whole.
	Changes []Change `json:"changes"`
}

// RegisterDiff is what changed between two versions of a register as of a date:
// the changes, the findings of a check that appeared and disappeared, and
// what the changes require.
type RegisterDiff struct {
	// At is the date as of which both versions were checked.
	At Date `json:"at"`
	// Register are the changes outside the activities and processing
	// records: the organisation, measures, systems, processors, waivers.
	Register []Change `json:"register"`
	// Activities are the activities added, removed or changed: the new
	// version's in its order, then the removed ones in the old order.
	Activities []RecordDiff `json:"activities"`
	// Processing are the processing records added, removed or changed, in
	// the same order.
	Processing []RecordDiff `json:"processing"`
	// Appeared are the findings of the new version that the old did not have.
	Appeared []Finding `json:"appeared"`
	// Disappeared are the findings of the old version that the new does not have.
	Disappeared []Finding `json:"disappeared"`
	// Triggers are what the changes require, each with its article.
	Triggers []Trigger `json:"triggers"`
}

// Empty reports whether the two versions are the same.
func (d *RegisterDiff) Empty() bool {
	return len(d.Register) == 0 && len(d.Activities) == 0 && len(d.Processing) == 0
}

// Diff compares two versions of a register as of a date, checking both with
// the rules of the catalogue (see Checker.Diff).
func Diff(old, new *Register, at Date) *RegisterDiff { return defaultChecker.Diff(old, new, at) }

// Diff compares two versions of a register as of a date.
//
// Activities, processing records and every list of elements with an id
// (measures, systems, processors, events, data subjects, data categories)
// are matched by id; an element whose id is not in the other version is
// matched by its name when exactly one unmatched element of each version
// has that name (several of the same name are not guessed at: they are
// removed and added). Elements of the same id are matched in order. Lists of
// values (measure ids, countries) are matched by value. Lists of elements
// without an id (purposes, recipients, transfers, retention terms) are
// matched by content: equal elements first, then those whose first field
// (name, description, country, basis) is equal, then the rest in order. An
// element that keeps its place relative to the others is not moved, so
// deleting the first activity moves none of the others.
//
// Findings of the two checks are matched by rule, message key, record and
// path within the record, never by index. A nil register is checked as
// such and compares as an empty one.
func (c *Checker) Diff(old, new *Register, at Date) *RegisterDiff {
	var oldRep, newRep *Report
	var wg sync.WaitGroup     // the checks run beside the comparison; none changes a register
	before, after := old, new // the checks read these, not the variables changed below
	wg.Go(func() { oldRep = c.Check(before, at) })
	wg.Go(func() { newRep = c.Check(after, at) })
	old, new = orEmpty(old), orEmpty(new)
	d := &RegisterDiff{At: at, Register: []Change{}, Activities: []RecordDiff{}, Processing: []RecordDiff{},
		Appeared: []Finding{}, Disappeared: []Finding{}, Triggers: []Trigger{}}
	w := &differ{d: d}
	w.register(reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem())
	wg.Wait()
	d.Appeared, d.Disappeared = findingsDelta(oldRep.Findings, newRep.Findings)
	d.Triggers = triggers(old, new, d)
	return d
}

// orEmpty returns r, or an empty register for nil.
func orEmpty(r *Register) *Register {
	if r == nil {
		return &Register{}
	}
	return r
}

// differ walks two versions of a register by the model's JSON fields.
type differ struct {
	d        *RegisterDiff
	out      *[]Change
	old, new []Step // the paths being walked
}

func (w *differ) push(o, n Step) {
	w.old = append(w.old, o)
	w.new = append(w.new, n)
}

func (w *differ) pop() {
	w.old = w.old[:len(w.old)-1]
	w.new = w.new[:len(w.new)-1]
}

func (w *differ) emit(c Change) { *w.out = append(*w.out, c) }

func (w *differ) oldPath() Path { return Path{steps: slices.Clone(w.old)} }
func (w *differ) newPath() Path { return Path{steps: slices.Clone(w.new)} }

// register compares the fields of two registers; activities and processing
// records become record diffs.
func (w *differ) register(ov, nv reflect.Value) {
	w.out = &w.d.Register
	for _, f := range fieldsOf(ov.Type()).list {
		o, n := ov.FieldByIndex(f.index), nv.FieldByIndex(f.index)
		switch f.name {
		case "activities":
			w.d.Activities = w.records(f.name, o, n)
		case "processing":
			w.d.Processing = w.records(f.name, o, n)
		default:
			w.push(Step{Field: f.name}, Step{Field: f.name})
			w.value(o, n)
			w.pop()
		}
	}
	w.out = &w.d.Register
}

// records compares the records of list name of two registers.
func (w *differ) records(name string, ov, nv reflect.Value) []RecordDiff {
	out := []RecordDiff{}
	m := match(ov, nv)
	list := Root.Child(name)
	for _, p := range m.pairs {
		var changes []Change
		w.out = &changes
		w.old = append(w.old[:0], Step{Field: name}, Step{Index: p.o})
		w.new = append(w.new[:0], Step{Field: name}, Step{Index: p.n})
		if p.moved {
			w.emit(Change{Kind: ChangeMoved, Path: w.newPath(), OldPath: w.oldPath()})
		}
		o, n := ov.Index(p.o), nv.Index(p.n)
		if !p.moved && reflect.DeepEqual(o.Addr().Interface(), n.Addr().Interface()) {
			// Equal in memory, equal in what they write: most records of a
			// new version are unchanged, and this says so without the walk.
			continue
		}
		w.value(o, n)
		if len(changes) == 0 {
			continue
		}
		rd := RecordDiff{Kind: ChangeModified, ID: idOfValue(n), Name: nameOf(n),
			Path: list.Index(p.n), OldPath: list.Index(p.o), Changes: changes}
		if oid := idOfValue(o); oid != rd.ID {
			rd.OldID = oid
		}
		out = append(out, rd)
	}
	w.old, w.new = w.old[:0], w.new[:0]
	for _, j := range m.added {
		n := nv.Index(j)
		out = append(out, RecordDiff{Kind: ChangeAdded, ID: idOfValue(n), Name: nameOf(n), Path: list.Index(j),
			Changes: []Change{{Kind: ChangeAdded, Path: list.Index(j), New: jsonOf(n)}}})
	}
	slices.SortStableFunc(out, func(a, b RecordDiff) int { return a.Path.compare(b.Path) })
	for _, i := range m.removed {
		o := ov.Index(i)
		out = append(out, RecordDiff{Kind: ChangeRemoved, ID: idOfValue(o), Name: nameOf(o), OldPath: list.Index(i),
			Changes: []Change{{Kind: ChangeRemoved, OldPath: list.Index(i), Old: jsonOf(o)}}})
	}
	return out
}

// value compares two values of the same type at the paths being walked.
func (w *differ) value(ov, nv reflect.Value) {
	t := ov.Type()
	switch {
	case scalar(t):
		if !sameScalar(ov, nv) {
			w.emit(Change{Kind: ChangeModified, Path: w.newPath(), OldPath: w.oldPath(), Old: jsonOrNone(ov), New: jsonOrNone(nv)})
		}
	case t.Kind() == reflect.Pointer:
		switch {
		case ov.IsNil() && nv.IsNil():
		case scalar(t.Elem()) && (ov.IsNil() || nv.IsNil()):
			w.emit(Change{Kind: ChangeModified, Path: w.newPath(), OldPath: w.oldPath(), Old: jsonOrNone(ov), New: jsonOrNone(nv)})
		case ov.IsNil():
			w.emit(Change{Kind: ChangeAdded, Path: w.newPath(), New: jsonOf(nv)})
		case nv.IsNil():
			w.emit(Change{Kind: ChangeRemoved, OldPath: w.oldPath(), Old: jsonOf(ov)})
		default:
			w.value(ov.Elem(), nv.Elem())
		}
	case t.Kind() == reflect.Struct:
		for _, f := range fieldsOf(t).list {
			w.push(Step{Field: f.name}, Step{Field: f.name})
			w.value(ov.FieldByIndex(f.index), nv.FieldByIndex(f.index))
			w.pop()
		}
	case t.Kind() == reflect.Slice:
		w.list(ov, nv)
	default: // no such field in the model; compare what it writes
		if o, n := jsonOf(ov), jsonOf(nv); !bytes.Equal(o, n) {
			w.emit(Change{Kind: ChangeModified, Path: w.newPath(), OldPath: w.oldPath(), Old: o, New: n})
		}
	}
}

// list compares two lists, element by element as match pairs them.
func (w *differ) list(ov, nv reflect.Value) {
	if ov.Len() == 0 && nv.Len() == 0 || w.samePlaces(ov, nv) {
		return
	}
	m := match(ov, nv)
	for _, p := range m.pairs {
		w.push(Step{Index: p.o}, Step{Index: p.n})
		if p.moved {
			w.emit(Change{Kind: ChangeMoved, Path: w.newPath(), OldPath: w.oldPath()})
		}
		w.value(ov.Index(p.o), nv.Index(p.n))
		w.pop()
	}
	for _, j := range m.added {
		w.push(Step{Index: j}, Step{Index: j})
		w.emit(Change{Kind: ChangeAdded, Path: w.newPath(), New: jsonOf(nv.Index(j))})
		w.pop()
	}
	for _, i := range m.removed {
		w.push(Step{Index: i}, Step{Index: i})
		w.emit(Change{Kind: ChangeRemoved, OldPath: w.oldPath(), Old: jsonOf(ov.Index(i))})
		w.pop()
	}
}

// samePlaces reports whether two lists hold equal elements at the same
// places: the common case, decided without matching.
func (w *differ) samePlaces(ov, nv reflect.Value) bool {
	if ov.Len() != nv.Len() {
		return false
	}
	out := w.out
	var scratch []Change
	w.out = &scratch
	defer func() { w.out = out }()
	for i := range ov.Len() {
		w.push(Step{Index: i}, Step{Index: i})
		w.value(ov.Index(i), nv.Index(i))
		w.pop()
		if len(scratch) > 0 {
			return false
		}
	}
	return true
}

// pair is an element of the old list (o) matched with one of the new (n).
type pair struct {
	o, n  int
	moved bool
}

type matching struct {
	pairs          []pair // in the order of the new list
	added, removed []int
}

// match pairs the elements of two lists (see Checker.Diff): by id, then by
// a unique name, for elements with an id; by value for values; by content,
// then by first field, then in order, for other elements.
func match(ov, nv reflect.Value) matching {
	et := ov.Type().Elem()
	oldOf := make([]int, nv.Len()) // the old index matched with each new element, or -1
	for j := range oldOf {
		oldOf[j] = -1
	}
	used := make([]bool, ov.Len())
	pass := func(key func(v reflect.Value) (string, bool), unique bool) {
		olds := map[string][]int{}
		for i := range ov.Len() {
			if k, ok := key(ov.Index(i)); ok && !used[i] {
				olds[k] = append(olds[k], i)
			}
		}
		if len(olds) == 0 {
			return
		}
		var news map[string]int
		if unique {
			news = map[string]int{}
			for j := range nv.Len() {
				if k, ok := key(nv.Index(j)); ok && oldOf[j] < 0 {
					news[k]++
				}
			}
		}
		for j := range nv.Len() {
			if oldOf[j] >= 0 {
				continue
			}
			k, ok := key(nv.Index(j))
			q := olds[k]
			if !ok || len(q) == 0 || unique && (len(q) > 1 || news[k] > 1) {
				continue
			}
			oldOf[j], used[q[0]] = q[0], true
			olds[k] = q[1:]
		}
	}
	st := structOf(et)
	switch {
	case st != nil && et.Kind() == reflect.Struct && hasField(st, "id"):
		pass(fieldKey("id"), false)
		if hasField(st, "name") {
			pass(fieldKey("name"), true)
		}
	case st != nil:
		pass(func(v reflect.Value) (string, bool) { return string(jsonOf(v)), true }, false)
		if first := fieldsOf(st).list[0].name; st == et {
			pass(func(v reflect.Value) (string, bool) {
				return string(jsonOf(v.FieldByIndex(fieldsOf(st).byName[first].index))), true
			}, false)
		}
		pass(func(reflect.Value) (string, bool) { return "", true }, false)
	default:
		pass(func(v reflect.Value) (string, bool) { return string(jsonOf(v)), true }, false)
	}
	var m matching
	for j, i := range oldOf {
		if i < 0 {
			m.added = append(m.added, j)
			continue
		}
		m.pairs = append(m.pairs, pair{o: i, n: j})
	}
	for i, u := range used {
		if !u {
			m.removed = append(m.removed, i)
		}
	}
	markMoves(m.pairs)
	return m
}

// markMoves marks as moved the pairs outside a longest run of pairs whose
// old order is the new order: the fewest elements that changed place.
func markMoves(ps []pair) {
	if len(ps) < 2 {
		return
	}
	tails := []int{}             // tails[k]: index in ps of the smallest last old index of a run of length k+1
	prev := make([]int, len(ps)) // the element before ps[i] in its run
	for i, p := range ps {
		k, _ := slices.BinarySearchFunc(tails, p.o, func(t, o int) int { return cmpInt(ps[t].o, o) })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(ps))
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		keep[i] = true
	}
	for i := range ps {
		ps[i].moved = !keep[i]
	}
}

func hasField(t reflect.Type, name string) bool {
	f, ok := fieldsOf(t).byName[name]
	return ok && f.typ.Kind() == reflect.String
}

// fieldKey keys an element by a string field, when it is given.
func fieldKey(name string) func(v reflect.Value) (string, bool) {
	return func(v reflect.Value) (string, bool) {
		s := v.FieldByIndex(fieldsOf(v.Type()).byName[name].index).String()
		return s, s != ""
	}
}

func idOfValue(v reflect.Value) string { return stringField(v, "id") }
func nameOf(v reflect.Value) string    { return stringField(v, "name") }

func stringField(v reflect.Value, name string) string {
	if !hasField(v.Type(), name) {
		return ""
	}
	return v.FieldByIndex(fieldsOf(v.Type()).byName[name].index).String()
}

// scalar reports whether values of t are compared whole.
func scalar(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return isText(t)
}

func sameScalar(o, n reflect.Value) bool {
	switch o.Kind() {
	case reflect.String:
		return o.String() == n.String()
	case reflect.Bool:
		return o.Bool() == n.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return o.Int() == n.Int()
	}
	if o.Comparable() && o.Equal(n) || o.IsZero() && n.IsZero() {
		return true
	}
	if tm, ok := o.Interface().(encoding.TextMarshaler); ok {
		a, errA := tm.MarshalText()
		b, errB := n.Interface().(encoding.TextMarshaler).MarshalText()
		return errA == nil && errB == nil && bytes.Equal(a, b)
	}
	return bytes.Equal(jsonOf(o), jsonOf(n))
}

// jsonOrNone is the canonical JSON of a value, or nothing for a value not
// given (a zero value, which the format omits).
func jsonOrNone(v reflect.Value) json.RawMessage {
	if v.IsZero() {
		return nil
	}
	return jsonOf(v)
}

// jsonOf is the canonical JSON of a value of the model, on one line.
func jsonOf(v reflect.Value) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v.Interface()); err != nil {
		b, _ := json.Marshal(fmt.Sprintf("%v", v.Interface())) // a value the model cannot hold; shown as written by %v
		return b
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// findingKey identifies a finding across two versions of a register: its
// rule, message key, record and path within the record.
type findingKey struct {
	rule, key, list, record, rel string
}

func keyOf(f *Finding) findingKey {
	k := findingKey{rule: f.Rule, key: f.Key, rel: f.Path.String()}
	if list, _, ok := f.Path.activity(); ok {
		k.list, k.record = list, f.Activity
		k.rel = Path{steps: f.Path.steps[2:]}.String()
	}
	return k
}

// findingsDelta returns the findings of now that before lacks, and those of
// before that now lacks, each in its report's order.
func findingsDelta(before, now []Finding) (appeared, disappeared []Finding) {
	olds := map[findingKey][]int{}
	for i := range before {
		k := keyOf(&before[i])
		olds[k] = append(olds[k], i)
	}
	matched := make([]bool, len(before))
	appeared, disappeared = []Finding{}, []Finding{}
	for i := range now {
		k := keyOf(&now[i])
		if q := olds[k]; len(q) > 0 {
			matched[q[0]] = true
			olds[k] = q[1:]
			continue
		}
		appeared = append(appeared, now[i])
	}
	for i, m := range matched {
		if !m {
			disappeared = append(disappeared, before[i])
		}
	}
	return appeared, disappeared
}

// WriteText writes the diff for a person to read: a summary line, then one
// line per change grouped by record (an added or removed record on one
// line; its content is in the JSON form), then the findings that appeared
// and disappeared, then what the changes require.
func (d *RegisterDiff) WriteText(w io.Writer) error {
	var b strings.Builder
	if d.Empty() {
		fmt.Fprintf(&b, "no changes (as of %s)\n", d.At)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "as of %s: %s; findings: %d appeared, %d disappeared; %d to do\n",
		d.At, d.counts(), len(d.Appeared), len(d.Disappeared), len(d.Triggers))
	if len(d.Register) > 0 {
		b.WriteString("\nregister\n")
		for _, c := range d.Register {
			b.WriteString("  " + c.String() + "\n")
		}
	}
	for _, group := range []struct {
		noun string
		rds  []RecordDiff
	}{{"activity", d.Activities}, {"processing record", d.Processing}} {
		for _, rd := range group.rds {
			b.WriteString("\n" + rd.header(group.noun) + "\n")
			if rd.Kind == ChangeAdded || rd.Kind == ChangeRemoved {
				continue
			}
			for _, c := range rd.Changes {
				b.WriteString("  " + c.String() + "\n")
			}
		}
	}
	for _, part := range []struct {
		title string
		fs    []Finding
	}{{"findings that appeared (%d)", d.Appeared}, {"findings that disappeared (%d, at their place in the old version)", d.Disappeared}} {
		if len(part.fs) == 0 {
			continue
		}
		b.WriteString("\n" + fmt.Sprintf(part.title, len(part.fs)) + "\n")
		for _, f := range part.fs {
			b.WriteString("  ")
			if f.Activity != "" {
				b.WriteString(f.Activity + " ")
			}
			b.WriteString(f.String() + "\n")
		}
	}
	if len(d.Triggers) > 0 {
		fmt.Fprintf(&b, "\nwhat the changes require (%d)\n", len(d.Triggers))
		for _, t := range d.Triggers {
			b.WriteString("  " + t.String() + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// counts summarises the records changed.
func (d *RegisterDiff) counts() string {
	var parts []string
	if len(d.Register) > 0 {
		parts = append(parts, fmt.Sprintf("%d register changes", len(d.Register)))
	}
	for _, g := range []struct {
		noun string
		rds  []RecordDiff
	}{{"activities", d.Activities}, {"processing records", d.Processing}} {
		n := map[ChangeKind]int{}
		for _, rd := range g.rds {
			n[rd.Kind]++
		}
		if len(g.rds) > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d added, %d removed, %d changed", g.noun, n[ChangeAdded], n[ChangeRemoved], n[ChangeModified]))
		}
	}
	return strings.Join(parts, "; ")
}

func (rd RecordDiff) header(noun string) string {
	switch rd.Kind {
	case ChangeAdded:
		return fmt.Sprintf("+ %s %s %q added at %s", noun, rd.ID, rd.Name, rd.Path)
	case ChangeRemoved:
		return fmt.Sprintf("- %s %s %q removed from %s", noun, rd.ID, rd.Name, rd.OldPath)
	}
	h := fmt.Sprintf("~ %s %s %q at %s", noun, rd.ID, rd.Name, rd.Path)
	if rd.OldID != "" {
		h += fmt.Sprintf(", matched by name: id was %s", rd.OldID)
	}
	return h
}

// TriggerKind is a kind of thing a change to a register requires.
type TriggerKind string

// The kinds of trigger.
const (
	// NoticeUpdate: update the privacy notice (Art. 13, 14).
	NoticeUpdate TriggerKind = "notice-update"
	// ProcessorContract: conclude or extend the contract with a processor (Art. 28).
	ProcessorContract TriggerKind = "processor-contract"
	// TransferMechanism: ground a transfer to a third country or an
	// international organisation on a mechanism of Chapter V.
	TransferMechanism TriggerKind = "transfer-mechanism"
	// DPIAReview: review the data protection impact assessment (Art. 35).
	DPIAReview TriggerKind = "dpia-review"
	// ReviewDate: set the date of the record's review (Art. 5(2), 24(1)).
	ReviewDate TriggerKind = "review-date"
)

// TriggerKinds lists the kinds of trigger.
func TriggerKinds() []TriggerKind {
	return []TriggerKind{NoticeUpdate, ProcessorContract, TransferMechanism, DPIAReview, ReviewDate}
}

// Valid reports whether k is a kind of trigger.
func (k TriggerKind) Valid() bool { return slices.Contains(TriggerKinds(), k) }

// String returns the kind's name.
func (k TriggerKind) String() string { return string(k) }

// Trigger is one thing a change to a register requires.
type Trigger struct {
	// Kind says what is to be done.
	Kind TriggerKind `json:"kind"`
	// Article is the provision the duty rests on.
	Article string `json:"article"`
	// Activity is the id of the activity or processing record concerned, if any.
	Activity string `json:"activity,omitempty"`
	// Path is the element of the new version that requires it.
	Path Path `json:"path"`
	// Reason is the row of the trigger table that applies ("notice.transfer").
	Reason string `json:"reason"`
	// Message says what changed and what to do.
	Message string `json:"message"`
}

// String formats the trigger as "kind path: message (article)".
func (t Trigger) String() string {
	return fmt.Sprintf("%s %s: %s (%s)", t.Kind, t.Path, t.Message, t.Article)
}

// triggerRow is a duty a change brings, with the provision it rests on.
type triggerRow struct {
	kind    TriggerKind
	article string
	message string // a fmt template of the element's description
	source  string
}

// The GDPR applies from 25 May 2018 (Art. 99(2)); the table holds from then
// and until the Regulation is amended.
var triggerTable = map[string]triggerRow{
	"notice.activity": {NoticeUpdate, "Art. 13(1)(c), 13(3), 14(1)(c), 14(4) GDPR",
		"a new activity: tell the data subjects of its purposes, bases, recipients, transfers and retention in the privacy notice, before the processing starts",
		"https://gdprhub.eu/index.php?title=Article_13_GDPR; https://eulaw.online/l/reg-679-2016/article/14"},
	"notice.purpose": {NoticeUpdate, "Art. 13(1)(c), 13(3), 14(1)(c), 14(4) GDPR",
		"%s purpose: state it in the privacy notice before the data are processed for it",
		"https://gdprhub.eu/index.php?title=Article_13_GDPR; https://eulaw.online/l/reg-679-2016/article/14"},
	"notice.basis": {NoticeUpdate, "Art. 13(1)(c), 14(1)(c) GDPR",
		"%s lawful basis: state it in the privacy notice",
		"https://gdprhub.eu/index.php?title=Article_13_GDPR; https://streamlex.eu/articles/gdpr-en-art-14"},
	"notice.recipient": {NoticeUpdate, "Art. 13(1)(e), 14(1)(e) GDPR",
		"%s recipient: name it, or its category, in the privacy notice",
		"https://gdprhub.eu/index.php?title=Article_13_GDPR; https://streamlex.eu/articles/gdpr-en-art-14"},
	"notice.transfer": {NoticeUpdate, "Art. 13(1)(f), 14(1)(f) GDPR",
		"%s transfer: state it in the privacy notice, with its adequacy decision or safeguards",
		"https://gdprhub.eu/index.php?title=Article_13_GDPR; https://streamlex.eu/articles/gdpr-en-art-14"},
	"notice.retention": {NoticeUpdate, "Art. 13(2)(a), 14(2)(a) GDPR",
		"%s retention term: state the period, or its criteria, in the privacy notice",
		"https://gdprhub.eu/index.php?title=Article_13_GDPR; https://streamlex.eu/articles/gdpr-en-art-14"},
	"processor.recipient": {ProcessorContract, "Art. 28(3) GDPR",
		"a new processor %s: have a contract under Art. 28(3) cover this processing, and reference it (agreement)",
		"https://gdpr.eu/article-28-processor/"},
	"processor.inventory": {ProcessorContract, "Art. 28(3) GDPR",
		"a new processor %s: conclude a contract under Art. 28(3) and reference it (agreement)",
		"https://gdpr.eu/article-28-processor/"},
	"processor.sub": {ProcessorContract, "Art. 28(2), 28(4) GDPR",
		"a new sub-processor %s: obtain the controller's written authorisation and bind it by contract to the same obligations",
		"https://gdpr.eu/article-28-processor/"},
	"transfer": {TransferMechanism, "Art. 44 GDPR",
		"a new transfer to %s, outside the EEA: ground it on a mechanism of Chapter V (adequacy, safeguards, derogation)",
		"https://gdprhub.eu/index.php?title=Article_44_GDPR"},
	"dpia": {DPIAReview, "Art. 35(11) GDPR",
		"the criteria of WP248 rev.01 the activity meets changed from [%s] to [%s]: review whether the DPIA still holds, or whether one is needed",
		"https://www.law-reg.org/gdpr-en/regulations/situation-where-the-dpia-might-be-necessary"},
	"dpia.activity": {DPIAReview, "Art. 35(1) GDPR",
		"a new activity that meets criteria of WP248 rev.01 [%s]: assess whether a DPIA is needed before the processing",
		"https://gdprhub.eu/index.php?title=Article_35_GDPR"},
	"review.activity": {ReviewDate, "Art. 5(2), 24(1) GDPR",
		"the record changed: set the date of this review (updated)",
		"https://gdprhub.eu/Article_24_GDPR"},
	"review.register": {ReviewDate, "Art. 5(2), 24(1) GDPR",
		"the register changed: set the date of this review (updated)",
		"https://gdprhub.eu/Article_24_GDPR"},
}

// triggerSet collects triggers, one for each reason and element.
type triggerSet struct {
	out  []Trigger
	seen map[string]bool
	at   Date
}

func (ts *triggerSet) add(reason, record string, p Path, args ...any) {
	k := reason + " " + p.String()
	if ts.seen[k] {
		return
	}
	ts.seen[k] = true
	row := triggerTable[reason]
	ts.out = append(ts.out, Trigger{Kind: row.kind, Article: row.article, Activity: record, Path: p, Reason: reason, Message: render(row.message, args)})
}

// thirdCountry reports whether a transfer goes outside the EEA on a date:
// to an international organisation, or to a country known to be outside.
func thirdCountry(t *Transfer, at Date) (string, bool) {
	if t.Country == "" {
		return t.Organisation, t.Organisation != ""
	}
	member, known := lawfulbasis.InEEA(t.Country, at.Time())
	return t.Country, known && !member
}

// triggers works out what the changes of a diff require.
func triggers(old, new *Register, d *RegisterDiff) []Trigger {
	ts := &triggerSet{seen: map[string]bool{}, at: d.At}
	for _, c := range d.Register {
		if c.Kind == ChangeAdded && c.Path.Len() == 2 && c.Path.steps[0].Field == "processors" {
			ts.add("processor.inventory", "", c.Path, new.Processors[c.Path.steps[1].Index].Name)
		}
	}
	for _, rd := range d.Activities {
		if rd.Kind == ChangeRemoved {
			continue
		}
		a := &new.Activities[rd.Path.steps[1].Index]
		if rd.Kind == ChangeAdded {
			ts.add("notice.activity", a.ID, rd.Path)
			for j, r := range a.Recipients {
				if r.Kind == Processor {
					ts.add("processor.recipient", a.ID, rd.Path.Child("recipients").Index(j), r.Name)
				}
			}
			transfersOf(ts, a.ID, rd.Path, a.Transfers, nil)
			if met := DPIACriteriaOf(a); len(met) > 0 {
				ts.add("dpia.activity", a.ID, rd.Path, strings.Join(strs(met), ", "))
			}
			if a.Updated.IsZero() {
				ts.add("review.activity", a.ID, rd.Path.Child("updated"))
			}
			continue
		}
		o := &old.Activities[rd.OldPath.steps[1].Index]
		activityTriggers(ts, rd, o, a)
	}
	for _, rd := range d.Processing {
		if rd.Kind == ChangeRemoved {
			continue
		}
		p := &new.Processing[rd.Path.steps[1].Index]
		for _, c := range rd.Changes {
			rel := c.Path.steps[min(2, len(c.Path.steps)):]
			if c.Kind == ChangeAdded && len(rel) == 0 { // the record is new
				for j, s := range p.SubProcessors {
					ts.add("processor.sub", p.ID, rd.Path.Child("subProcessors").Index(j), s.Name)
				}
				transfersOf(ts, p.ID, rd.Path, p.Transfers, nil)
			}
			if c.Kind == ChangeAdded && len(rel) == 2 && rel[0].Field == "subProcessors" {
				ts.add("processor.sub", p.ID, c.Path, p.SubProcessors[rel[1].Index].Name)
			}
		}
		transfersOf(ts, p.ID, rd.Path, p.Transfers, rd.Changes)
	}
	if !d.Empty() && !new.Updated.After(old.Updated) {
		ts.add("review.register", "", Root.Child("updated"))
	}
	return ts.out
}

// transfersOf adds the Chapter V triggers of a record's transfers: all of
// them for a new record (changes nil), else those added or sent elsewhere.
func transfersOf(ts *triggerSet, record string, at Path, transfers []Transfer, changes []Change) {
	for j := range transfers {
		p := at.Child("transfers").Index(j)
		if changes != nil && !slices.ContainsFunc(changes, func(c Change) bool {
			return c.Kind == ChangeAdded && c.Path.Equal(p) ||
				c.Kind == ChangeModified && (c.Path.Equal(p.Child("country")) || c.Path.Equal(p.Child("organisation")))
		}) {
			continue
		}
		if to, ok := thirdCountry(&transfers[j], ts.at); ok {
			ts.add("transfer", record, p, to)
		}
	}
}

// notNotice are the fields of purposes, bases, recipients, transfers and
// retention terms that the privacy notice does not state: references to
// documents and remarks of the register's own.
var notNotice = map[string]bool{"note": true, "notes": true, "assessment": true, "agreement": true,
	"contact": true, "processors": true, "allProcessors": true, "text": true}

// activityTriggers adds the triggers of the changes of an activity that
// both versions have.
func activityTriggers(ts *triggerSet, rd RecordDiff, o, a *Activity) {
	reviewed := false
	changed := false
	for _, c := range rd.Changes {
		if c.Kind == ChangeMoved && c.Path.Len() == 2 {
			continue // the activity changed place only
		}
		changed = true
		if c.Kind == ChangeRemoved || c.Kind == ChangeMoved {
			continue
		}
		rel := c.Path.steps[2:]
		if len(rel) == 1 && rel[0].Field == "updated" {
			reviewed = a.Updated.After(o.Updated)
		}
		if len(rel) < 2 {
			continue
		}
		if len(rel) >= 3 && !rel[2].IsIndex() && notNotice[rel[2].Field] ||
			len(rel) >= 5 && !rel[4].IsIndex() && notNotice[rel[4].Field] {
			continue // a reference or remark the privacy notice does not state
		}
		elem := Path{steps: c.Path.steps[:4]}
		adj := "a changed"
		if c.Kind == ChangeAdded && len(rel) == 2 {
			adj = "a new"
		}
		switch rel[0].Field {
		case "purposes":
			if len(rel) >= 4 && (rel[2].Field == "bases" || rel[2].Field == "conditions") {
				if c.Kind != ChangeAdded || len(rel) != 4 {
					adj = "a changed"
				} else {
					adj = "a new"
				}
				ts.add("notice.basis", a.ID, Path{steps: c.Path.steps[:6]}, adj)
				continue
			}
			ts.add("notice.purpose", a.ID, elem, adj)
		case "recipients":
			ts.add("notice.recipient", a.ID, elem, adj)
			r := &a.Recipients[rel[1].Index]
			if r.Kind == Processor && (len(rel) == 2 || len(rel) == 3 && rel[2].Field == "kind") {
				ts.add("processor.recipient", a.ID, elem, r.Name)
			}
		case "transfers":
			ts.add("notice.transfer", a.ID, elem, adj)
		case "retention":
			ts.add("notice.retention", a.ID, elem, adj)
		}
	}
	transfersOf(ts, a.ID, rd.Path, a.Transfers, rd.Changes)
	if before, now := DPIACriteriaOf(o), DPIACriteriaOf(a); !slices.Equal(before, now) {
		ts.add("dpia", a.ID, rd.Path, strings.Join(strs(before), ", "), strings.Join(strs(now), ", "))
	}
	if changed && !reviewed {
		ts.add("review.activity", a.ID, rd.Path.Child("updated"))
	}
}
