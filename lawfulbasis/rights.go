package lawfulbasis

import "github.com/openropa/registry/lang"

// Right is a right of the data subject (Art. 7(3), 15-21 GDPR).
type Right string

// The rights whose availability depends on the lawful basis.
const (
	Access                   Right = "access"                     // Art. 15
	Rectification            Right = "rectification"              // Art. 16
	Erasure                  Right = "erasure"                    // Art. 17
	Restriction              Right = "restriction"                // Art. 18
	Portability              Right = "portability"                // Art. 20
	Objection                Right = "objection"                  // Art. 21(1)
	ObjectionDirectMarketing Right = "objection-direct-marketing" // Art. 21(2)
	WithdrawConsent          Right = "withdraw-consent"           // Art. 7(3)
)

var rights = map[Right]term{
	Access:                   {"Art. 15 GDPR", labels{"Access", "Inzage", "Accès", "Auskunft"}},
	Rectification:            {"Art. 16 GDPR", labels{"Rectification", "Rectificatie", "Rectification", "Berichtigung"}},
	Erasure:                  {"Art. 17 GDPR", labels{"Erasure", "Wissing", "Effacement", "Löschung"}},
	Restriction:              {"Art. 18 GDPR", labels{"Restriction of processing", "Beperking van de verwerking", "Limitation du traitement", "Einschränkung der Verarbeitung"}},
	Portability:              {"Art. 20 GDPR", labels{"Data portability", "Overdraagbaarheid van gegevens", "Portabilité des données", "Datenübertragbarkeit"}},
	Objection:                {"Art. 21(1) GDPR", labels{"Objection", "Bezwaar", "Opposition", "Widerspruch"}},
	ObjectionDirectMarketing: {"Art. 21(2) GDPR", labels{"Objection to direct marketing", "Bezwaar tegen direct marketing", "Opposition à la prospection", "Widerspruch gegen Direktwerbung"}},
	WithdrawConsent:          {"Art. 7(3) GDPR", labels{"Withdrawal of consent", "Intrekking van de toestemming", "Retrait du consentement", "Widerruf der Einwilligung"}},
}

// Rights lists the rights in a fixed order.
func Rights() []Right {
	return []Right{Access, Rectification, Erasure, Restriction, Portability, Objection, ObjectionDirectMarketing, WithdrawConsent}
}

// Valid reports whether r is one of the rights.
func (r Right) Valid() bool { _, ok := rights[r]; return ok }

// String returns the identifier of the right.
func (r Right) String() string { return string(r) }

// Article returns the provision, such as "Art. 20 GDPR".
func (r Right) Article() string { return rights[r].article }

// Label returns the name of the right in a language.
func (r Right) Label(l lang.Lang) string { return rights[r].label.in(l) }

// Availability says whether a right can be exercised against processing on
// a given basis.
type Availability string

// The availabilities of a right.
const (
	Applies       Availability = "applies"
	Limited       Availability = "limited"
	NotApplicable Availability = "not-applicable"
)

var availabilities = map[Availability]labels{
	Applies:       {"applies", "van toepassing", "applicable", "anwendbar"},
	Limited:       {"limited", "beperkt", "limité", "eingeschränkt"},
	NotApplicable: {"not applicable", "niet van toepassing", "non applicable", "nicht anwendbar"},
}

// Label returns the availability in a language.
func (a Availability) Label(l lang.Lang) string { return availabilities[a].in(l) }

// Entitlement is one right with its availability for a basis and the
// provision that decides it.
type Entitlement struct {
	Right        Right
	Availability Availability
	// Because cites the provision that makes the right apply, limits it or
	// rules it out, such as "Art. 20(1)(a) GDPR".
	Because string
}

// RightsFor returns the rights of data subjects whose data are processed for
// a purpose on basis b, in the order of Rights. directMarketing adds the
// unconditional right to object to processing for direct marketing (Art.
// 21(2)), which holds whatever the basis. Access, rectification and
// restriction hold on every basis. Portability applies only to consent and
// contract (Art. 20(1)(a)) and then only to processing by automated means;
// objection on grounds relating to the data subject's situation only to
// public task and legitimate interests (Art. 21(1)); withdrawal only to
// consent (Art. 7(3)). Erasure is limited where the controller must keep the
// data under a legal obligation or for a public task (Art. 17(3)(b)), and
// otherwise follows the grounds of Art. 17(1).
func RightsFor(b Basis, directMarketing bool) []Entitlement {
	out := []Entitlement{
		{Access, Applies, "Art. 15 GDPR"},
		{Rectification, Applies, "Art. 16 GDPR"},
		erasureFor(b),
		{Restriction, Applies, "Art. 18 GDPR"},
	}
	switch b {
	case Consent, Contract:
		out = append(out, Entitlement{Portability, Applies, "Art. 20(1)(a) GDPR, where processing is by automated means"})
	case PublicTask:
		out = append(out, Entitlement{Portability, NotApplicable, "Art. 20(3) GDPR"})
	default:
		out = append(out, Entitlement{Portability, NotApplicable, "Art. 20(1)(a) GDPR"})
	}
	if b == PublicTask || b == LegitimateInterests {
		out = append(out, Entitlement{Objection, Applies, "Art. 21(1) GDPR"})
	} else {
		out = append(out, Entitlement{Objection, NotApplicable, "Art. 21(1) GDPR"})
	}
	if directMarketing {
		out = append(out, Entitlement{ObjectionDirectMarketing, Applies, "Art. 21(2) GDPR"})
	}
	if b == Consent {
		out = append(out, Entitlement{WithdrawConsent, Applies, "Art. 7(3) GDPR"})
	} else {
		out = append(out, Entitlement{WithdrawConsent, NotApplicable, "Art. 7(3) GDPR"})
	}
	return out
}

func erasureFor(b Basis) Entitlement {
	switch b {
	case Consent:
		return Entitlement{Erasure, Applies, "Art. 17(1)(b) GDPR"}
	case LegitimateInterests:
		return Entitlement{Erasure, Applies, "Art. 17(1)(c) GDPR"}
	case LegalObligation, PublicTask:
		return Entitlement{Erasure, Limited, "Art. 17(3)(b) GDPR"}
	}
	return Entitlement{Erasure, Limited, "Art. 17(1)(a) GDPR"}
}
