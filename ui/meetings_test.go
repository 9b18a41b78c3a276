package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

func day(y int, m time.Month, d int) *time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &t
}

// fillNewMeeting opens a new meeting and types a Lyon conference on border
// security, 5 April 2027, IGOs invited.
func fillNewMeeting(t *testing.T, a *App) *meetingEditor {
	t.Helper()
	a.onNewMeeting()
	e := a.meetings.editor
	require.NotNil(t, e)
	assert.True(t, e.save.Disabled(), "an empty form cannot be saved")
	test.Type(e.title, "Regional Conference on Border Security")
	e.kind.SetSelected(kindLabel(model.KindConference))
	e.startDate.SetDate(day(2027, 4, 5))
	e.endDate.SetDate(day(2027, 4, 6))
	e.startTime.SetText("09:00")
	e.endTime.SetText("17:30")
	e.zone.SetText("Europe/Paris")
	test.Type(e.venueCity, "Lyon")
	test.Type(e.venueCountry, "FR")
	test.Tap(e.igos)
	setAgendaAreas(t, e, "Border security")
	return e
}

func TestCreateMeetingThroughTheForm(t *testing.T) {
	a, st := newTestApp(t)
	e := fillNewMeeting(t, a)

	require.NoError(t, e.Err)
	assert.False(t, e.save.Disabled(), "a valid form can be saved")
	// Article 2, live, before saving: INTERPOL owes IOM an invitation that
	// was due on 22 February (42 days before 5 April).
	require.Len(t, e.Obligations, 1)
	ob := e.Obligations[0]
	assert.Equal(t, model.Overdue, ob.State)
	assert.Equal(t, "Art. 2.1", ob.Article)
	assert.Equal(t, "2027-02-22", ob.Due.String())
	assert.Contains(t, a.words().Reason(a.cat, &ob), "Border security")
	assert.Contains(t, richTexts(e.art2), "due 42 days before the start: 2027-02-22", "the panel says how the due day follows from the lead time")

	test.Tap(e.save)
	assert.Nil(t, a.meetings.editor, "saving closes the editor")

	ms, err := st.Meetings(context.Background(), filterAll())
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, "Lyon", ms[0].Venue.City)
	assert.Equal(t, time.Date(2027, 4, 5, 9, 0, 0, 0, mustZone("Europe/Paris")).Unix(), ms[0].Start.Unix())

	assert.Contains(t, a.meetings.Titles(), "Regional Conference on Border Security")
	assert.Equal(t, model.Overdue, a.meetings.answers[ms[0].ID].State, "the list row shows the Article 2 answer")

	a.Show("dashboard")
	out := a.dashboard.items[secOutgoing]
	require.Len(t, out, 1)
	assert.Equal(t, "Overdue", out[0].State)
	assert.Contains(t, out[0].Title, "INTERPOL → IOM")
	assert.Contains(t, out[0].Reason, "(Art. 2.1)")
	// 5 April is within the next 60 days of 1 March: listed, with its state.
	next := a.dashboard.items[secNext]
	require.Len(t, next, 1)
	assert.Equal(t, "Regional Conference on Border Security", next[0].Title)
	assert.Equal(t, "Overdue", next[0].State)
}

func TestWrongEndDateShowsErrorAndSavesNothing(t *testing.T) {
	a, st := newTestApp(t)
	e := fillNewMeeting(t, a)
	e.endDate.SetDate(day(2027, 4, 1)) // before the start

	assert.Error(t, e.Err)
	assert.NotEmpty(t, e.FieldError("end"), "the problem is shown beside the end date")
	assert.Empty(t, e.FieldError("title"))
	assert.True(t, e.save.Disabled())
	test.Tap(e.save)
	assert.NotNil(t, a.meetings.editor, "the editor stays open")

	n, err := st.CountMeetings(context.Background(), filterAll())
	require.NoError(t, err)
	assert.Zero(t, n, "nothing is saved")
	assert.True(t, slices.Equal(a.meetings.Titles(), nil))
}

func TestTypedDateThatDoesNotParseBlocksSaving(t *testing.T) {
	a, _ := newTestApp(t)
	e := fillNewMeeting(t, a)
	require.NoError(t, e.Err)
	test.WidgetRenderer(e.endDate) // as on screen: the entry parses what is typed
	e.endDate.SetText("not a date")
	assert.Error(t, e.Err)
	assert.Equal(t, "is not a date", e.FieldError("end"))
	assert.True(t, e.save.Disabled())
	e.endDate.SetDate(day(2027, 4, 6))
	assert.NoError(t, e.Err)
	assert.False(t, e.save.Disabled())
}

// setAgendaAreas adds an agenda item and ticks its areas in the item's
// dialog, as a person does: the areas are set on the agenda items.
func setAgendaAreas(t *testing.T, e *meetingEditor, names ...string) {
	t.Helper()
	test.Tap(findButton(t, e.app.meetings.stack, lang.L("Add agenda item")))
	r := e.agenda[len(e.agenda)-1]
	test.Type(r.title, "Cooperation under the 2014 Agreement")
	test.Tap(r.btn)
	dlg := e.app.win.Canvas().Overlays().Top()
	require.NotNil(t, dlg)
	for _, n := range names {
		i := slices.Index(e.areas.Options, n)
		require.GreaterOrEqual(t, i, 0, "the convener's areas are offered: %s", n)
		test.Tap(e.lastPick.checks[i])
	}
	test.Tap(findButton(t, dlg, "OK"))
}
