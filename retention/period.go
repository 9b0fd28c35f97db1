package retention

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is an ISO 8601 duration of calendar units, such as P1Y27D or PT30M.
//
// Years, months, weeks and days are calendar units: they are added to a date
// with [Period.AddTo], which never rolls over into the next month. Hours and
// minutes are exact. A Period never holds negative or fractional values. The
// zero Period means "no period given".
type Period struct {
	Years   int
	Months  int
	Weeks   int
	Days    int
	Hours   int
	Minutes int
}

// maxUnit bounds every unit so that sums stay far from integer overflow and
// dates stay inside the range time.Time can represent.
const maxUnit = 100000

// ParsePeriod parses an ISO 8601 duration with the designators Y, M, W, D
// before the time designator T, and H, M after it: "P1Y27D", "P6M", "P2W",
// "PT30M". Seconds and fractions are refused, and so is a period of zero
// length or one with a unit given twice.
//
// Only the one canonical spelling of a period is accepted: no unit written
// as zero ("P0Y12M", "P1Y0M0D") and no number with a leading zero ("P01Y").
// Such a period is refused with an error that gives its canonical spelling
// ("write P12M"), so that what a register says is what [Period.String] and
// [Period.MarshalText] write back, byte for byte: a Period holds values, not
// a spelling, and a spelling it could not give back would be rewritten
// without a word. P12M and P1Y are both canonical and stay distinct
// spellings (they compare equal with [ComparePeriods]).
func ParsePeriod(s string) (Period, error) {
	var p Period
	if s == "" {
		return p, fmt.Errorf("retention: empty period; write an ISO 8601 duration such as P3Y or PT30M")
	}
	if s[0] != 'P' {
		return p, fmt.Errorf("retention: period %q must start with P (ISO 8601), for example P3Y or PT30M", s)
	}
	rest := s[1:]
	if rest == "" || rest == "T" {
		return p, fmt.Errorf("retention: period %q names no unit; write for example P3Y or PT30M", s)
	}
	inTime, canonical := false, true
	seen := map[string]bool{}
	order := "YMWD"
	last := -1
	for len(rest) > 0 {
		if rest[0] == 'T' {
			if inTime {
				return p, fmt.Errorf("retention: period %q has a second T", s)
			}
			inTime, order, last = true, "HM", -1
			rest = rest[1:]
			if rest == "" {
				return p, fmt.Errorf("retention: period %q has T but no hours or minutes after it", s)
			}
			continue
		}
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 {
			return p, fmt.Errorf("retention: period %q: expected a number at %q", s, rest)
		}
		if i == len(rest) {
			return p, fmt.Errorf("retention: period %q: number %s has no unit", s, rest)
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil || n > maxUnit {
			return p, fmt.Errorf("retention: period %q: %s is too large (at most %d a unit)", s, rest[:i], maxUnit)
		}
		if rest[0] == '0' {
			canonical = false // a zero unit or a leading zero
		}
		unit := rest[i]
		if unit == '.' || unit == ',' {
			return p, fmt.Errorf("retention: period %q: fractions are not allowed; use a smaller unit (P18M, not P1.5Y)", s)
		}
		rest = rest[i+1:]
		pos := strings.IndexByte(order, unit)
		if pos < 0 {
			return p, fmt.Errorf("retention: period %q: unit %q is not allowed %s (use %s)", s, string(unit), map[bool]string{false: "before T", true: "after T"}[inTime], strings.Join(strings.Split(order, ""), ", "))
		}
		key := map[bool]string{false: "d", true: "t"}[inTime] + string(unit)
		if seen[key] {
			return p, fmt.Errorf("retention: period %q gives unit %s twice", s, string(unit))
		}
		if pos < last {
			return p, fmt.Errorf("retention: period %q: units must come in the order %s", s, order)
		}
		seen[key], last = true, pos
		switch key {
		case "dY":
			p.Years = n
		case "dM":
			p.Months = n
		case "dW":
			p.Weeks = n
		case "dD":
			p.Days = n
		case "tH":
			p.Hours = n
		case "tM":
			p.Minutes = n
		}
	}
	if p.IsZero() {
		return Period{}, fmt.Errorf("retention: period %q has zero length", s)
	}
	if !canonical {
		return Period{}, fmt.Errorf("retention: period %q is not in canonical form: write %q (units of zero and leading zeros are left out, so that the period is written back as it is given)", s, p.String())
	}
	return p, nil
}

// MustParsePeriod is like ParsePeriod but panics on error. It is meant for
// constants in code and tests, never for user input.
func MustParsePeriod(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

// IsZero reports whether no unit is set.
func (p Period) IsZero() bool { return p == Period{} }

// String formats the period in ISO 8601, units in the canonical order:
// P1Y27D, PT30M, P1DT12H. The zero Period formats as "".
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	var b strings.Builder
	b.WriteByte('P')
	for _, u := range []struct {
		n int
		c byte
	}{{p.Years, 'Y'}, {p.Months, 'M'}, {p.Weeks, 'W'}, {p.Days, 'D'}} {
		if u.n > 0 {
			b.WriteString(strconv.Itoa(u.n))
			b.WriteByte(u.c)
		}
	}
	if p.Hours > 0 || p.Minutes > 0 {
		b.WriteByte('T')
		if p.Hours > 0 {
			b.WriteString(strconv.Itoa(p.Hours) + "H")
		}
		if p.Minutes > 0 {
			b.WriteString(strconv.Itoa(p.Minutes) + "M")
		}
	}
	return b.String()
}

// MarshalText formats the period as ISO 8601.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses an ISO 8601 period with ParsePeriod.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// AddTo returns t plus the period, calendar-exact: years and months move the
// date to the same day of the target month or, where that month is shorter,
// to its last day (a month after 31 January is 28 or 29 February; a year
// after 29 February 2024 is 28 February 2025). Weeks and days are then added
// as calendar days, and hours and minutes as elapsed time.
func (p Period) AddTo(t time.Time) time.Time {
	months := p.Years*12 + p.Months
	if months != 0 {
		y, m, d := t.Date()
		total := int(m) - 1 + months
		ty, tm := y+total/12, time.Month(total%12+1)
		if dim := daysIn(ty, tm); d > dim {
			d = dim
		}
		h, mi, s := t.Clock()
		t = time.Date(ty, tm, d, h, mi, s, t.Nanosecond(), t.Location())
	}
	if days := p.Weeks*7 + p.Days; days != 0 {
		t = t.AddDate(0, 0, days)
	}
	return t.Add(time.Duration(p.Hours)*time.Hour + time.Duration(p.Minutes)*time.Minute)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// bounds returns the shortest and longest length of the period in minutes
// over every possible starting date.
func (p Period) bounds() (lo, hi int64) {
	months := int64(p.Years*12 + p.Months)
	full, part := months/12, months%12
	const day = 24 * 60
	lo = full*365*day + part*28*day
	hi = full*366*day + part*31*day
	fixed := int64(p.Weeks*7+p.Days)*day + int64(p.Hours)*60 + int64(p.Minutes)
	return lo + fixed, hi + fixed
}

// ComparePeriods compares two periods by the length of time they cover. It
// returns -1, 0 or +1 and true where the answer holds whatever the starting
// date, and false where it depends on the date (P1M against P30D).
func ComparePeriods(a, b Period) (int, bool) {
	am, bm := a.Years*12+a.Months, b.Years*12+b.Months
	af := a.Weeks*7*24*60 + a.Days*24*60 + a.Hours*60 + a.Minutes
	bf := b.Weeks*7*24*60 + b.Days*24*60 + b.Hours*60 + b.Minutes
	if am == bm && af == bf {
		return 0, true
	}
	if am >= bm && af >= bf {
		return 1, true
	}
	if am <= bm && af <= bf {
		return -1, true
	}
	alo, ahi := a.bounds()
	blo, bhi := b.bounds()
	switch {
	case alo > bhi:
		return 1, true
	case ahi < blo:
		return -1, true
	}
	return 0, false
}
