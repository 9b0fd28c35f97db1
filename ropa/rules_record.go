package ropa

import (
	"slices"

	"github.com/openropa/registry/internal/clip"
	"github.com/openropa/registry/retention"
)

// The rules of the record as a living document: what it states is absent,
// its inventory of systems and processors, and its reviews.
var (
	absenceContradictedRule = &Rule{ID: "stated-absence-contradicted", Severity: Warning, Article: "Art. 5(2) and 30(1) GDPR",
		Doc: "An activity states it has none of something it records.",
		Messages: Messages{
			"": "the activity states it has no %[1]s (%[2]s), yet records some; remove the statement or what contradicts it",
		},
		Run: absenceContradicted}
	inventoryTransferRule = &Rule{ID: "undeclared-system-transfer", Severity: Error, Article: "Art. 44 and 30(1)(e) GDPR",
		Doc: "A system or processor of the register outside the EEA is used by an activity that declares no transfer to its country.",
		Messages: Messages{
			"system":    "system %[1]q is hosted or supported in %[2]s, outside the EEA, but the activity declares no transfer to %[2]s; declare it with its ground (%[3]s)",
			"processor": "processor %[1]q processes data in %[2]s, outside the EEA, but the activity declares no transfer to %[2]s; declare it with its ground (%[3]s)",
			"record":    "system %[1]q is hosted or supported in %[2]s, outside the EEA, but the processing record declares no transfer to %[2]s (Art. 30(2)(c)); declare it with its ground (%[3]s)",
		},
		Run: inventoryTransfers}
	inventoryAgreementRule = &Rule{ID: "inventory-processor-agreement", Severity: Warning, Article: "Art. 28(3) GDPR",
		Doc:      "A processor of the register's inventory is recorded without a reference to its Art. 28(3) agreement.",
		Messages: Messages{"": "processor %[1]q is recorded without a reference to the contract that %[3]s requires; add it (%[2]s)"},
		Run: func(p *Pass) {
			for i, pe := range p.Register.Processors {
				if pe.Agreement == "" {
					p.Report(Root.Child("processors").Index(i), "", clip.Runes(pe.Name, 80), FieldName("agreement"), Citation("Art. 28(3) GDPR"))
				}
			}
		}}
	reviewDueRule = &Rule{ID: "record-review-due", Severity: Info, Article: "Art. 5(2) and 24(1) GDPR",
		Doc: "A record's last review is older than the register's review cycle, or than 24 months where it states none.",
		Messages: Messages{
			"":     "the record was last reviewed on %[1]s, more than %[2]s before the checking date; review it and record the date (%[3]s)",
			"next": "the record was to be reviewed by %[1]s; review it and record the date (%[2]s, %[3]s)",
		},
		Run: reviewDue}
)

// defaultReviewCycle is how old a record's last review may be where the
// register states no cycle: the advice of this rule, not a legal period.
var defaultReviewCycle = retention.Period{Months: 24}

func absenceContradicted(p *Pass) {
	for i := range p.Register.Activities {
		a := &p.Register.Activities[i]
		for k, none := range a.None {
			if contradicts(a, none) {
				p.Report(activityPath(i).Child("none").Index(k), "", none, FieldName("none"))
			}
		}
	}
}

// contradicts reports whether an activity records what it states it has none of.
func contradicts(a *Activity, none Absence) bool {
	switch none {
	case NoTransfers:
		return len(a.Transfers) > 0
	case NoRecipients:
		return len(a.Recipients) > 0
	case NoExternal:
		return slices.ContainsFunc(a.Recipients, func(r Recipient) bool { return r.Kind != Internal && r.Kind != Group })
	case NoSpecialData:
		return slices.ContainsFunc(a.DataCategories, func(c DataCategory) bool { return len(c.Special) > 0 })
	case NoJointController:
		return len(a.JointControllers) > 0
	case NoProcessor:
		return slices.ContainsFunc(a.Recipients, func(r Recipient) bool { return r.Kind == Processor || len(r.Processors) > 0 || r.AllProcessors })
	case NoMeasures:
		return len(a.Measures) > 0
	}
	return false
}

// inventoryTransfers reports the systems and processors of the inventory,
// outside the EEA, that an activity uses without a transfer to their country.
func inventoryTransfers(p *Pass) {
	r := p.Register
	systems := map[string]*System{}
	for i := range r.Systems {
		systems[r.Systems[i].ID] = &r.Systems[i]
	}
	processors := map[string]*ProcessorEntry{}
	for i := range r.Processors {
		processors[r.Processors[i].ID] = &r.Processors[i]
	}
	for i := range r.Activities {
		a := &r.Activities[i]
		undeclared := undeclaredBy(p, a.Transfers)
		for k, id := range a.Systems {
			if s := systems[id]; s != nil {
				if c := undeclared(append(slices.Clone(s.Hosting), s.Support...)...); c != "" {
					p.Report(activityPath(i).Child("systems").Index(k), "system", clip.Runes(s.Name, 80), c, FieldName("transfers"))
				}
			}
		}
		for k, rc := range a.Recipients {
			ids := rc.Processors
			if rc.AllProcessors {
				ids = nil
				for _, pe := range r.Processors {
					ids = append(ids, pe.ID)
				}
			}
			for _, id := range ids {
				if pe := processors[id]; pe != nil {
					if c := undeclared(append([]string{pe.Country}, pe.Locations...)...); c != "" {
						p.Report(activityPath(i).Child("recipients").Index(k), "processor", clip.Runes(pe.Name, 80), c, FieldName("transfers"))
					}
				}
			}
		}
	}
	// The places of processing of a processor record are its systems
	// (Art. 30(2)(c)).
	for i := range r.Processing {
		rec := &r.Processing[i]
		undeclared := undeclaredBy(p, rec.Transfers)
		for k, id := range rec.Systems {
			if s := systems[id]; s != nil {
				if c := undeclared(append(slices.Clone(s.Hosting), s.Support...)...); c != "" {
					p.ReportFinding(Finding{Path: recordPath(i).Child("systems").Index(k), Article: "Art. 44 and 30(2)(c) GDPR",
						Key: "undeclared-system-transfer.record", Args: []any{clip.Runes(s.Name, 80), c, FieldName("transfers")}})
				}
			}
		}
	}
}

// undeclaredBy returns a function that gives the first of its countries
// outside the EEA to which none of transfers goes, or "".
func undeclaredBy(p *Pass, transfers []Transfer) func(countries ...string) string {
	declared := map[string]bool{}
	for _, t := range transfers {
		declared[t.Country] = true
	}
	return func(countries ...string) string {
		for _, c := range countries {
			if !declared[c] && p.outsideEEA(c) {
				return c
			}
		}
		return ""
	}
}

func reviewDue(p *Pass) {
	r := p.Register
	cycle := r.ReviewCycle
	if cycle.IsZero() {
		cycle = defaultReviewCycle
	}
	old := func(d Date) bool { return !d.IsZero() && DateOf(cycle.AddTo(d.Time())).Before(p.At) }
	inherits := false // an activity without a date of its own has the register's
	for i := range r.Activities {
		a := &r.Activities[i]
		switch {
		case a.Status == Ended || !a.Ended.IsZero():
		case !a.NextReview.IsZero() && a.NextReview.Before(p.At):
			p.Report(activityPath(i), "next", a.NextReview, FieldName("updated"), FieldName("nextReview"))
		case a.Updated.IsZero():
			inherits = true
		case old(a.Updated):
			p.Report(activityPath(i).Child("updated"), "", a.Updated, cycle, FieldName("updated"))
		}
	}
	if (inherits || len(r.Activities) == 0) && old(r.Updated) {
		p.Report(Root.Child("updated"), "", r.Updated, cycle, FieldName("updated"))
	}
}
