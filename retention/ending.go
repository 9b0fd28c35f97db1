package retention

import "strings"

// Ending says what ends a retention term, as [Term.Ending] finds it: its
// period, its ending events, the statutes its law cites, or nothing. A term
// with an end has at least one of Period, Events and Statutes ([Ending.Ends]).
//
// Where nothing ends a term, MinimumOnly and UnknownLaw say why a term that
// looks as if it had an end has none: "minstens 7 jaar" (atLeast, with no
// maximum) keeps the data at least that long and sets no end; a law that is
// none of the statutes known for the register's country and day may set an
// end, but it cannot be told which. Criteria are no end either: they say how
// the end is determined.
type Ending struct {
	// Period is true where the term's period ends it: a period that is not
	// only a minimum.
	Period bool
	// Events are the term's ending events (Until); the first to happen ends it.
	Events []Event
	// Statutes are the statutes given that the term's law cites and whose
	// period ends the term: a maximum always; a duty to keep or a limitation
	// period where the term is not only a minimum (a term kept "as the law
	// requires" ends with the law's period).
	Statutes []Statute
	// MinimumOnly is true where the period is a minimum (atLeast) and nothing
	// else ends the term.
	MinimumOnly bool
	// UnknownLaw is true where the term cites a law that is none of the
	// statutes given.
	UnknownLaw bool
}

// Ends reports whether something ends the term.
func (e Ending) Ends() bool { return e.Period || len(e.Events) > 0 || len(e.Statutes) > 0 }

// Ending classifies what ends the term, with statutes the statutory periods
// that may apply to it (those of the register's country on the checking day,
// from [StatutesOf]); a nil list knows no statute, so that any law is
// unknown. It looks at the term alone: an extension is a longer hold in a
// case, not the end of the term.
func (t *Term) Ending(statutes []Statute) Ending {
	e := Ending{Period: !t.Period.IsZero() && !t.AtLeast, Events: t.Until}
	law := strings.TrimSpace(t.Law)
	cited := false
	for i := range statutes {
		s := &statutes[i]
		if law == "" || !s.CitedBy(law) {
			continue
		}
		cited = true
		if s.Kind == MaximumHold || !t.AtLeast {
			e.Statutes = append(e.Statutes, *s)
		}
	}
	e.UnknownLaw = law != "" && !cited
	e.MinimumOnly = t.AtLeast && !t.Period.IsZero() && !e.Ends()
	return e
}
