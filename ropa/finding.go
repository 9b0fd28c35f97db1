package ropa

import (
	"bytes"
	"encoding/binary"
	"iter"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Severity grades a finding.
type Severity string

// The severities of findings.
const (
	// Error: the record breaks the GDPR or lacks what Art. 30 demands.
	Error Severity = "error"
	// Warning: a likely breach to examine.
	Warning Severity = "warning"
	// Info: advice.
	Info Severity = "info"
)

// Valid reports whether s is a severity.
func (s Severity) Valid() bool { return s == Error || s == Warning || s == Info }

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Rule describes one check in the catalogue.
type Rule struct {
	// ID is the stable identifier of the rule, such as "required".
	ID string `json:"id"`
	// Severity is the severity of its findings.
	Severity Severity `json:"severity"`
	// Article is the provision the rule rests on, such as "Art. 30(1) GDPR".
	// A finding may cite a more precise one.
	Article string `json:"article"`
	// Summary says in one line what the rule checks.
	Summary string `json:"summary"`
}

// Finding is one thing a check found in a register.
type Finding struct {
	// Rule is the id of the rule that found it.
	Rule string `json:"rule"`
	// Severity grades it.
	Severity Severity `json:"severity"`
	// Article is the provision it rests on, such as "Art. 30(1)(b) GDPR".
	Article string `json:"article"`
	// Path is the JSON path of the element, such as "activities[3].transfers[0]",
	// or "" for the register as a whole.
	Path string `json:"path"`
	// Activity is the id of the activity or processing record concerned, if any.
	Activity string `json:"activity,omitempty"`
	// Message says what is wrong and names the fix.
	Message string `json:"message"`
	// Line and Column locate the element in the document the register was
	// read from, where it was read from one.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

// Waived is a finding silenced by a waiver of the register, with its reason.
type Waived struct {
	Finding
	Reason string `json:"reason"`
}

// Summary counts findings by severity.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Info     int `json:"info"`
}

// Report is the result of checking a register on a date.
type Report struct {
	// At is the date as of which the register was checked.
	At Date `json:"at"`
	// Findings are in a fixed order: by the element they concern, in the
	// order of the format, then by rule.
	Findings []Finding `json:"findings"`
	// Waived are the findings that waivers of the register silenced.
	Waived []Waived `json:"waived,omitempty"`
	// Summary counts Findings (not Waived) by severity.
	Summary Summary `json:"summary"`
}

// HasErrors reports whether any finding is an error.
func (r *Report) HasErrors() bool { return r.Summary.Errors > 0 }

func summarise(fs []Finding) Summary {
	var s Summary
	for _, f := range fs {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		default:
			s.Info++
		}
	}
	return s
}

// sortFindings orders findings by the element they concern, in the order of
// the format's fields and list indices, then by severity, rule and message;
// findings equal in all of these keep their order.
func sortFindings(fs []Finding) {
	if len(fs) < 2 {
		return
	}
	sc := sortScratches.Get().(*sortScratch)
	defer sc.put()
	items := sortOrder(fs, sc)
	// Put each finding in its place, following the cycles of the order.
	for k := range items {
		if items[k].at < 0 {
			continue
		}
		held := fs[k]
		for j := k; ; {
			next := int(items[j].at)
			items[j].at = -1
			if next == k {
				fs[j] = held
				break
			}
			fs[j] = fs[next]
			j = next
		}
	}
}

// sortOrder returns the order of sortFindings: the finding at place k is
// fs[items[k].at]. The items are sc's.
func sortOrder(fs []Finding, sc *sortScratch) []sortItem {
	// Each path becomes a key of bytes that sorts as the path does: keys
	// compare as one memory comparison, and a path is parsed once.
	buf := sc.keys[:0]
	items := slices.Grow(sc.items[:0], len(fs))[:len(fs)]
	for i := range fs {
		it := &items[i]
		it.at, it.rank = int32(i), int32(fs[i].Severity.rank())
		if i > 0 && fs[i].Path == fs[i-1].Path {
			it.start, it.end = items[i-1].start, items[i-1].end // a rule's findings often share a path
			continue
		}
		it.start = int32(len(buf))
		buf = pathKey(buf, fs[i].Path)
		it.end = int32(len(buf))
	}
	sc.keys, sc.items = buf, items
	slices.SortFunc(items, func(a, b sortItem) int {
		if c := bytes.Compare(buf[a.start:a.end], buf[b.start:b.end]); c != 0 {
			return c
		}
		if c := a.rank - b.rank; c != 0 {
			return int(c)
		}
		x, y := &fs[a.at], &fs[b.at]
		if c := strings.Compare(x.Rule, y.Rule); c != 0 {
			return c
		}
		if c := strings.Compare(x.Message, y.Message); c != 0 {
			return c
		}
		return int(a.at - b.at)
	})
	return items
}

// sortScratch holds the buffers of a sort, kept between sorts.
type sortScratch struct {
	keys  []byte
	items []sortItem
}

var sortScratches = sync.Pool{New: func() any { return new(sortScratch) }}

// small reports whether the buffers are small enough to keep: a huge
// register makes them too big.
func (sc *sortScratch) small() bool { return cap(sc.items) <= 1<<14 && cap(sc.keys) <= 1<<19 }

func (sc *sortScratch) put() {
	if sc.small() {
		sortScratches.Put(sc)
	}
}

// sortItem is a finding to sort: where its key lies in the buffer of keys,
// its severity's rank, and its place. It holds no pointer, so the sort moves
// it without write barriers.
type sortItem struct {
	start, end int32
	rank       int32
	at         int32
}

// pathStep is one step of a JSON path: a field name, or a list index.
type pathStep struct {
	list  bool   // the step is a list index
	name  string // the field name of a field step
	index int    // the list index, or -1 where it is not a number
}

// pathSteps yields the steps of a JSON path such as
// "activities[2].purposes[0]". It stops at a "[" that is not closed.
func pathSteps(path string) iter.Seq[pathStep] {
	return func(yield func(pathStep) bool) {
		for {
			s, rest, ok := nextStep(path)
			if !ok || !yield(s) {
				return
			}
			path = rest
		}
	}
}

// nextStep returns the first step of a JSON path and the path after it;
// false at the end of the path or at a "[" that is not closed.
func nextStep(path string) (s pathStep, rest string, ok bool) {
	switch {
	case path == "":
		return s, "", false
	case path[0] == '[':
		end := strings.IndexByte(path, ']')
		if end < 0 {
			return s, "", false
		}
		s.list = true
		i, err := strconv.Atoi(path[1:end])
		if err != nil {
			i = -1
		}
		s.index = i
		return s, strings.TrimPrefix(path[end+1:], "."), true
	}
	end := fieldEnd(path)
	s.name = path[:end]
	return s, strings.TrimPrefix(path[end:], "."), true
}

// fieldEnd returns the index of the "." or "[" that ends the field name at
// the start of a path, or its length.
func fieldEnd(path string) int {
	for i := 0; i < len(path); i++ {
		if path[i] == '.' || path[i] == '[' {
			return i
		}
	}
	return len(path)
}

// pathKey appends to key a JSON path as a sequence of numbers, four bytes
// each, that sort as the path does: the position of each field in its
// struct, and each list index. Unknown fields sort after known ones; an
// index out of the range of int32 sorts as its bound.
func pathKey(key []byte, path string) []byte {
	n, inList := fieldRanks(), false
	for {
		s, rest, ok := nextStep(path)
		if !ok {
			return key
		}
		path = rest
		if s.list {
			key, inList = appendKeyNumber(key, s.index), false
			continue
		}
		rank := 1 << 20
		if n != nil && !inList {
			if f, ok := n.fields[s.name]; ok {
				rank, n, inList = f.rank, f.next, f.list
			} else {
				n = nil
			}
		} else {
			n = nil
		}
		key = appendKeyNumber(key, rank)
	}
}

// appendKeyNumber appends n, bounded to int32, as four bytes that compare
// as the numbers do.
func appendKeyNumber(key []byte, n int) []byte {
	n = min(max(n, math.MinInt32), math.MaxInt32)
	return binary.BigEndian.AppendUint32(key, uint32(int32(n))^(1<<31))
}

// rankNode holds the positions of the JSON fields of a struct of the
// format, and what each field holds.
type rankNode struct {
	fields map[string]rankField
}

type rankField struct {
	rank int
	list bool      // the field is a list: an index comes next
	next *rankNode // the struct the field, or its elements, hold
}

var fieldRanks = sync.OnceValue(func() *rankNode {
	return rankNodeOf(reflect.TypeFor[Register](), map[reflect.Type]*rankNode{})
})

func rankNodeOf(t reflect.Type, done map[reflect.Type]*rankNode) *rankNode {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	if n, ok := done[t]; ok {
		return n
	}
	n := &rankNode{fields: map[string]rankField{}}
	done[t] = n
	for name, f := range fieldsOf(t).byName {
		ft := f.typ
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		list := ft.Kind() == reflect.Slice
		if list {
			ft = ft.Elem()
		}
		n.fields[name] = rankField{rank: f.rank, list: list, next: rankNodeOf(ft, done)}
	}
	return n
}
