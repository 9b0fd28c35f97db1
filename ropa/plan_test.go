package ropa

import (
	"cmp"
	"reflect"
	"slices"
	"testing"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requirePlanAgrees fails unless the compiled plan finds in a register
// exactly the faults that validator/v10 finds, in the same terms.
func requirePlanAgrees(t testing.TB, r *Register) {
	t.Helper()
	want, err := validatorFaults(r)
	if err != nil {
		t.Fatal(err)
	}
	got := runPlan(r)
	if walked := planFaults(r, false); !reflect.DeepEqual(walked, got) {
		t.Fatalf("the generated walk disagrees with the walk of the plan:\ngenerated: %+v\nwalked:    %+v", got, walked)
	}
	for i := range got {
		if got[i].article != "" {
			if a := articleOf(got[i].structNS); got[i].article != a {
				t.Fatalf("the plan gives %s article %s, the struct tags %s", got[i].ns, got[i].article, a)
			}
			got[i].article = "" // validator/v10 knows no articles
		}
	}
	order := func(a, b fault) int { return cmp.Or(cmp.Compare(a.ns, b.ns), cmp.Compare(a.tag, b.tag)) }
	slices.SortStableFunc(want, order)
	slices.SortStableFunc(got, order)
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("the validation plan disagrees with validator/v10:\nvalidator/v10: %+v\nplan:          %+v", want, got)
	}
}

func TestPlanAgreesWithValidator(t *testing.T) {
	broken := func(mutate func(r *Register)) *Register {
		r := validRegister()
		mutate(r)
		return r
	}
	registers := map[string]*Register{
		"valid": validRegister(),
		"empty": {},
		"zero elements": broken(func(r *Register) {
			r.Entities = []Party{{}}
			r.Measures = append(r.Measures, Measure{})
			r.Activities = append(r.Activities, Activity{DPIA: &DPIA{Criteria: []DPIACriterion{""}}, Retention: []RetentionRule{{}},
				Purposes: []Purpose{{Bases: []Basis{{}}, Conditions: []Condition{{}}}}, DataSubjects: []DataSubject{{}},
				DataCategories: []DataCategory{{Sources: []Source{""}}}, Recipients: []Recipient{{}}, Transfers: []Transfer{{}}})
			r.Processing = append(r.Processing, ProcessorRecord{Controllers: []Party{}, Categories: []string{}, SubProcessors: []Recipient{{}}, Transfers: []Transfer{{}}})
			r.Waivers = append(r.Waivers, Waiver{})
		}),
		"bad values everywhere": broken(func(r *Register) {
			r.Language = "dutch!"
			r.Organisation = Party{Email: "x", Website: "y", Employees: ptr(-3), Address: &Address{Country: "Belgium"},
				Registration: &Registration{Scheme: "BE-KBO", ID: "1"}}
			r.DPO = &Contact{Email: "@", Address: &Address{Country: "uk"}}
			r.Representative = &Party{Registration: &Registration{Scheme: "kbo", ID: "x"}}
			a := &r.Activities[0]
			a.Purposes[0].Bases = append(a.Purposes[0].Bases, Basis{Basis: "x"}, Basis{})
			a.Purposes[0].Conditions = []Condition{{Condition: "explicit"}}
			a.DataSubjects[0].Kind = "client"
			a.DataCategories[0].Sources = []Source{"employer", "", Observed}
			a.DataCategories[0].Special = "medical"
			a.Recipients[0].Kind, a.Recipients[0].Country = "vendor", "EL"
			a.Transfers = append(a.Transfers, Transfer{Mechanism: lawfulbasis.DerogationMechanism}, Transfer{Organisation: "UN", Mechanism: "x", Scope: "y", Derogation: "z"})
			a.Retention[0].Term = retention.Term{From: "birthday"}
			a.DPIA.Status, a.DPIA.Criteria = "", []DPIACriterion{"cctv"}
			r.Processing[0].Categories = []string{"a", ""}
			r.Processing[0].Controllers = nil
			r.Measures[0].Kind = "physical"
		}),
		"nil lists": broken(func(r *Register) {
			r.Activities[0].Purposes, r.Activities[0].DataSubjects, r.Activities[0].DataCategories = nil, nil, nil
			r.Processing[0].Categories = nil
		}),
	}
	for name, r := range registers {
		t.Run(name, func(t *testing.T) { requirePlanAgrees(t, r) })
	}
}

func TestPlanRejectsTagsItDoesNotRun(t *testing.T) {
	type unknownTag struct {
		A string `validate:"alpha"`
	}
	type requiredPointer struct {
		A *string `validate:"required"`
	}
	type enumOnNoEnum struct {
		A string `validate:"enum"`
	}
	type tagsAfterDiveOnStructs struct {
		A []Party `validate:"dive,required"`
	}
	type tagsBeforeDiveOnStructs struct {
		A []Party `validate:"omitempty,dive"`
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[unknownTag](), reflect.TypeFor[requiredPointer](), reflect.TypeFor[enumOnNoEnum](), reflect.TypeFor[tagsAfterDiveOnStructs](), reflect.TypeFor[tagsBeforeDiveOnStructs]()} {
		c := planCompiler{plans: map[reflect.Type]*structPlan{}, sets: enumSets()}
		assert.Panics(t, func() { c.compile(typ) }, typ.Name())
	}
	require.NotPanics(t, func() { plan() }, "the plan of the model compiles")
}
