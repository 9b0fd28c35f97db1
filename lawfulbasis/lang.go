package lawfulbasis

// Lang is a language of the labels in this package: "en", "nl", "fr" or "de".
type Lang string

// The languages of labels.
const (
	English Lang = "en"
	Dutch   Lang = "nl"
	French  Lang = "fr"
	German  Lang = "de"
)

// Langs lists the languages of labels.
func Langs() []Lang { return []Lang{English, Dutch, French, German} }

// Valid reports whether l is one of the languages of labels.
func (l Lang) Valid() bool {
	switch l {
	case English, Dutch, French, German:
		return true
	}
	return false
}

// labels holds one text per language.
type labels [4]string // en, nl, fr, de

func (ls labels) in(l Lang) string {
	switch l {
	case Dutch:
		return ls[1]
	case French:
		return ls[2]
	case German:
		return ls[3]
	}
	return ls[0]
}

// term is the shared shape of the vocabulary tables: an identifier, the
// article it rests on and its labels.
type term struct {
	article string
	label   labels
}
