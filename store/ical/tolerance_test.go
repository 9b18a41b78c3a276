package ical

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
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

// TestNoiseIsSkippedWithANote: what libical and ical.js read past (Apple's
// X-APPLE- lines, a line with no colon, spaces in a property name, a
// stray line after END:VCALENDAR) is skipped with a note naming the line;
// an event whose needed property cannot be read is skipped, saying why;
// the file is read.
func TestNoiseIsSkippedWithANote(t *testing.T) {
	src := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//macOS 14//EN\r\n" +
		"X-WR-CALNAME:IOM events\r\n" +
		"X WR TIMEZONE:Europe/Zurich\r\n" + // line 5: spaces in the name
		"BEGIN:VEVENT\r\n" +
		"UID:a1\r\nDTSTAMP:20270101T000000Z\r\n" +
		"DTSTART;TZID=Europe/Zurich:20270915T090000\r\nDTEND;TZID=Europe/Zurich:20270915T170000\r\n" +
		"SUMMARY:Migration dialogue\r\n" +
		"X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS=Route des Morillons 17\\n1218 Le Grand-Saconnex;X-TITLE=\"IOM \r\n HQ:geo:46.23,6.13\r\n" + // line 12, unclosed quote
		"this line has no colon\r\n" + // line 14
		"X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\n" +
		"END:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:a2\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;TZID:20270916T090000\r\nSUMMARY:Broken start\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n" +
		"stray text after the end\r\n"
	var got []Item
	var fileNotes []string
	err := ParseNotes(strings.NewReader(src), "apple.ics", 0, func(it Item) error { got = append(got, it); return nil },
		func(line int, msg string) { fileNotes = append(fileNotes, fmt.Sprintf("line %d: %s", line, msg)) })
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Empty(t, got[0].Problem)
	assert.Equal(t, "Migration dialogue", got[0].Meeting.Title)
	assert.Equal(t, "2027-09-15T07:00:00Z", got[0].Meeting.Start.UTC().Format(time.RFC3339))
	notes := strings.Join(got[0].Notes, "\n")
	assert.Contains(t, notes, "line 12: malformed parameter X-TITLE")
	assert.Contains(t, notes, `line 14: malformed line "this line has no colon"`)
	assert.Contains(t, got[1].Problem, "no DTSTART", "a needed property that cannot be read: the event is skipped")
	assert.Contains(t, strings.Join(got[1].Notes, "\n"), "line 20: malformed parameter")
	require.Len(t, fileNotes, 2)
	assert.Contains(t, fileNotes[0], "line 5: malformed line")
	assert.Contains(t, fileNotes[1], `line 24: malformed line "stray text after the end"`)

	// Before any calendar, noise means the file is not iCalendar.
	err = Parse(strings.NewReader("this is not a calendar\r\n"+src), "x.ics", 0, func(Item) error { return nil })
	assert.ErrorContains(t, err, "x.ics:1: malformed line")
}

func TestDoubtfulEventsAreNoted(t *testing.T) {
	ev := func(body string) string {
		return "BEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20270101T000000Z\r\n" + body + "\r\nEND:VEVENT"
	}
	got := items(t, cal(
		ev("DTSTART:20270915T090000Z\r\nDTSTART:20270916T090000Z\r\nSUMMARY:Two starts"),
		ev("DTSTART:20270915T090000Z\r\nSUMMARY:Caf\xe9 de la Gare\r\nLOCATION:Gen\xe8ve"),
		ev("DTSTART:20270915T090000Z\r\nDESCRIPTION:no title here"),
		ev("DTSTART:20270915T090000Z\r\nSUMMARY:\u200b\u200b"),
	))
	require.Len(t, got, 4)
	assert.Contains(t, got[0].Problem, "line 8: a second DTSTART", "two starts: refused, saying where")
	assert.Equal(t, "Caf\uFFFD de la Gare", got[1].Meeting.Title)
	assert.Contains(t, strings.Join(got[1].Notes, "\n"), "line 15: SUMMARY is not UTF-8 text")
	assert.Empty(t, got[1].Problem)
	for _, it := range got[2:] {
		assert.Empty(t, it.Problem, "an event without a title is imported")
		assert.Equal(t, Untitled, it.Meeting.Title)
		assert.Contains(t, strings.Join(it.Notes, "\n"), "has no SUMMARY")
	}
}

// endless is a reader of n bytes: head, then fill repeated, then tail.
type endless struct {
	head, tail []byte
	fill       byte
	n          int64 // bytes of fill left
}

func (e *endless) Read(p []byte) (int, error) {
	i := 0
	for i < len(p) && len(e.head) > 0 {
		p[i], e.head = e.head[0], e.head[1:]
		i++
	}
	for i < len(p) && e.n > 0 {
		p[i] = e.fill
		i++
		e.n--
	}
	for i < len(p) && e.n == 0 && len(e.tail) > 0 {
		p[i], e.tail = e.tail[0], e.tail[1:]
		i++
	}
	if i == 0 {
		return 0, io.EOF
	}
	return i, nil
}

// allocated returns the bytes allocated while f ran.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHugeInputKeepsMemoryBounded: a single DESCRIPTION line of 200 MB is
// read with a few megabytes allocated in all (so the peak is lower still),
// cut to model.MaxLongText with a note; /dev/zero and a 200 MB line before
// any calendar are refused at once.
func TestHugeInputKeepsMemoryBounded(t *testing.T) {
	const size = 200 << 20
	head := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20270915T090000Z\r\nSUMMARY:Big\r\nDESCRIPTION:"
	var got []Item
	var err error
	n := allocated(func() {
		err = Parse(&endless{head: []byte(head), fill: 'x', n: size, tail: []byte("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")},
			"big.ics", 0, func(it Item) error { got = append(got, it); return nil })
	})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Less(t, n, uint64(16<<20), "allocated %d bytes reading a 200 MB line", n)
	assert.Len(t, got[0].Meeting.Background, model.MaxLongText)
	notes := strings.Join(got[0].Notes, "\n")
	assert.Contains(t, notes, fmt.Sprintf("DESCRIPTION is %d bytes long", size+len("DESCRIPTION:")+2))
	assert.Contains(t, notes, "cut to the limit of 64 KiB")

	n = allocated(func() {
		err = Parse(&endless{fill: 0, n: size}, "/dev/zero", 0, func(Item) error { return nil })
	})
	assert.ErrorContains(t, err, "not an iCalendar file")
	assert.Less(t, n, uint64(4<<20), "allocated %d bytes refusing /dev/zero", n)
	if f, ferr := os.Open("/dev/zero"); ferr == nil {
		defer f.Close()
		assert.ErrorContains(t, Parse(f, "/dev/zero", 0, func(Item) error { return nil }), "not an iCalendar file")
	}
}

// TestLetterAndSubjectArePlainText: a title with quotation marks and bytes
// that are not UTF-8 goes into the invitation's words and the mail's
// subject as plain text: no Go quoting, no raw bytes in the RFC 2047
// subject, which reads back as the title.
func TestLetterAndSubjectArePlainText(t *testing.T) {
	m := timedMeeting()
	m.Title = "Conference \"Safer Borders\"\x01 on\xff ports"
	r := invitation(m)
	text := invitationText(&r)
	assert.Contains(t, text, "“Conference \"Safer Borders\" on\uFFFD ports”")
	assert.NotContains(t, text, `\"`)
	var b bytes.Buffer
	require.NoError(t, WriteEML(&b, InvitationMail(r, writeInv(t, r))))
	msg, err := mail.ReadMessage(&b)
	require.NoError(t, err)
	raw := msg.Header.Get("Subject")
	for i := 0; i < len(raw); i++ {
		require.Less(t, raw[i], byte(0x80), "a raw byte in the subject: %q", raw)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(raw)
	require.NoError(t, err)
	assert.Equal(t, "Invitation to attend as an observer: Conference \"Safer Borders\" on\uFFFD ports (2027-03-09 to 2027-03-10)", subject)
}

// TestEventsWaitingForTheirZoneKeepMemoryBounded: 300 events of 1 MB each
// whose zone is defined by a VTIMEZONE at the end of the file are held
// with their texts cut, within a budget: the whole read allocates far
// less than the 300 MB it reads.
func TestEventsWaitingForTheirZoneKeepMemoryBounded(t *testing.T) {
	event := "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=MyTimezone:20270715T100000\r\nSUMMARY:Waiting\r\nDESCRIPTION:" +
		strings.Repeat("y", 1<<20) + "\r\nEND:VEVENT\r\n"
	parts := []io.Reader{strings.NewReader("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n")}
	for range 300 {
		parts = append(parts, strings.NewReader(event))
	}
	parts = append(parts, strings.NewReader(myTimezone+"\r\nEND:VCALENDAR\r\n"))
	read, zoned := 0, 0
	n := allocated(func() {
		err := Parse(io.MultiReader(parts...), "waiting.ics", 512<<20, func(it Item) error {
			read++
			if it.Problem == "" {
				zoned++
				if len(it.Meeting.Background) > model.MaxLongText {
					t.Errorf("a background of %d bytes", len(it.Meeting.Background))
				}
			}
			return nil
		})
		require.NoError(t, err)
	})
	assert.Equal(t, 300, read)
	assert.Greater(t, zoned, 100, "most events waited for their zone")
	t.Logf("allocated %d MB reading 300 MB; %d events waited for their zone", n>>20, zoned)
	assert.Less(t, n, uint64(150<<20))
}
