// Command ropa checks records of processing activities (Art. 30 GDPR) kept
// as YAML or JSON registers.
//
// Usage:
//
//	ropa check [--at YYYY-MM-DD] [--format text|json] FILE...
//	ropa export --format xlsx|json|report [--layout generic|gba|ico|cnil] [--lang en|nl|fr|de] [--at YYYY-MM-DD] -o OUT FILE
//	ropa rules [--format text|json]
//	ropa schema
//
// check loads and checks each register as of a date (today by default). It
// exits 0 when no finding is an error, 1 when one is, and 2 when a file
// cannot be loaded or the arguments are wrong. rules prints the catalogue of
// rules; schema prints the JSON Schema of the register format. export writes
// a register as an XLSX workbook (in the generic layout or one of a
// supervisory authority), as canonical JSON, or as a JSON report with the
// findings of its check; -o - writes to standard output. Everything the command does is a call of package ropa.
package main

import (
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now))
}
