package ropa_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/internal/golden"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// catalogueKeys returns every message key of the catalogue: every variant
// of every rule's Messages.
func catalogueKeys(t *testing.T) []string {
	var keys []string
	for _, r := range ropa.Rules() {
		require.NotEmpty(t, r.Messages, "rule %s has no messages", r.ID)
		for v := range r.Messages {
			if v == "" {
				keys = append(keys, r.ID)
			} else {
				keys = append(keys, r.ID+"."+v)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// englishCitation matches a paragraph cited in the English form: "30(1)".
var englishCitation = regexp.MustCompile(`\d\(\d+\)`)

var verbRe = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// verbs returns, for a template, the kind of verb each argument (by its
// index from 1) takes: "d" for numbers, "s" for text (%s, %q, %v).
func verbs(t *testing.T, key, tmpl string) map[int]string {
	out := map[int]string{}
	next := 1
	for _, m := range verbRe.FindAllStringSubmatch(tmpl, -1) {
		verb := m[4]
		if verb == "%" {
			continue
		}
		i := next
		if m[2] != "" {
			n, err := strconv.Atoi(m[2])
			require.NoError(t, err)
			i = n
		}
		next = i + 1
		kind := "s"
		switch verb {
		case "d":
			kind = "d"
		case "s", "q", "v":
		default:
			t.Errorf("%s: verb %%%s in %q: use %%s, %%q or %%d", key, verb, tmpl)
		}
		if k, ok := out[i]; ok && k != kind {
			t.Errorf("%s: argument %d is used as %s and %s in %q", key, i, k, kind, tmpl)
		}
		out[i] = kind
	}
	return out
}

// TestEveryMessageInEveryLanguage fails if a message key of the catalogue
// lacks a wording in a language, if a translation's verbs do not take the
// same arguments (count and kinds) as the English template, or if a
// language words a key the catalogue does not have.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	keys := catalogueKeys(t)
	require.Greater(t, len(keys), 60)
	for _, key := range keys {
		en, ok := ropa.MessageTemplate(key, lang.English)
		require.True(t, ok, key)
		want := verbs(t, key, en)
		for _, l := range lang.All()[1:] {
			tmpl, ok := ropa.MessageTemplate(key, l)
			if !assert.True(t, ok, "%s has no wording in %s", key, l) {
				continue
			}
			assert.Equal(t, want, verbs(t, key, tmpl), "%s in %s: the verbs must take the arguments of the English %q", key, l, en)
			assert.NotEqual(t, en, tmpl, "%s in %s is the English text", key, l)
			assert.NotContains(t, tmpl, "GDPR", "%s in %s cites the regulation by its English name", key, l)
			assert.NotRegexp(t, englishCitation, tmpl, "%s in %s cites an article in the English form", key, l)
		}
	}
	// No language holds a key the catalogue does not have.
	known := map[string]bool{}
	for _, k := range keys {
		known[k] = true
	}
	for _, l := range lang.All()[1:] {
		for _, k := range ropa.MessageKeys(l) {
			assert.True(t, known[k], "%s words %q, which is no message of the catalogue", l, k)
		}
	}
}

// unfilled matches what a message must never show: a fmt error, a verb
// left in the text, a raw key.
var unfilled = regexp.MustCompile(`%!|%\[\d+\]|%[sdqv]\b`)

// TestExampleFindingsInEveryLanguage renders the findings of every example
// register in the four languages.
func TestExampleFindingsInEveryLanguage(t *testing.T) {
	keys := map[string]bool{}
	for _, k := range catalogueKeys(t) {
		keys[k] = true
	}
	for _, name := range examples.Names() {
		r, _, err := examples.Load(name)
		require.NoError(t, err)
		rep := ropa.Check(r, ropa.NewDate(2026, 11, 21))
		require.NotEmpty(t, rep.Findings, name)
		for _, l := range lang.All() {
			tr := rep.Translated(l, nil)
			require.Len(t, tr.Findings, len(rep.Findings))
			for i, f := range tr.Findings {
				assert.True(t, keys[f.Key], "%s: key %q is not in the catalogue", name, f.Key)
				assert.NotRegexp(t, unfilled, f.Message, "%s %s in %s", name, f.Key, l)
				assert.NotEqual(t, f.Key, f.Message, "%s in %s: a raw key", name, l)
				assert.NotEmpty(t, f.Message)
				assert.Equal(t, rep.Findings[i].In(l), f.Message)
				if l == lang.English {
					assert.Equal(t, rep.Findings[i].Message, f.Message, "English rendering of %s", f.Key)
				} else {
					assert.NotEqual(t, rep.Findings[i].Message, f.Message, "%s %s in %s is still English", name, f.Key, l)
					assert.NotContains(t, f.Message, "GDPR", "%s %s in %s", name, f.Key, l)
				}
			}
		}
	}
}

// TestDutchFindingsGolden keeps the Dutch wording of the WEngage findings
// under testdata/ for review by a Dutch-speaking reader.
func TestDutchFindingsGolden(t *testing.T) {
	for _, name := range []string{"wengage", "ipg"} {
		r, _, err := examples.Load(name)
		require.NoError(t, err)
		rep := ropa.Check(r, ropa.NewDate(2026, 11, 21)).Translated(lang.Dutch, nil)
		var b strings.Builder
		for _, f := range rep.Findings {
			fmt.Fprintf(&b, "%s %s [%s] %s\n  %s\n", f.Path, f.Severity, f.Rule, lang.Cite(f.Article, lang.Dutch), f.Message)
		}
		golden.Equal(t, filepath.Join("testdata", "messages", name+".nl.txt"), []byte(b.String()))
	}
}

func TestRenderArguments(t *testing.T) {
	names := func(f ropa.FieldName, l lang.Lang) string {
		return map[lang.Lang]string{lang.Dutch: "Rechtsgronden", lang.French: "Bases légales"}[l] + "<" + string(f) + ">"
	}
	tests := []struct {
		name string
		f    ropa.Finding
		l    lang.Lang
		want string
	}{
		{"a field as the register writes it", ropa.Finding{Key: "no-legal-basis", Args: []any{ropa.FieldName("bases")}}, lang.English,
			"the purpose has no lawful basis; record the lawful basis it relies on (bases)"},
		{"a basis mid-sentence in Dutch", ropa.Finding{Key: "basis-law-missing", Args: []any{lawfulbasis.LegalObligation, ropa.FieldName("law")}}, lang.Dutch,
			"de rechtsgrond ‘wettelijke verplichting’ moet worden vastgesteld bij Unierecht of lidstatelijk recht (art. 6, lid 3); vermeld die wet (law)"},
		{"a basis keeps its capital in German", ropa.Finding{Key: "basis-law-missing", Args: []any{lawfulbasis.PublicTask, ropa.FieldName("law")}}, lang.German,
			"die Rechtsgrundlage „Öffentliche Aufgabe oder öffentliche Gewalt“ muss durch Unionsrecht oder das Recht eines Mitgliedstaats festgelegt sein (Art. 6 Abs. 3); nennen Sie diese Vorschrift (law)"},
		{"a condition and its citation in French", ropa.Finding{Key: "condition-law-missing", Args: []any{lawfulbasis.AuthorisedByLaw, ropa.Citation("Art. 10 GDPR"), ropa.FieldName("law")}}, lang.French,
			"la condition « autorisé par le droit de l'Union ou d'un État membre » (art. 10 RGPD) ne vaut que sur la base du droit de l'Union ou du droit d'un État membre ; citez ce droit (law)"},
		{"a label keeps its Union in English", ropa.Finding{Key: "condition-law-missing", Args: []any{lawfulbasis.AuthorisedByLaw, ropa.Citation("Art. 10 GDPR"), ropa.FieldName("law")}}, lang.English,
			"authorised by Union or member state law (Art. 10 GDPR) holds only on the basis of Union or member state law; cite it (law)"},
		{"periods in words", ropa.Finding{Key: "retention-below-statutory-minimum", Args: []any{retention.Period{Years: 5}, retention.Period{Years: 7}, "art. III.86 WER", ropa.EnglishText("accounting records")}}, lang.Dutch,
			"5 jaar is korter dan de minimumtermijn van 7 jaar die art. III.86 WER oplegt (accounting records); bewaar de gegevens minstens zo lang"},
		{"a field named by the workbook", ropa.Finding{Key: "no-legal-basis", Args: []any{ropa.FieldName("bases")}}, lang.French,
			"la finalité n'a pas de base juridique ; indiquez la base juridique sur laquelle elle repose (Bases légales<bases>)"},
		{"a citation in a required field", ropa.Finding{Key: "required", Args: []any{ropa.FieldName("description"), ropa.Citation("Art. 30(1)(b) GDPR")}}, lang.German,
			"description fehlt; ergänzen Sie die Angabe (Art. 30 Abs. 1 lit. b DSGVO)"},
		{"a suggestion", ropa.Finding{Key: "unresolved-reference.one-of", Args: []any{ropa.RefMeasure, "acces", "access, backup", ropa.Suggestion("access")}}, lang.Dutch,
			`maatregel "acces" bestaat niet; gebruik een van access, backup; bedoelt u "access"?`},
		{"no suggestion", ropa.Finding{Key: "unresolved-reference.existing", Args: []any{ropa.RefActivity, "x", ropa.Suggestion("")}}, lang.German,
			`Verarbeitungstätigkeit "x" gibt es nicht; verwenden Sie eine vorhandene ID (Verarbeitungstätigkeit)`},
		{"a country hint", ropa.Finding{Key: "invalid-country", Args: []any{"UK", ropa.CountryHint("UK")}}, lang.French,
			`"UK" n'est pas un code de pays ISO 3166-1 alpha-2 ; écrivez les deux majuscules, comme BE (le Royaume-Uni est GB)`},
		{"no country hint", ropa.Finding{Key: "invalid-country", Args: []any{"XX", ropa.CountryHint("XX")}}, lang.English,
			`"XX" is not an ISO 3166-1 alpha-2 country code; write the two capital letters, such as BE`},
		{"ends that cannot happen", ropa.Finding{Key: "retention-end-cannot-happen", Args: []any{ropa.ImpossibleEnds{retention.ConsentWithdrawn, retention.Objection, retention.ConsentWithdrawn}}}, lang.English,
			"the data would be kept without end: consent cannot be withdrawn where no purpose rests on consent, and an objection under Art. 21 is only possible against public task, legitimate interests or direct marketing; give a period, or the event that really ends the processing"},
		{"a derogation quoted and its citation in German", ropa.Finding{Key: "public-authority-derogation", Args: []any{lawfulbasis.DerogationExplicitConsent, ropa.Citation("Art. 49(1)(a) GDPR")}}, lang.German,
			"eine Behörde darf sich bei Tätigkeiten in Ausübung ihrer hoheitlichen Befugnisse nicht auf die Ausnahme „Ausdrückliche Einwilligung in die Übermittlung“ (Art. 49 Abs. 1 lit. a DSGVO) stützen (Art. 49 Abs. 3); stützen Sie sich auf eine andere Grundlage nach Kapitel V, oder erläutern Sie in den Bemerkungen, warum die Übermittlung nicht in Ausübung ihrer hoheitlichen Befugnisse erfolgt, und akzeptieren Sie diesen Befund (waivers)"},
		{"a review date and cycle in French", ropa.Finding{Key: "record-review-due", Args: []any{ropa.NewDate(2023, 10, 10), retention.Period{Months: 24}, ropa.FieldName("updated")}}, lang.French,
			"la fiche a été revue pour la dernière fois le 10/10/2023, plus de 24 mois avant la date du contrôle ; revoyez-la et indiquez la date (updated)"},
		{"the bridge date in Dutch", ropa.Finding{Key: "eea-transfer.bridge", Args: []any{"GB", ropa.NewDate(2021, 3, 1)}}, lang.Dutch,
			"gegevens naar GB sturen was op 01-03-2021 geen doorgifte in de zin van hoofdstuk V (art. FINPROV.10A van de Handels- en samenwerkingsovereenkomst tussen de EU en het VK, van 01-01-2021 tot en met 27-06-2021); voor die periode is geen grond van hoofdstuk V nodig"},
		{"the waivers' English suggestion", ropa.Finding{Key: "unused-waiver.unknown", Args: []any{"no-retentoin", `; did you mean "no-retention"?`}}, lang.German,
			`die Akzeptanz von Befunden (waiver) nennt die Regel "no-retentoin", die diese Prüfung nicht kennt, und unterdrückt daher nichts; nennen Sie eine Regel des Katalogs (ropa rules listet sie auf); meinten Sie "no-retention"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			if strings.Contains(tt.name, "workbook") {
				got = tt.f.Render(tt.l, names)
			} else {
				got = tt.f.In(tt.l)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRenderDates(t *testing.T) {
	d := ropa.NewDate(2026, 2, 3)
	for l, want := range map[lang.Lang]string{lang.English: "2026-02-03", lang.Dutch: "03-02-2026", lang.French: "03/02/2026", lang.German: "03.02.2026"} {
		f := ropa.Finding{Key: "invalid-email", Args: []any{d}}
		assert.Contains(t, f.In(l), want, l)
	}
}

func TestRenderFallsBack(t *testing.T) {
	// A finding of a user's rule keeps the message its checker wrote.
	own := ropa.Finding{Rule: "own", Key: "own", Message: "my own wording"}
	assert.Equal(t, "my own wording", own.In(lang.Dutch))
	// A key the catalogue lacks, without a message, shows the rule's doc,
	// never the raw key.
	bad := ropa.Finding{Rule: "no-retention", Key: "no-retention.missing"}
	for _, l := range lang.All() {
		got := bad.In(l)
		assert.NotEqual(t, bad.Key, got)
		assert.Equal(t, "An activity, or a category of its data, has no retention term.", got)
	}
	// An unknown language is English.
	f := ropa.Finding{Key: "no-legal-basis", Args: []any{ropa.FieldName("bases")}}
	assert.Equal(t, f.In(lang.English), f.In("es"))
}

func TestTranslatedLeavesTheReport(t *testing.T) {
	r, _, err := examples.Load("wengage")
	require.NoError(t, err)
	rep := ropa.Check(r, ropa.NewDate(2026, 11, 21))
	before := rep.Findings[0].Message
	nl := rep.Translated(lang.Dutch, nil)
	assert.Equal(t, before, rep.Findings[0].Message)
	assert.NotEqual(t, before, nl.Findings[0].Message)
	assert.Equal(t, rep.Summary, nl.Summary)
	assert.Equal(t, []ropa.FieldName{"updated"}, nl.Findings[0].Fields())
}

func ExampleFinding_In() {
	f := ropa.Finding{Rule: "no-legal-basis", Key: "no-legal-basis", Args: []any{ropa.FieldName("bases")}}
	for _, l := range lang.All() {
		fmt.Println(f.In(l))
	}
	// Output:
	// the purpose has no lawful basis; record the lawful basis it relies on (bases)
	// het doeleinde heeft geen rechtsgrond; vermeld de rechtsgrond waarop het steunt (bases)
	// la finalité n'a pas de base juridique ; indiquez la base juridique sur laquelle elle repose (bases)
	// der Zweck hat keine Rechtsgrundlage; geben Sie die Rechtsgrundlage an, auf die er sich stützt (bases)
}
