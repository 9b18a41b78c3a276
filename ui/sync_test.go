package ui

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
)

func newMeetingIn(t *testing.T, st *store.Store, title string) *model.Meeting {
	t.Helper()
	ctx := context.Background()
	c, err := st.Catalog(ctx)
	require.NoError(t, err)
	us := c.Us()
	start := time.Date(2027, 5, 10, 9, 0, 0, 0, mustZone("Europe/Paris"))
	m := &model.Meeting{Title: title, Kind: model.KindMeeting, ConvenerID: us.ID, Start: start, End: start.Add(2 * time.Hour),
		Zone: "Europe/Paris", Status: model.StatusConfirmed, Confidentiality: model.Internal}
	require.NoError(t, st.CreateMeeting(ctx, m))
	return m
}

func TestOfficeCalendarFromSettings(t *testing.T) {
	keyring.MockInit()
	s := caldavtest.StartRadicale(t)
	a, st := newTestApp(t)
	a.Show("settings")
	o := a.office

	// A wrong password: said where the officer typed it, nothing kept.
	test.Type(o.url, s.URL)
	test.Type(o.user, s.User)
	test.Type(o.pass, "wrong")
	test.Tap(findButton(t, a.settings.view(), "Test connection"))
	assert.Contains(t, o.result.Text, "password")
	test.Tap(findButton(t, a.settings.view(), "Save and sync"))
	assert.Contains(t, o.result.Text, "password")
	_, err := st.SyncAccount(context.Background())
	assert.ErrorIs(t, err, model.ErrNotFound, "a refused setup keeps nothing")

	o.pass.SetText(s.Pass)
	test.Tap(findButton(t, a.settings.view(), "Test connection"))
	assert.Contains(t, o.result.Text, "Save creates the calendar")
	m := newMeetingIn(t, st, "Shared from the app")
	test.Tap(findButton(t, a.settings.view(), "Save and sync"))
	assert.Contains(t, o.result.Text, "Connected to")
	assert.Contains(t, o.last, "0 waiting, 0 conflicts")
	assert.Contains(t, labelsText(a.win.Content()), "Office calendar: last sync")

	// The meeting went to the server.
	cl, err := caldav.NewClient(s.URL, s.User, s.Pass)
	require.NoError(t, err)
	all, err := cl.List(context.Background())
	require.NoError(t, err)
	var ms []caldav.Member
	for _, x := range all {
		if !strings.Contains(x.Href, "liaison-catalog") { // the organizations are shared too
			ms = append(ms, x)
		}
	}
	assert.Len(t, ms, 1)

	// A conflict: both values side by side, and the choice settles it.
	require.NoError(t, st.AddSyncConflict(context.Background(), &store.SyncConflict{UID: m.UID, Kind: "meeting", Title: m.Title, Field: "TITLE",
		Kept: "Shared from the app", SetAside: "Shared from a colleague's desk", KeptSide: "mine"}))
	o.refreshStatus(nil)
	assert.Contains(t, o.last, "1 conflicts")
	assert.True(t, o.conflicts.Visible())
	test.Tap(o.conflicts)
	text := overlayText(a)
	assert.Contains(t, text, "Shared from the app")
	assert.Contains(t, text, "Shared from a colleague's desk")
	assert.Contains(t, text, "Mine (this computer)")
	keep := findButton(t, a.win.Canvas().Overlays().Top(), "Keep theirs")
	test.Tap(keep)
	got, err := st.MeetingByUID(context.Background(), m.UID)
	require.NoError(t, err)
	assert.Equal(t, "Shared from a colleague's desk", got.Title)
	assert.Contains(t, o.last, "0 conflicts")
	obj, err := cl.Get(context.Background(), ms[0].Href)
	require.NoError(t, err)
	assert.Contains(t, string(obj.Data), "SUMMARY:Shared from a colleague's desk", "the choice went out with the sync after the save")
}

func TestOfficeCalendarOutOfReach(t *testing.T) {
	keyring.MockInit()
	a, st := newTestApp(t)
	// A server that was there at setup and is gone now.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := fmt.Sprintf("http://%s/cal/", l.Addr())
	l.Close()
	require.NoError(t, st.SetSyncAccount(context.Background(), store.SyncAccount{URL: url, User: "x", DisplayName: "Office"}))
	a.office.password = "pw"
	newMeetingIn(t, st, "Waits for the server")
	a.office.Sync()
	assert.Contains(t, a.office.last, "the last sync failed")
	assert.Contains(t, a.office.last, "cannot reach")
	assert.Nil(t, a.win.Canvas().Overlays().Top(), "no dialog for a server out of reach")
	assert.False(t, a.office.syncNow.Disabled(), "Sync now can be tried again")
	s, err := caldav.Status(context.Background(), st)
	require.NoError(t, err)
	assert.Equal(t, 4, s.Waiting, "the meeting, the two organizations and their agreement, never shared, wait for the next sync")
}

func TestColleaguesDeletionCanBeRestored(t *testing.T) {
	keyring.MockInit()
	s := caldavtest.StartRadicale(t)
	a, st := newTestApp(t)
	ctx := context.Background()
	m := newMeetingIn(t, st, "Deleted by a colleague")
	_, err := caldav.Setup(ctx, st, s.URL, s.User, s.Pass)
	require.NoError(t, err)
	a.office.password = s.Pass
	a.office.Sync()
	cl, err := caldav.NewClient(s.URL, s.User, s.Pass)
	require.NoError(t, err)
	u, err := url.Parse(s.URL)
	require.NoError(t, err)
	href := u.Path + m.UID + ".ics"
	require.NoError(t, cl.Delete(ctx, href, ""), "the colleague deletes it")

	a.office.Sync()
	_, err = st.MeetingByUID(ctx, m.UID)
	assert.ErrorIs(t, err, model.ErrNotFound, "a tombstone here")
	assert.Contains(t, a.office.last, "1 deleted")
	test.Tap(a.office.conflicts)
	assert.Contains(t, overlayText(a), "Deleted in the office calendar")
	assert.Contains(t, overlayText(a), "Deleted by a colleague")
	test.Tap(findButton(t, a.win.Canvas().Overlays().Top(), "Restore"))
	got, err := st.MeetingByUID(ctx, m.UID)
	require.NoError(t, err, "restored")
	assert.Equal(t, m.Title, got.Title)
	_, err = cl.Get(ctx, href)
	assert.NoError(t, err, "shared again by the sync after the restore")
}

// The status line under every screen follows a language switch at once,
// like the rest of the window, without a restart.
func TestOfficeStatusLineFollowsTheLanguage(t *testing.T) {
	a, _ := newTestApp(t)
	o := a.office
	o.refreshStatus(nil)
	assert.Equal(t, "Sync now", o.syncNow.Text)
	assert.Contains(t, o.status.Text, "not set up")

	a.Show("settings")
	a.settings.language.SetSelectedIndex(languageIndex(t, "fr"))
	assert.Equal(t, "Synchroniser", o.syncNow.Text)
	assert.NotContains(t, o.status.Text, "not set up", "the status line is in French too")
	assert.NotEqual(t, "Conflicts", o.conflicts.Text)
}

func languageIndex(t *testing.T, code string) int {
	t.Helper()
	for i, l := range Languages {
		if l.Code == code {
			return i
		}
	}
	t.Fatalf("no language %q", code)
	return -1
}
