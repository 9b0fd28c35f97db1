// Package clip shortens text quoted in messages.
package clip

import "unicode/utf8"

// Runes returns s cut to its first n runes, with "…" after them, or s
// itself where it has n runes or fewer. It never cuts a rune in two.
func Runes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
