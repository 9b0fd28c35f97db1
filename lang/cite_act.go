package lang

import "strings"

// Counterpart gives the provision of another act that corresponds to a
// provision of the cited one, named by its article, paragraph and point
// ("30", "1", "f"; paragraph and point may be empty). It answers in the
// English form without the act's name ("Art. 31(1)"), and ok false where it
// knows no counterpart.
type Counterpart func(article, para, point string) (to string, ok bool)

// Under returns the citation of the provisions of another act that
// correspond to those of c, as counterpart names them, keeping the other
// sources after the semicolon as written: under EUDPR with a counterpart
// mapping Art. 30(1) to Art. 31(1) and Art. 5 to Art. 4, "Art. 30(1)(f) and
// 5(1)(e) GDPR" becomes "Art. 31(1) and 4 of Regulation (EU) 2018/1725".
// Where the counterparts of the points or paragraphs of one provision are
// not at one level, the provision cites the article or paragraph they share.
// ok is false where a provision has no counterpart, where it is a recital or
// a subparagraph (whose numbering the other act need not keep), or where
// the counterparts share no article: a citation is moved whole or not at
// all. counterpart is asked for every provision, also after one failed.
func (c Citation) Under(to Act, counterpart Counterpart) (Citation, bool) {
	if len(c.refs) == 0 {
		return c, false
	}
	refs := make([]provision, len(c.refs))
	all := true
	for i, r := range c.refs {
		m, ok := r.under(counterpart)
		all = all && ok // every provision is asked for, so that counterpart sees them all
		refs[i] = m
	}
	if !all {
		return c, false
	}
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = r.english()
	}
	text := "Art. " + joinAnd(parts, " and ") + to.english() + c.extra
	moved, err := ParseCitation(text)
	if err != nil {
		return c, false // cannot happen: the text is written in the form ParseCitation reads
	}
	return moved, true
}

// joinAnd joins parts with ", " and the last with and.
func joinAnd(parts []string, and string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + and + parts[len(parts)-1]
}

// english writes the provision in the English form, without "Art. ".
func (r provision) english() string {
	if r.recital != "" {
		return "recital " + r.recital
	}
	s := r.article
	if r.para != "" {
		s += "(" + r.para + ")"
		if r.paraTo != "" {
			s += "-(" + r.paraTo + ")"
		}
	}
	for i, p := range r.points {
		if i > 0 {
			s += ", "
		}
		s += "(" + p.from + ")"
		if p.to != "" {
			s += "-(" + p.to + ")"
		}
	}
	if r.sub > 0 {
		s += ", " + ordinals[r.sub-1] + " subparagraph,"
	}
	return s
}

// under returns the counterpart of one provision.
func (r provision) under(counterpart Counterpart) (provision, bool) {
	if r.recital != "" || r.sub > 0 {
		return r, false
	}
	var outs []provision
	look := func(para, point string) bool {
		to, ok := counterpart(r.article, para, point)
		body, art := strings.CutPrefix(to, "Art. ")
		if !ok || !art {
			return false
		}
		p := &citeParser{s: body}
		q, err := p.provision()
		if err != nil || !p.done() || q.recital != "" || q.paraTo != "" || len(q.points) > 1 || (len(q.points) == 1 && q.points[0].to != "") {
			return false
		}
		outs = append(outs, q)
		return true
	}
	switch {
	case len(r.points) > 0:
		for _, pt := range r.points {
			if !look(r.para, pt.from) || (pt.to != "" && !look(r.para, pt.to)) {
				return r, false
			}
		}
	case r.paraTo != "":
		if !look(r.para, "") || !look(r.paraTo, "") {
			return r, false
		}
	default:
		if !look(r.para, "") {
			return r, false
		}
	}
	return merge(r, outs)
}

// merge makes one provision of the counterparts of the parts of r: the
// counterpart they all are, the same points or paragraphs of one paragraph
// or article, or else the paragraph or article they share.
func merge(r provision, outs []provision) (provision, bool) {
	first := outs[0]
	same, atPoints, paras := true, true, true
	for _, o := range outs {
		same = same && o.english() == first.english()
		atPoints = atPoints && len(o.points) == 1 && o.article == first.article && o.para == first.para
		paras = paras && len(o.points) == 0 && o.para != "" && o.article == first.article
	}
	switch {
	case same:
		return first, true
	case atPoints && len(r.points) > 0:
		m := provision{article: first.article, para: first.para}
		k := 0
		for _, pt := range r.points {
			p := points{from: outs[k].points[0].from}
			k++
			if pt.to != "" {
				p.to = outs[k].points[0].from
				k++
			}
			m.points = append(m.points, p)
		}
		return m, true
	case paras && r.paraTo != "" && len(outs) == 2:
		return provision{article: first.article, para: outs[0].para, paraTo: outs[1].para}, true
	}
	shared := provision{article: first.article, para: first.para}
	for _, o := range outs {
		if o.article != shared.article {
			return r, false
		}
		if o.para != shared.para {
			shared.para = ""
		}
	}
	return shared, true
}
