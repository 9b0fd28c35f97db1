package export

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/ropa"
)

// tool finds a program the print test needs; without it the test is
// skipped, except on CI, which installs it.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI needs %s (apt-get install %s)", name, pkg)
	}
	t.Skipf("%s is not installed; apt-get install %s to render the workbooks to PDF", name, pkg)
	return ""
}

// maxPages is the most pages the WEngage register may print to in each
// layout: a third of what it took before the workbooks had a page setup
// (65, 69, 146 and 158 pages).
var maxPages = map[Layout]int{GBA: 21, ICO: 23, CNIL: 48, Generic: 52}

// TestPrintedPages renders the WEngage workbook of every layout to PDF with
// LibreOffice, in one run, and reads the PDF back with poppler: every page
// is A4 landscape, carries the header and footer, and belongs to one sheet;
// every page of a sheet with repeated headings shows its first and its last
// heading, so no sheet is cut across columns; and the register prints in at
// most a third of the pages it took without a page setup.
func TestPrintedPages(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice-calc-nogui")
	pdfinfo := tool(t, "pdfinfo", "poppler-utils")
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	dir := t.TempDir()
	reg := example(t, "wengage")
	var files []string
	books := map[Layout][]byte{}
	for _, l := range Layouts() {
		data := workbook(t, reg, WithLayout(l))
		books[l] = data
		path := filepath.Join(dir, "wengage-"+string(l)+".xlsx")
		require.NoError(t, os.WriteFile(path, data, 0o600))
		files = append(files, path)
	}
	// A profile of its own, so that the run neither waits for nor changes
	// the profile of a LibreOffice the user has open.
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", dir}, files...)
	out, err := exec.Command(soffice, args...).CombinedOutput()
	require.NoError(t, err, string(out))

	for _, l := range Layouts() {
		t.Run(string(l), func(t *testing.T) {
			pdf := filepath.Join(dir, "wengage-"+string(l)+".pdf")
			sizes := pageSizes(t, pdfinfo, pdf)
			assert.LessOrEqual(t, len(sizes), maxPages[l], "pages")
			for i, s := range sizes {
				assert.InDelta(t, 841.89, s[0], 1, "page %d is A4 landscape", i+1)
				assert.InDelta(t, 595.28, s[1], 1, "page %d is A4 landscape", i+1)
			}
			text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
			require.NoError(t, err)
			pages := strings.Split(strings.TrimSuffix(string(text), "\f"), "\f")
			require.Len(t, pages, len(sizes))

			f, err := excelize.OpenReader(bytes.NewReader(books[l]))
			require.NoError(t, err)
			defer f.Close()
			sheets := f.GetSheetList()
			headings := repeatedHeadings(t, f)
			perSheet := map[string]int{}
			footer := regexp.MustCompile(strings.NewReplacer("&P", `\d+`, "&N", `\d+`).Replace(t2(l, "print.page")))
			for i, page := range pages {
				sheet := pageSheet(page)
				require.Contains(t, sheets, sheet, "page %d names its sheet in its header:\n%s", i+1, firstLine(page))
				assert.Contains(t, page, reg.Organisation.Name, "page %d", i+1)
				assert.Contains(t, page, dateText(reg.Updated, langFor(l, reg)), "page %d", i+1)
				assert.Regexp(t, footer, page, "page %d has its page number", i+1)
				perSheet[sheet]++
				if h, ok := headings[sheet]; ok {
					flat := strings.Join(strings.Fields(page), " ")
					assert.Contains(t, flat, h[0], "page %d of %s shows the first heading", i+1, sheet)
					assert.Contains(t, flat, h[1], "page %d of %s shows the last heading", i+1, sheet)
				}
			}
			for _, s := range sheets {
				assert.NotZero(t, perSheet[s], "sheet %s is printed", s)
			}
			t.Logf("%s: %d pages, per sheet %v", l, len(pages), perSheet)
		})
	}
}

// t2 is t, named so as not to shadow the test's t.
func t2(l Layout, key string) string {
	switch l {
	case ICO:
		return t(key, English)
	case CNIL:
		return t(key, French)
	}
	return t(key, Dutch)
}

// langFor is the language the WEngage workbook of a layout is written in.
func langFor(l Layout, reg *ropa.Register) Lang {
	switch l {
	case ICO:
		return English
	case CNIL:
		return French
	}
	return langOf(reg.Language)
}

var pageSize = regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)

// pageSizes reads the width and height of every page with pdfinfo.
func pageSizes(t *testing.T, pdfinfo, pdf string) [][2]float64 {
	t.Helper()
	out, err := exec.Command(pdfinfo, "-f", "1", "-l", "100000", pdf).Output()
	require.NoError(t, err)
	var sizes [][2]float64
	for _, m := range pageSize.FindAllStringSubmatch(string(out), -1) {
		w, err := strconv.ParseFloat(m[1], 64)
		require.NoError(t, err)
		h, err := strconv.ParseFloat(m[2], 64)
		require.NoError(t, err)
		sizes = append(sizes, [2]float64{w, h})
	}
	require.NotEmpty(t, sizes, string(out))
	return sizes
}

func firstLine(page string) string {
	for _, line := range strings.Split(page, "\n") {
		if strings.TrimSpace(line) != "" {
			return line
		}
	}
	return ""
}

// pageSheet reads the sheet's name from the middle of a page's header: the
// organisation, the sheet and the register's date, apart.
func pageSheet(page string) string {
	parts := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(firstLine(page)), -1)
	if len(parts) < 3 {
		return ""
	}
	return parts[1]
}

// repeatedHeadings returns, for every sheet with rows printed on every
// page, the first word of its first heading and of its last, from the last
// of those rows.
func repeatedHeadings(t *testing.T, f *excelize.File) map[string][2]string {
	t.Helper()
	out := map[string][2]string{}
	titles := regexp.MustCompile(`\$(\d+)$`)
	for _, d := range f.GetDefinedName() {
		if d.Name != "_xlnm.Print_Titles" {
			continue
		}
		m := titles.FindStringSubmatch(d.RefersTo)
		require.NotNil(t, m, d.RefersTo)
		row, _ := strconv.Atoi(m[1])
		rows, err := f.GetRows(d.Scope)
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(rows), row, d.Scope)
		var cells []string
		for _, c := range rows[row-1] {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, strings.Fields(c)[0])
			}
		}
		require.NotEmpty(t, cells, d.Scope)
		out[d.Scope] = [2]string{cells[0], cells[len(cells)-1]}
	}
	return out
}

// TestPageSetup checks the page setup of every sheet of every layout in the
// workbook itself: A4 landscape, one page wide, header and footer, and the
// heading rows of the tables repeated on every page.
func TestPageSetup(t *testing.T) {
	reg := example(t, "wengage")
	for _, l := range Layouts() {
		f, err := excelize.OpenReader(bytes.NewReader(workbook(t, reg, WithLayout(l))))
		require.NoError(t, err)
		titled := map[string]string{}
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" {
				titled[d.Scope] = d.RefersTo
			}
		}
		for _, s := range f.GetSheetList() {
			where := fmt.Sprintf("%s: sheet %s", l, s)
			p, err := f.GetPageLayout(s)
			require.NoError(t, err)
			require.NotNil(t, p.Size, where)
			assert.Equal(t, 9, *p.Size, "%s: A4", where)
			assert.Equal(t, "landscape", *p.Orientation, where)
			assert.Equal(t, 1, *p.FitToWidth, "%s: one page wide", where)
			assert.Equal(t, 0, *p.FitToHeight, "%s: as many pages tall as needed", where)
			props, err := f.GetSheetProps(s)
			require.NoError(t, err)
			assert.True(t, *props.FitToPage, where)
			hf, err := f.GetHeaderFooter(s)
			require.NoError(t, err)
			assert.Contains(t, hf.OddHeader, "WEngage Groep", where)
			assert.Contains(t, hf.OddFooter, "&P", where)
		}
		assert.NotEmpty(t, titled, "%s: tables repeat their headings", l)
		f.Close()
	}
}

func TestPageHeader(t *testing.T) {
	cases := []struct {
		org     string
		updated ropa.Date
		lang    Lang
		want    string
	}{
		{"WEngage Groep", ropa.NewDate(2023, 10, 10), Dutch, "&LWEngage Groep&C&A&RRegister van 10-10-2023"},
		{"A & B", ropa.NewDate(2023, 10, 10), French, "&LA && B&C&A&RRegistre du 10/10/2023"},
		{"A", ropa.Date{}, English, "&LA&C&A"},
	}
	for _, c := range cases {
		b := &book{org: c.org, updated: c.updated, o: options{lang: c.lang}}
		assert.Equal(t, c.want, b.pageHeader())
	}
	long := &book{org: strings.Repeat("&", 300), updated: ropa.NewDate(2023, 10, 10), o: options{lang: German}}
	h := long.pageHeader()
	assert.LessOrEqual(t, utf8.RuneCountInString(h), maxHeaderChars, "a header holds 255 characters")
	assert.Contains(t, h, "…&C&A&RVerzeichnis vom 10.10.2023", "a long name is visibly shortened, the date kept")
	assert.NotContains(t, strings.ReplaceAll(strings.TrimPrefix(h, "&L"), "&&", ""), "&…", "no ampersand is cut in half")
}

func TestDateText(t *testing.T) {
	d := ropa.NewDate(2026, 3, 7)
	for l, want := range map[Lang]string{English: "2026-03-07", Dutch: "07-03-2026", French: "07/03/2026", German: "07.03.2026"} {
		assert.Equal(t, want, dateText(d, l), l)
	}
	assert.Empty(t, dateText(ropa.Date{}, French), "no date, no text")
}

func TestRowHeight(t *testing.T) {
	cases := []struct {
		name   string
		values []string
		widths []float64
		want   float64
	}{
		{"one short line", []string{"a", "b"}, []float64{10, 10}, 0},
		{"line breaks", []string{"a\nb\nc"}, []float64{10}, 3*lineHeight + 2},
		{"wrapped words", []string{strings.Repeat("word ", 20)}, []float64{10}, 10*lineHeight + 2},
		{"a long word is broken", []string{strings.Repeat("x", 50)}, []float64{10}, 5*lineHeight + 2},
		{"the tallest cell counts", []string{"a", "a\nb"}, []float64{10, 10}, 2*lineHeight + 2},
		{"Excel's limit", []string{strings.Repeat("\n", 100)}, []float64{10}, maxRowHeight},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, rowHeight(c.values, c.widths, false), c.name)
	}
	assert.Greater(t, rowHeight([]string{strings.Repeat("abcdefgh ", 30)}, []float64{15.5}, true),
		rowHeight([]string{strings.Repeat("abcdefgh ", 30)}, []float64{15.5}, false), "bold text is wider")
}
