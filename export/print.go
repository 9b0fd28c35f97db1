package export

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/ropa"
)

// The page setup of every sheet: A4 landscape, one page wide and as many
// tall as the sheet needs, narrow margins.
const (
	paperA4     = 9 // excelize's index of A4 paper
	marginSide  = 0.4
	marginTopBo = 0.6
	marginHF    = 0.25
	// maxHeaderChars is the most characters a header or footer holds in
	// Excel.
	maxHeaderChars = 255
	// lineHeight is the height in points of a line of 11-point text.
	lineHeight = 15.0
	// maxRowHeight is the tallest row Excel allows, in points.
	maxRowHeight = 409.0
)

// printSetup prepares a sheet for printing: A4 landscape, fit to one page
// wide, the rows from titleFirst to titleLast repeated on every page (none
// where titleFirst is 0), and a header with the organisation's name, the
// sheet's name and the register's date, and a footer "page N of M" in the
// workbook's language. A streamed sheet calls it before its stream writer
// opens: the fit-to-page property is written at the top of the sheet.
func (b *book) printSetup(sheet string, titleFirst, titleLast int) error {
	f := b.f
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	size, orientation, wide, tall := paperA4, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	side, topBottom, hf := marginSide, marginTopBo, marginHF
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &topBottom, Bottom: &topBottom, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: b.pageHeader(), OddFooter: "&C" + t("print.page", b.o.lang)}); err != nil {
		return err
	}
	if titleFirst == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), titleFirst, titleLast),
		Scope:    sheet,
	})
}

// pageHeader is the header of every printed page: the organisation on the
// left, the sheet in the middle, the register's date on the right. A header
// holds at most 255 characters: a longer organisation name is shortened
// there, with an ellipsis (the cover or identification sheet has it whole).
func (b *book) pageHeader() string {
	right := ""
	if !b.updated.IsZero() {
		right = "&R" + headerText(t("print.updated", b.o.lang)+" "+dateText(b.updated, b.o.lang))
	}
	const centre = "&C&A"
	name := headerText(b.org)
	if room := maxHeaderChars - len(utf16.Encode([]rune(centre+right))) - 2; len(utf16.Encode([]rune(name))) > room {
		r := []rune(b.org)
		for len(r) > 0 && len(utf16.Encode([]rune(headerText(string(r)+"…")))) > room {
			r = r[:len(r)-1]
		}
		name = headerText(string(r) + "…")
	}
	return "&L" + name + centre + right
}

// headerText escapes the ampersands of a text for a header or footer, where
// "&" starts a code.
func headerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// dateText writes a date as the readers of a language write it: 21/11/2026
// in French, 21-11-2026 in Dutch, 21.11.2026 in German, and ISO 8601
// (2026-11-21) in English. The zero Date gives "".
func dateText(d ropa.Date, l Lang) string {
	if d.IsZero() {
		return ""
	}
	tm := d.Time()
	switch l {
	case French:
		return tm.Format("02/01/2006")
	case Dutch:
		return tm.Format("02-01-2006")
	case German:
		return tm.Format("02.01.2006")
	}
	return tm.Format("2006-01-02")
}

// charWidth estimates the width of a character of 11-point Calibri in
// Excel's unit of column width, the width of a digit.
func charWidth(r rune) float64 {
	switch r {
	case 'i', 'l', 'j', 't', 'f', 'r', 'I', '.', ',', ';', ':', '\'', '!', '|', '(', ')', '[', ']', ' ':
		return 0.5
	case 'm', 'w', 'M', 'W', '@':
		return 1.35
	}
	switch {
	case unicode.IsUpper(r):
		return 1.05
	case r > 0x2E80: // wide scripts, emoji
		return 2
	}
	return 0.88
}

// textLines estimates the lines a text takes when wrapped in a column of
// width characters: each line break starts a line, and words wrap as Excel
// and LibreOffice wrap them (a word longer than a line is broken). bold
// text is wider.
func textLines(v string, width float64, bold bool) int {
	room := max(1, width-0.3) // the cell's padding
	scale := 1.0
	if bold {
		scale = 1.2
	}
	n := 0
	for para := range strings.SplitSeq(v, "\n") {
		n++
		used := 0.0
		for word := range strings.SplitAfterSeq(para, " ") {
			w := 0.0
			for _, r := range word {
				w += charWidth(r) * scale
			}
			trimmed := w
			if strings.HasSuffix(word, " ") {
				trimmed -= charWidth(' ') * scale
			}
			switch {
			case used+trimmed <= room:
				used += w
			case trimmed <= room:
				n++
				used = w
			default: // a word longer than the line, broken where it ends
				if used > 0 {
					n++
				}
				n += int(math.Ceil(trimmed/room)) - 1
				used = math.Mod(w, room)
			}
		}
	}
	return n
}

// rowHeight estimates the height in points a row needs to show its wrapped
// values whole, from the lines each value takes in the width of its column
// (widths[i], in characters; a value beyond the widths given counts 10
// characters wide); 0 for a row of one line. Excel holds at most 409 points a
// row. bold is for headings.
func rowHeight(values []string, widths []float64, bold bool) float64 {
	lines := 1
	for i, v := range values {
		if v == "" {
			continue
		}
		w := 10.0
		if i < len(widths) {
			w = widths[i]
		}
		if utf8.RuneCountInString(v) < int(w*0.4) && !strings.Contains(v, "\n") {
			continue
		}
		lines = max(lines, textLines(v, w, bold))
	}
	if lines <= 1 {
		return 0
	}
	return min(maxRowHeight, lineHeight*float64(lines)+2)
}
