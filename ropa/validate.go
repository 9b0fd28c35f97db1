package ropa

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/openropa/registry/retention"
)

// The structural rules: what the format itself demands of a register. One
// run of validator/v10 over the validate tags of the model reports the
// findings of the first eight (see structure); duplicate-id and
// unresolved-reference look at ids and references.
var (
	requiredRule = &Rule{ID: "required", Severity: Error, Article: "Art. 30 GDPR",
		Doc: "A field that the record must contain (Art. 30(1)(a)-(c), 30(2)(a)-(b)) or that the format needs is missing.",
		Messages: Messages{
			"":            "%[1]s is missing; add it (%[2]s)",
			"list":        "%[1]s is empty; add at least one (%[2]s)",
			"min":         "%[1]s needs at least %[2]s entries",
			"destination": "a transfer names its third country (%[1]s) or international organisation (%[2]s); add one (%[3]s)",
			"derogation":  "a transfer on mechanism derogation names the derogation of Art. 49(1) it relies on (%[1]s); add it",
			"register":    "the register is nil",
		}} // Run: structure, set by init, since structure reports under every structural rule
	invalidValueRule = &Rule{ID: "invalid-value", Severity: Error, Article: "Art. 30 GDPR",
		Doc: "A value is not one of those the format allows.",
		Messages: Messages{
			"":         "%[1]s fails the %[2]s check",
			"enum":     "unknown value %q; want one of %s",
			"negative": "%[1]s must not be negative",
		}}
	invalidCountryRule = &Rule{ID: "invalid-country", Severity: Error, Article: "Art. 30(1)(e) GDPR",
		Doc:      "A country is not an ISO 3166-1 alpha-2 code.",
		Messages: Messages{"": "%[1]q is not an ISO 3166-1 alpha-2 country code; write the two capital letters, such as BE%[2]s"}}
	invalidEmailRule = &Rule{ID: "invalid-email", Severity: Error, Article: "Art. 30(1)(a) GDPR",
		Doc:      "An e-mail address is malformed.",
		Messages: Messages{"": "%q is not a valid e-mail address; correct it"}}
	invalidURLRule = &Rule{ID: "invalid-url", Severity: Error, Article: "RFC 3986 (the form of a web address)",
		Doc:      "A web address is malformed.",
		Messages: Messages{"": "%q is not a web address; write it whole, such as https://www.example.be"}}
	invalidLanguageRule = &Rule{ID: "invalid-language", Severity: Error, Article: "BCP 47 (the form of a language tag)",
		Doc:      "The language is not a BCP 47 tag.",
		Messages: Messages{"": "%q is not a BCP 47 language tag; write one such as nl, fr or fr-BE"}}
	invalidRegistrationRule = &Rule{ID: "invalid-registration", Severity: Error, Article: "the numbering of the company register (BE-KBO: mod 97)",
		Doc: "A company registration number is malformed or fails its check digits.",
		Messages: Messages{
			"scheme": "scheme %q must start with the ISO 3166-1 code of the register's country, such as BE-KBO or NL-KVK",
			"kbo":    "%q is not a valid Belgian enterprise number: %s",
		}}
	invalidRetentionRule = &Rule{ID: "invalid-retention", Severity: Error, Article: "Art. 30(1)(f) GDPR",
		Doc:      "A retention term is incomplete or inconsistent.",
		Messages: Messages{"": "retention term: %s"}}
	duplicateIDRule = &Rule{ID: "duplicate-id", Severity: Error, Article: "Art. 30 GDPR",
		Doc:      "Two elements of the same list share an id.",
		Messages: Messages{"": "id %q is used already by %s; give each a unique id"},
		Run:      duplicateIDs}
	unresolvedReferenceRule = &Rule{ID: "unresolved-reference", Severity: Error, Article: "Art. 30 GDPR",
		Doc: "A reference names an id that does not exist.",
		Messages: Messages{
			"":         "%[1]s %[2]q does not exist; define the %[1]s first",
			"one-of":   "%[1]s %[2]q does not exist; use one of %[3]s%[4]s",
			"existing": "%[1]s %[2]q does not exist; use the id of an existing %[1]s%[3]s",
			"event":    "event %[1]q is neither a standard event nor one the register defines (%[2]s); define it with its label, or name a standard event%[3]s",
			"standard": "%q is a standard event of retention terms; a named event of the register needs an id of its own",
		},
		Run: references}
)

func init() { requiredRule.Run = structure }

// structuralRules are the rules of the structure, in the catalogue's order.
var structuralRules = []*Rule{requiredRule, invalidValueRule, invalidCountryRule, invalidEmailRule, invalidURLRule,
	invalidLanguageRule, invalidRegistrationRule, invalidRetentionRule, duplicateIDRule, unresolvedReferenceRule}

var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	// Enumerations are checked against the values of enumValues, by the
	// field's string, without boxing each value in an interface.
	sets := map[reflect.Type]map[string]bool{}
	for t, values := range enumValues {
		sets[t] = map[string]bool{}
		for _, v := range values {
			sets[t][v] = true
		}
	}
	must(v.RegisterValidation("enum", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		set, ok := sets[f.Type()]
		return !ok || set[f.String()]
	}))
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		if f, ok := registrationFault(*structAt[Registration](sl)); ok {
			sl.ReportError(f.value, f.field, f.structField, f.tag, f.param)
		}
	}, Registration{})
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		if f, ok := retentionFault(structAt[RetentionRule](sl)); ok {
			sl.ReportError(f.value, f.field, f.structField, f.tag, f.param)
		}
	}, RetentionRule{})
	return v
})

// structAt returns the struct a struct-level check is at, without copying
// it where it can be addressed.
func structAt[T any](sl validator.StructLevel) *T {
	if v := sl.Current(); v.CanAddr() {
		return v.Addr().Interface().(*T)
	}
	t := sl.Current().Interface().(T)
	return &t
}

// levelFault is the fault a struct-level check finds, in the terms of
// validator/v10's StructLevel.ReportError.
type levelFault struct {
	value                   any
	field, structField, tag string
	param                   string
}

// registrationFault checks the scheme of a registration and, for the
// Belgian register, the check digits of its number.
func registrationFault(reg Registration) (levelFault, bool) {
	if reg.Scheme == "" || reg.ID == "" {
		return levelFault{}, false
	}
	if !schemeRe.MatchString(reg.Scheme) {
		return levelFault{reg.Scheme, "scheme", "Scheme", "scheme", ""}, true
	}
	if isKBO(reg.Scheme) {
		if err := checkKBO(reg.ID); err != nil {
			return levelFault{reg.ID, "id", "ID", "kbo", err.Error()}, true
		}
	}
	return levelFault{}, false
}

// retentionFault checks a retention term.
func retentionFault(rule *RetentionRule) (levelFault, bool) {
	if err := rule.Term.Validate(); err != nil {
		return levelFault{rule.Term, "", "Term", "retention", err.Error()}, true
	}
	return levelFault{}, false
}

var schemeRe = regexp.MustCompile(`^[A-Z]{2}(-[A-Z0-9]+)*$`)

func isKBO(scheme string) bool { return scheme == "BE-KBO" || scheme == "BE-BCE" }

// checkKBO checks a Belgian enterprise number: ten digits, starting with 0
// or 1, whose last two are 97 minus the first eight modulo 97. Dots, spaces
// and a leading "BE" are allowed; nine digits are the older form without
// the leading 0.
func checkKBO(id string) error {
	s := strings.TrimSpace(id)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "BE"), "be")
	if strings.Trim(s, "0123456789. ") != "" {
		return errors.New("it may hold only digits, dots and spaces after an optional BE")
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1 // the dots and spaces
	}, s)
	if len(digits) == 9 {
		digits = "0" + digits
	}
	if len(digits) != 10 {
		return fmt.Errorf("it has %d digits; a Belgian enterprise number has 10", len(digits))
	}
	if digits[0] != '0' && digits[0] != '1' {
		return errors.New("it must start with 0 or 1")
	}
	body, _ := strconv.Atoi(digits[:8])
	check, _ := strconv.Atoi(digits[8:])
	if want := 97 - body%97; want != check {
		return fmt.Errorf("its check digits are %02d, but 97 - (%s mod 97) is %02d", check, digits[:8], want)
	}
	return nil
}

// Validate checks the structure of a register: the structural rules alone
// (required fields, the form of countries, e-mail addresses, languages and
// registration numbers, enumeration values, retention terms, unique ids and
// references that resolve), the first half of every Check. It returns the
// findings in a fixed order, never an error.
func Validate(r *Register) []Finding {
	if r == nil {
		return Check(nil, Date{}).Findings
	}
	var fs []Finding
	facts := &facts{}
	for _, rule := range structuralRules {
		if rule.Run != nil {
			rule.Run(&Pass{Register: r, rule: rule, out: &fs, facts: facts})
		}
	}
	return sortFindings(fs)
}

// structure runs validator/v10 once over the register and reports what it
// finds, each fault under its structural rule.
func structure(p *Pass) {
	err := validate().Struct(p.Register)
	var ves validator.ValidationErrors
	if err == nil || !errors.As(err, &ves) {
		return
	}
	for _, fe := range ves {
		path, article := pathOfField(fe.StructNamespace())
		p.reportFault(fe, path, article)
	}
}

// reportFault reports the fault of one field, at path, under its rule.
func (p *Pass) reportFault(fe validator.FieldError, path Path, article string) {
	name := fe.Field()
	val := fmt.Sprint(fe.Value())
	as := func(rule *Rule, variant string, args ...any) {
		q := &Pass{Register: p.Register, At: p.At, rule: rule, out: p.out, facts: p.facts}
		art := article
		if formatRules[rule] {
			art = "" // the form of a value rests on its standard, not on an article of the GDPR
		}
		q.ReportFinding(Finding{Path: path, Article: art, Key: messageKey(rule.ID, variant), Args: args})
	}
	switch fe.Tag() {
	case "required", "min":
		switch {
		case fe.Kind() == reflect.Slice && fe.Tag() == "min" && fe.Param() != "1":
			as(requiredRule, "min", FieldName(name), fe.Param())
		case fe.Kind() == reflect.Slice:
			as(requiredRule, "list", FieldName(name), Citation(article))
		case fe.Tag() == "min":
			as(invalidValueRule, "negative", FieldName(name))
		default:
			as(requiredRule, "", FieldName(name), Citation(article))
		}
	case "required_without":
		as(requiredRule, "destination", FieldName("country"), FieldName("organisation"), Citation(article))
	case "required_if":
		as(requiredRule, "derogation", FieldName("derogation"))
	case "iso3166_1_alpha2":
		as(invalidCountryRule, "", val, CountryHint(strings.ToUpper(val)))
	case "email":
		as(invalidEmailRule, "", val)
	case "url":
		as(invalidURLRule, "", val)
	case "bcp47_language_tag":
		as(invalidLanguageRule, "", val)
	case "enum":
		as(invalidValueRule, "enum", val, strings.Join(enumValues[fe.Type()], ", "))
	case "scheme":
		as(invalidRegistrationRule, "scheme", val)
	case "kbo":
		as(invalidRegistrationRule, "kbo", val, EnglishText(fe.Param()))
	case "retention":
		q := &Pass{Register: p.Register, rule: invalidRetentionRule, out: p.out}
		q.ReportFinding(Finding{Path: path, Key: invalidRetentionRule.ID, Args: []any{EnglishText(strings.ReplaceAll(fe.Param(), "\n", "; "))}})
	default:
		as(invalidValueRule, "", FieldName(name), fe.Tag())
	}
}

// pathOfField turns the struct namespace of a field that validator/v10
// reports ("Register.Activities[0].Purposes[1].Description") into its Path
// and the article of the deepest art tag on the way. It is the one place
// where text of a path is read, and it reads validator's, never ours.
func pathOfField(structNS string) (Path, string) {
	t := reflect.TypeFor[Register]()
	art := ""
	var p Path
	segs := strings.Split(structNS, ".")
	for _, seg := range segs[1:] {
		name, idx, _ := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f, ok := t.FieldByName(name)
		if name == "" || t.Kind() != reflect.Struct || !ok {
			break
		}
		if a := f.Tag.Get("art"); a != "" {
			art = a
		}
		t = f.Type
		if !f.Anonymous {
			json, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			p = p.Child(json)
		}
		for idx != "" {
			num, rest, _ := strings.Cut(idx, "]")
			i, _ := strconv.Atoi(num)
			p = p.Index(i)
			for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
				t = t.Elem()
			}
			idx = strings.TrimPrefix(rest, "[")
		}
	}
	if art == "" {
		return p, "Art. 30 GDPR"
	}
	return p, "Art. " + art + " GDPR"
}

// duplicateIDs reports elements of a list that share an id.
func duplicateIDs(p *Pass) {
	r := p.Register
	unique(p, Root, "measures", len(r.Measures), func(i int) string { return r.Measures[i].ID })
	unique(p, Root, "activities", len(r.Activities), func(i int) string { return r.Activities[i].ID })
	unique(p, Root, "processing", len(r.Processing), func(i int) string { return r.Processing[i].ID })
	unique(p, Root, "events", len(r.Events), func(i int) string { return string(r.Events[i].ID) })
	unique(p, Root, "systems", len(r.Systems), func(i int) string { return r.Systems[i].ID })
	unique(p, Root, "processors", len(r.Processors), func(i int) string { return r.Processors[i].ID })
	if slices.ContainsFunc(r.Activities, func(a Activity) bool { return len(a.Entities) > 0 }) {
		// Activities name the entities they belong to: their names are ids.
		unique(p, Root, "entities", len(r.Entities), func(i int) string { return r.Entities[i].Name })
	}
	for i := range r.Activities {
		a := &r.Activities[i]
		unique(p, activityPath(i), "dataSubjects", len(a.DataSubjects), func(j int) string { return a.DataSubjects[j].ID })
		unique(p, activityPath(i), "dataCategories", len(a.DataCategories), func(j int) string { return a.DataCategories[j].ID })
	}
}

// unique reports the elements of the list field of the element at parent
// whose id an element before them has. The paths are made only for what it
// reports.
func unique(p *Pass, parent Path, field string, n int, id func(int) string) {
	if n < 2 {
		return
	}
	first := make(map[string]int, n)
	for i := range n {
		v := id(i)
		if v == "" {
			continue
		}
		if j, ok := first[v]; ok {
			list := parent.Child(field)
			p.Report(list.Index(i).Child("id"), "", v, list.Index(j).String())
			continue
		}
		first[v] = i
	}
}

// ids is the set of the ids of a list, with the ids in their order.
type ids struct {
	set   map[string]bool
	order []string
}

func idsOf(n int, id func(int) string) ids {
	x := ids{set: make(map[string]bool, n)}
	for i := range n {
		if v := id(i); v != "" && !x.set[v] {
			x.set[v] = true
			x.order = append(x.order, v)
		}
	}
	return x
}

// maxSuggestions bounds the references of one check that get a "did you
// mean", so that a register of thousands of broken references costs no more
// than a linear pass.
const maxSuggestions = 100

// refs resolves the references of a register.
type refs struct {
	p         *Pass
	suggested int
}

// resolve reports a reference to an id that is in none of the lists xs;
// path makes the path of the reference, only when it is reported.
func (c *refs) resolve(path func() Path, kind RefKind, id, article string, xs ...ids) {
	var known []string
	for _, x := range xs {
		if x.set[id] {
			return
		}
		known = append(known, x.order...)
	}
	variant, args := c.fixFor(kind, id, known)
	c.p.ReportFinding(Finding{Path: path(), Article: article, Key: messageKey("unresolved-reference", variant), Args: args})
}

// fixFor says how to mend a reference to an unknown id of a kind, given the
// ids there are: the variant of the message and its arguments.
func (c *refs) fixFor(kind RefKind, id string, known []string) (string, []any) {
	switch {
	case len(known) == 0:
		return "", []any{kind, id}
	case len(known) <= 12:
		return "one-of", []any{kind, id, strings.Join(slices.Sorted(slices.Values(known)), ", "), c.suggestOnce(id, known)}
	}
	return "existing", []any{kind, id, c.suggestOnce(id, known)}
}

// events reports the named events of a retention term that the register
// does not define. A standard event needs no definition; what is no event
// at all is invalid-retention's.
func (c *refs) events(at elemAt, t *retention.Term, defined ids) {
	check := func(field string, k int, e retention.Event) {
		if e.Standard() || !e.Named() {
			return
		}
		path := func() Path {
			p := at.path().Child(field)
			if k >= 0 {
				p = p.Index(k)
			}
			return p
		}
		known := append(strs(retention.Events()), defined.order...)
		if defined.set[string(e)] {
			return
		}
		c.p.ReportFinding(Finding{Path: path(), Article: "Art. 30(1)(f) GDPR", Key: "unresolved-reference.event", Args: []any{string(e), FieldName("events"), c.suggestOnce(string(e), known)}})
	}
	check("from", -1, t.From)
	for k, e := range t.Until {
		check("until", k, e)
	}
}

// suggestOnce proposes the closest known id, within the bound of
// suggestions of a check.
func (c *refs) suggestOnce(id string, known []string) Suggestion {
	if c.suggested >= maxSuggestions {
		return ""
	}
	c.suggested++
	return suggestionOf(suggest(id, known))
}

// references reports references to ids that do not exist.
func references(p *Pass) {
	r := p.Register
	c := &refs{p: p}
	measures := idsOf(len(r.Measures), func(i int) string { return r.Measures[i].ID })
	activities := idsOf(len(r.Activities), func(i int) string { return r.Activities[i].ID })
	records := idsOf(len(r.Processing), func(i int) string { return r.Processing[i].ID })
	events := idsOf(len(r.Events), func(i int) string { return string(r.Events[i].ID) })
	systems := idsOf(len(r.Systems), func(i int) string { return r.Systems[i].ID })
	processors := idsOf(len(r.Processors), func(i int) string { return r.Processors[i].ID })
	entities := idsOf(len(r.Entities), func(i int) string { return r.Entities[i].Name })
	for i := range r.Events {
		if id := r.Events[i].ID; id.Standard() {
			p.ReportFinding(Finding{Path: Root.Child("events").Index(i).Child("id"), Article: "Art. 30(1)(f) GDPR", Key: "unresolved-reference.standard", Args: []any{string(id)}})
		}
	}
	for i := range r.Activities {
		a := &r.Activities[i]
		cats := idsOf(len(a.DataCategories), func(j int) string { return a.DataCategories[j].ID })
		subjects := idsOf(len(a.DataSubjects), func(j int) string { return a.DataSubjects[j].ID })
		for j, id := range a.Systems {
			c.resolve(func() Path { return activityPath(i).Child("systems").Index(j) }, RefSystem, id, "Art. 30(1) GDPR", systems)
		}
		for j := range a.DataCategories {
			for k, id := range a.DataCategories[j].Subjects {
				c.resolve(func() Path { return elemAt{"activities", i, "dataCategories", j}.path().Child("subjects").Index(k) }, RefSubjects, id, "Art. 30(1)(c) GDPR", subjects)
			}
		}
		for j := range a.Recipients {
			for k, id := range a.Recipients[j].Processors {
				c.resolve(func() Path { return elemAt{"activities", i, "recipients", j}.path().Child("processors").Index(k) }, RefProcessor, id, "Art. 30(1)(d) GDPR", processors)
			}
			for k, d := range a.Recipients[j].Data {
				c.resolve(func() Path { return elemAt{"activities", i, "recipients", j}.path().Child("data").Index(k) }, RefDataCategory, d, "Art. 30(1)(d) GDPR", cats)
			}
		}
		for j, m := range a.Measures {
			c.resolve(func() Path { return activityPath(i).Child("measures").Index(j) }, RefMeasure, m, "Art. 30(1)(g) GDPR", measures)
		}
		for j := range a.Retention {
			for k, d := range a.Retention[j].Data {
				c.resolve(func() Path { return elemAt{"activities", i, "retention", j}.path().Child("data").Index(k) }, RefDataCategory, d, "Art. 30(1)(f) GDPR", cats)
			}
			for k, id := range a.Retention[j].Subjects {
				c.resolve(func() Path { return elemAt{"activities", i, "retention", j}.path().Child("subjects").Index(k) }, RefSubjects, id, "Art. 30(1)(f) GDPR", subjects)
			}
			c.events(elemAt{"activities", i, "retention", j}, &a.Retention[j].Term, events)
		}
		for j := range a.Purposes {
			for k, d := range a.Purposes[j].Data {
				c.resolve(func() Path { return elemAt{"activities", i, "purposes", j}.path().Child("data").Index(k) }, RefDataCategory, d, "Art. 30(1)(b) GDPR", cats)
			}
		}
		for j, name := range a.Entities {
			c.resolve(func() Path { return activityPath(i).Child("entities").Index(j) }, RefEntity, name, "Art. 30(1)(a) GDPR", entities)
		}
		if a.ReplacedBy != "" {
			c.resolve(func() Path { return activityPath(i).Child("replacedBy") }, RefActivity, a.ReplacedBy, "Art. 30(1) GDPR", activities)
		}
	}
	for i := range r.Processing {
		for j, m := range r.Processing[i].Measures {
			c.resolve(func() Path { return elemAt{"processing", i, "measures", j}.path() }, RefMeasure, m, "Art. 30(2)(d) GDPR", measures)
		}
		for j, id := range r.Processing[i].Systems {
			c.resolve(func() Path { return elemAt{"processing", i, "systems", j}.path() }, RefSystem, id, "Art. 30(2) GDPR", systems)
		}
	}
	for i, w := range r.Waivers {
		if w.Activity != "" {
			c.resolve(func() Path { return Root.Child("waivers").Index(i).Child("activity") }, RefActivity, w.Activity, "Art. 30 GDPR", activities, records)
		}
	}
}

// formatRules are the rules of the form of a value that no article of the
// GDPR prescribes: their findings cite the standard.
var formatRules = map[*Rule]bool{invalidURLRule: true, invalidLanguageRule: true, invalidRegistrationRule: true}
