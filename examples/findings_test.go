package examples

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/openropa/registry/internal/golden"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkDay is the date as of which the golden findings were reviewed.
var checkDay = ropa.NewDate(2026, 11, 21)

// TestFindingsGolden checks every example register and compares the report
// with its golden file. Each finding in the golden files was reviewed by hand
// against the source document; a change to them needs the same review.
func TestFindingsGolden(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			r, src, err := Load(name)
			require.NoError(t, err)
			rep := ropa.Check(r, checkDay)
			rep.Locate(r, src)
			got, err := json.MarshalIndent(rep, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden.Equal(t, filepath.Join("testdata", "findings", name+".json"), got)
		})
	}
}

// TestWhatTheChecksFind pins the findings the issue names, true of the
// source documents.
func TestWhatTheChecksFind(t *testing.T) {
	has := func(name, rule, path string) bool {
		for _, f := range ropa.Check(load(t, name), checkDay).Findings {
			if f.Rule == rule && f.Path.String() == path {
				return true
			}
		}
		return false
	}
	assert.True(t, has("webassur", "invalid-mechanism", "activities[3].transfers[0].mechanism"), "Webassur relies on the EU-US Privacy Shield for Google Analytics")
	assert.True(t, has("webassur", "no-legal-basis", "activities[1].purposes[0]"), "Webassur gives no legal basis")
	assert.True(t, has("wegroup", "interest-not-stated", "activities[4].purposes[0].bases[0]"), "WeGroup states no interest for survey data")
	assert.True(t, has("wegroup", "required", "activities[1].transfers[0].country"), "WeGroup does not name the countries of its transfers")
	assert.True(t, has("wengage", "dpia-screening", "activities[6]"), "WEngage's CCTV of employees and visitors records no DPIA")
	assert.True(t, has("wengage", "transfer-impact-assessment", "processing[0].transfers[0]"), "the Morocco transfer on SCC records no TIA")
	assert.True(t, has("ipg", "vague-retention", "activities[0].retention[0]"), "IPG keeps data 'zo lang als nodig'")
	assert.True(t, has("ipg", "basis-law-missing", "activities[8].purposes[0].bases[0]"), "IPG cites no law for its legal obligations")

	// The same Privacy Shield transfer was lawful before C-311/18.
	before := ropa.Check(load(t, "webassur"), ropa.NewDate(2019, 6, 1))
	for _, f := range before.Findings {
		assert.NotEqual(t, "invalid-mechanism", f.Rule, "in 2019 the Privacy Shield was valid")
	}
}
