package ropa_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/internal/golden"
	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var diffDay = ropa.NewDate(2026, 11, 21)

// clone returns a deep copy of a register, through its canonical JSON, so
// that lists shared through YAML aliases are not changed together.
func clone(t testing.TB, r *ropa.Register) *ropa.Register {
	t.Helper()
	b, err := ropa.Marshal(r)
	require.NoError(t, err)
	c, _, err := ropa.Decode(b, ropa.JSON)
	require.NoError(t, err)
	return c
}

// diffBase is a small register of three activities.
func diffBase(t testing.TB) *ropa.Register {
	t.Helper()
	r, _, err := ropa.Decode([]byte(`
schema: openropa/v1
updated: 2026-01-01
organisation: {name: Example NV, address: {country: BE}}
activities:
  - id: newsletter
    name: Newsletter
    updated: 2026-01-01
    purposes: [{description: Send the newsletter, bases: [{basis: consent}]}]
    dataSubjects: [{id: subscribers, description: Subscribers, kind: customer}]
    dataCategories: [{id: email, description: E-mail address}]
    recipients: [{name: Mailing service, kind: processor, country: BE, agreement: DPA-1}]
    retention: [{period: P2Y, from: last-contact}]
    dpia: {status: not-required, reference: DPIA-0}
  - id: payroll
    name: Payroll
    updated: 2026-01-01
    purposes: [{description: Pay salaries, bases: [{basis: legal-obligation, law: Tax law}]}]
    dataSubjects: [{id: staff, description: Staff, kind: employee}]
    dataCategories: [{id: bank, description: Bank account}]
    retention: [{period: P7Y, from: contract-end}]
    dpia: {status: not-required, reference: DPIA-1}
  - id: cctv
    name: Camera surveillance
    updated: 2026-01-01
    purposes: [{description: Secure the premises, bases: [{basis: legitimate-interests, interest: Security}]}]
    dataSubjects: [{id: visitors, description: Visitors, kind: visitor}]
    dataCategories: [{id: images, description: Images}]
    retention: [{period: P1M, from: collection}]
    dpia: {status: not-required, reference: DPIA-2}
`), ropa.YAML)
	require.NoError(t, err)
	return r
}

func kinds(d *ropa.RegisterDiff) []string {
	var out []string
	for _, tr := range d.Triggers {
		out = append(out, tr.Kind.String()+" "+tr.Path.String())
	}
	return out
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name     string
		change   func(r *ropa.Register)
		records  []string // kind id [oldId] of each activity diff
		changes  []string // the changes of the first activity diff, as text
		triggers []string // kind path of each trigger
	}{
		{name: "identical", change: func(*ropa.Register) {}},
		{name: "activity added", change: func(r *ropa.Register) {
			a := r.Activities[0]
			a.ID, a.Name, a.Updated = "webshop", "Webshop", ropa.Date{}
			a.Transfers = []ropa.Transfer{{Country: "US", Mechanism: lawfulbasis.SCC}}
			r.Activities = append(r.Activities, a)
		}, records: []string{"added webshop"},
			changes: []string{`+ activities[3]: {"id":"webshop"`},
			triggers: []string{"notice-update activities[3]", "processor-contract activities[3].recipients[0]",
				"transfer-mechanism activities[3].transfers[0]", "review-date activities[3].updated", "review-date updated"}},
		{name: "activity removed", change: func(r *ropa.Register) {
			r.Activities = r.Activities[1:]
		}, records: []string{"removed newsletter"},
			changes:  []string{`- activities[0]: {"id":"newsletter"`},
			triggers: []string{"review-date updated"}},
		{name: "id renamed, matched by name", change: func(r *ropa.Register) {
			r.Activities[1].ID = "salaries"
		}, records: []string{"changed salaries payroll"},
			changes:  []string{`~ activities[1].id: "payroll" -> "salaries"`},
			triggers: []string{"review-date activities[1].updated", "review-date updated"}},
		{name: "reordered", change: func(r *ropa.Register) {
			r.Activities[0], r.Activities[2] = r.Activities[2], r.Activities[0]
		}, records: []string{"changed cctv", "changed payroll"},
			changes:  []string{"> activities[0]: moved from activities[2]"},
			triggers: []string{"review-date updated"}},
		{name: "review date set with the change", change: func(r *ropa.Register) {
			r.Activities[1].Retention[0].Law = "Art. 60 Tax code"
			r.Activities[1].Updated = ropa.NewDate(2026, 11, 1)
			r.Updated = ropa.NewDate(2026, 11, 1)
		}, records: []string{"changed payroll"},
			changes:  []string{`~ activities[1].updated: "2026-01-01" -> "2026-11-01"`, `~ activities[1].retention[0].law: (not given) -> "Art. 60 Tax code"`},
			triggers: []string{"notice-update activities[1].retention[0]"}},
		{name: "new recipient of kind processor", change: func(r *ropa.Register) {
			r.Activities[1].Recipients = append(r.Activities[1].Recipients, ropa.Recipient{Name: "Payroll bureau", Kind: ropa.Processor, Country: "BE"})
		}, records: []string{"changed payroll"},
			changes: []string{`+ activities[1].recipients[0]: {"name":"Payroll bureau","kind":"processor","country":"BE"}`},
			triggers: []string{"notice-update activities[1].recipients[0]", "processor-contract activities[1].recipients[0]",
				"review-date activities[1].updated", "review-date updated"}},
		{name: "new transfer to US", change: func(r *ropa.Register) {
			r.Activities[0].Transfers = []ropa.Transfer{{Country: "US", Mechanism: lawfulbasis.SCC}}
		}, records: []string{"changed newsletter"},
			changes: []string{`+ activities[0].transfers[0]: {"country":"US","mechanism":"scc"}`},
			triggers: []string{"notice-update activities[0].transfers[0]", "transfer-mechanism activities[0].transfers[0]",
				"review-date activities[0].updated", "review-date updated"}},
		{name: "new transfer to FR, within the EEA", change: func(r *ropa.Register) {
			r.Activities[0].Transfers = []ropa.Transfer{{Country: "FR"}}
		}, records: []string{"changed newsletter"},
			changes:  []string{`+ activities[0].transfers[0]: {"country":"FR"}`},
			triggers: []string{"notice-update activities[0].transfers[0]", "review-date activities[0].updated", "review-date updated"}},
		{name: "new purpose", change: func(r *ropa.Register) {
			r.Activities[0].Purposes = append(r.Activities[0].Purposes, ropa.Purpose{Description: "Profile readers", Bases: []ropa.Basis{{Basis: lawfulbasis.Consent}}})
		}, records: []string{"changed newsletter"},
			changes:  []string{`+ activities[0].purposes[1]: {"description":"Profile readers","bases":[{"basis":"consent"}]}`},
			triggers: []string{"notice-update activities[0].purposes[1]", "review-date activities[0].updated", "review-date updated"}},
		{name: "changed basis", change: func(r *ropa.Register) {
			r.Activities[0].Purposes[0].Bases[0].Basis = lawfulbasis.LegitimateInterests
		}, records: []string{"changed newsletter"},
			changes:  []string{`~ activities[0].purposes[0].bases[0].basis: "consent" -> "legitimate-interests"`},
			triggers: []string{"notice-update activities[0].purposes[0].bases[0]", "review-date activities[0].updated", "review-date updated"}},
		{name: "a new agreement is no notice matter", change: func(r *ropa.Register) {
			r.Activities[0].Recipients[0].Agreement = "DPA-2"
		}, records: []string{"changed newsletter"},
			changes:  []string{`~ activities[0].recipients[0].agreement: "DPA-1" -> "DPA-2"`},
			triggers: []string{"review-date activities[0].updated", "review-date updated"}},
		{name: "changed DPIA criteria", change: func(r *ropa.Register) {
			r.Activities[2].DataCategories[0].Description = "Camera images"
		}, records: []string{"changed cctv"},
			changes:  []string{`~ activities[2].dataCategories[0].description: "Images" -> "Camera images"`},
			triggers: []string{"dpia-review activities[2]", "review-date activities[2].updated", "review-date updated"}},
		{name: "new processor of the inventory", change: func(r *ropa.Register) {
			r.Processors = []ropa.ProcessorEntry{{ID: "cloud", Name: "Cloud NV"}}
		}, changes: nil, triggers: []string{"processor-contract processors[0]", "review-date updated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := diffBase(t)
			now := clone(t, old)
			tt.change(now)
			d := ropa.Diff(old, now, diffDay)
			var records []string
			for _, rd := range d.Activities {
				records = append(records, strings.TrimSpace(rd.Kind.String()+" "+rd.ID+" "+rd.OldID))
			}
			assert.Equal(t, tt.records, records)
			if len(tt.changes) > 0 {
				require.NotEmpty(t, d.Activities)
				var got []string
				for _, c := range d.Activities[0].Changes {
					got = append(got, c.String())
				}
				require.Len(t, got, len(tt.changes), "%q", got)
				for i, want := range tt.changes {
					assert.True(t, strings.HasPrefix(got[i], want), "change %d: %q, want %q", i, got[i], want)
				}
			}
			assert.Equal(t, tt.triggers, kinds(d))
			assert.Equal(t, tt.name == "identical", d.Empty())
			for _, tr := range d.Triggers {
				assert.True(t, tr.Kind.Valid())
				assert.NotEmpty(t, tr.Article)
				assert.NotEmpty(t, tr.Message)
			}
		})
	}
}

func TestDiffPaths(t *testing.T) {
	old := diffBase(t)
	now := clone(t, old)
	now.Activities = now.Activities[1:]
	now.Activities[1].Retention[0].Period.Months = 2
	d := ropa.Diff(old, now, diffDay)
	require.Len(t, d.Activities, 2)
	cctv := d.Activities[0]
	assert.Equal(t, "cctv", cctv.ID)
	assert.Equal(t, ropa.PathOf("activities", 1), cctv.Path)
	assert.Equal(t, ropa.PathOf("activities", 2), cctv.OldPath)
	require.Len(t, cctv.Changes, 1, "deleting activity 0 moves no other activity")
	c := cctv.Changes[0]
	assert.Equal(t, ropa.ChangeModified, c.Kind)
	assert.Equal(t, ropa.PathOf("activities", 1, "retention", 0, "period"), c.Path)
	assert.Equal(t, ropa.PathOf("activities", 2, "retention", 0, "period"), c.OldPath)
	assert.JSONEq(t, `"P1M"`, string(c.Old))
	assert.JSONEq(t, `"P2M"`, string(c.New))
	removed := d.Activities[1]
	assert.Equal(t, ropa.ChangeRemoved, removed.Kind)
	assert.True(t, removed.Path.IsRoot())
	assert.Equal(t, ropa.PathOf("activities", 0), removed.OldPath)
}

func TestDiffNameTies(t *testing.T) {
	old := diffBase(t)
	old.Activities[1].Name, old.Activities[2].Name = "Same", "Same"
	now := clone(t, old)
	now.Activities[1].ID, now.Activities[2].ID = "x", "y"
	d := ropa.Diff(old, now, diffDay)
	var got []string
	for _, rd := range d.Activities {
		got = append(got, rd.Kind.String()+" "+rd.ID)
	}
	assert.Equal(t, []string{"added x", "added y", "removed payroll", "removed cctv"}, got,
		"two activities of one name are not matched by name")
}

func TestDiffFindings(t *testing.T) {
	old := diffBase(t)
	now := clone(t, old)
	now.Activities = now.Activities[1:]             // every later finding shifts by one activity
	now.Activities[0].Purposes[0].Bases[0].Law = "" // payroll loses the law of its legal obligation
	now.Activities[1].DataCategories[0].Description = "Camera images and recordings"
	before, after := ropa.Check(old, diffDay), ropa.Check(now, diffDay)
	d := ropa.Diff(old, now, diffDay)
	for _, f := range d.Appeared {
		assert.Contains(t, after.Findings, f)
		assert.NotEqual(t, "newsletter", f.Activity)
	}
	for _, f := range d.Disappeared {
		assert.Contains(t, before.Findings, f)
		assert.Equal(t, "newsletter", f.Activity, "only the deleted activity's findings disappear: %v", f)
	}
	assert.Equal(t, len(after.Findings)-len(before.Findings), len(d.Appeared)-len(d.Disappeared))
	var rules []string
	for _, f := range d.Appeared {
		rules = append(rules, f.Rule+" "+f.Path.String())
	}
	assert.NotEmpty(t, d.Appeared, "the changes bring findings")
	t.Log(rules)
}

// wengageChanged is the WEngage register with activity 0 deleted and a
// transfer to the United States added to the next.
func wengageChanged(t testing.TB) (old, now *ropa.Register) {
	old, _, err := examples.Load("wengage")
	require.NoError(t, err)
	now = clone(t, old)
	now.Activities = now.Activities[1:]
	now.Activities[0].Transfers = append(now.Activities[0].Transfers,
		ropa.Transfer{Country: "US", Recipient: "Analytics Inc.", Mechanism: lawfulbasis.SCC, Reference: "Decision (EU) 2021/914"})
	return old, now
}

func TestDiffWEngageGolden(t *testing.T) {
	old, now := wengageChanged(t)
	d := ropa.Diff(old, now, diffDay)
	require.False(t, d.Empty())
	var text bytes.Buffer
	require.NoError(t, d.WriteText(&text))
	golden.Equal(t, "testdata/diff/wengage.txt", text.Bytes())
	j, err := json.MarshalIndent(d, "", "  ")
	require.NoError(t, err)
	golden.Equal(t, "testdata/diff/wengage.json", append(j, '\n'))
	assert.Contains(t, kinds(d), "transfer-mechanism activities[0].transfers[1]")

	same := ropa.Diff(old, clone(t, old), diffDay)
	assert.True(t, same.Empty())
	text.Reset()
	require.NoError(t, same.WriteText(&text))
	assert.Equal(t, "no changes (as of 2026-11-21)\n", text.String())
}

func TestDiffNil(t *testing.T) {
	d := ropa.Diff(nil, diffBase(t), diffDay)
	require.Len(t, d.Activities, 3)
	for _, rd := range d.Activities {
		assert.Equal(t, ropa.ChangeAdded, rd.Kind)
	}
	assert.NotPanics(t, func() { ropa.Diff(diffBase(t), nil, diffDay) })
}

func ExampleDiff() {
	old, _, err := ropa.Decode([]byte(`
schema: openropa/v1
updated: 2026-01-01
organisation: {name: Example NV}
activities:
  - id: newsletter
    name: Newsletter
    updated: 2026-01-01
    purposes: [{description: Send the newsletter, bases: [{basis: consent}]}]
    dataSubjects: [{id: subscribers, description: Subscribers}]
    dataCategories: [{id: email, description: E-mail address}]
    retention: [{period: P2Y, from: last-contact}]
`), ropa.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := ropa.Marshal(old)
	now, _, _ := ropa.Decode(b, ropa.JSON)
	now.Activities[0].Transfers = []ropa.Transfer{{Country: "US", Mechanism: lawfulbasis.SCC}}

	d := ropa.Diff(old, now, ropa.NewDate(2026, 11, 21))
	for _, c := range d.Activities[0].Changes {
		fmt.Println(c)
	}
	for _, t := range d.Triggers {
		fmt.Println(t.Kind, t.Path, t.Article)
	}
	fmt.Println("changed:", !d.Empty()) // d.WriteText(os.Stdout) prints it all for a person
	// Output:
	// + activities[0].transfers[0]: {"country":"US","mechanism":"scc"}
	// notice-update activities[0].transfers[0] Art. 13(1)(f), 14(1)(f) GDPR
	// transfer-mechanism activities[0].transfers[0] Art. 44 GDPR
	// review-date activities[0].updated Art. 5(2), 24(1) GDPR
	// review-date updated Art. 5(2), 24(1) GDPR
	// changed: true
}

// BenchmarkDiff compares a synthetic register of 10,000 activities with a
// copy in which 1% of the activities changed, checks included.
func BenchmarkDiff(b *testing.B) {
	for _, n := range []int{10000} {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			old := synth.Register(n, 1)
			now := clone(b, old)
			for i := 0; i < n; i += 100 {
				a := &now.Activities[i]
				a.Purposes[0].Description += " (revised)"
				a.Transfers = append(a.Transfers, ropa.Transfer{Country: "US", Mechanism: lawfulbasis.SCC})
			}
			b.ReportAllocs()
			for b.Loop() {
				if ropa.Diff(old, now, diffDay).Empty() {
					b.Fatal("no change found")
				}
			}
		})
	}
}
