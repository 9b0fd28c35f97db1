package notice_test

import (
	"fmt"
	"os"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/notice"
	"github.com/openropa/registry/ropa"
)

func ExampleWrite() {
	reg, _, err := examples.Load("wengage")
	if err != nil {
		panic(err)
	}
	reg.Activities = reg.Activities[1:2] // the newsletter only
	reg.Entities = nil
	err = notice.Write(os.Stdout, reg, notice.WithLang(lang.English), notice.WithFormat(notice.Markdown), notice.At(ropa.NewDate(2026, 11, 21)))
	if err != nil {
		panic(err)
	}
	// Output:
	// # Privacy notice WEngage Groep
	//
	// This notice explains how WEngage Groep processes your personal data (Articles 13 and 14 GDPR).
	//
	// ## Who is responsible for your data
	//
	// WEngage Groep is the controller of your personal data.
	//
	// - **Address**: Belgium
	// - **Postal address**: Woluwelaan 158, 1831 Machelen, Belgium
	// - **E-mail**: dpo@wengage.eu
	// - **Website**: https://www.wengage.eu
	//
	// ### Data protection officer
	//
	// You can contact our data protection officer:
	//
	// - **E-mail**: dpo@wengage.eu
	// - **Address**: WEngage, t.a.v. de DPO, Woluwelaan 158, 1831 Machelen, Belgium
	//
	// ## What we process, why, on what basis and for how long
	//
	// | Purpose | Personal data | Legal basis | Retention |
	// | --- | --- | --- | --- |
	// | **Nieuwsbrieven en elektronisch marketingmateriaal**<br>Het promoten van onze activiteiten en diensten, door uw contactgegevens te gebruiken om nieuwsbrieven of ander (elektronisch) marketingmateriaal naar u te versturen, indien u hiertoe uitdrukkelijk uw toestemming verleent via het inschrijvingsformulier op onze website of op een andere manier | E-mailadres | Consent (Art. 6(1)(a) GDPR) | until consent is withdrawn or until an objection<br>Tot het intrekken van uw toestemming of het uitoefenen van uw recht van bezwaar tegen direct marketing (in ieder e-mailbericht is een uitschrijflink opgenomen). |
	//
	// ## Who receives your data
	//
	// ### Companies of our group
	//
	// - **Ondernemingen van de WEngage-groep**: om administratieve en infrastructuur-gerelateerde redenen en om commerciële redenen
	//
	// ### Processors acting on our behalf
	//
	// - **Verwerkers die ons op technisch of IT-gebied bijstaan**: zoals softwaredienstverleners en providers van callcentersystemen of onderleveranciers van callcenterdiensten
	//
	// ### Other recipients
	//
	// - **Postbedrijven en koeriersdiensten**: indien wij u schriftelijke communicaties of zaken moeten toezenden
	// - **Betalingsdienstverleners**: indien wij betalingen van u ontvangen, of betalingen naar u overmaken
	// - **Verzekeraars**: in het kader van de dekking van onze professionele aansprakelijkheid
	// - **Externe vertegenwoordigers, consultants of enige andere zakenpartners**: betrokken bij de uitbating van onze ondernemingen en de levering van onze diensten
	// - **Organisaties waarmee wij een zakelijke transactie sluiten**: bv. in het kader van een fusie, of bij de overdracht van entiteiten of bedrijfsactiva
	// - **Overheidsorganen, gerechtelijke instanties en beoefenaars van gereglementeerde beroepen zoals boekhouders en advocaten, of andere onafhankelijke externe adviseurs**: met het oog op de naleving van onze wettelijke verplichtingen en verdediging van onze belangen, voor zover vereist
	//
	// ## Transfers outside the European Economic Area
	//
	// Some of your data are transferred to countries outside the European Economic Area, on these grounds:
	//
	// - **Country not stated**: Gelet op de vestigingslocaties van bepaalde van onze werkers is het mogelijk dat wij uw gegevens in bepaalde gevallen buiten de EER laten verwerken, uitsluitend in of vanuit landen waarvan de Europese Commissie heeft bevestigd dat ze een passend beschermingsniveau waarborgen, of wanneer andere maatregelen genomen zijn om de rechtmatige verwerking in deze derde landen te waarborgen. De landen en de maatregelen worden niet genoemd.
	//
	// ## Your rights
	//
	// Which rights you have depends on the legal basis of the processing:
	//
	// | Legal basis | Access (Art. 15 GDPR) | Rectification (Art. 16 GDPR) | Erasure (Art. 17 GDPR) | Restriction of processing (Art. 18 GDPR) | Data portability (Art. 20 GDPR) | Objection (Art. 21(1) GDPR) | Withdrawal of consent (Art. 7(3) GDPR) |
	// | --- | --- | --- | --- | --- | --- | --- | --- |
	// | **Consent** | applies | applies | applies | applies | applies | not applicable | applies |
	//
	// Where we process your data on the basis of your consent, you may withdraw it at any time; this does not affect the lawfulness of the processing before the withdrawal (Art. 7(3) GDPR).
	//
	// You may object at any time to the use of your data for direct marketing (Art. 21(2) GDPR).
	//
	// To exercise a right, contact us: dpo@wengage.eu.
	//
	// ## Complaints
	//
	// You have the right to lodge a complaint with a supervisory authority, in particular in the member state of your habitual residence, place of work or place of the alleged infringement (Art. 77 GDPR).
	//
	// The supervisory authority where we are established (Belgium):
	//
	// - **Data Protection Authority**
	// - **Address**: Rue de la Presse 35, 1000 Brussels
	// - **Website**: https://www.dataprotectionauthority.be
}

func ExampleCheck() {
	reg, _, err := examples.Load("wengage")
	if err != nil {
		panic(err)
	}
	reg.Activities = reg.Activities[1:2] // the newsletter only
	reg.Activities[0].Recipients = reg.Activities[0].Recipients[:1]
	published := `<p>Wij versturen nieuwsbrieven en marketingmateriaal om onze activiteiten en diensten te promoten,
		als u via het inschrijvingsformulier op onze website uitdrukkelijk toestemming geeft, door uw contactgegevens te gebruiken.
		U kunt uw toestemming intrekken of bezwaar maken; u heeft een recht op inzage, rectificatie en wissing.</p>`
	for _, g := range notice.Check(published, reg) {
		fmt.Printf("%s: %s (%s)\n", g.Kind, g.What, g.Path)
	}
	// Output:
	// recipient: Ondernemingen van de WEngage-groep (activities[0].recipients[0].name)
	// right: Beperking van de verwerking (art. 18 AVG) (activities[0].purposes[0].bases[0])
	// right: Overdraagbaarheid van gegevens (art. 20 AVG) (activities[0].purposes[0].bases[0])
	// right: Recht om een klacht in te dienen bij een toezichthoudende autoriteit (art. 77 AVG) (organisation)
}
