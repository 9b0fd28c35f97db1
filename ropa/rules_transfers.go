package ropa

import (
	"slices"
	"strings"

	"github.com/openropa/registry/internal/clip"
	"github.com/openropa/registry/lawfulbasis"
)

// The rules of transfers to third countries and international
// organisations (Chapter V, Art. 30(1)(e) and 30(2)(c)).
var (
	eeaTransferRule = &Rule{ID: "eea-transfer", Severity: Info, Article: "Art. 44 GDPR",
		Doc: "A transfer goes to a country of the EEA, or to the UK during the 2021 bridge, which is not a transfer under Chapter V.",
		Messages: Messages{
			"":       "%[1]s is in the EEA: sending data there is not a transfer under Chapter V; record the recipient under %[2]s instead",
			"bridge": "sending data to %[1]s on %[2]s was not a transfer under Chapter V (Art. FINPROV.10A of the EU-UK Trade and Cooperation Agreement, from 2021-01-01 to 2021-06-27); nothing needs a ground of Chapter V for that period",
		},
		Run: eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
			if !p.withinEEA(t) {
				return
			}
			if member, _ := p.InEEA(t.Country); member {
				p.Report(at.path(), "", t.Country, FieldName("recipients"))
			} else {
				p.Report(at.path(), "bridge", t.Country, p.At)
			}
		})}
	transferWithoutMechanismRule = &Rule{ID: "transfer-without-mechanism", Severity: Error, Article: "Art. 5(2) and 44 GDPR",
		Doc:      "A transfer to a third country names no ground of Chapter V.",
		Messages: Messages{"": "the transfer names no ground of Chapter V; record the adequacy decision, the appropriate safeguards of Art. 46 or the derogation of Art. 49 it relies on (%[1]s)"},
		Run: eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
			if t.Mechanism == "" && !p.withinEEA(t) {
				p.Report(at.path(), "", FieldName("mechanism"))
			}
		})}
	adequacyNotInForceRule = &Rule{ID: "adequacy-not-in-force", Severity: Error, Article: "Art. 45(1) GDPR",
		Doc: "A transfer relies on adequacy that does not cover the country or the recipient on the checking date, or whose scope is to be confirmed.",
		Messages: Messages{
			"":        "%[1]s",
			"confirm": "%[1]s",
		},
		Run: eachTransferRule(adequacyNotInForce)}
	invalidMechanismRule = &Rule{ID: "invalid-mechanism", Severity: Error, Article: "Art. 44 and 46 GDPR",
		Doc: "A transfer relies on a mechanism, or on standard contractual clauses, that could not be relied on on the checking date, or on clauses whose module does not fit the recipient.",
		Messages: Messages{
			"":        "%[1]s",
			"clauses": "%[1]s",
			"unread":  "the reference to the standard contractual clauses cannot be read: %[1]s; cite the decision and its module, such as Decision (EU) 2021/914 module 2",
			"module":  "recipient %[1]q is a processor, but the reference names only %[2]s of Decision (EU) 2021/914; a processor importer needs module 2 (controller to processor) or module 3 (processor to processor)",
		},
		Run: eachTransferRule(invalidMechanism)}
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
		Doc: "A recipient, a group recipient's company or a sub-processor outside the EEA has no transfer declared to its country.",
		Messages: Messages{
			"":      "recipient %[1]q is located in %[2]s, outside the EEA, but the activity declares no transfer to %[2]s; declare it with its ground (%[3]s)",
			"group": "recipient %[1]q is the group, which includes %[2]q in %[3]s, outside the EEA, but the activity declares no transfer to %[3]s; declare it with its ground (%[4]s), or say which group companies receive the data",
			"sub":   "sub-processor %[1]q is located in %[2]s, outside the EEA, but the processing record declares no transfer to %[2]s (Art. 30(2)(c)); declare it with its ground (%[3]s)",
		},
		Run: undeclaredTransfer}
	publicAuthorityDerogationRule = &Rule{ID: "public-authority-derogation", Severity: Error, Article: "Art. 49(3) GDPR",
		Doc:      "A public authority relies on a derogation that Art. 49(3) excludes in the exercise of its public powers.",
		Messages: Messages{"": "a public authority may not rely on %[1]s (%[2]s) for activities in the exercise of its public powers (Art. 49(3)); rely on another ground of Chapter V, or explain in the notes why the transfer falls outside its public powers and waive this finding"},
		Run:      publicAuthorityDerogation}
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

// recipientOf returns the recipient of an activity, or the sub-processor
// of a processing record, that a transfer names as its importer.
func recipientOf(r *Register, at elemAt, t *Transfer) *Recipient {
	if t.Recipient == "" {
		return nil
	}
	var list []Recipient
	switch {
	case at.list == "activities" && at.i < len(r.Activities):
		list = r.Activities[at.i].Recipients
	case at.list == "processing" && at.i < len(r.Processing):
		list = r.Processing[at.i].SubProcessors
	}
	for k := range list {
		if strings.EqualFold(strings.TrimSpace(list[k].Name), strings.TrimSpace(t.Recipient)) {
			return &list[k]
		}
	}
	return nil
}

// importerIsProcessor reports whether a transfer's importer is a processor:
// a sub-processor of a processing record, or a recipient of kind processor.
func importerIsProcessor(r *Register, at elemAt, t *Transfer) bool {
	rc := recipientOf(r, at, t)
	return rc != nil && (at.list == "processing" || rc.Kind == Processor)
}

// importerIsAuthority reports whether a transfer's importer is stated to be
// a public authority: by the transfer, or by the kind of its recipient.
func importerIsAuthority(r *Register, at elemAt, t *Transfer) bool {
	if t.PublicAuthority != nil {
		return *t.PublicAuthority
	}
	rc := recipientOf(r, at, t)
	return rc != nil && rc.Kind == Authority
}

func adequacyNotInForce(p *Pass, at elemAt, t *Transfer) {
	if t.Mechanism != lawfulbasis.Adequacy || p.withinEEA(t) || t.Country == "" && t.Organisation == "" {
		return // the structural check asks for the country
	}
	q := lawfulbasis.AdequacyQuery{Country: t.Country, Day: p.At.Time(), Scope: t.Scope, DPF: t.DPF,
		PublicAuthority: importerIsAuthority(p.Register, at, t)}
	if t.Country == "" {
		q.Organisation = t.Organisation
	}
	ans := lawfulbasis.AssessAdequacy(q)
	switch ans.Verdict {
	case lawfulbasis.VerdictNotAdequate:
		p.Report(at.path(), "", EnglishText(ans.Reason))
	case lawfulbasis.VerdictConfirmScope:
		p.ReportFinding(Finding{Path: at.path(), Severity: Warning, Key: "adequacy-not-in-force.confirm", Args: []any{EnglishText(ans.Reason)}})
	}
}

func invalidMechanism(p *Pass, at elemAt, t *Transfer) {
	if t.Mechanism == "" || !t.Mechanism.Valid() || p.withinEEA(t) {
		return
	}
	if v := t.Mechanism.ValidOn(p.At.Time()); !v.Valid {
		p.Report(at.path().Child("mechanism"), "", EnglishText(v.Reason))
		return
	}
	if t.Mechanism != lawfulbasis.SCC || strings.TrimSpace(t.Reference) == "" {
		return
	}
	ref, err := lawfulbasis.RecogniseSCC(t.Reference)
	switch {
	case err != nil:
		p.ReportFinding(Finding{Path: at.path().Child("reference"), Severity: Warning, Key: "invalid-mechanism.unread", Args: []any{EnglishText(err.Error())}})
		return
	case len(ref.Decisions) == 0:
		return // a reference to a contract of the organisation's own, say
	}
	if v := ref.ValidOn(p.At.Time()); !v.Valid {
		p.ReportFinding(Finding{Path: at.path().Child("reference"), Article: "Art. 46(2)(c) GDPR", Key: "invalid-mechanism.clauses", Args: []any{EnglishText(v.Reason)}})
		return
	}
	if len(ref.Modules) > 0 && !ref.ForProcessor() && importerIsProcessor(p.Register, at, t) {
		names := make([]string, len(ref.Modules))
		for k, m := range ref.Modules {
			names[k] = m.String()
		}
		p.ReportFinding(Finding{Path: at.path().Child("reference"), Article: "Art. 28(3) and 46(2)(c) GDPR", Key: "invalid-mechanism.module",
			Args: []any{clip.Runes(t.Recipient, 80), strings.Join(names, ", ")}})
	}
}

// declaredTo returns the countries a list of transfers declares.
func declaredTo(ts []Transfer) map[string]bool {
	declared := map[string]bool{}
	for _, t := range ts {
		declared[t.Country] = true
	}
	return declared
}

func undeclaredTransfer(p *Pass) {
	r := p.Register
	for i := range r.Activities {
		a := &r.Activities[i]
		declared := declaredTo(a.Transfers)
		for j, rc := range a.Recipients {
			path := activityPath(i).Child("recipients").Index(j)
			if rc.Country != "" {
				if !declared[rc.Country] && p.thirdCountry(rc.Country) {
					p.Report(path, "", clip.Runes(rc.Name, 80), rc.Country, FieldName("transfers"))
				}
				continue
			}
			if rc.Kind != Group {
				continue
			}
			for _, e := range r.Entities {
				if e.Address == nil || declared[e.Address.Country] || !p.thirdCountry(e.Address.Country) {
					continue
				}
				// The register does not say which group companies receive the
				// data: a likely gap to examine, not a certain breach.
				p.ReportFinding(Finding{Path: path, Severity: Warning, Key: "undeclared-transfer.group",
					Args: []any{clip.Runes(rc.Name, 80), clip.Runes(e.Name, 80), e.Address.Country, FieldName("transfers")}})
				break
			}
		}
	}
	for i := range r.Processing {
		declared := declaredTo(r.Processing[i].Transfers)
		for j, sp := range r.Processing[i].SubProcessors {
			if sp.Country != "" && !declared[sp.Country] && p.thirdCountry(sp.Country) {
				p.ReportFinding(Finding{Path: recordPath(i).Child("subProcessors").Index(j), Article: "Art. 44 and 30(2)(c) GDPR",
					Key: "undeclared-transfer.sub", Args: []any{clip.Runes(sp.Name, 80), sp.Country, FieldName("transfers")}})
			}
		}
	}
}

// excludedFromPublicPowers are the derogations that Art. 49(3) excludes
// for activities of public authorities in the exercise of their public
// powers: Art. 49(1)(a)-(c) and the second subparagraph.
var excludedFromPublicPowers = []lawfulbasis.Derogation{lawfulbasis.DerogationExplicitConsent,
	lawfulbasis.ContractWithSubject, lawfulbasis.ContractInInterest, lawfulbasis.CompellingLegitimateInterest}

func publicAuthorityDerogation(p *Pass) {
	pa := p.Register.Organisation.PublicAuthority
	if pa == nil || !*pa {
		return
	}
	eachTransferRule(func(p *Pass, at elemAt, t *Transfer) {
		if t.Mechanism == lawfulbasis.DerogationMechanism && slices.Contains(excludedFromPublicPowers, t.Derogation) {
			p.Report(at.path().Child("derogation"), "", t.Derogation, Citation(t.Derogation.Article()))
		}
	})(p)
}
