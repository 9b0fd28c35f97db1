package ropa

import (
	_ "embed"
	"sync"

	"github.com/openropa/registry/internal/godoc"
)

//go:embed model.go
var modelSource string

var modelDocs = sync.OnceValue(func() map[string]map[string]string {
	docs, err := godoc.Fields(modelSource)
	if err != nil {
		panic(err) // model.go compiles, so it parses
	}
	return docs
})

// FieldDoc returns the documentation of a field of a struct type of the
// model, by the names of the type and of the Go field ("Activity",
// "Purposes"), or "" for one it does not know. The JSON Schema describes
// each property with it.
func FieldDoc(typeName, field string) string { return modelDocs()[typeName][field] }
