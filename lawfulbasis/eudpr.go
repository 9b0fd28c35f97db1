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
	srcAIAct = "Regulation (EU) 2024/1689 (Artificial Intelligence Act), Art. 3(37) and recital 39: 'Article 9(1) of Regulation (EU) 2016/679 ... and Article 10(1) of Regulation (EU) 2018/1725 prohibit the processing of biometric data'"
	srcBG    = "Regulation (EU) 2018/1725, Art. 10, Bulgarian text (exlege.bg/normi/reglament-es-2018-1725): paragraph 1 prohibits the processing of special categories, paragraph 2 lists the exceptions, (a) explicit consent, (b) employment and social security law"
	srcXFSC  = "Eclipse XFSC notarization API specification, requirement CP.NOTAR.E1.00031: 'The data minimization principle is expressed in Article 5(1)(c) of the GDPR and Article 4(1)(c) of Regulation (EU) 2018/1725'"
	srcAcct  = "House of Data Imperiali, 'Accountability in the GDPR' (2024): 'Article 4, EUDPR (Regulation 2018/1725) which states \"The data controller is responsible for compliance with paragraph 1 ... and able to prove it ('accountability')\"'"
	srcEC    = "European Commission privacy statements under Regulation (EU) 2018/1725, section 3 'On what legal ground(s) do we process your personal data?': 'Article 5(1)(a) of Regulation (EU) 2018/1725: this processing is necessary for the performance of a task carried out in the public interest or in the exercise of official authority vested in the Union institution or body'"
	srcDPIA  = "EDPS, 'Survey on Data Protection Impact Assessments under Article 39 of the Regulation' (case 2020-0066): 'Data Protection Impact Assessments (DPIAs) are one of the new accountability tools in Regulation (EU) 2018/1725'; Panelfit guidelines: 'as stated in Article 39 of Regulation 2018/1725'"
)

// eudprCounterparts holds the counterparts confirmed from the Regulation, the
// EDPS or Union acts and institutions that cite both regulations side by
// side. The other provisions the checker cites are left out until they are
// checked against a source: Arts. 6(1)(f), 6(3), 7, 8, 10, 13, 22, 24, 26,
// 28, 30(2), 32, 37 and Chapter V (Arts. 44 to 49); a finding that rests on
// one of them keeps citing the GDPR.
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
	{GDPR: "Art. 35", EUDPR: "Art. 39", From: EUDPRApplies,
		Note:   "data protection impact assessment",
		Source: srcDPIA, Confidence: Secondary},
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
