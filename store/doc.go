// Package store keeps Liaison's records in one SQLite database file: the
// organizations and agreements (the catalog), focal points, meetings with
// their agenda, observer invitations with their history, and the Article 8
// consultation series with their occurrences and action items.
//
// The database is opened with foreign keys on, in WAL mode, through one
// connection, and migrated on Open by numbered SQL files embedded from
// migrations/ (each applied in the transaction that records it, after a
// copy of the file is kept beside it). Every change is one transaction:
// a refused change leaves nothing behind. Driver errors come back as the
// model's sentinel errors (model.ErrNotFound, model.ErrConflict,
// model.ErrInvalid), wrapped with what failed.
//
// Meetings, consultation series and invitations carry a stable UID, a
// version counter and a modified instant, and deleting one leaves a
// tombstone, so that a later CalDAV sync can tell what changed.
package store
