package godoc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFields(t *testing.T) {
	docs, err := Fields(`package p

// T is a type.
type T struct {
	// A is the first
	// field, on two lines.
	A string
	B, C int // not a doc comment
	// D and E share one.
	D, E bool
}

type U int
`)
	require.NoError(t, err)
	assert.Equal(t, map[string]map[string]string{"T": {"A": "A is the first field, on two lines.", "D": "D and E share one.", "E": "D and E share one."}}, docs)
	_, err = Fields("not go")
	assert.Error(t, err)
}
