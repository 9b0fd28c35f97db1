package ropa

import (
	"slices"
	"strings"

	"github.com/openropa/registry/lawfulbasis"
)

// The rules of special categories of data (Art. 9) and of data relating to
// criminal convictions and offences (Art. 10).
var (
	specialDataConditionRule = &Rule{ID: "special-data-condition", Severity: Error, Article: "Art. 9(1)-(2) GDPR",
		Doc:      "Special categories of data are processed for a purpose with no Art. 9(2) condition.",
		Messages: Messages{"": "the purpose uses special categories of data (%[1]s) without a condition of Art. 9(2) that lifts the prohibition of Art. 9(1); record it (%[2]s)"},
		Run:      func(p *Pass) { specialWithoutCondition(p, false) }}
	ordinaryConsentRule = &Rule{ID: "ordinary-consent-for-special-data", Severity: Error, Article: "Art. 9(2)(a) GDPR",
		Doc:      "Special categories of data rest on ordinary consent; Art. 9(2)(a) requires explicit consent.",
		Messages: Messages{"": "the purpose uses special categories of data (%[1]s) on consent; ordinary consent does not lift the prohibition of Art. 9(1): obtain explicit consent and record condition explicit-consent, or another condition of Art. 9(2) (%[2]s)"},
		Run:      func(p *Pass) { specialWithoutCondition(p, true) }}
	conditionLawMissingRule = &Rule{ID: "condition-law-missing", Severity: Warning, Article: "Art. 9(2)(b), (g)-(j) and 10 GDPR",
		Doc:      "A condition that needs Union or member state law does not cite it.",
		Messages: Messages{"": "%[1]s (%[2]s) holds only on the basis of Union or member state law; cite it (%[3]s)"},
		Run:      conditionLawMissing}
	criminalDataGroundRule = &Rule{ID: "criminal-data-ground", Severity: Error, Article: "Art. 10 GDPR",
		Doc:      "Criminal-offence data are processed for a purpose with no Art. 10 ground.",
		Messages: Messages{"": "the purpose uses data relating to criminal convictions and offences (%[1]s); they may only be processed under the control of official authority or when authorised by Union or member state law: record the ground (%[2]s: official-authority or authorised-by-law, with the law)"},
		Run:      criminalDataGround}
	conditionWithoutDataRule = &Rule{ID: "condition-without-data", Severity: Warning, Article: "Art. 9(1) and 10 GDPR",
		Doc: "A purpose records an Art. 9(2) condition, or an Art. 10 ground, but uses no data category marked special, or criminal.",
		Messages: Messages{
			"":         "%[1]s (%[2]s) lifts the prohibition on processing special categories of data, but no data category the purpose uses is marked as one; mark the special categories of the data (%[3]s), or remove the condition",
			"criminal": "%[1]s (%[2]s) is a ground for processing data relating to criminal convictions and offences, but no data category the purpose uses is marked as such; mark them (%[3]s), or remove the ground",
		},
		Run: conditionWithoutData}
)

// conditionWithoutData reports each condition of a purpose that has none of
// the data it is for: a condition of Art. 9(2) where no category the
// purpose uses is special, a ground of Art. 10 where none is criminal.
func conditionWithoutData(p *Pass) {
	eachPurpose(p.Register, func(at elemAt, a *Activity, pu *Purpose) {
		special := usedCategories(a, pu, func(c *DataCategory) bool { return len(c.Special) > 0 })
		criminal := usedCategories(a, pu, func(c *DataCategory) bool { return c.Criminal })
		for k, c := range pu.Conditions {
			switch {
			case !c.Condition.Valid():
			case c.Condition.Criminal() && len(criminal) == 0:
				p.ReportFinding(Finding{Path: at.path().Child("conditions").Index(k), Article: "Art. 10 GDPR", Key: "condition-without-data.criminal",
					Args: []any{c.Condition, Citation(c.Condition.Article()), FieldName("criminal")}})
			case !c.Condition.Criminal() && len(special) == 0:
				p.ReportFinding(Finding{Path: at.path().Child("conditions").Index(k), Article: "Art. 9(1) GDPR", Key: "condition-without-data",
					Args: []any{c.Condition, Citation(c.Condition.Article()), FieldName("special")}})
			}
		}
	})
}

// usedCategories returns the ids of the data categories a purpose uses
// (those it names, or all of the activity's) for which keep says yes.
func usedCategories(a *Activity, pu *Purpose, keep func(c *DataCategory) bool) []string {
	var out []string
	for i := range a.DataCategories {
		c := &a.DataCategories[i]
		if keep(c) && (len(pu.Data) == 0 || slices.Contains(pu.Data, c.ID)) {
			out = append(out, c.ID)
		}
	}
	return out
}

func hasCondition(pu *Purpose, criminal bool) bool {
	for _, c := range pu.Conditions {
		if c.Condition.Valid() && c.Condition.Criminal() == criminal {
			return true
		}
	}
	return false
}

func reliesOnConsent(pu *Purpose) bool {
	return slices.ContainsFunc(pu.Bases, func(b Basis) bool { return b.Basis == lawfulbasis.Consent })
}

// specialWithoutCondition reports every purpose that uses special
// categories of data without a condition of Art. 9(2) and relies on consent
// (consent true) or not (false).
func specialWithoutCondition(p *Pass, consent bool) {
	eachPurpose(p.Register, func(at elemAt, a *Activity, pu *Purpose) {
		if hasCondition(pu, false) || reliesOnConsent(pu) != consent {
			return
		}
		if special := usedCategories(a, pu, func(c *DataCategory) bool { return len(c.Special) > 0 }); len(special) > 0 {
			p.Report(at.path(), "", strings.Join(special, ", "), FieldName("conditions"))
		}
	})
}

func conditionLawMissing(p *Pass) {
	eachPurpose(p.Register, func(at elemAt, _ *Activity, pu *Purpose) {
		for k, c := range pu.Conditions {
			if c.Condition.NeedsLaw() && strings.TrimSpace(c.Law) == "" {
				p.ReportFinding(Finding{Path: at.path().Child("conditions").Index(k), Article: c.Condition.Article(),
					Args: []any{c.Condition, Citation(c.Condition.Article()), FieldName("law")}})
			}
		}
	})
}

func criminalDataGround(p *Pass) {
	eachPurpose(p.Register, func(at elemAt, a *Activity, pu *Purpose) {
		criminal := usedCategories(a, pu, func(c *DataCategory) bool { return c.Criminal })
		if len(criminal) > 0 && !hasCondition(pu, true) {
			p.Report(at.path(), "", strings.Join(criminal, ", "), FieldName("conditions"))
		}
	})
}
