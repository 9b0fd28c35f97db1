package examples_test

import (
	"fmt"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/ropa"
)

func Example() {
	reg, _, err := examples.Load("webassur")
	if err != nil {
		panic(err)
	}
	fmt.Println(reg.Organisation.Name, len(reg.Activities))
	rep := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	fmt.Println(rep.Summary.Errors, "errors, among them:")
	for _, f := range rep.Findings {
		if f.Rule == "invalid-mechanism" {
			fmt.Println(f.Path, "-", f.Article)
		}
	}
	// Output:
	// Archer Consulting BV (Webassur) 5
	// 10 errors, among them:
	// activities[3].transfers[0].mechanism - Art. 44 and 46 GDPR

}
