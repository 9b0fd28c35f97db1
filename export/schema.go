package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// SchemaID is the identifier of the JSON Schema of the openropa/v1 format.
const SchemaID = "https://openropa.org/schema/openropa-v1.json"

// periodPattern matches the ISO 8601 periods that retention.ParsePeriod
// reads: at least one unit, date units before T, time units after it.
// Each number is written without leading zeros and no unit is zero, as the
// reader requires (it refuses P0Y12M and P01Y rather than rewrite them).
var periodPattern = strings.ReplaceAll(`^P(?:(?:N+Y(?:N+M)?(?:N+W)?(?:N+D)?|N+M(?:N+W)?(?:N+D)?|N+W(?:N+D)?|N+D)(?:T(?:N+H(?:N+M)?|N+M))?|T(?:N+H(?:N+M)?|N+M))$`, "N+", `[1-9]\d*`)

// Schema returns the JSON Schema (draft 2020-12) of the register format,
// derived from the types of package ropa: every object closed to unknown
// properties, the required fields, the values of every enumeration, and the
// form of dates and periods. Editors use it to complete and check YAML and
// JSON registers. The output is the same on every call.
func Schema() []byte {
	g := &schemaGen{defs: map[string]any{}}
	root := g.object(reflect.TypeFor[ropa.Register]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = SchemaID
	root["title"] = "Record of processing activities (Art. 30 GDPR), format openropa/v1"
	props := root["properties"].(map[string]any)
	props["schema"] = map[string]any{"const": ropa.SchemaV1, "description": "The format version."}
	root["$defs"] = g.defs
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic(err) // maps of strings, slices and bools always encode
	}
	return buf.Bytes()
}

type schemaGen struct{ defs map[string]any }

var (
	dateType      = reflect.TypeFor[ropa.Date]()
	periodType    = reflect.TypeFor[retention.Period]()
	mechanismType = reflect.TypeFor[lawfulbasis.Mechanism]()
)

// mechanismSchema lists the Chapter V mechanisms, those that ended (the
// Safe Harbor, the Privacy Shield, the standard contractual clauses of 2001,
// 2004 and 2010) apart and marked deprecated, each with why: a register may
// record them, and the check says from which day they were invalid.
func mechanismSchema() map[string]any {
	ended := map[lawfulbasis.Mechanism]lawfulbasis.Ending{}
	for _, e := range lawfulbasis.Endings() {
		ended[e.Mechanism] = e
	}
	var current []string
	var old []any
	for _, m := range lawfulbasis.Mechanisms() {
		e, ok := ended[m]
		if !ok {
			current = append(current, string(m))
			continue
		}
		old = append(old, map[string]any{"const": string(m), "deprecated": true,
			"description": fmt.Sprintf("%s: no longer valid after %s (%s).", e.Instrument, e.LastValid.Format(time.DateOnly), e.EndedBy)})
	}
	return map[string]any{"type": "string", "anyOf": append([]any{map[string]any{"enum": current}}, old...)}
}

func (g *schemaGen) schema(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case dateType:
		return map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`}
	case periodType:
		return map[string]any{"type": "string", "pattern": periodPattern, "description": "An ISO 8601 period of years, months, weeks, days, hours and minutes, such as P3Y, P1Y27D or PT30M."}
	}
	if t == mechanismType {
		return mechanismSchema()
	}
	if values := ropa.EnumValuesOf(reflect.Zero(t).Interface()); values != nil {
		return map[string]any{"type": "string", "enum": values}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case reflect.Struct:
		name := t.Name()
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = nil // mark, against recursion
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	return map[string]any{}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if f.Anonymous && tag == "" {
				add(f.Type)
				continue
			}
			if !f.IsExported() || tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			s := g.schema(f.Type)
			rules := strings.Split(f.Tag.Get("validate"), ",")
			for _, r := range rules {
				if r == "dive" {
					break // what follows applies to the elements
				}
				switch {
				case r == "required":
					required = append(required, name)
				case r == "min=1" && f.Type.Kind() == reflect.Slice:
					required = append(required, name)
					s["minItems"] = 1
				case r == "min=0" && s["type"] == "integer":
					s["minimum"] = 0
				}
			}
			props[name] = withDescription(s, fieldDoc(t, f.Name))
		}
	}
	add(t)
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		sort.Strings(required)
		out["required"] = required
	}
	return out
}

// fieldDoc is the documentation of a field of a struct of the model or of
// a retention term.
func fieldDoc(t reflect.Type, field string) string {
	switch t.PkgPath() {
	case reflect.TypeFor[retention.Term]().PkgPath():
		return retention.FieldDoc(t.Name(), field)
	}
	return ropa.FieldDoc(t.Name(), field)
}

// withDescription adds a description; a $ref is wrapped so that the
// description stands beside it.
func withDescription(s map[string]any, d string) map[string]any {
	if _, ref := s["$ref"]; ref {
		return map[string]any{"allOf": []any{s}, "description": d}
	}
	s["description"] = d
	return s
}
