package ropa

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// The structural rules: what the format itself demands of a register.
var structuralRules = []Rule{
	{"required", Error, "Art. 30 GDPR", "A field that the record must contain (Art. 30(1)(a)-(c), 30(2)(a)-(b)) or that the format needs is missing."},
	{"invalid-value", Error, "Art. 30 GDPR", "A value is not one of those the format allows."},
	{"invalid-country", Error, "Art. 30(1)(e) GDPR", "A country is not an ISO 3166-1 alpha-2 code."},
	{"invalid-email", Error, "Art. 30(1)(a) GDPR", "An e-mail address is malformed."},
	{"invalid-url", Error, "Art. 30(1)(a) GDPR", "A web address is malformed."},
	{"invalid-language", Error, "Art. 30(3) GDPR", "The language is not a BCP 47 tag."},
	{"invalid-registration", Error, "Art. 30(1)(a) GDPR", "A company registration number is malformed or fails its check digits."},
	{"invalid-retention", Error, "Art. 30(1)(f) GDPR", "A retention term is incomplete or inconsistent."},
	{"duplicate-id", Error, "Art. 30 GDPR", "Two elements of the same list share an id."},
	{"unresolved-reference", Error, "Art. 30 GDPR", "A reference names an id or rule that does not exist."},
}

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
	// Enumerations are checked against the value sets of enumValues (the
	// sets the plan uses), by the field's string, without boxing each value
	// in an interface.
	sets := enumSets()
	must(v.RegisterValidation("enum", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		set, ok := sets[f.Type()]
		return !ok || set.has(f.String())
	}))
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		if f, ok := registrationFault(sl.Current().Interface().(Registration)); ok {
			sl.ReportError(f.value, f.field, f.structField, f.tag, f.param)
		}
	}, Registration{})
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		rule := sl.Current().Interface().(RetentionRule)
		if f, ok := retentionFault(&rule); ok {
			sl.ReportError(f.value, f.field, f.structField, f.tag, f.param)
		}
	}, RetentionRule{})
	return v
})

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

// Validate checks the structure of a register: required fields, the form
// of countries, e-mail addresses, languages and registration numbers,
// enumeration values, retention terms, unique ids and references that
// resolve. It returns the findings in a fixed order, never an error.
//
// Validate interprets the validate tags of the model with validator/v10 on
// every call. A Checker runs the same tags compiled once, with the same
// findings, faster.
func Validate(r *Register) []Finding {
	if r == nil {
		return validateWith(nil, nil, nil, nil)
	}
	faults, err := validatorFaults(r)
	if err != nil {
		return []Finding{{Rule: "invalid-value", Severity: Error, Article: "Art. 30 GDPR", Message: err.Error()}}
	}
	fs := validateWith(nil, r, faults, defaultChecker.known)
	sortFindings(fs)
	return fs
}

// validatorFaults returns the faults that validator/v10 finds in the fields
// of a register. Its error, for a value that is no struct, cannot happen
// for a register.
func validatorFaults(r *Register) ([]fault, error) {
	err := validate().Struct(r)
	if err == nil {
		return nil, nil
	}
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return nil, err
	}
	faults := make([]fault, 0, len(ves))
	for _, fe := range ves {
		faults = append(faults, fault{ns: fe.Namespace(), structNS: fe.StructNamespace(), field: fe.Field(),
			tag: fe.Tag(), param: fe.Param(), value: fe.Value(), kind: fe.Kind(), typ: fe.Type()})
	}
	return faults, nil
}

// validateWith appends the structural findings of a register to dst,
// unsorted, from the faults of its fields and its ids and references: Check
// sorts them with the findings of its rules.
func validateWith(dst []Finding, r *Register, faults []fault, known map[string]bool) []Finding {
	if r == nil {
		return append(dst, Finding{Rule: "required", Severity: Error, Article: "Art. 30 GDPR", Message: "the register is nil"})
	}
	start := len(dst)
	for _, f := range faults {
		dst = append(dst, faultFinding(f))
	}
	dst = references(dst, r, known)
	for i := start; i < len(dst); i++ {
		dst[i].Activity = activityOf(r, dst[i].Path)
	}
	return dst
}

// faultFinding turns a fault into a finding with a JSON path and a message
// of our own.
func faultFinding(fe fault) Finding {
	path := strings.TrimPrefix(fe.ns, "Register")
	path = strings.TrimPrefix(path, ".")
	path = strings.ReplaceAll(path, "..", ".") // an embedded struct has no name
	path = strings.TrimSuffix(path, ".")
	article := fe.article
	if article == "" {
		article = articleOf(fe.structNS)
	}
	name := fe.field
	val := fmt.Sprint(fe.value)
	f := Finding{Severity: Error, Path: path, Article: article}
	switch fe.tag {
	case "required", "min":
		f.Rule = "required"
		if fe.kind == reflect.Slice {
			if fe.tag == "min" && fe.param != "1" {
				f.Message = fmt.Sprintf("%s needs at least %s entries", name, fe.param)
			} else {
				f.Message = fmt.Sprintf("%s is empty; add at least one (%s)", name, article)
			}
		} else if fe.tag == "min" {
			f.Rule, f.Message = "invalid-value", fmt.Sprintf("%s must not be negative", name)
		} else {
			f.Message = fmt.Sprintf("%s is missing; add it (%s)", name, article)
		}
	case "required_without":
		f.Rule = "required"
		f.Message = fmt.Sprintf("a transfer names its third country (country) or international organisation (organisation); add one (%s)", article)
	case "required_if":
		f.Rule = "required"
		f.Message = "a transfer on mechanism derogation names the derogation of Art. 49(1) it relies on (derogation); add it"
	case "iso3166_1_alpha2":
		f.Rule = "invalid-country"
		f.Message = fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code; write the two capital letters, such as BE%s", val, countryHint(val))
	case "email":
		f.Rule, f.Message = "invalid-email", fmt.Sprintf("%q is not a valid e-mail address; correct it", val)
	case "url":
		f.Rule, f.Message = "invalid-url", fmt.Sprintf("%q is not a web address; write it whole, such as https://www.example.be", val)
	case "bcp47_language_tag":
		f.Rule, f.Message = "invalid-language", fmt.Sprintf("%q is not a BCP 47 language tag; write one such as nl, fr or fr-BE", val)
	case "enum":
		f.Rule = "invalid-value"
		f.Message = fmt.Sprintf("unknown value %q; want one of %s", val, strings.Join(enumValues[fe.typ], ", "))
	case "scheme":
		f.Rule = "invalid-registration"
		f.Message = fmt.Sprintf("scheme %q must start with the ISO 3166-1 code of the register's country, such as BE-KBO or NL-KVK", val)
	case "kbo":
		f.Rule = "invalid-registration"
		f.Message = fmt.Sprintf("%q is not a valid Belgian enterprise number: %s", val, fe.param)
	case "retention":
		f.Rule, f.Article = "invalid-retention", "Art. 30(1)(f) GDPR"
		f.Message = "retention term: " + strings.ReplaceAll(fe.param, "\n", "; ")
	default:
		f.Rule, f.Message = "invalid-value", fmt.Sprintf("%s fails the %s check", name, fe.tag)
	}
	return f
}

func countryHint(v string) string {
	switch strings.ToUpper(v) {
	case "UK":
		return " (the United Kingdom is GB)"
	case "EL":
		return " (Greece is GR)"
	}
	return ""
}

// articleOf returns the article named by the deepest art tag on a struct
// namespace such as "Register.Activities[0].Purposes[0].Description".
func articleOf(structNS string) string {
	t := reflect.TypeFor[Register]()
	art := ""
	segs := strings.Split(structNS, ".")
	for _, seg := range segs[1:] {
		if i := strings.IndexByte(seg, '['); i >= 0 {
			seg = seg[:i]
		}
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			break
		}
		f, ok := t.FieldByName(seg)
		if !ok {
			break
		}
		if a := f.Tag.Get("art"); a != "" {
			art = a
		}
		t = f.Type
	}
	if art == "" {
		return "Art. 30 GDPR"
	}
	return "Art. " + art + " GDPR"
}

// activityOf returns the id of the activity or processing record a path is in.
func activityOf(r *Register, path string) string {
	if rest, ok := strings.CutPrefix(path, "activities["); ok {
		if i, ok := leadingIndex(rest); ok && i < len(r.Activities) {
			return r.Activities[i].ID
		}
	} else if rest, ok := strings.CutPrefix(path, "processing["); ok {
		if i, ok := leadingIndex(rest); ok && i < len(r.Processing) {
			return r.Processing[i].ID
		}
	}
	return ""
}

// leadingIndex reads the list index that starts s, up to its "]".
func leadingIndex(s string) (int, bool) {
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return 0, false
	}
	i, err := strconv.Atoi(s[:end])
	return i, err == nil && i >= 0
}

// idIndex finds the elements of a list by id. A short list is searched;
// a long one gets a map.
type idIndex struct {
	ids    []string
	heads  []uint64       // the head of each id, for a short list
	lookup map[string]int // id → index of its first element, for a long list
}

const shortList = 16

// idHead packs the length of an id, its first and its last byte into a
// number: ids with different heads differ, and ids of up to two bytes with
// the same head are equal.
func idHead(id string) uint64 {
	if id == "" {
		return 0
	}
	return uint64(len(id)) | uint64(id[0])<<48 | uint64(id[len(id)-1])<<56
}

// find returns the index of the first element with an id ("" is none).
func (x *idIndex) find(id string) (int, bool) {
	if id == "" {
		return 0, false
	}
	if x.lookup != nil {
		i, ok := x.lookup[id]
		return i, ok
	}
	h := idHead(id)
	for i, g := range x.heads {
		if g == h && (len(id) <= 2 || x.ids[i] == id) {
			return i, true
		}
	}
	return 0, false
}

// named returns the ids of the list that are not empty.
func (x *idIndex) named() []string {
	var out []string
	for _, v := range x.ids {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// refChecker checks that ids are unique and references resolve.
type refChecker struct {
	out []Finding
}

// idsOf returns the ids of the elements of a list, reusing buf.
func idsOf[T any](buf []string, list []T, id func(*T) string) []string {
	buf = buf[:0]
	for i := range list {
		buf = append(buf, id(&list[i]))
	}
	return buf
}

// unique indexes the ids of a list, reporting those used twice, and
// heads, if given room, holds the heads of a short list.
func (c *refChecker) unique(list func() string, ids []string, heads []uint64) idIndex {
	x := indexIDs(ids, heads)
	for i, v := range ids {
		if first, ok := x.find(v); ok && first != i {
			l := list()
			c.out = append(c.out, Finding{Rule: "duplicate-id", Severity: Error, Article: "Art. 30 GDPR",
				Path:    l + "[" + strconv.Itoa(i) + "].id",
				Message: fmt.Sprintf("id %q is used already by %s[%d]; give each a unique id", v, l, first)})
		}
	}
	return x
}

// indexIDs indexes the ids of a list; heads, if given room, holds the heads
// of a short list.
func indexIDs(ids []string, heads []uint64) idIndex {
	x := idIndex{ids: ids}
	if len(ids) > shortList {
		x.lookup = make(map[string]int, len(ids))
		for i, v := range ids {
			if _, seen := x.lookup[v]; !seen && v != "" {
				x.lookup[v] = i
			}
		}
		return x
	}
	x.heads = heads[:0]
	for _, v := range ids {
		x.heads = append(x.heads, idHead(v)) // "" has the head of no other id
	}
	return x
}

// resolve reports a reference to an id that is in none of lists xs.
func (c *refChecker) resolve(path func() string, kind, id, article string, xs ...*idIndex) {
	var known []string
	for _, x := range xs {
		if _, ok := x.find(id); ok {
			return
		}
		known = append(known, x.named()...)
	}
	c.out = append(c.out, Finding{Rule: "unresolved-reference", Severity: Error, Article: article, Path: path(),
		Message: fmt.Sprintf("%s %q does not exist; %s", kind, id, fixFor(kind, id, known))})
}

// references appends to dst the findings of ids that are not unique and of
// references that do not resolve.
func references(dst []Finding, r *Register, knownRules map[string]bool) []Finding {
	c := &refChecker{out: dst}
	var heads [3][shortList]uint64
	var lists [3][shortList]string // the ids of short lists
	measures := c.unique(func() string { return "measures" }, idsOf(lists[0][:0], r.Measures, func(m *Measure) string { return m.ID }), heads[0][:])
	activities := c.unique(func() string { return "activities" }, idsOf(lists[1][:0], r.Activities, func(a *Activity) string { return a.ID }), heads[1][:])
	records := c.unique(func() string { return "processing" }, idsOf(lists[2][:0], r.Processing, func(p *ProcessorRecord) string { return p.ID }), heads[2][:])
	var ids [shortList]string
	var own [shortList]uint64
	for i := range r.Activities {
		a := &r.Activities[i]
		ap := func() string { return actPath(i) }
		c.unique(func() string { return ap() + ".dataSubjects" }, idsOf(ids[:0], a.DataSubjects, func(s *DataSubject) string { return s.ID }), own[:])
		cats := c.unique(func() string { return ap() + ".dataCategories" }, idsOf(ids[:0], a.DataCategories, func(d *DataCategory) string { return d.ID }), own[:])
		for j, m := range a.Measures {
			c.resolve(func() string { return fmt.Sprintf("%s.measures[%d]", ap(), j) }, "measure", m, "Art. 30(1)(g) GDPR", &measures)
		}
		for j := range a.Retention {
			for k, d := range a.Retention[j].Data {
				c.resolve(func() string { return fmt.Sprintf("%s.retention[%d].data[%d]", ap(), j, k) }, "data category", d, "Art. 30(1)(f) GDPR", &cats)
			}
		}
		for j := range a.Purposes {
			for k, d := range a.Purposes[j].Data {
				c.resolve(func() string { return fmt.Sprintf("%s.purposes[%d].data[%d]", ap(), j, k) }, "data category", d, "Art. 30(1)(b) GDPR", &cats)
			}
		}
		if a.ReplacedBy != "" {
			c.resolve(func() string { return ap() + ".replacedBy" }, "activity", a.ReplacedBy, "Art. 30(1) GDPR", &activities)
		}
	}
	for i := range r.Processing {
		for j, m := range r.Processing[i].Measures {
			c.resolve(func() string { return fmt.Sprintf("processing[%d].measures[%d]", i, j) }, "measure", m, "Art. 30(2)(d) GDPR", &measures)
		}
	}
	for i, w := range r.Waivers {
		if w.Rule != "" && knownRules != nil && !knownRules[w.Rule] {
			c.out = append(c.out, Finding{Rule: "unresolved-reference", Severity: Error, Article: "Art. 30 GDPR", Path: fmt.Sprintf("waivers[%d].rule", i),
				Message: fmt.Sprintf("rule %q does not exist; name a rule of the catalogue (ropa rules lists them)%s", w.Rule, suggest(w.Rule, slices.Sorted(maps.Keys(knownRules))))})
		}
		if w.Activity != "" {
			c.resolve(func() string { return fmt.Sprintf("waivers[%d].activity", i) }, "activity", w.Activity, "Art. 30 GDPR", &activities, &records)
		}
	}
	return c.out
}

// fixFor says how to mend a reference to an unknown id of a kind, given the
// ids there are.
func fixFor(kind, id string, known []string) string {
	ids := slices.Compact(slices.Sorted(slices.Values(known)))
	switch {
	case len(ids) == 0:
		return fmt.Sprintf("define the %s first", kind)
	case len(ids) <= 12:
		return fmt.Sprintf("use one of %s%s", strings.Join(ids, ", "), suggest(id, ids))
	}
	return fmt.Sprintf("use the id of an existing %s%s", kind, suggest(id, ids))
}
