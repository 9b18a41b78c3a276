package store

import (
	"context"
	"database/sql"
	"slices"
	"time"
)

// Change is one record changed (created, edited or deleted) since an
// instant: what a later CalDAV sync needs to push.
type Change struct {
	Kind     string // "meeting", "series" or "invitation"
	ID       int64
	UID      string
	Version  int
	Sequence int // the iCalendar SEQUENCE (0 for invitations)
	Modified time.Time
	Deleted  bool // a tombstone: the record was deleted
}

// ChangesSince lists the meetings, consultation series and invitations
// modified after since, tombstones included, oldest change first.
func (s *Store) ChangesSince(ctx context.Context, since time.Time) ([]Change, error) {
	out := []Change{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		for _, q := range []struct{ kind, query string }{
			{"meeting", "SELECT id, uid, version, sequence, modified, deleted_at IS NOT NULL FROM meetings WHERE modified > ? ORDER BY modified, id"},
			{"series", "SELECT id, uid, version, sequence, modified, deleted_at IS NOT NULL FROM consultation_series WHERE modified > ? ORDER BY modified, id"},
			{"invitation", "SELECT id, uid, version, 0, modified, deleted_at IS NOT NULL FROM invitations WHERE modified > ? ORDER BY modified, id"},
		} {
			if err := forRows(ctx, tx, q.query, []any{ts(since)}, func(r *sql.Rows) error {
				c := Change{Kind: q.kind}
				var modified string
				if err := r.Scan(&c.ID, &c.UID, &c.Version, &c.Sequence, &modified, &c.Deleted); err != nil {
					return err
				}
				var d decoder
				c.Modified = d.ts(modified)
				out = append(out, c)
				return d.err
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Merge the three lists by time: a sync replays them in order.
	slices.SortStableFunc(out, func(a, b Change) int { return a.Modified.Compare(b.Modified) })
	return out, nil
}
