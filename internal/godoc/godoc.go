// Package godoc reads the doc comments of the fields of the struct types
// in Go source, so that the library's JSON Schema describes every property
// in the words of the model's own documentation.
package godoc

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Fields returns, for every struct type declared in src, the doc comment
// of each of its named fields, by type name and field name, each comment
// joined into one line. It returns an error for source that does not parse.
func Fields(src string) (map[string]map[string]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return false
		}
		docs := map[string]string{}
		for _, fd := range st.Fields.List {
			if fd.Doc == nil {
				continue
			}
			text := strings.Join(strings.Fields(fd.Doc.Text()), " ")
			for _, name := range fd.Names {
				docs[name.Name] = text
			}
		}
		out[ts.Name.Name] = docs
		return false
	})
	return out, nil
}
