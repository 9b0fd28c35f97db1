package ropa

import (
	"slices"
	"strings"

	"github.com/openropa/registry/lawfulbasis"
)

// The rules of lawfulness (Art. 6), consent (Art. 7, 8) and legitimate
// interests.
var (
	noLegalBasisRule = &Rule{ID: "no-legal-basis", Severity: Error, Article: "Art. 5(2) and 6(1) GDPR",
		Doc: "A purpose has no lawful basis.",
		Messages: Messages{
			"":                     "the purpose has no lawful basis; record the lawful basis it relies on (%[1]s)",
			"legitimate-interests": "the purpose rests on legitimate interests alone, which are not a lawful ground for a Union institution or body (Regulation (EU) 2018/1725 has no counterpart of Art. 6(1)(f) GDPR); record the ground it relies on, such as a task carried out in the public interest laid down in Union law (%[1]s)",
			"also":                 "legitimate interests are not a lawful ground for a Union institution or body (Regulation (EU) 2018/1725 has no counterpart of Art. 6(1)(f) GDPR); remove this basis and keep the purpose on its other grounds",
		},
		Run: noLegalBasis}
	interestNotStatedRule = &Rule{ID: "interest-not-stated", Severity: Warning, Article: "Art. 6(1)(f) and 13(1)(d) GDPR",
		Doc:      "A purpose relies on legitimate interests without stating the interest.",
		Messages: Messages{"": "legitimate interests are relied on without saying which interest is pursued; state it (%[1]s)"},
		Run: eachBasisRule(func(_ *Pass, b *Basis) bool {
			return b.Basis == lawfulbasis.LegitimateInterests && strings.TrimSpace(b.Interest) == ""
		}, FieldName("interest"))}
	balancingTestRule = &Rule{ID: "balancing-test", Severity: Info, Article: "Art. 6(1)(f) and 5(2) GDPR",
		Doc:      "A purpose relies on legitimate interests without a reference to the balancing test.",
		Messages: Messages{"": "reference the balancing test that shows the interest is not overridden by the data subjects' interests or rights (%[1]s)"},
		Run: eachBasisRule(func(_ *Pass, b *Basis) bool {
			return b.Basis == lawfulbasis.LegitimateInterests && b.Assessment == ""
		}, FieldName("assessment"))}
	basisLawMissingRule = &Rule{ID: "basis-law-missing", Severity: Warning, Article: "Art. 6(3) GDPR",
		Doc:      "A legal obligation or public task does not cite the law that lays it down.",
		Messages: Messages{"": "%[1]s must be laid down by Union or member state law (Art. 6(3)); cite the law (%[2]s)"},
		Run:      basisLawMissing}
	publicAuthorityLIRule = &Rule{ID: "public-authority-legitimate-interests", Severity: Error, Article: "Art. 6(1), second subparagraph, GDPR",
		Doc:      "A public authority relies on legitimate interests.",
		Messages: Messages{"": "a public authority may not rely on legitimate interests for processing in the performance of its tasks; rely on a public task or legal obligation laid down by law, or explain in the notes why the processing falls outside its tasks and waive this finding"},
		Run: func(p *Pass) {
			if p.Register.Regime == EUDPR {
				return // no-legal-basis reports legitimate interests under the Regulation, where no controller may rely on them
			}
			eachPurpose(p.Register, func(at elemAt, a *Activity, pu *Purpose) {
				if !controlledByAuthority(p.Register, a) {
					return
				}
				for k := range pu.Bases {
					if pu.Bases[k].Basis == lawfulbasis.LegitimateInterests {
						p.Report(at.path().Child("bases").Index(k), "")
					}
				}
			})
		}}
	employeeConsentRule = &Rule{ID: "employee-consent", Severity: Warning, Article: "Art. 7(4) and recital 43 GDPR",
		Doc:      "Consent is relied on for employees, for whom it is rarely freely given.",
		Messages: Messages{"": "consent of employees is rarely freely given, given the imbalance of power (recital 43; EDPB Guidelines 05/2020); rely on another basis, or document why refusing has no consequences"},
		Run:      func(p *Pass) { consentOf(p, Employee, func(path Path, _ *Activity) { p.Report(path, "") }) }}
	childConsentRule = &Rule{ID: "child-consent-age", Severity: Info, Article: "Art. 8(1) GDPR",
		Doc: "Consent is relied on for children: the age of digital consent applies.",
		Messages: Messages{
			"":            "for an information society service offered directly to a child, consent below the age of %d in %s (%s) must be given or authorised by the holder of parental responsibility; make reasonable efforts to verify it (Art. 8(2))",
			"established": "for an information society service offered directly to a child, consent below the age of %[1]d in %[2]s (%[3]s), where the controller is established, must be given or authorised by the holder of parental responsibility (Art. 8(2)); where children of other member states are targeted their ages apply (EDPB Guidelines 05/2020): list them (%[4]s)",
			"unknown":     "for an information society service offered directly to a child, consent below the age of digital consent of the member state (16 unless its law sets 13 to 15) must be given or authorised by the holder of parental responsibility (Art. 8)",
		},
		Run: childConsent}
)

// controlledByAuthority reports whether a controller of an activity is a
// public authority: the register's organisation, unless the activity says
// it is not a controller of it, or one of the activity's own controllers.
func controlledByAuthority(r *Register, a *Activity) bool {
	if !a.NotController && isPublicAuthority(r.Organisation) {
		return true
	}
	return slices.ContainsFunc(a.Controllers, func(c ActivityController) bool { return isPublicAuthority(c.Party) })
}

// eachPurpose calls f for every purpose of every activity, with its place.
func eachPurpose(r *Register, f func(at elemAt, a *Activity, pu *Purpose)) {
	for i := range r.Activities {
		a := &r.Activities[i]
		for j := range a.Purposes {
			f(elemAt{"activities", i, "purposes", j}, a, &a.Purposes[j])
		}
	}
}

// eachBasisRule returns the Run of a rule that reports, with its main
// message and args, every basis of every purpose for which bad says yes.
func eachBasisRule(bad func(p *Pass, b *Basis) bool, args ...any) func(*Pass) {
	return func(p *Pass) {
		eachPurpose(p.Register, func(at elemAt, _ *Activity, pu *Purpose) {
			for k := range pu.Bases {
				if bad(p, &pu.Bases[k]) {
					p.Report(at.path().Child("bases").Index(k), "", args...)
				}
			}
		})
	}
}

func noLegalBasis(p *Pass) {
	eudpr := p.Register.Regime == EUDPR
	eachPurpose(p.Register, func(at elemAt, _ *Activity, pu *Purpose) {
		if len(pu.Bases) == 0 {
			p.Report(at.path(), "", FieldName("bases"))
			return
		}
		if !eudpr {
			return
		}
		// Under Regulation (EU) 2018/1725 legitimate interests are no
		// lawful ground: a purpose resting on them alone has none.
		li := 0
		for _, b := range pu.Bases {
			if b.Basis == lawfulbasis.LegitimateInterests {
				li++
			}
		}
		if li == len(pu.Bases) {
			p.Report(at.path(), "legitimate-interests", FieldName("bases"))
			return
		}
		for k, b := range pu.Bases {
			if b.Basis == lawfulbasis.LegitimateInterests {
				p.ReportFinding(Finding{Path: at.path().Child("bases").Index(k), Severity: Warning, Key: "no-legal-basis.also"})
			}
		}
	})
}

func basisLawMissing(p *Pass) {
	eachPurpose(p.Register, func(at elemAt, _ *Activity, pu *Purpose) {
		for k, b := range pu.Bases {
			if b.Basis.NeedsLaw() && strings.TrimSpace(b.Law) == "" {
				p.Report(at.path().Child("bases").Index(k), "", b.Basis, FieldName("law"))
			}
		}
	})
}

// subjectsOf reports whether an activity has data subjects of a kind.
func subjectsOf(a *Activity, kind SubjectKind) bool {
	for _, s := range a.DataSubjects {
		if s.Kind == kind {
			return true
		}
	}
	return false
}

// consentOf calls report with the path of every consent basis of an
// activity with data subjects of a kind, and the activity.
func consentOf(p *Pass, kind SubjectKind, report func(Path, *Activity)) {
	eachPurpose(p.Register, func(at elemAt, a *Activity, pu *Purpose) {
		if !subjectsOf(a, kind) {
			return
		}
		for k, b := range pu.Bases {
			if b.Basis == lawfulbasis.Consent {
				report(at.path().Child("bases").Index(k), a)
			}
		}
	})
}

func childConsent(p *Pass) {
	country := ""
	if a := p.Register.Organisation.Address; a != nil {
		country = a.Country
	}
	consentOf(p, Child, func(path Path, a *Activity) {
		if len(a.TargetCountries) == 0 {
			if age, ok := lawfulbasis.DigitalConsentAge(country, p.At.Time()); ok {
				p.Report(path, "established", age.Age, country, age.Provision, FieldName("targetCountries"))
			} else {
				p.Report(path, "unknown")
			}
			return
		}
		unknown := false
		for _, c := range a.TargetCountries {
			if age, ok := lawfulbasis.DigitalConsentAge(c, p.At.Time()); ok {
				p.Report(path, "", age.Age, c, age.Provision)
			} else {
				unknown = true
			}
		}
		if unknown {
			p.Report(path, "unknown")
		}
	})
}
