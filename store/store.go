package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go)
)

// Store is Liaison's database. It is safe for use by several goroutines.
type Store struct {
	db   *sql.DB
	path string
	// tx is set on the Store that Atomically hands its function: every
	// change made through it joins that one transaction.
	tx *sql.Tx
	// txc keeps, inside Atomically, what the transaction's changes share:
	// prepared statements, the catalog, the meeting writer.
	txc *txCache
	// now gives the instant written to created/modified columns; tests
	// replace it to get stable values.
	now func() time.Time
}

// querier is what both *sql.DB and *sql.Tx offer: the read helpers run on
// either.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// dsn builds the modernc.org/sqlite data source name for a file. Write
// transactions begin IMMEDIATE (_txlock) so that two processes writing at
// once wait for each other (busy_timeout) instead of failing to upgrade a
// read lock; read-only transactions stay deferred. The page cache is 32 MiB
// (SQLite's default is 2 MiB), so that the dashboard's queries over a large
// database find their pages in memory.
//
// synchronous(NORMAL): in WAL mode a commit is written to the log without
// waiting for the disk (fsync happens at checkpoints). SQLite documents
// this as safe against corruption in WAL mode; a power cut can lose the
// last transactions committed, never damage the file. Each change the
// desktop app saves no longer waits for an fsync.
//
// temp_store(MEMORY): the statement journal of each savepoint (one per
// change inside Atomically) is kept in memory and emptied when the change
// is released, instead of growing in a temporary file: importing 100,000
// events spent about a tenth of its time writing that file.
func dsn(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/... on Windows
	}
	// SQLite decodes %XX in a URI filename: escape what would end the path.
	p = (&url.URL{Path: p}).EscapedPath()
	return "file:" + p + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=cache_size(-32768)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_txlock=immediate"
}

// Open opens the database at path, creating it (mode 0600, and its folder
// mode 0700) when it does not exist, and brings its schema up to date.
// Before a migration touches an existing database, a copy of the file is
// kept beside it (liaison.db.before-0002.bak).
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, migrations())
}

// open opens the database and applies the migrations ms.
func open(ctx context.Context, path string, ms []migration) (*Store, error) {
	if path == "" {
		return nil, model.Invalid("path", "no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	// A backup or export killed halfway left its temporary file here.
	CleanTemporaries(filepath.Dir(abs))
	// Create the file ourselves so that it gets mode 0600 (SQLite would use
	// 0644); SQLite gives its -wal and -shm files the database's mode.
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, path: abs, now: func() time.Time { return time.Now().UTC() }}
	if err := s.migrate(ctx, ms); err != nil {
		_ = db.Close()
		if d := damaged(abs, err); d != err {
			return nil, d // says how to restore (restore.go)
		}
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	return s, nil
}

// Close checkpoints the write-ahead log into the database file and closes
// the database.
func (s *Store) Close() error {
	_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return s.db.Close()
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Checkpoint copies the write-ahead log into the database file, so that the
// file alone holds every committed change.
func (s *Store) Checkpoint(ctx context.Context) error {
	var busy, logged, done int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("checkpoint: another connection is using the database; try again")
	}
	return nil
}

// write runs fn in one write transaction: everything fn did is committed,
// or, when fn or the commit fails, nothing is. Inside Atomically it runs
// under a savepoint of the enclosing transaction instead, so that a change
// refused there leaves nothing behind while the others stand.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.txc != nil {
		s.txc.cat = nil // the change may touch the catalog: read it again
	}
	return s.writeData(ctx, fn)
}

// writeData is write for a change that leaves organizations and
// agreements alone (meetings, invitations): inside Atomically, the
// catalog read before it stays valid.
func (s *Store) writeData(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.tx != nil {
		return s.savepoint(ctx, fn)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return translate(err, "commit")
	}
	return nil
}

// read runs fn in a read-only transaction, so that several queries see one
// state of the database.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.tx != nil {
		return fn(s.tx)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	return fn(tx)
}

// q is what one-statement reads run on: the enclosing transaction inside
// Atomically, else the pool.
func (s *Store) q() querier {
	if s.txc != nil {
		return s.txc
	}
	if s.tx != nil {
		return s.tx
	}
	return s.db
}

func (s *Store) savepoint(ctx context.Context, fn func(tx *sql.Tx) error) error {
	q := s.q()
	if _, err := q.ExecContext(ctx, "SAVEPOINT change"); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if err := fn(s.tx); err != nil {
		_, _ = q.ExecContext(ctx, "ROLLBACK TO change")
		_, _ = q.ExecContext(ctx, "RELEASE change")
		return err
	}
	if _, err := q.ExecContext(ctx, "RELEASE change"); err != nil {
		return translate(err, "release savepoint")
	}
	return nil
}

// Atomically runs fn with a Store whose every change joins one
// transaction: all of them are committed when fn returns nil, none when it
// returns an error. A change refused inside (a validation error that fn
// handles and goes on from) leaves nothing of itself behind. fn must use
// the Store it is given, never s: the database has one writer, and s would
// wait for the transaction fn is in.
func (s *Store) Atomically(ctx context.Context, fn func(st *Store) error) error {
	if s.tx != nil {
		return fn(s)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	inner := &Store{db: s.db, path: s.path, now: s.now, tx: tx, txc: newTxCache(tx)}
	err = fn(inner)
	inner.txc.close()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return translate(err, "commit")
	}
	return nil
}

// migrationFiles holds the numbered schema migrations, NNNN_name.sql.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// migrations reads the embedded migrations in order. A misnamed or
// duplicated file is a programming error, caught by the tests.
func migrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	var out []migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			panic("store: migration file " + e.Name() + " is not named NNNN_name.sql")
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		v, _ := strconv.Atoi(m[1])
		if len(out) > 0 && out[len(out)-1].version >= v {
			panic("store: migration " + e.Name() + " repeats or goes back in number")
		}
		out = append(out, migration{version: v, name: m[2], sql: string(b)})
	}
	return out
}

func schemaVersion(ctx context.Context, q querier) (int, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	if n == 0 {
		return 0, nil
	}
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

// migrate applies the migrations not yet applied, each in the transaction
// that records it. Before the first of them touches a database that
// already holds something, it keeps a consistent copy of the file beside
// it, named after the first migration to run (liaison.db.before-0002.bak).
func (s *Store) migrate(ctx context.Context, ms []migration) error {
	current, err := schemaVersion(ctx, s.db)
	if err != nil {
		return err
	}
	var objects int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if current == 0 && objects > 0 {
		return fmt.Errorf("%s is an SQLite database, but not one of Liaison's (it has no schema_migrations table): %w", s.path, model.ErrConflict)
	}
	if last := ms[len(ms)-1].version; current > last {
		return fmt.Errorf("the database is at schema version %d, made by a newer Liaison; this one knows up to version %d: %w", current, last, model.ErrConflict)
	}
	var pending []migration
	for _, m := range ms {
		if m.version > current {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	if objects > 0 {
		bak := fmt.Sprintf("%s.before-%04d.bak", s.path, pending[0].version)
		if err := s.vacuumInto(ctx, bak); err != nil {
			return fmt.Errorf("keep a copy before migration %04d: %w", pending[0].version, err)
		}
	}
	for _, m := range pending {
		err := s.write(ctx, func(tx *sql.Tx) error {
			// Another process may have migrated since we looked.
			if v, err := schemaVersion(ctx, tx); err != nil || v >= m.version {
				return err
			}
			if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
				version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, ts(s.now()))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
		}
	}
	return nil
}
