package importxlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// The authority layouts (GBA, ICO) write what their columns have no place
// for in a further-information column: a fact to a line, "label: text",
// the "in detail" facts an element to a line, "name — label: text; label:
// text". The labels are learnt from a workbook export writes of
// refActivity, whose every fact holds a marker (see learnMore), so that the
// reader follows the writer's words in each language.

// moreLabels are the labels of a layout's further-information column in
// one language.
type moreLabels struct {
	notStated string                       // the words of a transfer's destination not stated
	facts     map[string]string            // label → fact key
	details   map[string]map[string]string // detail fact key → label → piece key
}

// The fact keys of the further-information column.
const (
	factID               = "id"
	factReference        = "reference"
	factName             = "name"
	factDescription      = "description"
	factStatus           = "status"
	factCreated          = "created"
	factStarted          = "started"
	factMethod           = "method"
	factEntities         = "entities"
	factUpdated          = "updated"
	factNextReview       = "nextReview"
	factOwner            = "owner"
	factDepartment       = "department"
	factControllers      = "otherControllers"
	factNotController    = "notController"
	factDPO              = "dpo"
	factSystems          = "systems"
	factStorage          = "storage"
	factNotice           = "notice"
	factRecord           = "record"
	factRisk             = "risk"
	factArrangement      = "jointArrangement"
	factTargetCountries  = "targetCountries"
	factAutomated        = "automated"
	factProfiling        = "profiling"
	factDecisionGrounds  = "decisionGrounds"
	factDPIACriteria     = "dpiaCriteria"
	factEnded            = "ended"
	factReplacedBy       = "replacedBy"
	factNotes            = "notes"
	factSubjectIDs       = "subjectIds"
	factDataIDs          = "dataIds"
	factPurposeDetails   = "purposeDetails"
	factDataDetails      = "dataDetails"
	factRecipientDetails = "recipientDetails"
	factTransferDetails  = "transferDetails"
	factRetentionDetails = "retentionDetails"
)

// methodKey is the key of the words of the processing methods.
const methodKey = "Processing method (Art. 2(1))@Activities"

// refDate is a date of the reference activity: 2001-01-d.
func refDate(d int) ropa.Date { return ropa.DateOf(time.Date(2001, 1, d, 0, 0, 0, 0, time.UTC)) }

// refActivity is an activity with every fact the further-information
// column writes, each a marker its label is learnt by.
func refActivity() ropa.Activity {
	yes, no := true, false
	return ropa.Activity{ID: "ref-id", Reference: "ref-reference", Name: "ref-name", Description: "ref-description",
		Status: ropa.ActivityStatuses()[0], Updated: refDate(2), NextReview: refDate(3),
		Created: refDate(6), Started: refDate(7), Method: ropa.Methods()[0], Entities: []string{"ref-entity"},
		Owner:         &ropa.Owner{Function: "ref-function", Department: "ref-department", Person: "ref-person"},
		Controllers:   []ropa.ActivityController{{Role: "ref-role", Party: ropa.Party{Name: "ref-controller"}}},
		NotController: true, DPO: &ropa.Contact{Name: "ref-dpo"}, Systems: []string{"ref-system"}, Storage: "ref-storage",
		Notice: "ref-notice", Record: "ref-record", Risk: ropa.RiskLevels()[0], JointArrangement: "ref-arrangement", TargetCountries: []string{"BE"},
		AutomatedDecisions: &no, Profiling: &no, DecisionGrounds: &ropa.DecisionGrounds{Law: "ref-decision-law"},
		DPIA:  &ropa.DPIA{Status: ropa.DPIADone, Reference: "ref-dpia", Criteria: ropa.DPIACriteria()[:1]},
		Ended: refDate(4), ReplacedBy: "ref-replaced", Notes: "ref-notes",
		JointControllers: []ropa.Party{{Name: "ref-joint"}},
		Purposes: []ropa.Purpose{{Description: "ref-purpose",
			Bases: []ropa.Basis{{Basis: lawfulbasis.LegitimateInterests, Interest: "ref-interest", Assessment: "ref-assessment",
				Law: "ref-basis-law", Note: "ref-basis-note"}},
			Conditions: []ropa.Condition{{Condition: lawfulbasis.Conditions()[0], Law: "ref-condition-law", Note: "ref-condition-note"}},
			Data:       []string{"ref-data-id"}, DirectMarketing: true}},
		DataSubjects: []ropa.DataSubject{{ID: "ref-subject-id", Description: "ref-subject", Kind: ropa.SubjectKinds()[0]}},
		DataCategories: []ropa.DataCategory{{ID: "ref-data-id", Description: "ref-data", Special: lawfulbasis.SpecialCategories()[:1],
			SourceNote: "ref-source", Subjects: []string{"ref-subject-id"}, Requirement: ropa.Requirements()[0],
			RequirementNote: "ref-requirement", NationalID: true}},
		Recipients: []ropa.Recipient{{Name: "ref-recipient", Kind: ropa.Processor, Agreement: "ref-agreement",
			Description: "ref-recipient-description", Contact: &ropa.Contact{Name: "ref-contact"}, Processors: []string{"ref-processor"},
			Data: []string{"ref-disclosed"}, AllProcessors: true}},
		Transfers: []ropa.Transfer{{Country: "US", Recipient: "ref-importer", Assessment: "ref-tia", DPF: &yes,
			Scope: lawfulbasis.Scopes()[0], PublicAuthority: &no, Safeguards: "ref-safeguards", Note: "ref-transfer-note"}},
		Retention: []ropa.RetentionRule{{Data: []string{"ref-retention-data"}, Subjects: []string{"ref-retention-subject"},
			Term: retention.Term{Text: "ref-text"}}},
		Measures: []string{"ref-measure"},
	}
}

// learnMore learns the labels of a further-information cell written of
// refActivity in l. A line it cannot place is an error: the writer has a
// fact the reader does not know.
func learnMore(cell string, l lang.Lang, ref *reference) (*moreLabels, error) {
	yes, no := ref.phrases["yes"], ref.phrases["no"]
	exact := map[string]string{"ref-id": factID, "ref-reference": factReference, "ref-name": factName,
		"ref-description": factDescription, dateIn(refDate(2), l): factUpdated, dateIn(refDate(3), l): factNextReview,
		"ref-function": factOwner, "ref-department": factDepartment, "ref-role": factControllers, yes: factNotController,
		"ref-dpo": factDPO, "ref-system": factSystems, "ref-storage": factStorage, "ref-notice": factNotice, "ref-record": factRecord,
		"ref-arrangement": factArrangement, countryText("BE", l): factTargetCountries, no: factAutomated,
		"ref-decision-law": factDecisionGrounds, string(ropa.DPIACriteria()[0]): factDPIACriteria, "ref-notes": factNotes,
		"ref-subject-id": factSubjectIDs, "ref-data-id": factDataIDs, dateIn(refDate(4), l): factEnded, "ref-replaced": factReplacedBy,
		dateIn(refDate(6), l): factCreated, dateIn(refDate(7), l): factStarted, "ref-entity": factEntities}
	for w := range ref.values["Status@Activities"] {
		exact[w] = factStatus
	}
	for w := range ref.values["Risk@Activities"] {
		exact[w] = factRisk
	}
	for w := range ref.values[methodKey] {
		exact[w] = factMethod
	}
	prefixes := []struct{ prefix, key string }{
		{"ref-purpose — ", factPurposeDetails}, {"ref-data — ", factDataDetails}, {"ref-recipient — ", factRecipientDetails},
		{countryText("US", l) + ": ref-importer — ", factTransferDetails}, {"ref-retention-data — ", factRetentionDetails},
	}
	// The pieces of each detail line by their marker; "" is the one piece
	// whose value is a word of the language (a requirement, a scope).
	pieces := map[string]map[string]string{
		factPurposeDetails: {"ref-interest": "interest", "ref-assessment": "assessment", "ref-basis-law": "law",
			"ref-basis-note": "note", "ref-condition-law": "law", "ref-condition-note": "note", "ref-data": "data", yes: "directMarketing"},
		factDataDetails: {"ref-source": "sources", "ref-subject": "subjects", "ref-requirement": "requirementNote",
			yes: "nationalId", "": "requirement"},
		factRecipientDetails: {"ref-agreement": "agreement", "ref-recipient-description": "description", "ref-contact": "contact",
			"ref-processor": "processors", "ref-disclosed": "data", yes: "allProcessors"},
		factTransferDetails: {"ref-tia": "assessment", yes: "dpf", no: "publicAuthority", "ref-safeguards": "safeguards",
			"ref-transfer-note": "note", "": "scope"},
		factRetentionDetails: {"ref-retention-subject": "subjects", "ref-text": "text"},
	}
	// Facts whose value another fact shares ("no"), known by their label:
	// the heading of the generic workbook's column of the same field.
	byHeading := map[string]string{"Profiling (Art. 4(4))": factProfiling}
	m := &moreLabels{facts: map[string]string{}, details: map[string]map[string]string{}}
	for _, line := range strings.Split(cell, "\n") {
		label, v, ok := strings.Cut(line, ": ")
		if !ok {
			continue // a further line of the fact above
		}
		if k, ok := byHeading[ref.heads["Activities"][label]]; ok {
			m.facts[label] = k
			continue
		}
		if k, ok := exact[v]; ok {
			m.facts[label] = k
			continue
		}
		found := false
		for _, p := range prefixes {
			rest, ok := strings.CutPrefix(v, p.prefix)
			if !ok {
				continue
			}
			found = true
			m.facts[label] = p.key
			labels := map[string]string{}
			for _, piece := range strings.Split(rest, "; ") {
				pl, pv, _ := strings.Cut(piece, ": ")
				k, ok := pieces[p.key][pv]
				if !ok {
					k, ok = pieces[p.key][""]
				}
				if !ok {
					return nil, fmt.Errorf("the reference workbook's detail %q (%s) is not learnt", piece, l)
				}
				labels[pl] = k
			}
			m.details[p.key] = labels
		}
		if !found {
			return nil, fmt.Errorf("the reference workbook's line %q (%s) is not learnt", line, l)
		}
	}
	return m, nil
}

// dateIn writes a date as the workbooks of l do.
func dateIn(d ropa.Date, l lang.Lang) string {
	switch l {
	case lang.French:
		return d.Time().Format("02/01/2006")
	case lang.Dutch:
		return d.Time().Format("02-01-2006")
	case lang.German:
		return d.Time().Format("02.01.2006")
	}
	return d.Time().Format("2006-01-02")
}

// fact is a fact of a further-information cell: its key and its text
// (the lines after its first that start with no label belong to it).
type fact struct{ key, text string }

// facts splits a further-information cell into its facts, in order; lines
// before the first label are returned as rest.
func (m *moreLabels) split(cell string) (facts []fact, rest []string) {
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		if label, v, ok := strings.Cut(line, ": "); ok {
			if k, ok := m.facts[label]; ok {
				facts = append(facts, fact{k, v})
				continue
			}
		}
		if len(facts) == 0 {
			if strings.TrimSpace(line) != "" {
				rest = append(rest, line)
			}
			continue
		}
		facts[len(facts)-1].text += "\n" + line
	}
	return facts, rest
}

// piece is a labelled part of a detail line.
type piece struct{ key, text string }

// detailLine splits a detail line after its element's name ("label: text;
// label: text") into its pieces; a part with no known label belongs to the
// piece before it (its text held "; "). ok is false where the first part
// has no known label.
func (m *moreLabels) detailLine(detail, rest string) ([]piece, bool) {
	var out []piece
	for _, part := range strings.Split(rest, "; ") {
		if label, v, ok := strings.Cut(part, ": "); ok {
			if k, ok := m.details[detail][label]; ok {
				out = append(out, piece{k, v})
				continue
			}
		}
		if len(out) == 0 {
			return nil, false
		}
		out[len(out)-1].text += "; " + part
	}
	return out, true
}

// further reads the further-information cell of an activity's row into
// the activity, after the row's columns: each fact into its field, the
// detail lines into the elements the columns read (by their names). What
// it cannot read is a problem at the cell.
type further struct {
	g       *generic
	m       *moreLabels
	s       *sheet
	r, c, i int
}

func (f *further) problem(text, format string, args ...any) {
	f.g.wb.problem(f.s, f.r, f.c, f.i, text, format, args...)
}

// fullParty reads a party as the layouts word it: the lines of
// generic.party, then its postal address, employees, public authority and
// contact person after their labels.
func (f *further) fullParty(v string) ropa.Party {
	g := f.g
	var rest []string
	var p ropa.Party
	var postal *ropa.Address
	var employees *int
	var public *bool
	var contact *ropa.Contact
	for _, line := range splitLines(v) {
		if a, ok := strings.CutPrefix(line, g.ref.coverIn("Postal address")+": "); ok {
			postal = g.address(f.s, f.r, f.c, a)
			continue
		}
		if n, ok := strings.CutPrefix(line, g.ref.coverIn("Employees")+": "); ok {
			if k, err := strconv.Atoi(n); err == nil {
				employees = &k
				continue
			}
		}
		if b, ok := strings.CutPrefix(line, g.ref.coverIn("Public authority")+": "); ok {
			if x, ok := parseYesNo(b); ok {
				public = &x
				continue
			}
		}
		if c, ok := strings.CutPrefix(line, g.ref.coverIn("Contact person")+": "); ok && contact == nil {
			contact = f.contactWords(c)
			continue
		}
		rest = append(rest, line)
	}
	p = g.party(f.s, f.r, f.c, strings.Join(rest, "\n"))
	p.PostalAddress, p.Employees, p.PublicAuthority, p.Contact = postal, employees, public, contact
	return p
}

// contact reads a contact as the layouts word it, a line each: name,
// role, address, e-mail, telephone (none for what is empty).
func (f *further) contact(v string) *ropa.Contact {
	lines := splitLines(v)
	if len(lines) == 0 {
		return nil
	}
	c, rest := f.contactEnds(lines, func(line string) bool { return strings.Contains(line, ", ") && codeInParens.MatchString(line) })
	if len(rest) > 0 {
		c.Address = f.g.address(f.s, f.r, f.c, strings.Join(rest, ", "))
		if len(rest) > 1 {
			f.problem(v, "a contact holds a name, a role, an address, an e-mail and a telephone, a line each: its lines between the name and the e-mail are read as its address")
		}
	}
	return c
}

// contactEnds reads the role off a contact's parts (the part the layouts
// label with the Parties sheet's heading "Role"), the name off their start
// (unless the first is an e-mail, a telephone or, by address, the start of
// an address) and the telephone and e-mail off their end; it returns what
// is between them.
func (f *further) contactEnds(parts []string, address func(string) bool) (*ropa.Contact, []string) {
	c := &ropa.Contact{}
	label := f.g.ref.headIn("Parties", "Role") + ": "
	for k, p := range parts {
		if role, ok := strings.CutPrefix(p, label); ok {
			c.Role, parts = role, append(slices.Clone(parts[:k]), parts[k+1:]...)
			break
		}
	}
	if n := len(parts); n > 0 && phoneLike.MatchString(parts[n-1]) {
		c.Phone, parts = parts[n-1], parts[:n-1]
	}
	if n := len(parts); n > 0 && strings.Contains(parts[n-1], "@") && !strings.Contains(parts[n-1], " ") {
		c.Email, parts = parts[n-1], parts[:n-1]
	}
	if len(parts) > 0 && !strings.Contains(parts[0], "@") && !phoneLike.MatchString(parts[0]) && !address(parts[0]) {
		c.Name, parts = parts[0], parts[1:]
	}
	return c, parts
}

// contactWords reads a contact worded on one line, as the detail lines
// and a party's contact person word it: its name, its labelled role, its
// address, e-mail and telephone after ", ".
func (f *further) contactWords(v string) *ropa.Contact {
	c, parts := f.contactEnds(strings.Split(v, ", "), func(string) bool { return false })
	if len(parts) > 0 {
		c.Address = f.g.address(f.s, f.r, f.c, strings.Join(parts, ", "))
	}
	return c
}

// apply reads the facts into a; it returns the facts of the record's own
// identity (id, reference, name) for the layout to place.
func (f *further) apply(a *ropa.Activity, facts []fact) map[string]string {
	g := f.g
	own := map[string]string{}
	// The ids first: the details name subjects and categories by the
	// words the ids are read back by.
	var rest []fact
	for _, ft := range facts {
		switch ft.key {
		case factSubjectIDs:
			ids := strings.Split(ft.text, ", ")
			if len(ids) != len(a.DataSubjects) {
				f.problem(ft.text, "%d ids for %d categories of data subjects; not imported", len(ids), len(a.DataSubjects))
				continue
			}
			for j, id := range ids {
				a.DataSubjects[j].ID = id
			}
		case factDataIDs:
			f.dataIDs(a, ft.text)
		default:
			rest = append(rest, ft)
		}
	}
	for _, ft := range rest {
		v := ft.text
		switch ft.key {
		case factID, factReference, factName:
			own[ft.key] = v
		case factDescription:
			a.Description = v
		case factStorage:
			a.Storage = v
		case factNotice:
			a.Notice = v
		case factRecord:
			a.Record = v
		case factArrangement:
			a.JointArrangement = v
		case factReplacedBy:
			a.ReplacedBy = v
		case factNotes:
			a.Notes = v
		case factStatus:
			if w, ok := g.words("Status@Activities", v); ok {
				a.Status = ropa.ActivityStatus(w)
			} else {
				f.problem(v, "not a status of an activity")
			}
		case factRisk:
			if w, ok := g.words("Risk@Activities", v); ok {
				a.Risk = ropa.RiskLevel(w)
			} else {
				f.problem(v, "not a level of risk")
			}
		case factUpdated:
			g.date(f.s, f.r, f.c, f.i, v, &a.Updated)
		case factNextReview:
			g.date(f.s, f.r, f.c, f.i, v, &a.NextReview)
		case factEnded:
			g.date(f.s, f.r, f.c, f.i, v, &a.Ended)
		case factOwner:
			a.Owner = ownerOf(strings.Split(v, "\n"), a.Owner, true)
		case factDepartment:
			a.Owner = ownerOf(strings.Split(v, "\n"), a.Owner, false)
		case factCreated:
			g.date(f.s, f.r, f.c, f.i, v, &a.Created)
		case factStarted:
			g.date(f.s, f.r, f.c, f.i, v, &a.Started)
		case factMethod:
			if w, ok := g.words(methodKey, v); ok {
				a.Method = ropa.Method(w)
			} else {
				f.problem(v, "not a processing method (Art. 2(1))")
			}
		case factEntities:
			a.Entities = strings.Split(v, "; ")
		case factControllers:
			for _, block := range strings.Split(v, "\n\n") {
				role, rest, two := strings.Cut(block, "\n")
				if !two {
					role, rest = "", block
				}
				a.Controllers = append(a.Controllers, ropa.ActivityController{Role: role, Party: f.fullParty(rest)})
			}
		case factNotController:
			f.yesNo(v, &a.NotController)
		case factDPO:
			a.DPO = f.contact(v)
		case factSystems:
			a.Systems = f.systems(v)
		case factTargetCountries:
			for _, c := range strings.Split(v, ", ") {
				if code, ok := parseCountry(c); ok {
					a.TargetCountries = append(a.TargetCountries, code)
				} else {
					f.problem(c, "not a country")
				}
			}
		case factAutomated:
			a.AutomatedDecisions = f.stated(v)
		case factProfiling:
			a.Profiling = f.stated(v)
		case factDecisionGrounds:
			a.DecisionGrounds = f.grounds(v)
		case factDPIACriteria:
			for _, c := range strings.Split(v, "\n") {
				switch {
				case !ropa.DPIACriterion(c).Valid():
					f.problem(c, "not a criterion of WP248")
				case a.DPIA == nil:
					f.problem(c, "a DPIA criterion without the DPIA's status")
				default:
					a.DPIA.Criteria = append(a.DPIA.Criteria, ropa.DPIACriterion(c))
				}
			}
		case factPurposeDetails:
			f.details(v, ft.key, len(a.Purposes), func(j int) string { return a.Purposes[j].Description }, func(j int, ps []piece) { f.purpose(a, j, ps) })
		case factDataDetails:
			f.details(v, ft.key, len(a.DataCategories), func(j int) string { return a.DataCategories[j].Description }, func(j int, ps []piece) { f.category(a, j, ps) })
		case factRecipientDetails:
			f.details(v, ft.key, len(a.Recipients), func(j int) string { return a.Recipients[j].Name }, func(j int, ps []piece) { f.recipient(&a.Recipients[j], ps) })
		case factTransferDetails:
			f.details(v, ft.key, len(a.Transfers), func(j int) string { return f.transferText(a.Transfers[j]) }, func(j int, ps []piece) { f.transfer(&a.Transfers[j], ps) })
		case factRetentionDetails:
			f.details(v, ft.key, len(a.Retention), func(j int) string { return f.retentionData(a, a.Retention[j]) }, func(j int, ps []piece) { f.retained(&a.Retention[j], ps) })
		}
	}
	return own
}

// ownerOf reads the lines of an owner onto o: its function (where
// withFunction), department, e-mail and contact person, as the layouts
// write them, a line each and none for what is empty. The e-mail is told by
// its @; the lines before it are the function and department, the line
// after it the person. Without an e-mail the lines fill function,
// department and person in that order.
func ownerOf(lines []string, o *ropa.Owner, withFunction bool) *ropa.Owner {
	if o == nil {
		o = &ropa.Owner{}
	}
	fields := []*string{&o.Department, &o.Person}
	if withFunction {
		fields = append([]*string{&o.Function}, fields...)
	}
	for j, l := range lines {
		if strings.Contains(l, "@") && !strings.Contains(l, " ") && o.Email == "" {
			o.Email = l
			fill(fields[:len(fields)-1], lines[:j])
			fill(fields[len(fields)-1:], lines[j+1:])
			return o
		}
	}
	fill(fields, lines)
	return o
}

// fill puts each line into the next empty field; the lines left over join
// the last field's, a line each.
func fill(fields []*string, lines []string) {
	k := 0
	for _, l := range lines {
		for k < len(fields)-1 && *fields[k] != "" {
			k++
		}
		if *fields[k] == "" {
			*fields[k] = l
		} else {
			*fields[k] += "\n" + l
		}
	}
}

func (f *further) yesNo(v string, b *bool) bool {
	x, ok := parseYesNo(v)
	if !ok {
		f.problem(v, "not yes or no")
		return false
	}
	*b = x
	return true
}

// stated reads a yes or no as a statement: nil, and a problem, for a text
// that is neither.
func (f *further) stated(v string) *bool {
	var b bool
	if !f.yesNo(v, &b) {
		return nil
	}
	return &b
}

// systems reads systems by the words the layouts give them (a name and
// its hosting countries); a line of no system is its id.
func (f *further) systems(v string) []string {
	var ids []string
	for _, line := range strings.Split(v, "\n") {
		id := line
		for _, s := range f.g.reg.Systems {
			if systemWords(s, f.g.l) == line {
				id = s.ID
				break
			}
		}
		ids = append(ids, id)
	}
	return ids
}

func systemWords(s ropa.System, l lang.Lang) string {
	if len(s.Hosting) == 0 {
		return s.Name
	}
	names := make([]string, len(s.Hosting))
	for i, c := range s.Hosting {
		names[i] = countryText(c, l)
	}
	return s.Name + " (" + strings.Join(names, ", ") + ")"
}

// grounds reads the grounds of automated decisions: the exception of
// Art. 22(2) as cited, then the law, then the safeguards, a line each.
func (f *further) grounds(v string) *ropa.DecisionGrounds {
	lines := strings.Split(v, "\n")
	d := &ropa.DecisionGrounds{}
	for _, e := range ropa.DecisionExceptions() {
		if len(lines) > 0 && lines[0] == lang.Cite(e.Article(), f.g.l) {
			d.Exception, lines = e, lines[1:]
			break
		}
	}
	switch len(lines) {
	case 0:
	case 1:
		d.Law = lines[0]
	default:
		d.Law, d.Safeguards = lines[0], strings.Join(lines[1:], "\n")
	}
	return d
}

func (f *further) dataIDs(a *ropa.Activity, v string) {
	ids := strings.Split(v, ", ")
	if len(ids) != len(a.DataCategories) {
		f.problem(v, "%d ids for %d data categories; not imported", len(ids), len(a.DataCategories))
		return
	}
	for j, id := range ids {
		old := a.DataCategories[j].ID
		a.DataCategories[j].ID = id
		for k := range a.Retention { // the terms read by the categories' names
			for n, d := range a.Retention[k].Data {
				if d == old {
					a.Retention[k].Data[n] = id
				}
			}
		}
	}
}

// details reads the lines of a detail fact: each names an element (name
// gives the j-th element's words), in the elements' order, and its pieces
// go to read. A line of no element is a problem.
func (f *further) details(v, key string, n int, name func(int) string, read func(int, []piece)) {
	j := 0
	for _, line := range strings.Split(v, "\n") {
		done := false
		for ; j < n && !done; j++ {
			rest, ok := strings.CutPrefix(line, name(j)+" — ")
			if !ok {
				continue
			}
			if ps, ok := f.m.detailLine(key, rest); ok {
				read(j, ps)
				done = true
			}
		}
		if !done {
			f.problem(line, "detail of no element the row's columns name, not imported")
			j = 0
		}
	}
}

func (f *further) purpose(a *ropa.Activity, j int, ps []piece) {
	p := &a.Purposes[j]
	b, laws := 0, 0 // the basis the law and note go to; the conditions' laws seen
	li := -1
	for k, x := range p.Bases {
		if x.Basis == lawfulbasis.LegitimateInterests && li < 0 {
			li = k
		}
	}
	cond := -1
	for _, x := range ps {
		switch x.key {
		case "interest", "assessment":
			k := max(li, 0)
			if len(p.Bases) == 0 {
				f.problem(x.text, "a legitimate interest or assessment of a purpose without a lawful basis; not imported")
				continue
			}
			if x.key == "interest" {
				p.Bases[k].Interest = x.text
			} else {
				p.Bases[k].Assessment = x.text
			}
		case "law", "note":
			// A law or note is the condition's whose law the conditions
			// column gives; otherwise the next basis's.
			if x.key == "law" {
				cond = -1
				for k := laws; k < len(p.Conditions); k++ {
					if p.Conditions[k].Law == x.text {
						cond, laws = k, k+1
						break
					}
				}
			}
			switch {
			case cond >= 0 && x.key == "note":
				p.Conditions[cond].Note = x.text
			case cond >= 0:
			case len(p.Bases) == 0:
				f.problem(x.text, "a law or note of a purpose without a lawful basis; not imported")
			default:
				for b < len(p.Bases)-1 && (x.key == "law" && p.Bases[b].Law != "" || p.Bases[b].Note != "") {
					b++
				}
				if x.key == "law" {
					p.Bases[b].Law = x.text
				} else {
					p.Bases[b].Note = x.text
				}
			}
		case "data":
			for _, name := range strings.Split(x.text, ", ") {
				p.Data = append(p.Data, categoryID(a, name))
			}
		case "directMarketing":
			f.yesNo(x.text, &p.DirectMarketing)
		}
	}
}

func (f *further) category(a *ropa.Activity, j int, ps []piece) {
	c := &a.DataCategories[j]
	for _, x := range ps {
		switch x.key {
		case "sources":
			words, note, _ := strings.Cut(x.text, "; ")
			var srcs []ropa.DataSource
			for _, w := range strings.Split(words, ", ") {
				if s, ok := f.g.words("Source@Data categories", w); ok {
					srcs = append(srcs, ropa.DataSource(s))
				} else {
					srcs, note = nil, x.text
					break
				}
			}
			c.Sources, c.SourceNote = srcs, note
		case "subjects":
			for _, name := range strings.Split(x.text, ", ") {
				id := name
				for _, s := range a.DataSubjects {
					if s.Description == name {
						id = s.ID
						break
					}
				}
				c.Subjects = append(c.Subjects, id)
			}
		case "requirement":
			if w, ok := f.g.words("Requirement (Art. 13(2)(e))@Data categories", x.text); ok {
				c.Requirement = ropa.Requirement(w)
			} else {
				f.problem(x.text, "not a requirement to provide the data (Art. 13(2)(e))")
			}
		case "requirementNote":
			c.RequirementNote = x.text
		case "nationalId":
			f.yesNo(x.text, &c.NationalID)
		}
	}
}

func (f *further) recipient(rc *ropa.Recipient, ps []piece) {
	for _, x := range ps {
		switch x.key {
		case "agreement":
			rc.Agreement = x.text
		case "description":
			rc.Description = x.text
		case "contact":
			rc.Contact = f.contactWords(x.text)
		case "processors":
			rc.Processors = strings.Split(x.text, ", ")
		case "data":
			rc.Data = strings.Split(x.text, ", ")
		case "allProcessors":
			f.yesNo(x.text, &rc.AllProcessors)
		}
	}
}

func (f *further) transfer(tr *ropa.Transfer, ps []piece) {
	for _, x := range ps {
		switch x.key {
		case "assessment":
			tr.Assessment = x.text
		case "dpf":
			tr.DPF = f.stated(x.text)
		case "publicAuthority":
			tr.PublicAuthority = f.stated(x.text)
		case "scope":
			if w, ok := f.g.words("Scope of the adequacy decision@Transfers", x.text); ok {
				tr.Scope = lawfulbasis.Scope(w)
			} else {
				f.problem(x.text, "not a scope of an adequacy decision")
			}
		case "safeguards":
			tr.Safeguards = x.text
		case "note":
			tr.Note = x.text
		}
	}
}

func (f *further) retained(r *ropa.RetentionRule, ps []piece) {
	for _, x := range ps {
		switch x.key {
		case "subjects":
			r.Subjects = strings.Split(x.text, ", ")
		case "text":
			r.Text = x.text
		}
	}
}

// transferText words a transfer as the layouts' columns do: its
// destination, then its importer, mechanism, derogation and reference.
func (f *further) transferText(tr ropa.Transfer) string {
	l := f.g.l
	dest := strings.Join(nonEmpty(countryText(tr.Country, l), tr.Organisation), ", ")
	if dest == "" {
		dest = f.m.notStated
	}
	var parts []string
	if tr.Recipient != "" {
		parts = append(parts, tr.Recipient)
	}
	if tr.Mechanism != "" {
		parts = append(parts, mechanismWords(tr.Mechanism, l))
	}
	if tr.Derogation != "" {
		parts = append(parts, articled(tr.Derogation, l))
	}
	if tr.Reference != "" {
		parts = append(parts, tr.Reference)
	}
	if len(parts) == 0 {
		return dest
	}
	return dest + ": " + strings.Join(parts, "; ")
}

func mechanismWords(m lawfulbasis.Mechanism, l lang.Lang) string {
	if m.Valid() {
		return m.Label(l)
	}
	return string(m)
}

// articled words a value of package lawfulbasis with its article, or as
// written where it is none of its type's.
func articled[T interface {
	~string
	Valid() bool
	Label(lang.Lang) string
	Article() string
}](v T, l lang.Lang) string {
	if !v.Valid() {
		return string(v)
	}
	return basisWords(v, l)
}

// retentionData names the categories of a term as the layouts do.
func (f *further) retentionData(a *ropa.Activity, r ropa.RetentionRule) string {
	if len(r.Data) == 0 {
		return f.g.ref.phrases["all"]
	}
	names := make([]string, len(r.Data))
	for i, id := range r.Data {
		names[i] = id
		for _, c := range a.DataCategories {
			if c.ID == id && strings.TrimSpace(c.Description) != "" {
				names[i] = c.Description
				break
			}
		}
	}
	return strings.Join(names, "; ")
}

// absences cuts the lines that state absences off the end of a cell's
// lines, adding them to a.None.
func (g *generic) absences(a *ropa.Activity, lines []string, what ...ropa.Absence) []string {
	for len(lines) > 0 {
		found := false
		for _, w := range what {
			if lines[len(lines)-1] == export.AbsenceWords(w, g.l) && !slices.Contains(a.None, w) {
				a.None = append(a.None, w)
				lines, found = lines[:len(lines)-1], true
				break
			}
		}
		if !found {
			break
		}
	}
	return lines
}

// special reads the special categories column: "category: category of
// Art. 9(1); ..." a line each, or "none".
func (g *generic) special(a *ropa.Activity, f *further, lines []string) {
	lines = g.absences(a, lines, ropa.NoSpecialData)
	criminal := g.ref.headIn("Data categories", "Criminal-offence data (Art. 10)")
	for _, line := range lines {
		found := false
		for j := range a.DataCategories {
			c := &a.DataCategories[j]
			rest, ok := strings.CutPrefix(line, c.Description+": ")
			if !ok || len(c.Special) > 0 || c.Criminal {
				continue
			}
			found = true
			for _, w := range strings.Split(rest, "; ") {
				if w == criminal {
					c.Criminal = true
				} else if sc, ok := matchWords(lawfulbasis.SpecialCategories(), w, g.l); ok {
					c.Special = append(c.Special, sc)
				} else {
					f.problem(w, "not a special category of Art. 9(1)")
				}
			}
			break
		}
		if !found {
			f.problem(line, "special data of no data category of the row, not imported")
		}
	}
}

// retentionLines reads the retention column: a term to a line, after the names
// of its data categories (or the words for all of them) where the activity
// has more than one term or the term names its categories.
func (g *generic) retentionLines(a *ropa.Activity, f *further, lines []string) {
	for _, line := range lines {
		var data []string
		words := line
		if before, after, ok := strings.Cut(line, ": "); ok {
			if before == g.ref.phrases["all"] {
				words = after
			} else if names := strings.Split(before, "; "); allCategories(a, names) {
				for _, n := range names {
					data = append(data, categoryID(a, n))
				}
				words = after
			}
		}
		found, err := retention.Parse(words)
		if err != nil {
			f.problem(words, "retention term not understood: %v", err)
			continue
		}
		for _, t := range found {
			if t.Text == "" {
				t.Text = words
			}
			a.Retention = append(a.Retention, ropa.RetentionRule{Data: slices.Clone(data), Term: t})
		}
	}
}

// subjectWords reads the j-th category of data subjects as the layouts
// word it: "description (kind)", the kind in the workbook's words.
func (g *generic) subjectWords(j int, line string) ropa.DataSubject {
	d, k := g.wordsInParens(line, "subject")
	return ropa.DataSubject{ID: "subject-" + strconv.Itoa(j+1), Description: d, Kind: ropa.SubjectKind(k)}
}

// categoryWords reads the j-th data category as the layouts word it:
// "description (class of data)", the class in the workbook's words.
func (g *generic) categoryWords(j int, line string) ropa.DataCategory {
	d, k := g.wordsInParens(line, "Class of data@Data categories")
	return ropa.DataCategory{ID: "data-" + strconv.Itoa(j+1), Description: d, Class: ropa.DataClass(k)}
}

// wordsInParens cuts "description (words)" where the words are a value of
// key in the workbook's words, and returns the description and the value;
// any other line is a description without a value.
func (g *generic) wordsInParens(line, key string) (string, string) {
	if d, k, ok := inParens(line); ok {
		if w, ok := g.words(key, k); ok {
			return d, w
		}
	}
	return line, ""
}

// recordDetail reads a detail fact of a processor record (the details of
// its sub-processors or transfers) into the elements read; it reports
// whether the fact is one of them.
func (f *further) recordDetail(p *ropa.ProcessorRecord, ft fact) bool {
	switch ft.key {
	case factRecipientDetails:
		f.details(ft.text, ft.key, len(p.SubProcessors), func(j int) string { return p.SubProcessors[j].Name },
			func(j int, ps []piece) { f.recipient(&p.SubProcessors[j], ps) })
	case factTransferDetails:
		f.details(ft.text, ft.key, len(p.Transfers), func(j int) string { return f.transferText(p.Transfers[j]) },
			func(j int, ps []piece) { f.transfer(&p.Transfers[j], ps) })
	default:
		return false
	}
	return true
}

// destination reads a transfer's destination as the layouts word it: a
// country's name with its code, then ", " and an international
// organisation; the words of a destination not stated; or an organisation
// alone.
func (f *further) destination(dest string) ropa.Transfer {
	var tr ropa.Transfer
	if dest == f.m.notStated {
		return tr
	}
	country, org, _ := strings.Cut(dest, ", ")
	if c, ok := parseCountry(country); ok && countryText(c, f.g.l) == country {
		tr.Country, tr.Organisation = c, org
	} else {
		tr.Organisation = dest
	}
	return tr
}
