package lawfulbasis

import (
	"fmt"
	"strings"

	"github.com/openropa/registry/lang"
)

// Basis is a lawful basis of Art. 6(1) GDPR.
type Basis string

// The six lawful bases of Art. 6(1)(a)-(f) GDPR.
const (
	Consent             Basis = "consent"              // Art. 6(1)(a)
	Contract            Basis = "contract"             // Art. 6(1)(b)
	LegalObligation     Basis = "legal-obligation"     // Art. 6(1)(c)
	VitalInterests      Basis = "vital-interests"      // Art. 6(1)(d)
	PublicTask          Basis = "public-task"          // Art. 6(1)(e)
	LegitimateInterests Basis = "legitimate-interests" // Art. 6(1)(f)
)

var bases = map[Basis]term{
	Consent:             {"Art. 6(1)(a) GDPR", labels{"Consent", "Toestemming", "Consentement", "Einwilligung"}},
	Contract:            {"Art. 6(1)(b) GDPR", labels{"Performance of a contract", "Uitvoering van een overeenkomst", "Exécution d'un contrat", "Vertragserfüllung"}},
	LegalObligation:     {"Art. 6(1)(c) GDPR", labels{"Legal obligation", "Wettelijke verplichting", "Obligation légale", "Rechtliche Verpflichtung"}},
	VitalInterests:      {"Art. 6(1)(d) GDPR", labels{"Vital interests", "Vitale belangen", "Intérêts vitaux", "Lebenswichtige Interessen"}},
	PublicTask:          {"Art. 6(1)(e) GDPR", labels{"Public task", "Taak van algemeen belang of openbaar gezag", "Mission d'intérêt public ou autorité publique", "Öffentliche Aufgabe oder öffentliche Gewalt"}},
	LegitimateInterests: {"Art. 6(1)(f) GDPR", labels{"Legitimate interests", "Gerechtvaardigd belang", "Intérêt légitime", "Berechtigtes Interesse"}},
}

// Bases lists the bases in the order of Art. 6(1).
func Bases() []Basis {
	return []Basis{Consent, Contract, LegalObligation, VitalInterests, PublicTask, LegitimateInterests}
}

// Valid reports whether b is one of the six bases.
func (b Basis) Valid() bool { _, ok := bases[b]; return ok }

// String returns the identifier of the basis.
func (b Basis) String() string { return string(b) }

// Article returns the provision, such as "Art. 6(1)(f) GDPR".
func (b Basis) Article() string { return bases[b].article }

// Label returns the name of the basis in a language.
func (b Basis) Label(l lang.Lang) string { return bases[b].label.in(l) }

// NeedsLaw reports whether the basis must be laid down by Union or member
// state law that the register should cite (Art. 6(3): points (c) and (e)).
func (b Basis) NeedsLaw() bool { return b == LegalObligation || b == PublicTask }

// Condition is a condition of Art. 9(2) GDPR that lifts the prohibition on
// processing special categories of data, or a ground of Art. 10 GDPR for
// data relating to criminal convictions and offences.
type Condition string

// The conditions of Art. 9(2)(a)-(j) and the grounds of Art. 10 GDPR.
const (
	ExplicitConsent           Condition = "explicit-consent"            // Art. 9(2)(a)
	Employment                Condition = "employment"                  // Art. 9(2)(b)
	VitalInterestsIncapable   Condition = "vital-interests"             // Art. 9(2)(c)
	NotForProfit              Condition = "not-for-profit"              // Art. 9(2)(d)
	MadePublic                Condition = "made-public"                 // Art. 9(2)(e)
	LegalClaims               Condition = "legal-claims"                // Art. 9(2)(f)
	SubstantialPublicInterest Condition = "substantial-public-interest" // Art. 9(2)(g)
	HealthCare                Condition = "health-care"                 // Art. 9(2)(h)
	PublicHealth              Condition = "public-health"               // Art. 9(2)(i)
	ArchivingResearch         Condition = "archiving-research"          // Art. 9(2)(j)
	OfficialAuthority         Condition = "official-authority"          // Art. 10, under the control of official authority
	AuthorisedByLaw           Condition = "authorised-by-law"           // Art. 10, authorised by Union or member state law
)

var conditions = map[Condition]term{
	ExplicitConsent:           {"Art. 9(2)(a) GDPR", labels{"Explicit consent", "Uitdrukkelijke toestemming", "Consentement explicite", "Ausdrückliche Einwilligung"}},
	Employment:                {"Art. 9(2)(b) GDPR", labels{"Employment, social security and social protection law", "Arbeidsrecht, socialezekerheidsrecht en sociaal beschermingsrecht", "Droit du travail, de la sécurité sociale et de la protection sociale", "Arbeitsrecht, Recht der sozialen Sicherheit und des Sozialschutzes"}},
	VitalInterestsIncapable:   {"Art. 9(2)(c) GDPR", labels{"Vital interests of a person incapable of giving consent", "Vitale belangen van wie geen toestemming kan geven", "Intérêts vitaux d'une personne hors d'état de consentir", "Lebenswichtige Interessen bei Einwilligungsunfähigkeit"}},
	NotForProfit:              {"Art. 9(2)(d) GDPR", labels{"Not-for-profit body, its members", "Instantie zonder winstoogmerk, haar leden", "Organisme à but non lucratif, ses membres", "Organisation ohne Gewinnerzielungsabsicht, ihre Mitglieder"}},
	MadePublic:                {"Art. 9(2)(e) GDPR", labels{"Manifestly made public by the data subject", "Kennelijk openbaar gemaakt door de betrokkene", "Rendues manifestement publiques par la personne concernée", "Offensichtlich von der betroffenen Person öffentlich gemacht"}},
	LegalClaims:               {"Art. 9(2)(f) GDPR", labels{"Legal claims or courts acting in their judicial capacity", "Rechtsvorderingen of gerechten in hun rechtsprekende taak", "Droits en justice ou juridictions dans l'exercice de leur fonction juridictionnelle", "Rechtsansprüche oder justizielle Tätigkeit der Gerichte"}},
	SubstantialPublicInterest: {"Art. 9(2)(g) GDPR", labels{"Substantial public interest", "Zwaarwegend algemeen belang", "Intérêt public important", "Erhebliches öffentliches Interesse"}},
	HealthCare:                {"Art. 9(2)(h) GDPR", labels{"Preventive or occupational medicine, health or social care", "Preventieve of arbeidsgeneeskunde, gezondheidszorg of sociale diensten", "Médecine préventive ou du travail, soins de santé ou protection sociale", "Gesundheitsvorsorge, Arbeitsmedizin, Gesundheits- oder Sozialversorgung"}},
	PublicHealth:              {"Art. 9(2)(i) GDPR", labels{"Public interest in the area of public health", "Algemeen belang op het gebied van volksgezondheid", "Intérêt public dans le domaine de la santé publique", "Öffentliches Interesse im Bereich der öffentlichen Gesundheit"}},
	ArchivingResearch:         {"Art. 9(2)(j) GDPR", labels{"Archiving, scientific or historical research, statistics", "Archivering, wetenschappelijk of historisch onderzoek, statistiek", "Archivage, recherche scientifique ou historique, statistiques", "Archivzwecke, wissenschaftliche oder historische Forschung, Statistik"}},
	OfficialAuthority:         {"Art. 10 GDPR", labels{"Under the control of official authority", "Onder toezicht van de overheid", "Sous le contrôle de l'autorité publique", "Unter behördlicher Aufsicht"}},
	AuthorisedByLaw:           {"Art. 10 GDPR", labels{"Authorised by Union or member state law", "Toegestaan bij Unierecht of lidstatelijk recht", "Autorisé par le droit de l'Union ou d'un État membre", "Nach Unionsrecht oder mitgliedstaatlichem Recht zulässig"}},
}

// Conditions lists the conditions, Art. 9(2)(a)-(j) then Art. 10.
func Conditions() []Condition {
	return []Condition{ExplicitConsent, Employment, VitalInterestsIncapable, NotForProfit, MadePublic, LegalClaims,
		SubstantialPublicInterest, HealthCare, PublicHealth, ArchivingResearch, OfficialAuthority, AuthorisedByLaw}
}

// Valid reports whether c is one of the conditions.
func (c Condition) Valid() bool { _, ok := conditions[c]; return ok }

// String returns the identifier of the condition.
func (c Condition) String() string { return string(c) }

// Article returns the provision, such as "Art. 9(2)(a) GDPR" or "Art. 10 GDPR".
func (c Condition) Article() string { return conditions[c].article }

// Label returns the name of the condition in a language.
func (c Condition) Label(l lang.Lang) string { return conditions[c].label.in(l) }

// Criminal reports whether c is a ground of Art. 10 (criminal convictions and
// offences) rather than a condition of Art. 9(2).
func (c Condition) Criminal() bool { return c == OfficialAuthority || c == AuthorisedByLaw }

// NeedsLaw reports whether the condition only holds on the basis of Union or
// member state law (or, for (b), a collective agreement; for (h), a contract
// with a health professional) that the register should cite: Art. 9(2)(b),
// (g), (h), (i) and (j), and Art. 10 authorisation by law.
func (c Condition) NeedsLaw() bool {
	switch c {
	case Employment, SubstantialPublicInterest, HealthCare, PublicHealth, ArchivingResearch, AuthorisedByLaw:
		return true
	}
	return false
}

// SpecialCategory is one of the special categories of personal data of Art. 9(1) GDPR.
type SpecialCategory string

// The eight special categories of Art. 9(1) GDPR.
const (
	RacialEthnicOrigin SpecialCategory = "racial-ethnic-origin"
	PoliticalOpinions  SpecialCategory = "political-opinions"
	ReligiousBeliefs   SpecialCategory = "religious-beliefs"
	TradeUnion         SpecialCategory = "trade-union"
	Genetic            SpecialCategory = "genetic"
	Biometric          SpecialCategory = "biometric"
	Health             SpecialCategory = "health"
	SexLifeOrientation SpecialCategory = "sex-life-orientation"
)

var specials = map[SpecialCategory]term{
	RacialEthnicOrigin: {"Art. 9(1) GDPR", labels{"Racial or ethnic origin", "Ras of etnische afkomst", "Origine raciale ou ethnique", "Rassische oder ethnische Herkunft"}},
	PoliticalOpinions:  {"Art. 9(1) GDPR", labels{"Political opinions", "Politieke opvattingen", "Opinions politiques", "Politische Meinungen"}},
	ReligiousBeliefs:   {"Art. 9(1) GDPR", labels{"Religious or philosophical beliefs", "Religieuze of levensbeschouwelijke overtuigingen", "Convictions religieuses ou philosophiques", "Religiöse oder weltanschauliche Überzeugungen"}},
	TradeUnion:         {"Art. 9(1) GDPR", labels{"Trade union membership", "Lidmaatschap van een vakbond", "Appartenance syndicale", "Gewerkschaftszugehörigkeit"}},
	Genetic:            {"Art. 9(1) GDPR", labels{"Genetic data", "Genetische gegevens", "Données génétiques", "Genetische Daten"}},
	Biometric:          {"Art. 9(1) GDPR", labels{"Biometric data for unique identification", "Biometrische gegevens voor unieke identificatie", "Données biométriques aux fins d'identification unique", "Biometrische Daten zur eindeutigen Identifizierung"}},
	Health:             {"Art. 9(1) GDPR", labels{"Data concerning health", "Gegevens over gezondheid", "Données concernant la santé", "Gesundheitsdaten"}},
	SexLifeOrientation: {"Art. 9(1) GDPR", labels{"Sex life or sexual orientation", "Seksueel gedrag of seksuele gerichtheid", "Vie sexuelle ou orientation sexuelle", "Sexualleben oder sexuelle Orientierung"}},
}

// SpecialCategories lists the special categories in the order of Art. 9(1).
func SpecialCategories() []SpecialCategory {
	return []SpecialCategory{RacialEthnicOrigin, PoliticalOpinions, ReligiousBeliefs, TradeUnion, Genetic, Biometric, Health, SexLifeOrientation}
}

// Valid reports whether s is one of the eight special categories.
func (s SpecialCategory) Valid() bool { _, ok := specials[s]; return ok }

// String returns the identifier of the category.
func (s SpecialCategory) String() string { return string(s) }

// Article returns "Art. 9(1) GDPR".
func (s SpecialCategory) Article() string { return specials[s].article }

// Label returns the name of the category in a language.
func (s SpecialCategory) Label(l lang.Lang) string { return specials[s].label.in(l) }

// UnknownError reports a value that is not in a vocabulary.
type UnknownError struct {
	Kind  string   // what was looked up: "basis", "condition", ...
	Value string   // what was given
	Want  []string // the accepted identifiers
}

// Error says which value is unknown and lists the accepted ones.
func (e *UnknownError) Error() string {
	return fmt.Sprintf("lawfulbasis: unknown %s %q; want one of %s", e.Kind, e.Value, strings.Join(e.Want, ", "))
}

func names[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// ValidBasis returns b as a Basis, or an *UnknownError.
func ValidBasis(s string) (Basis, error) {
	if b := Basis(s); b.Valid() {
		return b, nil
	}
	return "", &UnknownError{"basis", s, names(Bases())}
}

// ValidCondition returns c as a Condition, or an *UnknownError.
func ValidCondition(s string) (Condition, error) {
	if c := Condition(s); c.Valid() {
		return c, nil
	}
	return "", &UnknownError{"condition", s, names(Conditions())}
}
