package godoc_test

import (
	"fmt"

	"github.com/openropa/registry/internal/godoc"
)

func ExampleFields() {
	docs, err := godoc.Fields(`package p

type Purpose struct {
	// Description states the purpose. Required.
	Description string
}
`)
	if err != nil {
		panic(err)
	}
	fmt.Println(docs["Purpose"]["Description"])
	// Output:
	// Description states the purpose. Required.
}
