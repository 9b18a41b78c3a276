package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// Exit codes: 0 success, 1 the task failed (one message on stderr, nothing
// written), 2 the command was used wrongly.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// env is what every command runs with; tests give their own.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
}

// command is one subcommand (or a group such as "meeting add").
type command struct {
	name    string // "meeting add"
	args    string // usage after the name, e.g. "ID [flags]"
	summary string
	// setup binds the command's flags to a fresh options value and returns
	// the function that runs the command with it (see withOptions).
	setup func(fs *flag.FlagSet) runner
}

// runner runs one call of a command.
type runner func(e *env, c *call) error

// flagBinder is an options struct: it binds its fields to flags.
type flagBinder interface{ bind(fs *flag.FlagSet) }

// withOptions makes a command's setup: a new O bound to the flags, handed
// to run once they are parsed.
func withOptions[O any, P interface {
	*O
	flagBinder
}](run func(e *env, c *call, o P) error) func(fs *flag.FlagSet) runner {
	return func(fs *flag.FlagSet) runner {
		o := P(new(O))
		o.bind(fs)
		return func(e *env, c *call) error { return run(e, c, o) }
	}
}

// noOptions makes the setup of a command that takes no flags but --db.
func noOptions(run runner) func(fs *flag.FlagSet) runner {
	return func(*flag.FlagSet) runner { return run }
}

// jsonOptions is the options of a command whose only flag is --json.
type jsonOptions struct{ JSON bool }

func (o *jsonOptions) bind(fs *flag.FlagSet) { fs.BoolVar(&o.JSON, "json", false, "print JSON") }

// call is one invocation of a command: its parsed flags and arguments.
type call struct {
	fs   *flag.FlagSet
	args []string
	db   string
}

// usageError marks a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr, now: time.Now}
	return e.dispatch(args)
}

func (e *env) dispatch(args []string) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		fmt.Fprintln(e.stdout, versionLine())
		return exitOK
	}
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help") {
		return e.runApp(args)
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		e.help(e.stdout, args[1:])
		return exitOK
	}
	cmd, rest := lookup(args)
	if cmd == nil {
		fmt.Fprintf(e.stderr, "liaison: unknown command %q\n\n", strings.Join(args[:min(2, len(args))], " "))
		e.help(e.stderr, nil)
		return exitUsage
	}
	for i, arg := range rest {
		if err := model.CheckArg(i+1, arg); err != nil {
			fmt.Fprintf(e.stderr, "liaison %s: %v\n", cmd.name, err)
			return exitUsage
		}
	}
	c, runCmd := newCall(cmd)
	positional, err := parseInterleaved(c.fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		e.commandHelp(e.stdout, cmd, c.fs)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "liaison %s: %v\n", cmd.name, err)
		fmt.Fprintf(e.stderr, "usage: liaison %s %s (see liaison %s --help)\n", cmd.name, cmd.args, cmd.name)
		return exitUsage
	}
	c.args = positional
	if err := e.safeRun(cmd.name, c, runCmd); err != nil {
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintf(e.stderr, "liaison %s: %s\nusage: liaison %s %s\n", cmd.name, u.msg, cmd.name, cmd.args)
			return exitUsage
		}
		fmt.Fprintf(e.stderr, "liaison %s: %s\n", cmd.name, oneLine(err))
		return exitError
	}
	return exitOK
}

// newCall declares --db, which every command takes, and the command's own
// flags on a new flag set; it returns the call they fill and the command
// bound to them.
func newCall(cmd *command) (*call, runner) {
	c := newDBCall("liaison " + cmd.name)
	return c, cmd.setup(c.fs)
}

// newDBCall makes a call whose flag set holds --db, the one flag the
// desktop app and every command take.
func newDBCall(name string) *call {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := &call{fs: fs}
	fs.StringVar(&c.db, "db", "", "the database file (default: $LIAISON_DB, else the user's data folder)")
	return c
}

// oneLine keeps an error to one readable line.
func oneLine(err error) string {
	return strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", "; ")
}

// parseInterleaved parses flags that may stand before, between or after
// positional arguments ("meeting update 7 --title X").
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func lookup(args []string) (*command, []string) {
	if len(args) >= 2 {
		if c := findCommand(args[0] + " " + args[1]); c != nil {
			return c, args[2:]
		}
	}
	if c := findCommand(args[0]); c != nil {
		return c, args[1:]
	}
	return nil, nil
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func (e *env) help(w io.Writer, topic []string) {
	if len(topic) > 0 {
		if cmd, _ := lookup(topic); cmd != nil {
			c, _ := newCall(cmd)
			e.commandHelp(w, cmd, c.fs)
			return
		}
	}
	fmt.Fprintln(w, "Liaison: observer invitations (Art. 2) and consultations (Art. 8) under cooperation agreements.")
	fmt.Fprintln(w, "\nusage: liaison                 start the desktop app")
	fmt.Fprintln(w, "       liaison COMMAND [flags]  run one task; every command takes --db PATH and --help")
	fmt.Fprintln(w, "       liaison --version        print the version and the commit it was built from")
	fmt.Fprintln(w, "\ncommands:")
	cmds := commands()
	sort.SliceStable(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-26s %s\n", c.name, c.summary)
	}
}

func (e *env) commandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: liaison %s %s\n\n%s\n\nflags:\n", c.name, c.args, c.summary)
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		if kind != "" {
			kind = " " + kind
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintf(w, "  --%s%s\n      %s%s\n", f.Name, kind, usage, def)
	})
}

// openStore opens the database a command names. Commands other than init
// refuse a database that does not exist yet rather than create an empty one.
func (e *env) openStore(c *call, mustExist bool) (*store.Store, error) {
	path, err := store.PathFrom(c.db)
	if err != nil {
		return nil, err
	}
	if mustExist {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s: run \"liaison init --db %s\" first", path, path)
		}
		if err := refuseEmpty(path); err != nil { // cmd_restore.go
			return nil, err
		}
	}
	st, err := store.Open(e.ctx, path)
	if err != nil {
		return nil, err
	}
	if mustExist {
		ok, err := st.Initialized(e.ctx)
		if err == nil && !ok {
			err = notSetUp(e.ctx, st, path) // cmd_restore.go
		}
		if err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

// withStore opens the database, loads the catalog and runs fn.
func (e *env) withStore(c *call, fn func(st *store.Store, cat *model.Catalog) error) error {
	st, err := e.openStore(c, true)
	if err != nil {
		return err
	}
	defer st.Close()
	cat, err := st.Catalog(e.ctx)
	if err != nil {
		return err
	}
	return fn(st, cat)
}

// dayStart returns midnight at the start of day d in our headquarters'
// zone (model.Catalog.HQZone).
func dayStart(cat *model.Catalog, d model.Date) time.Time {
	return d.In(cat.HQZone())
}

// optDate parses an optional YYYY-MM-DD flag.
func optDate(field, s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, model.Invalid(field, "%q is not a date of the form YYYY-MM-DD", s)
	}
	return d, nil
}

// oneID reads the single positional ID a command takes.
func oneID(c *call, what string) (int64, error) {
	if len(c.args) != 1 {
		return 0, usagef("give one %s id", what)
	}
	var id int64
	if _, err := fmt.Sscan(c.args[0], &id); err != nil || id <= 0 || fmt.Sprint(id) != c.args[0] {
		return 0, usagef("%q is not a %s id (a positive whole number)", c.args[0], what)
	}
	return id, nil
}

// noArgs refuses positional arguments a command does not take.
func noArgs(c *call) error {
	if len(c.args) > 0 {
		return usagef("unexpected argument %q", c.args[0])
	}
	return nil
}

// multi is a flag that may be given several times.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ", ") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// set reports whether a flag was given on the command line.
func set(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			found = true
		}
	})
	return found
}
