package ropa_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// locations maps each finding of a report to "rule path" -> "line:column".
func locations(rep *ropa.Report) map[string]string {
	m := map[string]string{}
	for _, f := range rep.Findings {
		m[f.Rule+" "+f.Activity+" "+f.Key] = fmt.Sprintf("%d:%d", f.Line, f.Column)
	}
	return m
}

// TestLocateAfterDeletingAnActivity deletes activity 0 of the WEngage
// register in memory and checks it again: every finding must still point at
// the line of its own element, never at the line of another.
func TestLocateAfterDeletingAnActivity(t *testing.T) {
	reg, src, err := examples.Load("wengage")
	require.NoError(t, err)
	at := ropa.NewDate(2026, 11, 21)
	before := ropa.Check(reg, at)
	before.Locate(reg, src)
	// Where each finding of an activity other than the first stood.
	where := map[string]ropa.Finding{}
	for _, f := range before.Findings {
		where[f.Activity+" "+f.Rule+" "+f.Key+" "+fmt.Sprint(f.Args)] = f
	}

	deleted := reg.Activities[0].ID
	reg.Activities = slices.Delete(reg.Activities, 0, 1) // in place: every later activity moves
	after := ropa.Check(reg, at)
	after.Locate(reg, src)
	require.NotEmpty(t, after.Findings)
	checked := 0
	for _, f := range after.Findings {
		if f.Activity == "" {
			continue
		}
		require.NotEqual(t, deleted, f.Activity)
		was, ok := where[f.Activity+" "+f.Rule+" "+f.Key+" "+fmt.Sprint(f.Args)]
		require.True(t, ok, "finding %v is new", f)
		assert.Equal(t, was.Line, f.Line, "%v: the line of its own element", f)
		assert.Equal(t, was.Column, f.Column, "%v", f)
		checked++
	}
	assert.Greater(t, checked, 20)
}

// TestLocateElementsThatCannotBeToldApart: an activity whose plain fields
// were changed in memory is no longer the element the document held; its
// findings are placed at the list that contains it, never at another
// activity's line.
func TestLocateElementsThatCannotBeToldApart(t *testing.T) {
	reg, src, err := ropa.Decode([]byte(`schema: openropa/v1
organisation: {name: A, email: a@example.be}
activities:
  - id: one
    name: One
  - id: two
    name: Two
`), ropa.YAML)
	require.NoError(t, err)
	reg.Activities[0].ID, reg.Activities[0].Name = "three", "Three" // changed in memory
	loc, ok := src.Locate(reg, ropa.PathOf("activities", 0))
	require.True(t, ok)
	assert.False(t, loc.Exact)
	assert.Equal(t, 3, loc.Line, "the list of activities, not activity one's line")

	reg.Activities[0], reg.Activities[1] = reg.Activities[1], reg.Activities[0] // two moved to 0
	loc, _ = src.Locate(reg, ropa.PathOf("activities", 0, "name"))
	assert.True(t, loc.Exact)
	assert.Equal(t, 7, loc.Line, "activity two is found at its new index")

	loc, _ = src.Locate(&ropa.Register{}, ropa.PathOf("activities", 0))
	assert.Equal(t, 3, loc.Line, "an element that is not there: the list")
}

// TestLocateThroughAnAlias: a finding on an element reached through a YAML
// alias says where the alias is used and where the anchor stands.
func TestLocateThroughAnAlias(t *testing.T) {
	reg, src, err := ropa.Decode([]byte(`schema: openropa/v1
organisation: {name: A, email: a@example.be}
activities:
  - id: one
    name: One
    retention: &keep
      - {criteria: as long as necessary}
  - id: two
    name: Two
    retention: *keep
`), ropa.YAML)
	require.NoError(t, err)
	rep := ropa.Check(reg, ropa.NewDate(2026, 11, 21))
	rep.Locate(reg, src)
	var got []string
	for _, f := range rep.Findings {
		if f.Rule == "vague-retention" && f.Anchor != nil {
			got = append(got, fmt.Sprintf("%s %d:%d anchor %s", f.Activity, f.Line, f.Column, f.Anchor))
		}
	}
	assert.Equal(t, []string{"two 10:16 anchor 7:9"}, got, "the alias's use, and where the element stands under the anchor")
	loc, _ := src.Locate(reg, ropa.PathOf("activities", 1, "retention"))
	assert.Equal(t, ropa.Located{Position: ropa.Position{Line: 10, Column: 16}, Anchor: ropa.Position{Line: 6, Column: 16}, Exact: true}, loc,
		"the alias itself: where it is used, and where the anchor stands")
}

func TestProblemPrintsInFull(t *testing.T) {
	_, _, err := ropa.Decode([]byte("schema: openropa/v1\norganisation:\n  nme: A\n"), ropa.YAML)
	var le *ropa.LoadError
	require.ErrorAs(t, err, &le)
	p := le.Problems[0]
	want := `3:3: organisation.nme: unknown field "nme"; did you mean "name"?`
	assert.Equal(t, want, fmt.Sprintf("%v", p))
	assert.Equal(t, want, fmt.Sprintf("%+v", p))
	assert.Equal(t, want, p.String())
}
