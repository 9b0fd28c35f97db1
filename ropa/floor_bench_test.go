package ropa_test

import (
	"testing"

	"github.com/openropa/registry/ropa"
)

// BenchmarkValidateSynthetic is the structural half of the check (the
// validator/v10 pass and the ids and references) on the register of
// BenchmarkCheck/activities=13: the floor the rules add to.
func BenchmarkValidateSynthetic(b *testing.B) {
	r := synthetic(13)
	b.ReportAllocs()
	for b.Loop() {
		_ = ropa.Validate(r)
	}
}
