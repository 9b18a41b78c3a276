package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDatesAreReadInTheLanguagesOwnOrder(t *testing.T) {
	defer setupLanguage("en")
	for _, tc := range []struct {
		code, in, want string
	}{
		{"en", "2027-04-01", "2027-04-01"},
		{"en", "1 April 2027", "2027-04-01"},
		{"en", "April 1, 2027", "2027-04-01"},
		{"en", "Thursday 1 Apr 2027", "2027-04-01"},
		{"en", "25/04/2027", "2027-04-25"},
		{"en", "04/25/2027", "2027-04-25"},
		{"en", "04/01/2027", ""}, // 4 January or 1 April: refused, not guessed
		{"en", "31 April 2027", ""},
		{"fr", "2027-04-01", "2027-04-01"},
		{"fr", "04/01/2027", "2027-01-04"},
		{"fr", "1er avril 2027", "2027-04-01"},
		{"fr", "jeudi 1 avril 2027", "2027-04-01"},
		{"fr", "3 févr. 2027", "2027-02-03"},
		{"fr", "1.4.27", "2027-04-01"},
		{"es", "04/01/2027", "2027-01-04"},
		{"es", "1 de abril de 2027", "2027-04-01"},
		{"es", "jueves, 1 de abril de 2027", "2027-04-01"},
		{"es", "mañana", ""},
	} {
		setupLanguage(tc.code)
		got, err := parseDate(tc.in, tc.code)
		if tc.want == "" {
			assert.Error(t, err, "%s %q", tc.code, tc.in)
			continue
		}
		if assert.NoError(t, err, "%s %q", tc.code, tc.in) {
			assert.Equal(t, tc.want, got.Format(time.DateOnly), "%s %q", tc.code, tc.in)
		}
	}
}

func TestDateFieldShowsTheDateInWords(t *testing.T) {
	defer setupLanguage("en")
	test.NewTempApp(t)
	for code, want := range map[string]string{
		"en": "Thursday 1 April 2027",
		"fr": "jeudi 1er avril 2027",
		"es": "jueves, 1 de abril de 2027",
	} {
		setupLanguage(code)
		d := newDateField(func() time.Time { return testNow }, nil)
		d.SetText("2027-04-01")
		assert.Equal(t, want, d.words.Text, code)
		assert.NoError(t, d.Err())
	}
	setupLanguage("en")
	d := newDateField(func() time.Time { return testNow }, nil)
	d.SetText("04/01/2027")
	assert.Nil(t, d.Date)
	assert.Equal(t, "could be 4 January or 1 April: write 2027-01-04", d.words.Text)
}

func TestPickerOpensOnTheFieldsDateMondayFirst(t *testing.T) {
	defer setupLanguage("en")
	setupLanguage("fr")
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	d := newDateField(func() time.Time { return testNow }, nil)
	w.SetContent(d)
	d.SetText("2027-09-14")
	test.Tap(d.pick)
	require.NotNil(t, d.popUp)
	p := d.picker
	require.NotNil(t, p)
	assert.Equal(t, "septembre 2027", p.Shown())
	head := p.days.Objects[0].(*widget.Label).Text
	assert.Equal(t, "Lun", head, "weeks start on Monday")
	// 1 September 2027 is a Wednesday: two blanks, then 1.
	assert.Equal(t, "", p.days.Objects[7].(*widget.Label).Text)
	assert.Equal(t, "1", p.days.Objects[9].(*widget.Button).Text)
	assert.Equal(t, widget.HighImportance, p.days.Objects[7+2+13].(*widget.Button).Importance, "the field's date is marked")
	test.Tap(p.days.Objects[7+2+20].(*widget.Button))
	assert.Equal(t, "2027-09-21", d.Text())
	assert.False(t, d.popUp.Visible())
	p.days.Objects[7+2+20].(*widget.Button).OnTapped()
}

func TestNewMeetingStartsOnTheNextWorkingDayAndStartMovesEnd(t *testing.T) {
	a, _ := newTestApp(t)
	a.onNewMeeting()
	e := a.meetings.editor
	// testNow is Monday 1 March 2027: the next working day is the 2nd.
	assert.Equal(t, "2027-03-02", e.startDate.Text())
	assert.Equal(t, "2027-03-02", e.endDate.Text())
	assert.Equal(t, "09:00", e.startTime.Text)
	assert.Equal(t, "17:00", e.endTime.Text)
	assert.Equal(t, "INTERPOL", e.convener.Selected)

	e.endDate.SetText("2027-03-03") // a two-day meeting
	e.startDate.SetText("2027-04-05")
	assert.Equal(t, "2027-04-06", e.endDate.Text(), "the end moved with the start")
	e.startDate.SetText("2027-04-0") // half typed: nothing moves
	assert.Equal(t, "2027-04-06", e.endDate.Text())
	e.startDate.SetText("2027-04-07")
	assert.Equal(t, "2027-04-08", e.endDate.Text())

	a.meetings.closeEditor()
	nextWorkingDaySaturday := nextWorkingDay(time.Date(2027, 3, 5, 12, 0, 0, 0, time.UTC))
	assert.Equal(t, time.Monday, nextWorkingDaySaturday.Weekday(), "Friday's next working day is Monday")
}
