package lawfulbasis

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openropa/registry/internal/clip"
)

// basisPhrases maps what privacy notices write to bases, in English, Dutch,
// French and German. Matching is on lower-cased text with spaces folded; a
// longer phrase wins over a shorter one inside it.
var basisPhrases = map[string]Basis{
	// Art. 6(1)(a)
	"consent": Consent, "toestemming": Consent, "consentement": Consent, "einwilligung": Consent,
	"uitdrukkelijke goedkeuring": Consent,
	// Art. 6(1)(b)
	"execution of the agreement": Contract, "performance of a contract": Contract, "performance of the contract": Contract,
	"necessary for the performance": Contract, "entering into an agreement": Contract, "enter into such a contract": Contract,
	"pre-contractual": Contract, "contractual necessity": Contract,
	"uitvoering van de overeenkomst": Contract, "uitvoering van een overeenkomst": Contract, "uitvoering van een contract": Contract,
	"totstandkoming van een overeenkomst": Contract, "totstandkoming of uitvoering van een overeenkomst": Contract,
	"aangaan van een overeenkomst": Contract, "precontractuele": Contract,
	"exécution du contrat": Contract, "exécution d'un contrat": Contract, "mesures précontractuelles": Contract, "nécessité contractuelle": Contract,
	"vertragserfüllung": Contract, "erfüllung eines vertrags": Contract, "erfüllung des vertrags": Contract, "vorvertragliche": Contract,
	// Art. 6(1)(c)
	"legal obligation": LegalObligation, "wettelijke verplichting": LegalObligation, "obligation légale": LegalObligation,
	"rechtliche verpflichtung": LegalObligation, "gesetzliche verpflichtung": LegalObligation,
	// Art. 6(1)(d)
	"vital interests": VitalInterests, "vitale belangen": VitalInterests, "intérêts vitaux": VitalInterests,
	"intérêt vital": VitalInterests, "lebenswichtige interessen": VitalInterests,
	// Art. 6(1)(e)
	"public interest": PublicTask, "official authority": PublicTask, "public task": PublicTask,
	"algemeen belang": PublicTask, "openbaar gezag": PublicTask, "mission d'intérêt public": PublicTask,
	"autorité publique": PublicTask, "öffentlichen interesse": PublicTask, "öffentliches interesse": PublicTask, "öffentlicher gewalt": PublicTask,
	// Art. 6(1)(f)
	"legitimate interest": LegitimateInterests, "legitimate interests": LegitimateInterests,
	"gerechtvaardigd belang": LegitimateInterests, "gerechtvaardigde belangen": LegitimateInterests,
	"gerechtigd belang": LegitimateInterests, "legitiem belang": LegitimateInterests, "legitieme belangen": LegitimateInterests,
	"intérêt légitime": LegitimateInterests, "intérêts légitimes": LegitimateInterests,
	"berechtigtes interesse": LegitimateInterests, "berechtigte interessen": LegitimateInterests, "berechtigten interessen": LegitimateInterests,
}

// conditionPhrases maps what people write to Art. 9(2) and Art. 10 conditions.
var conditionPhrases = map[string]Condition{
	"explicit consent": ExplicitConsent, "uitdrukkelijke toestemming": ExplicitConsent, "consentement explicite": ExplicitConsent, "ausdrückliche einwilligung": ExplicitConsent,
	"employment": Employment, "social security": Employment, "arbeidsrecht": Employment, "sociale zekerheid": Employment, "droit du travail": Employment, "sécurité sociale": Employment, "arbeitsrecht": Employment, "sozialen sicherheit": Employment,
	"vital interests": VitalInterestsIncapable, "vitale belangen": VitalInterestsIncapable, "intérêts vitaux": VitalInterestsIncapable, "lebenswichtige interessen": VitalInterestsIncapable,
	"not-for-profit": NotForProfit, "zonder winstoogmerk": NotForProfit, "but non lucratif": NotForProfit, "ohne gewinnerzielungsabsicht": NotForProfit,
	"made public": MadePublic, "openbaar gemaakt": MadePublic, "rendues publiques": MadePublic, "öffentlich gemacht": MadePublic,
	"legal claims": LegalClaims, "rechtsvordering": LegalClaims, "droits en justice": LegalClaims, "rechtsansprüche": LegalClaims,
	"substantial public interest": SubstantialPublicInterest, "zwaarwegend algemeen belang": SubstantialPublicInterest, "intérêt public important": SubstantialPublicInterest, "erhebliches öffentliches interesse": SubstantialPublicInterest, "erheblichen öffentlichen interesses": SubstantialPublicInterest,
	"occupational medicine": HealthCare, "preventive medicine": HealthCare, "health care": HealthCare, "arbeidsgeneeskunde": HealthCare, "gezondheidszorg": HealthCare, "médecine du travail": HealthCare, "soins de santé": HealthCare, "arbeitsmedizin": HealthCare, "gesundheitsvorsorge": HealthCare,
	"public health": PublicHealth, "volksgezondheid": PublicHealth, "santé publique": PublicHealth, "öffentliche gesundheit": PublicHealth, "öffentlichen gesundheit": PublicHealth,
	"archiving": ArchivingResearch, "scientific research": ArchivingResearch, "statistical purposes": ArchivingResearch, "archivering": ArchivingResearch, "wetenschappelijk onderzoek": ArchivingResearch, "archivage": ArchivingResearch, "recherche scientifique": ArchivingResearch, "archivzwecke": ArchivingResearch, "forschungszwecke": ArchivingResearch,
	"official authority": OfficialAuthority, "toezicht van de overheid": OfficialAuthority, "contrôle de l'autorité publique": OfficialAuthority, "behördlicher aufsicht": OfficialAuthority,
	"authorised by law": AuthorisedByLaw, "authorized by law": AuthorisedByLaw, "toegestaan bij wet": AuthorisedByLaw, "autorisé par la loi": AuthorisedByLaw, "gesetzlich zulässig": AuthorisedByLaw,
}

// normalise lower-cases text, folds white space and typographic apostrophes.
func normalise(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018':
			return '\''
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

type match[T comparable] struct {
	at, end int
	v       T
}

// findAll returns the values of every phrase found in text, in order of
// appearance, each once; longer phrases win over phrases inside them.
func findAll[T comparable](text string, phrases map[string]T) []T {
	s := normalise(text)
	var ms []match[T]
	for p, v := range phrases {
		for from := 0; ; {
			i := strings.Index(s[from:], p)
			if i < 0 {
				break
			}
			at := from + i
			end := at + len(p)
			if boundary(s, at, end) {
				ms = append(ms, match[T]{at, end, v})
			}
			from = at + 1
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].at != ms[j].at {
			return ms[i].at < ms[j].at
		}
		return ms[i].end > ms[j].end
	})
	var out []T
	seen := map[T]bool{}
	covered := -1
	for _, m := range ms {
		if m.at < covered {
			continue // inside a longer phrase
		}
		covered = m.end
		if !seen[m.v] {
			seen[m.v] = true
			out = append(out, m.v)
		}
	}
	return out
}

// boundary reports whether s[at:end] stands as whole words.
func boundary(s string, at, end int) bool {
	if at > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:at])
		if unicode.IsLetter(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) && r != 's' { // "interest" also matches "interests"
			return false
		}
	}
	return true
}

// ParseBases reads the Art. 6(1) bases that a line of a privacy notice names,
// in English, Dutch, French or German ("Gerechtvaardigd belang", "the
// execution of the agreement", "intérêt légitime", "berechtigtes Interesse"),
// in the order they appear. Text that names no basis is an error that says so.
func ParseBases(text string) ([]Basis, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("lawfulbasis: text is not valid UTF-8")
	}
	found := findAll(text, basisPhrases)
	if len(found) == 0 {
		return nil, fmt.Errorf("lawfulbasis: %q names no lawful basis of Art. 6(1) GDPR that this package recognises", clip.Runes(text, 80))
	}
	return found, nil
}

// ParseBasis reads exactly one basis; text naming none or several is an error.
func ParseBasis(text string) (Basis, error) {
	found, err := ParseBases(text)
	if err != nil {
		return "", err
	}
	if len(found) > 1 {
		return "", fmt.Errorf("lawfulbasis: %q names %d bases (%s); give one", clip.Runes(text, 80), len(found), strings.Join(names(found), ", "))
	}
	return found[0], nil
}

// ParseConditions reads the Art. 9(2) and Art. 10 conditions that a line names.
func ParseConditions(text string) ([]Condition, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("lawfulbasis: text is not valid UTF-8")
	}
	found := findAll(text, conditionPhrases)
	if len(found) == 0 {
		return nil, fmt.Errorf("lawfulbasis: %q names no condition of Art. 9(2) or ground of Art. 10 GDPR that this package recognises", clip.Runes(text, 80))
	}
	return found, nil
}
