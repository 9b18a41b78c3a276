package ical

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cal wraps lines (joined with CRLF) in a VCALENDAR.
func cal(lines ...string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VCALENDAR\r\n"
}

const myTimezone = "BEGIN:VTIMEZONE\r\nTZID:MyTimezone\r\n" +
	"BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n" +
	"BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n" +
	"END:VTIMEZONE"

func items(t *testing.T, src string) []Item {
	t.Helper()
	var out []Item
	require.NoError(t, Parse(strings.NewReader(src), "partner.ics", 0, func(it Item) error { out = append(out, it); return nil }))
	return out
}

// TestMadeUpZoneKeepsItsDaylightSaving: a TZID no database knows is read
// from the file's VTIMEZONE with its rules, summer and winter; a time in
// the repeated hour is its first occurrence, whether the zone is the
// file's own or an IANA one.
func TestMadeUpZoneKeepsItsDaylightSaving(t *testing.T) {
	ev := func(uid, tzid, start string) string {
		return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;TZID=" + tzid + ":" + start +
			"\r\nDURATION:PT1H\r\nSUMMARY:x\r\nEND:VEVENT"
	}
	got := items(t, cal(myTimezone,
		ev("summer", "MyTimezone", "20270715T100000"), ev("winter", "MyTimezone", "20270115T100000"),
		ev("repeated", "MyTimezone", "20271031T023000"), ev("repeated-iana", "Europe/Paris", "20271031T023000")))
	require.Len(t, got, 4)
	utc := func(i int) string { return got[i].Meeting.Start.UTC().Format(time.RFC3339) }
	assert.Equal(t, "2027-07-15T08:00:00Z", utc(0), "summer time, +02:00")
	assert.Equal(t, "2027-01-15T09:00:00Z", utc(1), "winter time, +01:00")
	assert.NotContains(t, got[0].Meeting.Zone, "Etc/", "a zone with daylight saving, not a fixed offset")
	assert.Equal(t, "2027-10-31T00:30:00Z", utc(2), "02:30 the first time (CEST)")
	assert.Equal(t, "2027-10-31T00:30:00Z", utc(3), "02:30 the first time (CEST)")
}
