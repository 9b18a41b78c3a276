package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

func TestReviewAnsweredByAnOfficersMark(t *testing.T) {
	a, _ := newTestApp(t)
	e := fillNewMeeting(t, a)
	// No area at all: Article 2 asks for a review.
	require.Len(t, e.agenda, 1)
	test.Tap(e.agenda[0].del) // the one item with areas goes
	require.Len(t, e.Obligations, 1)
	assert.Equal(t, model.Review, e.Obligations[0].State)

	require.Len(t, e.marks, 1, "IOM is the one other party")
	test.Tap(e.marks[0].check)
	assert.True(t, e.marks[0].note.Visible())
	test.Type(e.marks[0].note, "side event on passenger data")
	require.Len(t, e.Obligations, 1)
	assert.Equal(t, model.Overdue, e.Obligations[0].State)
	assert.Contains(t, a.words().Reason(a.cat, &e.Obligations[0]), "an officer marked the meeting as a matter of interest to IOM (side event on passenger data)")

	test.Tap(e.save)
	ms, err := a.st.Meetings(context.Background(), store.MeetingFilter{})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, []model.InterestMark{{OrgID: ms[0].InterestMarks[0].OrgID, Note: "side event on passenger data"}}, ms[0].InterestMarks)
}

func TestDashboardOnTheExampleYear(t *testing.T) {
	a, st := newTestApp(t)
	require.NoError(t, st.SeedExample(context.Background(), testNow, 0))
	a.loadCatalog(nil)
	a.Show("dashboard")
	d := a.dashboard.items

	require.NotEmpty(t, d[secOutgoing])
	for _, it := range d[secOutgoing] {
		assert.True(t, strings.HasPrefix(it.Title, "INTERPOL → IOM"), it.Title)
		assert.Regexp(t, `\(Art\. 2\.1\)$`, it.Reason)
	}
	require.NotEmpty(t, d[secReciprocity], "IOM's meetings owe INTERPOL invitations too")
	assert.Contains(t, d[secReciprocity][0].Reason, "(Art. 2.2)")
	require.NotEmpty(t, d[secActions])
	assert.Contains(t, d[secActions][0].Title, "Nominate trainers")
	require.NotEmpty(t, d[secConsultations])
	assert.NotEmpty(t, d[secNext])

	// A row opens its record.
	d[secNext][0].open()
	assert.Equal(t, "meetings", a.Current())
	require.NotNil(t, a.meetings.editor)
	assert.Equal(t, d[secNext][0].Title, a.meetings.editor.title.Text)
}

func TestCalendarSpansWholeDayMeetings(t *testing.T) {
	a, _ := newTestApp(t)
	saveMeeting(t, a) // 5–6 April 2027
	a.Show("calendar")
	a.calendar.month = model.MustDate("2027-04-01")
	a.calendar.reload()
	require.Len(t, a.calendar.Entries, 1)
	en := a.calendar.Entries[0]
	assert.Equal(t, "2027-04-05", en.First.String())
	assert.Equal(t, "2027-04-06", en.Last.String())
	assert.Equal(t, "April 2027", a.calendar.title.Text)
	a.calendar.open(en)
	require.NotNil(t, a.meetings.editor)
	assert.Equal(t, en.Title, a.meetings.editor.title.Text)
}
