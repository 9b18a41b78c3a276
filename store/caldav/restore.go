package caldav

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// Removed is a shared record deleted in the office calendar (by a
// colleague, or here): a tombstone in this database that can be restored.
type Removed struct {
	UID       string    `json:"record"`
	Kind      string    `json:"kind"`
	Title     string    `json:"title"`
	DeletedAt time.Time `json:"deleted_at,omitzero"`
}

// RemovedRecords lists the shared meetings and series that are tombstones
// here, latest first.
func RemovedRecords(ctx context.Context, st *store.Store) ([]Removed, error) {
	res, err := st.SyncResources(ctx)
	if err != nil {
		return nil, err
	}
	cat, err := st.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	var refs []store.RecordRef
	for _, r := range res {
		if r.Deleted && !catalogKind(r.Kind) {
			refs = append(refs, store.RecordRef{Kind: r.Kind, UID: r.UID})
		}
	}
	locs, err := loadLocal(ctx, st, cat, refs)
	if err != nil {
		return nil, err
	}
	out := []Removed{}
	for uid, l := range locs {
		if l.f[fDeleted] != "1" {
			continue // restored here, not yet shared again
		}
		out = append(out, Removed{UID: uid, Kind: l.kind, Title: l.f[fTitle], DeletedAt: l.f.modified()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DeletedAt.After(out[j].DeletedAt) })
	return out, nil
}

// Restore brings a deleted meeting or series back; the next sync shares it
// again.
func Restore(ctx context.Context, st *store.Store, uid string) error {
	cat, err := st.Catalog(ctx)
	if err != nil {
		return err
	}
	e := &engine{cat: cat}
	return st.Atomically(ctx, func(tx *store.Store) error {
		locs, err := loadLocal(ctx, tx, cat, []store.RecordRef{{Kind: "meeting", UID: uid}, {Kind: "series", UID: uid}})
		if err != nil {
			return err
		}
		l := locs[uid]
		if l == nil {
			return fmt.Errorf("record %s: %w", uid, model.ErrNotFound)
		}
		if l.f[fDeleted] != "1" {
			return fmt.Errorf("record %s (%s) is not deleted: %w", uid, l.f[fTitle], model.ErrConflict)
		}
		l.f.set(fDeleted, "")
		l.f.setTime(fModified, time.Now().UTC())
		return e.apply(ctx, tx, l.kind, uid, l.f)
	})
}
