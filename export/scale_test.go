package export

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/ropa"
)

// TestConcurrentUse uses one checker and one register from many goroutines
// at once, to check and to export; every result equals the one of a single
// goroutine. Run with -race.
func TestConcurrentUse(t *testing.T) {
	reg := register(40)
	c, err := ropa.NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	at := ropa.NewDate(2026, 11, 21)
	wantReport := fmt.Sprint(c.Check(reg, at))
	var wantBook bytes.Buffer
	if err := WriteXLSX(&wantBook, reg, WithReport(c.Check(reg, at))); err != nil {
		t.Fatal(err)
	}
	want := dump(t, wantBook.Bytes())
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 8; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if got := fmt.Sprint(c.Check(reg, at)); got != wantReport {
				errs <- "a concurrent check differs"
			}
		}()
		go func(layout Layout) {
			defer wg.Done()
			var buf bytes.Buffer
			if err := WriteXLSX(&buf, reg, WithReport(c.Check(reg, at)), WithLayout(layout)); err != nil {
				errs <- err.Error()
				return
			}
			if layout == Generic && fmt.Sprint(dump(t, buf.Bytes())) != fmt.Sprint(want) {
				errs <- "a concurrent export differs"
			}
		}(Layouts()[i%len(Layouts())])
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzExport checks that no register that loads makes an export panic.
func FuzzExport(f *testing.F) {
	f.Add([]byte("schema: openropa/v1\norganisation: {name: A}\nactivities: [{id: a, name: '=1+1', purposes: [{description: p}], dataSubjects: [{id: s, description: s}], dataCategories: [{id: c, description: c}]}]\n"))
	f.Add([]byte("schema: openropa/v1\norganisation: {name: A}\nactivities: [{id: '[x]', name: b}, {id: '[x]', name: c}]\n"))
	f.Add([]byte("schema: openropa/v1\norganisation: {name: A, address: {country: ZZ}}\nmeasures: [{id: m, kind: technical, description: d}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, _, err := ropa.Decode(data, ropa.YAML)
		if err != nil {
			return
		}
		for _, l := range Layouts() {
			_ = WriteXLSX(io.Discard, reg, WithReport(ropa.Check(reg, ropa.NewDate(2026, 11, 21))), WithLayout(l))
		}
	})
}

var pipeline100k = flag.Bool("pipeline100k", false, "run BenchmarkPipeline with 100,000 activities (a few minutes, 3 GB)")

// BenchmarkPipeline loads, checks and exports a register end to end; with
// -pipeline100k it shows that a register of 100,000 activities goes through
// on this machine, and how much heap that takes. Besides the whole
// (peak-heap-MB, the most live heap at once), it reports each phase: its
// time (load-s, check-s, export-s) and the most live heap while it runs
// (load-MB, check-MB, export-MB), which includes what the phases before it
// handed on (the register, the report); export-own-MB is the export's part
// above that. The register the document is made from is not kept: the
// pipeline holds only what it loads.
func BenchmarkPipeline(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			if n == 100000 && !*pipeline100k {
				b.Skip("run with -pipeline100k")
			}
			doc, err := ropa.Marshal(synth.Register(n, 1))
			if err != nil {
				b.Fatal(err)
			}
			at := ropa.NewDate(2026, 11, 21)
			var worst [3]phase
			var own uint64
			b.ReportAllocs()
			for b.Loop() {
				var reg *ropa.Register
				var rep *ropa.Report
				var before uint64
				runs := [3]phase{
					measurePhase(func() {
						if reg, _, err = ropa.Decode(doc, ropa.JSON, ropa.WithMaxBytes(int64(len(doc)))); err != nil {
							b.Fatal(err)
						}
					}),
					measurePhase(func() { rep = ropa.Check(reg, at) }),
					measurePhase(func() {
						before = liveHeap()
						if err := WriteXLSX(io.Discard, reg, WithReport(rep)); err != nil {
							b.Fatal(err)
						}
					}),
				}
				for i, r := range runs {
					worst[i].took, worst[i].peak = max(worst[i].took, r.took), max(worst[i].peak, r.peak)
				}
				own = max(own, runs[2].peak-min(runs[2].peak, before))
			}
			for i, name := range []string{"load", "check", "export"} {
				b.ReportMetric(worst[i].took.Seconds(), name+"-s")
				b.ReportMetric(float64(worst[i].peak)/(1<<20), name+"-MB")
			}
			b.ReportMetric(float64(own)/(1<<20), "export-own-MB")
			b.ReportMetric(float64(max(worst[0].peak, worst[1].peak, worst[2].peak))/(1<<20), "peak-heap-MB")
		})
	}
}

// phase is the time a phase of the pipeline took and the most live heap
// while it ran.
type phase struct {
	took time.Duration
	peak uint64
}

func measurePhase(f func()) phase {
	var took time.Duration
	peak := peakHeap(func() {
		start := time.Now()
		f()
		took = time.Since(start)
	})
	return phase{took, peak}
}
