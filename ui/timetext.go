package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/ui/explain"
)

// Dates and times as the screens show them.

// meetingWhen formats when a meeting takes place (explain.When, as the
// command line does).
func meetingWhen(m *model.Meeting) string { return explain.When(m) }

func shortZone(z string) string { return explain.ZoneCity(z) }

func dateText(d model.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func fmtInt(n int) string { return strconv.Itoa(n) }

// fmtSscanClock reads "HH:MM".
func fmtSscanClock(s string, h, m *int) (int, error) {
	n, err := fmt.Sscanf(strings.TrimSpace(s), "%d:%d", h, m)
	if err == nil && (*h < 0 || *h > 23 || *m < 0 || *m > 59) {
		err = fmt.Errorf("%q is not a time", s)
	}
	return n, err
}

// dayTime formats an instant with its weekday, in the user's language:
// "Tue 2027-03-09 10:00", "Mar 2027-03-09 10:00".
func dayTime(t time.Time) string {
	return lang.L(t.Weekday().String()[:3]) + " " + t.Format("2006-01-02 15:04")
}
