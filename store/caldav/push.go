package caldav

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

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
	if catalogKind(l.kind) && refusedComponent(err) {
		e.rep.Skipped = append(e.rep.Skipped, fmt.Sprintf("%s: the calendar takes no VJOURNAL, so organizations, focal points and agreements are not shared (%v)", l.f[fTitle]+l.f["ACRONYM"], err))
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
	switch l.kind {
	case "organization":
		e.rep.Organizations++
	case agreementKind:
		e.rep.Agreements++
	default:
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

// refusedComponent reports whether the server refused a resource for what
// it holds (a component the collection does not take), not for who sent it.
func refusedComponent(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && (se.Code == http.StatusForbidden || se.Code == http.StatusUnsupportedMediaType ||
		se.Code == http.StatusBadRequest || se.Code == http.StatusConflict)
}
