package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/liaison-app/liaison/model"
)

// Backup writes a consistent copy of the database to dest while the
// application keeps running: SQLite's VACUUM INTO reads one snapshot of
// the database into a temporary file in dest's folder, which is then
// renamed over dest (mode 0600). A reader never sees a half-written
// backup. Backup refuses to overwrite the live database or its journal.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return model.Invalid("backup", "no destination file given")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	for _, live := range []string{s.path, s.path + "-wal", s.path + "-shm"} {
		if abs == live || sameFile(abs, live) {
			return model.Invalid("backup", "%s is the live database; choose another file", dest)
		}
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return model.Invalid("backup", "%s is a folder; give a file name such as liaison-backup.db", dest)
	}
	if err := s.vacuumInto(ctx, abs); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	return nil
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(fa, fb)
}

// vacuumInto writes a consistent copy of the database to dest by way of a
// temporary file beside it, then renames it into place.
func (s *Store) vacuumInto(ctx context.Context, dest string) error {
	dir := filepath.Dir(dest)
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_ = f.Close()
	// VACUUM INTO wants a file that does not exist yet.
	if err := os.Remove(tmp); err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp) }()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("copy the database: %w", err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	return os.Rename(tmp, dest)
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
