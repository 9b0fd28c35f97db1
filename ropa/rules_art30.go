package ropa

import (
	"github.com/openropa/registry/internal/clip"
)

// The rules of the content of the record (Art. 30) and of the parties it
// names (Art. 27, 37).
var (
	controllerContactRule = &Rule{ID: "controller-contact", Severity: Error, Article: "Art. 30(1)(a) GDPR",
		Doc:      "The controller's contact details are missing.",
		Messages: Messages{"": "the controller has no contact details; add an e-mail address, a telephone number or a postal address"},
		Run:      controllerContact}
	dpoContactRule = &Rule{ID: "dpo-contact", Severity: Error, Article: "Art. 30(1)(a) GDPR",
		Doc:      "A DPO is recorded without contact details.",
		Messages: Messages{"": "the DPO is recorded without contact details; add the DPO's e-mail address, telephone number or postal address (Art. 37(7))"},
		Run:      dpoContact}
	representativeRule = &Rule{ID: "representative-missing", Severity: Error, Article: "Art. 27 and 30(1)(a) GDPR",
		Doc:      "A controller established outside the EEA records no representative in the Union.",
		Messages: Messages{"": "the controller is established in %[1]s, outside the EEA; designate a representative in the Union (Art. 27) and record it (%[2]s), unless Art. 27(2) exempts the processing"},
		Run:      representative}
	noRecipientsRule = &Rule{ID: "no-recipients", Severity: Info, Article: "Art. 30(1)(d) GDPR",
		Doc:      "An activity declares no recipients.",
		Messages: Messages{"": "no recipients are declared; list the categories of recipients, internal ones included, or state in the notes that the data are disclosed to no one"},
		Run:      noRecipients}
	noMeasuresRule = &Rule{ID: "no-measures", Severity: Warning, Article: "Art. 30(1)(g) and 32 GDPR",
		Doc: "An activity or processing record refers to no security measure.",
		Messages: Messages{
			"":          "no security measure applies; refer to the technical and organisational measures of Art. 32 that protect these data (%[1]s)",
			"processor": "no security measure applies; refer to the measures of Art. 32 (Art. 30(2)(d))",
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
			"large":   "with %d employees the organisation cannot rely on the exemption of Art. 30(5): the record is required",
			"special": "with %d employees the exemption of Art. 30(5) could apply, but activity %q processes special or criminal-offence data, so the record is required",
			"risk":    "with %d employees the exemption of Art. 30(5) could apply, but activity %q meets a criterion of risk of WP248 rev.01 (%s), so it is likely to result in a risk and the record is required",
			"regular": "with %d employees the organisation may rely on the exemption of Art. 30(5) only for processing that is occasional and unlikely to result in a risk; regular processing, such as that of customers or staff, must still be recorded (WP29 position paper of 19 April 2018)",
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
	a := r.Organisation.Address
	if a == nil || r.Representative != nil || !p.outsideEEA(a.Country) {
		return
	}
	p.Report(Root.Child("organisation").Child("address").Child("country"), "", a.Country, FieldName("representative"))
}

func noRecipients(p *Pass) {
	for i := range p.Register.Activities {
		if len(p.Register.Activities[i].Recipients) == 0 {
			p.Report(activityPath(i), "")
		}
	}
}

func noMeasures(p *Pass) {
	r := p.Register
	for i := range r.Activities {
		if len(r.Activities[i].Measures) == 0 {
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
	switch {
	case e == nil:
		p.Report(Root.Child("organisation"), "unknown", FieldName("employees"))
		return
	case *e >= 250:
		p.Report(Root.Child("organisation").Child("employees"), "large", *e)
		return
	}
	for i := range r.Activities {
		a := &r.Activities[i]
		for _, c := range a.DataCategories {
			if c.Special != "" || c.Criminal {
				p.Report(activityPath(i), "special", *e, a.ID)
				return
			}
		}
		if met := p.DPIACriteria(i); len(met) > 0 {
			p.Report(activityPath(i), "risk", *e, a.ID, met[0])
			return
		}
	}
	p.Report(Root.Child("organisation").Child("employees"), "regular", *e)
}
