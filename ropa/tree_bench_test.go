package ropa_test

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openropa/registry/ropa"
	k8syaml "sigs.k8s.io/yaml"
)

// BenchmarkParseJSON parses the JSON of a register of 1,000 activities into
// the tree the loader walks; peak-x is the most heap the parse holds at once,
// per byte of the document.
func BenchmarkParseJSON(b *testing.B) {
	_, j := documents(b, 1000)
	benchmarkParse(b, j, ropa.ParseJSON)
}

// BenchmarkParseYAML parses the YAML of the same register (see BenchmarkParseJSON).
func BenchmarkParseYAML(b *testing.B) {
	y, _ := documents(b, 1000)
	benchmarkParse(b, y, ropa.ParseYAML)
}

func benchmarkParse(b *testing.B, doc []byte, parse func([]byte) error) {
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if err := parse(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(peakPerByte(doc, func() {
		if err := parse(doc); err != nil {
			b.Fatal(err)
		}
	}), "peak-x")
}

// BenchmarkLoadFloor sets the whole load (Decode: parse, strict walk,
// positions) beside decoding the same documents into a Register with
// encoding/json and with sigs.k8s.io/yaml, which neither keep positions nor
// refuse anything they do not know: the floors the load is measured against.
func BenchmarkLoadFloor(b *testing.B) {
	y, j := documents(b, 1000)
	for _, c := range []struct {
		name string
		doc  []byte
		load func([]byte) error
	}{
		{"encoding-json", j, func(d []byte) error { return json.Unmarshal(d, &ropa.Register{}) }},
		{"Decode-JSON", j, func(d []byte) error { _, _, err := ropa.Decode(d, ropa.JSON); return err }},
		{"sigs-yaml", y, func(d []byte) error { return k8syaml.Unmarshal(d, &ropa.Register{}) }},
		{"Decode-YAML", y, func(d []byte) error { _, _, err := ropa.Decode(d, ropa.YAML); return err }},
	} {
		b.Run(c.name, func(b *testing.B) { benchmarkParse(b, c.doc, c.load) })
	}
}

// peakPerByte runs f once with the collector running at every 5% of heap
// growth and returns the largest live heap seen above what was live before,
// per byte of doc. The live heap is sampled after each collection, so the
// peak it reports is low by at most those 5%.
func peakPerByte(doc []byte, f func()) float64 {
	old := debug.SetGCPercent(5)
	defer debug.SetGCPercent(old)
	base := liveHeap()
	var peak atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Microsecond):
			}
		}
	}()
	f()
	close(stop)
	<-done
	runtime.GC() // what f left live is garbage now: not the peak
	return float64(peak.Load()-min(peak.Load(), base)) / float64(len(doc))
}
