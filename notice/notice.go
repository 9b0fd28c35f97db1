package notice

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// Format is the form a notice is written in.
type Format string

// The formats of a notice.
const (
	HTML     Format = "html"     // a whole HTML5 document
	Markdown Format = "markdown" // CommonMark with GitHub tables
)

// Formats lists the formats.
func Formats() []Format { return []Format{HTML, Markdown} }

// Valid reports whether f is one of the formats.
func (f Format) Valid() bool { return slices.Contains(Formats(), f) }

// String returns the format's name.
func (f Format) String() string { return string(f) }

// Option changes how [Write] writes a notice.
type Option func(*options)

type options struct {
	lang   lang.Lang
	format Format
	at     ropa.Date
}

// WithLang writes the notice in a language; the default is the register's
// language, and English where that is none of en, nl, fr and de.
func WithLang(l lang.Lang) Option { return func(o *options) { o.lang = l } }

// WithFormat writes the notice as HTML (the default) or Markdown.
func WithFormat(f Format) Option { return func(o *options) { o.format = f } }

// At is the date on which the supervisory authority of the organisation's
// country is looked up in the table of lawfulbasis; the default is the
// register's Updated date.
func At(d ropa.Date) Option { return func(o *options) { o.at = d } }

// Write writes the privacy notice of a register (Art. 13 GDPR, and the
// parts of Art. 14 where data do not come from the data subject) to w:
// the controller and its DPO with their contact details; a table of every
// purpose of every activity with its data, its legal basis (with the
// interest of a legitimate interest and the law of a legal obligation) and
// its retention term in words; the recipients by kind; the transfers
// outside the EEA with their ground and where to obtain a copy of the
// safeguards; the sources of data not obtained from the data subject;
// whether providing data is required and what follows if not; automated
// decisions; the rights the bases of the purposes give (lawfulbasis.RightsFor),
// the withdrawal of consent and objection to direct marketing; and the right
// to complain, with the supervisory authority of the organisation's country
// on the date of [At].
//
// Write writes what the register says and leaves out a section it says
// nothing for; it does not check the register (ropa.Check does) and never
// changes it. Every text of the register is written as given, escaped for
// the format. Write returns an error, and writes nothing, for a nil
// register, an unknown language or format, or no date to look the
// authority up.
func Write(w io.Writer, reg *ropa.Register, opts ...Option) error {
	if reg == nil {
		return errors.New("notice: no register")
	}
	o := options{lang: registerLang(reg), format: HTML, at: reg.Updated}
	for _, opt := range opts {
		opt(&o)
	}
	if !o.lang.Valid() {
		return fmt.Errorf("notice: unknown language %q (want one of en, nl, fr, de)", o.lang)
	}
	if !o.format.Valid() {
		return fmt.Errorf("notice: unknown format %q (want html or markdown)", o.format)
	}
	if o.at.IsZero() {
		return errors.New("notice: no date to look up the supervisory authority: pass notice.At or set the register's updated date")
	}
	d := build(reg, o.lang, o.at)
	var b strings.Builder
	var err error
	if o.format == Markdown {
		writeMarkdown(&b, d)
	} else {
		err = writeHTML(&b, d)
	}
	if err != nil {
		return fmt.Errorf("notice: %w", err)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// registerLang is the language of the register's free text, when it is one
// of the library's.
func registerLang(reg *ropa.Register) lang.Lang {
	base, _, _ := strings.Cut(strings.ToLower(reg.Language), "-")
	if l := lang.Lang(base); l.Valid() {
		return l
	}
	return lang.English
}

// document is a notice before it is written in a format.
type document struct {
	Lang     string
	Title    string
	Intro    string
	Sections []section
}

type section struct {
	ID     string
	Title  string
	Blocks []block
}

// block is one of a heading, a paragraph, a list or a table.
type block struct {
	Heading string
	Text    string
	Items   []item
	Table   *table
}

// item is a list entry: a label in bold, a text, and a link the text goes to.
type item struct {
	Label string
	Text  string
	Link  string
}

type table struct {
	Head []string
	Rows [][]cell
}

// cell is a table cell: a title in bold and lines.
type cell struct {
	Strong string
	Lines  []string
}

// builder holds what the sections of one notice share.
type builder struct {
	reg    *ropa.Register
	l      lang.Lang
	at     ropa.Date
	labels retention.WordOption
}

func build(reg *ropa.Register, l lang.Lang, at ropa.Date) document {
	b := builder{reg: reg, l: l, at: at, labels: eventLabels(reg)}
	d := document{Lang: string(l), Title: word("title", l) + " " + reg.Organisation.Name,
		Intro: fmt.Sprintf(word("intro", l), reg.Organisation.Name)}
	for _, s := range []section{b.controller(), b.purposes(), b.recipients(), b.transfers(), b.sources(),
		b.requirements(), b.automated(), b.rights(), b.complaint()} {
		if len(s.Blocks) > 0 {
			d.Sections = append(d.Sections, s)
		}
	}
	return d
}

// eventLabels gives the labels of the register's named events, in the
// register's language whatever the notice's: a label is quoted as the
// register writes it rather than replaced by an id.
func eventLabels(reg *ropa.Register) retention.WordOption {
	return retention.EventLabels(func(e retention.Event, _ lang.Lang) (string, bool) {
		for _, n := range reg.Events {
			if n.ID == e && n.Label != "" {
				return n.Label, true
			}
		}
		return "", false
	})
}

func (b builder) w(key string) string { return word(key, b.l) }

func (b builder) controller() section {
	s := section{ID: "controller", Title: b.w("controller")}
	org := b.reg.Organisation
	s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("controller.text"), org.Name)},
		block{Items: b.party(org)})
	if len(b.reg.Entities) > 0 {
		s.Blocks = append(s.Blocks, block{Text: b.w("entities")})
		for _, e := range b.reg.Entities {
			s.Blocks = append(s.Blocks, block{Heading: e.Name, Items: b.party(e)})
		}
	}
	if dpo := b.reg.DPO; dpo != nil {
		s.Blocks = append(s.Blocks, block{Heading: b.w("dpo"), Text: b.w("dpo.text")}, block{Items: b.contact(*dpo)})
	}
	return s
}

func (b builder) party(p ropa.Party) []item {
	var items []item
	if r := p.Registration; r != nil {
		items = append(items, item{Label: b.w("registration"), Text: r.Scheme + " " + r.ID})
	}
	items = append(items, b.addressItem("address", p.Address)...)
	items = append(items, b.addressItem("postal", p.PostalAddress)...)
	items = append(items, b.reach(p.Email, p.Phone)...)
	if p.Website != "" {
		items = append(items, item{Label: b.w("website"), Text: p.Website, Link: p.Website})
	}
	return items
}

func (b builder) contact(c ropa.Contact) []item {
	var items []item
	if c.Name != "" {
		items = append(items, item{Text: c.Name})
	}
	items = append(items, b.reach(c.Email, c.Phone)...)
	return append(items, b.addressItem("address", c.Address)...)
}

func (b builder) reach(email, phone string) []item {
	var items []item
	if email != "" {
		items = append(items, item{Label: b.w("email"), Text: email, Link: "mailto:" + email})
	}
	if phone != "" {
		items = append(items, item{Label: b.w("phone"), Text: phone})
	}
	return items
}

func (b builder) addressItem(key string, a *ropa.Address) []item {
	if a == nil {
		return nil
	}
	city := strings.TrimSpace(a.PostalCode + " " + a.City)
	parts := slices.DeleteFunc([]string{a.Street, city, countryName(a.Country, b.l)}, func(s string) bool { return s == "" })
	if len(parts) == 0 {
		return nil
	}
	return []item{{Label: b.w(key), Text: strings.Join(parts, ", ")}}
}

// countryName returns the name of a country in a language from the Unicode
// CLDR data of golang.org/x/text, or the code as written where it has none.
func countryName(code string, l lang.Lang) string {
	if code == "" {
		return ""
	}
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := display.Regions(language.Make(string(l))).Name(region); name != "" && name != region.String() {
		return name
	}
	return code
}

// contactPoint is where a data subject writes to: the DPO's address, else
// the organisation's.
func (b builder) contactPoint() string {
	if d := b.reg.DPO; d != nil && d.Email != "" {
		return d.Email
	}
	org := b.reg.Organisation
	for _, s := range []string{org.Email, org.Website, org.Phone} {
		if s != "" {
			return s
		}
	}
	if items := b.addressItem("address", org.Address); len(items) > 0 {
		return items[0].Text
	}
	return org.Name
}

func (b builder) purposes() section {
	s := section{ID: "purposes", Title: b.w("purposes")}
	t := &table{Head: []string{b.w("col.purpose"), b.w("col.data"), b.w("col.basis"), b.w("col.retention")}}
	for _, a := range b.reg.Activities {
		for _, p := range a.Purposes {
			data := purposeData(a, p)
			t.Rows = append(t.Rows, []cell{
				{Strong: a.Name, Lines: []string{p.Description}},
				{Lines: b.dataLines(data)},
				{Lines: b.basisLines(p)},
				{Lines: b.retentionLines(a, data)},
			})
		}
	}
	if len(t.Rows) > 0 {
		s.Blocks = append(s.Blocks, block{Table: t})
	}
	return s
}

// purposeData returns the data categories a purpose uses: those it names,
// or all of the activity's.
func purposeData(a ropa.Activity, p ropa.Purpose) []ropa.DataCategory {
	if len(p.Data) == 0 {
		return a.DataCategories
	}
	var out []ropa.DataCategory
	for _, c := range a.DataCategories {
		if slices.Contains(p.Data, c.ID) {
			out = append(out, c)
		}
	}
	return out
}

func (b builder) dataLines(data []ropa.DataCategory) []string {
	var lines []string
	for _, c := range data {
		line := c.Description
		var marks []string
		for _, sp := range c.Special {
			marks = append(marks, sp.Label(b.l))
		}
		if len(marks) > 0 {
			line += " (" + strings.Join(marks, ", ") + ")"
		}
		lines = append(lines, line)
	}
	return lines
}

func (b builder) basisLines(p ropa.Purpose) []string {
	var lines []string
	for _, bs := range p.Bases {
		interest := ""
		if bs.Interest != "" {
			interest = fmt.Sprintf(b.w("interest"), bs.Interest)
		}
		lines = b.ground(lines, bs.Basis.Label(b.l), bs.Basis.Article(), bs.Law, interest, bs.Note)
	}
	for _, c := range p.Conditions {
		lines = b.ground(lines, c.Condition.Label(b.l), c.Condition.Article(), c.Law, c.Note)
	}
	if len(lines) == 0 {
		lines = []string{b.w("not-stated")}
	}
	return lines
}

// ground appends the lines of a basis or condition: its name, article and
// law, then each of the further lines that is given.
func (b builder) ground(lines []string, label, article, law string, more ...string) []string {
	line := label + " (" + lang.Cite(article, b.l) + ")"
	if law != "" {
		line += ", " + fmt.Sprintf(b.w("under"), law)
	}
	lines = append(lines, line)
	for _, m := range more {
		if m != "" {
			lines = append(lines, m)
		}
	}
	return lines
}

// retentionLines words the retention terms that hold for the data of a
// purpose; a term for only some of them names those it holds for. A term's
// own text (the words the register quotes for it) follows its wording, as
// written, where it says more than the wording: an exception, a reason.
func (b builder) retentionLines(a ropa.Activity, data []ropa.DataCategory) []string {
	var lines []string
	for _, r := range a.Retention {
		var named []string
		covers := true
		for _, c := range data {
			if len(r.Data) == 0 || slices.Contains(r.Data, c.ID) {
				named = append(named, c.Description)
			} else {
				covers = false
			}
		}
		if len(named) == 0 {
			continue
		}
		line := r.Words(b.l, wordingOf(&a, b.labels)...)
		if len(r.Subjects) > 0 {
			var who []string
			for _, s := range a.DataSubjects {
				if slices.Contains(r.Subjects, s.ID) {
					who = append(who, s.Description)
				}
			}
			line = strings.Join(who, "; ") + ": " + line
		}
		if !covers {
			line = strings.Join(named, "; ") + ": " + line
		}
		lines = append(lines, line)
		if saysMore(r.Text, line) {
			lines = append(lines, r.Text)
		}
	}
	if len(lines) == 0 {
		lines = []string{b.w("not-stated")}
	}
	return lines
}

// saysMore reports whether text has a key word (see Check) that the wording
// does not.
func saysMore(text, wording string) bool {
	have := keyStems(wording)
	for _, k := range keyStems(text) {
		if !slices.Contains(have, k) {
			return true
		}
	}
	return false
}

func (b builder) recipients() section {
	s := section{ID: "recipients", Title: b.w("recipients")}
	byKind := map[ropa.RecipientKind][]item{}
	seen := map[[4]string]bool{}
	for _, a := range b.reg.Activities {
		for _, r := range a.Recipients {
			key := [4]string{r.Name, string(r.Kind), r.Country, r.Description}
			if seen[key] {
				continue
			}
			seen[key] = true
			label := r.Name
			if r.Country != "" {
				label += " (" + countryName(r.Country, b.l) + ")"
			}
			kind := r.Kind
			if kind == "" {
				kind = ropa.OtherRecipient
			}
			byKind[kind] = append(byKind[kind], item{Label: label, Text: r.Description})
		}
	}
	for _, k := range ropa.RecipientKinds() {
		if items := byKind[k]; len(items) > 0 {
			s.Blocks = append(s.Blocks, block{Heading: b.w("recipients." + string(k)), Items: items})
		}
	}
	return s
}

func (b builder) transfers() section {
	s := section{ID: "transfers", Title: b.w("transfers")}
	var items []item
	seen := map[string]bool{}
	copyable := false
	for _, a := range b.reg.Activities {
		for _, t := range a.Transfers {
			it := b.transferItem(t)
			if key := it.Label + "\x00" + it.Text; !seen[key] {
				seen[key] = true
				items = append(items, it)
			}
			copyable = copyable || t.Mechanism.Safeguard()
		}
	}
	if len(items) == 0 {
		return s
	}
	s.Blocks = append(s.Blocks, block{Text: b.w("transfers.text")}, block{Items: items})
	if copyable {
		s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("copy"), b.contactPoint())})
	}
	return s
}

func (b builder) transferItem(t ropa.Transfer) item {
	label := strings.Join(slices.DeleteFunc([]string{countryName(t.Country, b.l), t.Organisation},
		func(s string) bool { return s == "" }), ", ")
	if label == "" {
		label = b.w("country-not-stated")
	}
	var parts []string
	if t.Recipient != "" {
		parts = append(parts, fmt.Sprintf(b.w("recipient"), t.Recipient))
	}
	if t.Mechanism != "" {
		parts = append(parts, t.Mechanism.Label(b.l)+" ("+lang.Cite(t.Mechanism.Article(), b.l)+")")
	}
	if t.Derogation != "" {
		parts = append(parts, t.Derogation.Label(b.l)+" ("+lang.Cite(t.Derogation.Article(), b.l)+")")
	}
	for _, s := range []string{t.Reference, t.Safeguards, t.Note} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return item{Label: label, Text: strings.Join(parts, "; ")}
}

func (b builder) sources() section {
	s := section{ID: "sources", Title: b.w("sources")}
	items := b.categoryItems(func(c ropa.DataCategory) string {
		var from []string
		for _, src := range c.Sources {
			if src == ropa.FromThirdParty || src == ropa.FromPublic || src == ropa.FromAuthority {
				from = append(from, b.w("source."+string(src)))
			}
		}
		if len(from) == 0 {
			return ""
		}
		text := fmt.Sprintf(b.w("source"), strings.Join(from, ", "))
		if c.SourceNote != "" {
			text += " (" + c.SourceNote + ")"
		}
		return text
	})
	if len(items) > 0 {
		s.Blocks = append(s.Blocks, block{Text: b.w("sources.text")}, block{Items: items})
	}
	return s
}

func (b builder) requirements() section {
	s := section{ID: "requirement", Title: b.w("requirement")}
	items := b.categoryItems(func(c ropa.DataCategory) string {
		if c.Requirement == "" {
			return ""
		}
		text := b.w("requirement." + string(c.Requirement))
		if c.RequirementNote != "" {
			text += ". " + fmt.Sprintf(b.w("if-not"), c.RequirementNote)
		}
		return text
	})
	if len(items) > 0 {
		s.Blocks = append(s.Blocks, block{Items: items})
	}
	return s
}

// categoryItems lists the data categories of every activity, each with the
// text that textOf gives it, leaving out those it gives none and those
// already listed with the same description and text (a category several
// activities share).
func (b builder) categoryItems(textOf func(ropa.DataCategory) string) []item {
	var items []item
	seen := map[string]bool{}
	for _, a := range b.reg.Activities {
		for _, c := range a.DataCategories {
			text := textOf(c)
			if text == "" {
				continue
			}
			if key := c.Description + "\x00" + text; !seen[key] {
				seen[key] = true
				items = append(items, item{Label: c.Description, Text: text})
			}
		}
	}
	return items
}

func (b builder) automated() section {
	s := section{ID: "automated", Title: b.w("automated")}
	allNo := len(b.reg.Activities) > 0
	for _, a := range b.reg.Activities {
		if a.AutomatedDecisions == nil || !*a.AutomatedDecisions {
			allNo = allNo && a.AutomatedDecisions != nil
			continue
		}
		allNo = false
		s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("automated.yes"), a.Name, lang.Cite("Art. 22 GDPR", b.l))})
		g := a.DecisionGrounds
		if g == nil {
			continue
		}
		var items []item
		if g.Exception.Valid() {
			text := fmt.Sprintf(b.w("ground"), b.w("exception."+string(g.Exception)), lang.Cite(g.Exception.Article(), b.l))
			if g.Law != "" {
				text += " " + fmt.Sprintf(b.w("under"), g.Law)
			}
			items = append(items, item{Text: text})
		}
		if g.Safeguards != "" {
			items = append(items, item{Text: fmt.Sprintf(b.w("safeguards"), g.Safeguards)})
		}
		if g.Exception == ropa.DecisionContract || g.Exception == ropa.DecisionExplicitConsent {
			items = append(items, item{Text: b.w("human")})
		}
		if len(items) > 0 {
			s.Blocks = append(s.Blocks, block{Items: items})
		}
	}
	if allNo {
		s.Blocks = append(s.Blocks, block{Text: b.w("automated.none")})
	}
	return s
}

// usedBases returns the bases the register's purposes rest on, in the order
// of lawfulbasis.Bases, and whether a purpose is direct marketing.
func usedBases(reg *ropa.Register) (bases []lawfulbasis.Basis, marketing bool) {
	used := map[lawfulbasis.Basis]bool{}
	for _, a := range reg.Activities {
		for _, p := range a.Purposes {
			marketing = marketing || p.DirectMarketing
			for _, bs := range p.Bases {
				used[bs.Basis] = true
			}
		}
	}
	for _, bs := range lawfulbasis.Bases() {
		if used[bs] {
			bases = append(bases, bs)
		}
	}
	return bases, marketing
}

func (b builder) rights() section {
	s := section{ID: "rights", Title: b.w("rights")}
	bases, marketing := usedBases(b.reg)
	if len(bases) > 0 {
		t := &table{Head: []string{b.w("col.basis")}}
		for _, r := range lawfulbasis.Rights() {
			if r != lawfulbasis.ObjectionDirectMarketing {
				t.Head = append(t.Head, r.Label(b.l)+" ("+lang.Cite(r.Article(), b.l)+")")
			}
		}
		for _, bs := range bases {
			row := []cell{{Strong: bs.Label(b.l)}}
			for _, e := range lawfulbasis.RightsFor(bs, false) {
				row = append(row, cell{Lines: []string{e.Availability.Label(b.l)}})
			}
			t.Rows = append(t.Rows, row)
		}
		s.Blocks = append(s.Blocks, block{Text: b.w("rights.text")}, block{Table: t})
		if slices.Contains(bases, lawfulbasis.Consent) {
			s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("withdraw"), lang.Cite(lawfulbasis.WithdrawConsent.Article(), b.l))})
		}
	}
	if marketing {
		s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("marketing"), lang.Cite(lawfulbasis.ObjectionDirectMarketing.Article(), b.l))})
	}
	if len(s.Blocks) > 0 {
		s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("rights.exercise"), b.contactPoint())})
	}
	return s
}

func (b builder) complaint() section {
	s := section{ID: "complaint", Title: b.w("complaint")}
	s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("complaint.text"), lang.Cite("Art. 77 GDPR", b.l))})
	var country string
	if a := b.reg.Organisation.Address; a != nil {
		country = a.Country
	}
	auth, ok := lawfulbasis.SupervisoryAuthorityOf(country, b.at.Time())
	if country == "" || !ok {
		return s
	}
	name := authorityName(auth, b.l)
	s.Blocks = append(s.Blocks, block{Text: fmt.Sprintf(b.w("authority"), countryName(auth.Country, b.l))})
	items := []item{{Label: name.Name}}
	if name.Address != "" {
		items = append(items, item{Label: b.w("address"), Text: name.Address})
	}
	if name.Website != "" {
		items = append(items, item{Label: b.w("website"), Text: name.Website, Link: name.Website})
	}
	s.Blocks = append(s.Blocks, block{Items: items})
	if auth.Competence != "" {
		text := b.w("competence") // the table words the competence in English only
		if b.l == lang.English {
			text = fmt.Sprintf(text, auth.Competence)
		}
		s.Blocks = append(s.Blocks, block{Text: text})
	}
	return s
}

// authorityName chooses the authority's name in the notice's language: its
// own name in that language, its English name in an English notice, else
// its name in the country's first language.
func authorityName(a lawfulbasis.SupervisoryAuthority, l lang.Lang) lawfulbasis.AuthorityName {
	for _, n := range a.Local {
		if n.Lang == string(l) {
			return n
		}
	}
	if l == lang.English && a.English.Name != "" {
		return a.English
	}
	if len(a.Local) > 0 {
		return a.Local[0]
	}
	return a.English
}

// wordingOf returns the options that word an activity's retention terms:
// labels, and the end of a membership for the relationship of an activity
// whose data subjects include members of an association.
func wordingOf(a *ropa.Activity, labels retention.WordOption) []retention.WordOption {
	for _, s := range a.DataSubjects {
		if s.Kind == ropa.Member {
			return []retention.WordOption{labels, retention.Membership()}
		}
	}
	return []retention.WordOption{labels}
}
