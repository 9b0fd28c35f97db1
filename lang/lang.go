// Package lang names the languages in which the library words what it
// writes: the labels of legal bases and rights (package lawfulbasis), the
// wording of retention terms (package retention) and the headings of
// workbooks (package export).
package lang

// Lang is a language of the library's wording: "en", "nl", "fr" or "de",
// the base subtag of a BCP 47 language tag.
type Lang string

// The languages of the library's wording.
const (
	English Lang = "en"
	Dutch   Lang = "nl"
	French  Lang = "fr"
	German  Lang = "de"
)

// All lists the languages of the library's wording, English first.
func All() []Lang { return []Lang{English, Dutch, French, German} }

// Valid reports whether l is one of the languages of the library's wording.
func (l Lang) Valid() bool {
	switch l {
	case English, Dutch, French, German:
		return true
	}
	return false
}
