package ropa

import (
	"strings"

	"github.com/openropa/registry/internal/clip"
	"github.com/openropa/registry/lawfulbasis"
)

// The rules of transfers to third countries and international
// organisations (Chapter V, Art. 30(1)(e) and 30(2)(c)).
var (
	eeaTransferRule = &Rule{ID: "eea-transfer", Severity: Info, Article: "Art. 44 GDPR",
		Doc:      "A transfer goes to a country of the EEA, which is not a transfer under Chapter V.",
		Messages: Messages{"": "%[1]s is in the EEA: sending data there is not a transfer under Chapter V; record the recipient under %[2]s instead"},
		Run: eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
			if p.withinEEA(t) {
				p.Report(at.path(), "", t.Country, FieldName("recipients"))
			}
		})}
	transferWithoutMechanismRule = &Rule{ID: "transfer-without-mechanism", Severity: Error, Article: "Art. 44 GDPR",
		Doc:      "A transfer to a third country names no ground of Chapter V.",
		Messages: Messages{"": "the transfer names no ground of Chapter V; record the adequacy decision, the appropriate safeguards of Art. 46 or the derogation of Art. 49 it relies on (%[1]s)"},
		Run: eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
			if t.Mechanism == "" && !p.withinEEA(t) {
				p.Report(at.path(), "", FieldName("mechanism"))
			}
		})}
	adequacyNotInForceRule = &Rule{ID: "adequacy-not-in-force", Severity: Error, Article: "Art. 45(1) GDPR",
		Doc:      "A transfer relies on adequacy that does not cover the country or the recipient on the checking date.",
		Messages: Messages{"": "%s"},
		Run:      eachTransferRule(adequacyNotInForce)}
	invalidMechanismRule = &Rule{ID: "invalid-mechanism", Severity: Error, Article: "Art. 44 and 46 GDPR",
		Doc:      "A transfer relies on a mechanism that was no longer valid on the checking date.",
		Messages: Messages{"": "%s"},
		Run: eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
			if t.Mechanism == "" || !t.Mechanism.Valid() {
				return
			}
			if v := t.Mechanism.ValidOn(p.At.Time()); !v.Valid {
				p.Report(at.path().Child("mechanism"), "", EnglishText(v.Reason))
			}
		})}
	transferImpactAssessmentRule = &Rule{ID: "transfer-impact-assessment", Severity: Warning, Article: "Art. 46(1) GDPR; C-311/18",
		Doc:      "A transfer on appropriate safeguards records no transfer impact assessment.",
		Messages: Messages{"": "appropriate safeguards must be assessed against the law and practice of the destination (judgment C-311/18, EDPB Recommendations 01/2020); reference the transfer impact assessment (%[1]s)"},
		Run: eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
			if t.Mechanism.Safeguard() && t.Assessment == "" && !p.withinEEA(t) {
				p.Report(at.path(), "", FieldName("assessment"))
			}
		})}
	derogationSafeguardsRule = &Rule{ID: "derogation-safeguards", Severity: Error, Article: "Art. 49(6) and 30(1)(e) GDPR",
		Doc:      "A transfer on compelling legitimate interests does not document its suitable safeguards.",
		Messages: Messages{"": "a transfer on compelling legitimate interests must document the assessment and the suitable safeguards in the record (Art. 49(6)); describe them (%[1]s), and inform the supervisory authority"},
		Run: eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
			if t.Mechanism == lawfulbasis.DerogationMechanism && t.Derogation.NeedsDocumentedSafeguards() && strings.TrimSpace(t.Safeguards) == "" {
				p.Report(at.path(), "", FieldName("safeguards"))
			}
		})}
	undeclaredTransferRule = &Rule{ID: "undeclared-transfer", Severity: Error, Article: "Art. 44 and 30(1)(e) GDPR",
		Doc:      "A recipient outside the EEA has no transfer declared to its country.",
		Messages: Messages{"": "recipient %[1]q is located in %[2]s, outside the EEA, but the activity declares no transfer to %[2]s; declare it with its ground (%[3]s)"},
		Run:      undeclaredTransfer}
)

// eachTransferRule returns the Run of a rule that looks at every transfer
// of activities and processing records.
func eachTransferRule(f func(p *Pass, at elemAt, t *Transfer)) func(*Pass) {
	return func(p *Pass) {
		r := p.Register
		for i := range r.Activities {
			for j := range r.Activities[i].Transfers {
				f(p, elemAt{"activities", i, "transfers", j}, &r.Activities[i].Transfers[j])
			}
		}
		for i := range r.Processing {
			for j := range r.Processing[i].Transfers {
				f(p, elemAt{"processing", i, "transfers", j}, &r.Processing[i].Transfers[j])
			}
		}
	}
}

func adequacyNotInForce(p *Pass, at elemAt, t *Transfer) {
	if t.Mechanism != lawfulbasis.Adequacy {
		return
	}
	var ans lawfulbasis.AdequacyAnswer
	switch {
	case t.Country != "":
		if p.withinEEA(t) {
			return
		}
		var scopes []lawfulbasis.Scope
		if t.DPF != nil && *t.DPF {
			scopes = append(scopes, lawfulbasis.DPFList)
		}
		if t.Scope != "" {
			scopes = append(scopes, t.Scope)
		}
		ans = lawfulbasis.AdequateCountry(t.Country, p.At.Time(), scopes...)
	case t.Organisation != "":
		ans = lawfulbasis.AdequateOrganisation(t.Organisation, p.At.Time())
	default:
		return // the structural check asks for the country
	}
	if !ans.Adequate {
		p.Report(at.path(), "", EnglishText(ans.Reason))
	}
}

func undeclaredTransfer(p *Pass) {
	for i := range p.Register.Activities {
		a := &p.Register.Activities[i]
		declared := map[string]bool{}
		for _, t := range a.Transfers {
			declared[t.Country] = true
		}
		for j, rc := range a.Recipients {
			if rc.Country == "" || declared[rc.Country] || !p.outsideEEA(rc.Country) {
				continue
			}
			p.Report(activityPath(i).Child("recipients").Index(j), "", clip.Runes(rc.Name, 80), rc.Country, FieldName("transfers"))
		}
	}
}
