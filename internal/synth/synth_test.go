package synth

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// canonical returns the canonical JSON of a register.
func canonical(t *testing.T, reg *ropa.Register) string {
	b, err := ropa.Marshal(reg)
	require.NoError(t, err)
	return string(b)
}

func TestRegisterIsDeterministicAndRealistic(t *testing.T) {
	a := canonical(t, Register(50, 7))
	assert.Equal(t, a, canonical(t, Register(50, 7)), "the same size and seed give the same register")
	assert.NotEqual(t, a, canonical(t, Register(50, 8)), "another seed gives another register")

	r := Register(200, 1)
	assert.Len(t, r.Activities, 200)
	assert.Len(t, r.Processing, 20)
	transfers := 0
	for _, act := range r.Activities {
		assert.GreaterOrEqual(t, len(act.DataCategories), 3)
		assert.LessOrEqual(t, len(act.DataCategories), 10)
		assert.GreaterOrEqual(t, len(act.Purposes), 1)
		assert.LessOrEqual(t, len(act.Purposes), 4)
		assert.GreaterOrEqual(t, len(act.Recipients), 2)
		assert.Len(t, act.Retention, len(act.DataCategories))
		transfers += len(act.Transfers)
	}
	assert.Greater(t, transfers, 100)
	assert.Empty(t, ropa.Validate(r), "structurally valid")
	rep := ropa.Check(r, ropa.NewDate(2026, 11, 21))
	assert.Greater(t, rep.Summary.Errors, 0, "like real registers, some activities break rules")
}

// setFields records the fields (JSON paths, lists as []) that some value
// under v gives.
func setFields(v reflect.Value, path string, set map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			set[path] = true
			setFields(v.Elem(), path, set)
		}
	case reflect.Slice:
		if v.Len() > 0 {
			set[path] = true
		}
		for i := range v.Len() {
			setFields(v.Index(i), path+"[]", set)
		}
	case reflect.Struct:
		if !v.IsZero() {
			set[path] = true
		}
		if v.Type() == reflect.TypeFor[ropa.Date]() || v.Type() == reflect.TypeFor[retention.Period]() || v.Type() == reflect.TypeFor[ropa.Path]() {
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			p := path
			if !f.Anonymous {
				p = path + "." + name
			}
			setFields(v.Field(i), p, set)
		}
	default:
		if !v.IsZero() {
			set[path] = true
		}
	}
}

// allFields lists the fields of a type, as setFields names them.
func allFields(t reflect.Type, path string, out map[string]bool) {
	switch t.Kind() {
	case reflect.Pointer:
		out[path] = true
		allFields(t.Elem(), path, out)
	case reflect.Slice:
		out[path] = true
		allFields(t.Elem(), path+"[]", out)
	case reflect.Struct:
		out[path] = true
		if t == reflect.TypeFor[ropa.Date]() || t == reflect.TypeFor[retention.Period]() || t == reflect.TypeFor[ropa.Path]() {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			p := path
			if !f.Anonymous {
				p = path + "." + name
			}
			allFields(f.Type, p, out)
		}
	default:
		out[path] = true
	}
}

func TestFullGivesEveryField(t *testing.T) {
	assert.Equal(t, canonical(t, Full(12, 3)), canonical(t, Full(12, 3)), "the same size and seed give the same register")
	assert.NotEqual(t, canonical(t, Full(12, 3)), canonical(t, Register(12, 3)), "Full gives more than Register")

	set, all := map[string]bool{}, map[string]bool{}
	setFields(reflect.ValueOf(Full(12, 3)).Elem(), "", set)
	allFields(reflect.TypeFor[ropa.Register](), "", all)
	var missing []string
	for p := range all {
		if !set[p] {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "fields Full leaves unset")
}
