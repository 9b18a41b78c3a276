package model

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Catalog is the reference data the rules and validations read: the
// organizations, and the agreements between them. It is built once (by the
// store, or by a test) and read many times; it is not safe to change while
// another goroutine reads it.
type Catalog struct {
	Orgs       []Organization
	Agreements []Agreement

	orgByID    map[int64]int
	areaByID   map[int64][2]int // agreement index, area index
	byConvener map[int64][]int  // agreements each organization is a party to
}

// NewCatalog indexes orgs and agreements.
func NewCatalog(orgs []Organization, agreements []Agreement) *Catalog {
	c := &Catalog{Orgs: orgs, Agreements: agreements}
	c.Reindex()
	return c
}

// Reindex rebuilds the lookup tables after Orgs or Agreements changed.
func (c *Catalog) Reindex() {
	c.orgByID = make(map[int64]int, len(c.Orgs))
	for i, o := range c.Orgs {
		c.orgByID[o.ID] = i
	}
	c.areaByID = map[int64][2]int{}
	c.byConvener = map[int64][]int{}
	for gi, g := range c.Agreements {
		for ai, a := range g.Areas {
			c.areaByID[a.ID] = [2]int{gi, ai}
		}
		for _, p := range g.Parties {
			c.byConvener[p.OrgID] = append(c.byConvener[p.OrgID], gi)
		}
	}
}

// Org returns the organization with that id, or nil.
func (c *Catalog) Org(id int64) *Organization {
	if len(c.Orgs) <= smallCatalog {
		// A protocol office has a handful of partners: scanning them
		// beats hashing, and the Article 2 rule asks for every answer.
		for i := range c.Orgs {
			if c.Orgs[i].ID == id {
				return &c.Orgs[i]
			}
		}
		return nil
	}
	if i, ok := c.orgByID[id]; ok {
		return &c.Orgs[i]
	}
	return nil
}

// smallCatalog is the size up to which lookups scan instead of hashing.
const smallCatalog = 16

// Acronym returns the organization's acronym, or "#id" for an unknown one.
func (c *Catalog) Acronym(id int64) string {
	if o := c.Org(id); o != nil {
		return o.Acronym
	}
	return "#" + strconv.FormatInt(id, 10)
}

// HQZone is our headquarters' time zone: the zone of our organization's
// record. It is the one answer the command line, the app, the briefs, the
// exports and the Article 2 rule use for "today" and for dates typed
// without a zone; UTC when the catalog does not know who we are.
func (c *Catalog) HQZone() *time.Location {
	if us := c.Us(); us != nil {
		if loc, err := LoadZone(us.Zone); err == nil {
			return loc
		}
	}
	return time.UTC
}

// HQZoneName is the IANA name of HQZone.
func (c *Catalog) HQZoneName() string { return c.HQZone().String() }

// Us returns our own organization, or nil before the database is set up.
func (c *Catalog) Us() *Organization {
	for i := range c.Orgs {
		if c.Orgs[i].Us {
			return &c.Orgs[i]
		}
	}
	return nil
}

// OrgByAcronym finds an organization by acronym, ignoring case. When none
// matches, the error lists the acronyms that would.
func (c *Catalog) OrgByAcronym(field, acr string) (*Organization, error) {
	for i := range c.Orgs {
		if strings.EqualFold(c.Orgs[i].Acronym, strings.TrimSpace(acr)) {
			return &c.Orgs[i], nil
		}
	}
	names := make([]string, len(c.Orgs))
	for i, o := range c.Orgs {
		names[i] = o.Acronym
	}
	slices.Sort(names)
	return nil, Invalid(field, "unknown organization %q; known: %s", acr, strings.Join(names, ", "))
}

// Agreement returns the agreement with that id, or nil.
func (c *Catalog) Agreement(id int64) *Agreement {
	for i := range c.Agreements {
		if c.Agreements[i].ID == id {
			return &c.Agreements[i]
		}
	}
	return nil
}

// AgreementsOf returns the agreements org is a party to.
func (c *Catalog) AgreementsOf(org int64) []*Agreement {
	idx := c.byConvener[org]
	out := make([]*Agreement, len(idx))
	for i, gi := range idx {
		out[i] = &c.Agreements[gi]
	}
	return out
}

// AreaOf returns the area with that id and its agreement, or nils.
func (c *Catalog) AreaOf(id int64) (*Agreement, *Area) {
	if p, ok := c.areaByID[id]; ok {
		g := &c.Agreements[p[0]]
		return g, &g.Areas[p[1]]
	}
	return nil, nil
}

// AreaName returns an area's name, or "#id" for an unknown one.
func (c *Catalog) AreaName(id int64) string {
	if _, a := c.AreaOf(id); a != nil {
		return a.Name
	}
	return "#" + strconv.FormatInt(id, 10)
}

// AreasByName resolves area names (ignoring case) among the agreements
// convener is a party to. When a name matches nothing, the error lists the
// valid names.
func (c *Catalog) AreasByName(field string, convener int64, names []string) ([]int64, error) {
	var ids []int64
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		found := false
		for _, g := range c.AgreementsOf(convener) {
			if a := g.AreaByName(n); a != nil {
				if !slices.Contains(ids, a.ID) {
					ids = append(ids, a.ID)
				}
				found = true
			}
		}
		if !found {
			var valid []string
			for _, g := range c.AgreementsOf(convener) {
				for _, a := range g.Areas {
					if !slices.Contains(valid, a.Name) {
						valid = append(valid, a.Name)
					}
				}
			}
			return nil, Invalid(field, "unknown area %q; the areas of cooperation are: %s", n, strings.Join(valid, "; "))
		}
	}
	return ids, nil
}

// VisibleTo reports whether a record of that confidentiality, convened by
// convener, may be shown to organization to (zero: to ourselves): a
// public one always, one for the parties when to is the convener or a
// party to one of its agreements, an internal one never. It is the one
// answer for the exports, the feeds and the briefs made for a partner.
func VisibleTo(c *Catalog, conf Confidentiality, convener, to int64) bool {
	if to == 0 {
		return true
	}
	switch conf {
	case Public:
		return true
	case PartiesOnly:
		if convener == to {
			return true
		}
		for _, g := range c.AgreementsOf(convener) {
			if g.HasParty(to) {
				return true
			}
		}
	}
	return false
}
