package lang_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/openropa/registry/lang"
)

func TestValid(t *testing.T) {
	for _, l := range lang.All() {
		assert.True(t, l.Valid(), l)
	}
	for _, l := range []lang.Lang{"", "EN", "en-GB", "es", "nl-BE"} {
		assert.False(t, l.Valid(), l)
	}
	assert.Equal(t, []lang.Lang{"en", "nl", "fr", "de"}, lang.All())
}

func Example() {
	for _, l := range lang.All() {
		fmt.Print(l, " ")
	}
	fmt.Println(lang.Lang("es").Valid())
	// Output: en nl fr de false
}
