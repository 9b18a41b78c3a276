package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "March, June, September and December, third Tuesday": the builder
// picks months, says its unit, previews the dates and hides the RRULE.
func TestRecurrenceBuilderPicksMonths(t *testing.T) {
	a, _ := newTestApp(t)
	a.Show("consultations")
	s := a.consultations
	s.onNew()
	b := s.recur
	b.freq.SetSelectedIndex(1) // monthly
	b.interval.SetText("1")
	b.ordinal.SetSelectedIndex(3) // third
	b.weekday.SetSelectedIndex(1) // Tuesday
	for _, m := range []time.Month{time.March, time.June, time.September, time.December} {
		test.Tap(b.months[m-1])
	}
	require.False(t, s.save.Disabled(), s.errLabel.Text)
	assert.Equal(t, "months", b.unit.Text)
	assert.False(t, b.rule.Visible(), "no raw RRULE unless asked")
	test.Tap(b.showRule)
	assert.True(t, b.rule.Visible())
	assert.Contains(t, b.rule.Text, "BYMONTH=3,6,9,12")

	require.NotEmpty(t, s.Preview)
	for _, d := range s.Preview {
		assert.Contains(t, []time.Month{time.March, time.June, time.September, time.December}, d.Month(), "%s", d)
		assert.Equal(t, time.Tuesday, d.Weekday())
		assert.True(t, d.Day() >= 15 && d.Day() <= 21, "third Tuesday: %s", d)
	}

	r, ok := parseRRule("FREQ=MONTHLY;BYDAY=3TU;BYMONTH=3,6,9,12")
	require.True(t, ok)
	assert.Equal(t, []int{3, 6, 9, 12}, r.Months)
	b.set(r)
	assert.True(t, b.months[5].Checked)
	assert.False(t, b.months[4].Checked)
}

func TestSeriesStartShowsTheRulesFirstDate(t *testing.T) {
	a, _ := newTestApp(t)
	a.Show("consultations")
	s := a.consultations
	s.onNew() // the second Tuesday every six months, from the next working day
	s.firstDay.SetText("2027-03-02")
	require.False(t, s.save.Disabled(), s.errLabel.Text)
	assert.Equal(t, "The rule's first date: Tuesday 9 March 2027", s.firstDay.words.Text)
	s.firstDay.SetText("2027-03-09")
	assert.Equal(t, "Tuesday 9 March 2027", s.firstDay.words.Text)
}
