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
	if err := s.CheckOutput(dest); err != nil {
		return err
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
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
// temporary file beside it, created 0600 before SQLite writes into it (a
// file SQLite creates itself gets 0644), then renames it into place. A
// process killed meanwhile leaves the temporary behind; CleanTemporaries
// removes it on the next start, or the next write to dest does.
func (s *Store) vacuumInto(ctx context.Context, dest string) error {
	return writeAtomic(dest, Private, func(f *os.File) error {
		// VACUUM INTO writes into an existing file only when it is empty,
		// as this one is; it opens the file itself.
		if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", f.Name()); err != nil {
			return fmt.Errorf("copy the database: %w", err)
		}
		return nil
	})
}
