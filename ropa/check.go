package ropa

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/openropa/registry/lang"
)

// Rule is one check of the catalogue, or of a user's own: a declared value,
// in the manner of golang.org/x/tools/go/analysis. Its Run function receives
// a Pass over one register as of one date and reports its findings through
// it. The catalogue's rules and a user's rules have the same shape.
type Rule struct {
	// ID is the stable identifier of the rule, such as "no-legal-basis".
	ID string `json:"id"`
	// Severity is the severity of its findings; a finding may say another.
	Severity Severity `json:"severity"`
	// Article is the provision the rule rests on, such as "Art. 6(1) GDPR".
	// A finding may cite a more precise one.
	Article string `json:"article"`
	// Doc says in one line what the rule checks.
	Doc string `json:"summary"`
	// Messages are the wordings of its findings (see Messages).
	Messages Messages `json:"-"`
	// Run checks a register. It must not change the register.
	Run func(*Pass) `json:"-"`
}

// Checker checks registers with a set of rules. Make one with NewChecker;
// a Checker holds no state between checks and is safe for concurrent use.
type Checker struct {
	rules []*Rule // the structural rules, then the GDPR rules, then the user's
	known map[string]bool
	lang  lang.Lang // the language of the findings' messages
}

// Option configures a Checker.
type Option func(*checkerConfig)

type checkerConfig struct {
	custom []*Rule
	lang   lang.Lang
}

// WithLanguage words the findings' messages in a language (en, nl, fr or
// de); the default is English. The order of findings does not depend on it.
func WithLanguage(l lang.Lang) Option { return func(c *checkerConfig) { c.lang = l } }

// WithRules adds rules of the user's own to the checker. Their ids must
// differ from one another and from the catalogue's.
func WithRules(rules ...*Rule) Option {
	return func(c *checkerConfig) { c.custom = append(c.custom, rules...) }
}

// NewChecker returns a checker of the rules of the catalogue and those added
// by options. It is an error for a rule to have no id, an id used twice or
// used by the catalogue, a severity that is not one, no article, or no Run.
func NewChecker(opts ...Option) (*Checker, error) {
	var cfg checkerConfig
	for _, o := range opts {
		o(&cfg)
	}
	c := &Checker{rules: slices.Clone(catalogue), known: map[string]bool{}, lang: cfg.lang}
	if c.lang == "" {
		c.lang = lang.English
	}
	if !c.lang.Valid() {
		return nil, fmt.Errorf("ropa: language %q is not one of %s", cfg.lang, strs(lang.All()))
	}
	for _, r := range c.rules {
		c.known[r.ID] = true
	}
	var errs []error
	for i, r := range cfg.custom {
		if err := checkRule(r, c.known); err != nil {
			errs = append(errs, fmt.Errorf("ropa: rule %d (%q): %w", i, idOf(r), err))
			continue
		}
		c.known[r.ID] = true
		c.rules = append(c.rules, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func idOf(r *Rule) string {
	if r == nil {
		return ""
	}
	return r.ID
}

// checkRule says what is wrong with a user's rule.
func checkRule(r *Rule, known map[string]bool) error {
	switch {
	case r == nil:
		return errors.New("the rule is nil")
	case strings.TrimSpace(r.ID) == "":
		return errors.New("the rule has no id")
	case known[r.ID] && slices.ContainsFunc(catalogue, func(c *Rule) bool { return c.ID == r.ID }):
		return errors.New("the catalogue has a rule of this id; choose another")
	case known[r.ID]:
		return errors.New("another rule of the checker has this id")
	case !r.Severity.Valid():
		return fmt.Errorf("severity %q is not one of %s", r.Severity, strings.Join(strs(Severities()), ", "))
	case strings.TrimSpace(r.Article) == "":
		return errors.New("the rule cites no article; name the provision it rests on")
	case r.Run == nil:
		return errors.New("the rule has no Run function")
	}
	return nil
}

// defaultChecker checks with the catalogue's rules. It is made once and
// never changed.
var defaultChecker = func() *Checker {
	c, err := NewChecker()
	if err != nil {
		panic(err) // the catalogue's rules are checked by the tests
	}
	return c
}()

// Check checks a register as of a date with the rules of the catalogue.
func Check(r *Register, at Date) *Report { return defaultChecker.Check(r, at) }

// Rules returns the catalogue of the library's rules, in a fixed order: the
// structural rules, the GDPR rules by chapter, and unused-waiver.
func Rules() []Rule { return defaultChecker.Rules() }

// Rules returns the rules of the checker: the catalogue's and the user's,
// in a fixed order.
func (c *Checker) Rules() []Rule {
	if c == nil {
		c = defaultChecker
	}
	out := make([]Rule, len(c.rules))
	for i, r := range c.rules {
		out[i] = *r
	}
	return out
}

// Check checks a register as of a date: its structure and every rule of
// the checker. Waivers of the register move the findings they match into
// Report.Waived. Findings come in a fixed order; they are located in the
// register's document by Report.Locate. A nil Checker checks with the rules
// of the catalogue, as the function Check does.
func (c *Checker) Check(r *Register, at Date) *Report {
	if c == nil {
		c = defaultChecker
	}
	rep := &Report{At: at}
	if r == nil {
		rep.Findings = []Finding{{Rule: "required", Severity: Error, Article: "Art. 30 GDPR", Key: "required.register", Message: "the register is nil"}}
		rep.Summary = summarise(rep.Findings)
		return rep
	}
	// Room for a few findings an activity, so that the list of large
	// values is seldom copied as it grows.
	fs := make([]Finding, 0, 4*(len(r.Activities)+len(r.Processing))+16)
	facts := &facts{}
	for _, rule := range c.rules {
		if rule.Run == nil {
			continue // unused-waiver runs after the others
		}
		if !r.ruleApplies(rule, at) {
			continue // the register's regime has no counterpart of its provision
		}
		p := &Pass{Register: r, At: at, rule: rule, out: &fs, facts: facts}
		rule.Run(p)
	}
	used := make([]bool, len(r.Waivers))
	sorted := sortFindings(fs) // of their number: fs's spare room goes
	kept := sorted[:0]
	for _, f := range sorted {
		if w, ok := waiverFor(r, &f); ok {
			used[w] = true
			rep.Waived = append(rep.Waived, Waived{Finding: f, Reason: r.Waivers[w].Reason})
			continue
		}
		kept = append(kept, f)
	}
	n := len(kept)
	c.unusedWaivers(r, at, used, &kept)
	if len(kept) > n {
		kept = sortFindings(kept)
	}
	rep.Findings = kept
	rep.Summary = summarise(rep.Findings)
	if c.lang != lang.English {
		return rep.Translated(c.lang, nil)
	}
	return rep
}

// waiverFor returns the index of the waiver of the register that matches a
// finding. A waiver matches the findings of its rule, limited to its
// activity and to the element at its path and what that element contains.
func waiverFor(r *Register, f *Finding) (int, bool) {
	for i, w := range r.Waivers {
		if w.Rule != f.Rule || w.Reason == "" {
			continue
		}
		if w.Activity != "" && w.Activity != f.Activity {
			continue
		}
		if !f.Path.HasPrefix(w.Path) {
			continue
		}
		return i, true
	}
	return 0, false
}

// unusedWaivers reports the waivers that matched no finding: those of rules
// the checker has, and those of rules it does not know.
func (c *Checker) unusedWaivers(r *Register, at Date, used []bool, out *[]Finding) {
	p := &Pass{Register: r, At: at, rule: unusedWaiver, out: out}
	for i, w := range r.Waivers {
		if used[i] || w.Rule == "" {
			continue
		}
		path := Root.Child("waivers").Index(i)
		if !c.known[w.Rule] {
			p.Report(path.Child("rule"), "unknown", w.Rule, suggest(w.Rule, c.ids()))
			continue
		}
		p.Report(path, "", w.Rule)
	}
}

func (c *Checker) ids() []string {
	ids := make([]string, len(c.rules))
	for i, r := range c.rules {
		ids[i] = r.ID
	}
	return ids
}

// unusedWaiver is checked after the other rules: a waiver that silences
// nothing, or that names a rule the checker does not know.
var unusedWaiver = &Rule{
	ID: "unused-waiver", Severity: Warning, Article: "Art. 5(2) GDPR",
	Doc: "A waiver matches no finding, or names a rule the checker does not know.",
	Messages: Messages{
		"":        "the waiver of rule %s matches no finding as of the checking date; remove it, or correct its rule, activity or path",
		"unknown": "the waiver names rule %q, which this checker does not know, so it silences nothing; name a rule of the catalogue (ropa rules lists them)%s",
	},
}

// Pass is one check of a register as of a date, handed to each rule's Run.
// It holds what several rules need, worked out once per check when first
// asked for, and takes the rule's findings.
type Pass struct {
	// Register is the register being checked. Rules must not change it.
	Register *Register
	// At is the date as of which the register is checked.
	At Date

	rule  *Rule
	out   *[]Finding
	facts *facts
}

// Rule returns the rule the pass runs.
func (p *Pass) Rule() *Rule { return p.rule }

// Report reports a finding of the pass's rule on the element at path, worded
// by the rule's message variant (see Messages) with args.
func (p *Pass) Report(path Path, variant string, args ...any) {
	p.ReportFinding(Finding{Path: path, Key: messageKey(p.rule.ID, variant), Args: args})
}

// ReportFinding reports a finding of the pass's rule, filling in what it
// leaves empty: the rule, severity and article of the rule, the activity of
// its path, and the message of its key (the rule's main message if the key
// is empty too).
func (p *Pass) ReportFinding(f Finding) {
	f.Rule = p.rule.ID
	if f.Severity == "" {
		f.Severity = p.rule.Severity
	}
	if f.Article == "" {
		f.Article = p.rule.Article
	}
	if !p.Register.cite(&f, p.At) {
		return // the register's regime has no counterpart of its provision
	}
	if f.Key == "" {
		f.Key = p.rule.ID
	}
	if f.Message == "" {
		variant := strings.TrimPrefix(strings.TrimPrefix(f.Key, p.rule.ID), ".")
		tmpl, ok := p.rule.Messages[variant]
		if !ok {
			tmpl = p.rule.Doc // never a raw key; tests hold every rule to its messages
		}
		f.Message = render(tmpl, f.Args)
	}
	f.Activity = activityOf(p.Register, f.Path)
	*p.out = append(*p.out, f)
}

// activityOf returns the id of the activity or processing record a path is in.
func activityOf(r *Register, p Path) string {
	list, i, ok := p.activity()
	switch {
	case !ok || r == nil:
		return ""
	case list == "activities" && i < len(r.Activities):
		return r.Activities[i].ID
	case list == "processing" && i < len(r.Processing):
		return r.Processing[i].ID
	}
	return ""
}
