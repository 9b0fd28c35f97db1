package retention_test

import (
	"fmt"
	"time"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/retention"
)

func Example() {
	terms, err := retention.Parse("Tot 3 jaar na moment van contactname")
	if err != nil {
		panic(err)
	}
	t := terms[0]
	fmt.Println(t.Period, t.From)
	fmt.Println(t.Words(lang.English))
	fmt.Println(t.Words(lang.German))

	contact := time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC)
	due := t.ErasureDate(map[retention.Event]time.Time{retention.LastContact: contact})
	fmt.Println(due.Status, due.Date.Format(time.DateOnly))
	// Output:
	// P3Y last-contact
	// 3 years after the last contact
	// 3 Jahre nach dem letzten Kontakt
	// due 2027-02-28
}

func ExampleParsePeriod() {
	p, err := retention.ParsePeriod("P1Y27D")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Words(lang.Dutch))
	fmt.Println(p.AddTo(time.Date(2023, time.January, 31, 0, 0, 0, 0, time.UTC)).Format(time.DateOnly))
	// Output:
	// 1 jaar en 27 dagen
	// 2024-02-27
}

// A register names an event of its own; the caller gives its labels.
func ExampleEventLabels() {
	term := retention.Term{Period: retention.Period{Years: 20}, From: "programme-period-end"}
	labels := retention.EventLabels(func(e retention.Event, l lang.Lang) (string, bool) {
		if e == "programme-period-end" && l == lang.Dutch {
			return "einde van de programmeringsperiode", true
		}
		return "", false
	})
	fmt.Println(term.From.Named(), term.Validate() == nil)
	fmt.Println(term.Words(lang.Dutch, labels))
	s, err := term.Wording(lang.English, labels)
	fmt.Println(s)
	fmt.Println(err)
	end := time.Date(2027, time.December, 31, 0, 0, 0, 0, time.UTC)
	fmt.Println(term.ErasureDate(map[retention.Event]time.Time{"programme-period-end": end}).Date.Format(time.DateOnly))
	// Output:
	// true true
	// 20 jaar na de gebeurtenis ‘einde van de programmeringsperiode’
	// 20 years after an event with no English label (id programme-period-end)
	// retention: no en label for the register's event "programme-period-end"
	// 2047-12-31
}

// What ends a term: "minstens 7 jaar" keeps the data at least that long and
// sets no end.
func ExampleTerm_Ending() {
	statutes := retention.StatutesOf("BE", time.Date(2026, time.November, 21, 0, 0, 0, 0, time.UTC))
	for _, t := range []retention.Term{
		{Period: retention.Period{Years: 3}, From: retention.LastContact},
		{Period: retention.Period{Years: 7}, AtLeast: true},
		{Law: "toepasselijke wet- en regelgeving"},
		{Law: "art. 2262bis oud BW"},
	} {
		e := t.Ending(statutes)
		fmt.Println(e.Ends(), e.MinimumOnly, e.UnknownLaw, len(e.Statutes))
	}
	// Output:
	// true false false 0
	// false true false 0
	// false false true 0
	// true false false 1
}

// Parse reads the end of the calendar year and what happens at the end.
func ExampleParse() {
	terms, err := retention.Parse("7 jaar na het einde van de overeenkomst, te rekenen vanaf het einde van het kalenderjaar, daarna gearchiveerd")
	if err != nil {
		panic(err)
	}
	t := terms[0]
	fmt.Println(t.Period, t.From, t.FromYearEnd, t.Then)
	fmt.Println(t.Words(lang.French))
	end := time.Date(2024, time.March, 15, 0, 0, 0, 0, time.UTC)
	fmt.Println(t.ErasureDate(map[retention.Event]time.Time{retention.ContractEnd: end}).Date.Format(time.DateOnly))

	_, err = retention.Parse("20 jaar na afloop programmeringsperiode")
	fmt.Println(err)
	// Output:
	// P7Y contract-end true archive
	// 7 ans après la fin du contrat, à compter du 1er janvier de l'année suivante, puis versées aux archives
	// 2032-01-01
	// retention: "20 jaar na afloop programmeringsperiode": cannot read the event "afloop programmeringsperiode" after "na"; if it is an event of the register, define it as a named event (such as afloop-programmeringsperiode) and use its id
}
