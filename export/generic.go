package export

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// lines joins the non-empty values, one to a line.
func lines(vs ...string) string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, "\n")
}

func join(vs []string) string { return strings.Join(vs, "\n") }

// joinEach puts the text of each element on a line of its own.
func joinEach[T any](xs []T, text func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = text(x)
	}
	return join(out)
}

func address(a *ropa.Address, l Lang) string {
	if a == nil {
		return ""
	}
	city := strings.TrimSpace(a.PostalCode + " " + a.City)
	return strings.Join(nonEmpty(a.Street, city, countryName(a.Country, l)), ", ")
}

func nonEmpty(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}

// party renders a party on one or more lines.
func party(p ropa.Party, l Lang) string {
	reg := ""
	if p.Registration != nil {
		reg = p.Registration.Scheme + " " + p.Registration.ID
	}
	var extra []string
	if p.PostalAddress != nil {
		extra = append(extra, t("field.postal", l)+": "+address(p.PostalAddress, l))
	}
	if p.Employees != nil {
		extra = append(extra, t("field.employees", l)+": "+strconv.Itoa(*p.Employees))
	}
	if p.PublicAuthority != nil {
		extra = append(extra, t("field.publicAuthority", l)+": "+yesNo(*p.PublicAuthority, l))
	}
	if p.Contact != nil {
		extra = append(extra, t("field.contactPerson", l)+": "+strings.ReplaceAll(contact(p.Contact, l), "\n", ", "))
	}
	return lines(append([]string{p.Name, reg, address(p.Address, l), p.Email, p.Phone, p.Website}, extra...)...)
}

func contact(c *ropa.Contact, l Lang) string {
	if c == nil {
		return ""
	}
	role := ""
	if c.Role != "" {
		// Labelled, so that a role is never read as a name or a street.
		role = t("col.role", l) + ": " + c.Role
	}
	return lines(c.Name, role, address(c.Address, l), c.Email, c.Phone)
}

func mechanismLabel(m lawfulbasis.Mechanism, l Lang) string {
	if m == "" || !m.Valid() {
		return string(m)
	}
	return m.Label(l)
}

func specialLabel(c ropa.DataCategory, l Lang) string {
	var out []string
	for _, sc := range c.Special {
		out = append(out, withArticle(sc, l))
	}
	if c.Criminal {
		out = append(out, t("col.criminal", l))
	}
	return strings.Join(out, "; ")
}

// rightsText lists the rights a basis gives that apply or are limited.
func rightsText(b lawfulbasis.Basis, directMarketing bool, l Lang) string {
	if !b.Valid() {
		return ""
	}
	var out []string
	for _, e := range lawfulbasis.RightsFor(b, directMarketing) {
		if e.Availability == lawfulbasis.NotApplicable {
			continue
		}
		s := e.Right.Label(l)
		if e.Availability == lawfulbasis.Limited {
			s += " (" + e.Availability.Label(l) + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// summaries of an activity for the one-row-per-activity sheet.
func purposesText(a ropa.Activity) string {
	return joinEach(a.Purposes, func(p ropa.Purpose) string { return p.Description })
}

func basesText(a ropa.Activity, l Lang) string {
	seen := map[lawfulbasis.Basis]bool{}
	var out []string
	for _, p := range a.Purposes {
		for _, b := range p.Bases {
			if !seen[b.Basis] {
				seen[b.Basis] = true
				out = append(out, withArticle(b.Basis, l))
			}
		}
	}
	return join(out)
}

func subjectsText(a ropa.Activity, l Lang) string {
	return joinEach(a.DataSubjects, func(s ropa.DataSubject) string {
		if k := subjectLabel(s.Kind, l); k != "" {
			return s.Description + " (" + k + ")"
		}
		return s.Description
	})
}

// categoriesText lists an activity's data categories, each with its class
// of data where the register gives one.
func categoriesText(a ropa.Activity, l Lang) string {
	return joinEach(a.DataCategories, func(c ropa.DataCategory) string {
		if c.Class == "" {
			return c.Description
		}
		return c.Description + " (" + classLabel(c.Class, l) + ")"
	})
}

func specialText(a ropa.Activity, l Lang) string {
	var out []string
	for _, c := range a.DataCategories {
		if s := specialLabel(c, l); s != "" {
			out = append(out, c.Description+": "+s)
		}
	}
	return join(out)
}

func recipientsText(rs []ropa.Recipient, l Lang) string {
	return joinEach(rs, func(r ropa.Recipient) string {
		var extra []string
		if k := recipientLabel(r.Kind, l); k != "" {
			extra = append(extra, k)
		}
		if r.Country != "" {
			extra = append(extra, countryName(r.Country, l))
		}
		if len(extra) > 0 {
			return r.Name + " (" + strings.Join(extra, ", ") + ")"
		}
		return r.Name
	})
}

func transferText(tr ropa.Transfer, l Lang) string {
	dest := countryName(tr.Country, l)
	if tr.Organisation != "" {
		dest = strings.Join(nonEmpty(dest, tr.Organisation), ", ")
	}
	if dest == "" {
		dest = t("notStated", l)
	}
	parts := nonEmpty(tr.Recipient, mechanismLabel(tr.Mechanism, l), withArticle(tr.Derogation, l), tr.Reference)
	if len(parts) == 0 {
		return dest
	}
	return dest + ": " + strings.Join(parts, "; ")
}

func transfersText(ts []ropa.Transfer, l Lang) string {
	return joinEach(ts, func(tr ropa.Transfer) string { return transferText(tr, l) })
}

func retentionText(a ropa.Activity, l Lang, opts ...retention.WordOption) string {
	opts = wordingOf(a, opts...)
	return joinEach(a.Retention, func(r ropa.RetentionRule) string {
		if len(a.Retention) == 1 && len(r.Data) == 0 {
			return r.Words(l, opts...) // the activity's only term: it holds for all its data
		}
		return retentionData(a, r, l) + ": " + r.Words(l, opts...)
	})
}

// retentionData names the data categories a retention rule applies to, by
// their descriptions ("; " between them), or says in words that it applies
// to every category of the activity. An id that names no category of the
// activity stands as written.
func retentionData(a ropa.Activity, r ropa.RetentionRule, l Lang) string {
	if len(r.Data) == 0 {
		return t("data.all", l)
	}
	names := make([]string, len(r.Data))
	for i, id := range r.Data {
		names[i] = categoryName(a, id)
	}
	return strings.Join(names, "; ")
}

// categoryName returns the description of an activity's data category, or
// the id where no category has it (or the category has no description).
func categoryName(a ropa.Activity, id string) string {
	for _, c := range a.DataCategories {
		if c.ID == id && strings.TrimSpace(c.Description) != "" {
			return c.Description
		}
	}
	return id
}

// measuresText describes the measures of ids (of measures, by id); an id
// of no measure stands as written.
func measuresText(ids []string, measures map[string]ropa.Measure) string {
	return joinEach(ids, func(id string) string {
		if m, ok := measures[id]; ok {
			return m.Description
		}
		return id
	})
}

func dpiaText(d *ropa.DPIA, l Lang) string {
	if d == nil {
		return ""
	}
	return strings.Join(nonEmpty(dpiaLabel(d.Status, l), d.Reference, dateText(d.Date, l)), ", ")
}

func boolText(b *bool, l Lang) string {
	if b == nil {
		return ""
	}
	return yesNo(*b, l)
}

// lists of allowed values for drop-downs.
func genericLists(l Lang) []namedList {
	bases := labelsOf(lawfulbasis.Bases(), l, withArticle[lawfulbasis.Basis])
	conds := labelsOf(lawfulbasis.Conditions(), l, withArticle[lawfulbasis.Condition])
	mechs := labelsOf(lawfulbasis.Mechanisms(), l, mechanismLabel)
	kinds := labelsOf(ropa.RecipientKinds(), l, recipientLabel)
	subjects := labelsOf(ropa.SubjectKinds(), l, subjectLabel)
	specials := labelsOf(lawfulbasis.SpecialCategories(), l, withArticle[lawfulbasis.SpecialCategory])
	sev := labelsOf([]ropa.Severity{ropa.Error, ropa.Warning, ropa.Info}, l, severityLabel)
	measureKinds := labelsOf(ropa.MeasureKinds(), l, measureLabel)
	return []namedList{
		{t("col.basis", l), bases},
		{t("col.conditions", l), conds},
		{t("col.mechanism", l), mechs},
		{t("col.kind", l) + " (" + t("col.recipient", l) + ")", kinds},
		{t("col.subjects", l), subjects},
		{t("col.special", l), specials},
		{t("col.severity", l), sev},
		{t("col.kind", l) + " (" + t("sheet.measures", l) + ")", measureKinds},
		{t("col.criminal", l), []string{yesNo(true, l), yesNo(false, l)}},
	}
}

func writeGeneric(b *book, reg *ropa.Register) error {
	l := b.o.lang
	if err := writeCover(b, reg); err != nil {
		return err
	}
	lists := genericLists(l)
	b.planLists(lists) // written last, named now so that tables refer to it
	listName := func(i int) string { return lists[i].name }

	// Activities: one row per activity with every Art. 30(1) column and the
	// record's metadata, each field in a column of its own.
	// The widths and each column's padding stay within what LibreOffice
	// prints one page wide at its smallest scale, 10% (TestPrintedPages):
	// 926 characters over 49 columns print, 944 do not.
	tb, err := b.table("sheet.activities", []column{
		{key: "col.id", width: 16}, {key: "col.name", width: 30, required: true}, {key: "col.description", width: 30},
		{key: "col.reference", width: 12}, {key: "col.status", width: 12}, {key: "col.updated", width: 14}, {key: "col.nextReview", width: 14},
		{key: "col.owner", width: 24}, {key: "col.otherControllers", width: 24}, {key: "col.notController", width: 10}, {key: "col.dpo", width: 20},
		{key: "col.jointControllers", width: 24}, {key: "col.jointArrangement", width: 24}, {key: "col.purposes", width: 45, required: true}, {key: "col.bases", width: 28},
		{key: "col.subjects", width: 30, required: true}, {key: "col.categories", width: 40, required: true}, {key: "col.special", width: 24},
		{key: "col.recipients", width: 35, required: true}, {key: "col.transfers", width: 30, required: true}, {key: "col.retention", width: 40, required: true},
		{key: "col.measures", width: 40, required: true}, {key: "col.systems", width: 24}, {key: "col.risk", width: 10}, {key: "col.targetCountries", width: 20},
		{key: "col.dpia", width: 14}, {key: "col.dpiaCriteria", width: 20}, {key: "col.automated", width: 14}, {key: "col.decisionGrounds", width: 24},
		{key: "col.ended", width: 14}, {key: "col.replacedBy", width: 16}, {key: "col.notes", width: 30},
		{key: "col.subjectIds", width: 10},
		// The fields the columns above word together, each in a column of
		// its own, so that the workbook reads back exactly.
		{key: "col.ownerFunction", width: 12}, {key: "col.ownerDepartment", width: 12}, {key: "col.ownerEmail", width: 12},
		{key: "col.decisionException", width: 10}, {key: "col.decisionLaw", width: 10}, {key: "col.decisionSafeguards", width: 10},
		{key: "col.absences", width: 8}, {key: "col.storage", width: 10}, {key: "col.notice", width: 10},
		{key: "col.method", width: 10}, {key: "col.entities", width: 10},
		{key: "col.created", width: 10}, {key: "col.started", width: 10}, {key: "col.ownerPerson", width: 10},
		{key: "col.profiling", width: 10}, {key: "col.record", width: 10},
	})
	if err != nil {
		return err
	}
	words := eventLabels(reg)
	for _, a := range reg.Activities {
		var owner ropa.Owner
		if a.Owner != nil {
			owner = *a.Owner
		}
		var grounds ropa.DecisionGrounds
		if a.DecisionGrounds != nil {
			grounds = *a.DecisionGrounds
		}
		exception := string(grounds.Exception)
		if grounds.Exception.Valid() {
			exception = grounds.Exception.Article()
		}
		var joint []string
		for _, p := range a.JointControllers {
			joint = append(joint, party(p, l))
		}
		tb.add(a.ID, a.Name, a.Description, a.Reference, label("status.", a.Status, l), dateText(a.Updated, l), dateText(a.NextReview, l),
			ownerText(a.Owner), controllersText(a.Controllers, l), yesIf(a.NotController, l), contact(a.DPO, l),
			withAbsence(strings.Join(joint, "\n\n"), a, l, ropa.NoJointController), a.JointArrangement, purposesText(a), basesText(a, l),
			subjectsText(a, l), categoriesText(a, l), withAbsence(specialText(a, l), a, l, ropa.NoSpecialData),
			withAbsence(recipientsText(a.Recipients, l), a, l, ropa.NoRecipients, ropa.NoExternal, ropa.NoProcessor),
			withAbsence(transfersText(a.Transfers, l), a, l, ropa.NoTransfers),
			retentionText(a, l, words), withAbsence(measuresText(a.Measures, b.measures), a, l, ropa.NoMeasures), join(a.Systems), label("risk.", a.Risk, l), join(a.TargetCountries),
			dpiaText(a.DPIA, l), dpiaCriteria(a.DPIA), boolText(a.AutomatedDecisions, l), decisionText(a.DecisionGrounds, l),
			dateText(a.Ended, l), a.ReplacedBy, a.Notes, joinEach(a.DataSubjects, func(s ropa.DataSubject) string { return s.ID }),
			owner.Function, owner.Department, owner.Email, exception, grounds.Law, grounds.Safeguards, joinEach(a.None, func(x ropa.Absence) string { return string(x) }),
			a.Storage, a.Notice, label("method.", a.Method, l), join(a.Entities),
			dateText(a.Created, l), dateText(a.Started, l), owner.Person, boolText(a.Profiling, l), a.Record)
	}
	if err := tb.close(); err != nil {
		return err
	}

	// Purposes and legal bases: one row per purpose and basis.
	if tb, err = b.table("sheet.purposes", []column{
		{key: "col.activityId", width: 16}, {key: "col.activity", width: 28}, {key: "col.purpose", width: 45, required: true},
		{key: "col.basis", width: 30, list: listName(0)}, {key: "col.interest", width: 30}, {key: "col.assessment", width: 16},
		{key: "col.law", width: 30}, {key: "col.note", width: 30}, {key: "col.conditions", width: 30, list: listName(1)},
		{key: "col.rights", width: 40}, {key: "col.directMarketing", width: 12}, {key: "col.purposeData", width: 24},
		{key: "col.purposeNo", width: 10}, {key: "col.conditionLaw", width: 24}, {key: "col.conditionNote", width: 24},
	}); err != nil {
		return err
	}
	for _, a := range reg.Activities {
		for pi, p := range a.Purposes {
			// Row k holds the purpose's basis k and its condition k, each
			// part in a column of its own.
			for k := range max(len(p.Bases), len(p.Conditions), 1) {
				var bs ropa.Basis
				if k < len(p.Bases) {
					bs = p.Bases[k]
				}
				var c ropa.Condition
				if k < len(p.Conditions) {
					c = p.Conditions[k]
				}
				basis, rights := "", ""
				if bs.Basis != "" {
					basis, rights = withArticle(bs.Basis, l), rightsText(bs.Basis, p.DirectMarketing, l)
				}
				tb.add(a.ID, a.Name, p.Description, basis, bs.Interest, bs.Assessment, bs.Law, bs.Note,
					withArticle(c.Condition, l), rights, yesNo(p.DirectMarketing, l), join(p.Data), strconv.Itoa(pi+1), c.Law, c.Note)
			}
		}
	}
	if err := tb.close(); err != nil {
		return err
	}

	// Data categories.
	if tb, err = b.table("sheet.data", []column{
		{key: "col.activityId", width: 16}, {key: "col.activity", width: 28}, {key: "col.id", width: 16},
		{key: "col.category", width: 45, required: true}, {key: "col.special", width: 30, list: listName(5)},
		{key: "col.criminal", width: 14, list: listName(8)}, {key: "col.sources", width: 24}, {key: "col.sourceNote", width: 24},
		{key: "col.nationalId", width: 14}, {key: "col.subjectsOf", width: 20}, {key: "col.requirement", width: 20}, {key: "col.requirementNote", width: 24},
		{key: "col.class", width: 30},
	}); err != nil {
		return err
	}
	for _, a := range reg.Activities {
		for _, c := range a.DataCategories {
			var specials []string
			for _, sc := range c.Special {
				specials = append(specials, withArticle(sc, l))
			}
			special := strings.Join(specials, "; ")
			var sources []string
			for _, s := range c.Sources {
				sources = append(sources, sourceLabel(s, l))
			}
			tb.add(a.ID, a.Name, c.ID, c.Description, special, yesNo(c.Criminal, l), strings.Join(sources, ", "), c.SourceNote,
				yesNo(c.NationalID, l), join(c.Subjects), label("requirement.", c.Requirement, l), c.RequirementNote, classLabel(c.Class, l))
		}
	}
	if err := tb.close(); err != nil {
		return err
	}

	// Recipients.
	if tb, err = b.table("sheet.recipients", []column{
		{key: "col.activityId", width: 16}, {key: "col.activity", width: 28}, {key: "col.recipient", width: 40, required: true},
		{key: "col.kind", width: 20, list: listName(3)}, {key: "col.country", width: 20}, {key: "col.agreement", width: 30},
		{key: "col.description", width: 40}, {key: "col.contact", width: 30}, {key: "col.processors", width: 20}, {key: "col.allProcessors", width: 14},
		{key: "col.disclosed", width: 20},
	}); err != nil {
		return err
	}
	addRecipient := func(id, name string, r ropa.Recipient) {
		tb.add(id, name, r.Name, recipientLabel(r.Kind, l), countryName(r.Country, l), r.Agreement, r.Description,
			contact(r.Contact, l), join(r.Processors), yesNo(r.AllProcessors, l), join(r.Data))
	}
	for _, a := range reg.Activities {
		for _, r := range a.Recipients {
			addRecipient(a.ID, a.Name, r)
		}
	}
	for _, p := range reg.Processing {
		for _, r := range p.SubProcessors {
			addRecipient(p.ID, p.Name, r)
		}
	}
	if err := tb.close(); err != nil {
		return err
	}

	// Transfers.
	if tb, err = b.table("sheet.transfers", []column{
		{key: "col.activityId", width: 16}, {key: "col.activity", width: 28}, {key: "col.country", width: 20, required: true},
		{key: "col.organisation", width: 20, required: true}, {key: "col.recipient", width: 24}, {key: "col.mechanism", width: 30, list: listName(2)},
		{key: "col.article", width: 18}, {key: "col.reference", width: 30}, {key: "col.tia", width: 18}, {key: "col.dpf", width: 12},
		{key: "col.scope", width: 20}, {key: "col.derogation", width: 24}, {key: "col.safeguards", width: 30, required: true},
		{key: "col.publicAuthority", width: 14}, {key: "col.note", width: 40},
	}); err != nil {
		return err
	}
	writeTransfer := func(id, name string, tr ropa.Transfer) {
		art := ""
		if tr.Mechanism.Valid() {
			art = tr.Mechanism.Article()
		}
		tb.add(id, name, countryName(tr.Country, l), tr.Organisation, tr.Recipient, mechanismLabel(tr.Mechanism, l), article(art, l),
			tr.Reference, tr.Assessment, boolText(tr.DPF, l), scopeLabel(tr.Scope, l), withArticle(tr.Derogation, l), tr.Safeguards, boolText(tr.PublicAuthority, l), tr.Note)
	}
	for _, a := range reg.Activities {
		for _, tr := range a.Transfers {
			writeTransfer(a.ID, a.Name, tr)
		}
	}
	for _, p := range reg.Processing {
		for _, tr := range p.Transfers {
			writeTransfer(p.ID, p.Name, tr)
		}
	}
	if err := tb.close(); err != nil {
		return err
	}

	// Retention, each term worded in the sheet's language.
	if tb, err = b.table("sheet.retention", []column{
		{key: "col.activityId", width: 16}, {key: "col.activity", width: 28}, {key: "col.dataFor", width: 24},
		{key: "col.term", width: 45, required: true}, {key: "col.period", width: 12}, {key: "col.from", width: 24},
		{key: "col.fromYearEnd", width: 12}, {key: "col.until", width: 28}, {key: "col.atLeast", width: 10}, {key: "col.law", width: 30},
		{key: "col.case", width: 24}, {key: "col.extension", width: 30}, {key: "col.criteria", width: 30}, {key: "col.then", width: 16},
		{key: "col.subjectsOf", width: 20}, {key: "col.text", width: 45}, {key: "col.dataIds", width: 16},
		{key: "col.extensionWhen", width: 24}, {key: "col.extensionPeriod", width: 12}, {key: "col.extensionUntil", width: 24}, {key: "col.extensionLaw", width: 24},
	}); err != nil {
		return err
	}
	for _, a := range reg.Activities {
		for _, r := range a.Retention {
			from := eventText(reg, r.From, l)
			var until []string
			for _, e := range r.Until {
				until = append(until, eventText(reg, e, l))
			}
			ext, x := "", retention.Extension{}
			if r.Extension != nil {
				x = *r.Extension
				ext = strings.Join(nonEmpty(x.When, x.Period.String(), joinEach(x.Until, func(e retention.Event) string { return eventText(reg, e, l) }), x.Law), "; ")
			}
			tb.add(a.ID, a.Name, retentionData(a, r, l), r.Words(l, wordingOf(a, words)...), r.Period.String(), from, yesNo(r.FromYearEnd, l), join(until),
				yesNo(r.AtLeast, l), r.Law, r.Case, ext, r.Criteria, disposalLabel(r.Then, l), join(r.Subjects), r.Text, join(r.Data),
				x.When, x.Period.String(), joinEach(x.Until, func(e retention.Event) string { return eventText(reg, e, l) }), x.Law)
		}
	}
	if err := tb.close(); err != nil {
		return err
	}

	if err := writeAppendix(b, reg, true); err != nil {
		return err
	}
	if err := writeParties(b, reg); err != nil {
		return err
	}

	// Findings of the check the caller reports, waived ones with their reason.
	rep := b.o.report
	if rep == nil {
		return nil
	}
	if tb, err = b.table("sheet.findings", []column{
		{key: "col.severity", width: 14, list: listName(6)}, {key: "col.rule", width: 28}, {key: "col.article", width: 24},
		{key: "col.activityId", width: 20}, {key: "col.path", width: 34}, {key: "col.message", width: 70}, {key: "col.waiver", width: 40},
	}); err != nil {
		return err
	}
	for _, f := range rep.Findings {
		tb.add(severityLabel(f.Severity, l), f.Rule, article(f.Article, l), f.Activity, f.Path.String(), f.Render(l, columnName), "")
	}
	for _, w := range rep.Waived {
		tb.add(severityLabel(w.Severity, l), w.Rule, article(w.Article, l), w.Activity, w.Path.String(), w.Render(l, columnName), w.Reason)
	}
	return tb.close()
}

// writeCover writes the cover sheet: the organisation, its group entities,
// the DPO and the representative, the register's date and format, and the
// date and summary of the check where the workbook reports one.
func writeCover(b *book, reg *ropa.Register) error {
	l := b.o.lang
	fm, err := b.form(t("sheet.cover", l), 34, 80)
	if err != nil {
		return err
	}
	fm.line(b.title, t("cover.title", l))
	fm.blank()
	o := reg.Organisation
	rows := [][2]string{
		{t("cover.controller", l), o.Name},
		{t("field.registration", l), registration(o.Registration)},
		{t("field.address", l), address(o.Address, l)},
		{t("field.postal", l), address(o.PostalAddress, l)},
		{t("field.email", l), o.Email},
		{t("field.phone", l), o.Phone},
		{t("field.website", l), o.Website},
	}
	if o.Employees != nil {
		rows = append(rows, [2]string{t("field.employees", l), strconv.Itoa(*o.Employees)})
	}
	if o.PublicAuthority != nil {
		rows = append(rows, [2]string{t("field.publicAuthority", l), yesNo(*o.PublicAuthority, l)})
	}
	rows = append(rows, [2]string{t("field.contactPerson", l), contact(o.Contact, l)})
	for i, e := range reg.Entities {
		rows = append(rows, [2]string{fmt.Sprintf("%s %d", t("cover.entities", l), i+1), party(e, l)})
	}
	// One line to each purpose of the organisation, so that a purpose of
	// several lines reads back as one.
	for i, p := range reg.Purposes {
		rows = append(rows, [2]string{fmt.Sprintf("%s %d", t("cover.purposes", l), i+1), p})
	}
	rows = append(rows,
		[2]string{t("cover.dpo", l), contact(reg.DPO, l)},
		[2]string{t("cover.representative", l), representativeText(reg.Representative, l)},
		[2]string{t("cover.updated", l), dateText(reg.Updated, l)},
		[2]string{t("cover.adopted", l), dateText(reg.Adopted, l)},
		[2]string{t("cover.adoptedBy", l), reg.AdoptedBy},
		[2]string{t("cover.regime", l), label("regime.", reg.Regime, l)},
		[2]string{t("cover.reviewCycle", l), reg.ReviewCycle.String()},
		[2]string{t("cover.occasional", l), reg.OccasionalProcessing},
		[2]string{t("cover.schema", l), reg.Schema},
		[2]string{t("cover.jsonSchema", l), reg.JSONSchema},
		[2]string{t("cover.language", l), reg.Language},
		[2]string{t("cover.notes", l), reg.Notes},
	)
	if rep := b.o.report; rep != nil {
		rows = append(rows,
			[2]string{t("cover.checked", l), dateText(rep.At, l)},
			[2]string{t("cover.summary", l), fmt.Sprintf("%s: %d, %s: %d, %s: %d", severityLabel(ropa.Error, l), rep.Summary.Errors,
				severityLabel(ropa.Warning, l), rep.Summary.Warnings, severityLabel(ropa.Info, l), rep.Summary.Info)})
	}
	for _, r := range rows {
		fm.line(b.label, r[0], r[1])
	}
	fm.blank()
	fm.line(0, t("cover.legend", l))
	return fm.err
}

func registration(r *ropa.Registration) string {
	if r == nil {
		return ""
	}
	return r.Scheme + " " + r.ID
}

func representativeText(p *ropa.Party, l Lang) string {
	if p == nil {
		return ""
	}
	return party(*p, l)
}

// writeAppendix writes the register's inventory (systems, processors,
// named events), its measures, its processor records where processing is
// true, and its waivers, each on a sheet of its own: what every layout
// holds beside its own sheets.
func writeAppendix(b *book, reg *ropa.Register, processing bool) error {
	l := b.o.lang
	list := func(i int) string {
		if b.o.layout != Generic {
			return ""
		}
		return genericLists(l)[i].name
	}
	if err := writeInventory(b, reg); err != nil {
		return err
	}
	// Measures.
	tb, err := b.table("sheet.measures", []column{
		{key: "col.id", width: 20}, {key: "col.kind", width: 16, list: list(7)}, {key: "col.description", width: 60, required: true},
		{key: "col.usedBy", width: 40},
	})
	if err != nil {
		return err
	}
	for _, m := range reg.Measures {
		var used []string
		for _, a := range reg.Activities {
			if slices.Contains(a.Measures, m.ID) {
				used = append(used, a.ID)
			}
		}
		for _, p := range reg.Processing {
			if slices.Contains(p.Measures, m.ID) {
				used = append(used, p.ID)
			}
		}
		usedBy := strings.Join(used, ", ")
		if len(usedBy) > maxCellChars {
			// A derived list, too long for a cell: say how many, the
			// Activities sheet names them.
			usedBy = fmt.Sprintf(t("usedBy.many", l), len(used))
		}
		tb.add(m.ID, measureLabel(m.Kind, l), m.Description, usedBy)
	}
	if err := tb.close(); err != nil {
		return err
	}

	// Processor records (Art. 30(2)), where the layout has none of its own.
	if processing {
		if err := writeProcessing(b, reg); err != nil {
			return err
		}
	}
	return writeWaivers(b, reg)
}

// writeProcessing writes the processor records (Art. 30(2)).
func writeProcessing(b *book, reg *ropa.Register) error {
	l := b.o.lang
	tb, err := b.table("sheet.processing", []column{
		{key: "col.id", width: 16}, {key: "col.name", width: 30}, {key: "col.controllers", width: 40, required: true},
		{key: "col.processingCats", width: 45, required: true}, {key: "col.subProcessors", width: 30},
		{key: "col.transfers", width: 30, required: true}, {key: "col.measures", width: 40, required: true}, {key: "col.systems", width: 20}, {key: "col.notes", width: 40},
	})
	if err != nil {
		return err
	}
	for _, p := range reg.Processing {
		var controllers []string
		for _, c := range p.Controllers {
			controllers = append(controllers, party(c, l))
		}
		tb.add(p.ID, p.Name, strings.Join(controllers, "\n\n"), join(p.Categories), recipientsText(p.SubProcessors, l),
			transfersText(p.Transfers, l), measuresText(p.Measures, b.measures), join(p.Systems), p.Notes)
	}
	return tb.close()
}

// writeWaivers writes the register's waivers.
func writeWaivers(b *book, reg *ropa.Register) error {
	tb, err := b.table("sheet.waivers", []column{
		{key: "col.rule", width: 28}, {key: "col.activityId", width: 20}, {key: "col.path", width: 30}, {key: "col.reason", width: 60},
	})
	if err != nil {
		return err
	}
	for _, w := range reg.Waivers {
		tb.add(w.Rule, w.Activity, w.Path.String(), w.Reason)
	}
	return tb.close()

}

// genericWords are the fixed texts of the generic workbook's structured
// columns, in en, nl, fr, de.
var genericWords = map[string][4]string{
	"sheet.parties":          {"Parties", "Partijen", "Parties", "Beteiligte"},
	"col.ownerFunction":      {"Owner's function", "Functie van de eigenaar", "Fonction du responsable interne", "Funktion der verantwortlichen Stelle"},
	"col.ownerDepartment":    {"Owner's department", "Afdeling van de eigenaar", "Service du responsable interne", "Abteilung der verantwortlichen Stelle"},
	"col.ownerEmail":         {"Owner's e-mail", "E-mail van de eigenaar", "Courriel du responsable interne", "E-Mail der verantwortlichen Stelle"},
	"col.conditionLaw":       {"Law of the condition", "Wet van de voorwaarde", "Loi de la condition", "Gesetz der Bedingung"},
	"col.conditionNote":      {"Note on the condition", "Opmerking bij de voorwaarde", "Remarque sur la condition", "Anmerkung zur Bedingung"},
	"col.ownerPerson":        {"Owner's contact person", "Contactpersoon van de eigenaar", "Interlocuteur du responsable interne", "Ansprechperson der verantwortlichen Stelle"},
	"col.decisionException":  {"Exception (Art. 22(2))", "Uitzondering (art. 22, lid 2)", "Exception (art. 22, § 2)", "Ausnahme (Art. 22 Abs. 2)"},
	"col.decisionLaw":        {"Law authorising the decisions (Art. 22(2)(b))", "Wet die de besluiten toestaat (art. 22, lid 2, b))", "Droit autorisant les décisions (art. 22, § 2, b))", "Rechtsvorschrift der Entscheidungen (Art. 22 Abs. 2 lit. b)"},
	"col.decisionSafeguards": {"Safeguards of the decisions (Art. 22(3))", "Waarborgen bij de besluiten (art. 22, lid 3)", "Garanties des décisions (art. 22, § 3)", "Schutzmaßnahmen der Entscheidungen (Art. 22 Abs. 3)"},
	"col.absences":           {"Stated absences (ids)", "Uitdrukkelijk afwezig (ids)", "Absences déclarées (ids)", "Ausdrücklich nicht vorhanden (IDs)"},
	"col.storage":            {"Where and how the data are kept", "Waar en hoe de gegevens worden bewaard", "Où et comment les données sont conservées", "Wo und wie die Daten aufbewahrt werden"},
	"col.notice":             {"Privacy notice (Art. 13, 14)", "Privacyverklaring (art. 13, 14)", "Information des personnes (art. 13, 14)", "Datenschutzhinweise (Art. 13, 14)"},
	"col.extensionWhen":      {"Extension: case", "Verlenging: geval", "Prolongation : cas", "Verlängerung: Fall"},
	"col.extensionPeriod":    {"Extension: period (ISO 8601)", "Verlenging: termijn (ISO 8601)", "Prolongation : durée (ISO 8601)", "Verlängerung: Frist (ISO 8601)"},
	"col.extensionUntil":     {"Extension: ends at", "Verlenging: eindigt bij", "Prolongation : prend fin à", "Verlängerung: endet mit"},
	"col.extensionLaw":       {"Extension: law", "Verlenging: wet", "Prolongation : loi", "Verlängerung: Rechtsvorschrift"},
	"col.role":               {"Role", "Rol", "Rôle", "Rolle"},
	"col.regScheme":          {"Registration scheme", "Registratiestelsel", "Système d'immatriculation", "Registerart"},
	"col.regID":              {"Registration number", "Registratienummer", "Numéro d'immatriculation", "Registernummer"},
	"col.street":             {"Street", "Straat", "Rue", "Straße"},
	"col.postalCode":         {"Postal code", "Postcode", "Code postal", "Postleitzahl"},
	"col.city":               {"City", "Gemeente", "Localité", "Ort"},
	"col.postalStreet":       {"Postal address: street", "Postadres: straat", "Adresse postale : rue", "Postanschrift: Straße"},
	"col.postalPostalCode":   {"Postal address: postal code", "Postadres: postcode", "Adresse postale : code postal", "Postanschrift: Postleitzahl"},
	"col.postalCity":         {"Postal address: city", "Postadres: gemeente", "Adresse postale : localité", "Postanschrift: Ort"},
	"col.postalCountry":      {"Postal address: country", "Postadres: land", "Adresse postale : pays", "Postanschrift: Land"},
}

func init() { maps.Copy(words, genericWords) }

// writeParties writes every party and contact of the register a row each,
// field by field, the element it stands for named by its path: what the
// other sheets word in one cell ("Name, Street 1, 1000 City"), held so that
// it reads back exactly.
func writeParties(b *book, reg *ropa.Register) error {
	l := b.o.lang
	tb, err := b.table("sheet.parties", []column{
		{key: "col.activityId", width: 16}, {key: "col.path", width: 34}, {key: "col.role", width: 20}, {key: "col.name", width: 28},
		{key: "col.regScheme", width: 22}, {key: "col.regID", width: 20}, {key: "col.street", width: 24}, {key: "col.postalCode", width: 16},
		{key: "col.city", width: 18}, {key: "col.country", width: 18}, {key: "col.postalStreet", width: 24}, {key: "col.postalPostalCode", width: 18},
		{key: "col.postalCity", width: 18}, {key: "col.postalCountry", width: 18}, {key: "field.email", width: 26}, {key: "field.phone", width: 18},
		{key: "field.website", width: 26}, {key: "field.employees", width: 16}, {key: "field.publicAuthority", width: 22},
	})
	if err != nil {
		return err
	}
	addr := func(a *ropa.Address) []string {
		if a == nil {
			return []string{"", "", "", ""}
		}
		return []string{a.Street, a.PostalCode, a.City, countryName(a.Country, l)}
	}
	// add writes one row; a party's contact person gets a row of its own
	// below it, at the party's path and "contact".
	var add func(owner string, p ropa.Path, role string, pt ropa.Party)
	addContact := func(owner string, p ropa.Path, c *ropa.Contact) {
		if c != nil {
			add(owner, p, c.Role, ropa.Party{Name: c.Name, Address: c.Address, Email: c.Email, Phone: c.Phone})
		}
	}
	add = func(owner string, p ropa.Path, role string, pt ropa.Party) {
		cells := []string{owner, p.String(), role, pt.Name, "", ""}
		if r := pt.Registration; r != nil {
			cells[4], cells[5] = r.Scheme, r.ID
		}
		cells = append(cells, addr(pt.Address)...)
		cells = append(cells, addr(pt.PostalAddress)...)
		employees := ""
		if pt.Employees != nil {
			employees = strconv.Itoa(*pt.Employees)
		}
		tb.add(append(cells, pt.Email, pt.Phone, pt.Website, employees, boolText(pt.PublicAuthority, l))...)
		addContact(owner, p.Child("contact"), pt.Contact)
	}
	root := ropa.Root
	add("", root.Child("organisation"), "", reg.Organisation)
	for i, e := range reg.Entities {
		add("", root.Child("entities").Index(i), "", e)
	}
	addContact("", root.Child("dpo"), reg.DPO)
	if reg.Representative != nil {
		add("", root.Child("representative"), "", *reg.Representative)
	}
	for i, p := range reg.Processors {
		addContact(p.ID, root.Child("processors").Index(i).Child("contact"), p.Contact)
	}
	for i, a := range reg.Activities {
		ap := root.Child("activities").Index(i)
		for j, c := range a.Controllers {
			add(a.ID, ap.Child("controllers").Index(j), c.Role, c.Party)
		}
		addContact(a.ID, ap.Child("dpo"), a.DPO)
		for j, p := range a.JointControllers {
			add(a.ID, ap.Child("jointControllers").Index(j), "", p)
		}
		for j, r := range a.Recipients {
			addContact(a.ID, ap.Child("recipients").Index(j).Child("contact"), r.Contact)
		}
	}
	for i, p := range reg.Processing {
		pp := root.Child("processing").Index(i)
		for j, c := range p.Controllers {
			add(p.ID, pp.Child("controllers").Index(j), "", c)
		}
		for j, r := range p.SubProcessors {
			addContact(p.ID, pp.Child("subProcessors").Index(j).Child("contact"), r.Contact)
		}
	}
	return tb.close()
}
