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
