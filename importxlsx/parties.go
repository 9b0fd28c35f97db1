package importxlsx

import (
	"slices"
	"strconv"
	"strings"

	"github.com/openropa/registry/ropa"
)

// partyRow is a row of the generic workbook's Parties sheet: a party or
// contact field by field, for the element its path names.
type partyRow struct {
	owner string // the id of the activity, processor record or processor it belongs to
	role  string
	party ropa.Party
	row   int
	used  bool
}

// partyHeads are the English headings of the Parties sheet.
var partyHeads = []string{"Activity ID", "Element", "Role", "Name", "Registration scheme", "Registration number",
	"Street", "Postal code", "City", "Country", "Postal address: street", "Postal address: postal code",
	"Postal address: city", "Postal address: country", "E-mail", "Telephone", "Website", "Employees", "Public authority"}

// parties reads the Parties sheet, before the sheets that word the same
// parties in one cell: where it has a row for an element, the element is
// read from it, field by field.
func (g *generic) parties() error {
	t, err := g.table("Parties", partyHeads...)
	if err != nil || t == nil {
		return err
	}
	g.partyTable = t
	for _, r := range t.rows() {
		v := t.get(r, "Element")
		p, err := ropa.ParsePath(v)
		if err != nil || p.IsRoot() {
			t.problem(r, "Element", -1, v, "not a path of a party of the register; the row is not imported")
			t.extras(r, -1)
			continue
		}
		if _, dup := g.byPath[p.String()]; dup {
			t.problem(r, "Element", -1, v, "element named twice; the first row is read")
			continue
		}
		pt := ropa.Party{Name: t.get(r, "Name"), Email: t.get(r, "E-mail"), Phone: t.get(r, "Telephone"), Website: t.get(r, "Website")}
		if scheme, id := t.get(r, "Registration scheme"), t.get(r, "Registration number"); scheme != "" || id != "" {
			pt.Registration = &ropa.Registration{Scheme: scheme, ID: id}
		}
		pt.Address = g.addressOf(t, r, "Street", "Postal code", "City", "Country")
		pt.PostalAddress = g.addressOf(t, r, "Postal address: street", "Postal address: postal code", "Postal address: city", "Postal address: country")
		if v := t.get(r, "Employees"); v != "" {
			if n, err := strconv.Atoi(v); err == nil {
				pt.Employees = &n
			} else {
				t.problem(r, "Employees", -1, v, "not a number of employees")
			}
		}
		if v := t.get(r, "Public authority"); v != "" {
			var b bool
			t.yesNo(r, "Public authority", -1, &b)
			if _, ok := parseYesNo(v); ok {
				pt.PublicAuthority = &b
			}
		}
		g.byPath[p.String()] = &partyRow{owner: t.get(r, "Activity ID"), role: t.get(r, "Role"), party: pt, row: r}
		t.extras(r, -1)
	}
	// A party's contact person stands in the row below it, at the party's
	// path and "contact": it goes into the party, not to an element of its
	// own.
	for key, pr := range g.byPath {
		parent, ok := strings.CutSuffix(key, ".contact")
		if !ok {
			continue
		}
		if owner, ok := g.byPath[parent]; ok && !strings.HasSuffix(parent, ".contact") {
			owner.party.Contact = g.contactOf(pr)
			delete(g.byPath, key)
		}
	}
	return nil
}

// contactOf reads a contact from its Parties row: the party's name,
// address, e-mail and telephone, its role from the Role column.
func (g *generic) contactOf(pr *partyRow) *ropa.Contact {
	pt := pr.party
	if pt.Registration != nil || pt.PostalAddress != nil || pt.Website != "" || pt.Employees != nil || pt.PublicAuthority != nil || pt.Contact != nil {
		g.partyTable.problem(pr.row, "Name", -1, pt.Name, "a contact holds a name, a role, an address, an e-mail and a telephone: its other cells are not imported")
	}
	return &ropa.Contact{Name: pt.Name, Role: pr.role, Address: pt.Address, Email: pt.Email, Phone: pt.Phone}
}

// addressOf reads an address from four columns; nil where all are empty.
func (g *generic) addressOf(t *table, r int, street, postalCode, city, country string) *ropa.Address {
	a := &ropa.Address{Street: t.get(r, street), PostalCode: t.get(r, postalCode), City: t.get(r, city), Country: g.country(t, r, country, -1)}
	if *a == (ropa.Address{}) && t.get(r, country) == "" {
		return nil
	}
	return a
}

// partyRowAt returns the Parties row of the element at p, which must
// belong to owner (an id, or "" for the register's own parties).
func (g *generic) partyRowAt(p ropa.Path, owner string) (*partyRow, bool) {
	pr, ok := g.byPath[p.String()]
	if !ok || pr.used {
		return nil, false
	}
	pr.used = true
	if pr.owner != owner {
		g.partyTable.problem(pr.row, "Activity ID", -1, pr.owner, "the element %s is of %q in the other sheets, not of %q; the row is not imported", p, owner, pr.owner)
		return nil, false
	}
	g.wb.at(p, g.partyTable.s, pr.row, g.partyTable.col["Name"])
	return pr, true
}

// partyAt reads the party at p: from its Parties row, or else from the
// worded cell v.
func (g *generic) partyAt(p ropa.Path, owner string, s *sheet, r, c int, v string) ropa.Party {
	if pr, ok := g.partyRowAt(p, owner); ok {
		g.sameWords(s, r, c, v, g.partyText(pr.party), pr.row)
		return pr.party
	}
	return g.party(s, r, c, v)
}

// contactAt reads the contact at p: from its Parties row, or else from the
// worded cell v; nil where neither holds one.
func (g *generic) contactAt(p ropa.Path, owner string, s *sheet, r, c int, v string) *ropa.Contact {
	if pr, ok := g.partyRowAt(p, owner); ok {
		ct := g.contactOf(pr)
		g.sameWords(s, r, c, v, g.contactText(ct), pr.row)
		return ct
	}
	if v == "" {
		return nil
	}
	pt := g.party(s, r, c, v)
	return &ropa.Contact{Name: pt.Name, Address: pt.Address, Email: pt.Email, Phone: pt.Phone}
}

// partiesAt reads the list of parties at list: from the Parties rows of
// its elements where it has them, or else from the worded cell v, a party
// to each block of lines. roles gives the first line of each worded block
// its role (other controllers are worded "role" then the party).
func (g *generic) partiesAt(list ropa.Path, owner string, s *sheet, r, c int, v string, roles bool) ([]ropa.Party, []string) {
	var parties []ropa.Party
	var rs, words []string
	first := 0
	for j := 0; ; j++ {
		pr, ok := g.partyRowAt(list.Index(j), owner)
		if !ok {
			break
		}
		if j == 0 {
			first = pr.row
		}
		parties, rs = append(parties, pr.party), append(rs, pr.role)
		w := g.partyText(pr.party)
		if roles {
			w = linesOf(pr.role, w)
		}
		words = append(words, w)
	}
	if len(parties) > 0 {
		want := strings.Join(words, "\n\n")
		if !strings.HasPrefix(v, want+"\n") || strings.Contains(v[len(want)+1:], "\n") {
			// The one line a cell may hold below its parties states that
			// there are none of another kind ("none").
			g.sameWords(s, r, c, v, want, first)
		}
	}
	if len(parties) > 0 || v == "" {
		return parties, rs
	}
	for _, block := range strings.Split(v, "\n\n") {
		role := ""
		if roles {
			role, block, _ = strings.Cut(block, "\n")
		}
		parties, rs = append(parties, g.party(s, r, c, block)), append(rs, role)
	}
	return parties, rs
}

// unusedParties reports the Parties rows no element of the other sheets
// read.
func (g *generic) unusedParties() error {
	var unused []*partyRow
	for _, pr := range g.byPath {
		if !pr.used {
			unused = append(unused, pr)
		}
	}
	slices.SortFunc(unused, func(a, b *partyRow) int { return a.row - b.row })
	for _, pr := range unused {
		g.partyTable.problem(pr.row, "Element", -1, g.partyTable.get(pr.row, "Element"), "names no party the other sheets hold; the row is not imported")
	}
	return nil
}

// sameWords reports a worded cell v that does not say what the Parties
// row it stands beside (from row) says: the row is read, and the cell's
// words would otherwise be lost without a word.
func (g *generic) sameWords(s *sheet, r, c int, v, want string, row int) {
	if v != want {
		g.wb.problem(s, r, c, -1, v, "the cell says otherwise than row %d of the Parties sheet, which is read (it words it %q): edit both, or delete the row", row, want)
	}
}

// linesOf joins the values that are not blank, trimmed, one to a line, as
// the generic workbook words a party.
func linesOf(vs ...string) string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, "\n")
}

// addressText words an address as the generic workbook does:
// "Street 1, 1000 City, Country (CC)".
func (g *generic) addressText(a *ropa.Address) string {
	if a == nil {
		return ""
	}
	var out []string
	for _, x := range []string{a.Street, strings.TrimSpace(a.PostalCode + " " + a.City), countryText(a.Country, g.l)} {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return strings.Join(out, ", ")
}

func registrationText(r *ropa.Registration) string {
	if r == nil {
		return ""
	}
	return r.Scheme + " " + r.ID
}

// yesNoText words a boolean in the workbook's language.
func (g *generic) yesNoText(b bool) string {
	if b {
		return g.ref.phrases["yes"]
	}
	return g.ref.phrases["no"]
}

// partyText words a party as the generic workbook's cells do: name,
// registration, address, e-mail, telephone, website, then the postal
// address, employees and public authority, each after its label.
func (g *generic) partyText(p ropa.Party) string {
	var extra []string
	if p.PostalAddress != nil {
		extra = append(extra, g.ref.coverIn("Postal address")+": "+g.addressText(p.PostalAddress))
	}
	if p.Employees != nil {
		extra = append(extra, g.ref.coverIn("Employees")+": "+strconv.Itoa(*p.Employees))
	}
	if p.PublicAuthority != nil {
		extra = append(extra, g.ref.coverIn("Public authority")+": "+g.yesNoText(*p.PublicAuthority))
	}
	if p.Contact != nil {
		extra = append(extra, g.ref.coverIn("Contact person")+": "+strings.ReplaceAll(g.contactText(p.Contact), "\n", ", "))
	}
	return linesOf(append([]string{p.Name, registrationText(p.Registration), g.addressText(p.Address), p.Email, p.Phone, p.Website}, extra...)...)
}

// contactText words a contact as the generic workbook does: name, role,
// address, e-mail, telephone.
func (g *generic) contactText(c *ropa.Contact) string {
	if c == nil {
		return ""
	}
	role := ""
	if c.Role != "" {
		role = g.ref.headIn("Parties", "Role") + ": " + c.Role
	}
	return linesOf(c.Name, role, g.addressText(c.Address), c.Email, c.Phone)
}

// organisationWords are the cover's lines of the organisation, by their
// English labels, as the workbook words org.
func (g *generic) organisationWords(org ropa.Party) map[string]string {
	w := map[string]string{"Controller": org.Name, "Registration": registrationText(org.Registration), "Address": g.addressText(org.Address),
		"Postal address": g.addressText(org.PostalAddress), "E-mail": org.Email, "Telephone": org.Phone, "Website": org.Website}
	if org.Employees != nil {
		w["Employees"] = strconv.Itoa(*org.Employees)
	}
	if org.PublicAuthority != nil {
		w["Public authority"] = g.yesNoText(*org.PublicAuthority)
	}
	w["Contact person"] = g.contactText(org.Contact)
	return w
}
