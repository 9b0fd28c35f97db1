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
	us := lawfulbasis.AdequateCountry("US", time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC), lawfulbasis.DPFList)
	fmt.Println(us.Adequate, us.Decision.Instrument)
	// Output:
	// legitimate-interests - Art. 6(1)(f) GDPR - Intérêt légitime
	// consent - Art. 6(1)(a) GDPR - Consentement
	// false
	// true Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)
}
