package synth

import (
	"testing"

	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegisterIsDeterministicAndRealistic(t *testing.T) {
	a, err := ropa.Marshal(Register(50, 7))
	require.NoError(t, err)
	b, err := ropa.Marshal(Register(50, 7))
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b), "the same size and seed give the same register")
	c, err := ropa.Marshal(Register(50, 8))
	require.NoError(t, err)
	assert.NotEqual(t, string(a), string(c), "another seed gives another register")

	r := Register(200, 1)
	assert.Len(t, r.Activities, 200)
	assert.Len(t, r.Processing, 20)
	transfers := 0
	for _, act := range r.Activities {
		assert.GreaterOrEqual(t, len(act.DataCategories), 3)
		assert.LessOrEqual(t, len(act.DataCategories), 10)
		assert.GreaterOrEqual(t, len(act.Purposes), 1)
		assert.LessOrEqual(t, len(act.Purposes), 4)
		assert.GreaterOrEqual(t, len(act.Recipients), 2)
		assert.Len(t, act.Retention, len(act.DataCategories))
		transfers += len(act.Transfers)
	}
	assert.Greater(t, transfers, 100)
	assert.Empty(t, ropa.Validate(r), "structurally valid")
	rep := ropa.Check(r, ropa.NewDate(2026, 11, 21))
	assert.Greater(t, rep.Summary.Errors, 0, "like real registers, some activities break rules")
}
