// Package examples holds the registers of the seed organisations, written in
// the openropa/v1 format from their own privacy documents: WeGroup (its
// English privacy policy with its security policy, and its Dutch privacy
// statement), WEngage, Webassur and IPG Group. They are embedded, so a
// program can load them without the files, and they serve as test data.
package examples

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/openropa/registry/ropa"
)

//go:embed registers/*.yaml
var files embed.FS

// Names lists the example registers by name ("wegroup", "wengage", ...), sorted.
func Names() []string {
	entries, err := fs.ReadDir(files, "registers")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

// Source returns the YAML text of an example register.
func Source(name string) ([]byte, error) {
	b, err := files.ReadFile(path.Join("registers", name+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("examples: no register %q; have %s", name, strings.Join(Names(), ", "))
	}
	return b, nil
}

// Load loads an example register by name, with its source map.
func Load(name string) (*ropa.Register, *ropa.Source, error) {
	b, err := Source(name)
	if err != nil {
		return nil, nil, err
	}
	file := "registers/" + name + ".yaml"
	reg, src, err := ropa.Decode(b, ropa.YAML)
	if le, ok := err.(*ropa.LoadError); ok {
		le.File = file
	}
	if src != nil {
		src.File = file
	}
	return reg, src, err
}
