package ropa

import (
	"slices"
	"strings"

	"github.com/openropa/registry/internal/clip"
	"github.com/openropa/registry/lawfulbasis"
)

// The rules of the content of the record (Art. 30) and of the parties it
// names (Art. 27, 37).
var (
	controllerContactRule = &Rule{ID: "controller-contact", Severity: Error, Article: "Art. 30(1)(a) GDPR",
		Doc: "The controller's contact details are missing.",
		Messages: Messages{
			"":         "the controller has no contact details; add an e-mail address, a telephone number or a postal address",
			"none":     "the organisation is stated not to be a controller of the activity, but no controller of it is named; name it with its contact details (%[1]s)",
			"activity": "controller %q of the activity has no contact details of its own; add an e-mail address, a telephone number or a postal address, or say in the notes that it is reached at the organisation's",
		},
		Run: controllerContact}
	dpoContactRule = &Rule{ID: "dpo-contact", Severity: Error, Article: "Art. 30(1)(a) GDPR",
		Doc:      "A DPO is recorded without contact details.",
		Messages: Messages{"": "the DPO is recorded without contact details; add the DPO's e-mail address, telephone number or postal address (Art. 37(7))"},
		Run:      dpoContact}
	representativeRule = &Rule{ID: "representative-missing", Severity: Error, Article: "Art. 27 and 30(1)(a) GDPR",
		Doc: "A controller established outside the EEA records no representative in the Union, or one established outside it.",
		Messages: Messages{
			"":           "the controller is established in %[1]s, outside the EEA; designate a representative in the Union (Art. 27(1)) and record it (%[2]s), or state why the processing is occasional (%[3]s, Art. 27(2)(a)) or record that the controller is a public authority (%[4]s, Art. 27(2)(b))",
			"occasional": "the processing is stated to be occasional (Art. 27(2)(a)), but activity %[1]q meets %[2]s and %[3]s of WP248 rev.01: large-scale processing of special or criminal-offence data excludes the exemption; designate a representative in the Union and record it (%[4]s)",
			"outside":    "the representative is established in %[1]s, outside the EEA; Art. 27(3) requires a representative established in a member state where the data subjects are",
			"scope":      "the controller is established in %[1]s, outside the EEA; if it offers goods or services to people in the Union or monitors their behaviour there (Art. 3(2)), Art. 27(1) requires a representative in the Union: record it (%[2]s) and the member states the services are offered in (%[5]s); or state why the processing is occasional (%[3]s, Art. 27(2)(a)), record that the controller is a public authority (%[4]s, Art. 27(2)(b)), or say in the notes that the GDPR applies through an establishment in the Union (Art. 3(1))",
		},
		Run: representative}
	dpoRequiredRule = &Rule{ID: "dpo-required", Severity: Error, Article: "Art. 37(1) and 30(1)(a) GDPR",
		Doc: "A DPO is or may be mandatory (Art. 37(1), national law under Art. 37(4)) but none is recorded.",
		Messages: Messages{
			"authority":   "the controller is a public authority or body, which must designate a DPO (Art. 37(1)(a); courts acting in their judicial capacity excepted); designate one and record the DPO's contact details (%[1]s)",
			"core":        "activity %[1]q meets %[2]s and %[3]s of WP248 rev.01: if it is a core activity of the controller, Art. 37(1)(b)-(c) makes a DPO mandatory (criteria derived from the register, not a finding that it is a core activity); designate a DPO and record it (%[4]s), or document why the activity is ancillary",
			"national":    "%[1]s: %[2]s; with a headcount of %[3]d this may apply; designate a DPO and record it (%[4]s), or document why the rule does not apply",
			"dpia":        "%[1]s: %[2]s; activity %[3]q records a DPIA, so this may apply; designate a DPO and record it (%[4]s), or document why the rule does not apply",
			"institution": "every Union institution or body must designate a DPO (Regulation (EU) 2018/1725); record the DPO's contact details (%[1]s)",
		},
		Run: dpoRequired}
	jointControllersRule = &Rule{ID: "joint-controllers", Severity: Error, Article: "Art. 26 and 30(1)(a) GDPR",
		Doc: "A joint controller has no contact details, or joint controllers reference no arrangement.",
		Messages: Messages{
			"":            "joint controller %[1]q has no contact details; record its e-mail address, telephone number or postal address (Art. 30(1)(a))",
			"arrangement": "the activity has joint controllers but references no arrangement that determines their respective responsibilities (Art. 26(1)); reference it (%[1]s), or say which law determines them",
		},
		Run: jointControllers}
	noRecipientsRule = &Rule{ID: "no-recipients", Severity: Info, Article: "Art. 30(1)(d) GDPR",
		Doc:      "An activity declares no recipients.",
		Messages: Messages{"": "no recipients are declared; list the categories of recipients, internal ones included, or state that the data are disclosed to no one (none: [recipients])"},
		Run:      noRecipients}
	noMeasuresRule = &Rule{ID: "no-measures", Severity: Warning, Article: "Art. 30(1)(g) and 32 GDPR",
		Doc: "An activity or processing record refers to no security measure.",
		Messages: Messages{
			"":          "the record names no security measure; refer to the technical and organisational measures that protect these data (%[1]s)",
			"processor": "the record names no security measure; refer to the technical and organisational measures that protect the data processed",
			"stated":    "the record states that no security measure protects these data; the law requires technical and organisational measures appropriate to the risk: take them and refer to them (%[1]s)",
		},
		Run: noMeasures}
	processorControllerContactRule = &Rule{ID: "processor-controller-contact", Severity: Error, Article: "Art. 30(2)(a) GDPR",
		Doc:      "A controller on whose behalf the organisation processes has no contact details.",
		Messages: Messages{"": "controller %q has no contact details; record its e-mail address, telephone number or postal address"},
		Run:      processorControllerContact}
	exemptionRule = &Rule{ID: "art-30-5-exemption", Severity: Info, Article: "Art. 30(5) GDPR",
		Doc: "Whether the organisation may rely on the exemption for fewer than 250 employees.",
		Messages: Messages{
			"unknown": "the headcount is not recorded (%[1]s), so the exemption of Art. 30(5) for organisations of fewer than 250 employees cannot be assessed",
			"large":   "with %[1]d employees the organisation cannot rely on the exemption of Art. 30(5): the record is required",
			"special": "activity %[1]q processes special or criminal-offence data, so the exemption of Art. 30(5) does not apply to it whatever the headcount: the record is required",
			"risk":    "activity %[1]q meets a criterion of risk of WP248 rev.01 (%[2]s), so it is likely to result in a risk and the exemption of Art. 30(5) does not apply to it whatever the headcount: the record is required",
			"regular": "with %[1]d employees the organisation may rely on the exemption of Art. 30(5) only for processing that is occasional and unlikely to result in a risk; regular processing, such as that of customers or staff, must still be recorded (WP29 position paper of 19 April 2018)",
		},
		Run: exemption}
)

func activityPath(i int) Path { return Root.Child("activities").Index(i) }

func recordPath(i int) Path { return Root.Child("processing").Index(i) }

func hasContact(p Party) bool {
	return p.Email != "" || p.Phone != "" || p.Address != nil && (p.Address.Street != "" || p.Address.City != "")
}

func controllerContact(p *Pass) {
	o := p.Register.Organisation
	if o.Name != "" && !hasContact(o) {
		p.Report(Root.Child("organisation"), "")
	}
	for i := range p.Register.Activities {
		if a := &p.Register.Activities[i]; a.NotController && len(a.Controllers) == 0 {
			p.Report(activityPath(i).Child("notController"), "none", FieldName("controllers"))
		}
		for j, c := range p.Register.Activities[i].Controllers {
			if !hasContact(c.Party) {
				// An organ of the organisation (its mayor, its board) is often
				// reached at the organisation's address: a gap to document,
				// not a missing element.
				p.ReportFinding(Finding{Path: activityPath(i).Child("controllers").Index(j), Severity: Warning,
					Key: "controller-contact.activity", Args: []any{clip.Runes(c.Name, 80)}})
			}
		}
	}
}

func dpoContact(p *Pass) {
	d := p.Register.DPO
	if d == nil || d.Email != "" || d.Phone != "" || d.Address != nil && (d.Address.Street != "" || d.Address.City != "") {
		return
	}
	p.Report(Root.Child("dpo"), "")
}

func representative(p *Pass) {
	r := p.Register
	if rep := r.Representative; rep != nil {
		if rep.Address != nil && p.outsideEEA(rep.Address.Country) {
			p.ReportFinding(Finding{Path: Root.Child("representative").Child("address").Child("country"), Article: "Art. 27(3) GDPR",
				Key: "representative-missing.outside", Args: []any{rep.Address.Country}})
		}
		return
	}
	a := r.Organisation.Address
	if a == nil || !p.outsideEEA(a.Country) || isPublicAuthority(r.Organisation) {
		return // Art. 27(2)(b): no representative for a public authority or body
	}
	if strings.TrimSpace(r.OccasionalProcessing) == "" {
		at := Root.Child("organisation").Child("address").Child("country")
		if !p.targetsTheUnion() {
			// Art. 27(1) applies where Art. 3(2) does: without a member
			// state the services are offered in, the register does not
			// say so, and the representative may not be required.
			p.ReportFinding(Finding{Path: at, Severity: Warning, Article: "Art. 3(2) and 27(1) GDPR", Key: "representative-missing.scope",
				Args: []any{a.Country, FieldName("representative"), FieldName("occasionalProcessing"), FieldName("publicAuthority"), FieldName("targetCountries")}})
			return
		}
		p.Report(at, "", a.Country,
			FieldName("representative"), FieldName("occasionalProcessing"), FieldName("publicAuthority"))
		return
	}
	for i := range r.Activities {
		met := p.DPIACriteria(i)
		if slices.Contains(met, LargeScale) && slices.Contains(met, SensitiveData) {
			p.ReportFinding(Finding{Path: Root.Child("occasionalProcessing"), Article: "Art. 27(2)(a) GDPR",
				Key: "representative-missing.occasional", Args: []any{r.Activities[i].ID, LargeScale, SensitiveData, FieldName("representative")}})
			return
		}
	}
}

// targetsTheUnion reports whether an activity of the register offers its
// services in a member state of the EEA (Art. 3(2)(a)).
func (p *Pass) targetsTheUnion() bool {
	for i := range p.Register.Activities {
		for _, c := range p.Register.Activities[i].TargetCountries {
			if !p.outsideEEA(c) {
				return true
			}
		}
	}
	return false
}

func isPublicAuthority(p Party) bool { return p.PublicAuthority != nil && *p.PublicAuthority }

func dpoRequired(p *Pass) {
	r := p.Register
	if r.DPO != nil {
		return
	}
	if r.Regime == EUDPR {
		// The Regulation obliges every institution and body to designate a
		// DPO, whatever it processes; the record names the DPO (Art. 31(1)).
		p.ReportFinding(Finding{Path: Root.Child("organisation"), Article: "Art. 30(1)(a) GDPR", Key: "dpo-required.institution",
			Args: []any{FieldName("dpo")}})
		return
	}
	if isPublicAuthority(r.Organisation) {
		p.ReportFinding(Finding{Path: Root.Child("organisation").Child("publicAuthority"), Article: "Art. 37(1)(a) and 30(1)(a) GDPR", Key: "dpo-required.authority",
			Args: []any{FieldName("dpo")}})
		return
	}
	for i := range r.Activities {
		met := p.DPIACriteria(i)
		if !slices.Contains(met, LargeScale) {
			continue
		}
		for _, c := range []DPIACriterion{SystematicMonitoring, SensitiveData} {
			if slices.Contains(met, c) {
				p.ReportFinding(Finding{Path: activityPath(i), Severity: Warning, Article: "Art. 37(1)(b)-(c) GDPR",
					Key: "dpo-required.core", Args: []any{r.Activities[i].ID, LargeScale, c, FieldName("dpo")}})
				return
			}
		}
	}
	country := ""
	if a := r.Organisation.Address; a != nil && r.Regime != EUDPR {
		// The law of a member state (Art. 37(4)) does not bind the Union's
		// institutions and bodies, whose register is kept under Regulation
		// (EU) 2018/1725.
		country = a.Country
	}
	for _, req := range lawfulbasis.NationalDPORequirements(country, p.At.Time()) {
		article := "Art. 37(4) GDPR; " + req.Provision
		if req.Persons > 0 {
			if e := r.Organisation.Employees; e != nil && *e >= req.Persons {
				p.ReportFinding(Finding{Path: Root.Child("organisation").Child("employees"), Severity: Warning, Article: article,
					Key: "dpo-required.national", Args: []any{req.Provision, EnglishText(req.Rule), *e, FieldName("dpo")}})
				return
			}
			continue
		}
		for i := range r.Activities {
			if d := r.Activities[i].DPIA; d != nil && (d.Status == DPIADone || d.Status == DPIAPlanned || d.Status == DPIARequired) {
				p.ReportFinding(Finding{Path: activityPath(i).Child("dpia"), Severity: Warning, Article: article,
					Key: "dpo-required.dpia", Args: []any{req.Provision, EnglishText(req.Rule), r.Activities[i].ID, FieldName("dpo")}})
				return
			}
		}
	}
}

func jointControllers(p *Pass) {
	for i := range p.Register.Activities {
		a := &p.Register.Activities[i]
		for j, c := range a.JointControllers {
			if c.Name != "" && !hasContact(c) {
				p.Report(activityPath(i).Child("jointControllers").Index(j), "", clip.Runes(c.Name, 80))
			}
		}
		if len(a.JointControllers) > 0 && strings.TrimSpace(a.JointArrangement) == "" {
			p.ReportFinding(Finding{Path: activityPath(i).Child("jointControllers"), Severity: Warning, Article: "Art. 26(1) GDPR",
				Key: "joint-controllers.arrangement", Args: []any{FieldName("jointArrangement")}})
		}
	}
}

func noRecipients(p *Pass) {
	for i := range p.Register.Activities {
		if a := &p.Register.Activities[i]; len(a.Recipients) == 0 && !a.States(NoRecipients) {
			p.Report(activityPath(i), "")
		}
	}
}

func noMeasures(p *Pass) {
	r := p.Register
	for i := range r.Activities {
		switch a := &r.Activities[i]; {
		case len(a.Measures) > 0:
		case a.States(NoMeasures):
			p.ReportFinding(Finding{Path: activityPath(i), Article: "Art. 32(1) GDPR", Key: "no-measures.stated", Args: []any{FieldName("measures")}})
		default:
			p.Report(activityPath(i), "", FieldName("measures"))
		}
	}
	for i := range r.Processing {
		if len(r.Processing[i].Measures) == 0 {
			p.ReportFinding(Finding{Path: recordPath(i), Article: "Art. 30(2)(d) and 32 GDPR", Key: "no-measures.processor"})
		}
	}
}

func processorControllerContact(p *Pass) {
	for i := range p.Register.Processing {
		for j, c := range p.Register.Processing[i].Controllers {
			if c.Name != "" && !hasContact(c) {
				p.Report(recordPath(i).Child("controllers").Index(j), "", clip.Runes(c.Name, 80))
			}
		}
	}
}

func exemption(p *Pass) {
	r := p.Register
	e := r.Organisation.Employees
	if e != nil && *e >= 250 {
		p.Report(Root.Child("organisation").Child("employees"), "large", *e)
		return
	}
	// The grounds that make the record mandatory whatever the headcount
	// come first: special or criminal data, and risk (Art. 30(5)).
	for i := range r.Activities {
		a := &r.Activities[i]
		for _, c := range a.DataCategories {
			if len(c.Special) > 0 || c.Criminal {
				p.Report(activityPath(i), "special", a.ID)
				return
			}
		}
		if met := p.DPIACriteria(i); len(met) > 0 {
			p.Report(activityPath(i), "risk", a.ID, met[0])
			return
		}
	}
	if e == nil {
		p.Report(Root.Child("organisation"), "unknown", FieldName("employees"))
		return
	}
	p.Report(Root.Child("organisation").Child("employees"), "regular", *e)
}
