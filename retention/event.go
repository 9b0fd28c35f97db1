package retention

import (
	"fmt"
	"slices"
	"strings"

	"github.com/openropa/registry/lang"
)

// Event is something that happens to a data subject's relationship with the
// controller and starts or ends a retention term.
//
// An event is either one of the standard events of this package (the
// constants below, listed by [Events]; [Event.Standard]) or a named event
// that a register defines for itself: the end of a programme period, the
// end of an event the organisation holds. A named event is an id in lower-case
// kebab case ("programme-period-end"; [Event.Named]); the register lists it
// with its label in its language, and [Term.Words] takes that label from the
// caller ([EventLabels]).
type Event string

// The standard events a retention term can start from or end at.
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

// Events lists every standard event in a fixed order. Named events are the
// register's and are not listed.
func Events() []Event {
	return []Event{Collection, LastContact, ContractEnd, RelationshipEnd, ConsentWithdrawn,
		Objection, AccountClosure, SessionEnd, ApplicationClosed, IncidentClosed}
}

// Standard reports whether e is one of the standard events of this package.
func (e Event) Standard() bool {
	switch e {
	case Collection, LastContact, ContractEnd, RelationshipEnd, ConsentWithdrawn,
		Objection, AccountClosure, SessionEnd, ApplicationClosed, IncidentClosed:
		return true
	}
	return false
}

// maxNamedEvent bounds the length of a named event's id.
const maxNamedEvent = 64

// Named reports whether e is the id of a named event of a register: not a
// standard event, and written in lower-case kebab case of at most 64 bytes,
// words of letters a-z and digits joined by single hyphens, starting with a
// letter ("programme-period-end", "austritt", "event-2025-end"). Whether the
// register defines the event is for the register to say.
func (e Event) Named() bool {
	return !e.Standard() && kebabID(string(e))
}

func kebabID(s string) bool {
	if s == "" || len(s) > maxNamedEvent || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Valid reports whether e is a standard event or the id of a named event.
func (e Event) Valid() bool { return e.Standard() || e.Named() }

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

// namedWords holds, for one language, how a named event is worded with its
// label (%s), and without one. The label is quoted, so that any noun phrase
// a register writes ("Austritt", "end of the programme period") reads
// grammatically after the preposition, whatever its gender and case.
type namedWords struct {
	after, until               string // with the label
	afterMissing, untilMissing string // without a label, with the id
}

var namedEventWords = map[lang.Lang]namedWords{
	lang.English: {"after the event “%s”", "until the event “%s”",
		"after an event with no English label (id %s)", "until an event with no English label (id %s)"},
	lang.Dutch: {"na de gebeurtenis ‘%s’", "tot de gebeurtenis ‘%s’",
		"na een gebeurtenis zonder Nederlands label (id %s)", "tot een gebeurtenis zonder Nederlands label (id %s)"},
	lang.French: {"après l'événement «\u00a0%s\u00a0»", "jusqu'à l'événement «\u00a0%s\u00a0»",
		"après un événement sans libellé en français (identifiant %s)", "jusqu'à un événement sans libellé en français (identifiant %s)"},
	lang.German: {"nach dem Ereignis „%s“", "bis zum Ereignis „%s“",
		"nach einem Ereignis ohne deutsche Bezeichnung (ID %s)", "bis zu einem Ereignis ohne deutsche Bezeichnung (ID %s)"},
}

// After words the event as it follows a period: "after the last contact",
// "na het laatste contact". An unknown language falls back to English. A
// named event has no label here and is worded as an event without one
// ("after an event with no English label (id programme-period-end)"); give
// its label to [Term.Words] with [EventLabels].
func (e Event) After(l lang.Lang) string { return e.phrases(l, nil).After }

// Until words the event as the open end of a term: "until consent is
// withdrawn", "tot de intrekking van de toestemming". A named event is
// worded as [Event.After] says.
func (e Event) Until(l lang.Lang) string { return e.phrases(l, nil).Until }

// phrases words the event in l, taking the label of a named event from w
// (which may be nil). It marks in w a named event that has no label.
func (e Event) phrases(l lang.Lang, w *wording) eventPhrases {
	if !l.Valid() {
		l = lang.English
	}
	if e == RelationshipEnd && w != nil && w.membership {
		return membershipEnd[l]
	}
	if p, ok := eventWords[e][l]; ok {
		return p
	}
	nw := namedEventWords[l]
	if w != nil && w.labels != nil {
		if label, ok := w.labels(e, l); ok && strings.TrimSpace(label) != "" {
			return eventPhrases{After: fmt.Sprintf(nw.after, label), Until: fmt.Sprintf(nw.until, label)}
		}
	}
	if w != nil && !slices.Contains(w.missing, e) {
		w.missing = append(w.missing, e)
	}
	return eventPhrases{After: fmt.Sprintf(nw.afterMissing, e), Until: fmt.Sprintf(nw.untilMissing, e)}
}

// membershipEnd words relationship-end for the members of an association:
// the relationship is their membership, not a business relationship.
var membershipEnd = map[lang.Lang]eventPhrases{
	lang.English: {"after the end of the membership", "until the end of the membership"},
	lang.Dutch:   {"na het einde van het lidmaatschap", "tot het einde van het lidmaatschap"},
	lang.French:  {"après la fin de l'adhésion", "jusqu'à la fin de l'adhésion"},
	lang.German:  {"nach dem Ende der Mitgliedschaft", "bis zum Ende der Mitgliedschaft"},
}

// ParseEvent returns the event named by its identifier: a standard event or
// the id of a named event ([Event.Named]).
func ParseEvent(s string) (Event, error) {
	e := Event(s)
	if e.Valid() {
		return e, nil
	}
	return "", fmt.Errorf("retention: unknown event %q: %s", s, eventHint)
}

// eventHint says what an event may be, for the errors of unknown events.
var eventHint = func() string {
	return "want one of " + ids(Events(), ", ") + ", or the id of a named event of the register in lower-case kebab case (such as programme-period-end)"
}()
