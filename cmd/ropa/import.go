package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/openropa/registry/importxlsx"
	"github.com/openropa/registry/internal/outfile"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// importVerb brings a register in from an XLSX workbook.
var importVerb = verb{
	name:     "import",
	synopsis: "[--layout generic|gba|ico|cnil] [--lang en|nl|fr|de] -o OUT FILE",
	doc: "Reads a register from an XLSX workbook (the generic workbook of ropa export, in any of its languages,\n" +
		"told by its sheets unless --lang names it), the GBA workbook of ropa export in Dutch or French (--layout gba,\n" +
		"or told by its sheets Identificatie/Identification and register/registre), the ICO controller template as\n" +
		"filled in (--layout ico, or\n" +
		"told by its sheet Template and heading row) or the CNIL model as filled in (--layout cnil, or told by its\n" +
		"sheet 2_-_Liste_des_traitements or its fiches' labels), and writes it in the openropa/v1 format: JSON when OUT ends in\n" +
		".json, YAML otherwise. A cell that cannot be mapped or parsed is listed on standard error as\n" +
		"FILE#Sheet!B3: message, and kept in the register's notes. FILE may be - (standard input).\n" +
		"Exits 0 when every cell was read, 1 when some could not be,\n" +
		"2 when the workbook cannot be read or the arguments are wrong.",
	flags: importFlags,
	run:   importCmd,
}

// importFlags declares --layout, --lang and -o, held where export's are.
func importFlags(c *command) {
	c.export = exportOptions{
		layout: c.fs.String("layout", "", "workbook layout: generic, gba, ico or cnil (default: told by the workbook's sheets)"),
		lang:   c.fs.String("lang", "", "language of the workbook: "+either(lang.All())+" (default: told by its sheets)"),
		out:    c.fs.String("o", "", "output file (.json: JSON, otherwise YAML), or - for standard output (YAML)"),
	}
}

func importCmd(c *command, files []string) int {
	o := c.export
	if len(files) != 1 {
		return c.misuse("name exactly one workbook (- for standard input)")
	}
	if *o.out == "" {
		return c.misuse("name the output file with -o (or -o - for standard output)")
	}
	var opts []importxlsx.Option
	switch layout := importxlsx.Layout(*o.layout); {
	case !layout.Valid():
		return c.misuse("--layout must be generic, gba, ico or cnil, not %q", *o.layout)
	case layout != importxlsx.Auto:
		opts = append(opts, importxlsx.WithLayout(layout))
	}
	if *o.lang != "" {
		l := lang.Lang(*o.lang)
		if !l.Valid() {
			return c.misuse("--lang must be %s, not %q", either(lang.All()), *o.lang)
		}
		opts = append(opts, importxlsx.WithLang(l))
	}
	name := files[0]
	if name == "-" {
		name = stdinName
	}
	res, err := c.readWorkbook(files[0], c.stdin, opts)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: %v\n", name, err)
		return exitUsage
	}
	marshal := ropa.MarshalYAML
	if strings.EqualFold(filepath.Ext(*o.out), ".json") {
		marshal = ropa.Marshal
	}
	data, err := marshal(res.Register)
	if err != nil {
		c.fail("%s: %v", name, err)
		return exitUsage
	}
	// The register is whole before a byte is written: standard output
	// gets it at once, a file is replaced only once it is written.
	if *o.out == "-" {
		_, err = c.stdout.Write(data)
	} else {
		err = outfile.Write(*o.out, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	}
	if err != nil {
		c.fail("%v", err)
		return exitUsage
	}
	for _, p := range res.Problems {
		fmt.Fprintf(c.stderr, "%s#%s\n", name, p)
	}
	if len(res.Problems) > 0 {
		return exitFindings
	}
	return exitOK
}

// readWorkbook reads the workbook in file. A regular file is read where it
// lies; standard input ("-", read from stdin) and other files that cannot be
// read at an offset (a pipe such as /dev/fd/63) are first copied to a
// temporary file, no more than the import's file limit (and a byte to tell
// a larger one).
func (c *command) readWorkbook(file string, stdin io.Reader, opts []importxlsx.Option) (*importxlsx.Result, error) {
	r := stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			return importxlsx.Read(f, st.Size(), opts...)
		}
		r = f
	}
	tmp, err := os.CreateTemp("", "ropa-import-*.xlsx")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	limit := importxlsx.DefaultLimits.FileSize
	n, err := io.Copy(tmp, io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading the workbook: %w", err)
	}
	if n > limit {
		return nil, fmt.Errorf("%w: the workbook is more than %d bytes", importxlsx.ErrLimit, limit)
	}
	if n == 0 {
		return nil, errors.New("the workbook is empty")
	}
	return importxlsx.Read(tmp, n, opts...)
}
