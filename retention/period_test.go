package retention

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want Period
	}{
		{"P1Y27D", Period{Years: 1, Days: 27}},
		{"PT30M", Period{Minutes: 30}},
		{"P1M", Period{Months: 1}},
		{"P2W", Period{Weeks: 2}},
		{"P1Y2M3W4DT5H6M", Period{Years: 1, Months: 2, Weeks: 3, Days: 4, Hours: 5, Minutes: 6}},
		{"P12M", Period{Months: 12}},
		{"P100000D", Period{Days: 100000}},
		{"P10Y", Period{Years: 10}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePeriod(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.in, got.String(), "formatting gives back the canonical input")
		})
	}
}

func TestParsePeriodErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "empty period"},
		{"1Y", "must start with P"},
		{"P", "names no unit"},
		{"PT", "names no unit"},
		{"P1", "has no unit"},
		{"PY", "expected a number"},
		{"P1S", "not allowed before T"},
		{"PT1S", "not allowed after T"},
		{"PT1D", "not allowed after T"},
		{"P1H", "not allowed before T"},
		{"P1Y1Y", "twice"},
		{"P1D1Y", "order"},
		{"P0D", "zero length"},
		{"P1.5Y", "fractions"},
		{"P-1Y", "expected a number"},
		{"P1YTT1H", "second T"},
		{"P1YT", "no hours or minutes"},
		{"P999999999999999999999Y", "too large"},
		{"P0Y12M", `write "P12M"`},
		{"P01Y", `write "P1Y"`},
		{"P1Y0M0D", `write "P1Y"`},
		{"PT0H30M", `write "PT30M"`},
		{"P1DT00H5M", `write "P1DT5M"`},
		{"P00D", "zero length"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParsePeriod(tt.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestAddToIsCalendarExact(t *testing.T) {
	tests := []struct {
		name   string
		start  time.Time
		period string
		want   time.Time
	}{
		{"month after 31 January in a common year", date(2023, 1, 31), "P1M", date(2023, 2, 28)},
		{"month after 31 January in a leap year", date(2024, 1, 31), "P1M", date(2024, 2, 29)},
		{"year after 29 February", date(2024, 2, 29), "P1Y", date(2025, 2, 28)},
		{"four years after 29 February", date(2024, 2, 29), "P4Y", date(2028, 2, 29)},
		{"month after 31 March", date(2023, 3, 31), "P1M", date(2023, 4, 30)},
		{"month across the year end", date(2023, 12, 31), "P2M", date(2024, 2, 29)},
		{"thirteen months", date(2023, 1, 31), "P13M", date(2024, 2, 29)},
		{"months then days", date(2023, 1, 31), "P1M1D", date(2023, 3, 1)},
		{"year and days", date(2023, 5, 10), "P1Y27D", date(2024, 6, 6)},
		{"weeks", date(2023, 2, 25), "P1W", date(2023, 3, 4)},
		{"minutes", date(2023, 1, 1), "PT30M", date(2023, 1, 1).Add(30 * time.Minute)},
		{"hours over midnight", date(2023, 1, 1).Add(23 * time.Hour), "PT2H", date(2023, 1, 2).Add(time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, MustParsePeriod(tt.period).AddTo(tt.start))
		})
	}
}

func TestComparePeriods(t *testing.T) {
	tests := []struct {
		a, b    string
		want    int
		decided bool
	}{
		{"P1Y", "P12M", 0, true},
		{"P1Y", "P6M", 1, true},
		{"P1M", "P27D", 1, true},
		{"P1M", "P32D", -1, true},
		{"P1M", "P30D", 0, false},
		{"P1Y", "P365D", 0, false},
		{"P1Y", "P367D", -1, true},
		{"P7Y", "P10Y", -1, true},
		{"PT30M", "PT1H", -1, true},
		{"P1D", "PT24H", 0, true},
		{"P1M1D", "P1M", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"_"+tt.b, func(t *testing.T) {
			got, decided := ComparePeriods(MustParsePeriod(tt.a), MustParsePeriod(tt.b))
			assert.Equal(t, tt.decided, decided)
			if decided {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}

func TestPeriodText(t *testing.T) {
	var p Period
	require.NoError(t, p.UnmarshalText([]byte("P6M")))
	b, err := p.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "P6M", string(b))
	assert.Error(t, p.UnmarshalText([]byte("six months")))
	assert.Equal(t, Period{Months: 6}, p, "a failed unmarshal leaves the value as it was")
	assert.Panics(t, func() { MustParsePeriod("x") })
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"P1Y27D", "PT30M", "P1Y2M3W4DT5H6M", "P", "PT", "P1S", "P0D", "P99999Y", "P0Y12M", "P01Y", "PT0H1M"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.String() != s {
			t.Fatalf("ParsePeriod(%q) is written back as %q", s, p.String())
		}
		if b, _ := p.MarshalText(); string(b) != s {
			t.Fatalf("ParsePeriod(%q) is marshalled as %q", s, b)
		}
		again, err := ParsePeriod(p.String())
		if err != nil {
			t.Fatalf("formatted period %q of %q does not parse: %v", p.String(), s, err)
		}
		if again != p {
			t.Fatalf("round trip of %q changed %v into %v", s, p, again)
		}
		_ = p.AddTo(date(2024, 2, 29))
	})
}
