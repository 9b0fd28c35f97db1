package lawfulbasis

import (
	"fmt"
	"time"
)

// Bridge is a period in which sending personal data to a country outside
// the EEA was, by an act of Union law, not a transfer to a third country.
type Bridge struct {
	Country    string // ISO 3166-1 alpha-2
	Instrument string
	// From and Until are the first and last days of the period.
	From, Until time.Time
	Note        string
	Source      string
	Confidence  Confidence
}

var bridges = []Bridge{
	{Country: "GB", Instrument: "Art. FINPROV.10A of the EU-UK Trade and Cooperation Agreement",
		From: day(2021, time.January, 1), Until: day(2021, time.June, 27),
		Note:       "the 'specified period' began with the provisional application of the Agreement on 1 January 2021 and ended on the day the Commission adopted the adequacy decisions for the United Kingdom, 28 June 2021, from which Implementing Decision (EU) 2021/1772 covers it (at most four months, extended by two, that is until 30 June 2021); it held while the UK kept its data protection law of 31 December 2020 and exercised none of the designated powers without the EU's agreement; for Iceland, Liechtenstein and Norway it applied once each had notified its agreement",
		Source:     "European Commission, 'Brexit' page of the international dimension of data protection (bridging clause, Art. FINPROV.10A TCA, applicable from the first day of 2021; adequacy decisions adopted on 28 June 2021); Freshfields and Kemp Little notes of December 2020 on the end of the specified period",
		Confidence: Secondary},
}

// Bridges returns the table of periods in which a country outside the EEA
// was treated as if data sent there were not a transfer.
func Bridges() []Bridge { return append([]Bridge(nil), bridges...) }

// ChapterVAnswer is the answer of [ChapterVApplies].
type ChapterVAnswer struct {
	// Applies is true when sending personal data to the destination on the
	// day is a transfer to a third country under Chapter V GDPR.
	Applies bool
	// Known is false for a day before the GDPR applied, which the tables do
	// not cover, and for an empty country.
	Known bool
	// Reason says why, in a sentence.
	Reason string
	// Source is the source of the table row the answer rests on; empty where
	// the destination is simply outside the EEA.
	Source string
}

// ChapterVApplies reports whether sending personal data to country (ISO
// 3166-1 alpha-2) on day d is a transfer to a third country under Chapter V
// GDPR: not for a member of the EEA ([InEEA]), nor for the United Kingdom
// during the bridge of the EU-UK Trade and Cooperation Agreement ([Bridges]).
func ChapterVApplies(country string, d time.Time) ChapterVAnswer {
	c := canonicalCountry(country)
	when := d.Format(time.DateOnly)
	if c == "" {
		return ChapterVAnswer{Reason: "no country is named"}
	}
	if d.Before(GDPRApplies) {
		return ChapterVAnswer{Reason: fmt.Sprintf("%s is before the GDPR applied (%s)", when, GDPRApplies.Format(time.DateOnly))}
	}
	if m := membershipOn(c, d); m != nil {
		return ChapterVAnswer{Known: true, Source: m.Source,
			Reason: fmt.Sprintf("%s belonged to the EEA on %s (%s): sending data there is not a transfer under Chapter V", c, when, m.Note)}
	}
	for i := range bridges {
		if b := &bridges[i]; b.Country == c && within(d, b.From, b.Until) {
			return ChapterVAnswer{Known: true, Source: b.Source,
				Reason: fmt.Sprintf("on %s, under %s, sending data to %s was not a transfer to a third country (%s to %s)",
					when, b.Instrument, c, b.From.Format(time.DateOnly), b.Until.Format(time.DateOnly))}
		}
	}
	return ChapterVAnswer{Applies: true, Known: true,
		Reason: fmt.Sprintf("%s was outside the EEA on %s: sending data there is a transfer that needs a ground of Chapter V", c, when)}
}

// within reports whether d lies in the period from..until, both included;
// a zero until leaves the period open.
func within(d, from, until time.Time) bool {
	return !d.Before(from) && (until.IsZero() || !d.After(until))
}
