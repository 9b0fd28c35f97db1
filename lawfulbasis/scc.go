package lawfulbasis

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// SCCDecision is a decision of the Commission adopting standard contractual
// clauses for transfers to third countries (Art. 46(2)(c) GDPR, or Art. 26(4)
// of Directive 95/46/EC kept in force by Art. 46(5) GDPR).
type SCCDecision struct {
	// Number is the decision's number as the Official Journal writes it,
	// such as "2010/87/EU" or "(EU) 2021/914".
	Number     string
	Instrument string
	// Mechanism is the mechanism a register records for these clauses.
	Mechanism Mechanism
	// Parties says between whom the clauses apply.
	Parties string
	Adopted time.Time
	// From is the first day the clauses could be relied on.
	From time.Time
	// NewContractsUntil is the last day on which a contract could be
	// concluded on the clauses; zero while they may still be used.
	NewContractsUntil time.Time
	// Until is the last day on which contracts concluded in time could rely
	// on them; zero while they hold.
	Until time.Time
	// EndedBy is the act that repealed the decision; empty while it holds.
	EndedBy    string
	Note       string
	Source     string
	Confidence Confidence
}

const (
	scc2021OJ = "Art. 4 of Commission Implementing Decision (EU) 2021/914, OJ L 199, 7.6.2021, p. 31 (EUR-Lex text)"
	// scc2021Transition is Art. 4(4) of Decision (EU) 2021/914 in a sentence.
	scc2021Transition = "contracts concluded before 27 September 2021 were deemed to provide appropriate safeguards until 27 December 2022, provided the processing operations that are their subject matter remained unchanged (Art. 4(4) of Decision (EU) 2021/914); from 27 September 2021 no new contract could use these clauses"
)

// repealedBy2021 completes the row of a decision that Art. 4 of Decision
// (EU) 2021/914 repealed: the last day for new contracts, the end of the
// transition, and the paragraph (or the act, for 2004/915/EC) that ended it.
func repealedBy2021(dec SCCDecision, endedBy string) SCCDecision {
	dec.NewContractsUntil, dec.Until = day(2021, time.September, 26), day(2022, time.December, 27)
	dec.EndedBy = endedBy
	if dec.Note == "" {
		dec.Note = scc2021Transition
	}
	dec.Source += "; " + scc2021OJ
	return dec
}

var sccDecisions = []SCCDecision{
	repealedBy2021(SCCDecision{Number: "2001/497/EC", Instrument: "Commission Decision 2001/497/EC", Mechanism: SCC2001, Parties: "controller to controller (set I)",
		Adopted: day(2001, time.June, 15), From: day(2001, time.September, 3),
		Source:     "OJ L 181, 4.7.2001, p. 19, Art. 6 (applies from 3 September 2001), legislation.gov.uk copy of the decision; EUR-Lex 32001D0497 (end of validity 26/09/2021)",
		Confidence: Verified},
		"Art. 4(2) of Commission Implementing Decision (EU) 2021/914, repealing it with effect from 27 September 2021"),
	repealedBy2021(SCCDecision{Number: "2004/915/EC", Instrument: "Commission Decision 2004/915/EC (adding a second set of clauses to Decision 2001/497/EC)", Mechanism: SCC2004, Parties: "controller to controller (set II)",
		Adopted: day(2004, time.December, 27), From: day(2005, time.April, 1),
		Note:       "Art. 4 of Decision (EU) 2021/914 names only Decisions 2001/497/EC and 2010/87/EU; set II fell with the decision it amended and the same transition applied: " + scc2021Transition,
		Source:     "EUR-Lex 32004D0915 (OJ L 385, 29.12.2004, p. 74; implicitly repealed by 32021D0914, end of validity 26/09/2021); consolidated text 02001D0497-20050401 (set II in force from 1 April 2005)",
		Confidence: Secondary},
		"the repeal of Decision 2001/497/EC, whose Annex it amended, by Art. 4(2) of Commission Implementing Decision (EU) 2021/914 (EUR-Lex: implicitly repealed, end of validity 26 September 2021)"),
	repealedBy2021(SCCDecision{Number: "2010/87/EU", Instrument: "Commission Decision 2010/87/EU", Mechanism: SCC2010, Parties: "controller to processor",
		Adopted: day(2010, time.February, 5), From: day(2010, time.May, 15),
		Source:     "EUR-Lex 32010D0087 (OJ L 39, 12.2.2010, p. 5; repealed by 32021D0914 from 27/09/2021); applicable from 15 May 2010 (Article 29 Working Party FAQ, reported by the Society for Computers and Law on 20 July 2010)",
		Confidence: Secondary},
		"Art. 4(3) of Commission Implementing Decision (EU) 2021/914, repealing it with effect from 27 September 2021"),
	{Number: "(EU) 2021/914", Instrument: "Commission Implementing Decision (EU) 2021/914", Mechanism: SCC, Parties: "module 1 controller to controller, module 2 controller to processor, module 3 processor to processor, module 4 processor to controller",
		Adopted: day(2021, time.June, 4), From: day(2021, time.June, 27),
		Note:   "in force on the twentieth day following its publication on 7 June 2021 (Art. 4(1)); for importers whose processing is not subject to the GDPR (Art. 1(1))",
		Source: "OJ L 199, 7.6.2021, p. 31, Arts. 1, 4 and the Annex (EUR-Lex text)", Confidence: Verified},
}

// key is the year and number of the decision, such as "2010/87".
func (dec *SCCDecision) key() string {
	return decisionNumber.FindString(dec.Number)
}

// SCCDecisions returns the table of the Commission's decisions on standard
// contractual clauses, the repealed ones first.
func SCCDecisions() []SCCDecision { return append([]SCCDecision(nil), sccDecisions...) }

// ValidOn reports whether a transfer could rely on the clauses on day d. A
// valid answer on a day after NewContractsUntil carries the condition in
// Caveat: only contracts concluded in time, with the processing unchanged.
func (dec *SCCDecision) ValidOn(d time.Time) Validity {
	when := d.Format(time.DateOnly)
	switch {
	case d.Before(dec.From):
		return Validity{Reason: fmt.Sprintf("the clauses of %s could not be relied on before %s (on %s)", dec.Instrument, dec.From.Format(time.DateOnly), when)}
	case !dec.Until.IsZero() && d.After(dec.Until):
		return Validity{Reason: fmt.Sprintf("the clauses of %s could not be relied on after %s (%s); use the standard contractual clauses of Decision (EU) 2021/914",
			dec.Instrument, dec.Until.Format(time.DateOnly), dec.EndedBy)}
	case !dec.NewContractsUntil.IsZero() && d.After(dec.NewContractsUntil):
		return Validity{Valid: true, Caveat: fmt.Sprintf("only for a contract concluded on or before %s whose processing operations remain unchanged (%s)",
			dec.NewContractsUntil.Format(time.DateOnly), dec.EndedBy)}
	}
	return Validity{Valid: true}
}

// SCCModule is a module of the standard contractual clauses of Decision
// (EU) 2021/914.
type SCCModule int

// The four modules of Decision (EU) 2021/914.
const (
	ModuleControllerToController SCCModule = 1
	ModuleControllerToProcessor  SCCModule = 2
	ModuleProcessorToProcessor   SCCModule = 3
	ModuleProcessorToController  SCCModule = 4
)

var moduleNames = [...]string{"", "controller to controller", "controller to processor", "processor to processor", "processor to controller"}

// Valid reports whether m is one of the four modules.
func (m SCCModule) Valid() bool {
	return m >= ModuleControllerToController && m <= ModuleProcessorToController
}

// String names the module, such as "module 2 (controller to processor)".
func (m SCCModule) String() string {
	if !m.Valid() {
		return fmt.Sprintf("module %d", int(m))
	}
	return fmt.Sprintf("module %d (%s)", int(m), moduleNames[m])
}

// ToProcessor reports whether the importer of the module is a processor
// (modules 2 and 3), as a processor recipient requires.
func (m SCCModule) ToProcessor() bool {
	return m == ModuleControllerToProcessor || m == ModuleProcessorToProcessor
}

// SCCReference is what a free-text reference to standard contractual
// clauses names.
type SCCReference struct {
	// Decisions are the decisions named, in the order of the table.
	Decisions []*SCCDecision
	// Modules are the modules of Decision (EU) 2021/914 named, in order.
	Modules []SCCModule
}

var (
	decisionNumber = regexp.MustCompile(`\d+\s*/\s*\d+`)
	moduleWord     = `(?:[0-9]+|one|two|three|four)`
	moduleList     = regexp.MustCompile(`(?i)\bmodul(?:es?)?\b\.?\s*(` + moduleWord + `(?:\s*(?:,|&|/|\+|-|–|\band\b|\ben\b|\bet\b|\bund\b|\bor\b|\bto\b)\s*` + moduleWord + `)*)`)
	moduleItem     = regexp.MustCompile(`(?i)[0-9]+|one|two|three|four|-|–|\bto\b`)
	moduleNumbers  = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4}
)

// RecogniseSCC reads which decisions on standard contractual clauses and
// which modules of Decision (EU) 2021/914 a reference names: "Decision
// 2010/87/EU", "2010/87", "SCC 2021/914 module 2", "modules 2 and 3",
// "Module Two", "modules 1-4". Numbers of other acts (the GDPR's 2016/679,
// say) are not decisions on clauses and are passed over. A module outside 1
// to 4, or modules beside only decisions that have none, is an error that
// says so.
func RecogniseSCC(ref string) (SCCReference, error) {
	var r SCCReference
	for _, loc := range decisionNumber.FindAllStringIndex(ref, -1) {
		year, number, _ := strings.Cut(ref[loc[0]:loc[1]], "/")
		year, number = strings.TrimSpace(year), strings.TrimSpace(number)
		if len(year) != 4 || len(number) > 3 {
			continue
		}
		for i := range sccDecisions {
			dec := &sccDecisions[i]
			if dec.key() == year+"/"+number && !slices.Contains(r.Decisions, dec) {
				r.Decisions = append(r.Decisions, dec)
			}
		}
	}
	slices.SortFunc(r.Decisions, func(a, b *SCCDecision) int { return a.Adopted.Compare(b.Adopted) })
	for _, m := range moduleList.FindAllStringSubmatch(ref, -1) {
		if err := r.addModules(m[1]); err != nil {
			return SCCReference{}, fmt.Errorf("%q: %w", clipRef(m[0]), err)
		}
	}
	slices.Sort(r.Modules)
	r.Modules = slices.Compact(r.Modules)
	if len(r.Modules) > 0 && len(r.Decisions) > 0 && !slices.ContainsFunc(r.Decisions, func(d *SCCDecision) bool { return d.Mechanism == SCC }) {
		return SCCReference{}, fmt.Errorf("%q names modules, which only the clauses of Decision (EU) 2021/914 have, beside %s", clipRef(ref), r.Decisions[0].Instrument)
	}
	return r, nil
}

// addModules adds the modules of a list such as "2 and 3" or "1-4".
func (r *SCCReference) addModules(list string) error {
	var prev int
	rangeFrom := false
	for _, item := range moduleItem.FindAllString(list, -1) {
		item = strings.ToLower(item)
		if item == "-" || item == "–" || item == "to" {
			rangeFrom = true
			continue
		}
		n, ok := moduleNumbers[item]
		if !ok {
			v, err := strconv.Atoi(item)
			if err != nil || len(item) > 2 {
				return fmt.Errorf("module %s: the clauses of Decision (EU) 2021/914 have modules 1 to 4", item)
			}
			n = v
		}
		if !SCCModule(n).Valid() {
			return fmt.Errorf("module %d: the clauses of Decision (EU) 2021/914 have modules 1 to 4", n)
		}
		if rangeFrom {
			if n < prev {
				return fmt.Errorf("modules %d to %d: the range runs backwards", prev, n)
			}
			for k := prev + 1; k < n; k++ {
				r.Modules = append(r.Modules, SCCModule(k))
			}
			rangeFrom = false
		}
		r.Modules = append(r.Modules, SCCModule(n))
		prev = n
	}
	return nil
}

// clipRef shortens a reference quoted in an error.
func clipRef(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}

// ValidOn reports whether a transfer could rely on the clauses the reference
// names on day d: invalid where one of them could not be relied on that day
// (a repealed decision after its transition, say), or where no decision is
// named.
func (r SCCReference) ValidOn(d time.Time) Validity {
	if len(r.Decisions) == 0 {
		return Validity{Reason: "the reference names no decision of the Commission on standard contractual clauses; cite the clauses relied on, such as Decision (EU) 2021/914 and its module"}
	}
	var caveats []string
	for _, dec := range r.Decisions {
		v := dec.ValidOn(d)
		if !v.Valid {
			return v
		}
		if v.Caveat != "" {
			caveats = append(caveats, v.Caveat)
		}
	}
	return Validity{Valid: true, Caveat: strings.Join(caveats, "; ")}
}

// ForProcessor reports whether the reference names clauses for a processor
// importer: module 2 or 3 of Decision (EU) 2021/914, or Decision 2010/87/EU.
func (r SCCReference) ForProcessor() bool {
	return slices.ContainsFunc(r.Modules, SCCModule.ToProcessor) ||
		slices.ContainsFunc(r.Decisions, func(d *SCCDecision) bool { return d.Mechanism == SCC2010 })
}
