package importxlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/ropa"
)

// workbook is an open workbook with the problems and cells of what was
// read from it.
type workbook struct {
	f          *excelize.File
	lim        Limits
	read       int // non-empty cells read so far
	problems   []Problem
	problemAct []int // the activity index of each problem, -1 for none
	cells      map[string]string
	// parts reads the sheets' XML; nil where it could not locate them.
	parts *parts
}

// sheet is the text of a sheet's cells, rows from 1.
type sheet struct {
	name string
	rows [][]string
}

// cell returns the text of a cell (row and column from 1).
func (s *sheet) cell(row, col int) string {
	if row < 1 || row > len(s.rows) || col < 1 || col > len(s.rows[row-1]) {
		return ""
	}
	return s.rows[row-1][col-1]
}

// ref returns the A1 reference of a cell.
func ref(row, col int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row, col)
	}
	return c
}

// sheet reads every cell of a sheet as text, within the limits.
func (wb *workbook) sheet(name string) (*sheet, error) {
	if wb.parts == nil {
		return wb.sheetRows(name)
	}
	s := &sheet{name: name}
	err := wb.parts.rows(wb, name, func(r int, cols []string) error {
		if len(cols) == 0 {
			return nil // blank rows are stored only before a row that holds something
		}
		n := 0
		for _, c := range cols {
			if c != "" {
				n++
			}
		}
		if wb.read += n; wb.read > wb.lim.Cells {
			return fmt.Errorf("%w: the workbook has more than %d non-empty cells", ErrLimit, wb.lim.Cells)
		}
		for len(s.rows) < r-1 {
			s.rows = append(s.rows, nil)
		}
		s.rows = append(s.rows, slices.Clone(cols))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// sheetRows reads a sheet with excelize's row iterator, for a workbook
// whose parts could not be located.
func (wb *workbook) sheetRows(name string) (*sheet, error) {
	rows, err := wb.f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", name, err)
	}
	defer rows.Close()
	s := &sheet{name: name}
	blank := 0 // blank rows not yet stored
	for rows.Next() {
		if len(s.rows)+blank >= wb.lim.Rows {
			return nil, fmt.Errorf("%w: sheet %q has more than %d rows", ErrLimit, name, wb.lim.Rows)
		}
		cols, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("sheet %q, row %d: %w", name, len(s.rows)+blank+1, err)
		}
		if len(cols) > wb.lim.Columns {
			return nil, fmt.Errorf("%w: sheet %q, row %d has more than %d columns", ErrLimit, name, len(s.rows)+blank+1, wb.lim.Columns)
		}
		n := 0
		for _, c := range cols {
			if c != "" {
				n++
			}
		}
		if n == 0 {
			blank++ // trailing blank rows are never stored
			continue
		}
		if wb.read += n; wb.read > wb.lim.Cells {
			return nil, fmt.Errorf("%w: the workbook has more than %d non-empty cells", ErrLimit, wb.lim.Cells)
		}
		for ; blank > 0; blank-- {
			s.rows = append(s.rows, nil)
		}
		s.rows = append(s.rows, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("sheet %q: %w", name, err)
	}
	return s, nil
}

// problem records a cell that could not be mapped or parsed; activity is
// the index of the activity whose notes keep it, or -1.
func (wb *workbook) problem(s *sheet, row, col, activity int, text, format string, args ...any) {
	wb.problems = append(wb.problems, Problem{Sheet: s.name, Cell: ref(row, col), Text: text, Message: fmt.Sprintf(format, args...)})
	wb.problemAct = append(wb.problemAct, activity)
}

// at records the cell an element was read from.
func (wb *workbook) at(p ropa.Path, s *sheet, row, col int) {
	wb.cells[p.String()] = cellRef(s.name, ref(row, col))
}

// recognise tells the layout by the sheets.
func (wb *workbook) recognise() (Layout, error) {
	names := wb.f.GetSheetList()
	if _, ok := genericLang(names); ok {
		return Generic, nil
	}
	if _, ok := gbaLang(names); ok {
		return GBA, nil
	}
	if name, ok := icoSheetName(names); ok {
		before := wb.read
		s, err := wb.sheet(name)
		if err != nil {
			return "", err
		}
		wb.read = before // the sheet is read again, and counted, as the template
		if icoHeadingRow(s) > 0 {
			return ICO, nil
		}
	}
	if ok, err := wb.isCNIL(); ok || err != nil {
		return CNIL, err
	}
	return "", fmt.Errorf("%w: its sheets (%s) are not those of the generic workbook in en, nl, fr or de, nor the GBA layout's, nor the ICO template's, nor the CNIL model's", ErrNotWorkbook, strings.Join(names, ", "))
}
