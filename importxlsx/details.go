package importxlsx

import (
	"strings"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// activityDetails reads the columns of the Activities sheet beyond the
// Art. 30 summary: status, owner, other controllers, DPO, risk, DPIA
// criteria, the grounds of automated decisions and the stated absences.
// The DPIA is read before it.
func (g *generic) activityDetails(t *table, r, i int, p ropa.Path, a *ropa.Activity) {
	enumCell(g, t, r, i, "Activities", "Status", &a.Status, "not a status of an activity (planned, active, suspended, ended)")
	enumCell(g, t, r, i, "Activities", "Risk", &a.Risk, "not a level of risk (low, medium, high)")
	if o := (ropa.Owner{Function: t.get(r, "Owner's function"), Department: t.get(r, "Owner's department"), Email: t.get(r, "Owner's e-mail"),
		Person: t.get(r, "Owner's contact person")}); o != (ropa.Owner{}) {
		a.Owner = &o
		t.sameAs(r, "Owner (function, department)", i, linesOf(o.Function, o.Department, o.Email, o.Person), "Owner's function")
	} else if v := t.get(r, "Owner (function, department)"); v != "" {
		t.problem(r, "Owner (function, department)", i, v, "owner worded in one cell, not imported: give it in the columns of the owner's function, department and e-mail")
	}
	controllers, roles := g.partiesAt(p.Child("controllers"), a.ID, t.s, r, t.col["Other controllers (role)"], t.get(r, "Other controllers (role)"), true)
	for j, c := range controllers {
		a.Controllers = append(a.Controllers, ropa.ActivityController{Party: c, Role: roles[j]})
	}
	a.DPO = g.contactAt(p.Child("dpo"), a.ID, t.s, r, t.col["Data protection officer of the activity"], t.get(r, "Data protection officer of the activity"))
	for _, v := range splitLines(t.get(r, "DPIA criteria (WP248)")) {
		c := ropa.DPIACriterion(v)
		switch {
		case !c.Valid():
			t.problem(r, "DPIA criteria (WP248)", i, v, "not a criterion of WP248")
		case a.DPIA == nil:
			t.problem(r, "DPIA criteria (WP248)", i, v, "a DPIA criterion without the DPIA's status; give the status in the DPIA column")
		default:
			a.DPIA.Criteria = append(a.DPIA.Criteria, c)
		}
	}
	d := ropa.DecisionGrounds{Law: t.get(r, "Law authorising the decisions (Art. 22(2)(b))"), Safeguards: t.get(r, "Safeguards of the decisions (Art. 22(3))")}
	if v := t.get(r, "Exception (Art. 22(2))"); v != "" {
		d.Exception = ropa.DecisionException(v)
		for _, e := range ropa.DecisionExceptions() {
			if e.Article() == v {
				d.Exception = e
			}
		}
		if !d.Exception.Valid() {
			t.problem(r, "Exception (Art. 22(2))", i, v, "not an exception of Art. 22(2); kept as written")
		}
	}
	if d != (ropa.DecisionGrounds{}) {
		a.DecisionGrounds = &d
		exc := t.get(r, "Exception (Art. 22(2))")
		if d.Exception.Valid() {
			exc = lang.Cite(d.Exception.Article(), g.l) // the worded cell cites it in the workbook's language
		}
		t.sameAs(r, "Grounds of automated decisions (Art. 22(2), (3))", i, linesOf(exc, d.Law, d.Safeguards), "Exception (Art. 22(2))")
	} else if v := t.get(r, "Grounds of automated decisions (Art. 22(2), (3))"); v != "" {
		t.problem(r, "Grounds of automated decisions (Art. 22(2), (3))", i, v, "grounds worded in one cell, not imported: give them in the columns of the exception, the law and the safeguards")
	}
	for _, v := range splitLines(t.get(r, "Stated absences (ids)")) {
		if x := ropa.Absence(v); x.Valid() {
			a.None = append(a.None, x)
		} else {
			t.problem(r, "Stated absences (ids)", i, v, "not a stated absence (transfers, recipients, external-recipients, special-categories, joint-controllers, processors)")
		}
	}
}

// extension reads the extension of a retention term from its columns.
func (g *generic) extension(t *table, r, i int, rule *ropa.RetentionRule) {
	x := retention.Extension{When: t.get(r, "Extension: case"), Law: t.get(r, "Extension: law")}
	if v := t.get(r, "Extension: period (ISO 8601)"); v != "" {
		if p, err := retention.ParsePeriod(v); err == nil {
			x.Period = p
		} else {
			t.problem(r, "Extension: period (ISO 8601)", i, v, "not an ISO 8601 period: %v", err)
		}
	}
	for _, v := range splitLines(t.get(r, "Extension: ends at")) {
		if e, ok := g.event(v, retention.Event.Until, retention.Event.After); ok {
			x.Until = append(x.Until, e)
		} else {
			t.problem(r, "Extension: ends at", i, v, "not an ending event")
		}
	}
	if x.When != "" || x.Law != "" || !x.Period.IsZero() || len(x.Until) > 0 {
		rule.Extension = &x
		var words []string
		for _, w := range []string{x.When, t.get(r, "Extension: period (ISO 8601)"), t.get(r, "Extension: ends at"), x.Law} {
			if w != "" {
				words = append(words, w)
			}
		}
		t.sameAs(r, "Extension", i, strings.Join(words, "; "), "Extension: case")
	} else if v := t.get(r, "Extension"); v != "" {
		t.problem(r, "Extension", i, v, "extension worded in one cell, not imported: give it in the columns of its case, period, end and law")
	}
}

// sameAs reports a cell under head (one that words together what columns
// of their own hold) that does not say want: the columns are read (the
// first of them is from), and the cell's words would otherwise be lost
// without a word.
func (t *table) sameAs(r int, head string, activity int, want, from string) {
	if _, ok := t.col[head]; !ok {
		return
	}
	if v := t.get(r, head); v != want {
		t.problem(r, head, activity, v, "the cell says otherwise than the columns from %q on, which are read (they word it %q): edit both", t.s.cell(1, t.col[from]), want)
	}
}
