package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

const usage = `usage:
  ropa check [--at YYYY-MM-DD] [--format text|json] FILE...
  ropa export --format xlsx|json|report [--layout generic|gba|ico|cnil] [--lang en|nl|fr|de] [--at YYYY-MM-DD] -o OUT FILE
  ropa rules [--format text|json]
  ropa schema
`

// run carries out one command line and returns the exit status. now gives
// the current time, for the default checking date.
func run(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return check(args[1:], stdout, stderr, now)
	case "rules":
		return rules(args[1:], stdout, stderr)
	case "export":
		return exportCmd(args[1:], stdout, stderr, now)
	case "schema":
		if len(args) > 1 {
			fmt.Fprintf(stderr, "ropa schema: unexpected argument %q\n", args[1])
			return exitUsage
		}
		if _, err := stdout.Write(export.Schema()); err != nil {
			return exitUsage
		}
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "ropa: unknown command %q\n%s", args[0], usage)
	return exitUsage
}

// parse parses flags that may stand before, between or after the operands.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return operands, nil
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
}

// command is a subcommand's flags, with the --format flag they all have.
type command struct {
	name    string
	flags   *flag.FlagSet
	format  *string
	stderr  io.Writer
	formats []string
}

func newCommand(name string, stderr io.Writer, formats ...string) *command {
	fs := flag.NewFlagSet("ropa "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if len(formats) == 0 {
		formats = []string{"text", "json"}
	}
	c := &command{name: name, flags: fs, stderr: stderr, formats: formats}
	c.format = fs.String("format", formats[0], "output format: "+strings.Join(formats, ", "))
	return c
}

// parse parses the arguments and checks --format. It reports what is wrong
// on standard error and returns false.
func (c *command) parse(args []string) ([]string, bool) {
	operands, err := parse(c.flags, args)
	if err != nil {
		return nil, false
	}
	if slices.Contains(c.formats, *c.format) {
		return operands, true
	}
	c.fail("--format must be %s, not %q", strings.Join(c.formats, " or "), *c.format)
	return nil, false
}

func (c *command) fail(format string, args ...any) {
	fmt.Fprintf(c.stderr, "ropa %s: %s\n", c.name, fmt.Sprintf(format, args...))
}

// fileReport is the JSON form of the check of one file.
type fileReport struct {
	File string `json:"file"`
	*ropa.Report
}

func check(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	cmd := newCommand("check", stderr)
	at := cmd.flags.String("at", "", "check the register as of this date, YYYY-MM-DD (default today)")
	format := cmd.format
	files, ok := cmd.parse(args)
	if !ok {
		return exitUsage
	}
	if len(files) == 0 {
		cmd.fail("name one or more register files\n%s", usage)
		return exitUsage
	}
	day, ok := cmd.date(*at, now)
	if !ok {
		return exitUsage
	}
	status := exitOK
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, file := range files {
		reg, src, err := ropa.Load(file)
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = exitUsage
			continue
		}
		rep := ropa.Check(reg, day)
		rep.Locate(reg, src)
		if *format == "json" {
			if err := enc.Encode(fileReport{file, rep}); err != nil {
				fmt.Fprintln(stderr, "ropa check:", err)
				return exitUsage
			}
		} else {
			printText(stdout, file, rep)
		}
		if rep.HasErrors() && status == exitOK {
			status = exitFindings
		}
	}
	return status
}

func printText(w io.Writer, file string, rep *ropa.Report) {
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "%s: %s %s [%s] %s\n", location(file, f), f.Severity, f.Rule, f.Article, describe(f))
	}
	for _, wv := range rep.Waived {
		fmt.Fprintf(w, "%s: waived %s [%s] %s — waiver: %s\n", location(file, wv.Finding), wv.Rule, wv.Article, describe(wv.Finding), wv.Reason)
	}
	s := rep.Summary
	fmt.Fprintf(w, "%s: %s, %s, %d info", file, plural(s.Errors, "error"), plural(s.Warnings, "warning"), s.Info)
	if len(rep.Waived) > 0 {
		fmt.Fprintf(w, ", %d waived", len(rep.Waived))
	}
	fmt.Fprintf(w, " (checked as of %s)\n", rep.At)
}

func location(file string, f ropa.Finding) string {
	switch {
	case f.Line > 0 && f.Column > 0:
		return fmt.Sprintf("%s:%d:%d", file, f.Line, f.Column)
	case f.Line > 0:
		return fmt.Sprintf("%s:%d", file, f.Line)
	}
	return file
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

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func rules(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("rules", stderr)
	operands, ok := cmd.parse(args)
	if !ok {
		return exitUsage
	}
	if len(operands) > 0 {
		cmd.fail("unexpected argument %q", operands[0])
		return exitUsage
	}
	format := cmd.format
	catalogue := ropa.Rules()
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(catalogue); err != nil {
			fmt.Fprintln(stderr, "ropa rules:", err)
			return exitUsage
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tARTICLE\tSUMMARY")
	for _, r := range catalogue {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Article, r.Doc)
	}
	if err := tw.Flush(); err != nil {
		return exitUsage
	}
	return exitOK
}

// date returns the date of --at, or today.
func (c *command) date(at string, now func() time.Time) (ropa.Date, bool) {
	if at == "" {
		return ropa.DateOf(now()), true
	}
	d, err := ropa.ParseDate(at)
	if err != nil {
		c.fail("--at: %v", err)
		return ropa.Date{}, false
	}
	return d, true
}

func exportCmd(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	cmd := newCommand("export", stderr, "xlsx", "json", "report")
	layout := cmd.flags.String("layout", "generic", "workbook layout: "+either(export.Layouts()))
	language := cmd.flags.String("lang", "", "language of the workbook: "+either(lang.All())+" (default: the register's)")
	at := cmd.flags.String("at", "", "check and date the export as of YYYY-MM-DD (default today)")
	out := cmd.flags.String("o", "", "output file, or - for standard output")
	files, ok := cmd.parse(args)
	if !ok {
		return exitUsage
	}
	if len(files) != 1 {
		cmd.fail("name exactly one register file\n%s", usage)
		return exitUsage
	}
	if *out == "" {
		cmd.fail("name the output file with -o (or -o - for standard output)")
		return exitUsage
	}
	if !export.Layout(*layout).Valid() {
		cmd.fail("--layout must be %s, not %q", either(export.Layouts()), *layout)
		return exitUsage
	}
	if *language != "" && !export.Lang(*language).Valid() {
		cmd.fail("--lang must be %s, not %q", either(lang.All()), *language)
		return exitUsage
	}
	day, ok := cmd.date(*at, now)
	if !ok {
		return exitUsage
	}
	reg, src, err := ropa.Load(files[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	rep := ropa.Check(reg, day) // checked once; the writers write what they are given
	rep.Locate(reg, src)
	err = writeOutput(*out, stdout, func(w io.Writer) error {
		switch *cmd.format {
		case "xlsx":
			opts := []export.Option{export.WithLayout(export.Layout(*layout)), export.WithReport(rep)}
			if *language != "" {
				opts = append(opts, export.WithLang(export.Lang(*language)))
			}
			return export.WriteXLSX(w, reg, opts...)
		case "json":
			return export.WriteJSON(w, reg)
		}
		return export.WriteReport(w, reg, rep)
	})
	if err != nil {
		fmt.Fprintln(stderr, "ropa export:", err)
		return exitUsage
	}
	return exitOK
}

// writeOutput writes an export to the file out, or to stdout for "-". The
// export goes to a temporary file first, so that memory does not grow with
// the size of the file and a failed export leaves nothing behind: an existing
// file is replaced only when the export succeeds, and nothing reaches stdout.
func writeOutput(out string, stdout io.Writer, write func(io.Writer) error) error {
	dir := ""
	if out != "-" {
		dir = filepath.Dir(out)
	}
	tmp, err := os.CreateTemp(dir, ".ropa-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	defer tmp.Close()
	if err := write(tmp); err != nil {
		return err
	}
	if out == "-" {
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		_, err := io.Copy(stdout, tmp)
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
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
