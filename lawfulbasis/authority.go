package lawfulbasis

import "time"

// AuthorityName is the name, postal address and website of a supervisory
// authority in one language.
type AuthorityName struct {
	// Lang is the BCP 47 code of the language ("nl", "fr", "de", "en").
	Lang string
	Name string
	// Address is the postal address the source gives; empty where none was
	// confirmed (see the row's Note).
	Address string
	Website string
}

// SupervisoryAuthority is the supervisory authority of an EEA country (Art.
// 51 GDPR) with which a data subject may lodge a complaint (Art. 13(2)(d),
// 14(2)(e) and 77 GDPR).
type SupervisoryAuthority struct {
	Country string // ISO 3166-1 alpha-2
	// Local holds the name in the country's own language or languages.
	Local []AuthorityName
	// English holds the name the authority uses in English; empty where it
	// was not confirmed.
	English AuthorityName
	// Competence says which bodies the authority supervises where it is not
	// the only authority of the country; empty where it is.
	Competence string
	// From is the first day recorded (the day the GDPR began to apply, or
	// the date of the source where a name may have changed before it); Until
	// is the last day, zero while the row holds.
	From, Until time.Time
	Note        string
	Source      string
	Confidence  Confidence
}

var authorities = []SupervisoryAuthority{
	{Country: "BE",
		Local: []AuthorityName{
			{"nl", "Gegevensbeschermingsautoriteit", "Drukpersstraat 35, 1000 Brussel", "https://www.gegevensbeschermingsautoriteit.be"},
			{"fr", "Autorité de protection des données", "Rue de la Presse 35, 1000 Bruxelles", "https://www.autoriteprotectiondonnees.be"},
		},
		English:    AuthorityName{"en", "Data Protection Authority", "Rue de la Presse 35, 1000 Brussels", "https://www.dataprotectionauthority.be"},
		From:       GDPRApplies,
		Note:       "established by the Act of 3 December 2017 as the successor of the Commission for the Protection of Privacy; complaints are accepted in Dutch, French or German",
		Source:     "the authority's pages 'Klacht indienen' (gegevensbeschermingsautoriteit.be), 'Introduire une plainte' (autoriteprotectiondonnees.be) and 'Privacy statement' (dataprotectionauthority.be)",
		Confidence: Verified},
	{Country: "NL",
		Local:      []AuthorityName{{"nl", "Autoriteit Persoonsgegevens", "Postbus 93374, 2509 AJ Den Haag", "https://www.autoriteitpersoonsgegevens.nl"}},
		English:    AuthorityName{"en", "Autoriteit Persoonsgegevens", "PO Box 93374, 2509 AJ The Hague", "https://www.autoriteitpersoonsgegevens.nl/en"},
		From:       GDPRApplies,
		Source:     "the authority's English page 'Dissatisfied with the AP' (PO Box 93374, 2509 AJ The Hague); its letterhead in a fine decision of 11 May 2021 (Postbus 93374, 2509 AJ Den Haag)",
		Confidence: Verified},
	{Country: "FR",
		Local:      []AuthorityName{{"fr", "Commission nationale de l'informatique et des libertés (CNIL)", "3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", "https://www.cnil.fr"}},
		From:       GDPRApplies,
		Note:       "the address is the one given for post in 2023; an older cnil.fr page gives 8 rue Vivienne, CS 30223, 75083 Paris Cedex 02",
		Source:     "dpo-partage.fr, 'Comment joindre la CNIL' (2023); cnil.fr complaint pages",
		Confidence: Secondary},
	{Country: "DE",
		Local:      []AuthorityName{{"de", "Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)", "Graurheindorfer Straße 153, 53117 Bonn", "https://www.bfdi.bund.de"}},
		Competence: "the federal authority: it supervises the public bodies of the Federation and the companies that provide telecommunications or postal services or fall under the Security Clearance Check Act; for most private companies, associations and freelancers the data protection authority of the Land where the body is established is competent, and the Länder authorities supervise the public bodies of the Länder",
		From:       GDPRApplies,
		Note:       "Germany has one federal and several Land supervisory authorities (and separate ones for broadcasting, the press and the churches); the table does not yet hold the Land authorities, so a notice for a private body must name the authority of its Land",
		Source:     "BfDI, 'Zuständigkeit des Bundesbeauftragten für den Datenschutz und die Informationsfreiheit (BfDI)' (bfdi.bund.de); address as given by federal bodies' privacy notices (Wasserstraßen- und Schifffahrtsamt Rhein)",
		Confidence: Secondary},
	{Country: "LU",
		Local:      []AuthorityName{{"fr", "Commission nationale pour la protection des données (CNPD)", "15, Boulevard du Jazz, L-4370 Belvaux", "https://cnpd.public.lu"}},
		English:    AuthorityName{"en", "National Data Protection Commission", "15, Boulevard du Jazz, L-4370 Belvaux", "https://cnpd.public.lu/en.html"},
		From:       GDPRApplies,
		Source:     "CNPD, 'Data protection' page of cnpd.public.lu (contact details of the CNPD)",
		Confidence: Verified},
	{Country: "IE",
		Local:      []AuthorityName{{"en", "Data Protection Commission", "", "https://www.dataprotection.ie"}},
		From:       GDPRApplies,
		Note:       "the DPC's data protection statement of August 2023 gives 21 Fitzwilliam Square South, Dublin 2, D02 RD28 and Canal House, Station Road, Portarlington, Co. Laois, R32 AP23; the DPC opened new Dublin headquarters on 31 May 2025, whose postal address was not confirmed, so no address is given",
		Source:     "DPC, 'Data Protection Statement' (dataprotection.ie, August 2023); Sharewatch, 'Data protection watchdog moves to new Dublin headquarters' (31 May 2025)",
		Confidence: Verified},
	{Country: "AT",
		Local:      []AuthorityName{{"de", "Österreichische Datenschutzbehörde", "Barichgasse 40-42, 1030 Wien", "https://www.dsb.gv.at"}},
		English:    AuthorityName{"en", "Austrian data protection authority", "Barichgasse 40-42, 1030 Vienna", "https://www.data-protection-authority.gv.at"},
		From:       GDPRApplies,
		Source:     "Datenschutzbehörde, 'Datenschutzerklärung' (dsb.gv.at) and 'Privacy policy' (data-protection-authority.gv.at)",
		Confidence: Verified},
	{Country: "DK",
		Local:      []AuthorityName{{"da", "Datatilsynet", "Carl Jacobsens Vej 35, 2500 Valby", "https://www.datatilsynet.dk"}},
		English:    AuthorityName{"en", "The Danish Data Protection Agency", "Carl Jacobsens Vej 35, 2500 Valby", "https://www.datatilsynet.dk/english"},
		From:       GDPRApplies,
		Source:     "Datatilsynet, English privacy policy 'When you write to us' and contact page (datatilsynet.dk)",
		Confidence: Verified},
	{Country: "SE",
		Local:      []AuthorityName{{"sv", "Integritetsskyddsmyndigheten (IMY)", "Box 8114, 104 20 Stockholm", "https://www.imy.se"}},
		English:    AuthorityName{"en", "Swedish Authority for Privacy Protection", "Box 8114, 104 20 Stockholm", "https://www.imy.se/en"},
		From:       day(2023, time.May, 11),
		Note:       "the row starts on the date of its source because the authority's earlier name was not confirmed",
		Source:     "IMY, 'Om våra e-tjänster inte fungerar' and 'How we process personal data' (imy.se, latest update 11 May 2023)",
		Confidence: Verified},
	{Country: "IS",
		Local:      []AuthorityName{{"is", "Persónuvernd", "", "https://www.personuvernd.is"}},
		English:    AuthorityName{"en", "Data Protection Authority", "Laugavegur 166, 4th floor, 105 Reykjavík", "https://island.is/en/personuvernd-barna"},
		From:       GDPRApplies,
		Note:       "the postal address was confirmed in English only; Act No. 90/2018, which gives effect to the GDPR in Iceland, came into force on 15 July 2018",
		Source:     "Ísland.is, 'Children's rights under the Data Protection Act' (contact details of the Data Protection Authority); GDPRhub's pages of Persónuvernd decisions; White & Case, GDPR guide, Iceland",
		Confidence: Secondary},
}

// SupervisoryAuthorities returns the table of supervisory authorities. It
// holds the EEA countries whose authority could be confirmed; see the
// package documentation for the others.
func SupervisoryAuthorities() []SupervisoryAuthority {
	return append([]SupervisoryAuthority(nil), authorities...)
}

// SupervisoryAuthorityOf returns the supervisory authority of an EEA country
// (ISO 3166-1 alpha-2) on day d. ok is false where the table holds none for
// that country and day. Where Competence is set, other authorities of the
// country are competent for some bodies: a privacy notice must name the one
// competent for its controller.
func SupervisoryAuthorityOf(country string, d time.Time) (a SupervisoryAuthority, ok bool) {
	c := canonicalCountry(country)
	for _, a := range authorities {
		if a.Country == c && within(d, a.From, a.Until) {
			return a, true
		}
	}
	return SupervisoryAuthority{}, false
}
