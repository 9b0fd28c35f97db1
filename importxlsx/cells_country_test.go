package importxlsx

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A country's name gives the code ISO 3166-1 assigns it now, never one
// ISO withdrew or never gave, which the register would refuse.
func TestParseCountryAssignedCodes(t *testing.T) {
	for name, want := range map[string]string{
		"France": "FR", "Royaume-Uni": "GB", "United Kingdom": "GB", "Bénin": "BJ", "Burkina Faso": "BF",
		"Panama": "PA", "Timor oriental": "TL", "Duitsland": "DE", "Vereinigte Staaten": "US",
	} {
		got, ok := parseCountry(name)
		assert.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	for code, want := range map[string]string{"UK": "GB", "FX": "FR", "Verenigd Koninkrijk (UK)": "GB"} {
		got, ok := parseCountry(code)
		assert.True(t, ok, code)
		assert.Equal(t, want, got, "%s stands for %s", code, want)
	}
	for _, code := range []string{"XX", "ZZ", "EU", "Atlantis"} {
		_, ok := parseCountry(code)
		assert.False(t, ok, "%s is no country", code)
	}
}

// A postal code of two words stays whole; one of one word is cut at the
// first space.
func TestSplitPostal(t *testing.T) {
	for in, want := range map[string][2]string{
		"1000 Brussel":           {"1000", "Brussel"},
		"6002 ED Weert":          {"6002 ED", "Weert"},
		"GL9 1DS Didmarton":      {"GL9 1DS", "Didmarton"},
		"BN17 5LF Littlehampton": {"BN17 5LF", "Littlehampton"},
		"75008 Paris":            {"75008", "Paris"},
		"D-10115 Berlin":         {"D-10115", "Berlin"},
	} {
		pc, city, ok := splitPostal(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, [2]string{pc, city}, in)
	}
	_, _, ok := splitPostal("Brussel")
	assert.False(t, ok)
}

// FuzzCountryAndPostal holds the cell readers of countries and postal codes
// to what they promise for any text: a country is a code the register takes,
// and a postal code and city put together are the text they came from.
func FuzzCountryAndPostal(f *testing.F) {
	for _, s := range []string{"France", "UK", "Verenigd Koninkrijk (UK)", "6002 ED Weert", "GL9 1DS Didmarton", "1000 Brussel", "", " ", "FX"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if code, ok := parseCountry(s); ok && !isoCountry(code) {
			t.Fatalf("parseCountry(%q) = %q, which the register refuses", s, code)
		}
		if pc, city, ok := splitPostal(s); ok && pc+" "+city != s {
			t.Fatalf("splitPostal(%q) = %q, %q", s, pc, city)
		}
	})
}
