package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"
)

// TestSyncCommands drives the office calendar from the command line, the
// way the issue spells it, between two databases and one Radicale
// collection (with a password).
func TestSyncCommands(t *testing.T) {
	keyring.MockInit() // never touch the real keyring of the machine running the tests
	s := caldavtest.StartRadicale(t)
	a, b := newCLI(t), newCLI(t)

	// Setup reads the password from standard input, or from the environment.
	stdin = strings.NewReader(s.Pass + "\n")
	t.Cleanup(func() { stdin = strings.NewReader("") })
	out := a.ok("sync", "setup", "--url", s.URL, "--user", s.User, "--password-stdin")
	assert.Contains(t, out, "Office calendar:")
	assert.Contains(t, out, "Created the calendar")
	t.Setenv(caldav.PasswordEnv, s.Pass)
	b.ok("sync", "setup", "--url", s.URL, "--user", s.User)

	id := a.addConference()
	a.ok("invitation", "mark-sent", id, "--to", "iom", "--on", "2027-03-01")
	var rep caldav.Report
	require.NoError(t, json.Unmarshal([]byte(a.ok("sync", "--json")), &rep))
	assert.Equal(t, 1, rep.Pushed)
	assert.True(t, rep.Agree)
	assert.Contains(t, b.ok("sync"), "Pulled 1, pushed 0")

	var ma, mb []map[string]any
	require.NoError(t, json.Unmarshal([]byte(a.ok("meeting", "list", "--json")), &ma))
	require.NoError(t, json.Unmarshal([]byte(b.ok("meeting", "list", "--json")), &mb))
	require.Len(t, mb, 1)
	for _, k := range []string{"uid", "title", "start", "end", "zone", "venue", "sequence"} {
		assert.Equal(t, ma[0][k], mb[0][k], k)
	}
	assert.Equal(t, obligations(t, a)[0]["state"], obligations(t, b)[0]["state"], "the same Article 2 state")
	assert.Equal(t, "sent", obligations(t, b)[0]["state"])

	var st map[string]any
	require.NoError(t, json.Unmarshal([]byte(b.ok("sync", "status", "--json")), &st))
	assert.Equal(t, float64(0), st["waiting"])
	assert.Equal(t, float64(1), st["shared_records"])
	assert.Equal(t, s.User, st["user"])
	assert.NotEmpty(t, st["last_sync"])

	// Both change the title: the later one wins, the other is listed.
	uid := mb[0]["uid"].(string)
	a.ok("meeting", "update", id, "--title", "Regional Conference (Europe)")
	time.Sleep(5 * time.Millisecond)
	bid := jsonID(t, mb[0])
	b.ok("meeting", "update", bid, "--title", "European Regional Conference 2027")
	a.ok("sync")
	assert.Contains(t, b.ok("sync"), "1 in conflict")
	var cs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(b.ok("sync", "conflicts", "--json")), &cs))
	require.Len(t, cs, 1)
	assert.Equal(t, uid, cs[0]["record"])
	assert.Equal(t, "TITLE", cs[0]["field"])
	assert.Equal(t, "European Regional Conference 2027", cs[0]["kept"])
	assert.Equal(t, "Regional Conference (Europe)", cs[0]["set_aside"])
	assert.Contains(t, b.ok("sync", "conflicts"), "Regional Conference (Europe)")

	b.ok("sync", "resolve", uid, "--field", "TITLE", "--keep", "theirs")
	assert.Contains(t, b.ok("sync", "conflicts"), "No open conflicts")
	b.ok("sync")
	a.ok("sync")
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(a.ok("meeting", "show", id, "--json")), &m))
	assert.Equal(t, "Regional Conference (Europe)", m["title"])

	// A deletion arrives as a tombstone that can be listed and restored.
	// (no command deletes a meeting: the app does, through the store)
	db, err := store.Open(context.Background(), a.db)
	require.NoError(t, err)
	mid, _ := strconv.ParseInt(id, 10, 64)
	require.NoError(t, db.DeleteMeeting(context.Background(), mid))
	require.NoError(t, db.Close())
	a.ok("sync")
	assert.Contains(t, b.ok("sync"), "1 deleted")
	var removed []map[string]any
	require.NoError(t, json.Unmarshal([]byte(b.ok("sync", "deleted", "--json")), &removed))
	require.Len(t, removed, 1)
	assert.Equal(t, uid, removed[0]["record"])
	b.ok("sync", "restore", uid)
	assert.Contains(t, b.ok("sync"), "pushed 1")
	a.ok("sync")
	require.NoError(t, json.Unmarshal([]byte(a.ok("meeting", "list", "--json")), &ma))
	assert.Len(t, ma, 1, "A has the meeting back")
	b.fail(1, "sync", "restore", uid)

	// A wrong password: exit 1, one clear sentence, nothing changed.
	before := b.ok("sync", "status", "--json")
	t.Setenv(caldav.PasswordEnv, "wrong")
	msg := b.fail(1, "sync")
	assert.Contains(t, msg, "password")
	after := b.ok("sync", "status", "--json")
	var x, y map[string]any
	require.NoError(t, json.Unmarshal([]byte(before), &x))
	require.NoError(t, json.Unmarshal([]byte(after), &y))
	assert.Equal(t, x["last_sync"], y["last_sync"])
	assert.Equal(t, x["shared_records"], y["shared_records"])

	// Only https://, or http:// to this machine.
	assert.Contains(t, b.fail(1, "sync", "setup", "--url", "http://dav.example.org/cal/", "--user", "x"), "https://")
	b.fail(2, "sync", "resolve", uid, "--field", "TITLE", "--keep", "both")
}

func jsonID(t *testing.T, m map[string]any) string {
	t.Helper()
	id, ok := m["id"].(float64)
	require.True(t, ok, "no id in %v", m)
	return fmt.Sprint(int64(id))
}
