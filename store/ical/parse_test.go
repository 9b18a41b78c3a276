package ical

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
)

func parseAll(t *testing.T, name, text string) ([]Item, error) {
	t.Helper()
	var items []Item
	err := Parse(strings.NewReader(text), name, 0, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

func mustParse(t *testing.T, text string) []Item {
	t.Helper()
	items, err := parseAll(t, "test.ics", text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return items
}

// crlf turns a readable literal into a calendar with CRLF line ends.
func crlf(s string) string {
	return strings.ReplaceAll(strings.TrimPrefix(s, "\n"), "\n", "\r\n")
}

func TestRoundTripKeepsEveryField(t *testing.T) {
	c := catalog()
	for _, m := range []*model.Meeting{timedMeeting(), conference()} {
		out := writeInv(t, invitation(m))
		items := mustParse(t, string(out))
		if len(items) != 1 {
			t.Fatalf("%d items", len(items))
		}
		it := items[0]
		if it.Problem != "" {
			t.Fatalf("problem: %s", it.Problem)
		}
		if unknown := it.Resolve(c, interpol); len(unknown) > 0 {
			t.Errorf("unknown areas %q", unknown)
		}
		if it.Method != Request || it.Convener != "INTERPOL" || it.Organizer.Email != organizer().Email || len(it.Attendees) != 2 {
			t.Errorf("method %s, convener %q, organizer %+v, %d attendees", it.Method, it.Convener, it.Organizer, len(it.Attendees))
		}
		got, want := it.Meeting, *m
		// What is not exchanged: the database's own bookkeeping and the internal notes.
		want.ID, want.Notes, want.Created, want.Modified, want.Version = 0, "", time.Time{}, time.Time{}, 0
		if !want.AllDay {
			if !got.Start.Equal(want.Start) || !got.End.Equal(want.End) || got.Start.Location().String() != want.Zone {
				t.Errorf("times: got %s–%s, want %s–%s", got.Start, got.End, want.Start, want.End)
			}
			got.Start, got.End = want.Start, want.End
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("round trip changed the meeting:\n got %+v\nwant %+v", got, want)
		}
	}
}

func TestRoundTripSeries(t *testing.T) {
	var b bytes.Buffer
	s := series()
	if err := WriteSeries(&b, Series{Method: Request, Series: s, Catalog: catalog(), Organizer: organizer(), Attendees: partners(), Now: now}); err != nil {
		t.Fatal(err)
	}
	items := mustParse(t, b.String())
	if len(items) != 4 {
		t.Fatalf("%d items, want the series, its moved occurrence and two in Lyon", len(items))
	}
	master, moved := items[0], items[1]
	if master.RRule == "" || len(master.ExDates) != 2 || !master.ExDates[0].Equal(s.Occurrences[0].OriginalStart) {
		t.Errorf("series: rrule %q, exdates %v", master.RRule, master.ExDates)
	}
	if !moved.RecurrenceID.Equal(s.Occurrences[1].OriginalStart) || !moved.Meeting.Start.Equal(s.Occurrences[1].Start) {
		t.Errorf("moved occurrence: recurrence-id %s start %s", moved.RecurrenceID, moved.Meeting.Start)
	}
}

func TestRealClientInput(t *testing.T) {
	// An Outlook invitation: byte-order mark, bare LF, a Windows zone name
	// with Outlook's own VTIMEZONE, escaped commas, a multi-valued EXDATE.
	text := "\uFEFF" + `BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
ORGANIZER;CN=Migration Desk:mailto:desk@iom.int
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Anne Lefèvre:mailto:a.lefevre@interpol.int
SUMMARY;LANGUAGE=en-US:Council\, 114th session
DTSTART;TZID=W. Europe Standard Time:20271124T100000
DTEND;TZID=W. Europe Standard Time:20271126T130000
UID:040000008200E00074C5B7101A82E00800000000
SEQUENCE:4
LOCATION:Palais des Nations\, Geneva
RRULE:FREQ=DAILY;COUNT=5
EXDATE;TZID=W. Europe Standard Time:20271125T100000,20271127T100000
DESCRIPTION:Line one\nLine two\; with a semicolon
CLASS:PUBLIC
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR
`
	items := mustParse(t, text)
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	it := items[0]
	m := it.Meeting
	if it.Problem != "" || it.Method != Request || it.Sequence != 4 || m.Title != "Council, 114th session" {
		t.Errorf("item: %+v", it)
	}
	if len(it.Notes) != 1 || !strings.Contains(it.Notes[0], "W. Europe Standard Time") {
		t.Errorf("the reading of the Windows zone is not noted: %q", it.Notes)
	}
	if m.Zone != "Europe/Berlin" || !m.Start.Equal(time.Date(2027, 11, 24, 9, 0, 0, 0, time.UTC)) || !m.End.Equal(time.Date(2027, 11, 26, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("times %s–%s in %q", m.Start, m.End, m.Zone)
	}
	if len(it.ExDates) != 2 || !it.ExDates[1].Equal(time.Date(2027, 11, 27, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("EXDATE %v", it.ExDates)
	}
	if m.Background != "Line one\nLine two; with a semicolon" || m.Venue.Name != "Palais des Nations, Geneva" {
		t.Errorf("text: %q, %q", m.Background, m.Venue.Name)
	}
	if m.Status != model.StatusConfirmed || m.Confidentiality != model.Public {
		t.Errorf("status %s, confidentiality %s", m.Status, m.Confidentiality)
	}
}

func TestZoneKnownOnlyFromTheFile(t *testing.T) {
	// A TZID that is neither IANA nor Windows, defined after the event.
	text := crlf(`
BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:x1
DTSTART;TZID=Customized Time Zone:20270710T090000
DTEND;TZID=Customized Time Zone:20270710T110000
SUMMARY:Summer meeting
END:VEVENT
BEGIN:VTIMEZONE
TZID:Customized Time Zone
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
END:VCALENDAR
`)
	it := mustParse(t, text)[0]
	if it.Problem != "" {
		t.Fatal(it.Problem)
	}
	if !it.Meeting.Start.Equal(time.Date(2027, 7, 10, 13, 0, 0, 0, time.UTC)) {
		t.Errorf("start %s, want 13:00 UTC (09:00 EDT)", it.Meeting.Start)
	}
	if _, err := model.LoadZone(it.Meeting.Zone); err != nil || it.Meeting.Zone == "UTC" {
		t.Errorf("zone %q should be an IANA zone matching the file's", it.Meeting.Zone)
	}
	// In winter, the same zone is five hours behind.
	winter := strings.ReplaceAll(text, "20270710T", "20270110T")
	if it := mustParse(t, winter)[0]; !it.Meeting.Start.Equal(time.Date(2027, 1, 10, 14, 0, 0, 0, time.UTC)) {
		t.Errorf("winter start %s, want 14:00 UTC", it.Meeting.Start)
	}
}

func TestUnknownZoneIsAProblemNotAGuess(t *testing.T) {
	it := mustParse(t, crlf(`
BEGIN:VCALENDAR
BEGIN:VEVENT
UID:x2
DTSTART;TZID=Atlantis Standard Time:20270710T090000
END:VEVENT
END:VCALENDAR
`))[0]
	if !strings.Contains(it.Problem, "Atlantis Standard Time") {
		t.Errorf("problem %q", it.Problem)
	}
}

func TestRefusals(t *testing.T) {
	good := crlf(`
BEGIN:VCALENDAR
BEGIN:VEVENT
UID:x
DTSTART:20270710T090000Z
END:VEVENT
END:VCALENDAR
`)
	cases := []struct {
		name, text, want string
		line             int
	}{
		{"truncated", strings.TrimSuffix(good, "END:VCALENDAR\r\n"), "truncated", 5},
		{"cut mid-event", good[:strings.Index(good, "END:VEVENT")], "truncated", 4},
		{"mismatched end", strings.Replace(good, "END:VEVENT", "END:VTODO", 1), "does not close", 5},
		{"not a calendar", "hello\r\n", "malformed", 1},
		{"empty", "", "no VCALENDAR", 1},
		{"outside", "UID:x\r\n" + good, "outside a VCALENDAR", 1},
	}
	for _, c := range cases {
		_, err := parseAll(t, "partner.ics", c.text)
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%s: err = %v, want a ParseError", c.name, err)
			continue
		}
		if pe.Line != c.line || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "partner.ics:") {
			t.Errorf("%s: %v; want line %d and %q", c.name, err, c.line, c.want)
		}
	}
	// Over the size limit.
	err := Parse(strings.NewReader(good), "big.ics", 40, func(Item) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("over the limit: %v", err)
	}
}

func TestCallbackErrorStopsTheParse(t *testing.T) {
	stop := errors.New("stop")
	text := string(writeInv(t, invitation(timedMeeting())))
	if err := Parse(strings.NewReader(text), "x", 0, func(Item) error { return stop }); err != stop {
		t.Errorf("err = %v, want the callback's", err)
	}
}

func TestReplyWithDelegate(t *testing.T) {
	text := crlf(`
BEGIN:VCALENDAR
METHOD:REPLY
BEGIN:VEVENT
UID:7f0c2a9e-1111-4a4a-8b8b-000000000007@liaison
SEQUENCE:2
RECURRENCE-ID;TZID=Europe/Paris:20270309T093000
ORGANIZER:mailto:a.lefevre@interpol.int
ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:p.okafor@iom.int":mailto:jmuller@iom.int
ATTENDEE;CN="Okafor, Peace";PARTSTAT=ACCEPTED;DELEGATED-FROM="mailto:jmuller@iom.int":mailto:p.okafor@iom.int
END:VEVENT
END:VCALENDAR
`)
	it := mustParse(t, text)[0]
	if it.Method != Reply || it.Problem != "" || it.Sequence != 2 || !it.RecurrenceID.Equal(time.Date(2027, 3, 9, 8, 30, 0, 0, time.UTC)) {
		t.Fatalf("item %+v", it)
	}
	a, ok := it.Answer(func(e string) bool { return e == "jmuller@iom.int" })
	if !ok || a.State != model.InvAccepted || len(a.Representatives) != 1 || a.Representatives[0].Name != "Okafor, Peace" || a.Representatives[0].Email != "p.okafor@iom.int" {
		t.Errorf("answer %+v, %v", a, ok)
	}
	if _, ok := it.Answer(func(e string) bool { return e == "nobody@iom.int" }); ok {
		t.Error("an answer from someone who is not among the attendees")
	}
	declined := strings.Replace(text, "PARTSTAT=DELEGATED;DELEGATED-TO=\"mailto:p.okafor@iom.int\"", "PARTSTAT=DECLINED", 1)
	if a, ok := mustParse(t, declined)[0].Answer(func(e string) bool { return e == "jmuller@iom.int" }); !ok || a.State != model.InvDeclined {
		t.Errorf("declined: %+v", a)
	}
}

func TestDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{"PT1H30M": 90 * time.Minute, "P1D": 24 * time.Hour, "P2W": 14 * 24 * time.Hour, "-PT15M": -15 * time.Minute, "P1DT2H": 26 * time.Hour} {
		if got, err := parseDuration(in); err != nil || got != want {
			t.Errorf("%s: %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"P999999999999999999W", "PT", "P1H", "1D", "P1DT", "P99999999D"} {
		if _, err := parseDuration(in); err == nil {
			t.Errorf("%s accepted", in)
		}
	}
}

func TestNoPanicOnHostileInput(t *testing.T) {
	// Inputs that make other decoders panic or loop: a parameter with no
	// name, a bare quote, a huge DURATION, deep nesting, a NUL.
	for _, text := range []string{
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nX;=:\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nX;A=\":\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20270101T000000Z\r\nDURATION:P999999999999999999W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"BEGIN:VCALENDAR\r\n" + strings.Repeat("BEGIN:X\r\n", 100),
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:\x00\r\nDTSTART;TZID=\x00:20270101T000000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:z\r\nBEGIN:STANDARD\r\nDTSTART:20270101T000000\r\nRRULE:FREQ=YEARLY;BYDAY=9SU;BYMONTH=13\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART;TZID=z:20280101T000000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	} {
		_ = Parse(strings.NewReader(text), "hostile.ics", 0, func(Item) error { return nil })
	}
	if err := Parse(io.LimitReader(zeros{}, 1<<20), "zeros", 1<<19, func(Item) error { return nil }); err == nil {
		t.Error("a megabyte of NULs was accepted")
	}
}

type zeros struct{}

func (zeros) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}

func TestEventsWaitingForAZoneAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for i := 0; i <= maxDeferred; i++ {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:e%d\r\nDTSTART;TZID=Late Zone:20270110T090000\r\nEND:VEVENT\r\n", i)
	}
	b.WriteString("BEGIN:VTIMEZONE\r\nTZID:Late Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n")
	items := mustParse(t, b.String())
	if len(items) != maxDeferred+1 {
		t.Fatalf("%d items", len(items))
	}
	if items[0].Problem == "" || !strings.Contains(items[0].Problem, "Late Zone") {
		t.Errorf("the event past the bound should be passed on with its unknown zone: %q", items[0].Problem)
	}
	last := items[len(items)-1]
	if last.Problem != "" || !last.Meeting.Start.Equal(time.Date(2027, 1, 10, 6, 0, 0, 0, time.UTC)) {
		t.Errorf("a waiting event was not resolved by the late VTIMEZONE: %q %s", last.Problem, last.Meeting.Start)
	}
}

func TestEveryWindowsZoneIsKnownToGo(t *testing.T) {
	for win, iana := range windowsZones {
		if _, err := model.LoadZone(iana); err != nil {
			t.Errorf("%s maps to %s, which Go's zone database does not know: %v", win, iana, err)
		}
	}
	for _, name := range []string{"W. Europe Standard Time", "ROMANCE STANDARD TIME", " Tokyo Standard Time "} {
		if _, ok := windowsZone(name); !ok {
			t.Errorf("%q not found", name)
		}
	}
}

func TestInvalidUTF8IsReadAsReplacementCharacters(t *testing.T) {
	it := mustParse(t, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20270101T090000Z\r\nSUMMARY:R\xe9union\r\nORGANIZER;CN=Jos\xe9:mailto:j@iom.int\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")[0]
	if it.Meeting.Title != "R\uFFFDunion" || it.Organizer.Name != "Jos\uFFFD" {
		t.Errorf("%q, %q", it.Meeting.Title, it.Organizer.Name)
	}
}

func TestDoubledCarriageReturns(t *testing.T) {
	it := mustParse(t, "BEGIN:VCALENDAR\r\r\nBEGIN:VEVENT\r\r\nUID:u\r\r\nDTSTART:20270101T090000Z\r\r\nSUMMARY:Title\r\r\nEND:VEVENT\r\r\nEND:VCALENDAR\r\r\n")[0]
	if it.Meeting.Title != "Title" || it.UID != "u" || it.Problem != "" {
		t.Errorf("%q %q %q", it.Meeting.Title, it.UID, it.Problem)
	}
}
