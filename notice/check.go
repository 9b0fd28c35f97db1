package notice

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// GapKind says what a published notice leaves out.
type GapKind string

// The kinds of gap.
const (
	GapPurpose   GapKind = "purpose"   // a purpose of an activity (Art. 13(1)(c))
	GapRecipient GapKind = "recipient" // a recipient or category of recipients (Art. 13(1)(e))
	GapCountry   GapKind = "country"   // the country or organisation of a transfer (Art. 13(1)(f))
	GapRetention GapKind = "retention" // a retention term (Art. 13(2)(a))
	GapRight     GapKind = "right"     // a right of the data subject (Art. 13(2)(b)-(d))
)

// Gap is something the register says that a published notice does not.
type Gap struct {
	Kind GapKind
	// What is the register's own words for it: the purpose, the recipient's
	// name, the country's code, the retention term in words in the
	// register's language, the right's name in the register's language.
	What string
	// Path is where in the register it first stands; Also are the other
	// places that say the same (a list shared by several activities).
	Path ropa.Path
	Also []ropa.Path
}

// Check reads a published privacy notice, as plain text or HTML, and lists
// what the register says that the notice does not, in the order of the
// register: each purpose, each recipient, each transfer's country or
// organisation, each retention term, and each right the bases of the
// purposes give (lawfulbasis.RightsFor) together with the right to
// complain to a supervisory authority (Art. 77). A thing several
// activities share (the same recipient under a YAML alias) is one gap,
// with every place it stands.
//
// How it decides. The notice is read as text: tags, scripts and styles are
// dropped, entities decoded. Words are compared in lower case without
// accents, by their first six letters, so that "cookies" finds "cookie" and
// "intrekking" finds "intrekken". A purpose or a recipient is found when at
// least three fifths of its key words (words of four letters or more that
// are not common function words of en, nl, fr or de) stand within a stretch
// of the notice four times as long as their number, and at least 30 words,
// in any order. A country is found by its name in any of the four
// languages (Unicode CLDR, as a run of words) or its ISO code in capitals
// as a word of its own. A retention period is found when each of its
// amounts stands as digits or as a word ("3", "drie", "trois") followed
// within two words by its unit in any of the four languages; a period in
// months is also found in years, one in days in weeks, where it divides. A
// term with no period is found as a purpose is, by the key words of its
// wording in the register's language, of its own text ("text") or of its
// criteria. A right is found by the words that name it in any of the four
// languages ("inzage", "accès", "Auskunft"), also inside a compound word
// ("gegevensoverdraagbaarheid"; portability also as "gegevensoverdracht",
// access as "raadplegen", withdrawal as "herroeping" or "in te trekken", as
// Belgian notices write them), within forty words of a word for a right
// ("recht", "right", "droit"); objection to direct marketing also needs a
// word for direct marketing somewhere in the notice. Check never fails: a notice it
// cannot read as HTML is read as text.
func Check(text string, reg *ropa.Register) []Gap {
	if reg == nil {
		return nil
	}
	n := readNotice(text)
	c := gapList{}
	rl := registerLang(reg)
	labels := eventLabels(reg)
	for i, a := range reg.Activities {
		ap := ropa.Root.Child("activities").Index(i)
		for j, p := range a.Purposes {
			if !n.hasWords(p.Description) {
				c.add(GapPurpose, p.Description, ap.Child("purposes").Index(j).Child("description"))
			}
		}
		for j, r := range a.Recipients {
			if !n.hasWords(r.Name) {
				c.add(GapRecipient, r.Name, ap.Child("recipients").Index(j).Child("name"))
			}
		}
		for j, t := range a.Transfers {
			tp := ap.Child("transfers").Index(j)
			switch {
			case t.Country != "":
				if !n.hasCountry(t.Country) {
					c.add(GapCountry, t.Country, tp.Child("country"))
				}
			case t.Organisation != "":
				if !n.hasWords(t.Organisation) {
					c.add(GapCountry, t.Organisation, tp.Child("organisation"))
				}
			}
		}
		for j, r := range a.Retention {
			if !n.hasTerm(r.Term, rl, labels) {
				c.add(GapRetention, r.Words(rl, labels), ap.Child("retention").Index(j))
			}
		}
	}
	for _, r := range neededRights(reg) {
		if !n.hasRight(r.right) {
			c.add(GapRight, r.right.Label(rl)+" ("+lang.Cite(r.right.Article(), rl)+")", r.path)
		}
	}
	if !n.hasAny(complaintWords) {
		c.add(GapRight, complaintLabel[index(rl)]+" ("+lang.Cite("Art. 77 GDPR", rl)+")", ropa.Root.Child("organisation"))
	}
	return c.gaps
}

// gapList gathers gaps, one per kind and wording.
type gapList struct {
	gaps []Gap
	at   map[string]int
}

func (c *gapList) add(k GapKind, what string, p ropa.Path) {
	key := string(k) + "\x00" + what
	if i, ok := c.at[key]; ok {
		c.gaps[i].Also = append(c.gaps[i].Also, p)
		return
	}
	if c.at == nil {
		c.at = map[string]int{}
	}
	c.at[key] = len(c.gaps)
	c.gaps = append(c.gaps, Gap{Kind: k, What: what, Path: p})
}

type neededRight struct {
	right lawfulbasis.Right
	path  ropa.Path
}

// neededRights returns the rights that apply, or apply with limits, to some
// purpose of the register, each with the first basis that gives it.
func neededRights(reg *ropa.Register) []neededRight {
	first := map[lawfulbasis.Right]ropa.Path{}
	for i, a := range reg.Activities {
		for j, p := range a.Purposes {
			for k, b := range p.Bases {
				for _, e := range lawfulbasis.RightsFor(b.Basis, p.DirectMarketing) {
					if _, ok := first[e.Right]; !ok && e.Availability != lawfulbasis.NotApplicable {
						first[e.Right] = ropa.Root.Child("activities").Index(i).Child("purposes").Index(j).Child("bases").Index(k)
					}
				}
			}
		}
	}
	var out []neededRight
	for _, r := range lawfulbasis.Rights() {
		if p, ok := first[r]; ok {
			out = append(out, neededRight{r, p})
		}
	}
	return out
}

// readNotice holds a notice as words: normalised, with their stems.
type noticeText struct {
	raw   string   // the text without tags
	words []string // normalised words, in order
	stems map[string][]int
}

func readNoticeText(text string) noticeText {
	n := noticeText{raw: text, stems: map[string][]int{}}
	n.words = normWords(text)
	for i, w := range n.words {
		s := stem(w)
		n.stems[s] = append(n.stems[s], i)
	}
	return n
}

// readNotice reads a notice as text, dropping the tags, scripts and styles
// of HTML and decoding its entities.
func readNotice(text string) noticeText {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(text))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return readNoticeText(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
			b.WriteByte(' ')
		case html.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
			b.WriteByte(' ')
		default:
			b.WriteByte(' ')
		}
	}
}

// normWords splits a text into words, lower case and without accents.
func normWords(s string) []string {
	var out []string
	var w []rune
	flush := func() {
		if len(w) > 0 {
			out = append(out, string(w))
			w = w[:0]
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = append(w, unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// stem is the first six letters of a normalised word.
func stem(w string) string {
	r := []rune(w)
	if len(r) > 6 {
		return string(r[:6])
	}
	return w
}

// stopWords are function words of en, nl, fr and de of four letters or
// more, which say nothing of a purpose (normalised).
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`this that with from your their they have will such which when where other these
	those into also only about under than them what more must been being were
	deze dit voor door naar onze onder over zijn wordt worden heeft hebben kunnen zoals waar wanneer indien alle andere
	bijvoorbeeld uw hun ons wij zich ook niet meer waarin waarbij daarvan hiervan hierbij welke zodat
	dans pour avec vous nous votre notre vos nos sont leur leurs etre cette mais comme plus aussi sans sous lors
	dont elle elles ils tous toutes tout afin
	eine einer eines einem einen oder sowie durch nicht auch wird werden ihre ihrer ihren unsere unserer unseren uber
	fur sind wenn dass diese dieser dieses einschließlich`) {
		stopWords[w] = true
	}
}

// keyStems returns the distinct stems of the key words of a text.
func keyStems(s string) []string {
	var keys []string
	for _, w := range normWords(s) {
		if len([]rune(w)) < 4 || stopWords[w] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		if k := stem(w); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// hasWords reports whether three fifths of the key words of s stand close
// together in the notice (see Check).
func (n noticeText) hasWords(s string) bool {
	keys := keyStems(s)
	if len(keys) == 0 {
		keys = nil
		for _, w := range normWords(s) {
			keys = append(keys, stem(w))
		}
		if len(keys) == 0 {
			return true // nothing to look for
		}
	}
	need := (3*len(keys) + 4) / 5
	window := max(30, 4*len(keys))
	type hit struct{ pos, key int }
	var hits []hit
	for k, key := range keys {
		for _, p := range n.stems[key] {
			hits = append(hits, hit{p, k})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	count := make([]int, len(keys))
	distinct, lo := 0, 0
	for _, h := range hits {
		if count[h.key] == 0 {
			distinct++
		}
		count[h.key]++
		for hits[lo].pos <= h.pos-window {
			count[hits[lo].key]--
			if count[hits[lo].key] == 0 {
				distinct--
			}
			lo++
		}
		if distinct >= need {
			return true
		}
	}
	return false
}

// hasCountry reports whether the notice names a country, by its name in one
// of the four languages or by its code.
func (n noticeText) hasCountry(code string) bool {
	if regexp.MustCompile(`\b` + regexp.QuoteMeta(strings.ToUpper(code)) + `\b`).MatchString(n.raw) {
		return true
	}
	region, err := language.ParseRegion(code)
	if err != nil {
		return false
	}
	for _, l := range lang.All() {
		name := normWords(display.Regions(language.Make(string(l))).Name(region))
		if len(name) > 0 && n.hasRun(name) {
			return true
		}
	}
	return false
}

// runAt reports whether one of the runs of words starts at position i.
func (n noticeText) runAt(i int, runs [][]string) bool {
	for _, run := range runs {
		if i+len(run) <= len(n.words) && slices.Equal(n.words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// hasRun reports whether the words stand one after the other in the notice.
func (n noticeText) hasRun(run []string) bool {
	for i := 0; i+len(run) <= len(n.words); i++ {
		if slices.Equal(n.words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// hasTerm reports whether the notice states a retention term (see Check).
func (n noticeText) hasTerm(t retention.Term, l lang.Lang, labels retention.WordOption) bool {
	if !t.Period.IsZero() {
		return n.hasPeriod(t.Period)
	}
	for _, s := range []string{t.Words(l, labels), t.Text, t.Criteria} {
		if s != "" && n.hasWords(s) {
			return true
		}
	}
	return false
}

// The units of a period, and the words for them in en, nl, fr and de
// (normalised).
const (
	unitYear = iota
	unitMonth
	unitWeek
	unitDay
	unitHour
	unitMinute
)

var unitWords = map[string]int{}

// numberWords are the amounts written as words in en, nl, fr and de
// (normalised).
var numberWords = map[string]int{}

func init() {
	for unit, ws := range []string{
		"year years yr yrs jaar jaren an ans annee annees jahr jahre jahren",
		"month months maand maanden mois monat monate monaten",
		"week weeks weken semaine semaines woche wochen",
		"day days dag dagen jour jours tag tage tagen",
		"hour hours uur uren heure heures stunde stunden",
		"minute minutes minuut minuten",
	} {
		for _, w := range strings.Fields(ws) {
			unitWords[w] = unit
		}
	}
	for v, ws := range []string{
		"", "one a an een un une ein eine einen einem einer", "two twee deux zwei", "three drie trois drei",
		"four vier quatre", "five vijf cinq funf", "six zes sechs", "seven zeven sept sieben", "eight acht huit",
		"nine negen neuf neun", "ten tien dix zehn", "eleven elf onze", "twelve twaalf douze zwolf",
	} {
		for _, w := range strings.Fields(ws) {
			numberWords[w] = v
		}
	}
	for w, v := range map[string]int{"fifteen": 15, "vijftien": 15, "quinze": 15, "funfzehn": 15, "twenty": 20,
		"twintig": 20, "vingt": 20, "zwanzig": 20, "thirty": 30, "dertig": 30, "trente": 30, "dreißig": 30} {
		numberWords[w] = v
	}
}

// hasPeriod reports whether each amount of a period stands in the notice
// with its unit; months may be written as years and days as weeks where
// they divide.
func (n noticeText) hasPeriod(p retention.Period) bool {
	type amount struct{ v, unit int }
	var want [][]amount // each part, with the ways to write it
	if months := p.Years*12 + p.Months; months > 0 {
		ways := []amount{{months, unitMonth}}
		if months%12 == 0 {
			ways = append(ways, amount{months / 12, unitYear})
		}
		want = append(want, ways)
	}
	if days := p.Weeks*7 + p.Days; days > 0 {
		ways := []amount{{days, unitDay}}
		if days%7 == 0 {
			ways = append(ways, amount{days / 7, unitWeek})
		}
		want = append(want, ways)
	}
	if p.Hours > 0 {
		want = append(want, []amount{{p.Hours, unitHour}})
	}
	if p.Minutes > 0 {
		want = append(want, []amount{{p.Minutes, unitMinute}})
	}
	found := map[amount]bool{}
	for i, w := range n.words {
		v, ok := numberWords[w]
		if x, err := strconv.Atoi(w); err == nil {
			v, ok = x, true
		}
		if !ok {
			continue
		}
		for j := i + 1; j <= i+2 && j < len(n.words); j++ {
			if u, ok := unitWords[n.words[j]]; ok {
				found[amount{v, u}] = true
				break
			}
		}
	}
	for _, ways := range want {
		if !slices.ContainsFunc(ways, func(a amount) bool { return found[a] }) {
			return false
		}
	}
	return len(want) > 0
}

// rightWords are the beginnings of the words that name each right in en,
// nl, fr and de (normalised).
var rightWords = map[lawfulbasis.Right][]string{
	lawfulbasis.Access:                   {"inzage", "inzien", "raadpleg", "access", "acces", "auskunft"},
	lawfulbasis.Rectification:            {"rectific", "verbeter", "berichtig", "correct", "corrig"},
	lawfulbasis.Erasure:                  {"wissing", "wissen", "verwijder", "erasure", "erase", "effac", "losch", "vergetel", "oubli", "forgotten"},
	lawfulbasis.Restriction:              {"beperk", "restrict", "limitation", "einschrank"},
	lawfulbasis.Portability:              {"overdraagb", "gegevensoverdracht", "portab", "ubertragbar"},
	lawfulbasis.Objection:                {"bezwaar", "verzet", "object", "opposition", "opposer", "widerspruch", "widersprech"},
	lawfulbasis.ObjectionDirectMarketing: {"bezwaar", "verzet", "object", "opposition", "opposer", "widerspruch", "widersprech"},
	lawfulbasis.WithdrawConsent:          {"intrek", "herroep", "withdraw", "retir", "widerruf"},
}

var marketingWords = []string{"marketing", "prospection", "werbung", "direktwerbung", "reclame"}

var complaintWords = []string{"klacht", "complain", "plainte", "reclamation", "beschwerde"}

// complaintLabel names the right to complain, in the order of lang.All.
var complaintLabel = [4]string{"Right to lodge a complaint with a supervisory authority",
	"Recht om een klacht in te dienen bij een toezichthoudende autoriteit",
	"Droit d'introduire une réclamation auprès d'une autorité de contrôle",
	"Recht auf Beschwerde bei einer Aufsichtsbehörde"}

// rightPhrases are runs of words that name a right where no one word does:
// the Dutch separable verb "(toestemming) in te trekken" (normalised).
var rightPhrases = map[lawfulbasis.Right][][]string{
	lawfulbasis.WithdrawConsent: {{"in", "te", "trekken"}},
}

func (n noticeText) hasRight(r lawfulbasis.Right) bool {
	found := false
	for i, w := range n.words {
		if (containsAny(w, rightWords[r]) || n.runAt(i, rightPhrases[r])) && n.near(i, rightNouns) {
			found = true
			break
		}
	}
	return found && (r != lawfulbasis.ObjectionDirectMarketing || n.hasAny(marketingWords))
}

// rightNouns are the beginnings of the words for a right (normalised).
var rightNouns = []string{"right", "recht", "droit"}

// near reports whether a word within forty words of position i starts with
// one of the beginnings.
func (n noticeText) near(i int, beginnings []string) bool {
	for j := max(0, i-40); j < min(len(n.words), i+41); j++ {
		for _, b := range beginnings {
			if strings.HasPrefix(n.words[j], b) {
				return true
			}
		}
	}
	return false
}

func containsAny(w string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}

// hasAny reports whether a word of the notice starts with one of the
// beginnings.
func (n noticeText) hasAny(beginnings []string) bool {
	for _, w := range n.words {
		for _, b := range beginnings {
			if strings.HasPrefix(w, b) {
				return true
			}
		}
	}
	return false
}
