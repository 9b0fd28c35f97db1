package ropa

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openropa/registry/lang"
)

var updateRegime = flag.Bool("update-regime", false, "rewrite testdata/rules/eudpr/*.citations")

// TestRegimeCitations holds the findings of the annotated registers under
// Regulation (EU) 2018/1725 to a golden file of their citations in the four
// languages, with the GDPR provision each one moved from.
func TestRegimeCitations(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(wantDir, "eudpr", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			reg, src, err := Decode(data, YAML)
			require.NoError(t, err)
			require.Equal(t, EUDPR, reg.Regime)
			rep := Check(reg, NewDate(2024, 1, 1))
			rep.Locate(reg, src)
			var b strings.Builder
			for _, f := range rep.Findings {
				fmt.Fprintf(&b, "%d:%d %s\n", f.Line, f.Column, f.Rule)
				for _, l := range lang.All() {
					fmt.Fprintf(&b, "\t%s %s\n", l, lang.Cite(f.Article, l))
				}
				if f.GDPRArticle != "" {
					fmt.Fprintf(&b, "\tgdpr %s\n", f.GDPRArticle)
				}
			}
			golden := strings.TrimSuffix(path, ".yaml") + ".citations"
			if *updateRegime {
				require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update-regime to write %s", golden)
			assert.Equal(t, string(want), b.String())
		})
	}
}

// TestRegimeRules checks the annotated registers of the GDPR once more as
// registers under Regulation (EU) 2018/1725: the rules whose provisions
// have no counterpart there report nothing, the others report the same
// findings, and every finding that moved keeps its GDPR provision.
func TestRegimeRules(t *testing.T) {
	at := NewDate(2024, 1, 1)
	// Legitimate interests (Art. 6(1)(f)) have no counterpart either: no
	// controller under the Regulation relies on them, and no-legal-basis
	// reports a purpose that does.
	noCounterpart := map[string]bool{"art-30-5-exemption": true, "representative-missing": true,
		"interest-not-stated": true, "balancing-test": true, "public-authority-legitimate-interests": true}
	// National law on DPOs (Art. 37(4)) does not bind the Union's bodies,
	// and every one of them designates a DPO: dpo-required is held to that
	// below, not to its findings under the GDPR.
	national := map[string]bool{"dpo-required.national": true, "dpo-required.dpia": true}
	eudprOnly := map[string]bool{"no-legal-basis.legitimate-interests": true, "no-legal-basis.also": true}
	for _, path := range annotatedFiles(t) {
		if filepath.Base(filepath.Dir(path)) == "eudpr" {
			continue
		}
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		gdpr, _, err := Decode(data, YAML)
		require.NoError(t, err, path)
		eudpr, _, err := Decode(data, YAML)
		require.NoError(t, err, path)
		eudpr.Regime = EUDPR
		var want []string
		for _, f := range Check(gdpr, at).Findings {
			if !noCounterpart[f.Rule] && f.Rule != "dpo-required" && f.Rule != "unused-waiver" {
				want = append(want, f.Path.String()+" "+f.Key)
			}
		}
		var got, dpo []string
		for _, f := range Check(eudpr, at).Findings {
			assert.False(t, noCounterpart[f.Rule], "%s: %s runs under eudpr", path, f.Rule)
			assert.False(t, national[f.Key], "%s: %s applies national law under eudpr", path, f.Key)
			switch {
			case f.Rule == "dpo-required":
				dpo = append(dpo, f.Key)
			case eudprOnly[f.Key]:
				assert.Contains(t, f.Article, "5(1) of Regulation (EU) 2018/1725", path)
			case f.Rule != "unused-waiver":
				got = append(got, f.Path.String()+" "+f.Key)
			}
			if f.GDPRArticle != "" {
				assert.Contains(t, f.GDPRArticle, " GDPR", path)
				assert.Contains(t, f.Article, " of Regulation (EU) 2018/1725", path)
			} else {
				assert.NotContains(t, f.Article, "2018/1725", path)
			}
		}
		assert.Equal(t, want, got, path)
		if eudpr.DPO == nil {
			assert.Equal(t, []string{"dpo-required.institution"}, dpo, path)
		} else {
			assert.Empty(t, dpo, path)
		}
	}
}

func TestUnderRegime(t *testing.T) {
	at := NewDate(2024, 1, 1)
	tests := []struct {
		regime  Regime
		article string
		at      Date
		cited   string
		applies bool
	}{
		{GDPR, "Art. 30(1)(f) GDPR", at, "Art. 30(1)(f) GDPR", true},
		{"", "Art. 30(5) GDPR", at, "Art. 30(5) GDPR", true},
		{EUDPR, "Art. 30(1)(f) GDPR", at, "Art. 31(1) of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 30(1)(f) and 5(1)(e) GDPR", at, "Art. 31(1) and 4(1) of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 5(2) GDPR", at, "Art. 4 of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 9(1)-(2) GDPR", at, "Art. 10(1)-(2) of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 35(1) GDPR; WP248 rev.01", at, "Art. 39 of Regulation (EU) 2018/1725; WP248 rev.01", true},
		{EUDPR, "Art. 30(1)(g) and 32 GDPR", at, "Art. 31(1) and 33 of Regulation (EU) 2018/1725", true},
		{GDPR, "Art. 30(1)(g) and 32 GDPR", at, "Art. 30(1)(g) and 32 GDPR", true},
		{EUDPR, "Art. 30(2)(d) and 32 GDPR", at, "Art. 31 and 33 of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 32(1) GDPR", at, "Art. 33 of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 5(2) and 6(1) GDPR", at, "Art. 4 and 5(1) of Regulation (EU) 2018/1725", true},
		{GDPR, "Art. 5(2) and 6(1) GDPR", at, "Art. 5(2) and 6(1) GDPR", true},
		{EUDPR, "Art. 6(1)(a) GDPR", at, "Art. 5(1)(d) of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 6(1)(b) GDPR", at, "Art. 5(1) of Regulation (EU) 2018/1725", true}, // the point is not confirmed
		{EUDPR, "Art. 6(1)(e) GDPR", at, "Art. 5(1)(a) of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 6(1)(f) and 13(1)(d) GDPR", at, "Art. 6(1)(f) and 13(1)(d) GDPR", false},
		{EUDPR, "Art. 6(1)(f) and 5(2) GDPR", at, "Art. 6(1)(f) and 5(2) GDPR", false},
		{EUDPR, "Art. 6(1), second subparagraph, GDPR", at, "Art. 6(1), second subparagraph, GDPR", true}, // a subparagraph is not moved
		{EUDPR, "Art. 6(3) GDPR", at, "Art. 6(3) GDPR", true},                                             // not confirmed
		{EUDPR, "Art. 7(4) and recital 43 GDPR", at, "Art. 7(4) and recital 43 GDPR", true},               // a recital is not moved
		{EUDPR, "Art. 7(3) GDPR", at, "Art. 7 of Regulation (EU) 2018/1725", true},
		{GDPR, "Art. 7(3) GDPR", at, "Art. 7(3) GDPR", true},
		{EUDPR, "Art. 46(1) GDPR; C-311/18", at, "Art. 48 of Regulation (EU) 2018/1725; C-311/18", true},
		{GDPR, "Art. 46(1) GDPR; C-311/18", at, "Art. 46(1) GDPR; C-311/18", true},
		{EUDPR, "Art. 46(3)(b) GDPR", at, "Art. 48(3) of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 49(6) and 30(1)(e) GDPR", at, "Art. 50 and 31(1) of Regulation (EU) 2018/1725", true},
		{GDPR, "Art. 49(6) and 30(1)(e) GDPR", at, "Art. 49(6) and 30(1)(e) GDPR", true},
		{EUDPR, "Art. 49(3) GDPR", at, "Art. 50 of Regulation (EU) 2018/1725", true},
		{EUDPR, "Art. 44 and 46 GDPR", at, "Art. 44 and 46 GDPR", true}, // Art. 44: not confirmed
		{EUDPR, "Art. 28(3) and 46(2)(c) GDPR", at, "Art. 29 and 48 of Regulation (EU) 2018/1725", true},
		{GDPR, "Art. 28(3) GDPR", at, "Art. 28(3) GDPR", true},
		{EUDPR, "Art. 37(1)(a) and 30(1)(a) GDPR", at, "Art. 37(1)(a) and 30(1)(a) GDPR", true}, // Art. 37: not confirmed
		{EUDPR, "Art. 44 GDPR", at, "Art. 44 GDPR", true},
		{EUDPR, "Art. 30(5) GDPR", at, "Art. 30(5) GDPR", false},
		{EUDPR, "Art. 27 and 30(1)(a) GDPR", at, "Art. 27 and 30(1)(a) GDPR", false},
		{EUDPR, "Art. 37(1) and 30(5) GDPR", at, "Art. 37(1) and 30(5) GDPR", false}, // found after an unknown provision
		{EUDPR, "RFC 3986 (the form of a web address)", at, "RFC 3986 (the form of a web address)", true},
		{EUDPR, "Art. 30(1)(f) GDPR", NewDate(2018, 12, 10), "Art. 30(1)(f) GDPR", true}, // before the Regulation applied
	}
	for _, tt := range tests {
		r := &Register{Regime: tt.regime}
		cited, applies := r.underRegime(tt.article, tt.at)
		assert.Equal(t, tt.cited, cited, "%s %s", tt.regime, tt.article)
		assert.Equal(t, tt.applies, applies, "%s %s", tt.regime, tt.article)
	}
	var nilReg *Register
	cited, applies := nilReg.underRegime("Art. 30 GDPR", at)
	assert.Equal(t, "Art. 30 GDPR", cited)
	assert.True(t, applies)
}

// TestRegimeMessageCitations: the provisions a message quotes move with the
// finding's article.
func TestRegimeMessageCitations(t *testing.T) {
	r := &Register{Regime: EUDPR}
	f := Finding{Article: "Art. 9(2)(a) GDPR", Args: []any{Citation("Art. 9(2)(b) GDPR"), Citation("Art. 44 GDPR"), "Art. 9 GDPR"}}
	require.True(t, r.cite(&f, NewDate(2024, 1, 1)))
	assert.Equal(t, "Art. 10(2)(a) of Regulation (EU) 2018/1725", f.Article)
	assert.Equal(t, "Art. 9(2)(a) GDPR", f.GDPRArticle)
	assert.Equal(t, []any{Citation("Art. 10(2)(b) of Regulation (EU) 2018/1725"), Citation("Art. 44 GDPR"), "Art. 9 GDPR"}, f.Args)
	g := Finding{Article: "Art. 30(5) GDPR"}
	assert.False(t, r.cite(&g, NewDate(2024, 1, 1)))
}
