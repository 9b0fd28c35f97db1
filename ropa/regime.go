package ropa

import (
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
)

// The regime of a register decides which law its findings cite. Under the
// GDPR they cite the GDPR as the rules write it. Under Regulation (EU)
// 2018/1725 (regime: eudpr) a finding cites the counterparts of its GDPR
// provisions where package lawfulbasis holds them confirmed
// (lawfulbasis.EUDPRCounterpartOf), and keeps the GDPR provision in
// Finding.GDPRArticle; a citation with a provision not yet confirmed keeps
// citing the GDPR as a whole. A rule, or a finding, that rests on a
// provision the Regulation has no counterpart of (Art. 27, Art. 30(5)) does
// not apply to such a register.

// underRegime reports whether a rule that rests on article applies to the
// register as of at, and the citation of article under its regime.
func (r *Register) underRegime(article string, at Date) (cited string, applies bool) {
	if r == nil || r.Regime != EUDPR {
		return article, true
	}
	c, err := lang.ParseCitation(article)
	if err != nil || c.Act() != lang.GDPR {
		return article, true
	}
	none := false
	moved, ok := c.Under(lang.EUDPR, func(art, para, point string) (string, bool) {
		row, found := lawfulbasis.EUDPRCounterpartOf(art, para, point, at.Time())
		none = none || (found && row.EUDPR == "")
		return row.EUDPR, found && row.EUDPR != ""
	})
	switch {
	case none:
		return article, false
	case ok:
		return moved.String(), true
	}
	return article, true
}

// ruleApplies reports whether a rule runs on the register as of at: not
// where it rests on a provision the register's regime has no counterpart of.
func (r *Register) ruleApplies(rule *Rule, at Date) bool {
	_, applies := r.underRegime(rule.Article, at)
	return applies
}

// cite moves a finding's citations, its Article and the provisions its
// message quotes, to the register's regime. It reports false for a finding
// that rests on a provision the regime has no counterpart of: such a
// finding is not reported.
func (r *Register) cite(f *Finding, at Date) bool {
	cited, applies := r.underRegime(f.Article, at)
	if !applies {
		return false
	}
	if cited != f.Article {
		f.GDPRArticle, f.Article = f.Article, cited
	}
	for i, a := range f.Args {
		if c, ok := a.(Citation); ok {
			if moved, applies := r.underRegime(string(c), at); applies {
				f.Args[i] = Citation(moved)
			}
		}
	}
	return true
}
