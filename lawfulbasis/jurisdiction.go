package lawfulbasis

import (
	"strings"
	"time"
)

// GDPRApplies is the day from which the GDPR applies (Art. 99(2) GDPR).
var GDPRApplies = day(2018, time.May, 25)

// Membership is a period in which a country belonged to the European
// Economic Area for the purposes of the GDPR, so that sending data there is
// not a transfer under Chapter V.
type Membership struct {
	Country string // ISO 3166-1 alpha-2
	// PartOf is, for a territory with a code of its own that is part of a
	// member state (an outermost region, Åland), that state's code; empty for
	// a state.
	PartOf string
	// From is the first day recorded. The table starts when the GDPR began to
	// apply; membership itself is older.
	From time.Time
	// Until is the last day; zero while the country belongs.
	Until      time.Time
	Note       string
	Source     string
	Confidence Confidence
}

const euSource = "legal-facts reference §4 (EU-27 and EEA-EFTA members with their ISO 3166-1 codes)"

var eea = func() []Membership {
	var out []Membership
	for _, c := range strings.Fields("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE") {
		out = append(out, Membership{Country: c, From: GDPRApplies, Note: "EU member state", Source: euSource, Confidence: Secondary})
	}
	for _, c := range []string{"IS", "LI", "NO"} {
		out = append(out, Membership{Country: c, From: GDPRApplies,
			Note:   "EEA-EFTA state; the GDPR entered into force there on 20 July 2018, Directive 95/46/EC applying until then, so data flowed freely throughout",
			Source: "EFTA, 'General Data Protection Regulation (GDPR) entered into force in the EEA', 19 July 2018", Confidence: Verified})
	}
	for _, t := range euTerritories {
		out = append(out, Membership{Country: t.code, PartOf: t.state, From: GDPRApplies, Note: t.note, Source: t.source, Confidence: Verified})
	}
	out = append(out, Membership{Country: "GB", From: GDPRApplies, Until: day(2020, time.December, 31),
		Note:   "left the EU on 31 January 2020; Union law, the GDPR included, applied until the end of the transition period on 31 December 2020",
		Source: euSource, Confidence: Secondary})
	return out
}()

const outermostSource = "EUR-Lex summary 'Outermost regions' (nine outermost regions, an integral part of the EU); Art. 349 TFEU (consolidated version, OJ C 326, 26.10.2012)"

// euTerritories are the parts of member states inside the EU that have an
// ISO 3166-1 code of their own. The Azores, Madeira and the Canary Islands,
// outermost regions too, have none (they are PT and ES). Overseas countries
// and territories (Art. 355(2) TFEU, such as French Polynesia) and the Faroe
// Islands are outside the EU and not listed.
var euTerritories = []struct{ code, state, note, source string }{
	{"GF", "FR", "French Guiana, an outermost region of the EU (Art. 349 and 355(1) TFEU)", outermostSource},
	{"GP", "FR", "Guadeloupe, an outermost region of the EU (Art. 349 and 355(1) TFEU)", outermostSource},
	{"MQ", "FR", "Martinique, an outermost region of the EU (Art. 349 and 355(1) TFEU)", outermostSource},
	{"RE", "FR", "Réunion, an outermost region of the EU (Art. 349 and 355(1) TFEU)", outermostSource},
	{"YT", "FR", "Mayotte, an outermost region of the EU since 1 January 2014 (European Council Decision 2012/419/EU), before that an overseas country or territory",
		outermostSource + "; European Council Decision 2012/419/EU of 11 July 2012, OJ L 204, 31.7.2012, p. 131"},
	{"MF", "FR", "Saint-Martin, an outermost region of the EU named in Art. 349 TFEU since the Treaty of Lisbon (Saint-Barthélemy, BL, left the EU on 1 January 2012 and is not listed)", outermostSource},
	{"AX", "FI", "Åland, to which the Treaties apply with the derogations of Protocol No 2 to the 1994 Act of Accession (Art. 355(4) TFEU); the derogations concern property, establishment and indirect taxes, not data protection",
		"Protocol No 2 on the Åland Islands, OJ C 241, 29.8.1994, p. 352 (EUR-Lex 11994N/PRO/02); Art. 355(4) TFEU as quoted by the Åland Cultural Foundation"},
}

// EEAMembers returns the membership table.
func EEAMembers() []Membership { return append([]Membership(nil), eea...) }

// InEEA reports whether country (ISO 3166-1 alpha-2) belonged to the EEA on
// day d for the purposes of the GDPR. known is false for a day before the
// GDPR applied, which the table does not cover. "EL", the EU's code for
// Greece, is read as "GR", and "UK" as "GB". The outermost regions with a
// code of their own (GF, GP, MQ, RE, YT, MF) and Åland (AX) are in the EU,
// hence in the EEA.
func InEEA(country string, d time.Time) (member, known bool) {
	if d.Before(GDPRApplies) {
		return false, false
	}
	return membershipOn(canonicalCountry(country), d) != nil, true
}

// membershipOn returns the row that places country (canonical) in the EEA on
// day d, or nil.
func membershipOn(country string, d time.Time) *Membership {
	for i := range eea {
		if m := &eea[i]; m.Country == country && within(d, m.From, m.Until) {
			return m
		}
	}
	return nil
}

func canonicalCountry(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	switch c {
	case "EL":
		return "GR"
	case "UK":
		return "GB"
	}
	return c
}

// Scope limits an adequacy decision to some recipients in its country.
type Scope string

// The scope limits of adequacy decisions.
const (
	// WholeCountry: the decision covers every recipient in the country.
	WholeCountry Scope = ""
	// DPFList: only US organisations on the Data Privacy Framework List.
	DPFList Scope = "dpf-list"
	// PIPEDA: only Canadian recipients subject to PIPEDA (commercial organisations).
	PIPEDA Scope = "pipeda"
	// APPI: only Japanese personal information handling business operators under the APPI (private sector).
	APPI Scope = "appi"
	// PIPA: only Korean entities subject to PIPA with the Supplementary Rules.
	PIPA Scope = "pipa"
	// LGPD: only Brazilian controllers and processors subject to the LGPD.
	LGPD Scope = "lgpd"
)

var scopeWords = map[Scope]string{
	DPFList: "organisations on the Data Privacy Framework List kept by the US Department of Commerce",
	PIPEDA:  "recipients subject to the Personal Information Protection and Electronic Documents Act (PIPEDA), that is commercial organisations",
	APPI:    "personal information handling business operators under the Act on the Protection of Personal Information (private sector)",
	PIPA:    "entities subject to the Personal Information Protection Act and the Supplementary Rules",
	LGPD:    "controllers and processors subject to the Lei Geral de Proteção de Dados (LGPD)",
}

// Scopes lists the scope limits of adequacy decisions (not WholeCountry).
func Scopes() []Scope { return []Scope{DPFList, PIPEDA, APPI, PIPA, LGPD} }

// Valid reports whether s is one of the scope limits.
func (s Scope) Valid() bool { _, ok := scopeWords[s]; return ok }

// Describe says in English which recipients the scope covers.
func (s Scope) Describe() string {
	if s == WholeCountry {
		return "every recipient in the country"
	}
	return scopeWords[s]
}

// Decision is a period in which an adequacy decision covered a country or an
// international organisation (Art. 45 GDPR, or Art. 25(6) of Directive
// 95/46/EC kept in force by Art. 45(9)).
type Decision struct {
	// Country is the ISO 3166-1 alpha-2 code; empty for an international organisation.
	Country string
	// Organisation names an international organisation; empty for a country.
	Organisation string
	Instrument   string
	Adopted      time.Time
	// From is the first day of this period of the decision.
	From time.Time
	// Until is the last day of this period; zero while it holds.
	Until time.Time
	Scope Scope
	// PrivateSectorOnly is set where the decision does not cover public
	// authorities of the country, so that a public-authority recipient is
	// outside it whatever the register states.
	PrivateSectorOnly bool
	Note              string
	Source            string
	Confidence        Confidence
}

// Covers reports whether the decision is in force on day d.
func (dec Decision) Covers(d time.Time) bool {
	return !d.Before(dec.From) && (dec.Until.IsZero() || !d.After(dec.Until))
}

const adequacyPage = "European Commission, 'Adequacy decisions' page; legal-facts reference §1.1"

var decisions = []Decision{
	{Country: "CH", Instrument: "Commission Decision 2000/518/EC", Adopted: day(2000, time.July, 26), From: day(2000, time.July, 26), Source: adequacyPage, Confidence: Secondary},
	{Country: "CA", Instrument: "Commission Decision 2002/2/EC", Adopted: day(2001, time.December, 20), From: day(2001, time.December, 20), Scope: PIPEDA, PrivateSectorOnly: true,
		Note: "the public sector is not covered (the Commission lists Canada for commercial organisations)", Source: adequacyPage + "; CNPD Luxembourg list", Confidence: Secondary},
	{Country: "AR", Instrument: "Commission Decision 2003/490/EC", Adopted: day(2003, time.June, 30), From: day(2003, time.June, 30), Source: adequacyPage, Confidence: Secondary},
	{Country: "GG", Instrument: "Commission Decision 2003/821/EC", Adopted: day(2003, time.November, 21), From: day(2003, time.November, 21), Source: adequacyPage, Confidence: Secondary},
	{Country: "IM", Instrument: "Commission Decision 2004/411/EC", Adopted: day(2004, time.April, 28), From: day(2004, time.April, 28), Source: adequacyPage, Confidence: Secondary},
	{Country: "JE", Instrument: "Commission Decision 2008/393/EC", Adopted: day(2008, time.May, 8), From: day(2008, time.May, 8), Source: adequacyPage, Confidence: Secondary},
	{Country: "FO", Instrument: "Commission Decision 2010/146/EU", Adopted: day(2010, time.March, 5), From: day(2010, time.March, 5), Source: adequacyPage, Confidence: Secondary},
	{Country: "AD", Instrument: "Commission Decision 2010/625/EU", Adopted: day(2010, time.October, 19), From: day(2010, time.October, 19), Source: adequacyPage, Confidence: Secondary},
	{Country: "IL", Instrument: "Commission Decision 2011/61/EU", Adopted: day(2011, time.January, 31), From: day(2011, time.January, 31),
		Note: "covers automated international transfers, and non-automated transfers subject to further automated processing in Israel", Source: adequacyPage, Confidence: Secondary},
	{Country: "UY", Instrument: "Commission Implementing Decision 2012/484/EU", Adopted: day(2012, time.August, 21), From: day(2012, time.August, 21), Source: adequacyPage, Confidence: Secondary},
	{Country: "NZ", Instrument: "Commission Implementing Decision 2013/65/EU", Adopted: day(2012, time.December, 19), From: day(2012, time.December, 19), Source: adequacyPage, Confidence: Secondary},
	{Country: "JP", Instrument: "Commission Implementing Decision (EU) 2019/419", Adopted: day(2019, time.January, 23), From: day(2019, time.January, 23), Scope: APPI, PrivateSectorOnly: true,
		Note:   "the public sector is not covered: recital 10 limits the finding to personal information handling business operators under the APPI",
		Source: adequacyPage + "; recital 10 of the decision; Commission staff working document SWD(2023) 75 on its first review", Confidence: Secondary},
	{Country: "KR", Instrument: "Commission Implementing Decision (EU) 2022/254", Adopted: day(2021, time.December, 17), From: day(2021, time.December, 17), Scope: PIPA,
		Note:   "covers commercial operators and public authorities, except religious organisations for their missionary activities, political parties for the nomination of candidates and personal credit information processed under the oversight of the Financial Services Commission",
		Source: adequacyPage + "; Commission Q&A on the adoption of the decision (17 December 2021); CNPD Luxembourg news of December 2021", Confidence: Secondary},
	{Country: "GB", Instrument: "Commission Implementing Decision (EU) 2021/1772", Adopted: day(2021, time.June, 28), From: day(2021, time.June, 28), Until: day(2025, time.June, 27),
		Note: "first period; Art. 1(2) excluded data transferred for UK immigration control", Source: "legal-facts reference §1.2 (DPO Centre, ITPro)", Confidence: Secondary},
	{Country: "GB", Instrument: "Commission Implementing Decision amending Implementing Decision (EU) 2021/1772 (technical extension of June 2025)", Adopted: day(2025, time.June, 24), From: day(2025, time.June, 28), Until: day(2025, time.December, 27),
		Note: "six-month technical extension; the number of the amending decision was not confirmed", Source: "legal-facts reference §1.2 (parallel LED extension, Implementing Decision (EU) 2025/1225, OJ 26.6.2025)", Confidence: Secondary},
	{Country: "GB", Instrument: "Commission Implementing Decision amending Implementing Decision (EU) 2021/1772, C(2025) 8771 final (renewal)", Adopted: day(2025, time.December, 19), From: day(2025, time.December, 28), Until: day(2031, time.December, 27),
		Note: "renewal until 27 December 2031; the immigration-control exclusion was removed", Source: "legal-facts reference §1.2 (DPO Centre, ITPro, security.nl)", Confidence: Secondary},
	{Country: "US", Instrument: "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)", Adopted: day(2023, time.July, 10), From: day(2023, time.July, 10), Scope: DPFList, PrivateSectorOnly: true,
		Note: "covers organisations on the List, which are subject to the jurisdiction of the Federal Trade Commission or the Department of Transportation; action for annulment dismissed by the General Court on 3 September 2025 (T-553/23); appeal C-703/25 P pending", Source: "legal-facts reference §1.1 (OJ L 231; CNPD Luxembourg list)", Confidence: Verified},
	{Organisation: "European Patent Organisation", Instrument: "Commission Implementing Decision (EU) 2025/1382", Adopted: day(2025, time.July, 15), From: day(2025, time.July, 15),
		Note: "the first adequacy decision for an international organisation", Source: "legal-facts reference §1.1 (OJ L 2025/1382 of 18.7.2025; EPO news)", Confidence: Verified},
	{Country: "BR", Instrument: "Commission Implementing Decision (EU) 2026/179", Adopted: day(2026, time.January, 26), From: day(2026, time.January, 26), Scope: LGPD,
		Note: "covers controllers and processors of the public and the private sector subject to the LGPD; the LGPD excludes public safety, national defence, state security and criminal investigation; incorporation into the EEA Agreement was pending in May 2026", Source: "legal-facts reference §1.1 (OJ of 28.1.2026 via europalov.no); EUR-Lex 32026D0179; Baker Botts, 'EU issues adequacy decision for Brazil' (public and private sector)", Confidence: Verified},
}

// Decisions returns the table of adequacy decisions, past and present.
func Decisions() []Decision { return append([]Decision(nil), decisions...) }

// ConsentAge is the age of digital consent in a member state (Art. 8(1)
// GDPR): the age below which consent to an information society service
// offered directly to a child needs the holder of parental responsibility.
type ConsentAge struct {
	Country string
	Age     int
	// From is the first day on which the age is known to hold: the entry into
	// force of the national provision where the source gives it, otherwise the
	// date of the source (FromIsSourceDate).
	From             time.Time
	FromIsSourceDate bool
	// Until is the last day; zero while it holds.
	Until      time.Time
	Provision  string
	Source     string
	Confidence Confidence
}

// The Commission's two-year evaluation of the GDPR, SWD(2020) 115 of 24 June 2020.
const swd = "Commission staff working document SWD(2020) 115, p. 17, as tabulated at blog.kuan0.com (2020-06)"
const birdBird = "Bird & Bird GDPR tracker, 'Children'"

var swdDate = day(2020, time.June, 24)

// consentAges holds the ages the sources confirm. Slovenia and Iceland are
// left out: their ages could not be confirmed.
var consentAges = []ConsentAge{
	{Country: "AT", Age: 14, From: swdDate, FromIsSourceDate: true, Provision: "§ 4(4) DSG", Source: birdBird, Confidence: Secondary},
	{Country: "BE", Age: 13, From: day(2018, time.September, 5), Provision: "Art. 7 Act of 30 July 2018", Source: "lexgo.be; " + birdBird, Confidence: Secondary},
	{Country: "BG", Age: 14, From: swdDate, FromIsSourceDate: true, Source: swd, Confidence: Secondary},
	{Country: "HR", Age: 16, From: swdDate, FromIsSourceDate: true, Source: swd, Confidence: Secondary},
	{Country: "CY", Age: 14, From: swdDate, FromIsSourceDate: true, Provision: "Law 125(I)/2018", Source: swd, Confidence: Secondary},
	{Country: "CZ", Age: 15, From: swdDate, FromIsSourceDate: true, Provision: "§ 7 Act 110/2019", Source: birdBird, Confidence: Secondary},
	{Country: "DK", Age: 13, From: swdDate, FromIsSourceDate: true, Until: day(2023, time.December, 31), Provision: "§ 6 Databeskyttelsesloven", Source: swd, Confidence: Secondary},
	{Country: "DK", Age: 15, From: day(2024, time.January, 1), Provision: "§ 6 Databeskyttelsesloven as amended in December 2023", Source: "gapsolutions.dk; unitas.consulting", Confidence: Secondary},
	{Country: "EE", Age: 13, From: swdDate, FromIsSourceDate: true, Source: swd, Confidence: Secondary},
	{Country: "FI", Age: 13, From: swdDate, FromIsSourceDate: true, Provision: "Data Protection Act 1050/2018", Source: birdBird, Confidence: Secondary},
	{Country: "FR", Age: 15, From: swdDate, FromIsSourceDate: true, Provision: "Loi 78-17 (Informatique et Libertés); under 15, consent of the child and the holder of parental responsibility", Source: birdBird, Confidence: Secondary},
	{Country: "DE", Age: 16, From: GDPRApplies, Provision: "no national derogation: Art. 8(1) GDPR", Source: birdBird, Confidence: Secondary},
	{Country: "GR", Age: 15, From: swdDate, FromIsSourceDate: true, Provision: "Art. 21 Law 4624/2019", Source: swd, Confidence: Secondary},
	{Country: "HU", Age: 16, From: swdDate, FromIsSourceDate: true, Provision: "no national derogation: Art. 8(1) GDPR", Source: swd, Confidence: Secondary},
	{Country: "IE", Age: 16, From: swdDate, FromIsSourceDate: true, Provision: "s. 31 Data Protection Act 2018", Source: birdBird, Confidence: Secondary},
	{Country: "IT", Age: 14, From: swdDate, FromIsSourceDate: true, Provision: "Art. 2-quinquies Codice in materia di protezione dei dati personali", Source: birdBird, Confidence: Secondary},
	{Country: "LV", Age: 13, From: swdDate, FromIsSourceDate: true, Source: swd, Confidence: Secondary},
	{Country: "LT", Age: 14, From: swdDate, FromIsSourceDate: true, Source: swd + " (another list gives 16)", Confidence: Secondary},
	{Country: "LU", Age: 16, From: swdDate, FromIsSourceDate: true, Provision: "no national derogation: Art. 8(1) GDPR", Source: swd, Confidence: Secondary},
	{Country: "MT", Age: 13, From: swdDate, FromIsSourceDate: true, Source: swd, Confidence: Secondary},
	{Country: "NL", Age: 16, From: GDPRApplies, Provision: "no national derogation (UAVG): Art. 8(1) GDPR", Source: birdBird, Confidence: Secondary},
	{Country: "PL", Age: 16, From: swdDate, FromIsSourceDate: true, Provision: "no national derogation: Art. 8(1) GDPR", Source: swd, Confidence: Secondary},
	{Country: "PT", Age: 13, From: swdDate, FromIsSourceDate: true, Provision: "Art. 16 Law 58/2019", Source: swd + " (another list gives 16)", Confidence: Secondary},
	{Country: "RO", Age: 16, From: swdDate, FromIsSourceDate: true, Provision: "no national derogation: Art. 8(1) GDPR", Source: swd, Confidence: Secondary},
	{Country: "SK", Age: 16, From: swdDate, FromIsSourceDate: true, Source: birdBird, Confidence: Secondary},
	{Country: "ES", Age: 14, From: swdDate, FromIsSourceDate: true, Provision: "Art. 7 Ley Orgánica 3/2018 (LOPDGDD); a bill to raise it to 16 was pending in 2025", Source: swd, Confidence: Secondary},
	{Country: "NO", Age: 13, From: day(2018, time.July, 20), Provision: "personopplysningsloven of 2018, in force 20 July 2018; a bill of 2025 proposed raising the age to 15",
		Source: "Datatilsynet, 'Barn og unge forbrukere' (parents consent for children under 13 to information society services); Barnevakten on the entry into force; Advokatforeningen's consultation response of October 2025", Confidence: Verified},
	{Country: "LI", Age: 16, From: day(2024, time.January, 1), FromIsSourceDate: true, Provision: "Art. 8(1) GDPR; the Datenschutzgesetz in force since 1 January 2019",
		Source: "Datenschutzstelle Liechtenstein, 'Aktuelles aus der Datenschutzstelle 1/2024' (dss.llv.li): consent to information society services from the age of 16", Confidence: Verified},
	{Country: "SE", Age: 13, From: swdDate, FromIsSourceDate: true, Source: birdBird, Confidence: Secondary},
}

// ConsentAges returns the table of ages of digital consent.
func ConsentAges() []ConsentAge { return append([]ConsentAge(nil), consentAges...) }

// DigitalConsentAge returns the age of digital consent in a member state on
// day d. ok is false where the table holds no confirmed age for that state
// and day.
func DigitalConsentAge(country string, d time.Time) (age ConsentAge, ok bool) {
	country = canonicalCountry(country)
	for _, a := range consentAges {
		if a.Country == country && !d.Before(a.From) && (a.Until.IsZero() || !d.After(a.Until)) {
			return a, true
		}
	}
	return ConsentAge{}, false
}
