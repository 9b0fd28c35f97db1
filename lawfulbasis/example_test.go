package lawfulbasis_test

import (
	"fmt"
	"time"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
)

func Example() {
	bases, err := lawfulbasis.ParseBases("Gerechtvaardigd belang; toestemming indien u hierom verzocht")
	if err != nil {
		panic(err)
	}
	for _, b := range bases {
		fmt.Println(b, "-", b.Article(), "-", b.Label(lang.French))
	}

	day := time.Date(2020, time.July, 16, 0, 0, 0, 0, time.UTC)
	fmt.Println(lawfulbasis.PrivacyShield.ValidOn(day).Valid)
	listed := true
	us := lawfulbasis.AssessAdequacy(lawfulbasis.AdequacyQuery{Country: "US", Day: time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC), DPF: &listed})
	fmt.Println(us.Verdict, us.Decision.Instrument)
	// Output:
	// legitimate-interests - Art. 6(1)(f) GDPR - Intérêt légitime
	// consent - Art. 6(1)(a) GDPR - Consentement
	// false
	// adequate Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)
}

func ExampleAssessAdequacy() {
	day := time.Date(2026, time.November, 21, 0, 0, 0, 0, time.UTC)
	for _, q := range []lawfulbasis.AdequacyQuery{
		{Country: "JP", Day: day, Scope: lawfulbasis.APPI},
		{Country: "JP", Day: day},
		{Country: "JP", Day: day, PublicAuthority: true},
		{Country: "US", Day: day},
	} {
		r := lawfulbasis.AssessAdequacy(q)
		fmt.Println(q.Country, r.Verdict)
	}
	// Output:
	// JP adequate
	// JP confirm-scope
	// JP not-adequate
	// US confirm-scope
}

func ExampleChapterVApplies() {
	for _, d := range []time.Time{
		time.Date(2021, time.March, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2021, time.July, 1, 0, 0, 0, 0, time.UTC),
	} {
		a := lawfulbasis.ChapterVApplies("GB", d)
		fmt.Println(d.Format(time.DateOnly), a.Applies)
	}
	gf := lawfulbasis.ChapterVApplies("GF", time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println("GF", gf.Applies)
	// Output:
	// 2021-03-01 false
	// 2021-07-01 true
	// GF false
}

func ExampleRecogniseSCC() {
	ref, err := lawfulbasis.RecogniseSCC("SCC (EU) 2021/914, modules 2 and 3")
	if err != nil {
		panic(err)
	}
	fmt.Println(ref.Decisions[0].Number, ref.Modules, ref.ForProcessor())

	old, _ := lawfulbasis.RecogniseSCC("Decision 2010/87/EU")
	v := old.ValidOn(time.Date(2023, time.January, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(v.Valid)
	// Output:
	// (EU) 2021/914 [module 2 (controller to processor) module 3 (processor to processor)] true
	// false
}

func ExampleSupervisoryAuthorityOf() {
	a, ok := lawfulbasis.SupervisoryAuthorityOf("BE", time.Date(2026, time.November, 21, 0, 0, 0, 0, time.UTC))
	if !ok {
		return
	}
	for _, n := range a.Local {
		fmt.Printf("%s: %s, %s\n", n.Lang, n.Name, n.Address)
	}
	// Output:
	// nl: Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel
	// fr: Autorité de protection des données, Rue de la Presse 35, 1000 Bruxelles
}

func ExampleNationalDPORequirements() {
	for _, r := range lawfulbasis.NationalDPORequirements("DE", time.Date(2026, time.November, 21, 0, 0, 0, 0, time.UTC)) {
		fmt.Println(r.Persons, "from", r.From.Format(time.DateOnly))
	}
	// Output:
	// 20 from 2019-11-26
	// 0 from 2019-11-26
}

func ExampleEUDPRProvision() {
	c, ok := lawfulbasis.EUDPRProvision("Art. 30(1)")
	fmt.Println(c.EUDPR, ok)
	_, ok = lawfulbasis.EUDPRProvision("Art. 44")
	fmt.Println(ok)
	// Output:
	// Art. 31 true
	// false
}
