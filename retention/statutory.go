package retention

import (
	"regexp"
	"strings"
	"time"
)

func cites(pattern string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + pattern) }

// Confidence says how well a legal fact in a table has been checked.
type Confidence string

// Levels of confidence of a table row.
const (
	// Verified: checked against the primary text or the authority's own page.
	Verified Confidence = "verified"
	// Secondary: confirmed by reputable secondary sources (law firms,
	// professional bodies), not by the primary text.
	Secondary Confidence = "secondary"
)

// StatuteKind says what a statutory period does to a retention term.
type StatuteKind string

// The kinds of statutory periods.
const (
	// DutyToKeep: the law requires the records to be kept at least the
	// period of [Statute.Min] (an accounting or tax retention duty).
	DutyToKeep StatuteKind = "duty-to-keep"
	// MaximumHold: the law allows the records to be kept at most the period
	// of [Statute.Max] (camera images).
	MaximumHold StatuteKind = "maximum"
	// LimitationPeriod: the law bars legal claims after the period of
	// [Statute.Limitation]. It requires no retention at all; it bounds how
	// long keeping data for the establishment, exercise or defence of legal
	// claims can be justified (Art. 5(1)(e) and 17(3)(e) GDPR). A register
	// that keeps data for a shorter time breaks no duty.
	LimitationPeriod StatuteKind = "limitation"
)

// StatuteKinds lists every kind in a fixed order.
func StatuteKinds() []StatuteKind { return []StatuteKind{DutyToKeep, MaximumHold, LimitationPeriod} }

// Valid reports whether k is one of the kinds of this package.
func (k StatuteKind) Valid() bool {
	switch k {
	case DutyToKeep, MaximumHold, LimitationPeriod:
		return true
	}
	return false
}

// String returns the kind's identifier.
func (k StatuteKind) String() string { return string(k) }

// Statute is one statutory period: a duty to keep a kind of record for at
// least a period, a maximum period it may be kept, or the limitation period
// of legal claims, with its source and the dates it holds. Exactly one of
// Min, Max and Limitation is set, the one its Kind names.
type Statute struct {
	// ID is a stable identifier, such as "be-accounting-supporting-documents".
	ID string
	// Country is the ISO 3166-1 alpha-2 code of the state whose law it is.
	Country string
	// Kind says whether the law requires a minimum, allows a maximum or sets
	// a limitation period.
	Kind StatuteKind
	// Subject says which records the rule is about, in English.
	Subject string
	// Min is the shortest period the law requires records to be kept; zero
	// unless Kind is DutyToKeep.
	Min Period
	// Max is the longest period the law allows them to be kept; zero unless
	// Kind is MaximumHold.
	Max Period
	// Limitation is the period after which legal claims are barred; zero
	// unless Kind is LimitationPeriod. It is neither a minimum nor a maximum
	// of retention.
	Limitation Period
	// Counted says from when the period runs, as the law puts it.
	Counted string
	// Law cites the provision.
	Law string
	// Source names where the figure was confirmed.
	Source string
	// Confidence says how the figure was confirmed.
	Confidence Confidence
	// From is the first day on which the rule is known to hold: its entry
	// into force where the source gives it, otherwise the date of the source.
	From time.Time
	// FromIsSourceDate is true where From is the date of the source, not the
	// entry into force (the rule may have held earlier).
	FromIsSourceDate bool
	// Until is the last day on which the rule held; zero while it holds.
	Until time.Time
	// cites matches the ways a register cites the provision.
	cites *regexp.Regexp
	// needles are texts of which a citation holds at least one; they spare
	// the regular expression on most citations.
	needles []string
}

// CitedBy reports whether a citation, as a register writes it ("art. III.86
// WER", "Camerawet"), names this rule's provision.
func (s Statute) CitedBy(citation string) bool {
	if s.cites == nil {
		return false
	}
	for _, n := range s.needles {
		if strings.Contains(citation, n) {
			return s.cites.MatchString(citation)
		}
	}
	return false
}

// HoldsOn reports whether the rule is known to hold on day d.
func (s Statute) HoldsOn(d time.Time) bool {
	if d.Before(s.From) {
		return false
	}
	return s.Until.IsZero() || !d.After(s.Until)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// statutes is the table of statutory periods that Belgian and Dutch
// registers cite. A figure that could not be confirmed is left out: the
// Belgian rule on call recordings (art. 128 of the Act of 13 June 2005 on
// electronic communications) and the Dutch civil-law terms of art. 2:10 and
// 3:15i BW are not in it.
var statutes = []Statute{
	{
		ID: "be-accounting-supporting-documents", Country: "BE", Kind: DutyToKeep,
		Subject: "accounting supporting documents (verantwoordingsstukken)",
		Min:     Period{Years: 7},
		Law:     "Art. III.86 Code of Economic Law (Wetboek van economisch recht)",
		Source:  "text of art. III.86 as quoted by forumforthefuture.be, 'Bewaartermijn van archieven: 7 of 10 jaar?'; 7 years since arts. 55-56 of the Act of 8 June 2008 (BS 16 June 2008, in force 26 June 2008), which shortened the 10 years of art. 6 of the Act of 17 July 1975 (refibo.be; IEC-IAB, 'Bewaringstermijn van de boekhoudstukken', 2 July 2008)",
		Counted: "from the date of the document", Confidence: Secondary,
		From:    day(2008, time.June, 26),
		needles: []string{"86"},
		cites:   cites(`III\.86`),
	},
	{
		ID: "be-accounting-books", Country: "BE", Kind: DutyToKeep,
		Subject: "accounting books (boekhouding)",
		Min:     Period{Years: 7},
		Law:     "Art. III.88 Code of Economic Law",
		Source:  "text of art. III.88 as quoted by forumforthefuture.be, 'Bewaartermijn van archieven: 7 of 10 jaar?'; 7 years from 1 January after the close since the Act of 8 June 2008, in force 26 June 2008, which shortened the 10 years of art. 8 §2 of the Act of 17 July 1975 (IEC-IAB, 'Bewaringstermijn van de boekhoudstukken', 2 July 2008)",
		Counted: "from 1 January of the year after the close of the financial year", Confidence: Secondary,
		From:    day(2008, time.June, 26),
		needles: []string{"88"},
		cites:   cites(`III\.88`),
	},
	{
		ID: "be-income-tax-records", Country: "BE", Kind: DutyToKeep,
		Subject: "books and documents relevant for income tax",
		Min:     Period{Years: 10},
		Law:     "Art. 315 WIB 92 as amended by the Act of 20 November 2022 (BS 30 November 2022)",
		Source:  "forumforthefuture.be; Embuild Antwerpen, 'Bewaartermijn van uw boekhouding wordt verlengd van zeven naar tien jaar'",
		Counted: "from assessment year 2023", Confidence: Secondary,
		From:    day(2023, time.January, 1),
		needles: []string{"315"},
		cites:   cites(`\b315\b.*(WIB|CIR)|(WIB|CIR).*\b315\b`),
	},
	{
		ID: "be-vat-records", Country: "BE", Kind: DutyToKeep,
		Subject: "VAT records and invoices",
		Min:     Period{Years: 10},
		Law:     "Art. 60 §4 VAT Code (WBTW) as amended by the Act of 20 November 2022",
		Source:  "Embuild Antwerpen, 'Bewaartermijn van uw boekhouding wordt verlengd van zeven naar tien jaar'",
		Counted: "for invoices that became exigible from 1 January 2023", Confidence: Secondary,
		From:    day(2023, time.January, 1),
		needles: []string{"60"},
		cites:   cites(`\b60\b.*§ ?4.*(WBTW|BTW|TVA|VAT)|(WBTW|BTW|TVA|VAT).*\b60\b.*§ ?4`),
	},
	{
		ID: "be-social-documents", Country: "BE", Kind: DutyToKeep,
		Subject: "social documents (personnel register, individual account)",
		Min:     Period{Years: 5},
		Law:     "Arts. 2, 16 and 25 Royal Decree of 8 August 1980 on keeping social documents",
		Source:  "Securex Lex4You (updated 1 August 2023); Merak knowledge centre, 'Archiving social documents'",
		Counted: "from the last entry or the end of employment", Confidence: Secondary,
		From: day(2023, time.August, 1), FromIsSourceDate: true,
		needles: []string{"1980"},
		cites:   cites(`8 (august|augustus|août) 1980`),
	},
	{
		ID: "be-cctv-images", Country: "BE", Kind: MaximumHold,
		Subject: "surveillance camera images",
		Max:     Period{Months: 1},
		Law:     "Camerawet (Act of 21 March 2007 on surveillance cameras)",
		Source:  "Gegevensbeschermingsautoriteit, 'De bewaartermijn van de beelden': at most one month, unless the images help prove an offence, damage or nuisance or identify a perpetrator, witness or victim; up to three months for places designated by the King. The page is the authority's, which bears that name since 25 May 2018; the entry into force of the rule itself was not confirmed",
		Counted: "from the recording", Confidence: Verified,
		From: day(2018, time.May, 25), FromIsSourceDate: true,
		needles: []string{"amera", "AMERA", "améra", "AMÉRA", "2007"},
		cites:   cites(`camerawet|loi cam[ée]ras?|21 (march|maart|mars) 2007`),
	},
	{
		ID: "be-limitation-personal-actions", Country: "BE", Kind: LimitationPeriod,
		Subject:    "limitation of personal legal actions (claims)",
		Limitation: Period{Years: 10},
		Law:        "Art. 2262bis §1 (old) Civil Code, inserted by the Act of 10 June 1998",
		Source:     "text of art. 2262bis §1 (2747.com, Belgisch Burgerlijk Wetboek, Boek 3, Titel XX): 'Alle persoonlijke rechtsvorderingen verjaren door verloop van tien jaar'; in force 27 July 1998 per a judgment quoted by wordscope.be",
		Counted:    "from the day after the claim arose", Confidence: Secondary,
		From:    day(1998, time.July, 27),
		needles: []string{"2262"},
		cites:   cites(`2262 ?bis`),
	},
	{
		ID: "be-limitation-real-actions", Country: "BE", Kind: LimitationPeriod,
		Subject:    "limitation of real legal actions (claims in rem)",
		Limitation: Period{Years: 30},
		Law:        "Art. 2262 (old) Civil Code",
		Source:     "text of art. 2262 (2747.com, Belgisch Burgerlijk Wetboek, Boek 3, Titel XX): 'Alle zakelijke rechtsvorderingen verjaren door verloop van dertig jaar'",
		Counted:    "from the day the claim arose", Confidence: Secondary,
		From: day(1998, time.July, 27), FromIsSourceDate: true,
		needles: []string{"2262"},
		cites:   cites(`\b2262\b(?: ?[^ b]|$)`),
	},
	{
		ID: "nl-tax-records", Country: "NL", Kind: DutyToKeep,
		Subject: "books and records relevant for tax (fiscale bewaarplicht)",
		Min:     Period{Years: 7},
		Law:     "Art. 52(4) Algemene wet inzake rijksbelastingen (AWR)",
		Source:  "Besluit Fiscaal Bestuursrecht 2017, §20 (eytaxlaw.nl)",
		Counted: "from the end of the year the record relates to", Confidence: Secondary,
		From: day(2017, time.January, 1), FromIsSourceDate: true,
		needles: []string{"AWR", "awr", "ijksbelasting"},
		cites:   cites(`\bAWR\b|rijksbelastingen`),
	},
}

// Statutes returns the statutory periods known to hold on day d,
// in a fixed order. The slice is a copy: changing it changes nothing here.
func Statutes(d time.Time) []Statute {
	var out []Statute
	for _, s := range statutes {
		if s.HoldsOn(d) {
			out = append(out, s)
		}
	}
	return out
}

// StatutesOf returns the statutory retention rules of a country (ISO 3166-1
// alpha-2, such as "BE") known to hold on day d, in a fixed order; an empty
// country gives those of every country, as Statutes does. The slice is a
// copy.
func StatutesOf(country string, d time.Time) []Statute {
	var out []Statute
	for i := range statutes {
		if s := &statutes[i]; (country == "" || s.Country == country) && s.HoldsOn(d) {
			out = append(out, *s)
		}
	}
	return out
}

// AllStatutes returns every row of the table, whatever its dates.
func AllStatutes() []Statute { return append([]Statute(nil), statutes...) }

// LookupStatute returns the rule with the given ID.
func LookupStatute(id string) (Statute, bool) {
	for _, s := range statutes {
		if s.ID == id {
			return s, true
		}
	}
	return Statute{}, false
}
