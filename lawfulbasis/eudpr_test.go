package lawfulbasis

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestEUDPRProvision(t *testing.T) {
	tests := []struct {
		in    string
		ok    bool
		eudpr string
	}{
		{"Art. 30", true, "Art. 31"},
		{"Article 30(1)", true, "Art. 31"},
		{"art. 30(1)(e) GDPR", true, "Art. 31"},
		{"30", true, "Art. 31"},
		{"Art. 27", true, ""},
		{"Art. 9", true, "Art. 10"},
		{"Art. 3", false, ""},
		{"Art. 300", false, ""},
		{"Art. 32", true, "Art. 33"},
		{"Art. 7(4)", true, "Art. 7"},
		{"Art. 49(1)(a)", true, "Art. 50"},
		{"Art. 44", false, ""},
		{"Art. 37", false, ""},
		{"Art. ", false, ""},
		{"Art. 030", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		c, ok := EUDPRProvision(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.eudpr, c.EUDPR, tt.in)
	}
	assert.Equal(t, "2018-12-11", EUDPRApplies.Format(time.DateOnly))
}

func TestEUDPRCounterpartOf(t *testing.T) {
	on := day(2024, time.January, 1)
	tests := []struct {
		article, para, point string
		day                  time.Time
		ok                   bool
		eudpr                string
	}{
		{"30", "1", "f", on, true, "Art. 31(1)"}, // the point is not confirmed: the paragraph is cited
		{"30", "2", "a", on, true, "Art. 31"},    // nor is the paragraph
		{"30", "5", "", on, true, ""},            // no counterpart
		{"5", "1", "c", on, true, "Art. 4(1)(c)"},
		{"5", "1", "e", on, true, "Art. 4(1)"},
		{"5", "2", "", on, true, "Art. 4"},
		{"6", "1", "e", on, true, "Art. 5(1)(a)"},
		{"6", "1", "f", on, true, ""},             // legitimate interests: no counterpart
		{"6", "1", "a", on, true, "Art. 5(1)(d)"}, // consent: the order differs
		{"6", "1", "b", on, true, "Art. 5(1)"},    // contract: the point is not confirmed
		{"6", "3", "", on, false, ""},             // the paragraph is not confirmed, nor the article
		{"7", "4", "", on, true, "Art. 7"},
		{"32", "1", "", on, true, "Art. 33"},
		{"46", "3", "a", on, true, "Art. 48(3)"}, // ad hoc clauses
		{"46", "2", "c", on, true, "Art. 48"},    // the points of paragraph 2 are not confirmed
		{"49", "1", "a", on, true, "Art. 50"},
		{"6", "1", "f", day(2018, time.December, 10), false, ""},
		{"9", "2", "b", on, true, "Art. 10(2)(b)"},
		{"9", "2", "g", on, true, "Art. 10(2)"},
		{"35", "1", "", on, true, "Art. 39"},
		{"44", "", "", on, false, ""},
		{"30", "", "", day(2018, time.December, 10), false, ""}, // before the Regulation applied
		{"30", "", "", EUDPRApplies, true, "Art. 31"},
	}
	for _, tt := range tests {
		name := tt.article + "(" + tt.para + ")(" + tt.point + ") " + tt.day.Format(time.DateOnly)
		c, ok := EUDPRCounterpartOf(tt.article, tt.para, tt.point, tt.day)
		assert.Equal(t, tt.ok, ok, name)
		assert.Equal(t, tt.eudpr, c.EUDPR, name)
	}
}

// TestEUDPRTable holds every row to a source, a confidence, a start and a
// counterpart no more precise than the provision it answers for.
func TestEUDPRTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range EUDPRCounterparts() {
		assert.NotEmpty(t, c.Source, c.GDPR)
		assert.NotEmpty(t, c.Confidence, c.GDPR)
		assert.NotEmpty(t, c.Note, c.GDPR)
		assert.False(t, c.From.Before(EUDPRApplies), c.GDPR)
		assert.False(t, seen[c.GDPR], "two rows for %s", c.GDPR)
		seen[c.GDPR] = true
		assert.True(t, strings.HasPrefix(c.GDPR, "Art. "), c.GDPR)
		if c.EUDPR != "" {
			assert.LessOrEqual(t, strings.Count(c.EUDPR, "("), strings.Count(c.GDPR, "("), c.GDPR)
		}
	}
}
