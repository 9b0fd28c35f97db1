package importxlsx_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/importxlsx"
)

func ExampleRead() {
	reg, _, err := examples.Load("wengage")
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.WriteXLSX(&buf, reg, export.WithLang(export.Dutch)); err != nil {
		log.Fatal(err)
	}
	res, err := importxlsx.Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Layout, res.Lang, len(res.Register.Activities), res.Register.Activities[0].ID)
	// Output: generic nl 14 vragen-beantwoorden
}
