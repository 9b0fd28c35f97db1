package ropa_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/openropa/registry/ropa"
)

func Example() {
	reg, src, err := ropa.Decode([]byte(`
schema: openropa/v1
language: en
organisation:
  name: Example NV
  registration: {scheme: BE-KBO, id: "0793.259.665"}
activities:
  - id: newsletter
    name: Newsletter
    purposes:
      - description: Send the monthly newsletter
        bases: [{basis: consent}]
    dataSubjects: [{id: subscribers, description: Subscribers}]
    dataCategories: [{id: email, description: E-mail address}]
    retention: [{until: [consent-withdrawn]}]
`), ropa.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	report := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	report.Locate(reg, src) // lines and columns from the source map
	for _, f := range report.Findings {
		fmt.Printf("%d:%d %s %s: %s\n", f.Line, f.Column, f.Rule, f.Path, f.Message)
	}
	// Output:
	// 5:3 controller-contact organisation: the controller has no contact details; add an e-mail address, a telephone number or a postal address
	// 5:3 art-30-5-exemption organisation: the headcount is not recorded (employees), so the exemption of Art. 30(5) for organisations of fewer than 250 employees cannot be assessed
	// 6:38 invalid-registration organisation.registration.id: "0793.259.665" is not a valid Belgian enterprise number: its check digits are 65, but 97 - (07932596 mod 97) is 64
	// 8:5 no-measures activities[0]: the record names no security measure; refer to the technical and organisational measures that protect these data (measures)
	// 8:5 no-recipients activities[0]: no recipients are declared; list the categories of recipients, internal ones included, or state that the data are disclosed to no one (none: [recipients])
}

func ExampleDecode_error() {
	_, _, err := ropa.Decode([]byte("schema: openropa/v1\norganisation:\n  name: Example NV\n  emial: dpo@example.be\n"), ropa.YAML)
	fmt.Println(err)
	// Output:
	// 4:3: organisation.emial: unknown field "emial"; did you mean "email"?
}

func ExampleEncode() {
	reg := &ropa.Register{Schema: ropa.SchemaV1, Organisation: ropa.Party{Name: "Example NV"}}
	if err := ropa.Encode(os.Stdout, reg); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "schema": "openropa/v1",
	//   "organisation": {
	//     "name": "Example NV"
	//   }
	// }
}

// A rule of one's own has the shape of the catalogue's: an id, a severity,
// the article it rests on, its wordings and a Run function that reports
// through the Pass.
func ExampleNewChecker() {
	noFax := &ropa.Rule{
		ID:       "acme-no-fax",
		Severity: ropa.Warning,
		Article:  "Art. 5(1)(c) GDPR",
		Doc:      "The organisation records a fax number it no longer uses.",
		Messages: ropa.Messages{"": "%q looks like a fax number; remove it (phone)"},
		Run: func(p *ropa.Pass) {
			if phone := p.Register.Organisation.Phone; strings.HasPrefix(phone, "fax:") {
				p.Report(ropa.Root.Child("organisation").Child("phone"), "", phone)
			}
		},
	}
	checker, err := ropa.NewChecker(ropa.WithRules(noFax))
	if err != nil {
		fmt.Println(err)
		return
	}
	reg := &ropa.Register{Schema: ropa.SchemaV1, Organisation: ropa.Party{Name: "Example NV", Phone: "fax: +32 2 000 00 00"}}
	for _, f := range checker.Check(reg, ropa.NewDate(2026, 11, 21)).Findings {
		if f.Rule == noFax.ID {
			fmt.Printf("%s %s %s: %s\n", f.Severity, f.Rule, f.Path, f.Message)
		}
	}
	// Output:
	// warning acme-no-fax organisation.phone: "fax: +32 2 000 00 00" looks like a fax number; remove it (phone)
}
