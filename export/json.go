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

// WriteReport writes a register and the report of its check as one JSON
// document, byte-stable for the same register and report. It does not check
// the register: the caller hands it the report (see ropa.Checker.Check).
func WriteReport(w io.Writer, reg *ropa.Register, rep *ropa.Report) error {
	if reg == nil || rep == nil {
		return fmt.Errorf("export: WriteReport needs a register and its report")
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Report{reg, rep}); err != nil {
		return fmt.Errorf("export: writing the report: %w", err)
	}
	return nil
}
