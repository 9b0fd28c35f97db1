package importxlsx

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/internal/synth"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/ropa"
)

// edited returns the generic workbook of reg with edit applied.
func edited(t *testing.T, reg *ropa.Register, edit func(f *excelize.File)) []byte {
	data := writeGeneric(t, reg, lang.English)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	edit(f)
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

// partyRowOf returns the row of the Parties sheet that names path.
func partyRowOf(t *testing.T, f *excelize.File, path string) int {
	rows, err := f.GetRows("Parties")
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 1 && r[1] == path {
			return i + 1
		}
	}
	t.Fatalf("no row for %s", path)
	return 0
}

func TestPartiesSheet(t *testing.T) {
	reg := synth.Full(2, 1)
	set := func(path, col, v string) func(f *excelize.File) {
		return func(f *excelize.File) {
			cell, err := excelize.JoinCellName(col, partyRowOf(t, f, path))
			require.NoError(t, err)
			require.NoError(t, f.SetCellStr("Parties", cell, v))
		}
	}
	// under sets the cell of the Activities sheet under a heading in a row.
	under := func(heading string, row int, v string) func(f *excelize.File) {
		return func(f *excelize.File) {
			rows, err := f.GetRows("Activities")
			require.NoError(t, err)
			col := slices.Index(rows[0], heading)
			require.GreaterOrEqual(t, col, 0)
			cell, err := excelize.CoordinatesToCellName(col+1, row)
			require.NoError(t, err)
			require.NoError(t, f.SetCellStr("Activities", cell, v))
		}
	}
	tests := []struct {
		name    string
		edit    func(f *excelize.File)
		cell    string // the cell of the problem, "" for none
		message string
		check   func(t *testing.T, got *ropa.Register)
	}{
		{name: "a field edited in the Parties sheet alone is read, and the worded cell beside it reported", edit: set("entities[1]", "I", "Ghent"),
			cell: "Register!B", message: "the cell says otherwise than row 6 of the Parties sheet",
			check: func(t *testing.T, got *ropa.Register) { assert.Equal(t, "Ghent", got.Entities[1].Address.City) }},
		{name: "a worded cell edited alone is reported", edit: under("Data protection officer of the activity", 2, "Someone else"), cell: "Activities!", message: "the cell says otherwise than row",
			check: func(t *testing.T, got *ropa.Register) {
				assert.Equal(t, reg.Activities[0].DPO.Name, got.Activities[0].DPO.Name, "the Parties row is read")
			}},
		{name: "the worded owner edited alone is reported", edit: under("Owner (function, department)", 3, "Head of marketing"), cell: "Activities!", message: `the cell says otherwise than the columns from "Owner's function" on`,
			check: func(t *testing.T, got *ropa.Register) {
				assert.Equal(t, reg.Activities[1].Owner, got.Activities[1].Owner, "the owner's columns are read")
			}},
		{name: "the organisation's worded line edited alone is reported", edit: func(f *excelize.File) {
			require.NoError(t, f.SetCellStr("Register", "B3", "Another name"))
		}, cell: "Register!B3", message: "the cell says otherwise than row 2 of the Parties sheet"},
		{name: "a path that is no path", edit: set("entities[0]", "B", "entities[[0]"), cell: "Parties!B4",
			message: "not a path of a party",
			check: func(t *testing.T, got *ropa.Register) {
				assert.Equal(t, reg.Entities[0].Name, got.Entities[0].Name, "read from the worded cell instead")
			}},
		{name: "a path of no party", edit: set("entities[0]", "B", "entities[7]"), cell: "Parties!B4", message: "names no party the other sheets hold"},
		{name: "a row of another activity", edit: set("activities[0].dpo", "A", "a00001"), cell: "Parties!A",
			message: `is of "a00000" in the other sheets, not of "a00001"`,
			check: func(t *testing.T, got *ropa.Register) {
				assert.Equal(t, reg.Activities[0].DPO.Name, got.Activities[0].DPO.Name, "read from the worded cell instead")
			}},
		{name: "a contact with a website", edit: set("dpo", "Q", "https://dpo.example"), cell: "Parties!D",
			message: "a contact holds a name, a role, an address, an e-mail and a telephone"},
		{name: "a number of employees that is no number", edit: set("organisation", "R", "many"), cell: "Parties!R2", message: "not a number of employees"},
		{name: "a named element twice", edit: set("entities[1]", "B", "entities[0]"), cell: "Parties!B6", message: "element named twice"},
		{name: "a party's contact person is read into the party", edit: set("entities[1].contact", "C", "External DPO"),
			check: func(t *testing.T, got *ropa.Register) {
				require.NotNil(t, got.Entities[1].Contact)
				assert.Equal(t, "External DPO", got.Entities[1].Contact.Role)
				assert.Equal(t, reg.Entities[1].Contact.Name, got.Entities[1].Contact.Name)
			}, cell: "Register!B", message: "the cell says otherwise than row 6 of the Parties sheet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := edited(t, reg, tt.edit)
			res, err := Read(bytes.NewReader(data), int64(len(data)), WithoutNotes())
			require.NoError(t, err)
			if tt.cell == "" {
				assert.Empty(t, res.Problems)
			} else {
				var found bool
				for _, p := range res.Problems {
					if strings.HasPrefix(p.Ref(), tt.cell) && strings.Contains(p.Message, tt.message) {
						found = true
					}
				}
				assert.True(t, found, "a problem at %s saying %q, in %v", tt.cell, tt.message, res.Problems)
			}
			if tt.check != nil {
				tt.check(t, res.Register)
			}
		})
	}
}

// A workbook without the Parties sheet (written before it had one) is read
// from its worded cells.
func TestWithoutPartiesSheet(t *testing.T) {
	reg := synth.Full(2, 1)
	data := edited(t, reg, func(f *excelize.File) { require.NoError(t, f.DeleteSheet("Parties")) })
	res, err := Read(bytes.NewReader(data), int64(len(data)), WithoutNotes())
	require.NoError(t, err)
	got := res.Register
	require.Len(t, got.Entities, len(reg.Entities))
	for i, e := range reg.Entities {
		assert.Equal(t, e.Name, got.Entities[i].Name)
		assert.Equal(t, e.Email, got.Entities[i].Email)
		assert.Equal(t, e.Address, got.Entities[i].Address)
	}
	require.Len(t, got.Activities[0].JointControllers, 2)
	assert.Equal(t, reg.Activities[0].JointControllers[1].Name, got.Activities[0].JointControllers[1].Name)
	require.Len(t, got.Activities[0].Controllers, 1)
	assert.Equal(t, reg.Activities[0].Controllers[0].Role, got.Activities[0].Controllers[0].Role)
	assert.Equal(t, reg.Activities[0].Controllers[0].Name, got.Activities[0].Controllers[0].Name)
	assert.Equal(t, reg.Activities[0].Recipients[0].Contact.Email, got.Activities[0].Recipients[0].Contact.Email)
}
