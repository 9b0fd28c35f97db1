package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/internal/golden"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/ropa"
	"github.com/piprate/json-gold/ld"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dpvWEngage loads the WEngage example register.
func dpvWEngage(t *testing.T) *ropa.Register {
	t.Helper()
	reg, _, err := examples.Load("wengage")
	require.NoError(t, err)
	return reg
}

func dpvKeys[T ~string](enum string, vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = enum + "/" + string(v)
	}
	return out
}

// TestDPVMappingCoversEveryValue holds the table to the model: every value
// of every mapped enumeration has a row, every row is a value, and every
// concept a row names is a confirmed concept of DPV 2.1.
func TestDPVMappingCoversEveryValue(t *testing.T) {
	var want []string
	want = append(want, dpvKeys(enumBasis, lawfulbasis.Bases())...)
	want = append(want, dpvKeys(enumCondition, lawfulbasis.Conditions())...)
	want = append(want, dpvKeys(enumSpecial, lawfulbasis.SpecialCategories())...)
	want = append(want, dpvKeys(enumMechanism, lawfulbasis.Mechanisms())...)
	want = append(want, dpvKeys(enumDerogation, lawfulbasis.Derogations())...)
	want = append(want, dpvKeys(enumRecipient, ropa.RecipientKinds())...)
	want = append(want, dpvKeys(enumSubject, ropa.SubjectKinds())...)
	want = append(want, dpvKeys(enumMeasure, ropa.MeasureKinds())...)
	want = append(want, dpvKeys(enumDPIAStatus, ropa.DPIAStatuses())...)
	table := DPVMappings()
	var got []string
	for k, row := range table {
		got = append(got, k)
		if len(row.Concepts) == 0 {
			assert.NotEmpty(t, row.Note, "%s maps to nothing and must say why", k)
		}
		for _, c := range row.Concepts {
			con, ok := DPVConcepts()[c]
			if assert.True(t, ok, "%s maps to %s, which is not a confirmed concept", k, c) {
				assert.Equal(t, DPVVersion, con.Version)
				assert.NotEmpty(t, con.Source)
			}
		}
	}
	sort.Strings(want)
	sort.Strings(got)
	assert.Equal(t, want, got)
}

func TestDPVConceptIRI(t *testing.T) {
	for _, tc := range []struct{ curie, iri string }{
		{"eu-gdpr:A6-1-a", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a"},
		{"dpv:DataController", "https://w3id.org/dpv#DataController"},
		{"pd:Health", "https://w3id.org/dpv/pd#Health"},
	} {
		assert.Equal(t, tc.iri, DPVConcepts()[tc.curie].IRI())
	}
}

// offline is a document loader that refuses every remote document, so an
// expansion that needed a context from the network fails.
type offline struct{}

func (offline) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, fmt.Errorf("refused to load %s: the document must carry its context inline", u)
}

func expandDPV(t *testing.T, doc []byte) []any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(doc, &v))
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = offline{}
	out, err := ld.NewJsonLdProcessor().Expand(v, opts)
	require.NoError(t, err)
	return out
}

// iris collects the IRIs of an expanded document: property names, @type
// values and @id values.
func iris(v any, into map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch k {
			case "@id":
				into[x.(string)] = true
			case "@type":
				if s, ok := x.(string); ok {
					into[s] = true
				}
				if l, ok := x.([]any); ok {
					for _, s := range l {
						into[s.(string)] = true
					}
				}
			case "@value":
			default:
				if !strings.HasPrefix(k, "@") {
					into[k] = true
				}
				iris(x, into)
			}
		}
	case []any:
		for _, x := range v {
			iris(x, into)
		}
	}
}

func TestWriteDPVWEngage(t *testing.T) {
	reg := dpvWEngage(t)
	var a, b bytes.Buffer
	require.NoError(t, WriteDPV(&a, reg))
	require.NoError(t, WriteDPV(&b, reg))
	assert.Equal(t, a.String(), b.String(), "byte-stable")
	golden.Equal(t, "testdata/dpv/wengage.jsonld", a.Bytes())

	expanded := expandDPV(t, a.Bytes())
	found := map[string]bool{}
	iris(expanded, found)
	confirmed := map[string]bool{}
	for _, c := range DPVConcepts() {
		confirmed[c.IRI()] = true
	}
	var dpv []string
	for iri := range found {
		if strings.HasPrefix(iri, "https://w3id.org/dpv") {
			dpv = append(dpv, iri)
			assert.True(t, confirmed[iri], "%s is not a confirmed concept of DPV %s", iri, DPVVersion)
		}
	}
	slices.Sort(dpv)
	for _, iri := range []string{
		DPVNamespace + "DataController", DPVNamespace + "PersonalDataHandling", DPVNamespace + "hasLegalBasis",
		DPVNamespace + "CrossBorderTransfer", DPVGDPRNamespace + "A6-1-b",
	} {
		assert.Contains(t, dpv, iri)
	}
	assert.Contains(t, a.String(), `"dpv:hasIdentifier": "MA"`, "the Moroccan transfer")
}

func TestWriteDPVErrors(t *testing.T) {
	reg := dpvWEngage(t)
	for _, tc := range []struct {
		name string
		reg  *ropa.Register
		opts []DPVOption
		want string
	}{
		{"no register", nil, nil, "no register"},
		{"empty base", reg, []DPVOption{WithDPVBase("")}, "is not an IRI"},
		{"bad base", reg, []DPVOption{WithDPVBase("http://[::1")}, "is not an IRI"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := WriteDPV(&bytes.Buffer{}, tc.reg, tc.opts...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	require.Error(t, WriteDPV(failWriter{}, reg))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteDPVBaseAndLang(t *testing.T) {
	reg := dpvWEngage(t)
	var buf bytes.Buffer
	require.NoError(t, WriteDPV(&buf, reg, WithDPVBase("https://example.org/ropa/"), WithDPVLang(Dutch)))
	assert.Contains(t, buf.String(), `"@id": "https://example.org/ropa/organisation"`)
	assert.NotContains(t, buf.String(), DefaultDPVBase)
}

func ExampleWriteDPV() {
	reg := &ropa.Register{Schema: "openropa/v1", Organisation: ropa.Party{Name: "Example NV"},
		Activities: []ropa.Activity{{ID: "payroll", Name: "Payroll",
			Purposes: []ropa.Purpose{{Description: "Pay salaries",
				Bases: []ropa.Basis{{Basis: lawfulbasis.LegalObligation}}}}}}}
	var buf bytes.Buffer
	if err := WriteDPV(&buf, reg); err != nil {
		fmt.Println(err)
		return
	}
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	_ = json.Unmarshal(buf.Bytes(), &doc)
	fmt.Println(doc.Graph[1]["@type"], doc.Graph[1]["dpv:hasPurpose"])
	// Output:
	// dpv:PersonalDataHandling [map[@type:dpv:Purpose dct:description:Pay salaries dpv:hasLegalBasis:[map[@id:eu-gdpr:A6-1-c]]]]
}

func TestWriteDPVConcepts(t *testing.T) {
	reg := &ropa.Register{Schema: "openropa/v1", Organisation: ropa.Party{Name: "Example NV"},
		Activities: []ropa.Activity{{ID: "care", Name: "Care",
			DataCategories: []ropa.DataCategory{{ID: "h", Description: "health", Special: []lawfulbasis.SpecialCategory{lawfulbasis.Health}, Criminal: true}},
			Purposes:       []ropa.Purpose{{Description: "Treat", Conditions: []ropa.Condition{{Condition: lawfulbasis.HealthCare}, {Condition: lawfulbasis.AuthorisedByLaw}}}},
			Transfers:      []ropa.Transfer{{Country: "US", Mechanism: lawfulbasis.DerogationMechanism, Derogation: lawfulbasis.ContractWithSubject}},
			DPIA:           &ropa.DPIA{Status: ropa.DPIARequired, Reference: "DPIA-1"}}}}
	var buf bytes.Buffer
	require.NoError(t, WriteDPV(&buf, reg))
	found := map[string]bool{}
	iris(expandDPV(t, buf.Bytes()), found)
	for _, want := range []string{DPVPDNamespace + "Health", DPVPDNamespace + "Criminal",
		DPVNamespace + "SpecialCategoryPersonalData", DPVGDPRNamespace + "A9-2-h", DPVGDPRNamespace + "A49-1-b",
		DPVGDPRNamespace + "DPIARequired", DPVNamespace + "DPIA"} {
		assert.True(t, found[want], "%s is written", want)
	}
	assert.Contains(t, buf.String(), `"dct:identifier": "DPIA-1"`)
}
