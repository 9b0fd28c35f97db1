package examples_test

import (
	"fmt"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/ropa"
)

func Example() {
	reg, err := examples.Load("webassur")
	if err != nil {
		panic(err)
	}
	fmt.Println(reg.Organisation.Name, len(reg.Activities))
	rep := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	fmt.Println(rep.Summary.Errors)
	// Output:
	// Archer Consulting BV (Webassur) 5
	// 0
}
