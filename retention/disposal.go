package retention

import (
	"fmt"
	"strings"

	"github.com/openropa/registry/lang"
)

// Disposal is what happens to data at the end of a retention term.
//
// Only destruction and anonymisation end the processing of personal data:
// pseudonymised data are still personal data (recital 26 GDPR), and data
// transferred to an archive are still kept, under the archive's own terms.
type Disposal string

// The things that can happen to data at the end of a term.
const (
	Destroy      Disposal = "destroy"      // the data are destroyed or erased
	Anonymise    Disposal = "anonymise"    // the data are made anonymous
	Pseudonymise Disposal = "pseudonymise" // the data are pseudonymised (Art. 4(5) GDPR)
	Archive      Disposal = "archive"      // the data are transferred to an archive
)

// Disposals lists every disposal in a fixed order.
func Disposals() []Disposal { return []Disposal{Destroy, Anonymise, Pseudonymise, Archive} }

// Valid reports whether d is one of the disposals of this package.
func (d Disposal) Valid() bool {
	switch d {
	case Destroy, Anonymise, Pseudonymise, Archive:
		return true
	}
	return false
}

// String returns the disposal's identifier, as written in a register.
func (d Disposal) String() string { return string(d) }

// disposalWords holds, for one language, the disposal's label (a noun, for
// lists) and its wording at the end of a term ("then anonymised").
type disposalWords struct{ label, then string }

var disposalText = map[Disposal]map[lang.Lang]disposalWords{
	Destroy: {
		lang.English: {"destruction", "then destroyed"},
		lang.Dutch:   {"vernietiging", "daarna vernietigd"},
		lang.French:  {"destruction", "puis détruites"},
		lang.German:  {"Vernichtung", "danach vernichtet"},
	},
	Anonymise: {
		lang.English: {"anonymisation", "then anonymised"},
		lang.Dutch:   {"anonimisering", "daarna geanonimiseerd"},
		lang.French:  {"anonymisation", "puis anonymisées"},
		lang.German:  {"Anonymisierung", "danach anonymisiert"},
	},
	Pseudonymise: {
		lang.English: {"pseudonymisation", "then pseudonymised"},
		lang.Dutch:   {"pseudonimisering", "daarna gepseudonimiseerd"},
		lang.French:  {"pseudonymisation", "puis pseudonymisées"},
		lang.German:  {"Pseudonymisierung", "danach pseudonymisiert"},
	},
	Archive: {
		lang.English: {"transfer to an archive", "then transferred to an archive"},
		lang.Dutch:   {"overbrenging naar een archief", "daarna overgebracht naar een archief"},
		lang.French:  {"versement aux archives", "puis versées aux archives"},
		lang.German:  {"Übergabe an ein Archiv", "danach an ein Archiv übergeben"},
	},
}

func (d Disposal) words(l lang.Lang) disposalWords {
	w, ok := disposalText[d][l]
	if !ok {
		w = disposalText[d][lang.English]
	}
	return w
}

// Label names the disposal in a language, as a list of choices does:
// "anonymisation", "anonimisering", "anonymisation", "Anonymisierung". An
// unknown language falls back to English; an unknown disposal gives "".
func (d Disposal) Label(l lang.Lang) string { return d.words(l).label }

// ParseDisposal returns the disposal named by its identifier.
func ParseDisposal(s string) (Disposal, error) {
	if d := Disposal(s); d.Valid() {
		return d, nil
	}
	return "", fmt.Errorf("retention: unknown disposal %q; want one of %s", s, ids(Disposals(), ", "))
}

// ids joins the identifiers of an enumeration's values with sep.
func ids[T ~string](vs []T, sep string) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = string(v)
	}
	return strings.Join(names, sep)
}
