package ropa

import (
	"fmt"
	"time"
)

// Date is a calendar date, written YYYY-MM-DD. The zero Date means "not given".
type Date struct {
	t time.Time
}

// MinYear is the first year ParseDate accepts. The zero Date, which means
// "not given", stands for 0001-01-01, so a date that early cannot be carried
// faithfully; no date a register records (the record, its review, an
// assessment, the end of a processing) lies before 1900.
const MinYear = 1900

// NewDate returns the date of year, month and day. An out-of-range day is
// normalised as time.Date does.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses a date written exactly YYYY-MM-DD: four digits of the year,
// two of the month and two of the day, nothing before or after. It refuses a
// day the month does not have (2026-02-30), a month other than 01 to 12, and
// a year before MinYear, each with an error that says so. For every date it
// accepts, ParseDate(s).String() == s.
func ParseDate(s string) (Date, error) {
	year, month, day, ok := dateFields(s)
	if !ok {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, such as 2023-10-10", s)
	}
	if month < 1 || month > 12 {
		return Date{}, fmt.Errorf("%s is not a date: there is no month %s; months run from 01 to 12", s, s[5:7])
	}
	if day < 1 {
		return Date{}, fmt.Errorf("%s is not a date: there is no day 00; days count from 01", s)
	}
	m := time.Month(month)
	if n := daysIn(year, m); day > n {
		return Date{}, fmt.Errorf("%s is not a date: %s %04d has %d days", s, m, year, n)
	}
	if year < MinYear {
		return Date{}, fmt.Errorf("%s is before %d-01-01, the earliest date that can be given", s, MinYear)
	}
	return NewDate(year, m, day), nil
}

// dateFields splits s, written exactly YYYY-MM-DD in ASCII digits, into its
// numbers.
func dateFields(s string) (year, month, day int, ok bool) {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	num := func(part string) (int, bool) {
		n := 0
		for i := range len(part) {
			c := part[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	year, ok1 := num(s[0:4])
	month, ok2 := num(s[5:7])
	day, ok3 := num(s[8:10])
	return year, month, day, ok1 && ok2 && ok3
}

// daysIn returns the number of days of month in year.
func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Time returns midnight UTC at the start of the date.
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether the date is not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String formats the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// MarshalText formats the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses a date written YYYY-MM-DD, as ParseDate does.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
