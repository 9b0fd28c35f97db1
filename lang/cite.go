package lang

import (
	"errors"
	"fmt"
	"strings"
)

// Regulation returns the short name of the GDPR in a language: GDPR, AVG,
// RGPD or DSGVO (English for a language that is not one of the library's).
func Regulation(l Lang) string {
	switch l {
	case Dutch:
		return "AVG"
	case French:
		return "RGPD"
	case German:
		return "DSGVO"
	}
	return "GDPR"
}

// Act is a regulation a citation names.
type Act int

// The regulations citations name.
const (
	// GDPR is Regulation (EU) 2016/679, cited in English as "Art. 30 GDPR".
	GDPR Act = iota
	// EUDPR is Regulation (EU) 2018/1725, which applies to the Union
	// institutions, bodies, offices and agencies, cited in English as "Art.
	// 31 of Regulation (EU) 2018/1725".
	EUDPR
)

// actWords are the words that name an act in the citations of a language.
type actWords struct {
	name string // "AVG", "Verordening (EU) 2018/1725"
	of   string // the word that joins the provisions to the name: "van "
	// comma: a comma closes a provision with parts before the name, whatever
	// the language's custom for the GDPR.
	comma bool
}

var actNames = map[Act]map[Lang]actWords{
	GDPR: {English: {name: "GDPR"}, Dutch: {name: "AVG"}, French: {name: "RGPD"}, German: {name: "DSGVO"}},
	EUDPR: {
		English: {name: "Regulation (EU) 2018/1725", of: "of "},
		Dutch:   {name: "Verordening (EU) 2018/1725", of: "van "},
		French:  {name: "règlement (UE) 2018/1725", of: "du ", comma: true},
		German:  {name: "Verordnung (EU) 2018/1725", of: "der "},
	},
}

// words returns the words of the act in a language (English for a language
// that is not one of the library's).
func (a Act) words(l Lang) actWords {
	w, ok := actNames[a][l]
	if !ok {
		w = actNames[a][English]
	}
	return w
}

// Name returns the name of the act in a language as citations write it:
// "GDPR", "AVG", "Regulation (EU) 2018/1725", "règlement (UE) 2018/1725".
func (a Act) Name(l Lang) string { return a.words(l).name }

// english is what follows the provisions in the English form: " GDPR",
// " of Regulation (EU) 2018/1725".
func (a Act) english() string {
	w := a.words(English)
	return " " + w.of + w.name
}

// Citation is a citation of provisions of the GDPR or of Regulation (EU)
// 2018/1725, read from the form in which the library writes it in English:
// "Art. 30(1)(f) GDPR", "Art. 30(1)(f) and 5(1)(e) GDPR", "Art. 9(2)(b),
// (g)-(j) and 10 GDPR", "Art. 6(1), second subparagraph, GDPR", "Art. 7(4)
// and recital 43 GDPR", "Art. 31(1) and 4(1) of Regulation (EU) 2018/1725",
// optionally followed by other sources after a semicolon ("Art. 46(1) GDPR;
// C-311/18"), which are cited as written.
type Citation struct {
	text  string      // the citation as read
	act   Act         // the regulation it cites
	refs  []provision // the provisions of the regulation, in order
	extra string      // what follows the regulation's name ("; C-311/18"), as written
}

// Act returns the regulation the citation cites.
func (c Citation) Act() Act { return c.act }

// provision is one article (with its paragraph and points) or recital.
type provision struct {
	recital      string
	article      string
	para, paraTo string   // "1", and "2" for "(1)-(2)"
	sub          int      // subparagraph, 2 for "second subparagraph"
	points       []points // (b), (g)-(j)
}

// points is a point or a range of points of a paragraph.
type points struct{ from, to string }

var ordinals = []string{"first", "second", "third", "fourth", "fifth"}

// ParseCitation reads a citation of the GDPR or of Regulation (EU) 2018/1725
// written as the library writes it in English (see Citation). It is an
// error for the text to be in another form; the error says where.
func ParseCitation(s string) (Citation, error) {
	c := Citation{text: s}
	body, ok := strings.CutPrefix(s, "Art. ")
	if !ok {
		return c, fmt.Errorf("citation %q: want it to start with \"Art. \"", s)
	}
	i := -1
	for _, a := range []Act{GDPR, EUDPR} {
		if j := strings.Index(body, a.english()); j >= 0 && (i < 0 || j < i) {
			i, c.act = j, a
		}
	}
	if i < 0 {
		return c, fmt.Errorf("citation %q: want the regulation's name, GDPR or of Regulation (EU) 2018/1725, after the provisions", s)
	}
	body, c.extra = body[:i], body[i+len(c.act.english()):]
	if c.extra != "" && !strings.HasPrefix(c.extra, "; ") {
		return c, fmt.Errorf("citation %q: after %s want \"; \" and another source, not %q", s, c.act.Name(English), c.extra)
	}
	p := &citeParser{s: body}
	for {
		ref, err := p.provision()
		if err != nil {
			return c, fmt.Errorf("citation %q: %w", s, err)
		}
		c.refs = append(c.refs, ref)
		if p.done() {
			return c, nil
		}
		if !p.eat(", ") && !p.eat(" and ") {
			return c, fmt.Errorf("citation %q: want \", \" or \" and \" at %q", s, p.s[p.i:])
		}
	}
}

// citeParser reads the provisions of a citation.
type citeParser struct {
	s string
	i int
}

func (p *citeParser) done() bool { return p.i >= len(p.s) }

func (p *citeParser) eat(t string) bool {
	if strings.HasPrefix(p.s[p.i:], t) {
		p.i += len(t)
		return true
	}
	return false
}

// run reads characters of a kind.
func (p *citeParser) run(ok func(byte) bool) string {
	j := p.i
	for j < len(p.s) && ok(p.s[j]) {
		j++
	}
	t := p.s[p.i:j]
	p.i = j
	return t
}

func digit(b byte) bool  { return b >= '0' && b <= '9' }
func letter(b byte) bool { return b >= 'a' && b <= 'z' }

// group reads "(x)" where x is of a kind.
func (p *citeParser) group(ok func(byte) bool) (string, bool) {
	save := p.i
	if !p.eat("(") {
		return "", false
	}
	t := p.run(ok)
	if t == "" || !p.eat(")") {
		p.i = save
		return "", false
	}
	return t, true
}

// span reads "(x)" or "(x)-(y)".
func (p *citeParser) span(ok func(byte) bool) (string, string, bool) {
	from, found := p.group(ok)
	if !found {
		return "", "", false
	}
	save := p.i
	if p.eat("-") {
		if to, found := p.group(ok); found {
			return from, to, true
		}
		p.i = save
	}
	return from, "", true
}

func (p *citeParser) provision() (provision, error) {
	var r provision
	if p.eat("recital ") {
		if r.recital = p.run(digit); r.recital == "" {
			return r, fmt.Errorf("want the number of a recital at %q", p.s[p.i:])
		}
		return r, nil
	}
	if r.article = p.run(digit); r.article == "" {
		return r, fmt.Errorf("want the number of an article at %q", p.s[p.i:])
	}
	r.para, r.paraTo, _ = p.span(digit)
	for {
		from, to, ok := p.span(letter)
		if !ok {
			break
		}
		r.points = append(r.points, points{from, to})
		if r.para == "" || r.paraTo != "" {
			return r, errors.New("a point needs a single paragraph before it")
		}
		save := p.i
		if !p.eat(", ") || p.i >= len(p.s) || p.s[p.i] != '(' {
			p.i = save
			break
		}
	}
	if r.para != "" && r.paraTo == "" && len(r.points) == 0 {
		for n, o := range ordinals {
			if p.eat(", " + o + " subparagraph,") {
				r.sub = n + 1
				break
			}
		}
	}
	return r, nil
}

// In writes the citation in a language, in the form each official text
// uses, abbreviated as legal writing in that language abbreviates it:
//
//	en  Art. 30(1)(f) and 5(1)(e) GDPR        (as written)
//	nl  art. 30, lid 1, f), en art. 5, lid 1, e), AVG
//	fr  art. 30, § 1er, f), et art. 5, § 1er, e) RGPD
//	de  Art. 30 Abs. 1 lit. f und Art. 5 Abs. 1 lit. e DSGVO
//
// and for Regulation (EU) 2018/1725:
//
//	en  Art. 31(1) of Regulation (EU) 2018/1725   (as written)
//	nl  art. 31, lid 1, van Verordening (EU) 2018/1725
//	fr  art. 31, § 1er, du règlement (UE) 2018/1725
//	de  Art. 31 Abs. 1 der Verordnung (EU) 2018/1725
//
// Other sources after the semicolon are kept as written.
func (c Citation) In(l Lang) string {
	if l != Dutch && l != French && l != German {
		return c.text
	}
	w := citeWords[l]
	parts := make([]string, len(c.refs))
	for i, r := range c.refs {
		parts[i] = w.provision(r)
	}
	var b strings.Builder
	for i, s := range parts {
		switch {
		case i == 0:
		case i == len(parts)-1:
			b.WriteString(w.comma(w.commaBeforeAnd, c.refs[i-1]) + " " + w.and + " ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
	a := c.act.words(l)
	b.WriteString(w.comma(w.commaBeforeName || a.comma, c.refs[len(c.refs)-1]) + " " + a.of + a.name + c.extra)
	return b.String()
}

// String returns the citation as it was read.
func (c Citation) String() string { return c.text }

// citeLang holds the words of a language's citations.
type citeLang struct {
	art, recital, and string
	// para words paragraph n (and its range to m).
	para func(n, m string) string
	// point words a point or a range of points.
	point func(from, to string) string
	sub   func(n int) string
	// commas: whether parts are set off by commas (nl, fr) or spaces (de).
	commas bool
	// commaBeforeAnd, commaBeforeName: whether a comma closes a provision
	// with a paragraph or points before "and" and before the regulation's
	// name.
	commaBeforeAnd, commaBeforeName bool
}

func (w citeLang) provision(r provision) string {
	if r.recital != "" {
		return w.recital + " " + r.recital
	}
	s := w.art + " " + r.article
	join := " "
	if w.commas {
		join = ", "
	}
	if r.para != "" {
		s += join + w.para(r.para, r.paraTo)
	}
	if r.sub > 0 {
		s += join + w.sub(r.sub)
	}
	if len(r.points) > 0 {
		ps := make([]string, len(r.points))
		for i, p := range r.points {
			ps[i] = w.point(p.from, p.to)
		}
		if w.commas {
			s += join + strings.Join(ps, ", ")
		} else {
			s += " lit. " + strings.Join(ps, ", ")
		}
	}
	return s
}

// comma returns the comma that closes a provision with parts, where the
// language sets one.
func (w citeLang) comma(set bool, r provision) string {
	if set && (r.para != "" || len(r.points) > 0) {
		return ","
	}
	return ""
}

var citeWords = map[Lang]citeLang{
	Dutch: {art: "art.", recital: "overweging", and: "en", commas: true, commaBeforeAnd: true, commaBeforeName: true,
		para: func(n, m string) string {
			if m != "" {
				return "leden " + n + rangeWord(n, m, " en ", " tot en met ") + m
			}
			return "lid " + n
		},
		point: func(from, to string) string {
			if to != "" {
				return from + ") tot en met " + to + ")"
			}
			return from + ")"
		},
		sub: func(n int) string { return []string{"eerste", "tweede", "derde", "vierde", "vijfde"}[n-1] + " alinea" }},
	French: {art: "art.", recital: "considérant", and: "et", commas: true, commaBeforeAnd: true,
		para: func(n, m string) string {
			if m != "" {
				return "§§ " + frPara(n) + rangeWord(n, m, " et ", " à ") + frPara(m)
			}
			return "§ " + frPara(n)
		},
		point: func(from, to string) string {
			if to != "" {
				return from + ") à " + to + ")"
			}
			return from + ")"
		},
		sub: func(n int) string { return fmt.Sprintf("alinéa %d", n) }},
	German: {art: "Art.", recital: "Erwägungsgrund", and: "und",
		para: func(n, m string) string {
			if m != "" {
				return "Abs. " + n + rangeWord(n, m, " und ", " bis ") + m
			}
			return "Abs. " + n
		},
		point: func(from, to string) string {
			if to != "" {
				return from + " bis " + to
			}
			return from
		},
		sub: func(n int) string { return fmt.Sprintf("UAbs. %d", n) }},
}

// frPara writes a paragraph number as Belgian and French legal texts do:
// "1er" for the first.
func frPara(n string) string {
	if n == "1" {
		return "1er"
	}
	return n
}

// rangeWord joins two consecutive numbers with "and", others with "to".
func rangeWord(n, m, and, to string) string {
	var a, b int
	if _, err := fmt.Sscan(n, &a); err == nil {
		if _, err := fmt.Sscan(m, &b); err == nil && b == a+1 {
			return and
		}
	}
	return to
}

// Cite writes a citation of the GDPR, in the form the library writes it in
// English ("Art. 30(1)(f) GDPR"), in a language (see Citation.In). A text
// that is not in that form keeps its words, with the regulation's name in
// the language.
func Cite(ref string, l Lang) string {
	c, err := ParseCitation(ref)
	if err != nil {
		return strings.ReplaceAll(ref, "GDPR", Regulation(l))
	}
	return c.In(l)
}
