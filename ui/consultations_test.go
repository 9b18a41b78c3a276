package ui

import (
	"testing"
	"time"

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
