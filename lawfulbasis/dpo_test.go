package lawfulbasis

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestNationalDPORequirements(t *testing.T) {
	tests := []struct {
		country string
		day     time.Time
		persons []int
	}{
		{"DE", date(2018, 5, 24), nil},
		{"DE", date(2018, 5, 25), []int{10}},
		{"de", date(2019, 11, 25), []int{10}},
		{"DE", date(2019, 11, 26), []int{20, 0}},
		{"DE", date(2026, 1, 1), []int{20, 0}},
		{"BE", date(2026, 1, 1), nil},
	}
	for _, tt := range tests {
		t.Run(tt.country+"@"+tt.day.Format(time.DateOnly), func(t *testing.T) {
			var persons []int
			for _, r := range NationalDPORequirements(tt.country, tt.day) {
				persons = append(persons, r.Persons)
				assert.NotEmpty(t, r.Rule)
				assert.Contains(t, r.Provision, "§ 38(1)")
			}
			assert.Equal(t, tt.persons, persons)
		})
	}
	for _, r := range DPORequirements() {
		assert.NotEmpty(t, r.Source)
		assert.NotEmpty(t, r.Confidence)
		assert.True(t, r.Until.IsZero() || r.From.Before(r.Until))
	}
}
