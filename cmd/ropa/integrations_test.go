package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckSARIF(t *testing.T) {
	status, out, errOut := runRopa("check", "--at", "2026-11-21", "--format", "sarif", registers+"wengage.yaml", registers+"webassur.yaml")
	assert.Equal(t, exitFindings, status, errOut)
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "2.1.0", doc.Version)
	require.Len(t, doc.Runs, 1, "one run for every file")
	files := map[string]bool{}
	for _, r := range doc.Runs[0].Results {
		require.NotEmpty(t, r.Locations, r.RuleID)
		files[r.Locations[0].Physical.Artifact.URI] = true
	}
	assert.Len(t, files, 2, "the findings of both files")
}

func TestExportFlowMap(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"dot", "mermaid"} {
		out := filepath.Join(dir, "map."+format)
		status, _, errOut := runRopa("export", "--format", format, "--at", "2026-11-21", "-o", out, registers+"wengage.yaml")
		require.Equal(t, exitOK, status, errOut)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Contains(t, string(b), "WEngage sarlau", format)
		assert.Contains(t, string(b), "Marokko", format)
	}
}

func TestDiff(t *testing.T) {
	old := registers + "wengage.yaml"
	b, err := os.ReadFile(old)
	require.NoError(t, err)
	status, out, errOut := runRopa("diff", "--at", "2026-11-21", old, old)
	assert.Equal(t, exitOK, status, errOut+out)

	changed := strings.Replace(string(b), "country: MA", "country: US", 1)
	require.NotEqual(t, string(b), changed)
	newer := write(t, "new.yaml", changed)
	status, out, errOut = runRopa("diff", "--at", "2026-11-21", old, newer)
	assert.Equal(t, exitFindings, status, errOut)
	assert.Contains(t, out, "US")

	status, out, _ = runStdin(string(b), "diff", "--at", "2026-11-21", "--format", "json", "-", newer)
	assert.Equal(t, exitFindings, status)
	assert.True(t, json.Valid([]byte(out)))

	status, _, errOut = runRopa("diff", old)
	assert.Equal(t, exitUsage, status)
	assert.Contains(t, errOut, "name the old and the new version")
}

func TestExportDPV(t *testing.T) {
	out := filepath.Join(t.TempDir(), "wengage.jsonld")
	status, _, errOut := runRopa("export", "--format", "dpv", "--at", "2026-11-21", "-o", out, registers+"wengage.yaml")
	require.Equal(t, exitOK, status, errOut)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, json.Valid(b))
	assert.Contains(t, string(b), "https://w3id.org/dpv#")
	assert.Contains(t, string(b), "CrossBorderTransfer")
}
