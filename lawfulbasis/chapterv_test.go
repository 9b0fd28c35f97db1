package lawfulbasis

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestChapterVApplies(t *testing.T) {
	tests := []struct {
		country        string
		day            time.Time
		applies, known bool
		reasonHas      string
	}{
		{"GB", date(2020, 12, 31), false, true, "belonged to the EEA"},
		{"GB", date(2021, 1, 1), false, true, "FINPROV.10A"},
		{"uk", date(2021, 6, 27), false, true, "FINPROV.10A"},
		{"GB", date(2021, 6, 28), true, true, "outside the EEA"},
		{"BE", date(2023, 1, 1), false, true, "belonged to the EEA"},
		{"US", date(2021, 3, 1), true, true, "needs a ground of Chapter V"},
		{"GB", date(2018, 5, 24), false, false, "before the GDPR applied"},
		{" ", date(2023, 1, 1), false, false, "no country"},
	}
	for _, tt := range tests {
		t.Run(tt.country+"@"+tt.day.Format(time.DateOnly), func(t *testing.T) {
			a := ChapterVApplies(tt.country, tt.day)
			assert.Equal(t, tt.applies, a.Applies)
			assert.Equal(t, tt.known, a.Known)
			assert.Contains(t, a.Reason, tt.reasonHas)
			if tt.known && !tt.applies {
				assert.NotEmpty(t, a.Source)
			}
		})
	}
	b := Bridges()
	if assert.Len(t, b, 1) {
		assert.Equal(t, "2021-01-01", b[0].From.Format(time.DateOnly))
		assert.Equal(t, "2021-06-27", b[0].Until.Format(time.DateOnly))
		gb := AssessAdequacy(AdequacyQuery{Country: "GB", Day: b[0].Until.AddDate(0, 0, 1)})
		assert.Equal(t, VerdictAdequate, gb.Verdict, "the 2021 decision takes over the day after the bridge")
	}
}
