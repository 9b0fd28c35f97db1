package lawfulbasis

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecisionRows pins every row of the adequacy table: destination,
// instrument, dates, scope and how it was confirmed. A change to the table
// must change this test, on purpose.
func TestDecisionRows(t *testing.T) {
	type row struct {
		dest, instrument string
		from, until      string
		scope            Scope
		confidence       Confidence
		source           string
	}
	want := []row{
		{"CH", "Commission Decision 2000/518/EC", "2000-07-26", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"CA", "Commission Decision 2002/2/EC", "2001-12-20", "", PIPEDA, Secondary, "CNPD"},
		{"AR", "Commission Decision 2003/490/EC", "2003-06-30", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"GG", "Commission Decision 2003/821/EC", "2003-11-21", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"IM", "Commission Decision 2004/411/EC", "2004-04-28", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"JE", "Commission Decision 2008/393/EC", "2008-05-08", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"FO", "Commission Decision 2010/146/EU", "2010-03-05", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"AD", "Commission Decision 2010/625/EU", "2010-10-19", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"IL", "Commission Decision 2011/61/EU", "2011-01-31", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"UY", "Commission Implementing Decision 2012/484/EU", "2012-08-21", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"NZ", "Commission Implementing Decision 2013/65/EU", "2012-12-19", "", WholeCountry, Secondary, "Adequacy decisions"},
		{"JP", "Commission Implementing Decision (EU) 2019/419", "2019-01-23", "", APPI, Secondary, "Adequacy decisions"},
		{"KR", "Commission Implementing Decision (EU) 2022/254", "2021-12-17", "", PIPA, Secondary, "Adequacy decisions"},
		{"GB", "Commission Implementing Decision (EU) 2021/1772", "2021-06-28", "2025-06-27", WholeCountry, Secondary, "DPO Centre"},
		{"GB", "Commission Implementing Decision amending Implementing Decision (EU) 2021/1772 (technical extension of June 2025)", "2025-06-28", "2025-12-27", WholeCountry, Secondary, "2025/1225"},
		{"GB", "Commission Implementing Decision amending Implementing Decision (EU) 2021/1772, C(2025) 8771 final (renewal)", "2025-12-28", "2031-12-27", WholeCountry, Secondary, "DPO Centre"},
		{"US", "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)", "2023-07-10", "", DPFList, Verified, "OJ L 231"},
		{"European Patent Organisation", "Commission Implementing Decision (EU) 2025/1382", "2025-07-15", "", WholeCountry, Verified, "OJ L 2025/1382"},
		{"BR", "Commission Implementing Decision (EU) 2026/179", "2026-01-26", "", LGPD, Verified, "28.1.2026"},
	}
	got := Decisions()
	require.Len(t, got, len(want))
	for i, w := range want {
		d := got[i]
		dest := d.Country
		if dest == "" {
			dest = d.Organisation
		}
		assert.Equal(t, w.dest, dest, "row %d", i)
		assert.Equal(t, w.instrument, d.Instrument, "row %d", i)
		assert.Equal(t, w.from, d.From.Format(time.DateOnly), "row %d", i)
		until := ""
		if !d.Until.IsZero() {
			until = d.Until.Format(time.DateOnly)
		}
		assert.Equal(t, w.until, until, "row %d", i)
		assert.Equal(t, w.scope, d.Scope, "row %d", i)
		assert.Equal(t, w.confidence, d.Confidence, "row %d", i)
		assert.Contains(t, d.Source, w.source, "row %d", i)
		// Each row answers on its first day and not the day before (unless the
		// previous period of the same destination covers it).
		first := assess(d.Country, d.From, d.Scope)
		if d.Country == "" {
			first = AssessAdequacy(AdequacyQuery{Organisation: d.Organisation, Day: d.From})
		}
		assert.Equal(t, VerdictAdequate, first.Verdict, "row %d on its first day", i)
		require.NotNil(t, first.Decision)
		assert.Equal(t, d.Instrument, first.Decision.Instrument, "row %d on its first day", i)
	}
}

// TestEndingRows pins the rows of the ended transfer mechanisms.
func TestEndingRows(t *testing.T) {
	want := map[Mechanism][4]string{ // instrument, adopted, first day, last valid day
		SafeHarbor:    {"Commission Decision 2000/520/EC", "2000-07-26", "2000-07-26", "2015-10-05"},
		PrivacyShield: {"Commission Implementing Decision (EU) 2016/1250", "2016-07-12", "2016-07-12", "2020-07-15"},
		SCC2001:       {"Commission Decision 2001/497/EC", "2001-06-15", "2001-09-03", "2022-12-27"},
		SCC2004:       {"Commission Decision 2004/915/EC (adding a second set of clauses to Decision 2001/497/EC)", "2004-12-27", "2005-04-01", "2022-12-27"},
		SCC2010:       {"Commission Decision 2010/87/EU", "2010-02-05", "2010-05-15", "2022-12-27"},
	}
	got := Endings()
	require.Len(t, got, len(want))
	for _, e := range got {
		w, ok := want[e.Mechanism]
		require.True(t, ok, e.Mechanism)
		assert.Equal(t, w[0], e.Instrument)
		assert.Equal(t, w[1], e.Adopted.Format(time.DateOnly))
		first := e.firstDay()
		assert.Equal(t, w[2], first.Format(time.DateOnly))
		assert.Equal(t, w[3], e.LastValid.Format(time.DateOnly))
		assert.True(t, e.Mechanism.ValidOn(e.LastValid).Valid, "%s valid on its last day", e.Mechanism)
		assert.False(t, e.Mechanism.ValidOn(e.LastValid.AddDate(0, 0, 1)).Valid, "%s invalid the day after", e.Mechanism)
		assert.True(t, e.Mechanism.ValidOn(first).Valid, "%s valid from its first day", e.Mechanism)
		assert.False(t, e.Mechanism.ValidOn(first.AddDate(0, 0, -1)).Valid, "%s invalid the day before", e.Mechanism)
	}
	v := SCC2010.ValidOn(date(2020, 1, 1))
	require.NotNil(t, v.Ending)
	assert.Contains(t, v.Ending.Source, "OJ L 199, 7.6.2021", "the transition is checked against the Official Journal")
	assert.Contains(t, SCC2010.ValidOn(date(2010, 5, 14)).Reason, "applied from 2010-05-15")
	assert.Contains(t, SafeHarbor.ValidOn(date(2000, 7, 25)).Reason, "was adopted on 2000-07-26")
}

// TestConsentAgeRows pins the ages of digital consent.
func TestConsentAgeRows(t *testing.T) {
	want := map[string]int{"AT": 14, "BE": 13, "BG": 14, "HR": 16, "CY": 14, "CZ": 15, "EE": 13, "FI": 13, "FR": 15,
		"DE": 16, "GR": 15, "HU": 16, "IE": 16, "IT": 14, "LV": 13, "LT": 14, "LU": 16, "MT": 13, "NL": 16, "PL": 16,
		"PT": 13, "RO": 16, "SK": 16, "ES": 14, "SE": 13, "DK": 15, "NO": 13, "LI": 16}
	day := date(2026, 11, 21)
	for c, age := range want {
		a, ok := DigitalConsentAge(c, day)
		require.True(t, ok, c)
		assert.Equal(t, age, a.Age, c)
	}
	for _, c := range []string{"SI", "IS"} {
		_, ok := DigitalConsentAge(c, day)
		assert.False(t, ok, "%s: not confirmed, so not in the table", c)
	}
	assert.Len(t, ConsentAges(), 29, "28 states and Denmark's earlier age")
}
