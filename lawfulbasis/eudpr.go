package lawfulbasis

import (
	"strings"
	"time"
	"unicode"
)

// EUDPRApplies is the day from which Regulation (EU) 2018/1725, the data
// protection regulation for the Union institutions, bodies, offices and
// agencies, applies (it repealed Regulation (EC) No 45/2001). Source: the
// Commission's report COM(2022) 530 on its application, annex, section 1.
var EUDPRApplies = day(2018, time.December, 11)

// EUDPRCounterpart is the provision of Regulation (EU) 2018/1725 that
// corresponds, for a register of a Union institution or body, to a provision
// of the GDPR the checker cites.
//
// A row names the GDPR provision at the level its source confirms the
// counterpart: an article ("Art. 30"), a paragraph ("Art. 30(1)") or a point
// ("Art. 5(1)(c)"). EUDPR is written at the same level or a coarser one: a
// paragraph or point of the GDPR is not assumed to keep its number in the
// Regulation unless the source says so.
type EUDPRCounterpart struct {
	// GDPR is the provision of the GDPR, such as "Art. 30" or "Art. 30(1)".
	GDPR string
	// EUDPR is the counterpart in Regulation (EU) 2018/1725, such as "Art.
	// 31" or "Art. 31(1)"; empty where the Regulation has none, so that a
	// rule resting on the GDPR provision does not apply to such a register.
	EUDPR string
	// From and To are the days the correspondence holds from and to; a zero
	// To: still in force.
	From, To   time.Time
	Note       string
	Source     string
	Confidence Confidence
}

const (
	srcEDPSRecords = "EDPS, 'Records Register' (edps.europa.eu/about/data-protection-within-edps/records-register_en), also FRA and EUISS records registers: " +
		"'All EU institutions have the legal obligation to keep a central register of records of activities processing personal data (Article 31 of Regulation 2018/1725). " +
		"The register shall contain at least the following information (Article 31(1) of the Regulation)', followed by the contents of Art. 30(1) GDPR without a representative"
	srcAIAct     = "Regulation (EU) 2024/1689 (Artificial Intelligence Act), Art. 3(37) and recital 39: 'Article 9(1) of Regulation (EU) 2016/679 ... and Article 10(1) of Regulation (EU) 2018/1725 prohibit the processing of biometric data'"
	srcBG        = "Regulation (EU) 2018/1725, Art. 10, Bulgarian text (exlege.bg/normi/reglament-es-2018-1725): paragraph 1 prohibits the processing of special categories, paragraph 2 lists the exceptions, (a) explicit consent, (b) employment and social security law"
	srcXFSC      = "Eclipse XFSC notarization API specification, requirement CP.NOTAR.E1.00031: 'The data minimization principle is expressed in Article 5(1)(c) of the GDPR and Article 4(1)(c) of Regulation (EU) 2018/1725'"
	srcAcct      = "House of Data Imperiali, 'Accountability in the GDPR' (2024): 'Article 4, EUDPR (Regulation 2018/1725) which states \"The data controller is responsible for compliance with paragraph 1 ... and able to prove it ('accountability')\"'"
	srcEC        = "European Commission privacy statements under Regulation (EU) 2018/1725, section 3 'On what legal ground(s) do we process your personal data?': 'Article 5(1)(a) of Regulation (EU) 2018/1725: this processing is necessary for the performance of a task carried out in the public interest or in the exercise of official authority vested in the Union institution or body'"
	srcProcessor = "Open Risk Manual, 'Data Processor Agreement' (openriskmanual.org/wiki/Data_Processor_Agreement): 'It must meet certain minimum requirements, as set forth by Article 28 of the General Data Protection Regulation and Article 29 of Regulation (EU) 2018/1725'"
	srcDPIA      = "EDPS, 'Survey on Data Protection Impact Assessments under Article 39 of the Regulation' (case 2020-0066): 'Data Protection Impact Assessments (DPIAs) are one of the new accountability tools in Regulation (EU) 2018/1725'; Panelfit guidelines: 'as stated in Article 39 of Regulation 2018/1725'"
	srcECGrounds = "European Commission, privacy statement of its websites (record DPR-EC-00083), 'On what legal ground(s) do we process your personal data': " +
		"'(a) processing is necessary for the performance of a task carried out in the public interest or in the exercise of official authority vested in the Union institution or body (Article 5(1)(a) of the Regulation 2018/1725)' and " +
		"'You have given consent to the processing of your personal data for one or more specific purposes (Article 5(1)(d) of Regulation (EU) 2018/1725)'"
	srcECConsent = "European Commission, privacy statement of its websites (record DPR-EC-00083): 'In compliance with Article 3(15) and Article 7 of Regulation (EU) 2018/1725, the consent must be freely given, specific, informed and unambiguous'; " +
		"European Parliament, privacy policy of the Europe House app: 'To withdraw at any time your consent ... (Article 7 of the Regulation)'"
	srcNoLI = "Trilateral Research, 'New EU Regulation refreshed the legal regime for data processing by European institutions' (25 February 2019): " +
		"'an important one is the different set of lawful bases for processing available to EU institutions. In fact, the new regulation excludes legitimate interest as a viable lawful basis for processing'; " +
		"the grounds the Commission's privacy statements cite are those of Art. 5(1)(a) to (e) of the Regulation"
	srcSecurity = "European Commission, data processing register (commission.europa.eu, Danish version), the contents of a record under Art. 31(1): " +
		"'g) hvis det er muligt, en generel beskrivelse af de tekniske og organisatoriske sikkerhedsforanstaltninger omhandlet i artikel 33' (the security measures referred to in Article 33)"
	srcEDPSTransfers = "EDPS, 'Authorisation Decisions for Transfers' (edps.europa.eu): 'Another possible safeguard is to create 'ad hoc' contractual clauses ... A further possibility is to insert provisions into administrative arrangements between public authorities or bodies ... " +
		"they have to obtain an authorisation from the EDPS before (see Articles 48(3) and 58(3) (e) and (f) of Regulation (EU) 2018/1725). " +
		"Finally, there are derogations for some specific situations (see Article 50 of Regulation (EU) 2018/1725; the European Data Protection Board has analysed the equivalent rules in Article 49 of the GDPR in its Guidelines 2/2018)'"
)

// eudprCounterparts holds the counterparts confirmed from the Regulation, the
// EDPS or Union acts and institutions that cite both regulations side by
// side. The other provisions the checker cites are left out until they are
// checked against a source: Arts. 6(1)(b), (c) and (d) (their points; the
// paragraph is Art. 5(1)), 6(3), 8, 10, 13, 14, 22, 24, 26, 30(2) (its
// paragraph; the article is Art. 31), 37 and, of Chapter V, Arts. 44 and 45
// and the points of Art. 46(2); a finding that rests on one of them keeps
// citing the GDPR.
var eudprCounterparts = []EUDPRCounterpart{
	{GDPR: "Art. 30", EUDPR: "Art. 31", From: EUDPRApplies,
		Note:   "records of processing activities; Union institutions and bodies keep them in a central register",
		Source: srcEDPSRecords, Confidence: Verified},
	{GDPR: "Art. 30(1)", EUDPR: "Art. 31(1)", From: EUDPRApplies,
		Note:   "the contents of the record of a controller; the Regulation lists the same items as the GDPR, without a representative",
		Source: srcEDPSRecords, Confidence: Verified},
	{GDPR: "Art. 30(5)", EUDPR: "", From: EUDPRApplies,
		Note:   "no counterpart: every Union institution or body keeps the record of all its processing, with no exemption for small organisations",
		Source: srcEDPSRecords, Confidence: Verified},
	{GDPR: "Art. 27", EUDPR: "", From: EUDPRApplies,
		Note:   "no counterpart: a Union institution or body has no representative in the Union, and the record of Art. 31(1) names none",
		Source: srcEDPSRecords, Confidence: Verified},
	{GDPR: "Art. 5", EUDPR: "Art. 4", From: EUDPRApplies,
		Note:   "principles relating to processing, accountability included",
		Source: srcAcct, Confidence: ThirdParty},
	{GDPR: "Art. 5(1)", EUDPR: "Art. 4(1)", From: EUDPRApplies,
		Note:   "the principles of processing",
		Source: srcXFSC, Confidence: ThirdParty},
	{GDPR: "Art. 5(1)(c)", EUDPR: "Art. 4(1)(c)", From: EUDPRApplies,
		Note:   "data minimisation",
		Source: srcXFSC, Confidence: ThirdParty},
	{GDPR: "Art. 6(1)(e)", EUDPR: "Art. 5(1)(a)", From: EUDPRApplies,
		Note:   "a task carried out in the public interest or in the exercise of official authority vested in the Union institution or body",
		Source: srcEC, Confidence: Secondary},
	{GDPR: "Art. 6(1)", EUDPR: "Art. 5(1)", From: EUDPRApplies,
		Note:   "the lawful grounds of processing; the Regulation orders them differently: (a) public task, (d) consent",
		Source: srcECGrounds, Confidence: Secondary},
	{GDPR: "Art. 6(1)(a)", EUDPR: "Art. 5(1)(d)", From: EUDPRApplies,
		Note:   "consent",
		Source: srcECGrounds, Confidence: Secondary},
	{GDPR: "Art. 6(1)(f)", EUDPR: "", From: EUDPRApplies,
		Note:   "no counterpart: legitimate interests are not a lawful ground for a Union institution or body",
		Source: srcNoLI, Confidence: Secondary},
	{GDPR: "Art. 7", EUDPR: "Art. 7", From: EUDPRApplies,
		Note:   "conditions for consent, its withdrawal included",
		Source: srcECConsent, Confidence: Secondary},
	{GDPR: "Art. 9", EUDPR: "Art. 10", From: EUDPRApplies,
		Note:   "special categories of personal data",
		Source: srcAIAct, Confidence: Secondary},
	{GDPR: "Art. 9(1)", EUDPR: "Art. 10(1)", From: EUDPRApplies,
		Note:   "the prohibition of processing special categories",
		Source: srcAIAct, Confidence: Secondary},
	{GDPR: "Art. 9(2)", EUDPR: "Art. 10(2)", From: EUDPRApplies,
		Note:   "the exceptions to the prohibition",
		Source: srcBG, Confidence: Secondary},
	{GDPR: "Art. 9(2)(a)", EUDPR: "Art. 10(2)(a)", From: EUDPRApplies,
		Note:   "explicit consent",
		Source: srcBG, Confidence: Secondary},
	{GDPR: "Art. 9(2)(b)", EUDPR: "Art. 10(2)(b)", From: EUDPRApplies,
		Note:   "employment, social security and social protection law",
		Source: srcBG, Confidence: Secondary},
	{GDPR: "Art. 28", EUDPR: "Art. 29", From: EUDPRApplies,
		Note:   "the processor and the contract or other legal act that binds it",
		Source: srcProcessor, Confidence: ThirdParty},
	{GDPR: "Art. 32", EUDPR: "Art. 33", From: EUDPRApplies,
		Note:   "security of processing, the measures a record describes",
		Source: srcSecurity, Confidence: Secondary},
	{GDPR: "Art. 35", EUDPR: "Art. 39", From: EUDPRApplies,
		Note:   "data protection impact assessment",
		Source: srcDPIA, Confidence: Secondary},
	{GDPR: "Art. 46", EUDPR: "Art. 48", From: EUDPRApplies,
		Note:   "transfers subject to appropriate safeguards; the article is inferred from its paragraph 3, which the source names",
		Source: srcEDPSTransfers, Confidence: Secondary},
	{GDPR: "Art. 46(3)", EUDPR: "Art. 48(3)", From: EUDPRApplies,
		Note:   "ad hoc contractual clauses and administrative arrangements, subject to the authorisation of the EDPS",
		Source: srcEDPSTransfers, Confidence: Verified},
	{GDPR: "Art. 49", EUDPR: "Art. 50", From: EUDPRApplies,
		Note:   "derogations for specific situations",
		Source: srcEDPSTransfers, Confidence: Verified},
}

// EUDPRCounterparts returns the table of counterparts.
func EUDPRCounterparts() []EUDPRCounterpart {
	return append([]EUDPRCounterpart(nil), eudprCounterparts...)
}

// EUDPRProvision returns the counterpart in Regulation (EU) 2018/1725 of an
// article of the GDPR, written as "Art. 30", "Article 30(1)", "30 GDPR" or
// "30"; the article is matched, not the paragraph (see EUDPRCounterpartOf
// for a paragraph or point, on a day). ok is false where the table does not
// hold the article (not yet confirmed); a row with an empty EUDPR says the
// Regulation has no counterpart.
func EUDPRProvision(gdprArticle string) (c EUDPRCounterpart, ok bool) {
	n := articleNumber(gdprArticle)
	if n == "" {
		return EUDPRCounterpart{}, false
	}
	for _, c := range eudprCounterparts {
		if c.GDPR == "Art. "+n {
			return c, true
		}
	}
	return EUDPRCounterpart{}, false
}

// EUDPRCounterpartOf returns the most precise row of the table for a
// provision of the GDPR given by its article, paragraph and point numbers
// ("30", "1", "f"; paragraph and point may be empty): the row of the point,
// else of the paragraph, else of the article. Its EUDPR is at the level the
// source confirms, which may be coarser than the provision asked for. ok is
// false where the table holds no row for the article in force on day (the
// Regulation applies from [EUDPRApplies]).
func EUDPRCounterpartOf(article, para, point string, day time.Time) (c EUDPRCounterpart, ok bool) {
	keys := []string{"Art. " + article}
	if para != "" {
		keys = append(keys, keys[0]+"("+para+")")
		if point != "" {
			keys = append(keys, keys[1]+"("+point+")")
		}
	}
	for i := len(keys) - 1; i >= 0; i-- {
		for _, c := range eudprCounterparts {
			if c.GDPR == keys[i] && !day.Before(c.From) && (c.To.IsZero() || !day.After(c.To)) {
				return c, true
			}
		}
	}
	return EUDPRCounterpart{}, false
}

// articleNumber returns the number of the article a citation names, or "".
func articleNumber(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	for _, p := range []string{"article", "art."} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if end < 0 {
		end = len(s)
	}
	if end == 0 || s[0] == '0' {
		return ""
	}
	return s[:end]
}
