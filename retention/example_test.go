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
