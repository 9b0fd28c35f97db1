package export

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/ropa"
)

func register(n int) *ropa.Register { return synth.Cached(n) }

// liveHeap returns the live heap: what the last collection found reachable.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	return liveHeap()
}

// peakHeap samples the live heap while f runs and returns its peak in bytes.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			if h := liveHeap(); h > peak.Load() {
				peak.Store(h)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}

// measureExport runs write in the benchmark loop. It reports peak-heap-MB,
// the most live heap during one run, and export-MB, the part of it above the
// live heap before the loop (the register or the cells to write).
func measureExport(b *testing.B, write func() error) {
	b.ReportAllocs()
	before := heapInUse()
	var peak uint64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			if err := write(); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peak-min(peak, before))/(1<<20), "export-MB")
}

// BenchmarkWriteXLSX writes the generic workbook of 1,000, 10,000 and 30,000
// activities (the last shows how the memory grows).
func BenchmarkWriteXLSX(b *testing.B) {
	for _, n := range []int{1000, 10000, 30000} {
		// Not the cached registers: these are freed when done, so that the
		// benchmarks after this one measure their heap without them (the
		// live heap is only updated by collections, which a big heap makes rare).
		reg := synth.Register(n, 1)
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			measureExport(b, func() error {
				return WriteXLSX(io.Discard, reg, WithReport(ropa.Check(reg, ropa.NewDate(2026, 11, 21))), WithLang(English))
			})
		})
	}
}

// floorSheet is one sheet of a generic workbook as plain values.
type floorSheet struct {
	name string
	rows [][]string
}

// floorCells reads back the cells of the generic workbook of a register.
func floorCells(b *testing.B, reg *ropa.Register) []floorSheet {
	b.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, reg, WithReport(ropa.Check(reg, ropa.NewDate(2026, 11, 21))), WithLang(English)); err != nil {
		b.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out []floorSheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, floorSheet{name, rows})
	}
	return out
}

// BenchmarkXLSXFloor writes exactly the cells of the generic workbook with a
// raw excelize StreamWriter and the same two styles, with no model, no check
// and nothing else: the floor that the export cannot beat.
func BenchmarkXLSXFloor(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		sheets := floorCells(b, register(n))
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			measureExport(b, func() error { return writeFloor(io.Discard, sheets) })
		})
	}
}

func writeFloor(w io.Writer, sheets []floorSheet) error {
	f := excelize.NewFile()
	defer f.Close()
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		for r, row := range s.rows {
			style := wrap
			if r == 0 {
				style = header
			}
			cells := make([]any, len(row))
			for c, v := range row {
				if v != "" {
					cells[c] = excelize.Cell{Value: v, StyleID: style}
				}
			}
			ref, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(ref, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// BenchmarkRowHeight estimates the height of the rows of a 100-activity
// generic workbook's Activities sheet, as the writer does for every row.
func BenchmarkRowHeight(b *testing.B) {
	reg := synth.Register(100, 1)
	var rows [][]string
	for _, a := range reg.Activities {
		rows = append(rows, []string{a.Name, purposesText(a), categoriesText(a, English), recipientsText(a.Recipients, English), retentionText(a, English, eventLabels(reg))})
	}
	widths := []float64{28, 40, 40, 32, 40}
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rows {
			_ = rowHeight(r, widths, false)
		}
	}
}
