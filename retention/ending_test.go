package retention

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnding(t *testing.T) {
	be := StatutesOf("BE", date(2024, 1, 1))
	id := func(ss []Statute) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.ID)
		}
		return out
	}
	tests := []struct {
		name        string
		term        Term
		ends        bool
		period      bool
		events      []Event
		statutes    []string
		minimumOnly bool
		unknownLaw  bool
	}{
		{"period", Term{Period: Period{Years: 3}, From: LastContact}, true, true, nil, nil, false, false},
		{"period with no start", Term{Period: Period{Years: 3}}, true, true, nil, nil, false, false},
		{"events", Term{Until: []Event{ConsentWithdrawn, "event-end"}}, true, false, []Event{ConsentWithdrawn, "event-end"}, nil, false, false},
		{"minimum only", Term{Period: Period{Years: 7}, AtLeast: true}, false, false, nil, nil, true, false},
		{"minimum under an unknown law", Term{Period: Period{Years: 7}, AtLeast: true, Law: "toepasselijke wet- en regelgeving"}, false, false, nil, nil, true, true},
		{"minimum under a duty to keep", Term{Period: Period{Years: 7}, AtLeast: true, Law: "art. III.86 WER"}, false, false, nil, nil, true, false},
		{"minimum with an end event", Term{Period: Period{Years: 7}, AtLeast: true, Until: []Event{Objection}}, true, false, []Event{Objection}, nil, false, false},
		{"minimum under a maximum", Term{Period: Period{Weeks: 2}, AtLeast: true, Law: "Camerawet"}, true, false, nil, []string{"be-cctv-images"}, false, false},
		{"law that is a known duty", Term{Law: "art. III.86 WER"}, true, false, nil, []string{"be-accounting-supporting-documents"}, false, false},
		{"law that is a limitation period", Term{Law: "art. 2262bis oud BW"}, true, false, nil, []string{"be-limitation-personal-actions"}, false, false},
		{"law that is no known statute", Term{Law: "zoals vastgelegd in de toepasselijke wet- en regelgeving"}, false, false, nil, nil, false, true},
		{"blank law", Term{Law: "  ", Criteria: "x"}, false, false, nil, nil, false, false},
		{"criteria", Term{Criteria: "the period of use of our services"}, false, false, nil, nil, false, false},
		{"extension is no end", Term{Criteria: "x", Extension: &Extension{When: "y", Period: Period{Years: 1}}}, false, false, nil, nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.term.Ending(be)
			assert.Equal(t, tt.ends, e.Ends())
			assert.Equal(t, tt.period, e.Period)
			assert.Equal(t, tt.events, e.Events)
			assert.Equal(t, tt.statutes, id(e.Statutes))
			assert.Equal(t, tt.minimumOnly, e.MinimumOnly)
			assert.Equal(t, tt.unknownLaw, e.UnknownLaw)
		})
	}
	known := Term{Law: "art. III.86 WER"}
	require.True(t, known.Ending(be).Ends())
	e := known.Ending(nil)
	assert.False(t, e.Ends(), "with no statute given, no law is known")
	assert.True(t, e.UnknownLaw)
	assert.True(t, known.Ending(StatutesOf("NL", date(2024, 1, 1))).UnknownLaw, "a Belgian provision is not a Dutch statute")
}
