package ropa

import (
	"slices"

	"github.com/openropa/registry/internal/clip"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
)

// The rules of the envisaged time limits for erasure (Art. 30(1)(f)) and of
// storage limitation (Art. 5(1)(e)).
var (
	noRetentionRule = &Rule{ID: "no-retention", Severity: Warning, Article: "Art. 30(1)(f) GDPR",
		Doc: "An activity, or a category of its data, has no retention term.",
		Messages: Messages{
			"":         "no retention term is given; state for how long each category of data is kept, or the criteria that determine it, where possible",
			"category": "no retention term covers data category %[1]q; add one (%[2]s)",
		},
		Run: noRetention}
	vagueRetentionRule = &Rule{ID: "vague-retention", Severity: Warning, Article: "Art. 30(1)(f) and 5(1)(e) GDPR",
		Doc:      "A retention term says only 'as long as necessary', without a period or criteria.",
		Messages: Messages{"": "%q only restates that data are kept as long as necessary; give a period and the event it runs from, or the criteria that fix it"},
		Run:      vagueRetention}
	retentionNoEndRule = &Rule{ID: "retention-no-end", Severity: Warning, Article: "Art. 30(1)(f) and 5(1)(e) GDPR",
		Doc: "A retention term sets no end: no period that is more than a minimum, no ending event and no known statute.",
		Messages: Messages{
			"":            "the term sets no end: it gives criteria but no period, ending event or law; give a time limit where possible",
			"minimum":     "%[1]s is a minimum (at least), and nothing ends the term: the data could be kept without end; give the time limit for erasure as well, where possible",
			"law":         "the term ends only with the law it cites, %[1]q, which is no statute known for %[2]s on this date, so its end cannot be told; cite the provision that sets the period, or give the period (%[3]s)",
			"law-nowhere": "the term ends only with the law it cites, %[1]q, whose period cannot be told: the register names no country where the controller is established, whose statutes would say it; give the period (%[2]s), or the controller's country (%[3]s)",
		},
		Run: retentionNoEnd}
	retentionNoStartRule = &Rule{ID: "retention-no-start", Severity: Info, Article: "Art. 30(1)(f) GDPR",
		Doc:      "A retention period does not say from which event it runs.",
		Messages: Messages{"": "the period %[1]s does not say from which event it runs; add %[2]s (such as collection or contract-end) so that erasure dates can be computed"},
		Run:      retentionNoStart}
	retentionEndlessRule = &Rule{ID: "retention-end-cannot-happen", Severity: Error, Article: "Art. 30(1)(f) and 5(1)(e) GDPR",
		Doc: "A retention term ends only at events that cannot happen for the activity.",
		Messages: Messages{
			"": "the data would be kept without end: %s; give a period, or the event that really ends the processing",
		},
		Run: retentionImpossibleEnd}
	statutoryMinimumRule = &Rule{ID: "retention-below-statutory-minimum", Severity: Warning, Article: "Art. 30(1)(f) GDPR",
		Doc:      "A retention period is shorter than the statutory minimum the register cites.",
		Messages: Messages{"": "%s is shorter than the %s that %s requires for %s; keep the data at least that long"},
		Run:      statutoryMinimum}
	statutoryMaximumRule = &Rule{ID: "retention-above-statutory-maximum", Severity: Warning, Article: "Art. 5(1)(e) GDPR",
		Doc:      "A retention period is longer than the statutory maximum the register cites.",
		Messages: Messages{"": "%s is longer than the %s that %s allows for %s; shorten it"},
		Run:      statutoryMaximum}
)

// eachTerm calls f for every retention rule of every activity, with its place.
func eachTerm(r *Register, f func(at elemAt, i int, a *Activity, j int, rule *RetentionRule)) {
	for i := range r.Activities {
		a := &r.Activities[i]
		for j := range a.Retention {
			f(elemAt{"activities", i, "retention", j}, i, a, j, &a.Retention[j])
		}
	}
}

func noRetention(p *Pass) {
	for i := range p.Register.Activities {
		a := &p.Register.Activities[i]
		if len(a.Retention) == 0 {
			p.Report(activityPath(i), "")
			continue
		}
		covered := map[string]bool{}
		for _, rule := range a.Retention {
			if len(rule.Data) == 0 {
				covered = nil // a rule of all the activity's categories
				break
			}
			for _, d := range rule.Data {
				covered[d] = true
			}
		}
		if covered == nil {
			continue
		}
		for j, c := range a.DataCategories {
			if !covered[c.ID] {
				p.Report(activityPath(i).Child("dataCategories").Index(j), "category", c.ID, FieldName("retention[].data"))
			}
		}
	}
}

func vagueRetention(p *Pass) {
	eachTerm(p.Register, func(at elemAt, _ int, _ *Activity, _ int, rule *RetentionRule) {
		if rule.Criteria != "" && rule.Vague() {
			p.Report(at.path(), "", clip.Runes(rule.Criteria, 120))
		}
	})
}

func retentionNoEnd(p *Pass) {
	eachTerm(p.Register, func(at elemAt, _ int, _ *Activity, _ int, rule *RetentionRule) {
		if rule.Vague() {
			return // vague-retention says what is wrong
		}
		e := rule.Ending(p.Statutes())
		switch {
		case e.Ends():
		case e.MinimumOnly:
			p.Report(at.path(), "minimum", rule.Period)
		case e.UnknownLaw:
			if c := p.statutesCountry(); c != "" {
				p.Report(at.path().Child("law"), "law", clip.Runes(rule.Law, 120), c, FieldName("period"))
			} else {
				p.Report(at.path().Child("law"), "law-nowhere", clip.Runes(rule.Law, 120), FieldName("period"), FieldName("organisation.address.country"))
			}
		default:
			p.Report(at.path(), "")
		}
	})
}

func retentionNoStart(p *Pass) {
	eachTerm(p.Register, func(at elemAt, _ int, _ *Activity, _ int, rule *RetentionRule) {
		if !rule.Period.IsZero() && rule.From == "" {
			p.Report(at.path(), "", rule.Period.String(), FieldName("from"))
		}
	})
}

// activityGrounds summarises the bases and kinds of purpose of an activity.
type activityGrounds struct {
	any                                      bool // some purpose has a basis
	consent, legitimateInterests, publicTask bool
	directMarketing                          bool
}

func groundsOf(a *Activity) activityGrounds {
	var g activityGrounds
	for i := range a.Purposes {
		p := &a.Purposes[i]
		for _, b := range p.Bases {
			g.any = true
			switch b.Basis {
			case lawfulbasis.Consent:
				g.consent = true
			case lawfulbasis.LegitimateInterests:
				g.legitimateInterests = true
			case lawfulbasis.PublicTask:
				g.publicTask = true
			}
		}
		g.directMarketing = g.directMarketing || p.DirectMarketing
	}
	return g
}

// canHappen says whether an ending event can occur for an activity: consent
// can only be withdrawn where a purpose rests on consent (Art. 7(3)); an
// objection can only be made against public task or legitimate interests
// (Art. 21(1)) or direct marketing (Art. 21(2)).
func (g activityGrounds) canHappen(e retention.Event) bool {
	switch e {
	case retention.ConsentWithdrawn:
		return g.consent
	case retention.Objection:
		return g.legitimateInterests || g.publicTask || g.directMarketing
	}
	return true
}

func retentionImpossibleEnd(p *Pass) {
	eachTerm(p.Register, func(at elemAt, _ int, a *Activity, _ int, rule *RetentionRule) {
		if !rule.Period.IsZero() || len(rule.Until) == 0 {
			return
		}
		g := groundsOf(a)
		if !g.any {
			return // no-legal-basis says what is wrong
		}
		for _, e := range rule.Until {
			if g.canHappen(e) {
				return
			}
		}
		p.Report(at.path(), "", ImpossibleEnds(slices.Clone(rule.Until)))
	})
}

// forCited calls f for every retention rule with a period and every
// statutory rule that the rule's law, or the law of a basis of its
// activity, cites, until f reports a finding.
func forCited(p *Pass, f func(at elemAt, rule *RetentionRule, s *retention.Statute) bool) {
	eachTerm(p.Register, func(at elemAt, i int, _ *Activity, j int, rule *RetentionRule) {
		if rule.Period.IsZero() {
			return
		}
		for _, s := range p.CitedFor(i, j) {
			if f(at, rule, s) {
				return
			}
		}
	})
}

func statutoryMinimum(p *Pass) {
	forCited(p, func(at elemAt, rule *RetentionRule, s *retention.Statute) bool {
		if s.Kind != retention.DutyToKeep || s.Min.IsZero() {
			return false // a limitation period requires no retention (Art. 5(1)(e), 17(3)(e))
		}
		if c, decided := retention.ComparePeriods(rule.Period, s.Min); decided && c < 0 {
			p.Report(at.path(), "", rule.Period, s.Min, s.Law, EnglishText(s.Subject))
			return true
		}
		return false
	})
}

func statutoryMaximum(p *Pass) {
	forCited(p, func(at elemAt, rule *RetentionRule, s *retention.Statute) bool {
		if s.Kind != retention.MaximumHold || s.Max.IsZero() {
			return false
		}
		if c, decided := retention.ComparePeriods(rule.Period, s.Max); decided && c > 0 {
			p.Report(at.path(), "", rule.Period, s.Max, s.Law, EnglishText(s.Subject))
			return true
		}
		return false
	})
}
