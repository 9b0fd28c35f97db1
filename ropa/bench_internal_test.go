package ropa

import (
	"fmt"
	"reflect"
	"testing"
)

// cleanRegister returns a register of n activities that breaks no rule.
func cleanRegister(n int) *Register {
	r := validRegister()
	r.Waivers = nil
	a := r.Activities[0]
	r.Activities = nil
	for i := 0; i < n; i++ {
		x := a
		x.ID = fmt.Sprintf("a%d", i)
		r.Activities = append(r.Activities, x)
	}
	return r
}

// BenchmarkCheckClean checks a 13-activity register that breaks no rule:
// the cost of a check without findings to report.
func BenchmarkCheckClean(b *testing.B) {
	r := cleanRegister(13)
	c, err := NewChecker()
	if err != nil {
		b.Fatal(err)
	}
	if n := len(c.Check(r, NewDate(2024, 1, 1)).Findings); n != 1 {
		b.Fatalf("want only the Art. 30(5) advice, got %d findings", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Check(r, NewDate(2024, 1, 1))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}

// BenchmarkValidatorClean is validator/v10 walking the register of
// BenchmarkCheckClean: the floor of the structural part of a check.
func BenchmarkValidatorClean(b *testing.B) {
	r := cleanRegister(13)
	b.ReportAllocs()
	for b.Loop() {
		_ = validate().Struct(r)
	}
}

// BenchmarkDiffCompare is the comparison half of Diff alone, without the
// two checks that run beside it: two registers of 10,000 activities of
// which 1% changed.
func BenchmarkDiffCompare(b *testing.B) {
	old := cleanRegister(10000)
	data, err := Marshal(old)
	if err != nil {
		b.Fatal(err)
	}
	now, _, err := Decode(data, JSON)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(now.Activities); i += 100 {
		now.Activities[i].Purposes[0].Description += " (revised)"
	}
	b.ReportAllocs()
	for b.Loop() {
		d := &RegisterDiff{}
		(&differ{d: d}).register(reflect.ValueOf(old).Elem(), reflect.ValueOf(now).Elem())
		if len(d.Activities) != 100 {
			b.Fatalf("%d activities changed, want 100", len(d.Activities))
		}
	}
}
