package clip

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRunes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"", 3, ""},
		{"abc", 3, "abc"},
		{"abcd", 3, "abc…"},
		{"ééééé", 2, "éé…"},
		{"日本語テキスト", 3, "日本語…"},
	} {
		assert.Equal(t, tc.want, Runes(tc.in, tc.n), tc.in)
	}
}

func ExampleRunes() {
	fmt.Println(Runes("Vidéosurveillance du parking", 17))
	// Output: Vidéosurveillance…
}
