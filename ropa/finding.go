package ropa

import (
	"iter"
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
// the format's fields and list indices, then by severity, rule and message.
func sortFindings(fs []Finding) {
	if len(fs) < 2 {
		return
	}
	keys := make([][]int, len(fs))
	buf := make([]int, 0, 6*len(fs))
	for i := range fs {
		if i > 0 && fs[i].Path == fs[i-1].Path {
			keys[i] = keys[i-1] // a rule's findings often share a path
			continue
		}
		start := len(buf)
		buf = pathKey(buf, fs[i].Path)
		keys[i] = buf[start:len(buf):len(buf)]
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &fs[i], &fs[j]
		if c := compareKeys(keys[i], keys[j]); c != 0 {
			return c
		}
		if c := a.Severity.rank() - b.Severity.rank(); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	// Put each finding in its place, following the cycles of the order.
	for k := range order {
		if order[k] < 0 {
			continue
		}
		held := fs[k]
		for j := k; ; {
			next := order[j]
			order[j] = -1
			if next == k {
				fs[j] = held
				break
			}
			fs[j] = fs[next]
			j = next
		}
	}
}

// pathStep is one step of a JSON path: a field name, or a list index.
type pathStep struct {
	list  bool   // the step is a list index
	name  string // the field name of a field step
	index int    // the list index, as strconv.Atoi reads it
	err   error  // strconv.Atoi's error, for an index that is not a number
}

// pathSteps yields the steps of a JSON path such as
// "activities[2].purposes[0]". It stops at a "[" that is not closed.
func pathSteps(path string) iter.Seq[pathStep] {
	return func(yield func(pathStep) bool) {
		for path != "" {
			var s pathStep
			if path[0] == '[' {
				end := strings.IndexByte(path, ']')
				if end < 0 {
					return
				}
				s.list = true
				s.index, s.err = strconv.Atoi(path[1:end])
				path = strings.TrimPrefix(path[end+1:], ".")
			} else if end := fieldEnd(path); end == len(path) {
				s.name, path = path, ""
			} else {
				s.name, path = path[:end], strings.TrimPrefix(path[end:], ".")
			}
			if !yield(s) {
				return
			}
		}
	}
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

// pathKey appends to key a JSON path as a sequence of numbers: the position
// of each field in its struct, and each list index, so that paths sort in
// the order of the format. Unknown fields sort after known ones.
func pathKey(key []int, path string) []int {
	n, inList := fieldRanks(), false
	for s := range pathSteps(path) {
		if s.list {
			key, inList = append(key, s.index), false
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
		key = append(key, rank)
	}
	return key
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

func compareKeys(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}
