package store

import (
	"context"
	"database/sql"
	"time"
)

// The office calendar's sync state (migration 0003): the account, one row
// per shared resource with the copy both sides last agreed on, and the
// conflicts. The password is never here: it lives in the system keyring.

// SyncAccount is the office calendar this database syncs with.
type SyncAccount struct {
	URL         string // the calendar collection
	User        string
	DisplayName string
	SyncToken   string    // RFC 6578, "" when the server gave none
	Mark        time.Time // local changes after this are looked at by the next sync
	LastSync    time.Time // the end of the last sync that completed
	LastError   string    // why the last sync failed, "" when it did not
}

// SyncAccount returns the account, model.ErrNotFound when none is set up.
func (s *Store) SyncAccount(ctx context.Context) (*SyncAccount, error) {
	var a SyncAccount
	var mark, last string
	err := s.q().QueryRowContext(ctx, "SELECT url, user_name, display_name, sync_token, mark, last_sync, last_error FROM sync_account WHERE id = 1").
		Scan(&a.URL, &a.User, &a.DisplayName, &a.SyncToken, &mark, &last, &a.LastError)
	if err != nil {
		return nil, translate(err, "office calendar account")
	}
	var d decoder
	a.Mark, a.LastSync = d.ts(mark), d.ts(last)
	return &a, d.err
}

// SetSyncAccount sets up the account. Setting up the same collection and
// user again keeps the sync's progress. When the collection or the user
// changes, what was known of the previous collection (resources, token,
// conflicts) is forgotten, so that the next sync starts afresh.
func (s *Store) SetSyncAccount(ctx context.Context, a SyncAccount) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var url, user string
		err := tx.QueryRowContext(ctx, "SELECT url, user_name FROM sync_account WHERE id = 1").Scan(&url, &user)
		if err != nil && err != sql.ErrNoRows {
			return translate(err, "office calendar account")
		}
		if err == nil && (url != a.URL || user != a.User) {
			for _, q := range []string{"DELETE FROM sync_resources", "DELETE FROM sync_conflicts WHERE resolved = ''"} {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return translate(err, "office calendar account")
				}
			}
			a.SyncToken, a.Mark, a.LastSync = "", time.Time{}, time.Time{}
		}
		if err == nil && url == a.URL && user == a.User {
			_, err = tx.ExecContext(ctx, "UPDATE sync_account SET display_name = ?, modified = ? WHERE id = 1", a.DisplayName, ts(s.now()))
			return translate(err, "office calendar account")
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sync_account (id, url, user_name, display_name, sync_token, mark, last_sync, last_error, modified)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET url = excluded.url, user_name = excluded.user_name, display_name = excluded.display_name,
			sync_token = excluded.sync_token, mark = excluded.mark, last_sync = excluded.last_sync, last_error = excluded.last_error,
			modified = excluded.modified`,
			a.URL, a.User, a.DisplayName, a.SyncToken, ts(a.Mark), ts(a.LastSync), a.LastError, ts(s.now()))
		return translate(err, "office calendar account")
	})
}

// SyncResource is one record's resource on the server and the copy of the
// record both sides last agreed on.
type SyncResource struct {
	UID     string
	Kind    string
	Href    string
	ETag    string
	Base    string // the agreed fields, as JSON
	Deleted bool   // the resource was deleted on the server
}

// SyncResources lists every resource known.
func (s *Store) SyncResources(ctx context.Context) ([]SyncResource, error) {
	out := []SyncResource{}
	err := forRows(ctx, s.q(), "SELECT uid, kind, href, etag, base, deleted FROM sync_resources ORDER BY uid", nil, func(r *sql.Rows) error {
		var x SyncResource
		if err := r.Scan(&x.UID, &x.Kind, &x.Href, &x.ETag, &x.Base, &x.Deleted); err != nil {
			return err
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

// PutSyncResource records a resource (replacing what was known of it).
func (s *Store) PutSyncResource(ctx context.Context, x SyncResource) error {
	return s.writeData(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_resources (uid, kind, href, etag, base, deleted, modified) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (uid) DO UPDATE SET kind = excluded.kind, href = excluded.href, etag = excluded.etag, base = excluded.base,
			deleted = excluded.deleted, modified = excluded.modified`,
			x.UID, x.Kind, x.Href, x.ETag, x.Base, x.Deleted, ts(s.now()))
		return translate(err, "office calendar resource "+x.UID)
	})
}

// SetSyncProgress records how a sync ended: on success (errText "") the
// new token, mark and time; on failure only the reason.
func (s *Store) SetSyncProgress(ctx context.Context, token string, mark, at time.Time, errText string) error {
	return s.writeData(ctx, func(tx *sql.Tx) error {
		var err error
		if errText == "" {
			_, err = tx.ExecContext(ctx, "UPDATE sync_account SET sync_token = ?, mark = ?, last_sync = ?, last_error = '' WHERE id = 1",
				token, ts(mark), ts(at))
		} else {
			_, err = tx.ExecContext(ctx, "UPDATE sync_account SET last_error = ? WHERE id = 1", errText)
		}
		return translate(err, "office calendar account")
	})
}

// SyncConflict is one field that both sides changed: the value kept and
// the value set aside, so that no edit is lost without a trace.
type SyncConflict struct {
	ID         int64
	UID        string
	Kind       string
	Title      string
	Field      string
	Kept       string
	SetAside   string
	KeptSide   string // "mine" (this database's value) or "theirs" (the server's)
	KeptAt     time.Time
	AsideAt    time.Time
	AsideBy    string // whose value was set aside, when known
	Created    time.Time
	Resolved   time.Time
	Resolution string
}

// AddSyncConflict records a conflict; an open conflict on the same field
// of the same record is replaced (only the latest disagreement stands).
func (s *Store) AddSyncConflict(ctx context.Context, c *SyncConflict) error {
	return s.writeData(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE sync_conflicts SET resolved = ?, resolution = 'superseded' WHERE uid = ? AND field = ? AND resolved = ''",
			ts(s.now()), c.UID, c.Field); err != nil {
			return translate(err, "conflict")
		}
		c.Created = s.now()
		res, err := tx.ExecContext(ctx, `INSERT INTO sync_conflicts (uid, kind, title, field, kept, set_aside, kept_side, kept_at, aside_at, aside_by, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.UID, c.Kind, c.Title, c.Field, c.Kept, c.SetAside, c.KeptSide, ts(c.KeptAt), ts(c.AsideAt), c.AsideBy, ts(c.Created))
		if err != nil {
			return translate(err, "conflict")
		}
		c.ID, err = res.LastInsertId()
		return err
	})
}

// SyncConflicts lists the conflicts, only the open ones when open is set,
// oldest first.
func (s *Store) SyncConflicts(ctx context.Context, open bool) ([]SyncConflict, error) {
	q := "SELECT id, uid, kind, title, field, kept, set_aside, kept_side, kept_at, aside_at, aside_by, created, resolved, resolution FROM sync_conflicts"
	if open {
		q += " WHERE resolved = ''"
	}
	out := []SyncConflict{}
	err := forRows(ctx, s.q(), q+" ORDER BY id", nil, func(r *sql.Rows) error {
		var c SyncConflict
		var keptAt, asideAt, created, resolved string
		if err := r.Scan(&c.ID, &c.UID, &c.Kind, &c.Title, &c.Field, &c.Kept, &c.SetAside, &c.KeptSide, &keptAt, &asideAt, &c.AsideBy, &created, &resolved, &c.Resolution); err != nil {
			return err
		}
		var d decoder
		c.KeptAt, c.AsideAt, c.Created, c.Resolved = d.ts(keptAt), d.ts(asideAt), d.ts(created), d.ts(resolved)
		out = append(out, c)
		return d.err
	})
	return out, err
}

// ResolveSyncConflict closes an open conflict with what was decided.
func (s *Store) ResolveSyncConflict(ctx context.Context, id int64, resolution string) error {
	return s.writeData(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE sync_conflicts SET resolved = ?, resolution = ? WHERE id = ? AND resolved = ''", ts(s.now()), resolution, id)
		if err != nil {
			return translate(err, "conflict")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("open conflict", id)
		}
		return nil
	})
}

// WaitingChanges counts the records the next sync will look at: changed
// after mark, or never shared (an upper bound: a change undone counts too).
func (s *Store) WaitingChanges(ctx context.Context, mark time.Time) (int, error) {
	refs, err := s.ChangedRecords(ctx, mark)
	if err != nil {
		return 0, err
	}
	seen := map[string]bool{}
	for _, r := range refs {
		seen[r.UID] = true
	}
	err = forRows(ctx, s.q(), `SELECT uid FROM meetings m WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_resources r WHERE r.uid = m.uid)
		UNION SELECT uid FROM consultation_series c WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_resources r WHERE r.uid = c.uid)`, nil,
		func(r *sql.Rows) error {
			var uid string
			if err := r.Scan(&uid); err != nil {
				return err
			}
			seen[uid] = true
			return nil
		})
	return len(seen), err
}
