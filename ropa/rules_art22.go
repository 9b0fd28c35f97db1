package ropa

import (
	"slices"
	"strings"

	"github.com/openropa/registry/lawfulbasis"
)

// The rules of decisions based solely on automated processing (Art. 22).
var automatedDecisionRule = &Rule{ID: "automated-decision", Severity: Error, Article: "Art. 22 GDPR",
	Doc: "Automated decisions rest on none of the exceptions of Art. 22(2), record no safeguards of Art. 22(3), or use special data without Art. 9(2)(a) or (g).",
	Messages: Messages{
		"none":       "the activity takes decisions based solely on automated processing, but no purpose rests on a basis that can carry an exception of Art. 22(2) (contract, law or explicit consent); such decisions with legal or similarly significant effects are prohibited (Art. 22(1)): add human involvement, or record the exception (%[1]s)",
		"exception":  "the activity takes decisions based solely on automated processing without recording the exception of Art. 22(2) they rest on (contract, law or explicit consent); record it (%[1]s)",
		"law":        "the decisions rest on Union or member state law (Art. 22(2)(b)), but none is cited; cite it (%[1]s)",
		"safeguards": "decisions resting on %[1]s must come with suitable safeguards, at least the right to obtain human intervention, to express one's point of view and to contest the decision (Art. 22(3)); describe them (%[2]s)",
		"special":    "the automated decisions use special categories of data (%[1]s), which Art. 22(4) allows only with explicit consent (Art. 9(2)(a)) or for reasons of substantial public interest (Art. 9(2)(g)); record one of them (%[2]s), or keep these data out of the decisions",
	},
	Run: automatedDecision}

// canCarryException reports whether a basis of Art. 6(1) can go with an
// exception of Art. 22(2): a contract (a), a legal obligation or public
// task laid down by law (b), or consent, which must then be explicit (c).
func canCarryException(b lawfulbasis.Basis) bool {
	switch b {
	case lawfulbasis.Contract, lawfulbasis.LegalObligation, lawfulbasis.PublicTask, lawfulbasis.Consent:
		return true
	}
	return false
}

func automatedDecision(p *Pass) {
	for i := range p.Register.Activities {
		a := &p.Register.Activities[i]
		if a.AutomatedDecisions == nil || !*a.AutomatedDecisions {
			continue
		}
		path := activityPath(i)
		g := a.DecisionGrounds
		switch {
		case g != nil && g.Exception != "":
			grounds := path.Child("decisionGrounds")
			if g.Exception == DecisionLaw && strings.TrimSpace(g.Law) == "" {
				p.ReportFinding(Finding{Path: grounds, Severity: Warning, Article: "Art. 22(2)(b) GDPR", Key: "automated-decision.law",
					Args: []any{FieldName("decisionGrounds.law")}})
			}
			if g.Exception != DecisionLaw && strings.TrimSpace(g.Safeguards) == "" {
				p.ReportFinding(Finding{Path: grounds, Severity: Warning, Article: "Art. 22(3) GDPR", Key: "automated-decision.safeguards",
					Args: []any{Citation(g.Exception.Article()), FieldName("decisionGrounds.safeguards")}})
			}
		case !anyBasis(a, canCarryException):
			if anyBasis(a, func(lawfulbasis.Basis) bool { return true }) {
				p.ReportFinding(Finding{Path: path.Child("automatedDecisions"), Article: "Art. 22(1)-(2) GDPR", Key: "automated-decision.none",
					Args: []any{FieldName("decisionGrounds.exception")}})
			}
		default:
			p.ReportFinding(Finding{Path: path.Child("automatedDecisions"), Severity: Warning, Article: "Art. 22(2) GDPR", Key: "automated-decision.exception",
				Args: []any{FieldName("decisionGrounds.exception")}})
		}
		var special []string
		for j := range a.Purposes {
			pu := &a.Purposes[j]
			if slices.ContainsFunc(pu.Conditions, func(c Condition) bool {
				return c.Condition == lawfulbasis.ExplicitConsent || c.Condition == lawfulbasis.SubstantialPublicInterest
			}) {
				continue
			}
			for _, id := range usedCategories(a, pu, func(c *DataCategory) bool { return len(c.Special) > 0 }) {
				if !slices.Contains(special, id) {
					special = append(special, id)
				}
			}
		}
		if len(special) > 0 {
			p.ReportFinding(Finding{Path: path.Child("automatedDecisions"), Article: "Art. 22(4) GDPR", Key: "automated-decision.special",
				Args: []any{strings.Join(special, ", "), FieldName("conditions")}})
		}
	}
}

// anyBasis reports whether some purpose of an activity has a basis for
// which ok says yes.
func anyBasis(a *Activity, ok func(lawfulbasis.Basis) bool) bool {
	for i := range a.Purposes {
		for _, b := range a.Purposes[i].Bases {
			if ok(b.Basis) {
				return true
			}
		}
	}
	return false
}
