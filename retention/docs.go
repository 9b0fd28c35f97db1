package retention

import (
	_ "embed"
	"sync"

	"github.com/openropa/registry/internal/godoc"
)

//go:embed term.go
var termSource string

var termDocs = sync.OnceValue(func() map[string]map[string]string {
	docs, err := godoc.Fields(termSource)
	if err != nil {
		panic(err) // term.go compiles, so it parses
	}
	return docs
})

// FieldDoc returns the documentation of a field of Term or Extension, by
// the names of the type and of the Go field ("Term", "Period"), or "" for
// one it does not know.
func FieldDoc(typeName, field string) string { return termDocs()[typeName][field] }
