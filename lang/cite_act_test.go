package lang_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/lang"
)

// counterparts is a table of the shape of lawfulbasis's, for the test: the
// most precise row of a point, paragraph or article.
var counterparts = map[string]string{
	"30": "Art. 31", "30(1)": "Art. 31(1)", "30(5)": "",
	"5": "Art. 4", "5(1)": "Art. 4(1)", "5(1)(c)": "Art. 4(1)(c)",
	"9": "Art. 10", "9(1)": "Art. 10(1)", "9(2)": "Art. 10(2)", "9(2)(a)": "Art. 10(2)(a)", "9(2)(b)": "Art. 10(2)(b)",
	"35": "Art. 39", "60": "Art. 61(3)", "61": "Art. 62(1)(a)", "62": "Recital 4", "63": "Art. 64(1)-(2)",
}

func counterpart(article, para, point string) (string, bool) {
	keys := []string{article}
	if para != "" {
		keys = append(keys, article+"("+para+")")
		if point != "" {
			keys = append(keys, keys[1]+"("+point+")")
		}
	}
	for i := len(keys) - 1; i >= 0; i-- {
		if to, ok := counterparts[keys[i]]; ok {
			return to, to != ""
		}
	}
	return "", false
}

func TestCitationUnder(t *testing.T) {
	tests := []struct {
		gdpr string
		want string // "": not moved
	}{
		{"Art. 30 GDPR", "Art. 31 of Regulation (EU) 2018/1725"},
		{"Art. 30(1)(f) GDPR", "Art. 31(1) of Regulation (EU) 2018/1725"},
		{"Art. 30(2)(a) GDPR", "Art. 31 of Regulation (EU) 2018/1725"},
		{"Art. 30(1)(f) and 5(1)(e) GDPR", "Art. 31(1) and 4(1) of Regulation (EU) 2018/1725"},
		{"Art. 5(1)(c) GDPR", "Art. 4(1)(c) of Regulation (EU) 2018/1725"},
		{"Art. 5(2) and 30(1) GDPR", "Art. 4 and 31(1) of Regulation (EU) 2018/1725"},
		{"Art. 9(2)(a) GDPR", "Art. 10(2)(a) of Regulation (EU) 2018/1725"},
		{"Art. 9(2)(a)-(b) GDPR", "Art. 10(2)(a)-(b) of Regulation (EU) 2018/1725"},
		{"Art. 9(2)(a), (b) GDPR", "Art. 10(2)(a), (b) of Regulation (EU) 2018/1725"},
		{"Art. 9(2)(b), (g)-(j) GDPR", "Art. 10(2) of Regulation (EU) 2018/1725"}, // (g)-(j) are confirmed only as paragraph 2
		{"Art. 9(1)-(2) GDPR", "Art. 10(1)-(2) of Regulation (EU) 2018/1725"},
		{"Art. 5(1)(c)-(d) GDPR", "Art. 4(1) of Regulation (EU) 2018/1725"},
		{"Art. 35(1) GDPR; WP248 rev.01", "Art. 39 of Regulation (EU) 2018/1725; WP248 rev.01"},
		{"Art. 30(5) GDPR", ""},                       // no counterpart
		{"Art. 27 and 30(1)(a) GDPR", ""},             // one provision unknown: the whole stays
		{"Art. 7(4) and recital 43 GDPR", ""},         // a recital
		{"Art. 30(1), second subparagraph, GDPR", ""}, // a subparagraph
		{"Art. 60 GDPR", "Art. 61(3) of Regulation (EU) 2018/1725"},
		{"Art. 61(1)(a) GDPR", "Art. 62(1)(a) of Regulation (EU) 2018/1725"},
		{"Art. 62 GDPR", ""}, // the counterpart is not an article
		{"Art. 63 GDPR", ""}, // nor a single paragraph
	}
	for _, tt := range tests {
		t.Run(tt.gdpr, func(t *testing.T) {
			c, err := lang.ParseCitation(tt.gdpr)
			require.NoError(t, err)
			moved, ok := c.Under(lang.EUDPR, counterpart)
			if tt.want == "" {
				assert.False(t, ok)
				assert.Equal(t, tt.gdpr, moved.String(), "a citation not moved stays as it was")
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, moved.String())
			assert.Equal(t, lang.EUDPR, moved.Act())
			assert.Equal(t, lang.GDPR, c.Act())
		})
	}
}

func TestActName(t *testing.T) {
	for l, want := range map[lang.Lang]string{lang.English: "Regulation (EU) 2018/1725", lang.Dutch: "Verordening (EU) 2018/1725", lang.French: "règlement (UE) 2018/1725", lang.German: "Verordnung (EU) 2018/1725", "es": "Regulation (EU) 2018/1725"} {
		assert.Equal(t, want, lang.EUDPR.Name(l), l)
		assert.Equal(t, lang.Regulation(l), lang.GDPR.Name(l), l)
	}
}

func ExampleCitation_Under() {
	c, _ := lang.ParseCitation("Art. 30(1)(f) and 5(1)(e) GDPR")
	moved, ok := c.Under(lang.EUDPR, func(article, para, point string) (string, bool) {
		switch article {
		case "30":
			return "Art. 31(1)", true
		case "5":
			return "Art. 4(1)", true
		}
		return "", false
	})
	fmt.Println(ok)
	for _, l := range lang.All() {
		fmt.Println(moved.In(l))
	}
	// Output:
	// true
	// Art. 31(1) and 4(1) of Regulation (EU) 2018/1725
	// art. 31, lid 1, en art. 4, lid 1, van Verordening (EU) 2018/1725
	// art. 31, § 1er, et art. 4, § 1er, du règlement (UE) 2018/1725
	// Art. 31 Abs. 1 und Art. 4 Abs. 1 der Verordnung (EU) 2018/1725
}
