package lawfulbasis

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

// TestAssessAdequacy pins every verdict of the scope-limited decisions, on
// the first day of each decision and the day before.
func TestAssessAdequacy(t *testing.T) {
	tests := []struct {
		name      string
		q         AdequacyQuery
		verdict   Verdict
		decision  string // part of the instrument; empty for none
		reasonHas string
	}{
		// Japan, 2019/419 (private sector).
		{"Japan, scope stated", AdequacyQuery{Country: "JP", Day: date(2019, 1, 23), Scope: APPI}, VerdictAdequate, "2019/419", ""},
		{"Japan, scope unstated", AdequacyQuery{Country: "JP", Day: date(2019, 1, 23)}, VerdictConfirmScope, "2019/419", "confirm"},
		{"Japan, public authority", AdequacyQuery{Country: "JP", Day: date(2019, 1, 23), PublicAuthority: true}, VerdictNotAdequate, "2019/419", "not public authorities"},
		{"Japan, public authority with the scope stated", AdequacyQuery{Country: "JP", Day: date(2024, 1, 1), Scope: APPI, PublicAuthority: true}, VerdictNotAdequate, "2019/419", "not public authorities"},
		{"Japan, another decision's scope", AdequacyQuery{Country: "JP", Day: date(2024, 1, 1), Scope: PIPA}, VerdictNotAdequate, "2019/419", "not the scope of"},
		{"Japan, the day before", AdequacyQuery{Country: "JP", Day: date(2019, 1, 22), Scope: APPI}, VerdictNotAdequate, "", "no adequacy decision covered JP on 2019-01-22"},
		// Korea, 2022/254 (public authorities included).
		{"Korea, scope stated", AdequacyQuery{Country: "KR", Day: date(2021, 12, 17), Scope: PIPA}, VerdictAdequate, "2022/254", ""},
		{"Korea, scope unstated", AdequacyQuery{Country: "KR", Day: date(2021, 12, 17)}, VerdictConfirmScope, "2022/254", "(pipa)"},
		{"Korea, public authority", AdequacyQuery{Country: "KR", Day: date(2023, 1, 1), PublicAuthority: true}, VerdictConfirmScope, "2022/254", "confirm"},
		{"Korea, the day before", AdequacyQuery{Country: "KR", Day: date(2021, 12, 16), Scope: PIPA}, VerdictNotAdequate, "", "no adequacy decision"},
		// Canada, 2002/2/EC (commercial organisations).
		{"Canada, scope stated", AdequacyQuery{Country: "CA", Day: date(2001, 12, 20), Scope: PIPEDA}, VerdictAdequate, "2002/2/EC", ""},
		{"Canada, scope unstated", AdequacyQuery{Country: "CA", Day: date(2023, 1, 1)}, VerdictConfirmScope, "2002/2/EC", "PIPEDA"},
		{"Canada, public authority", AdequacyQuery{Country: "CA", Day: date(2023, 1, 1), PublicAuthority: true}, VerdictNotAdequate, "2002/2/EC", "not public authorities"},
		{"Canada, the day before", AdequacyQuery{Country: "CA", Day: date(2001, 12, 19), Scope: PIPEDA}, VerdictNotAdequate, "", "no adequacy decision"},
		// Brazil, 2026/179 (public and private sector).
		{"Brazil, scope stated", AdequacyQuery{Country: "BR", Day: date(2026, 1, 26), Scope: LGPD}, VerdictAdequate, "2026/179", ""},
		{"Brazil, scope unstated", AdequacyQuery{Country: "BR", Day: date(2026, 1, 26)}, VerdictConfirmScope, "2026/179", "LGPD"},
		{"Brazil, public authority", AdequacyQuery{Country: "BR", Day: date(2026, 1, 26), PublicAuthority: true, Scope: LGPD}, VerdictAdequate, "2026/179", ""},
		{"Brazil, the day before", AdequacyQuery{Country: "BR", Day: date(2026, 1, 25), Scope: LGPD}, VerdictNotAdequate, "", "no adequacy decision"},
		// The United States, 2023/1795 (the Data Privacy Framework List).
		{"US, dpf true", AdequacyQuery{Country: "US", Day: date(2023, 7, 10), DPF: yes()}, VerdictAdequate, "2023/1795", ""},
		{"US, scope dpf-list", AdequacyQuery{Country: "US", Day: date(2023, 7, 10), Scope: DPFList}, VerdictAdequate, "2023/1795", ""},
		{"US, dpf unstated", AdequacyQuery{Country: "US", Day: date(2023, 7, 10)}, VerdictConfirmScope, "2023/1795", "confirm its listing"},
		{"US, dpf false", AdequacyQuery{Country: "US", Day: date(2023, 7, 10), DPF: no()}, VerdictNotAdequate, "2023/1795", "not on it"},
		{"US, dpf false and scope dpf-list", AdequacyQuery{Country: "US", Day: date(2024, 1, 1), DPF: no(), Scope: DPFList}, VerdictNotAdequate, "2023/1795", "not on it"},
		{"US, public authority", AdequacyQuery{Country: "US", Day: date(2024, 1, 1), DPF: yes(), PublicAuthority: true}, VerdictNotAdequate, "2023/1795", "not public authorities"},
		{"US, another decision's scope", AdequacyQuery{Country: "US", Day: date(2024, 1, 1), Scope: PIPEDA}, VerdictNotAdequate, "2023/1795", "not the scope of"},
		{"US, the day before", AdequacyQuery{Country: "US", Day: date(2023, 7, 9), DPF: yes()}, VerdictNotAdequate, "", "no adequacy decision covered US on 2023-07-09"},
		// Decisions for the whole country.
		{"Switzerland", AdequacyQuery{Country: "CH", Day: date(2023, 1, 1)}, VerdictAdequate, "2000/518/EC", ""},
		{"Switzerland, public authority", AdequacyQuery{Country: "CH", Day: date(2023, 1, 1), PublicAuthority: true}, VerdictAdequate, "2000/518/EC", ""},
		{"Switzerland with a Canadian scope", AdequacyQuery{Country: "CH", Day: date(2023, 1, 1), Scope: PIPEDA}, VerdictNotAdequate, "2000/518/EC", "not the scope of"},
		{"unknown scope", AdequacyQuery{Country: "CH", Day: date(2023, 1, 1), Scope: "private-sector"}, VerdictNotAdequate, "2000/518/EC", `"private-sector" is not a scope`},
		{"UK after the renewal lapses", AdequacyQuery{Country: "UK", Day: date(2031, 12, 28)}, VerdictNotAdequate, "", "lapsed on 2031-12-28"},
		{"Morocco", AdequacyQuery{Country: "MA", Day: date(2023, 1, 1)}, VerdictNotAdequate, "", "Art. 46"},
		// International organisations.
		{"European Patent Organisation", AdequacyQuery{Organisation: " european patent organisation ", Day: date(2025, 7, 15)}, VerdictAdequate, "2025/1382", ""},
		{"European Patent Organisation, the day before", AdequacyQuery{Organisation: "European Patent Organisation", Day: date(2025, 7, 14)}, VerdictNotAdequate, "", "no adequacy decision"},
		{"no destination", AdequacyQuery{Day: date(2025, 7, 15)}, VerdictNotAdequate, "", "names neither"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := AssessAdequacy(tt.q)
			assert.Equal(t, tt.verdict, r.Verdict)
			if tt.decision == "" {
				assert.Nil(t, r.Decision)
			} else {
				require.NotNil(t, r.Decision)
				assert.Contains(t, r.Decision.Instrument, tt.decision)
			}
			if tt.verdict == VerdictAdequate {
				assert.Empty(t, r.Reason)
			} else {
				assert.Contains(t, r.Reason, tt.reasonHas)
			}
		})
	}
}

func TestVerdicts(t *testing.T) {
	for _, v := range Verdicts() {
		assert.True(t, v.Valid())
		assert.Equal(t, string(v), v.String())
	}
	assert.False(t, Verdict("maybe").Valid())
}

// TestPrivateSectorOnly pins which limited decisions leave public
// authorities out.
func TestPrivateSectorOnly(t *testing.T) {
	got := map[string]bool{}
	for _, d := range Decisions() {
		if d.PrivateSectorOnly {
			got[d.Country] = true
			assert.NotEqual(t, WholeCountry, d.Scope, d.Instrument)
		}
	}
	assert.Equal(t, map[string]bool{"CA": true, "JP": true, "US": true}, got)
}
