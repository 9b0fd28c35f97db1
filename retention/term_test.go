package retention

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/openropa/registry/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTermValidate(t *testing.T) {
	p3y := Period{Years: 3}
	tests := []struct {
		name string
		term Term
		msg  string // empty: valid
	}{
		{"period after event", Term{Period: p3y, From: LastContact}, ""},
		{"open end", Term{Until: []Event{ConsentWithdrawn, Objection}}, ""},
		{"law only", Term{Law: "Art. III.86 WER"}, ""},
		{"criteria only", Term{Criteria: "period of use of our services"}, ""},
		{"extension", Term{Period: Period{Months: 1}, From: Collection, Extension: &Extension{Until: []Event{IncidentClosed}, When: "incident"}}, ""},
		{"nothing", Term{}, "needs a period, an end event"},
		{"blank criteria", Term{Criteria: "  "}, "needs a period, an end event"},
		{"period without event", Term{Period: p3y}, ""},
		{"event without period", Term{From: Collection, Until: []Event{ContractEnd}}, "needs a period"},
		{"at least without period", Term{AtLeast: true, Law: "x"}, "atLeast needs a period"},
		{"unknown from", Term{Period: p3y, From: "Birthday"}, `unknown event "Birthday"`},
		{"unknown from says what an event may be", Term{Period: p3y, From: "end of year"}, "lower-case kebab case"},
		{"unknown until", Term{Until: []Event{"never!"}}, `until: unknown event "never!"`},
		{"named from", Term{Period: Period{Years: 20}, From: "programme-period-end"}, ""},
		{"named until", Term{Until: []Event{"event-end", ConsentWithdrawn}}, ""},
		{"named extension until", Term{Period: p3y, From: Collection, Extension: &Extension{When: "x", Until: []Event{"audit-closed"}}}, ""},
		{"year end", Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true}, ""},
		{"year end without period", Term{Until: []Event{ContractEnd}, FromYearEnd: true}, "fromYearEnd needs a period"},
		{"then", Term{Period: p3y, From: Collection, Then: Anonymise}, ""},
		{"unknown then", Term{Period: p3y, From: Collection, Then: "shred"}, `then: retention: unknown disposal "shred"; want one of destroy, anonymise`},
		{"duplicate named until", Term{Until: []Event{"event-end", "event-end"}}, "named twice"},
		{"duplicate until", Term{Until: []Event{Objection, Objection}}, "named twice"},
		{"extension without case", Term{Period: p3y, From: Collection, Extension: &Extension{Period: Period{Years: 5}}}, "needs the case"},
		{"extension without length", Term{Period: p3y, From: Collection, Extension: &Extension{When: "x"}}, "needs a period, an end event (until) or the law"},
		{"extension period without from", Term{Law: "x", Extension: &Extension{When: "x", Period: p3y}}, ""},
		{"extension by law", Term{Period: p3y, From: Collection, Extension: &Extension{When: "a tax audit", Law: "art. 315 WIB 92"}}, ""},
		{"extension with a blank law", Term{Period: p3y, From: Collection, Extension: &Extension{When: "a tax audit", Law: " "}}, "or the law that requires it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.term.Validate()
			if tt.msg == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestErasureDate(t *testing.T) {
	start := date(2024, 1, 31)
	tests := []struct {
		name     string
		term     Term
		happened map[Event]time.Time
		status   Status
		date     time.Time
	}{
		{"month after collection", Term{Period: Period{Months: 1}, From: Collection}, map[Event]time.Time{Collection: start}, DueOn, date(2024, 2, 29)},
		{"not started", Term{Period: Period{Years: 3}, From: LastContact}, nil, NotYet, time.Time{}},
		{"open end not reached", Term{Until: []Event{ConsentWithdrawn}}, map[Event]time.Time{Collection: start}, NotYet, time.Time{}},
		{"open end reached", Term{Until: []Event{ConsentWithdrawn, Objection}}, map[Event]time.Time{Objection: date(2024, 5, 1), ConsentWithdrawn: date(2024, 6, 1)}, DueOn, date(2024, 5, 1)},
		{"period or end, whichever first", Term{Period: Period{Years: 2}, From: Collection, Until: []Event{ConsentWithdrawn}}, map[Event]time.Time{Collection: start, ConsentWithdrawn: date(2024, 3, 1)}, DueOn, date(2024, 3, 1)},
		{"period or end, end not yet", Term{Period: Period{Years: 2}, From: Collection, Until: []Event{ConsentWithdrawn}}, map[Event]time.Time{Collection: start}, DueOn, date(2026, 1, 31)},
		{"at least", Term{Period: Period{Years: 7}, From: Collection, AtLeast: true}, map[Event]time.Time{Collection: date(2024, 2, 29)}, DueNotBefore, date(2031, 2, 28)},
		{"law only", Term{Law: "Camerawet"}, nil, Undetermined, time.Time{}},
		{"period with no starting event", Term{Period: Period{Months: 1}}, map[Event]time.Time{Collection: start}, Undetermined, time.Time{}},
		{"criteria only", Term{Criteria: "use of the service"}, nil, Undetermined, time.Time{}},
		{"from the end of the year", Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true}, map[Event]time.Time{ContractEnd: date(2024, 3, 15)}, DueOn, date(2032, 1, 1)},
		{"from the end of the year, event on 31 December", Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true}, map[Event]time.Time{ContractEnd: date(2024, 12, 31)}, DueOn, date(2032, 1, 1)},
		{"from the end of the year, event on 1 January", Term{Period: Period{Months: 1}, From: ContractEnd, FromYearEnd: true}, map[Event]time.Time{ContractEnd: date(2025, 1, 1)}, DueOn, date(2026, 2, 1)},
		{"from the end of the year, or an end first", Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true, Until: []Event{Objection}}, map[Event]time.Time{ContractEnd: date(2024, 3, 15), Objection: date(2031, 12, 31)}, DueOn, date(2031, 12, 31)},
		{"from the end of the year, at least", Term{Period: Period{Years: 10}, From: Collection, FromYearEnd: true, AtLeast: true}, map[Event]time.Time{Collection: date(2023, 6, 1)}, DueNotBefore, date(2034, 1, 1)},
		{"from the end of the year, no event", Term{Period: Period{Years: 7}, FromYearEnd: true}, nil, Undetermined, time.Time{}},
		{"after a named event", Term{Period: Period{Years: 20}, From: "programme-period-end"}, map[Event]time.Time{"programme-period-end": date(2027, 12, 31)}, DueOn, date(2047, 12, 31)},
		{"named event not yet", Term{Period: Period{Years: 20}, From: "programme-period-end"}, map[Event]time.Time{Collection: start}, NotYet, time.Time{}},
		{"until a named event", Term{Until: []Event{"event-end", ConsentWithdrawn}}, map[Event]time.Time{"event-end": date(2025, 6, 30), ConsentWithdrawn: date(2025, 7, 1)}, DueOn, date(2025, 6, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.term.ErasureDate(tt.happened)
			assert.Equal(t, tt.status, d.Status)
			assert.Equal(t, tt.date, d.Date)
			if tt.status == NotYet || tt.status == Undetermined {
				assert.NotEmpty(t, d.Reason)
			}
		})
	}
}

func TestCompareAndRespects(t *testing.T) {
	a := Term{Period: Period{Years: 7}, From: Collection}
	b := Term{Period: Period{Years: 10}, From: Collection}
	c, ok := Compare(a, b)
	assert.True(t, ok)
	assert.Equal(t, -1, c)
	c, ok = Compare(b, a)
	assert.True(t, ok)
	assert.Equal(t, 1, c)
	_, ok = Compare(a, Term{Period: Period{Years: 7}, From: ContractEnd})
	assert.False(t, ok, "different starting events cannot be compared")
	_, ok = Compare(a, Term{Until: []Event{ConsentWithdrawn}})
	assert.False(t, ok, "an open end cannot be compared with a period")
	c, ok = Compare(Term{Until: []Event{Objection, ConsentWithdrawn}}, Term{Until: []Event{ConsentWithdrawn, Objection}})
	assert.True(t, ok)
	assert.Equal(t, 0, c)

	ok, decided := a.Respects(Period{Years: 10})
	assert.True(t, decided)
	assert.False(t, ok)
	ok, decided = b.Respects(Period{Years: 7})
	assert.True(t, decided)
	assert.True(t, ok)
	_, decided = Term{Until: []Event{ContractEnd}}.Respects(Period{Years: 7})
	assert.False(t, decided)
}

func TestWords(t *testing.T) {
	term := Term{Period: Period{Years: 3}, From: LastContact}
	for l, want := range map[lang.Lang]string{
		lang.English: "3 years after the last contact",
		lang.Dutch:   "3 jaar na het laatste contact",
		lang.French:  "3 ans après le dernier contact",
		lang.German:  "3 Jahre nach dem letzten Kontakt",
		"xx":         "3 years after the last contact",
	} {
		assert.Equal(t, want, term.Words(l), l)
	}
	tests := []struct {
		term Term
		lang lang.Lang
		want string
	}{
		{Term{Period: Period{Years: 1, Days: 27}, From: Collection}, lang.Dutch, "1 jaar en 27 dagen na het verzamelen"},
		{Term{Period: Period{Years: 1, Days: 27}, From: Collection}, lang.French, "1 an et 27 jours après la collecte"},
		{Term{Period: Period{Years: 1, Days: 27}, From: Collection}, lang.German, "1 Jahr und 27 Tage nach der Erhebung"},
		{Term{Period: Period{Minutes: 30}, From: Collection}, lang.English, "30 minutes after collection"},
		{Term{Until: []Event{ConsentWithdrawn}}, lang.French, "jusqu'au retrait du consentement"},
		{Term{Until: []Event{ContractEnd}}, lang.German, "bis zum Ende des Vertrags"},
		{Term{Period: Period{Years: 7}, From: Collection, AtLeast: true, Law: "Art. III.86 WER"}, lang.English, "at least 7 years after collection (as laid down in Art. III.86 WER)"},
		{Term{Law: "Camerawet"}, lang.Dutch, "zoals vastgelegd in Camerawet"},
		{Term{Period: Period{Years: 10}, From: Collection, Case: "personal claims"}, lang.English, "10 years after collection for personal claims"},
		{Term{Period: Period{Months: 1}, From: Collection, Extension: &Extension{When: "an incident is investigated", Until: []Event{IncidentClosed}}}, lang.English, "1 month after collection, unless an incident is investigated (until the incident is closed)"},
		{Term{Criteria: "period of use of our services"}, lang.English, "Determined by these criteria: period of use of our services"},
		{Term{Period: Period{Years: 7}, From: ContractEnd, Extension: &Extension{When: "een belastingcontrole loopt", Period: Period{Years: 10}, Law: "art. 315 WIB 92"}}, lang.Dutch, "7 jaar na het einde van de overeenkomst, tenzij een belastingcontrole loopt (10 jaar, zoals vastgelegd in art. 315 WIB 92)"},
		{Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true}, lang.English, "7 years after the end of the contract, counted from 1 January of the following year"},
		{Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true}, lang.Dutch, "7 jaar na het einde van de overeenkomst, te rekenen vanaf 1 januari van het volgende jaar"},
		{Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true}, lang.French, "7 ans après la fin du contrat, à compter du 1er janvier de l'année suivante"},
		{Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true}, lang.German, "7 Jahre nach dem Ende des Vertrags, gerechnet ab dem 1. Januar des Folgejahres"},
		{Term{Period: Period{Years: 7}, FromYearEnd: true, AtLeast: true}, lang.English, "at least 7 years from the end of the calendar year"},
		{Term{Period: Period{Years: 7}, FromYearEnd: true}, lang.Dutch, "7 jaar vanaf het einde van het kalenderjaar"},
		{Term{Period: Period{Years: 7}, FromYearEnd: true}, lang.French, "7 ans à compter de la fin de l'année civile"},
		{Term{Period: Period{Years: 7}, FromYearEnd: true}, lang.German, "7 Jahre ab dem Ende des Kalenderjahres"},
		{Term{Period: Period{Years: 3}, From: LastContact, Then: Anonymise}, lang.English, "3 years after the last contact, then anonymised"},
		{Term{Period: Period{Years: 3}, From: LastContact, Then: Anonymise}, lang.Dutch, "3 jaar na het laatste contact, daarna geanonimiseerd"},
		{Term{Period: Period{Years: 3}, From: LastContact, Then: Archive}, lang.French, "3 ans après le dernier contact, puis versées aux archives"},
		{Term{Period: Period{Years: 3}, From: LastContact, Then: Pseudonymise}, lang.German, "3 Jahre nach dem letzten Kontakt, danach pseudonymisiert"},
		{Term{Period: Period{Months: 1}, From: Collection, Then: Destroy, Extension: &Extension{When: "an incident is investigated", Until: []Event{IncidentClosed}}}, lang.English, "1 month after collection, then destroyed, unless an incident is investigated (until the incident is closed)"},
		{Term{Criteria: "use of the service", Then: Anonymise}, lang.English, "Determined by these criteria: use of the service; then anonymised"},
		{Term{Period: Period{Years: 7}, From: ContractEnd, Extension: &Extension{When: "a tax audit", Law: "art. 315 WIB 92"}}, lang.English, "7 years after the end of the contract, unless a tax audit (as laid down in art. 315 WIB 92)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.term.Words(tt.lang))
	}
	assert.Equal(t, "1 year, 2 months, 1 week and 3 days", Period{Years: 1, Months: 2, Weeks: 1, Days: 3}.Words(lang.English))
	assert.Equal(t, "2 Stunden", Period{Hours: 2}.Words(lang.German))
	assert.Empty(t, Period{}.Words(lang.English))
	for _, e := range Events() {
		for _, l := range lang.All() {
			assert.NotEmpty(t, e.After(l))
			assert.NotEmpty(t, e.Until(l))
		}
	}
}

func TestDisposal(t *testing.T) {
	assert.Equal(t, []Disposal{Destroy, Anonymise, Pseudonymise, Archive}, Disposals())
	assert.Len(t, disposalText, len(Disposals()), "every disposal with words is listed")
	for _, d := range Disposals() {
		assert.True(t, d.Valid(), d)
		assert.Equal(t, string(d), d.String())
		got, err := ParseDisposal(string(d))
		require.NoError(t, err)
		assert.Equal(t, d, got)
		for _, l := range lang.All() {
			require.Contains(t, disposalText[d], l, "%s has words in %s", d, l)
			assert.NotEmpty(t, d.Label(l))
			assert.NotEmpty(t, d.words(l).then)
		}
		assert.Equal(t, d.Label(lang.English), d.Label("xx"), "an unknown language falls back to English")
	}
	assert.Equal(t, "Anonymisierung", Anonymise.Label(lang.German))
	assert.Equal(t, "overbrenging naar een archief", Archive.Label(lang.Dutch))
	for _, d := range []Disposal{"", "Destroy", "delete"} {
		assert.False(t, d.Valid(), d)
		assert.Empty(t, d.Label(lang.English))
		_, err := ParseDisposal(string(d))
		assert.ErrorContains(t, err, "want one of destroy, anonymise, pseudonymise, archive")
	}
}

func TestTermJSON(t *testing.T) {
	in := Term{Period: Period{Years: 1, Days: 27}, From: Collection, Until: []Event{ConsentWithdrawn}, Extension: &Extension{When: "x", Period: Period{Years: 2}, Law: "art. 60 §4 WBTW"}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"period":"P1Y27D","from":"collection","until":["consent-withdrawn"],"extension":{"period":"P2Y","when":"x","law":"art. 60 §4 WBTW"}}`, string(b))
	var out Term
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	b, err = json.Marshal(Term{Period: Period{Years: 7}, From: ContractEnd, FromYearEnd: true, Then: Archive})
	require.NoError(t, err)
	assert.JSONEq(t, `{"period":"P7Y","from":"contract-end","fromYearEnd":true,"then":"archive"}`, string(b))
	b, err = json.Marshal(Term{Law: "x"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"law":"x"}`, string(b), "a zero period is left out")
	assert.Error(t, json.Unmarshal([]byte(`{"period":"three years"}`), &out))
}

func TestParseEvent(t *testing.T) {
	e, err := ParseEvent("contract-end")
	require.NoError(t, err)
	assert.Equal(t, ContractEnd, e)
	assert.Equal(t, "contract-end", e.String())
	e, err = ParseEvent("programme-period-end")
	require.NoError(t, err)
	assert.True(t, e.Named())
	_, err = ParseEvent("End")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "collection, last-contact")
	assert.Contains(t, err.Error(), "named event of the register")
	for _, e := range Events() {
		assert.True(t, e.Valid(), e)
		assert.True(t, e.Standard(), e)
		assert.False(t, e.Named(), e)
		assert.Contains(t, eventWords, e, "every event has its words")
	}
	assert.Len(t, eventWords, len(Events()), "every event with words is listed")
	for _, e := range []Event{"end", "programme-period-end", "austritt", "event-2025-end", "a", Event(strings.Repeat("a", 64))} {
		assert.True(t, e.Named(), e)
		assert.True(t, e.Valid(), e)
		assert.False(t, e.Standard(), e)
	}
	for _, e := range []Event{"", "Collection", "collection ", "-end", "end-", "a--b", "2025-end", "fin_de", "ende-der-übung", Event(strings.Repeat("a", 65))} {
		assert.False(t, e.Valid(), e)
		assert.False(t, e.Named(), e)
	}
}

func TestNamedEventWords(t *testing.T) {
	labels := EventLabels(func(e Event, l lang.Lang) (string, bool) {
		m := map[lang.Lang]string{lang.English: "end of the programme period", lang.Dutch: "einde van de programmeringsperiode", lang.French: "fin de la période de programmation"}
		if e != "programme-period-end" {
			return "", false
		}
		s, ok := m[l]
		return s, ok
	})
	term := Term{Period: Period{Years: 20}, From: "programme-period-end"}
	tests := []struct {
		lang    lang.Lang
		opts    []WordOption
		want    string
		missing string // empty: no error
	}{
		{lang.English, []WordOption{labels}, "20 years after the event “end of the programme period”", ""},
		{lang.Dutch, []WordOption{labels}, "20 jaar na de gebeurtenis ‘einde van de programmeringsperiode’", ""},
		{lang.French, []WordOption{labels}, "20 ans après l'événement «\u00a0fin de la période de programmation\u00a0»", ""},
		{lang.German, []WordOption{labels}, "20 Jahre nach einem Ereignis ohne deutsche Bezeichnung (ID programme-period-end)", `no de label for the register's event "programme-period-end"`},
		{lang.English, nil, "20 years after an event with no English label (id programme-period-end)", `no en label`},
		{lang.Dutch, nil, "20 jaar na een gebeurtenis zonder Nederlands label (id programme-period-end)", `no nl label`},
		{lang.French, nil, "20 ans après un événement sans libellé en français (identifiant programme-period-end)", `no fr label`},
	}
	for _, tt := range tests {
		got, err := term.Wording(tt.lang, tt.opts...)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, tt.want, term.Words(tt.lang, tt.opts...))
		if tt.missing == "" {
			assert.NoError(t, err)
		} else {
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.missing)
		}
	}
	until := Term{Until: []Event{"event-end", ConsentWithdrawn}, Extension: &Extension{When: "an audit", Until: []Event{"audit-closed"}}}
	got, err := until.Wording(lang.German, EventLabels(func(e Event, l lang.Lang) (string, bool) {
		return map[Event]string{"event-end": "Ende der Veranstaltung", "audit-closed": " "}[e], e == "event-end" || e == "audit-closed"
	}))
	assert.Equal(t, "bis zum Ereignis „Ende der Veranstaltung“ oder bis zum Widerruf der Einwilligung, außer an audit (bis zu einem Ereignis ohne deutsche Bezeichnung (ID audit-closed))", got)
	require.Error(t, err, "a blank label is no label")
	assert.Contains(t, err.Error(), `"audit-closed"`)
	assert.NotContains(t, err.Error(), `"event-end"`)
	_, err = Term{Until: []Event{"a", "b"}}.Wording(lang.English)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `event "a", "b"`)
	_, err = Term{Until: []Event{ContractEnd}}.Wording(lang.English)
	assert.NoError(t, err, "standard events need no labels")
	assert.Equal(t, "after an event with no English label (id event-end)", Event("event-end").After("xx"))
	assert.Equal(t, "bis zu einem Ereignis ohne deutsche Bezeichnung (ID event-end)", Event("event-end").Until(lang.German))
}

func TestStatutes(t *testing.T) {
	ids := map[string]bool{}
	for _, s := range AllStatutes() {
		assert.False(t, ids[s.ID], "duplicate id %s", s.ID)
		ids[s.ID] = true
		assert.NotEmpty(t, s.Law, s.ID)
		assert.NotEmpty(t, s.Source, s.ID)
		assert.NotEmpty(t, s.Confidence, s.ID)
		assert.False(t, s.From.IsZero(), "%s has no date it holds from", s.ID)
		require.True(t, s.Kind.Valid(), "%s has no valid kind: %q", s.ID, s.Kind)
		assert.Equal(t, s.Kind == DutyToKeep, !s.Min.IsZero(), "%s: a minimum is set exactly for a duty to keep", s.ID)
		assert.Equal(t, s.Kind == MaximumHold, !s.Max.IsZero(), "%s: a maximum is set exactly for a maximum hold", s.ID)
		assert.Equal(t, s.Kind == LimitationPeriod, !s.Limitation.IsZero(), "%s: a limitation is set exactly for a limitation period", s.ID)
		assert.Len(t, s.Country, 2, s.ID)
	}
	tax, ok := LookupStatute("be-income-tax-records")
	require.True(t, ok)
	assert.Equal(t, Period{Years: 10}, tax.Min)
	assert.False(t, tax.HoldsOn(date(2022, 12, 31)), "the ten-year term holds from assessment year 2023")
	assert.True(t, tax.HoldsOn(date(2023, 1, 1)))
	cctv, ok := LookupStatute("be-cctv-images")
	require.True(t, ok)
	assert.Equal(t, Period{Months: 1}, cctv.Max)
	assert.Equal(t, Verified, cctv.Confidence)
	claims, _ := LookupStatute("be-limitation-personal-actions")
	assert.Equal(t, LimitationPeriod, claims.Kind)
	assert.Equal(t, Period{Years: 10}, claims.Limitation)
	assert.True(t, claims.Min.IsZero(), "a limitation period requires no retention: it is no minimum")
	real, _ := LookupStatute("be-limitation-real-actions")
	assert.Equal(t, Period{Years: 30}, real.Limitation)
	assert.True(t, real.Min.IsZero())
	assert.False(t, claims.HoldsOn(date(1998, 7, 26)))
	assert.True(t, claims.HoldsOn(date(1998, 7, 27)))
	assert.Contains(t, Statutes(date(2024, 1, 1)), tax)
	assert.NotContains(t, Statutes(date(2020, 1, 1)), tax)
	day := date(2024, 1, 1)
	assert.Equal(t, Statutes(day), StatutesOf("", day), "no country: every country's")
	nl := StatutesOf("NL", day)
	require.NotEmpty(t, nl)
	for _, s := range nl {
		assert.Equal(t, "NL", s.Country)
	}
	assert.Contains(t, StatutesOf("BE", day), tax)
	assert.NotContains(t, StatutesOf("BE", date(2020, 1, 1)), tax)
	assert.Empty(t, StatutesOf("FR", day), "the table holds no French rules")
	assert.Equal(t, []StatuteKind{DutyToKeep, MaximumHold, LimitationPeriod}, StatuteKinds())
	for _, k := range StatuteKinds() {
		assert.True(t, k.Valid(), k)
		assert.Equal(t, string(k), k.String())
	}
	assert.False(t, StatuteKind("").Valid())
	assert.False(t, StatuteKind("minimum").Valid())
	_, ok = LookupStatute("none")
	assert.False(t, ok)
	ended := Statute{From: date(2000, 1, 1), Until: date(2010, 12, 31)}
	assert.True(t, ended.HoldsOn(date(2010, 12, 31)))
	assert.False(t, ended.HoldsOn(date(2011, 1, 1)))
}

func TestStatuteCitedBy(t *testing.T) {
	tests := []struct {
		id, citation string
		want         bool
	}{
		{"be-accounting-supporting-documents", "art. III.86 WER", true},
		{"be-accounting-books", "Art. III.88 Wetboek van economisch recht", true},
		{"be-accounting-books", "art. III.86", false},
		{"be-income-tax-records", "art. 315 WIB 92", true},
		{"be-vat-records", "art. 60, § 4 WBTW", true},
		{"be-social-documents", "KB van 8 augustus 1980", true},
		{"be-cctv-images", "Camerawet", true},
		{"be-cctv-images", "loi caméras du 21 mars 2007", true},
		{"be-limitation-personal-actions", "art. 2262bis oud BW", true},
		{"be-limitation-real-actions", "art. 2262bis oud BW", false},
		{"be-limitation-real-actions", "art. 2262 oud BW", true},
		{"nl-tax-records", "art. 52 lid 4 AWR", true},
		{"nl-tax-records", "toepasselijke wet- en regelgeving", false},
	}
	for _, tt := range tests {
		s, ok := LookupStatute(tt.id)
		require.True(t, ok, tt.id)
		assert.Equal(t, tt.want, s.CitedBy(tt.citation), "%s cited by %q", tt.id, tt.citation)
	}
	assert.False(t, Statute{}.CitedBy("anything"))
}

func TestMembershipWording(t *testing.T) {
	term := Term{Period: Period{Years: 1}, From: RelationshipEnd}
	for l, want := range map[lang.Lang]string{
		lang.German:  "nach dem Ende der Mitgliedschaft",
		lang.Dutch:   "na het einde van het lidmaatschap",
		lang.French:  "après la fin de l'adhésion",
		lang.English: "after the end of the membership",
	} {
		assert.Contains(t, term.Words(l, Membership()), want, l)
	}
	assert.Contains(t, term.Words(lang.German), "Geschäftsbeziehung", "without the option, the business relationship")
}

// A nil option says nothing: the sentence is the one without options.
func TestWordsNilOption(t *testing.T) {
	term := Term{Period: Period{Years: 2}, From: ContractEnd}
	assert.Equal(t, term.Words(lang.English), term.Words(lang.English, nil))
}
