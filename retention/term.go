package retention

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/openropa/registry/lang"
)

// Term is one retention term as a register states it (Art. 30(1)(f) GDPR:
// "where possible, the envisaged time limits for erasure").
//
// A term is one of, or a combination of:
//   - a period after an event: Period and From ("3 years after the last contact");
//   - an open end: Until, one or more events of which the first ends the term
//     ("until consent is withdrawn or an objection is made");
//   - a statutory term: Law, the provision that sets it, with or without a Period;
//   - Criteria: where no period can be given, how it is determined (Art. 13(2)(a)).
//
// AtLeast marks a Period that is a minimum ("at least 7 years"), Extension a
// longer hold in a stated case, and Case the part of the data or the situation
// the term applies to ("for personal claims").
type Term struct {
	// Period is the retention period, an ISO 8601 duration such as P3Y.
	Period Period `json:"period,omitzero"`
	// From is the event that starts Period. A period without it is valid
	// (registers often leave the start implicit) but gives no erasure date.
	From Event `json:"from,omitempty"`
	// FromYearEnd counts Period from the end of the calendar year in which
	// From happens, that is from 1 January of the following year, as tax
	// and archive law does ("7 jaar te rekenen vanaf 1 januari van het jaar
	// dat volgt op de afsluiting", "à compter de la fin de l'année"). A
	// financial year that is not the calendar year is not covered: name the
	// end of the financial year as the starting event instead.
	FromYearEnd bool `json:"fromYearEnd,omitempty"`
	// Until lists the events that end the term; the first to happen ends it.
	Until []Event `json:"until,omitempty"`
	// AtLeast marks Period as a minimum: the data are kept at least that long.
	AtLeast bool `json:"atLeast,omitempty"`
	// Law cites the statutory provision that sets or bounds the term.
	Law string `json:"law,omitempty"`
	// Case says to which data or in which situation the term applies.
	Case string `json:"case,omitempty"`
	// Extension is a longer hold in a stated case.
	Extension *Extension `json:"extension,omitempty"`
	// Criteria says how the term is determined where no period can be given.
	Criteria string `json:"criteria,omitempty"`
	// Then says what happens to the data at the end of the term: destroyed,
	// anonymised, pseudonymised or transferred to an archive. Empty: not said.
	Then Disposal `json:"then,omitempty"`
	// Text holds the words of the source document that state the term.
	Text string `json:"text,omitempty"`
}

// Extension is a longer hold than a term's own, in the case When describes
// ("unless an incident is under investigation").
type Extension struct {
	// Period is the longer period, counted from the term's own starting event.
	Period Period `json:"period,omitzero"`
	// Until lists events that end the longer hold.
	Until []Event `json:"until,omitempty"`
	// When describes the case in which the extension applies. Required.
	When string `json:"when"`
	// Law cites the provision that requires the longer hold ("art. 315 WIB
	// 92" for a tax audit), where a law requires it.
	Law string `json:"law,omitempty"`
}

// Validate reports every reason why the term is not a usable term, joined
// into one error, or nil. (A term is large: checked by pointer, it is not
// copied.)
func (t *Term) Validate() error {
	var errs []error
	if t.Period.IsZero() && len(t.Until) == 0 && strings.TrimSpace(t.Law) == "" && strings.TrimSpace(t.Criteria) == "" {
		errs = append(errs, errors.New("a retention term needs a period, an end event (until), a law or criteria"))
	}
	if t.Period.IsZero() && t.From != "" {
		errs = append(errs, fmt.Errorf("from %q needs a period to count from it", t.From))
	}
	if t.AtLeast && t.Period.IsZero() {
		errs = append(errs, errors.New("atLeast needs a period"))
	}
	if t.FromYearEnd && t.Period.IsZero() {
		errs = append(errs, errors.New("fromYearEnd needs a period to count from the end of the year"))
	}
	if t.Then != "" && !t.Then.Valid() {
		_, err := ParseDisposal(string(t.Then))
		errs = append(errs, fmt.Errorf("then: %w", err))
	}
	if t.From != "" && !t.From.Valid() {
		errs = append(errs, fmt.Errorf("from: unknown event %q: %s", t.From, eventHint))
	}
	errs = append(errs, checkEvents("until", t.Until)...)
	if x := t.Extension; x != nil {
		if strings.TrimSpace(x.When) == "" {
			errs = append(errs, errors.New("extension needs the case it applies in (when)"))
		}
		if x.Period.IsZero() && len(x.Until) == 0 && strings.TrimSpace(x.Law) == "" {
			errs = append(errs, errors.New("extension needs a period, an end event (until) or the law that requires it"))
		}
		errs = append(errs, checkEvents("extension until", x.Until)...)
	}
	return errors.Join(errs...)
}

func checkEvents(field string, events []Event) []error {
	var errs []error
	for i, e := range events {
		if !e.Valid() {
			errs = append(errs, fmt.Errorf("%s: unknown event %q: %s", field, e, eventHint))
		} else if slices.Contains(events[:i], e) {
			errs = append(errs, fmt.Errorf("%s: event %q is named twice", field, e))
		}
	}
	return errs
}

// OpenEnded reports whether the term ends only at an event that may never
// happen: it has end events and no period.
func (t Term) OpenEnded() bool { return t.Period.IsZero() && len(t.Until) > 0 }

// Status says how far an erasure date is known.
type Status string

// The states of an erasure date.
const (
	// DueOn: the data must be erased by Due.Date.
	DueOn Status = "due"
	// DueNotBefore: the term is a minimum; the data may be erased from Due.Date on.
	DueNotBefore Status = "not-before"
	// NotYet: the event that starts or ends the term has not happened.
	NotYet Status = "not-yet"
	// Undetermined: the term gives no date (only a law or criteria).
	Undetermined Status = "undetermined"
)

// Due is the answer to "by when must these data be erased".
type Due struct {
	Status Status
	// Date is the erasure date where Status is DueOn or DueNotBefore.
	Date time.Time
	// Reason explains a NotYet or Undetermined answer.
	Reason string
}

// ErasureDate computes when data kept under the term must be erased, given
// the dates on which events have happened (an event not in the map has not
// happened; named events of the register are keyed by their ids). With a
// period and an end event, the earlier of the two dates applies. With
// FromYearEnd the period runs from 1 January of the year after the starting
// event (7 years after an event on 15 March 2024: 1 January 2032). An extension is not applied: whether its case holds is a fact the
// term cannot know.
func (t Term) ErasureDate(happened map[Event]time.Time) Due {
	var (
		date  time.Time
		found bool
	)
	if !t.Period.IsZero() && t.From == "" && len(t.Until) == 0 {
		return Due{Status: Undetermined, Reason: fmt.Sprintf("the term does not say which event starts its period of %s", t.Period)}
	}
	if !t.Period.IsZero() && t.From != "" {
		start, ok := happened[t.From]
		if !ok && len(t.Until) == 0 {
			return Due{Status: NotYet, Reason: fmt.Sprintf("the starting event %s has not happened", t.From)}
		}
		if ok {
			if t.FromYearEnd {
				start = time.Date(start.Year()+1, time.January, 1, 0, 0, 0, 0, start.Location())
			}
			date, found = t.Period.AddTo(start), true
		}
	}
	for _, e := range t.Until {
		if d, ok := happened[e]; ok && (!found || d.Before(date)) {
			date, found = d, true
		}
	}
	switch {
	case found && t.AtLeast:
		return Due{Status: DueNotBefore, Date: date}
	case found:
		return Due{Status: DueOn, Date: date}
	case len(t.Until) > 0:
		return Due{Status: NotYet, Reason: "none of the ending events has happened: " + ids(t.Until, ", ")}
	}
	return Due{Status: Undetermined, Reason: "the term gives no period: it is set by " + t.determinedBy()}
}

func (t Term) determinedBy() string {
	if t.Law != "" {
		return "law (" + t.Law + ")"
	}
	return "criteria"
}

// Compare compares how long two terms keep data. It returns -1 when a keeps
// data for a shorter time than b, +1 when longer and 0 when as long, and
// false where that cannot be decided: terms counted from different events,
// open ends against periods, or periods whose order depends on the date.
func Compare(a, b Term) (int, bool) {
	if a.Period.IsZero() || b.Period.IsZero() {
		if a.Period.IsZero() && b.Period.IsZero() && len(a.Until) > 0 && sameEvents(a.Until, b.Until) {
			return 0, true
		}
		return 0, false
	}
	if a.From != b.From || !sameEvents(a.Until, b.Until) {
		return 0, false
	}
	return ComparePeriods(a.Period, b.Period)
}

func sameEvents(a, b []Event) bool {
	if len(a) != len(b) {
		return false
	}
	set := map[Event]bool{}
	for _, e := range a {
		set[e] = true
	}
	for _, e := range b {
		if !set[e] {
			return false
		}
	}
	return true
}

// Respects reports whether the term keeps data at least as long as min, a
// statutory minimum. It answers false, false where that cannot be decided
// (an open end, or a period whose comparison depends on the date).
func (t Term) Respects(min Period) (ok, decided bool) {
	if t.Period.IsZero() {
		return false, false
	}
	c, decided := ComparePeriods(t.Period, min)
	return c >= 0, decided
}

type unitWords struct{ one, many string }

var periodWords = map[lang.Lang][6]unitWords{
	lang.English: {{"year", "years"}, {"month", "months"}, {"week", "weeks"}, {"day", "days"}, {"hour", "hours"}, {"minute", "minutes"}},
	lang.Dutch:   {{"jaar", "jaar"}, {"maand", "maanden"}, {"week", "weken"}, {"dag", "dagen"}, {"uur", "uur"}, {"minuut", "minuten"}},
	lang.French:  {{"an", "ans"}, {"mois", "mois"}, {"semaine", "semaines"}, {"jour", "jours"}, {"heure", "heures"}, {"minute", "minutes"}},
	lang.German:  {{"Jahr", "Jahre"}, {"Monat", "Monate"}, {"Woche", "Wochen"}, {"Tag", "Tage"}, {"Stunde", "Stunden"}, {"Minute", "Minuten"}},
}

// sentence-level words per language.
var termWords = map[lang.Lang]struct {
	and, or, atLeast, unless, accordingTo, criteria, forCase string
	// yearEndAfter follows the starting event of a FromYearEnd term,
	// yearEnd follows its period where it names no event.
	yearEndAfter, yearEnd string
}{
	lang.English: {"and", "or", "at least", "unless", "as laid down in", "determined by these criteria", "for",
		"counted from 1 January of the following year", "from the end of the calendar year"},
	lang.Dutch: {"en", "of", "minstens", "tenzij", "zoals vastgelegd in", "bepaald volgens deze criteria", "voor",
		"te rekenen vanaf 1 januari van het volgende jaar", "vanaf het einde van het kalenderjaar"},
	lang.French: {"et", "ou", "au moins", "sauf", "tel que prévu par", "déterminée selon ces critères", "pour",
		"à compter du 1er janvier de l'année suivante", "à compter de la fin de l'année civile"},
	lang.German: {"und", "oder", "mindestens", "außer", "wie festgelegt in", "bestimmt nach diesen Kriterien", "für",
		"gerechnet ab dem 1. Januar des Folgejahres", "ab dem Ende des Kalenderjahres"},
}

// Words renders the period in a language: "1 year and 27 days",
// "1 jaar en 27 dagen", "1 an et 27 jours", "1 Jahr und 27 Tage".
func (p Period) Words(l lang.Lang) string {
	words, ok := periodWords[l]
	if !ok {
		l, words = lang.English, periodWords[lang.English]
	}
	units := [...]int{p.Years, p.Months, p.Weeks, p.Days, p.Hours, p.Minutes}
	var used [len(units)]int // the indices of the units given
	n := 0
	for i, v := range units {
		if v != 0 {
			used[n] = i
			n++
		}
	}
	b := make([]byte, 0, 12*n)
	for k, i := range used[:n] {
		switch {
		case k == 0:
		case k == n-1:
			b = append(append(append(b, ' '), termWords[l].and...), ' ')
		default:
			b = append(b, ", "...)
		}
		b = append(strconv.AppendInt(b, int64(units[i]), 10), ' ')
		if units[i] == 1 {
			b = append(b, words[i].one...)
		} else {
			b = append(b, words[i].many...)
		}
	}
	return string(b)
}

func joinList(parts []string, conj string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + conj + " " + parts[len(parts)-1]
}

// WordOption changes how [Term.Words] and [Term.Wording] word a term.
type WordOption func(*wording)

// wording is the state of one wording of a term: the options and the named
// events found without a label.
type wording struct {
	labels     func(Event, lang.Lang) (string, bool)
	membership bool
	missing    []Event
}

// Membership words the end of the relationship (relationship-end) as the
// end of a membership ("nach dem Ende der Mitgliedschaft"), for terms of
// the data of an association's members.
func Membership() WordOption { return func(w *wording) { w.membership = true } }

// EventLabels gives the labels of the named events of a register: labels
// returns the label of event e in language l ("end of the programme
// period", "Austritt"), and false where it has none. A label is written as
// given, quoted ("3 years after the event “end of the programme period”");
// a named event without a label is worded as one ("after an event with no
// English label (id programme-period-end)"), never as its bare id.
func EventLabels(labels func(e Event, l lang.Lang) (label string, ok bool)) WordOption {
	return func(w *wording) { w.labels = labels }
}

// Words renders the term as a sentence in a language: "3 years after the
// last contact", "3 jaar na het laatste contact", "3 ans après le dernier
// contact", "3 Jahre nach dem letzten Kontakt". An unknown language falls
// back to English. The labels of named events come from [EventLabels];
// [Term.Wording] also reports those that have none.
func (t Term) Words(l lang.Lang, opts ...WordOption) string {
	s, _ := t.Wording(l, opts...)
	return s
}

// Wording is [Term.Words] with an error that names every named event of the
// term that has no label in the language (the sentence then words it as an
// event without a label). The error is nil where every event has its words.
func (t Term) Wording(l lang.Lang, opts ...WordOption) (string, error) {
	var wd wording
	for _, o := range opts {
		if o != nil { // a nil option says nothing
			o(&wd)
		}
	}
	if !l.Valid() {
		l = lang.English
	}
	s := t.words(l, &wd)
	if len(wd.missing) == 0 {
		return s, nil
	}
	ids := make([]string, len(wd.missing))
	for i, e := range wd.missing {
		ids[i] = strconv.Quote(string(e))
	}
	return s, fmt.Errorf("retention: no %s label for the register's event %s", l, strings.Join(ids, ", "))
}

func (t Term) words(l lang.Lang, wd *wording) string {
	w := termWords[l]
	var parts []string
	if !t.Period.IsZero() {
		s := t.Period.Words(l)
		if t.AtLeast {
			s = w.atLeast + " " + s
		}
		if t.From != "" {
			s += " " + t.From.phrases(l, wd).After
			if t.FromYearEnd {
				s += ", " + w.yearEndAfter
			}
		} else if t.FromYearEnd {
			s += " " + w.yearEnd
		}
		parts = append(parts, s)
	}
	if len(t.Until) > 0 {
		ends := make([]string, len(t.Until))
		for i, e := range t.Until {
			ends[i] = e.phrases(l, wd).Until
		}
		parts = append(parts, joinList(ends, w.or))
	}
	s := joinList(parts, w.or)
	if t.Case != "" {
		s = strings.TrimSpace(s + " " + w.forCase + " " + t.Case)
	}
	if t.Law != "" {
		if s == "" {
			s = w.accordingTo + " " + t.Law
		} else {
			s += " (" + w.accordingTo + " " + t.Law + ")"
		}
	}
	then := ""
	if t.Then.Valid() {
		then = t.Then.words(l).then
	}
	if then != "" && s != "" {
		s, then = s+", "+then, ""
	}
	if x := t.Extension; x != nil {
		var ext []string
		if !x.Period.IsZero() {
			ext = append(ext, x.Period.Words(l))
		}
		for _, e := range x.Until {
			ext = append(ext, e.phrases(l, wd).Until)
		}
		inner := joinList(ext, w.or)
		if x.Law != "" {
			if inner != "" {
				inner += ", "
			}
			inner += w.accordingTo + " " + x.Law
		}
		s += ", " + w.unless + " " + x.When + " (" + inner + ")"
	}
	if t.Criteria != "" {
		if s == "" {
			s = upperFirst(w.criteria) + ": " + t.Criteria
		} else {
			s += "; " + w.criteria + ": " + t.Criteria
		}
	}
	if then != "" { // a term with nothing before its disposal
		if s == "" {
			return upperFirst(then)
		}
		s += "; " + then
	}
	return s
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
