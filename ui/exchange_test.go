package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store/ical"
)

func TestExportThroughTheExchangeWritesTheMeetingAsSaved(t *testing.T) {
	a, st := newTestApp(t)
	ctx := context.Background()
	// Focal points with addresses: the template's are placeholders.
	fps, err := st.FocalPoints(ctx)
	require.NoError(t, err)
	for i := range fps {
		fps[i].Placeholder, fps[i].Name = false, "Focal Point"
		require.NoError(t, st.UpdateFocalPoint(ctx, &fps[i]))
	}
	m := saveMeeting(t, a)
	a.invitations.openMeeting(m.ID)
	require.Len(t, a.invitations.Rows(), 1)
	ob := a.invitations.Rows()[0]

	dir := t.TempDir()
	res, err := exportInvitation(ctx, a.st, ob.MeetingID, ob.To, a.now(), filepath.Join(dir, "inv.ics"), filepath.Join(dir, "inv.eml"))
	require.NoError(t, err)
	assert.Equal(t, "REQUEST", string(res.Method))
	ics, err := os.ReadFile(filepath.Join(dir, "inv.ics"))
	require.NoError(t, err)
	assert.Contains(t, string(ics), "Regional Conference on Border Security")
	// The iCalendar code reads the file back as the meeting that was saved.
	stored, err := st.Meeting(ctx, m.ID)
	require.NoError(t, err)
	var items []ical.Item
	f, err := os.Open(filepath.Join(dir, "inv.ics"))
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, ical.Parse(f, "inv.ics", 1<<20, func(it ical.Item) error { items = append(items, it); return nil }))
	require.Len(t, items, 1, "one invitation, one event")
	assert.Equal(t, ical.Method("REQUEST"), items[0].Method)
	assert.Equal(t, stored.UID, items[0].UID)
	assert.Equal(t, stored.Title, items[0].Meeting.Title)
	assert.True(t, stored.StartsAt().Equal(items[0].Meeting.StartsAt()), "%s vs %s", stored.StartsAt(), items[0].Meeting.StartsAt())
	_, err = os.Stat(filepath.Join(dir, "inv.eml"))
	assert.NoError(t, err)

	a.invitations.openMeeting(m.ID)
	require.Len(t, a.invitations.Rows(), 1)
	assert.Equal(t, model.Overdue, a.invitations.Rows()[0].State, "a written file is a draft: askSent records it")
}

func TestExportShortcutFromTheEditorPicksThatMeeting(t *testing.T) {
	a, _ := newTestApp(t)
	m := saveMeeting(t, a)
	a.meetings.open(m.ID)
	require.NotNil(t, a.meetings.editor)
	require.Nil(t, a.win.Canvas().Overlays().Top())

	a.onExportInvitation() // Ctrl+E
	assert.Equal(t, "invitations", a.Current())
	require.Len(t, a.invitations.Rows(), 1)
	assert.Equal(t, 0, a.invitations.sel, "the meeting's invitation is selected")
	assert.NotNil(t, a.win.Canvas().Overlays().Top(), "the save dialog asks where to write it")
}
