package importxlsx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/go-playground/validator/v10"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/openropa/registry/export"
	"github.com/openropa/registry/lang"
	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/openropa/registry/ropa"
)

// The CNIL's model "registre-traitement-simplifie" (2019): a sheet
// 2_-_Liste_des_traitements with the contact details of the organisation,
// its representative and its DPO above a list of the activities, and one
// "fiche de registre" per activity, a copy of the sheet
// 3_-_Modèle_de_fiche_de_registre whose labels stand in column A. Every
// label and list word below is the model's own text, read cell by cell from
// a copy of the model file
// (https://www.cnil.fr/sites/cnil/files/atoms/files/registre-traitement-simplifie.ods,
// published in July 2019 as francenum.gouv.fr's page on it says; the copy
// read has SHA-256 b7e3f2da76b1d3ff9e77324afbc73a5acf9cca0ca45be66af4a434417b1c0477).
const (
	cnilListSheet    = "2_-_Liste_des_traitements"
	cnilExampleSheet = "4_-_Exemple_de_fiche"
	cnilListsSheet   = "5_-_Listes"
	cnilTutorial     = "Tutoriel"
	// cnilPlaceholder is what the model's drop-down cells hold before a
	// value is chosen: an empty cell.
	cnilPlaceholder = "Sélectionnez un élément dans cette liste déroulante ►"
	// cnilModelRef is the reference the model's fiche holds before it is
	// filled in.
	cnilModelRef = "ref-001"
)

// cnilKey returns the key of a label or list word: lower case, spaces
// (no-break spaces too) folded, typographic apostrophes straightened, and a
// trailing colon or ellipsis left out ("N° / RÉF" and "n°/réf" alike).
func cnilKey(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018':
			return '\''
		case '\u00a0', '\u202f':
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, " :…")
	s = strings.TrimSuffix(s, "...")
	return strings.ReplaceAll(s, " / ", "/")
}

var cnilNumbered = regexp.MustCompile(`^(.*?) ?([0-9]+)$`)

// cnilBase splits a label into its words and its number: "sous-finalité 6"
// is ("sous-finalité", 6); a label with no number has 0.
func cnilBase(key string) (string, int) {
	if m := cnilNumbered.FindStringSubmatch(key); m != nil {
		n, _ := strconv.Atoi(m[2])
		return m[1], n
	}
	return key, 0
}

// cnilField is what a row of a fiche holds, told by its label in column A.
type cnilField int

const (
	cnilUnknown cnilField = iota
	cnilIgnore            // the title, instructions and section headings without columns
	cnilName
	cnilRef
	cnilCreated
	cnilUpdated
	cnilActors // the heading row of the actors' table
	cnilController
	cnilDPO
	cnilDPOCompany
	cnilRepresentative
	cnilJoint
	cnilMainPurpose
	cnilSubPurpose
	cnilBasis // a row a DPO adds for the legal basis
	cnilDataHead
	cnilData
	cnilSensitiveHead
	cnilSensitive
	cnilSubjectsHead
	cnilSubject
	cnilRecipientsHead
	cnilRecipient
	cnilMeasuresHead
	cnilMeasure
	cnilTransfersHead
	cnilTransfer
)

// cnilLabels maps the key of each label of the model's fiche (without its
// number) to what its row holds.
var cnilLabels = map[string]cnilField{
	"modèle de fiche de registre à compléter":       cnilIgnore,
	"fiche de registre":                             cnilIgnore,
	"description du traitement":                     cnilIgnore,
	"finalité(s) du traitement effectué":            cnilIgnore,
	"nom du traitement":                             cnilName,
	"n°/réf":                                        cnilRef,
	"date de création du traitement":                cnilCreated,
	"mise à jour du traitement":                     cnilUpdated,
	"acteurs":                                       cnilActors,
	"responsable du traitement":                     cnilController,
	"délégué à la protection des données":           cnilDPO,
	"société du dpo (si celui-ci est externe)":      cnilDPOCompany,
	"représentant":                                  cnilRepresentative,
	"responsable(s) conjoint(s)":                    cnilJoint,
	"responsable conjoint":                          cnilJoint,
	"finalité principale":                           cnilMainPurpose,
	"sous-finalité":                                 cnilSubPurpose,
	"base légale":                                   cnilBasis,
	"base juridique":                                cnilBasis,
	"base légale du traitement":                     cnilBasis,
	"fondement juridique":                           cnilBasis,
	"catégories de données personnelles concernées": cnilDataHead,
	"données sensibles":                             cnilSensitiveHead,
	"catégories de personnes concernées":            cnilSubjectsHead,
	"catégorie de personnes":                        cnilSubject,
	"destinataires":                                 cnilRecipientsHead,
	"destinataire":                                  cnilRecipient,
	"mesures de sécurité":                           cnilMeasuresHead,
	"mesure de sécurité":                            cnilMeasure,
	"transferts hors ue":                            cnilTransfersHead,
	"organisme destinataire":                        cnilTransfer,
}

// cnilDataClass is what a row of categories of data stands for: a class
// of data, or the national identification number (Art. 87).
type cnilDataClass struct {
	class      ropa.DataClass
	nationalID bool
}

// cnilDataRows are the fixed rows of categories of data of the fiche, by
// the key of their label: the class of data each stands for, and whether
// it is the national identification number (Art. 87). Labels of the older
// "registre de base" a DPO may add are read too.
var cnilDataRows = map[string]cnilDataClass{
	"état civil, identité, données d'identification, images":                                                {class: ropa.IdentityData},
	"vie personnelle (habitudes de vie, situation familiale, etc.)":                                         {class: ropa.PersonalLife},
	"vie professionnelle (cv, scolarité, formation professionnelle, etc.)":                                  {class: ropa.ProfessionalLife},
	"internet (cookies, traceurs, etc.)":                                                                    {class: ropa.InternetData},
	"informations d'ordre économique et financier (revenus, situation financière, situation fiscale, etc.)": {class: ropa.EconomicData},
	"données de connexion (adress ip, logs, etc.)":                                                          {class: ropa.ConnectionData},
	"données de localisation (déplacements, données gps, gsm, etc.)":                                        {class: ropa.LocationData},
	"numéro de sécurité sociale (ou nir)":                                                                   {nationalID: true},
	"autres catégories de données":                                                                          {class: ropa.OtherData},
}

// cnilDataRow finds the row of categories of data of a label's key, by
// its words before the examples in brackets where the examples differ
// ("Données de connexion (adresses IP, logs, etc.)").
func cnilDataRow(k string) (cnilDataClass, bool) {
	if row, ok := cnilDataRows[k]; ok {
		return row, true
	}
	words, _, _ := strings.Cut(k, " (")
	for label, row := range cnilDataRows {
		if w, _, _ := strings.Cut(label, " ("); w == words {
			return row, true
		}
	}
	return cnilDataClass{}, false
}

// cnilSensitiveRows are the nine rows of sensitive data of the fiche: the
// special category of Art. 9(1) each stands for, or Art. 10 for the last.
var cnilSensitiveRows = map[string]lawfulbasis.SpecialCategory{
	"données révélant l'origine raciale ou ethnique":                                     lawfulbasis.RacialEthnicOrigin,
	"données révélant les opinions politiques":                                           lawfulbasis.PoliticalOpinions,
	"données révélant les convictions religieuses ou philosophiques":                     lawfulbasis.ReligiousBeliefs,
	"données révélant l'appartenance syndicale":                                          lawfulbasis.TradeUnion,
	"données génétiques":                                                                 lawfulbasis.Genetic,
	"données biométriques aux fins d'identifier une personne physique de manière unique": lawfulbasis.Biometric,
	"données concernant la santé":                                                        lawfulbasis.Health,
	"données concernant la vie sexuelle ou l'orientation sexuelle":                       lawfulbasis.SexLifeOrientation,
	"données relatives à des condamnations pénales ou infractions":                       "", // Art. 10
}

// cnilSubjectKinds are the words of the model's list "Catégories de
// personnes" (5_-_Listes, column F) with the kind each names; "Services
// Internes" and "Prestataires" name no kind of the format and stay as
// written.
var cnilSubjectKinds = map[string]ropa.SubjectKind{
	"salariés": ropa.Employee, "clients": ropa.Customer, "fournisseurs": ropa.Supplier, "prospects": ropa.Prospect,
	"candidats": ropa.Applicant, "autres (préciser)": ropa.OtherKind, "services internes": "", "prestataires": "",
}

// cnilRecipientKinds are the words of the model's list "Destinataires"
// (5_-_Listes, column H) with the kind each names; the recipients in third
// countries and the partners name no role of the format and stay as
// written.
var cnilRecipientKinds = map[string]ropa.RecipientKind{
	"service interne qui traite les données": ropa.Internal,
	"sous-traitants": ropa.Processor,
	"destinataires dans des pays tiers ou organisations internationales": "",
	"partenaires institutionnels ou commerciaux":                         "",
	"autre (préciser)": ropa.OtherRecipient,
}

// cnilMeasureWords are the words of the model's list "Mesures de sécurité
// techniques" (5_-_Listes, column J): the model lists each of them as a
// technical measure.
var cnilMeasureWords = map[string]bool{
	"mesures de traçabilité": true, "mesures de protection des logiciels": true, "sauvegarde des données": true,
	"chiffrement des données": true, "contrôle d'accès des utilisateurs": true, "contrôle des sous-traitants": true,
	"autres mesures (à préciser)": true,
}

// cnilGuarantees are the words of the model's list "Garanties" (5_-_Listes,
// column A) with the Chapter V mechanism each names: an adequate country
// (Art. 45), the appropriate safeguards of Art. 46(2) (standard contractual
// clauses, binding corporate rules of Art. 47, codes of conduct,
// certification) and the derogations of Art. 49, as the CCI Paris Île-de-
// France's page on the tools of transfer names them in French
// (entreprises.cci-paris-idf.fr, "Les outils de transfert de données
// personnelles vers des pays non couverts par une décision d'adéquation").
// The model still lists the Privacy Shield, which the Court of Justice
// invalidated (C-311/18, 16 July 2020): it is read as that ended mechanism,
// for the check to report. Which derogation of Art. 49(1) a transfer rests on
// the model does not ask: a problem says so.
var cnilGuarantees = map[string]lawfulbasis.Mechanism{
	"clauses contractuelles types (cct)":       lawfulbasis.SCC,
	"règles d'entreprise contraignantes (bcr)": lawfulbasis.BCR,
	"pays adéquat":         lawfulbasis.Adequacy,
	"privacy shield":       lawfulbasis.PrivacyShield,
	"code de conduite":     lawfulbasis.CodeOfConduct,
	"certification":        lawfulbasis.Certification,
	"dérogations (art 49)": lawfulbasis.DerogationMechanism,
}

// cnilNone are the answers that state there is nothing ("N/A", as the
// model's example fiche writes for an internal DPO).
var cnilNone = map[string]bool{"n/a": true, "na": true, "néant": true, "aucun": true, "aucune": true, "non": true,
	"-": true, "sans objet": true, "non applicable": true, "pas de transfert": true, "aucun transfert": true}

// cnilHelp reports whether a cell is one of the model's links to the
// CNIL's guides, which hold nothing of the register.
func cnilHelp(v string) bool {
	k := cnilKey(v)
	return strings.HasPrefix(k, "►") || k == "consulter les guides et définitions sur le site de la cnil" ||
		strings.HasPrefix(k, "cet onglet est un modèle de fiche") || strings.HasPrefix(k, "cet exemple est basé sur")
}

// cnilValue is the text of a cell as the register reads it: trimmed, and
// empty for the drop-down placeholder.
func cnilValue(v string) string {
	v = strings.TrimSpace(v)
	if cnilKey(v) == cnilKey(cnilPlaceholder) {
		return ""
	}
	return v
}

// cnilLabel tells the field of a row by its label.
func cnilLabel(a string) (cnilField, int) {
	k := cnilKey(a)
	if f, ok := cnilLabels[k]; ok {
		return f, 0
	}
	if _, ok := cnilDataRow(k); ok {
		return cnilData, 0
	}
	if _, ok := cnilSensitiveRows[k]; ok {
		return cnilSensitive, 0
	}
	if base, n := cnilBase(k); n > 0 {
		if f, ok := cnilLabels[base]; ok {
			return f, n
		}
		if base == "catégorie de données" {
			return cnilData, n
		}
	}
	return cnilUnknown, 0
}

// cnilFicheFields are the labels that make a sheet a fiche: a sheet whose
// column A holds at least cnilMinLabels of them is read as one, whatever
// its name.
var cnilFicheFields = []cnilField{cnilName, cnilRef, cnilActors, cnilMainPurpose, cnilDataHead, cnilSensitiveHead,
	cnilSubjectsHead, cnilRecipientsHead, cnilMeasuresHead, cnilTransfersHead}

const cnilMinLabels = 4

// isFiche reports whether column A of a sheet holds the fiche's labels.
func isFiche(s *sheet) bool {
	seen := map[cnilField]bool{}
	for r := 1; r <= len(s.rows); r++ {
		if f, _ := cnilLabel(s.cell(r, 1)); f != cnilUnknown {
			seen[f] = true
		}
	}
	n := 0
	for _, f := range cnilFicheFields {
		if seen[f] {
			n++
		}
	}
	return n >= cnilMinLabels
}

// cnilSkipped are the sheets of the model that hold no register: its
// tutorial, its example fiche and its lists.
func cnilSkipped(name string) bool {
	k := cnilKey(name)
	return k == cnilKey(cnilExampleSheet) || k == cnilKey(cnilListsSheet) || k == cnilKey(cnilTutorial)
}

// cnilSheets returns the name of the list sheet (or "") and the sheets read
// as fiches, in the workbook's order.
func (wb *workbook) cnilSheets() (string, []*sheet, error) {
	list := ""
	var fiches []*sheet
	for _, n := range wb.f.GetSheetList() {
		switch {
		case cnilKey(n) == cnilKey(cnilListSheet):
			list = n
		case cnilSkipped(n):
		default:
			s, err := wb.sheet(n)
			if err != nil {
				return "", nil, err
			}
			if isFiche(s) {
				fiches = append(fiches, s)
			}
		}
	}
	return list, fiches, nil
}

// isCNIL reports whether the workbook is the CNIL's model: its list sheet,
// or a sheet of fiche labels. The sheets read to tell are read again, and
// counted, when the workbook is read.
func (wb *workbook) isCNIL() (bool, error) {
	before := wb.read
	defer func() { wb.read = before }()
	list, fiches, err := wb.cnilSheets()
	return list != "" || len(fiches) > 0, err
}

// cnil reads the CNIL model.
type cnil struct {
	wb   *workbook
	reg  *ropa.Register
	ids  map[string]bool
	meas map[string]string // measure id by kind and description
	// from the list: the row (and sheet) of each activity read from it,
	// and whether a fiche was matched to it
	list      *sheet
	listRow   []int
	matched   []bool
	fiches    []string // the sheet of each list activity's fiche
	sensitive []bool   // whether that fiche declares sensitive data
	// the cell the organisation was first read from
	orgCell string
}

func readCNIL(wb *workbook) (*Result, error) {
	listName, fiches, err := wb.cnilSheets()
	if err != nil {
		return nil, err
	}
	if listName == "" && len(fiches) == 0 {
		return nil, fmt.Errorf("%w: no sheet %q nor any sheet with the labels of the CNIL's fiche de registre in column A", ErrNotWorkbook, cnilListSheet)
	}
	x := &cnil{wb: wb, reg: &ropa.Register{Schema: ropa.SchemaV1, Language: string(lang.French)}, ids: map[string]bool{}, meas: map[string]string{}}
	if listName != "" {
		if x.list, err = wb.sheet(listName); err != nil {
			return nil, err
		}
		x.readList()
	}
	for _, s := range fiches {
		x.fiche(s)
	}
	for i, ok := range x.matched {
		x.listSensitive(i)
		if !ok {
			x.wb.problem(x.list, x.listRow[i], 1, i, x.reg.Activities[i].Name, "no fiche de registre of this activity (matched by N° / RÉF, then by name): its data, persons, recipients and transfers are not known")
		}
	}
	if x.reg.Organisation.Name == "" {
		s, cell := x.list, "C1"
		if s == nil {
			s = fiches[0]
			cell = "B10"
		}
		x.wb.problems = append(x.wb.problems, Problem{Sheet: s.name, Cell: cell, Message: "no name of the organisation (Nom of the responsable de l'organisme, or of the responsable du traitement of a fiche)"})
		x.wb.problemAct = append(x.wb.problemAct, -1)
	}
	return &Result{Register: x.reg, Lang: lang.French}, nil
}

// ---- the list sheet ----

// The column headings of the list (row 8 of the model), by key; the
// purposes' column has its heading in the group row above.
const (
	cnilColName      = "nom du traitement"
	cnilColRef       = "n°/réf"
	cnilColCreated   = "date de création de la fiche"
	cnilColUpdated   = "dernière mise à jour de la fiche"
	cnilColPurposes  = "finalité du traitement"
	cnilColSensitive = "oui/non"
	cnilColSensGroup = "données sensibles ?"
	cnilColIdent     = "identification du traitement"
)

// cnilBlockNote is the second line of the labels of the list's first two
// contact blocks.
const cnilBlockNote = "(responsable de traitement ou son représentant si le responsable est situé en dehors de l'ue)"

// cnilGroups are the group headings above the list's headings.
var cnilGroups = map[string]bool{cnilColIdent: true, cnilColPurposes: true, cnilColSensGroup: true}

// cnilBlock is one of the contact blocks above the list.
type cnilBlock int

const (
	cnilNoBlock cnilBlock = iota
	cnilOrgBlock
	cnilRepBlock
	cnilDPOBlock
)

func cnilBlockOf(a string) cnilBlock {
	k := cnilKey(a)
	switch {
	case strings.HasPrefix(k, "coordonnées du responsable de l'organisme"):
		return cnilOrgBlock
	case strings.HasPrefix(k, "coordonnées du représentant"):
		return cnilRepBlock
	case strings.HasPrefix(k, "coordonnées du délégué à la protection des données"):
		return cnilDPOBlock
	}
	return cnilNoBlock
}

// cnilContact is what a block or an actors' row holds, each value with its
// cell.
type cnilContact struct {
	name, first, company, street, postal, city, country, phone, email cellText
}

type cellText struct {
	v        string
	row, col int
}

// blockLabels maps the labels of the contact blocks to their field.
var blockLabels = map[string]func(*cnilContact) *cellText{
	"nom":                      func(c *cnilContact) *cellText { return &c.name },
	"prénom":                   func(c *cnilContact) *cellText { return &c.first },
	"adresse":                  func(c *cnilContact) *cellText { return &c.street },
	"adresse mél":              func(c *cnilContact) *cellText { return &c.email },
	"code postal":              func(c *cnilContact) *cellText { return &c.postal },
	"ville":                    func(c *cnilContact) *cellText { return &c.city },
	"téléphone":                func(c *cnilContact) *cellText { return &c.phone },
	"société (si dpo externe)": func(c *cnilContact) *cellText { return &c.company },
	"pays":                     func(c *cnilContact) *cellText { return &c.country },
}

// listHeading finds the row of the list's column headings (Nom du
// traitement in column A), or 0.
func listHeading(s *sheet) int {
	for r := 1; r <= len(s.rows); r++ {
		if cnilKey(s.cell(r, 1)) == cnilColName {
			return r
		}
	}
	return 0
}

func (x *cnil) readList() {
	s := x.list
	head := listHeading(s)
	if head == 0 {
		x.wb.problem(s, 1, 1, -1, "", "no row of the list's headings (Nom du traitement in column A); the list is not read")
		return
	}
	x.blocks(s, head)
	cols := map[string]int{}
	for c := 1; c <= len(s.rows[head-1]); c++ {
		k := cnilKey(s.cell(head, c))
		if k == "" && head > 1 {
			k = cnilKey(s.cell(head-1, c)) // the purposes' heading is the group's
		}
		if k == cnilColSensGroup {
			k = cnilColSensitive
		}
		if _, dup := cols[k]; k != "" && !dup {
			cols[k] = c
		}
	}
	// Merged cells (E:G, H:I) leave their other columns empty: the columns
	// up to the next heading belong to the heading before.
	known := map[int]string{}
	for k, c := range cols {
		known[c] = k
	}
	for c := 1; c <= len(s.rows[head-1]); c++ {
		if h := s.cell(head, c); h != "" && known[c] == "" && cnilKey(h) != cnilColIdent {
			x.wb.problem(s, head, c, -1, h, "heading not of the CNIL list; its cells are kept in notes")
		}
	}
	for r := head + 1; r <= len(s.rows); r++ {
		if strings.TrimSpace(strings.Join(s.rows[r-1], "")) == "" {
			continue
		}
		get := func(k string) (string, int) {
			c := cols[k]
			if c == 0 {
				return "", 0
			}
			return cnilValue(s.cell(r, c)), c
		}
		name, nameCol := get(cnilColName)
		if strings.HasPrefix(cnilKey(name), "(exemple)") {
			x.reg.Notes = addLine(x.reg.Notes, fmt.Sprintf("The model's example row (%s) is not imported: %s", cellRef(s.name, ref(r, nameCol)), name))
			continue
		}
		i := len(x.reg.Activities)
		p := ropa.Root.Child("activities").Index(i)
		a := ropa.Activity{Name: name}
		refText, _ := get(cnilColRef)
		a.Reference = refText
		if a.Name == "" {
			a.Name = refText
		}
		x.listRow = append(x.listRow, r)
		x.matched = append(x.matched, false)
		x.fiches = append(x.fiches, "")
		x.sensitive = append(x.sensitive, false)
		x.wb.at(p, s, r, max(nameCol, 1))
		if a.Name == "" {
			a.Name = "Ligne " + strconv.Itoa(r)
			x.wb.problem(s, r, max(nameCol, 1), i, "", "neither Nom du traitement nor N° / RÉF; the activity is named after its row")
		} else if name == "" {
			x.wb.problem(s, r, max(nameCol, 1), i, "", "no Nom du traitement; the activity is named after its N° / RÉF")
		}
		if v, c := get(cnilColCreated); v != "" {
			x.dated(&a.Created, i, "created", "creation date of the fiche", s, r, c, v)
		}
		if v, c := get(cnilColUpdated); v != "" {
			x.dated(&a.Updated, i, "updated", "last update", s, r, c, v)
		}
		if v, c := get(cnilColPurposes); v != "" {
			for j, d := range splitLines(v) {
				a.Purposes = append(a.Purposes, ropa.Purpose{Description: d})
				x.wb.at(p.Child("purposes").Index(j), s, r, c)
			}
		}
		x.reg.Activities = append(x.reg.Activities, a)
		if v, c := get(cnilColSensitive); v != "" {
			if _, ok := parseYesNo(v); !ok {
				x.wb.problem(s, r, c, i, v, "not oui or non")
			}
		}
		for c := 1; c <= len(s.rows[r-1]); c++ {
			if v := s.cell(r, c); strings.TrimSpace(v) != "" && known[c] == "" {
				x.wb.problem(s, r, c, i, v, "cell outside the CNIL list's columns, not imported")
			}
		}
	}
}

// blocks reads the contact blocks above the list's headings: each value
// is the cell to the right of its label.
func (x *cnil) blocks(s *sheet, head int) {
	var org, rep, dpo cnilContact
	block := cnilNoBlock
	for r := 1; r < head; r++ {
		if b := cnilBlockOf(s.cell(r, 1)); b != cnilNoBlock {
			block = b
		}
		var into *cnilContact
		switch block {
		case cnilOrgBlock:
			into = &org
		case cnilRepBlock:
			into = &rep
		case cnilDPOBlock:
			into = &dpo
		}
		for c := 1; c <= len(s.rows[r-1]); c++ {
			v := strings.TrimSpace(s.cell(r, c))
			if v == "" || c == 1 && (cnilBlockOf(v) != cnilNoBlock || strings.HasPrefix(cnilKey(v), cnilBlockNote)) || cnilHelp(v) || cnilGroups[cnilKey(v)] {
				continue
			}
			k := strings.TrimSpace(strings.TrimSuffix(cnilKey(v), ":"))
			if field, ok := blockLabels[k]; ok && strings.HasSuffix(strings.TrimSpace(v), ":") {
				val := cnilValue(s.cell(r, c+1))
				if val != "" && into != nil {
					*field(into) = cellText{val, r, c + 1}
				}
				if val != "" && into == nil {
					x.wb.problem(s, r, c+1, -1, val, "value of no contact block (Coordonnées du … in column A); kept in notes")
				}
				c++
				continue
			}
			x.wb.problem(s, r, c, -1, v, "cell of no label of the CNIL list's contact blocks; kept in notes")
		}
	}
	if p, ok := x.party(s, org, -1); ok {
		x.reg.Organisation = p
		x.orgCell = cellRef(s.name, ref(org.name.row, org.name.col))
		x.wb.at(ropa.Root.Child("organisation"), s, org.name.row, org.name.col)
	}
	if p, ok := x.party(s, rep, -1); ok {
		x.reg.Representative = &p
		x.wb.at(ropa.Root.Child("representative"), s, rep.name.row, rep.name.col)
	}
	if d, ok := x.contact(s, dpo, -1); ok {
		x.reg.DPO = d
		x.wb.at(ropa.Root.Child("dpo"), s, dpo.name.row, dpo.name.col)
	}
}

// addLine appends a line to notes.
func addLine(notes, line string) string {
	if notes == "" {
		return line
	}
	return notes + "\n" + line
}

// date returns a date as written, with the date it stands for where the
// cell holds Excel's day number.
func (x *cnil) date(s *sheet, r, c int, v string) string {
	raw := x.raw(s, r, c, v)
	if raw != v {
		if d, ok := parseDate(raw); ok {
			return d.String()
		}
	}
	return v
}

// raw returns the value a cell stores (Excel's day number for a date),
// rather than the text its number format shows.
func (x *cnil) raw(s *sheet, r, c int, v string) string {
	if raw, err := x.wb.f.GetCellValue(s.name, ref(r, c), excelize.Options{RawCellValue: true}); err == nil && strings.TrimSpace(raw) != "" {
		return strings.TrimSpace(raw)
	}
	return v
}

// dated reads a date of the record (its last update, the fiche's creation,
// the processing's start) into the field at path field of activity i; a
// second date that differs from the first is a problem naming what.
func (x *cnil) dated(into *ropa.Date, i int, field, what string, s *sheet, r, c int, v string) {
	d, ok := parseDate(x.raw(s, r, c, v))
	if !ok {
		d, ok = parseDate(v)
	}
	switch {
	case !ok:
		x.wb.problem(s, r, c, i, v, "not a date (want DD/MM/YYYY or YYYY-MM-DD)")
	case !into.IsZero() && *into != d:
		x.wb.problem(s, r, c, i, v, "%s differs from the %s given before; that one is kept", what, *into)
	default:
		*into = d
		x.wb.at(ropa.Root.Child("activities").Index(i).Child(field), s, r, c)
	}
}

// party makes a party of a contact block or actors' row: its name is the
// first name and name as written ("Louise DUPONT"); false when it holds
// nothing.
func (x *cnil) party(s *sheet, c cnilContact, i int) (ropa.Party, bool) {
	var p ropa.Party
	p.Name = strings.TrimSpace(c.first.v + " " + c.name.v)
	if p.Name == "" && c.company.v != "" {
		p.Name = c.company.v
	}
	p.Phone = c.phone.v
	p.Email = x.email(s, c.email, i)
	p.Address = x.address(s, c, i)
	empty := p.Name == "" && p.Phone == "" && p.Email == "" && p.Address == nil
	if !empty && p.Name == "" {
		x.wb.problem(s, max(c.name.row, c.phone.row, c.email.row, c.street.row, c.city.row), max(c.name.col, 2), i, "", "contact details with no name")
	}
	return p, !empty
}

// contact makes the contact of a DPO; the company of an external DPO is
// its name where no person is named, and kept in the notes otherwise.
func (x *cnil) contact(s *sheet, c cnilContact, i int) (*ropa.Contact, bool) {
	company := c.company
	if c.name.v != "" || c.first.v != "" || cnilNone[cnilKey(company.v)] {
		c.company = cellText{} // "N/A": the DPO is not external
	}
	p, ok := x.party(s, c, i)
	if !ok {
		return nil, false
	}
	if c.company.v == "" && company.v != "" && !cnilNone[cnilKey(company.v)] {
		line := fmt.Sprintf("Société du DPO (%s): %s", cellRef(s.name, ref(company.row, company.col)), company.v)
		if i >= 0 {
			x.reg.Activities[i].Notes = addLine(x.reg.Activities[i].Notes, line)
		} else {
			x.reg.Notes = addLine(x.reg.Notes, line)
		}
	}
	return &ropa.Contact{Name: p.Name, Email: p.Email, Phone: p.Phone, Address: p.Address}, true
}

// validate checks values as the register's format does.
var validate = sync.OnceValue(func() *validator.Validate { return validator.New() })

// email returns an e-mail address the register's format accepts; another
// text is a problem.
func (x *cnil) email(s *sheet, c cellText, i int) string {
	if c.v == "" {
		return ""
	}
	if strings.ContainsAny(c.v, " \n;,") || validate().Var(c.v, "email") != nil {
		x.wb.problem(s, c.row, c.col, i, c.v, "not one e-mail address")
		return ""
	}
	return c.v
}

// address makes the address of a contact; a country not recognised is a
// problem.
func (x *cnil) address(s *sheet, c cnilContact, i int) *ropa.Address {
	a := &ropa.Address{Street: c.street.v, PostalCode: c.postal.v, City: c.city.v}
	if c.country.v != "" {
		if code, ok := cnilCountry(c.country.v); ok {
			a.Country = code
		} else {
			x.wb.problem(s, c.country.row, c.country.col, i, c.country.v, "not a country (its name in French, English, Dutch or German, or its ISO 3166-1 code)")
		}
	}
	if *a == (ropa.Address{}) {
		return nil
	}
	return a
}

// foldAccents removes the accents of a text ("Etats-Unis", as the model's
// list of countries writes it, is "États-Unis").
func foldAccents(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// foldedCountries maps the lower-case name of every country in the four
// languages, without accents, to its ISO 3166-1 code.
var foldedCountries = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for n, code := range countryNames() {
		if c, ok := assignedCode(code); ok {
			m[foldAccents(strings.ReplaceAll(n, "’", "'"))] = c
		}
	}
	return m
})

// cnilCountry reads a country as the model's list writes it (in French,
// some names without their accents), by its name in English, Dutch, French
// or German, or by its ISO 3166-1 code ("IN", "Inde (IN)").
func cnilCountry(s string) (string, bool) {
	k := foldAccents(strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " ")))
	if code, ok := cnilCountryNames[k]; ok {
		return code, true
	}
	if code, ok := parseCountry(s); ok {
		return code, true
	}
	code, ok := foldedCountries()[k]
	return code, ok
}

// isoCountry reports whether the register's format takes a code as a
// country (ISO 3166-1 alpha-2 as validator/v10 knows it).
func isoCountry(code string) bool { return validate().Var(code, "iso3166_1_alpha2") == nil }

// cnilCountryNames are the names of the model's list of countries
// (5_-_Listes, column C) that the language data spell otherwise, in lower
// case without accents, with their ISO 3166-1 codes.
var cnilCountryNames = map[string]string{
	"birmanie": "MM", "congo": "CG", "rep. dem. du congo": "CD", "hong-kong": "HK", "kirghizstan": "KG",
	"marshall": "MH", "micronesie": "FM", "palestine": "PS", "saint-vincent-et-les grenadines": "VC",
	"salomon": "SB", "viet nam": "VN",
}

// ---- the fiches ----

// ficheCols are the columns of a fiche's sections, read from each
// section's heading row (the model's columns where a heading is missing).
type ficheCols struct {
	actors              map[string]int
	desc, extra         int
	trDest, trCountry   int
	trGuarantee, trDocs int
}

var actorHeadings = map[string]func(*cnilContact) *cellText{
	"nom": blockLabels["nom"], "adresse": blockLabels["adresse"], "code postal": blockLabels["code postal"],
	"ville": blockLabels["ville"], "pays": blockLabels["pays"], "téléphone": blockLabels["téléphone"],
	"adresse mél": blockLabels["adresse mél"],
}

func modelCols() ficheCols {
	return ficheCols{
		actors: map[string]int{"nom": 2, "adresse": 3, "code postal": 4, "ville": 5, "pays": 6, "téléphone": 7, "adresse mél": 8},
		desc:   2, extra: 5, trDest: 2, trCountry: 3, trGuarantee: 4, trDocs: 6,
	}
}

// fiche is one fiche being read: its sheet, the activity it fills, and
// the columns of its sections.
type fiche struct {
	x    *cnil
	s    *sheet
	i    int
	a    *ropa.Activity
	p    ropa.Path
	cols ficheCols
	// what the fiche holds, gathered before it is set on the activity
	purposes  []ropa.Purpose
	purposeAt []cellText
	bases     []ropa.Basis
	basisAt   cellText
	sensitive bool
	hadName   bool
	dataN     int
}

// ficheHead reads the fiche's name and reference, wherever their rows
// are, and whether it holds anything beyond the model's own text.
func ficheHead(s *sheet) (name, reference cellText, filled bool) {
	for r := 1; r <= len(s.rows); r++ {
		f, _ := cnilLabel(s.cell(r, 1))
		for c := 2; c <= len(s.rows[r-1]); c++ {
			v := cnilValue(s.cell(r, c))
			if v == "" || cnilHelp(v) {
				continue
			}
			switch f {
			case cnilName:
				if c == 2 && name.v == "" {
					name = cellText{v, r, c}
				}
			case cnilRef:
				if v == cnilModelRef {
					continue
				}
				if c == 2 && reference.v == "" {
					reference = cellText{v, r, c}
				}
			case cnilIgnore, cnilActors, cnilDataHead, cnilSensitiveHead, cnilSubjectsHead, cnilRecipientsHead,
				cnilMeasuresHead, cnilTransfersHead:
				continue
			}
			filled = true
		}
		if f == cnilUnknown && strings.TrimSpace(s.cell(r, 1)) != "" && !cnilHelp(s.cell(r, 1)) {
			filled = true
		}
	}
	return name, reference, filled
}

// match finds the activity of the list a fiche describes: by N° / RÉF,
// then by name; -1 for none.
func (x *cnil) match(name, reference string) int {
	for _, by := range []func(a *ropa.Activity) bool{
		func(a *ropa.Activity) bool { return reference != "" && cnilKey(a.Reference) == cnilKey(reference) },
		func(a *ropa.Activity) bool { return name != "" && cnilKey(a.Name) == cnilKey(name) },
	} {
		for i, ok := range x.matched {
			if !ok && by(&x.reg.Activities[i]) {
				return i
			}
		}
	}
	return -1
}

// fiche reads one fiche into the activity of the list it describes, or
// into an activity of its own.
func (x *cnil) fiche(s *sheet) {
	name, reference, filled := ficheHead(s)
	if !filled {
		return // the model's fiche left as it is
	}
	i := x.match(name.v, reference.v)
	if i < 0 {
		i = len(x.reg.Activities)
		x.reg.Activities = append(x.reg.Activities, ropa.Activity{})
	} else {
		x.matched[i] = true
	}
	fc := &fiche{x: x, s: s, i: i, a: &x.reg.Activities[i], p: ropa.Root.Child("activities").Index(i), cols: modelCols()}
	fc.head(name, reference)
	for r := 1; r <= len(s.rows); r++ {
		fc.row(r)
	}
	fc.finish()
}

// head sets the activity's name and reference from the fiche, and its id.
func (fc *fiche) head(name, reference cellText) {
	a, x := fc.a, fc.x
	listed := fc.i < len(x.listRow)
	if name.v != "" {
		if listed && a.Name != "" && cnilKey(a.Name) != cnilKey(name.v) {
			x.wb.problem(x.list, x.listRow[fc.i], 1, fc.i, a.Name, "Nom du traitement differs from that of its fiche (%s); the fiche's is kept", cellRef(fc.s.name, ref(name.row, name.col)))
		}
		a.Name = name.v
		x.wb.at(fc.p, fc.s, name.row, name.col)
	}
	if reference.v != "" {
		if listed && a.Reference != "" && cnilKey(a.Reference) != cnilKey(reference.v) {
			x.wb.problem(x.list, x.listRow[fc.i], 2, fc.i, a.Reference, "N° / RÉF differs from that of its fiche (%s); the fiche's is kept", cellRef(fc.s.name, ref(reference.row, reference.col)))
		}
		a.Reference = reference.v
	}
	if a.Name == "" {
		a.Name = fc.s.name
		x.wb.problem(fc.s, max(name.row, 1), 2, fc.i, "", "no Nom du traitement; the activity is named after its sheet")
		x.wb.at(fc.p, fc.s, 1, 1)
	}
	id := a.Reference
	if id == "" {
		id = a.Name
	}
	a.ID = x.id(id)
}

// id makes an activity id of a reference or name: its words in lower case
// joined by hyphens, at most 60 characters, with "-2", "-3" … after an id
// already taken.
func (x *cnil) id(words string) string {
	base := strings.Trim(slugDrop.ReplaceAllString(strings.ToLower(foldAccents(words)), "-"), "-")
	if len(base) > 60 {
		base = strings.TrimRight(base[:60], "-")
	}
	if base == "" {
		base = "traitement"
	}
	id := base
	for n := 2; x.ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	x.ids[id] = true
	return id
}

// outside reports the cells of a row that no field of its label reads.
func (fc *fiche) outside(r int, read ...int) {
	for c := 2; c <= len(fc.s.rows[r-1]); c++ {
		v := strings.TrimSpace(fc.s.cell(r, c))
		if v == "" || cnilHelp(v) || cnilValue(v) == "" || slicesContains(read, c) {
			continue
		}
		fc.x.wb.problem(fc.s, r, c, fc.i, v, "cell outside the columns of its row of the fiche, not imported")
	}
}

func slicesContains(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

func (fc *fiche) get(r, c int) cellText { return cellText{cnilValue(fc.s.cell(r, c)), r, c} }

// row reads one row of the fiche by its label.
func (fc *fiche) row(r int) {
	s, x, a := fc.s, fc.x, fc.a
	label := s.cell(r, 1)
	f, n := cnilLabel(label)
	switch f {
	case cnilUnknown:
		if strings.TrimSpace(label) == "" && r == 1 {
			return
		}
		if cnilHelp(label) || strings.TrimSpace(label) == "" {
			fc.outside(r)
			return
		}
		any := false
		for c := 2; c <= len(s.rows[r-1]); c++ {
			if v := cnilValue(s.cell(r, c)); v != "" && !cnilHelp(v) {
				any = true
				x.wb.problem(s, r, c, fc.i, v, "under the label %q, not one of the CNIL fiche's; kept in notes", strings.TrimSpace(label))
			}
		}
		if !any {
			x.wb.problem(s, r, 1, fc.i, label, "label not of the CNIL fiche, with nothing beside it; kept in notes")
		}
	case cnilIgnore:
		if r == 1 { // the title, and the reference the model repeats in H1
			fc.title()
			return
		}
		fc.outside(r)
	case cnilName, cnilRef:
		fc.outside(r, 2)
	case cnilCreated:
		if v := fc.get(r, 2); v.v != "" {
			x.dated(&a.Started, fc.i, "started", "creation date of the processing", s, r, 2, v.v)
		}
		fc.outside(r, 2)
	case cnilUpdated:
		if v := fc.get(r, 2); v.v != "" {
			listed := a.Updated
			a.Updated = ropa.Date{} // the fiche's date is the record's
			x.dated(&a.Updated, fc.i, "updated", "last update", s, r, 2, v.v)
			if c, ok := x.listCol(cnilColUpdated); ok && !listed.IsZero() && !a.Updated.IsZero() && listed != a.Updated {
				x.wb.problem(x.list, x.listRow[fc.i], c, fc.i, x.list.cell(x.listRow[fc.i], c), "last update differs from that of its fiche (%s, %s); the fiche's is kept", a.Updated, cellRef(s.name, ref(r, 2)))
			}
			if a.Updated.IsZero() {
				a.Updated = listed
			}
		}
		fc.outside(r, 2)
	case cnilActors:
		for c := 2; c <= len(s.rows[r-1]); c++ {
			if k := cnilKey(s.cell(r, c)); actorHeadings[k] != nil {
				fc.cols.actors[k] = c
			}
		}
	case cnilController, cnilDPO, cnilDPOCompany, cnilRepresentative, cnilJoint:
		fc.actor(f, r)
	case cnilMainPurpose, cnilSubPurpose:
		for _, d := range splitLines(fc.get(r, 2).v) {
			fc.purposes = append(fc.purposes, ropa.Purpose{Description: d})
			fc.purposeAt = append(fc.purposeAt, cellText{d, r, 2})
		}
		fc.outside(r, 2)
	case cnilBasis:
		fc.basis(r)
	case cnilDataHead, cnilSensitiveHead, cnilSubjectsHead, cnilRecipientsHead, cnilMeasuresHead:
		fc.twoCols(r)
	case cnilTransfersHead:
		fc.transferCols(r)
	case cnilData, cnilSensitive:
		fc.data(f, r, n)
	case cnilSubject:
		fc.subject(r)
	case cnilRecipient:
		fc.recipient(r)
	case cnilMeasure:
		fc.measure(r)
	case cnilTransfer:
		fc.transfer(r)
	}
}

// title reports the cells of the title row other than the reference the
// model repeats there (the fiche's own, its id, or the model's ref-001).
func (fc *fiche) title() {
	for c := 2; c <= len(fc.s.rows[0]); c++ {
		v := cnilValue(fc.s.cell(1, c))
		if v == "" || cnilHelp(v) || v == cnilModelRef || v == fc.a.Reference || v == fc.a.ID || v == fc.a.Name {
			continue
		}
		fc.x.wb.problem(fc.s, 1, c, fc.i, v, "cell of the fiche's title row, not imported")
	}
}

// twoCols reads the columns of a section of description and detail.
func (fc *fiche) twoCols(r int) {
	for c := 2; c <= len(fc.s.rows[r-1]); c++ {
		switch cnilKey(fc.s.cell(r, c)) {
		case "description", "type de destinataire", "type de mesure de sécurité":
			fc.cols.desc = c
		case "durée de conservation", "précisions":
			fc.cols.extra = c
		}
	}
}

// transferCols reads the columns of the transfers' section.
func (fc *fiche) transferCols(r int) {
	for c := 2; c <= len(fc.s.rows[r-1]); c++ {
		switch cnilKey(fc.s.cell(r, c)) {
		case "destinataire":
			fc.cols.trDest = c
		case "pays":
			fc.cols.trCountry = c
		case "type de garanties":
			fc.cols.trGuarantee = c
		case "liens vers la documentation":
			fc.cols.trDocs = c
		}
	}
}

// actor reads a row of the actors' table.
func (fc *fiche) actor(f cnilField, r int) {
	x, a := fc.x, fc.a
	var c cnilContact
	var read []int
	for k, col := range fc.cols.actors {
		*actorHeadings[k](&c) = fc.get(r, col)
		read = append(read, col)
	}
	fc.outside(r, read...)
	if cnilNone[cnilKey(c.name.v)] && strings.Join([]string{c.street.v, c.postal.v, c.city.v, c.country.v, c.phone.v, c.email.v}, "") == "" {
		if f == cnilJoint && !slicesContainsAbsence(a.None, ropa.NoJointController) {
			a.None = append(a.None, ropa.NoJointController)
			x.wb.at(fc.p.Child("none"), fc.s, r, c.name.col)
		}
		return // "N/A": none
	}
	switch f {
	case cnilController:
		p, ok := x.party(fc.s, c, fc.i)
		if !ok {
			return
		}
		if x.reg.Organisation.Name == "" || cnilKey(x.reg.Organisation.Name) == cnilKey(p.Name) {
			fc.merge(&x.reg.Organisation, p, c, "organisation")
			if x.orgCell == "" {
				x.orgCell = cellRef(fc.s.name, ref(r, c.name.col))
				x.wb.at(ropa.Root.Child("organisation"), fc.s, r, c.name.col)
			}
			return
		}
		x.wb.problem(fc.s, r, c.name.col, fc.i, p.Name, "the responsable du traitement differs from the register's organisation (%s, %s); kept in notes", x.reg.Organisation.Name, x.orgCell)
	case cnilDPO, cnilDPOCompany:
		d, ok := x.contact(fc.s, c, fc.i)
		if !ok {
			return
		}
		if f == cnilDPOCompany {
			if dpo := fc.dpo(); dpo != nil && dpo.Name != "" {
				a.Notes = addLine(a.Notes, fmt.Sprintf("Société du DPO (%s): %s", cellRef(fc.s.name, ref(r, c.name.col)), partyLine(c)))
				return
			}
		}
		switch {
		case x.reg.DPO == nil:
			x.reg.DPO = d
			x.wb.at(ropa.Root.Child("dpo"), fc.s, r, c.name.col)
		case cnilKey(x.reg.DPO.Name) == cnilKey(d.Name) || x.reg.DPO.Name == "":
			p := ropa.Party{Name: x.reg.DPO.Name, Email: x.reg.DPO.Email, Phone: x.reg.DPO.Phone, Address: x.reg.DPO.Address}
			fc.merge(&p, ropa.Party{Name: d.Name, Email: d.Email, Phone: d.Phone, Address: d.Address}, c, "DPO")
			*x.reg.DPO = ropa.Contact{Name: p.Name, Email: p.Email, Phone: p.Phone, Address: p.Address}
		default: // this activity's own DPO
			a.DPO = d
			x.wb.at(fc.p.Child("dpo"), fc.s, r, c.name.col)
		}
	case cnilRepresentative:
		p, ok := x.party(fc.s, c, fc.i)
		if !ok {
			return
		}
		switch {
		case x.reg.Representative == nil:
			x.reg.Representative = &p
			x.wb.at(ropa.Root.Child("representative"), fc.s, r, c.name.col)
		case cnilKey(x.reg.Representative.Name) == cnilKey(p.Name):
			fc.merge(x.reg.Representative, p, c, "representative")
		default:
			x.wb.problem(fc.s, r, c.name.col, fc.i, p.Name, "the représentant differs from the register's (%s); kept in notes", x.reg.Representative.Name)
		}
	case cnilJoint:
		p, ok := x.party(fc.s, c, fc.i)
		if !ok {
			return
		}
		x.wb.at(fc.p.Child("jointControllers").Index(len(a.JointControllers)), fc.s, r, c.name.col)
		a.JointControllers = append(a.JointControllers, p)
	}
}

// dpo is the DPO that holds for the fiche's activity.
func (fc *fiche) dpo() *ropa.Contact {
	if fc.a.DPO != nil {
		return fc.a.DPO
	}
	return fc.x.reg.DPO
}

func slicesContainsAbsence(xs []ropa.Absence, v ropa.Absence) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

// partyLine writes a row of the actors' table as one line.
func partyLine(c cnilContact) string {
	return strings.Join(nonEmpty(c.name.v, c.street.v, strings.TrimSpace(c.postal.v+" "+c.city.v), c.country.v, c.phone.v, c.email.v), ", ")
}

// merge fills the fields of a party given before with those of a fiche's
// row; a field both give differently is a problem, the first kept.
func (fc *fiche) merge(dst *ropa.Party, src ropa.Party, c cnilContact, what string) {
	set := func(d *string, v string, at cellText) {
		switch {
		case v == "":
		case *d == "":
			*d = v
		case *d != v:
			fc.x.wb.problem(fc.s, at.row, at.col, fc.i, v, "differs from the %s's %q given before; that one is kept", what, *d)
		}
	}
	if cnilKey(dst.Name) != cnilKey(src.Name) {
		set(&dst.Name, src.Name, c.name)
	}
	set(&dst.Phone, src.Phone, c.phone)
	set(&dst.Email, src.Email, c.email)
	if src.Address != nil {
		if dst.Address == nil {
			dst.Address = &ropa.Address{}
		}
		set(&dst.Address.Street, src.Address.Street, c.street)
		set(&dst.Address.PostalCode, src.Address.PostalCode, c.postal)
		set(&dst.Address.City, src.Address.City, c.city)
		set(&dst.Address.Country, src.Address.Country, c.country)
	}
}

// basis reads a row of legal bases a DPO added ("Base légale"): they hold
// for every purpose of the fiche.
func (fc *fiche) basis(r int) {
	v := fc.get(r, 2)
	fc.outside(r, 2)
	for _, t := range splitValues(v.v) {
		found, err := lawfulbasis.ParseBases(t)
		if err != nil {
			fc.x.wb.problem(fc.s, r, 2, fc.i, t, "no lawful basis of Art. 6(1) recognised")
			continue
		}
		for _, b := range found {
			rb := ropa.Basis{Basis: b}
			if len(found) > 1 || cnilKey(t) != cnilKey(b.Label(lang.French)) {
				rb.Note = "as written: " + t
			}
			fc.bases = append(fc.bases, rb)
		}
		fc.basisAt = v
	}
}

// data reads a row of categories of data, or of sensitive data: a category
// for each value of its description, with the row's class, special
// category, Art. 10 or national number, and the row's retention terms.
func (fc *fiche) data(f cnilField, r, n int) {
	x, a, s := fc.x, fc.a, fc.s
	desc, keep := fc.get(r, fc.cols.desc), fc.get(r, fc.cols.extra)
	fc.outside(r, fc.cols.desc, fc.cols.extra)
	if desc.v == "" && keep.v == "" {
		return
	}
	k := cnilKey(s.cell(r, 1))
	values := splitValues(desc.v)
	if len(values) == 1 && cnilNone[cnilKey(values[0])] {
		values = nil // "Non", "Néant": not declared
		if keep.v == "" {
			return
		}
	}
	var ids []string
	for _, v := range values {
		fc.dataN++
		c := ropa.DataCategory{ID: "data-" + strconv.Itoa(fc.dataN), Description: v}
		if f == cnilData {
			row, _ := cnilDataRow(k)
			c.Class, c.NationalID = row.class, row.nationalID
		} else if sc := cnilSensitiveRows[k]; sc != "" {
			c.Special = []lawfulbasis.SpecialCategory{sc}
			fc.sensitive = true
		} else {
			c.Criminal = true
			fc.sensitive = true
		}
		x.wb.at(fc.p.Child("dataCategories").Index(len(a.DataCategories)), s, r, desc.col)
		a.DataCategories = append(a.DataCategories, c)
		ids = append(ids, c.ID)
	}
	if keep.v == "" {
		return
	}
	if len(ids) == 0 {
		x.wb.problem(s, r, keep.col, fc.i, keep.v, "retention term of a row with no description of data; kept in notes")
		return
	}
	for _, v := range splitValues(keep.v) {
		terms, err := retention.Parse(v)
		if err != nil {
			x.wb.problem(s, r, keep.col, fc.i, v, "retention term not understood: %v", err)
			continue
		}
		for _, t := range terms {
			if t.Text == "" {
				t.Text = v
			}
			x.wb.at(fc.p.Child("retention").Index(len(a.Retention)), s, r, keep.col)
			a.Retention = append(a.Retention, ropa.RetentionRule{Data: clone(ids), Term: t})
		}
	}
}

// typed reads a row of a type (a word of the model's list, or free text)
// and its details: the values of the type's cell, and the details.
func (fc *fiche) typed(r int) ([]string, cellText, cellText) {
	t, d := fc.get(r, fc.cols.desc), fc.get(r, fc.cols.extra)
	fc.outside(r, fc.cols.desc, fc.cols.extra)
	values := splitValues(t.v)
	if len(values) == 0 && d.v != "" {
		values = []string{""}
	}
	if len(values) > 1 && d.v != "" {
		fc.a.Notes = addLine(fc.a.Notes, fmt.Sprintf("Précisions (%s) of the %d values of %s: %s", cellRef(fc.s.name, ref(r, d.col)), len(values), cellRef(fc.s.name, ref(r, t.col)), d.v))
		d.v = ""
	}
	return values, t, d
}

// subject reads a row of categories of persons.
func (fc *fiche) subject(r int) {
	values, t, d := fc.typed(r)
	for _, v := range values {
		kind, known := cnilSubjectKinds[cnilKey(v)]
		desc := strings.Join(nonEmpty(v, d.v), "\n")
		if known && kind != "" && d.v != "" {
			desc = d.v // the word is kept by its kind
		}
		sub := ropa.DataSubject{ID: "subject-" + strconv.Itoa(len(fc.a.DataSubjects)+1), Description: desc, Kind: kind}
		fc.x.wb.at(fc.p.Child("dataSubjects").Index(len(fc.a.DataSubjects)), fc.s, r, max(t.col, 2))
		fc.a.DataSubjects = append(fc.a.DataSubjects, sub)
	}
}

// recipient reads a row of recipients: named by its details where given,
// its type kept by its kind or in its description.
func (fc *fiche) recipient(r int) {
	values, t, d := fc.typed(r)
	for _, v := range values {
		kind, known := cnilRecipientKinds[cnilKey(v)]
		rec := ropa.Recipient{Name: v, Kind: kind}
		if d.v != "" {
			rec.Name = d.v
			if !known || kind == "" {
				rec.Description = v
			}
		}
		fc.x.wb.at(fc.p.Child("recipients").Index(len(fc.a.Recipients)), fc.s, r, max(t.col, 2))
		fc.a.Recipients = append(fc.a.Recipients, rec)
	}
}

// measure reads a row of security measures into the register's measures,
// one for each distinct type and details.
func (fc *fiche) measure(r int) {
	values, t, d := fc.typed(r)
	x := fc.x
	for _, v := range values {
		kind, bare := ropa.Technical, false // bare: v names the kind and nothing else
		switch k := cnilKey(v); {
		case k == "technique" || k == "technical":
			bare = true
		case k == "organisationnelle" || k == "organisational" || k == "organizational":
			kind, bare = ropa.Organisational, true
		case cnilMeasureWords[k]:
		case strings.Contains(k, "organisation"):
			kind = ropa.Organisational
		case v == "":
			x.wb.problem(fc.s, r, max(t.col, 2), fc.i, "", "no type of measure beside its details; read as a technical measure")
		default:
			x.wb.problem(fc.s, r, max(t.col, 2), fc.i, v, "type of measure not in the model's list of technical measures; read as a technical measure")
		}
		desc := strings.Join(nonEmpty(v, d.v), "\n")
		if bare && d.v != "" {
			desc = d.v
		}
		key := string(kind) + "\x00" + desc
		id, ok := x.meas[key]
		if !ok {
			id = x.measureID(desc)
			x.meas[key] = id
			x.wb.at(ropa.Root.Child("measures").Index(len(x.reg.Measures)), fc.s, r, max(t.col, 2))
			x.reg.Measures = append(x.reg.Measures, ropa.Measure{ID: id, Kind: kind, Description: desc})
		}
		x.wb.at(fc.p.Child("measures").Index(len(fc.a.Measures)), fc.s, r, max(t.col, 2))
		fc.a.Measures = append(fc.a.Measures, id)
	}
}

// measureID makes the id of a measure of its words.
func (x *cnil) measureID(desc string) string {
	line, _, _ := strings.Cut(desc, "\n")
	id := x.id("mesure " + line)
	return id
}

// transfer reads a row of transfers outside the EU.
func (fc *fiche) transfer(r int) {
	x, a, s := fc.x, fc.a, fc.s
	dest, country, guarantee, docs := fc.get(r, fc.cols.trDest), fc.get(r, fc.cols.trCountry), fc.get(r, fc.cols.trGuarantee), fc.get(r, fc.cols.trDocs)
	fc.outside(r, fc.cols.trDest, fc.cols.trCountry, fc.cols.trGuarantee, fc.cols.trDocs)
	if dest.v == "" && country.v == "" && guarantee.v == "" && docs.v == "" {
		return
	}
	if country.v == "" && guarantee.v == "" && docs.v == "" && cnilNone[cnilKey(dest.v)] {
		if !slicesContainsAbsence(a.None, ropa.NoTransfers) {
			a.None = append(a.None, ropa.NoTransfers)
			x.wb.at(fc.p.Child("none"), s, r, dest.col)
		}
		return
	}
	tr := ropa.Transfer{Recipient: dest.v, Reference: docs.v}
	switch code, ok := cnilCountry(country.v); {
	case country.v == export.NotStatedWords(lang.French):
		// The words ropa export writes for a transfer that names no
		// country: none is stated, and the check says so.
	case country.v == "":
		x.wb.problem(s, r, country.col, fc.i, "", "transfer with no country")
	case ok:
		tr.Country = code
	default:
		x.wb.problem(s, r, country.col, fc.i, country.v, "not a country (its name in French, English, Dutch or German, or its ISO 3166-1 code)")
		tr.Note = "Pays: " + country.v
	}
	if guarantee.v != "" {
		m, ok := cnilGuarantees[cnilKey(guarantee.v)]
		if !ok {
			m, ok = matchMechanism(guarantee.v, lang.French)
		}
		switch {
		case !ok:
			x.wb.problem(s, r, guarantee.col, fc.i, guarantee.v, "type of guarantee not of the model's list (CCT, BCR, pays adéquat, code de conduite, certification, dérogations); kept in the transfer's note")
			tr.Note = strings.Join(nonEmpty(tr.Note, "Type de Garanties: "+guarantee.v), "\n")
		case m == lawfulbasis.DerogationMechanism:
			tr.Mechanism = m
			x.wb.problem(s, r, guarantee.col, fc.i, guarantee.v, "which derogation of Art. 49(1) the transfer rests on is not stated")
		default:
			tr.Mechanism = m
		}
	}
	x.wb.at(fc.p.Child("transfers").Index(len(a.Transfers)), s, r, max(country.col, 2))
	a.Transfers = append(a.Transfers, tr)
}

// finish sets what the fiche gathered on the activity, and compares it
// with the list's row.
func (fc *fiche) finish() {
	x, a := fc.x, fc.a
	if len(fc.purposes) > 0 {
		if fc.i < len(x.listRow) && len(a.Purposes) > 0 {
			fc.listPurposes()
		}
		a.Purposes = fc.purposes
		for j, at := range fc.purposeAt {
			x.wb.at(fc.p.Child("purposes").Index(j), fc.s, at.row, at.col)
		}
	}
	if len(fc.bases) > 0 {
		if len(a.Purposes) == 0 {
			a.Purposes = []ropa.Purpose{{Description: a.Name}}
			x.wb.problem(fc.s, fc.basisAt.row, fc.basisAt.col, fc.i, "", "legal basis of a fiche with no purpose; the purpose is named after the activity")
		}
		for j := range a.Purposes {
			a.Purposes[j].Bases = clone(fc.bases)
			x.wb.at(fc.p.Child("purposes").Index(j).Child("bases"), fc.s, fc.basisAt.row, fc.basisAt.col)
		}
	}
	if fc.i < len(x.listRow) {
		x.fiches[fc.i] = fc.s.name
		x.sensitive[fc.i] = fc.sensitive
	}
}

// listPurposes keeps the list's purposes in the notes where they are not
// those of the fiche.
func (fc *fiche) listPurposes() {
	x, a := fc.x, fc.a
	var listed, own []string
	for _, p := range a.Purposes {
		listed = append(listed, cnilKey(p.Description))
	}
	for _, p := range fc.purposes {
		own = append(own, cnilKey(p.Description))
	}
	if strings.Join(listed, "\n") == strings.Join(own, "\n") || strings.Join(listed, "\n") == strings.Join(own, ", ") {
		return
	}
	c, _ := x.listCol(cnilColPurposes)
	var text []string
	for _, p := range a.Purposes {
		text = append(text, p.Description)
	}
	a.Notes = addLine(a.Notes, fmt.Sprintf("Finalité du traitement in the list (%s): %s", cellRef(x.list.name, ref(x.listRow[fc.i], c)), strings.Join(text, "\n")))
}

// listCol returns the column of a heading of the list.
func (x *cnil) listCol(key string) (int, bool) {
	if x.list == nil {
		return 0, false
	}
	head := listHeading(x.list)
	if head == 0 {
		return 0, false
	}
	for c := 1; c <= len(x.list.rows[head-1]); c++ {
		k := cnilKey(x.list.cell(head, c))
		if k == "" && head > 1 {
			k = cnilKey(x.list.cell(head-1, c))
		}
		if k == cnilColSensGroup {
			k = cnilColSensitive
		}
		if k == key {
			return c, true
		}
	}
	return 0, false
}

// listSensitive compares the list's answer to "Données sensibles ?" of
// activity i with its fiche's rows of sensitive data: "Non" with none is a
// stated absence.
func (x *cnil) listSensitive(i int) {
	c, ok := x.listCol(cnilColSensitive)
	if !ok {
		return
	}
	a, r := &x.reg.Activities[i], x.listRow[i]
	v := cnilValue(x.list.cell(r, c))
	yes, ok := parseYesNo(v)
	switch {
	case !ok:
	case yes && x.fiches[i] != "" && !x.sensitive[i]:
		x.wb.problem(x.list, r, c, i, v, "the list says the activity processes sensitive data; its fiche (%s) declares none", x.fiches[i])
	case !yes && x.sensitive[i]:
		x.wb.problem(x.list, r, c, i, v, "the list says the activity processes no sensitive data; its fiche (%s) declares some", x.fiches[i])
	case !yes:
		a.None = append(a.None, ropa.NoSpecialData)
		x.wb.at(ropa.Root.Child("activities").Index(i).Child("none"), x.list, r, c)
	}
}
