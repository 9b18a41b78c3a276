package caldav

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// Resolve settles the open conflict on one field of a record: keep "mine"
// (this database's value when the conflict arose) or "theirs" (the
// server's). The record takes the chosen value, which the next sync
// sends, and the conflict is closed with what was decided.
func Resolve(ctx context.Context, st *store.Store, uid, field, keep string) error {
	if keep != "mine" && keep != "theirs" {
		return model.Invalid("keep", "give mine or theirs, not %q", keep)
	}
	field = strings.ToUpper(strings.ReplaceAll(field, "_", "-"))
	open, err := st.SyncConflicts(ctx, true)
	if err != nil {
		return err
	}
	var c *store.SyncConflict
	var fields []string
	for i := range open {
		if open[i].UID == uid {
			fields = append(fields, open[i].Field)
			if open[i].Field == field {
				c = &open[i]
			}
		}
	}
	if c == nil {
		if len(fields) == 0 {
			return fmt.Errorf("record %s has no open conflict: %w", uid, model.ErrNotFound)
		}
		return fmt.Errorf("record %s has no open conflict on %s (open: %s): %w", uid, field, strings.Join(fields, ", "), model.ErrNotFound)
	}
	value := c.Kept
	if keep != c.KeptSide {
		value = c.SetAside
	}
	cat, err := st.Catalog(ctx)
	if err != nil {
		return err
	}
	e := &engine{cat: cat}
	return st.Atomically(ctx, func(tx *store.Store) error {
		locs, err := loadLocal(ctx, tx, cat, []store.RecordRef{{Kind: c.Kind, UID: uid}})
		if err != nil {
			return err
		}
		l := locs[uid]
		if l == nil {
			return fmt.Errorf("record %s: %w", uid, model.ErrNotFound)
		}
		if l.f[field] != value {
			l.f.set(field, value)
			l.f.setTime(fModified, time.Now().UTC())
			if err := e.apply(ctx, tx, c.Kind, uid, l.f); err != nil {
				return err
			}
		}
		return tx.ResolveSyncConflict(ctx, c.ID, "kept "+keep)
	})
}
