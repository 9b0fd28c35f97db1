package lawfulbasis

import (
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
		{"Art. 3", false, ""},
		{"Art. 300", false, ""},
		{"Art. 35", false, ""},
		{"Art. ", false, ""},
		{"Art. 030", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		c, ok := EUDPRProvision(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.eudpr, c.EUDPR, tt.in)
	}
	for _, c := range EUDPRCounterparts() {
		assert.NotEmpty(t, c.Source)
		assert.NotEmpty(t, c.Confidence)
	}
	assert.Equal(t, "2018-12-11", EUDPRApplies.Format(time.DateOnly))
}
