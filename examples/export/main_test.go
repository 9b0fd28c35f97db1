package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	files, err := run(dir, ropa.NewDate(2026, 11, 21))
	require.NoError(t, err)
	assert.Len(t, files, 5*4)
	for _, f := range files {
		info, err := os.Stat(f)
		require.NoError(t, err)
		assert.NotZero(t, info.Size(), f)
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "webassur-gba.xlsx"))
	require.NoError(t, err)
	defer x.Close()
	assert.Equal(t, []string{"Identificatie", "register", "Systemen", "Verwerkers", "Gebeurtenissen", "Maatregelen", "Aanvaarde bevindingen", "lijsten"}, x.GetSheetList())
	b, err := os.ReadFile(filepath.Join(dir, "webassur.json"))
	require.NoError(t, err)
	_, _, err = ropa.Decode(b, ropa.JSON)
	assert.NoError(t, err, "the JSON loads again")
}
