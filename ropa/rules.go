package ropa

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/openropa/registry/internal/clip"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
)

// gdprRules are the checks of the GDPR that go beyond the structure of the
// format, in the order of the catalogue.
var gdprRules = []ruleCheck{
	// Art. 30 content.
	{Rule{"controller-contact", Error, "Art. 30(1)(a) GDPR", "The controller's contact details are missing."}, controllerContact},
	{Rule{"dpo-contact", Error, "Art. 30(1)(a) GDPR", "A DPO is recorded without contact details."}, dpoContact},
	{Rule{"representative-missing", Error, "Art. 27 and 30(1)(a) GDPR", "A controller established outside the EEA records no representative in the Union."}, representative},
	{Rule{"no-recipients", Info, "Art. 30(1)(d) GDPR", "An activity declares no recipients."}, noRecipients},
	{Rule{"no-retention", Warning, "Art. 30(1)(f) GDPR", "An activity, or a category of its data, has no retention term."}, noRetention},
	{Rule{"vague-retention", Warning, "Art. 30(1)(f) and 5(1)(e) GDPR", "A retention term says only 'as long as necessary', without a period or criteria."}, vagueRetention},
	{Rule{"retention-no-end", Warning, "Art. 30(1)(f) and 5(1)(e) GDPR", "A retention term sets no end: no period, no ending event and no law."}, retentionNoEnd},
	{Rule{"retention-no-start", Info, "Art. 30(1)(f) GDPR", "A retention period does not say from which event it runs."}, retentionNoStart},
	{Rule{"retention-end-cannot-happen", Error, "Art. 30(1)(f) and 5(1)(e) GDPR", "A retention term ends only at events that cannot happen for the activity."}, retentionImpossibleEnd},
	{Rule{"retention-below-statutory-minimum", Warning, "Art. 30(1)(f) GDPR", "A retention period is shorter than the statutory minimum the register cites."}, statutoryMinimum},
	{Rule{"retention-above-statutory-maximum", Warning, "Art. 5(1)(e) GDPR", "A retention period is longer than the statutory maximum the register cites."}, statutoryMaximum},
	{Rule{"no-measures", Warning, "Art. 30(1)(g) and 32 GDPR", "An activity or processing record refers to no security measure."}, noMeasures},
	{Rule{"processor-controller-contact", Error, "Art. 30(2)(a) GDPR", "A controller on whose behalf the organisation processes has no contact details."}, processorControllerContact},
	// Art. 6.
	{Rule{"no-legal-basis", Error, "Art. 6(1) GDPR", "A purpose has no lawful basis."}, noLegalBasis},
	{Rule{"interest-not-stated", Warning, "Art. 6(1)(f) and 13(1)(d) GDPR", "A purpose relies on legitimate interests without stating the interest."}, interestNotStated},
	{Rule{"balancing-test", Info, "Art. 6(1)(f) and 5(2) GDPR", "A purpose relies on legitimate interests without a reference to the balancing test."}, balancingTest},
	{Rule{"basis-law-missing", Warning, "Art. 6(3) GDPR", "A legal obligation or public task does not cite the law that lays it down."}, basisLawMissing},
	{Rule{"public-authority-legitimate-interests", Error, "Art. 6(1), second subparagraph, GDPR", "A public authority relies on legitimate interests."}, publicAuthorityLI},
	{Rule{"employee-consent", Warning, "Art. 7(4) and recital 43 GDPR", "Consent is relied on for employees, for whom it is rarely freely given."}, employeeConsent},
	{Rule{"child-consent-age", Info, "Art. 8(1) GDPR", "Consent is relied on for children: the age of digital consent applies."}, childConsent},
	// Art. 9 and 10.
	{Rule{"special-data-condition", Error, "Art. 9(1)-(2) GDPR", "Special categories of data are processed for a purpose with no Art. 9(2) condition."}, specialDataCondition},
	{Rule{"ordinary-consent-for-special-data", Error, "Art. 9(2)(a) GDPR", "Special categories of data rest on ordinary consent; Art. 9(2)(a) requires explicit consent."}, ordinaryConsent},
	{Rule{"condition-law-missing", Warning, "Art. 9(2)(b), (g)-(j) and 10 GDPR", "A condition that needs Union or member state law does not cite it."}, conditionLawMissing},
	{Rule{"criminal-data-ground", Error, "Art. 10 GDPR", "Criminal-offence data are processed for a purpose with no Art. 10 ground."}, criminalDataGround},
	// Chapter V.
	{Rule{"eea-transfer", Info, "Art. 44 GDPR", "A transfer goes to a country of the EEA, which is not a transfer under Chapter V."}, eeaTransfer},
	{Rule{"transfer-without-mechanism", Error, "Art. 44 GDPR", "A transfer to a third country names no ground of Chapter V."}, transferWithoutMechanism},
	{Rule{"adequacy-not-in-force", Error, "Art. 45(1) GDPR", "A transfer relies on adequacy that does not cover the country or the recipient on the checking date."}, adequacyNotInForce},
	{Rule{"invalid-mechanism", Error, "Art. 44 and 46 GDPR", "A transfer relies on a mechanism that was no longer valid on the checking date."}, invalidMechanism},
	{Rule{"transfer-impact-assessment", Warning, "Art. 46(1) GDPR; C-311/18", "A transfer on appropriate safeguards records no transfer impact assessment."}, transferImpactAssessment},
	{Rule{"derogation-safeguards", Error, "Art. 49(6) and 30(1)(e) GDPR", "A transfer on compelling legitimate interests does not document its suitable safeguards."}, derogationSafeguards},
	{Rule{"undeclared-transfer", Error, "Art. 44 and 30(1)(e) GDPR", "A recipient outside the EEA has no transfer declared to its country."}, undeclaredTransfer},
	// Art. 28.
	{Rule{"processor-agreement", Warning, "Art. 28(3) GDPR", "A processor is recorded without a reference to its Art. 28(3) agreement."}, processorAgreement},
	// Art. 35.
	{Rule{"dpia-screening", Warning, "Art. 35(1) GDPR; WP248 rev.01", "An activity meets two or more criteria of WP248 rev.01 and records no DPIA."}, dpiaScreening},
	// Art. 30(5).
	{Rule{"art-30-5-exemption", Info, "Art. 30(5) GDPR", "Whether the organisation may rely on the exemption for fewer than 250 employees."}, exemption},
}

// unusedWaiverRule is checked after the others: a waiver that silences nothing.
var unusedWaiverRule = Rule{"unused-waiver", Warning, "Art. 5(2) GDPR", "A waiver matches no finding."}

func actPath(i int) string { return "activities[" + strconv.Itoa(i) + "]" }

// elemPath is the path of element j of a list field of element i of a list
// of the register, such as "activities[2].retention[0]", made at once.
func elemPath(list string, i int, field string, j int) string {
	return list + "[" + strconv.Itoa(i) + "]." + field + "[" + strconv.Itoa(j) + "]"
}

func hasContact(p Party) bool {
	return p.Email != "" || p.Phone != "" || p.Address != nil && (p.Address.Street != "" || p.Address.City != "")
}

func controllerContact(p *pass, out []Finding) []Finding {
	r := p.r
	if r.Organisation.Name == "" || hasContact(r.Organisation) {
		return out
	}
	return append(out, Finding{Path: "organisation", Message: "the controller has no contact details; add an e-mail address, a telephone number or a postal address"})
}

func dpoContact(p *pass, out []Finding) []Finding {
	r := p.r
	d := r.DPO
	if d == nil || d.Email != "" || d.Phone != "" || d.Address != nil && (d.Address.Street != "" || d.Address.City != "") {
		return out
	}
	return append(out, Finding{Path: "dpo", Message: "the DPO is recorded without contact details; add the DPO's e-mail address, telephone number or postal address (Art. 37(7))"})
}

func representative(p *pass, out []Finding) []Finding {
	r := p.r
	a := r.Organisation.Address
	if a == nil || a.Country == "" || r.Representative != nil {
		return out
	}
	if member, known := p.inEEA(a.Country); !known || member {
		return out
	}
	return append(out, Finding{Path: "organisation.address.country", Message: fmt.Sprintf("the controller is established in %s, outside the EEA; designate a representative in the Union (Art. 27) and record it (representative), unless Art. 27(2) exempts the processing", a.Country)})
}

func noRecipients(p *pass, out []Finding) []Finding {
	r := p.r
	for i := range r.Activities {
		a := &r.Activities[i]
		if len(a.Recipients) == 0 {
			out = append(out, Finding{Path: actPath(i), Message: "no recipients are declared; list the categories of recipients, internal ones included, or state in the notes that the data are disclosed to no one"})
		}
	}
	return out
}

func noRetention(p *pass, out []Finding) []Finding {
	r := p.r
	for i := range r.Activities {
		a := &r.Activities[i]
		if len(a.Retention) == 0 {
			out = append(out, Finding{Path: actPath(i), Message: "no retention term is given; state for how long each category of data is kept, or the criteria that determine it, where possible"})
			continue
		}
		if coversAll(a.Retention) {
			continue
		}
		for _, j := range uncovered(a) {
			out = append(out, Finding{Path: elemPath("activities", i, "dataCategories", j), Message: fmt.Sprintf("no retention term covers data category %q; add one (retention[].data)", a.DataCategories[j].ID)})
		}
	}
	return out
}

// coversAll reports whether a retention rule applies to all categories.
func coversAll(rules []RetentionRule) bool {
	for k := range rules {
		if len(rules[k].Data) == 0 {
			return true
		}
	}
	return false
}

// uncovered returns the indices of the data categories of an activity that
// no retention rule names.
func uncovered(a *Activity) []int {
	var ids [shortList]string
	var heads [shortList]uint64
	var marks [shortList]bool
	x := indexIDs(idsOf(ids[:0], a.DataCategories, func(c *DataCategory) string { return c.ID }), heads[:])
	covered := reuse(marks[:0], len(a.DataCategories))
	for k := range a.Retention {
		for _, d := range a.Retention[k].Data {
			if c, ok := x.find(d); ok {
				covered[c] = true
			}
		}
	}
	var out []int
	for j, id := range x.ids {
		// A repeated id is covered as its first use is; "" is named by no
		// reference that resolves.
		if first, ok := x.find(id); ok && covered[first] || id == "" && namesEmpty(a.Retention) {
			continue
		}
		out = append(out, j)
	}
	return out
}

// namesEmpty reports whether a retention rule names the data category "".
func namesEmpty(rules []RetentionRule) bool {
	for k := range rules {
		if slices.Contains(rules[k].Data, "") {
			return true
		}
	}
	return false
}

// eachTerm calls f for every retention rule of every activity; f appends
// its findings. A finding without a path gets the retention rule's.
func eachTerm(out []Finding, r *Register, f func(out []Finding, i int, a *Activity, j int, rule *RetentionRule) []Finding) []Finding {
	for i := range r.Activities {
		a := &r.Activities[i]
		for j := range a.Retention {
			n := len(out)
			out = f(out, i, a, j, &a.Retention[j])
			for k := n; k < len(out); k++ {
				if out[k].Path == "" {
					out[k].Path = elemPath("activities", i, "retention", j)
				}
			}
		}
	}
	return out
}

func vagueRetention(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTerm(out, r, func(out []Finding, i int, _ *Activity, j int, rule *RetentionRule) []Finding {
		if rule.Criteria == "" || !p.vague(i, j) {
			return out
		}
		return append(out, Finding{Message: fmt.Sprintf("%q only restates that data are kept as long as necessary; give a period and the event it runs from, or the criteria that fix it", clip.Runes(rule.Criteria, 120))})
	})
}

// vague answers Term.Vague for retention rule j of activity i, once a pass.
func (p *pass) vague(i, j int) bool {
	if !p.vagueReady {
		p.vagueReady = true
		p.termStart = reuse(p.termStart, len(p.r.Activities)+1)
		for k := range p.r.Activities {
			p.termStart[k+1] = p.termStart[k] + len(p.r.Activities[k].Retention)
		}
		p.vagueOf = reuse(p.vagueOf, p.termStart[len(p.r.Activities)])
	}
	k := p.termStart[i] + j
	if p.vagueOf[k] == 0 {
		p.vagueOf[k] = 1
		if p.r.Activities[i].Retention[j].Vague() {
			p.vagueOf[k] = 2
		}
	}
	return p.vagueOf[k] == 2
}

func retentionNoEnd(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTerm(out, r, func(out []Finding, i int, _ *Activity, j int, rule *RetentionRule) []Finding {
		if !rule.Period.IsZero() || len(rule.Until) > 0 || strings.TrimSpace(rule.Law) != "" || p.vague(i, j) {
			return out
		}
		return append(out, Finding{Message: "the term sets no end: it gives criteria but no period, ending event or law; give a time limit where possible"})
	})
}

func retentionNoStart(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTerm(out, r, func(out []Finding, _ int, _ *Activity, _ int, rule *RetentionRule) []Finding {
		if rule.Period.IsZero() || rule.From != "" {
			return out
		}
		return append(out, Finding{Message: fmt.Sprintf("the period %s does not say from which event it runs; add from (such as collection or contract-end) so that erasure dates can be computed", rule.Period)})
	})
}

// activityGrounds summarises the bases and kinds of purpose of an activity.
type activityGrounds struct {
	any                                      bool // some purpose has a basis
	consent, legitimateInterests, publicTask bool
	directMarketing                          bool
}

func groundsOf(a *Activity) activityGrounds {
	var g activityGrounds
	for i := range a.Purposes {
		p := &a.Purposes[i]
		for _, b := range p.Bases {
			g.any = true
			switch b.Basis {
			case lawfulbasis.Consent:
				g.consent = true
			case lawfulbasis.LegitimateInterests:
				g.legitimateInterests = true
			case lawfulbasis.PublicTask:
				g.publicTask = true
			}
		}
		g.directMarketing = g.directMarketing || p.DirectMarketing
	}
	return g
}

// canHappen says whether an ending event can occur for an activity: consent
// can only be withdrawn where a purpose rests on consent (Art. 7(3)); an
// objection can only be made against public task or legitimate interests
// (Art. 21(1)) or direct marketing (Art. 21(2)).
func (g activityGrounds) canHappen(e retention.Event) bool {
	switch e {
	case retention.ConsentWithdrawn:
		return g.consent
	case retention.Objection:
		return g.legitimateInterests || g.publicTask || g.directMarketing
	}
	return true
}

func retentionImpossibleEnd(p *pass, out []Finding) []Finding {
	r := p.r
	var g activityGrounds
	groundsFor := -1 // the activity g holds the grounds of
	return eachTerm(out, r, func(out []Finding, i int, a *Activity, _ int, rule *RetentionRule) []Finding {
		if !rule.Period.IsZero() || len(rule.Until) == 0 {
			return out
		}
		if groundsFor != i {
			g, groundsFor = groundsOf(a), i
		}
		if !g.any {
			return out // no-legal-basis says what is wrong
		}
		for _, e := range rule.Until {
			if g.canHappen(e) {
				return out
			}
		}
		var why []string
		for _, e := range rule.Until {
			if w, ok := endlessBecause[e]; ok {
				why = append(why, w)
			}
		}
		if len(why) == 1 {
			return append(out, Finding{Message: endlessMessages[why[0]]})
		}
		return append(out, Finding{Message: endlessMessage(strings.Join(why, ", and "))})
	})
}

// endlessBecause says why an end event cannot happen, for the events that
// only some grounds allow.
var endlessBecause = map[retention.Event]string{
	retention.ConsentWithdrawn: "consent cannot be withdrawn where no purpose rests on consent",
	retention.Objection:        "an objection under Art. 21 is only possible against public task, legitimate interests or direct marketing",
}

func endlessMessage(why string) string {
	return "the data would be kept without end: " + why + "; give a period, or the event that really ends the processing"
}

// endlessMessages holds the message for each reason alone, made once.
var endlessMessages = func() map[string]string {
	m := map[string]string{}
	for _, why := range endlessBecause {
		m[why] = endlessMessage(why)
	}
	return m
}()

// memo remembers what a pass has worked out for the questions that come
// back element after element: a register asks about a few countries,
// mechanisms, laws and messages. It is searched from the start and keeps the
// first 32 answers; the answers to more questions are worked out each time.
type memo[Q comparable, A any] struct {
	entries []memoEntry[Q, A]
}

type memoEntry[Q comparable, A any] struct {
	question Q
	answer   A
}

// reset forgets every answer, keeping the memory for the next pass.
func (m *memo[Q, A]) reset() {
	clear(m.entries)
	m.entries = m.entries[:0]
}

// get returns the answer to q, from work the first time.
func (m *memo[Q, A]) get(q Q, work func(Q) A) A {
	for _, e := range m.entries {
		if e.question == q {
			return e.answer
		}
	}
	a := work(q)
	if m.entries == nil {
		m.entries = make([]memoEntry[Q, A], 0, 8)
	}
	if len(m.entries) < 32 {
		m.entries = append(m.entries, memoEntry[Q, A]{q, a})
	}
	return a
}

// statuteIndex finds the statutory rules that a citation names, among those
// of the controller's country that hold on the checking date, remembering
// each citation's answer.
type statuteIndex struct {
	statutes []retention.Statute // shared between checks: never changed
	memo     memo[string, []*retention.Statute]
}

// init makes the index of the statutes of a register's country on a day.
func (idx *statuteIndex) init(r *Register, at Date) {
	country := ""
	if r.Organisation.Address != nil {
		country = r.Organisation.Address.Country
	}
	idx.statutes = statutesOf(country, at)
	idx.memo.reset()
}

// statutesOf returns retention.StatutesOf a country on a day, kept for the
// checks that follow: most check the registers of a few countries as of
// the same day.
func statutesOf(country string, at Date) []retention.Statute {
	return statuteDays.get(statuteDay{country, at}, func(k statuteDay) []retention.Statute {
		return retention.StatutesOf(k.country, k.at.Time())
	})
}

type statuteDay struct {
	country string
	at      Date
}

// statuteDays bounds its answers for a service that checks any day or
// country.
var statuteDays = sharedMemo[statuteDay, []retention.Statute]{bound: 256}

// sharedMemo remembers answers for every check, safe for concurrent use.
// It holds up to bound answers: when full, it forgets them all, so that a
// service that runs for months keeps the answers of the days and values
// that recur, in bounded memory.
type sharedMemo[Q comparable, A any] struct {
	mu      sync.RWMutex
	answers map[Q]A
	bound   int
}

// get returns the answer to q, from work the first time.
func (m *sharedMemo[Q, A]) get(q Q, work func(Q) A) A {
	m.mu.RLock()
	a, ok := m.answers[q]
	m.mu.RUnlock()
	if ok {
		return a
	}
	a = work(q)
	m.mu.Lock()
	if m.answers == nil {
		m.answers = map[Q]A{}
	}
	if len(m.answers) >= m.bound {
		clear(m.answers)
	}
	m.answers[q] = a
	m.mu.Unlock()
	return a
}

func (idx *statuteIndex) cited(citation string) []*retention.Statute {
	if citation == "" || len(idx.statutes) == 0 {
		return nil
	}
	return idx.memo.get(citation, func(citation string) []*retention.Statute {
		var out []*retention.Statute
		for i := range idx.statutes {
			if idx.statutes[i].CitedBy(citation) {
				out = append(out, &idx.statutes[i])
			}
		}
		return out
	})
}

// citedBy returns the statutory rules that apply to retention rule j of
// activity i: those its law cites, then those the laws of the activity's
// bases cite, each once. The statutes the bases of each activity cite are
// worked out once.
func (p *pass) citedBy(i, j int) []*retention.Statute {
	if p.statutes == nil {
		p.statutes = &p.statuteIdx
		p.statuteIdx.init(p.r, p.at)
		// The lists of the last pass are reused: they hold statutes only.
		if n := len(p.r.Activities); cap(p.basesCite) < n {
			p.basesCite = make([][]*retention.Statute, n)
		} else {
			p.basesCite = p.basesCite[:n]
			for k := range p.basesCite {
				p.basesCite[k] = p.basesCite[k][:0]
			}
		}
		for k := range p.r.Activities {
			a := &p.r.Activities[k]
			for q := range a.Purposes {
				for _, b := range a.Purposes[q].Bases {
					p.basesCite[k] = appendNew(p.basesCite[k], p.statutes.cited(b.Law))
				}
			}
		}
	}
	bases := p.basesCite[i]
	if own := p.statutes.cited(p.r.Activities[i].Retention[j].Law); len(own) > 0 {
		return appendNew(slices.Clone(own), bases)
	}
	return bases
}

// appendNew appends the statutes of add that list does not hold yet.
func appendNew(list, add []*retention.Statute) []*retention.Statute {
	for _, s := range add {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// forCited calls f for every retention rule with a period and every
// statutory rule that the rule's law, or the law of a basis of its
// activity, cites; f's first finding, if any, is the rule's.
func forCited(out []Finding, p *pass, f func(rule *RetentionRule, s *retention.Statute) Finding) []Finding {
	return eachTerm(out, p.r, func(out []Finding, i int, _ *Activity, j int, rule *RetentionRule) []Finding {
		if rule.Period.IsZero() {
			return out
		}
		for _, s := range p.citedBy(i, j) {
			if fd := f(rule, s); fd.Message != "" {
				return append(out, fd)
			}
		}
		return out
	})
}

func statutoryMinimum(p *pass, out []Finding) []Finding {
	return forCited(out, p, func(rule *RetentionRule, s *retention.Statute) Finding {
		if s.Min.IsZero() {
			return Finding{}
		}
		if c, decided := retention.ComparePeriods(rule.Period, s.Min); decided && c < 0 {
			return Finding{Message: p.statuteMessage(false, rule.Period, s)}
		}
		return Finding{}
	})
}

func statutoryMaximum(p *pass, out []Finding) []Finding {
	return forCited(out, p, func(rule *RetentionRule, s *retention.Statute) Finding {
		if s.Max.IsZero() {
			return Finding{}
		}
		if c, decided := retention.ComparePeriods(rule.Period, s.Max); decided && c > 0 {
			return Finding{Message: p.statuteMessage(true, rule.Period, s)}
		}
		return Finding{}
	})
}

// statuteMessage returns the message of a finding of statutoryMinimum (max
// false) or statutoryMaximum (max true) on a period and a statute: many
// retention rules share the two. The message is made once for every check,
// and a pass finds it again without hashing what it says.
func (p *pass) statuteMessage(max bool, period retention.Period, s *retention.Statute) string {
	return p.statuteMessages.get(passStatute{max, period, s}, func(passStatute) string {
		k := statuteKey{max, period, s.Min, s.Law, s.Subject}
		if max {
			k.bound = s.Max
		}
		return statuteMessages.get(k, func(k statuteKey) string {
			if k.max {
				return k.period.Words(lang.English) + " is longer than the " + k.bound.Words(lang.English) + " that " + k.law + " allows for " + k.subject + "; shorten it"
			}
			return k.period.Words(lang.English) + " is shorter than the " + k.bound.Words(lang.English) + " that " + k.law + " requires for " + k.subject + "; keep the data at least that long"
		})
	})
}

type passStatute struct {
	max     bool
	period  retention.Period
	statute *retention.Statute
}

// statuteKey holds what a message of statuteMessage says.
type statuteKey struct {
	max           bool
	period, bound retention.Period
	law, subject  string
}

var statuteMessages = sharedMemo[statuteKey, string]{bound: 4096}

func noMeasures(p *pass, out []Finding) []Finding {
	r := p.r
	for i := range r.Activities {
		a := &r.Activities[i]
		if len(a.Measures) == 0 {
			out = append(out, Finding{Path: actPath(i), Message: "no security measure applies; refer to the technical and organisational measures of Art. 32 that protect these data (measures)"})
		}
	}
	for i := range r.Processing {
		p := &r.Processing[i]
		if len(p.Measures) == 0 {
			out = append(out, Finding{Path: fmt.Sprintf("processing[%d]", i), Message: "no security measure applies; refer to the measures of Art. 32 (Art. 30(2)(d))", Article: "Art. 30(2)(d) and 32 GDPR"})
		}
	}
	return out
}

func processorControllerContact(p *pass, out []Finding) []Finding {
	r := p.r
	for i := range r.Processing {
		p := &r.Processing[i]
		for j, c := range p.Controllers {
			if c.Name != "" && !hasContact(c) {
				out = append(out, Finding{Path: fmt.Sprintf("processing[%d].controllers[%d]", i, j), Message: fmt.Sprintf("controller %q has no contact details; record its e-mail address, telephone number or postal address", clip.Runes(c.Name, 80))})
			}
		}
	}
	return out
}

// eachPurpose calls f for every purpose of every activity.
func eachPurpose(out []Finding, r *Register, f func(out []Finding, i int, a *Activity, j int, p *Purpose) []Finding) []Finding {
	for i := range r.Activities {
		a := &r.Activities[i]
		for j := range a.Purposes {
			out = f(out, i, a, j, &a.Purposes[j])
		}
	}
	return out
}

func purposePath(i, j int) string { return elemPath("activities", i, "purposes", j) }

func noLegalBasis(p *pass, out []Finding) []Finding {
	r := p.r
	return eachPurpose(out, r, func(out []Finding, i int, _ *Activity, j int, p *Purpose) []Finding {
		if len(p.Bases) > 0 {
			return out
		}
		return append(out, Finding{Path: purposePath(i, j), Message: "the purpose has no lawful basis; record the basis of Art. 6(1) it relies on (bases)"})
	})
}

// eachBasis calls f for every basis of every purpose.
func eachBasis(out []Finding, r *Register, f func(b *Basis) string) []Finding {
	return eachPurpose(out, r, func(out []Finding, i int, _ *Activity, j int, p *Purpose) []Finding {
		for k := range p.Bases {
			if msg := f(&p.Bases[k]); msg != "" {
				out = append(out, Finding{Path: purposePath(i, j) + ".bases[" + strconv.Itoa(k) + "]", Message: msg})
			}
		}
		return out
	})
}

func interestNotStated(p *pass, out []Finding) []Finding {
	r := p.r
	return eachBasis(out, r, func(b *Basis) string {
		if b.Basis != lawfulbasis.LegitimateInterests || strings.TrimSpace(b.Interest) != "" {
			return ""
		}
		return "legitimate interests are relied on without saying which interest is pursued; state it (interest)"
	})
}

func balancingTest(p *pass, out []Finding) []Finding {
	r := p.r
	return eachBasis(out, r, func(b *Basis) string {
		if b.Basis != lawfulbasis.LegitimateInterests || b.Assessment != "" {
			return ""
		}
		return "reference the balancing test that shows the interest is not overridden by the data subjects' interests or rights (assessment)"
	})
}

func basisLawMissing(p *pass, out []Finding) []Finding {
	r := p.r
	return eachBasis(out, r, func(b *Basis) string {
		if !b.Basis.NeedsLaw() || strings.TrimSpace(b.Law) != "" {
			return ""
		}
		return fmt.Sprintf("%s must be laid down by Union or member state law (Art. 6(3)); cite the law (law)", strings.ToLower(b.Basis.Label(lang.English)))
	})
}

func publicAuthorityLI(p *pass, out []Finding) []Finding {
	r := p.r
	if r.Organisation.PublicAuthority == nil || !*r.Organisation.PublicAuthority {
		return out
	}
	return eachBasis(out, r, func(b *Basis) string {
		if b.Basis != lawfulbasis.LegitimateInterests {
			return ""
		}
		return "a public authority may not rely on legitimate interests for processing in the performance of its tasks; rely on a public task or legal obligation laid down by law, or explain in the notes why the processing falls outside its tasks and waive this finding"
	})
}

// subjectsOf reports whether an activity has data subjects of a kind.
func subjectsOf(a *Activity, kind SubjectKind) bool {
	for _, s := range a.DataSubjects {
		if s.Kind == kind {
			return true
		}
	}
	return false
}

func consentPaths(out []Finding, r *Register, kind SubjectKind, msg func() string) []Finding {
	return eachPurpose(out, r, func(out []Finding, i int, a *Activity, j int, p *Purpose) []Finding {
		if !subjectsOf(a, kind) {
			return out
		}
		for k, b := range p.Bases {
			if b.Basis == lawfulbasis.Consent {
				out = append(out, Finding{Path: fmt.Sprintf("%s.bases[%d]", purposePath(i, j), k), Message: msg()})
			}
		}
		return out
	})
}

func employeeConsent(p *pass, out []Finding) []Finding {
	r := p.r
	return consentPaths(out, r, Employee, func() string {
		return "consent of employees is rarely freely given, given the imbalance of power (recital 43; EDPB Guidelines 05/2020); rely on another basis, or document why refusing has no consequences"
	})
}

func childConsent(p *pass, out []Finding) []Finding {
	r, at := p.r, p.at
	country := ""
	if r.Organisation.Address != nil {
		country = r.Organisation.Address.Country
	}
	return consentPaths(out, r, Child, func() string {
		if age, ok := lawfulbasis.DigitalConsentAge(country, at.Time()); ok {
			return fmt.Sprintf("for an information society service offered directly to a child, consent below the age of %d in %s (%s) must be given or authorised by the holder of parental responsibility; make reasonable efforts to verify it (Art. 8(2))", age.Age, country, age.Provision)
		}
		return "for an information society service offered directly to a child, consent below the age of digital consent of the member state (16 unless its law sets 13 to 15) must be given or authorised by the holder of parental responsibility (Art. 8)"
	})
}

// usedCategories returns the ids of the data categories a purpose uses
// (those it names, or all of the activity's) for which keep says yes.
func usedCategories(a *Activity, p *Purpose, keep func(c *DataCategory) bool) []string {
	var out []string
	for i := range a.DataCategories {
		c := &a.DataCategories[i]
		if keep(c) && (len(p.Data) == 0 || slices.Contains(p.Data, c.ID)) {
			out = append(out, c.ID)
		}
	}
	return out
}

func specialOf(a *Activity, p *Purpose) []string {
	return usedCategories(a, p, func(c *DataCategory) bool { return c.Special != "" })
}

func hasCondition(p *Purpose, criminal bool) bool {
	for _, c := range p.Conditions {
		if c.Condition.Valid() && c.Condition.Criminal() == criminal {
			return true
		}
	}
	return false
}

func reliesOnConsent(p *Purpose) bool {
	for _, b := range p.Bases {
		if b.Basis == lawfulbasis.Consent {
			return true
		}
	}
	return false
}

func specialDataCondition(p *pass, out []Finding) []Finding {
	return specialWithoutCondition(out, p.r, false, func(special string) string {
		return fmt.Sprintf("the purpose uses special categories of data (%s) without a condition of Art. 9(2) that lifts the prohibition of Art. 9(1); record it (conditions)", special)
	})
}

func ordinaryConsent(p *pass, out []Finding) []Finding {
	return specialWithoutCondition(out, p.r, true, func(special string) string {
		return fmt.Sprintf("the purpose uses special categories of data (%s) on consent; ordinary consent does not lift the prohibition of Art. 9(1): obtain explicit consent and record condition explicit-consent, or another condition of Art. 9(2)", special)
	})
}

// specialWithoutCondition appends a finding for every purpose that uses
// special categories of data without a condition of Art. 9(2) and relies on
// consent (consent true) or not (false); msg words it for the categories.
func specialWithoutCondition(out []Finding, r *Register, consent bool, msg func(special string) string) []Finding {
	return eachPurpose(out, r, func(out []Finding, i int, a *Activity, j int, p *Purpose) []Finding {
		if hasCondition(p, false) || reliesOnConsent(p) != consent {
			return out
		}
		special := specialOf(a, p)
		if len(special) == 0 {
			return out
		}
		return append(out, Finding{Path: purposePath(i, j), Message: msg(strings.Join(special, ", "))})
	})
}

func conditionLawMissing(p *pass, out []Finding) []Finding {
	r := p.r
	return eachPurpose(out, r, func(out []Finding, i int, _ *Activity, j int, p *Purpose) []Finding {
		for k, c := range p.Conditions {
			if c.Condition.NeedsLaw() && strings.TrimSpace(c.Law) == "" {
				out = append(out, Finding{Path: fmt.Sprintf("%s.conditions[%d]", purposePath(i, j), k), Article: c.Condition.Article(),
					Message: fmt.Sprintf("%s (%s) holds only on the basis of Union or member state law; cite it (law)", strings.ToLower(c.Condition.Label(lang.English)), c.Condition.Article())})
			}
		}
		return out
	})
}

func criminalDataGround(p *pass, out []Finding) []Finding {
	r := p.r
	return eachPurpose(out, r, func(out []Finding, i int, a *Activity, j int, p *Purpose) []Finding {
		criminal := usedCategories(a, p, func(c *DataCategory) bool { return c.Criminal })
		if len(criminal) == 0 || hasCondition(p, true) {
			return out
		}
		return append(out, Finding{Path: purposePath(i, j), Message: fmt.Sprintf("the purpose uses data relating to criminal convictions and offences (%s); they may only be processed under the control of official authority or when authorised by Union or member state law: record the ground (conditions: official-authority or authorised-by-law, with the law)", strings.Join(criminal, ", "))})
	})
}

// eachTransfer calls f for every transfer of activities and processing
// records; f appends its findings. The Path of a finding f appends is
// relative to the transfer: empty for the transfer itself, ".mechanism" for
// one of its fields. Paths are formatted only for findings.
func eachTransfer(out []Finding, r *Register, f func(out []Finding, t *Transfer) []Finding) []Finding {
	each := func(list string, i int, transfers []Transfer) {
		for j := range transfers {
			n := len(out)
			out = f(out, &transfers[j])
			for k := n; k < len(out); k++ {
				out[k].Path = elemPath(list, i, "transfers", j) + out[k].Path
			}
		}
	}
	for i := range r.Activities {
		each("activities", i, r.Activities[i].Transfers)
	}
	for i := range r.Processing {
		each("processing", i, r.Processing[i].Transfers)
	}
	return out
}

// withinEEA reports whether a transfer is known to stay within the EEA on the
// checking date: it names an EEA country and no international organisation
// alone. A transfer without a country, or on a date before the GDPR, is not
// known to.
func (p *pass) withinEEA(t *Transfer) bool {
	if t.Country == "" {
		return false
	}
	member, known := p.inEEA(t.Country)
	return known && member
}

// inEEA answers lawfulbasis.InEEA for a country on the checking date.
func (p *pass) inEEA(country string) (member, known bool) {
	m := p.eea.get(country, func(country string) eeaMembership {
		return eeaAnswers.get(onDay[string]{country, p.at}, func(q onDay[string]) eeaMembership {
			member, known := lawfulbasis.InEEA(q.q, q.at.Time())
			return eeaMembership{member, known}
		})
	})
	return m.member, m.known
}

type eeaMembership struct{ member, known bool }

// onDay is a question about the law on a day.
type onDay[Q comparable] struct {
	q  Q
	at Date
}

// The answers of lawfulbasis for every check: a service checks most
// registers as of the same few days.
var (
	eeaAnswers      = sharedMemo[onDay[string], eeaMembership]{bound: 4096}
	adequacyAnswers = sharedMemo[onDay[adequacyQuestion], lawfulbasis.AdequacyAnswer]{bound: 4096}
	validityAnswers = sharedMemo[onDay[lawfulbasis.Mechanism], lawfulbasis.Validity]{bound: 4096}
)

func eeaTransfer(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTransfer(out, r, func(out []Finding, t *Transfer) []Finding {
		if !p.withinEEA(t) {
			return out
		}
		return append(out, Finding{Message: fmt.Sprintf("%s is in the EEA: sending data there is not a transfer under Chapter V; record the recipient under recipients instead", t.Country)})
	})
}

func transferWithoutMechanism(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTransfer(out, r, func(out []Finding, t *Transfer) []Finding {
		if t.Mechanism != "" {
			return out
		}
		if p.withinEEA(t) {
			return out
		}
		return append(out, Finding{Message: "the transfer names no ground of Chapter V; record the adequacy decision, the appropriate safeguards of Art. 46 or the derogation of Art. 49 it relies on (mechanism)"})
	})
}

func adequacyNotInForce(p *pass, out []Finding) []Finding {
	r, at := p.r, p.at
	return eachTransfer(out, r, func(out []Finding, t *Transfer) []Finding {
		if t.Mechanism != lawfulbasis.Adequacy {
			return out
		}
		var ans lawfulbasis.AdequacyAnswer
		switch {
		case t.Country != "":
			if p.withinEEA(t) {
				return out
			}
			ans = p.adequateCountry(t)
		case t.Organisation != "":
			ans = lawfulbasis.AdequateOrganisation(t.Organisation, at.Time())
		default:
			return out // the structural check asks for the country
		}
		if ans.Adequate {
			return out
		}
		return append(out, Finding{Message: ans.Reason})
	})
}

// adequateCountry answers lawfulbasis.AdequateCountry for the country and
// scope of a transfer on the checking date.
func (p *pass) adequateCountry(t *Transfer) lawfulbasis.AdequacyAnswer {
	return p.adequacy.get(adequacyQuestion{t.Country, t.DPF != nil && *t.DPF, t.Scope}, func(q adequacyQuestion) lawfulbasis.AdequacyAnswer {
		return adequacyAnswers.get(onDay[adequacyQuestion]{q, p.at}, func(k onDay[adequacyQuestion]) lawfulbasis.AdequacyAnswer {
			var scopes []lawfulbasis.Scope
			if k.q.dpf {
				scopes = append(scopes, lawfulbasis.DPFList)
			}
			if k.q.scope != "" {
				scopes = append(scopes, k.q.scope)
			}
			return lawfulbasis.AdequateCountry(k.q.country, k.at.Time(), scopes...)
		})
	})
}

type adequacyQuestion struct {
	country string
	dpf     bool
	scope   lawfulbasis.Scope
}

func invalidMechanism(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTransfer(out, r, func(out []Finding, t *Transfer) []Finding {
		if t.Mechanism == "" || !t.Mechanism.Valid() {
			return out
		}
		if v := p.validity.get(t.Mechanism, func(m lawfulbasis.Mechanism) lawfulbasis.Validity {
			return validityAnswers.get(onDay[lawfulbasis.Mechanism]{m, p.at}, func(k onDay[lawfulbasis.Mechanism]) lawfulbasis.Validity { return k.q.ValidOn(k.at.Time()) })
		}); !v.Valid {
			return append(out, Finding{Path: ".mechanism", Message: v.Reason})
		}
		return out
	})
}

func transferImpactAssessment(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTransfer(out, r, func(out []Finding, t *Transfer) []Finding {
		if !t.Mechanism.Safeguard() || t.Assessment != "" {
			return out
		}
		if p.withinEEA(t) {
			return out
		}
		return append(out, Finding{Message: "appropriate safeguards must be assessed against the law and practice of the destination (judgment C-311/18, EDPB Recommendations 01/2020); reference the transfer impact assessment (assessment)"})
	})
}

func derogationSafeguards(p *pass, out []Finding) []Finding {
	r := p.r
	return eachTransfer(out, r, func(out []Finding, t *Transfer) []Finding {
		if t.Mechanism != lawfulbasis.DerogationMechanism || !t.Derogation.NeedsDocumentedSafeguards() || strings.TrimSpace(t.Safeguards) != "" {
			return out
		}
		return append(out, Finding{Message: "a transfer on compelling legitimate interests must document the assessment and the suitable safeguards in the record (Art. 49(6)); describe them (safeguards), and inform the supervisory authority"})
	})
}

func undeclaredTransfer(p *pass, out []Finding) []Finding {
	r := p.r
	for i := range r.Activities {
		a := &r.Activities[i]
		var declared map[string]bool // for a long list of transfers
		if len(a.Transfers) > shortList {
			declared = make(map[string]bool, len(a.Transfers))
			for k := range a.Transfers {
				declared[a.Transfers[k].Country] = true
			}
		}
		for j := range a.Recipients {
			rc := &a.Recipients[j]
			if rc.Country == "" || declared != nil && declared[rc.Country] || declared == nil && transfersTo(a.Transfers, rc.Country) {
				continue
			}
			if member, known := p.inEEA(rc.Country); !known || member {
				continue
			}
			out = append(out, Finding{Path: fmt.Sprintf("%s.recipients[%d]", actPath(i), j),
				Message: fmt.Sprintf("recipient %q is located in %s, outside the EEA, but the activity declares no transfer to %s; declare it with its ground (transfers)", clip.Runes(rc.Name, 80), rc.Country, rc.Country)})
		}
	}
	return out
}

// transfersTo reports whether one of transfers goes to a country.
func transfersTo(transfers []Transfer, country string) bool {
	for k := range transfers {
		if transfers[k].Country == country {
			return true
		}
	}
	return false
}

func processorAgreement(p *pass, out []Finding) []Finding {
	r := p.r
	for i := range r.Activities {
		a := &r.Activities[i]
		for j, rc := range a.Recipients {
			if rc.Kind == Processor && strings.TrimSpace(rc.Agreement) == "" {
				out = append(out, Finding{Path: fmt.Sprintf("%s.recipients[%d]", actPath(i), j), Message: fmt.Sprintf("processor %q is recorded without a reference to the contract that Art. 28(3) requires; add it (agreement)", clip.Runes(rc.Name, 80))})
			}
		}
	}
	for i := range r.Processing {
		p := &r.Processing[i]
		for j, sp := range p.SubProcessors {
			if strings.TrimSpace(sp.Agreement) == "" {
				out = append(out, Finding{Path: fmt.Sprintf("processing[%d].subProcessors[%d]", i, j), Article: "Art. 28(4) GDPR",
					Message: fmt.Sprintf("sub-processor %q is recorded without a reference to the contract that Art. 28(4) requires; add it (agreement)", clip.Runes(sp.Name, 80))})
			}
		}
	}
	return out
}

// cameraWords recognises camera images in a data category's description, in
// English, Dutch, French and German: systematic monitoring in WP248 rev.01.
var cameraWords = []string{"camera", "cctv", "video surveillance", "videosurveillance", "videobewaking", "caméra", "vidéo surveillance", "vidéosurveillance", "kamera", "videoüberwachung"}

// cameraStarts holds the camera words by their first byte, to find them in
// one pass over a description.
var cameraStarts = func() (out [256][]string) {
	for _, w := range cameraWords {
		out[w[0]] = append(out[w[0]], w)
	}
	return out
}()

func mentionsCameras(description string) bool {
	// ASCII: the words are compared ignoring case, without a lower-case copy,
	// where a camera word can start.
	for i := 0; i < len(description); i++ {
		c := description[i]
		if c >= 0x80 {
			return containsCameraWord(strings.ToLower(description))
		}
		for _, w := range cameraStarts[lowerASCII(c)] {
			if hasPrefixFoldASCII(description[i:], w) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFoldASCII reports whether s starts with the lower-case word w,
// ignoring the case of ASCII letters.
func hasPrefixFoldASCII(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lowerASCII(s[k]) != w[k] {
			return false
		}
	}
	return true
}

func containsCameraWord(lower string) bool {
	for i := 0; i < len(lower); i++ {
		for _, w := range cameraStarts[lower[i]] {
			if strings.HasPrefix(lower[i:], w) {
				return true
			}
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// DPIACriteriaOf returns the criteria of WP248 rev.01 that an activity meets:
// those the register declares and those that follow from it (special or
// criminal data: sensitive-data; camera images: systematic-monitoring;
// children, employees or patients: vulnerable-subjects; automated
// decisions: automated-decision), in the order of the guidelines.
func DPIACriteriaOf(a Activity) []DPIACriterion { return criteriaOf(&a) }

func criteriaOf(a *Activity) []DPIACriterion { return criteriaIn(a, true).list() }

// criteriaSet is a set of DPIA criteria: bit i stands for allCriteria[i].
type criteriaSet uint16

var allCriteria = DPIACriteria()

func criterionBit(c DPIACriterion) criteriaSet {
	if i := slices.Index(allCriteria, c); i >= 0 {
		return 1 << i
	}
	return 0
}

// The criteria that criteriaIn finds in the register itself.
var (
	sensitiveBit  = criterionBit(SensitiveData)
	vulnerableBit = criterionBit(VulnerableSubjects)
	automatedBit  = criterionBit(AutomatedDecision)
	monitoringBit = criterionBit(SystematicMonitoring)
)

// list returns the criteria of the set, in the order of DPIACriteria.
func (s criteriaSet) list() []DPIACriterion {
	var out []DPIACriterion
	for i, c := range allCriteria {
		if s&(1<<i) != 0 {
			out = append(out, c)
		}
	}
	return out
}

// criteriaIn returns the DPIA criteria an activity meets. cameras says
// whether to look for camera images in the descriptions of its data, the
// one costly test, which adds systematic monitoring at most.
func criteriaIn(a *Activity, cameras bool) criteriaSet {
	var set criteriaSet
	if a.DPIA != nil {
		for _, c := range a.DPIA.Criteria {
			set |= criterionBit(c)
		}
	}
	for i := range a.DataCategories {
		if c := &a.DataCategories[i]; c.Special != "" || c.Criminal {
			set |= sensitiveBit
			break
		}
	}
	for i := range a.DataSubjects {
		if a.DataSubjects[i].Kind.Vulnerable() {
			set |= vulnerableBit
			break
		}
	}
	if a.AutomatedDecisions != nil && *a.AutomatedDecisions {
		set |= automatedBit
	}
	if cameras && set&monitoringBit == 0 {
		for i := range a.DataCategories {
			if mentionsCameras(a.DataCategories[i].Description) {
				set |= monitoringBit
				break
			}
		}
	}
	return set
}

// criteria returns the DPIA criteria of activity i of the pass's register.
func (p *pass) criteria(i int) criteriaSet {
	if !p.criteriaReady {
		p.criteriaReady = true
		p.criteriaOf = reuse(p.criteriaOf, len(p.r.Activities))
	}
	if p.criteriaOf[i]&criteriaKnown == 0 {
		p.criteriaOf[i] = criteriaIn(&p.r.Activities[i], true) | criteriaKnown
	}
	return p.criteriaOf[i] &^ criteriaKnown
}

// criteriaKnown marks the criteria of an activity as worked out: a bit that
// stands for no criterion.
const criteriaKnown criteriaSet = 1 << 15

func dpiaScreening(p *pass, out []Finding) []Finding {
	r := p.r
	for i := range r.Activities {
		d := r.Activities[i].DPIA
		if d != nil && (d.Status == DPIADone || d.Status == DPIAPlanned || d.Status == DPIANotRequired && d.Reference != "") {
			continue
		}
		// Camera images add one criterion at most: without another, two cannot be met.
		if criteriaIn(&r.Activities[i], false) == 0 {
			continue
		}
		met := p.criteria(i).list()
		if len(met) < 2 {
			continue
		}
		names := strs(met)
		switch {
		case d == nil:
			out = append(out, Finding{Path: actPath(i), Message: fmt.Sprintf("the activity meets %d criteria of WP248 rev.01 (%s) and records no DPIA; carry one out, or document why none is needed (dpia)", len(met), strings.Join(names, ", "))})
		case d.Status == DPIARequired:
			out = append(out, Finding{Path: actPath(i) + ".dpia", Message: fmt.Sprintf("a DPIA is required (%s) but neither done nor planned; carry it out before the processing", strings.Join(names, ", "))})
		default:
			out = append(out, Finding{Path: actPath(i) + ".dpia", Message: fmt.Sprintf("the activity meets %d criteria of WP248 rev.01 (%s); a decision that no DPIA is needed must be documented: reference it (dpia.reference)", len(met), strings.Join(names, ", "))})
		}
	}
	return out
}

func exemption(p *pass, out []Finding) []Finding {
	r := p.r
	path := "organisation.employees"
	e := r.Organisation.Employees
	switch {
	case e == nil:
		return append(out, Finding{Path: "organisation", Message: "the headcount is not recorded (employees), so the exemption of Art. 30(5) for organisations of fewer than 250 employees cannot be assessed"})
	case *e >= 250:
		return append(out, Finding{Path: path, Message: fmt.Sprintf("with %d employees the organisation cannot rely on the exemption of Art. 30(5): the record is required", *e)})
	}
	for i := range r.Activities {
		a := &r.Activities[i]
		for _, c := range a.DataCategories {
			if c.Special != "" || c.Criminal {
				return append(out, Finding{Path: actPath(i), Message: fmt.Sprintf("with %d employees the exemption of Art. 30(5) could apply, but activity %q processes special or criminal-offence data, so the record is required", *e, a.ID)})
			}
		}
		if met := p.criteria(i).list(); len(met) > 0 {
			return append(out, Finding{Path: actPath(i), Message: fmt.Sprintf("with %d employees the exemption of Art. 30(5) could apply, but activity %q meets a criterion of risk of WP248 rev.01 (%s), so it is likely to result in a risk and the record is required", *e, a.ID, strs(met)[0])})
		}
	}
	return append(out, Finding{Path: path, Message: fmt.Sprintf("with %d employees the organisation may rely on the exemption of Art. 30(5) only for processing that is occasional and unlikely to result in a risk; regular processing, such as that of customers or staff, must still be recorded (WP29 position paper of 19 April 2018)", *e)})
}

// unusedWaivers reports waivers that matched no finding.
func unusedWaivers(r *Register, used []bool) []Finding {
	var out []Finding
	for i, w := range r.Waivers {
		if !used[i] {
			out = append(out, Finding{Rule: unusedWaiverRule.ID, Severity: unusedWaiverRule.Severity, Article: unusedWaiverRule.Article,
				Path: fmt.Sprintf("waivers[%d]", i), Message: fmt.Sprintf("the waiver of rule %s matches no finding as of the checking date; remove it, or correct its rule, activity or path", w.Rule)})
		}
	}
	return out
}
