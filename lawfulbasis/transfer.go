package lawfulbasis

import (
	"fmt"
	"time"

	"github.com/openropa/registry/lang"
)

// Mechanism is the ground of a transfer of personal data to a third country
// or an international organisation under Chapter V GDPR, or a mechanism that
// once served as one and is kept here so it can be recognised and refused.
type Mechanism string

// The transfer mechanisms of Chapter V GDPR.
const (
	Adequacy                  Mechanism = "adequacy"                    // Art. 45
	PublicAuthorityInstrument Mechanism = "public-authority-instrument" // Art. 46(2)(a)
	BCR                       Mechanism = "bcr"                         // Art. 46(2)(b), Art. 47
	SCC                       Mechanism = "scc"                         // Art. 46(2)(c)
	AuthoritySCC              Mechanism = "authority-scc"               // Art. 46(2)(d)
	CodeOfConduct             Mechanism = "code-of-conduct"             // Art. 46(2)(e)
	Certification             Mechanism = "certification"               // Art. 46(2)(f)
	AdHocClauses              Mechanism = "ad-hoc-clauses"              // Art. 46(3)(a)
	AdministrativeArrangement Mechanism = "administrative-arrangement"  // Art. 46(3)(b)
	DerogationMechanism       Mechanism = "derogation"                  // Art. 49
)

// Mechanisms that are no longer valid.
const (
	SafeHarbor    Mechanism = "safe-harbor"    // Decision 2000/520/EC, invalidated by C-362/14
	PrivacyShield Mechanism = "privacy-shield" // Implementing Decision (EU) 2016/1250, invalidated by C-311/18
	SCC2001       Mechanism = "scc-2001"       // Decision 2001/497/EC
	SCC2004       Mechanism = "scc-2004"       // Decision 2004/915/EC
	SCC2010       Mechanism = "scc-2010"       // Decision 2010/87/EU
)

var mechanisms = map[Mechanism]term{
	Adequacy:                  {"Art. 45 GDPR", labels{"Adequacy decision", "Adequaatheidsbesluit", "Décision d'adéquation", "Angemessenheitsbeschluss"}},
	PublicAuthorityInstrument: {"Art. 46(2)(a) GDPR", labels{"Legally binding instrument between public authorities", "Juridisch bindend instrument tussen overheidsinstanties", "Instrument juridiquement contraignant entre autorités publiques", "Rechtlich bindendes Dokument zwischen Behörden"}},
	BCR:                       {"Art. 46(2)(b) and 47 GDPR", labels{"Binding corporate rules", "Bindende bedrijfsvoorschriften", "Règles d'entreprise contraignantes", "Verbindliche interne Datenschutzvorschriften"}},
	SCC:                       {"Art. 46(2)(c) GDPR", labels{"Standard data protection clauses adopted by the Commission", "Standaardbepalingen inzake gegevensbescherming van de Commissie", "Clauses types de protection des données adoptées par la Commission", "Von der Kommission erlassene Standarddatenschutzklauseln"}},
	AuthoritySCC:              {"Art. 46(2)(d) GDPR", labels{"Standard data protection clauses adopted by a supervisory authority", "Standaardbepalingen inzake gegevensbescherming van een toezichthoudende autoriteit", "Clauses types de protection des données adoptées par une autorité de contrôle", "Von einer Aufsichtsbehörde angenommene Standarddatenschutzklauseln"}},
	CodeOfConduct:             {"Art. 46(2)(e) GDPR", labels{"Approved code of conduct", "Goedgekeurde gedragscode", "Code de conduite approuvé", "Genehmigte Verhaltensregeln"}},
	Certification:             {"Art. 46(2)(f) GDPR", labels{"Approved certification mechanism", "Goedgekeurd certificeringsmechanisme", "Mécanisme de certification approuvé", "Genehmigter Zertifizierungsmechanismus"}},
	AdHocClauses:              {"Art. 46(3)(a) GDPR", labels{"Contractual clauses authorised by a supervisory authority", "Contractbepalingen met toestemming van de toezichthoudende autoriteit", "Clauses contractuelles autorisées par l'autorité de contrôle", "Von der Aufsichtsbehörde genehmigte Vertragsklauseln"}},
	AdministrativeArrangement: {"Art. 46(3)(b) GDPR", labels{"Administrative arrangement between public authorities", "Administratieve regeling tussen overheidsinstanties", "Arrangement administratif entre autorités publiques", "Verwaltungsvereinbarung zwischen Behörden"}},
	DerogationMechanism:       {"Art. 49 GDPR", labels{"Derogation for a specific situation", "Afwijking voor een specifieke situatie", "Dérogation pour une situation particulière", "Ausnahme für bestimmte Fälle"}},
	SafeHarbor:                {"Decision 2000/520/EC", labels{"EU-US Safe Harbor (invalid)", "EU-VS Safe Harbor (ongeldig)", "Sphère de sécurité UE-États-Unis (invalide)", "EU-US Safe Harbor (ungültig)"}},
	PrivacyShield:             {"Implementing Decision (EU) 2016/1250", labels{"EU-US Privacy Shield (invalid)", "EU-VS Privacyschild (ongeldig)", "Bouclier de protection des données UE-États-Unis (invalide)", "EU-US-Datenschutzschild (ungültig)"}},
	SCC2001:                   {"Decision 2001/497/EC", labels{"Standard contractual clauses of 2001 (repealed)", "Modelcontractbepalingen van 2001 (ingetrokken)", "Clauses contractuelles types de 2001 (abrogées)", "Standardvertragsklauseln von 2001 (aufgehoben)"}},
	SCC2004:                   {"Decision 2004/915/EC", labels{"Standard contractual clauses of 2004 (repealed)", "Modelcontractbepalingen van 2004 (ingetrokken)", "Clauses contractuelles types de 2004 (abrogées)", "Standardvertragsklauseln von 2004 (aufgehoben)"}},
	SCC2010:                   {"Decision 2010/87/EU", labels{"Standard contractual clauses of 2010 (repealed)", "Modelcontractbepalingen van 2010 (ingetrokken)", "Clauses contractuelles types de 2010 (abrogées)", "Standardvertragsklauseln von 2010 (aufgehoben)"}},
}

// Mechanisms lists every mechanism, the valid ones of Chapter V first.
func Mechanisms() []Mechanism {
	return []Mechanism{Adequacy, PublicAuthorityInstrument, BCR, SCC, AuthoritySCC, CodeOfConduct, Certification,
		AdHocClauses, AdministrativeArrangement, DerogationMechanism, SafeHarbor, PrivacyShield, SCC2001, SCC2004, SCC2010}
}

// Valid reports whether m is a known mechanism, valid today or not.
func (m Mechanism) Valid() bool { _, ok := mechanisms[m]; return ok }

// String returns the identifier of the mechanism.
func (m Mechanism) String() string { return string(m) }

// Article returns the provision or instrument, such as "Art. 46(2)(c) GDPR".
func (m Mechanism) Article() string { return mechanisms[m].article }

// Label returns the name of the mechanism in a language.
func (m Mechanism) Label(l lang.Lang) string { return mechanisms[m].label.in(l) }

// Safeguard reports whether m is an appropriate safeguard of Art. 46, which
// the judgment in C-311/18 (Schrems II) requires to be assessed against the
// law of the destination (a transfer impact assessment).
func (m Mechanism) Safeguard() bool {
	switch m {
	case PublicAuthorityInstrument, BCR, SCC, AuthoritySCC, CodeOfConduct, Certification, AdHocClauses, AdministrativeArrangement:
		return true
	}
	return false
}

// Confidence says how well a legal fact in a table has been checked.
type Confidence string

// Levels of confidence of a table row.
const (
	// Verified: checked against the primary text, the Official Journal, or the
	// institution's own page.
	Verified Confidence = "verified"
	// Secondary: confirmed by reputable secondary sources, not the primary text.
	Secondary Confidence = "secondary"
	// ThirdParty: taken from third-party research that is consistent with the
	// other sources but was not checked against the primary text.
	ThirdParty Confidence = "third-party"
)

// Ending is the end of a transfer mechanism that is no longer valid.
type Ending struct {
	Mechanism Mechanism
	// Instrument is the act that created the mechanism.
	Instrument string
	// Adopted is the date of that act.
	Adopted time.Time
	// From is the first day the mechanism could be relied on, where that is
	// later than its adoption; zero otherwise.
	From time.Time
	// LastValid is the last day on which the mechanism could be relied on.
	LastValid time.Time
	// EndedBy is the judgment or act that ended it.
	EndedBy string
	// Note adds what a user needs to know to apply the dates.
	Note string
	// SucceededBy is the country whose adequacy decision, where one is in
	// force on the day asked about, replaces the mechanism for the
	// recipients within its scope (the Data Privacy Framework for Privacy
	// Shield); empty for none.
	SucceededBy string
	Source      string
	Confidence  Confidence
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var endings = append([]Ending{
	{Mechanism: SafeHarbor, Instrument: "Commission Decision 2000/520/EC", Adopted: day(2000, time.July, 26), LastValid: day(2015, time.October, 5),
		EndedBy: "judgment of the Court of Justice of 6 October 2015, C-362/14 (Schrems I), which declared the decision invalid with immediate effect",
		Source:  "legal-facts reference §2 (ganado.com, gtlaw.com)", Confidence: Secondary},
	{Mechanism: PrivacyShield, Instrument: "Commission Implementing Decision (EU) 2016/1250", Adopted: day(2016, time.July, 12), LastValid: day(2020, time.July, 15),
		EndedBy:     "judgment of the Court of Justice of 16 July 2020, C-311/18 (Schrems II), which declared the decision invalid with immediate effect",
		SucceededBy: "US",
		Note:        "from 10 July 2023 the EU-US Data Privacy Framework (adequacy, Commission Implementing Decision (EU) 2023/1795) covers US organisations on the Data Privacy Framework List",
		Source:      "legal-facts reference §2; §1.1 for Decision (EU) 2023/1795", Confidence: Secondary},
}, sccEndings()...)

// sccEndings are the endings of the repealed decisions on standard
// contractual clauses, made from their table.
func sccEndings() []Ending {
	var out []Ending
	for _, dec := range sccDecisions {
		if dec.Until.IsZero() {
			continue
		}
		out = append(out, Ending{Mechanism: dec.Mechanism, Instrument: dec.Instrument, Adopted: dec.Adopted, From: dec.From,
			LastValid: dec.Until, EndedBy: dec.EndedBy, Note: dec.Note, Source: dec.Source, Confidence: dec.Confidence})
	}
	return out
}

// Endings returns the table of mechanisms that are no longer valid.
func Endings() []Ending { return append([]Ending(nil), endings...) }

// Validity is the answer to "can mechanism M be relied on on day D".
type Validity struct {
	Valid bool
	// Ending is set for a mechanism that has ended (or not yet started) on that day.
	Ending *Ending
	// Reason explains an invalid answer in a sentence that names the fix.
	Reason string
	// Caveat is the condition a valid answer holds under, in a sentence;
	// empty for none.
	Caveat string
}

// ValidOn reports whether a transfer could rely on mechanism m on day d.
// The mechanisms of Chapter V GDPR are valid on any day (whether the
// conditions of each are met is a question for the register's check); the
// ended ones are valid from the adoption of their instrument to their last
// valid day. An unknown mechanism is never valid.
func (m Mechanism) ValidOn(d time.Time) Validity {
	if !m.Valid() {
		return Validity{Reason: fmt.Sprintf("%q is not a transfer mechanism of Chapter V GDPR", string(m))}
	}
	for i := range endings {
		e := &endings[i]
		if e.Mechanism != m {
			continue
		}
		if first := e.firstDay(); d.Before(first) {
			if first.Equal(e.Adopted) {
				return Validity{Ending: e, Reason: fmt.Sprintf("%s did not exist yet on %s: %s was adopted on %s",
					m.Label(lang.English), d.Format(time.DateOnly), e.Instrument, e.Adopted.Format(time.DateOnly))}
			}
			return Validity{Ending: e, Reason: fmt.Sprintf("%s could not be relied on yet on %s: %s applied from %s",
				m.Label(lang.English), d.Format(time.DateOnly), e.Instrument, first.Format(time.DateOnly))}
		}
		if d.After(e.LastValid) {
			return Validity{Ending: e, Reason: fmt.Sprintf("%s could not be relied on after %s (%s); use %s",
				m.Label(lang.English), e.LastValid.Format(time.DateOnly), e.EndedBy, e.instead(d))}
		}
		return Validity{Valid: true, Ending: e}
	}
	return Validity{Valid: true}
}

// firstDay is the first day the mechanism could be relied on.
func (e *Ending) firstDay() time.Time {
	if e.From.IsZero() {
		return e.Adopted
	}
	return e.From
}

// instead names what to rely on instead of the ended mechanism on day d.
func (e *Ending) instead(d time.Time) string {
	const other = "another mechanism of Chapter V, such as the standard contractual clauses of Decision (EU) 2021/914"
	if e.SucceededBy == "" {
		return other
	}
	dec, _ := decisionOn(func(dec *Decision) bool { return dec.Country == e.SucceededBy }, d)
	if dec == nil {
		return other
	}
	return fmt.Sprintf("the adequacy decision %s for %s, or %s", dec.Instrument, dec.Scope.Describe(), other)
}

// Derogation is a derogation for a specific situation of Art. 49(1) GDPR.
type Derogation string

// The derogations of Art. 49(1)(a)-(g) and of its second subparagraph.
const (
	DerogationExplicitConsent    Derogation = "explicit-consent"                // Art. 49(1)(a)
	ContractWithSubject          Derogation = "contract-with-subject"           // Art. 49(1)(b)
	ContractInInterest           Derogation = "contract-in-interest"            // Art. 49(1)(c)
	DerogationPublicInterest     Derogation = "public-interest"                 // Art. 49(1)(d)
	DerogationLegalClaims        Derogation = "legal-claims"                    // Art. 49(1)(e)
	DerogationVitalInterests     Derogation = "vital-interests"                 // Art. 49(1)(f)
	PublicRegister               Derogation = "public-register"                 // Art. 49(1)(g)
	CompellingLegitimateInterest Derogation = "compelling-legitimate-interests" // Art. 49(1), second subparagraph
)

var derogations = map[Derogation]term{
	DerogationExplicitConsent:    {"Art. 49(1)(a) GDPR", labels{"Explicit consent to the transfer", "Uitdrukkelijke toestemming voor de doorgifte", "Consentement explicite au transfert", "Ausdrückliche Einwilligung in die Übermittlung"}},
	ContractWithSubject:          {"Art. 49(1)(b) GDPR", labels{"Contract with the data subject", "Overeenkomst met de betrokkene", "Contrat avec la personne concernée", "Vertrag mit der betroffenen Person"}},
	ContractInInterest:           {"Art. 49(1)(c) GDPR", labels{"Contract in the interest of the data subject", "Overeenkomst in het belang van de betrokkene", "Contrat dans l'intérêt de la personne concernée", "Vertrag im Interesse der betroffenen Person"}},
	DerogationPublicInterest:     {"Art. 49(1)(d) GDPR", labels{"Important reasons of public interest", "Gewichtige redenen van algemeen belang", "Motifs importants d'intérêt public", "Wichtige Gründe des öffentlichen Interesses"}},
	DerogationLegalClaims:        {"Art. 49(1)(e) GDPR", labels{"Legal claims", "Rechtsvorderingen", "Droits en justice", "Rechtsansprüche"}},
	DerogationVitalInterests:     {"Art. 49(1)(f) GDPR", labels{"Vital interests", "Vitale belangen", "Intérêts vitaux", "Lebenswichtige Interessen"}},
	PublicRegister:               {"Art. 49(1)(g) GDPR", labels{"Public register", "Openbaar register", "Registre public", "Öffentliches Register"}},
	CompellingLegitimateInterest: {"Art. 49(1), second subparagraph, GDPR", labels{"Compelling legitimate interests", "Dwingende gerechtvaardigde belangen", "Intérêts légitimes impérieux", "Zwingende berechtigte Interessen"}},
}

// Derogations lists the derogations in the order of Art. 49(1).
func Derogations() []Derogation {
	return []Derogation{DerogationExplicitConsent, ContractWithSubject, ContractInInterest, DerogationPublicInterest,
		DerogationLegalClaims, DerogationVitalInterests, PublicRegister, CompellingLegitimateInterest}
}

// Valid reports whether d is one of the derogations.
func (d Derogation) Valid() bool { _, ok := derogations[d]; return ok }

// String returns the identifier of the derogation.
func (d Derogation) String() string { return string(d) }

// Article returns the provision, such as "Art. 49(1)(a) GDPR".
func (d Derogation) Article() string { return derogations[d].article }

// Label returns the name of the derogation in a language.
func (d Derogation) Label(l lang.Lang) string { return derogations[d].label.in(l) }

// NeedsDocumentedSafeguards reports whether the register must document the
// assessment and the suitable safeguards of the transfer (Art. 49(6) and Art.
// 30(1)(e) GDPR): only for the second-subparagraph derogation.
func (d Derogation) NeedsDocumentedSafeguards() bool { return d == CompellingLegitimateInterest }
