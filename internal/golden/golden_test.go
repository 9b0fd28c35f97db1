package golden

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEqual(t *testing.T) {
	Equal(t, filepath.Join("testdata", "hello.txt"), []byte("hello\n"))

	var other testing.T // a failing comparison must fail its test
	assert.False(t, Equal(&other, filepath.Join("testdata", "hello.txt"), []byte("bye\n")))
	assert.True(t, other.Failed())
}

func TestUpdateWritesTheFile(t *testing.T) {
	*update = true
	defer func() { *update = false }()
	path := filepath.Join(t.TempDir(), "new", "out.txt")
	require.True(t, Equal(t, path, []byte("new\n")))
}

func ExampleEqual() {
	t := &testing.T{}
	Equal(t, filepath.Join("testdata", "hello.txt"), []byte("hello\n"))
	// Output:
}
