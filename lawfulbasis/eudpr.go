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
// corresponds, for a register of a Union institution or body, to an article
// of the GDPR the checker cites.
type EUDPRCounterpart struct {
	// GDPR is the article of the GDPR, such as "Art. 30".
	GDPR string
	// EUDPR is the counterpart in Regulation (EU) 2018/1725, such as "Art.
	// 31"; empty where the Regulation has none.
	EUDPR      string
	Note       string
	Source     string
	Confidence Confidence
}

// eudprCounterparts holds the counterparts confirmed from the Regulation or
// the EDPS. The others the checker cites (Arts. 6, 9, 10, 27, 28, 30(5),
// 35, 37 and Chapter V) are left out until they are checked against the
// Regulation's text.
var eudprCounterparts = []EUDPRCounterpart{
	{GDPR: "Art. 30", EUDPR: "Art. 31",
		Note:       "records of processing activities; Union institutions and bodies keep them in a central register, and the contents Art. 31(1) lists follow Art. 30(1) GDPR, without a representative",
		Source:     "EDPS, 'Records Register' (edps.europa.eu): 'All EU institutions have the legal obligation to keep a central register of records of activities processing personal data (Article 31 of Regulation 2018/1725)'",
		Confidence: Verified},
}

// EUDPRCounterparts returns the table of counterparts.
func EUDPRCounterparts() []EUDPRCounterpart {
	return append([]EUDPRCounterpart(nil), eudprCounterparts...)
}

// EUDPRProvision returns the counterpart in Regulation (EU) 2018/1725 of an
// article of the GDPR, written as "Art. 30", "Article 30(1)", "30 GDPR" or
// "30"; the article is matched, not the paragraph. ok is false where the
// table does not hold the article (not yet confirmed); a row with an empty
// EUDPR says the Regulation has no counterpart.
func EUDPRProvision(gdprArticle string) (c EUDPRCounterpart, ok bool) {
	n := articleNumber(gdprArticle)
	if n == "" {
		return EUDPRCounterpart{}, false
	}
	for _, c := range eudprCounterparts {
		if articleNumber(c.GDPR) == n {
			return c, true
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
