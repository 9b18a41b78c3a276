package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

func TestRecurrenceRRule(t *testing.T) {
	for _, c := range []struct {
		r    Recurrence
		want string
	}{
		{Recurrence{Freq: "MONTHLY", Interval: 6, Weekday: "TU", Ordinal: 2}, "FREQ=MONTHLY;INTERVAL=6;BYDAY=2TU"},
		{Recurrence{Freq: "MONTHLY", Interval: 1, MonthDay: 15, Count: 4}, "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4"},
		{Recurrence{Freq: "WEEKLY", Interval: 2, Weekday: "FR", Until: model.MustDate("2027-12-31")}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20271231T235959Z"},
		{Recurrence{Freq: "MONTHLY", Interval: 3, Weekday: "MO", Ordinal: -1}, "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1MO"},
	} {
		assert.Equal(t, c.want, c.r.RRule())
		back, ok := parseRRule(c.want)
		assert.True(t, ok)
		assert.Equal(t, c.want, back.RRule(), "the builder reads back what it writes")
	}
}

func TestNewSeriesPreviewsTheNextDates(t *testing.T) {
	a, _ := newTestApp(t)
	a.Show("consultations")
	a.consultations.onNew()
	s := a.consultations
	require.NotNil(t, s.recur)
	// Default: every six months on the second Tuesday.
	assert.Equal(t, "RRULE:FREQ=MONTHLY;INTERVAL=6;BYDAY=2TU", s.recur.rule.Text)
	require.NotEmpty(t, s.Preview)
	for _, d := range s.Preview {
		assert.Equal(t, time.Tuesday, d.Weekday())
		assert.True(t, d.Day() > 7 && d.Day() <= 14, "second Tuesday: %s", d)
	}
	// Quarterly, last Monday, four times.
	s.recur.interval.SetText("3")
	s.recur.ordinal.SetSelectedIndex(5)
	s.recur.weekday.SetSelectedIndex(0)
	s.recur.end.SetSelectedIndex(2)
	s.recur.count.SetText("4")
	assert.Equal(t, "RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=-1MO;COUNT=4", s.recur.rule.Text)
	assert.LessOrEqual(t, len(s.Preview), 4)
	assert.False(t, s.save.Disabled())

	s.recur.interval.SetText("0")
	assert.True(t, s.save.Disabled(), "a bad interval cannot be saved")
	assert.NotEmpty(t, s.errLabel.Text)
}

func TestRecordAConsultationWithAnActionItem(t *testing.T) {
	a, st := newTestApp(t)
	a.Show("consultations")
	s := a.consultations
	s.onNew()
	s.title.SetText("INTERPOL–IOM consultation")
	// First consultation a month before "now", so that one is to record.
	s.firstDay.SetDate(day(2027, 2, 9))
	require.False(t, s.save.Disabled(), s.errLabel.Text)
	test.Tap(s.save)

	series, err := st.SeriesList(context.Background())
	require.NoError(t, err)
	require.Len(t, series, 1)
	require.NotNil(t, s.cur)
	require.NotZero(t, s.cur.ID, "the saved series is on show")

	ins, err := s.cur.Instances(s.cur.Start.Add(-time.Hour), testNow)
	require.NoError(t, err)
	require.Len(t, ins, 1)
	s.editOccurrence(ins[0])
	f := s.occ
	require.NotNil(t, f)
	test.Tap(f.held)
	test.Type(f.minutes, "Reviewed the joint activities.")
	test.Tap(f.add)
	require.Len(t, f.rows, 1)
	test.Type(f.rows[0].text, "Nominate trainers")
	f.rows[0].owner.SetSelected("IOM")
	test.Type(f.rows[0].due, "2027-03-31")
	f.onSave()

	series, err = st.SeriesList(context.Background())
	require.NoError(t, err)
	require.Len(t, series[0].Occurrences, 1)
	o := series[0].Occurrences[0]
	assert.True(t, o.Held)
	assert.Equal(t, "Reviewed the joint activities.", o.Minutes)
	require.Len(t, o.ActionItems, 1)
	assert.Equal(t, "2027-03-31", o.ActionItems[0].Due.String())

	a.Show("dashboard")
	require.Len(t, a.dashboard.items[secActions], 1)
	assert.Equal(t, "Nominate trainers", a.dashboard.items[secActions][0].Title)
	assert.Contains(t, a.dashboard.items[secActions][0].Reason, "IOM")
}

func TestMoveAConsultation(t *testing.T) {
	a, st := newTestApp(t)
	a.Show("consultations")
	s := a.consultations
	s.onNew()
	s.firstDay.SetDate(day(2027, 2, 9))
	test.Tap(s.save)
	ins, err := s.cur.Instances(s.cur.Start.Add(-time.Hour), testNow.AddDate(1, 0, 0))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(ins), 2)
	next := ins[1] // August 2027
	s.editOccurrence(next)
	f := s.occ
	f.movedDay.SetDate(day(2027, 9, 1))
	f.movedTime.SetText("14:30")
	f.onSave()

	series, err := st.SeriesList(context.Background())
	require.NoError(t, err)
	require.Len(t, series[0].Occurrences, 1)
	o := series[0].Occurrences[0]
	require.True(t, o.Moved())
	paris := mustZone("Europe/Paris")
	assert.Equal(t, time.Date(2027, 9, 1, 14, 30, 0, 0, paris).Unix(), o.Start.Unix())
	assert.Equal(t, next.OriginalStart.Unix(), o.OriginalStart.Unix(), "the rule's date stays the occurrence's identity")
}

func TestLanguageChoiceKeptForTheNextStart(t *testing.T) {
	a, _ := newTestApp(t)
	a.fa.Preferences().SetString(prefLanguage, "es")
	b := newApp(context.Background(), a.fa, a.st, true, a.now)
	assert.Equal(t, "Panel", b.screens[0].label)
	assert.Equal(t, "Reuniones y conferencias", b.screens[1].label)
}
