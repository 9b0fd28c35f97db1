package ropa

import (
	"slices"
	"strings"
	"sync"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
)

// RuleFunc is a check of one rule: it returns the findings it makes in a
// register checked as of a date. It must not change the register. The
// checker fills in each finding's Rule, Severity (where empty), Article
// (where empty), Activity and position.
type RuleFunc func(r *Register, at Date) []Finding

// CustomRule is a rule a user of the library adds to a Checker.
type CustomRule struct {
	Rule
	Check RuleFunc
}

// Checker checks registers. Its zero value is not usable; make one with
// NewChecker. A Checker is safe for concurrent use.
type Checker struct {
	custom []CustomRule
	checks []ruleCheck // the library's GDPR rules, then the custom ones
	rules  []Rule
	known  map[string]bool
}

// ruleCheck is a rule with its check, which works on a pass
// and appends its findings to out.
type ruleCheck struct {
	Rule
	check func(p *pass, out []Finding) []Finding
}

// pass is one check of a register as of a date. It works out once what
// several rules need.
//
// A checker keeps its passes, with the memory of their answers, for the
// checks that follow (reset).
type pass struct {
	r          *Register
	at         Date
	statutes   *statuteIndex // once made: &statuteIdx
	statuteIdx statuteIndex
	basesCite  [][]*retention.Statute // the statutes the bases of each activity cite

	statuteMessages memo[passStatute, string]

	// The answers of lawfulbasis on the checking date, by destination or mechanism.
	eea      memo[string, eeaMembership]
	adequacy memo[adequacyQuestion, lawfulbasis.AdequacyAnswer]
	validity memo[lawfulbasis.Mechanism, lawfulbasis.Validity]

	// The DPIA criteria of each activity, with criteriaKnown once worked
	// out; the list is made for the register when criteriaReady is false.
	criteriaOf    []criteriaSet
	criteriaReady bool

	// Whether each retention rule is vague (1 no, 2 yes, 0 not known yet),
	// by the index of the activity's first rule in termStart; the lists are
	// made for the register when vagueReady is false.
	termStart  []int
	vagueOf    []int8
	vagueReady bool
}

// reset makes the pass a new pass over r as of at, keeping the memory it
// had; reset(nil, Date{}) lets go of the register.
func (p *pass) reset(r *Register, at Date) {
	p.r, p.at, p.statutes = r, at, nil
	p.statuteIdx.memo.reset()
	p.statuteMessages.reset()
	p.eea.reset()
	p.adequacy.reset()
	p.validity.reset()
	p.criteriaReady, p.vagueReady = false, false
}

// reuse returns a slice of n zero elements, in the memory of s if it has
// room.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// Option configures a Checker.
type Option func(*Checker)

// WithRule adds a rule of the user's own to the checker. Its id must not be
// the id of a rule of the catalogue.
func WithRule(rule Rule, check RuleFunc) Option {
	return func(c *Checker) { c.custom = append(c.custom, CustomRule{rule, check}) }
}

// NewChecker returns a checker of the rules of the catalogue and those added
// by options.
func NewChecker(opts ...Option) *Checker {
	c := &Checker{}
	for _, o := range opts {
		o(c)
	}
	c.rules = Rules()
	for _, cr := range c.custom {
		c.rules = append(c.rules, cr.Rule)
	}
	c.known = ruleIDs(c.rules)
	c.checks = append([]ruleCheck(nil), gdprRules...)
	for _, cr := range c.custom {
		c.checks = append(c.checks, ruleCheck{cr.Rule, func(p *pass, out []Finding) []Finding { return append(out, cr.Check(p.r, p.at)...) }})
	}
	return c
}

// Rules returns the catalogue of the checker: the library's rules and the
// user's, in a fixed order.
func (c *Checker) Rules() []Rule { return append([]Rule(nil), c.rules...) }

var defaultChecker = NewChecker()

// Check checks a register as of a date with the rules of the catalogue.
func Check(r *Register, at Date) *Report { return defaultChecker.Check(r, at) }

// Rules returns the catalogue of the library's rules, in a fixed order: the
// structural rules, the GDPR rules, and unused-waiver.
func Rules() []Rule {
	out := append([]Rule(nil), structuralRules...)
	for _, r := range gdprRules {
		out = append(out, r.Rule)
	}
	return append(out, unusedWaiverRule)
}

func ruleIDs(rules []Rule) map[string]bool {
	m := make(map[string]bool, len(rules))
	for _, r := range rules {
		m[r.ID] = true
	}
	return m
}

// Check checks a register as of a date: its structure (see Validate) and
// every rule of the checker. Waivers of the register move the findings they
// match into Report.Waived. Findings come in a fixed order. A nil Checker
// checks with the rules of the catalogue, as the function Check does.
func (c *Checker) Check(r *Register, at Date) *Report {
	if c == nil {
		c = defaultChecker
	}
	rep := &Report{At: at}
	if r == nil {
		rep.Findings = validateWith(nil, nil, nil, nil)
		rep.Summary = summarise(rep.Findings)
		return rep
	}
	// The findings are gathered in a buffer kept between checks, and copied
	// into the report in their order, the waived ones apart.
	sc := checkScratches.Get().(*checkScratch)
	defer sc.put()
	return c.check(r, at, sc, rep)
}

// check checks a register with the buffers of sc.
func (c *Checker) check(r *Register, at Date, sc *checkScratch, rep *Report) *Report {
	// Registers have a few findings per activity: room for them at once.
	fs := validateWith(slices.Grow(sc.findings[:0], 16+4*len(r.Activities)), r, runPlan(r), c.known)
	p := &sc.pass
	p.reset(r, at)
	for _, cr := range c.checks {
		start := len(fs)
		fs = cr.check(p, fs)
		for k := start; k < len(fs); k++ {
			f := &fs[k]
			f.Rule = cr.ID
			if f.Severity == "" {
				f.Severity = cr.Severity
			}
			if f.Article == "" {
				f.Article = cr.Article
			}
			f.Activity = activityOf(r, f.Path)
		}
	}
	sc.findings = fs
	order := sortOrder(fs, &sc.sort)
	used := make([]bool, len(r.Waivers))
	kept := 0
	for k := range order {
		f := &fs[order[k].at]
		if w, ok := waiverFor(r, f); ok {
			used[w] = true
			rep.Waived = append(rep.Waived, Waived{Finding: *f, Reason: r.Waivers[w].Reason})
			order[k].at = -1
			continue
		}
		kept++
	}
	unused := unusedWaivers(r, used)
	rep.Findings = make([]Finding, 0, kept+len(unused))
	for _, it := range order {
		if it.at >= 0 {
			rep.Findings = append(rep.Findings, fs[it.at])
		}
	}
	if len(unused) > 0 {
		rep.Findings = append(rep.Findings, unused...)
		sortFindings(rep.Findings)
	}
	for i := range rep.Findings {
		if p, ok := r.Position(rep.Findings[i].Path); ok {
			rep.Findings[i].Line, rep.Findings[i].Column = p.Line, p.Column
		}
	}
	for i := range rep.Waived {
		if p, ok := r.Position(rep.Waived[i].Path); ok {
			rep.Waived[i].Line, rep.Waived[i].Column = p.Line, p.Column
		}
	}
	rep.Summary = summarise(rep.Findings)
	return rep
}

// checkScratch holds the buffers of a check, kept between checks.
type checkScratch struct {
	findings []Finding
	sort     sortScratch
	pass     pass
}

var checkScratches = sync.Pool{New: func() any { return new(checkScratch) }}

// put returns the buffers for another check, without the findings, unless
// a huge register made them too big to keep.
func (sc *checkScratch) put() {
	if sc.release() {
		checkScratches.Put(sc)
	}
}

// release lets go of the register and the findings of the last check, and
// reports whether the buffers are small enough to keep.
func (sc *checkScratch) release() bool {
	clear(sc.findings)
	sc.findings = sc.findings[:0]
	sc.pass.reset(nil, Date{})
	return cap(sc.findings) <= 1<<14 && sc.sort.small()
}

// waiverFor returns the index of the waiver of the register that matches a finding. A
// waiver matches the findings of its rule, limited to its activity and to
// the element at its path and what that element contains.
func waiverFor(r *Register, f *Finding) (int, bool) {
	if r == nil {
		return 0, false
	}
	for i, w := range r.Waivers {
		if w.Rule != f.Rule || w.Reason == "" {
			continue
		}
		if w.Activity != "" && w.Activity != f.Activity {
			continue
		}
		if w.Path != "" && w.Path != f.Path && !strings.HasPrefix(f.Path, w.Path+".") && !strings.HasPrefix(f.Path, w.Path+"[") {
			continue
		}
		return i, true
	}
	return 0, false
}
