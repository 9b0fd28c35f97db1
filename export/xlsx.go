package export

import (
	"archive/zip"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// Layout is the arrangement of a workbook.
type Layout string

// The layouts of workbooks.
const (
	// Generic is the richest view: a cover sheet and one sheet per part of
	// Art. 30, plus the findings of the check.
	Generic Layout = "generic"
	// GBA follows the structure of the model register of the Belgian
	// Gegevensbeschermingsautoriteit / Autorité de protection des données.
	GBA Layout = "gba"
	// ICO follows the UK ICO documentation template for controllers.
	ICO Layout = "ico"
	// CNIL follows the simplified register of the French CNIL.
	CNIL Layout = "cnil"
)

// Layouts lists the layouts.
func Layouts() []Layout { return []Layout{Generic, GBA, ICO, CNIL} }

// Valid reports whether l is a layout.
func (l Layout) Valid() bool {
	for _, v := range Layouts() {
		if v == l {
			return true
		}
	}
	return false
}

type options struct {
	layout Layout
	lang   Lang
	chosen bool // the language was chosen with WithLang
	report *ropa.Report
}

// Langs lists the languages a layout is written in, its default first: the
// generic workbook in every language, the GBA's in Dutch and French (the
// languages of its model), the ICO's in English and the CNIL's in French.
func (l Layout) Langs() []Lang {
	switch l {
	case GBA:
		return []Lang{Dutch, French}
	case ICO:
		return []Lang{English}
	case CNIL:
		return []Lang{French}
	}
	return lang.All()
}

// Option configures a workbook.
type Option func(*options)

// WithLayout chooses the layout; the default is Generic.
func WithLayout(l Layout) Option { return func(o *options) { o.layout = l } }

// WithLang chooses the language of headings and labels; the default is the
// register's language where the layout is written in it, else the layout's
// first language (see Layout.Langs). A language the layout is not written
// in is an error.
func WithLang(l Lang) Option { return func(o *options) { o.lang, o.chosen = l, true } }

// WithReport adds the report of a check of the register: the generic
// workbook writes its findings and summary, and every layout records the
// date as of which the register was checked. The writer never checks the
// register itself: without a report, a workbook holds the register alone.
func WithReport(rep *ropa.Report) Option { return func(o *options) { o.report = rep } }

// checked returns the date as of which the register was checked, or the
// zero Date without a report.
func (o *options) checked() ropa.Date {
	if o.report == nil {
		return ropa.Date{}
	}
	return o.report.At
}

// maxCellChars is the most characters (UTF-16 code units) an Excel cell holds.
const maxCellChars = 32767

// maxRows is the last row of a worksheet.
const maxRows = 1048576

// WriteXLSX writes a register as an XLSX workbook to w. It never changes
// the register. Every text is written as text (a value starting with "="
// stays text); a value longer than Excel's 32,767 characters a cell is an
// error that names the sheet, the cell and the column, never a silent cut.
// The big sheets are streamed, so memory stays bounded.
func WriteXLSX(w io.Writer, reg *ropa.Register, opts ...Option) error {
	if reg == nil {
		return fmt.Errorf("export: the register is nil")
	}
	o := options{layout: Generic}
	for _, opt := range opts {
		opt(&o)
	}
	if !o.layout.Valid() {
		return fmt.Errorf("export: unknown layout %q; want one of %s", o.layout, listOf(Layouts()))
	}
	langs := o.layout.Langs()
	switch {
	case !o.chosen:
		o.lang = langs[0]
		if l := langOf(reg.Language); slices.Contains(langs, l) {
			o.lang = l
		}
	case !o.lang.Valid():
		return fmt.Errorf("export: unknown language %q; want one of %s", o.lang, listOf(lang.All()))
	case !slices.Contains(langs, o.lang):
		return fmt.Errorf("export: the %s layout exists in %s only, not in %s; choose one of those with WithLang", o.layout, listOf(langs), o.lang)
	}
	b, err := newBook(o)
	if err != nil {
		return err
	}
	b.org, b.updated = reg.Organisation.Name, reg.Updated
	b.measures = make(map[string]ropa.Measure, len(reg.Measures))
	for _, m := range reg.Measures {
		b.measures[m.ID] = m
	}
	defer b.f.Close()
	switch o.layout {
	case GBA:
		err = writeGBA(b, reg)
	case ICO:
		err = writeICO(b, reg)
	case CNIL:
		err = writeCNIL(b, reg)
	default:
		err = writeGeneric(b, reg)
	}
	if err != nil {
		return err
	}
	return b.finish(w)
}

// book is a workbook being written, with its styles.
type book struct {
	f         *excelize.File
	o         options
	names     map[string]bool
	header    int               // style of headings
	required  int               // style of headings of the Art. 30 minimum
	wrap      int               // style of data cells
	title     int               // style of titles
	label     int               // style of labels in forms
	lists     map[string]string // list name to its range on the lists sheet
	listSheet string
	planned   []namedList
	group     int // style of group headings above headings
	first     bool
	measures  map[string]ropa.Measure // the register's measures by id
	org       string                  // the organisation's name, for the page header
	updated   ropa.Date               // the register's date, for the page header
}

func newBook(o options) (*book, error) {
	f := excelize.NewFile()
	b := &book{f: f, o: o, names: map[string]bool{}, lists: map[string]string{}, first: true}
	var err error
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	if b.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border}); err != nil {
		return nil, err
	}
	if b.required, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border}); err != nil {
		return nil, err
	}
	if b.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	if b.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return nil, err
	}
	if b.label, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	// A group heading is not wrapped: it runs on over the empty cells of
	// its group, which carry its fill and no merge (streamed sheets cannot
	// merge safely).
	if b.group, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}},
		Alignment: &excelize.Alignment{Vertical: "top"}, Border: []excelize.Border{{Type: "left", Color: "808080", Style: 1}}}); err != nil {
		return nil, err
	}
	// The workbook's dates are those of the check it reports, else none: a
	// writer never reads the clock.
	props := &excelize.DocProperties{Creator: "OpenRoPA", Title: t("cover.title", o.lang), Language: string(o.lang)}
	if at := o.checked(); !at.IsZero() {
		props.Created, props.Modified = at.Time().Format(time.RFC3339), at.Time().Format(time.RFC3339)
	}
	if err := f.SetDocProps(props); err != nil {
		return nil, err
	}
	return b, nil
}

// maxSheetName is the most UTF-16 code units of a sheet name, as Excel
// counts them.
const maxSheetName = 31

// sheetName makes a valid, unique sheet name of any text: at most 31 UTF-16
// code units (a character is never cut in half), none of []:*?/\ (each
// becomes "-"), no apostrophe at either end, not blank, never "History"
// (which Excel reserves) in any case, and unique regardless of case (a
// clash takes " (2)", " (3)", ... within the 31 units).
func (b *book) sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, name)
	base := fitSheetName(name, maxSheetName)
	candidate := base
	for i := 2; b.taken(candidate); i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		candidate = fitSheetName(base, maxSheetName-len(suffix)) + suffix
	}
	b.names[sheetKey(candidate)] = true
	return candidate
}

// fitSheetName shortens a name to units UTF-16 code units and trims the
// apostrophes and spaces that would then stand at its ends; a name left
// blank becomes "Sheet".
func fitSheetName(name string, units int) string {
	r := []rune(name)
	for n := 0; ; {
		n = 0
		for _, c := range r {
			n += utf16.RuneLen(c)
		}
		trimmed := []rune(strings.TrimRight(strings.TrimLeft(string(r), "'"), "' "))
		if n <= units && len(trimmed) == len(r) {
			break
		}
		if n > units {
			r = r[:len(r)-1]
			continue
		}
		r = trimmed
	}
	if strings.TrimSpace(string(r)) == "" {
		return "Sheet"
	}
	return string(r)
}

// taken reports whether a name clashes with a sheet's or with "History".
func (b *book) taken(name string) bool {
	return b.names[sheetKey(name)] || sheetKey(name) == "history"
}

// sheetKey is what names are compared by: Excel compares them regardless
// of case.
func sheetKey(name string) string { return strings.ToLower(strings.ToUpper(name)) }

// addSheet adds a sheet, ready for printing with the rows from titleFirst
// to titleLast repeated on every page (none where titleFirst is 0); the
// first one renames the workbook's default sheet.
func (b *book) addSheet(name string, titleFirst, titleLast int) (string, error) {
	name = b.sheetName(name)
	var err error
	if b.first {
		b.first = false
		err = b.f.SetSheetName("Sheet1", name)
	} else {
		_, err = b.f.NewSheet(name)
	}
	if err != nil {
		return "", fmt.Errorf("export: adding sheet %q: %w", name, err)
	}
	return name, b.printSetup(name, titleFirst, titleLast)
}

// text checks a value against Excel's cell limit, counted in UTF-16 code
// units as Excel counts. col and row (from 1), the column's heading key (none
// on a form) and record (the first cell of the row: the id of the activity,
// the label of a form line) locate it for the error.
func text(sheet string, col, row int, column, record, v string) (string, error) {
	if len(v) <= maxCellChars {
		return v, nil // a UTF-16 code unit takes at least one byte of UTF-8
	}
	n := 0
	for _, r := range v {
		n += utf16.RuneLen(r)
	}
	if n > maxCellChars {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		var where string
		switch {
		case column == "": // a form line: its label says what the value is
			where = fmt.Sprintf("%q", record)
		case record != "" && col > 1:
			where = fmt.Sprintf("%s of %q", t(column, English), record)
		default:
			where = t(column, English)
		}
		return "", fmt.Errorf("export: sheet %q, cell %s (%s): the value has %d characters; an Excel cell holds at most %d; shorten it in the register", sheet, cell, where, n, maxCellChars)
	}
	return v, nil
}

// column is one column of a table sheet.
type column struct {
	key      string  // label key of the heading
	width    float64 // in characters
	required bool    // part of the Art. 30 minimum
	list     string  // name of the list of allowed values, for a drop-down
}

// table writes a sheet of one header row and one row per record with a
// stream writer: frozen header, autofilter, wrapped text, column widths,
// drop-down lists and the Art. 30 minimum columns marked.
type table struct {
	*streamSheet
	cols []column
}

func (b *book) table(nameKey string, cols []column) (*table, error) {
	widths := make([]float64, len(cols))
	names := make([]string, len(cols))
	head := make([]any, len(cols))
	for i, c := range cols {
		widths[i], names[i] = c.width, c.key
		h := t(c.key, b.o.lang)
		style := b.header
		if c.required {
			h += " *"
			style = b.required
		}
		head[i] = excelize.Cell{Value: h, StyleID: style}
	}
	s, err := b.streamSheet(t(nameKey, b.o.lang), widths, 1, 1)
	if err != nil {
		return nil, err
	}
	s.names, s.row = names, 1
	texts := make([]string, len(head))
	for i, h := range head {
		texts[i] = h.(excelize.Cell).Value.(string)
	}
	if err := s.sw.SetRow("A1", head, excelize.RowOpts{Height: max(lineHeight, rowHeight(texts, widths, true))}); err != nil {
		return nil, err
	}
	return &table{s, cols}, nil
}

// add writes one row; close returns the first error.
func (tb *table) add(values ...string) { tb.put(tb.b.wrap, values, nil, 0) }

// close returns the first error of add, or adds the drop-downs and the
// autofilter and flushes the sheet.
func (tb *table) close() error {
	if tb.err != nil {
		return tb.err
	}
	for i, c := range tb.cols {
		if c.list == "" {
			continue
		}
		if err := tb.dropDown(i+1, c.list); err != nil {
			return err
		}
	}
	return tb.streamSheet.close()
}

// namedList is a list of allowed values for drop-downs.
type namedList struct {
	name   string
	values []string
}

// planLists names the lists sheet and the range of each list, so that tables
// written before it can refer to them; writeLists writes it.
func (b *book) planLists(lists []namedList) { b.planListsOn(t("sheet.lists", b.o.lang), lists) }

// planListsOn is planLists with the lists sheet named as given.
func (b *book) planListsOn(sheet string, lists []namedList) {
	b.listSheet = b.sheetName(sheet)
	b.planned = lists
	for i, l := range lists {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.lists[l.name] = fmt.Sprintf("'%s'!$%s$2:$%s$%d", b.listSheet, col, col, len(l.values)+1)
	}
}

func (b *book) writeLists() error {
	if b.listSheet == "" {
		return nil
	}
	name := b.listSheet
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	if err := b.printSetup(name, 1, 1); err != nil {
		return err
	}
	for i, l := range b.planned {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetCellStr(name, col+"1", l.name); err != nil {
			return err
		}
		if err := b.f.SetCellStyle(name, col+"1", col+"1", b.header); err != nil {
			return err
		}
		for j, v := range l.values {
			if err := b.f.SetCellStr(name, fmt.Sprintf("%s%d", col, j+2), v); err != nil {
				return err
			}
		}
		if err := b.f.SetColWidth(name, col, col, 40); err != nil {
			return err
		}
	}
	return nil
}

// finish writes the lists sheet and the workbook. The first sheet is the
// active one, as in every new workbook; setting it again would make excelize
// parse every streamed sheet back into memory.
//
// The zip archive goes straight to w: excelize's WriteTo would build the whole
// archive in a buffer first, so that the memory of an export would grow with
// the size of the file. With its zip writer writing to w, the buffer it passes
// stays empty. (That buffer is also where excelize patches the local headers
// of entries over 4 GiB; archive/zip writes those as zip64 itself.)
func (b *book) finish(w io.Writer) error {
	if err := b.writeLists(); err != nil {
		return err
	}
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	if _, err := b.f.WriteTo(w); err != nil {
		return fmt.Errorf("export: writing the workbook: %w", err)
	}
	return nil
}

// form writes a small sheet of label and value rows in normal mode. The
// first error of its writing stays in err; the lines after it are not
// written.
type form struct {
	b      *book
	name   string
	row    int
	widths []float64
	err    error
}

func (b *book) form(name string, widths ...float64) (*form, error) {
	name, err := b.addSheet(name, 0, 0)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetColWidth(name, col, col, w); err != nil {
			return nil, err
		}
	}
	return &form{b: b, name: name, widths: widths}, nil
}

// line writes a row whose first cell is a label, in style where it is not
// 0; empty values leave their cells empty.
func (fm *form) line(style int, cells ...string) { fm.spanned(style, nil, cells...) }

// spanned writes a line whose cells span columns: cell i takes spans[i]
// columns, merged (one each where spans is shorter).
func (fm *form) spanned(style int, spans []int, cells ...string) {
	if fm.err == nil {
		fm.row++
		fm.err = fm.write(style, spans, cells)
	}
}

func (fm *form) write(style int, spans []int, cells []string) error {
	col := 1
	widths := make([]float64, len(cells))
	for i, v := range cells {
		span := 1
		if i < len(spans) {
			span = spans[i]
		}
		for c := col; c < col+span; c++ {
			if c <= len(fm.widths) {
				widths[i] += fm.widths[c-1]
			} else {
				widths[i] += 10
			}
		}
		first := col
		col += span
		v, err := text(fm.name, first, fm.row, "", cells[0], v)
		if err != nil {
			return err
		}
		ref, _ := excelize.CoordinatesToCellName(first, fm.row)
		if span > 1 {
			end, _ := excelize.CoordinatesToCellName(first+span-1, fm.row)
			if err := fm.b.f.MergeCell(fm.name, ref, end); err != nil {
				return err
			}
		}
		if v == "" {
			continue
		}
		if err := fm.b.f.SetCellStr(fm.name, ref, v); err != nil {
			return err
		}
		st := fm.b.wrap
		if i == 0 && style != 0 || style == fm.b.header {
			st = style
		}
		if err := fm.b.f.SetCellStyle(fm.name, ref, ref, st); err != nil {
			return err
		}
	}
	if style == fm.b.title {
		return nil
	}
	if h := rowHeight(cells, widths, style != 0 && style != fm.b.wrap); h > 0 {
		return fm.b.f.SetRowHeight(fm.name, fm.row, h)
	}
	return nil
}

// blank leaves an empty row.
func (fm *form) blank() { fm.row++ }

// listOf writes values as "a, b, c".
func listOf[T ~string](values []T) string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}
