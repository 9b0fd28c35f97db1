package export

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"

	"github.com/openropa/registry/internal/golden"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// sheetDump is what a golden workbook file holds of one sheet: every
// non-empty cell, the frozen panes, the autofilter and the drop-downs.
type sheetDump struct {
	Name        string            `json:"name"`
	Cells       map[string]string `json:"cells"`
	Panes       string            `json:"panes,omitempty"`
	Validations []string          `json:"validations,omitempty"`
}

// dump reads a workbook back with excelize.
func dump(t *testing.T, data []byte) []sheetDump {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	var out []sheetDump
	for _, name := range f.GetSheetList() {
		d := sheetDump{Name: name, Cells: map[string]string{}}
		rows, err := f.GetRows(name)
		require.NoError(t, err)
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					d.Cells[ref] = v
				}
			}
		}
		panes, err := f.GetPanes(name)
		require.NoError(t, err)
		if panes.Freeze {
			d.Panes = panes.TopLeftCell
		}
		dvs, err := f.GetDataValidations(name)
		require.NoError(t, err)
		for _, dv := range dvs {
			d.Validations = append(d.Validations, dv.Sqref+" "+dv.Type+" "+dv.Formula1)
		}
		sort.Strings(d.Validations)
		out = append(out, d)
	}
	return out
}

// goldenDump compares a dump with its golden file.
func goldenDump(t *testing.T, name string, d []sheetDump) {
	t.Helper()
	got, err := json.MarshalIndent(d, "", " ")
	require.NoError(t, err)
	got = append(got, '\n')
	if !golden.Equal(t, filepath.Join("testdata", "workbooks", name+".json"), got) {
		t.FailNow()
	}
}
