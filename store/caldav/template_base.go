package caldav

import (
	"sync"

	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/store"
)

// templateBases holds, by UID, the fields of every organization and
// agreement as the agreement templates give them.
var templateBases = sync.OnceValue(func() map[string]Fields {
	out := map[string]Fields{}
	for _, key := range assets.TemplateKeys() {
		c, fps, err := store.TemplateCatalog(key)
		if err != nil {
			continue // a broken template seeds nothing either
		}
		for i := range c.Orgs {
			o := &c.Orgs[i]
			var mine = fps[:0:0]
			for _, fp := range fps {
				if fp.OrgID == o.ID {
					mine = append(mine, fp)
				}
			}
			out[store.OrgRecordUID(o.Acronym)] = orgFields(o, mine, c)
		}
		for i := range c.Agreements {
			g := &c.Agreements[i]
			out[store.AgreementRecordUID(g.Key)] = agreementFields(g, c)
		}
	}
	return out
})

// firstBase is the copy both sides agreed on for a record never synced
// here: for an organization or an agreement that a template seeds, the
// template's copy (both databases may have started from it); else none.
func firstBase(kind, uid string) Fields {
	if !catalogKind(kind) {
		return Fields{}
	}
	f := Fields{}
	for k, v := range templateBases()[uid] {
		f[k] = v
	}
	return f
}
