package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/importxlsx"
	"github.com/openropa/registry/internal/outfile"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// stdinName is how messages name standard input, given as the file "-".
const stdinName = "<stdin>"

// env is what a command line runs with: its standard streams and the clock
// that gives the default checking date.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
}

// verb is one command of ropa.
type verb struct {
	name     string
	synopsis string // the arguments, after "ropa NAME"
	doc      string
	formats  []string // the values of --format, the first the default; none: no --format
	flags    func(c *command)
	run      func(c *command, operands []string) int
}

var verbs []verb // set in init: the verbs' usage lists the verbs

func init() {
	verbs = []verb{
		{
			name:     "check",
			synopsis: "[--at YYYY-MM-DD] [--format text|json|sarif] [--lang en|nl|fr|de] [--input yaml|json] FILE...",
			doc: "Loads each register and checks it against the GDPR as of a date (today by default), the findings in the\n" +
				"register's language unless --lang names another; --format sarif writes one SARIF 2.1.0 run for CI.\n" +
				"A FILE that is an XLSX workbook is imported as ropa import reads it, each finding at its cell.\n" +
				"Exits 0 when no finding is an error, 1 when one is, 2 when a file cannot be loaded or the arguments are wrong.",
			formats: []string{"text", "json", "sarif"},
			flags:   checkFlags,
			run:     check,
		},
		{
			name:     "export",
			synopsis: "--format xlsx|json|report|dot|mermaid|svg|dpv [--layout generic|gba|ico|cnil] [--lang en|nl|fr|de] [--at YYYY-MM-DD] [--input yaml|json] -o OUT FILE",
			doc: "Writes a register as an XLSX workbook (the generic layout or one of a supervisory authority),\n" +
				"as canonical JSON, as a JSON report with the findings of its check, or as a data-flow map\n" +
				"(DOT, Mermaid, or SVG through Graphviz) with each transfer's status on the date, or as JSON-LD in\n" +
				"the W3C Data Privacy Vocabulary (dpv).\n" +
				"OUT is replaced only when the whole export succeeded, keeping its mode; a symbolic link is followed,\n" +
				"a device or FIFO written through; a read-only OUT, or one with several hard links, is refused.\n" +
				"Exits 0 when the export is written, 2 when it is not.",
			formats: []string{"xlsx", "json", "report", "dot", "mermaid", "svg", "dpv"},
			flags:   exportFlags,
			run:     exportCmd,
		},
		{
			name:     "diff",
			synopsis: "[--at YYYY-MM-DD] [--format text|json] [--input yaml|json] OLD NEW",
			doc: "Says what changed between two versions of a register: the activities and records added, removed and\n" +
				"changed, the findings that appear and disappear as of the date, and what each change requires.\n" +
				"OLD may be - or <(git show HEAD~1:register.yaml). Exits 0 when nothing changed, 1 when something did, 2 when a file cannot be loaded.",
			formats: []string{"text", "json"},
			flags:   func(c *command) { c.loadFlags("check both versions as of this date") },
			run:     diff,
		},
		importVerb,
		noticeVerb,
		{
			name:     "rules",
			synopsis: "[--format text|json]",
			doc:      "Prints the catalogue of rules: id, severity, article and summary.",
			formats:  []string{"text", "json"},
			run:      rules,
		},
		{
			name:     "schema",
			synopsis: "",
			doc:      "Prints the JSON Schema of the register format.",
			run:      schema,
		},
		{
			name:     "help",
			synopsis: "[COMMAND]",
			doc:      "Prints the usage of ropa, or of a command.",
			run:      help,
		},
	}
}

// usage is the usage of ropa as a whole.
func usage() string {
	var b strings.Builder
	b.WriteString("usage:\n")
	for _, v := range verbs {
		b.WriteString("  " + strings.TrimSpace("ropa "+v.name+" "+v.synopsis) + "\n")
	}
	b.WriteString("\nA FILE of - reads standard input, its format told from its content (JSON if it starts with {,\n" +
		"otherwise YAML) unless --input names it; -o - writes standard output.\n" +
		"ropa COMMAND -h prints the usage of a command.\n")
	return b.String()
}

// run carries out one command line and returns the exit status.
func run(args []string, e env) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage())
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(e.stdout, usage())
		return exitOK
	}
	v, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(e.stderr, "ropa: unknown command %q\n%s", args[0], usage())
		return exitUsage
	}
	c := newCommand(v, e)
	operands, status, ok := c.parse(args[1:])
	if !ok {
		return status
	}
	return v.run(c, operands)
}

func lookup(name string) (verb, bool) {
	i := slices.IndexFunc(verbs, func(v verb) bool { return v.name == name })
	if i < 0 {
		return verb{}, false
	}
	return verbs[i], true
}

// command is a verb being run: its flags and the environment.
type command struct {
	verb
	env
	fs     *flag.FlagSet
	format *string
	at     *string // --at, for the verbs that have it
	input  *string // --input, for the verbs that have it
	lang   *string // --lang of check
	export exportOptions
}

func newCommand(v verb, e env) *command {
	fs := flag.NewFlagSet("ropa "+v.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors and prints the usage itself
	c := &command{verb: v, env: e, fs: fs}
	if len(v.formats) > 0 {
		c.format = fs.String("format", v.formats[0], "output format: "+either(v.formats))
	}
	if v.flags != nil {
		v.flags(c)
	}
	return c
}

// usage is the usage of the verb, with its flags.
func (c *command) usage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: %s\n\n%s\n", strings.TrimSpace("ropa "+c.name+" "+c.synopsis), c.doc)
	n := 0
	c.fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("\nflags:\n")
		c.fs.SetOutput(&b)
		c.fs.PrintDefaults()
		c.fs.SetOutput(io.Discard)
	}
	return b.String()
}

// parse parses flags that may stand before, between or after the operands,
// and checks --format. -h and --help print the usage on standard output;
// wrong flags print what is wrong and the usage on standard error. When ok
// is false, the command ends with status.
func (c *command) parse(args []string) (operands []string, status int, ok bool) {
	for {
		err := c.fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(c.stdout, c.usage())
			return nil, exitOK, false
		}
		if err != nil {
			return nil, c.misuse("%v", err), false
		}
		rest := c.fs.Args()
		if len(rest) == 0 {
			break
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
	if c.format != nil && !slices.Contains(c.formats, *c.format) {
		return nil, c.misuse("--format must be %s, not %q", either(c.formats), *c.format), false
	}
	if c.input != nil && *c.input != "" && !slices.Contains([]ropa.Format{ropa.YAML, ropa.JSON}, ropa.Format(*c.input)) {
		return nil, c.misuse("--input must be yaml or json, not %q", *c.input), false
	}
	return operands, exitOK, true
}

// misuse reports wrong arguments, with the verb's usage, and returns
// exitUsage.
func (c *command) misuse(format string, args ...any) int {
	c.fail(format, args...)
	fmt.Fprint(c.stderr, "\n"+c.usage())
	return exitUsage
}

// fail reports what is wrong on standard error.
func (c *command) fail(format string, args ...any) {
	fmt.Fprintf(c.stderr, "ropa %s: %s\n", c.name, fmt.Sprintf(format, args...))
}

// loadFlags declares --at and --input.
func (c *command) loadFlags(atDoc string) {
	c.at = c.fs.String("at", "", atDoc+", YYYY-MM-DD (default today)")
	c.input = c.fs.String("input", "", "format of the register: yaml or json (default: from the file's extension, else from its content)")
}

// date returns the date of --at, or today.
func (c *command) date() (ropa.Date, bool) {
	if *c.at == "" {
		return ropa.DateOf(c.now()), true
	}
	d, err := ropa.ParseDate(*c.at)
	if err != nil {
		c.misuse("--at: %v", err)
		return ropa.Date{}, false
	}
	return d, true
}

// files checks that standard input is named at most once.
func (c *command) files(files []string) bool {
	n := 0
	for _, f := range files {
		if f == "-" {
			n++
		}
	}
	if n > 1 {
		c.misuse("standard input (-) can be read only once, and is named %d times", n)
		return false
	}
	return true
}

// loaded is a register as read from a file: a document with its source
// map, or a workbook imported with the cells its elements came from.
type loaded struct {
	reg  *ropa.Register
	src  *ropa.Source       // a document's; nil for a workbook
	book *importxlsx.Result // a workbook's; nil for a document
	name string             // the file as messages name it
}

// locate sets the position of each finding of rep: its line and column in
// a document, its cell in a workbook ("book.xlsx#Activities!B3").
func (l *loaded) locate(rep *ropa.Report) {
	if l.book != nil {
		l.book.Locate(rep, l.name)
		return
	}
	rep.Locate(l.reg, l.src)
}

// load reads the register in file ("-": standard input). It reads no more
// than the reader's limit (and a byte to tell a larger document), so that a
// file such as /dev/zero is refused, not read whole. A workbook (an XLSX
// file, told by its zip signature) is imported as ropa import does, its
// import problems listed on standard error.
func (c *command) load(file string) (*loaded, error) {
	name := file
	r := c.stdin
	if file == "-" {
		name = stdinName
	} else {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(zipSignature)); *c.input == "" && bytes.Equal(head, zipSignature) {
		return c.loadWorkbook(file, name, br)
	}
	data, err := io.ReadAll(io.LimitReader(br, ropa.DefaultMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading the register: %w", name, err)
	}
	format := ropa.Format(*c.input)
	if format == "" {
		format = formatOf(file, data)
	}
	reg, src, err := ropa.Decode(data, format)
	if le, ok := err.(*ropa.LoadError); ok {
		le.File = name
	}
	if err != nil {
		return nil, err
	}
	src.File = name
	return &loaded{reg: reg, src: src, name: name}, nil
}

// zipSignature begins every XLSX file (a zip archive).
var zipSignature = []byte("PK\x03\x04")

// loadWorkbook imports the workbook in file as ropa import reads it: a
// regular file where it lies, anything else (standard input, a pipe) from
// in, which holds what was read of it so far.
func (c *command) loadWorkbook(file, name string, in io.Reader) (*loaded, error) {
	if st, err := os.Stat(file); err != nil || !st.Mode().IsRegular() {
		file = "-"
	}
	res, err := c.readWorkbook(file, in, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, p := range res.Problems {
		fmt.Fprintf(c.stderr, "%s#%s\n", name, p)
	}
	return &loaded{reg: res.Register, book: res, name: name}, nil
}

// formatOf is the format of a register document: the one its file's
// extension names, or else JSON when its first byte other than white space
// is "{", and YAML otherwise. A name with no usable extension, such as "-"
// or /dev/fd/63, is told by its content.
func formatOf(file string, data []byte) ropa.Format {
	if file != "-" {
		if f, err := ropa.FormatOf(file); err == nil {
			return f
		}
	}
	if rest := bytes.TrimLeft(data, " \t\r\n"); len(rest) > 0 && rest[0] == '{' {
		return ropa.JSON
	}
	return ropa.YAML
}

// fileReport is the JSON form of the check of one file.
type fileReport struct {
	File string `json:"file"`
	*ropa.Report
}

func checkFlags(c *command) {
	c.loadFlags("check the registers as of this date")
	c.lang = c.fs.String("lang", "", "language of the findings: "+either(lang.All())+" (default: the register's, else en)")
}

// languageOf returns the language of the findings of a register: the one
// asked for, else the register's own where it is one of the library's, else
// English.
func languageOf(asked string, reg *ropa.Register) lang.Lang {
	if asked != "" {
		return lang.Lang(asked)
	}
	base, _, _ := strings.Cut(strings.ToLower(reg.Language), "-")
	if l := lang.Lang(base); l.Valid() {
		return l
	}
	return lang.English
}

func check(c *command, files []string) int {
	if len(files) == 0 {
		return c.misuse("name one or more register files (- for standard input)")
	}
	if !c.files(files) {
		return exitUsage
	}
	day, ok := c.date()
	if !ok {
		return exitUsage
	}
	if *c.lang != "" && !lang.Lang(*c.lang).Valid() {
		return c.misuse("--lang must be %s, not %q", either(lang.All()), *c.lang)
	}
	status := exitOK
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	all := &ropa.Report{At: day} // for SARIF: one run of every file's findings
	for _, file := range files {
		in, err := c.load(file)
		if err != nil {
			fmt.Fprintln(c.stderr, err)
			status = exitUsage
			continue
		}
		reg := in.reg
		l := languageOf(*c.lang, reg)
		rep := ropa.Check(reg, day)
		in.locate(rep)
		rep = rep.Translated(l, nil)
		switch *c.format {
		case "sarif":
			all.Findings = append(all.Findings, rep.Findings...)
			all.Waived = append(all.Waived, rep.Waived...)
		case "json":
			if err := enc.Encode(fileReport{in.name, rep}); err != nil {
				c.fail("%v", err)
				return exitUsage
			}
		default:
			printText(c.stdout, in.name, rep, l)
		}
		if rep.HasErrors() && status == exitOK {
			status = exitFindings
		}
	}
	if *c.format == "sarif" {
		if err := export.WriteSARIF(c.stdout, all); err != nil {
			c.fail("%v", err)
			return exitUsage
		}
	}
	return status
}

func printText(w io.Writer, file string, rep *ropa.Report, l lang.Lang) {
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "%s: %s %s [%s] %s\n", location(file, f), f.Severity, f.Rule, lang.Cite(f.Article, l), describe(f))
	}
	for _, wv := range rep.Waived {
		fmt.Fprintf(w, "%s: waived %s [%s] %s — waiver: %s\n", location(file, wv.Finding), wv.Rule, lang.Cite(wv.Article, l), describe(wv.Finding), wv.Reason)
	}
	s, sw := rep.Summary, summaryWords[l]
	fmt.Fprintf(w, "%s: %s, %s, %s", file, count(s.Errors, sw[0]), count(s.Warnings, sw[1]), count(s.Info, sw[2]))
	if len(rep.Waived) > 0 {
		fmt.Fprintf(w, ", %s", count(len(rep.Waived), sw[3]))
	}
	fmt.Fprintf(w, " (%s %s)\n", sw[4][0], rep.At)
}

// summaryWords are the words of a check's summary line in each language:
// the singular and plural of errors, warnings, advice and waived findings,
// then "checked as of".
var summaryWords = map[lang.Lang][5][2]string{
	lang.English: {{"error", "errors"}, {"warning", "warnings"}, {"info", "info"}, {"waived", "waived"}, {"checked as of"}},
	lang.Dutch:   {{"fout", "fouten"}, {"waarschuwing", "waarschuwingen"}, {"advies", "adviezen"}, {"aanvaard", "aanvaard"}, {"gecontroleerd op"}},
	lang.French:  {{"erreur", "erreurs"}, {"avertissement", "avertissements"}, {"conseil", "conseils"}, {"acceptée", "acceptées"}, {"vérifié au"}},
	lang.German:  {{"Fehler", "Fehler"}, {"Warnung", "Warnungen"}, {"Hinweis", "Hinweise"}, {"akzeptiert", "akzeptiert"}, {"geprüft zum"}},
}

// count writes a number with the singular or plural of its word.
func count(n int, word [2]string) string {
	if n == 1 {
		return "1 " + word[0]
	}
	return fmt.Sprintf("%d %s", n, word[1])
}

// location is where a finding stands, as file:line:column; for an element
// reached through a YAML alias, with where it stands under the anchor.
func location(file string, f ropa.Finding) string {
	loc := file
	if f.File != "" {
		loc = f.File // a workbook's cell, such as book.xlsx#Activities!B3
	}
	switch {
	case f.Line > 0 && f.Column > 0:
		loc = fmt.Sprintf("%s:%d:%d", loc, f.Line, f.Column)
	case f.Line > 0:
		loc = fmt.Sprintf("%s:%d", loc, f.Line)
	}
	if f.Anchor != nil {
		loc += fmt.Sprintf(" (anchor %s)", f.Anchor)
	}
	return loc
}

func describe(f ropa.Finding) string {
	var parts []string
	if !f.Path.IsRoot() {
		parts = append(parts, f.Path.String())
	}
	if f.Activity != "" {
		parts = append(parts, "("+f.Activity+")")
	}
	parts = append(parts, f.Message)
	return strings.Join(parts, " ")
}

// none refuses operands, for the verbs that take none.
func (c *command) none(operands []string) bool {
	if len(operands) > 0 {
		c.misuse("unexpected argument %q", operands[0])
		return false
	}
	return true
}

func rules(c *command, operands []string) int {
	if !c.none(operands) {
		return exitUsage
	}
	catalogue := ropa.Rules()
	if *c.format == "json" {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(catalogue); err != nil {
			c.fail("%v", err)
			return exitUsage
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tARTICLE\tSUMMARY")
	for _, r := range catalogue {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Article, r.Doc)
	}
	if err := tw.Flush(); err != nil {
		return exitUsage
	}
	return exitOK
}

func schema(c *command, operands []string) int {
	if !c.none(operands) {
		return exitUsage
	}
	if _, err := c.stdout.Write(export.Schema()); err != nil {
		c.fail("%v", err)
		return exitUsage
	}
	return exitOK
}

func help(c *command, operands []string) int {
	switch len(operands) {
	case 0:
		fmt.Fprint(c.stdout, usage())
		return exitOK
	case 1:
		v, ok := lookup(operands[0])
		if !ok {
			return c.misuse("unknown command %q", operands[0])
		}
		fmt.Fprint(c.stdout, newCommand(v, c.env).usage())
		return exitOK
	}
	return c.misuse("unexpected argument %q", operands[1])
}

// exportOptions are the flags of export beside --format, --at and --input.
type exportOptions struct {
	layout, lang, out *string
}

func exportFlags(c *command) {
	c.export = exportOptions{
		layout: c.fs.String("layout", "generic", "workbook layout: "+either(export.Layouts())),
		lang:   c.fs.String("lang", "", "language of the workbook: "+either(lang.All())+" (default: the register's); gba: nl or fr"),
		out:    c.fs.String("o", "", "output file, or - for standard output"),
	}
	c.loadFlags("check and date the export as of this date")
}

// gbaLangs are the languages of the GBA layout.
var gbaLangs = []lang.Lang{lang.Dutch, lang.French}

func exportCmd(c *command, files []string) int {
	o := c.export
	if len(files) != 1 {
		return c.misuse("name exactly one register file (- for standard input)")
	}
	if *o.out == "" {
		return c.misuse("name the output file with -o (or -o - for standard output)")
	}
	layout, language := export.Layout(*o.layout), export.Lang(*o.lang)
	if !layout.Valid() {
		return c.misuse("--layout must be %s, not %q", either(export.Layouts()), *o.layout)
	}
	if *o.lang != "" && !language.Valid() {
		return c.misuse("--lang must be %s, not %q", either(lang.All()), *o.lang)
	}
	if layout == export.GBA && *o.lang != "" && !slices.Contains(gbaLangs, language) {
		return c.misuse("the gba layout exists in Dutch and French only: use --lang nl or --lang fr, not %q", *o.lang)
	}
	day, ok := c.date()
	if !ok {
		return exitUsage
	}
	in, err := c.load(files[0])
	if err != nil {
		fmt.Fprintln(c.stderr, err)
		return exitUsage
	}
	reg := in.reg
	rep := ropa.Check(reg, day) // checked once; the writers write what they are given
	in.locate(rep)
	write := func(w io.Writer) error {
		switch *c.format {
		case "xlsx":
			opts := []export.Option{export.WithLayout(layout), export.WithReport(rep)}
			if *o.lang != "" {
				opts = append(opts, export.WithLang(language))
			}
			return export.WriteXLSX(w, reg, opts...)
		case "json":
			return export.WriteJSON(w, reg)
		case "dpv":
			var opts []export.DPVOption
			if *o.lang != "" {
				opts = append(opts, export.WithDPVLang(language))
			}
			return export.WriteDPV(w, reg, opts...)
		case "dot", "mermaid", "svg":
			var opts []export.FlowOption
			if *o.lang != "" {
				opts = append(opts, export.WithFlowLang(language))
			}
			return export.WriteFlowMap(w, reg, rep, export.FlowFormat(*c.format), opts...)
		}
		return export.WriteReport(w, reg, rep)
	}
	if *o.out == "-" {
		err = outfile.Spool(c.stdout, write)
	} else {
		err = outfile.Write(*o.out, write)
	}
	if err != nil {
		c.fail("%v", err)
		return exitUsage
	}
	return exitOK
}

// either writes values as "a, b or c".
func either[T ~string](values []T) string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = string(v)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// diff compares two versions of a register.
func diff(c *command, files []string) int {
	if len(files) != 2 {
		return c.misuse("name the old and the new version of the register")
	}
	if !c.files(files) {
		return exitUsage
	}
	day, ok := c.date()
	if !ok {
		return exitUsage
	}
	var ins [2]*loaded
	for i, file := range files {
		in, err := c.load(file)
		if err != nil {
			fmt.Fprintln(c.stderr, err)
			return exitUsage
		}
		ins[i] = in
	}
	d := ropa.Diff(ins[0].reg, ins[1].reg, day)
	ins[1].locate(&ropa.Report{Findings: d.Appeared})
	ins[0].locate(&ropa.Report{Findings: d.Disappeared})
	var err error
	if *c.format == "json" {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(d)
	} else {
		err = d.WriteText(c.stdout)
	}
	if err != nil {
		c.fail("%v", err)
		return exitUsage
	}
	if d.Empty() {
		return exitOK
	}
	return exitFindings
}
