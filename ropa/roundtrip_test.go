package ropa_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/internal/golden"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clean drops what a register remembers of the document it was read from,
// so that registers read from different documents compare equal.
func clean(t *testing.T, r *ropa.Register) *ropa.Register {
	t.Helper()
	b, err := ropa.Marshal(r)
	require.NoError(t, err)
	out, _, err := ropa.Decode(b, ropa.JSON)
	require.NoError(t, err)
	b2, err := ropa.Marshal(out)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
	return out
}

// TestRoundTrip loads every example register, encodes it, loads the result
// and checks that nothing was lost or changed, in JSON and in YAML, and that
// the canonical JSON equals its golden file.
func TestRoundTrip(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			reg, _, err := examples.Load(name)
			require.NoError(t, err)

			canonical, err := ropa.Marshal(reg)
			require.NoError(t, err)
			again, err := ropa.Marshal(reg)
			require.NoError(t, err)
			assert.Equal(t, canonical, again, "the same register gives the same bytes")

			fromJSON, _, err := ropa.Decode(canonical, ropa.JSON)
			require.NoError(t, err)
			reencoded, err := ropa.Marshal(fromJSON)
			require.NoError(t, err)
			assert.Equal(t, string(canonical), string(reencoded), "load, encode, load loses nothing")

			y, err := ropa.MarshalYAML(reg)
			require.NoError(t, err)
			fromYAML, _, err := ropa.Decode(y, ropa.YAML)
			require.NoError(t, err)
			assert.Equal(t, clean(t, reg), clean(t, fromYAML), "YAML written by MarshalYAML reads back the same")

			golden.Equal(t, filepath.Join("testdata", "canonical", name+".json"), canonical)
		})
	}
}

func TestMarshalDoesNotEscapeHTML(t *testing.T) {
	r := &ropa.Register{Schema: ropa.SchemaV1, Organisation: ropa.Party{Name: "Smith & <Sons>"}}
	b, err := ropa.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"Smith & <Sons>"`)
	assert.True(t, bytes.HasSuffix(b, []byte("}\n")))
	var buf bytes.Buffer
	require.NoError(t, ropa.Encode(&buf, r))
	assert.Equal(t, b, buf.Bytes())
}

func TestMarshalYAMLQuotesAmbiguousText(t *testing.T) {
	r := &ropa.Register{Schema: ropa.SchemaV1, Organisation: ropa.Party{Name: "yes",
		Address: &ropa.Address{Country: "NO", PostalCode: "01234"}}}
	y, err := ropa.MarshalYAML(r)
	require.NoError(t, err)
	back, _, err := ropa.Decode(y, ropa.YAML)
	require.NoError(t, err)
	assert.Equal(t, "NO", back.Organisation.Address.Country)
	assert.Equal(t, "01234", back.Organisation.Address.PostalCode)
	assert.Equal(t, "yes", back.Organisation.Name)
}
