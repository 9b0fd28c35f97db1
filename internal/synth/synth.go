// Package synth generates realistic synthetic registers of any size for
// tests and benchmarks. The same size and seed always give the same register.
package synth

import (
	"fmt"
	"math/rand/v2"
	"sync"

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
