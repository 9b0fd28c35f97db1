package ropa_test

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/ropa"
)

var benchDay = ropa.NewDate(2026, 11, 21)

var benchSizes = []int{13, 1000, 10000}

func synthetic(n int) *ropa.Register { return synth.Cached(n) }

// BenchmarkCheck checks synthetic registers of 13 (the size of the WEngage
// register), 1,000 and 10,000 activities.
func BenchmarkCheck(b *testing.B) {
	c, err := ropa.NewChecker()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			reg := synthetic(n)
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Check(reg, benchDay)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
		})
	}
}

func documents(b *testing.B, n int) (yaml, json []byte) {
	b.Helper()
	reg := synthetic(n)
	j, err := ropa.Marshal(reg)
	if err != nil {
		b.Fatal(err)
	}
	y, err := ropa.MarshalYAML(reg)
	if err != nil {
		b.Fatal(err)
	}
	return y, j
}

// BenchmarkLoadYAML loads a YAML register of 1,000 activities.
func BenchmarkLoadYAML(b *testing.B) {
	y, _ := documents(b, 1000)
	benchmarkLoad(b, y, ropa.YAML)
}

// BenchmarkLoadJSON loads a JSON register of 1,000 activities.
func BenchmarkLoadJSON(b *testing.B) {
	_, j := documents(b, 1000)
	benchmarkLoad(b, j, ropa.JSON)
}

// benchmarkLoad decodes a document; retained-MB is the live heap that one
// loaded register holds (its values and the positions of its document).
func benchmarkLoad(b *testing.B, doc []byte, format ropa.Format) {
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ropa.Decode(doc, format); err != nil {
			b.Fatal(err)
		}
	}
	before := liveHeap()
	reg, _, err := ropa.Decode(doc, format)
	if err != nil {
		b.Fatal(err)
	}
	after := liveHeap()
	b.ReportMetric(float64(after-min(after, before))/(1<<20), "retained-MB")
	runtime.KeepAlive(reg)
}

// liveHeap returns the live heap after a collection.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// BenchmarkWriteJSON writes the canonical JSON of 1,000 activities.
func BenchmarkWriteJSON(b *testing.B) {
	reg := synthetic(1000)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := ropa.Encode(&buf, reg); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkCheckSeed checks the WEngage register of the examples (13 activities).
func BenchmarkCheckSeed(b *testing.B) {
	reg, _, err := examples.Load("wengage")
	if err != nil {
		b.Fatal(err)
	}
	c, err := ropa.NewChecker()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Check(reg, benchDay)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}
