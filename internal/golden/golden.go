// Package golden compares what a test produced with a golden file under
// testdata/. Run the tests with -update to rewrite the golden files from
// what they produce, then review the difference before committing it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Equal reports a test failure unless got equals the content of the golden
// file at path. With -update it first writes got to that file.
func Equal(t testing.TB, path string, got []byte) bool {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run the test with -update to create %s, then review it", path)
	return assert.Equal(t, string(want), string(got), "%s differs: if the change is right, run the test with -update and review the diff", path)
}
