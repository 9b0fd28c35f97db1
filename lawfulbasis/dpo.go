package lawfulbasis

import "time"

// DPORequirement is a rule of national law that requires a data protection
// officer beyond Art. 37(1) GDPR (as Art. 37(4) allows).
type DPORequirement struct {
	Country   string // ISO 3166-1 alpha-2
	Provision string
	// Persons is the number of persons, as a rule constantly engaged in the
	// automated processing of personal data, from which a DPO is required;
	// 0 where the rule applies whatever their number.
	Persons int
	// Rule says in English when the provision requires a DPO.
	Rule string
	// From and Until are the first and last days of the rule; Until is zero
	// while it holds. The table starts when the GDPR began to apply.
	From, Until time.Time
	Note        string
	Source      string
	Confidence  Confidence
}

const bdsg38Text = "text of § 38 BDSG (dsgvo-online.net; gdpr.berlin, with an English translation)"

var dpoRequirements = []DPORequirement{
	{Country: "DE", Provision: "§ 38(1), first sentence, BDSG (2018)", Persons: 10,
		Rule: "controllers and processors that as a rule constantly employ at least 10 persons in the automated processing of personal data designate a DPO",
		From: GDPRApplies, Until: day(2019, time.November, 25),
		Note:   "the BDSG of 2018 kept the threshold of § 4f of the former BDSG for automated processing and dropped its threshold of 20 for other processing",
		Source: "Haufe, Deutsches Anwalt Office Premium, 'weitergehende Verpflichtungen in § 38 BDSG-neu', Rz. 142-143", Confidence: Secondary},
	{Country: "DE", Provision: "§ 38(1), first sentence, BDSG as amended by the Zweites Datenschutz-Anpassungs- und Umsetzungsgesetz EU (BGBl. I Nr. 41 of 25 November 2019)", Persons: 20,
		Rule:       "controllers and processors that as a rule constantly employ at least 20 persons in the automated processing of personal data designate a DPO",
		From:       day(2019, time.November, 26),
		Note:       "the amending law raised the threshold from 10 to 20 with effect from 26 November 2019",
		Source:     "dsgvo-portal.de, 'Zweites Datenschutz-Anpassungs- und Umsetzungsgesetz' (BGBl. I Nr. 41 of 25.11.2019, in force 26.11.2019); " + bdsg38Text,
		Confidence: Secondary},
	{Country: "DE", Provision: "§ 38(1), second sentence, BDSG", Persons: 0,
		Rule:   "controllers and processors that carry out processing subject to a data protection impact assessment (Art. 35 GDPR), or that process personal data commercially for transfer, anonymised transfer or market or opinion research, designate a DPO whatever the number of persons",
		From:   day(2019, time.November, 26),
		Note:   "the table starts with the wording in force since 26 November 2019; the wording of 2018 was not checked",
		Source: bdsg38Text, Confidence: Secondary},
}

// DPORequirements returns the table of national rules requiring a DPO.
func DPORequirements() []DPORequirement { return append([]DPORequirement(nil), dpoRequirements...) }

// NationalDPORequirements returns the national rules of country (ISO
// 3166-1 alpha-2) that require a DPO beyond Art. 37(1) GDPR on day d, in
// the order of the table; none where the table holds none for that day.
func NationalDPORequirements(country string, d time.Time) []DPORequirement {
	c := canonicalCountry(country)
	var out []DPORequirement
	for _, r := range dpoRequirements {
		if r.Country == c && within(d, r.From, r.Until) {
			out = append(out, r)
		}
	}
	return out
}
