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
