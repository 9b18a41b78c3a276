package main

import (
	"errors"
	"flag"
	"fmt"
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
			flags: func(fs *flag.FlagSet) {
				fs.String("template", defaultTemplate, "the agreement template: "+strings.Join(assets.TemplateKeys(), ", "))
				fs.String("as", defaultUs, "the organization that uses this copy of Liaison (its acronym)")
			},
			run: runInit,
		},
		{
			name: "backup", args: "-o FILE",
			summary: "write a consistent copy of the database, even while the app runs",
			flags: func(fs *flag.FlagSet) {
				fs.String("o", "", "the backup file to write")
			},
			run: runBackup,
		},
	}
}

func runInit(e *env, c *call) error {
	if err := noArgs(c); err != nil {
		return err
	}
	st, err := e.openStore(c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	tpl, as := c.fs.Lookup("template").Value.String(), c.fs.Lookup("as").Value.String()
	if err := st.Seed(e.ctx, tpl, as); err != nil {
		if errors.Is(err, model.ErrConflict) {
			return fmt.Errorf("the database at %s is already set up; nothing was changed", st.Path())
		}
		return err
	}
	fmt.Fprintf(e.stdout, "Set up %s with the %s template, as %s.\n", st.Path(), tpl, strings.ToUpper(as))
	return nil
}

func runBackup(e *env, c *call) error {
	if err := noArgs(c); err != nil {
		return err
	}
	out := c.fs.Lookup("o").Value.String()
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
