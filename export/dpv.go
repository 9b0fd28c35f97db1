package export

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/ropa"
)

// DPVVersion is the version of the W3C Data Privacy Vocabulary that
// WriteDPV follows and that every concept of the mapping was confirmed in.
const DPVVersion = "2.1"

// The namespaces of DPV 2.1 that WriteDPV uses.
const (
	// DPVNamespace is the namespace of the core vocabulary (prefix dpv).
	DPVNamespace = "https://w3id.org/dpv#"
	// DPVGDPRNamespace is the namespace of the GDPR extension (prefix eu-gdpr).
	DPVGDPRNamespace = "https://w3id.org/dpv/legal/eu/gdpr#"
	// DPVPDNamespace is the namespace of the personal data extension (prefix pd).
	DPVPDNamespace = "https://w3id.org/dpv/pd#"
)

// The sources in which the concepts were confirmed: the DPV 2.1 release in
// the w3c/dpv repository (https://github.com/w3c/dpv), whose files are
// published at https://w3id.org/dpv/2.1/.
const (
	srcDPV  = "w3c/dpv 2.1/dpv/dpv.ttl (https://w3id.org/dpv/2.1/dpv)"
	srcGDPR = "w3c/dpv 2.1/legal/eu/gdpr/eu-gdpr.ttl (https://w3id.org/dpv/2.1/legal/eu/gdpr)"
	srcPD   = "w3c/dpv 2.1/pd/pd.ttl (https://w3id.org/dpv/2.1/pd)"
)

// DPVConcept is a concept (class, instance or property) of DPV that the
// export names, with where it was confirmed.
type DPVConcept struct {
	// CURIE is the prefixed name, such as "eu-gdpr:A6-1-a".
	CURIE string
	// Version is the DPV version the concept was confirmed in.
	Version string
	// Source is the file of the DPV release that defines the concept.
	Source string
}

// IRI returns the full IRI of the concept.
func (c DPVConcept) IRI() string { return expandCURIE(c.CURIE) }

var dpvPrefixes = map[string]string{"dpv": DPVNamespace, "eu-gdpr": DPVGDPRNamespace, "pd": DPVPDNamespace}

func expandCURIE(curie string) string {
	for p, ns := range dpvPrefixes {
		if len(curie) > len(p) && curie[:len(p)+1] == p+":" {
			return ns + curie[len(p)+1:]
		}
	}
	return curie
}

// dpvConcepts lists every DPV concept the export writes, as confirmed in
// the DPV 2.1 release.
var dpvConcepts = func() map[string]DPVConcept {
	m := map[string]DPVConcept{}
	add := func(src string, curies ...string) {
		for _, c := range curies {
			m[c] = DPVConcept{CURIE: c, Version: DPVVersion, Source: src}
		}
	}
	add(srcDPV,
		// classes
		"dpv:DataController", "dpv:DataProcessor", "dpv:JointDataControllers", "dpv:Recipient", "dpv:Authority",
		"dpv:OrganisationalUnit", "dpv:DataSubject", "dpv:Customer", "dpv:Employee", "dpv:Applicant", "dpv:Visitor",
		"dpv:Child", "dpv:Patient", "dpv:Member", "dpv:PersonalDataHandling", "dpv:Purpose", "dpv:PersonalData",
		"dpv:SpecialCategoryPersonalData", "dpv:TechnicalMeasure", "dpv:OrganisationalMeasure", "dpv:StorageDuration",
		"dpv:TemporalDuration", "dpv:UntilEventDuration", "dpv:Country", "dpv:DPIA", "dpv:CrossBorderTransfer",
		"dpv:DataProtectionOfficer", "dpv:DataSubProcessor",
		// properties
		"dpv:hasName", "dpv:hasDataController", "dpv:hasPurpose", "dpv:hasLegalBasis", "dpv:hasPersonalData",
		"dpv:hasDataSubject", "dpv:hasRecipient", "dpv:hasPersonalDataHandling", "dpv:hasProcessing",
		"dpv:hasCountry", "dpv:hasStorageCondition", "dpv:hasDuration", "dpv:hasTechnicalOrganisationalMeasure",
		"dpv:hasImpactAssessment", "dpv:hasStatus", "dpv:hasIdentifier", "dpv:hasDataProtectionOfficer",
		"dpv:hasJointDataControllers", "dpv:hasDataProcessor")
	add(srcGDPR,
		"eu-gdpr:A6-1-a", "eu-gdpr:A6-1-b", "eu-gdpr:A6-1-c", "eu-gdpr:A6-1-d", "eu-gdpr:A6-1-e", "eu-gdpr:A6-1-f",
		"eu-gdpr:A9-2-a", "eu-gdpr:A9-2-b", "eu-gdpr:A9-2-c", "eu-gdpr:A9-2-d", "eu-gdpr:A9-2-e", "eu-gdpr:A9-2-f",
		"eu-gdpr:A9-2-g", "eu-gdpr:A9-2-h", "eu-gdpr:A9-2-i", "eu-gdpr:A9-2-j",
		"eu-gdpr:A45-3", "eu-gdpr:A46-2-a", "eu-gdpr:A46-2-b", "eu-gdpr:A46-2-c", "eu-gdpr:A46-2-d",
		"eu-gdpr:A46-2-e", "eu-gdpr:A46-2-f", "eu-gdpr:A46-3-a", "eu-gdpr:A46-3-b",
		"eu-gdpr:A49-1-a", "eu-gdpr:A49-1-b", "eu-gdpr:A49-1-c", "eu-gdpr:A49-1-d", "eu-gdpr:A49-1-e",
		"eu-gdpr:A49-1-f", "eu-gdpr:A49-1-g", "eu-gdpr:A49-2",
		"eu-gdpr:DPIARequired", "eu-gdpr:DPIANotRequired")
	add(srcPD,
		"pd:Race", "pd:EthnicOrigin", "pd:PoliticalOpinion", "pd:ReligiousBelief", "pd:PhilosophicalBelief",
		"pd:TradeUnionMembership", "pd:Genetic", "pd:Biometric", "pd:Health", "pd:Sexual", "pd:SexualPreference",
		"pd:Criminal")
	return m
}()

// DPVConcepts returns the concepts the export names, keyed by CURIE.
func DPVConcepts() map[string]DPVConcept { return maps.Clone(dpvConcepts) }

// DPVMapping is one row of the mapping of the model's enumerations to DPV:
// an enumeration value and the concepts it maps to. A row without
// concepts records a value for which DPV 2.1 has no concept, and why.
type DPVMapping struct {
	// Enum names the enumeration, such as "lawfulbasis.Basis".
	Enum string
	// Value is the enumeration value as the format writes it.
	Value string
	// Concepts are the CURIEs of the DPV concepts; empty: none.
	Concepts []string
	// Note says why a value maps to nothing, or how it maps.
	Note string
}

func dpvRows[T ~string](enum string, m map[T][]string, notes map[T]string) map[string]DPVMapping {
	out := map[string]DPVMapping{}
	for v, cs := range m {
		out[enum+"/"+string(v)] = DPVMapping{Enum: enum, Value: string(v), Concepts: cs, Note: notes[v]}
	}
	return out
}

const (
	enumBasis       = "lawfulbasis.Basis"
	enumCondition   = "lawfulbasis.Condition"
	enumSpecial     = "lawfulbasis.SpecialCategory"
	enumMechanism   = "lawfulbasis.Mechanism"
	enumDerogation  = "lawfulbasis.Derogation"
	enumRecipient   = "ropa.RecipientKind"
	enumSubject     = "ropa.SubjectKind"
	enumMeasure     = "ropa.MeasureKind"
	enumDPIAStatus  = "ropa.DPIAStatus"
	noArt10         = "DPV 2.1 has no concept for the grounds of Art. 10 GDPR"
	noInvalid       = "no longer a ground of transfer; DPV 2.1 has no concept for it"
	noGroupConcept  = "DPV 2.1 has no concept for an affiliate or group company"
	noSubjectKind   = "DPV 2.1 has no such kind of data subject; written as dpv:DataSubject"
	noDPIAStatus    = "DPV 2.1 has no concept for this state of a DPIA"
	noMechanismHere = "the concept is that of the transfer's derogation (lawfulbasis.Derogation)"
)

// dpvMappings is the mapping table, keyed by enumeration and value.
var dpvMappings = func() map[string]DPVMapping {
	m := map[string]DPVMapping{}
	merge := func(r map[string]DPVMapping) { maps.Copy(m, r) }
	merge(dpvRows(enumBasis, map[lawfulbasis.Basis][]string{
		lawfulbasis.Consent: {"eu-gdpr:A6-1-a"}, lawfulbasis.Contract: {"eu-gdpr:A6-1-b"},
		lawfulbasis.LegalObligation: {"eu-gdpr:A6-1-c"}, lawfulbasis.VitalInterests: {"eu-gdpr:A6-1-d"},
		lawfulbasis.PublicTask: {"eu-gdpr:A6-1-e"}, lawfulbasis.LegitimateInterests: {"eu-gdpr:A6-1-f"},
	}, nil))
	merge(dpvRows(enumCondition, map[lawfulbasis.Condition][]string{
		lawfulbasis.ExplicitConsent: {"eu-gdpr:A9-2-a"}, lawfulbasis.Employment: {"eu-gdpr:A9-2-b"},
		lawfulbasis.VitalInterestsIncapable: {"eu-gdpr:A9-2-c"}, lawfulbasis.NotForProfit: {"eu-gdpr:A9-2-d"},
		lawfulbasis.MadePublic: {"eu-gdpr:A9-2-e"}, lawfulbasis.LegalClaims: {"eu-gdpr:A9-2-f"},
		lawfulbasis.SubstantialPublicInterest: {"eu-gdpr:A9-2-g"}, lawfulbasis.HealthCare: {"eu-gdpr:A9-2-h"},
		lawfulbasis.PublicHealth: {"eu-gdpr:A9-2-i"}, lawfulbasis.ArchivingResearch: {"eu-gdpr:A9-2-j"},
		lawfulbasis.OfficialAuthority: nil, lawfulbasis.AuthorisedByLaw: nil,
	}, map[lawfulbasis.Condition]string{lawfulbasis.OfficialAuthority: noArt10, lawfulbasis.AuthorisedByLaw: noArt10}))
	merge(dpvRows(enumSpecial, map[lawfulbasis.SpecialCategory][]string{
		lawfulbasis.RacialEthnicOrigin: {"pd:Race", "pd:EthnicOrigin"},
		lawfulbasis.PoliticalOpinions:  {"pd:PoliticalOpinion"},
		lawfulbasis.ReligiousBeliefs:   {"pd:ReligiousBelief", "pd:PhilosophicalBelief"},
		lawfulbasis.TradeUnion:         {"pd:TradeUnionMembership"},
		lawfulbasis.Genetic:            {"pd:Genetic"}, lawfulbasis.Biometric: {"pd:Biometric"},
		lawfulbasis.Health:             {"pd:Health"},
		lawfulbasis.SexLifeOrientation: {"pd:Sexual", "pd:SexualPreference"},
	}, nil))
	merge(dpvRows(enumMechanism, map[lawfulbasis.Mechanism][]string{
		lawfulbasis.Adequacy: {"eu-gdpr:A45-3"}, lawfulbasis.PublicAuthorityInstrument: {"eu-gdpr:A46-2-a"},
		lawfulbasis.BCR: {"eu-gdpr:A46-2-b"}, lawfulbasis.SCC: {"eu-gdpr:A46-2-c"},
		lawfulbasis.AuthoritySCC: {"eu-gdpr:A46-2-d"}, lawfulbasis.CodeOfConduct: {"eu-gdpr:A46-2-e"},
		lawfulbasis.Certification: {"eu-gdpr:A46-2-f"}, lawfulbasis.AdHocClauses: {"eu-gdpr:A46-3-a"},
		lawfulbasis.AdministrativeArrangement: {"eu-gdpr:A46-3-b"}, lawfulbasis.DerogationMechanism: nil,
		lawfulbasis.SafeHarbor: nil, lawfulbasis.PrivacyShield: nil, lawfulbasis.SCC2001: nil,
		lawfulbasis.SCC2004: nil, lawfulbasis.SCC2010: nil,
	}, map[lawfulbasis.Mechanism]string{
		lawfulbasis.DerogationMechanism: noMechanismHere, lawfulbasis.SafeHarbor: noInvalid,
		lawfulbasis.PrivacyShield: noInvalid, lawfulbasis.SCC2001: noInvalid, lawfulbasis.SCC2004: noInvalid,
		lawfulbasis.SCC2010: noInvalid,
	}))
	merge(dpvRows(enumDerogation, map[lawfulbasis.Derogation][]string{
		lawfulbasis.DerogationExplicitConsent: {"eu-gdpr:A49-1-a"}, lawfulbasis.ContractWithSubject: {"eu-gdpr:A49-1-b"},
		lawfulbasis.ContractInInterest: {"eu-gdpr:A49-1-c"}, lawfulbasis.DerogationPublicInterest: {"eu-gdpr:A49-1-d"},
		lawfulbasis.DerogationLegalClaims: {"eu-gdpr:A49-1-e"}, lawfulbasis.DerogationVitalInterests: {"eu-gdpr:A49-1-f"},
		lawfulbasis.PublicRegister: {"eu-gdpr:A49-1-g"}, lawfulbasis.CompellingLegitimateInterest: {"eu-gdpr:A49-2"},
	}, map[lawfulbasis.Derogation]string{
		lawfulbasis.CompellingLegitimateInterest: "DPV 2.1 names the second subparagraph of Art. 49(1) A49-2",
	}))
	merge(dpvRows(enumRecipient, map[ropa.RecipientKind][]string{
		ropa.Internal: {"dpv:OrganisationalUnit"}, ropa.Group: nil, ropa.Processor: {"dpv:DataProcessor"},
		ropa.Controller: {"dpv:DataController"}, ropa.JointControl: {"dpv:JointDataControllers"},
		ropa.Authority: {"dpv:Authority"}, ropa.OtherRecipient: nil,
	}, map[ropa.RecipientKind]string{ropa.Group: noGroupConcept, ropa.OtherRecipient: "written as dpv:Recipient alone"}))
	merge(dpvRows(enumSubject, map[ropa.SubjectKind][]string{
		ropa.Customer: {"dpv:Customer"}, ropa.Prospect: nil, ropa.Employee: {"dpv:Employee"},
		ropa.Applicant: {"dpv:Applicant"}, ropa.Visitor: {"dpv:Visitor"}, ropa.Supplier: nil,
		ropa.Child: {"dpv:Child"}, ropa.Patient: {"dpv:Patient"}, ropa.Member: {"dpv:Member"}, ropa.OtherKind: nil,
	}, map[ropa.SubjectKind]string{ropa.Prospect: noSubjectKind, ropa.Supplier: noSubjectKind, ropa.OtherKind: noSubjectKind}))
	merge(dpvRows(enumMeasure, map[ropa.MeasureKind][]string{
		ropa.Technical: {"dpv:TechnicalMeasure"}, ropa.Organisational: {"dpv:OrganisationalMeasure"},
	}, nil))
	merge(dpvRows(enumDPIAStatus, map[ropa.DPIAStatus][]string{
		ropa.DPIARequired: {"eu-gdpr:DPIARequired"}, ropa.DPIANotRequired: {"eu-gdpr:DPIANotRequired"},
		ropa.DPIAPlanned: nil, ropa.DPIADone: nil, ropa.DPIANotDone: nil,
	}, map[ropa.DPIAStatus]string{ropa.DPIAPlanned: noDPIAStatus, ropa.DPIADone: noDPIAStatus, ropa.DPIANotDone: noDPIAStatus}))
	return m
}()

// DPVMappings returns the mapping table of the model's enumerations to DPV
// 2.1, keyed by "enumeration/value" ("lawfulbasis.Basis/consent").
func DPVMappings() map[string]DPVMapping { return maps.Clone(dpvMappings) }

// concepts returns the CURIEs a value maps to.
func dpvConceptsOf[T ~string](enum string, v T) []string {
	return dpvMappings[enum+"/"+string(v)].Concepts
}

// DPVOption configures WriteDPV.
type DPVOption func(*dpvOptions)

type dpvOptions struct {
	base string
	lang Lang
}

// DefaultDPVBase is the IRI the export's own nodes (the organisation, the
// activities, the measures) are named under unless WithDPVBase names
// another.
const DefaultDPVBase = "urn:openropa:"

// WithDPVBase names the IRI under which the register's nodes are named,
// such as "https://example.org/ropa/".
func WithDPVBase(base string) DPVOption { return func(o *dpvOptions) { o.base = base } }

// WithDPVLang sets the language of the retention terms' wording (English
// by default).
func WithDPVLang(l Lang) DPVOption { return func(o *dpvOptions) { o.lang = l } }

// dpvContext is the inline JSON-LD context of the export.
var dpvContext = map[string]any{
	"dpv":     DPVNamespace,
	"eu-gdpr": DPVGDPRNamespace,
	"pd":      DPVPDNamespace,
	"dct":     "http://purl.org/dc/terms/",
	"rdf":     "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	"xsd":     "http://www.w3.org/2001/XMLSchema#",
}

type dpvNode = map[string]any

// WriteDPV writes the register as JSON-LD in the terms of DPV 2.1 (see
// DPVMappings): the organisation as dpv:DataController, each activity as
// dpv:PersonalDataHandling with its purposes and their legal bases, its
// personal data, data subjects, recipients, transfers (each a
// dpv:PersonalDataHandling of dpv:CrossBorderTransfer with its country and
// the legal basis of its mechanism), retention terms as storage
// conditions, measures and DPIA. The context is inline, so the document
// expands without fetching anything. The output is byte-stable. A value
// without a DPV concept is written by its description alone.
func WriteDPV(w io.Writer, reg *ropa.Register, opts ...DPVOption) error {
	if reg == nil {
		return fmt.Errorf("dpv: no register")
	}
	o := dpvOptions{base: DefaultDPVBase, lang: lang.English}
	for _, opt := range opts {
		opt(&o)
	}
	if _, err := url.Parse(o.base); err != nil || o.base == "" {
		return fmt.Errorf("dpv: base %q is not an IRI", o.base)
	}
	d := dpvDoc{o: o}
	graph := []any{d.organisation(reg)}
	for i := range reg.Measures {
		m := &reg.Measures[i]
		graph = append(graph, dpvNode{"@id": d.id("measure", m.ID), "@type": dpvTypesOf(enumMeasure, m.Kind, ""),
			"dct:description": m.Description})
	}
	for i := range reg.Activities {
		graph = append(graph, d.activity(&reg.Activities[i]))
	}
	for i := range reg.Processing {
		graph = append(graph, d.processing(&reg.Processing[i]))
	}
	doc := dpvNode{"@context": dpvContext, "@graph": graph}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("dpv: %w", err)
	}
	return nil
}

type dpvDoc struct{ o dpvOptions }

func (d dpvDoc) id(kind, id string) string { return d.o.base + kind + "/" + url.PathEscape(id) }

// typesOf returns the types of a value: its concepts, after the generic
// class when one is given.
func dpvTypesOf[T ~string](enum string, v T, generic string) []any {
	var out []any
	if generic != "" {
		out = append(out, generic)
	}
	for _, c := range dpvConceptsOf(enum, v) {
		out = append(out, c)
	}
	return out
}

func dpvRefs(curies []string) []any {
	out := make([]any, 0, len(curies))
	for _, c := range curies {
		out = append(out, dpvNode{"@id": c})
	}
	return out
}

func dpvPut(n dpvNode, key string, vs []any) {
	if len(vs) > 0 {
		n[key] = vs
	}
}

func dpvPutString(n dpvNode, key, v string) {
	if v != "" {
		n[key] = v
	}
}

func dpvParty(p *ropa.Party, types ...any) dpvNode {
	n := dpvNode{"@type": types, "dpv:hasName": p.Name}
	if p.Address != nil && p.Address.Country != "" {
		n["dpv:hasCountry"] = dpvCountry(p.Address.Country)
	}
	return n
}

func dpvCountry(code string) dpvNode {
	return dpvNode{"@type": "dpv:Country", "dpv:hasIdentifier": code}
}

func (d dpvDoc) organisation(reg *ropa.Register) dpvNode {
	n := dpvParty(&reg.Organisation, "dpv:DataController")
	n["@id"] = d.o.base + "organisation"
	if reg.DPO != nil {
		dpo := dpvNode{"@type": "dpv:DataProtectionOfficer"}
		dpvPutString(dpo, "dpv:hasName", reg.DPO.Name)
		n["dpv:hasDataProtectionOfficer"] = dpo
	}
	return n
}

func (d dpvDoc) activity(a *ropa.Activity) dpvNode {
	n := dpvNode{"@id": d.id("activity", a.ID), "@type": "dpv:PersonalDataHandling", "dct:title": a.Name,
		"dpv:hasDataController": dpvNode{"@id": d.o.base + "organisation"}}
	dpvPutString(n, "dct:description", a.Description)
	var purposes, data, subjects, recipients, handlings, storage, measures, joint []any
	for _, p := range a.Purposes {
		var bases []string
		for _, b := range p.Bases {
			bases = append(bases, dpvConceptsOf(enumBasis, b.Basis)...)
		}
		for _, c := range p.Conditions {
			bases = append(bases, dpvConceptsOf(enumCondition, c.Condition)...)
		}
		pn := dpvNode{"@type": "dpv:Purpose", "dct:description": p.Description}
		dpvPut(pn, "dpv:hasLegalBasis", dpvRefs(bases))
		purposes = append(purposes, pn)
	}
	for _, c := range a.DataCategories {
		types := []any{"dpv:PersonalData"}
		if len(c.Special) > 0 {
			types = []any{"dpv:SpecialCategoryPersonalData"}
		}
		for _, s := range c.Special {
			types = append(types, dpvTypesOf(enumSpecial, s, "")...)
		}
		if c.Criminal {
			types = append(types, "pd:Criminal")
		}
		data = append(data, dpvNode{"@type": types, "dct:identifier": c.ID, "dct:description": c.Description})
	}
	for _, s := range a.DataSubjects {
		subjects = append(subjects, dpvNode{"@type": dpvTypesOf(enumSubject, s.Kind, "dpv:DataSubject"),
			"dct:identifier": s.ID, "dct:description": s.Description})
	}
	for _, r := range a.Recipients {
		rn := dpvNode{"@type": dpvTypesOf(enumRecipient, r.Kind, "dpv:Recipient"), "dpv:hasName": r.Name}
		dpvPutString(rn, "dct:description", r.Description)
		if r.Country != "" {
			rn["dpv:hasCountry"] = dpvCountry(r.Country)
		}
		recipients = append(recipients, rn)
	}
	for i := range a.JointControllers {
		joint = append(joint, dpvParty(&a.JointControllers[i], "dpv:DataController"))
	}
	handlings = dpvTransfers(a.Transfers)
	for _, r := range a.Retention {
		storage = append(storage, d.storage(r))
	}
	measures = d.measures(a.Measures)
	dpvPut(n, "dpv:hasPurpose", purposes)
	dpvPut(n, "dpv:hasPersonalData", data)
	dpvPut(n, "dpv:hasDataSubject", subjects)
	dpvPut(n, "dpv:hasRecipient", recipients)
	if len(joint) > 0 {
		n["dpv:hasJointDataControllers"] = dpvNode{"@type": "dpv:JointDataControllers", "dct:hasPart": joint}
	}
	dpvPut(n, "dpv:hasPersonalDataHandling", handlings)
	dpvPut(n, "dpv:hasStorageCondition", storage)
	dpvPut(n, "dpv:hasTechnicalOrganisationalMeasure", measures)
	if a.DPIA != nil && a.DPIA.Status != ropa.DPIANotDone { // none carried out: no assessment to describe
		dn := dpvNode{"@type": "dpv:DPIA", "dct:identifier": a.DPIA.Reference}
		dpvPut(dn, "dpv:hasStatus", dpvRefs(dpvConceptsOf(enumDPIAStatus, a.DPIA.Status)))
		if !a.DPIA.Date.IsZero() {
			dn["dct:date"] = dpvNode{"@value": a.DPIA.Date.String(), "@type": "xsd:date"}
		}
		if a.DPIA.Reference == "" {
			delete(dn, "dct:identifier")
		}
		n["dpv:hasImpactAssessment"] = dn
	}
	return n
}

// processing writes a record of processing as processor (Art. 30(2)): the
// organisation as dpv:hasDataProcessor, the controllers, the categories of
// processing as descriptions, the sub-processors as recipients.
func (d dpvDoc) processing(p *ropa.ProcessorRecord) dpvNode {
	n := dpvNode{"@id": d.id("processing", p.ID), "@type": "dpv:PersonalDataHandling", "dct:title": p.Name,
		"dpv:hasDataProcessor": dpvNode{"@id": d.o.base + "organisation"}}
	var controllers, categories, subs []any
	for i := range p.Controllers {
		controllers = append(controllers, dpvParty(&p.Controllers[i], "dpv:DataController"))
	}
	for _, c := range p.Categories {
		categories = append(categories, c)
	}
	for _, r := range p.SubProcessors {
		rn := dpvNode{"@type": []any{"dpv:Recipient", "dpv:DataSubProcessor"}, "dpv:hasName": r.Name}
		dpvPutString(rn, "dct:description", r.Description)
		if r.Country != "" {
			rn["dpv:hasCountry"] = dpvCountry(r.Country)
		}
		subs = append(subs, rn)
	}
	dpvPut(n, "dpv:hasDataController", controllers)
	dpvPut(n, "dct:description", categories)
	dpvPut(n, "dpv:hasRecipient", subs)
	dpvPut(n, "dpv:hasPersonalDataHandling", dpvTransfers(p.Transfers))
	dpvPut(n, "dpv:hasTechnicalOrganisationalMeasure", d.measures(p.Measures))
	return n
}

func (d dpvDoc) measures(ids []string) []any {
	var out []any
	for _, id := range ids {
		out = append(out, dpvNode{"@id": d.id("measure", id)})
	}
	return out
}

func dpvTransfers(ts []ropa.Transfer) []any {
	var out []any
	for _, t := range ts {
		out = append(out, dpvTransfer(t))
	}
	return out
}

func dpvTransfer(t ropa.Transfer) dpvNode {
	n := dpvNode{"@type": "dpv:PersonalDataHandling", "dpv:hasProcessing": dpvNode{"@id": "dpv:CrossBorderTransfer"}}
	if t.Country != "" {
		n["dpv:hasCountry"] = dpvCountry(t.Country)
	}
	if t.Recipient != "" || t.Organisation != "" {
		name := t.Recipient
		if name == "" {
			name = t.Organisation
		}
		n["dpv:hasRecipient"] = dpvNode{"@type": "dpv:Recipient", "dpv:hasName": name}
	}
	cs := dpvConceptsOf(enumMechanism, t.Mechanism)
	if t.Derogation != "" {
		cs = append(cs, dpvConceptsOf(enumDerogation, t.Derogation)...)
	}
	dpvPut(n, "dpv:hasLegalBasis", dpvRefs(cs))
	dpvPutString(n, "dct:description", t.Note)
	return n
}

func (d dpvDoc) storage(r ropa.RetentionRule) dpvNode {
	n := dpvNode{"@type": "dpv:StorageDuration", "dct:description": r.Words(d.o.lang)}
	switch {
	case !r.Period.IsZero():
		n["dpv:hasDuration"] = dpvNode{"@type": "dpv:TemporalDuration",
			"rdf:value": dpvNode{"@value": r.Period.String(), "@type": "xsd:duration"}}
	case len(r.Until) > 0:
		n["dpv:hasDuration"] = dpvNode{"@type": "dpv:UntilEventDuration"}
	}
	return n
}
