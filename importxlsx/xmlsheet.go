package importxlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// parts locates the XML parts of a workbook in its zip archive: each
// sheet's by its name, the shared strings and the number format of each
// cell style. Sheets are read from them with encoding/xml's token stream,
// one pass a sheet; only cells that are not plain text (numbers, dates,
// booleans, text under a number format) are asked of excelize, which
// formats them as Excel shows them.
type parts struct {
	zr      *zip.Reader
	sheets  map[string]string // sheet name → part name
	shared  []string          // the shared strings, read once
	formats []int             // number format of each cell style
}

// openParts reads the workbook's part names, shared strings and styles.
func openParts(zr *zip.Reader, lim Limits) (*parts, error) {
	p := &parts{zr: zr, sheets: map[string]string{}}
	targets := map[string]string{} // relationship id → part
	sst := "xl/sharedStrings.xml"
	styles := "xl/styles.xml"
	err := p.tokens("xl/_rels/workbook.xml.rels", lim, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "Relationship" {
			return nil
		}
		var id, typ, target string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			}
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join("xl", target)
		}
		targets[id] = target
		switch {
		case strings.HasSuffix(typ, "/sharedStrings"):
			sst = target
		case strings.HasSuffix(typ, "/styles"):
			styles = target
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := p.tokens("xl/workbook.xml", lim, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "sheet" {
			return nil
		}
		var name, id string
		for _, a := range se.Attr {
			switch {
			case a.Name.Local == "name":
				name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				// The relationship id (r:id; the raw token stream keeps
				// the prefix, whatever the document binds it to).
				id = a.Value
			}
		}
		if t, ok := targets[id]; ok {
			p.sheets[name] = t
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := p.readShared(sst, lim); err != nil {
		return nil, err
	}
	inXfs := false
	if err := p.tokens(styles, lim, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "cellXfs":
			inXfs = true
		case "cellStyleXfs", "dxfs":
			inXfs = false
		case "xf":
			if inXfs {
				n := 0
				for _, a := range se.Attr {
					if a.Name.Local == "numFmtId" {
						n, _ = strconv.Atoi(a.Value)
					}
				}
				p.formats = append(p.formats, n)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return p, nil
}

// open opens a part of the archive; a part the archive lacks gives nil.
func (p *parts) open(name string, lim Limits) (io.ReadCloser, error) {
	for _, f := range p.zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%w: entry %s: %v", ErrNotWorkbook, name, err)
			}
			return struct {
				io.Reader
				io.Closer
			}{io.LimitReader(rc, lim.EntrySize), rc}, nil
		}
	}
	return nil, nil
}

// tokens calls start for each start element of a part, if the archive
// has it.
func (p *parts) tokens(name string, lim Limits, start func(*xml.Decoder, xml.StartElement) error) error {
	rc, err := p.open(name, lim)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrNotWorkbook, name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := start(d, se); err != nil {
				return err
			}
		}
	}
}

// readShared reads the shared strings: each item's text, its runs' text
// joined, phonetic runs left out, as excelize reads them.
func (p *parts) readShared(name string, lim Limits) error {
	var b strings.Builder
	total := 0
	return p.tokens(name, lim, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "si" {
			return nil
		}
		b.Reset()
		if err := itemText(d, "si", &b); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrNotWorkbook, name, err)
		}
		if total += b.Len(); int64(total) > lim.EntrySize {
			return fmt.Errorf("%w: the shared strings hold more than %d bytes", ErrLimit, lim.EntrySize)
		}
		p.shared = append(p.shared, bstrUnmarshal(b.String()))
		return nil
	})
}

// itemText writes the text of the t elements up to the end of the element
// end (si or is), leaving out the phonetic runs (rPh).
func itemText(d *xml.Decoder, end string, b *strings.Builder) error {
	inT, phonetic := false, 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "t":
				inT = true
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "t":
				inT = false
			case "rPh":
				phonetic--
			case end:
				return nil
			}
		case xml.CharData:
			if inT && phonetic == 0 {
				b.Write(x)
			}
		}
	}
}

var bstrRE = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal decodes the _xHHHH_ escapes of characters XML 1.0 does not
// permit, as excelize does.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	cursor := 0
	for _, m := range bstrRE.FindAllStringIndex(s, -1) {
		out.WriteString(s[cursor:m[0]])
		cursor = m[1]
		if s[m[0]:m[1]] == "_x005F_" {
			out.WriteString("_")
			continue
		}
		v, _ := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`)
		out.WriteString(v)
	}
	out.WriteString(s[cursor:])
	return out.String()
}

// plainFormat reports whether a cell style shows text as it is: the
// general and the text number formats.
func (p *parts) plainFormat(style int) bool {
	if style == 0 {
		return true
	}
	if style < 0 || style >= len(p.formats) {
		return false
	}
	return p.formats[style] == 0 || p.formats[style] == 49
}

// rows reads the rows of a sheet: each call of row gets the row's number
// (from 1) and its cells by column (from 1), empty cells as "".
func (p *parts) rows(wb *workbook, name string, row func(r int, cells []string) error) error {
	part, ok := p.sheets[name]
	if !ok {
		return fmt.Errorf("sheet %q: not in the workbook", name)
	}
	rc, err := p.open(part, wb.lim)
	if err != nil {
		return err
	}
	if rc == nil {
		return fmt.Errorf("sheet %q: its part %s is not in the archive", name, part)
	}
	defer rc.Close()
	sc := newScanner(rc)
	var (
		cells        []string
		r, c         int // current row and column, from 1
		inRow        bool
		typ          string
		style        int
		v, inline    string
		hasInline    bool
		inCell, keep bool
		phonetic     int
	)
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: sheet %q: %s", ErrNotWorkbook, name, fmt.Sprintf(format, args...))
	}
	attr := func(t tag, key string) string {
		v, _, e := t.attr(key)
		if e != nil && err == nil {
			err = bad("%v", e)
		}
		return v
	}
	for {
		t, e := sc.next(keep)
		if errors.Is(e, io.EOF) {
			return err
		}
		if e != nil {
			return bad("%v", e)
		}
		if err != nil {
			return err
		}
		switch string(t.name) {
		case "row":
			if t.end {
				inRow = false
				if err := row(r, cells); err != nil {
					return err
				}
				continue
			}
			next := r + 1
			if a := attr(t, "r"); a != "" {
				if next, err = strconv.Atoi(a); err != nil || next <= r {
					return bad("row number %q out of order", a)
				}
			}
			if next > wb.lim.Rows {
				return fmt.Errorf("%w: sheet %q has more than %d rows", ErrLimit, name, wb.lim.Rows)
			}
			r, c, inRow, cells = next, 0, true, cells[:0]
			if t.selfEnd {
				inRow = false
				if err := row(r, cells); err != nil {
					return err
				}
			}
		case "c":
			if t.end || t.selfEnd {
				if !t.end {
					if err := p.cellStart(t, r, &c, wb, name, attr); err != nil {
						return err
					}
					typ, style = attr(t, "t"), 0
					v, inline, hasInline = "", "", false
				}
				inCell = false
				val, err := p.value(wb, name, r, c, typ, style, v, inline, hasInline)
				if err != nil {
					return err
				}
				if val != "" {
					for len(cells) < c-1 {
						cells = append(cells, "")
					}
					cells = append(cells, val)
				}
				continue
			}
			if !inRow {
				return bad("a cell outside a row")
			}
			if err := p.cellStart(t, r, &c, wb, name, attr); err != nil {
				return err
			}
			typ, inCell = attr(t, "t"), true
			style, _ = strconv.Atoi(attr(t, "s"))
			v, inline, hasInline = "", "", false
		case "v":
			switch {
			case !inCell:
			case t.end:
				v, keep = string(sc.text), false
			case !t.selfEnd:
				sc.text, keep = sc.text[:0], true
			}
		case "is":
			if inCell && !t.end && !t.selfEnd {
				hasInline = true
				sc.text = sc.text[:0]
			} else if inCell && t.end {
				inline = string(sc.text)
			}
		case "t":
			if hasInline && inCell && phonetic == 0 {
				keep = !t.end && !t.selfEnd
			}
		case "rPh":
			if hasInline && inCell && !t.selfEnd {
				if t.end {
					phonetic--
				} else {
					phonetic++
				}
			}
		}
	}
}

// cellStart moves the column to the cell a c tag opens, checking its
// reference and the column limit.
func (p *parts) cellStart(t tag, r int, c *int, wb *workbook, name string, attr func(tag, string) string) error {
	next := *c + 1
	if ref := attr(t, "r"); ref != "" {
		col, row, ok := cellCoordinates(ref)
		if !ok || row != r || col <= *c {
			return fmt.Errorf("%w: sheet %q: cell %q out of place in row %d", ErrNotWorkbook, name, ref, r)
		}
		next = col
	}
	if next > wb.lim.Columns {
		return fmt.Errorf("%w: sheet %q, row %d has more than %d columns", ErrLimit, name, r, wb.lim.Columns)
	}
	*c = next
	return nil
}

// value returns a cell's text: plain text as it stands, anything else as
// excelize formats it.
func (p *parts) value(wb *workbook, sheet string, r, c int, typ string, style int, v, inline string, hasInline bool) (string, error) {
	switch {
	case typ == "str":
		return v, nil
	case typ == "s" && p.plainFormat(style):
		if v == "" {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(p.shared) {
			return "", fmt.Errorf("%w: sheet %q, cell %s: no shared string %q", ErrNotWorkbook, sheet, ref(r, c), v)
		}
		return p.shared[i], nil
	case typ == "inlineStr" && p.plainFormat(style):
		if hasInline {
			return bstrUnmarshal(inline), nil
		}
		return v, nil
	case v == "" && !hasInline:
		return "", nil
	}
	if wb.f == nil {
		return "", fmt.Errorf("%w: sheet %q, cell %s: a value that is not text, in a workbook excelize has not opened", ErrNotWorkbook, sheet, ref(r, c))
	}
	s, err := wb.f.GetCellValue(sheet, ref(r, c))
	if err != nil {
		return "", fmt.Errorf("sheet %q, cell %s: %w", sheet, ref(r, c), err)
	}
	return s, nil
}

// cellCoordinates reads a cell reference such as "AB12" into its column
// and row, from 1.
func cellCoordinates(ref string) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		if col = col*26 + int(ref[i]-'A'+1); col > 1<<20 {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || ref[i] == '+' || ref[i] == '-' {
		return 0, 0, false
	}
	return col, row, true
}
