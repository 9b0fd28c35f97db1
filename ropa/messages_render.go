package ropa

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
)

// The typed arguments of messages. A finding's Args hold values of these
// types (and of the enumerations of packages lawfulbasis and retention,
// ropa.Date, strings and numbers), so that its message can be worded in any
// language: Finding.In renders each in the reader's language.
type (
	// Citation is a provision of the GDPR as the library writes it in
	// English ("Art. 30(1)(e) GDPR"); it renders as lang.Cite words it.
	Citation string
	// FieldName is a field of the register format, by its name or JSON path
	// ("bases", "retention[].data"): the field to fill or correct. The
	// command line shows it as it is; a workbook names its column (see
	// FieldNamer).
	FieldName string
	// Suggestion is the closest known id to one the register wrote; it
	// renders as "; did you mean ...?" in the language, or as nothing when
	// empty.
	Suggestion string
	// EnglishText is an explanation that exists only in English so far (a
	// reason from the legal tables of package lawfulbasis, an error of a
	// retention term, the subject of a statute); it renders as it is.
	EnglishText string
	// CountryHint is a country code written as some write it but ISO 3166-1
	// does not ("UK", "EL"): it renders as the code to write instead, or as
	// nothing for other codes.
	CountryHint string
	// RefKind is the kind of element a reference names: "measure", "data
	// category", "activity", "system", "processor", "data subject category"
	// or "entity"; it renders as the noun in the language.
	RefKind string
	// ImpossibleEnds are the ending events of a retention term that cannot
	// happen for the activity; they render as the reason of each.
	ImpossibleEnds []retention.Event
)

// The kinds of element a reference names.
const (
	RefMeasure      RefKind = "measure"
	RefDataCategory RefKind = "data category"
	RefActivity     RefKind = "activity"
	RefSystem       RefKind = "system"
	RefProcessor    RefKind = "processor"
	RefSubjects     RefKind = "data subject category"
	RefEntity       RefKind = "entity"
)

// FieldNamer names a field of the register format (a FieldName) for a reader
// in a language: a workbook gives its column heading. A nil FieldNamer, as
// the command line uses, shows the field as the register writes it.
type FieldNamer func(field FieldName, l lang.Lang) string

// MessageTemplate returns the wording of a message key of the catalogue in a
// language: a fmt template whose verbs take the finding's Args, by index
// where the order differs from English (%[2]s). It reports false for a key
// the catalogue does not have, or has no wording of in that language.
func MessageTemplate(key string, l lang.Lang) (string, bool) {
	if l == lang.English {
		t, ok := englishMessages()[key]
		return t, ok
	}
	t, ok := translations[l][key]
	return t, ok
}

// translations are the wordings of the catalogue's messages in the languages
// other than English, by message key; English is each rule's Messages.
var translations = map[lang.Lang]map[string]string{
	lang.Dutch:  messagesNL,
	lang.French: messagesFR,
	lang.German: messagesDE,
}

// englishMessages are the catalogue's English wordings by message key.
var englishMessages = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range catalogue {
		for v, t := range r.Messages {
			m[messageKey(r.ID, v)] = t
		}
	}
	return m
})

// catalogueDoc returns the one-line doc of the catalogue's rule of an id.
func catalogueDoc(id string) (string, bool) {
	for _, r := range catalogue {
		if r.ID == id {
			return r.Doc, true
		}
	}
	return "", false
}

// renderIn words a template with its arguments in a language.
func renderIn(template string, args []any, l lang.Lang, names FieldNamer) string {
	if len(args) == 0 {
		return template
	}
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = localise(a, l, names)
	}
	return fmt.Sprintf(template, out...)
}

// labelled is an enumeration of package lawfulbasis with a label in each
// language.
type labelled interface {
	Valid() bool
	Label(lang.Lang) string
}

// localise renders one argument of a message in a language.
func localise(a any, l lang.Lang, names FieldNamer) any {
	switch v := a.(type) {
	case Citation:
		return lang.Cite(string(v), l)
	case FieldName:
		if names != nil {
			return names(v, l)
		}
		return string(v)
	case Suggestion:
		if v == "" {
			return ""
		}
		return fmt.Sprintf(pick(l, "; did you mean %q?", "; bedoelt u %q?", " ; vouliez-vous dire %q ?", "; meinten Sie %q?"), string(v))
	case EnglishText:
		return string(v)
	case CountryHint:
		return countryHintIn(v, l)
	case RefKind:
		return refKindIn(v, l)
	case ImpossibleEnds:
		return impossibleEndsIn(v, l)
	case Date:
		return dateIn(v, l)
	case retention.Period:
		return v.Words(l)
	case retention.Event:
		return v.Until(l)
	case labelled:
		if !v.Valid() {
			return fmt.Sprint(v)
		}
		return midSentence(v.Label(l), l)
	}
	return a
}

// pick returns the text of a language, English for another.
func pick(l lang.Lang, en, nl, fr, de string) string {
	switch l {
	case lang.Dutch:
		return nl
	case lang.French:
		return fr
	case lang.German:
		return de
	}
	return en
}

// midSentence writes a label as it stands inside a sentence: with a small
// first letter in English, Dutch and French, unless it starts an
// abbreviation; German keeps the capital of its nouns, and its templates
// quote labels.
func midSentence(label string, l lang.Lang) string {
	if l == lang.German {
		return label
	}
	r, n := utf8.DecodeRuneInString(label)
	next, _ := utf8.DecodeRuneInString(label[n:])
	if unicode.IsUpper(next) {
		return label
	}
	return string(unicode.ToLower(r)) + label[n:]
}

// dateIn writes a date as a reader of the language writes it: 2026-11-21,
// 21-11-2026, 21/11/2026, 21.11.2026.
func dateIn(d Date, l lang.Lang) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time()
	return t.Format(pick(l, "2006-01-02", "02-01-2006", "02/01/2006", "02.01.2006"))
}

func countryHintIn(code CountryHint, l lang.Lang) string {
	switch strings.ToUpper(string(code)) {
	case "UK":
		return pick(l, " (the United Kingdom is GB)", " (het Verenigd Koninkrijk is GB)", " (le Royaume-Uni est GB)", " (das Vereinigte Königreich ist GB)")
	case "EL":
		return pick(l, " (Greece is GR)", " (Griekenland is GR)", " (la Grèce est GR)", " (Griechenland ist GR)")
	}
	return ""
}

func refKindIn(k RefKind, l lang.Lang) string {
	switch k {
	case RefMeasure:
		return pick(l, "measure", "maatregel", "mesure", "Maßnahme")
	case RefDataCategory:
		return pick(l, "data category", "gegevenscategorie", "catégorie de données", "Datenkategorie")
	case RefActivity:
		return pick(l, "activity", "verwerking", "traitement", "Verarbeitungstätigkeit")
	case RefSystem:
		return pick(l, "system", "systeem", "système", "System")
	case RefProcessor:
		return pick(l, "processor", "verwerker", "sous-traitant", "Auftragsverarbeiter")
	case RefSubjects:
		return pick(l, "data subject category", "categorie betrokkenen", "catégorie de personnes concernées", "Kategorie betroffener Personen")
	case RefEntity:
		return pick(l, "entity of the register", "entiteit van het register", "entité du registre", "Einheit des Verzeichnisses")
	}
	return string(k)
}

// impossibleEndsIn says why each event cannot happen, once per reason.
func impossibleEndsIn(es ImpossibleEnds, l lang.Lang) string {
	var why []string
	seen := map[retention.Event]bool{}
	for _, e := range es {
		if seen[e] {
			continue
		}
		seen[e] = true
		switch e {
		case retention.ConsentWithdrawn:
			why = append(why, pick(l, "consent cannot be withdrawn where no purpose rests on consent",
				"toestemming kan niet worden ingetrokken als geen enkel doeleinde op toestemming berust",
				"le consentement ne peut être retiré lorsque aucune finalité ne repose sur le consentement",
				"eine Einwilligung kann nicht widerrufen werden, wenn kein Zweck auf einer Einwilligung beruht"))
		case retention.Objection:
			why = append(why, pick(l, "an objection under Art. 21 is only possible against public task, legitimate interests or direct marketing",
				"bezwaar op grond van art. 21 is alleen mogelijk tegen een verwerking op grond van een taak van algemeen belang of gerechtvaardigd belang, of tegen direct marketing",
				"l'opposition prévue à l'art. 21 n'est possible qu'à l'égard d'un traitement fondé sur une mission d'intérêt public ou sur l'intérêt légitime, ou de la prospection",
				"ein Widerspruch nach Art. 21 ist nur gegen eine Verarbeitung auf Grund einer öffentlichen Aufgabe oder berechtigter Interessen oder gegen Direktwerbung möglich"))
		default:
			why = append(why, e.Until(l))
		}
	}
	return strings.Join(why, pick(l, ", and ", ", en ", ", et ", ", und "))
}

// suggestionOf reads back the "did you mean" that suggest writes in English
// ("; did you mean \"x\"?") as a Suggestion; "" for none.
func suggestionOf(s string) Suggestion {
	q, ok := strings.CutPrefix(s, "; did you mean ")
	if !ok {
		return ""
	}
	id, err := strconv.Unquote(strings.TrimSuffix(q, "?"))
	if err != nil {
		return ""
	}
	return Suggestion(id)
}

// typedArgs returns a finding's arguments with the English "did you mean"
// of the waivers' check read back as a Suggestion, so that it is worded in
// the language too.
func typedArgs(f *Finding) []any {
	if f.Key != "unused-waiver.unknown" || len(f.Args) != 2 {
		return f.Args
	}
	s, ok := f.Args[1].(string)
	if !ok || s == "" {
		return f.Args
	}
	if sg := suggestionOf(s); sg != "" {
		return []any{f.Args[0], sg}
	}
	return f.Args
}

// lawfulbasis's enumerations render through labelled.
var (
	_ labelled = lawfulbasis.Basis("")
	_ labelled = lawfulbasis.Condition("")
	_ labelled = lawfulbasis.Mechanism("")
	_ labelled = lawfulbasis.Derogation("")
	_ labelled = lawfulbasis.SpecialCategory("")
)

// MessageKeys returns the message keys a language words, sorted; for
// English, every key of the catalogue.
func MessageKeys(l lang.Lang) []string {
	m := translations[l]
	if l == lang.English {
		m = englishMessages()
	}
	return slices.Sorted(maps.Keys(m))
}
