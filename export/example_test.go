package export_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/ropa"
)

func Example() {
	reg, _, err := examples.Load("webassur")
	if err != nil {
		panic(err)
	}
	var book bytes.Buffer
	if err := export.WriteXLSX(&book, reg, export.WithLang(export.English), export.WithReport(ropa.Check(reg, ropa.NewDate(2026, 11, 21)))); err != nil {
		panic(err)
	}
	f, err := excelize.OpenReader(&book)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	mechanism, _ := f.GetCellValue("Transfers", "F2")
	fmt.Println(mechanism)
	// Output:
	// [Register Activities Purposes and bases Data categories Recipients Transfers Retention Systems Processors Events Measures Processor records Waivers Parties Findings Lists]
	// EU-US Privacy Shield (invalid)
}
