package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// defaultTemplate and defaultUs seed a database on first run.
const (
	defaultTemplate = "interpol-iom-2014"
	defaultUs       = "INTERPOL"
)

func setupCommands() []*command {
	return []*command{
		{
			name: "init", args: "[--template KEY] [--as ORG]",
			summary: "create the database and seed it with an agreement template",
			setup:   withOptions(runInit),
		},
		{
			name: "example", args: "--db PATH",
			summary: "create a new database holding a realistic example year, to try Liaison or train on it",
			setup:   noOptions(runExample),
		},
		{
			name: "backup", args: "-o FILE",
			summary: "write a consistent copy of the database, even while the app runs",
			setup:   withOptions(runBackup),
		},
	}
}

type initOptions struct{ Template, As string }

func (o *initOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Template, "template", defaultTemplate, "the agreement template: "+strings.Join(assets.TemplateKeys(), ", "))
	fs.StringVar(&o.As, "as", defaultUs, "the organization that uses this copy of Liaison (its acronym)")
}

type backupOptions struct{ Out string }

func (o *backupOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Out, "o", "", "the backup file to write")
}

func runInit(e *env, c *call, o *initOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	st, err := e.openStore(c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	tpl, as := o.Template, o.As
	if err := st.Seed(e.ctx, tpl, as); err != nil {
		if errors.Is(err, model.ErrConflict) {
			return fmt.Errorf("the database at %s is already set up; nothing was changed", st.Path())
		}
		return err
	}
	fmt.Fprintf(e.stdout, "Set up %s with the %s template, as %s.\n", st.Path(), tpl, strings.ToUpper(as))
	return nil
}

func runBackup(e *env, c *call, o *backupOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	out := o.Out
	if out == "" {
		return usagef("give the backup file with -o FILE")
	}
	st, err := e.openStore(c, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(e.ctx, out); err != nil {
		return err
	}
	abs, _ := filepath.Abs(out)
	fmt.Fprintf(e.stdout, "Backed up %s to %s.\n", st.Path(), abs)
	return nil
}

// ensureSeeded sets up a new default database on the desktop app's first run.
func ensureSeeded(e *env, st *store.Store) error {
	ok, err := st.Initialized(e.ctx)
	if err != nil || ok {
		return err
	}
	return st.Seed(e.ctx, defaultTemplate, defaultUs)
}

// runExample makes a new database with the INTERPOL–IOM template and a
// year of example meetings, invitations and consultations around today. It
// refuses an existing database: examples never mix with real records.
func runExample(e *env, c *call) error {
	if err := noArgs(c); err != nil {
		return err
	}
	if c.db == "" {
		return usagef("give the new database with --db PATH (examples never go into your real database)")
	}
	path, err := store.PathFrom(c.db)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists: the example goes into a new database only", path)
	}
	st, err := store.Open(e.ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Seed(e.ctx, defaultTemplate, defaultUs); err != nil {
		return err
	}
	if err := st.SeedExample(e.ctx, e.now(), 0); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote an example year to %s; open it with: liaison --db %s\n", st.Path(), st.Path())
	return nil
}
