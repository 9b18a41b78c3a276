package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cli runs liaison against one database in a temp folder, as of a fixed now.
type cli struct {
	t   *testing.T
	db  string
	now time.Time
}

func newCLI(t *testing.T) *cli {
	c := &cli{t: t, db: filepath.Join(t.TempDir(), "liaison.db"), now: time.Date(2027, 4, 1, 10, 0, 0, 0, time.UTC)}
	c.ok("init")
	return c
}

// run returns the exit code, stdout and stderr of one command.
func (c *cli) run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errb, now: func() time.Time { return c.now }}
	full := append([]string{}, args...)
	if len(args) > 0 && args[0] != "help" {
		full = append(full, "--db", c.db)
	}
	code := e.dispatch(full)
	return code, out.String(), errb.String()
}

func (c *cli) ok(args ...string) string {
	c.t.Helper()
	code, out, errs := c.run(args...)
	require.Equal(c.t, 0, code, "liaison %s\nstderr: %s", strings.Join(args, " "), errs)
	return out
}

// fail runs a command that must be refused with code, and returns stderr.
func (c *cli) fail(code int, args ...string) string {
	c.t.Helper()
	got, out, errs := c.run(args...)
	require.Equal(c.t, code, got, "liaison %s\nstdout: %s\nstderr: %s", strings.Join(args, " "), out, errs)
	assert.Empty(c.t, out, "a refused command prints nothing on stdout")
	assert.Equal(c.t, 1, strings.Count(strings.TrimSpace(errs), "\n")+1-strings.Count(errs, "usage:"), "one message: %q", errs)
	return errs
}

func (c *cli) addConference() string {
	return strings.TrimSpace(c.ok("meeting", "add", "--title", "European Regional Conference", "--convener", "interpol",
		"--start", "2027-06-23T09:00", "--end", "2027-06-25T17:00", "--tz", "Europe/Paris",
		"--venue", "Palais des Congrès", "--city", "Lyon", "--country", "FR", "--kind", "conference", "--igos-invited",
		"--agenda", "Border checks at sea ports|border security,travel document fraud",
		"--agenda", "Tools|The use of technology, software and systems",
		"--notes", "Secretary General to open"))
}

func obligations(t *testing.T, c *cli, args ...string) []map[string]any {
	var out []map[string]any
	require.NoError(t, json.Unmarshal([]byte(c.ok(append([]string{"obligations", "--json"}, args...)...)), &out))
	return out
}

func TestMeetingAddShowsObligation(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	assert.Regexp(t, `^\d+$`, id, "meeting add prints the id alone")

	obs := obligations(t, c)
	require.Len(t, obs, 1)
	ob := obs[0]
	assert.Equal(t, "INTERPOL", ob["owed_by"])
	assert.Equal(t, "IOM", ob["owed_to"])
	assert.Equal(t, "Art. 2.1", ob["article"])
	assert.Equal(t, "owed", ob["state"])
	assert.Equal(t, "2027-05-12", ob["due"], "42 days before 23 June")
	assert.Contains(t, ob["reason"], "Border checks at sea ports")
	assert.Equal(t, "INTERPOL–IOM 2014", ob["agreement"])

	// As the due day nears and passes.
	assert.Equal(t, "due-soon", obligations(t, c, "--at", "2027-05-12")[0]["state"])
	assert.Equal(t, "overdue", obligations(t, c, "--at", "2027-05-13")[0]["state"])

	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(c.ok("meeting", "show", id, "--json")), &m))
	assert.Equal(t, "INTERPOL", m["convener"])
	agenda := m["agenda"].([]any)
	require.Len(t, agenda, 2)
	assert.Equal(t, []any{"Border security", "Travel document fraud"}, agenda[0].(map[string]any)["areas"])
	assert.Equal(t, []any{"The use of technology, software and systems"}, agenda[1].(map[string]any)["areas"], "an area name with a comma")
	assert.Equal(t, "2027-06-23T09:00:00+02:00", m["start"])
	assert.Equal(t, "Europe/Paris", m["zone"])
}

func TestInvitationLifecycle(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	c.ok("invitation", "mark-sent", id, "--to", "IOM", "--on", "2027-04-02")
	assert.Equal(t, "sent", obligations(t, c)[0]["state"])

	c.ok("meeting", "update", id, "--city", "Paris", "--venue", "Maison de la Chimie")
	assert.Equal(t, "update-owed", obligations(t, c)[0]["state"], "a new place after sending")
	c.ok("invitation", "mark-sent", id, "--to", "iom")
	c.ok("invitation", "reply", id, "--to", "IOM", "--status", "accepted", "--representative", "Ana Lima <alima@iom.int>")
	ob := obligations(t, c)[0]
	assert.Equal(t, "accepted", ob["state"])
	assert.Contains(t, ob["reason"], "Ana Lima")

	hist := c.ok("invitation", "show", id, "--to", "IOM")
	for _, want := range []string{"sent", "update sent", "reply", "Ana Lima <alima@iom.int>"} {
		assert.Contains(t, hist, want)
	}

	c.ok("meeting", "cancel", id)
	assert.Equal(t, "void", obligations(t, c)[0]["state"])
}

func TestWaiveAndReview(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("meeting", "add", "--title", "Heads of border police", "--convener", "INTERPOL",
		"--start", "2027-09-15", "--end", "2027-09-17", "--igos-invited"))
	ob := obligations(t, c)[0]
	assert.Equal(t, "review", ob["state"], "IGOs invited but no area yet")
	c.ok("invitation", "waive", id, "--to", "IOM", "--reason", "IOM co-organizes the meeting")
	assert.Equal(t, "waived", obligations(t, c)[0]["state"])
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(c.ok("meeting", "show", id, "--json")), &m))
	assert.Equal(t, true, m["all_day"])
	assert.Equal(t, "2027-09-17", m["last_day"])
}

func TestRefusedCommandsLeaveTheDatabaseAsItWas(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	c.ok("backup", "-o", filepath.Join(t.TempDir(), "checkpoint.db")) // also checkpoints the WAL
	before := hashFiles(t, c.db)

	cases := []struct {
		code int
		args []string
		want string
	}{
		{1, []string{"meeting", "add", "--title", "X", "--convener", "INTERPOL", "--start", "2027-06-23T09:00", "--end", "2027-06-22T09:00"}, "end"},
		{1, []string{"meeting", "add", "--title", "X", "--convener", "WHO", "--start", "2027-06-23", "--end", "2027-06-23"}, "known: INTERPOL, IOM"},
		{1, []string{"meeting", "add", "--title", "X", "--convener", "IOM", "--start", "2027-06-23", "--end", "2027-06-23", "--area", "Piracy"}, "Border security"},
		{1, []string{"meeting", "add", "--title", "X", "--convener", "IOM", "--start", "2027-06-23T10:00", "--end", "2027-06-23T11:00", "--tz", "Europe/Lyon"}, "zone"},
		{1, []string{"meeting", "add", "--title", "X", "--convener", "IOM", "--start", "2027-03-28T02:30", "--end", "2027-03-28T04:00", "--tz", "Europe/Paris"}, "does not exist"},
		{1, []string{"meeting", "update", id, "--end", "2027-06-20T09:00"}, "end"},
		{1, []string{"meeting", "show", "999"}, "not found"},
		{1, []string{"invitation", "reply", id, "--to", "IOM", "--status", "maybe"}, "accepted, tentative or declined"},
		{2, []string{"meeting", "add", "--title", "X"}, "--convener is required"},
		{2, []string{"meeting", "show", "seven"}, "not a meeting id"},
		{2, []string{"meeting", "add", "--bogus"}, "bogus"},
		{1, []string{"init"}, "already set up"},
	}
	for _, tc := range cases {
		errs := c.fail(tc.code, tc.args...)
		assert.Contains(t, errs, tc.want, "liaison %v", tc.args)
	}
	assert.Equal(t, before, hashFiles(t, c.db), "refused commands must not change the database file")
}

func hashFiles(t *testing.T, db string) [32]byte {
	b, err := os.ReadFile(db)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func TestHelpAndUsage(t *testing.T) {
	c := newCLI(t)
	out := c.ok("meeting", "add", "--help")
	assert.Contains(t, out, "--igos-invited")
	assert.Contains(t, out, "-db")
	code, _, errs := c.run("frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "unknown command")
	code, out, _ = c.run("help")
	assert.Equal(t, 0, code)
	for _, cmd := range []string{"meeting add", "obligations", "invitation mark-sent", "focal-point add", "consultation add", "backup"} {
		assert.Contains(t, out, cmd)
	}
}

func TestMissingDatabaseIsNotCreated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errb, now: time.Now}
	assert.Equal(t, 1, e.dispatch([]string{"meeting", "list", "--db", db}))
	assert.Contains(t, errb.String(), "liaison init")
	_, err := os.Stat(db)
	assert.True(t, os.IsNotExist(err), "a refused command creates no file")
}

func TestFocalPointsAndConsultations(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("focal-point", "add", "--org", "iom", "--name", "Ana Lima", "--email", "alima@iom.int", "--from", "2026-01-01"))
	assert.Regexp(t, `^\d+$`, id)
	var fps []map[string]any
	require.NoError(t, json.Unmarshal([]byte(c.ok("focal-point", "list", "--json")), &fps))
	names := []string{}
	for _, f := range fps {
		names = append(names, f["org"].(string)+":"+f["name"].(string))
	}
	assert.Contains(t, names, "IOM:Ana Lima")
	c.fail(1, "focal-point", "add", "--org", "IOM", "--name", "X", "--email", "not-an-address")

	sid := strings.TrimSpace(c.ok("consultation", "add", "--title", "Secretariat consultation", "--start", "2027-03-16T10:00",
		"--tz", "Europe/Zurich", "--rrule", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU", "--venue", "IOM HQ|Geneva|CH", "--venue", "INTERPOL GS|Lyon|FR"))
	c.ok("consultation", "record", sid, "--on", "2027-06-15", "--held", "--minutes", "Agreed a joint training plan.",
		"--outcome", "Joint training plan", "--action", "Draft the plan|IOM|2027-07-31")
	c.ok("consultation", "record", sid, "--on", "2027-09-21", "--cancel")
	out := c.ok("consultation", "list", "--from", "2027-03-01", "--to", "2027-12-31")
	assert.Contains(t, out, "Tue 2027-06-15 10:00 CEST")
	assert.Contains(t, out, "held")
	assert.Contains(t, out, "cancelled")
	assert.Contains(t, out, "Lyon")
	errs := c.fail(1, "consultation", "add", "--title", "Bad", "--start", "2027-03-16T10:00", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=1,15")
	assert.Contains(t, errs, "Outlook")
}

func TestExampleDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "example.db")
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errb, now: func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }}
	require.Equal(t, 0, e.dispatch([]string{"example", "--db", db}), errb.String())
	c := &cli{t: t, db: db, now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	var ms []map[string]any
	require.NoError(t, json.Unmarshal([]byte(c.ok("meeting", "list", "--json")), &ms))
	assert.Greater(t, len(ms), 10, "a year of meetings")
	states := map[string]bool{}
	for _, ob := range obligations(t, c) {
		states[ob["state"].(string)] = true
	}
	for _, s := range []string{"overdue", "accepted", "review", "missed"} {
		assert.True(t, states[s], "the example shows %s invitations", s)
	}
	errb.Reset()
	assert.Equal(t, 1, e.dispatch([]string{"example", "--db", db}), "never over an existing database")
	assert.Contains(t, errb.String(), "exists")
}

func TestNoDisplayIsAMessageNotACrash(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	db := filepath.Join(t.TempDir(), "app.db")
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errb, now: time.Now}
	assert.Equal(t, 1, e.dispatch([]string{"--db", db}))
	assert.Contains(t, errb.String(), "no display")
	_, err := os.Stat(db)
	assert.True(t, os.IsNotExist(err), "nothing is created when the window cannot open")
}
