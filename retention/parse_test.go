package retention

import (
	"testing"

	"github.com/openropa/registry/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	y := func(n int) Period { return Period{Years: n} }
	tests := []struct {
		in   string
		want []Term
	}{
		{"Tot 3 jaar na moment van contactname. Chats worden na 7 dagen verwijderd", []Term{
			{Period: y(3), From: LastContact, Text: "Tot 3 jaar na moment van contactname"},
			{Period: Period{Days: 7}, Then: Destroy, Text: "Chats worden na 7 dagen verwijderd"},
		}},
		{"tot het intrekken van uw toestemming", []Term{{Until: []Event{ConsentWithdrawn}, Text: "tot het intrekken van uw toestemming"}}},
		{"Tot het intrekken van uw toestemming of het uitoefenen van uw recht van bezwaar", []Term{{Until: []Event{ConsentWithdrawn, Objection}, Text: "Tot het intrekken van uw toestemming of het uitoefenen van uw recht van bezwaar"}}},
		{"1 maand, tenzij in geval van incidenten met oog op onderzoek", []Term{{Period: Period{Months: 1},
			Extension: &Extension{Until: []Event{IncidentClosed}, When: "in geval van incidenten met oog op onderzoek"},
			Text:      "1 maand, tenzij in geval van incidenten met oog op onderzoek"}}},
		{"minstens 7 jaar voor boekhoudkundige stukken", []Term{{Period: y(7), AtLeast: true, Case: "boekhoudkundige stukken", Text: "minstens 7 jaar voor boekhoudkundige stukken"}}},
		{"10 jaar voor persoonlijke vorderingen en 30 jaar voor zakelijke vorderingen", []Term{
			{Period: y(10), Case: "persoonlijke vorderingen", Text: "10 jaar voor persoonlijke vorderingen"},
			{Period: y(30), Case: "zakelijke vorderingen", Text: "30 jaar voor zakelijke vorderingen"},
		}},
		{"tot 10 jaar na beëindiging van onze contractuele relatie", []Term{{Period: y(10), From: ContractEnd, Text: "tot 10 jaar na beëindiging van onze contractuele relatie"}}},
		{"tot het einde van de overeenkomst", []Term{{Until: []Event{ContractEnd}, Text: "tot het einde van de overeenkomst"}}},
		// the end of a contract without an article, and in French and German
		{"7 jaar na einde contract", []Term{{Period: y(7), From: ContractEnd, Text: "7 jaar na einde contract"}}},
		{"5 jaar na einde contract", []Term{{Period: y(5), From: ContractEnd, Text: "5 jaar na einde contract"}}},
		{"5 jaar na einde overeenkomst", []Term{{Period: y(5), From: ContractEnd, Text: "5 jaar na einde overeenkomst"}}},
		{"5 ans après la fin du contrat", []Term{{Period: y(5), From: ContractEnd, Text: "5 ans après la fin du contrat"}}},
		{"5 ans après la fin de contrat", []Term{{Period: y(5), From: ContractEnd, Text: "5 ans après la fin de contrat"}}},
		{"5 Jahre nach Vertragsende", []Term{{Period: y(5), From: ContractEnd, Text: "5 Jahre nach Vertragsende"}}},
		{"10 Jahre nach Ende des Vertrages", []Term{{Period: y(10), From: ContractEnd, Text: "10 Jahre nach Ende des Vertrages"}}},
		{"tot einde contract", []Term{{Until: []Event{ContractEnd}, Text: "tot einde contract"}}},
		{"30 minuten", []Term{{Period: Period{Minutes: 30}, Text: "30 minuten"}}},
		{"1 jaar 27 dagen", []Term{{Period: Period{Years: 1, Days: 27}, Text: "1 jaar 27 dagen"}}},
		{"2 jaren", []Term{{Period: y(2), Text: "2 jaren"}}},
		{"1 minuut", []Term{{Period: Period{Minutes: 1}, Text: "1 minuut"}}},
		{"1 dag", []Term{{Period: Period{Days: 1}, Text: "1 dag"}}},
		{"determined based on the period of use of our services", []Term{{Criteria: "determined based on the period of use of our services", Text: "determined based on the period of use of our services"}}},
		{"3 years after the last contact", []Term{{Period: y(3), From: LastContact, Text: "3 years after the last contact"}}},
		{"1 year and 27 days", []Term{{Period: Period{Years: 1, Days: 27}, Text: "1 year and 27 days"}}},
		{"until consent is withdrawn", []Term{{Until: []Event{ConsentWithdrawn}, Text: "until consent is withdrawn"}}},
		{"at least 7 years for accounting records", []Term{{Period: y(7), AtLeast: true, Case: "accounting records", Text: "at least 7 years for accounting records"}}},
		{"one month, unless an incident is under investigation", []Term{{Period: Period{Months: 1}, Extension: &Extension{Until: []Event{IncidentClosed}, When: "an incident is under investigation"}, Text: "one month, unless an incident is under investigation"}}},
		{"3 ans après le dernier contact", []Term{{Period: y(3), From: LastContact, Text: "3 ans après le dernier contact"}}},
		{"jusqu'au retrait du consentement", []Term{{Until: []Event{ConsentWithdrawn}, Text: "jusqu'au retrait du consentement"}}},
		{"10 ans après la fin du contrat", []Term{{Period: y(10), From: ContractEnd, Text: "10 ans après la fin du contrat"}}},
		{"3 Jahre nach dem letzten Kontakt", []Term{{Period: y(3), From: LastContact, Text: "3 Jahre nach dem letzten Kontakt"}}},
		{"bis zum Widerruf der Einwilligung", []Term{{Until: []Event{ConsentWithdrawn}, Text: "bis zum Widerruf der Einwilligung"}}},
		{"functionele cookies worden enkel bewaard tot na de sessie", []Term{{Until: []Event{SessionEnd}, Text: "functionele cookies worden enkel bewaard tot na de sessie"}}},
		{"zo lang als nodig voor de doeleinden", []Term{{Criteria: "zo lang als nodig voor de doeleinden", Text: "zo lang als nodig voor de doeleinden"}}},
		{"zoals vastgelegd in de toepasselijke wet- en regelgeving", []Term{{Law: "zoals vastgelegd in de toepasselijke wet- en regelgeving", Text: "zoals vastgelegd in de toepasselijke wet- en regelgeving"}}},
		{"İstanbul 2 jaar voor ÖZEL dossiers", []Term{{Period: y(2), Case: "ÖZEL dossiers", Text: "İstanbul 2 jaar voor ÖZEL dossiers"}}},
		// the end of a membership
		{"1 Jahr nach Austritt", []Term{{Period: y(1), From: RelationshipEnd, Text: "1 Jahr nach Austritt"}}},
		{"2 Jahre nach dem Ende der Mitgliedschaft", []Term{{Period: y(2), From: RelationshipEnd, Text: "2 Jahre nach dem Ende der Mitgliedschaft"}}},
		{"5 jaar na het einde van het lidmaatschap", []Term{{Period: y(5), From: RelationshipEnd, Text: "5 jaar na het einde van het lidmaatschap"}}},
		{"1 an après la fin de l’adhésion", []Term{{Period: y(1), From: RelationshipEnd, Text: "1 an après la fin de l’adhésion"}}},
		{"until the end of your membership", []Term{{Until: []Event{RelationshipEnd}, Text: "until the end of your membership"}}},
		// from the end of the calendar year
		{"7 jaar vanaf 1 januari volgend op het boekjaar", []Term{{Period: y(7), FromYearEnd: true, Text: "7 jaar vanaf 1 januari volgend op het boekjaar"}}},
		{"10 ans à compter de la fin de l'année", []Term{{Period: y(10), FromYearEnd: true, Text: "10 ans à compter de la fin de l'année"}}},
		{"7 years from the end of the calendar year", []Term{{Period: y(7), FromYearEnd: true, Text: "7 years from the end of the calendar year"}}},
		{"10 Jahre ab Ende des Kalenderjahres", []Term{{Period: y(10), FromYearEnd: true, Text: "10 Jahre ab Ende des Kalenderjahres"}}},
		{"10 jaar na het einde van de overeenkomst, te rekenen vanaf het einde van het kalenderjaar", []Term{{Period: y(10), From: ContractEnd, FromYearEnd: true, Text: "10 jaar na het einde van de overeenkomst, te rekenen vanaf het einde van het kalenderjaar"}}},
		// what happens at the end
		{"3 jaar na het laatste contact, daarna geanonimiseerd", []Term{{Period: y(3), From: LastContact, Then: Anonymise, Text: "3 jaar na het laatste contact, daarna geanonimiseerd"}}},
		{"5 ans après la fin du contrat, puis archivées", []Term{{Period: y(5), From: ContractEnd, Then: Archive, Text: "5 ans après la fin du contrat, puis archivées"}}},
		{"2 years after collection, then anonymised", []Term{{Period: y(2), From: Collection, Then: Anonymise, Text: "2 years after collection, then anonymised"}}},
		{"6 Monate nach der Erhebung, danach pseudonymisiert", []Term{{Period: Period{Months: 6}, From: Collection, Then: Pseudonymise, Text: "6 Monate nach der Erhebung, danach pseudonymisiert"}}},
		// an end besides the period, and the law of an exception
		{"2 years after collection or until consent is withdrawn", []Term{{Period: y(2), From: Collection, Until: []Event{ConsentWithdrawn}, Text: "2 years after collection or until consent is withdrawn"}}},
		{"1 jaar, tenzij een wettelijke bewaarplicht langer is", []Term{{Period: y(1), Extension: &Extension{When: "een wettelijke bewaarplicht langer is", Law: "een wettelijke bewaarplicht langer is"}, Text: "1 jaar, tenzij een wettelijke bewaarplicht langer is"}}},
		{"1 year after which the data are deleted", []Term{{Period: y(1), Then: Destroy, Text: "1 year after which the data are deleted"}}},
		// a clause before the period that names its start
		{"Once your account is closed we keep the data for 2 years", []Term{{Period: y(2), From: AccountClosure, Text: "Once your account is closed we keep the data for 2 years"}}},
		{"After the end of your contract, we keep your data for 7 years", []Term{{Period: y(7), From: ContractEnd, Text: "After the end of your contract, we keep your data for 7 years"}}},
		{"Nadat uw sollicitatie is afgerond, bewaren we uw gegevens 1 jaar", []Term{{Period: y(1), From: ApplicationClosed, Text: "Nadat uw sollicitatie is afgerond, bewaren we uw gegevens 1 jaar"}}},
		// terms listed each after its label
		{"Persoonsregistratie: 110 jaar, gegevensverstrekking binnen gemeente 5 jaar, correspondentie 1 jaar", []Term{
			{Period: y(110), Case: "Persoonsregistratie", Text: "Persoonsregistratie: 110 jaar"},
			{Period: y(5), Case: "gegevensverstrekking binnen gemeente", Text: "gegevensverstrekking binnen gemeente 5 jaar"},
			{Period: y(1), Case: "correspondentie", Text: "correspondentie 1 jaar"},
		}},
		{"Persoonsregistratie 110 jaar, correspondentie tot 1 jaar na het laatste contact", []Term{
			{Period: y(110), Case: "Persoonsregistratie", Text: "Persoonsregistratie 110 jaar"},
			{Period: y(1), From: LastContact, Case: "correspondentie", Text: "correspondentie tot 1 jaar na het laatste contact"},
		}},
		{"klanten minstens 5 jaar, leveranciers 3 jaar", []Term{
			{Period: y(5), AtLeast: true, Case: "klanten", Text: "klanten minstens 5 jaar"},
			{Period: y(3), Case: "leveranciers", Text: "leveranciers 3 jaar"},
		}},
		// a label is not read for events ("incident")
		{"incidentgegevens 2 jaar, camerabeelden 30 dagen", []Term{
			{Period: y(2), Case: "incidentgegevens", Text: "incidentgegevens 2 jaar"},
			{Period: Period{Days: 30}, Case: "camerabeelden", Text: "camerabeelden 30 dagen"},
		}},
		{"Sollicitaties: 6 maanden", []Term{{Period: Period{Months: 6}, Case: "Sollicitaties", Text: "Sollicitaties: 6 maanden"}}},
		{"Boekhouding: minstens 7 jaar", []Term{{Period: y(7), AtLeast: true, Case: "Boekhouding", Text: "Boekhouding: minstens 7 jaar"}}},
		{"Dossiers: 5 jaar voor klanten", []Term{{Period: y(5), Case: "Dossiers: klanten", Text: "Dossiers: 5 jaar voor klanten"}}},
		{"3 jaar na het laatste contact, daarna geanonimiseerd, 5 jaar voor facturen", []Term{
			{Period: y(3), From: LastContact, Then: Anonymise, Text: "3 jaar na het laatste contact, daarna geanonimiseerd"},
			{Period: y(5), Case: "facturen", Text: "5 jaar voor facturen"},
		}},
		// the period of an exception cuts no term
		{"1 maand, tenzij een incident, dan 1 jaar", []Term{{Period: Period{Months: 1}, Extension: &Extension{Period: y(1), When: "een incident, dan 1 jaar"}, Text: "1 maand, tenzij een incident, dan 1 jaar"}}},
		// the end of a membership, with the verbs of keeping and of the end
		{"bis zum Ablauf der Mitgliedschaft gespeichert und dann gelöscht", []Term{{Until: []Event{RelationshipEnd}, Then: Destroy, Text: "bis zum Ablauf der Mitgliedschaft gespeichert und dann gelöscht"}}},
		{"2 Jahre nach Ablauf der Mitgliedschaft, danach gelöscht", []Term{{Period: y(2), From: RelationshipEnd, Then: Destroy, Text: "2 Jahre nach Ablauf der Mitgliedschaft, danach gelöscht"}}},
		{"tot het einde van het lidmaatschap bewaard en daarna verwijderd", []Term{{Until: []Event{RelationshipEnd}, Then: Destroy, Text: "tot het einde van het lidmaatschap bewaard en daarna verwijderd"}}},
		{"jusqu'à la fin de l'adhésion puis supprimées", []Term{{Until: []Event{RelationshipEnd}, Then: Destroy, Text: "jusqu'à la fin de l'adhésion puis supprimées"}}},
		// right after an event
		{"direct na afloop van de sessie", []Term{{Until: []Event{SessionEnd}, Text: "direct na afloop van de sessie"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			for _, term := range got {
				assert.NoError(t, term.Validate(), "a parsed term is a valid term")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "empty text"},
		{" . ; ", "empty text"},
		{"hello world", "names no period, no ending event, no law and no criteria"},
		{"binnenkort", "names no period"},
		{"1 maand, tenzij de directie anders beslist", "cannot tell how long the exception"},
		{"1 jaar 2 jaar", "same unit twice"},
		{"om te voldoen aan een verplichting", "names no period"},
		{"0 dagen", "zero length"},
		{"99999999999999999999 jaar", "too large"},
		{"\xff", "not valid UTF-8"},
		// words that open an event and name none are reported, with the words
		{"20 jaar na afloop programmeringsperiode", `cannot read the event "afloop programmeringsperiode" after "na"`},
		{"20 jaar na afloop programmeringsperiode", "define it as a named event (such as afloop-programmeringsperiode)"},
		{"3 years after the end of the event", `cannot read the event "the end of the event" after "after"`},
		{"3 Jahre ab Veranstaltungsende, danach gelöscht", `cannot read the event "Veranstaltungsende" after "ab"`},
		{"bis zum Ende der Veranstaltung", `cannot read the event "Ende der Veranstaltung" after "bis zum"`},
		{"2 years after collection or until the end of the event", `cannot read the event "the end of the event" after "until"`},
		{"3 jaar na het laatste contact of het einde van de overeenkomst", "several events to count the period from (last-contact, contract-end)"},
		{"5 jaar na einde contract of het einde van de samenwerking", "several events to count the period from (contract-end, relationship-end)"},
		{"3 jaar, daarna geanonimiseerd of vernietigd", "anonymise and destroy"},
		{"tot het einde van het kalenderjaar na het laatste contact", "gives no period"},
		// a clause before the period whose start is no event
		{"Once we have concluded your request we will keep the information for 2 years.", `cannot read the event "we have concluded your request" after "Once"; if it is an event of the register, define it as a named event (such as concluded-request)`},
		{"Zodra de zaak is gesloten bewaren wij de gegevens 5 jaar", `cannot read the event "de zaak is gesloten" after "Zodra"; if it is an event of the register, define it as a named event (such as zaak-gesloten)`},
		{"Une fois votre demande traitée, nous conservons les données 2 ans", `cannot read the event "votre demande traitée" after "Une fois"`},
		{"Sobald Ihre Anfrage abgeschlossen ist, speichern wir die Daten 2 Jahre", "(such as anfrage-abgeschlossen)"},
		{"Na afloop van het project 5 jaar", `cannot read the event "afloop van het project" after "Na"`},
		// the verbs after an event are not part of it
		{"bis zum Ende der Veranstaltung gespeichert und dann gelöscht", `cannot read the event "Ende der Veranstaltung" after "bis zum"`},
		{"tot het einde van het evenement bewaard en daarna verwijderd", `cannot read the event "het einde van het evenement" after "tot"`},
		// an event with no period
		{"direct na sluiting zaak", `cannot read the event "sluiting zaak" after "na"; if it is an event of the register, define it as a named event (such as sluiting-zaak)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Parse(tt.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestVague(t *testing.T) {
	assert.True(t, Term{Criteria: "zo lang als nodig"}.Vague())
	assert.True(t, Term{Criteria: "no longer than necessary for the purposes"}.Vague())
	assert.False(t, Term{Criteria: "no longer than necessary; determined based on the period of use"}.Vague())
	assert.False(t, Term{Criteria: "the period of use of our services"}.Vague())
	assert.False(t, Term{Period: Period{Years: 1}, From: Collection}.Vague())
	assert.False(t, Term{Law: "Camerawet"}.Vague())
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Tot 3 jaar na moment van contactname. Chats worden na 7 dagen verwijderd",
		"1 maand, tenzij in geval van incidenten met oog op onderzoek",
		"10 jaar voor persoonlijke vorderingen en 30 jaar voor zakelijke vorderingen",
		"1 jaar 27 dagen", "until consent is withdrawn", "İ 2 jaar voor Ö", "a year and a day",
		"1 Jahr nach Austritt", "20 jaar na afloop programmeringsperiode", "7 jaar vanaf 1 januari volgend op het boekjaar",
		"3 jaar na het laatste contact, daarna geanonimiseerd", "2 years after collection or until consent is withdrawn",
		"bis zum Ende der Veranstaltung", "1 jaar, tenzij een wettelijke bewaarplicht langer is",
		"Once we have concluded your request we will keep the information for 2 years.",
		"Persoonsregistratie: 110 jaar, gegevensverstrekking binnen gemeente 5 jaar, correspondentie 1 jaar",
		"bis zum Ablauf der Mitgliedschaft gespeichert und dann gelöscht", "direct na sluiting zaak",
		"Une fois votre demande traitée, nous conservons les données 2 ans", "klanten minstens 5 jaar, leveranciers 3 jaar",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms, err := Parse(s)
		if err != nil {
			return
		}
		if len(terms) == 0 {
			t.Fatalf("Parse(%q) returned no term and no error", s)
		}
		for _, term := range terms {
			if verr := term.Validate(); verr != nil {
				t.Fatalf("Parse(%q) returned an invalid term %+v: %v", s, term, verr)
			}
			for _, l := range lang.All() {
				_ = term.Words(l)
			}
		}
	})
}

func TestLowerSameLen(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"as long as needed":  "as long as needed",
		"As Long As NEEDED":  "as long as needed",
		"Zo lang als NODIG":  "zo lang als nodig",
		"Période DE Contrat": "période de contrat",
		"İstanbul":           "İstanbul", // its lower case is longer: kept
	} {
		got := lowerSameLen(in)
		assert.Equal(t, want, got, in)
		assert.Len(t, got, len(in), in)
	}
}
