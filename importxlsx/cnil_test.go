package importxlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/openropa/registry/examples"
	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// The spans of a fiche's rows in the CNIL model: a value over B:H; a
// description over B:D and a detail over E:H; the transfers' guarantee over
// D:E and documentation over F:H; the actors' table unmerged.
const (
	spanWhole = "whole"
	spanTwo   = "two"
	spanTr    = "transfers"
	spanNone  = ""
)

// ficheRow is a row of a fiche as a person leaves it: its cells from A,
// and the spans of the model.
type ficheRow struct {
	span  string
	cells []any
}

func whole(label string, v any) ficheRow  { return ficheRow{spanWhole, []any{label, v}} }
func two(label string, d, e any) ficheRow { return ficheRow{spanTwo, []any{label, d, "", "", e}} }
func actor(cells ...any) ficheRow         { return ficheRow{spanNone, cells} }
func tr(label string, dest, country, guarantee, docs any) ficheRow {
	return ficheRow{spanTr, []any{label, dest, country, guarantee, "", docs}}
}

// The heading rows of the fiche's sections, verbatim.
var (
	purposesHead   = ficheRow{spanNone, []any{"Finalité(s) du traitement effectué"}}
	dataHead       = two("Catégories de données personnelles concernées", "Description", "Durée de conservation")
	subjectsHead   = two("Catégories de personnes concernées", "Description", "Précisions")
	recipientsHead = two("Destinataires", "Type de destinataire", "Précisions")
	measuresHead   = two("Mesures de sécurité", "Type de mesure de sécurité", "Précisions")
	transfersHead  = ficheRow{spanTr, []any{"Transferts hors UE", "Destinataire", "Pays", "Type de Garanties", "", "Liens vers la documentation"}}
)

var blank = ficheRow{}

// sections are the sections of a short fiche, one row to each, as a DPO
// who removed the rows left empty fills them.
type sections struct {
	purpose, basis                    string
	data, subject, recipient, measure [2]string
	transfer                          [4]string
}

func (x sections) rows() []ficheRow {
	rows := []ficheRow{purposesHead, whole("Finalité principale", x.purpose)}
	if x.basis != "" {
		rows = append(rows, whole("Base légale", x.basis))
	}
	return append(rows, dataHead, two("État civil, identité, données d'identification, images…", x.data[0], x.data[1]),
		subjectsHead, two("Catégorie de personnes 1", x.subject[0], x.subject[1]),
		recipientsHead, two("Destinataire 1", x.recipient[0], x.recipient[1]),
		measuresHead, two("Mesure de sécurité 1", x.measure[0], x.measure[1]),
		transfersHead, tr("Organisme destinataire 1", x.transfer[0], x.transfer[1], x.transfer[2], x.transfer[3]))
}

// writeSheet writes rows from row 1 of a sheet, with the model's merged
// cells.
func writeSheet(t *testing.T, f *excelize.File, sheet string, rows []ficheRow) {
	t.Helper()
	for i, row := range rows {
		r := i + 1
		for c, v := range row.cells {
			if s, ok := v.(string); ok && s == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(c+1, r)
			require.NoError(t, err)
			require.NoError(t, f.SetCellValue(sheet, cell, v))
		}
		merge := func(from, to string) {
			require.NoError(t, f.MergeCell(sheet, from+itoa(r), to+itoa(r)))
		}
		switch row.span {
		case spanWhole:
			merge("B", "H")
		case spanTwo:
			merge("B", "D")
			merge("E", "H")
		case spanTr:
			merge("D", "E")
			merge("F", "H")
		}
	}
}

func itoa(n int) string {
	c, _ := excelize.CoordinatesToCellName(1, n)
	return strings.TrimPrefix(c, "A")
}

// modelHead is the top of the model's fiche, its labels verbatim.
func modelHead(name, ref any, created, updated any) []ficheRow {
	return []ficheRow{
		{spanNone, []any{"Modèle de fiche de registre à compléter", "", "", "", "", "", "", "ref-001", "", "Consulter les guides et définitions sur le site de la CNIL"}},
		{spanNone, []any{"Cet onglet est un modèle de fiche opérationnelle à reprendre, adapter et compléter selon votre activité pour chaque traitement.", "", "", "", "", "", "", "", "", "► Traitement de données à caractère personnel"}},
		{spanNone, []any{"Description du traitement "}},
		whole("Nom du traitement", name),
		whole("N° / RÉF", ref),
		whole("Date de création du traitement", created),
		whole("Mise à jour du traitement", updated),
		blank,
		actor("Acteurs", "Nom", "Adresse", "Code Postal", "Ville", "Pays", "Téléphone", "Adresse mél"),
	}
}

var sensitiveLabels = []string{"Données révélant l'origine raciale ou ethnique", "Données révélant les opinions politiques",
	"Données révélant les convictions religieuses ou philosophiques\u00a0", "Données révélant l'appartenance syndicale",
	"Données génétiques", "Données biométriques aux fins d'identifier une personne physique de manière unique",
	"Données concernant la santé", "Données concernant la vie sexuelle ou l'orientation sexuelle",
	"Données relatives à des condamnations pénales ou infractions"}

// sensitiveRows are the nine rows of sensitive data, with the descriptions
// given by label.
func sensitiveRows(filled map[string][2]string) []ficheRow {
	rows := []ficheRow{two("Données sensibles", "Description", "Durée de conservation")}
	for _, l := range sensitiveLabels {
		v := filled[strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", ""))]
		rows = append(rows, two(l, v[0], v[1]))
	}
	return rows
}

const placeholder = "Sélectionnez un élément dans cette liste déroulante ►"

func cat(parts ...[]ficheRow) []ficheRow {
	var out []ficheRow
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// cnilWorkbook builds the CNIL model as a DPO fills it: the list with the
// contact blocks, the model's example row left in, dates typed as text and
// entered as dates; two fiches on renamed tabs (one found by its N° / RÉF,
// the other by its name), with an inserted "Sous-finalité 6" row and a
// "Base légale" row, blank rows, several values to a cell, French retention
// terms and bases, drop-down placeholders left; the model's empty fiche,
// its example fiche and its lists.
func cnilWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "Tutoriel"))
	for _, n := range []string{cnilListSheet, "Paie", "3_-_Modèle_de_fiche_de_registre", "Recrutement (RH)", cnilExampleSheet, cnilListsSheet} {
		_, err := f.NewSheet(n)
		require.NoError(t, err)
	}
	require.NoError(t, f.SetCellValue("Tutoriel", "A1", "Votre registre sera finalement constitué d'une liste de traitement (onglet 2) et d'au moins une fiche de registre (onglet 3)"))
	updated := time.Date(2019, 5, 13, 0, 0, 0, 0, time.UTC)
	writeSheet(t, f, cnilListSheet, []ficheRow{
		{spanNone, []any{"Coordonnées du responsable de l’organisme\n(responsable de traitement ou son représentant si le responsable est situé en dehors de l’UE)", "Nom :", "Acme SAS", "Prénom :", "", "Adresse :", "1 rue de Rivoli", "Adresse mél :", "contact@acme.example", "", "Consulter les guides et définitions sur le site de la CNIL"}},
		{spanNone, []any{"", "Code postal :", "75001", "Ville :", "Paris", "Téléphone :", "01 23 45 67 89", "", "", "", "► Délégué à la protection des données (DPO)"}},
		{spanNone, []any{"Coordonnées du représentant\n(responsable de traitement ou son représentant si le responsable est situé en dehors de l’UE)", "Nom :", "", "Prénom :", "", "Adresse :", "", "Adresse mél :"}},
		{spanNone, []any{"", "Code postal :", "", "Ville :", "", "Téléphone :"}},
		{spanNone, []any{"Coordonnées du délégué à la protection des données (DPO)", "Nom :", "HENRI", "Prénom :", "Martin", "Société (si DPO externe) :", "", "Adresse :"}},
		{spanNone, []any{"", "Code postal :", "", "Ville :", "", "Téléphone :", "", "Adresse mél :", "dpo@acme.example"}},
		{spanNone, []any{"Identification du traitement", "", "", "", "Finalité du traitement", "", "", "Données sensibles ?"}},
		{spanNone, []any{"Nom du traitement", "N° / RÉF", "Date de création de la fiche", "Dernière mise à jour de la fiche", "", "", "", "Oui/non"}},
		{spanNone, []any{"(EXEMPLE) Gestion de la paie", "1 - Exemple", "26/05/2018", "13/05/2019", "Gestion de la paie, Calcul des rémunérations", "", "", "Non"}},
		{spanNone, []any{"Paie du personnel", "RH-01", "26/05/2018", updated, "Gestion de la paie\nCalcul des rémunérations", "", "", "Oui"}},
		blank,
		{spanNone, []any{"Recrutement", "RH-02", "", "2024-03-01", "Sélection des candidats", "", "", "Non"}},
	})
	for _, m := range [][2]string{{"A1", "A2"}, {"A3", "A4"}, {"A5", "A6"}, {"A7", "D7"}, {"E7", "G7"}, {"H7", "I7"}} {
		require.NoError(t, f.MergeCell(cnilListSheet, m[0], m[1]))
	}
	for r := 8; r <= 12; r++ {
		require.NoError(t, f.MergeCell(cnilListSheet, "E"+itoa(r), "G"+itoa(r)))
		require.NoError(t, f.MergeCell(cnilListSheet, "H"+itoa(r), "I"+itoa(r)))
	}

	writeSheet(t, f, "Paie", cat(modelHead("Paie du personnel", "RH-01", "26/05/2018", updated), []ficheRow{
		actor("Responsable du traitement", "Acme SAS", "1 rue de Rivoli", "75001", "Paris", "France", "01 23 45 67 89", "contact@acme.example"),
		actor("Délégué à la protection des données", "Martin HENRI", "", "", "", "", "", "dpo@acme.example"),
		actor("Société du DPO (si celui-ci est externe)", "N/A"),
		actor("Représentant"),
		actor("Responsable(s) conjoint(s)", "Filiale SA", "Rue Royale 1", "1000", "Bruxelles", "Belgique", "", "info@filiale.example"),
		blank,
		purposesHead,
		whole("Finalité principale", "Gestion de la paie"),
		whole("Sous-finalité 1", "Calcul des rémunérations"),
		whole("Sous-finalité 2", "Déclarations sociales"),
		whole("Sous-finalité 3", ""),
		whole("Sous-finalité 4", ""),
		whole("Sous-finalité 5", ""),
		whole("Sous-finalité 6", "Ordre de virement à la banque"),
		whole("Base légale", "obligation légale; exécution d'un contrat"),
		blank,
		dataHead,
		two("État civil, identité, données d'identification, images…", "Nom; prénom\nAdresse", "5 ans après la fin du contrat"),
		two("Vie personnelle (habitudes de vie, situation familiale, etc.)", "", ""),
		two("Informations d'ordre économique et financier (revenus, situation financière, situation fiscale, etc.)", "RIB", "5 ans après la fin du contrat"),
		two("Données de connexion (adress IP, logs, etc.)", "", ""),
		two("Données de localisation (déplacements, données GPS, GSM, etc.)", "", ""),
		two("Numéro de Sécurité Sociale (ou NIR)", "Numéros de sécurité sociale des salariés", "5 ans après la fin du contrat"),
		blank,
		blank,
	}, sensitiveRows(map[string][2]string{
		"Données concernant la santé":                                    {"Arrêts maladie", "3 ans"},
		"Données révélant l'appartenance syndicale":                      {"Non", ""},
		"Données révélant les convictions religieuses ou philosophiques": {"", ""},
	}), []ficheRow{
		blank,
		subjectsHead,
		two("Catégorie de personnes 1", "Salariés", "CDI et CDD"),
		two("Catégorie de personnes 2", "Services Internes", ""),
		two("Catégorie de personnes 3", "Anciens salariés", ""),
		blank,
		recipientsHead,
		two("Destinataire 1", "Sous-traitants", "Cabinet comptable Dupuis"),
		two("Destinataire 2", "Partenaires institutionnels ou commerciaux", "Organismes sociaux"),
		two("Destinataire 3", "Service interne qui traite les données", ""),
		two("Destinataire 4", placeholder, ""),
		blank,
		measuresHead,
		two("Mesure de sécurité 1", "Chiffrement des données", "AES-256 au repos"),
		two("Mesure de sécurité 2", "Contrôle d'accès des utilisateurs", ""),
		two("Mesure de sécurité 3", placeholder, ""),
		blank,
		transfersHead,
		tr("Organisme destinataire 1", "Banque d'Andorre", "Andorre", "Pays adéquat", "Contrat en date du 23/01/2018"),
		tr("Organisme destinataire 2", "Payroll Inc", "Etats-Unis", "Privacy shield", ""),
		tr("Organisme destinataire 3", "Acme India", "Inde", "Clauses contractuelles types (CCT)", "https://acme.example/cct"),
		tr("Organisme destinataire 4", "", placeholder, placeholder, ""),
	}))

	// The model's own fiche, left as it is.
	writeSheet(t, f, "3_-_Modèle_de_fiche_de_registre", cat(modelHead("", "ref-001", "", ""), []ficheRow{
		actor("Responsable du traitement"),
		purposesHead,
		whole("Finalité principale", ""),
		dataHead,
		two("Catégorie de personnes 1", placeholder, ""),
		transfersHead,
		tr("Organisme destinataire 1", "", placeholder, placeholder, ""),
	}))

	// A fiche whose rows the DPO shortened (no sub-purposes, no sensitive
	// rows), its reference left as in the model: found by its name.
	writeSheet(t, f, "Recrutement (RH)", cat(modelHead("Recrutement", "ref-001", "", "01/03/2024"), []ficheRow{
		actor("Responsable du traitement", "ACME SAS"),
		actor("Délégué à la protection des données", "Claire Durand", "", "", "", "", "", "claire.durand@acme.example"),
		actor("Responsable(s) conjoint(s)", "Néant"),
		blank,
	}, sections{purpose: "Sélection des candidats", basis: "consentement",
		data:      [2]string{"CV\nLettre de motivation", "3 ans à compter du dernier contact"},
		subject:   [2]string{"Candidats", ""},
		recipient: [2]string{"Service interne qui traite les données", "Direction des ressources humaines"},
		measure:   [2]string{"Contrôle d'accès des utilisateurs", ""},
		transfer:  [4]string{"Aucun", placeholder, placeholder, ""},
	}.rows()))
	writeSheet(t, f, cnilExampleSheet, cat(modelHead("Gestion de la paie", "1 - Exemple", "26/05/2018", "13/05/2019"), []ficheRow{
		actor("Responsable du traitement", "Louise DUPONT", "1 rue Rivoli", "75001", "Paris", "France", "01 xx xx xx xx", "exemple1@ets.com"),
		purposesHead,
		whole("Finalité principale", "Gestion de la paie"),
	}))
	writeSheet(t, f, cnilListsSheet, []ficheRow{{spanNone, []any{"Garanties", "", "Pays", "Zone"}}, {spanNone, []any{"Clauses contractuelles types (CCT)", "", "Andorre", "adéquat"}}})
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

func readCNILBook(t *testing.T, data []byte, opts ...Option) *Result {
	t.Helper()
	res, err := Read(bytes.NewReader(data), int64(len(data)), opts...)
	require.NoError(t, err)
	return res
}

func TestReadCNIL(t *testing.T) {
	data := cnilWorkbook(t)
	for _, opts := range [][]Option{nil, {WithLayout(CNIL)}} {
		res := readCNILBook(t, data, opts...)
		assert.Equal(t, CNIL, res.Layout)
		reg := res.Register
		assert.Equal(t, "fr", reg.Language)
		require.Len(t, reg.Activities, 2)
		pay, rec := reg.Activities[0], reg.Activities[1]

		tests := []struct {
			name      string
			got, want any
		}{
			{"organisation", reg.Organisation, ropa.Party{Name: "Acme SAS", Email: "contact@acme.example", Phone: "01 23 45 67 89",
				Address: &ropa.Address{Street: "1 rue de Rivoli", PostalCode: "75001", City: "Paris", Country: "FR"}}},
			{"dpo", reg.DPO, &ropa.Contact{Name: "Martin HENRI", Email: "dpo@acme.example"}},
			{"representative", reg.Representative, (*ropa.Party)(nil)},
			{"pay id", pay.ID, "rh-01"},
			{"pay name", pay.Name, "Paie du personnel"},
			{"pay reference", pay.Reference, "RH-01"},
			{"pay updated", pay.Updated, ropa.NewDate(2019, 5, 13)},
			{"pay dpo", pay.DPO, (*ropa.Contact)(nil)},
			{"pay joint", pay.JointControllers, []ropa.Party{{Name: "Filiale SA", Email: "info@filiale.example",
				Address: &ropa.Address{Street: "Rue Royale 1", PostalCode: "1000", City: "Bruxelles", Country: "BE"}}}},
			{"pay purposes", each(pay.Purposes, func(p ropa.Purpose) string { return p.Description }), []string{"Gestion de la paie", "Calcul des rémunérations", "Déclarations sociales", "Ordre de virement à la banque"}},
			{"pay bases", pay.Purposes[3].Bases, []ropa.Basis{{Basis: lawfulbasis.LegalObligation}, {Basis: lawfulbasis.Contract}}},
			{"pay data", pay.DataCategories, []ropa.DataCategory{
				{ID: "data-1", Description: "Nom", Class: ropa.IdentityData},
				{ID: "data-2", Description: "prénom", Class: ropa.IdentityData},
				{ID: "data-3", Description: "Adresse", Class: ropa.IdentityData},
				{ID: "data-4", Description: "RIB", Class: ropa.EconomicData},
				{ID: "data-5", Description: "Numéros de sécurité sociale des salariés", NationalID: true},
				{ID: "data-6", Description: "Arrêts maladie", Special: []lawfulbasis.SpecialCategory{lawfulbasis.Health}},
			}},
			{"pay retention data", each(pay.Retention, func(r ropa.RetentionRule) []string { return r.Data }), [][]string{{"data-1", "data-2", "data-3"}, {"data-4"}, {"data-5"}, {"data-6"}}},
			{"pay retention text", each(pay.Retention, func(r ropa.RetentionRule) string { return r.Text }), []string{"5 ans après la fin du contrat", "5 ans après la fin du contrat", "5 ans après la fin du contrat", "3 ans"}},
			{"pay retention period", pay.Retention[0].Period, retention.MustParsePeriod("P5Y")},
			{"pay retention event", pay.Retention[0].From, retention.ContractEnd},
			{"pay subjects", pay.DataSubjects, []ropa.DataSubject{
				{ID: "subject-1", Description: "CDI et CDD", Kind: ropa.Employee},
				{ID: "subject-2", Description: "Services Internes"},
				{ID: "subject-3", Description: "Anciens salariés"},
			}},
			{"pay recipients", pay.Recipients, []ropa.Recipient{
				{Name: "Cabinet comptable Dupuis", Kind: ropa.Processor},
				{Name: "Organismes sociaux", Description: "Partenaires institutionnels ou commerciaux"},
				{Name: "Service interne qui traite les données", Kind: ropa.Internal},
			}},
			{"pay measures", pay.Measures, []string{"mesure-chiffrement-des-donnees", "mesure-controle-d-acces-des-utilisateurs"}},
			{"measures", reg.Measures, []ropa.Measure{
				{ID: "mesure-chiffrement-des-donnees", Kind: ropa.Technical, Description: "Chiffrement des données\nAES-256 au repos"},
				{ID: "mesure-controle-d-acces-des-utilisateurs", Kind: ropa.Technical, Description: "Contrôle d'accès des utilisateurs"},
			}},
			{"pay transfers", pay.Transfers, []ropa.Transfer{
				{Recipient: "Banque d'Andorre", Country: "AD", Mechanism: lawfulbasis.Adequacy, Reference: "Contrat en date du 23/01/2018"},
				{Recipient: "Payroll Inc", Country: "US", Mechanism: lawfulbasis.PrivacyShield},
				{Recipient: "Acme India", Country: "IN", Mechanism: lawfulbasis.SCC, Reference: "https://acme.example/cct"},
			}},
			{"pay none", pay.None, []ropa.Absence(nil)},
			{"rec id", rec.ID, "rh-02"},
			{"rec reference", rec.Reference, "RH-02"},
			{"rec updated", rec.Updated, ropa.NewDate(2024, 3, 1)},
			{"rec dpo", rec.DPO, &ropa.Contact{Name: "Claire Durand", Email: "claire.durand@acme.example"}},
			{"rec purposes", rec.Purposes, []ropa.Purpose{{Description: "Sélection des candidats", Bases: []ropa.Basis{{Basis: lawfulbasis.Consent}}}}},
			{"rec data", each(rec.DataCategories, func(c ropa.DataCategory) string { return c.Description }), []string{"CV", "Lettre de motivation"}},
			{"rec retention", each(rec.Retention, func(r ropa.RetentionRule) string { return r.Text }), []string{"3 ans à compter du dernier contact"}},
			{"rec retention event", rec.Retention[0].From, retention.LastContact},
			{"rec subjects", rec.DataSubjects, []ropa.DataSubject{{ID: "subject-1", Description: "Candidats", Kind: ropa.Applicant}}},
			{"rec recipients", rec.Recipients, []ropa.Recipient{{Name: "Direction des ressources humaines", Kind: ropa.Internal}}},
			{"rec measures", rec.Measures, []string{"mesure-controle-d-acces-des-utilisateurs"}},
			{"rec transfers", rec.Transfers, []ropa.Transfer(nil)},
			{"rec none", rec.None, []ropa.Absence{ropa.NoJointController, ropa.NoTransfers, ropa.NoSpecialData}},
		}
		for _, tt := range tests {
			assert.Equal(t, tt.want, tt.got, tt.name)
		}
		assert.Equal(t, ropa.NewDate(2018, 5, 26), pay.Created, "the list's Date de création de la fiche")
		assert.Equal(t, ropa.NewDate(2018, 5, 26), pay.Started, "the fiche's Date de création du traitement")
		for _, note := range []string{
			"Finalité du traitement in the list ('2_-_Liste_des_traitements'!E10): Gestion de la paie\nCalcul des rémunérations",
		} {
			assert.Contains(t, pay.Notes, note)
		}
		assert.Contains(t, reg.Notes, "The model's example row ('2_-_Liste_des_traitements'!A9) is not imported: (EXEMPLE) Gestion de la paie")

		var problems []string
		for _, p := range res.Problems {
			problems = append(problems, p.String())
		}
		assert.Empty(t, problems)
		// Where each element was read.
		cells := []struct {
			path ropa.Path
			want string
		}{
			{ropa.Root.Child("activities").Index(0), "Paie!B4"},
			{ropa.Root.Child("activities").Index(1), "'Recrutement (RH)'!B4"},
			{ropa.Root.Child("activities").Index(0).Child("purposes").Index(3), "Paie!B23"},
			{ropa.Root.Child("activities").Index(0).Child("transfers").Index(1), "Paie!C64"},
			{ropa.Root.Child("activities").Index(0).Child("dataCategories").Index(5), "Paie!B42"},
			{ropa.Root.Child("organisation"), "'2_-_Liste_des_traitements'!C1"},
		}
		for _, c := range cells {
			got, ok := res.Cell(c.path)
			assert.True(t, ok, c.path.String())
			assert.Equal(t, c.want, got, c.path.String())
		}

		// It loads, and checks without structural findings; the check
		// reports the Privacy Shield, which the model still lists.
		out, err := ropa.Marshal(reg)
		require.NoError(t, err)
		_, _, err = ropa.Decode(out, ropa.JSON)
		require.NoError(t, err)
		assert.Empty(t, ropa.Validate(reg))
		checker, err := ropa.NewChecker()
		require.NoError(t, err)
		rep := checker.Check(reg, ropa.NewDate(2026, 11, 21))
		var rules []string
		for _, f := range rep.Findings {
			if f.Path.String() == "activities[0].transfers[1].mechanism" || strings.HasPrefix(f.Path.String(), "activities[0].transfers[1]") {
				rules = append(rules, f.Rule)
			}
		}
		assert.Contains(t, rules, "invalid-mechanism")
	}
}

// each maps the elements of a list to one of their fields.
func each[T, V any](xs []T, field func(T) V) []V {
	var out []V
	for _, x := range xs {
		out = append(out, field(x))
	}
	return out
}

// TestCNILCountries reads every country of the model's list (5_-_Listes,
// column C), as the model spells it.
func TestCNILCountries(t *testing.T) {
	b, err := os.ReadFile("testdata/cnil-pays.txt")
	require.NoError(t, err)
	names := strings.Split(strings.TrimSpace(string(b)), "\n")
	require.Len(t, names, 175)
	seen := map[string]string{}
	for _, n := range names {
		code, ok := cnilCountry(n)
		if assert.True(t, ok, n) {
			assert.Empty(t, seen[code], "%s and %s are both %s", seen[code], n, code)
			seen[code] = n
		}
	}
	for _, tt := range []struct{ in, want string }{{"Etats-Unis", "US"}, {"États-Unis", "US"}, {"Inde", "IN"}, {"Côte d'Ivoire", "CI"},
		{"Rép. dém. du Congo", "CD"}, {"Congo", "CG"}, {"Royaume-Uni", "GB"}, {"France", "FR"}, {"Bénin", "BJ"}, {"Timor oriental", "TL"}, {"UK", "GB"}, {"Suisse", "CH"}, {"CH", "CH"}} {
		code, ok := cnilCountry(tt.in)
		assert.True(t, ok, tt.in)
		assert.Equal(t, tt.want, code, tt.in)
	}
}

// TestCNILLists holds the tables to the words of the model's lists
// (5_-_Listes, columns A, F, H and J), verbatim.
func TestCNILLists(t *testing.T) {
	sameWords(t, cnilGuarantees, map[string]lawfulbasis.Mechanism{
		"Clauses contractuelles types (CCT)": lawfulbasis.SCC, "Règles d'entreprise contraignantes (BCR)": lawfulbasis.BCR,
		"Pays adéquat": lawfulbasis.Adequacy, "Privacy shield": lawfulbasis.PrivacyShield, "Code de conduite": lawfulbasis.CodeOfConduct,
		"Certification": lawfulbasis.Certification, "Dérogations (art 49)": lawfulbasis.DerogationMechanism,
	})
	sameWords(t, cnilSubjectKinds, map[string]ropa.SubjectKind{"Salariés": ropa.Employee, "Services Internes": "", "Clients": ropa.Customer,
		"Fournisseurs": ropa.Supplier, "Prestataires": "", "Prospects": ropa.Prospect, "Candidats": ropa.Applicant, "Autres (préciser)": ropa.OtherKind})
	sameWords(t, cnilRecipientKinds, map[string]ropa.RecipientKind{"Service interne qui traite les données": ropa.Internal, "Sous-traitants": ropa.Processor,
		"Destinataires dans des pays tiers ou organisations internationales": "", "Partenaires institutionnels ou commerciaux": "",
		"Autre (Préciser)": ropa.OtherRecipient})
	sameWords(t, cnilMeasureWords, map[string]bool{"Mesures de traçabilité": true, "Mesures de protection des logiciels": true,
		"Sauvegarde des données": true, "Chiffrement des données": true, "Contrôle d'accès des utilisateurs": true,
		"Contrôle des sous-traitants": true, "Autres mesures (à préciser)": true})
}

// sameWords holds a table of the reader to the words of a list of the
// model, as the model writes them: each word and nothing else.
func sameWords[V any](t *testing.T, table map[string]V, model map[string]V) {
	t.Helper()
	assert.Len(t, table, len(model))
	for w, v := range model {
		got, ok := table[cnilKey(w)]
		assert.True(t, ok, w)
		assert.Equal(t, v, got, w)
	}
}

func TestCNILLabels(t *testing.T) {
	tests := []struct {
		in   string
		want cnilField
		n    int
	}{
		{"N° / RÉF", cnilRef, 0},
		{"n°/réf :", cnilRef, 0},
		{"Description du traitement ", cnilIgnore, 0},
		{"Sous-finalité 6", cnilSubPurpose, 6},
		{"Sous-finalité12", cnilSubPurpose, 12},
		{"Destinataire 5", cnilRecipient, 5},
		{"Destinataires", cnilRecipientsHead, 0},
		{"Organisme destinataire 7", cnilTransfer, 7},
		{"État civil, identité, données d'identification, images…", cnilData, 0},
		{"État civil, identité, données d'identification, images...", cnilData, 0},
		{"Données révélant les convictions religieuses ou philosophiques\u00a0", cnilSensitive, 0},
		{"Données révélant l’origine raciale ou ethnique", cnilSensitive, 0},
		{"Catégorie de données 2", cnilData, 2},
		{"Données de connexion (adresses IP, logs, etc.)", cnilData, 0},
		{"Internet (cookies, traceurs, etc.)", cnilData, 0},
		{"Vie professionnelle", cnilData, 0},
		{"Remarques", cnilUnknown, 0},
	}
	for _, tt := range tests {
		f, n := cnilLabel(tt.in)
		assert.Equal(t, tt.want, f, tt.in)
		assert.Equal(t, tt.n, n, tt.in)
	}
}

// cnilProblemBook is the model filled in with what cannot be read: a list
// row with no fiche, a word for a date, a cell beside the list; a fiche
// for an activity the list does not hold, with another controller, an
// address that is not one, a country that does not exist, a basis and a
// retention term not understood, a label of the DPO's own, a note typed
// beside the fiche, a measure and a guarantee not of the model's lists,
// and a derogation of Art. 49 with no ground.
func cnilProblemBook(t *testing.T) []byte {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", cnilListSheet))
	_, err := f.NewSheet("Prospection")
	require.NoError(t, err)
	writeSheet(t, f, cnilListSheet, []ficheRow{
		{spanNone, []any{"Coordonnées du responsable de l’organisme", "Nom :", "Acme SAS"}},
		{spanNone, []any{"Nom du traitement", "N° / RÉF", "Date de création de la fiche", "Dernière mise à jour de la fiche", "Finalité du traitement", "", "", "Oui/non"}},
		{spanNone, []any{"Newsletter", "MK-01", "", "bientôt", "Envoi de la lettre d'information", "", "", "peut-être", "", "à revoir"}},
		{spanNone, []any{"Prospection commerciale", "MK-02", "", "2024-01-01", "", "", "", "Non"}},
	})
	writeSheet(t, f, "Prospection", cat(modelHead("Prospection commerciale", "MK-02", "", "01/02/2024"), []ficheRow{
		actor("Responsable du traitement", "Autre Société"),
		actor("Délégué à la protection des données", "Martin HENRI", "", "", "", "", "", "dpo at acme"),
		actor("Responsable(s) conjoint(s)", "Partenaire SA", "", "", "", "Atlantide"),
		purposesHead,
		whole("Finalité principale", "Prospection"),
		whole("Base légale", "on verra"),
		dataHead,
		two("État civil, identité, données d'identification, images…", "Nom", "comme d'habitude"),
		two("Vie personnelle (habitudes de vie, situation familiale, etc.)", "", "2 ans"),
		{spanNone, []any{"Remarques", "à valider par le DPO"}},
		subjectsHead,
		two("Catégorie de personnes 1", "Clients\nProspects", "B2B"),
		{spanNone, []any{"", "", "", "", "", "", "", "", "note perso"}},
		measuresHead,
		two("Mesure de sécurité 1", "Formation du personnel", ""),
		two("Mesure de sécurité 2", "Mesures organisationnelles", "Charte informatique"),
		transfersHead,
		tr("Organisme destinataire 1", "Agence X", "Atlantide", "Dérogations (art 49)", ""),
		tr("Organisme destinataire 2", "Agence Y", "Maroc", "Contrat maison", ""),
	}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

func TestReadCNILProblems(t *testing.T) {
	res := readCNILBook(t, cnilProblemBook(t))
	assert.Equal(t, CNIL, res.Layout)
	list := "'2_-_Liste_des_traitements'!"
	want := []struct{ ref, text, message string }{
		{list + "D3", "bientôt", "not a date"},
		{list + "H3", "peut-être", "not oui or non"},
		{list + "J3", "à revoir", "cell outside the CNIL list's columns"},
		{list + "D4", "2024-01-01", "last update differs from that of its fiche (2024-02-01, Prospection!B7)"},
		{"Prospection!B10", "Autre Société", "differs from the register's organisation (Acme SAS"},
		{"Prospection!H11", "dpo at acme", "not one e-mail address"},
		{"Prospection!F12", "Atlantide", "not a country"},
		{"Prospection!B15", "on verra", "no lawful basis"},
		{"Prospection!E17", "comme d'habitude", "retention term not understood"},
		{"Prospection!E18", "2 ans", "retention term of a row with no description"},
		{"Prospection!B19", "à valider par le DPO", `under the label "Remarques"`},
		{"Prospection!I22", "note perso", "cell outside the columns"},
		{"Prospection!B24", "Formation du personnel", "not in the model's list of technical measures"},
		{"Prospection!C27", "Atlantide", "not a country"},
		{"Prospection!D27", "Dérogations (art 49)", "which derogation of Art. 49(1)"},
		{"Prospection!D28", "Contrat maison", "not of the model's list"},
		{list + "A3", "Newsletter", "no fiche de registre of this activity"},
	}
	require.Len(t, res.Problems, len(want), "%v", res.Problems)
	for i, w := range want {
		p := res.Problems[i]
		assert.Equal(t, w.ref, p.Ref(), w.text)
		assert.Equal(t, w.text, p.Text, w.ref)
		assert.Contains(t, p.Message, w.message, w.ref)
	}
	reg := res.Register
	require.Len(t, reg.Activities, 2)
	news, pros := reg.Activities[0], reg.Activities[1]
	assert.Equal(t, "Newsletter", news.Name)
	assert.Equal(t, "mk-02", pros.ID)
	// Each problem is kept in the notes of its activity.
	assert.Contains(t, news.Notes, list+"D3: not a date")
	assert.Contains(t, news.Notes, list+"A3: no fiche de registre")
	for _, w := range want[3:16] {
		assert.Contains(t, pros.Notes, w.ref+": ", w.ref)
	}
	assert.Contains(t, pros.Notes, "Précisions (Prospection!E21) of the 2 values of Prospection!B21: B2B")
	assert.Equal(t, []ropa.DataSubject{{ID: "subject-1", Description: "Clients", Kind: ropa.Customer}, {ID: "subject-2", Description: "Prospects", Kind: ropa.Prospect}}, pros.DataSubjects)
	assert.Equal(t, []ropa.Transfer{
		{Recipient: "Agence X", Mechanism: lawfulbasis.DerogationMechanism, Note: "Pays: Atlantide"},
		{Recipient: "Agence Y", Country: "MA", Note: "Type de Garanties: Contrat maison"},
	}, pros.Transfers)
	assert.Equal(t, []ropa.Party{{Name: "Partenaire SA"}}, pros.JointControllers)
	assert.Equal(t, []ropa.Measure{
		{ID: "mesure-formation-du-personnel", Kind: ropa.Technical, Description: "Formation du personnel"},
		{ID: "mesure-mesures-organisationnelles", Kind: ropa.Organisational, Description: "Mesures organisationnelles\nCharte informatique"},
	}, reg.Measures)
	assert.Equal(t, &ropa.Contact{Name: "Martin HENRI"}, reg.DPO)
	assert.Equal(t, ropa.NewDate(2024, 2, 1), pros.Updated)
	assert.Equal(t, []ropa.Absence{ropa.NoSpecialData}, pros.None)
	// The check reports what the workbook lacks.
	var rules []string
	for _, f := range ropa.Validate(reg) {
		rules = append(rules, f.Rule+" "+f.Path.String())
	}
	assert.Contains(t, rules, "required activities[1].transfers[0].country")
	assert.Contains(t, rules, "required activities[1].transfers[0].derogation")
}

// TestReadCNILFichesOnly reads a workbook of fiches alone, on tabs the DPO
// named, as the CNIL's example fills them: recognised by the labels of
// column A, the organisation taken from the first fiche.
func TestReadCNILFichesOnly(t *testing.T) {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "Fiche RH"))
	writeSheet(t, f, "Fiche RH", cat(modelHead("Gestion de la paie", "1", "", "13/05/2019"), []ficheRow{
		actor("Responsable du traitement", "Louise DUPONT", "1 rue Rivoli", 75001, "Paris", "France", "01 xx xx xx xx", "exemple1@ets.com"),
		actor("Délégué à la protection des données", "Martin HENRI", "1 rue Rivoli", 75001, "Paris", "France", "01 xx xx xx xx", "exemple2@ets.com"),
		actor("Société du DPO (si celui-ci est externe)", "N/A"),
	}, sections{purpose: "Gestion de la paie",
		data:      [2]string{"Noms, prénoms, adresses", "5 ans à compter du versement de la paie"},
		subject:   [2]string{"Salariés", ""},
		recipient: [2]string{"Destinataires dans des pays tiers ou organisations internationales", "Banque d'Andorre"},
		measure:   [2]string{"Autres mesures (à préciser)", ""},
		transfer:  [4]string{"Banque d'Andorre", "Andorre", "Clauses contractuelles types (CCT)", "Contrat en date du 23/01/2018"},
	}.rows()))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	res := readCNILBook(t, buf.Bytes())
	assert.Equal(t, CNIL, res.Layout)
	reg := res.Register
	assert.Equal(t, ropa.Party{Name: "Louise DUPONT", Phone: "01 xx xx xx xx", Email: "exemple1@ets.com",
		Address: &ropa.Address{Street: "1 rue Rivoli", PostalCode: "75001", City: "Paris", Country: "FR"}}, reg.Organisation)
	assert.Equal(t, "Martin HENRI", reg.DPO.Name)
	require.Len(t, reg.Activities, 1)
	a := reg.Activities[0]
	assert.Equal(t, "1", a.ID)
	assert.Equal(t, []ropa.Recipient{{Name: "Banque d'Andorre", Description: "Destinataires dans des pays tiers ou organisations internationales"}}, a.Recipients)
	assert.Equal(t, []ropa.Measure{{ID: "mesure-autres-mesures-a-preciser", Kind: ropa.Technical, Description: "Autres mesures (à préciser)"}}, reg.Measures)
	assert.Equal(t, []ropa.Transfer{{Recipient: "Banque d'Andorre", Country: "AD", Mechanism: lawfulbasis.SCC, Reference: "Contrat en date du 23/01/2018"}}, a.Transfers)
	// The CNIL's own example term names an event of the register's own.
	require.Len(t, res.Problems, 1)
	assert.Equal(t, "'Fiche RH'!E16", res.Problems[0].Ref())
	assert.Contains(t, res.Problems[0].Message, "versement de la paie")
	assert.Empty(t, ropa.Validate(reg))
}

func TestReadCNILNotCNIL(t *testing.T) {
	data := oneCell(t, "Sheet1", "Nom du traitement")
	_, err := Read(bytes.NewReader(data), int64(len(data)), WithLayout(CNIL))
	require.ErrorIs(t, err, ErrNotWorkbook)
	assert.Contains(t, err.Error(), "fiche de registre")
	_, err = Read(bytes.NewReader(data), int64(len(data)))
	require.ErrorIs(t, err, ErrNotWorkbook)
	assert.Contains(t, err.Error(), "nor the CNIL model's")
}

// fuzzFiche builds a fiche with the texts a person types in its cells:
// the name, a purpose, a description of data, the details of a category of
// persons, a transfer's recipient, and a row of a label and value of the
// person's own.
func fuzzFiche(t *testing.T, name, purpose, data, details, dest, label, value string) []byte {
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetName("Sheet1", "Fiche"))
	writeSheet(t, f, "Fiche", cat(modelHead(name, "F-1", "", ""), []ficheRow{
		actor("Responsable du traitement", "Acme SAS"),
		whole("Finalité principale", purpose),
		dataHead,
		two("Vie personnelle (habitudes de vie, situation familiale, etc.)", data, "2 ans"),
		two("Catégorie de personnes 1", "Autres (préciser)", details),
		tr("Organisme destinataire 1", dest, "Inde", "Clauses contractuelles types (CCT)", ""),
		{spanNone, []any{label, value}},
	}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

// typeable reports whether a person could type s in a cell and read it
// back: valid UTF-8 with no control character but the line break, and no
// longer than a fiche's cell needs.
func typeable(s string) bool {
	if !utf8.ValidString(s) || len(s) > 2000 {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r == 0xfffe || r == 0xffff || r >= 0xd800 && r <= 0xdfff {
			return false
		}
	}
	return true
}

// kept returns every string of the register a read made, as its canonical
// JSON holds them, and the text of every problem, each ended by a NUL: what
// a fuzzer looks for the text it typed in. The register must encode.
func kept(t *testing.T, res *Result) string {
	t.Helper()
	out, err := ropa.Marshal(res.Register)
	require.NoError(t, err)
	var doc any
	require.NoError(t, json.Unmarshal(out, &doc))
	var all strings.Builder
	strs(doc, &all)
	for _, p := range res.Problems {
		all.WriteString(p.Text + "\x00")
	}
	return all.String()
}

// strs collects every string of a JSON value.
func strs(v any, out *strings.Builder) {
	switch v := v.(type) {
	case string:
		out.WriteString(v)
		out.WriteString("\x00")
	case []any:
		for _, x := range v {
			strs(x, out)
		}
	case map[string]any:
		for _, x := range v {
			strs(x, out)
		}
	}
}

// FuzzCNIL reads fiches with any text in their cells: reading never fails
// or panics, the register it makes encodes, and every value typed in a
// cell of free text is in the register or in a problem.
func FuzzCNIL(f *testing.F) {
	f.Add("Paie du personnel", "Gestion de la paie", "Nom; prénom\nAdresse", "Intérimaires", "Banque d'Andorre", "Remarques", "à valider")
	f.Add("", "", "Non", "", "", "", "note")
	f.Add(placeholder, "Sous-finalité 1", "N/A", "Salariés", "Aucun", "► Données sensibles", "x")
	f.Add("N° / RÉF", "a\nb\n\n c ", ";;", " ", "Etats-Unis", "Sous-finalité 7", "Prospection")
	f.Fuzz(func(t *testing.T, name, purpose, data, details, dest, label, value string) {
		for _, s := range []string{name, purpose, data, details, dest, label, value} {
			if !typeable(s) {
				t.Skip()
			}
		}
		book := fuzzFiche(t, name, purpose, data, details, dest, label, value)
		res, err := Read(bytes.NewReader(book), int64(len(book)), WithLayout(CNIL))
		require.NoError(t, err)
		found := kept(t, res)
		kept := func(what, v string, parts func(string) []string) {
			for _, part := range parts(cnilValue(v)) {
				if cnilNone[cnilKey(part)] {
					continue // "Non", "N/A": an answer that there is none
				}
				assert.Contains(t, found, part, "%s %q: %q is neither in the register nor in a problem", what, v, part)
			}
		}
		one := func(s string) []string { return nonEmpty(strings.TrimSpace(s)) }
		kept("name", name, one)
		kept("purpose", purpose, splitLines)
		kept("data", data, splitValues)
		kept("details", details, one)
		kept("recipient", dest, one)
		if f, _ := cnilLabel(label); f == cnilUnknown {
			kept("value", value, one)
			if !cnilHelp(label) && cnilValue(value) == "" {
				kept("label", label, one)
			}
		}
	})
}

// A fiche of the CNIL's model on a tab the DPO named, read by its labels.
func ExampleRead_cnil() {
	f := excelize.NewFile()
	_ = f.SetSheetName("Sheet1", "Paie")
	for cell, v := range map[string]string{
		"A4": "Nom du traitement", "B4": "Gestion de la paie",
		"A5": "N° / RÉF", "B5": "RH-01",
		"A9": "Acteurs", "B9": "Nom",
		"A10": "Responsable du traitement", "B10": "Acme SAS",
		"A17": "Finalité principale", "B17": "Calcul des rémunérations",
		"A24": "Catégories de données personnelles concernées", "B24": "Description", "E24": "Durée de conservation",
		"A25": "État civil, identité, données d'identification, images…", "B25": "Nom; prénom", "E25": "5 ans après la fin du contrat",
	} {
		_ = f.SetCellValue("Paie", cell, v)
	}
	var buf bytes.Buffer
	_ = f.Write(&buf)
	res, err := Read(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		panic(err)
	}
	a := res.Register.Activities[0]
	fmt.Println(res.Layout, res.Register.Organisation.Name, a.ID, a.Name)
	fmt.Println(a.DataCategories[1].Description, a.DataCategories[1].Class, a.Retention[0].Period, a.Retention[0].From)
	// Output:
	// cnil Acme SAS rh-01 Gestion de la paie
	// prénom identity P5Y contract-end
}

// TestReadCNILExported reads the CNIL workbook that export.WriteXLSX
// writes: its list and fiches are the model's, each activity found again.
func TestReadCNILExported(t *testing.T) {
	reg, _, err := examples.Load("wengage")
	require.NoError(t, err)
	reg.Activities[0].Created, reg.Activities[0].Started = ropa.NewDate(2021, 3, 1), ropa.NewDate(2021, 4, 1)
	var buf bytes.Buffer
	require.NoError(t, export.WriteXLSX(&buf, reg, export.WithLayout(export.CNIL), export.WithLang(export.French)))
	res := readCNILBook(t, buf.Bytes())
	// The list's Date de création de la fiche and the fiche's Date de
	// création du traitement hold the record's creation and the start.
	assert.Equal(t, reg.Activities[0].Created, res.Register.Activities[0].Created)
	assert.Equal(t, reg.Activities[0].Started, res.Register.Activities[0].Started)
	assert.Equal(t, CNIL, res.Layout)
	assert.Equal(t, reg.Organisation.Name, res.Register.Organisation.Name)
	name := func(a ropa.Activity) string { return a.Name }
	assert.Equal(t, each(reg.Activities, name), each(res.Register.Activities, name))
	for i, a := range res.Register.Activities {
		assert.Equal(t, len(reg.Activities[i].Purposes), len(a.Purposes), a.Name)
		assert.Equal(t, len(reg.Activities[i].DataSubjects), len(a.DataSubjects), a.Name)
	}
	// The kind the fiche writes beside a measure is its kind, not part of
	// its description.
	described := map[string]ropa.MeasureKind{}
	for _, m := range reg.Measures {
		described[m.Description] = m.Kind
	}
	require.NotEmpty(t, res.Register.Measures)
	for _, m := range res.Register.Measures {
		kind, ok := described[m.Description]
		if assert.True(t, ok, "measure %q is one of the register's", m.Description) {
			assert.Equal(t, kind, m.Kind, m.Description)
		}
	}
	for _, p := range res.Problems {
		assert.NotContains(t, p.Message, "type of measure not in the model's list", p.Ref())
		// The words the fiche writes for a transfer that names no country
		// say that none is stated, not a country the reader cannot read.
		assert.NotContains(t, p.Message, "not a country", p.Ref())
	}
	for i, a := range res.Register.Activities {
		for j, tr := range a.Transfers {
			assert.Equal(t, reg.Activities[i].Transfers[j].Country, tr.Country, a.Name)
		}
	}
}
