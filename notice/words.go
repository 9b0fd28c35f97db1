package notice

import "github.com/openropa/registry/lang"

// words holds the fixed text of a notice in English, Dutch, French and
// German, in the order of lang.All. The articles in them are cited with
// lang.Cite where they are built, not here.
var words = map[string][4]string{
	"title":           {"Privacy notice", "Privacyverklaring", "Déclaration de confidentialité", "Datenschutzerklärung"},
	"intro":           {"This notice explains how %s processes your personal data (Articles 13 and 14 GDPR).", "Deze verklaring legt uit hoe %s uw persoonsgegevens verwerkt (artikelen 13 en 14 AVG).", "Cette déclaration explique comment %s traite vos données à caractère personnel (articles 13 et 14 du RGPD).", "Diese Erklärung erläutert, wie %s Ihre personenbezogenen Daten verarbeitet (Art. 13 und 14 DSGVO)."},
	"controller":      {"Who is responsible for your data", "Wie is verantwoordelijk voor uw gegevens", "Qui est responsable de vos données", "Wer für Ihre Daten verantwortlich ist"},
	"controller.text": {"%s is the controller of your personal data.", "%s is de verwerkingsverantwoordelijke voor uw persoonsgegevens.", "%s est le responsable du traitement de vos données à caractère personnel.", "%s ist der Verantwortliche für Ihre personenbezogenen Daten."},
	"entities":        {"This notice also applies to:", "Deze verklaring geldt ook voor:", "Cette déclaration s'applique aussi à :", "Diese Erklärung gilt auch für:"},
	"dpo":             {"Data protection officer", "Functionaris voor gegevensbescherming", "Délégué à la protection des données", "Datenschutzbeauftragter"},
	"dpo.text":        {"You can contact our data protection officer:", "U kunt onze functionaris voor gegevensbescherming bereiken:", "Vous pouvez joindre notre délégué à la protection des données :", "Sie erreichen unseren Datenschutzbeauftragten:"},
	"email":           {"E-mail", "E-mail", "E-mail", "E-Mail"},
	"phone":           {"Telephone", "Telefoon", "Téléphone", "Telefon"},
	"website":         {"Website", "Website", "Site web", "Website"},
	"address":         {"Address", "Adres", "Adresse", "Anschrift"},
	"postal":          {"Postal address", "Postadres", "Adresse postale", "Postanschrift"},
	"registration":    {"Registration", "Inschrijving", "Immatriculation", "Registrierung"},

	"purposes":      {"What we process, why, on what basis and for how long", "Welke gegevens wij verwerken, waarom, op welke grond en hoe lang", "Quelles données nous traitons, pourquoi, sur quelle base et pendant combien de temps", "Welche Daten wir verarbeiten, wozu, auf welcher Rechtsgrundlage und wie lange"},
	"col.purpose":   {"Purpose", "Doeleinde", "Finalité", "Zweck"},
	"col.data":      {"Personal data", "Persoonsgegevens", "Données à caractère personnel", "Personenbezogene Daten"},
	"col.basis":     {"Legal basis", "Rechtsgrond", "Base juridique", "Rechtsgrundlage"},
	"col.retention": {"Retention", "Bewaartermijn", "Durée de conservation", "Speicherdauer"},
	"interest":      {"Interest pursued: %s", "Nagestreefd belang: %s", "Intérêt poursuivi : %s", "Verfolgtes Interesse: %s"},
	"under":         {"under %s", "op grond van %s", "en vertu de %s", "gemäß %s"},
	"not-stated":    {"Not stated", "Niet vermeld", "Non précisé", "Nicht angegeben"},

	"recipients":                  {"Who receives your data", "Wie uw gegevens ontvangt", "Qui reçoit vos données", "Wer Ihre Daten erhält"},
	"recipients.internal":         {"Within our organisation", "Binnen onze organisatie", "Au sein de notre organisation", "Innerhalb unserer Organisation"},
	"recipients.group":            {"Companies of our group", "Ondernemingen van onze groep", "Sociétés de notre groupe", "Unternehmen unserer Gruppe"},
	"recipients.processor":        {"Processors acting on our behalf", "Verwerkers die in onze opdracht handelen", "Sous-traitants agissant pour notre compte", "Auftragsverarbeiter, die in unserem Auftrag handeln"},
	"recipients.controller":       {"Other controllers", "Andere verwerkingsverantwoordelijken", "Autres responsables du traitement", "Andere Verantwortliche"},
	"recipients.joint-controller": {"Joint controllers", "Gezamenlijke verwerkingsverantwoordelijken", "Responsables conjoints du traitement", "Gemeinsam Verantwortliche"},
	"recipients.authority":        {"Public authorities", "Overheidsinstanties", "Autorités publiques", "Behörden"},
	"recipients.other":            {"Other recipients", "Andere ontvangers", "Autres destinataires", "Sonstige Empfänger"},

	"transfers":          {"Transfers outside the European Economic Area", "Doorgifte buiten de Europese Economische Ruimte", "Transferts hors de l'Espace économique européen", "Übermittlungen außerhalb des Europäischen Wirtschaftsraums"},
	"transfers.text":     {"Some of your data are transferred to countries outside the European Economic Area, on these grounds:", "Sommige van uw gegevens worden doorgegeven naar landen buiten de Europese Economische Ruimte, op deze gronden:", "Certaines de vos données sont transférées vers des pays situés hors de l'Espace économique européen, sur ces fondements :", "Einige Ihrer Daten werden in Länder außerhalb des Europäischen Wirtschaftsraums übermittelt, auf folgenden Grundlagen:"},
	"country-not-stated": {"Country not stated", "Land niet vermeld", "Pays non précisé", "Land nicht angegeben"},
	"recipient":          {"recipient: %s", "ontvanger: %s", "destinataire : %s", "Empfänger: %s"},
	"copy":               {"You can obtain a copy of these safeguards from us: %s.", "U kunt een kopie van deze waarborgen bij ons opvragen: %s.", "Vous pouvez obtenir une copie de ces garanties auprès de nous : %s.", "Eine Kopie dieser Garantien erhalten Sie bei uns: %s."},

	"sources":            {"Data we do not obtain from you", "Gegevens die wij niet van u verkrijgen", "Données que nous n'obtenons pas auprès de vous", "Daten, die wir nicht bei Ihnen erheben"},
	"sources.text":       {"We obtain these data from others than you:", "Deze gegevens verkrijgen wij van anderen dan uzelf:", "Nous obtenons ces données auprès d'autres personnes que vous :", "Diese Daten erhalten wir nicht von Ihnen selbst:"},
	"source":             {"source: %s", "bron: %s", "source : %s", "Quelle: %s"},
	"source.third-party": {"a third party", "een derde", "un tiers", "ein Dritter"},
	"source.public":      {"publicly accessible sources", "openbaar toegankelijke bronnen", "sources accessibles au public", "öffentlich zugängliche Quellen"},
	"source.authority":   {"a public authority", "een overheidsinstantie", "une autorité publique", "eine Behörde"},

	"requirement":                 {"Must you provide your data?", "Bent u verplicht uw gegevens te verstrekken?", "Êtes-vous obligé de fournir vos données ?", "Müssen Sie Ihre Daten bereitstellen?"},
	"requirement.statutory":       {"required by law", "wettelijk verplicht", "obligatoire en vertu de la loi", "gesetzlich vorgeschrieben"},
	"requirement.contractual":     {"required by a contract", "contractueel verplicht", "obligatoire en vertu d'un contrat", "vertraglich vorgeschrieben"},
	"requirement.pre-contractual": {"necessary to enter into a contract", "noodzakelijk om een overeenkomst te sluiten", "nécessaire pour conclure un contrat", "für einen Vertragsabschluss erforderlich"},
	"requirement.voluntary":       {"voluntary: you need not provide them", "vrijwillig: u bent niet verplicht ze te verstrekken", "facultatif : vous n'êtes pas obligé de les fournir", "freiwillig: Sie müssen sie nicht bereitstellen"},
	"if-not":                      {"If you do not provide them: %s", "Als u ze niet verstrekt: %s", "Si vous ne les fournissez pas : %s", "Wenn Sie sie nicht bereitstellen: %s"},

	"automated":                  {"Automated decisions", "Geautomatiseerde besluitvorming", "Décisions automatisées", "Automatisierte Entscheidungen"},
	"automated.yes":              {"%s involves decisions based solely on automated processing (%s).", "%s omvat besluiten die uitsluitend op geautomatiseerde verwerking berusten (%s).", "%s comporte des décisions fondées exclusivement sur un traitement automatisé (%s).", "%s umfasst ausschließlich auf einer automatisierten Verarbeitung beruhende Entscheidungen (%s)."},
	"automated.none":             {"We take no decisions based solely on automated processing.", "Wij nemen geen besluiten die uitsluitend op geautomatiseerde verwerking berusten.", "Nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé.", "Wir treffen keine ausschließlich auf einer automatisierten Verarbeitung beruhenden Entscheidungen."},
	"ground":                     {"Ground: %s (%s).", "Grond: %s (%s).", "Fondement : %s (%s).", "Grundlage: %s (%s)."},
	"safeguards":                 {"Safeguards: %s", "Waarborgen: %s", "Garanties : %s", "Schutzmaßnahmen: %s"},
	"human":                      {"You may obtain human intervention, express your point of view and contest the decision.", "U kunt menselijke tussenkomst verkrijgen, uw standpunt kenbaar maken en het besluit aanvechten.", "Vous pouvez obtenir une intervention humaine, exprimer votre point de vue et contester la décision.", "Sie können das Eingreifen einer Person erwirken, Ihren Standpunkt darlegen und die Entscheidung anfechten."},
	"exception.contract":         {"necessary for a contract with you", "noodzakelijk voor een overeenkomst met u", "nécessaire à un contrat avec vous", "für einen Vertrag mit Ihnen erforderlich"},
	"exception.law":              {"authorised by law", "toegestaan bij wet", "autorisée par la loi", "gesetzlich zugelassen"},
	"exception.explicit-consent": {"your explicit consent", "uw uitdrukkelijke toestemming", "votre consentement explicite", "Ihre ausdrückliche Einwilligung"},

	"rights":          {"Your rights", "Uw rechten", "Vos droits", "Ihre Rechte"},
	"rights.text":     {"Which rights you have depends on the legal basis of the processing:", "Welke rechten u heeft, hangt af van de rechtsgrond van de verwerking:", "Les droits dont vous disposez dépendent de la base juridique du traitement :", "Welche Rechte Ihnen zustehen, hängt von der Rechtsgrundlage der Verarbeitung ab:"},
	"rights.exercise": {"To exercise a right, contact us: %s.", "Om een recht uit te oefenen, neemt u contact met ons op: %s.", "Pour exercer un droit, contactez-nous : %s.", "Um ein Recht auszuüben, wenden Sie sich an uns: %s."},
	"withdraw":        {"Where we process your data on the basis of your consent, you may withdraw it at any time; this does not affect the lawfulness of the processing before the withdrawal (%s).", "Wanneer wij uw gegevens op basis van uw toestemming verwerken, kunt u die op elk moment intrekken; dat laat de rechtmatigheid van de verwerking vóór de intrekking onverlet (%s).", "Lorsque nous traitons vos données sur la base de votre consentement, vous pouvez le retirer à tout moment ; cela ne compromet pas la licéité du traitement effectué avant ce retrait (%s).", "Soweit wir Ihre Daten auf Grundlage Ihrer Einwilligung verarbeiten, können Sie sie jederzeit widerrufen; die Rechtmäßigkeit der bis zum Widerruf erfolgten Verarbeitung bleibt davon unberührt (%s)."},
	"marketing":       {"You may object at any time to the use of your data for direct marketing (%s).", "U kunt zich op elk moment verzetten tegen het gebruik van uw gegevens voor direct marketing (%s).", "Vous pouvez vous opposer à tout moment à l'utilisation de vos données à des fins de prospection (%s).", "Sie können der Verwendung Ihrer Daten für Direktwerbung jederzeit widersprechen (%s)."},

	"complaint":      {"Complaints", "Klachten", "Réclamations", "Beschwerden"},
	"complaint.text": {"You have the right to lodge a complaint with a supervisory authority, in particular in the member state of your habitual residence, place of work or place of the alleged infringement (%s).", "U heeft het recht een klacht in te dienen bij een toezichthoudende autoriteit, met name in de lidstaat waar u gewoonlijk verblijft, waar u werkt of waar de beweerde inbreuk heeft plaatsgevonden (%s).", "Vous avez le droit d'introduire une réclamation auprès d'une autorité de contrôle, en particulier dans l'État membre de votre résidence habituelle, de votre lieu de travail ou du lieu où la violation aurait été commise (%s).", "Sie haben das Recht auf Beschwerde bei einer Aufsichtsbehörde, insbesondere in dem Mitgliedstaat Ihres gewöhnlichen Aufenthaltsorts, Ihres Arbeitsplatzes oder des Orts des mutmaßlichen Verstoßes (%s)."},
	"authority":      {"The supervisory authority where we are established (%s):", "De toezichthoudende autoriteit waar wij gevestigd zijn (%s):", "L'autorité de contrôle du lieu de notre établissement (%s) :", "Die Aufsichtsbehörde an unserem Sitz (%s):"},
	"competence":     {"This authority is not competent for every organisation: %s.", "Deze autoriteit is niet voor elke organisatie bevoegd: voor veel organisaties is een andere toezichthoudende autoriteit van dit land bevoegd.", "Cette autorité n'est pas compétente pour toutes les organisations : pour beaucoup d'entre elles, une autre autorité de contrôle de ce pays est compétente.", "Diese Behörde ist nicht für jede Stelle zuständig: für viele Stellen ist eine andere Aufsichtsbehörde dieses Landes zuständig."},
}

// index is the position of a language in the rows of words; an unknown
// language is English.
func index(l lang.Lang) int {
	switch l {
	case lang.Dutch:
		return 1
	case lang.French:
		return 2
	case lang.German:
		return 3
	}
	return 0
}

// word returns a fixed text in a language.
func word(key string, l lang.Lang) string {
	w, ok := words[key]
	if !ok {
		return key // a key with no words shows itself; TestWordsComplete lists the keys
	}
	return w[index(l)]
}
