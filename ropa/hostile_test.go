package ropa

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fastest returns the shortest of three runs of f.
func fastest(f func()) time.Duration {
	best := time.Duration(1 << 62)
	for range 3 {
		start := time.Now()
		f()
		best = min(best, time.Since(start))
	}
	return best
}

// requireLinear runs work on inputs of size n and 8n and fails if the
// larger takes more than 24 times as long: linear or n log n cost passes
// with room for noise, quadratic cost (64 times) does not.
// The measure is taken up to three times, on a busy machine, and passes
// when one of them does: a quadratic cost fails every one.
func requireLinear(t *testing.T, n int, work func(n int)) {
	t.Helper()
	var ratio float64
	for range 3 {
		small := fastest(func() { work(n) })
		large := fastest(func() { work(8 * n) })
		ratio = float64(large) / float64(max(small, time.Microsecond))
		t.Logf("n=%d: %v; n=%d: %v; ratio %.1f", n, small, 8*n, large, ratio)
		if ratio < 24 {
			return
		}
	}
	assert.Less(t, ratio, 24.0, "cost grows faster than the input")
}

// TestLoadCostIsLinear loads documents whose hostile part grows: many
// unknown keys in one mapping, many duplicate keys, many references that do
// not resolve (each with a "did you mean" search), a minified JSON register.
func TestLoadCostIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	t.Run("unknown keys", func(t *testing.T) {
		requireLinear(t, 2000, func(n int) {
			var b strings.Builder
			b.WriteString("schema: openropa/v1\norganisation:\n  name: A\n")
			for i := range n {
				fmt.Fprintf(&b, "  unknown%d: x\n", i)
			}
			_, _, err := Decode([]byte(b.String()), YAML)
			require.Error(t, err)
		})
	})
	t.Run("duplicate keys", func(t *testing.T) {
		requireLinear(t, 2000, func(n int) {
			var b strings.Builder
			b.WriteString(`{"schema":"openropa/v1","organisation":{"name":"A"`)
			for range n {
				b.WriteString(`,"email":"a@b.be"`)
			}
			b.WriteString("}}")
			_, _, err := Decode([]byte(b.String()), JSON)
			require.Error(t, err)
		})
	})
	t.Run("unresolved references", func(t *testing.T) {
		requireLinear(t, 500, func(n int) {
			r := &Register{Schema: SchemaV1, Organisation: Party{Name: "A"}}
			for i := range n {
				r.Measures = append(r.Measures, Measure{ID: fmt.Sprintf("measure-%d", i), Kind: Technical, Description: "d"})
			}
			a := Activity{ID: "a", Name: "A"}
			for i := range n {
				a.Measures = append(a.Measures, fmt.Sprintf("measure-%dx", i)) // close to an id: a suggestion to find
			}
			r.Activities = []Activity{a}
			rep := Check(r, NewDate(2026, 1, 1))
			require.NotEmpty(t, rep.Findings)
		})
	})
	t.Run("minified JSON", func(t *testing.T) {
		requireLinear(t, 50, func(n int) {
			r := validRegister()
			a := r.Activities[0]
			r.Activities = nil
			for i := range n {
				x := a
				x.ID = fmt.Sprintf("a%d", i)
				r.Activities = append(r.Activities, x)
			}
			b, err := Marshal(r)
			require.NoError(t, err)
			var line bytes.Buffer
			for _, c := range bytes.Split(b, []byte("\n")) {
				line.Write(bytes.TrimSpace(c))
			}
			reg, src, err := Decode(line.Bytes(), JSON)
			require.NoError(t, err)
			rep := Check(reg, NewDate(2026, 1, 1))
			rep.Locate(reg, src)
		})
	})
}

// endless is a reader that never ends, as /dev/zero.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestInputSizeLimit(t *testing.T) {
	_, _, err := Read(io.LimitReader(endless{}, DefaultMaxBytes+10), YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the document has more than 67108864 bytes")
	assert.Contains(t, err.Error(), "ropa.WithMaxBytes")

	_, _, err = Read(endless{}, JSON, WithMaxBytes(1<<20))
	assert.ErrorContains(t, err, "more than 1048576 bytes", "an endless input is refused at the limit, not read to the end")

	_, _, err = Decode([]byte(minimalYAML), YAML, WithMaxBytes(10))
	assert.ErrorContains(t, err, "more than 10 bytes")
	_, _, err = Decode([]byte(minimalYAML), YAML, WithMaxBytes(int64(len(minimalYAML))))
	assert.NoError(t, err, "exactly the limit loads")
}

func TestEmptyKeyIsNamed(t *testing.T) {
	_, _, err := Decode([]byte("schema: openropa/v1\norganisation:\n  name: A\n  \"\": x\n"), YAML)
	require.Error(t, err)
	assert.Equal(t, `4:3: organisation: empty field name; write the name of a field`, err.Error(), "an empty key is no list index")
}

func TestNumbersAsWritten(t *testing.T) {
	for _, n := range []string{"+012", "012", "12.0", "1e2"} {
		_, _, err := Decode([]byte(minimalYAML+"  employees: "+n+"\n"), YAML)
		assert.Error(t, err, n)
	}
	_, _, err := Decode([]byte(minimalYAML+"  employees: +12\n"), YAML)
	assert.ErrorContains(t, err, `write the number "+12" as 12`)
	r, _, err := Decode([]byte(minimalYAML+"  employees: 12\n"), YAML)
	require.NoError(t, err)
	assert.Equal(t, 12, *r.Organisation.Employees)
}

// TestDocumentBeyondPositions: positions are held in 32 bits, so a document
// larger than that is refused, however far WithMaxBytes raises the limit;
// one that fits is not.
func TestDocumentBeyondPositions(t *testing.T) {
	require.EqualValues(t, math.MaxInt32, maxDocumentBytes, "offsets, lines and columns of a node are int32")
	for _, tt := range []struct {
		n, max int64
		want   string
	}{
		{maxDocumentBytes + 1, 1 << 40, "the document has more than 2147483647 bytes (2147483648), the most a register document can have"},
		{maxDocumentBytes + 1, maxDocumentBytes, "raise the limit (ropa.WithMaxBytes)"},
		{maxDocumentBytes, 1 << 40, ""},
		{DefaultMaxBytes + 1, DefaultMaxBytes, "more than 67108864 bytes"},
	} {
		err := sizeError(tt.n, tt.max)
		if tt.want == "" {
			assert.NoError(t, err, tt.n)
			continue
		}
		require.Error(t, err, tt.n)
		assert.True(t, strings.HasPrefix(err.Error(), "1:1: the document has more than "), err.Error())
		assert.Contains(t, err.Error(), tt.want)
	}
}

// TestTreeAllocatedOnce: the nodes of a register's tree are allocated once,
// at their size, in either format; a JSON document's are counted exactly.
func TestTreeAllocatedOnce(t *testing.T) {
	reg := cleanRegister(40)
	reg.Notes = "a, b: c - d [e, f] {g} 'h' \"i\" # j"
	j, err := Marshal(reg)
	require.NoError(t, err)
	y, err := MarshalYAML(reg)
	require.NoError(t, err)
	jt, err := parseJSON(j)
	require.NoError(t, err)
	yt, err := parseYAML(y)
	require.NoError(t, err)
	assert.Greater(t, len(jt.nodes), 1000)
	assert.Equal(t, len(jt.nodes), jsonNodes(j))
	assert.Equal(t, len(jt.nodes), cap(jt.nodes))
	assert.Equal(t, len(jt.nodes), len(yt.nodes))
	assert.Equal(t, len(yt.nodes), cap(yt.nodes))
}

// TestRegisterOwnsItsText: the tree holds the text of values and keys as
// spans of the document, but the register and its source map hold copies:
// a document overwritten after the load changes neither.
func TestRegisterOwnsItsText(t *testing.T) {
	reg := cleanRegister(2)
	reg.Notes = "escaped \"text\" and plain text"
	for _, format := range []Format{JSON, YAML} {
		doc, err := Marshal(reg)
		if format == YAML {
			doc, err = MarshalYAML(reg)
		}
		require.NoError(t, err)
		got, src, err := Decode(doc, format)
		require.NoError(t, err, format)
		want, err := Marshal(got)
		require.NoError(t, err)
		path, err := ParsePath("activities[1].name")
		require.NoError(t, err)
		loc, ok := src.Locate(got, path)
		require.True(t, ok)
		for i := range doc {
			doc[i] = 'x'
		}
		again, err := Marshal(got)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(again), format)
		loc2, _ := src.Locate(got, path)
		assert.Equal(t, loc, loc2, format)
		assert.True(t, loc.Exact && loc.Line > 1, format)
	}
}
