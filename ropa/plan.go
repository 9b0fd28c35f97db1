package ropa

import (
	"fmt"
	"hash/fnv"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// A plan runs the validate tags of the model as validator/v10 interprets
// them, compiled once from the same tags: Validate asks validator/v10 on
// every call, Check runs the plan. validator/v10 walks every field of every
// element by reflection and formats the name of each list element it
// enters, whether or not anything fails; the plan visits only the fields
// that carry a tag, and names an element only when it finds a fault there.
//
// The plan reads the fields it can test quickly (strings, lists of strings,
// the headers of lists of structs, pointers to structs) through their
// offsets with package unsafe, from the types the compiler has checked; a
// field whose quick test fails, or whose tags need more, goes through
// reflect as validator/v10's rules say. The tests that are more than a
// comparison are validator/v10's own: e-mail, URL and BCP 47 through Var
// (their answers remembered), ISO 3166 codes from a table of its answers.
// Tests and fuzzing hold the two to the same faults.

// fault is a failed check of a field: what validator/v10 reports as a
// FieldError, in the terms that faultFinding needs.
type fault struct {
	ns       string // JSON namespace, such as "Register.activities[0].id"
	structNS string // Go namespace, such as "Register.Activities[0].ID"
	field    string // the JSON name of the field or element, such as "id" or "categories[0]"
	tag      string
	param    string
	value    any
	kind     reflect.Kind
	typ      reflect.Type
	// article is the provision of the field, where the plan knows it
	// already; otherwise faultFinding works it out from structNS.
	article string
}

// opKind is one validation of a tag.
type opKind uint8

const (
	opOmitEmpty opKind = iota
	opRequired
	opMin
	opEnum
	opVar // a check of validator/v10 run through Var, such as email
	opCountry
	opRequiredWithout
	opRequiredIf
	opDive
)

type op struct {
	kind  opKind
	tag   string // the tag as written, without its parameter
	param string
	n     int64  // min's bound
	field int    // the sibling field of required_without and required_if
	value string // the value of required_if
	set   *enumSet
}

// fieldPlan is the checking of one field of a struct.
type fieldPlan struct {
	index         int
	name, altName string // the Go and JSON names
	art           string // the field's art tag
	ops           []op
	elem          *structPlan // the struct the field, or its elements, hold
	// quick, where set, tells quickly that the field at offset in its
	// struct has no fault (see passes).
	quick    quickTest
	quickSet *enumSet
	offset   uintptr
	// shape says how the walk enters the struct or structs the field holds
	// without reflection, where its tags allow.
	shape  fieldShape
	minLen int // of a shapeStructList field: the least number of elements
}

// fieldShape is how a field holds structs to walk into.
type fieldShape uint8

const (
	shapeOther      fieldShape = iota // walked through reflection
	shapeStruct                       // a struct, without tags
	shapeStructPtr                    // a pointer to a struct, without tags
	shapeStructList                   // a list of structs, tagged dive or min=N,dive
)

// structPlan is the checking of a struct type.
type structPlan struct {
	typ    reflect.Type
	fields []fieldPlan
	level  func(base unsafe.Pointer, w *planWalker) // the struct-level check of a struct at base, if any
	empty  bool                                     // nothing in it or below it to check
}

var plan = sync.OnceValue(func() *structPlan {
	c := planCompiler{plans: map[reflect.Type]*structPlan{}, sets: enumSets()}
	return c.compile(reflect.TypeFor[Register]())
})

// enumSet holds the values of an enumeration by their length: a value is
// looked for among the few of its length, without hashing it.
type enumSet struct {
	byLen [][]string
}

func newEnumSet(values []string) *enumSet {
	e := &enumSet{}
	for _, v := range values {
		for len(e.byLen) <= len(v) {
			e.byLen = append(e.byLen, nil)
		}
		e.byLen[len(v)] = append(e.byLen[len(v)], v)
	}
	return e
}

func (e *enumSet) has(s string) bool {
	return len(s) < len(e.byLen) && slices.Contains(e.byLen[len(s)], s)
}

// enumSets returns the values of each enumeration type as a set.
func enumSets() map[reflect.Type]*enumSet {
	sets := map[reflect.Type]*enumSet{}
	for t, values := range enumValues {
		sets[t] = newEnumSet(values)
	}
	return sets
}

type planCompiler struct {
	plans map[reflect.Type]*structPlan
	sets  map[reflect.Type]*enumSet
}

// compile makes the plan of a struct type. It panics on a tag, or a tag on
// a kind of field, that the plan does not run as validator/v10 does: a test
// compiles the plan, so a new tag on the model cannot go unnoticed.
func (c *planCompiler) compile(t reflect.Type) *structPlan {
	if p, ok := c.plans[t]; ok {
		return p
	}
	p := &structPlan{typ: t}
	c.plans[t] = p
	switch t {
	case reflect.TypeFor[Registration]():
		p.level = checkRegistration
	case reflect.TypeFor[RetentionRule]():
		p.level = checkRetentionRule
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("validate")
		if !f.Anonymous && !f.IsExported() || tag == "-" {
			continue
		}
		fp := fieldPlan{index: i, name: f.Name, altName: f.Name, art: f.Tag.Get("art")}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			fp.altName = name
		}
		if tag != "" {
			for _, s := range strings.Split(tag, ",") {
				fp.ops = append(fp.ops, c.op(t, f, s))
			}
		}
		inner := f.Type
		for inner.Kind() == reflect.Pointer || inner.Kind() == reflect.Slice && fp.dives() {
			inner = inner.Elem()
		}
		if inner.Kind() == reflect.Struct {
			fp.elem = c.compile(inner)
		}
		fp.quick, fp.quickSet = quickTestOf(f.Type, fp.ops)
		fp.offset = f.Offset
		fp.shape, fp.minLen = shapeOf(f.Type, fp.ops)
		c.supported(t, f, fp)
		if len(fp.ops) > 0 || fp.elem != nil && !fp.elem.empty {
			p.fields = append(p.fields, fp)
		}
	}
	p.empty = len(p.fields) == 0 && p.level == nil
	return p
}

// supported panics on the uses of tags that the plan does not run as
// validator/v10 does.
func (c *planCompiler) supported(t reflect.Type, f reflect.StructField, fp fieldPlan) {
	unsupported := func(why string) {
		panic(fmt.Sprintf("ropa: the validation plan does not run tag %q of %s.%s: %s", f.Tag.Get("validate"), t.Name(), f.Name, why))
	}
	if f.Type.Kind() == reflect.Pointer && len(fp.ops) > 0 && fp.ops[0].kind != opOmitEmpty {
		unsupported("a pointer is checked only after omitempty")
	}
	for k, o := range fp.ops {
		switch {
		case o.kind == opMin && f.Type.Kind() != reflect.Slice && (f.Type.Kind() != reflect.Pointer || f.Type.Elem().Kind() != reflect.Int):
			unsupported("min applies to lists and numbers")
		case o.kind == opDive && f.Type.Kind() != reflect.Slice:
			unsupported("dive applies to lists")
		case o.kind == opDive && f.Type.Elem().Kind() == reflect.Struct && fp.shape != shapeStructList:
			unsupported("a list of structs takes dive or min=N,dive")
		case o.kind == opDive && len(fp.ops[k+1:]) > 0:
			elem := f.Type.Elem()
			if elem.Kind() != reflect.String || slices.ContainsFunc(fp.ops[k+1:], func(o op) bool { return o.kind == opDive }) {
				unsupported("tags after dive apply to lists of strings, once")
			}
		case o.kind == opEnum || o.kind == opCountry || o.kind == opVar || o.kind == opRequiredWithout || o.kind == opRequiredIf:
			if f.Type.Kind() != reflect.String && (f.Type.Kind() != reflect.Slice || f.Type.Elem().Kind() != reflect.String) {
				unsupported("it applies to strings")
			}
		}
	}
}

// shapeOf says how the walk can enter the structs a field of type t with
// tags ops holds without reflection.
func shapeOf(t reflect.Type, ops []op) (fieldShape, int) {
	switch {
	case t.Kind() == reflect.Struct && len(ops) == 0:
		return shapeStruct, 0
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && len(ops) == 0:
		return shapeStructPtr, 0
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		if len(ops) == 1 && ops[0].kind == opDive {
			return shapeStructList, 0
		}
		if len(ops) == 2 && ops[0].kind == opMin && ops[1].kind == opDive {
			return shapeStructList, int(ops[0].n)
		}
	}
	return shapeOther, 0
}

// quickTest is a test that a field has no fault under the chains of tags on
// strings that the model uses most. It reads the field through its address:
// a string, or a list of strings (of a named string type, such as Source).
type quickTest uint8

const (
	noQuickTest          quickTest = iota
	quickRequired                  // required
	quickRequiredEnum              // required,enum
	quickOptionalEnum              // omitempty,enum
	quickOptionalCountry           // omitempty,iso3166_1_alpha2
	quickEnumList                  // dive,enum
)

// quickTestOf returns the quick test of a field of type t with tags ops, and
// the enumeration it tests against.
func quickTestOf(t reflect.Type, ops []op) (quickTest, *enumSet) {
	kinds := make([]opKind, len(ops))
	for i, o := range ops {
		kinds[i] = o.kind
	}
	var set *enumSet
	if len(ops) > 0 {
		set = ops[len(ops)-1].set
	}
	switch {
	case t.Kind() == reflect.String && slices.Equal(kinds, []opKind{opRequired}):
		return quickRequired, nil
	case t.Kind() == reflect.String && slices.Equal(kinds, []opKind{opRequired, opEnum}):
		return quickRequiredEnum, set
	case t.Kind() == reflect.String && slices.Equal(kinds, []opKind{opOmitEmpty, opEnum}):
		return quickOptionalEnum, set
	case t.Kind() == reflect.String && slices.Equal(kinds, []opKind{opOmitEmpty, opCountry}):
		return quickOptionalCountry, nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String && slices.Equal(kinds, []opKind{opDive, opEnum}):
		return quickEnumList, set
	}
	return noQuickTest, nil
}

// passes runs the quick test of a field at p. False means the test cannot
// tell: walkField finds the fault.
func (fp *fieldPlan) passes(p unsafe.Pointer) bool {
	switch fp.quick {
	case quickRequired:
		return *(*string)(p) != ""
	case quickRequiredEnum:
		s := *(*string)(p)
		return s != "" && fp.quickSet.has(s)
	case quickOptionalEnum:
		s := *(*string)(p)
		return s == "" || fp.quickSet.has(s)
	case quickOptionalCountry:
		s := *(*string)(p)
		return s == "" || validCountry(s)
	case quickEnumList:
		for _, s := range *(*[]string)(p) {
			if !fp.quickSet.has(s) {
				return false
			}
		}
		return true
	}
	return false
}

func (fp fieldPlan) dives() bool {
	for _, o := range fp.ops {
		if o.kind == opDive {
			return true
		}
	}
	return false
}

func (c *planCompiler) op(t reflect.Type, f reflect.StructField, s string) op {
	name, param, _ := strings.Cut(s, "=")
	o := op{tag: name, param: param}
	sibling := func(name string) int {
		g, ok := t.FieldByName(name)
		if !ok || len(g.Index) != 1 || g.Type.Kind() != reflect.String {
			panic(fmt.Sprintf("ropa: tag %q of %s.%s names no string field of %s", s, t.Name(), f.Name, t.Name()))
		}
		return g.Index[0]
	}
	switch name {
	case "omitempty":
		o.kind = opOmitEmpty
	case "required":
		o.kind = opRequired
	case "dive":
		o.kind = opDive
	case "min":
		n, err := strconv.ParseInt(param, 10, 64)
		if err != nil {
			panic(fmt.Sprintf("ropa: tag %q of %s.%s: %v", s, t.Name(), f.Name, err))
		}
		o.kind, o.n = opMin, n
	case "enum":
		o.kind = opEnum
		elem := f.Type
		if elem.Kind() == reflect.Slice {
			elem = elem.Elem()
		}
		if o.set = c.sets[elem]; o.set == nil {
			panic(fmt.Sprintf("ropa: tag enum on %s.%s, of type %s, which is no enumeration", t.Name(), f.Name, elem))
		}
	case "iso3166_1_alpha2":
		o.kind = opCountry
	case "email", "url", "bcp47_language_tag":
		o.kind = opVar
	case "required_without":
		o.kind, o.field = opRequiredWithout, sibling(param)
	case "required_if":
		field, value, ok := strings.Cut(param, " ")
		if !ok || strings.Contains(value, " ") {
			panic(fmt.Sprintf("ropa: the validation plan runs required_if with one field and value, not %q", param))
		}
		o.kind, o.field, o.value = opRequiredIf, sibling(field), value
	default:
		panic(fmt.Sprintf("ropa: the validation plan does not run tag %q of %s.%s", s, t.Name(), f.Name))
	}
	return o
}

// planWalker runs a plan over a register. It keeps the way from the
// register to where it is, and writes that way out as validator/v10's
// namespaces only for a fault.
type planWalker struct {
	way    []step
	faults []fault
}

// step is one step into the register: a struct field, or an element of a
// list field.
type step struct {
	field   *fieldPlan
	element int // the index of the element, or -1 for the field itself
}

// runPlan returns the faults of a register's fields: it runs the code
// generated from the plan (plan_gen.go), or, where that code was generated
// from another plan, walks the plan itself.
func runPlan(r *Register) []fault { return planFaults(r, generatedCurrent()) }

// planFaults returns the faults of a register's fields, from the generated
// code or from a walk of the plan.
func planFaults(r *Register, generated bool) []fault {
	w := planWalker{way: make([]step, 0, 8)}
	if generated {
		generatedWalk(&w, plan(), r)
	} else {
		w.walkStruct(plan(), unsafe.Pointer(r))
	}
	return w.faults
}

// The code that plan_gen.go holds, generated from the plan by
// TestPlanGenerated, walks a register as walkStruct does, with the quick
// tests, the enumerations and the structs of each field written out in Go.
// It runs only if the plan it was made from, as planDigest sums it up, is
// the plan of the model: a change of a tag or an enumeration leaves it
// unused, and TestPlanGenerated failing, until it is generated again
// (go test ./ropa -run TestPlanGenerated -update). A change that stops it
// compiling, such as a field renamed, needs plan_gen.go deleted first.
var (
	generatedWalk   func(w *planWalker, p *structPlan, r *Register)
	generatedDigest uint64
)

var generatedCurrent = sync.OnceValue(func() bool {
	return generatedWalk != nil && planDigest(plan()) == generatedDigest
})

// planDigest sums up what the code generated from a plan depends on: the
// structs, their fields and tags, the quick tests and the enumerations.
func planDigest(p *structPlan) uint64 {
	h := fnv.New64a()
	done := map[*structPlan]bool{}
	var sum func(p *structPlan)
	sum = func(p *structPlan) {
		if done[p] {
			return
		}
		done[p] = true
		fmt.Fprintf(h, "struct %s %v %v\n", p.typ, p.level != nil, p.empty)
		for _, fp := range p.fields {
			fmt.Fprintf(h, "field %d %s %d %d %d\n", fp.index, fp.name, fp.quick, fp.shape, fp.minLen)
			for _, o := range fp.ops {
				fmt.Fprintf(h, "op %s=%s\n", o.tag, o.param)
			}
			if fp.quickSet != nil {
				fmt.Fprintf(h, "set %q\n", fp.quickSet.byLen)
			}
		}
		for _, fp := range p.fields {
			if fp.elem != nil {
				sum(fp.elem)
			}
		}
	}
	sum(p)
	return h.Sum64()
}

// slow runs field i of the struct at base the way walkStruct does a field
// without a quick test, or whose quick test failed.
func (w *planWalker) slow(p *structPlan, i int, base unsafe.Pointer) {
	fp := &p.fields[i]
	v := reflect.NewAt(p.typ, base).Elem()
	w.walkField(fp, v, v.Field(fp.index))
}

// push and pop keep the way into the register.
func (w *planWalker) push(fp *fieldPlan, k int) { w.way = append(w.way, step{fp, k}) }
func (w *planWalker) pop()                      { w.way = w.way[:len(w.way)-1] }

// walkStruct walks a struct at base. It reads the fields with a quick test,
// and the structs it enters, through their address, and goes through
// reflect (slow) only for the others.
func (w *planWalker) walkStruct(p *structPlan, base unsafe.Pointer) {
	for i := range p.fields {
		fp := &p.fields[i]
		at := unsafe.Add(base, fp.offset)
		if fp.quick != noQuickTest && fp.passes(at) {
			continue
		}
		switch fp.shape {
		case shapeStruct:
			w.enter(fp, -1, at)
			continue
		case shapeStructPtr:
			if elem := *(*unsafe.Pointer)(at); elem != nil {
				w.enter(fp, -1, elem)
			}
			continue
		case shapeStructList:
			if list := *(*[]byte)(at); len(list) >= fp.minLen { // only the header is read
				size := fp.elem.typ.Size()
				for k := 0; k < len(list); k++ {
					w.enter(fp, k, unsafe.Add(unsafe.Pointer(unsafe.SliceData(list)), uintptr(k)*size))
				}
				continue
			}
		}
		w.slow(p, i, base)
	}
	if p.level != nil {
		p.level(base, w)
	}
}

// enter walks the struct at base that field fp, or its element k, holds.
func (w *planWalker) enter(fp *fieldPlan, k int, base unsafe.Pointer) {
	if fp.elem.empty {
		return
	}
	w.push(fp, k)
	w.walkStruct(fp.elem, base)
	w.pop()
}

// walkField runs a field's tags on its value cur, a field of struct parent,
// and walks into the struct or the elements it holds.
func (w *planWalker) walkField(fp *fieldPlan, parent, cur reflect.Value) {
	cur, isPointer := deref(cur)
	if !cur.IsValid() {
		return // a nil pointer: the compiler allows only omitempty, or no tag, on pointers
	}
	failed, dive, done := check(fp.ops, parent, cur, isPointer)
	switch {
	case failed >= 0:
		w.fail(step{fp, -1}, &fp.ops[failed], cur)
	case done:
	case dive < len(fp.ops):
		w.walkElements(fp, parent, cur, fp.ops[dive+1:])
	case fp.elem != nil:
		w.enter(fp, -1, unsafe.Pointer(cur.UnsafeAddr()))
	}
}

// walkElements runs the tags after dive on each element of a list of
// strings. (Lists of structs are entered by walkStruct: the compiler allows
// only dive or min=N,dive on them, and a list too short fails min first.)
func (w *planWalker) walkElements(fp *fieldPlan, parent, list reflect.Value, ops []op) {
	for i := 0; i < list.Len(); i++ {
		elem := list.Index(i)
		if failed, _, _ := check(ops, parent, elem, false); failed >= 0 {
			w.fail(step{fp, i}, &ops[failed], elem)
		}
	}
}

// deref follows pointers to the value, as validator/v10 does; it returns the
// invalid Value for a nil pointer, and whether there was a pointer.
func deref(v reflect.Value) (reflect.Value, bool) {
	isPointer := false
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, true
		}
		v, isPointer = v.Elem(), true
	}
	return v, isPointer
}

// check runs ops on a value up to the first dive. It returns the index of
// the op that failed, or -1; the index of the dive, or len(ops); and
// whether omitempty ended the checking of an empty value.
func check(ops []op, parent, cur reflect.Value, isPointer bool) (failed, dive int, done bool) {
	for k := range ops {
		o := &ops[k]
		ok := true
		switch o.kind {
		case opOmitEmpty:
			if !isPointer && !hasValue(cur) {
				return -1, len(ops), true
			}
		case opDive:
			return -1, k, false
		case opRequired:
			ok = isPointer || hasValue(cur)
		case opMin:
			if cur.Kind() == reflect.Slice {
				ok = int64(cur.Len()) >= o.n
			} else {
				ok = cur.Int() >= o.n
			}
		case opEnum:
			ok = o.set.has(cur.String())
		case opCountry:
			ok = validCountry(cur.String())
		case opVar:
			ok = validVar(o.tag, cur.String())
		case opRequiredWithout:
			ok = parent.Field(o.field).String() != "" || hasValue(cur)
		case opRequiredIf:
			ok = parent.Field(o.field).String() != o.value || hasValue(cur)
		}
		if !ok {
			return k, len(ops), false
		}
	}
	return -1, len(ops), false
}

// hasValue is validator/v10's test of a value being there.
func hasValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return v.Len() != 0
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		return !v.IsNil()
	}
	return !v.IsZero()
}

// fail records the fault of op o on the value cur at step last.
func (w *planWalker) fail(last step, o *op, cur reflect.Value) {
	ns, structNS := w.namespaces()
	field := last.field.altName
	if last.element >= 0 {
		field = elementName(field, last.element)
	}
	art := last.field.art
	for k := len(w.way) - 1; art == "" && k >= 0; k-- {
		art = w.way[k].field.art
	}
	article := "Art. 30 GDPR"
	if art != "" {
		article = "Art. " + art + " GDPR"
	}
	w.faults = append(w.faults, fault{
		ns: ns + field, structNS: structNS + elementName(last.field.name, last.element), field: field,
		tag: o.tag, param: o.param, value: cur.Interface(), kind: cur.Kind(), typ: cur.Type(), article: article,
	})
}

// namespaces returns validator/v10's JSON and Go namespaces of the struct
// the walker is in, such as "Register.activities[0]." and
// "Register.Activities[0].".
func (w *planWalker) namespaces() (ns, structNS string) {
	var b, sb strings.Builder
	b.WriteString("Register.")
	sb.WriteString("Register.")
	for _, s := range w.way {
		b.WriteString(elementName(s.field.altName, s.element))
		sb.WriteString(elementName(s.field.name, s.element))
		b.WriteByte('.')
		sb.WriteByte('.')
	}
	return b.String(), sb.String()
}

// elementName names a field, or with an index an element of it, such as
// "categories[0]".
func elementName(name string, i int) string {
	if i < 0 {
		return name
	}
	return name + "[" + strconv.Itoa(i) + "]"
}

// validCountry answers validator/v10's iso3166_1_alpha2 check: a value of
// two capital letters from a table of validator/v10's own answers, any
// other value by asking it.
func validCountry(s string) bool {
	if len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z' {
		return countryCodes()[int(s[0]-'A')*26+int(s[1]-'A')]
	}
	return validate().Var(s, "iso3166_1_alpha2") == nil
}

var countryCodes = sync.OnceValue(func() *[26 * 26]bool {
	var codes [26 * 26]bool
	for i := range codes {
		code := string([]byte{byte('A' + i/26), byte('A' + i%26)})
		codes[i] = validate().Var(code, "iso3166_1_alpha2") == nil
	}
	return &codes
})

// validVar answers a check of validator/v10 on a string, such as email,
// remembering the answers for the values that recur from check to check.
func validVar(tag, value string) bool {
	return varAnswers.get(varKey{tag, value}, func(k varKey) bool { return validate().Var(k.value, k.tag) == nil })
}

type varKey struct{ tag, value string }

var varAnswers = sharedMemo[varKey, bool]{bound: 4096}

// The struct-level checks, shared with validator/v10's struct validations.

func checkRegistration(base unsafe.Pointer, w *planWalker) {
	if f, ok := registrationFault(*(*Registration)(base)); ok {
		w.levelFault(f)
	}
}

func checkRetentionRule(base unsafe.Pointer, w *planWalker) {
	if f, ok := retentionFault((*RetentionRule)(base)); ok {
		w.levelFault(f)
	}
}

// levelFault records the fault of a struct-level check, as validator/v10's
// StructLevel.ReportError does.
func (w *planWalker) levelFault(f levelFault) {
	cur := reflect.ValueOf(f.value)
	ns, structNS := w.namespaces()
	w.faults = append(w.faults, fault{
		ns: ns + f.field, structNS: structNS + f.structField, field: f.field,
		tag: f.tag, param: f.param, value: f.value, kind: cur.Kind(), typ: cur.Type(),
	})
}
