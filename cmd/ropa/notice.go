package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/openropa/registry/internal/outfile"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/notice"
	"github.com/openropa/registry/ropa"
)

// noticeVerb is the entry of ropa notice in verbs.
var noticeVerb = verb{
	name:     "notice",
	synopsis: "[--lang en|nl|fr|de] [--format html|markdown] [--at YYYY-MM-DD] [--input yaml|json] [-o OUT] [--check NOTICE] FILE",
	doc: "Writes the Art. 13/14 privacy notice of a register (standard output, or OUT): the controller and DPO, each\n" +
		"purpose with its data, basis and retention, the recipients, transfers, rights, and the supervisory authority\n" +
		"of the organisation's country as of the date, in the register's language unless --lang names another.\n" +
		"With --check, reads a published NOTICE (plain text or HTML; - for standard input) and prints one line per\n" +
		"thing the register says that the notice does not: KIND PATH WHAT (also: the other places that say it).\n" +
		"Exits 0 when the notice is written or has no gap, 1 when it has gaps, 2 on an error.",
	formats: []string{string(notice.HTML), string(notice.Markdown)},
	flags:   noticeFlags,
	run:     noticeCmd,
}

func noticeFlags(c *command) {
	c.lang = c.fs.String("lang", "", "language of the notice: "+either(lang.All())+" (default: the register's, else en)")
	c.fs.String("o", "", "output file, or - for standard output (default: standard output)")
	c.fs.String("check", "", "a published notice to check against the register, or - for standard input")
	c.loadFlags("look up the supervisory authority as of this date")
}

// flagValue is the value of a flag of the command's own.
func (c *command) flagValue(name string) string { return c.fs.Lookup(name).Value.String() }

// setFlags are the names of the flags given on the command line.
func (c *command) setFlags() map[string]bool {
	set := map[string]bool{}
	c.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

func noticeCmd(c *command, files []string) int {
	if len(files) != 1 {
		return c.misuse("name exactly one register file (- for standard input)")
	}
	if published := c.flagValue("check"); published != "" {
		return noticeCheck(c, published, files[0])
	}
	if *c.lang != "" && !lang.Lang(*c.lang).Valid() {
		return c.misuse("--lang must be %s, not %q", either(lang.All()), *c.lang)
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
	opts := []notice.Option{notice.WithFormat(notice.Format(*c.format)), notice.At(day)}
	if *c.lang != "" {
		opts = append(opts, notice.WithLang(lang.Lang(*c.lang)))
	}
	write := func(w io.Writer) error { return notice.Write(w, reg, opts...) }
	if out := c.flagValue("o"); out != "" && out != "-" {
		err = outfile.Write(out, write)
	} else {
		err = outfile.Spool(c.stdout, write)
	}
	if err != nil {
		c.fail("%v", err)
		return exitUsage
	}
	return exitOK
}

// noticeCheck checks the published notice in file published against the
// register in file.
func noticeCheck(c *command, published, file string) int {
	set := c.setFlags()
	for _, f := range []string{"lang", "format", "at", "o"} {
		if set[f] {
			return c.misuse("--%s applies to the notice ropa writes, not to --check", f)
		}
	}
	if published == "-" && file == "-" {
		return c.misuse("standard input (-) can be read only once: it cannot be both the notice and the register")
	}
	text, err := c.readNotice(published)
	if err != nil {
		c.fail("%v", err)
		return exitUsage
	}
	in, err := c.load(file)
	if err != nil {
		fmt.Fprintln(c.stderr, err)
		return exitUsage
	}
	reg := in.reg
	gaps := notice.Check(text, reg)
	for _, g := range gaps {
		line := string(g.Kind) + " " + g.Path.String() + " " + g.What
		if len(g.Also) > 0 {
			also := make([]string, len(g.Also))
			for i, p := range g.Also {
				also[i] = p.String()
			}
			line += " (also: " + strings.Join(also, ", ") + ")"
		}
		if _, err := fmt.Fprintln(c.stdout, line); err != nil {
			c.fail("%v", err)
			return exitUsage
		}
	}
	if len(gaps) > 0 {
		return exitFindings
	}
	return exitOK
}

// readNotice reads a published notice ("-": standard input), refusing one
// larger than a register may be.
func (c *command) readNotice(file string) (string, error) {
	name, r := stdinName, c.stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return "", fmt.Errorf("--check: %w", err)
		}
		defer f.Close()
		name, r = file, f
	}
	data, err := io.ReadAll(io.LimitReader(r, ropa.DefaultMaxBytes+1))
	if err != nil {
		return "", fmt.Errorf("--check: %s: reading the notice: %w", name, err)
	}
	if len(data) > ropa.DefaultMaxBytes {
		return "", fmt.Errorf("--check: %s: the notice is larger than %d bytes", name, ropa.DefaultMaxBytes)
	}
	return string(data), nil
}
