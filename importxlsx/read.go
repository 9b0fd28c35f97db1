package importxlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// Layout is the layout of a workbook Read reads.
type Layout string

// The layouts Read knows.
const (
	// Auto recognises the layout by the workbook's sheets.
	Auto Layout = ""
	// Generic is the generic workbook of export.WriteXLSX, in any of its
	// languages.
	Generic Layout = "generic"
	// ICO is the ICO's documentation template for controllers as a DPO
	// fills it: one activity to a row of its sheet Template, the columns
	// known by their headings (A-AD), wherever the heading row is.
	ICO Layout = "ico"
	// GBA is the workbook ropa export writes in the layout of the model
	// register of the Belgian GBA / APD, in Dutch or French: its
	// identification sheet, the register a row to an activity, the
	// processor records and the inventory, measures and waivers.
	GBA Layout = "gba"
	// CNIL is the CNIL's model register (registre-traitement-simplifie) as
	// a DPO fills it: the list 2_-_Liste_des_traitements and a fiche de
	// registre per activity, its fields known by their labels in column A.
	CNIL Layout = "cnil"
)

// Layouts lists the layouts Read reads.
func Layouts() []Layout { return []Layout{Generic, GBA, ICO, CNIL} }

// Valid reports whether l is Auto or one of Layouts.
func (l Layout) Valid() bool { return l == Auto || slices.Contains(Layouts(), l) }

// Option changes how Read reads.
type Option func(*options)

type options struct {
	layout Layout
	lang   lang.Lang
	limits Limits
	notes  bool
}

// WithLayout reads the workbook as layout l instead of recognising it.
func WithLayout(l Layout) Option { return func(o *options) { o.layout = l } }

// WithLang reads a generic workbook as written in l instead of recognising
// its language by its sheet names.
func WithLang(l lang.Lang) Option { return func(o *options) { o.lang = l } }

// WithLimits replaces DefaultLimits; zero fields keep their default.
func WithLimits(l Limits) Option { return func(o *options) { o.limits = l } }

// WithoutNotes leaves the import problems out of the register's notes (they
// are still returned in Result.Problems).
func WithoutNotes() Option { return func(o *options) { o.notes = false } }

// Problem is a cell that could not be mapped or parsed.
type Problem struct {
	// Sheet and Cell name the cell ("Register", "F12").
	Sheet, Cell string
	// Text is what the cell holds (or the part of it the problem is about).
	Text string
	// Message says what could not be done.
	Message string
}

// Ref returns the cell reference as a formula writes it: Register!F12, or
// 'Purposes and bases'!D3 for a sheet name with spaces or punctuation.
func (p Problem) Ref() string { return cellRef(p.Sheet, p.Cell) }

// String renders the problem as "Register!F12: message: "text"".
func (p Problem) String() string {
	if p.Text == "" {
		return p.Ref() + ": " + p.Message
	}
	return fmt.Sprintf("%s: %s: %q", p.Ref(), p.Message, p.Text)
}

func cellRef(sheet, cell string) string {
	plain := sheet != ""
	for _, r := range sheet {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			plain = false
			break
		}
	}
	if plain {
		return sheet + "!" + cell
	}
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + cell
}

// Result is what Read makes of a workbook.
type Result struct {
	// Register is the register read. Problems are appended to its notes
	// (the register's for the workbook as a whole, an activity's for its
	// rows) unless WithoutNotes was given.
	Register *ropa.Register
	// Problems lists the cells that could not be mapped or parsed, in the
	// order read.
	Problems []Problem
	// Layout and Lang are the workbook's layout and language.
	Layout Layout
	Lang   lang.Lang
	// cells maps the rendered path of each element read to the cell it was
	// read from.
	cells map[string]string
}

// Cell returns the cell ("Activities!B3") an element of the register was
// read from: the element's own, or that of the nearest enclosing element
// that was read from a cell.
func (r *Result) Cell(p ropa.Path) (string, bool) {
	for {
		if c, ok := r.cells[p.String()]; ok {
			return c, true
		}
		if p.IsRoot() {
			return "", false
		}
		p = parent(p)
	}
}

// parent returns the path of the element that holds p's.
func parent(p ropa.Path) ropa.Path {
	steps := p.Steps()
	q := ropa.Root
	for _, s := range steps[:len(steps)-1] {
		if s.IsIndex() {
			q = q.Index(s.Index)
		} else {
			q = q.Child(s.Field)
		}
	}
	return q
}

// Locate sets the File of each finding of rep to the cell its element was
// read from ("workbook.xlsx#Activities!B3" with file "workbook.xlsx"), the
// position of a finding on an imported register.
func (r *Result) Locate(rep *ropa.Report, file string) {
	for i := range rep.Findings {
		if c, ok := r.Cell(rep.Findings[i].Path); ok {
			rep.Findings[i].File = file + "#" + c
		}
	}
}

// Read reads a register from an XLSX workbook of size bytes: the generic
// workbook of export.WriteXLSX in any of its languages, the ICO
// controller template, or the CNIL's model register (recognised by its
// sheets unless WithLayout says).
// The workbook is checked against the limits (DefaultLimits unless
// WithLimits says) before it is opened. A cell that cannot be mapped or
// parsed is a Problem, never silently dropped; an error is returned only
// when the file cannot be read as a workbook at all.
func Read(r io.ReaderAt, size int64, opts ...Option) (*Result, error) {
	o := options{notes: true}
	for _, opt := range opts {
		opt(&o)
	}
	if !o.layout.Valid() {
		return nil, fmt.Errorf("importxlsx: unknown layout %q (want generic, gba, ico or cnil)", o.layout)
	}
	if o.lang != "" && !o.lang.Valid() {
		return nil, fmt.Errorf("importxlsx: unknown language %q (want en, nl, fr or de)", o.lang)
	}
	lim := o.limits.withDefaults()
	if err := inspect(r, size, lim); err != nil {
		return nil, fmt.Errorf("importxlsx: %w", err)
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    lim.TotalSize,
		UnzipXMLSizeLimit: min(lim.EntrySize, 64<<20),
	})
	if err != nil {
		return nil, fmt.Errorf("importxlsx: %w: %v", ErrNotWorkbook, err)
	}
	defer f.Close()
	wb := &workbook{f: f, lim: lim, cells: map[string]string{}}
	if zr, err := zip.NewReader(r, size); err == nil {
		if p, err := openParts(zr, lim); err == nil {
			wb.parts = p
		} else if errors.Is(err, ErrLimit) {
			return nil, fmt.Errorf("importxlsx: %w", err)
		}
	}
	layout := o.layout
	if layout == Auto {
		if layout, err = wb.recognise(); err != nil {
			return nil, fmt.Errorf("importxlsx: %w", err)
		}
	}
	var res *Result
	switch layout {
	case Generic:
		res, err = readGeneric(wb, o.lang)
	case GBA:
		res, err = readGBA(wb)
	case ICO:
		res, err = readICO(wb)
	case CNIL:
		res, err = readCNIL(wb)
	}
	if err != nil {
		return nil, fmt.Errorf("importxlsx: %w", err)
	}
	res.Layout, res.cells, res.Problems = layout, wb.cells, wb.problems
	if o.notes {
		keepInNotes(res.Register, wb.problems, wb.problemAct)
	}
	return res, nil
}

// keepInNotes appends each problem to the notes of the activity whose rows
// it is in, or to the register's.
func keepInNotes(reg *ropa.Register, problems []Problem, activity []int) {
	byActivity := map[int][]string{}
	var general []string
	for i, p := range problems {
		if a := activity[i]; a >= 0 && a < len(reg.Activities) {
			byActivity[a] = append(byActivity[a], p.String())
			continue
		}
		general = append(general, p.String())
	}
	for a, ps := range byActivity {
		reg.Activities[a].Notes = appendNote(reg.Activities[a].Notes, ps)
	}
	reg.Notes = appendNote(reg.Notes, general)
}

// notesHeading introduces the import problems in notes.
const notesHeading = "Import problems (cells that could not be mapped or parsed):"

func appendNote(notes string, problems []string) string {
	if len(problems) == 0 {
		return notes
	}
	block := notesHeading + "\n- " + strings.Join(problems, "\n- ")
	if notes == "" {
		return block
	}
	return notes + "\n\n" + block
}
