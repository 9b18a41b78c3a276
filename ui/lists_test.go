package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeetingsSortByTheirHeadersAndOpenWithEnter(t *testing.T) {
	a, _ := newTestApp(t)
	saveMeeting(t, a) // 5 April: Regional Conference on Border Security
	e := fillNewMeeting(t, a)
	e.title.SetText("Annual coordination meeting")
	e.startDate.SetText("2027-05-10")
	test.Tap(e.save)
	a.Show("meetings")
	assert.Equal(t, []string{"Regional Conference on Border Security", "Annual coordination meeting"}, a.meetings.Titles(), "by date")
	test.Tap(findButton(t, a.meetings.sort.box, "Title"))
	assert.Equal(t, []string{"Annual coordination meeting", "Regional Conference on Border Security"}, a.meetings.Titles(), "by title")
	test.Tap(findButton(t, a.meetings.sort.box, "Date"))
	test.Tap(findButton(t, a.meetings.sort.box, "Date"))
	assert.True(t, a.meetings.sort.Desc)
	assert.Equal(t, []string{"Annual coordination meeting", "Regional Conference on Border Security"}, a.meetings.Titles(), "latest first")

	a.win.Canvas().Focus(a.meetings.list)
	a.meetings.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	require.NotNil(t, a.meetings.editor, "Enter opens the focused row")
	assert.Equal(t, "Annual coordination meeting", a.meetings.editor.orig.Title)
}

func TestClosingAMeetingReturnsWhereItWasOpenedFrom(t *testing.T) {
	a, _ := newTestApp(t)
	m := saveMeeting(t, a)
	a.Show("dashboard")
	next := a.dashboard.items[secNext]
	require.Len(t, next, 1)
	next[0].open()
	require.Equal(t, "meetings", a.Current())
	require.NotNil(t, a.meetings.editor)
	test.Tap(findButton(t, a.meetings.stack, "Close"))
	assert.Equal(t, "dashboard", a.Current(), "closing goes back to the dashboard")

	a.Show("calendar")
	a.meetings.open(m.ID)
	a.meetings.closeEditor()
	assert.Equal(t, "calendar", a.Current())
}

func TestInvitationsSortByTheirHeaders(t *testing.T) {
	a, _ := newTestApp(t)
	saveMeeting(t, a)
	e := fillNewMeeting(t, a)
	e.title.SetText("Annual coordination meeting")
	e.startDate.SetText("2027-03-20")
	test.Tap(e.save)
	a.Show("invitations")
	rows := a.invitations.Rows()
	require.Len(t, rows, 2)
	assert.True(t, rows[0].Due.String() <= rows[1].Due.String(), "by due day")
	test.Tap(findButton(t, a.invitations.sort.box, "Meeting"))
	assert.Equal(t, "Annual coordination meeting", a.invitations.meetings[a.invitations.Rows()[0].MeetingID].Title)
	test.Tap(findButton(t, a.invitations.sort.box, "Meeting"))
	assert.Equal(t, "Regional Conference on Border Security", a.invitations.meetings[a.invitations.Rows()[0].MeetingID].Title)
}
