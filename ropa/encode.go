package ropa

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"sigs.k8s.io/yaml"
)

// Marshal returns the canonical JSON form of a register: fields in the order
// of the format, two-space indentation, no HTML escaping, a final newline.
// The same register always gives the same bytes.
func Marshal(r *Register) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("ropa: encoding the register: %w", err)
	}
	return buf.Bytes(), nil
}

// Encode writes the canonical JSON form of a register to w (see Marshal).
func Encode(w io.Writer, r *Register) error {
	b, err := Marshal(r)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// MarshalYAML returns the register as YAML, through the same JSON struct
// tags as the canonical JSON form. Keys come in alphabetical order; strings
// that YAML could read as another type are quoted.
func MarshalYAML(r *Register) ([]byte, error) {
	j, err := Marshal(r)
	if err != nil {
		return nil, err
	}
	y, err := yaml.JSONToYAML(j)
	if err != nil {
		return nil, fmt.Errorf("ropa: encoding the register as YAML: %w", err)
	}
	return y, nil
}
