package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav"
)

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

func syncCommands() []*command {
	return []*command{
		{
			name: "sync setup", args: "--url URL --user NAME [--password-stdin]",
			summary: "share this database through the office's CalDAV calendar: check the collection (or create it), keep the account",
			setup:   withOptions(runSyncSetup),
		},
		{
			name: "sync", args: "[--json]",
			summary: "sync with the office calendar now: pull colleagues' changes, merge, push ours",
			setup:   withOptions(runSync),
		},
		{
			name: "sync status", args: "[--json]",
			summary: "the office calendar account, the last sync, changes waiting to go out, open conflicts",
			setup:   withOptions(runSyncStatus),
		},
		{
			name: "sync conflicts", args: "[--json]",
			summary: "fields both sides changed: the value kept, the value set aside, who and when",
			setup:   withOptions(runSyncConflicts),
		},
		{
			name: "sync deleted", args: "[--json]",
			summary: "shared meetings and series deleted in the office calendar, which sync restore brings back",
			setup:   withOptions(runSyncDeleted),
		},
		{
			name: "sync restore", args: "RECORD_ID",
			summary: "bring back a deleted meeting or series; the next sync shares it again",
			setup:   noOptions(runSyncRestore),
		},
		{
			name: "sync resolve", args: "RECORD_ID --field F --keep mine|theirs",
			summary: "settle a conflict, keeping this database's value (mine) or the server's (theirs)",
			setup:   withOptions(runSyncResolve),
		},
	}
}

type syncSetupOptions struct {
	URL, User     string
	PasswordStdin bool
}

func (o *syncSetupOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.URL, "url", "", "the calendar collection (https://, or http:// to this machine), or your calendar home")
	fs.StringVar(&o.User, "user", "", "your user name on the CalDAV server")
	fs.BoolVar(&o.PasswordStdin, "password-stdin", false, "read the password from the first line of standard input (else $"+caldav.PasswordEnv+")")
}

func runSyncSetup(e *env, c *call, o *syncSetupOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	if o.URL == "" || o.User == "" {
		return usagef("give the calendar with --url URL and your user name with --user NAME")
	}
	if _, err := caldav.CheckURL(o.URL); err != nil {
		return model.Invalid("url", "%v", err)
	}
	password, err := readPassword(o.PasswordStdin)
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, _ *model.Catalog) error {
		res, err := caldav.Setup(e.ctx, st, o.URL, o.User, password)
		if err != nil {
			return err
		}
		if res.Created {
			fmt.Fprintf(e.stdout, "Created the calendar %s.\n", res.URL)
		}
		fmt.Fprintf(e.stdout, "Office calendar: %s (%s), as %s.\n", res.DisplayName, res.URL, o.User)
		if err := caldav.SavePassword(res.URL, o.User, password); err != nil {
			fmt.Fprintf(e.stdout, "%v.\n", err)
		} else {
			fmt.Fprintln(e.stdout, "The password is kept in the system keyring.")
		}
		return nil
	})
}

// readPassword reads the password from standard input's first line, or
// from the environment.
func readPassword(fromStdin bool) (string, error) {
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read the password from standard input: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return "", usagef("--password-stdin: standard input held no password")
		}
		return line, nil
	}
	pw, ok := os.LookupEnv(caldav.PasswordEnv)
	if !ok || pw == "" {
		return "", usagef("give the password with --password-stdin or in $%s", caldav.PasswordEnv)
	}
	return pw, nil
}

func runSync(e *env, c *call, o *jsonOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, _ *model.Catalog) error {
		acct, err := st.SyncAccount(e.ctx)
		if errors.Is(err, model.ErrNotFound) {
			return errors.New("no office calendar is set up: run liaison sync setup --url URL --user NAME")
		}
		if err != nil {
			return err
		}
		pw, err := caldav.Password(acct.URL, acct.User)
		if err != nil {
			return err
		}
		rep, err := caldav.Sync(e.ctx, st, pw)
		if err != nil {
			return fmt.Errorf("the sync stopped: %w; nothing half-done was kept, and the next sync takes it up", err)
		}
		if o.JSON {
			if err := writeJSON(e, rep); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(e.stdout, "Pulled %d, pushed %d, merged %d, %d in conflict, %d deleted", rep.Pulled, rep.Pushed, rep.Merged, rep.Conflicts, rep.Deleted)
			if rep.Organizations > 0 {
				fmt.Fprintf(e.stdout, "; %d organization(s) with their focal points", rep.Organizations)
			}
			if rep.Agreements > 0 {
				fmt.Fprintf(e.stdout, "; %d agreement(s)", rep.Agreements)
			}
			fmt.Fprintln(e.stdout, ".")
			for _, s := range rep.Skipped {
				fmt.Fprintf(e.stdout, "Left alone: %s\n", s)
			}
			if rep.Conflicts > 0 {
				fmt.Fprintln(e.stdout, "See them with: liaison sync conflicts")
			}
		}
		if !rep.Agree {
			return fmt.Errorf("the database and the office calendar do not agree yet: %d record(s) could not be taken in", len(rep.Skipped))
		}
		return nil
	})
}

type syncStatusView struct {
	URL            string    `json:"url"`
	User           string    `json:"user"`
	Calendar       string    `json:"calendar"`
	LastSync       time.Time `json:"last_sync,omitzero"`
	LastError      string    `json:"last_error,omitempty"`
	Waiting        int       `json:"waiting"`
	OpenConflicts  int       `json:"open_conflicts"`
	SharedRecords  int       `json:"shared_records"`
	SyncTokenKnown bool      `json:"sync_token_known"`
}

func runSyncStatus(e *env, c *call, o *jsonOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, _ *model.Catalog) error {
		s, err := caldav.Status(e.ctx, st)
		if err != nil {
			return err
		}
		v := syncStatusView{URL: s.Account.URL, User: s.Account.User, Calendar: s.Account.DisplayName, LastSync: s.Account.LastSync,
			LastError: s.Account.LastError, Waiting: s.Waiting, OpenConflicts: s.Conflicts, SharedRecords: s.Shared, SyncTokenKnown: s.Account.SyncToken != ""}
		if o.JSON {
			return writeJSON(e, v)
		}
		w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(w, "Calendar:\t%s (%s)\n", v.Calendar, v.URL)
		fmt.Fprintf(w, "User:\t%s\n", v.User)
		last := "never"
		if !v.LastSync.IsZero() {
			last = v.LastSync.Local().Format("2006-01-02 15:04:05")
		}
		fmt.Fprintf(w, "Last sync:\t%s\n", last)
		if v.LastError != "" {
			fmt.Fprintf(w, "Last failure:\t%s\n", v.LastError)
		}
		fmt.Fprintf(w, "Waiting to go out:\t%d\n", v.Waiting)
		fmt.Fprintf(w, "Open conflicts:\t%d\n", v.OpenConflicts)
		fmt.Fprintf(w, "Shared records:\t%d\n", v.SharedRecords)
		return w.Flush()
	})
}

type conflictView struct {
	Record   string    `json:"record"`
	Kind     string    `json:"kind"`
	Title    string    `json:"title"`
	Field    string    `json:"field"`
	Kept     string    `json:"kept"`
	KeptSide string    `json:"kept_side"`
	SetAside string    `json:"set_aside"`
	AsideBy  string    `json:"set_aside_from"`
	KeptAt   time.Time `json:"kept_changed_at,omitzero"`
	AsideAt  time.Time `json:"set_aside_changed_at,omitzero"`
	At       time.Time `json:"found_at"`
}

func runSyncConflicts(e *env, c *call, o *jsonOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, _ *model.Catalog) error {
		cs, err := st.SyncConflicts(e.ctx, true)
		if err != nil {
			return err
		}
		views := make([]conflictView, len(cs))
		for i, x := range cs {
			views[i] = conflictView{Record: x.UID, Kind: x.Kind, Title: x.Title, Field: x.Field, Kept: x.Kept, KeptSide: x.KeptSide,
				SetAside: x.SetAside, AsideBy: x.AsideBy, KeptAt: x.KeptAt, AsideAt: x.AsideAt, At: x.Created}
		}
		if o.JSON {
			return writeJSON(e, views)
		}
		if len(views) == 0 {
			fmt.Fprintln(e.stdout, "No open conflicts.")
			return nil
		}
		for _, v := range views {
			fmt.Fprintf(e.stdout, "%s  %s (%s)\n  field %s\n  kept (%s, changed %s): %s\n  set aside (from %s, changed %s): %s\n",
				v.Record, v.Title, v.Kind, v.Field, v.KeptSide, stamp(v.KeptAt), clipValue(v.Kept), v.AsideBy, stamp(v.AsideAt), clipValue(v.SetAside))
		}
		fmt.Fprintln(e.stdout, "Settle one with: liaison sync resolve RECORD_ID --field F --keep mine|theirs")
		return nil
	})
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

func clipValue(s string) string {
	s = strings.ReplaceAll(s, "\n", " ⏎ ")
	if len([]rune(s)) > 200 {
		return string([]rune(s)[:200]) + "…"
	}
	if s == "" {
		return "(empty)"
	}
	return s
}

type syncResolveOptions struct{ Field, Keep string }

func (o *syncResolveOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Field, "field", "", "the field in conflict, as sync conflicts names it (e.g. TITLE)")
	fs.StringVar(&o.Keep, "keep", "", "mine (this database's value) or theirs (the server's)")
}

func runSyncResolve(e *env, c *call, o *syncResolveOptions) error {
	if len(c.args) != 1 {
		return usagef("give the record's id (as sync conflicts lists it)")
	}
	if o.Field == "" || (o.Keep != "mine" && o.Keep != "theirs") {
		return usagef("give --field F and --keep mine or --keep theirs")
	}
	return e.withStore(c, func(st *store.Store, _ *model.Catalog) error {
		if err := caldav.Resolve(e.ctx, st, c.args[0], o.Field, o.Keep); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Kept %s value of %s for %s; the next sync shares it.\n", map[string]string{"mine": "this database's", "theirs": "the server's"}[o.Keep], o.Field, c.args[0])
		return nil
	})
}

func runSyncDeleted(e *env, c *call, o *jsonOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, _ *model.Catalog) error {
		list, err := caldav.RemovedRecords(e.ctx, st)
		if err != nil {
			return err
		}
		if o.JSON {
			return writeJSON(e, list)
		}
		if len(list) == 0 {
			fmt.Fprintln(e.stdout, "Nothing shared was deleted.")
			return nil
		}
		for _, r := range list {
			fmt.Fprintf(e.stdout, "%s  %s (%s), deleted %s\n", r.UID, r.Title, r.Kind, stamp(r.DeletedAt))
		}
		fmt.Fprintln(e.stdout, "Bring one back with: liaison sync restore RECORD_ID")
		return nil
	})
}

func runSyncRestore(e *env, c *call) error {
	if len(c.args) != 1 {
		return usagef("give the record's id (as sync deleted lists it)")
	}
	return e.withStore(c, func(st *store.Store, _ *model.Catalog) error {
		if err := caldav.Restore(e.ctx, st, c.args[0]); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Restored %s; the next sync shares it again.\n", c.args[0])
		return nil
	})
}
