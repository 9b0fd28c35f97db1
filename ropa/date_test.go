package ropa

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.String())
	assert.Equal(t, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), d.Time())
	assert.True(t, d.After(NewDate(2024, 2, 28)))
	assert.True(t, d.Before(NewDate(2024, 3, 1)))
	assert.Equal(t, d, DateOf(time.Date(2024, 2, 29, 23, 59, 0, 0, time.FixedZone("x", 3600))))
	for _, bad := range []string{"2023-02-29", "29/02/2024", "2024-2-29", ""} {
		_, err := ParseDate(bad)
		assert.Error(t, err, bad)
	}
	var z Date
	assert.True(t, z.IsZero())
	assert.Equal(t, "", z.String())
	b, err := d.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", string(b))
	require.Error(t, z.UnmarshalText([]byte("x")))
	require.NoError(t, z.UnmarshalText([]byte("2020-01-01")))
	assert.Equal(t, NewDate(2020, 1, 1), z)
}
