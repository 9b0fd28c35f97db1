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
