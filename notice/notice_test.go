package notice_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/internal/golden"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/notice"
	"github.com/openropa/registry/ropa"
)

var at = ropa.NewDate(2026, 11, 21)

func load(t testing.TB, name string) *ropa.Register {
	t.Helper()
	reg, _, err := examples.Load(name)
	require.NoError(t, err)
	return reg
}

func write(t testing.TB, reg *ropa.Register, opts ...notice.Option) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, notice.Write(&b, reg, append([]notice.Option{notice.At(at)}, opts...)...))
	return b.String()
}

// wellFormed checks that every element the HTML opens is closed in order
// (void elements aside) and returns the text of the document.
func wellFormed(t *testing.T, doc string) string {
	t.Helper()
	void := map[string]bool{"meta": true, "br": true, "link": true, "img": true, "hr": true, "input": true}
	var open []string
	var text strings.Builder
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			require.ErrorIs(t, z.Err(), io.EOF)
			assert.Empty(t, open, "elements left open")
			return text.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			if !void[string(name)] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			require.NotEmpty(t, open, "</%s> closes nothing", name)
			require.Equal(t, open[len(open)-1], string(name), "</%s> closes <%s>", name, open[len(open)-1])
			open = open[:len(open)-1]
		case html.TextToken:
			text.Write(z.Text())
			text.WriteByte(' ')
		}
	}
}

func TestHTMLWellFormedAndMentionsEveryPurpose(t *testing.T) {
	for _, name := range examples.Names() {
		reg := load(t, name)
		for _, l := range lang.All() {
			t.Run(name+"/"+string(l), func(t *testing.T) {
				doc := write(t, reg, notice.WithLang(l))
				_, err := html.Parse(strings.NewReader(doc))
				require.NoError(t, err)
				text := wellFormed(t, doc)
				for _, a := range reg.Activities {
					for _, p := range a.Purposes {
						assert.Contains(t, text, p.Description, "activity %s", a.ID)
					}
				}
				assert.Contains(t, text, reg.Organisation.Name)
			})
		}
	}
}

func TestGolden(t *testing.T) {
	reg := load(t, "wengage")
	for _, tc := range []struct {
		file string
		opts []notice.Option
	}{
		{"wengage.nl.html", nil}, // the register's language by default
		{"wengage.en.html", []notice.Option{notice.WithLang(lang.English)}},
		{"wengage.nl.md", []notice.Option{notice.WithFormat(notice.Markdown)}},
		{"wengage.fr.md", []notice.Option{notice.WithFormat(notice.Markdown), notice.WithLang(lang.French)}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			golden.Equal(t, filepath.Join("testdata", tc.file), []byte(write(t, reg, tc.opts...)))
		})
	}
}

// TestWEngageTable checks that the notice carries the table of the
// WEngage privacy statement: purpose, data, basis and retention per row.
func TestWEngageTable(t *testing.T) {
	md := write(t, load(t, "wengage"), notice.WithFormat(notice.Markdown))
	assert.Contains(t, md, "| Doeleinde | Persoonsgegevens | Rechtsgrond | Bewaartermijn |")
	for _, row := range []string{
		"| **Camerabewaking van de bedrijfsgebouwen**<br>",
		"| Bewakingscamerabeelden | Gerechtvaardigd belang (art. 6, lid 1, f), AVG), op grond van Camerawet<br>",
		// The term's own text follows its wording where it says more (the
		// exception for incidents), not where it says the same.
		"| 1 maand<br>1 maand, tenzij in geval van incidenten met oog op onderzoek en/of bewijsvoering. |",
		"| 10 jaar voor persoonlijke vorderingen<br>30 jaar voor zakelijke vorderingen |",
		"| tot het einde van de overeenkomst |",
		"Chats via de chatbutton op onze website: 7 dagen, daarna vernietigd<br>Chats worden na 7 dagen verwijderd |",
		"| **Het aangaan en uitvoeren van de overeenkomst met opdrachtgevers en zakenpartners**<br>",
	} {
		assert.Contains(t, md, row)
	}
	assert.Equal(t, 14, strings.Count(md, "\n| **")-4, "14 purposes and the 4 bases of the rights table")
}

func TestEscaping(t *testing.T) {
	reg := load(t, "wengage")
	a := &reg.Activities[0]
	a.Purposes[0].Description = "<script>alert(1)</script> a | b\nline two & *more*"
	a.Recipients = []ropa.Recipient{{Name: "# Not a heading", Kind: ropa.Processor, Description: "1. not a list"}}
	reg.Organisation.Website = "javascript:alert(1)"

	doc := write(t, reg)
	assert.NotContains(t, doc, "<script>")
	assert.Contains(t, doc, "&lt;script&gt;alert(1)&lt;/script&gt; a | b\nline two &amp; *more*")
	assert.NotContains(t, doc, `href="javascript:`)
	wellFormed(t, doc)

	md := write(t, reg, notice.WithFormat(notice.Markdown))
	assert.Contains(t, md, `\<script\>alert(1)\</script\> a \| b<br>line two \& \*more\*`)
	assert.Contains(t, md, `- **\# Not a heading**: 1\. not a list`)
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| **Het beantwoorden") {
			assert.Equal(t, 4, strings.Count(line, " |"), "one row of four cells: %s", line)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	reg := load(t, "wengage")
	undated := *reg
	undated.Updated = ropa.Date{}
	for _, tc := range []struct {
		name string
		reg  *ropa.Register
		opts []notice.Option
		want string
	}{
		{"nil", nil, nil, "notice: no register"},
		{"language", reg, []notice.Option{notice.WithLang("es")}, `unknown language "es"`},
		{"format", reg, []notice.Option{notice.WithFormat("pdf")}, `unknown format "pdf"`},
		{"date", &undated, nil, "no date to look up the supervisory authority"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := notice.Write(&b, tc.reg, tc.opts...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Zero(t, b.Len(), "nothing written")
		})
	}
	var b bytes.Buffer
	require.NoError(t, notice.Write(&b, &undated, notice.At(at)), "At gives the date")
}

func TestSections(t *testing.T) {
	reg := load(t, "wengage")
	yes, no := true, false
	reg.Activities[0].AutomatedDecisions = &yes
	reg.Activities[0].DecisionGrounds = &ropa.DecisionGrounds{Exception: ropa.DecisionContract, Safeguards: "Review by staff"}
	reg.Activities[0].DataCategories[0].Requirement = ropa.Contractual
	reg.Activities[0].DataCategories[0].RequirementNote = "we cannot answer"
	reg.Activities[0].DataCategories[1].Sources = []ropa.DataSource{ropa.FromPublic}
	reg.Activities[0].Transfers = []ropa.Transfer{{Country: "MA", Recipient: "WEngage sarlau", Mechanism: "scc"}}
	reg.Organisation.Address.Country = "DE"
	doc := write(t, reg, notice.WithLang(lang.English), notice.WithFormat(notice.Markdown))
	for _, want := range []string{
		"Het beantwoorden van vragen involves decisions based solely on automated processing (Art. 22 GDPR).",
		"- Ground: necessary for a contract with you (Art. 22(2)(a) GDPR).",
		"- Safeguards: Review by staff",
		"You may obtain human intervention",
		": required by a contract. If you do not provide them: we cannot answer",
		": source: publicly accessible sources",
		"- **Morocco**: recipient: WEngage sarlau; Standard data protection clauses adopted by the Commission (Art. 46(2)(c) GDPR)",
		"You can obtain a copy of these safeguards from us: dpo@wengage.eu.",
		"Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)",
		"This authority is not competent for every organisation: the federal authority",
	} {
		assert.Contains(t, doc, want)
	}
	assert.NotContains(t, doc, "We take no decisions based solely")
	for i := range reg.Activities {
		reg.Activities[i].AutomatedDecisions = &no
	}
	assert.Contains(t, write(t, reg, notice.WithLang(lang.German)), "Wir treffen keine ausschließlich auf einer automatisierten Verarbeitung beruhenden Entscheidungen.")
}

// TestChromium renders the WEngage notice in headless Chromium and keeps
// the screenshot as notice-wengage.png in the test's output directory
// (NOTICE_SCREENSHOT_DIR where set). Without Chromium it skips, unless CI
// is set.
func TestChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set and chromium is not installed")
		}
		t.Skip("chromium is not installed")
	}
	dir := os.Getenv("NOTICE_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, l := range []lang.Lang{lang.Dutch, lang.English} {
		page := filepath.Join(dir, "notice-wengage-"+string(l)+".html")
		require.NoError(t, os.WriteFile(page, []byte(write(t, load(t, "wengage"), notice.WithLang(l))), 0o644))
		shot := filepath.Join(dir, "notice-wengage-"+string(l)+".png")
		cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--screenshot="+shot, "--window-size=1200,2000", "file://"+page)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		info, err := os.Stat(shot)
		require.NoError(t, err)
		assert.Greater(t, info.Size(), int64(10000), "a screenshot with content")
	}
}
