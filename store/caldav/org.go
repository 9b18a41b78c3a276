package caldav

import (
	"bytes"
	"context"
	"sort"
	"strings"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// An organization's fields: the organization, then one FP-… field per
// focal point (Art. 7), keyed by its e-mail address and agreement, so
// that two officers adding different focal points both keep theirs. The
// resource is a VJOURNAL: an organization has no time of its own.
// Whether it is "us" is each database's own business, never shared.

const fpPrefix = "FP-"

type focalPoint struct {
	Name        string     `json:"name"`
	Title       string     `json:"title,omitempty"`
	Email       string     `json:"email"`
	Phone       string     `json:"phone,omitempty"`
	Agreement   string     `json:"agreement,omitempty"`
	From        model.Date `json:"from,omitzero"`
	To          model.Date `json:"to,omitzero"`
	Placeholder bool       `json:"placeholder,omitempty"`
}

func agreementKey(c *model.Catalog, id int64) string {
	if g := c.Agreement(id); g != nil {
		return g.Key
	}
	return ""
}

func orgFields(o *model.Organization, fps []model.FocalPoint, c *model.Catalog) Fields {
	f := Fields{}
	f.set("ACRONYM", o.Acronym)
	f.set("NAME", o.Name)
	f.set("ZONE", o.Zone)
	f.set("MAIL-DOMAIN", o.MailDomain)
	modified := o.Modified
	for _, fp := range fps {
		key := agreementKey(c, fp.AgreementID)
		f.setJSON(fpPrefix+fieldKey(strings.ToLower(fp.Email)+" "+key), focalPoint{Name: fp.Name, Title: fp.Title, Email: fp.Email, Phone: fp.Phone,
			Agreement: key, From: fp.From, To: fp.To, Placeholder: fp.Placeholder}, false)
		if fp.Modified.After(modified) {
			modified = fp.Modified
		}
	}
	f.setTime(fModified, modified)
	return f
}

func orgFromFields(f Fields, c *model.Catalog) (model.Organization, []model.FocalPoint, error) {
	r := &fieldReader{f: f, c: c}
	o := model.Organization{Acronym: r.str("ACRONYM"), Name: r.str("NAME"), Zone: r.str("ZONE"), MailDomain: r.str("MAIL-DOMAIN"), Modified: r.instant(fModified)}
	var fps []model.FocalPoint
	for _, name := range f.names() {
		if !strings.HasPrefix(name, fpPrefix) {
			continue
		}
		var x focalPoint
		r.json(name, &x)
		fp := model.FocalPoint{Name: x.Name, Title: x.Title, Email: x.Email, Phone: x.Phone, From: x.From, To: x.To, Placeholder: x.Placeholder, Modified: o.Modified}
		if x.Agreement != "" {
			fp.AgreementID = r.agreement(name, x.Agreement)
		}
		fps = append(fps, fp)
	}
	return o, fps, r.err
}

func orgRecord(l *local) ical.Record {
	var who []string
	for _, fp := range l.fps {
		who = append(who, fp.Name+" <"+fp.Email+">")
	}
	sort.Strings(who)
	return ical.Record{UID: store.OrgRecordUID(l.org.Acronym), Kind: "organization", Journal: true,
		Summary: l.org.Acronym + " — " + l.org.Name, Description: strings.Join(who, "\n"), Modified: l.f.modified(), Fields: toICal(l.f)}
}

// loadOrgs reads the organizations named by refs, with their focal points.
func loadOrgs(st *store.Store, c *model.Catalog, fps []model.FocalPoint, uids map[string]bool, out map[string]*local) {
	for i := range c.Orgs {
		o := &c.Orgs[i]
		uid := store.OrgRecordUID(o.Acronym)
		if !uids[uid] {
			continue
		}
		var mine []model.FocalPoint
		for _, fp := range fps {
			if fp.OrgID == o.ID {
				mine = append(mine, fp)
			}
		}
		out[uid] = &local{kind: "organization", org: o, fps: mine, f: orgFields(o, mine, c)}
	}
}

// ensureOrg adds an organization read from the server that this database
// does not have yet, bare (no focal points, which may name an agreement
// not taken in yet), so that the agreements naming it can be taken in
// first; the organization's whole resource is merged afterwards. Nothing
// is done for an organization known here or an unreadable resource (the
// merge reports it).
func (e *engine) ensureOrg(ctx context.Context, obj Object) error {
	rec, err := ical.ReadRecord(bytes.NewReader(obj.Data), obj.Href, maxResource)
	if err != nil || rec.Kind != "organization" {
		return nil
	}
	f := fromICal(rec.Fields)
	o := model.Organization{Acronym: f["ACRONYM"], Name: f["NAME"], Zone: f["ZONE"], MailDomain: f["MAIL-DOMAIN"], Modified: f.modified()}
	uid := store.OrgRecordUID(o.Acronym)
	if _, err := e.cat.OrgByAcronym("acronym", o.Acronym); err == nil || uid != rec.UID || o.Validate() != nil {
		return nil
	}
	if err := e.st.PutSyncedOrganization(ctx, o, nil); err != nil {
		return err
	}
	e.bare[uid], e.catDirty = true, true
	return e.refreshCatalog(ctx)
}
