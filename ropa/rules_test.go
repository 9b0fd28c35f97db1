package ropa

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGDPRRules(t *testing.T) {
	at := NewDate(2024, 1, 1)
	tests := []struct {
		rule    string
		at      Date // zero: 2024-01-01
		mutate  func(r *Register)
		path    string
		message string
	}{
		{"controller-contact", Date{}, func(r *Register) { r.Organisation.Email, r.Organisation.Address = "", nil }, "organisation", "no contact details"},
		{"stated-absence-contradicted", Date{}, func(r *Register) { r.Activities[0].None = []Absence{NoRecipients, NoTransfers} }, "activities[0].none[1]", "states it has no transfers (none), yet records some"},
		{"stated-absence-contradicted", Date{}, func(r *Register) { r.Activities[0].None = []Absence{NoProcessor} }, "activities[0].none[0]", "no processors"},
		{"no-recipients", Date{}, func(r *Register) {
			r.Activities[0].Recipients = nil
			r.Activities[0].None = []Absence{NoJointController}
		}, "activities[0]", "none: [recipients]"},
		{"undeclared-system-transfer", Date{}, func(r *Register) {
			r.Systems = []System{{ID: "crm", Name: "Cloud CRM", Hosting: []string{"IE"}, Support: []string{"IN"}}}
			r.Activities[0].Systems = []string{"crm"}
		}, "activities[0].systems[0]", `system "Cloud CRM" is hosted or supported in IN, outside the EEA, but the activity declares no transfer to IN`},
		{"undeclared-system-transfer", Date{}, func(r *Register) {
			r.Processors = []ProcessorEntry{{ID: "host", Name: "Host Inc", Country: "US", Agreement: "DPA-1"}}
			r.Activities[0].Recipients = append(r.Activities[0].Recipients, Recipient{Name: "Our processors", Kind: Processor, Agreement: "DPAs", AllProcessors: true})
		}, "activities[0].recipients[1]", `processor "Host Inc" processes data in US`},
		{"inventory-processor-agreement", Date{}, func(r *Register) { r.Processors = []ProcessorEntry{{ID: "host", Name: "Host NV", Country: "BE"}} }, "processors[0]", `processor "Host NV" is recorded without a reference to the contract`},
		{"record-review-due", Date{}, func(r *Register) { r.Updated = NewDate(2021, 12, 31) }, "updated", "last reviewed on 2021-12-31, more than 24 months before the checking date"},
		{"record-review-due", Date{}, func(r *Register) { r.ReviewCycle = retention.Period{Months: 1} }, "updated", "more than 1 month before"},
		{"record-review-due", Date{}, func(r *Register) { r.Activities[0].NextReview = NewDate(2023, 12, 1) }, "activities[0]", "was to be reviewed by 2023-12-01"},
		{"record-review-due", Date{}, func(r *Register) { r.Activities[0].Updated = NewDate(2021, 1, 1) }, "activities[0].updated", "last reviewed on 2021-01-01"},
		{"dpo-contact", Date{}, func(r *Register) { r.DPO = &Contact{Name: "Jan"} }, "dpo", "DPO is recorded without contact details"},
		{"representative-missing", Date{}, func(r *Register) {
			r.Organisation.Address.Country = "US"
			r.Activities[0].TargetCountries = []string{"BE"}
		}, "organisation.address.country", "established in US, outside the EEA; designate a representative"},
		{"no-recipients", Date{}, func(r *Register) { r.Activities[0].Recipients = nil }, "activities[0]", "no recipients are declared"},
		{"no-retention", Date{}, func(r *Register) { r.Activities[0].Retention = nil }, "activities[0]", "no retention term is given"},
		{"no-retention", Date{}, func(r *Register) {
			r.Activities[0].DataCategories = append(r.Activities[0].DataCategories, DataCategory{ID: "metadata", Description: "Call metadata"})
		}, "activities[0].dataCategories[1]", `no retention term covers data category "metadata"`},
		{"no-retention", Date{}, func(r *Register) { // a long list of categories
			a := &r.Activities[0]
			for i := 1; i <= 20; i++ {
				id := fmt.Sprintf("c%d", i)
				a.DataCategories = append(a.DataCategories, DataCategory{ID: id, Description: id})
				if i != 17 {
					a.Retention[0].Data = append(a.Retention[0].Data, id)
				}
			}
		}, "activities[0].dataCategories[17]", `no retention term covers data category "c17"`},
		{"vague-retention", Date{}, func(r *Register) {
			r.Activities[0].Retention[0].Term = retention.Term{Criteria: "zo lang als nodig"}
		}, "activities[0].retention[0]", `"zo lang als nodig" only restates`},
		{"retention-no-end", Date{}, func(r *Register) {
			r.Organisation.Address = nil
			r.Activities[0].Retention[0].Term = retention.Term{Law: "de wet", Criteria: "tot de wet het zegt"}
		}, "activities[0].retention[0].law", "the register names no country where the controller is established"},
		{"retention-no-end", Date{}, func(r *Register) {
			r.Activities[0].Retention[0].Term = retention.Term{Criteria: "the period of use of our services"}
		}, "activities[0].retention[0]", "sets no end"},
		{"retention-no-start", Date{}, func(r *Register) { r.Activities[0].Retention[0].From = "" }, "activities[0].retention[0]", "the period P1M does not say from which event it runs"},
		{"retention-end-cannot-happen", Date{}, func(r *Register) {
			r.Activities[0].Retention[0].Term = retention.Term{Until: []retention.Event{retention.ConsentWithdrawn}}
		}, "activities[0].retention[0]", "consent cannot be withdrawn where no purpose rests on consent"},
		{"retention-end-cannot-happen", Date{}, func(r *Register) {
			r.Activities[0].Purposes[0].Bases[0] = Basis{Basis: lawfulbasis.Contract}
			r.Activities[0].Retention[0].Term = retention.Term{Until: []retention.Event{retention.Objection}}
		}, "activities[0].retention[0]", "an objection under Art. 21 is only possible"},
		{"retention-end-cannot-happen", Date{}, func(r *Register) {
			r.Activities[0].Purposes[0].Bases[0] = Basis{Basis: lawfulbasis.Contract}
			r.Activities[0].Retention[0].Term = retention.Term{Until: []retention.Event{retention.Objection, retention.ConsentWithdrawn}}
		}, "activities[0].retention[0]", "the data would be kept without end: an objection under Art. 21 is only possible against public task, legitimate interests or direct marketing, and consent cannot be withdrawn where no purpose rests on consent; give a period, or the event that really ends the processing"},
		{"retention-below-statutory-minimum", Date{}, func(r *Register) {
			r.Activities[0].Retention[0].Term = retention.Term{Period: retention.Period{Years: 5}, From: retention.Collection, Law: "art. III.86 WER"}
		}, "activities[0].retention[0]", "5 years is shorter than the 7 years that Art. III.86 Code of Economic Law (Wetboek van economisch recht) requires for accounting supporting documents"},
		{"retention-above-statutory-maximum", Date{}, func(r *Register) {
			r.Activities[0].Purposes[0].Bases[0].Law = "Camerawet"
			r.Activities[0].Retention[0].Period = retention.Period{Months: 3}
		}, "activities[0].retention[0]", "3 months is longer than the 1 month that Camerawet"},
		{"no-measures", Date{}, func(r *Register) { r.Activities[0].Measures = nil }, "activities[0]", "the record names no security measure"},
		{"no-measures", Date{}, func(r *Register) { r.Processing[0].Measures = nil }, "processing[0]", "the data processed"},
		{"processor-controller-contact", Date{}, func(r *Register) { r.Processing[0].Controllers[0].Email = "" }, "processing[0].controllers[0]", `controller "Client NV" has no contact details`},
		{"no-legal-basis", Date{}, func(r *Register) { r.Activities[0].Purposes[0].Bases = nil }, "activities[0].purposes[0]", "has no lawful basis"},
		{"interest-not-stated", Date{}, func(r *Register) { r.Activities[0].Purposes[0].Bases[0].Interest = "" }, "activities[0].purposes[0].bases[0]", "without saying which interest"},
		{"balancing-test", Date{}, func(r *Register) { r.Activities[0].Purposes[0].Bases[0].Assessment = "" }, "activities[0].purposes[0].bases[0]", "balancing test"},
		{"basis-law-missing", Date{}, func(r *Register) { r.Activities[0].Purposes[0].Bases[0] = Basis{Basis: lawfulbasis.LegalObligation} }, "activities[0].purposes[0].bases[0]", "legal obligation must be laid down by Union or member state law"},
		{"basis-law-missing", Date{}, func(r *Register) { r.Activities[0].Purposes[0].Bases[0] = Basis{Basis: lawfulbasis.PublicTask} }, "activities[0].purposes[0].bases[0]", "public task must be laid down"},
		{"public-authority-legitimate-interests", Date{}, func(r *Register) { r.Organisation.PublicAuthority = ptr(true) }, "activities[0].purposes[0].bases[0]", "a public authority may not rely on legitimate interests"},
		{"employee-consent", Date{}, func(r *Register) {
			r.Activities[0].DataSubjects[0].Kind = Employee
			r.Activities[0].Purposes[0].Bases = append(r.Activities[0].Purposes[0].Bases, Basis{Basis: lawfulbasis.Consent})
		}, "activities[0].purposes[0].bases[1]", "imbalance of power"},
		{"child-consent-age", Date{}, func(r *Register) {
			r.Activities[0].DataSubjects[0].Kind = Child
			r.Activities[0].DPIA.Status = DPIADone
			r.Activities[0].Purposes[0].Bases[0] = Basis{Basis: lawfulbasis.Consent}
		}, "activities[0].purposes[0].bases[0]", "below the age of 13 in BE (Art. 7 Act of 30 July 2018)"},
		{"special-data-condition", Date{}, func(r *Register) {
			r.Activities[0].DataCategories[0].Special = []lawfulbasis.SpecialCategory{lawfulbasis.Health}
			r.Activities[0].DPIA.Status = DPIADone
		}, "activities[0].purposes[0]", "special categories of data (recordings) without a condition of Art. 9(2)"},
		{"ordinary-consent-for-special-data", Date{}, func(r *Register) {
			r.Activities[0].DataCategories[0].Special = []lawfulbasis.SpecialCategory{lawfulbasis.Health}
			r.Activities[0].DPIA.Status = DPIADone
			r.Activities[0].Purposes[0].Bases[0] = Basis{Basis: lawfulbasis.Consent}
		}, "activities[0].purposes[0]", "ordinary consent does not lift the prohibition"},
		{"condition-law-missing", Date{}, func(r *Register) {
			r.Activities[0].Purposes[0].Conditions = []Condition{{Condition: lawfulbasis.Employment}}
		}, "activities[0].purposes[0].conditions[0]", "employment, social security and social protection law (Art. 9(2)(b) GDPR) holds only on the basis of Union or member state law"},
		{"criminal-data-ground", Date{}, func(r *Register) {
			r.Activities[0].DataCategories[0].Criminal = true
			r.Activities[0].DPIA.Status = DPIADone
		}, "activities[0].purposes[0]", "criminal convictions and offences (recordings)"},
		{"eea-transfer", Date{}, func(r *Register) { r.Activities[0].Transfers[0].Country = "NL" }, "activities[0].transfers[0]", "NL is in the EEA"},
		{"transfer-without-mechanism", Date{}, func(r *Register) { r.Activities[0].Transfers[0].Mechanism = "" }, "activities[0].transfers[0]", "names no ground of Chapter V"},
		{"adequacy-not-in-force", Date{}, func(r *Register) { r.Activities[0].Transfers[0].Mechanism = lawfulbasis.Adequacy }, "activities[0].transfers[0]", "no adequacy decision covered MA on 2024-01-01"},
		{"adequacy-not-in-force", Date{}, func(r *Register) {
			r.Activities[0].Transfers[0] = Transfer{Country: "US", Mechanism: lawfulbasis.Adequacy, DPF: ptr(false)}
		}, "activities[0].transfers[0]", "covers only organisations on the Data Privacy Framework List"},
		{"adequacy-not-in-force", NewDate(2023, 7, 9), func(r *Register) {
			r.Activities[0].Transfers[0] = Transfer{Country: "US", Mechanism: lawfulbasis.Adequacy, DPF: ptr(true)}
		}, "activities[0].transfers[0]", "no adequacy decision covered US on 2023-07-09"},
		{"adequacy-not-in-force", Date{}, func(r *Register) {
			r.Activities[0].Transfers[0] = Transfer{Country: "CA", Mechanism: lawfulbasis.Adequacy, Scope: lawfulbasis.APPI}
		}, "activities[0].transfers[0]", "Decision 2002/2/EC"},
		{"invalid-mechanism", NewDate(2021, 1, 1), func(r *Register) {
			r.Activities[0].Transfers[0] = Transfer{Country: "US", Mechanism: lawfulbasis.PrivacyShield}
		}, "activities[0].transfers[0].mechanism", "could not be relied on after 2020-07-15"},
		{"invalid-mechanism", NewDate(2014, 1, 1), func(r *Register) {
			r.Activities[0].Transfers[0].Mechanism = lawfulbasis.PrivacyShield
		}, "activities[0].transfers[0].mechanism", "did not exist yet on 2014-01-01"},
		{"invalid-mechanism", NewDate(2023, 1, 1), func(r *Register) {
			r.Activities[0].Transfers[0].Mechanism = lawfulbasis.SCC2010
		}, "activities[0].transfers[0].mechanism", "after 2022-12-27"},
		{"transfer-impact-assessment", Date{}, func(r *Register) { r.Activities[0].Transfers[0].Assessment = "" }, "activities[0].transfers[0]", "transfer impact assessment"},
		{"derogation-safeguards", Date{}, func(r *Register) {
			r.Activities[0].Transfers[0] = Transfer{Country: "IN", Mechanism: lawfulbasis.DerogationMechanism, Derogation: lawfulbasis.CompellingLegitimateInterest}
		}, "activities[0].transfers[0]", "document the assessment and the suitable safeguards"},
		{"undeclared-transfer", Date{}, func(r *Register) { r.Activities[0].Recipients[0].Country = "US" }, "activities[0].recipients[0]", `recipient "Call software" is located in US, outside the EEA, but the activity declares no transfer to US`},
		{"processor-agreement", Date{}, func(r *Register) { r.Activities[0].Recipients[0].Agreement = "" }, "activities[0].recipients[0]", "Art. 28(3) GDPR requires"},
		{"processor-agreement", Date{}, func(r *Register) { r.Processing[0].SubProcessors = []Recipient{{Name: "Hosting"}} }, "processing[0].subProcessors[0]", "Art. 28(4) GDPR requires"},
		{"dpia-screening", Date{}, func(r *Register) {
			r.Activities[0].DPIA = nil
			r.Activities[0].DataSubjects[0].Kind = Employee
			r.Activities[0].AutomatedDecisions = ptr(true)
		}, "activities[0]", "meets 2 criteria of WP248 rev.01 (automated-decision, vulnerable-subjects) and records no DPIA"},
		{"dpia-screening", Date{}, func(r *Register) {
			r.Activities[0].DPIA.Criteria = append(r.Activities[0].DPIA.Criteria, LargeScale)
		}, "activities[0].dpia", "a decision that no DPIA is needed must be documented"},
		{"dpia-screening", Date{}, func(r *Register) {
			r.Activities[0].DPIA = &DPIA{Status: DPIARequired, Criteria: []DPIACriterion{LargeScale, SystematicMonitoring}}
		}, "activities[0].dpia", "a DPIA is required (systematic-monitoring, large-scale) but neither done nor planned"},
		{"art-30-5-exemption", Date{}, func(r *Register) {
			r.Organisation.Employees = ptr(40)
			r.Activities[0].DPIA = nil
		}, "organisation.employees", "with 40 employees the organisation may rely on the exemption of Art. 30(5) only for processing that is occasional"},
		{"art-30-5-exemption", Date{}, func(r *Register) { r.Organisation.Employees = ptr(40) }, "activities[0]", `activity "calls" meets a criterion of risk of WP248 rev.01 (systematic-monitoring)`},
		{"art-30-5-exemption", Date{}, func(r *Register) {
			r.Organisation.Employees = ptr(40)
			r.Activities[0].DataCategories[0].Special = []lawfulbasis.SpecialCategory{lawfulbasis.Health}
		}, "activities[0]", `activity "calls" processes special or criminal-offence data, so the exemption of Art. 30(5) does not apply to it whatever the headcount`},
		{"unused-waiver", Date{}, func(r *Register) {}, "waivers[0]", "the waiver of rule required matches no finding"},
	}
	for _, tt := range tests {
		t.Run(tt.rule+" "+tt.path, func(t *testing.T) {
			day := at
			if !tt.at.IsZero() {
				day = tt.at
			}
			clean := validRegister()
			if tt.rule != "unused-waiver" {
				clean.Waivers = nil
			}
			for _, f := range Check(clean, day).Findings {
				if f.Rule == tt.rule && !(tt.rule == "art-30-5-exemption") && tt.rule != "unused-waiver" {
					t.Fatalf("rule %s is not silent on the correct register: %+v", tt.rule, f)
				}
			}
			r := validRegister()
			if tt.rule != "unused-waiver" {
				r.Waivers = nil
			}
			tt.mutate(r)
			rep := Check(r, day)
			var match *Finding
			for i, f := range rep.Findings {
				if f.Rule == tt.rule && f.Path.String() == tt.path {
					match = &rep.Findings[i]
				}
			}
			require.NotNil(t, match, "no %s finding at %s in\n%s", tt.rule, tt.path, describeAll(rep.Findings))
			assert.Contains(t, match.Message, tt.message)
			var rule Rule
			for _, ru := range Rules() {
				if ru.ID == tt.rule {
					rule = ru
				}
			}
			assert.Equal(t, rule.Severity, match.Severity)
			assert.NotEmpty(t, match.Article)
		})
	}
}

func describeAll(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Rule + " " + f.Path.String() + ": " + f.Message + "\n")
	}
	return b.String()
}

func TestPrivacyShieldDependsOnTheDate(t *testing.T) {
	r := validRegister()
	r.Waivers = nil
	r.Activities[0].Transfers[0] = Transfer{Country: "US", Recipient: "Google", Mechanism: lawfulbasis.PrivacyShield, Assessment: "TIA"}
	has := func(day Date) bool {
		for _, f := range Check(r, day).Findings {
			if f.Rule == "invalid-mechanism" {
				return true
			}
		}
		return false
	}
	assert.False(t, has(NewDate(2019, 6, 1)), "fine in 2019")
	assert.False(t, has(NewDate(2020, 7, 15)))
	assert.True(t, has(NewDate(2020, 7, 16)), "invalid from the judgment in C-311/18")
	assert.True(t, has(NewDate(2021, 6, 1)), "unlawful in 2021")
}

func TestDPIACriteriaOf(t *testing.T) {
	a := validRegister().Activities[0]
	assert.Equal(t, []DPIACriterion{SystematicMonitoring}, DPIACriteriaOf(&a))
	a.DataCategories[0].Criminal = true
	a.DataSubjects[0].Kind = Child
	a.AutomatedDecisions = ptr(true)
	assert.Equal(t, []DPIACriterion{AutomatedDecision, SystematicMonitoring, SensitiveData, VulnerableSubjects}, DPIACriteriaOf(&a))

	b := validRegister().Activities[0]
	b.DataCategories[0].Description = "Names"
	b.DPIA.Criteria = nil
	assert.Empty(t, DPIACriteriaOf(&b), "nothing to meet")
	b.DPIA.Criteria = []DPIACriterion{PreventsRights, "cctv", EvaluationScoring, PreventsRights, SystematicMonitoring}
	assert.Equal(t, []DPIACriterion{EvaluationScoring, SystematicMonitoring, PreventsRights}, DPIACriteriaOf(&b),
		"the declared criteria, once each and in their order, without the unknown one")
}

func TestMentionsCameras(t *testing.T) {
	for description, want := range map[string]bool{
		"Camera images":                  true,
		"Images of our CCTV":             true,
		"Vidéosurveillance du parking":   true,
		"VIDÉO SURVEILLANCE":             true,
		"Beelden van videobewaking":      true,
		"Aufnahmen der VIDEOÜBERWACHUNG": true,
		"Kamera-Aufnahmen":               true,
		"Names and e-mail addresses":     false,
		"a camer":                        false,
		"":                               false,
	} {
		assert.Equal(t, want, mentionsCameras(description), description)
	}
}
