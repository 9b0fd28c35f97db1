// Package synth generates realistic synthetic registers of any size for
// tests and benchmarks. The same size and seed always give the same register.
package synth

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

var (
	subjects  = []ropa.SubjectKind{ropa.Customer, ropa.Prospect, ropa.Employee, ropa.Applicant, ropa.Visitor, ropa.Supplier, ropa.Member}
	bases     = lawfulbasis.Bases()
	specials  = lawfulbasis.SpecialCategories()
	events    = []retention.Event{retention.Collection, retention.LastContact, retention.ContractEnd, retention.RelationshipEnd, retention.AccountClosure}
	dataWords = []string{"Name and contact details", "Postal address", "Date of birth", "Bank account number", "Order history",
		"Call recordings", "Camera images", "IP address and device identifiers", "Employment details", "Invoices", "Support tickets",
		"Login data and preferences", "Survey answers", "Location data", "Payment card details"}
	purposeWords = []string{"Manage customer relationships", "Deliver the services ordered", "Send newsletters", "Recruit staff",
		"Keep accounting records", "Secure the premises", "Analyse the use of the website", "Handle complaints", "Train staff",
		"Prevent fraud", "Pay salaries", "Answer questions"}
	// destinations: country, mechanism, and what makes the transfer lawful.
	destinations = []ropa.Transfer{
		{Country: "US", Mechanism: lawfulbasis.Adequacy},
		{Country: "US", Mechanism: lawfulbasis.SCC, Assessment: "TIA-US"},
		{Country: "CH", Mechanism: lawfulbasis.Adequacy},
		{Country: "GB", Mechanism: lawfulbasis.Adequacy},
		{Country: "IN", Mechanism: lawfulbasis.SCC},
		{Country: "MA", Mechanism: lawfulbasis.BCR, Reference: "BCR approved 2022"},
		{Country: "JP", Mechanism: lawfulbasis.Adequacy, Scope: lawfulbasis.APPI},
		{Country: "BR", Mechanism: lawfulbasis.DerogationMechanism, Derogation: lawfulbasis.ContractWithSubject},
		{Country: "US", Mechanism: lawfulbasis.PrivacyShield},
		{Country: "CA", Mechanism: lawfulbasis.Adequacy},
	}
)

// Register returns a register of n activities and n/10 processor records.
// Activities have 3 to 10 data categories, 1 to 4 purposes, 2 to 5
// recipients, up to 3 transfers to a mix of countries and mechanisms, and a
// retention rule per data category; some break rules of the GDPR, as real
// registers do.
func Register(n int, seed uint64) *ropa.Register {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	employees := 1200
	reg := &ropa.Register{
		Schema:   ropa.SchemaV1,
		Language: "en",
		Updated:  ropa.NewDate(2026, 1, 15),
		Organisation: ropa.Party{
			Name:         "Synthetic Holding NV",
			Registration: &ropa.Registration{Scheme: "BE-KBO", ID: "0793.259.664"},
			Address:      &ropa.Address{Street: "Woluwelaan 158", PostalCode: "1831", City: "Machelen", Country: "BE"},
			Email:        "privacy@synthetic.example",
			Employees:    &employees,
		},
		DPO: &ropa.Contact{Name: "Data Protection Officer", Email: "dpo@synthetic.example"},
	}
	for i := 0; i < 12; i++ {
		kind := ropa.Technical
		if i%3 == 0 {
			kind = ropa.Organisational
		}
		reg.Measures = append(reg.Measures, ropa.Measure{ID: fmt.Sprintf("m%02d", i), Kind: kind, Description: fmt.Sprintf("Security measure %d: access control, logging and encryption where needed", i)})
	}
	for i := 0; i < n; i++ {
		reg.Activities = append(reg.Activities, activity(rng, i))
	}
	for i := 0; i < max(1, n/10); i++ {
		reg.Processing = append(reg.Processing, ropa.ProcessorRecord{
			ID:          fmt.Sprintf("p%05d", i),
			Name:        fmt.Sprintf("Services for client %d", i),
			Controllers: []ropa.Party{{Name: fmt.Sprintf("Client %d NV", i), Email: fmt.Sprintf("privacy@client%d.example", i)}},
			Categories:  []string{"Customer service", "Order intake", "Keeping customer files up to date"},
			Transfers:   pick(rng, destinations, rng.IntN(2)),
			Measures:    []string{"m01", "m02"},
		})
	}
	return reg
}

func pick[T any](rng *rand.Rand, from []T, k int) []T {
	out := make([]T, 0, k)
	for j := 0; j < k; j++ {
		out = append(out, from[rng.IntN(len(from))])
	}
	return out
}

func activity(rng *rand.Rand, i int) ropa.Activity {
	id := fmt.Sprintf("a%05d", i)
	a := ropa.Activity{ID: id, Name: fmt.Sprintf("%s (%d)", purposeWords[i%len(purposeWords)], i), Description: "Synthetic activity for tests and benchmarks"}
	nCats := 3 + rng.IntN(8)
	for c := 0; c < nCats; c++ {
		cat := ropa.DataCategory{ID: fmt.Sprintf("c%d", c), Description: dataWords[rng.IntN(len(dataWords))], Sources: []ropa.DataSource{ropa.FromDataSubject}}
		if rng.IntN(20) == 0 {
			cat.Special = []lawfulbasis.SpecialCategory{specials[rng.IntN(len(specials))]}
		}
		a.DataCategories = append(a.DataCategories, cat)
		term := retention.Term{Period: retention.Period{Years: 1 + rng.IntN(10)}, From: events[rng.IntN(len(events))]}
		if rng.IntN(10) == 0 {
			term = retention.Term{Until: []retention.Event{retention.ConsentWithdrawn}}
		}
		a.Retention = append(a.Retention, ropa.RetentionRule{Data: []string{cat.ID}, Term: term})
	}
	for p := 0; p < 1+rng.IntN(4); p++ {
		b := bases[rng.IntN(len(bases))]
		basis := ropa.Basis{Basis: b}
		switch b {
		case lawfulbasis.LegitimateInterests:
			basis.Interest = "Efficient management of the business"
		case lawfulbasis.LegalObligation, lawfulbasis.PublicTask:
			basis.Law = "Art. III.86 Code of Economic Law"
		}
		purpose := ropa.Purpose{Description: purposeWords[rng.IntN(len(purposeWords))], Bases: []ropa.Basis{basis}}
		for _, c := range a.DataCategories {
			if len(c.Special) > 0 {
				purpose.Conditions = []ropa.Condition{{Condition: lawfulbasis.ExplicitConsent}}
			}
		}
		a.Purposes = append(a.Purposes, purpose)
	}
	for s := 0; s < 1+rng.IntN(3); s++ {
		k := subjects[rng.IntN(len(subjects))]
		a.DataSubjects = append(a.DataSubjects, ropa.DataSubject{ID: fmt.Sprintf("s%d", s), Description: string(k), Kind: k})
	}
	for r := 0; r < 2+rng.IntN(4); r++ {
		rc := ropa.Recipient{Name: fmt.Sprintf("Recipient %d", r), Kind: ropa.Processor, Country: "BE", Agreement: "DPA-" + id}
		if r == 0 {
			rc.Kind, rc.Agreement = ropa.Internal, ""
		}
		a.Recipients = append(a.Recipients, rc)
	}
	a.Transfers = pick(rng, destinations, rng.IntN(4))
	for t := range a.Transfers {
		a.Transfers[t].Recipient = fmt.Sprintf("Importer %d", t)
	}
	a.Measures = []string{fmt.Sprintf("m%02d", rng.IntN(12)), fmt.Sprintf("m%02d", rng.IntN(12))}
	return a
}

var cache sync.Map // size -> *ropa.Register

// Cached returns Register(n, 1), made once per size and shared: callers must
// not change it.
func Cached(n int) *ropa.Register {
	if r, ok := cache.Load(n); ok {
		return r.(*ropa.Register)
	}
	r, _ := cache.LoadOrStore(n, Register(n, 1))
	return r.(*ropa.Register)
}

var (
	statuses  = ropa.ActivityStatuses()
	risks     = ropa.RiskLevels()
	criteria  = ropa.DPIACriteria()
	classes   = ropa.DataClasses()
	reqs      = ropa.Requirements()
	sources   = ropa.DataSources()
	disposals = retention.Disposals()
)

// address returns a full address of the i-th party of a kind.
func address(kind string, i int) *ropa.Address {
	return &ropa.Address{Street: fmt.Sprintf("%s street %d", kind, i+1), PostalCode: fmt.Sprintf("%d", 1000+i), City: "Brussels", Country: "BE"}
}

// fullParty returns a party with every field given.
func fullParty(kind string, i int) ropa.Party {
	employees, public := 10+i, i%2 == 0
	return ropa.Party{
		Name:            fmt.Sprintf("%s %d BV", kind, i+1),
		Registration:    &ropa.Registration{Scheme: "BE-KBO", ID: fmt.Sprintf("0%03d.%03d.%03d", 400+i, i, i)},
		Address:         address(kind, i),
		PostalAddress:   &ropa.Address{Street: fmt.Sprintf("PO Box %d", 100+i), PostalCode: fmt.Sprintf("%d", 2000+i), City: "Antwerp", Country: "BE"},
		Email:           fmt.Sprintf("privacy@%s%d.example", kind, i+1),
		Phone:           fmt.Sprintf("+32 2 555 %04d", i),
		Website:         fmt.Sprintf("https://%s%d.example", kind, i+1),
		Employees:       &employees,
		PublicAuthority: &public,
		Contact:         fullContact(kind+"-person", i),
	}
}

// fullContact returns a contact with every field given.
func fullContact(kind string, i int) *ropa.Contact {
	return &ropa.Contact{Name: fmt.Sprintf("%s contact %d", kind, i+1), Role: "Privacy officer", Email: fmt.Sprintf("%s%d@contact.example", kind, i+1),
		Phone: fmt.Sprintf("+32 3 555 %04d", i), Address: address(kind, i)}
}

// Full returns Register(n, seed) with every optional field of the model
// given somewhere: the register's metadata, group entities, representative,
// systems, processors and named events, and in every activity its status,
// owner, other controllers, DPO, risk, stated absences, joint controllers,
// DPIA with criteria, automated decisions and their grounds, and the
// details of its purposes, data categories, recipients, transfers and
// retention terms. It is a register to test that a format holds every
// field, not a lawful one. The same size and seed always give the same
// register; Register(n, seed) is unchanged by it.
func Full(n int, seed uint64) *ropa.Register {
	reg := Register(n, seed)
	rng := rand.New(rand.NewPCG(seed^0x5bd1e995, seed))
	yes, no := true, false
	reg.JSONSchema = "https://openropa.example/schema/v1.json"
	reg.Regime = ropa.Regimes()[int(seed)%len(ropa.Regimes())]
	reg.ReviewCycle = retention.Period{Years: 1}
	reg.OccasionalProcessing = "Occasional processing: none beyond the activities listed"
	reg.Notes = "Synthetic register with every field given"
	reg.Adopted = ropa.NewDate(2026, 3, 12)
	reg.AdoptedBy = "Resolution of the board of 12 March 2026"
	reg.Purposes = []string{"Selling the holding's products", "Fulfilling its statutory duties,\nas the Companies Code sets them"}
	reg.Organisation = fullParty("holding", 0)
	reg.Entities = []ropa.Party{fullParty("entity", 1), fullParty("entity", 2)}
	reg.DPO = fullContact("dpo", 0)
	rep := fullParty("representative", 3)
	reg.Representative = &rep
	reg.Systems = []ropa.System{{ID: "sys-crm", Name: "CRM", Provider: "CRM Vendor", Kind: "SaaS", Hosting: []string{"IE", "US"},
		Support: []string{"IN"}, Agreement: "DPA-CRM", Notes: "Customer data"}}
	reg.Processors = []ropa.ProcessorEntry{{ID: "proc-mail", Name: "Mail Vendor", Country: "NL", Locations: []string{"NL", "DE"},
		Service: "E-mail delivery", Agreement: "DPA-MAIL", Contact: fullContact("processor", 0), Notes: "Sends newsletters"}}
	reg.Events = []ropa.NamedEvent{{ID: "x-warranty-end", Label: "end of the warranty", Description: "The warranty of the product ends"}}
	for i := range reg.Activities {
		fillActivity(rng, &reg.Activities[i], i, &yes, &no)
	}
	for i := range reg.Processing {
		p := &reg.Processing[i]
		p.Controllers = append(p.Controllers, fullParty("client", i))
		p.SubProcessors = []ropa.Recipient{{Name: "Hosting Vendor", Kind: ropa.Processor, Country: "DE", Agreement: "DPA-HOST",
			Description: "Hosting", Contact: fullContact("hosting", i), Processors: []string{"proc-mail"}}}
		p.SubProcessors[0].AllProcessors = true
		p.SubProcessors[0].Data = []string{"processed-data"}
		p.Transfers = append(p.Transfers, fullTransfer(i, &yes, &no))
		p.Systems = []string{"sys-crm"}
		p.Notes = "Processor record with every field"
	}
	reg.Waivers = []ropa.Waiver{{Rule: "dpia-required", Activity: reg.Activities[0].ID,
		Path: ropa.Root.Child("activities").Index(0).Child("dpia"), Reason: "Assessed by the DPO"}}
	return reg
}

func fillActivity(rng *rand.Rand, a *ropa.Activity, i int, yes, no *bool) {
	a.Reference = fmt.Sprintf("REF-%d", i)
	a.Status = statuses[i%len(statuses)]
	a.Updated = ropa.NewDate(2026, time.Month(1+i%12), 1+i%28)
	a.NextReview = ropa.NewDate(2027, time.Month(1+i%12), 1+i%28)
	a.Owner = &ropa.Owner{Function: "Head of sales", Department: "Sales", Email: fmt.Sprintf("sales%d@synthetic.example", i), Person: "A. Jansen"}
	a.Created = ropa.NewDate(2024, time.Month(1+i%12), 1+i%28)
	a.Started = ropa.NewDate(2024, time.Month(1+i%12), 2+i%27)
	a.Controllers = []ropa.ActivityController{{Party: fullParty("partner", i), Role: "co-organiser of the event"}}
	a.NotController = i%2 == 1
	a.Entities = []string{"entity 2 BV"}
	a.Method = ropa.Methods()[i%len(ropa.Methods())]
	a.DPO = fullContact("activity-dpo", i)
	a.Systems = []string{"sys-crm"}
	a.Storage = "Signed forms in the locked cabinet of the sales office"
	a.Notice = fmt.Sprintf("https://synthetic.example/privacy/%d", i)
	a.Record = fmt.Sprintf("https://synthetic.example/records/%d", i)
	a.Risk = risks[i%len(risks)]
	a.None = []ropa.Absence{ropa.NoExternal}
	a.JointControllers = []ropa.Party{fullParty("joint", i), fullParty("joint", i+100)}
	a.JointArrangement = "Arrangement of 2026 with the partner"
	a.TargetCountries = []string{"BE", "NL"}
	a.DPIA = &ropa.DPIA{Status: ropa.DPIADone, Reference: fmt.Sprintf("DPIA-%d", i), Date: ropa.NewDate(2025, 6, 1+i%28),
		Criteria: []ropa.DPIACriterion{criteria[i%len(criteria)], criteria[(i+3)%len(criteria)]}}
	a.AutomatedDecisions, a.Profiling = yes, no
	if i%2 == 1 {
		a.AutomatedDecisions, a.Profiling = no, yes
	}
	a.DecisionGrounds = &ropa.DecisionGrounds{Exception: ropa.DecisionExceptions()[i%3], Law: "Art. 5 of the Scoring Act", Safeguards: "Human review on request"}
	a.Ended = ropa.NewDate(2030, 12, 31)
	a.ReplacedBy = fmt.Sprintf("a%05d", i+1)
	a.Notes = "Activity with every field given"
	for p := range a.Purposes {
		pu := &a.Purposes[p]
		pu.Data = []string{a.DataCategories[0].ID}
		pu.DirectMarketing = p == 0
		pu.Bases[0].Assessment = "LIA-" + a.ID
		pu.Bases[0].Note = "Basis as stated in the notice"
		pu.Conditions = append(pu.Conditions, ropa.Condition{Condition: lawfulbasis.ExplicitConsent, Law: "Art. 9 of the Privacy Act", Note: "Asked in the form"},
			ropa.Condition{Condition: lawfulbasis.Employment, Note: "Staff only; not contractors"})
		if pu.Bases[0].Interest == "" {
			pu.Bases[0].Interest = "Keeping the customer informed"
		}
		if pu.Bases[0].Law == "" {
			pu.Bases[0].Law = "Art. 1 of the Act"
		}
	}
	for c := range a.DataCategories {
		dc := &a.DataCategories[c]
		dc.Class = classes[(i+c)%len(classes)]
		dc.Sources = []ropa.DataSource{sources[(i+c)%len(sources)]}
		dc.SourceNote = "Collected from the form"
		dc.Special = []lawfulbasis.SpecialCategory{specials[rng.IntN(len(specials))]}
		dc.Criminal = c%2 == 0
		dc.NationalID = c%3 == 0
		dc.Subjects = []string{a.DataSubjects[0].ID}
		dc.Requirement = reqs[(i+c)%len(reqs)]
		dc.RequirementNote = "The order cannot be delivered"
	}
	for r := range a.Recipients {
		rc := &a.Recipients[r]
		rc.Description = "Receives the data"
		rc.Contact = fullContact("recipient", r)
		rc.Processors = []string{"proc-mail"}
		rc.AllProcessors = r == 1
		rc.Data = []string{a.DataCategories[0].ID}
	}
	a.Transfers = append(a.Transfers, fullTransfer(i, yes, no))
	for r := range a.Retention {
		rt := &a.Retention[r]
		rt.Subjects = []string{a.DataSubjects[0].ID}
		if !rt.Period.IsZero() {
			rt.FromYearEnd = r%2 == 0
			rt.AtLeast = r%3 == 0
			rt.Until = []retention.Event{"x-warranty-end"}
			rt.Extension = &retention.Extension{Period: retention.Period{Years: 10}, Until: []retention.Event{retention.IncidentClosed},
				When: "A claim is brought", Law: "Art. 2262bis Civil Code"}
		}
		rt.Law = "Art. 60 of the Accounting Act"
		rt.Case = "Orders paid"
		rt.Criteria = "As long as the customer is active"
		rt.Then = disposals[(i+r)%len(disposals)]
		rt.Text = "Kept as the notice states"
	}
}

// fullTransfer returns a transfer with every field given.
func fullTransfer(i int, yes, no *bool) ropa.Transfer {
	return ropa.Transfer{Country: "US", Organisation: "Example Standards Body", Recipient: "US Importer",
		Mechanism: lawfulbasis.DerogationMechanism, Derogation: lawfulbasis.ContractWithSubject, Reference: "Decision of 10 July 2023",
		Assessment: fmt.Sprintf("TIA-%d", i), DPF: yes, Scope: lawfulbasis.Scopes()[i%len(lawfulbasis.Scopes())],
		PublicAuthority: no, Safeguards: "Encryption in transit", Note: "Transfer with every field"}
}
