package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteJSONAndReport(t *testing.T) {
	reg, _, err := examples.Load("webassur")
	require.NoError(t, err)
	var a, b bytes.Buffer
	require.NoError(t, WriteJSON(&a, reg))
	require.NoError(t, WriteJSON(&b, reg))
	assert.Equal(t, a.Bytes(), b.Bytes(), "byte-stable")
	back, _, err := ropa.Decode(a.Bytes(), ropa.JSON)
	require.NoError(t, err)
	assert.Equal(t, reg.Organisation, back.Organisation)

	var r1, r2 bytes.Buffer
	at := ropa.NewDate(2026, 11, 21)
	require.NoError(t, WriteReport(&r1, reg, ropa.Check(reg, at)))
	require.NoError(t, WriteReport(&r2, reg, (*ropa.Checker)(nil).Check(reg, at)))
	assert.Equal(t, r1.String(), r2.String())
	var doc struct {
		Register map[string]any `json:"register"`
		Check    struct {
			At       string           `json:"at"`
			Findings []map[string]any `json:"findings"`
			Summary  map[string]int   `json:"summary"`
		} `json:"check"`
	}
	require.NoError(t, json.Unmarshal(r1.Bytes(), &doc))
	assert.Equal(t, "openropa/v1", doc.Register["schema"])
	assert.Equal(t, "2026-11-21", doc.Check.At)
	assert.Equal(t, 10, doc.Check.Summary["errors"])
	assert.NotEmpty(t, doc.Check.Findings)
}
