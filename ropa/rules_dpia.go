package ropa

import (
	"strings"
)

// The rules of the data protection impact assessment (Art. 35).
var dpiaScreeningRule = &Rule{ID: "dpia-screening", Severity: Warning, Article: "Art. 35(1) GDPR; WP248 rev.01",
	Doc: "An activity meets two or more criteria of WP248 rev.01 and records no DPIA.",
	Messages: Messages{
		"":             "the activity meets %[1]d criteria of WP248 rev.01 (%[2]s) and records no DPIA; carry one out, or document why none is needed (%[3]s)",
		"required":     "a DPIA is required (%[1]s) but neither done nor planned; carry it out before the processing",
		"recorded":     "the DPIA is recorded as required but neither done nor planned (no date or reference); carry it out before the processing, and record its date or reference (%[1]s)",
		"not-done":     "the activity meets %[1]d criteria of WP248 rev.01 (%[2]s) and the register states that no DPIA was carried out; carry one out before the processing, or document why none is needed (%[3]s)",
		"undocumented": "the activity meets %[1]d criteria of WP248 rev.01 (%[2]s); a decision that no DPIA is needed must be documented: reference it (%[3]s)",
	},
	Run: dpiaScreening}

func dpiaScreening(p *Pass) {
	for i := range p.Register.Activities {
		d := p.Register.Activities[i].DPIA
		if d != nil && (d.Status == DPIADone || d.Status == DPIAPlanned || d.Status == DPIANotRequired && d.Reference != "" ||
			d.Status == DPIARequired && (d.Reference != "" || !d.Date.IsZero())) {
			continue
		}
		met := p.DPIACriteria(i)
		if len(met) < 2 {
			if d != nil && d.Status == DPIARequired {
				p.Report(activityPath(i).Child("dpia"), "recorded", FieldName("dpia"))
			}
			continue
		}
		names := strings.Join(strs(met), ", ")
		switch {
		case d == nil:
			p.Report(activityPath(i), "", len(met), names, FieldName("dpia"))
		case d.Status == DPIARequired:
			p.Report(activityPath(i).Child("dpia"), "required", names)
		case d.Status == DPIANotDone:
			p.Report(activityPath(i).Child("dpia"), "not-done", len(met), names, FieldName("dpia.status"))
		default:
			p.Report(activityPath(i).Child("dpia"), "undocumented", len(met), names, FieldName("dpia.reference"))
		}
	}
}

// cameraWords recognise camera images in a data category's description, in
// English, Dutch, French and German: systematic monitoring in WP248 rev.01.
var cameraWords = []string{"camera", "cctv", "video surveillance", "videosurveillance", "videobewaking", "caméra", "vidéo surveillance", "vidéosurveillance", "kamera", "videoüberwachung"}

func mentionsCameras(description string) bool {
	lower := strings.ToLower(description)
	for _, w := range cameraWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// DPIACriteriaOf returns the criteria of WP248 rev.01 that an activity meets:
// those the register declares and those that follow from it (special or
// criminal data: sensitive-data; camera images: systematic-monitoring;
// children, employees or patients: vulnerable-subjects; automated
// decisions: automated-decision; profiling: evaluation-scoring, "including
// profiling and predicting"), in the order of the guidelines.
func DPIACriteriaOf(a *Activity) []DPIACriterion {
	met := map[DPIACriterion]bool{}
	if a.DPIA != nil {
		for _, c := range a.DPIA.Criteria {
			met[c] = true
		}
	}
	for _, c := range a.DataCategories {
		if len(c.Special) > 0 || c.Criminal {
			met[SensitiveData] = true
		}
		if mentionsCameras(c.Description) {
			met[SystematicMonitoring] = true
		}
	}
	for _, s := range a.DataSubjects {
		if s.Kind.Vulnerable() {
			met[VulnerableSubjects] = true
		}
	}
	if a.AutomatedDecisions != nil && *a.AutomatedDecisions {
		met[AutomatedDecision] = true
	}
	if a.Profiling != nil && *a.Profiling {
		met[EvaluationScoring] = true
	}
	out := []DPIACriterion{}
	for _, c := range DPIACriteria() {
		if met[c] {
			out = append(out, c)
		}
	}
	return out
}
