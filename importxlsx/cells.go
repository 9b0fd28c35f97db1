package importxlsx

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// splitValues splits a cell that holds several values, one to a line or
// separated by semicolons, into its trimmed non-empty values.
func splitValues(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		for _, v := range strings.Split(line, ";") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// splitLines splits a cell into its trimmed non-empty lines.
func splitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

var dateForms = []string{"2006-01-02", "02/01/2006", "02-01-2006", "02.01.2006", "2/1/2006", "2-1-2006", "2.1.2006"}

// parseDate reads a date as the workbooks write it: 2026-11-21, 21/11/2026,
// 21-11-2026, 21.11.2026 (day first), or an Excel serial day number.
func parseDate(s string) (ropa.Date, bool) {
	s = strings.TrimSpace(s)
	for _, f := range dateForms {
		if t, err := time.Parse(f, s); err == nil {
			return ropa.DateOf(t), true
		}
	}
	if n, err := strconv.Atoi(s); err == nil && n > 0 && n < 2958466 {
		// Excel's day 1 is 1900-01-01, counting the 29 February 1900 that
		// never was: day 60 and later are one day behind.
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
		if n < 60 {
			t = t.AddDate(0, 0, 1)
		}
		return ropa.DateOf(t), true
	}
	return ropa.Date{}, false
}

var yesWords = map[string]bool{
	"yes": true, "ja": true, "oui": true, "y": true, "x": true, "true": true, "1": true,
	"no": false, "nee": false, "non": false, "nein": false, "n": false, "false": false, "0": false,
}

// parseYesNo reads yes or no in English, Dutch, French or German.
func parseYesNo(s string) (bool, bool) {
	v, ok := yesWords[strings.ToLower(strings.TrimSpace(s))]
	return v, ok
}

var codeInParens = regexp.MustCompile(`\(([A-Z]{2})\)\s*$`)

// parseCountry reads a country as the workbooks write it ("België (BE)"),
// as an ISO 3166-1 alpha-2 code ("BE"), or by its name in English, Dutch,
// French or German ("Belgique").
func parseCountry(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if m := codeInParens.FindStringSubmatch(s); m != nil {
		if code, ok := assignedCode(m[1]); ok {
			return code, true
		}
	}
	if len(s) == 2 && s == strings.ToUpper(s) {
		if code, ok := assignedCode(s); ok {
			return code, true
		}
	}
	code, ok := countryNames()[strings.ToLower(s)]
	return code, ok
}

// assignedCode returns the code ISO 3166-1 assigns today to the country a
// code stands for (GB for UK, FR for FX), and whether there is one.
func assignedCode(code string) (string, bool) {
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() {
		return "", false
	}
	c := r.Canonicalize().String()
	return c, isoCountry(c)
}

// isRegion reports whether code is a country's code of ISO 3166-1 now
// assigned: not a code that ISO withdrew or never gave (FX, UK, DY), which
// the language data still know by a country's name.
func isRegion(code string) bool {
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.String() == code && r.Canonicalize().String() == code
}

// countryNames maps the lower-case name of every country in the four
// languages to its code.
var countryNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if !isRegion(code) {
				continue
			}
			r := language.MustParseRegion(code)
			for _, l := range lang.All() {
				if n := display.Regions(language.Make(string(l))).Name(r); n != "" {
					m[strings.ToLower(n)] = code
				}
			}
		}
	}
	return m
})

// countryText writes a country as the generic workbook does: its name in
// the language and its code, "België (BE)".
func countryText(code string, l lang.Lang) string {
	if code == "" {
		return ""
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	n := display.Regions(language.Make(string(l))).Name(r)
	if n == "" || n == r.String() {
		return code
	}
	return n + " (" + code + ")"
}
