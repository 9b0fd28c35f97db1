package retention

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads the retention terms in a line of a privacy notice or register,
// in English, Dutch, French or German, such as "tot 3 jaar na moment van
// contactname", "1 maand, tenzij in geval van incidenten met oog op
// onderzoek", "until consent is withdrawn" or "1 jaar 27 dagen".
//
// A line may hold several terms ("10 jaar voor persoonlijke vorderingen en 30
// jaar voor zakelijke vorderingen"; sentences): each becomes one Term, whose
// Text is the clause it was read from. Terms listed each after its label
// ("Persoonsregistratie: 110 jaar, correspondentie 1 jaar") carry the label
// as their Case. A clause before the period that says when it starts ("once
// your account is closed, …", "zodra …", "une fois …", "sobald …") gives
// From. A period with no named event keeps its start implicit (From is
// empty), as the text does. Parse never guesses: words that open an event
// and name none are an error that quotes them and suggests the id of a named
// event, and a line that names no period, no ending event, no law and no
// criteria is an error that says so.
func Parse(text string) ([]Term, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("retention: text is not valid UTF-8")
	}
	clauses := splitClauses(text)
	if len(clauses) == 0 {
		return nil, fmt.Errorf("retention: empty text; nothing to read")
	}
	var terms []Term
	for _, c := range clauses {
		for _, seg := range splitTerms(c) {
			t, err := parseClause(seg.text, seg.listed)
			if err != nil {
				return nil, err
			}
			terms = append(terms, t)
		}
	}
	return terms, nil
}

var abbreviations = strings.NewReplacer(
	"bv.", "bv", "Bv.", "Bv", "e.g.", "eg", "i.e.", "ie", "z.B.", "zB", "p.ex.", "pex", "bijv.", "bijv", "o.m.", "om", "art.", "art", "Art.", "Art",
)

var clauseSep = regexp.MustCompile(`(?:\.\s+|\.$|[\n;]+)`)

func splitClauses(text string) []string {
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = abbreviations.Replace(text)
	var out []string
	for _, c := range clauseSep.Split(text, -1) {
		c = strings.TrimSpace(strings.Trim(strings.TrimSpace(c), ".,;:-–•"))
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Unit words, lower case, by unit index: years, months, weeks, days, hours, minutes.
var unitNames = [6][]string{
	{"jaren", "jaar", "years", "year", "années", "année", "ans", "an", "jahren", "jahre", "jahr"},
	{"maanden", "maand", "months", "month", "mois", "monaten", "monate", "monat"},
	{"weken", "week", "weeks", "semaines", "semaine", "wochen", "woche"},
	{"dagen", "dag", "days", "day", "jours", "jour", "tagen", "tage", "tag"},
	{"uren", "uur", "hours", "hour", "heures", "heure", "stunden", "stunde"},
	{"minuten", "minuut", "minutes", "minute", "min"},
}

var numberWords = map[string]int{
	"een": 1, "één": 1, "one": 1, "a": 1, "un": 1, "une": 1, "ein": 1, "eine": 1, "einen": 1, "einem": 1,
	"twee": 2, "two": 2, "deux": 2, "zwei": 2, "drie": 3, "three": 3, "trois": 3, "drei": 3,
}

var (
	unitOf    = map[string]int{}
	conjRe    = regexp.MustCompile(`^\s*(?:,|en|and|et|und)?\s*$`)
	caseRe    = regexp.MustCompile(`^\s*(?:voor|for|pour|für)\s+(.+)$`)
	caseStops = []string{" gelet op ", " given ", " compte tenu ", " wegen ", " in het kader ", ","}
)

func init() {
	for i, names := range unitNames {
		for _, n := range names {
			unitOf[n] = i
		}
	}
}

// amount is one number-and-unit found in a clause, at byte offsets [start, end).
type amount struct {
	n, unit    int
	start, end int
}

// token is a maximal run of letters or of digits, at byte offsets [start, end).
type token struct {
	text       string
	start, end int
	digits     bool
}

func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		isDigit, isLetter := r >= '0' && r <= '9', unicode.IsLetter(r)
		if !isDigit && !isLetter {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if (r2 >= '0' && r2 <= '9') != isDigit || !isDigit && !unicode.IsLetter(r2) {
				break
			}
			j += size2
		}
		out = append(out, token{s[i:j], i, j, isDigit})
		i = j
	}
	return out
}

// findAmounts finds every number followed by a unit of time: "3 jaar",
// "7dagen", "één maand". A number word needs a space before its unit, so
// that "aan een" is not read as "a" and "an".
func findAmounts(s string) []amount {
	toks := tokenize(s)
	var out []amount
	for i := 0; i+1 < len(toks); i++ {
		num, unit := toks[i], toks[i+1]
		if unit.digits {
			continue
		}
		u, ok := unitOf[strings.ToLower(unit.text)]
		if !ok {
			continue
		}
		gap := s[num.end:unit.start]
		if strings.TrimSpace(gap) != "" {
			continue
		}
		n := -1
		switch {
		case num.digits:
			if v, err := strconv.Atoi(num.text); err == nil && v <= maxUnit {
				n = v
			}
		case gap != "":
			v, isWord := numberWords[strings.ToLower(num.text)]
			if !isWord {
				continue
			}
			n = v
		default:
			continue
		}
		if i > 0 && toks[i-1].end == num.start {
			continue // a number glued to a word or another number
		}
		out = append(out, amount{n: n, unit: u, start: num.start, end: unit.end})
		i++
	}
	return out
}

// groups joins amounts that stand next to each other ("1 jaar 27 dagen",
// "1 year and 27 days") into one period each.
func groups(s string, as []amount) [][]amount {
	var out [][]amount
	for i, a := range as {
		if i > 0 && conjRe.MatchString(s[as[i-1].end:a.start]) {
			out[len(out)-1] = append(out[len(out)-1], a)
			continue
		}
		out = append(out, []amount{a})
	}
	return out
}

// piece is one term's part of a clause. Listed is true where the clause
// lists its terms each after its label ("Persoonsregistratie: 110 jaar,
// correspondentie 1 jaar"), so that the words before a piece's period are
// its case.
type piece struct {
	text   string
	listed bool
}

// splitTerms cuts a clause that states several periods for different cases
// into one piece per period. A piece ends where the next begins: at the
// comma before the next period's label where there is one ("…, correspondentie
// 1 jaar"), else at the next period. The periods of an exception ("tenzij",
// "unless") belong to the exception and cut nothing.
func splitTerms(c string) []piece {
	body := c
	if i, _ := containsAny(lowerSameLen(c), unlessWords); i >= 0 {
		body = c[:i]
	}
	gs := groups(body, findAmounts(body))
	if len(gs) < 2 {
		return []piece{{text: c}}
	}
	var texts []string
	listed := false
	start := 0
	for k, g := range gs[1:] {
		prevEnd, cut := gs[k][len(gs[k])-1].end, g[0].start
		if i := strings.LastIndex(c[prevEnd:cut], ","); i >= 0 && strings.TrimSpace(c[prevEnd+i+1:cut]) != "" {
			cut, listed = prevEnd+i+1, true
		}
		text := strings.TrimSpace(c[start:cut])
		for _, conj := range []string{" en", " and", " et", " und", ",", " of", " or", " ou", " oder"} {
			text = strings.TrimSpace(strings.TrimSuffix(text, conj))
		}
		texts = append(texts, text)
		start = cut
	}
	texts = append(texts, strings.TrimSpace(c[start:]))
	out := make([]piece, len(texts))
	for i, text := range texts {
		out[i] = piece{text: text, listed: listed}
	}
	return out
}

// qualifiers stand between a listed term's label and its period ("klanten
// minstens 5 jaar") and are not part of the label.
var qualifiers = append([]string{"tot", "until", "up to", "bis", "bis zu", "jusqu", "maximaal", "maximum", "max", "hoogstens", "at most", "au plus", "höchstens"}, atLeastWords...)

// leadingLabel returns the label that a term's words before its period and
// its qualifiers ("tot", "minstens") give it: the words before a colon
// ("Persoonsregistratie: tot 110 jaar"), or, in a listed clause, the words
// before the period. Words that open with a starting event ("na", "once")
// are no label.
func leadingLabel(c, main string, periodAt int, listed bool) (string, bool) {
	lead := strings.TrimRightFunc(main[:periodAt], unicode.IsSpace)
	toks := tokenize(lead)
	if len(toks) == 0 {
		return "", false
	}
	first := strings.ToLower(toks[0].text)
	if startWords[first] || leadWords[first] || len(toks) > 1 && startPairs[[2]string{first, strings.ToLower(toks[1].text)}] {
		return "", false
	}
	end := len(lead)
	for _, tk := range toks {
		if wordAt(lead, tk.start, qualifiers) {
			end = tk.start
			break
		}
	}
	head := strings.TrimRightFunc(lead[:end], unicode.IsSpace)
	if !listed && !strings.HasSuffix(head, ":") {
		return "", false
	}
	label := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(c[:len(head)]), ":-–"))
	return label, label != ""
}

// wordAt reports whether one of words starts s at byte offset at and ends
// at the end of s or before a rune that is not a letter.
func wordAt(s string, at int, words []string) bool {
	for _, w := range words {
		if !strings.HasPrefix(s[at:], w) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[at+len(w):]); at+len(w) == len(s) || !unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

type phrase struct {
	words []string
	event Event
}

// eventPhraseTable maps what people write to events, most specific first.
var eventPhraseTable = []phrase{
	{[]string{"intrekken van uw toestemming", "intrekking van de toestemming", "intrekking van uw toestemming", "toestemming intrekt", "withdraw", "withdrawal of consent", "retrait du consentement", "retirez votre consentement", "retrait de votre consentement", "widerruf"}, ConsentWithdrawn},
	{[]string{"bezwaar", "objection", "object to", "opposition", "widerspruch"}, Objection},
	{[]string{"contactname", "laatste contact", "last contact", "dernier contact", "letzten kontakt", "letzter kontakt"}, LastContact},
	{[]string{"einde van de overeenkomst", "einde van het contract", "beëindiging van de overeenkomst", "contractuele relatie",
		"einde contract", "einde overeenkomst", "einde van contract", "einde van overeenkomst", "beëindiging contract", "beëindiging overeenkomst",
		"fin de contrat", "ende des vertrages", "beendigung des vertrages", "vertragsbeendigung", "end of the contract", "end of the agreement", "termination of the contract", "termination of the agreement", "fin du contrat", "relation contractuelle", "vertragsende", "ende des vertrags", "beendigung des vertrags",
		"end of your contract", "einde van uw contract", "einde van uw overeenkomst", "fin de votre contrat", "ende ihres vertrages", "ende ihres vertrags"}, ContractEnd},
	{[]string{"einde van de relatie", "einde van onze relatie", "einde van de samenwerking", "end of the relationship", "end of our relationship", "fin de la relation", "ende der geschäftsbeziehung",
		// the end of a membership is the end of the member's relationship
		"einde van het lidmaatschap", "einde van uw lidmaatschap", "einde lidmaatschap", "beëindiging van het lidmaatschap", "beëindiging van uw lidmaatschap", "beëindiging lidmaatschap", "opzegging van het lidmaatschap", "uittreding",
		"end of membership", "end of the membership", "end of your membership", "termination of membership", "termination of the membership", "termination of your membership", "membership ends", "membership has ended",
		"fin de l'adhésion", "fin de l’adhésion", "fin de votre adhésion", "fin d'adhésion", "fin d’adhésion", "fin de l'affiliation", "fin de l’affiliation",
		"austritt", "ende der mitgliedschaft", "ende ihrer mitgliedschaft", "beendigung der mitgliedschaft", "beendigung ihrer mitgliedschaft", "ablauf der mitgliedschaft", "ablauf ihrer mitgliedschaft"}, RelationshipEnd},
	{[]string{"afsluiten van de account", "afsluiten van uw account", "account is closed", "account closure", "closure of the account", "closing of the account", "clôture du compte", "schließung des kontos"}, AccountClosure},
	{[]string{"sessie", "session", "sitzung"}, SessionEnd},
	{[]string{"sollicitatieprocedure", "sollicitatie", "application procedure", "recruitment procedure", "procédure de candidature", "recrutement", "bewerbungsverfahren"}, ApplicationClosed},
	{[]string{"incident", "vorfall", "onderzoek", "investigation", "enquête", "untersuchung"}, IncidentClosed},
	{[]string{"verzamel", "collection", "collecte", "erhebung"}, Collection},
}

var (
	atLeastWords  = []string{"minstens", "ten minste", "tenminste", "at least", "minimum", "au moins", "mindestens"}
	unlessWords   = []string{"tenzij", "unless", "à moins", "sauf", "außer", "es sei denn"}
	criteriaWords = []string{"op basis van", "aan de hand van", "criteria", "criteri", "based on", "on the basis of", "determined", "déterminé", "bestimmt", "kriterien", "zo lang als nodig", "zolang als nodig", "zo lang als noodzakelijk", "dan nodig", "dan noodzakelijk", "redelijke termijn", "as long as necessary", "than necessary", "than is necessary", "reasonable period", "aussi longtemps que nécessaire", "que nécessaire", "délai raisonnable", "so lange wie nötig", "solange erforderlich", "als nötig", "als erforderlich", "angemessene frist"}
	// yearEndWords count a period from the end of the calendar year.
	yearEndWords = []string{"einde van het kalenderjaar", "einde van het jaar", "afloop van het kalenderjaar", "afloop van het jaar", "1 januari volgend", "1 januari van het volgende", "1 januari van het jaar", "eerste januari van het jaar",
		"end of the calendar year", "end of the year", "1 january of the following year", "1 january following", "1 january of the year following",
		"fin de l'année", "fin de l’année", "1er janvier de l'année suivante", "1er janvier de l’année suivante", "1er janvier suivant", "premier janvier de l'année suivante", "premier janvier de l’année suivante",
		"ende des kalenderjahr", "ende des jahres", "schluss des kalenderjahr", "ablauf des kalenderjahr", "1. januar des folgejahres", "1. januar des folgenden jahres"}
	lawWords = []string{"wet- en regelgeving", "wettelijk", "wettelijke", "by law", "required by law", "statutory", "applicable law", "legal obligation", "la loi", "légal", "obligation légale", "gesetzlich", "rechtliche verpflichtung"}
)

// disposalPhraseTable maps what people write to what happens at the end.
var disposalPhraseTable = []struct {
	words []string
	d     Disposal
}{
	{[]string{"gepseudonimiseerd", "pseudonimiseren", "pseudonymised", "pseudonymized", "pseudonymisées", "pseudonymisés", "pseudonymisiert"}, Pseudonymise},
	{[]string{"geanonimiseerd", "anonimiseren", "anonymised", "anonymized", "anonymisées", "anonymisés", "anonymisiert"}, Anonymise},
	{[]string{"gearchiveerd", "overgebracht naar het archief", "overgebracht naar een archief", "archived", "transferred to an archive", "archivées", "archivés", "versées aux archives", "versés aux archives", "archiviert", "an ein archiv übergeben"}, Archive},
	{[]string{"vernietigd", "verwijderd", "gewist", "destroyed", "deleted", "erased", "détruites", "détruits", "supprimées", "supprimés", "effacées", "effacés", "vernichtet", "gelöscht"}, Destroy},
}

// disposalIn returns what the text says happens at the end of a term, ""
// where it says nothing, and an error where it says two different things.
func disposalIn(c, lower string) (Disposal, error) {
	var found []Disposal
	for _, p := range disposalPhraseTable {
		if hasAny(lower, p.words) {
			found = append(found, p.d)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("retention: %q says the data are %s at the end; a term has one: write a term for each", c, ids(found, " and "))
}

// The words that open the event a period runs from ("na", "after") and the
// event that ends a term ("tot", "until"), as tokens.
var (
	startWords = map[string]bool{"na": true, "after": true, "nach": true, "après": true, "vanaf": true, "from": true, "ab": true, "since": true, "sinds": true, "seit": true, "depuis": true, "following": true}
	// startPairs open a starting event in two words.
	startPairs = map[[2]string]bool{{"à", "compter"}: true, {"a", "compter"}: true, {"à", "partir"}: true, {"te", "rekenen"}: true, {"counted", "from"}: true, {"gerechnet", "ab"}: true, {"calculated", "from"}: true, {"une", "fois"}: true, {"dès", "que"}: true}
	untilWords = map[string]bool{"tot": true, "until": true, "till": true, "bis": true, "jusqu": true}
	// glue follows an opening word without naming anything.
	glue = map[string]bool{"zum": true, "zur": true, "à": true, "au": true, "aux": true, "de": true, "du": true, "vanaf": true, "ab": true, "from": true}
	// relative words after "after" open a clause, not an event ("after which").
	relative = map[string]bool{"which": true, "quoi": true, "welke": true, "lequel": true, "laquelle": true, "wat": true}
	// leadWords open a clause before the period that says when it starts
	// ("once we have concluded your request, … 2 years").
	leadWords = map[string]bool{"once": true, "when": true, "zodra": true, "nadat": true, "wanneer": true, "dès": true, "lorsque": true, "quand": true, "sobald": true, "nachdem": true, "wenn": true}
	// phraseEnds end the words of an event: the verbs of keeping and what
	// happens at the end follow it ("bis zum Ende … gespeichert und dann
	// gelöscht") and are not part of it.
	phraseEnds = append([]string{",", ";", " voor ", " for ", " pour ", " für ", " of tot ", " or until ", " ou jusqu", " oder bis ",
		" gespeichert", " aufbewahrt", " bewaard", " opgeslagen", " kept", " stored", " retained", " conservé", " conservée", " stockées", " stockés",
		" und dann", " en daarna", " daarna", " danach", " puis", " and then", " then"}, disposalStops()...)
	// leadEnds end the words of a starting event in the clause before the
	// period, where the main clause begins ("… your request we will keep").
	leadEnds = []string{" we ", " wij ", " nous ", " wir ", " keep", " bewaren", " conserv", " speicher", " aufbewahr", " worden ", " wordt ", " werden ", " sont "}
	orWords  = map[string]bool{"of": true, "or": true, "ou": true, "oder": true}
)

// disposalStops returns the words of every disposal, each after a space.
func disposalStops() []string {
	var out []string
	for _, p := range disposalPhraseTable {
		for _, w := range p.words {
			out = append(out, " "+w)
		}
	}
	return out
}

// opening is a word group that opens an event: the opening words at
// [at, words) and the event's words at [words, end).
type opening struct{ at, words, end int }

// openingAt reports whether toks[i] opens an event as one of set (with
// startPairs where pairs is true), and where its words lie in s.
func openingAt(s string, toks []token, i int, set map[string]bool, pairs bool) (opening, bool) {
	w := strings.ToLower(toks[i].text)
	j := i + 1
	switch {
	case set[w]:
	case pairs && j < len(toks) && startPairs[[2]string{w, strings.ToLower(toks[j].text)}]:
		j++
	default:
		return opening{}, false
	}
	for j < len(toks) && glue[strings.ToLower(toks[j].text)] {
		j++
	}
	if j == len(toks) || toks[j].digits && !hasAny(s[toks[j].start:], yearEndWords) || numberWords[strings.ToLower(toks[j].text)] > 0 && j+1 < len(toks) && isUnit(toks[j+1].text) || relative[strings.ToLower(toks[j].text)] {
		return opening{}, false // "tot 3 jaar", "na 7 dagen": a period, not an event; "after which"
	}
	end := len(s)
	for _, stop := range phraseEnds {
		if k := strings.Index(s[toks[j].start:], stop); k >= 0 && toks[j].start+k < end {
			end = toks[j].start + k
		}
	}
	return opening{at: toks[i].start, words: toks[j].start, end: end}, true
}

func isUnit(word string) bool {
	_, ok := unitOf[strings.ToLower(word)]
	return ok
}

// unreadEvent is the error for words that open an event and name none.
func unreadEvent(c string, o opening) error {
	words := strings.TrimSpace(c[o.words:o.end])
	hint := "define it as a named event"
	if id := suggestID(words); id != "" {
		hint += " (such as " + id + ")"
	}
	return fmt.Errorf("retention: %q: cannot read the event %q after %q; if it is an event of the register, %s and use its id", c, words, strings.TrimSpace(c[o.at:o.words]), hint)
}

// fillers are the words a suggested id leaves out: articles, pronouns,
// auxiliaries and "of".
var fillers = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "we": true, "you": true, "u": true, "je": true, "vous": true, "sie": true, "your": true, "our": true, "have": true, "has": true, "is": true, "are": true, "been": true,
	"de": true, "het": true, "een": true, "van": true, "wij": true, "uw": true, "onze": true, "ons": true, "hebben": true, "heeft": true, "zijn": true,
	"le": true, "la": true, "les": true, "l": true, "du": true, "des": true, "d": true, "nous": true, "votre": true, "vos": true, "notre": true, "avons": true, "est": true,
	"der": true, "die": true, "das": true, "dem": true, "den": true, "wir": true, "ihr": true, "ihre": true, "ihrer": true, "unsere": true, "haben": true, "ist": true,
}

// suggestID makes a named event's id of a few words, leaving out fillers,
// or "" where they do not make one.
func suggestID(words string) string {
	var parts []string
	for _, tk := range tokenize(strings.ToLower(words)) {
		if len(parts) == 4 {
			break
		}
		if !fillers[tk.text] {
			parts = append(parts, tk.text)
		}
	}
	id := strings.Join(parts, "-")
	if !kebabID(id) {
		return ""
	}
	return id
}

func containsAny(s string, words []string) (int, string) {
	best, which := -1, ""
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best, which = i, w
		}
	}
	return best, which
}

func eventsIn(lower string) []Event {
	hits := eventHits(lower)
	if len(hits) == 0 {
		return nil
	}
	out := make([]Event, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out
}

// hit is an event found in a text, at byte offset at.
type hit struct {
	at int
	e  Event
}

// eventHits finds the events a text names, each once, in the order of the text.
func eventHits(lower string) []hit {
	var hits []hit
	seen := map[Event]bool{}
	for _, p := range eventPhraseTable {
		if i, _ := containsAny(lower, p.words); i >= 0 && !seen[p.event] {
			hits = append(hits, hit{i, p.event})
			seen[p.event] = true
		}
	}
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	return hits
}

// parseClause reads one term from c; listed says that c is one of a list of
// labelled terms ([piece]).
func parseClause(c string, listed bool) (Term, error) {
	t := Term{Text: c}
	lower := lowerSameLen(c)
	main, ext := lower, ""
	if i, w := containsAny(lower, unlessWords); i >= 0 {
		main, ext = lower[:i], strings.TrimSpace(lower[i+len(w):])
	}
	as := findAmounts(main)
	for _, a := range as {
		if a.n < 0 {
			return Term{}, fmt.Errorf("retention: %q: number too large (at most %d a unit)", c, maxUnit)
		}
	}
	gs := groups(main, as)
	caseAt, periodEnd, labelEnd := len(main), -1, 0
	if len(gs) > 0 {
		g := gs[0]
		var units [6]int
		for _, a := range g {
			if units[a.unit] != 0 {
				return Term{}, fmt.Errorf("retention: %q names the same unit twice in one period", c)
			}
			units[a.unit] = a.n
		}
		t.Period = Period{Years: units[0], Months: units[1], Weeks: units[2], Days: units[3], Hours: units[4], Minutes: units[5]}
		if t.Period.IsZero() {
			return Term{}, fmt.Errorf("retention: %q gives a period of zero length", c)
		}
		if i, _ := containsAny(main[:g[0].start], atLeastWords); i >= 0 {
			t.AtLeast = true
		}
		periodEnd = g[len(g)-1].end
		if label, ok := leadingLabel(c, main, g[0].start, listed); ok {
			t.Case, labelEnd = label, g[0].start
		} else if err := readLead(c, main, g[0].start); err != nil {
			return Term{}, err
		}
		after := main[periodEnd:]
		if m := caseRe.FindStringSubmatch(after); m != nil {
			caseAt = len(main) - len(m[1])
			if t.Case != "" {
				t.Case += ": " + cutCase(c, caseAt, m[1])
			} else {
				t.Case = cutCase(c, caseAt, m[1])
			}
		}
	}
	var err error
	if t.Then, err = disposalIn(c, main); err != nil {
		return Term{}, err
	}
	if err := readEvents(&t, c, main, labelEnd, periodEnd, caseAt); err != nil {
		return Term{}, err
	}
	if ext != "" {
		x := &Extension{When: strings.TrimSpace(c[len(c)-len(ext):])}
		if eg := groups(ext, findAmounts(ext)); len(eg) > 0 {
			var units [6]int
			for _, a := range eg[0] {
				units[a.unit] = a.n
			}
			x.Period = Period{Years: units[0], Months: units[1], Weeks: units[2], Days: units[3], Hours: units[4], Minutes: units[5]}
		}
		if x.Period.IsZero() {
			x.Until = eventsIn(ext)
		}
		if x.Period.IsZero() && len(x.Until) == 0 && hasAny(ext, lawWords) {
			x.Law = x.When // the law that requires the longer hold, in the text's words
		}
		if x.Period.IsZero() && len(x.Until) == 0 && x.Law == "" {
			return Term{}, fmt.Errorf("retention: %q: cannot tell how long the exception %q keeps the data", c, x.When)
		}
		t.Extension = x
	}
	if t.Period.IsZero() && len(t.Until) == 0 {
		switch {
		case hasAny(main, criteriaWords):
			t.Criteria = c
		case hasAny(main, lawWords):
			t.Law = c
		default:
			toks := tokenize(main)
			// an ending event first ("tot …"), then a starting one
			// ("direct na sluiting zaak")
			for _, op := range []struct {
				set   map[string]bool
				pairs bool
			}{{untilWords, false}, {startWords, true}} {
				for i := range toks {
					if o, ok := openingAt(main, toks, i, op.set, op.pairs); ok {
						return Term{}, unreadEvent(c, o)
					}
				}
			}
			return Term{}, fmt.Errorf("retention: cannot read a retention term in %q: it names no period, no ending event, no law and no criteria", c)
		}
	}
	return t, nil
}

// readLead reads the words before a period that say when it starts ("once
// we have concluded your request", "na afloop van het project"): words that
// open a starting event and name none are an error, never dropped.
func readLead(c, main string, periodAt int) error {
	lead := main[:periodAt]
	if namesEvent(lead) {
		return nil
	}
	toks := tokenize(lead)
	for i := range toks {
		o, ok := openingAt(lead, toks, i, leadWords, false)
		if ok {
			o.words = toks[i+1].start // "zodra de zaak …": the article is the event's
		} else {
			o, ok = openingAt(lead, toks, i, startWords, true)
		}
		if !ok {
			continue
		}
		end := o.end
		for _, stop := range leadEnds {
			if k := strings.Index(lead[o.words+1:o.end], stop); k >= 0 && o.words+1+k < end {
				end = o.words + 1 + k
			}
		}
		o.end = end
		return unreadEvent(c, o)
	}
	return nil
}

// readEvents sets the events of a clause: with a period, the event it runs
// from and the events after "or until"; without one, the ending events. The
// words that open an event and name none are an error, never dropped, and so
// are two starting events. Events before labelEnd are in the term's label and
// are not read.
func readEvents(t *Term, c, main string, labelEnd, periodEnd, caseAt int) error {
	var hits []hit
	for _, h := range eventHits(main) {
		if h.at >= labelEnd {
			hits = append(hits, h)
		}
	}
	yearEnd := hasAny(main, yearEndWords)
	if t.Period.IsZero() {
		if len(hits) > 0 && !hasAny(main, criteriaWords) {
			if yearEnd {
				return fmt.Errorf("retention: %q counts from the end of the calendar year but gives no period to count", c)
			}
			for _, h := range hits {
				t.Until = append(t.Until, h.e)
			}
		}
		return nil
	}
	t.FromYearEnd = yearEnd
	toks := tokenize(main)
	untilAt := len(main)
	for i := range toks {
		if toks[i].start < periodEnd {
			continue
		}
		if toks[i].start == firstAfter(toks, periodEnd) {
			if o, ok := openingAt(main, toks, i, startWords, true); ok && !namesEvent(main[o.words:o.end]) {
				return unreadEvent(c, o)
			}
		}
		if i > 0 && orWords[strings.ToLower(toks[i-1].text)] && untilAt == len(main) {
			if o, ok := openingAt(main, toks, i, untilWords, false); ok {
				if len(eventHits(main[o.words:o.end])) == 0 {
					return unreadEvent(c, o)
				}
				untilAt = o.at
			}
		}
	}
	var from []Event
	for _, h := range hits {
		switch {
		case h.at >= untilAt:
			t.Until = append(t.Until, h.e)
		case t.From == "":
			t.From = h.e
			fallthrough
		case h.at < caseAt:
			if !slices.Contains(from, h.e) {
				from = append(from, h.e)
			}
		}
	}
	if len(from) > 1 {
		return fmt.Errorf("retention: %q names several events to count the period from (%s); a term counts from one: write a term for each", c, ids(from, ", "))
	}
	return nil
}

// firstAfter returns the offset of the first token at or after offset at.
func firstAfter(toks []token, at int) int {
	for _, tk := range toks {
		if tk.start >= at {
			return tk.start
		}
	}
	return -1
}

// namesEvent reports whether the words after "after" or "from" name an
// event or the end of the calendar year.
func namesEvent(words string) bool {
	return len(eventHits(words)) > 0 || hasAny(words, yearEndWords)
}

// lowerSameLen lower-cases s rune by rune, keeping any rune whose lower case
// would change its encoded length, so that byte offsets into the result are
// offsets into s.
func lowerSameLen(s string) string {
	if ascii, upper := asciiCase(s); ascii {
		if !upper {
			return s
		}
		b := []byte(s)
		for k, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[k] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	return strings.Map(func(r rune) rune {
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != utf8.RuneLen(r) {
			return r
		}
		return l
	}, s)
}

// asciiCase reports whether s is ASCII, and whether it holds capitals.
func asciiCase(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

func hasAny(s string, words []string) bool {
	i, _ := containsAny(s, words)
	return i >= 0
}

// cutCase returns the case text in the clause's own letters, ending before a
// trailing justification ("gelet op ...").
func cutCase(orig string, at int, lowerCase string) string {
	end := len(lowerCase)
	for _, stop := range caseStops {
		if i := strings.Index(lowerCase, stop); i >= 0 && i < end {
			end = i
		}
	}
	if at < 0 || at+end > len(orig) {
		return strings.TrimSpace(lowerCase[:end])
	}
	return strings.TrimSpace(orig[at : at+end])
}

var vagueWords = []string{"zo lang als nodig", "zolang als nodig", "zo lang als noodzakelijk", "dan nodig", "dan noodzakelijk", "as long as necessary", "than necessary", "than is necessary", "aussi longtemps que nécessaire", "que nécessaire", "so lange wie nötig", "solange erforderlich", "als nötig", "als erforderlich"}

// Vague reports whether the term says no more than that data are kept "as
// long as necessary": no period, no ending event, no law, and criteria that
// only restate the storage-limitation principle of Art. 5(1)(e) GDPR.
func (t Term) Vague() bool {
	if !t.Period.IsZero() || len(t.Until) > 0 || strings.TrimSpace(t.Law) != "" {
		return false
	}
	c := strings.TrimSpace(lowerSameLen(t.Criteria))
	return c == "" || hasAny(c, vagueWords) && !hasAny(c, []string{"op basis van", "aan de hand van", "based on", "on the basis of", "criteria", "critères", "kriterien"})
}
