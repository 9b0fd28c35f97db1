package lawfulbasis

import "github.com/openropa/registry/lang"

// labels holds one text per language.
type labels [4]string // en, nl, fr, de

func (ls labels) in(l lang.Lang) string {
	switch l {
	case lang.Dutch:
		return ls[1]
	case lang.French:
		return ls[2]
	case lang.German:
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
