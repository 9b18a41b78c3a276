package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/liaison-app/liaison/store"
)

// restoreCommands put a backup back in place of the database.
func restoreCommands() []*command {
	return []*command{{
		name: "restore", args: "BACKUP [--db DB]",
		summary: "replace the database with a backup (checked first); the current file is kept as DB.before-restore.bak",
		setup:   noOptions(runRestore),
	}}
}

func runRestore(e *env, c *call) error {
	if len(c.args) != 1 {
		return usagef("give the one backup file to restore")
	}
	backup := c.args[0]
	path, err := store.PathFrom(c.db)
	if err != nil {
		return err
	}
	res, err := store.Restore(e.ctx, backup, path)
	if err != nil {
		return err
	}
	// Open it once: a backup from an older Liaison is brought up to date
	// now (keeping its own .before-NNNN.bak), not at the next command.
	st, err := store.Open(e.ctx, path)
	if err != nil {
		return fmt.Errorf("the backup was put in place at %s, but it does not open: %w", path, err)
	}
	defer st.Close()
	fmt.Fprintf(e.stdout, "Restored %s into %s.\n", backup, path)
	if res.Kept != "" {
		fmt.Fprintf(e.stdout, "The database that was there is kept as %s.\n", res.Kept)
	}
	return nil
}

// refuseEmpty refuses a database file of zero bytes before SQLite opens it
// (it would make it a new, empty database): a read command must not write,
// and an empty file where the office's data should be is news to tell.
func refuseEmpty(path string) error {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() > 0 || !fi.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("the database file %s is empty (0 bytes), so it holds no data: if it should, restore a backup with \"liaison restore BACKUP --db %s\"; to start a new database there, run \"liaison init --db %s\"", path, path, path)
}

// notSetUp explains a database with no organization marked as us: damaged
// (say so, and how to restore), or never set up (run init).
func notSetUp(ctx context.Context, st *store.Store, path string) error {
	if err := st.Check(ctx); errors.Is(err, store.ErrDamaged) {
		return err
	}
	return fmt.Errorf("the database at %s is not set up: run \"liaison init --db %s\" first", path, path)
}
