package ropa

import (
	"strings"

	"github.com/openropa/registry/internal/clip"
)

// The rules of processors (Art. 28).
var processorAgreementRule = &Rule{ID: "processor-agreement", Severity: Warning, Article: "Art. 28(3) GDPR",
	Doc: "A processor is recorded without a reference to its Art. 28(3) agreement.",
	Messages: Messages{
		"":    "processor %[1]q is recorded without a reference to the contract that %[3]s requires; add it (%[2]s)",
		"sub": "sub-processor %[1]q is recorded without a reference to the contract that %[3]s requires; add it (%[2]s)",
	},
	Run: processorAgreement}

func processorAgreement(p *Pass) {
	r := p.Register
	for i := range r.Activities {
		for j, rc := range r.Activities[i].Recipients {
			// A recipient that names processors of the inventory has their
			// agreements there, where inventory-processor-agreement asks for
			// each one missing.
			refers := len(rc.Processors) > 0 || rc.AllProcessors
			if rc.Kind == Processor && strings.TrimSpace(rc.Agreement) == "" && !refers {
				p.Report(activityPath(i).Child("recipients").Index(j), "", clip.Runes(rc.Name, 80), FieldName("agreement"), Citation("Art. 28(3) GDPR"))
			}
		}
	}
	for i := range r.Processing {
		for j, sp := range r.Processing[i].SubProcessors {
			if strings.TrimSpace(sp.Agreement) == "" {
				p.ReportFinding(Finding{Path: recordPath(i).Child("subProcessors").Index(j), Article: "Art. 28(4) GDPR",
					Key: "processor-agreement.sub", Args: []any{clip.Runes(sp.Name, 80), FieldName("agreement"), Citation("Art. 28(4) GDPR")}})
			}
		}
	}
}
