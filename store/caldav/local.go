package caldav

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// apply stores a record built from its fields.
func (e *engine) apply(ctx context.Context, st *store.Store, kind, uid string, f Fields) error {
	if kind == "organization" {
		o, fps, err := orgFromFields(f, e.cat)
		if err != nil {
			return fmt.Errorf("%w: %v", model.ErrInvalid, err)
		}
		if store.OrgRecordUID(o.Acronym) != uid {
			return model.Invalid("acronym", "the organization %q does not match its resource %s", o.Acronym, uid)
		}
		if err := st.PutSyncedOrganization(ctx, o, fps); err != nil {
			return err
		}
		e.catDirty = true
		return nil
	}
	if kind == agreementKind {
		g, interests, err := agreementFromFields(f, e.cat)
		if err != nil {
			return fmt.Errorf("%w: %v", model.ErrInvalid, err)
		}
		if store.AgreementRecordUID(g.Key) != uid {
			return model.Invalid("key", "the agreement %q does not match its resource %s", g.Key, uid)
		}
		if g.Modified.IsZero() {
			g.Modified = time.Now().UTC()
		}
		if err := st.PutSyncedAgreement(ctx, g, interests); err != nil {
			return err
		}
		e.catDirty = true
		return nil
	}
	if kind == "series" {
		ss, err := seriesFromFields(uid, f, e.cat)
		if err != nil {
			return fmt.Errorf("%w: %v", model.ErrInvalid, err)
		}
		return st.PutSyncedSeries(ctx, ss)
	}
	sm, err := meetingFromFields(uid, f, e.cat)
	if err != nil {
		return fmt.Errorf("%w: %v", model.ErrInvalid, err)
	}
	return st.PutSyncedMeeting(ctx, sm)
}

func (e *engine) loadOne(ctx context.Context, kind, uid string) (*local, error) {
	all, err := loadLocal(ctx, e.st, e.cat, []store.RecordRef{{Kind: kind, UID: uid}})
	if err != nil {
		return nil, err
	}
	return all[uid], nil
}

// loadLocal reads records and their fields.
func loadLocal(ctx context.Context, st *store.Store, c *model.Catalog, refs []store.RecordRef) (map[string]*local, error) {
	var mu, su []string
	orgs, ags := map[string]bool{}, map[string]bool{}
	for _, r := range refs {
		switch r.Kind {
		case "series":
			su = append(su, r.UID)
		case "organization":
			orgs[r.UID] = true
		case agreementKind:
			ags[r.UID] = true
		default:
			mu = append(mu, r.UID)
		}
	}
	out := map[string]*local{}
	if len(orgs) > 0 {
		fps, err := st.FocalPoints(ctx)
		if err != nil {
			return nil, err
		}
		loadOrgs(st, c, fps, orgs, out)
	}
	loadAgreements(c, ags, out)
	ms, err := st.SyncedMeetings(ctx, mu)
	if err != nil {
		return nil, err
	}
	for uid, m := range ms {
		out[uid] = &local{kind: "meeting", m: m, f: meetingFields(m, c)}
	}
	ss, err := st.SyncedSeriesByUID(ctx, su)
	if err != nil {
		return nil, err
	}
	for uid, s := range ss {
		out[uid] = &local{kind: "series", s: s, f: seriesFields(s, c)}
	}
	return out, nil
}

// text writes a record as its resource.
func (e *engine) text(l *local) ([]byte, error) {
	var rec ical.Record
	switch l.kind {
	case "series":
		rec = seriesRecord(l.s, l.f, e.cat)
	case "organization":
		rec = orgRecord(l)
	case agreementKind:
		rec = agreementRecord(l)
	default:
		rec = meetingRecord(l.m, l.f, e.cat)
	}
	var b bytes.Buffer
	err := ical.WriteRecord(&b, rec)
	return b.Bytes(), err
}

// refreshCatalog reads the catalog again after an organization or an
// agreement changed.
func (e *engine) refreshCatalog(ctx context.Context) error {
	if !e.catDirty {
		return nil
	}
	c, err := e.st.Catalog(ctx)
	if err != nil {
		return err
	}
	e.cat, e.catDirty = c, false
	return nil
}
