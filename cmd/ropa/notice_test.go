package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const wengage = registers + "wengage.yaml"

// seed is the WEngage privacy statement the notice package tests with.
const seed = "../../notice/testdata/seed-002-wengage.txt"

func TestNotice(t *testing.T) {
	statement, err := os.ReadFile(seed)
	require.NoError(t, err)
	webassur, err := os.ReadFile("../../notice/testdata/seed-003-webassur.txt")
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		stdin  string
		args   []string
		status int
		out    []string // parts of standard output, in order
		errOut string   // a part of standard error; none: empty
	}{
		{"html in the register's language", "", []string{"notice", wengage}, 0,
			[]string{"<!DOCTYPE html>\n<html lang=\"nl\">", "<h1>Privacyverklaring WEngage Groep</h1>", "Gegevensbeschermingsautoriteit", "</html>\n"}, ""},
		{"markdown in English", "", []string{"notice", "--format", "markdown", "--lang", "en", wengage}, 0,
			[]string{"# Privacy notice WEngage Groep\n", "| Purpose | Personal data | Legal basis | Retention |", "Data Protection Authority"}, ""},
		{"flags after the file", "", []string{"notice", wengage, "--lang", "de", "--format", "markdown"}, 0,
			[]string{"# Datenschutzerklärung WEngage Groep\n"}, ""},
		{"register on standard input", mustRead(t, wengage), []string{"notice", "--format", "markdown", "-"}, 0,
			[]string{"# Privacyverklaring WEngage Groep\n"}, ""},
		{"the authority as of --at", "", []string{"notice", "--at", "2018-05-25", "--format", "markdown", wengage}, 0,
			[]string{"Gegevensbeschermingsautoriteit"}, ""},

		{"check: the statement names everything", "", []string{"notice", "--check", seed, wengage}, 0, nil, ""},
		{"check: notice on standard input", string(statement), []string{"notice", "--check", "-", wengage}, 0, nil, ""},
		{"check: gaps", string(webassur), []string{"notice", "--check", "-", registers + "webassur.yaml"}, 1, []string{
			"right activities[1].purposes[4].bases[0] Intrekking van de toestemming (art. 7, lid 3, AVG)\n" +
				"right organisation Recht om een klacht in te dienen bij een toezichthoudende autoriteit (art. 77 AVG)\n"}, ""},
		{"check: a shared recipient once, with its other places", "<p>Ondernemingen van de WEngage-groep</p>", []string{"notice", "--check", "-", wengage}, 1, []string{
			"\nrecipient activities[0].recipients[1].name Postbedrijven en koeriersdiensten (also: activities[1].recipients[1].name, activities[2].recipients[1].name, ",
			", activities[13].recipients[1].name)\n"}, ""},

		{"no file", "", []string{"notice"}, 2, nil, "name exactly one register file"},
		{"two files", "", []string{"notice", wengage, wengage}, 2, nil, "name exactly one register file"},
		{"unknown language", "", []string{"notice", "--lang", "es", wengage}, 2, nil, `--lang must be en, nl, fr or de, not "es"`},
		{"unknown format", "", []string{"notice", "--format", "pdf", wengage}, 2, nil, `--format must be html or markdown, not "pdf"`},
		{"bad date", "", []string{"notice", "--at", "2026-02-30", wengage}, 2, nil, "2026-02-30 is not a date"},
		{"missing register", "", []string{"notice", "missing.yaml"}, 2, nil, "missing.yaml"},
		{"register that does not load", "schema: openropa/v1\norganisation: {nmae: A}\n", []string{"notice", "-"}, 2, nil, "<stdin>:2:"},
		{"an undated register: the authority as of today", "schema: openropa/v1\norganisation: {name: A, address: {country: BE}}\n", []string{"notice", "--format", "markdown", "-"}, 0,
			[]string{"# Privacy notice A\n", "Data Protection Authority"}, ""},
		{"output in a missing directory", "", []string{"notice", "-o", "missing/notice.html", wengage}, 2, nil, "ropa notice: "},
		{"check: missing notice", "", []string{"notice", "--check", "missing.html", wengage}, 2, nil, "--check: open missing.html"},
		{"check: standard input twice", "", []string{"notice", "--check", "-", "-"}, 2, nil, "standard input (-) can be read only once"},
		{"check: --lang is for writing", "", []string{"notice", "--check", seed, "--lang", "en", wengage}, 2, nil, "--lang applies to the notice ropa writes, not to --check"},
		{"check: --format is for writing", "", []string{"notice", "--check", seed, "--format", "html", wengage}, 2, nil, "--format applies to the notice ropa writes"},
		{"check: -o is for writing", "", []string{"notice", "--check", seed, "-o", "x.html", wengage}, 2, nil, "--o applies to the notice ropa writes"},
		{"check: register that does not load", "", []string{"notice", "--check", seed, "missing.yaml"}, 2, nil, "missing.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, out, errOut := runStdin(tc.stdin, tc.args...)
			assert.Equal(t, tc.status, status, "%s", errOut)
			rest := out
			for _, part := range tc.out {
				i := strings.Index(rest, part)
				require.GreaterOrEqual(t, i, 0, "standard output lacks, in order, %q:\n%s", part, out)
				rest = rest[i+len(part):]
			}
			if tc.status == 2 {
				assert.Empty(t, out, "nothing written on an error")
			}
			if tc.status == 0 && len(tc.out) == 0 {
				assert.Empty(t, out)
			}
			if tc.status == 2 && tc.errOut == "" {
				assert.NotEmpty(t, errOut)
			}
			if tc.errOut != "" {
				assert.Contains(t, errOut, tc.errOut)
			} else if tc.status != 2 {
				assert.Empty(t, errOut)
			}
		})
	}
}

func mustRead(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	return string(b)
}

// TestNoticeOutputFile: -o writes the notice to a file, the same notice as
// on standard output, and a refused write (a read-only file) leaves it as it
// was.
func TestNoticeOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "notice.md")
	status, stdout, errOut := runRopa("notice", "--format", "markdown", "-o", out, wengage)
	require.Equal(t, 0, status, errOut)
	assert.Empty(t, stdout)
	written, err := os.ReadFile(out)
	require.NoError(t, err)
	_, direct, _ := runRopa("notice", "--format", "markdown", wengage)
	assert.Equal(t, direct, string(written))
	_, dashed, _ := runRopa("notice", "--format", "markdown", "-o", "-", wengage)
	assert.Equal(t, direct, dashed)

	require.NoError(t, os.Chmod(out, 0o444))
	status, _, errOut = runRopa("notice", "-o", out, wengage)
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "ropa notice: ")
	kept, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, written, kept, "a refused write leaves the file as it was (markdown, not html)")
}

func TestNoticeUsage(t *testing.T) {
	status, out, _ := runRopa("notice", "-h")
	assert.Equal(t, 0, status)
	assert.True(t, strings.HasPrefix(out, "usage: ropa notice [--lang en|nl|fr|de] [--format html|markdown]"), out)
	for _, f := range []string{"-at", "-check", "-format", "-input", "-lang", "-o"} {
		assert.Contains(t, out, "\n  "+f+" ", "the usage of notice lists %s", f)
	}
	_, out, _ = runRopa("help")
	assert.Contains(t, out, "\n  ropa notice ")
}
