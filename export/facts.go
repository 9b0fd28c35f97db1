package export

import (
	"slices"
	"strings"

	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// factWords are the fixed texts of the record metadata, the inventory and
// the stated absences, in en, nl, fr, de.
var factWords = map[string][4]string{
	"sheet.systems":    {"Systems", "Systemen", "Systèmes", "Systeme"},
	"sheet.processors": {"Processors", "Verwerkers", "Sous-traitants", "Auftragsverarbeiter"},
	"sheet.events":     {"Events", "Gebeurtenissen", "Événements", "Ereignisse"},
	"sheet.more":       {"More", "Aanvullend", "Compléments", "Ergänzungen"},

	"cover.jsonSchema":    {"JSON Schema", "JSON Schema", "Schéma JSON", "JSON-Schema"},
	"cover.regime":        {"Applicable law", "Toepasselijke regeling", "Régime applicable", "Anwendbares Recht"},
	"cover.reviewCycle":   {"Review cycle (ISO 8601)", "Herzieningscyclus (ISO 8601)", "Cycle de révision (ISO 8601)", "Überprüfungszyklus (ISO 8601)"},
	"cover.occasional":    {"Occasional processing (Art. 27(2)(a))", "Incidentele verwerking (art. 27, lid 2, a))", "Traitement occasionnel (art. 27, § 2, a))", "Gelegentliche Verarbeitung (Art. 27 Abs. 2 lit. a)"},
	"cover.notes":         {"Notes on the register", "Opmerkingen bij het register", "Remarques sur le registre", "Bemerkungen zum Verzeichnis"},
	"cover.adopted":       {"Adopted on", "Vastgesteld op", "Adopté le", "Beschlossen am"},
	"cover.adoptedBy":     {"Adopted by", "Vastgesteld door", "Adopté par", "Beschlossen von"},
	"cover.purposes":      {"Purposes of the organisation", "Doeleinden van de organisatie", "Finalités de l'organisme", "Zwecke der Organisation"},
	"field.contactPerson": {"Contact person", "Contactpersoon", "Personne de contact", "Ansprechperson"},
	"field.postal":        {"Postal address", "Postadres", "Adresse postale", "Postanschrift"},

	"col.status":           {"Status", "Status", "Statut", "Status"},
	"col.created":          {"Record created", "Registratie aangemaakt", "Fiche créée le", "Eintrag angelegt"},
	"col.started":          {"Processing started", "Verwerking gestart", "Début du traitement", "Beginn der Verarbeitung"},
	"col.updated":          {"Last update", "Laatste bijwerking", "Dernière mise à jour", "Letzte Aktualisierung"},
	"col.nextReview":       {"Next review", "Volgende herziening", "Prochaine révision", "Nächste Überprüfung"},
	"col.owner":            {"Owner (function, department)", "Eigenaar (functie, afdeling)", "Responsable interne (fonction, service)", "Verantwortliche Stelle (Funktion, Abteilung)"},
	"col.otherControllers": {"Other controllers (role)", "Andere verwerkingsverantwoordelijken (rol)", "Autres responsables du traitement (rôle)", "Weitere Verantwortliche (Rolle)"},
	"col.notController":    {"The organisation is not a controller", "De organisatie is geen verwerkingsverantwoordelijke", "L'organisation n'est pas responsable du traitement", "Die Organisation ist nicht Verantwortliche"},
	"col.entities":         {"Controlling entities of the register", "Verwerkingsverantwoordelijke entiteiten van het register", "Entités responsables du registre", "Verantwortliche Einheiten des Verzeichnisses"},
	"col.profiling":        {"Profiling (Art. 4(4))", "Profilering (art. 4, punt 4)", "Profilage (art. 4, point 4)", "Profiling (Art. 4 Nr. 4)"},
	"col.record":           {"Full record", "Volledige registratie", "Fiche complète", "Vollständiger Eintrag"},
	"col.method":           {"Processing method (Art. 2(1))", "Wijze van verwerking (art. 2, lid 1)", "Mode de traitement (art. 2, § 1)", "Art der Verarbeitung (Art. 2 Abs. 1)"},
	"col.disclosed":        {"Data disclosed", "Verstrekte gegevens", "Données communiquées", "Offengelegte Daten"},
	"col.dpo":              {"Data protection officer of the activity", "Functionaris voor gegevensbescherming van de verwerking", "Délégué à la protection des données du traitement", "Datenschutzbeauftragter der Tätigkeit"},
	"col.department":       {"Department, owner's e-mail, contact person", "Afdeling, e-mail van de eigenaar, contactpersoon", "Service, courriel du responsable interne, interlocuteur", "Abteilung, E-Mail der verantwortlichen Stelle, Ansprechperson"},
	"col.systems":          {"Systems", "Systemen", "Systèmes", "Systeme"},
	"col.risk":             {"Risk", "Risico", "Risque", "Risiko"},
	"col.jointArrangement": {"Joint-controller arrangement (Art. 26(1))", "Regeling gezamenlijke verwerkingsverantwoordelijken (art. 26, lid 1)", "Accord entre responsables conjoints (art. 26, § 1)", "Vereinbarung gemeinsam Verantwortlicher (Art. 26 Abs. 1)"},
	"col.targetCountries":  {"Target member states (Art. 8(1))", "Beoogde lidstaten (art. 8, lid 1)", "États membres visés (art. 8, § 1)", "Zielmitgliedstaaten (Art. 8 Abs. 1)"},
	"col.decisionGrounds":  {"Grounds of automated decisions (Art. 22(2), (3))", "Gronden van geautomatiseerde besluiten (art. 22, leden 2 en 3)", "Fondements des décisions automatisées (art. 22, § 2 et 3)", "Grundlagen automatisierter Entscheidungen (Art. 22 Abs. 2 und 3)"},
	"col.dpiaCriteria":     {"DPIA criteria (WP248)", "GEB-criteria (WP248)", "Critères AIPD (WP248)", "DSFA-Kriterien (WP248)"},
	"col.purposeData":      {"Data used", "Gebruikte gegevens", "Données utilisées", "Verwendete Daten"},
	"col.nationalId":       {"National identification number (Art. 87)", "Nationaal identificatienummer (art. 87)", "Numéro d'identification national (art. 87)", "Nationale Kennziffer (Art. 87)"},
	"col.subjectsOf":       {"Of data subjects", "Van betrokkenen", "Des personnes concernées", "Betroffene Personen"},
	"col.requirement":      {"Requirement (Art. 13(2)(e))", "Verplichting (art. 13, lid 2, e))", "Obligation (art. 13, § 2, e))", "Pflicht (Art. 13 Abs. 2 lit. e)"},
	"col.requirementNote":  {"If not provided", "Indien niet verstrekt", "Si non fournies", "Falls nicht bereitgestellt"},
	"col.contact":          {"Contact", "Contact", "Contact", "Kontakt"},
	"col.processors":       {"Processors", "Verwerkers", "Sous-traitants", "Auftragsverarbeiter"},
	"col.allProcessors":    {"All processors of the register", "Alle verwerkers van het register", "Tous les sous-traitants du registre", "Alle Auftragsverarbeiter des Verzeichnisses"},
	"col.publicAuthority":  {"Importer is a public authority", "Ontvanger is een overheidsinstantie", "Importateur autorité publique", "Empfänger ist eine Behörde"},
	"col.atLeast":          {"At least", "Ten minste", "Au moins", "Mindestens"},
	"col.fromYearEnd":      {"From the end of the year", "Vanaf het einde van het jaar", "À compter de la fin de l'année", "Ab Jahresende"},
	"col.case":             {"Case", "Geval", "Cas", "Fall"},
	"col.extension":        {"Extension", "Verlenging", "Prolongation", "Verlängerung"},
	"col.then":             {"At the end", "Na afloop", "À l'échéance", "Danach"},
	"col.provider":         {"Provider", "Leverancier", "Fournisseur", "Anbieter"},
	"col.hosting":          {"Hosting countries", "Hostinglanden", "Pays d'hébergement", "Hosting-Länder"},
	"col.support":          {"Support countries", "Ondersteuningslanden", "Pays de support", "Support-Länder"},
	"col.locations":        {"Processing locations", "Verwerkingslocaties", "Lieux de traitement", "Verarbeitungsorte"},
	"col.service":          {"Service", "Dienst", "Service", "Leistung"},
	"col.label":            {"Label", "Benaming", "Libellé", "Bezeichnung"},
	"col.more":             {"Further information", "Aanvullende informatie", "Informations complémentaires", "Weitere Angaben"},
	"col.dataDetails":      {"Data categories in detail", "Gegevenscategorieën in detail", "Catégories de données en détail", "Datenkategorien im Einzelnen"},
	"col.purposeDetails":   {"Purposes in detail", "Doeleinden in detail", "Finalités en détail", "Zwecke im Einzelnen"},
	"col.recipientDetails": {"Recipients in detail", "Ontvangers in detail", "Destinataires en détail", "Empfänger im Einzelnen"},
	"col.transferDetails":  {"Transfers in detail", "Doorgiften in detail", "Transferts en détail", "Übermittlungen im Einzelnen"},
	"col.retentionDetails": {"Retention in detail", "Bewaartermijnen in detail", "Conservation en détail", "Löschfristen im Einzelnen"},
	"col.subjectKinds":     {"Kinds of data subjects", "Soorten betrokkenen", "Types de personnes concernées", "Arten betroffener Personen"},

	"status.planned":          {"planned", "gepland", "prévu", "geplant"},
	"status.active":           {"active", "actief", "actif", "aktiv"},
	"status.suspended":        {"suspended", "opgeschort", "suspendu", "ausgesetzt"},
	"status.ended":            {"ended", "beëindigd", "terminé", "beendet"},
	"risk.low":                {"low", "laag", "faible", "gering"},
	"method.automated":        {"automated", "geautomatiseerd", "automatisé", "automatisiert"},
	"method.partly-automated": {"partly automated", "gedeeltelijk geautomatiseerd", "partiellement automatisé", "teilweise automatisiert"},
	"method.manual":           {"manual (filing system)", "handmatig (bestand)", "manuel (fichier)", "manuell (Dateisystem)"},
	"risk.medium":             {"medium", "gemiddeld", "moyen", "mittel"},
	"risk.high":               {"high", "hoog", "élevé", "hoch"},
	"regime.gdpr":             {"GDPR (Regulation (EU) 2016/679), Art. 30", "AVG (Verordening (EU) 2016/679), art. 30", "RGPD (règlement (UE) 2016/679), art. 30", "DSGVO (Verordnung (EU) 2016/679), Art. 30"},
	"regime.eudpr":            {"Regulation (EU) 2018/1725, Art. 31", "Verordening (EU) 2018/1725, art. 31", "Règlement (UE) 2018/1725, art. 31", "Verordnung (EU) 2018/1725, Art. 31"},

	"requirement.statutory":       {"statutory requirement", "wettelijke verplichting", "exigence réglementaire", "gesetzlich vorgeschrieben"},
	"requirement.contractual":     {"contractual requirement", "contractuele verplichting", "exigence contractuelle", "vertraglich vorgeschrieben"},
	"requirement.pre-contractual": {"needed to enter into a contract", "nodig om een overeenkomst te sluiten", "nécessaire pour conclure un contrat", "für einen Vertragsabschluss erforderlich"},
	"requirement.voluntary":       {"voluntary", "vrijwillig", "facultatif", "freiwillig"},

	// Stated absences, in the column they answer.
	"none.transfers":           {"none", "geen", "aucun", "keine"},
	"none.recipients":          {"none", "geen", "aucun", "keine"},
	"none.external-recipients": {"none outside the organisation", "geen buiten de organisatie", "aucun hors de l'organisation", "keine außerhalb der Organisation"},
	"none.special-categories":  {"none", "geen", "aucune", "keine"},
	"none.joint-controllers":   {"none", "geen", "aucun", "keine"},
	"none.processors":          {"no processor", "geen verwerker", "aucun sous-traitant", "kein Auftragsverarbeiter"},
	"none.measures":            {"none", "geen", "aucune", "keine"},
}

func init() {
	for k, v := range factWords {
		words[k] = v
	}
}

// label renders an enumeration value with the words of prefix, or as
// written where it has none (a value the format does not know stays
// visible).
func label[T ~string](prefix string, v T, l Lang) string {
	if v == "" {
		return ""
	}
	if _, ok := words[prefix+string(v)]; ok {
		return t(prefix+string(v), l)
	}
	return string(v)
}

// AbsenceWords returns the words a workbook in language l writes for a
// stated absence, in the cell of what is absent: "none" for no joint
// controller, "no processor" for no processor.
func AbsenceWords(what ropa.Absence, l Lang) string { return label("none.", what, l) }

// NotStatedWords returns the words a workbook in language l writes where a
// transfer names neither a country nor an international organisation
// ("country not stated"), for a reader to know them as saying nothing.
func NotStatedWords(l Lang) string { return t("notStated", l) }

// absent returns the word "none" of the absence the activity states, or "".
func absent(a ropa.Activity, what ropa.Absence, l Lang) string {
	if !a.States(what) {
		return ""
	}
	return label("none.", what, l)
}

// withAbsence puts the stated absences below the column's text.
func withAbsence(text string, a ropa.Activity, l Lang, what ...ropa.Absence) string {
	vs := []string{text}
	for _, w := range what {
		vs = append(vs, absent(a, w, l))
	}
	return lines(vs...)
}

// fact is one labelled piece of a record: the words key of its label and
// its text.
type fact struct{ key, text string }

// notes renders the facts whose key is not covered, "label: text" each,
// one to a line.
func notes(facts []fact, l Lang, covered ...string) string {
	var out []string
	for _, f := range facts {
		if strings.TrimSpace(f.text) == "" || containsKey(covered, f.key) {
			continue
		}
		out = append(out, t(f.key, l)+": "+f.text)
	}
	return strings.Join(out, "\n")
}

func containsKey(keys []string, k string) bool {
	for _, c := range keys {
		if c == k {
			return true
		}
	}
	return false
}

// eventLabels words the register's named events with their labels.
func eventLabels(reg *ropa.Register) retention.WordOption {
	byID := make(map[retention.Event]string, len(reg.Events))
	for _, e := range reg.Events {
		byID[e.ID] = e.Label
	}
	return retention.EventLabels(func(e retention.Event, _ Lang) (string, bool) {
		s, ok := byID[e]
		return s, ok
	})
}

func ownerText(o *ropa.Owner) string {
	if o == nil {
		return ""
	}
	return lines(o.Function, o.Department, o.Email, o.Person)
}

func controllersText(cs []ropa.ActivityController, l Lang) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = lines(c.Role, party(c.Party, l))
	}
	return strings.Join(out, "\n\n")
}

// systemsText names the systems of ids with where they are hosted; an id
// of no system stands as written.
func systemsText(ids []string, reg *ropa.Register, l Lang) string {
	return joinEach(ids, func(id string) string {
		for _, s := range reg.Systems {
			if s.ID == id {
				if h := countries(s.Hosting, l); h != "" {
					return s.Name + " (" + h + ")"
				}
				return s.Name
			}
		}
		return id
	})
}

func countries(codes []string, l Lang) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = countryName(c, l)
	}
	return strings.Join(out, ", ")
}

// yesIf is "yes" in the language where b is true, else "".
func yesIf(b bool, l Lang) string {
	if !b {
		return ""
	}
	return yesNo(true, l)
}

func decisionText(d *ropa.DecisionGrounds, l Lang) string {
	if d == nil {
		return ""
	}
	exc := ""
	if d.Exception != "" {
		exc = string(d.Exception)
		if d.Exception.Valid() {
			exc = article(d.Exception.Article(), l)
		}
	}
	return lines(exc, d.Law, d.Safeguards)
}

func dpiaCriteria(d *ropa.DPIA) string {
	if d == nil {
		return ""
	}
	return joinEach(d.Criteria, func(c ropa.DPIACriterion) string { return string(c) })
}

// activityFacts are the facts of an activity beyond the Art. 30 summary
// columns, each with the key of its label: what a layout without a column
// for it writes in its notes.
func activityFacts(a ropa.Activity, reg *ropa.Register, l Lang) []fact {
	return []fact{
		{"col.id", a.ID},
		{"col.reference", a.Reference},
		{"col.description", a.Description},
		{"col.status", label("status.", a.Status, l)},
		{"col.created", dateText(a.Created, l)},
		{"col.updated", dateText(a.Updated, l)},
		{"col.nextReview", dateText(a.NextReview, l)},
		{"col.owner", ownerText(a.Owner)},
		{"col.otherControllers", controllersText(a.Controllers, l)},
		{"col.notController", yesIf(a.NotController, l)},
		{"col.entities", strings.Join(a.Entities, "; ")},
		{"col.dpo", contact(a.DPO, l)},
		{"col.systems", systemsText(a.Systems, reg, l)},
		{"col.method", label("method.", a.Method, l)},
		{"col.storage", a.Storage},
		{"col.notice", a.Notice},
		{"col.record", a.Record},
		{"col.risk", label("risk.", a.Risk, l)},
		{"col.jointArrangement", a.JointArrangement},
		{"col.targetCountries", countries(a.TargetCountries, l)},
		{"col.automated", boolText(a.AutomatedDecisions, l)},
		{"col.profiling", boolText(a.Profiling, l)},
		{"col.decisionGrounds", decisionText(a.DecisionGrounds, l)},
		{"col.dpiaCriteria", dpiaCriteria(a.DPIA)},
		{"col.started", dateText(a.Started, l)},
		{"col.ended", dateText(a.Ended, l)},
		{"col.replacedBy", a.ReplacedBy},
		{"none.special-categories", absent(a, ropa.NoSpecialData, l)},
		{"none.processors", absent(a, ropa.NoProcessor, l)},
		{"col.purposeDetails", purposeDetails(a, l)},
		{"col.dataDetails", dataDetails(a, l)},
		{"col.recipientDetails", recipientDetails(a.Recipients, l)},
		{"col.transferDetails", transferDetails(a.Transfers, l)},
		{"col.retentionDetails", retentionDetails(a, l)},
		{"col.notes", a.Notes},
	}
}

// detail writes an element's name and its labelled facts on one line.
func detail(name string, facts []fact, l Lang) string {
	s := strings.ReplaceAll(notes(facts, l), "\n", "; ")
	if s == "" {
		return ""
	}
	return name + " — " + s
}

func purposeDetails(a ropa.Activity, l Lang) string {
	var out []string
	for _, p := range a.Purposes {
		var fs []fact
		for _, b := range p.Bases {
			fs = append(fs, fact{"col.interest", b.Interest}, fact{"col.assessment", b.Assessment}, fact{"col.law", b.Law}, fact{"col.note", b.Note})
		}
		for _, c := range p.Conditions {
			fs = append(fs, fact{"col.law", c.Law}, fact{"col.note", c.Note})
		}
		fs = append(fs, fact{"col.purposeData", categoryNames(a, p.Data)})
		if p.DirectMarketing {
			fs = append(fs, fact{"col.directMarketing", yesNo(true, l)})
		}
		out = append(out, detail(p.Description, fs, l))
	}
	return lines(out...)
}

func categoryNames(a ropa.Activity, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = categoryName(a, id)
	}
	return strings.Join(names, ", ")
}

func subjectNames(a ropa.Activity, ids []string) string {
	return joinEach(ids, func(id string) string {
		for _, s := range a.DataSubjects {
			if s.ID == id && s.Description != "" {
				return s.Description
			}
		}
		return id
	})
}

func sourcesText(c ropa.DataCategory, l Lang) string {
	var out []string
	for _, s := range c.Sources {
		out = append(out, sourceLabel(s, l))
	}
	return strings.Join(nonEmpty(strings.Join(out, ", "), c.SourceNote), "; ")
}

func dataDetails(a ropa.Activity, l Lang) string {
	var out []string
	for _, c := range a.DataCategories {
		fs := []fact{{"col.sources", sourcesText(c, l)}, {"col.subjectsOf", strings.ReplaceAll(subjectNames(a, c.Subjects), "\n", ", ")},
			{"col.requirement", label("requirement.", c.Requirement, l)}, {"col.requirementNote", c.RequirementNote}}
		if c.NationalID {
			fs = append(fs, fact{"col.nationalId", yesNo(true, l)})
		}
		out = append(out, detail(c.Description, fs, l))
	}
	return lines(out...)
}

func recipientDetails(rs []ropa.Recipient, l Lang) string {
	var out []string
	for _, r := range rs {
		fs := []fact{{"col.agreement", r.Agreement}, {"col.description", r.Description},
			{"col.contact", strings.ReplaceAll(contact(r.Contact, l), "\n", ", ")}, {"col.processors", strings.Join(r.Processors, ", ")},
			{"col.disclosed", strings.Join(r.Data, ", ")}}
		if r.AllProcessors {
			fs = append(fs, fact{"col.allProcessors", yesNo(true, l)})
		}
		out = append(out, detail(r.Name, fs, l))
	}
	return lines(out...)
}

func transferDetails(ts []ropa.Transfer, l Lang) string {
	var out []string
	for _, tr := range ts {
		fs := []fact{{"col.tia", tr.Assessment}, {"col.dpf", boolText(tr.DPF, l)}, {"col.scope", scopeLabel(tr.Scope, l)},
			{"col.publicAuthority", boolText(tr.PublicAuthority, l)}, {"col.safeguards", tr.Safeguards}, {"col.note", tr.Note}}
		out = append(out, detail(transferText(tr, l), fs, l))
	}
	return lines(out...)
}

func retentionDetails(a ropa.Activity, l Lang) string {
	var out []string
	for _, r := range a.Retention {
		out = append(out, detail(retentionData(a, r, l), []fact{{"col.subjectsOf", strings.ReplaceAll(subjectNames(a, r.Subjects), "\n", ", ")}, {"col.text", r.Text}}, l))
	}
	return lines(out...)
}

// registerFacts are the register-level facts beyond the organisation's
// identification, each with the key of its label.
func registerFacts(reg *ropa.Register, l Lang) []fact {
	var entities []string
	for _, e := range reg.Entities {
		entities = append(entities, party(e, l))
	}
	rep := ""
	if reg.Representative != nil {
		rep = party(*reg.Representative, l)
	}
	return []fact{
		{"cover.controller", party(reg.Organisation, l)},
		{"cover.entities", strings.Join(entities, "\n\n")},
		{"cover.dpo", contact(reg.DPO, l)},
		{"cover.representative", rep},
		{"cover.updated", dateText(reg.Updated, l)},
		{"cover.adopted", dateText(reg.Adopted, l)},
		{"cover.adoptedBy", reg.AdoptedBy},
		{"cover.purposes", strings.Join(reg.Purposes, "\n")},
		{"cover.regime", label("regime.", reg.Regime, l)},
		{"cover.reviewCycle", reg.ReviewCycle.String()},
		{"cover.occasional", reg.OccasionalProcessing},
		{"cover.schema", reg.Schema},
		{"cover.jsonSchema", reg.JSONSchema},
		{"cover.language", reg.Language},
		{"cover.notes", reg.Notes},
	}
}

// eventText words an event as a starting point: a named event of the
// register by its label, a standard one in the language.
func eventText(reg *ropa.Register, e retention.Event, l Lang) string {
	if e == "" {
		return ""
	}
	for _, n := range reg.Events {
		if n.ID == e {
			return n.Label
		}
	}
	return e.After(l)
}

func disposalLabel(d retention.Disposal, l Lang) string {
	if d.Valid() {
		return d.Label(l)
	}
	return string(d)
}

// writeInventory writes the register's systems, processors and named
// events, a sheet each.
func writeInventory(b *book, reg *ropa.Register) error {
	l := b.o.lang
	tb, err := b.table("sheet.systems", []column{
		{key: "col.id", width: 16}, {key: "col.name", width: 24}, {key: "col.provider", width: 20}, {key: "col.kind", width: 16},
		{key: "col.hosting", width: 22}, {key: "col.support", width: 22}, {key: "col.agreement", width: 22}, {key: "col.notes", width: 30},
	})
	if err != nil {
		return err
	}
	for _, s := range reg.Systems {
		tb.add(s.ID, s.Name, s.Provider, s.Kind, join(labelsOf(s.Hosting, l, countryName)), join(labelsOf(s.Support, l, countryName)), s.Agreement, s.Notes)
	}
	if err := tb.close(); err != nil {
		return err
	}
	if tb, err = b.table("sheet.processors", []column{
		{key: "col.id", width: 16}, {key: "col.name", width: 24}, {key: "col.country", width: 18}, {key: "col.locations", width: 22},
		{key: "col.service", width: 28}, {key: "col.agreement", width: 22}, {key: "col.contact", width: 28}, {key: "col.notes", width: 30},
	}); err != nil {
		return err
	}
	for _, p := range reg.Processors {
		tb.add(p.ID, p.Name, countryName(p.Country, l), join(labelsOf(p.Locations, l, countryName)), p.Service, p.Agreement, contact(p.Contact, l), p.Notes)
	}
	if err := tb.close(); err != nil {
		return err
	}
	if tb, err = b.table("sheet.events", []column{
		{key: "col.id", width: 24}, {key: "col.label", width: 36}, {key: "col.description", width: 50},
	}); err != nil {
		return err
	}
	for _, e := range reg.Events {
		tb.add(string(e.ID), e.Label, e.Description)
	}
	return tb.close()
}

// wordingOf returns the options that word an activity's retention terms:
// opts, and the end of a membership for the relationship of an activity
// whose data subjects include members of an association.
func wordingOf(a ropa.Activity, opts ...retention.WordOption) []retention.WordOption {
	for _, s := range a.DataSubjects {
		if s.Kind == ropa.Member {
			return append(slices.Clone(opts), retention.Membership())
		}
	}
	return opts
}
