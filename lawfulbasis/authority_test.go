package lawfulbasis

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSupervisoryAuthorityOf(t *testing.T) {
	tests := []struct {
		country  string
		day      time.Time
		ok       bool
		nameHas  string
		address  string
		federal  bool
		language string
	}{
		{"BE", date(2026, 1, 1), true, "Gegevensbeschermingsautoriteit", "Drukpersstraat 35, 1000 Brussel", false, "nl"},
		{"be", date(2018, 5, 25), true, "Gegevensbeschermingsautoriteit", "Drukpersstraat 35, 1000 Brussel", false, "nl"},
		{"BE", date(2018, 5, 24), false, "", "", false, ""},
		{"NL", date(2026, 1, 1), true, "Autoriteit Persoonsgegevens", "Postbus 93374, 2509 AJ Den Haag", false, "nl"},
		{"FR", date(2026, 1, 1), true, "CNIL", "3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", false, "fr"},
		{"DE", date(2026, 1, 1), true, "BfDI", "Graurheindorfer Straße 153, 53117 Bonn", true, "de"},
		{"LU", date(2026, 1, 1), true, "CNPD", "15, Boulevard du Jazz, L-4370 Belvaux", false, "fr"},
		{"IE", date(2026, 1, 1), true, "Data Protection Commission", "", false, "en"},
		{"AT", date(2026, 1, 1), true, "Datenschutzbehörde", "Barichgasse 40-42, 1030 Wien", false, "de"},
		{"DK", date(2026, 1, 1), true, "Datatilsynet", "Carl Jacobsens Vej 35, 2500 Valby", false, "da"},
		{"SE", date(2023, 5, 11), true, "Integritetsskyddsmyndigheten", "Box 8114, 104 20 Stockholm", false, "sv"},
		{"SE", date(2023, 5, 10), false, "", "", false, ""},
		{"IS", date(2026, 1, 1), true, "Persónuvernd", "", false, "is"},
		{"ES", date(2026, 1, 1), false, "", "", false, ""},
		{"CH", date(2026, 1, 1), false, "", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.country+"@"+tt.day.Format(time.DateOnly), func(t *testing.T) {
			a, ok := SupervisoryAuthorityOf(tt.country, tt.day)
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			require.NotEmpty(t, a.Local)
			assert.Equal(t, tt.language, a.Local[0].Lang)
			assert.Contains(t, a.Local[0].Name, tt.nameHas)
			assert.Equal(t, tt.address, a.Local[0].Address)
			assert.Equal(t, tt.federal, a.Competence != "", "Competence says who else is competent")
			if tt.address == "" {
				assert.Contains(t, a.Note, "address", "a missing address is explained")
			}
		})
	}
	be, _ := SupervisoryAuthorityOf("BE", date(2026, 1, 1))
	require.Len(t, be.Local, 2)
	assert.Equal(t, "Rue de la Presse 35, 1000 Bruxelles", be.Local[1].Address)
	assert.Equal(t, "Data Protection Authority", be.English.Name)
	de, _ := SupervisoryAuthorityOf("DE", date(2026, 1, 1))
	assert.Contains(t, de.Competence, "Land")
	for _, a := range SupervisoryAuthorities() {
		member, known := InEEA(a.Country, a.From)
		assert.True(t, member && known, "%s is in the EEA", a.Country)
		assert.NotEmpty(t, a.Source)
		assert.NotEmpty(t, a.Confidence)
		for _, n := range append(a.Local, a.English) {
			if n.Name != "" {
				assert.True(t, strings.HasPrefix(n.Website, "https://"), "%s: %s", a.Country, n.Website)
			}
		}
	}
}
