package lang_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/lang"
)

func TestCitationIn(t *testing.T) {
	tests := []struct {
		en, nl, fr, de string
	}{
		{"Art. 30 GDPR", "art. 30 AVG", "art. 30 RGPD", "Art. 30 DSGVO"},
		{"Art. 30(1)(f) GDPR", "art. 30, lid 1, f), AVG", "art. 30, § 1er, f) RGPD", "Art. 30 Abs. 1 lit. f DSGVO"},
		{"Art. 30(5) GDPR", "art. 30, lid 5, AVG", "art. 30, § 5 RGPD", "Art. 30 Abs. 5 DSGVO"},
		{"Art. 30(1)(f) and 5(1)(e) GDPR", "art. 30, lid 1, f), en art. 5, lid 1, e), AVG", "art. 30, § 1er, f), et art. 5, § 1er, e) RGPD", "Art. 30 Abs. 1 lit. f und Art. 5 Abs. 1 lit. e DSGVO"},
		{"Art. 27 and 30(1)(a) GDPR", "art. 27 en art. 30, lid 1, a), AVG", "art. 27 et art. 30, § 1er, a) RGPD", "Art. 27 und Art. 30 Abs. 1 lit. a DSGVO"},
		{"Art. 44 and 46 GDPR", "art. 44 en art. 46 AVG", "art. 44 et art. 46 RGPD", "Art. 44 und Art. 46 DSGVO"},
		{"Art. 6(1), second subparagraph, GDPR", "art. 6, lid 1, tweede alinea, AVG", "art. 6, § 1er, alinéa 2 RGPD", "Art. 6 Abs. 1 UAbs. 2 DSGVO"},
		{"Art. 7(4) and recital 43 GDPR", "art. 7, lid 4, en overweging 43 AVG", "art. 7, § 4, et considérant 43 RGPD", "Art. 7 Abs. 4 und Erwägungsgrund 43 DSGVO"},
		{"Art. 9(1)-(2) GDPR", "art. 9, leden 1 en 2, AVG", "art. 9, §§ 1er et 2 RGPD", "Art. 9 Abs. 1 und 2 DSGVO"},
		{"Art. 9(2)(b), (g)-(j) and 10 GDPR", "art. 9, lid 2, b), g) tot en met j), en art. 10 AVG", "art. 9, § 2, b), g) à j), et art. 10 RGPD", "Art. 9 Abs. 2 lit. b, g bis j und Art. 10 DSGVO"},
		{"Art. 46(1) GDPR; C-311/18", "art. 46, lid 1, AVG; C-311/18", "art. 46, § 1er RGPD; C-311/18", "Art. 46 Abs. 1 DSGVO; C-311/18"},
		{"Art. 35(1) GDPR; WP248 rev.01", "art. 35, lid 1, AVG; WP248 rev.01", "art. 35, § 1er RGPD; WP248 rev.01", "Art. 35 Abs. 1 DSGVO; WP248 rev.01"},
		{"Art. 6(1)(f) and 13(1)(d) GDPR", "art. 6, lid 1, f), en art. 13, lid 1, d), AVG", "art. 6, § 1er, f), et art. 13, § 1er, d) RGPD", "Art. 6 Abs. 1 lit. f und Art. 13 Abs. 1 lit. d DSGVO"},
		{"Art. 5(2), 30(1) and 32 GDPR", "art. 5, lid 2, art. 30, lid 1, en art. 32 AVG", "art. 5, § 2, art. 30, § 1er, et art. 32 RGPD", "Art. 5 Abs. 2, Art. 30 Abs. 1 und Art. 32 DSGVO"},
		{"Art. 31 of Regulation (EU) 2018/1725", "art. 31 van Verordening (EU) 2018/1725", "art. 31 du règlement (UE) 2018/1725", "Art. 31 der Verordnung (EU) 2018/1725"},
		{"Art. 31(1) and 4 of Regulation (EU) 2018/1725", "art. 31, lid 1, en art. 4 van Verordening (EU) 2018/1725", "art. 31, § 1er, et art. 4 du règlement (UE) 2018/1725", "Art. 31 Abs. 1 und Art. 4 der Verordnung (EU) 2018/1725"},
		{"Art. 10(2)(a) of Regulation (EU) 2018/1725", "art. 10, lid 2, a), van Verordening (EU) 2018/1725", "art. 10, § 2, a), du règlement (UE) 2018/1725", "Art. 10 Abs. 2 lit. a der Verordnung (EU) 2018/1725"},
		{"Art. 39 of Regulation (EU) 2018/1725; WP248 rev.01", "art. 39 van Verordening (EU) 2018/1725; WP248 rev.01", "art. 39 du règlement (UE) 2018/1725; WP248 rev.01", "Art. 39 der Verordnung (EU) 2018/1725; WP248 rev.01"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			c, err := lang.ParseCitation(tt.en)
			require.NoError(t, err)
			assert.Equal(t, tt.en, c.In(lang.English))
			assert.Equal(t, tt.en, c.String())
			assert.Equal(t, tt.nl, c.In(lang.Dutch))
			assert.Equal(t, tt.fr, c.In(lang.French))
			assert.Equal(t, tt.de, c.In(lang.German))
			assert.Equal(t, tt.de, lang.Cite(tt.en, lang.German))
		})
	}
}

func TestParseCitationErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `want it to start with "Art. "`},
		{"Article 30 GDPR", `want it to start with "Art. "`},
		{"Art. 30", "want the regulation's name"},
		{"Art. 30 GDPR and more", `after GDPR want "; "`},
		{"Art. 31 Regulation (EU) 2018/1725", "want the regulation's name"},
		{"Art. 31 of Regulation (EU) 2018/1725 and more", `after Regulation (EU) 2018/1725 want "; "`},
		{"Art. x GDPR", `want the number of an article at "x"`},
		{"Art. 30(1) or 5 GDPR", `want ", " or " and " at " or 5"`},
		{"Art. 30(a) GDPR", "a point needs a single paragraph"},
		{"Art. 30 and recital x GDPR", "want the number of a recital"},
	}
	for _, tt := range tests {
		_, err := lang.ParseCitation(tt.in)
		require.Error(t, err, tt.in)
		assert.Contains(t, err.Error(), tt.want, tt.in)
		assert.Contains(t, err.Error(), fmt.Sprintf("%q", tt.in), tt.in)
	}
}

func TestCiteFallsBack(t *testing.T) {
	// A citation in another form keeps its words, with the regulation's name
	// in the language.
	assert.Equal(t, "Art. 20(1)(a) AVG, where processing is by automated means", lang.Cite("Art. 20(1)(a) GDPR, where processing is by automated means", lang.Dutch))
	assert.Equal(t, "Art. 7 Act of 30 July 2018", lang.Cite("Art. 7 Act of 30 July 2018", lang.French))
	for l, want := range map[lang.Lang]string{lang.English: "GDPR", lang.Dutch: "AVG", lang.French: "RGPD", lang.German: "DSGVO", "es": "GDPR"} {
		assert.Equal(t, want, lang.Regulation(l))
	}
}

func ExampleCite() {
	for _, l := range lang.All() {
		fmt.Println(lang.Cite("Art. 30(1)(f) and 5(1)(e) GDPR", l))
	}
	// Output:
	// Art. 30(1)(f) and 5(1)(e) GDPR
	// art. 30, lid 1, f), en art. 5, lid 1, e), AVG
	// art. 30, § 1er, f), et art. 5, § 1er, e) RGPD
	// Art. 30 Abs. 1 lit. f und Art. 5 Abs. 1 lit. e DSGVO
}

// FuzzParseCitation holds ParseCitation to its promise: it never panics,
// and a citation it reads writes back in English as it was read and in
// every language with the regulation's name.
func FuzzParseCitation(f *testing.F) {
	for _, s := range []string{"Art. 31(1) and 4 of Regulation (EU) 2018/1725", "Art. 30(1)(f) and 5(1)(e) GDPR", "Art. 9(2)(b), (g)-(j) and 10 GDPR", "Art. 6(1), second subparagraph, GDPR", "Art. 7(4) and recital 43 GDPR", "Art. 46(1) GDPR; C-311/18", "Art. 9(1)-(2) GDPR"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := lang.ParseCitation(s)
		if err != nil {
			return
		}
		if c.In(lang.English) != s {
			t.Fatalf("%q reads back as %q", s, c.In(lang.English))
		}
		for _, l := range lang.All() {
			if got := c.In(l); !strings.Contains(got, c.Act().Name(l)) {
				t.Fatalf("%q in %s is %q, without %s", s, l, got, c.Act().Name(l))
			}
		}
	})
}
