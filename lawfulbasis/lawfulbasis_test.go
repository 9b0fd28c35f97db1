package lawfulbasis

import (
	"testing"
	"time"

	"github.com/openropa/registry/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestVocabularies(t *testing.T) {
	for _, b := range Bases() {
		assert.True(t, b.Valid())
		assert.Regexp(t, `^Art\. 6\(1\)\([a-f]\) GDPR$`, b.Article())
		for _, l := range lang.All() {
			assert.NotEmpty(t, b.Label(l), "%s in %s", b, l)
		}
	}
	assert.Equal(t, "Art. 6(1)(f) GDPR", LegitimateInterests.Article())
	assert.Equal(t, "Gerechtvaardigd belang", LegitimateInterests.Label(lang.Dutch))
	assert.Equal(t, "Berechtigtes Interesse", LegitimateInterests.Label(lang.German))
	assert.Equal(t, "Legitimate interests", LegitimateInterests.Label("xx"), "unknown languages fall back to English")
	assert.True(t, LegalObligation.NeedsLaw())
	assert.True(t, PublicTask.NeedsLaw())
	assert.False(t, Consent.NeedsLaw())
	assert.False(t, Basis("legitimate-interest").Valid())

	letters := "abcdefghij"
	for i, c := range Conditions() {
		assert.True(t, c.Valid())
		if i < 10 {
			assert.Equal(t, "Art. 9(2)("+letters[i:i+1]+") GDPR", c.Article())
			assert.False(t, c.Criminal())
		} else {
			assert.Equal(t, "Art. 10 GDPR", c.Article())
			assert.True(t, c.Criminal())
		}
		for _, l := range lang.All() {
			assert.NotEmpty(t, c.Label(l))
		}
	}
	var needLaw []Condition
	for _, c := range Conditions() {
		if c.NeedsLaw() {
			needLaw = append(needLaw, c)
		}
	}
	assert.Equal(t, []Condition{Employment, SubstantialPublicInterest, HealthCare, PublicHealth, ArchivingResearch, AuthorisedByLaw}, needLaw)

	assert.Len(t, SpecialCategories(), 8)
	for _, s := range SpecialCategories() {
		assert.True(t, s.Valid())
		assert.Equal(t, "Art. 9(1) GDPR", s.Article())
		for _, l := range lang.All() {
			assert.NotEmpty(t, s.Label(l))
		}
	}
	for _, r := range Rights() {
		assert.True(t, r.Valid())
		assert.NotEmpty(t, r.Article())
		for _, l := range lang.All() {
			assert.NotEmpty(t, r.Label(l))
		}
	}
	for _, a := range []Availability{Applies, Limited, NotApplicable} {
		for _, l := range lang.All() {
			assert.NotEmpty(t, a.Label(l))
		}
	}
	assert.Len(t, Mechanisms(), 15)
	for _, m := range Mechanisms() {
		assert.True(t, m.Valid())
		assert.NotEmpty(t, m.Article())
		for _, l := range lang.All() {
			assert.NotEmpty(t, m.Label(l))
		}
	}
	for _, d := range Derogations() {
		assert.True(t, d.Valid())
		assert.Contains(t, d.Article(), "Art. 49(1)")
		for _, l := range lang.All() {
			assert.NotEmpty(t, d.Label(l))
		}
	}
	assert.True(t, CompellingLegitimateInterest.NeedsDocumentedSafeguards())
	assert.False(t, ContractWithSubject.NeedsDocumentedSafeguards())
	assert.True(t, SCC.Safeguard())
	assert.False(t, Adequacy.Safeguard())
	assert.False(t, PrivacyShield.Safeguard())
	assert.True(t, lang.English.Valid())
	assert.False(t, lang.Lang("es").Valid())
}

func TestValidBasisAndCondition(t *testing.T) {
	b, err := ValidBasis("contract")
	require.NoError(t, err)
	assert.Equal(t, Contract, b)
	_, err = ValidBasis("legitimate-interest")
	var ue *UnknownError
	require.ErrorAs(t, err, &ue)
	assert.Contains(t, err.Error(), `unknown basis "legitimate-interest"; want one of consent, contract`)
	c, err := ValidCondition("health-care")
	require.NoError(t, err)
	assert.Equal(t, HealthCare, c)
	_, err = ValidCondition("health")
	assert.ErrorContains(t, err, "unknown condition")
}

func TestParseBases(t *testing.T) {
	tests := []struct {
		in   string
		want []Basis
	}{
		{"Gerechtvaardigd belang", []Basis{LegitimateInterests}},
		{"Gerechtigd belang", []Basis{LegitimateInterests}},
		{"Noodzaak voor de totstandkoming of uitvoering van een overeenkomst", []Basis{Contract}},
		{"Noodzaak voor de totstandkoming van een overeenkomst, wanneer relevant", []Basis{Contract}},
		{"Wettelijke verplichting", []Basis{LegalObligation}},
		{"Toestemming", []Basis{Consent}},
		{"the execution of the agreement", []Basis{Contract}},
		{"our legitimate interests", []Basis{LegitimateInterests}},
		{"uitvoering van de overeenkomst", []Basis{Contract}},
		{"intérêt légitime", []Basis{LegitimateInterests}},
		{"berechtigtes Interesse", []Basis{LegitimateInterests}},
		{"Einwilligung", []Basis{Consent}},
		{"rechtliche Verpflichtung", []Basis{LegalObligation}},
		{"exécution du contrat", []Basis{Contract}},
		{"consentement", []Basis{Consent}},
		{"obligation légale", []Basis{LegalObligation}},
		{"The legal basis for this processing is consent (for the IP address) and/or our legitimate interests", []Basis{Consent, LegitimateInterests}},
		{"De wettelijke basis voor deze verwerking zijn onze legitieme belangen", []Basis{LegitimateInterests}},
		{"Gerechtvaardigd belang, en conform de vereisten van de Camerawet", []Basis{LegitimateInterests}},
		{"the performance of a contract between you and us and/or the taking of steps, upon your request, to enter into such a contract and our legitimate interests", []Basis{Contract, LegitimateInterests}},
		{"to protect your vital interests", []Basis{VitalInterests}},
		{"a task carried out in the public interest", []Basis{PublicTask}},
		{"GERECHTVAARDIGD  BELANG", []Basis{LegitimateInterests}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseBases(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, bad := range []string{"", "because we can", "belang", "\xff"} {
		_, err := ParseBases(bad)
		assert.Error(t, err, bad)
	}
	b, err := ParseBasis("Toestemming")
	require.NoError(t, err)
	assert.Equal(t, Consent, b)
	_, err = ParseBasis("Gerechtvaardigd belang en toestemming")
	assert.ErrorContains(t, err, "names 2 bases")
	_, err = ParseBasis("nothing here")
	assert.ErrorContains(t, err, "names no lawful basis")
}

func TestParseConditions(t *testing.T) {
	got, err := ParseConditions("uitdrukkelijke toestemming")
	require.NoError(t, err)
	assert.Equal(t, []Condition{ExplicitConsent}, got)
	got, err = ParseConditions("necessary for occupational medicine and for legal claims")
	require.NoError(t, err)
	assert.Equal(t, []Condition{HealthCare, LegalClaims}, got)
	_, err = ParseConditions("toestemming")
	assert.ErrorContains(t, err, "names no condition")
}

func TestRightsFor(t *testing.T) {
	get := func(es []Entitlement, r Right) (Entitlement, bool) {
		for _, e := range es {
			if e.Right == r {
				return e, true
			}
		}
		return Entitlement{}, false
	}
	tests := []struct {
		basis       Basis
		portability Availability
		objection   Availability
		withdraw    Availability
		erasure     Availability
	}{
		{Consent, Applies, NotApplicable, Applies, Applies},
		{Contract, Applies, NotApplicable, NotApplicable, Limited},
		{LegalObligation, NotApplicable, NotApplicable, NotApplicable, Limited},
		{VitalInterests, NotApplicable, NotApplicable, NotApplicable, Limited},
		{PublicTask, NotApplicable, Applies, NotApplicable, Limited},
		{LegitimateInterests, NotApplicable, Applies, NotApplicable, Applies},
	}
	for _, tt := range tests {
		t.Run(string(tt.basis), func(t *testing.T) {
			es := RightsFor(tt.basis, false)
			for r, want := range map[Right]Availability{Portability: tt.portability, Objection: tt.objection, WithdrawConsent: tt.withdraw, Erasure: tt.erasure, Access: Applies, Rectification: Applies, Restriction: Applies} {
				e, ok := get(es, r)
				require.True(t, ok, r)
				assert.Equal(t, want, e.Availability, r)
				assert.Contains(t, e.Because, "GDPR")
			}
			_, ok := get(es, ObjectionDirectMarketing)
			assert.False(t, ok, "no direct-marketing objection for a purpose that is not direct marketing")
			e, ok := get(RightsFor(tt.basis, true), ObjectionDirectMarketing)
			require.True(t, ok)
			assert.Equal(t, Applies, e.Availability, "Art. 21(2) holds whatever the basis")
		})
	}
	e, _ := get(RightsFor(PublicTask, false), Portability)
	assert.Equal(t, "Art. 20(3) GDPR", e.Because)
}

func TestMechanismValidOn(t *testing.T) {
	tests := []struct {
		m     Mechanism
		day   time.Time
		valid bool
	}{
		{PrivacyShield, date(2020, 7, 15), true},
		{PrivacyShield, date(2020, 7, 16), false},
		{PrivacyShield, date(2016, 7, 11), false},
		{SafeHarbor, date(2015, 10, 5), true},
		{SafeHarbor, date(2015, 10, 6), false},
		{SCC2010, date(2022, 12, 27), true},
		{SCC2010, date(2022, 12, 28), false},
		{SCC2001, date(2022, 12, 28), false},
		{SCC2004, date(2022, 12, 28), false},
		{SCC2004, date(2022, 12, 27), true},
		{SCC, date(2030, 1, 1), true},
		{Adequacy, date(2019, 1, 1), true},
		{"model-clauses", date(2019, 1, 1), false},
	}
	for _, tt := range tests {
		t.Run(string(tt.m)+"@"+tt.day.Format(time.DateOnly), func(t *testing.T) {
			v := tt.m.ValidOn(tt.day)
			assert.Equal(t, tt.valid, v.Valid)
			if !tt.valid {
				assert.NotEmpty(t, v.Reason)
			}
		})
	}
	v := PrivacyShield.ValidOn(date(2021, 1, 1))
	require.NotNil(t, v.Ending)
	assert.Contains(t, v.Ending.EndedBy, "C-311/18")
	assert.Contains(t, v.Reason, "2020-07-15")
	for _, e := range Endings() {
		assert.NotEmpty(t, e.Source)
		assert.NotEmpty(t, e.Confidence)
		assert.True(t, e.Adopted.Before(e.LastValid))
	}
}

func TestInEEA(t *testing.T) {
	tests := []struct {
		country       string
		day           time.Time
		member, known bool
	}{
		{"BE", date(2023, 1, 1), true, true},
		{"be", date(2023, 1, 1), true, true},
		{"EL", date(2023, 1, 1), true, true},
		{"NO", date(2023, 1, 1), true, true},
		{"CH", date(2023, 1, 1), false, true},
		{"GB", date(2020, 12, 31), true, true},
		{"GB", date(2021, 1, 1), false, true},
		{"UK", date(2020, 6, 1), true, true},
		{"MA", date(2023, 1, 1), false, true},
		{"BE", date(2018, 5, 24), false, false},
		{"GF", date(2023, 1, 1), true, true},
		{"gp", date(2023, 1, 1), true, true},
		{"MQ", date(2018, 5, 25), true, true},
		{"RE", date(2023, 1, 1), true, true},
		{"YT", date(2023, 1, 1), true, true},
		{"MF", date(2023, 1, 1), true, true},
		{"AX", date(2023, 1, 1), true, true},
		{"BL", date(2023, 1, 1), false, true},
		{"PF", date(2023, 1, 1), false, true},
		{"FO", date(2023, 1, 1), false, true},
		{"GL", date(2023, 1, 1), false, true},
		{"YT", date(2018, 5, 24), false, false},
	}
	for _, tt := range tests {
		member, known := InEEA(tt.country, tt.day)
		assert.Equal(t, tt.member, member, "%s on %s", tt.country, tt.day.Format(time.DateOnly))
		assert.Equal(t, tt.known, known, "%s on %s", tt.country, tt.day.Format(time.DateOnly))
	}
	members, territories := 0, map[string]string{}
	for _, m := range EEAMembers() {
		switch {
		case m.PartOf != "":
			territories[m.Country] = m.PartOf
			member, _ := InEEA(m.PartOf, date(2023, 1, 1))
			assert.True(t, member, "%s is part of a member state", m.Country)
		case m.Until.IsZero():
			members++
		}
		assert.NotEmpty(t, m.Source)
		assert.NotEmpty(t, m.Note)
	}
	assert.Equal(t, 30, members, "27 EU member states and 3 EEA-EFTA states")
	assert.Equal(t, map[string]string{"GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "YT": "FR", "MF": "FR", "AX": "FI"}, territories)
}

func TestAdequacy(t *testing.T) {
	tests := []struct {
		name      string
		country   string
		day       time.Time
		scopes    []Scope
		adequate  bool
		reasonHas string
	}{
		{"Switzerland", "CH", date(2023, 1, 1), nil, true, ""},
		{"US recipient on the DPF list", "US", date(2024, 1, 1), []Scope{DPFList}, true, ""},
		{"US recipient not on the DPF list", "US", date(2024, 1, 1), nil, false, "Data Privacy Framework List"},
		{"US before the DPF", "US", date(2023, 7, 9), []Scope{DPFList}, false, "no adequacy decision"},
		{"US on the day of the DPF", "US", date(2023, 7, 10), []Scope{DPFList}, true, ""},
		{"Canada commercial", "CA", date(2023, 1, 1), []Scope{PIPEDA}, true, ""},
		{"Canada public sector", "CA", date(2023, 1, 1), nil, false, "PIPEDA"},
		{"Japan private sector", "JP", date(2023, 1, 1), []Scope{APPI}, true, ""},
		{"Japan before its decision", "JP", date(2019, 1, 22), []Scope{APPI}, false, "no adequacy decision"},
		{"UK first period", "GB", date(2025, 6, 27), nil, true, ""},
		{"UK during the extension", "GB", date(2025, 6, 28), nil, true, ""},
		{"UK before the renewal", "GB", date(2025, 12, 27), nil, true, ""},
		{"UK after the renewal", "GB", date(2025, 12, 28), nil, true, ""},
		{"UK at the end of the renewal", "GB", date(2031, 12, 27), nil, true, ""},
		{"UK after the renewal lapses", "GB", date(2031, 12, 28), nil, false, "lapsed"},
		{"UK before the 2021 decision", "GB", date(2021, 6, 27), nil, false, "no adequacy decision"},
		{"Brazil before its decision", "BR", date(2026, 1, 25), []Scope{LGPD}, false, "no adequacy decision"},
		{"Brazil from its decision", "BR", date(2026, 1, 26), []Scope{LGPD}, true, ""},
		{"Morocco", "MA", date(2023, 1, 1), nil, false, "Art. 46"},
		{"India", "IN", date(2023, 1, 1), nil, false, "no adequacy decision"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := assess(tt.country, tt.day, tt.scopes...)
			assert.Equal(t, tt.adequate, a.Verdict == VerdictAdequate)
			if tt.adequate {
				require.NotNil(t, a.Decision)
			} else {
				assert.Contains(t, a.Reason, tt.reasonHas)
			}
		})
	}
	assert.True(t, (AssessAdequacy(AdequacyQuery{Organisation: "European Patent Organisation", Day: date(2025, 7, 15)}).Verdict == VerdictAdequate))
	assert.False(t, (AssessAdequacy(AdequacyQuery{Organisation: "European Patent Organisation", Day: date(2025, 7, 14)}).Verdict == VerdictAdequate))
	assert.False(t, (AssessAdequacy(AdequacyQuery{Organisation: "World Bank", Day: date(2025, 7, 15)}).Verdict == VerdictAdequate))
	for _, d := range Decisions() {
		assert.NotEmpty(t, d.Instrument)
		assert.NotEmpty(t, d.Source)
		assert.NotEmpty(t, d.Confidence)
		assert.False(t, d.From.Before(d.Adopted), d.Instrument)
		assert.NotEmpty(t, d.Scope.Describe())
	}
}

func TestDigitalConsentAge(t *testing.T) {
	tests := []struct {
		country string
		day     time.Time
		age     int
		ok      bool
	}{
		{"BE", date(2020, 1, 1), 13, true},
		{"BE", date(2018, 9, 4), 0, false},
		{"DK", date(2023, 12, 31), 13, true},
		{"DK", date(2024, 1, 1), 15, true},
		{"DE", date(2018, 5, 25), 16, true},
		{"NL", date(2025, 1, 1), 16, true},
		{"FR", date(2025, 1, 1), 15, true},
		{"SI", date(2025, 1, 1), 0, false},
		{"NO", date(2025, 1, 1), 13, true},
		{"NO", date(2018, 7, 19), 0, false},
		{"LI", date(2024, 1, 1), 16, true},
		{"IS", date(2025, 1, 1), 0, false},
	}
	for _, tt := range tests {
		a, ok := DigitalConsentAge(tt.country, tt.day)
		assert.Equal(t, tt.ok, ok, "%s on %s", tt.country, tt.day.Format(time.DateOnly))
		assert.Equal(t, tt.age, a.Age, "%s on %s", tt.country, tt.day.Format(time.DateOnly))
	}
	for _, a := range ConsentAges() {
		assert.GreaterOrEqual(t, a.Age, 13, "Art. 8(1): not below 13")
		assert.LessOrEqual(t, a.Age, 16)
		assert.NotEmpty(t, a.Source)
	}
}

func FuzzParseBases(f *testing.F) {
	for _, s := range []string{"Gerechtvaardigd belang", "the execution of the agreement", "intérêt légitime", "berechtigtes Interesse", "Toestemming en wettelijke verplichting"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		bs, err := ParseBases(s)
		if err != nil {
			return
		}
		seen := map[Basis]bool{}
		for _, b := range bs {
			if !b.Valid() || seen[b] {
				t.Fatalf("ParseBases(%q) = %v: invalid or repeated basis", s, bs)
			}
			seen[b] = true
		}
	})
}

// assess asks AssessAdequacy about a country for a recipient within the
// given scopes, DPFList meaning a US recipient on the Data Privacy
// Framework List.
func assess(country string, d time.Time, scopes ...Scope) AdequacyResult {
	q := AdequacyQuery{Country: country, Day: d}
	for _, s := range scopes {
		if s == DPFList {
			listed := true
			q.DPF = &listed
		} else {
			q.Scope = s
		}
	}
	return AssessAdequacy(q)
}
