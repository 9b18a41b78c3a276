package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommandLineKeepsThePolicy: the limits of model/limits.go, given on
// the command line.
func TestCommandLineKeepsThePolicy(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()

	errs := c.fail(2, "meeting", "update", id, "--title", "Bad\xff title")
	assert.Contains(t, errs, "not valid UTF-8")
	errs = c.fail(2, "meeting", "update", id, "--notes", "a\x00b")
	assert.Contains(t, errs, "NUL")
	errs = c.fail(1, "meeting", "update", id, "--title", "\u200b\u200d")
	assert.Contains(t, errs, "title: must not be empty")
	errs = c.fail(1, "meeting", "update", id, "--country", "ZZ")
	assert.Contains(t, errs, "ISO 3166-1")
	errs = c.fail(1, "meeting", "update", id, "--agenda", "Ports|border security,Border security")
	assert.Contains(t, errs, `the area "Border security" is given twice`)
	assert.NotContains(t, strings.ToLower(errs), "constraint")

	errs = c.fail(1, "consultation", "add", "--title", strings.Repeat("x", 131000), "--start", "2027-03-16T10:00",
		"--tz", "Europe/Zurich", "--rrule", "FREQ=MONTHLY;BYDAY=3TU")
	assert.Contains(t, errs, "the limit is 4000")
	errs = c.fail(1, "consultation", "add", "--title", "Consultation", "--start", "2025-03-10T10:00",
		"--tz", "Europe/Paris", "--rrule", "FREQ=MONTHLY;INTERVAL=6;BYDAY=2TU")
	assert.Contains(t, errs, "start it on its first occurrence, Tuesday 2025-03-11")
	errs = c.fail(1, "consultation", "add", "--title", "Consultation", "--start", "2027-03-16T10:00",
		"--tz", "Europe/Zurich", "--rrule", "FREQ=DAILY;COUNT=1001")
	assert.Contains(t, errs, "more than 1000 occurrences")
	errs = c.fail(1, "consultation", "add", "--title", "Consultation", "--start", "2027-03-16T10:00",
		"--tz", "Europe/Zurich", "--rrule", "FREQ=MONTHLY;INTERVAL=0;BYDAY=3TU")
	assert.Contains(t, errs, "at least 1")

	sid := strings.TrimSpace(c.ok("consultation", "add", "--title", "Consultation", "--start", "2027-03-16T10:00",
		"--tz", "Europe/Zurich", "--rrule", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU"))
	errs = c.fail(1, "consultation", "record", sid, "--on", "2027-06-15", "--held", "--cancel")
	assert.Contains(t, errs, "both held and cancelled")

	// A reply to an invitation never sent is refused, with the way out.
	errs = c.fail(1, "invitation", "reply", id, "--to", "IOM", "--status", "accepted")
	assert.Contains(t, errs, "mark-sent --on D --via letter")
	assert.Contains(t, c.fail(1, "invitation", "show", id, "--to", "IOM"), "not found", "nothing was recorded")
}

// TestImportOfNothingUsableExitsOne: a file read whole from which no event
// could be used is a failure, said on stderr with the reason.
func TestImportOfNothingUsableExitsOne(t *testing.T) {
	c := newCLI(t)
	p := filepath.Join(t.TempDir(), "stranger.ics")
	require.NoError(t, os.WriteFile(p, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:s@example.org\r\n"+
		"DTSTAMP:20261101T090000Z\r\nDTSTART:20270301T090000Z\r\nSUMMARY:x\r\nORGANIZER:mailto:a@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o600))
	code, out, errs := c.run("import", p)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `skipped "x"`)
	assert.Contains(t, errs, "nothing could be used")
	assert.Contains(t, errs, "liaison focal-point add --org IOM --email a@example.org")
}
