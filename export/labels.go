package export

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/ropa"
)

// Lang is a language of the workbooks: "en", "nl", "fr" or "de" (see
// package lang).
type Lang = lang.Lang

// The languages of the workbooks.
const (
	English = lang.English
	Dutch   = lang.Dutch
	French  = lang.French
	German  = lang.German
)

// Langs lists the languages of the workbooks.
func Langs() []Lang { return lang.All() }

// langOf returns the workbook language for a BCP 47 tag ("nl-BE" is Dutch),
// or English.
func langOf(tag string) Lang {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if l := Lang(base); l.Valid() {
		return l
	}
	return English
}

func index(l Lang) int {
	switch l {
	case Dutch:
		return 1
	case French:
		return 2
	case German:
		return 3
	}
	return 0
}

// words holds every fixed text of the workbooks in en, nl, fr, de.
var words = map[string][4]string{
	// Sheet names (at most 31 characters, none of []:*?/\).
	"sheet.cover":      {"Register", "Register", "Registre", "Verzeichnis"},
	"sheet.activities": {"Activities", "Verwerkingen", "Traitements", "Tätigkeiten"},
	"sheet.purposes":   {"Purposes and bases", "Doeleinden en grondslagen", "Finalités et bases", "Zwecke und Rechtsgrundlagen"},
	"sheet.data":       {"Data categories", "Gegevenscategorieën", "Catégories de données", "Datenkategorien"},
	"sheet.recipients": {"Recipients", "Ontvangers", "Destinataires", "Empfänger"},
	"sheet.transfers":  {"Transfers", "Doorgiften", "Transferts", "Übermittlungen"},
	"sheet.retention":  {"Retention", "Bewaartermijnen", "Conservation", "Löschfristen"},
	"sheet.measures":   {"Measures", "Maatregelen", "Mesures", "Maßnahmen"},
	"sheet.processing": {"Processor records", "Register als verwerker", "Registre du sous-traitant", "Auftragsverarbeitung"},
	"sheet.waivers":    {"Waivers", "Aanvaarde bevindingen", "Constats acceptés", "Akzeptierte Befunde"},
	"sheet.findings":   {"Findings", "Bevindingen", "Constats", "Befunde"},
	"sheet.lists":      {"Lists", "Lijsten", "Listes", "Listen"},

	// Cover.
	"cover.title":           {"Record of processing activities (Art. 30 GDPR)", "Register van de verwerkingsactiviteiten (art. 30 AVG)", "Registre des activités de traitement (art. 30 RGPD)", "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)"},
	"cover.controller":      {"Controller", "Verwerkingsverantwoordelijke", "Responsable du traitement", "Verantwortlicher"},
	"cover.entities":        {"Group entities", "Entiteiten van de groep", "Entités du groupe", "Konzerngesellschaften"},
	"cover.dpo":             {"Data protection officer", "Functionaris voor gegevensbescherming", "Délégué à la protection des données", "Datenschutzbeauftragter"},
	"cover.representative":  {"Representative", "Vertegenwoordiger", "Représentant", "Vertreter"},
	"cover.updated":         {"Last review of the register", "Laatste herziening van het register", "Dernière révision du registre", "Letzte Überprüfung des Verzeichnisses"},
	"cover.schema":          {"Format version", "Formaatversie", "Version du format", "Formatversion"},
	"cover.language":        {"Language of the register", "Taal van het register", "Langue du registre", "Sprache des Verzeichnisses"},
	"cover.checked":         {"Checked as of", "Gecontroleerd op", "Vérifié au", "Geprüft zum"},
	"cover.summary":         {"Findings", "Bevindingen", "Constats", "Befunde"},
	"cover.legend":          {"Columns marked * hold what Art. 30 GDPR requires.", "Kolommen met * bevatten wat art. 30 AVG vereist.", "Les colonnes marquées * contiennent ce qu'exige l'art. 30 RGPD.", "Mit * markierte Spalten enthalten, was Art. 30 DSGVO verlangt."},
	"field.name":            {"Name", "Naam", "Nom", "Name"},
	"field.registration":    {"Registration", "Registratie", "Immatriculation", "Registrierung"},
	"field.address":         {"Address", "Adres", "Adresse", "Anschrift"},
	"field.email":           {"E-mail", "E-mail", "Courriel", "E-Mail"},
	"field.phone":           {"Telephone", "Telefoon", "Téléphone", "Telefon"},
	"field.website":         {"Website", "Website", "Site web", "Website"},
	"field.employees":       {"Employees", "Werknemers", "Salariés", "Beschäftigte"},
	"field.publicAuthority": {"Public authority", "Overheidsinstantie", "Autorité publique", "Behörde"},

	// Printed pages.
	"print.page":    {"Page &P of &N", "Pagina &P van &N", "Page &P sur &N", "Seite &P von &N"},
	"print.updated": {"Register of", "Register van", "Registre du", "Verzeichnis vom"},

	// Values written in words.
	"notStated": {"country not stated", "land niet vermeld", "pays non indiqué", "Land nicht angegeben"},
	"data.all":  {"all data categories", "alle gegevenscategorieën", "toutes les catégories de données", "alle Datenkategorien"},

	// Column headings.
	"col.activityId":       {"Activity ID", "ID verwerking", "ID du traitement", "ID der Tätigkeit"},
	"col.activity":         {"Activity", "Verwerking", "Traitement", "Tätigkeit"},
	"col.id":               {"ID", "ID", "ID", "ID"},
	"col.name":             {"Name", "Naam", "Nom", "Bezeichnung"},
	"col.description":      {"Description", "Beschrijving", "Description", "Beschreibung"},
	"col.jointControllers": {"Joint controllers", "Gezamenlijke verwerkingsverantwoordelijken", "Responsables conjoints", "Gemeinsam Verantwortliche"},
	"col.purposes":         {"Purposes of the processing", "Verwerkingsdoeleinden", "Finalités du traitement", "Zwecke der Verarbeitung"},
	"col.bases":            {"Lawful bases", "Rechtsgronden", "Bases légales", "Rechtsgrundlagen"},
	"col.subjects":         {"Categories of data subjects", "Categorieën van betrokkenen", "Catégories de personnes concernées", "Kategorien betroffener Personen"},
	"col.categories":       {"Categories of personal data", "Categorieën van persoonsgegevens", "Catégories de données personnelles", "Kategorien personenbezogener Daten"},
	"col.special":          {"Special categories (Art. 9) or criminal data (Art. 10)", "Bijzondere categorieën (art. 9) of strafrechtelijke gegevens (art. 10)", "Catégories particulières (art. 9) ou données pénales (art. 10)", "Besondere Kategorien (Art. 9) oder Strafdaten (Art. 10)"},
	"col.recipients":       {"Categories of recipients", "Categorieën van ontvangers", "Catégories de destinataires", "Kategorien von Empfängern"},
	"col.transfers":        {"Transfers to third countries or international organisations", "Doorgiften aan derde landen of internationale organisaties", "Transferts vers des pays tiers ou organisations internationales", "Übermittlungen an Drittländer oder internationale Organisationen"},
	"col.retention":        {"Time limits for erasure", "Termijnen voor het wissen", "Délais d'effacement", "Fristen für die Löschung"},
	"col.measures":         {"Technical and organisational security measures", "Technische en organisatorische beveiligingsmaatregelen", "Mesures de sécurité techniques et organisationnelles", "Technische und organisatorische Maßnahmen"},
	"col.dpia":             {"DPIA", "GEB", "AIPD", "DSFA"},
	"col.automated":        {"Automated decisions (Art. 22)", "Geautomatiseerde besluitvorming (art. 22)", "Décisions automatisées (art. 22)", "Automatisierte Entscheidungen (Art. 22)"},
	"col.ended":            {"End date of the processing", "Einddatum verwerking", "Date de fin du traitement", "Enddatum der Verarbeitung"},
	"col.replacedBy":       {"Replacing processing", "Plaatsvervangende verwerking", "Traitement de remplacement", "Ersetzende Verarbeitung"},
	"col.notes":            {"Notes", "Opmerkingen", "Remarques", "Bemerkungen"},
	"col.purposeNo":        {"Purpose #", "Doeleinde nr.", "Finalité n°", "Zweck Nr."},
	"col.subjectIds":       {"Data subject IDs", "ID's van betrokkenen", "ID des personnes concernées", "IDs der betroffenen Personen"},
	"col.dataIds":          {"Data category IDs", "ID's van gegevenscategorieën", "ID des catégories de données", "IDs der Datenkategorien"},
	"col.purpose":          {"Purpose", "Doeleinde", "Finalité", "Zweck"},
	"col.basis":            {"Lawful basis", "Rechtsgrond", "Base légale", "Rechtsgrundlage"},
	"col.article":          {"Article", "Artikel", "Article", "Artikel"},
	"col.interest":         {"Legitimate interest", "Gerechtvaardigd belang", "Intérêt légitime", "Berechtigtes Interesse"},
	"col.assessment":       {"Assessment", "Beoordeling", "Évaluation", "Bewertung"},
	"col.law":              {"Law", "Wet", "Loi", "Gesetz"},
	"col.note":             {"Note", "Opmerking", "Remarque", "Hinweis"},
	"col.conditions":       {"Art. 9(2) condition or Art. 10 ground", "Voorwaarde art. 9, lid 2, of grond art. 10", "Condition de l'art. 9, § 2, ou motif de l'art. 10", "Bedingung Art. 9 Abs. 2 oder Grund Art. 10"},
	"col.rights":           {"Rights of data subjects", "Rechten van betrokkenen", "Droits des personnes concernées", "Rechte der betroffenen Personen"},
	"col.directMarketing":  {"Direct marketing", "Direct marketing", "Prospection", "Direktwerbung"},
	"col.category":         {"Data category", "Gegevenscategorie", "Catégorie de données", "Datenkategorie"},
	"col.criminal":         {"Criminal-offence data (Art. 10)", "Strafrechtelijke gegevens (art. 10)", "Données pénales (art. 10)", "Strafrechtliche Daten (Art. 10)"},
	"col.sources":          {"Source", "Bron", "Source", "Quelle"},
	"col.sourceNote":       {"Source as stated", "Bron zoals vermeld", "Source telle qu'indiquée", "Quelle wie angegeben"},
	"col.recipient":        {"Recipient", "Ontvanger", "Destinataire", "Empfänger"},
	"col.kind":             {"Kind", "Soort", "Type", "Art"},
	"col.country":          {"Country", "Land", "Pays", "Land"},
	"col.agreement":        {"Agreement (Art. 28(3))", "Overeenkomst (art. 28, lid 3)", "Contrat (art. 28, § 3)", "Vertrag (Art. 28 Abs. 3)"},
	"col.organisation":     {"International organisation", "Internationale organisatie", "Organisation internationale", "Internationale Organisation"},
	"col.mechanism":        {"Transfer mechanism", "Doorgiftemechanisme", "Mécanisme de transfert", "Übermittlungsinstrument"},
	"col.reference":        {"Reference", "Referentie", "Référence", "Referenz"},
	"col.tia":              {"Transfer impact assessment", "Doorgiftebeoordeling", "Évaluation de l'impact du transfert", "Transfer-Folgenabschätzung"},
	"col.dpf":              {"Data Privacy Framework", "Data Privacy Framework", "Data Privacy Framework", "Data Privacy Framework"},
	"col.scope":            {"Scope of the adequacy decision", "Reikwijdte van het adequaatheidsbesluit", "Portée de la décision d'adéquation", "Geltungsbereich des Angemessenheitsbeschlusses"},
	"col.derogation":       {"Derogation (Art. 49)", "Afwijking (art. 49)", "Dérogation (art. 49)", "Ausnahme (Art. 49)"},
	"col.safeguards":       {"Documented safeguards (Art. 49(6))", "Gedocumenteerde waarborgen (art. 49, lid 6)", "Garanties documentées (art. 49, § 6)", "Dokumentierte Garantien (Art. 49 Abs. 6)"},
	"col.dataFor":          {"Data categories", "Gegevenscategorieën", "Catégories de données", "Datenkategorien"},
	"col.term":             {"Retention term", "Bewaartermijn", "Durée de conservation", "Speicherfrist"},
	"col.period":           {"Period (ISO 8601)", "Termijn (ISO 8601)", "Durée (ISO 8601)", "Frist (ISO 8601)"},
	"col.from":             {"Starts", "Begint", "Commence", "Beginnt"},
	"col.until":            {"Ends at", "Eindigt bij", "Prend fin à", "Endet mit"},
	"col.criteria":         {"Criteria", "Criteria", "Critères", "Kriterien"},
	"col.text":             {"As the source states it", "Zoals de bron het stelt", "Tel que la source l'indique", "Wie die Quelle es angibt"},
	"col.usedBy":           {"Applies to", "Van toepassing op", "S'applique à", "Gilt für"},
	"col.controllers":      {"Controllers on whose behalf", "Verwerkingsverantwoordelijken voor wie", "Responsables pour le compte desquels", "Verantwortliche, in deren Auftrag"},
	"col.processingCats":   {"Categories of processing", "Categorieën van verwerkingen", "Catégories de traitements", "Kategorien von Verarbeitungen"},
	"col.subProcessors":    {"Sub-processors", "Subverwerkers", "Sous-traitants ultérieurs", "Unterauftragsverarbeiter"},
	"col.rule":             {"Rule", "Regel", "Règle", "Regel"},
	"col.path":             {"Element", "Element", "Élément", "Element"},
	"col.reason":           {"Reason", "Reden", "Motif", "Begründung"},
	"col.severity":         {"Severity", "Ernst", "Gravité", "Schweregrad"},
	"col.message":          {"Finding", "Bevinding", "Constat", "Befund"},
	"col.waiver":           {"Waived because", "Aanvaard omdat", "Accepté parce que", "Akzeptiert, weil"},

	// Values.
	"yes":                        {"yes", "ja", "oui", "ja"},
	"no":                         {"no", "nee", "non", "nein"},
	"severity.error":             {"error", "fout", "erreur", "Fehler"},
	"severity.warning":           {"warning", "waarschuwing", "avertissement", "Warnung"},
	"severity.info":              {"advice", "advies", "conseil", "Hinweis"},
	"measure.technical":          {"technical", "technisch", "technique", "technisch"},
	"measure.organisational":     {"organisational", "organisatorisch", "organisationnelle", "organisatorisch"},
	"subject.customer":           {"customers", "klanten", "clients", "Kunden"},
	"subject.prospect":           {"prospects", "prospecten", "prospects", "Interessenten"},
	"subject.employee":           {"employees", "werknemers", "salariés", "Beschäftigte"},
	"subject.applicant":          {"applicants", "sollicitanten", "candidats", "Bewerber"},
	"subject.visitor":            {"visitors", "bezoekers", "visiteurs", "Besucher"},
	"subject.supplier":           {"suppliers", "leveranciers", "fournisseurs", "Lieferanten"},
	"subject.child":              {"children", "kinderen", "enfants", "Kinder"},
	"subject.patient":            {"patients", "patiënten", "patients", "Patienten"},
	"subject.member":             {"members", "leden", "membres", "Mitglieder"},
	"subject.other":              {"other", "andere", "autres", "andere"},
	"col.class":                  {"Class of data", "Klasse van gegevens", "Catégorie (modèle de la CNIL)", "Datenklasse"},
	"class.identity":             {"Civil status, identity, identification data, images", "Burgerlijke staat, identiteit, identificatiegegevens, beelden", "État civil, identité, données d'identification, images", "Personenstand, Identität, Identifikationsdaten, Bilder"},
	"class.personal-life":        {"Personal life (lifestyle, family situation)", "Persoonlijk leven (leefgewoonten, gezinssituatie)", "Vie personnelle (habitudes de vie, situation familiale, etc.)", "Privatleben (Lebensgewohnheiten, Familienverhältnisse)"},
	"class.professional-life":    {"Professional life (CV, education, career)", "Beroepsleven (cv, opleiding, loopbaan)", "Vie professionnelle (CV, scolarité, formation professionnelle, etc.)", "Berufsleben (Lebenslauf, Ausbildung, Laufbahn)"},
	"class.economic-financial":   {"Economic and financial information (income, financial and tax situation)", "Economische en financiële gegevens (inkomen, financiële en fiscale situatie)", "Informations d'ordre économique et financier (revenus, situation financière, situation fiscale, etc.)", "Wirtschaftliche und finanzielle Angaben (Einkommen, Finanz- und Steuerlage)"},
	"class.connection":           {"Connection data (IP addresses, logs)", "Verbindingsgegevens (IP-adressen, logbestanden)", "Données de connexion (adresses IP, logs, etc.)", "Verbindungsdaten (IP-Adressen, Protokolle)"},
	"class.location":             {"Location data (movements, GPS and GSM data)", "Locatiegegevens (verplaatsingen, gps- en gsm-gegevens)", "Données de localisation (déplacements, données GPS, GSM, etc.)", "Standortdaten (Bewegungen, GPS- und GSM-Daten)"},
	"class.internet":             {"Internet (cookies, trackers)", "Internet (cookies, trackers)", "Internet (cookies, traceurs, etc.)", "Internet (Cookies, Tracker)"},
	"class.other":                {"Other categories of data", "Andere categorieën van gegevens", "Autres catégories de données", "Andere Datenkategorien"},
	"source.data-subject":        {"the data subject", "de betrokkene", "la personne concernée", "die betroffene Person"},
	"source.third-party":         {"a third party", "een derde", "un tiers", "ein Dritter"},
	"source.public":              {"public sources", "openbare bronnen", "sources publiques", "öffentliche Quellen"},
	"source.authority":           {"a public authority", "een overheidsinstantie", "une autorité publique", "eine Behörde"},
	"source.observed":            {"our own systems", "onze eigen systemen", "nos propres systèmes", "unsere eigenen Systeme"},
	"recipient.internal":         {"internal", "intern", "interne", "intern"},
	"recipient.group":            {"group company", "groepsonderneming", "société du groupe", "Konzerngesellschaft"},
	"recipient.processor":        {"processor", "verwerker", "sous-traitant", "Auftragsverarbeiter"},
	"recipient.controller":       {"controller", "verwerkingsverantwoordelijke", "responsable du traitement", "Verantwortlicher"},
	"recipient.joint-controller": {"joint controller", "gezamenlijke verwerkingsverantwoordelijke", "responsable conjoint", "gemeinsam Verantwortlicher"},
	"recipient.authority":        {"public authority", "overheidsinstantie", "autorité publique", "Behörde"},
	"recipient.other":            {"other", "andere", "autre", "andere"},
	"dpia.required":              {"required", "vereist", "requise", "erforderlich"},
	"dpia.not-required":          {"not required", "niet vereist", "non requise", "nicht erforderlich"},
	"dpia.planned":               {"planned", "gepland", "prévue", "geplant"},
	"dpia.done":                  {"done", "uitgevoerd", "réalisée", "durchgeführt"},
	"dpia.not-done":              {"not carried out", "niet uitgevoerd", "non réalisée", "nicht durchgeführt"},
	"scope.dpf-list":             {"Data Privacy Framework List", "Data Privacy Framework-lijst", "liste du Data Privacy Framework", "Data-Privacy-Framework-Liste"},
	"scope.pipeda":               {"PIPEDA (commercial organisations)", "PIPEDA (commerciële organisaties)", "LPRPDE (organisations commerciales)", "PIPEDA (gewerbliche Organisationen)"},
	"scope.appi":                 {"APPI (private sector)", "APPI (privésector)", "APPI (secteur privé)", "APPI (Privatsektor)"},
	"scope.pipa":                 {"PIPA", "PIPA", "PIPA", "PIPA"},
	"scope.lgpd":                 {"LGPD", "LGPD", "LGPD", "LGPD"},
}

// t returns a fixed text in a language.
func t(key string, l Lang) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	return w[index(l)]
}

// yesNo returns the word for a boolean.
func yesNo(b bool, l Lang) string {
	if b {
		return t("yes", l)
	}
	return t("no", l)
}

func severityLabel(s ropa.Severity, l Lang) string { return t("severity."+string(s), l) }
func subjectLabel(k ropa.SubjectKind, l Lang) string {
	if k == "" {
		return ""
	}
	return t("subject."+string(k), l)
}
func sourceLabel(s ropa.DataSource, l Lang) string { return t("source."+string(s), l) }
func recipientLabel(k ropa.RecipientKind, l Lang) string {
	if k == "" {
		return ""
	}
	return t("recipient."+string(k), l)
}
func measureLabel(k ropa.MeasureKind, l Lang) string {
	if k == "" {
		return ""
	}
	return t("measure."+string(k), l)
}
func dpiaLabel(s ropa.DPIAStatus, l Lang) string {
	if s == "" {
		return ""
	}
	return t("dpia."+string(s), l)
}
func scopeLabel(s lawfulbasis.Scope, l Lang) string {
	if s == "" {
		return ""
	}
	return t("scope."+string(s), l)
}

// countryName returns the name of a country in a language, from the Unicode
// CLDR data of golang.org/x/text, followed by its code: "België (BE)". An
// unknown code is returned as written.
func countryName(code string, l Lang) string {
	if code == "" {
		return ""
	}
	key := string(l) + ":" + code
	if v, ok := countryNames.Load(key); ok {
		return v.(string)
	}
	name := lookupCountry(code, l)
	countryNames.Store(key, name)
	return name
}

// countryNames caches country names by language and code (a few hundred at most).
var countryNames sync.Map

func lookupCountry(code string, l Lang) string {
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	name := display.Regions(language.Make(string(l))).Name(region)
	if name == "" || name == region.String() {
		return code
	}
	return name + " (" + code + ")"
}

// article cites an article reference as the language's legal writing does:
// "Art. 6(1)(f) GDPR", "art. 6, lid 1, f), AVG", "art. 6, § 1er, f) RGPD",
// "Art. 6 Abs. 1 lit. f DSGVO" (lang.Cite).
func article(ref string, l Lang) string { return lang.Cite(ref, l) }

// columnName names a field of the format, as a fix hint of a finding names
// it, by the heading of the generic workbook's column that holds it, where
// one does ("bases" is "Rechtsgronden" in Dutch), else as the register
// writes it.
func columnName(field ropa.FieldName, l Lang) string {
	name := string(field)
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimSuffix(name, "[]")
	if _, ok := words["col."+name]; ok {
		q := [4][2]string{{"“", "”"}, {"‘", "’"}, {"« ", " »"}, {"„", "“"}}[index(l)]
		return q[0] + t("col."+name, l) + q[1]
	}
	return string(field)
}

// articled is an enumeration of package lawfulbasis: values with a label in
// each language and the article they rest on.
type articled interface {
	~string
	Valid() bool
	Label(Lang) string
	Article() string
}

// withArticle renders a value with its article: "Legitimate interests
// (Art. 6(1)(f) GDPR)". A value that is not one of its type's is written as
// it is.
func withArticle[T articled](v T, l Lang) string {
	if !v.Valid() {
		return string(v)
	}
	return v.Label(l) + " (" + article(v.Article(), l) + ")"
}

// labelsOf renders every value of a list with label.
func labelsOf[T any](vs []T, l Lang, label func(T, Lang) string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = label(v, l)
	}
	return out
}

// classLabel names a class of data in a language; "" for none.
func classLabel(c ropa.DataClass, l Lang) string {
	if c == "" {
		return ""
	}
	if !c.Valid() {
		return string(c)
	}
	return t("class."+string(c), l)
}
