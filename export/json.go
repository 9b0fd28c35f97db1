package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/openropa/registry/ropa"
)

// WriteJSON writes the canonical JSON form of a register (see ropa.Marshal):
// the same register always gives the same bytes.
func WriteJSON(w io.Writer, reg *ropa.Register) error { return ropa.Encode(w, reg) }

// Report is the JSON report form: the register and the findings of its
// check as of a date.
type Report struct {
	Register *ropa.Register `json:"register"`
	Check    *ropa.Report   `json:"check"`
}

// WriteReport checks a register as of a date with the checker (the
// library's rules where checker is nil) and writes the register and the
// report as one JSON document, byte-stable for the same register and date.
func WriteReport(w io.Writer, reg *ropa.Register, at ropa.Date, checker *ropa.Checker) error {
	rep := checker.Check(reg, at) // a nil checker has the library's rules
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Report{reg, rep}); err != nil {
		return fmt.Errorf("export: writing the report: %w", err)
	}
	return nil
}
