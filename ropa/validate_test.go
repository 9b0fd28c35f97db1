package ropa

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

// validRegister returns a register that breaks no structural rule.
func validRegister() *Register {
	return &Register{
		Schema:   SchemaV1,
		Language: "nl",
		Updated:  NewDate(2023, 10, 10),
		Organisation: Party{
			Name:         "WEngage NV",
			Registration: &Registration{Scheme: "BE-KBO", ID: "0793.259.664"},
			Address:      &Address{Street: "Woluwelaan 158", PostalCode: "1831", City: "Machelen", Country: "BE"},
			Email:        "dpo@wengage.eu",
			Website:      "https://www.wengage.eu",
			Employees:    ptr(1200),
		},
		DPO:      &Contact{Email: "dpo@wengage.eu"},
		Measures: []Measure{{ID: "screen-lock", Kind: Technical, Description: "Screens lock after 15 minutes"}},
		Activities: []Activity{{
			ID:   "calls",
			Name: "Call recording",
			Purposes: []Purpose{{
				Description: "Quality control",
				Bases:       []Basis{{Basis: lawfulbasis.LegitimateInterests, Interest: "Service quality", Assessment: "LIA-2023-07"}},
				Data:        []string{"recordings"},
			}},
			DataSubjects:   []DataSubject{{ID: "callers", Description: "Callers", Kind: Customer}},
			DataCategories: []DataCategory{{ID: "recordings", Description: "Recordings", Sources: []DataSource{Observed}}},
			Recipients:     []Recipient{{Name: "Call software", Kind: Processor, Country: "BE", Agreement: "DPA 2021-04"}},
			Transfers:      []Transfer{{Country: "MA", Recipient: "WEngage sarlau", Mechanism: lawfulbasis.SCC, Assessment: "TIA-2023-02"}},
			Retention:      []RetentionRule{{Data: []string{"recordings"}, Term: retention.Term{Period: retention.Period{Months: 1}, From: retention.Collection}}},
			Measures:       []string{"screen-lock"},
			DPIA:           &DPIA{Status: DPIANotRequired, Criteria: []DPIACriterion{SystematicMonitoring}},
		}},
		Processing: []ProcessorRecord{{
			ID: "service", Name: "Customer service", Controllers: []Party{{Name: "Client NV", Email: "privacy@client.example"}},
			Categories: []string{"Answering questions"}, Measures: []string{"screen-lock"},
		}},
		Waivers: []Waiver{{Rule: "required", Activity: "calls", Reason: "examined"}},
	}
}

func TestValidRegisterHasNoFindings(t *testing.T) {
	assert.Empty(t, Validate(validRegister()))
	r := validRegister()
	r.Waivers = nil
	rep := Check(r, NewDate(2024, 1, 1))
	require.Len(t, rep.Findings, 1, "%+v", rep.Findings)
	assert.Equal(t, "art-30-5-exemption", rep.Findings[0].Rule, "the only advice: whether Art. 30(5) applies")
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(r *Register)
		rule    string
		path    string
		article string
		message string
	}{
		{"schema", func(r *Register) { r.Schema = "" }, "required", "schema", "Art. 30 GDPR", "schema is missing"},
		{"controller", func(r *Register) { r.Organisation = Party{} }, "required", "organisation", "Art. 30(1)(a) GDPR", "organisation is missing"},
		{"controller name", func(r *Register) { r.Organisation.Name = "" }, "required", "organisation.name", "Art. 30(1)(a) GDPR", "name is missing"},
		{"no purpose", func(r *Register) { r.Activities[0].Purposes = nil }, "required", "activities[0].purposes", "Art. 30(1)(b) GDPR", "purposes is empty; add at least one"},
		{"purpose description", func(r *Register) { r.Activities[0].Purposes[0].Description = "" }, "required", "activities[0].purposes[0].description", "Art. 30(1)(b) GDPR", "description is missing"},
		{"no data subjects", func(r *Register) { r.Activities[0].DataSubjects = nil }, "required", "activities[0].dataSubjects", "Art. 30(1)(c) GDPR", "dataSubjects is empty"},
		{"no data categories", func(r *Register) {
			r.Activities[0].DataCategories = nil
			r.Activities[0].Retention = nil
			r.Activities[0].Purposes[0].Data = nil
		}, "required", "activities[0].dataCategories", "Art. 30(1)(c) GDPR", "dataCategories is empty"},
		{"processor controllers", func(r *Register) { r.Processing[0].Controllers = nil }, "required", "processing[0].controllers", "Art. 30(2)(a) GDPR", "controllers is empty"},
		{"processor controller name", func(r *Register) { r.Processing[0].Controllers[0].Name = "" }, "required", "processing[0].controllers[0].name", "Art. 30(2)(a) GDPR", "name is missing"},
		{"processor categories", func(r *Register) { r.Processing[0].Categories = nil }, "required", "processing[0].categories", "Art. 30(2)(b) GDPR", "categories is empty"},
		{"blank processor category", func(r *Register) { r.Processing[0].Categories = []string{""} }, "required", "processing[0].categories[0]", "Art. 30(2)(b) GDPR", "is missing"},
		{"transfer country", func(r *Register) { r.Activities[0].Transfers[0].Country = "" }, "required", "activities[0].transfers[0].country", "Art. 30(1)(e) GDPR", "names its third country"},
		{"derogation without its ground", func(r *Register) { r.Activities[0].Transfers[0].Mechanism = lawfulbasis.DerogationMechanism }, "required", "activities[0].transfers[0].derogation", "Art. 49(1) GDPR", "names the derogation"},
		{"country code", func(r *Register) { r.Activities[0].Transfers[0].Country = "UK" }, "invalid-country", "activities[0].transfers[0].country", "Art. 30(1)(e) GDPR", `"UK" is not an ISO 3166-1 alpha-2 country code; write the two capital letters, such as BE (the United Kingdom is GB)`},
		{"address country", func(r *Register) { r.Organisation.Address.Country = "Belgium" }, "invalid-country", "organisation.address.country", "Art. 30(1)(a) GDPR", `"Belgium" is not`},
		{"lower-case country", func(r *Register) { r.Activities[0].Recipients[0].Country = "be" }, "invalid-country", "activities[0].recipients[0].country", "Art. 30(1)(d) GDPR", `"be" is not`},
		{"email", func(r *Register) { r.Organisation.Email = "dpo(at)wengage.eu" }, "invalid-email", "organisation.email", "Art. 30(1)(a) GDPR", `"dpo(at)wengage.eu" is not a valid e-mail address`},
		{"dpo email", func(r *Register) { r.DPO.Email = "dpo@" }, "invalid-email", "dpo.email", "Art. 30(1)(a) GDPR", "not a valid e-mail"},
		{"website", func(r *Register) { r.Organisation.Website = "www.wengage.eu" }, "invalid-url", "organisation.website", "RFC 3986 (the form of a web address)", "not a web address"},
		{"language", func(r *Register) { r.Language = "dutch!" }, "invalid-language", "language", "BCP 47 (the form of a language tag)", "not a BCP 47 language tag"},
		{"negative headcount", func(r *Register) { r.Organisation.Employees = ptr(-1) }, "invalid-value", "organisation.employees", "Art. 30(1)(a) GDPR", "must not be negative"},
		{"basis", func(r *Register) { r.Activities[0].Purposes[0].Bases[0].Basis = "legitimate-interest" }, "invalid-value", "activities[0].purposes[0].bases[0].basis", "Art. 6(1) GDPR", `unknown value "legitimate-interest"; want one of consent,`},
		{"empty basis", func(r *Register) { r.Activities[0].Purposes[0].Bases[0].Basis = "" }, "required", "activities[0].purposes[0].bases[0].basis", "Art. 6(1) GDPR", "basis is missing"},
		{"condition", func(r *Register) {
			r.Activities[0].Purposes[0].Conditions = []Condition{{Condition: "explicit"}}
		}, "invalid-value", "activities[0].purposes[0].conditions[0].condition", "Art. 9(2) GDPR", `unknown value "explicit"`},
		{"special category", func(r *Register) {
			r.Activities[0].DataCategories[0].Special = []lawfulbasis.SpecialCategory{"medical"}
		}, "invalid-value", "activities[0].dataCategories[0].special[0]", "Art. 9(1) GDPR", `unknown value "medical"`},
		{"source", func(r *Register) { r.Activities[0].DataCategories[0].Sources = []DataSource{"employer"} }, "invalid-value", "activities[0].dataCategories[0].sources[0]", "Art. 30(1)(c) GDPR", `unknown value "employer"`},
		{"mechanism", func(r *Register) { r.Activities[0].Transfers[0].Mechanism = "model-clauses" }, "invalid-value", "activities[0].transfers[0].mechanism", "Art. 44 GDPR", `unknown value "model-clauses"`},
		{"subject kind", func(r *Register) { r.Activities[0].DataSubjects[0].Kind = "client" }, "invalid-value", "activities[0].dataSubjects[0].kind", "Art. 30(1)(c) GDPR", `unknown value "client"`},
		{"recipient kind", func(r *Register) { r.Activities[0].Recipients[0].Kind = "vendor" }, "invalid-value", "activities[0].recipients[0].kind", "Art. 30(1)(d) GDPR", `unknown value "vendor"`},
		{"measure kind", func(r *Register) { r.Measures[0].Kind = "physical" }, "invalid-value", "measures[0].kind", "Art. 30(1)(g) GDPR", `unknown value "physical"`},
		{"dpia status", func(r *Register) { r.Activities[0].DPIA.Status = "ongoing" }, "invalid-value", "activities[0].dpia.status", "Art. 35 GDPR", `unknown value "ongoing"`},
		{"dpia criterion", func(r *Register) { r.Activities[0].DPIA.Criteria = []DPIACriterion{"cctv"} }, "invalid-value", "activities[0].dpia.criteria[0]", "Art. 35 GDPR", `unknown value "cctv"`},
		{"retention event", func(r *Register) { r.Activities[0].Retention[0].From = "Birthday" }, "invalid-retention", "activities[0].retention[0]", "Art. 30(1)(f) GDPR", `retention term: from: unknown event "Birthday": want one of collection`},
		{"named event not defined", func(r *Register) { r.Activities[0].Retention[0].From = "birthday" }, "unresolved-reference", "activities[0].retention[0].from", "Art. 30(1)(f) GDPR", `event "birthday" is neither a standard event nor one the register defines (events)`},
		{"named event misspelt", func(r *Register) { r.Activities[0].Retention[0].Until = []retention.Event{"colection"} }, "unresolved-reference", "activities[0].retention[0].until[0]", "Art. 30(1)(f) GDPR", `did you mean "collection"?`},
		{"named event that is standard", func(r *Register) { r.Events = []NamedEvent{{ID: "collection", Label: "x"}} }, "unresolved-reference", "events[0].id", "Art. 30(1)(f) GDPR", `"collection" is a standard event`},
		{"named event twice", func(r *Register) { r.Events = []NamedEvent{{ID: "a", Label: "x"}, {ID: "a", Label: "y"}} }, "duplicate-id", "events[1].id", "Art. 30 GDPR", `id "a" is used already by events[0]`},
		{"named event label", func(r *Register) { r.Events = []NamedEvent{{ID: "a"}} }, "required", "events[0].label", "Art. 30(1)(f) GDPR", "label is missing"},
		{"empty retention term", func(r *Register) { r.Activities[0].Retention[0].Term = retention.Term{} }, "invalid-retention", "activities[0].retention[0]", "Art. 30(1)(f) GDPR", "needs a period, an end event (until), a law or criteria"},
		{"KBO check digits", func(r *Register) { r.Organisation.Registration.ID = "0793.259.665" }, "invalid-registration", "organisation.registration.id", "the numbering of the company register (BE-KBO: mod 97)", "its check digits are 65, but 97 - (07932596 mod 97) is 64"},
		{"KBO length", func(r *Register) { r.Organisation.Registration.ID = "0793.259" }, "invalid-registration", "organisation.registration.id", "the numbering of the company register (BE-KBO: mod 97)", "it has 7 digits"},
		{"KBO letters", func(r *Register) { r.Organisation.Registration.ID = "0793-259-664" }, "invalid-registration", "organisation.registration.id", "the numbering of the company register (BE-KBO: mod 97)", "only digits, dots and spaces"},
		{"KBO first digit", func(r *Register) { r.Organisation.Registration.ID = "2793259664" }, "invalid-registration", "organisation.registration.id", "the numbering of the company register (BE-KBO: mod 97)", "start with 0 or 1"},
		{"registration scheme", func(r *Register) { r.Organisation.Registration.Scheme = "kbo" }, "invalid-registration", "organisation.registration.scheme", "the numbering of the company register (BE-KBO: mod 97)", `scheme "kbo" must start with the ISO 3166-1 code`},
		{"registration id", func(r *Register) { r.Organisation.Registration.ID = "" }, "required", "organisation.registration.id", "Art. 30(1)(a) GDPR", "id is missing"},
		{"duplicate activity", func(r *Register) { r.Activities = append(r.Activities, r.Activities[0]) }, "duplicate-id", "activities[1].id", "Art. 30 GDPR", `id "calls" is used already by activities[0]`},
		{"duplicate measure", func(r *Register) { r.Measures = append(r.Measures, r.Measures[0]) }, "duplicate-id", "measures[1].id", "Art. 30 GDPR", `id "screen-lock" is used already`},
		{"duplicate data category", func(r *Register) {
			r.Activities[0].DataCategories = append(r.Activities[0].DataCategories, r.Activities[0].DataCategories[0])
		}, "duplicate-id", "activities[0].dataCategories[1].id", "Art. 30 GDPR", "is used already"},
		{"duplicate in a long list", func(r *Register) {
			for i := 0; i < 20; i++ {
				r.Measures = append(r.Measures, Measure{ID: fmt.Sprintf("m%d", i), Kind: Technical, Description: "x"})
			}
			r.Measures = append(r.Measures, Measure{ID: "m7", Kind: Technical, Description: "x"})
		}, "duplicate-id", "measures[21].id", "Art. 30 GDPR", `id "m7" is used already by measures[8]`},
		{"reference into a long list", func(r *Register) {
			for i := 0; i < 20; i++ {
				r.Measures = append(r.Measures, Measure{ID: fmt.Sprintf("m%d", i), Kind: Technical, Description: "x"})
			}
			r.Activities[0].Measures = []string{"m19", "m20"}
		}, "unresolved-reference", "activities[0].measures[1]", "Art. 30(1)(g) GDPR", `measure "m20" does not exist; use the id of an existing measure; did you mean`},
		{"duplicate processing record", func(r *Register) { r.Processing = append(r.Processing, r.Processing[0]) }, "duplicate-id", "processing[1].id", "Art. 30 GDPR", "is used already"},
		{"measure reference", func(r *Register) { r.Activities[0].Measures = []string{"screen-lok"} }, "unresolved-reference", "activities[0].measures[0]", "Art. 30(1)(g) GDPR", `measure "screen-lok" does not exist; use one of screen-lock; did you mean "screen-lock"?`},
		{"processor measure reference", func(r *Register) { r.Processing[0].Measures = []string{"x"} }, "unresolved-reference", "processing[0].measures[0]", "Art. 30(2)(d) GDPR", `measure "x" does not exist`},
		{"retention data reference", func(r *Register) { r.Activities[0].Retention[0].Data = []string{"recording"} }, "unresolved-reference", "activities[0].retention[0].data[0]", "Art. 30(1)(f) GDPR", `data category "recording" does not exist`},
		{"purpose data reference", func(r *Register) { r.Activities[0].Purposes[0].Data = []string{"x"} }, "unresolved-reference", "activities[0].purposes[0].data[0]", "Art. 30(1)(b) GDPR", `data category "x" does not exist`},
		{"replaced by", func(r *Register) { r.Activities[0].ReplacedBy = "calls-v2" }, "unresolved-reference", "activities[0].replacedBy", "Art. 30(1) GDPR", `activity "calls-v2" does not exist`},
		{"waiver activity", func(r *Register) { r.Waivers[0].Activity = "nope" }, "unresolved-reference", "waivers[0].activity", "Art. 30 GDPR", `activity "nope" does not exist`},
		{"waiver reason", func(r *Register) { r.Waivers[0].Reason = "" }, "required", "waivers[0].reason", "Art. 30 GDPR", "reason is missing"},
		{"no measures to refer to", func(r *Register) { r.Measures = nil }, "unresolved-reference", "activities[0].measures[0]", "Art. 30(1)(g) GDPR", "define the measure first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRegister()
			tt.mutate(r)
			fs := Validate(r)
			var match *Finding
			for i := range fs {
				if fs[i].Rule == tt.rule && fs[i].Path.String() == tt.path {
					match = &fs[i]
				}
			}
			require.NotNil(t, match, "no %s finding at %s in %+v", tt.rule, tt.path, fs)
			assert.Equal(t, Error, match.Severity)
			assert.Equal(t, tt.article, match.Article)
			assert.Contains(t, match.Message, tt.message)
			if strings.HasPrefix(tt.path, "activities[0]") {
				assert.Equal(t, "calls", match.Activity)
			}
			for _, f := range fs {
				assert.False(t, strings.HasPrefix(f.Message, "Key: '"), "raw validator text: %s", f.Message)
			}
		})
	}
}

func TestKBO(t *testing.T) {
	for _, id := range []string{"0793.259.664", "0793259664", "BE0786.223.206", "BE 0786 223 206", "793.259.664", "0427.073.974"} {
		assert.NoError(t, checkKBO(id), id)
	}
	assert.Error(t, checkKBO("0793.259.663"))
	assert.Error(t, checkKBO(""))
}

func TestValidateNil(t *testing.T) {
	fs := Validate(nil)
	require.Len(t, fs, 1)
	assert.Equal(t, "required", fs[0].Rule)
	rep := Check(nil, NewDate(2024, 1, 1))
	assert.True(t, rep.HasErrors())
}

func TestFindingsOrder(t *testing.T) {
	r := validRegister()
	r.Waivers = nil
	r.Activities = append(r.Activities, r.Activities[0])
	r.Activities[1].ID = "second"
	r.Activities[1].Measures = []string{"x"}
	r.Activities[0].Purposes = nil
	r.Organisation.Email = "x"
	r.Schema = ""
	r.Measures = append(r.Measures, Measure{ID: "m2"})
	var paths []string
	for _, f := range Validate(r) {
		paths = append(paths, f.Path.String())
	}
	assert.Equal(t, []string{
		"schema",
		"organisation.email",
		"measures[1].kind",
		"measures[1].description",
		"activities[0].purposes",
		"activities[1].measures[0]",
	}, paths, "findings follow the order of the format")
}

func TestSortFindings(t *testing.T) {
	f := func(path string, sev Severity, rule, msg string, mark int) Finding {
		p, err := ParsePath(path)
		require.NoError(t, err)
		return Finding{Path: p, Severity: sev, Rule: rule, Message: msg, Line: mark}
	}
	for _, tc := range []struct {
		name string
		in   []Finding
		want []int // the marks, in order
	}{
		{"indices sort as numbers", []Finding{
			f("activities[10]", Error, "r", "m", 1), f("activities[9]", Error, "r", "m", 2), f("activities[0]", Error, "r", "m", 3),
		}, []int{3, 2, 1}},
		{"an element before what it holds", []Finding{
			f("activities[0].purposes[0]", Error, "r", "m", 1), f("activities[0]", Error, "r", "m", 2), f("", Error, "r", "m", 3),
		}, []int{3, 2, 1}},
		{"fields in the order of the format, unknown ones last", []Finding{
			f("nonsense", Error, "r", "m", 1), f("activities[0]", Error, "r", "m", 2), f("organisation.email", Error, "r", "m", 3), f("schema", Error, "r", "m", 4),
		}, []int{4, 3, 2, 1}},
		{"an element before what it holds, then the next element", []Finding{
			f("activities[0].id", Error, "r", "m", 1), f("activities[1]", Error, "r", "m", 2), f("activities", Error, "r", "m", 3),
		}, []int{3, 1, 2}},
		{"then severity, rule and message", []Finding{
			f("schema", Info, "a", "a", 1), f("schema", Error, "b", "b", 2), f("schema", Error, "b", "a", 3), f("schema", Error, "a", "z", 4), f("schema", Warning, "a", "a", 5),
		}, []int{4, 3, 2, 5, 1}},
		{"equal findings keep their order", []Finding{
			f("schema", Error, "r", "m", 1), f("activities[0]", Error, "r", "m", 2), f("schema", Error, "r", "m", 3), f("schema", Error, "r", "m", 4), f("activities[0]", Error, "r", "m", 5),
		}, []int{1, 3, 4, 2, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := sortFindings(slices.Clone(tc.in))
			var got []int
			for _, x := range fs {
				got = append(got, x.Line)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCheckWaiversAndCustomRules(t *testing.T) {
	r := validRegister()
	r.Activities[0].Purposes = nil
	rep := Check(r, NewDate(2024, 1, 1))
	assert.Equal(t, []string{"art-30-5-exemption"}, rules(rep.Findings), "the waiver of rule required for activity calls silences the finding")
	require.Len(t, rep.Waived, 1)
	assert.Equal(t, "examined", rep.Waived[0].Reason)
	assert.Equal(t, "activities[0].purposes", rep.Waived[0].Path.String())
	assert.Equal(t, Summary{Info: 1}, rep.Summary)
	assert.Equal(t, NewDate(2024, 1, 1), rep.At)

	r.Waivers[0].Path = PathOf("activities", 0, "dataSubjects")
	rep = Check(r, NewDate(2024, 1, 1))
	assert.Equal(t, []string{"art-30-5-exemption", "required", "unused-waiver"}, rules(rep.Findings), "a waiver limited to another path does not match, and is reported unused")
	assert.True(t, rep.HasErrors())

	noFax := &Rule{ID: "acme-fax", Severity: Warning, Article: "Art. 5(1)(f) GDPR", Doc: "No fax numbers",
		Messages: Messages{"": "a phone number is recorded as of %s"},
		Run: func(p *Pass) {
			if p.Register.Organisation.Phone != "" {
				p.Report(Root.Child("organisation").Child("phone"), "", p.At)
			}
		}}
	c, err := NewChecker(WithRules(noFax))
	require.NoError(t, err)
	assert.Equal(t, "acme-fax", c.Rules()[len(c.Rules())-1].ID)
	r = validRegister()
	r.Organisation.Phone = "+32 2 000 00 00"
	r.Waivers = nil
	rep = c.Check(r, NewDate(2024, 1, 1))
	require.Len(t, rep.Findings, 2)
	f := rep.Findings[0]
	assert.Equal(t, "acme-fax", f.Rule)
	assert.Equal(t, Warning, f.Severity)
	assert.Equal(t, "Art. 5(1)(f) GDPR", f.Article)
	assert.Equal(t, "a phone number is recorded as of 2024-01-01", f.Message)
	assert.Equal(t, Summary{Warnings: 1, Info: 1}, rep.Summary)

	r.Waivers = []Waiver{{Rule: "acme-fax", Reason: "we still use it"}}
	assert.Equal(t, []string{"art-30-5-exemption"}, rules(c.Check(r, NewDate(2024, 1, 1)).Findings), "a waiver may name a custom rule")
	fs := Check(r, NewDate(2024, 1, 1)).Findings
	require.Contains(t, rules(fs), "unused-waiver", "the default checker does not know the custom rule")
	for _, f := range fs {
		if f.Rule == "unused-waiver" {
			assert.Equal(t, Warning, f.Severity, "a waiver of an unknown rule is a warning, not an error")
			assert.Equal(t, "waivers[0].rule", f.Path.String())
			assert.Contains(t, f.Message, `names rule "acme-fax", which this checker does not know`)
		}
	}
	r.Waivers = []Waiver{{Rule: "requird", Reason: "typo"}}
	fs = Check(r, NewDate(2024, 1, 1)).Findings
	assert.Contains(t, fs[len(fs)-1].Message, `did you mean "required"?`)
}

func TestNewCheckerRefusesBadRules(t *testing.T) {
	run := func(*Pass) {}
	good := func() *Rule { return &Rule{ID: "acme", Severity: Warning, Article: "Art. 5(2) GDPR", Run: run} }
	for _, tt := range []struct {
		name  string
		rules []*Rule
		want  string
	}{
		{"nil", []*Rule{nil}, "the rule is nil"},
		{"no id", []*Rule{{Severity: Warning, Article: "Art. 5", Run: run}}, "no id"},
		{"catalogue id", []*Rule{{ID: "required", Severity: Warning, Article: "Art. 5", Run: run}}, "the catalogue has a rule of this id"},
		{"duplicate", []*Rule{good(), good()}, "another rule of the checker has this id"},
		{"empty severity", []*Rule{{ID: "x", Article: "Art. 5", Run: run}}, `severity "" is not one of error, warning, info`},
		{"bad severity", []*Rule{{ID: "x", Severity: "required", Article: "Art. 5", Run: run}}, `severity "required"`},
		{"no article", []*Rule{{ID: "x", Severity: Info, Run: run}}, "cites no article"},
		{"no run", []*Rule{{ID: "x", Severity: Info, Article: "Art. 5"}}, "no Run function"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewChecker(WithRules(tt.rules...))
			assert.ErrorContains(t, err, tt.want)
			assert.Nil(t, c)
		})
	}
	c, err := NewChecker(WithRules(good()))
	require.NoError(t, err)
	assert.Len(t, c.Rules(), len(Rules())+1)

}

func TestCheckPositions(t *testing.T) {
	r, src, err := Decode([]byte(minimalYAML+"  email: not-an-address\n"), YAML)
	require.NoError(t, err)
	rep := Check(r, NewDate(2024, 1, 1))
	rep.Locate(r, src)
	require.Equal(t, []string{"art-30-5-exemption", "invalid-email"}, rules(rep.Findings))
	assert.Equal(t, 3, rep.Findings[0].Line, "a finding about the organisation points at it")
	assert.Equal(t, 4, rep.Findings[1].Line)
	assert.Equal(t, 10, rep.Findings[1].Column)
}

func TestCheckConcurrently(t *testing.T) {
	c := defaultChecker
	r := validRegister()
	r.Activities[0].Measures = []string{"nope"}
	want := c.Check(r, NewDate(2024, 1, 1))
	var wg sync.WaitGroup
	errs := make(chan string, 32)
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := c.Check(r, NewDate(2024, 1, 1))
			if fmt.Sprint(got) != fmt.Sprint(want) {
				errs <- fmt.Sprint(got)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("a concurrent check differs: %s", e)
	}
}

func TestRulesCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		assert.False(t, seen[r.ID], r.ID)
		seen[r.ID] = true
		assert.True(t, r.Severity.Valid())
		if formatRules[ruleByID(r.ID)] {
			assert.NotContains(t, r.Article, "GDPR", "a format rule cites its standard")
		} else {
			assert.Regexp(t, `^Art\. \d+`, r.Article)
		}
		assert.NotEmpty(t, r.Doc)
	}
}

func rules(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func TestNilCheckerHasTheCatalogue(t *testing.T) {
	r := validRegister()
	r.Activities[0].Measures = []string{"nope"}
	var c *Checker
	assert.Equal(t, Check(r, NewDate(2024, 1, 1)), c.Check(r, NewDate(2024, 1, 1)))
}

func TestCheckerWithLanguage(t *testing.T) {
	r := validRegister()
	r.Waivers = nil
	r.Activities[0].Purposes[0].Bases = nil
	nl, err := NewChecker(WithLanguage(lang.Dutch))
	require.NoError(t, err)
	en := Check(r, NewDate(2024, 1, 1))
	got := nl.Check(r, NewDate(2024, 1, 1))
	require.Equal(t, len(en.Findings), len(got.Findings), "the same findings in the same order")
	for i := range en.Findings {
		assert.Equal(t, en.Findings[i].Key, got.Findings[i].Key)
		assert.Equal(t, en.Findings[i].Path, got.Findings[i].Path)
		if en.Findings[i].Rule == "no-legal-basis" {
			assert.NotEqual(t, en.Findings[i].Message, got.Findings[i].Message, "worded in Dutch")
			assert.Contains(t, got.Findings[i].Message, "rechtsgrond")
		}
	}
	_, err = NewChecker(WithLanguage("es"))
	assert.ErrorContains(t, err, `language "es" is not one of`)
}

func ruleByID(id string) *Rule {
	for _, r := range catalogue {
		if r.ID == id {
			return r
		}
	}
	return nil
}
