package ropa

import (
	"slices"
	"strings"

	"github.com/openropa/registry/lang"
)

// Severity grades a finding.
type Severity string

// The severities of findings.
const (
	// Error: the record breaks the GDPR or lacks what Art. 30 demands.
	Error Severity = "error"
	// Warning: a likely problem to examine, or a gap in the documentation.
	Warning Severity = "warning"
	// Info: advice.
	Info Severity = "info"
)

// Severities lists the severities, gravest first.
func Severities() []Severity { return []Severity{Error, Warning, Info} }

// Valid reports whether s is a severity.
func (s Severity) Valid() bool { return s == Error || s == Warning || s == Info }

// String returns the severity's name.
func (s Severity) String() string { return string(s) }

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Finding is one thing a check found in a register.
type Finding struct {
	// Rule is the id of the rule that found it.
	Rule string `json:"rule"`
	// Severity grades it.
	Severity Severity `json:"severity"`
	// Article is the provision it rests on, such as "Art. 30(1)(b) GDPR",
	// in the law of the register's regime: "Art. 31(1) of Regulation (EU)
	// 2018/1725" for a register under Regulation (EU) 2018/1725.
	Article string `json:"article"`
	// GDPRArticle is the provision of the GDPR that Article corresponds to,
	// where the register's regime made Article cite another law; empty
	// where Article cites the GDPR.
	GDPRArticle string `json:"gdprArticle,omitempty"`
	// Path is the element concerned, such as activities[3].transfers[0]; the
	// root for the register as a whole.
	Path Path `json:"path"`
	// Activity is the id of the activity or processing record concerned, if any.
	Activity string `json:"activity,omitempty"`
	// Key identifies the wording of the message: the rule's id, or the id
	// and a variant ("no-retention.category"). With Args it lets a caller
	// word the finding in a language of its own.
	Key string `json:"key"`
	// Args are the values the message quotes, in the order of its English
	// template: strings and numbers as the register writes them, and typed
	// values (Citation, FieldName, Suggestion, Date, lawfulbasis.Basis,
	// retention.Period, ...) that In renders in the reader's language.
	Args []any `json:"args,omitempty"`
	// Message says what is wrong and names the fix, in English with the
	// fields of the format as the register writes them, unless the report
	// was translated (Report.Translated).
	Message string `json:"message"`
	// File, Line and Column locate the element in the document the register
	// was read from, once the report is located (Report.Locate).
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	// Anchor is where the YAML anchor stands of an element reached through
	// an alias: Line and Column are where the alias is used.
	Anchor *Position `json:"anchor,omitempty"`
}

// String formats the finding as "path: severity rule: message".
func (f Finding) String() string {
	s := string(f.Severity) + " " + f.Rule + ": " + f.Message
	if !f.Path.IsRoot() {
		s = f.Path.String() + ": " + s
	}
	return s
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
	// order of the format, then by severity, rule and message.
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
// findings equal in all of these keep their order. It returns them in a
// new slice of their number.
func sortFindings(fs []Finding) []Finding {
	if len(fs) < 2 {
		return slices.Clip(fs)
	}
	// Each path becomes once a key of numbers (field ranks and indexes) that
	// sorts as the path does; the findings are sorted through their places,
	// the original place last, so that the order is stable and each
	// finding, a large value, moves once.
	keys := make([][]int, len(fs))
	for i := range fs {
		if i > 0 && fs[i].Path.Equal(fs[i-1].Path) {
			keys[i] = keys[i-1] // a rule's findings often share a path
			continue
		}
		keys[i] = fs[i].Path.sortKey()
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &fs[i], &fs[j]
		if c := slices.Compare(keys[i], keys[j]); c != 0 {
			return c
		}
		if c := a.Severity.rank() - b.Severity.rank(); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		if c := strings.Compare(a.Message, b.Message); c != 0 {
			return c
		}
		return i - j
	})
	sorted := make([]Finding, len(fs))
	for k, i := range order {
		sorted[k] = fs[i]
	}
	return sorted
}

// Messages are the wordings of a rule's findings, by variant: "" is the
// rule's main message, and a variant such as "category" gives the key
// "no-retention.category". Each is a fmt template whose verbs take the
// finding's Args, by index where the order may differ (%[1]s).
type Messages map[string]string

// messageKey returns the key of variant v of rule id.
func messageKey(id, v string) string {
	if v == "" {
		return id
	}
	return id + "." + v
}

// render words a message template with its arguments in English, naming
// fields as the register writes them.
func render(template string, args []any) string {
	return renderIn(template, args, lang.English, nil)
}

// In words the finding's message in a language, from its Key and Args, with
// the fields of the format named as the register writes them ("bases"): as
// the command line shows them. A key without a wording in the language is
// worded in English; a finding of a rule outside the catalogue keeps its
// Message.
func (f Finding) In(l lang.Lang) string { return f.Render(l, nil) }

// Render words the finding's message in a language as In does, naming the
// fields of the format with names (a workbook's column headings, say); nil
// names them as the register writes them.
func (f Finding) Render(l lang.Lang, names FieldNamer) string {
	tmpl, ok := MessageTemplate(f.Key, l)
	if !ok {
		tmpl, ok = MessageTemplate(f.Key, lang.English)
	}
	if !ok {
		if f.Message != "" {
			return f.Message
		}
		doc, _ := catalogueDoc(f.Rule) // never the raw key
		return doc
	}
	return renderIn(tmpl, typedArgs(&f), l, names)
}

// Fields returns the fields of the format the message names as the place of
// the fix, in the order of its arguments.
func (f Finding) Fields() []FieldName {
	var out []FieldName
	for _, a := range f.Args {
		if n, ok := a.(FieldName); ok {
			out = append(out, n)
		}
	}
	return out
}

// Translated returns a copy of the report whose findings and waived findings
// have their messages in a language, with fields named by names (nil: as
// the register writes them). The report itself is not changed; its order,
// which does not depend on the language, is kept.
func (r *Report) Translated(l lang.Lang, names FieldNamer) *Report {
	out := *r
	out.Findings = make([]Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Message = f.Render(l, names)
		out.Findings[i] = f
	}
	if r.Waived != nil {
		out.Waived = make([]Waived, len(r.Waived))
		for i, w := range r.Waived {
			w.Message = w.Render(l, names)
			out.Waived[i] = w
		}
	}
	return &out
}
