package lawfulbasis

import (
	"fmt"
	"strings"
	"time"
)

// Verdict is the answer to "may data go to this recipient on the strength of
// an adequacy decision on this day".
type Verdict string

// The three verdicts of [AssessAdequacy].
const (
	// VerdictAdequate: a decision in force covers the recipient as the
	// register describes it.
	VerdictAdequate Verdict = "adequate"
	// VerdictConfirmScope: a decision in force covers only some recipients
	// in the country and the register does not say whether this one is among
	// them. The ordinary commercial recipient is, so this is a point to
	// confirm (a warning), not a breach.
	VerdictConfirmScope Verdict = "confirm-scope"
	// VerdictNotAdequate: no decision covered the destination on the day, or
	// the register contradicts the scope of the one that did.
	VerdictNotAdequate Verdict = "not-adequate"
)

// Verdicts lists the verdicts, the favourable one first.
func Verdicts() []Verdict { return []Verdict{VerdictAdequate, VerdictConfirmScope, VerdictNotAdequate} }

// Valid reports whether v is one of the verdicts.
func (v Verdict) Valid() bool {
	switch v {
	case VerdictAdequate, VerdictConfirmScope, VerdictNotAdequate:
		return true
	}
	return false
}

// String returns the identifier of the verdict.
func (v Verdict) String() string { return string(v) }

// AdequacyQuery is what a register says of a transfer that relies on an
// adequacy decision (Art. 45 GDPR).
type AdequacyQuery struct {
	// Country is the destination (ISO 3166-1 alpha-2; "EL" and "UK" are
	// read as "GR" and "GB"). It is asked about when given.
	Country string
	// Organisation names an international organisation as in the table
	// ("European Patent Organisation"); asked about when Country is empty.
	Organisation string
	// Day is the day to answer for.
	Day time.Time
	// Scope is the scope the register states for the recipient; WholeCountry
	// ("") when it states none.
	Scope Scope
	// DPF says whether a US recipient is on the Data Privacy Framework List;
	// nil when the register does not say.
	DPF *bool
	// PublicAuthority is set when the recipient is a public authority or body.
	PublicAuthority bool
}

// AdequacyResult is the answer of [AssessAdequacy].
type AdequacyResult struct {
	Verdict Verdict
	// Reason explains a verdict other than adequate in a sentence that names
	// the fix; empty for an adequate one.
	Reason string
	// Decision is the decision in force on the day, if any, even where the
	// verdict is not adequate.
	Decision *Decision
}

// AssessAdequacy answers whether a transfer may rely on an adequacy decision
// on q.Day:
//
//   - no decision in force for the destination that day: not adequate;
//   - a decision for the whole country: adequate, unless the register states
//     a scope of another decision, which contradicts it;
//   - a decision limited in scope (Canada, Japan, Korea, Brazil, the US Data
//     Privacy Framework): adequate when the register states that scope (for
//     the US: dpf true, or scope dpf-list); not adequate when it states
//     another scope, dpf false, or a public-authority recipient where the
//     decision covers the private sector only; otherwise the scope must be
//     confirmed.
func AssessAdequacy(q AdequacyQuery) AdequacyResult {
	dest, match := q.destination()
	if dest == "" {
		return AdequacyResult{Verdict: VerdictNotAdequate, Reason: "the transfer names neither a country nor an international organisation; record its destination"}
	}
	dec, past := decisionOn(match, q.Day)
	if dec == nil {
		return AdequacyResult{Verdict: VerdictNotAdequate, Reason: noDecision(dest, q.Day, past)}
	}
	notAdequate := func(format string, args ...any) AdequacyResult {
		return AdequacyResult{Verdict: VerdictNotAdequate, Decision: dec, Reason: fmt.Sprintf(format, args...)}
	}
	if q.Scope != WholeCountry && q.Scope != dec.Scope {
		if !q.Scope.Valid() {
			return notAdequate("%q is not a scope of an adequacy decision (one of %s)", string(q.Scope), scopeList())
		}
		return notAdequate("the register places the recipient under %s (scope %s), which is not the scope of %s, the decision for %s; correct the scope or rely on another mechanism of Chapter V",
			q.Scope.Describe(), q.Scope, dec.Instrument, dest)
	}
	if dec.Scope == WholeCountry {
		return AdequacyResult{Verdict: VerdictAdequate, Decision: dec}
	}
	if q.PublicAuthority && dec.PrivateSectorOnly {
		return notAdequate("%s covers only %s, not public authorities; rely on another mechanism of Chapter V, such as a legally binding instrument between public authorities (Art. 46(2)(a))",
			dec.Instrument, dec.Scope.Describe())
	}
	if dec.Scope == DPFList {
		switch {
		case q.DPF != nil && !*q.DPF:
			return notAdequate("%s covers only %s and the register says the recipient is not on it; rely on another mechanism of Chapter V, such as the standard contractual clauses of Decision (EU) 2021/914",
				dec.Instrument, dec.Scope.Describe())
		case q.DPF != nil && *q.DPF, q.Scope == DPFList:
			return AdequacyResult{Verdict: VerdictAdequate, Decision: dec}
		}
		return AdequacyResult{Verdict: VerdictConfirmScope, Decision: dec, Reason: fmt.Sprintf(
			"%s covers only %s; the register does not say whether the recipient is listed: confirm its listing on the Data Privacy Framework List and record it (dpf), or rely on another mechanism of Chapter V",
			dec.Instrument, dec.Scope.Describe())}
	}
	if q.Scope == dec.Scope {
		return AdequacyResult{Verdict: VerdictAdequate, Decision: dec}
	}
	return AdequacyResult{Verdict: VerdictConfirmScope, Decision: dec, Reason: fmt.Sprintf(
		"%s covers only %s; the register does not say the recipient is one: confirm it and record the scope (%s), or rely on another mechanism of Chapter V",
		dec.Instrument, dec.Scope.Describe(), dec.Scope)}
}

// destination names the destination of q and matches the decisions for it.
func (q AdequacyQuery) destination() (string, func(*Decision) bool) {
	if c := canonicalCountry(q.Country); c != "" {
		return c, func(dec *Decision) bool { return dec.Country == c }
	}
	if name := strings.TrimSpace(q.Organisation); name != "" {
		return name, func(dec *Decision) bool { return dec.Organisation != "" && strings.EqualFold(dec.Organisation, name) }
	}
	return "", nil
}

// decisionOn returns the decision that match selects in force on day d, or
// else the latest one that had lapsed by then.
func decisionOn(match func(*Decision) bool, d time.Time) (current, past *Decision) {
	for i := range decisions {
		dec := &decisions[i]
		if !match(dec) {
			continue
		}
		if dec.Covers(d) {
			return dec, nil
		}
		if !d.Before(dec.From) {
			past = dec
		}
	}
	return nil, past
}

func noDecision(dest string, d time.Time, past *Decision) string {
	if past != nil {
		return fmt.Sprintf("%s had lapsed on %s (last day %s); rely on another mechanism of Chapter V",
			past.Instrument, d.Format(time.DateOnly), past.Until.Format(time.DateOnly))
	}
	return fmt.Sprintf("no adequacy decision covered %s on %s; rely on appropriate safeguards (Art. 46) or, exceptionally, a derogation (Art. 49)",
		dest, d.Format(time.DateOnly))
}

func scopeList() string {
	var names []string
	for _, s := range Scopes() {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}
