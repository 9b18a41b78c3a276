package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/liaison-app/liaison/model"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrDamaged is matched by the error of a database file that SQLite cannot
// read as a sound database (torn, overwritten, not a database at all).
var ErrDamaged = errors.New("the database is damaged")

// DamagedError says that the database at Path is damaged, why, and how to
// get the office's data back.
type DamagedError struct {
	Path  string
	Cause string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("the database %s is damaged (%s): restore a backup with \"liaison restore BACKUP --db %s\" "+
		"(or Settings → Restore from a backup…); Liaison keeps a copy beside it before each upgrade (%s.before-NNNN.bak), "+
		"and \"liaison backup\" writes others where you chose", e.Path, e.Cause, e.Path, filepath.Base(e.Path))
}

func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// damaged turns SQLite's "malformed" and "not a database" errors into a
// *DamagedError for the database at path; other errors are returned as
// they are.
func damaged(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT:
			return &DamagedError{Path: path, Cause: "SQLite says: database disk image is malformed"}
		case sqlite3.SQLITE_NOTADB:
			return &DamagedError{Path: path, Cause: "SQLite says: file is not a database"}
		}
	}
	return err
}

// Check runs SQLite's quick integrity check over the whole file: nil when
// it is sound, a *DamagedError when not.
func (s *Store) Check(ctx context.Context) error {
	if err := integrity(ctx, s.db, "quick_check"); err != nil {
		if d := damaged(s.path, err); d != err {
			return d
		}
		return &DamagedError{Path: s.path, Cause: err.Error()}
	}
	return nil
}

// integrity runs PRAGMA integrity_check (or quick_check) and returns an
// error naming the first problem found.
func integrity(ctx context.Context, db *sql.DB, pragma string) error {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma)
	if err != nil {
		return err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %s", pragma, strings.Join(problems[:min(3, len(problems))], "; "))
	}
	return nil
}

// RestoreResult says what Restore did.
type RestoreResult struct {
	Kept          string // where the database that was replaced is kept; "" when there was none
	SchemaVersion int    // the backup's schema version (Open then brings it up to date)
}

// CheckBackup checks that the file at backup is a Liaison database that
// this Liaison can open and that passes PRAGMA integrity_check, without
// writing anything to it or beside it. It returns its schema version.
func CheckBackup(ctx context.Context, backup string) (int, error) {
	fi, err := os.Stat(backup)
	if err != nil {
		return 0, model.Invalid("backup", "%v", err)
	}
	if !fi.Mode().IsRegular() {
		return 0, model.Invalid("backup", "%s is not a file", backup)
	}
	if fi.Size() == 0 {
		return 0, model.Invalid("backup", "%s is empty (0 bytes): not a backup", backup)
	}
	abs, err := filepath.Abs(backup)
	if err != nil {
		return 0, model.Invalid("backup", "%v", err)
	}
	// immutable: SQLite reads the file as it is, takes no lock and creates
	// no -wal or -shm beside it.
	db, err := sql.Open("sqlite", "file:"+uriPath(abs)+"?mode=ro&immutable=1")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if err := integrity(ctx, db, "integrity_check"); err != nil {
		var d *DamagedError
		if errors.As(damaged(abs, err), &d) {
			return 0, model.Invalid("backup", "%s is not a sound SQLite database (%s): choose another backup", backup, d.Cause)
		}
		return 0, model.Invalid("backup", "%s fails the integrity check (%v): choose another backup", backup, err)
	}
	v, err := schemaVersion(ctx, db)
	if err != nil {
		return 0, model.Invalid("backup", "%s cannot be read: %v", backup, err)
	}
	if v == 0 {
		return 0, model.Invalid("backup", "%s is an SQLite file but not a Liaison database (no schema_migrations table)", backup)
	}
	if last := migrations()[len(migrations())-1].version; v > last {
		return 0, model.Invalid("backup", "%s is at schema version %d, made by a newer Liaison; this one knows up to version %d", backup, v, last)
	}
	var us int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM organizations WHERE us = 1").Scan(&us); err != nil || us == 0 {
		return 0, model.Invalid("backup", "%s is a Liaison database that was never set up (no organization is us): nothing to restore", backup)
	}
	return v, nil
}

// uriPath is the path part of an SQLite URI filename for abs.
func uriPath(abs string) string {
	u := dsn(abs)
	u = strings.TrimPrefix(u, "file:")
	if i := strings.IndexByte(u, '?'); i >= 0 {
		u = u[:i]
	}
	return u
}

// Restore replaces the database at db with the backup at backup, which
// must pass CheckBackup. The database that was there is kept as
// db.before-restore.bak (its write-ahead log checkpointed into it first
// when it can be read; when not, the log is kept as
// db.before-restore.bak-wal). A -wal or -shm left beside db is removed
// before the backup goes in: SQLite would otherwise replay the old log over
// the restored file. No process may have db open meanwhile (the app
// restores through Store.RestoreFrom, which closes it first).
func Restore(ctx context.Context, backup, db string) (RestoreResult, error) {
	var res RestoreResult
	abs, err := filepath.Abs(db)
	if err != nil {
		return res, err
	}
	// The copies kept beside the database (.before-NNNN.bak) may be
	// restored; the database and its log may not.
	if b, _ := filepath.Abs(backup); resolve(b) == resolve(abs) || sameFile(b, abs) ||
		strings.HasSuffix(b, "-wal") || strings.HasSuffix(b, "-shm") {
		return res, model.Invalid("backup", "%s is the database itself or its log: choose a backup", backup)
	}
	if res.SchemaVersion, err = CheckBackup(ctx, backup); err != nil {
		return res, err
	}
	src, err := os.Open(backup)
	if err != nil {
		return res, err
	}
	defer src.Close()
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return res, err
	}
	staged, err := stage(abs, Private, func(f *os.File) error {
		_, err := io.Copy(f, src)
		return err
	})
	if err != nil {
		return res, err
	}
	defer staged.Abort() // a no-op once committed

	if fi, err := os.Stat(abs); err == nil && fi.Size() > 0 {
		res.Kept = abs + ".before-restore.bak"
		checkpoint(ctx, abs)
		if err := keepCopy(abs, res.Kept); err != nil {
			return res, fmt.Errorf("keep the current database as %s: %w", res.Kept, err)
		}
	}
	if _, err := os.Stat(abs + "-wal"); err == nil {
		if res.Kept != "" {
			if err := keepCopy(abs+"-wal", res.Kept+"-wal"); err != nil {
				return res, fmt.Errorf("keep the current log as %s-wal: %w", res.Kept, err)
			}
		}
		if err := os.Remove(abs + "-wal"); err != nil {
			return res, fmt.Errorf("remove the old log %s-wal: %w", abs, err)
		}
	}
	for _, p := range []string{abs + "-shm", abs + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return res, fmt.Errorf("remove %s: %w", p, err)
		}
	}
	if err := staged.Commit(); err != nil {
		return res, err
	}
	return res, nil
}

// checkpoint folds the write-ahead log of the database at path into the
// file, when SQLite can read it; a damaged database is left as it is.
func checkpoint(ctx context.Context, path string) {
	if _, err := os.Stat(path + "-wal"); err != nil {
		return
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return
	}
	defer db.Close()
	_, _ = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
}

// keepCopy makes dst a copy of src (a hard link when the file system
// allows, else a copy, synced), replacing an earlier dst.
func keepCopy(src, dst string) error {
	_ = os.Remove(dst)
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeAtomic(dst, Private, func(f *os.File) error {
		_, err := io.Copy(f, in)
		return err
	})
}

// RestoreFrom restores the backup at backup into this Store's database:
// the Store closes its connections, Restore swaps the files, and the Store
// opens the restored database again (bringing its schema up to date), so
// that the app goes on with the same *Store. Work on the Store meanwhile
// fails and can be retried.
func (s *Store) RestoreFrom(ctx context.Context, backup string) (RestoreResult, error) {
	if s.tx != nil {
		return RestoreResult{}, errors.New("restore: not inside a transaction")
	}
	if _, err := CheckBackup(ctx, backup); err != nil {
		return RestoreResult{}, err
	}
	if err := s.Close(); err != nil {
		return RestoreResult{}, err
	}
	res, rerr := Restore(ctx, backup, s.path)
	// Open again whatever happened: the old file when the swap failed.
	fresh, err := Open(ctx, s.path)
	if err != nil {
		return res, errors.Join(rerr, err)
	}
	s.db = fresh.db
	return res, rerr
}
