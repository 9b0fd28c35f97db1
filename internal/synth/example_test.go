package synth_test

import (
	"fmt"

	"github.com/openropa/registry/internal/synth"
)

func ExampleRegister() {
	reg := synth.Register(100, 1)
	fmt.Println(len(reg.Activities), len(reg.Processing), reg.Activities[0].ID)
	// Output:
	// 100 10 a00000
}

func ExampleFull() {
	reg := synth.Full(10, 1)
	a := reg.Activities[0]
	fmt.Println(len(reg.Activities), reg.Regime, a.Status, a.Owner.Function, a.Retention[0].Extension.When)
	// Output:
	// 10 eudpr planned Head of sales A claim is brought
}
