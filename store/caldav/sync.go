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

// Report says what one sync did.
type Report struct {
	Pulled    int `json:"pulled"`    // records created or changed here from the server
	Pushed    int `json:"pushed"`    // records written to the server
	Merged    int `json:"merged"`    // records changed on both sides and merged
	Conflicts int `json:"conflicts"` // fields changed on both sides to different values
	Deleted   int `json:"deleted"`   // tombstones received or sent
	// Organizations counts organizations (with their focal points)
	// taken in or sent.
	Organizations int      `json:"organizations"`
	Skipped       []string `json:"skipped,omitempty"`
	// Agree is set when the database and the server agree at the end.
	Agree bool `json:"agree"`
}

// maxResource is the largest resource read from the server.
const maxResource = 8 << 20

// batch is how many resources one calendar-multiget asks for.
const batch = 200

type engine struct {
	st    *store.Store
	cl    *Client
	acct  *store.SyncAccount
	cat   *model.Catalog
	res   map[string]*store.SyncResource // by UID
	href  map[string]string              // resource key → UID
	rep   Report
	push  map[string]string // UID → kind: records to write after the pull
	dirty bool              // a record could not be applied: keep the old token
	// catDirty: an organization was written; read the catalog again
	// before the next record is built or applied.
	catDirty bool
}

// local is a record as this database has it.
type local struct {
	kind string
	m    *store.SyncedMeeting
	s    *store.SyncedSeries
	org  *model.Organization
	fps  []model.FocalPoint
	f    Fields
}

// Sync makes the database and the office calendar agree: pull what
// colleagues changed (sync token, else ETags), merge it field by field
// with what changed here, then push what changed here with If-Match (or
// If-None-Match: * for a new record). Each record is applied here in one
// transaction with what the sync knows of it, so that a sync cut short
// leaves every record whole and the next one completes it without
// duplicates. The error says in one sentence what went wrong.
func Sync(ctx context.Context, st *store.Store, password string) (Report, error) {
	acct, err := st.SyncAccount(ctx)
	if errors.Is(err, model.ErrNotFound) {
		return Report{}, fmt.Errorf("no office calendar is set up: run liaison sync setup --url URL --user NAME")
	}
	if err != nil {
		return Report{}, err
	}
	cl, err := NewClient(acct.URL, acct.User, password)
	if err != nil {
		return Report{}, err
	}
	e := &engine{st: st, cl: cl, acct: acct, push: map[string]string{}}
	start := time.Now()
	token, err := e.run(ctx, start)
	if err != nil {
		_ = st.SetSyncProgress(ctx, "", time.Time{}, time.Time{}, err.Error())
		return e.rep, err
	}
	if e.dirty {
		token = acct.SyncToken
	}
	if err := st.SetSyncProgress(ctx, token, start, time.Now(), ""); err != nil {
		return e.rep, err
	}
	e.rep.Agree = !e.dirty
	return e.rep, nil
}

func (e *engine) run(ctx context.Context, start time.Time) (string, error) {
	var err error
	if e.cat, err = e.st.Catalog(ctx); err != nil {
		return "", err
	}
	list, err := e.st.SyncResources(ctx)
	if err != nil {
		return "", err
	}
	e.res, e.href = map[string]*store.SyncResource{}, map[string]string{}
	for i := range list {
		r := &list[i]
		e.res[r.UID], e.href[key(r.Href)] = r, r.UID
	}
	token, err := e.pull(ctx)
	if err != nil {
		return "", err
	}
	return token, e.pushAll(ctx)
}

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
	// Organizations first: the meetings and series name them.
	var later []Object
	for i := 0; i < len(fetch); i += batch {
		objs, err := e.cl.MultiGet(ctx, fetch[i:min(i+batch, len(fetch))])
		if err != nil {
			return err
		}
		for _, o := range objs {
			if !bytes.Contains(o.Data, []byte(ical.FieldPrefix+"RECORD:organization")) {
				later = append(later, o)
				continue
			}
			if err := e.received(ctx, o); err != nil {
				return err
			}
		}
	}
	for _, o := range later {
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
	if rec.Kind != "organization" && rec.Summary != "" && rec.Summary != theirs[fTitle] {
		theirs.set(fTitle, rec.Summary) // renamed in another calendar client
	}
	if rec.Kind == "meeting" {
		movedElsewhere(rec, theirs)
	}
	if rec.Kind != "meeting" && rec.Kind != "series" && rec.Kind != "organization" {
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
	base := Fields{}
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
	orgs := map[string]bool{}
	for _, r := range refs {
		switch r.Kind {
		case "series":
			su = append(su, r.UID)
		case "organization":
			orgs[r.UID] = true
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
	default:
		rec = meetingRecord(l.m, l.f, e.cat)
	}
	var b bytes.Buffer
	err := ical.WriteRecord(&b, rec)
	return b.Bytes(), err
}

// pushAll writes what changed here since the last sync.
func (e *engine) pushAll(ctx context.Context) error {
	refs, err := e.st.ChangedRecords(ctx, e.acct.Mark)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range refs {
		seen[r.UID] = true
	}
	for uid, kind := range e.push {
		if !seen[uid] {
			refs = append(refs, store.RecordRef{Kind: kind, UID: uid})
		}
	}
	for i := 0; i < len(refs); i += batch {
		part := refs[i:min(i+batch, len(refs))]
		locs, err := loadLocal(ctx, e.st, e.cat, part)
		if err != nil {
			return err
		}
		for _, r := range part {
			if l := locs[r.UID]; l != nil {
				if err := e.pushOne(ctx, r.UID, l, true); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// pushOne writes one record if it differs from what was last agreed. On a
// 412 (a colleague changed it meanwhile) it reads the server's copy,
// merges, and tries once more.
func (e *engine) pushOne(ctx context.Context, uid string, l *local, retry bool) error {
	r := e.res[uid]
	base := Fields{}
	if r != nil {
		base, _ = decodeFields(r.Base)
	}
	deleted := l.f[fDeleted] == "1"
	switch {
	case r == nil && deleted:
		return nil // never shared
	case r != nil && same(l.f, base) && (!r.Deleted || deleted):
		return nil // nothing new
	case r != nil && r.Deleted && deleted:
		return nil
	}
	if deleted {
		err := e.cl.Delete(ctx, r.Href, r.ETag)
		if IsStatus(err, http.StatusPreconditionFailed) && retry {
			return e.refetch(ctx, uid, l.kind, r.Href)
		}
		if err != nil && !IsStatus(err, http.StatusNotFound) {
			return err
		}
		if err := e.pushTodos(ctx, uid, base, l.f); err != nil {
			return err
		}
		gone := store.SyncResource{UID: uid, Kind: l.kind, Href: r.Href, Base: l.f.encode(), Deleted: true}
		if err := e.st.PutSyncResource(ctx, gone); err != nil {
			return err
		}
		e.res[uid] = &gone
		e.rep.Deleted++
		return nil
	}
	data, err := e.text(l)
	if err != nil {
		return fmt.Errorf("record %s (%s): %w", uid, l.f[fTitle], err)
	}
	href, etag := e.cl.hrefFor(uid), ""
	if r != nil && !r.Deleted {
		href, etag = r.Href, r.ETag
	}
	newTag, err := e.cl.Put(ctx, href, data, etag)
	if l.kind == "organization" && refusedComponent(err) {
		e.rep.Skipped = append(e.rep.Skipped, fmt.Sprintf("%s: the calendar takes no VJOURNAL, so organizations and focal points are not shared (%v)", l.org.Acronym, err))
		return nil
	}
	if IsStatus(err, http.StatusPreconditionFailed) && retry {
		// A colleague wrote it first (or an earlier, interrupted sync did):
		// merge with the server's copy instead of overwriting it.
		if err := e.refetch(ctx, uid, l.kind, href); err != nil {
			return err
		}
		return nil
	}
	if err != nil {
		return err
	}
	if newTag == "" {
		got, err := e.cl.Get(ctx, href)
		if err != nil {
			return err
		}
		newTag = got.ETag
	}
	if err := e.pushTodos(ctx, uid, base, l.f); err != nil {
		return err
	}
	res := store.SyncResource{UID: uid, Kind: l.kind, Href: href, ETag: newTag, Base: l.f.encode()}
	if err := e.st.PutSyncResource(ctx, res); err != nil {
		return err
	}
	e.res[uid], e.href[key(href)] = &res, uid
	if l.kind == "organization" {
		e.rep.Organizations++
	} else {
		e.rep.Pushed++
	}
	return nil
}

// refetch reads the server's copy after a 412, merges it here, and pushes
// the merge when it differs from the server's.
func (e *engine) refetch(ctx context.Context, uid, kind, href string) error {
	o, err := e.cl.Get(ctx, href)
	if IsStatus(err, http.StatusNotFound) {
		if r := e.res[uid]; r != nil {
			gone := *r
			gone.Deleted, gone.ETag = true, ""
			e.res[uid] = &gone
		}
	} else if err != nil {
		return err
	} else {
		delete(e.push, uid)
		if err := e.received(ctx, o); err != nil {
			return err
		}
		if _, again := e.push[uid]; !again {
			return nil
		}
	}
	l, err := e.loadOne(ctx, kind, uid)
	if err != nil || l == nil {
		return err
	}
	return e.pushOne(ctx, uid, l, false)
}

// pushTodos writes a series' action items as VTODO resources for other
// clients, and removes those that are gone since base. They are never
// read back (the series holds them), so they are written unconditionally.
func (e *engine) pushTodos(ctx context.Context, uid string, base, now Fields) error {
	if len(todosOf(uid, base)) == 0 && len(todosOf(uid, now)) == 0 {
		return nil
	}
	keep := map[string]bool{}
	for _, t := range todosOf(uid, now) {
		keep[t.UID] = true
		var b bytes.Buffer
		if err := ical.WriteTodo(&b, t); err != nil {
			return err
		}
		if _, err := e.cl.Put(ctx, e.cl.hrefFor(t.UID), b.Bytes(), "-"); err != nil {
			return err
		}
	}
	for _, t := range todosOf(uid, base) {
		if !keep[t.UID] {
			if err := e.cl.Delete(ctx, e.cl.hrefFor(t.UID), ""); err != nil && !IsStatus(err, http.StatusNotFound) {
				return err
			}
		}
	}
	return nil
}

// refreshCatalog reads the catalog again after an organization changed.
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

// refusedComponent reports whether the server refused a resource for what
// it holds (a component the collection does not take), not for who sent it.
func refusedComponent(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && (se.Code == http.StatusForbidden || se.Code == http.StatusUnsupportedMediaType ||
		se.Code == http.StatusBadRequest || se.Code == http.StatusConflict)
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
