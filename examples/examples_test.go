package examples

import (
	"testing"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func load(t *testing.T, name string) *ropa.Register {
	t.Helper()
	r, _, err := Load(name)
	require.NoError(t, err)
	return r
}

func activity(t *testing.T, r *ropa.Register, id string) ropa.Activity {
	t.Helper()
	for _, a := range r.Activities {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no activity %q", id)
	return ropa.Activity{}
}

func TestNames(t *testing.T) {
	assert.Equal(t, []string{"ipg", "webassur", "wegroup", "wegroup-nl", "wengage"}, Names())
	_, _, err := Load("nope")
	assert.ErrorContains(t, err, "no register \"nope\"")
}

func TestWeGroup(t *testing.T) {
	r := load(t, "wegroup")
	assert.Equal(t, "en", r.Language)
	assert.Equal(t, "WeGroup NV", r.Organisation.Name)
	assert.Equal(t, "0680.957.816", r.Organisation.Registration.ID)
	assert.Equal(t, "Sebastiaan Van Hoecke", r.DPO.Name)
	assert.Len(t, r.Activities, 10)
	assert.Len(t, r.Measures, 10, "eight measures of the security policy and two of the privacy policy")
	lock := r.Measures[3]
	assert.Equal(t, "screen-lock", lock.ID)
	assert.Equal(t, ropa.Technical, lock.Kind)
	assert.Contains(t, lock.Description, "fifteen minutes")
	usage := activity(t, r, "usage-analysis")
	require.Len(t, usage.Purposes[0].Bases, 2)
	assert.Equal(t, lawfulbasis.Consent, usage.Purposes[0].Bases[0].Basis)
	assert.Equal(t, "for the IP address", usage.Purposes[0].Bases[0].Note)
	surveys := activity(t, r, "surveys")
	assert.Empty(t, surveys.Purposes[0].Bases[0].Interest, "the policy states no interest for survey data")
	account := activity(t, r, "account-management")
	assert.Equal(t, []retention.Event{retention.AccountClosure}, account.Retention[0].Until, "the period of use of the services ends with the account")
	assert.Contains(t, account.Retention[0].Text, "period of use of our services")
	require.Len(t, account.Transfers, 2)
	assert.Empty(t, account.Transfers[0].Country, "the policy names no third country")
	for _, id := range []string{"usage-analysis", "account-management", "profile-management", "transactions"} {
		assert.Len(t, activity(t, r, id).Transfers, 2, "section 5 ties the transfers to the use of the services: %s", id)
	}
	assert.Empty(t, activity(t, r, "newsletters").Transfers)
	assert.Len(t, r.Processors, 3, "the processor groups of section 3.2, assigned to no activity")
	for _, a := range r.Activities {
		for _, rc := range a.Recipients {
			assert.NotEqual(t, ropa.Processor, rc.Kind, "%s: the policy never says which processor receives which data", a.ID)
		}
	}
	require.NotNil(t, account.AutomatedDecisions)
	assert.False(t, *account.AutomatedDecisions)
	require.Len(t, r.Processing, 1)
	assert.Equal(t, "louise", r.Processing[0].ID)
	assert.Empty(t, r.Processing[0].Transfers, "section 11: the policy does not apply where WeGroup is processor")
}

func TestWeGroupNL(t *testing.T) {
	r := load(t, "wegroup-nl")
	assert.Equal(t, "nl", r.Language)
	assert.Equal(t, "Moutstraat 68", r.Organisation.Address.Street)
	assert.Equal(t, "+31 6 47 93 72 96", r.Organisation.Phone)
	assert.Len(t, r.Activities, 10)
	assert.Equal(t, "Het juiste beheer van onze klantenrelaties", activity(t, r, "klantcontactgegevens").Purposes[0].Bases[0].Interest)
}

func TestWEngage(t *testing.T) {
	r := load(t, "wengage")
	assert.Equal(t, "2023-10-10", r.Updated.String())
	assert.Len(t, r.Activities, 14, "every row of the tables of title 3, the row of disputes and fraud giving two")
	assert.Equal(t, "WEngage Groep", r.Organisation.Name, "the four companies together are the controller")
	require.Len(t, r.Entities, 4)
	assert.Equal(t, "WEngage NV", r.Entities[1].Name)
	assert.Equal(t, "MA", r.Entities[3].Address.Country)
	assert.Equal(t, "001509504000076", r.Entities[3].Registration.ID)
	for _, a := range r.Activities {
		for _, p := range a.Purposes {
			for _, b := range p.Bases {
				assert.Empty(t, b.Interest, "%s: the statement says only \"gerechtvaardigd belang\"", a.ID)
			}
		}
		for _, tr := range a.Transfers {
			assert.Empty(t, tr.Mechanism, "%s: adequacy \"or other measures\" names no one mechanism", a.ID)
		}
	}
	contract := activity(t, r, "overeenkomst")
	require.Len(t, contract.Retention, 1)
	assert.Equal(t, retention.Period{Years: 10}, contract.Retention[0].Period)
	assert.Equal(t, retention.ContractEnd, contract.Retention[0].From)

	questions := activity(t, r, "vragen-beantwoorden")
	require.Len(t, questions.Retention, 2)
	assert.Equal(t, retention.Period{Years: 3}, questions.Retention[0].Period)
	assert.Equal(t, retention.Event("contactname"), questions.Retention[0].From, "the moment of contact, a named event")
	assert.Equal(t, []string{"chats"}, questions.Retention[1].Data)
	assert.Equal(t, retention.Period{Days: 7}, questions.Retention[1].Period)

	cctv := activity(t, r, "camerabewaking")
	assert.Equal(t, retention.Period{Months: 1}, cctv.Retention[0].Period)
	assert.Nil(t, cctv.Retention[0].Extension, "the statement gives the longer hold no period and no end")
	assert.Equal(t, "Camerawet", cctv.Purposes[0].Bases[0].Law)

	calls := activity(t, r, "gespreksopnames")
	assert.Equal(t, retention.Period{Months: 1}, calls.Retention[0].Period)
	assert.Equal(t, retention.Period{Months: 6}, calls.Retention[1].Period)

	claims := activity(t, r, "geschillen")
	assert.Equal(t, "persoonlijke vorderingen", claims.Retention[0].Case)
	assert.Equal(t, retention.Period{Years: 30}, claims.Retention[1].Period)

	news := activity(t, r, "nieuwsbrieven")
	assert.Equal(t, []retention.Event{retention.ConsentWithdrawn, retention.Objection}, news.Retention[0].Until)
	assert.True(t, news.Purposes[0].DirectMarketing)

	require.Len(t, r.Processing, 1)
	morocco := r.Processing[0].Transfers[0]
	assert.Equal(t, "MA", morocco.Country)
	assert.Equal(t, lawfulbasis.SCC, morocco.Mechanism)
	assert.Equal(t, "WEngage sarlau", morocco.Recipient)
}

func TestWebassur(t *testing.T) {
	r := load(t, "webassur")
	assert.Equal(t, "BE0786.223.206", r.Organisation.Registration.ID)
	assert.Nil(t, r.DPO)
	assert.Len(t, r.Activities, 5)
	for _, a := range r.Activities {
		for _, p := range a.Purposes {
			if p.DirectMarketing || a.ID == "cookies" {
				require.Len(t, p.Bases, 1, "%s: the policy asks consent for newsletters and cookies", a.ID)
				assert.Equal(t, lawfulbasis.Consent, p.Bases[0].Basis)
				continue
			}
			assert.Empty(t, p.Bases, "the policy gives no other legal basis (%s)", a.ID)
		}
	}
	cookies := activity(t, r, "cookies")
	require.Len(t, cookies.Transfers, 1)
	assert.Equal(t, "US", cookies.Transfers[0].Country)
	assert.Equal(t, lawfulbasis.PrivacyShield, cookies.Transfers[0].Mechanism)
	assert.Len(t, cookies.DataCategories, 7, "the seven cookies of the cookie table")
	assert.Equal(t, retention.Period{Years: 1, Days: 27}, cookies.Retention[1].Period)
	assert.Equal(t, retention.Period{Minutes: 30}, cookies.Retention[2].Period)
	assert.Equal(t, []retention.Event{retention.SessionEnd}, cookies.Retention[7].Until)
}

func TestIPG(t *testing.T) {
	r := load(t, "ipg")
	assert.Equal(t, "2020-10-06", r.Updated.String())
	assert.Len(t, r.Activities, 11, "the eleven purposes of the policy")
	assert.Len(t, r.Entities, 5)
	assert.Equal(t, "Contact Expert NV", r.Entities[4].Name)
	assert.Equal(t, lawfulbasis.LegalObligation, activity(t, r, "wettelijke-verplichtingen").Purposes[0].Bases[0].Basis)
	assert.Empty(t, activity(t, r, "klantenbeheer").Purposes[0].Bases)
	assert.True(t, activity(t, r, "klantenbeheer").Retention[0].Vague(), "the policy keeps data 'zo lang als nodig'")
	assert.Empty(t, r.Activities[0].Transfers)
}

// TestAllLoadAndValidate shows that every example register loads and that
// the only structural findings are the transfers whose third country the
// source document does not name.
func TestAllLoadAndValidate(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			r := load(t, name)
			for _, f := range ropa.Validate(r) {
				assert.Equal(t, "required", f.Rule, "%s %s", f.Path, f.Message)
				assert.Contains(t, f.Path.String(), ".transfers[")
			}
		})
	}
}

// TestRetentionTextsParse reads the source words of every retention rule of
// the example registers with retention.Parse and checks that they give the
// term the register records.
// readsOtherwise are the texts the registers record more closely than
// retention.Parse reads them, each with what the parser gives instead.
var readsOtherwise = map[string]string{
	// "moment van contactname" is the moment of contact, a named event of
	// the register; the parser reads it as last-contact.
	"Tot 3 jaar na moment van contactname.": "last-contact",
	// The period of use of the services ends with the account; the parser
	// reads the sentence as criteria.
	"The retention period of account data, profile data and transaction data is determined based on the period of use of our services and shall only be applied when using our services.":                                          "criteria",
	"De bewaringstermijn van accountgegevens, profielgegevens en transactiegegevens worden vastgesteld op basis van de gebruikstermijn van onze diensten, en zullen ook enkel opgenomen worden bij het gebruik van onze diensten.": "criteria",
}

func TestRetentionTextsParse(t *testing.T) {
	for _, name := range Names() {
		r := load(t, name)
		for _, a := range r.Activities {
			for i, rule := range a.Retention {
				if rule.Text == "" || readsOtherwise[rule.Text] != "" {
					continue
				}
				terms, err := retention.Parse(rule.Text)
				require.NoError(t, err, "%s %s retention[%d]: %q", name, a.ID, i, rule.Text)
				found := false
				for _, term := range terms {
					samePeriod := term.Period == rule.Period && term.From == rule.From && term.AtLeast == rule.AtLeast
					sameEnd := assert.ObjectsAreEqual(term.Until, rule.Until)
					criteria := !rule.Period.IsZero() || (term.Criteria != "" || term.Law != "") == (rule.Criteria != "" || rule.Law != "")
					if samePeriod && sameEnd && criteria {
						found = true
					}
				}
				assert.True(t, found, "%s %s retention[%d]: %q parses as %+v, the register has %+v", name, a.ID, i, rule.Text, terms, rule.Term)
				for _, l := range lang.All() {
					assert.NotEmpty(t, rule.Words(l))
				}
			}
		}
	}
}
