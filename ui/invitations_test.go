package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// saveMeeting creates the Lyon conference through the form and returns it.
func saveMeeting(t *testing.T, a *App) model.Meeting {
	t.Helper()
	e := fillNewMeeting(t, a)
	test.Tap(e.save)
	ms, err := a.st.Meetings(context.Background(), store.MeetingFilter{Text: "Regional Conference on Border Security"})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	return ms[0]
}

func TestMarkSentAndWaive(t *testing.T) {
	a, _ := newTestApp(t)
	m := saveMeeting(t, a)

	// A second meeting, not owing anything, so that "one meeting" shows.
	e := fillNewMeeting(t, a)
	e.title.SetText("Internal planning")
	test.Tap(e.igos)
	test.Tap(e.save)

	a.invitations.openMeeting(m.ID)
	assert.Equal(t, "invitations", a.Current())
	assert.True(t, a.invitations.all.Visible(), "one meeting shown, with a way back to all")
	rows := a.invitations.Rows()
	require.Len(t, rows, 1)
	assert.Equal(t, model.Overdue, rows[0].State)

	now := a.now()
	a.invitations.update(rows[0], func(inv *model.Invitation) error { return inv.MarkSent(now, m.Sequence, "ics") })
	a.invitations.openMeeting(m.ID)
	require.Len(t, a.invitations.Rows(), 1)
	assert.Equal(t, model.Sent, a.invitations.Rows()[0].State)

	// The dashboard no longer lists it as owed.
	a.Show("dashboard")
	assert.Empty(t, a.dashboard.items[secOutgoing])
	require.Len(t, a.dashboard.items[secNext], 2)
	assert.Equal(t, "Sent", a.dashboard.items[secNext][0].State)
	assert.Equal(t, "Internal planning", a.dashboard.items[secNext][1].Title)
	assert.Equal(t, "Planned", a.dashboard.items[secNext][1].State, "a meeting owing nothing shows its status")

	// Moving the meeting makes an update owed, live in the editor first.
	a.meetings.open(m.ID)
	e = a.meetings.editor
	require.NotNil(t, e)
	require.Len(t, e.Obligations, 1)
	assert.Equal(t, model.Sent, e.Obligations[0].State)
	e.startTime.SetText("10:00")
	require.Len(t, e.Obligations, 1)
	assert.Equal(t, model.UpdateOwed, e.Obligations[0].State, "changing the time after sending owes an update")
}

func TestDeleteOffersUndo(t *testing.T) {
	a, st := newTestApp(t)
	m := saveMeeting(t, a)
	a.meetings.open(m.ID)
	require.NotNil(t, a.meetings.editor)

	a.meetings.onDeleteConfirmed(&m)
	assert.Nil(t, a.meetings.editor)
	assert.Empty(t, a.meetings.Titles())
	_, err := st.Meeting(context.Background(), m.ID)
	assert.ErrorIs(t, err, model.ErrNotFound)

	require.NotNil(t, a.meetings.undo)
	test.Tap(a.meetings.undo)
	assert.Equal(t, []string{m.Title}, a.meetings.Titles())
}

func TestSearchFiltersTheList(t *testing.T) {
	a, _ := newTestApp(t)
	saveMeeting(t, a)
	a.Show("meetings")
	require.Len(t, a.meetings.Titles(), 1)
	test.Type(a.meetings.search, "Geneva")
	assert.Empty(t, a.meetings.Titles())
	assert.Equal(t, "0 meetings", a.meetings.count.Text)
	a.meetings.search.SetText("lyon")
	assert.Len(t, a.meetings.Titles(), 1)
}

func TestUnsavedChangesAreKeptUntilConfirmed(t *testing.T) {
	a, _ := newTestApp(t)
	e := fillNewMeeting(t, a)
	require.True(t, e.dirty)
	e.onClose()
	assert.Same(t, e, a.meetings.editor, "closing with unsaved changes asks first and keeps the form")
}
