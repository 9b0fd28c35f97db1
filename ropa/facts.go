package ropa

import (
	"slices"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
)

// facts are what several rules of one check need, worked out when first
// asked for and kept for the rest of the check only: answers of the legal
// tables on the checking date, the DPIA criteria of each activity, and the
// statutes the register cites. Nothing outlives the check, so nothing can
// go stale when a table changes.
type facts struct {
	eea       map[string]eeaMembership
	chapterV  map[string]lawfulbasis.ChapterVAnswer
	criteria  [][]DPIACriterion
	statutes  []retention.Statute
	haveStats bool
	cites     map[string][]*retention.Statute
}

type eeaMembership struct{ member, known bool }

// InEEA answers lawfulbasis.InEEA for a country on the checking date.
func (p *Pass) InEEA(country string) (member, known bool) {
	f := p.facts
	if m, ok := f.eea[country]; ok {
		return m.member, m.known
	}
	member, known = lawfulbasis.InEEA(country, p.At.Time())
	if f.eea == nil {
		f.eea = map[string]eeaMembership{}
	}
	f.eea[country] = eeaMembership{member, known}
	return member, known
}

// ChapterV answers lawfulbasis.ChapterVApplies for a country on the
// checking date: whether sending data there is a transfer to a third
// country (not for the EEA, nor for the United Kingdom during the bridge of
// the EU-UK Trade and Cooperation Agreement).
func (p *Pass) ChapterV(country string) lawfulbasis.ChapterVAnswer {
	f := p.facts
	if a, ok := f.chapterV[country]; ok {
		return a
	}
	a := lawfulbasis.ChapterVApplies(country, p.At.Time())
	if f.chapterV == nil {
		f.chapterV = map[string]lawfulbasis.ChapterVAnswer{}
	}
	f.chapterV[country] = a
	return a
}

// outsideEEA reports whether a country is known to be outside the EEA on
// the checking date: where the controller or its representative is
// established (Art. 3, 27).
func (p *Pass) outsideEEA(country string) bool {
	member, known := p.InEEA(country)
	return country != "" && known && !member
}

// thirdCountry reports whether sending data to a country is known to be a
// transfer under Chapter V on the checking date.
func (p *Pass) thirdCountry(country string) bool {
	a := p.ChapterV(country)
	return country != "" && a.Known && a.Applies
}

// withinEEA reports whether a transfer is known not to be one under
// Chapter V on the checking date: it names an EEA country, or the United
// Kingdom during the 2021 bridge. A transfer without a country, or on a
// date before the GDPR, is not known to.
func (p *Pass) withinEEA(t *Transfer) bool {
	if t.Country == "" {
		return false
	}
	a := p.ChapterV(t.Country)
	return a.Known && !a.Applies
}

// DPIACriteria returns the criteria of WP248 rev.01 that activity i of the
// register meets (see DPIACriteriaOf).
func (p *Pass) DPIACriteria(i int) []DPIACriterion {
	f := p.facts
	if f.criteria == nil {
		f.criteria = make([][]DPIACriterion, len(p.Register.Activities))
	}
	if f.criteria[i] == nil {
		f.criteria[i] = DPIACriteriaOf(&p.Register.Activities[i]) // never nil
	}
	return f.criteria[i]
}

// statutesCountry returns the country whose statutes Statutes holds.
func (p *Pass) statutesCountry() string {
	if a := p.Register.Organisation.Address; a != nil {
		return a.Country
	}
	return ""
}

// Statutes returns the statutory retention rules that hold on the checking
// date in the country where the controller is established.
func (p *Pass) Statutes() []retention.Statute {
	f := p.facts
	if !f.haveStats {
		f.haveStats = true
		f.statutes = retention.StatutesOf(p.statutesCountry(), p.At.Time())
	}
	return f.statutes
}

// Cited returns the statutes of Statutes that a citation names.
func (p *Pass) Cited(citation string) []*retention.Statute {
	if citation == "" {
		return nil
	}
	f := p.facts
	if s, ok := f.cites[citation]; ok {
		return s
	}
	all := p.Statutes()
	var out []*retention.Statute
	for i := range all {
		if all[i].CitedBy(citation) {
			out = append(out, &all[i])
		}
	}
	if f.cites == nil {
		f.cites = map[string][]*retention.Statute{}
	}
	f.cites[citation] = out
	return out
}

// CitedFor returns the statutes that apply to retention rule j of activity
// i: those its law cites, then those the laws of the activity's bases cite,
// each once.
func (p *Pass) CitedFor(i, j int) []*retention.Statute {
	a := &p.Register.Activities[i]
	out := slices.Clone(p.Cited(a.Retention[j].Law))
	for q := range a.Purposes {
		for _, b := range a.Purposes[q].Bases {
			for _, s := range p.Cited(b.Law) {
				if !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}
