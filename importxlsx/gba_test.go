package importxlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// roundTripRegisters are the registers the layouts' round trips write and
// read back: every example, synthetic registers of both kinds.
func roundTripRegisters(t *testing.T) []struct {
	name string
	reg  *ropa.Register
} {
	var regs []struct {
		name string
		reg  *ropa.Register
	}
	for _, n := range examples.Names() {
		reg, _, err := examples.Load(n)
		require.NoError(t, err)
		regs = append(regs, struct {
			name string
			reg  *ropa.Register
		}{n, reg})
	}
	for seed := range uint64(2) {
		regs = append(regs, struct {
			name string
			reg  *ropa.Register
		}{fmt.Sprintf("synth-%d", seed), synth.Register(20, seed)}, struct {
			name string
			reg  *ropa.Register
		}{fmt.Sprintf("full-%d", seed), synth.Full(12, seed)})
	}
	return regs
}

// layoutLosses checks a layout's round trip: every register written in
// layout and l, read back, differs from its source only at the paths
// listed in lost (with the reason each), and every path listed differs in
// at least one of them.
func layoutLosses(t *testing.T, layout export.Layout, read Layout, langs []lang.Lang, lost map[string]string) {
	seen := map[string]string{}
	for _, rg := range roundTripRegisters(t) {
		want, err := ropa.Marshal(rg.reg)
		require.NoError(t, err)
		var w any
		require.NoError(t, json.Unmarshal(want, &w))
		for _, l := range langs {
			t.Run(rg.name+"/"+string(l), func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, export.WriteXLSX(&buf, rg.reg, export.WithLayout(layout), export.WithLang(l)))
				res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()), WithoutNotes())
				require.NoError(t, err)
				assert.Equal(t, read, res.Layout, "told by its sheets")
				assert.Equal(t, l, res.Lang)
				got, err := ropa.Marshal(res.Register)
				require.NoError(t, err)
				var g any
				require.NoError(t, json.Unmarshal(got, &g))
				diff := map[string]bool{}
				differences(w, g, "", diff)
				for p := range diff {
					if _, ok := seen[p]; !ok {
						seen[p] = rg.name
					}
					if _, ok := lost[p]; !ok {
						t.Errorf("differs at %s, not listed as lost", p)
					}
				}
			})
		}
	}
	var all []string
	for p := range seen {
		all = append(all, p)
	}
	sort.Strings(all)
	for p := range lost {
		assert.Contains(t, all, p, "%s is listed as lost but reads back in every register: remove it from the list", p)
	}
	t.Logf("differences: %q", all)
}

// gbaLost are the fields the GBA layout cannot hold, with the reason each.
var gbaLost = map[string]string{}

func TestRoundTripGBA(t *testing.T) {
	layoutLosses(t, export.GBA, GBA, []lang.Lang{lang.Dutch, lang.French}, gbaLost)
}
