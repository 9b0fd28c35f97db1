package retention

import (
	"fmt"
	"strings"

	"github.com/openropa/registry/lang"
)

// Event is something that happens to a data subject's relationship with the
// controller and starts or ends a retention term.
type Event string

// The events a retention term can start from or end at.
const (
	Collection        Event = "collection"         // the data were collected (a cookie was set, a form was sent)
	LastContact       Event = "last-contact"       // the last contact with the data subject
	ContractEnd       Event = "contract-end"       // the contract with the data subject ended
	RelationshipEnd   Event = "relationship-end"   // the business or other relationship ended
	ConsentWithdrawn  Event = "consent-withdrawn"  // the data subject withdrew consent (Art. 7(3) GDPR)
	Objection         Event = "objection"          // the data subject objected (Art. 21 GDPR)
	AccountClosure    Event = "account-closure"    // the user account was closed
	SessionEnd        Event = "session-end"        // the browser or service session ended
	ApplicationClosed Event = "application-closed" // a job application procedure was closed
	IncidentClosed    Event = "incident-closed"    // an incident, investigation or dispute was closed
)

// Events lists every event in a fixed order.
func Events() []Event {
	return []Event{Collection, LastContact, ContractEnd, RelationshipEnd, ConsentWithdrawn,
		Objection, AccountClosure, SessionEnd, ApplicationClosed, IncidentClosed}
}

// Valid reports whether e is one of the events of this package.
func (e Event) Valid() bool {
	switch e {
	case Collection, LastContact, ContractEnd, RelationshipEnd, ConsentWithdrawn,
		Objection, AccountClosure, SessionEnd, ApplicationClosed, IncidentClosed:
		return true
	}
	return false
}

// String returns the event's identifier, as written in a register.
func (e Event) String() string { return string(e) }

// eventPhrases holds, for one language, the event as it follows "after"
// (After) and "until" (Until), each with its preposition.
type eventPhrases struct{ After, Until string }

var eventWords = map[Event]map[lang.Lang]eventPhrases{
	Collection: {
		lang.English: {"after collection", "until collection"},
		lang.Dutch:   {"na het verzamelen", "tot het verzamelen"},
		lang.French:  {"après la collecte", "jusqu'à la collecte"},
		lang.German:  {"nach der Erhebung", "bis zur Erhebung"},
	},
	LastContact: {
		lang.English: {"after the last contact", "until the last contact"},
		lang.Dutch:   {"na het laatste contact", "tot het laatste contact"},
		lang.French:  {"après le dernier contact", "jusqu'au dernier contact"},
		lang.German:  {"nach dem letzten Kontakt", "bis zum letzten Kontakt"},
	},
	ContractEnd: {
		lang.English: {"after the end of the contract", "until the end of the contract"},
		lang.Dutch:   {"na het einde van de overeenkomst", "tot het einde van de overeenkomst"},
		lang.French:  {"après la fin du contrat", "jusqu'à la fin du contrat"},
		lang.German:  {"nach dem Ende des Vertrags", "bis zum Ende des Vertrags"},
	},
	RelationshipEnd: {
		lang.English: {"after the end of the relationship", "until the end of the relationship"},
		lang.Dutch:   {"na het einde van de relatie", "tot het einde van de relatie"},
		lang.French:  {"après la fin de la relation", "jusqu'à la fin de la relation"},
		lang.German:  {"nach dem Ende der Geschäftsbeziehung", "bis zum Ende der Geschäftsbeziehung"},
	},
	ConsentWithdrawn: {
		lang.English: {"after consent is withdrawn", "until consent is withdrawn"},
		lang.Dutch:   {"na de intrekking van de toestemming", "tot de intrekking van de toestemming"},
		lang.French:  {"après le retrait du consentement", "jusqu'au retrait du consentement"},
		lang.German:  {"nach dem Widerruf der Einwilligung", "bis zum Widerruf der Einwilligung"},
	},
	Objection: {
		lang.English: {"after an objection", "until an objection"},
		lang.Dutch:   {"na een bezwaar", "tot een bezwaar"},
		lang.French:  {"après une opposition", "jusqu'à une opposition"},
		lang.German:  {"nach einem Widerspruch", "bis zu einem Widerspruch"},
	},
	AccountClosure: {
		lang.English: {"after the account is closed", "until the account is closed"},
		lang.Dutch:   {"na het afsluiten van de account", "tot het afsluiten van de account"},
		lang.French:  {"après la clôture du compte", "jusqu'à la clôture du compte"},
		lang.German:  {"nach der Schließung des Kontos", "bis zur Schließung des Kontos"},
	},
	SessionEnd: {
		lang.English: {"after the end of the session", "until the end of the session"},
		lang.Dutch:   {"na het einde van de sessie", "tot het einde van de sessie"},
		lang.French:  {"après la fin de la session", "jusqu'à la fin de la session"},
		lang.German:  {"nach dem Ende der Sitzung", "bis zum Ende der Sitzung"},
	},
	ApplicationClosed: {
		lang.English: {"after the application procedure is closed", "until the application procedure is closed"},
		lang.Dutch:   {"na het afsluiten van de sollicitatieprocedure", "tot het afsluiten van de sollicitatieprocedure"},
		lang.French:  {"après la clôture de la procédure de candidature", "jusqu'à la clôture de la procédure de candidature"},
		lang.German:  {"nach Abschluss des Bewerbungsverfahrens", "bis zum Abschluss des Bewerbungsverfahrens"},
	},
	IncidentClosed: {
		lang.English: {"after the incident is closed", "until the incident is closed"},
		lang.Dutch:   {"na de afsluiting van het incident", "tot de afsluiting van het incident"},
		lang.French:  {"après la clôture de l'incident", "jusqu'à la clôture de l'incident"},
		lang.German:  {"nach Abschluss des Vorfalls", "bis zum Abschluss des Vorfalls"},
	},
}

// After words the event as it follows a period: "after the last contact",
// "na het laatste contact". An unknown language falls back to English.
func (e Event) After(l lang.Lang) string { return e.phrases(l).After }

// Until words the event as the open end of a term: "until consent is
// withdrawn", "tot de intrekking van de toestemming".
func (e Event) Until(l lang.Lang) string { return e.phrases(l).Until }

func (e Event) phrases(l lang.Lang) eventPhrases {
	w, ok := eventWords[e]
	if !ok {
		return eventPhrases{After: "after " + string(e), Until: "until " + string(e)}
	}
	if p, ok := w[l]; ok {
		return p
	}
	return w[lang.English]
}

// ParseEvent returns the event named by its identifier.
func ParseEvent(s string) (Event, error) {
	e := Event(s)
	if e.Valid() {
		return e, nil
	}
	names := make([]string, 0, len(eventWords))
	for _, v := range Events() {
		names = append(names, string(v))
	}
	return "", fmt.Errorf("retention: unknown event %q; want one of %s", s, strings.Join(names, ", "))
}
