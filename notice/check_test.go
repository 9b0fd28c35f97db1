package notice_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/notice"
	"github.com/openropa/registry/ropa"
)

func TestCheckSeeds(t *testing.T) {
	for _, tc := range []struct {
		register, seed string
		want           []notice.Gap
	}{
		// The WEngage statement names every purpose, recipient, term and right
		// of its register ("gegevensoverdraagbaarheid" is found inside its compound).
		{"wengage", "testdata/seed-002-wengage.txt", nil},
		// Webassur's policy asks consent for its newsletters and cookies but
		// says only that one may unsubscribe or delete cookies, never that
		// consent may be withdrawn; it never mentions the right to complain.
		// Its "Recht van vrije gegevensoverdracht" is portability.
		{"webassur", "testdata/seed-003-webassur.txt", []notice.Gap{{
			Kind: notice.GapRight,
			What: "Intrekking van de toestemming (art. 7, lid 3, AVG)",
			Path: ropa.Root.Child("activities").Index(1).Child("purposes").Index(4).Child("bases").Index(0),
		}, {
			Kind: notice.GapRight,
			What: "Recht om een klacht in te dienen bij een toezichthoudende autoriteit (art. 77 AVG)",
			Path: ropa.Root.Child("organisation"),
		}}},
		// IPG writes its rights as verbs: "raadplegen" (access), "corrigeren"
		// (rectification), "beperken", "verwijderen", "bezwaar indienen".
		{"ipg", "testdata/seed-004-ipg.txt", nil},
	} {
		t.Run(tc.register, func(t *testing.T) {
			text, err := os.ReadFile(tc.seed)
			require.NoError(t, err)
			assert.Equal(t, tc.want, notice.Check(string(text), load(t, tc.register)))
		})
	}
}

// TestCheckOwnNotice: a notice written from a register, in the register's
// language, says everything the register says.
// TestCheckWeGroupNL: the Dutch statement of WeGroup NL says "heeft u het
// recht deze toestemming te allen tijde in te trekken"; only the English
// security policy before it names Google Docs, as "e.g. Google Docs", which
// is too few of the register's words for the recipient.
func TestCheckWeGroupNL(t *testing.T) {
	text, err := os.ReadFile("testdata/seed-001-wegroup.txt")
	require.NoError(t, err)
	reg := load(t, "wegroup-nl")
	gaps := notice.Check(string(text), reg)
	require.Len(t, gaps, 1)
	assert.Equal(t, notice.GapRecipient, gaps[0].Kind)
	assert.Equal(t, "Google Docs (door het bedrijf goedgekeurde beveiligde cloudopslag)", gaps[0].What)
	assert.Equal(t, ropa.Root.Child("activities").Index(0).Child("recipients").Index(0).Child("name"), gaps[0].Path)
	assert.Len(t, gaps[0].Also, len(reg.Activities)-1, "every activity names it")
}

func TestCheckOwnNotice(t *testing.T) {
	for _, name := range examples.Names() {
		reg := load(t, name)
		for _, f := range notice.Formats() {
			t.Run(name+"/"+f.String(), func(t *testing.T) {
				assert.Empty(t, notice.Check(write(t, reg, notice.WithFormat(f)), reg))
			})
		}
	}
}

func TestCheckGaps(t *testing.T) {
	reg := load(t, "wengage")
	reg.Activities = reg.Activities[:1]
	a := &reg.Activities[0]
	a.Transfers = []ropa.Transfer{{Country: "MA"}, {Country: "US"}, {Organisation: "World Health Organization"}}
	a.Recipients = a.Recipients[:1]
	act := ropa.Root.Child("activities").Index(0)
	for _, tc := range []struct {
		name, text string
		want       []notice.GapKind
	}{
		{"empty", "", []notice.GapKind{notice.GapPurpose, notice.GapRecipient, notice.GapCountry, notice.GapCountry, notice.GapCountry,
			notice.GapRetention, notice.GapRetention, notice.GapRight, notice.GapRight, notice.GapRight, notice.GapRight, notice.GapRight,
			notice.GapRight, notice.GapRight}},
		{"everything, in another order and other words", `<html><body><script>var x = "klacht";</script>
			<p>Wanneer u contact met ons opneemt, via de chatbutton of één van de formulieren op onze website, beantwoorden wij uw VRAAG.</p>
			<p>Wij delen gegevens met ondernemingen binnen de WEngage-groep. Doorgifte naar Marokko, de Verenigde Staten (US)
			en de World Health Organization.</p><p>Wij bewaren gegevens drie jaar, chats een week.</p>
			<p>U heeft het recht op inzage, verbetering, wissing, beperking, overdraagbaarheid en bezwaar.</p>
			<p>U kunt een klacht indienen.</p></body></html>`, nil},
		{"digits and codes", "Het beantwoorden van uw vraag via formulieren of de chatbutton op onze website wanneer u contact opneemt. " +
			"Ondernemingen van de WEngage-groep. MA, US, World Health Organization. 36 maanden; 7 dagen. " +
			"Recht van inzage, rectificatie, wissing, beperking, portabiliteit, bezwaar. Klachten.", nil},
		{"a lower-case code is a word, not a country", "het beantwoorden van uw vraag via formulieren of de chatbutton op onze website wanneer u contact opneemt. " +
			"ondernemingen van de wengage-groep. ma, us, world health organization. 3 jaar; 7 dagen. " +
			"recht van inzage, rectificatie, wissing, beperking, portabiliteit, bezwaar. klachten.", []notice.GapKind{notice.GapCountry, notice.GapCountry}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var kinds []notice.GapKind
			for _, g := range notice.Check(tc.text, reg) {
				kinds = append(kinds, g.Kind)
				assert.True(t, g.Path.HasPrefix(act) || g.Path.Equal(ropa.Root.Child("organisation")), "%s", g.Path)
			}
			assert.Equal(t, tc.want, kinds)
		})
	}
	gaps := notice.Check("", reg)
	assert.Equal(t, act.Child("transfers").Index(1).Child("country"), gaps[3].Path)
	assert.Equal(t, "US", gaps[3].What)
	assert.Equal(t, "3 jaar na de gebeurtenis ‘moment van contactname’", gaps[5].What, "the register's own event label")
	assert.Nil(t, notice.Check("anything", nil))
}

// TestCheckShared: a recipient several activities share is one gap with
// every place it stands.
func TestCheckShared(t *testing.T) {
	reg := load(t, "wengage")
	var found bool
	for _, g := range notice.Check("", reg) {
		if g.Kind == notice.GapRecipient && g.What == "Postbedrijven en koeriersdiensten" {
			found = true
			assert.Len(t, g.Also, 12, "13 of the 14 activities share the list")
		}
	}
	assert.True(t, found)
	_ = lang.Dutch
}

func FuzzCheck(f *testing.F) {
	reg, _, err := examples.Load("wengage")
	require.NoError(f, err)
	for _, s := range []string{"", "<p>3 jaar</p>", "<script>", "Recht op inzage", "\xff<", "MA US", "één maand"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, g := range notice.Check(text, reg) {
			if g.What == "" && g.Kind != notice.GapRetention {
				t.Fatalf("a gap with no words: %+v", g)
			}
		}
	})
}
