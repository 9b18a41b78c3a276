package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// translate turns a driver error into one of the model's sentinel errors,
// wrapped with what failed:
//
//   - sql.ErrNoRows → model.ErrNotFound;
//   - a unique or primary key constraint → model.ErrConflict (a duplicate);
//   - a foreign key constraint → model.ErrInvalid (a reference to a record
//     that does not exist);
//   - a CHECK or NOT NULL constraint → model.ErrInvalid.
//
// Errors that already match a sentinel, and other errors, are wrapped as
// they are.
func translate(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, model.ErrNotFound) || errors.Is(err, model.ErrConflict) || errors.Is(err, model.ErrInvalid) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, model.ErrNotFound)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("%s: %s already exists: %w", what, constraintColumns(se.Error()), model.ErrConflict)
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return fmt.Errorf("%s: it refers to a record that does not exist: %w", what, model.ErrInvalid)
		case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			return fmt.Errorf("%s: %s: %w", what, se.Error(), model.ErrInvalid)
		}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// translateDelete is translate for a deletion, where a foreign key failure
// means the record is still in use: model.ErrConflict.
func translateDelete(err error, what string) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
		return fmt.Errorf("%s: it is still in use: %w", what, model.ErrConflict)
	}
	return translate(err, what)
}

// constraintColumns extracts "meetings.uid" from "constraint failed:
// UNIQUE constraint failed: meetings.uid (2067)", for a readable message.
func constraintColumns(msg string) string {
	if i := strings.LastIndex(msg, "failed: "); i >= 0 {
		msg = msg[i+len("failed: "):]
	}
	if i := strings.Index(msg, " ("); i >= 0 {
		msg = msg[:i]
	}
	return "a record with the same " + msg
}

// notFound says that a record of kind with id does not exist.
func notFound(kind string, id any) error {
	return fmt.Errorf("%s %v: %w", kind, id, model.ErrNotFound)
}

// stale says that a record changed since the caller read it.
func stale(kind string, id int64, have, stored int) error {
	return fmt.Errorf("%s %d was changed by someone else (you have version %d, the database has version %d); reload it and try again: %w",
		kind, id, have, stored, model.ErrConflict)
}
