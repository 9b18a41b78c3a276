package caldav

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// pull fetches what changed on the server and merges it here.
func (e *engine) pull(ctx context.Context) (string, error) {
	var changed []Member
	var removed []string
	var token string
	var err error
	full := false
	if e.acct.SyncToken != "" {
		// The server gave a token last time: ask what changed since, in
		// one request (asking for the collection's properties first costs
		// Radicale a pass over every resource to compute its token).
		changed, removed, token, err = e.cl.SyncCollection(ctx, e.acct.SyncToken)
		switch {
		case err == nil:
			return token, e.fetch(ctx, changed, removed, false)
		case IsStatus(err, http.StatusNotFound):
			return "", fmt.Errorf("%s is not there any more: run liaison sync setup again", e.cl.URL())
		case !errors.Is(err, ErrTokenExpired) && !unsupported(err):
			return "", err
		}
	}
	coll, err := e.cl.Collection(ctx)
	if err != nil {
		return "", err
	}
	if !coll.Exists {
		return "", fmt.Errorf("%s is not there any more: run liaison sync setup again", e.cl.URL())
	}
	if coll.SyncReport { // everything, and a first token
		changed, removed, token, err = e.cl.SyncCollection(ctx, "")
	}
	if !coll.SyncReport || unsupported(err) { // an ETag listing
		changed, removed, token, err = nil, nil, "", nil
		changed, err = e.cl.List(ctx)
	}
	full = err == nil
	if err != nil {
		return "", err
	}
	return token, e.fetch(ctx, changed, removed, full)
}

// unsupported reports whether the server refused a sync-collection it
// does not offer after all.
func unsupported(err error) bool {
	return IsStatus(err, http.StatusNotImplemented) || IsStatus(err, http.StatusBadRequest) ||
		IsStatus(err, http.StatusForbidden) || IsStatus(err, http.StatusMethodNotAllowed)
}

// fetch reads the changed resources and merges them, then handles the
// removed ones. After a whole listing (full), what is known here and not
// listed is gone too.
func (e *engine) fetch(ctx context.Context, changed []Member, removed []string, full bool) error {
	if full { // a whole listing: what is known here and not listed is gone
		listed := map[string]bool{}
		for _, m := range changed {
			listed[key(m.Href)] = true
		}
		for _, r := range e.res {
			if !r.Deleted && !listed[key(r.Href)] {
				removed = append(removed, r.Href)
			}
		}
	}
	var fetch []string
	for _, m := range changed {
		uid, ok := e.href[key(m.Href)]
		if ok && e.res[uid].ETag == m.ETag && m.ETag != "" {
			continue // ours, as we last wrote or read it
		}
		fetch = append(fetch, m.Href)
	}
	// Organizations first, then agreements, then the organizations'
	// focal points (which name agreements), then the meetings and series,
	// which name both. An organization new here is added bare first, so
	// that the agreements naming it can be taken in.
	var orgs, agreements, later []Object
	for i := 0; i < len(fetch); i += batch {
		objs, err := e.cl.MultiGet(ctx, fetch[i:min(i+batch, len(fetch))])
		if err != nil {
			return err
		}
		for _, o := range objs {
			switch {
			case bytes.Contains(o.Data, []byte(ical.FieldPrefix+"RECORD:organization")):
				if err := e.ensureOrg(ctx, o); err != nil {
					return err
				}
				orgs = append(orgs, o)
			case bytes.Contains(o.Data, []byte(ical.FieldPrefix+"RECORD:"+agreementKind)):
				agreements = append(agreements, o)
			default:
				later = append(later, o)
			}
		}
	}
	for _, o := range append(append(agreements, orgs...), later...) {
		if err := e.received(ctx, o); err != nil {
			return err
		}
	}
	for _, h := range removed {
		if err := e.removed(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// received merges one resource read from the server.
func (e *engine) received(ctx context.Context, o Object) error {
	rec, err := ical.ReadRecord(bytes.NewReader(o.Data), o.Href, maxResource)
	if err != nil {
		e.rep.Skipped = append(e.rep.Skipped, err.Error())
		return nil // another client's event, or a damaged one: left alone
	}
	if rec.Kind == ical.TodoKind {
		return nil // an action item shown to other clients: its series holds it
	}
	theirs := fromICal(rec.Fields)
	if !catalogKind(rec.Kind) && rec.Summary != "" && rec.Summary != theirs[fTitle] {
		theirs.set(fTitle, rec.Summary) // renamed in another calendar client
	}
	if rec.Kind == "meeting" {
		movedElsewhere(rec, theirs)
		editedElsewhere(rec, theirs)
	}
	if rec.Kind != "meeting" && rec.Kind != "series" && !catalogKind(rec.Kind) {
		e.rep.Skipped = append(e.rep.Skipped, fmt.Sprintf("%s: unknown kind of record %q", o.Href, rec.Kind))
		return nil
	}
	etag := o.ETag
	if etag == "" {
		if got, err := e.cl.Get(ctx, o.Href); err == nil {
			etag = got.ETag
		}
	}
	return e.mergeIn(ctx, rec.UID, rec.Kind, o.Href, etag, theirs)
}

// mergeIn merges the server's copy of a record with this database's.
func (e *engine) mergeIn(ctx context.Context, uid, kind, href, etag string, theirs Fields) error {
	loc, err := e.loadOne(ctx, kind, uid)
	if err != nil {
		return err
	}
	if e.bare[uid] {
		loc = nil // added bare by this sync: not an edit made here
	}
	base := firstBase(kind, uid)
	if r := e.res[uid]; r != nil {
		if base, err = decodeFields(r.Base); err != nil {
			base = Fields{}
		}
	}
	merged := theirs
	var conflicts []fieldConflict
	if loc != nil {
		merged, conflicts = merge(base, loc.f, theirs)
	}
	changeHere := loc == nil || !same(merged, loc.f)
	res := store.SyncResource{UID: uid, Kind: kind, Href: href, ETag: etag, Base: theirs.encode()}
	err = e.st.Atomically(ctx, func(st *store.Store) error {
		if changeHere {
			if err := e.apply(ctx, st, kind, uid, merged); err != nil {
				return err
			}
		}
		for _, c := range conflicts {
			sc := &store.SyncConflict{UID: uid, Kind: kind, Title: merged[fTitle], Field: c.Field, Kept: c.Kept, SetAside: c.SetAside,
				KeptSide: c.KeptSide, KeptAt: c.KeptAt, AsideAt: c.AsideAt, AsideBy: side(c.KeptSide == "mine", e.acct.User)}
			if err := st.AddSyncConflict(ctx, sc); err != nil {
				return err
			}
		}
		return st.PutSyncResource(ctx, res)
	})
	if errors.Is(err, model.ErrInvalid) {
		e.rep.Skipped = append(e.rep.Skipped, fmt.Sprintf("%s (%s): %v", href, merged[fTitle], err))
		e.dirty = true
		return nil
	}
	if err != nil {
		return err
	}
	if err := e.refreshCatalog(ctx); err != nil {
		return err
	}
	e.res[uid], e.href[key(href)] = &res, uid
	switch {
	case kind == "organization":
		if changeHere {
			e.rep.Organizations++
		}
	case kind == agreementKind:
		if changeHere {
			e.rep.Agreements++
		}
	case loc == nil:
		e.rep.Pulled++
		if merged[fDeleted] == "1" {
			e.rep.Deleted++
		}
	case changeHere && !same(merged, theirs):
		e.rep.Merged++
	case changeHere:
		e.rep.Pulled++
		if merged[fDeleted] == "1" && loc.f[fDeleted] != "1" {
			e.rep.Deleted++
		}
	}
	e.rep.Conflicts += len(conflicts)
	if !same(merged, theirs) {
		e.push[uid] = kind
	}
	return nil
}

// side names whose value was set aside.
func side(mineKept bool, user string) string {
	if mineKept {
		return "a colleague (the server's copy)"
	}
	return user + " (this database)"
}

// removed handles a resource deleted on the server: the record here
// becomes a tombstone (it can be restored), unless it was changed here
// since, in which case it is kept and written back.
func (e *engine) removed(ctx context.Context, href string) error {
	uid, ok := e.href[key(href)]
	if !ok {
		return nil
	}
	r := e.res[uid]
	loc, err := e.loadOne(ctx, r.Kind, uid)
	if err != nil {
		return err
	}
	base, _ := decodeFields(r.Base)
	gone := *r
	gone.Deleted, gone.ETag = true, ""
	if loc == nil || loc.f[fDeleted] == "1" {
		return e.st.PutSyncResource(ctx, gone)
	}
	if !same(loc.f, base) {
		// Changed here since a colleague deleted it: keep it and share it
		// again, and list the deletion as a conflict, so that it is not
		// undone without a trace (keeping theirs deletes it here too).
		e.push[uid] = r.Kind
		e.res[uid] = &gone
		e.rep.Conflicts++
		return e.st.Atomically(ctx, func(st *store.Store) error {
			sc := &store.SyncConflict{UID: uid, Kind: r.Kind, Title: loc.f[fTitle], Field: fDeleted, Kept: "", SetAside: "1",
				KeptSide: "mine", KeptAt: loc.f.modified(), AsideBy: side(true, e.acct.User)}
			if err := st.AddSyncConflict(ctx, sc); err != nil {
				return err
			}
			return st.PutSyncResource(ctx, gone)
		})
	}
	tomb := Fields{}
	for k, v := range loc.f {
		tomb[k] = v
	}
	tomb[fDeleted] = "1"
	tomb.setTime(fModified, time.Now().UTC())
	gone.Base = tomb.encode()
	err = e.st.Atomically(ctx, func(st *store.Store) error {
		if err := e.apply(ctx, st, r.Kind, uid, tomb); err != nil {
			return err
		}
		return st.PutSyncResource(ctx, gone)
	})
	if err != nil {
		return err
	}
	e.res[uid] = &gone
	e.rep.Deleted++
	return nil
}

// movedElsewhere takes in a meeting moved with another calendar client:
// such a client changes DTSTART and DTEND and keeps Liaison's X-
// properties as they were, so when the event's times differ from the
// fields, the event's win. The meeting keeps its zone; the instants are
// what the other client set.
func movedElsewhere(rec ical.Record, f Fields) {
	if f["ALL-DAY"] == "1" {
		if rec.AllDay && !rec.FirstDay.IsZero() && rec.FirstDay.String() != f["FIRST-DAY"] {
			days := 0
			if first, err := model.ParseDate(f["FIRST-DAY"]); err == nil {
				if last, err := model.ParseDate(f["LAST-DAY"]); err == nil {
					days = first.DaysUntil(last)
				}
			}
			f.set("FIRST-DAY", rec.FirstDay.String())
			last := rec.LastDay
			if last.IsZero() || last.Before(rec.FirstDay) {
				last = rec.FirstDay.AddDays(days)
			}
			f.set("LAST-DAY", last.String())
		}
		return
	}
	if rec.AllDay || rec.Start.IsZero() {
		return
	}
	start, err1 := time.Parse(time.RFC3339Nano, f["START"])
	end, err2 := time.Parse(time.RFC3339Nano, f["END"])
	if err1 != nil || err2 != nil || (rec.Start.Equal(start) && (rec.End.IsZero() || rec.End.Equal(end))) {
		return
	}
	loc := time.UTC
	if l, err := model.LoadZone(f["ZONE"]); err == nil && f["ZONE"] != "" {
		loc = l
	}
	newEnd := rec.End
	if newEnd.IsZero() || !newEnd.After(rec.Start) {
		newEnd = rec.Start.Add(end.Sub(start))
	}
	f.setTime("START", rec.Start.In(loc))
	f.setTime("END", newEnd.In(loc))
}
