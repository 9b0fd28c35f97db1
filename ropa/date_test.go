package ropa

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.String())
	assert.Equal(t, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), d.Time())
	assert.True(t, d.After(NewDate(2024, 2, 28)))
	assert.True(t, d.Before(NewDate(2024, 3, 1)))
	assert.Equal(t, d, DateOf(time.Date(2024, 2, 29, 23, 59, 0, 0, time.FixedZone("x", 3600))))
	var z Date
	assert.True(t, z.IsZero())
	assert.Equal(t, "", z.String())
	b, err := d.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", string(b))
	require.Error(t, z.UnmarshalText([]byte("x")))
	require.NoError(t, z.UnmarshalText([]byte("2020-01-01")))
	assert.Equal(t, NewDate(2020, 1, 1), z)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		err  string
	}{
		{"2024-02-29", NewDate(2024, 2, 29), ""},
		{"1900-01-01", NewDate(1900, 1, 1), ""},
		{"9999-12-31", NewDate(9999, 12, 31), ""},
		{"2026-12-31", NewDate(2026, 12, 31), ""},
		{"2026-02-30", Date{}, "2026-02-30 is not a date: February 2026 has 28 days"},
		{"2023-02-29", Date{}, "2023-02-29 is not a date: February 2023 has 28 days"},
		{"2100-02-29", Date{}, "2100-02-29 is not a date: February 2100 has 28 days"},
		{"2026-04-31", Date{}, "2026-04-31 is not a date: April 2026 has 30 days"},
		{"2026-01-00", Date{}, "2026-01-00 is not a date: there is no day 00; days count from 01"},
		{"2026-13-01", Date{}, "2026-13-01 is not a date: there is no month 13; months run from 01 to 12"},
		{"2026-00-10", Date{}, "2026-00-10 is not a date: there is no month 00; months run from 01 to 12"},
		{"1899-12-31", Date{}, "1899-12-31 is before 1900-01-01, the earliest date that can be given"},
		{"0001-01-01", Date{}, "0001-01-01 is before 1900-01-01, the earliest date that can be given"},
		{"0000-01-01", Date{}, "0000-01-01 is before 1900-01-01, the earliest date that can be given"},
		{"2026-2-3", Date{}, `date "2026-2-3": want YYYY-MM-DD, such as 2023-10-10`},
		{" 2026-02-03", Date{}, `date " 2026-02-03": want YYYY-MM-DD`},
		{"2026-02-03 ", Date{}, `date "2026-02-03 ": want YYYY-MM-DD`},
		{"2026-02-03T00:00", Date{}, `date "2026-02-03T00:00": want YYYY-MM-DD`},
		{"29/02/2024", Date{}, `date "29/02/2024": want YYYY-MM-DD`},
		{"+026-02-03", Date{}, `want YYYY-MM-DD`},
		{"2026-0x-03", Date{}, `want YYYY-MM-DD`},
		{"２026-02-03", Date{}, `want YYYY-MM-DD`},
		{"20260203", Date{}, `want YYYY-MM-DD`},
		{"", Date{}, `date "": want YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				assert.True(t, d.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d)
			assert.Equal(t, tt.in, d.String())
		})
	}
}

// TestNewDateNormalises: NewDate keeps time.Date's contract, unlike ParseDate.
func TestNewDateNormalises(t *testing.T) {
	assert.Equal(t, "2026-03-02", NewDate(2026, 2, 30).String())
	assert.Equal(t, "", NewDate(1, 1, 1).String(), "the zero Date is not given")
}

// FuzzParseDate: ParseDate never panics, and every date it accepts is
// written back exactly as it was given, as a date that is not the zero Date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2026-02-30", "0001-01-01", "1900-01-01", "2026-2-3", " 2026-02-03", "2026-02-03T00:00", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			require.True(t, d.IsZero())
			return
		}
		require.False(t, d.IsZero(), s)
		require.Equal(t, s, d.String())
		require.GreaterOrEqual(t, d.Time().Year(), MinYear)
		var back Date
		require.NoError(t, back.UnmarshalText([]byte(s)))
		require.Equal(t, d, back)
	})
}
