package importxlsx

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// icoMoreLabels learns the labels of the column ropa export writes after
// the ICO template's from a workbook it writes of refActivity.
var icoMoreLabels = sync.OnceValues(func() (*moreLabels, error) {
	refs, err := references()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	reg := gbaRegister()
	if err := export.WriteXLSX(&buf, reg, export.WithLayout(export.ICO)); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.GetRows(icoSheet)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		for _, v := range row {
			if strings.Contains(v, "ref-description") {
				m, err := learnMore(v, lang.English, refs[lang.English])
				if err != nil {
					return nil, fmt.Errorf("learning the ICO workbook: %w", err)
				}
				return m, nil
			}
		}
	}
	return nil, fmt.Errorf("learning the ICO workbook: no further-information cell")
})

// further reads the cell ropa export writes after the template's columns
// into the activity of row r: its id, name and reference, the facts the
// template has no column for, and the details of its elements. The lines
// that state an absence the template has no column for ("none: none")
// state it.
func (x *ico) further(a *ropa.Activity, r, i int) {
	if x.more == 0 {
		return
	}
	v := x.s.cell(r, x.more)
	var kept []string
	for _, line := range cellLines(v) {
		absence := false
		for _, w := range []ropa.Absence{ropa.NoSpecialData, ropa.NoProcessor} {
			if word := export.AbsenceWords(w, lang.English); line == word+": "+word {
				a.None, absence = append(a.None, w), true
			}
		}
		if !absence {
			kept = append(kept, line)
		}
	}
	facts, rest := x.labels.split(strings.Join(kept, "\n"))
	f := &further{g: x.g, m: x.labels, s: x.s, r: r, c: x.more, i: i}
	for _, line := range rest {
		f.problem(line, "line of no known label, not imported")
	}
	for j := range a.DataCategories {
		a.DataCategories[j].SourceNote = "" // the details give each category its sources
	}
	own := f.apply(a, facts)
	if id := own[factID]; id != "" && !x.ids[id] {
		a.ID, x.ids[id] = id, true
	}
	if name, ok := own[factName]; ok {
		a.Name = name
	}
	a.Reference = own[factReference]
}
