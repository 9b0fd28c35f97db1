package lawfulbasis

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSCCDecisionRows(t *testing.T) {
	want := []struct {
		number, from, newUntil, until string
		mechanism                     Mechanism
	}{
		{"2001/497/EC", "2001-09-03", "2021-09-26", "2022-12-27", SCC2001},
		{"2004/915/EC", "2005-04-01", "2021-09-26", "2022-12-27", SCC2004},
		{"2010/87/EU", "2010-05-15", "2021-09-26", "2022-12-27", SCC2010},
		{"(EU) 2021/914", "2021-06-27", "", "", SCC},
	}
	got := SCCDecisions()
	require.Len(t, got, len(want))
	dateOf := func(d time.Time) string {
		if d.IsZero() {
			return ""
		}
		return d.Format(time.DateOnly)
	}
	for i, w := range want {
		dec := &got[i]
		assert.Equal(t, w.number, dec.Number)
		assert.Equal(t, w.mechanism, dec.Mechanism)
		assert.Equal(t, w.from, dateOf(dec.From))
		assert.Equal(t, w.newUntil, dateOf(dec.NewContractsUntil))
		assert.Equal(t, w.until, dateOf(dec.Until))
		assert.NotEmpty(t, dec.Source)
		assert.NotEmpty(t, dec.Confidence)
		assert.False(t, dec.From.Before(dec.Adopted), dec.Number)
		assert.False(t, dec.ValidOn(dec.From.AddDate(0, 0, -1)).Valid, "%s the day before it applied", dec.Number)
		assert.True(t, dec.ValidOn(dec.From).Valid, "%s on its first day", dec.Number)
		if dec.Until.IsZero() {
			continue
		}
		onLastNewDay := dec.ValidOn(dec.NewContractsUntil)
		assert.True(t, onLastNewDay.Valid)
		assert.Empty(t, onLastNewDay.Caveat, "%s open to new contracts until %s", dec.Number, w.newUntil)
		afterRepeal := dec.ValidOn(dec.NewContractsUntil.AddDate(0, 0, 1))
		assert.True(t, afterRepeal.Valid, "%s during the transition", dec.Number)
		assert.Contains(t, afterRepeal.Caveat, "concluded on or before 2021-09-26")
		assert.True(t, dec.ValidOn(dec.Until).Valid)
		late := dec.ValidOn(dec.Until.AddDate(0, 0, 1))
		assert.False(t, late.Valid, "%s after the transition", dec.Number)
		assert.Contains(t, late.Reason, "after 2022-12-27")
	}
}

func TestRecogniseSCC(t *testing.T) {
	tests := []struct {
		ref       string
		decisions []string
		modules   []SCCModule
		processor bool
		err       string
	}{
		{"Decision 2010/87/EU", []string{"2010/87/EU"}, nil, true, ""},
		{"2010/87", []string{"2010/87/EU"}, nil, true, ""},
		{"SCC 2021/914 module 2", []string{"(EU) 2021/914"}, []SCCModule{2}, true, ""},
		{"modules 2 and 3", nil, []SCCModule{2, 3}, true, ""},
		{"Standard contractual clauses (EU) 2021/914, Module One", []string{"(EU) 2021/914"}, []SCCModule{1}, false, ""},
		{"SCC 2021/914 modules 1-4", []string{"(EU) 2021/914"}, []SCCModule{1, 2, 3, 4}, true, ""},
		{"Modul 4 der Standardvertragsklauseln 2021/914", []string{"(EU) 2021/914"}, []SCCModule{4}, false, ""},
		{"modules 3, 2 et 2", nil, []SCCModule{2, 3}, true, ""},
		{"Beschluss 2001/497/EG und 2004/915/EG", []string{"2001/497/EC", "2004/915/EC"}, nil, false, ""},
		{"2010/87/EU replaced by 2021/914 module 2", []string{"2010/87/EU", "(EU) 2021/914"}, []SCCModule{2}, true, ""},
		{"SCC under Regulation (EU) 2016/679", nil, nil, false, ""},
		{"2001/49", nil, nil, false, ""},
		{"12010/87", nil, nil, false, ""},
		{"", nil, nil, false, ""},
		{"SCC 2021/914 module 5", nil, nil, false, "module 5"},
		{"modules 3-2", nil, nil, false, "runs backwards"},
		{"2010/87/EU module 2", nil, nil, false, "only the clauses of Decision (EU) 2021/914 have"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			r, err := RecogniseSCC(tt.ref)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			var numbers []string
			for _, d := range r.Decisions {
				numbers = append(numbers, d.Number)
			}
			assert.Equal(t, tt.decisions, numbers)
			assert.Equal(t, tt.modules, r.Modules)
			assert.Equal(t, tt.processor, r.ForProcessor())
		})
	}
}

func TestSCCReferenceValidOn(t *testing.T) {
	old, err := RecogniseSCC("Decision 2010/87/EU")
	require.NoError(t, err)
	assert.True(t, old.ValidOn(date(2022, 12, 27)).Valid)
	assert.NotEmpty(t, old.ValidOn(date(2022, 12, 27)).Caveat)
	late := old.ValidOn(date(2022, 12, 28))
	assert.False(t, late.Valid)
	assert.Contains(t, late.Reason, "2021/914")

	current, err := RecogniseSCC("SCC 2021/914 module 3")
	require.NoError(t, err)
	assert.False(t, current.ValidOn(date(2021, 6, 26)).Valid)
	assert.True(t, current.ValidOn(date(2021, 6, 27)).Valid)
	assert.Empty(t, current.ValidOn(date(2030, 1, 1)).Caveat)

	none, err := RecogniseSCC("modules 2 and 3")
	require.NoError(t, err)
	assert.False(t, none.ValidOn(date(2024, 1, 1)).Valid, "no decision named")
}

func TestSCCModules(t *testing.T) {
	assert.Equal(t, "module 2 (controller to processor)", ModuleControllerToProcessor.String())
	assert.Equal(t, "module 7", SCCModule(7).String())
	var toProcessor []SCCModule
	for m := ModuleControllerToController; m <= ModuleProcessorToController; m++ {
		assert.True(t, m.Valid())
		if m.ToProcessor() {
			toProcessor = append(toProcessor, m)
		}
	}
	assert.Equal(t, []SCCModule{2, 3}, toProcessor)
	assert.False(t, SCCModule(0).Valid())
}

func TestPrivacyShieldNamesTheDPF(t *testing.T) {
	after := PrivacyShield.ValidOn(date(2024, 1, 1))
	assert.False(t, after.Valid)
	assert.Contains(t, after.Reason, "Commission Implementing Decision (EU) 2023/1795")
	assert.Contains(t, after.Reason, "Data Privacy Framework List")
	assert.Contains(t, after.Reason, "standard contractual clauses of Decision (EU) 2021/914")
	before := PrivacyShield.ValidOn(date(2023, 7, 9))
	assert.NotContains(t, before.Reason, "2023/1795", "the DPF did not exist yet")
	assert.NotContains(t, SCC2010.ValidOn(date(2024, 1, 1)).Reason, "2023/1795")
}

func FuzzRecogniseSCC(f *testing.F) {
	for _, s := range []string{"Decision 2010/87/EU", "2010/87", "SCC 2021/914 module 2", "modules 2 and 3", "Module Two", "modules 1-4", "module 5", "2001/497/EC and 2004/915/EC", "modul 3 to 4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := RecogniseSCC(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("RecogniseSCC(%q): empty error", s)
			}
			return
		}
		if !slices.IsSorted(r.Modules) || len(slices.Compact(slices.Clone(r.Modules))) != len(r.Modules) {
			t.Fatalf("RecogniseSCC(%q) modules %v: not sorted and unique", s, r.Modules)
		}
		for _, m := range r.Modules {
			if !m.Valid() {
				t.Fatalf("RecogniseSCC(%q): invalid %v", s, m)
			}
		}
		seen := map[*SCCDecision]bool{}
		for _, d := range r.Decisions {
			if seen[d] || !slices.ContainsFunc(sccDecisions, func(x SCCDecision) bool { return x.Number == d.Number }) {
				t.Fatalf("RecogniseSCC(%q): repeated or unknown decision %v", s, d.Number)
			}
			seen[d] = true
		}
	})
}
