package ical

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/liaison-app/liaison/model"
)

// unfold undoes folding so that tests can look at logical lines.
func unfold(b []byte) []string {
	s := strings.ReplaceAll(string(b), "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

func lineWith(lines []string, prefix string) string {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

func countPrefix(lines []string, prefix string) int {
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

func TestFoldingKeepsLinesShortAndUTF8Whole(t *testing.T) {
	m := timedMeeting()
	m.Title = strings.Repeat("Réunion — 会議 🌍 ", 40)
	out := writeInv(t, invitation(m))
	if !bytes.HasSuffix(out, []byte("END:VCALENDAR\r\n")) {
		t.Fatal("the calendar does not end with END:VCALENDAR and CRLF")
	}
	for i, l := range bytes.Split(bytes.TrimSuffix(out, []byte("\r\n")), []byte("\r\n")) {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets long: %q", i+1, len(l), l)
		}
		if !utf8.Valid(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if bytes.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare line break", i+1)
		}
	}
	if got := lineWith(unfold(out), "SUMMARY:"); got != "SUMMARY:"+m.Title {
		t.Errorf("the title does not survive folding:\n got %q\nwant %q", got, "SUMMARY:"+m.Title)
	}
}

func TestInvitationRequest(t *testing.T) {
	m := timedMeeting()
	out := writeInv(t, invitation(m))
	lines := unfold(out)
	for _, want := range []string{
		"METHOD:REQUEST", "PRODID:" + ProdID, "VERSION:2.0",
		"UID:" + m.UID, "SEQUENCE:2", "DTSTAMP:20261127T093000Z",
		"DTSTART;TZID=Europe/Paris:20270309T093000", "DTEND;TZID=Europe/Paris:20270310T170000",
		"SUMMARY:Working group on travel documents\\, 3rd meeting\\; Lyon",
		"ORGANIZER;CN=Anne Lefèvre:mailto:a.lefevre@interpol.int",
		"ATTENDEE;CN=José Müller-Øster;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:jmuller@iom.int",
		"ATTENDEE;CN=\"Smith, 'Kim'\";CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ksmith@iom.int",
		"URL:https://meet.example.org/wg-td?pwd=a;b,c",
		"CATEGORIES:Travel documents\\; identity,Trafficking in persons",
		"CLASS:CONFIDENTIAL", "STATUS:CONFIRMED", "TZID:Europe/Paris",
	} {
		if !contains(lines, want) {
			t.Errorf("missing line %q", want)
		}
	}
	if n := countPrefix(lines, "BEGIN:VEVENT"); n != 1 {
		t.Errorf("%d events in one invitation; want exactly one (Gmail and Outlook read only the first)", n)
	}
	loc := lineWith(lines, "LOCATION:")
	for _, part := range []string{"INTERPOL General Secretariat", "Lyon", "FR", "https://meet.example.org"} {
		if !strings.Contains(loc, part) {
			t.Errorf("LOCATION %q lacks %q", loc, part)
		}
	}
	desc := lineWith(lines, "DESCRIPTION:")
	for _, part := range []string{"Art. 2.1", "Cooperation Agreement between", "Agenda:", "1. Opening\\, adoption of the agenda", "a.lefevre@interpol.int", "observer"} {
		if !strings.Contains(desc, part) {
			t.Errorf("DESCRIPTION lacks %q: %s", part, desc)
		}
	}
	if bytes.Contains(out, []byte("INTERNAL")) || bytes.Contains(out, []byte("rather IOM")) {
		t.Error("internal notes leaked into the invitation")
	}
	if bytes.Contains(out, []byte("TZID=Local")) || bytes.Contains(out, []byte("TZID:Local")) {
		t.Error("TZID=Local written")
	}
}

func contains(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func TestWholeDayConferenceEndsTheDayAfter(t *testing.T) {
	lines := unfold(writeInv(t, invitation(conference())))
	for _, want := range []string{"DTSTART;VALUE=DATE:20270915", "DTEND;VALUE=DATE:20270920", "STATUS:TENTATIVE", "CLASS:PUBLIC"} {
		if !contains(lines, want) {
			t.Errorf("missing %q", want)
		}
	}
	if countPrefix(lines, "BEGIN:VTIMEZONE") != 0 {
		t.Error("a whole-day meeting needs no VTIMEZONE")
	}
}

func TestCancellation(t *testing.T) {
	m := timedMeeting()
	m.Status, m.Sequence = model.StatusCancelled, 3
	r := invitation(m)
	if r.ResolvedMethod() != Cancel {
		t.Fatalf("a cancelled meeting resolves to %s", r.ResolvedMethod())
	}
	lines := unfold(writeInv(t, r))
	for _, want := range []string{"METHOD:CANCEL", "STATUS:CANCELLED", "UID:" + m.UID, "SEQUENCE:3"} {
		if !contains(lines, want) {
			t.Errorf("missing %q", want)
		}
	}
	r.Method = Request
	if err := WriteInvitation(&bytes.Buffer{}, r); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a REQUEST for a cancelled meeting: err = %v, want ErrInvalid", err)
	}
	ok := timedMeeting()
	r = invitation(ok)
	r.Method = Cancel
	if err := WriteInvitation(&bytes.Buffer{}, r); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a CANCEL for a meeting that goes ahead: err = %v, want ErrInvalid", err)
	}
}

func TestInvitationRefusals(t *testing.T) {
	cases := map[string]func(r *Invitation){
		"internal":     func(r *Invitation) { r.Meeting.Confidentiality = model.Internal },
		"no addressee": func(r *Invitation) { r.Attendees = nil },
		"local zone":   func(r *Invitation) { r.Meeting.Zone = "Local" },
		"no zone":      func(r *Invitation) { r.Meeting.Zone = "" },
		"no uid":       func(r *Invitation) { r.Meeting.UID = " " },
		"bad address":  func(r *Invitation) { r.Attendees[0].Email = "not an address" },
		"no clock":     func(r *Invitation) { r.Now = time.Time{} },
		"ends early":   func(r *Invitation) { r.Meeting.End = r.Meeting.Start.Add(-time.Hour) },
		"publish":      func(r *Invitation) { r.Method = Publish },
	}
	for name, spoil := range cases {
		r := invitation(timedMeeting())
		spoil(&r)
		var b bytes.Buffer
		err := WriteInvitation(&b, r)
		if !errors.Is(err, model.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
		if b.Len() != 0 {
			t.Errorf("%s: %d bytes written before the refusal", name, b.Len())
		}
	}
	r := invitation(timedMeeting())
	r.Meeting.Confidentiality = model.Internal
	if err := WriteInvitation(&bytes.Buffer{}, r); err == nil || !strings.Contains(err.Error(), "internal meeting") {
		t.Errorf("the refusal of an internal meeting does not say why: %v", err)
	}
}

func TestEscaping(t *testing.T) {
	got := string(appendText(nil, "a,b;c\\d\r\ne\nf\tg\x00h"))
	if want := `a\,b\;c\\d\ne\nf gh`; got != want {
		t.Errorf("appendText = %q, want %q", got, want)
	}
	if got := string(appendParamValue(nil, `Dr "Who", PhD`)); got != `"Dr 'Who', PhD"` {
		t.Errorf("appendParamValue = %s", got)
	}
	if got := string(appendText(nil, "bad \xff byte")); got != "bad \uFFFD byte" {
		t.Errorf("invalid UTF-8 written as is: %q", got)
	}
	if got := string(appendParamValue(nil, "plain")); got != "plain" {
		t.Errorf("appendParamValue quotes a plain value: %s", got)
	}
}

func vtimezone(t *testing.T, zone string, from, to int) []string {
	t.Helper()
	var b bytes.Buffer
	e := newEncoder(&b)
	if err := writeVTimezone(e, zone, from, to); err != nil {
		t.Fatal(err)
	}
	if err := e.flush(); err != nil {
		t.Fatal(err)
	}
	return unfold(b.Bytes())
}

func TestVTimezoneRegularRules(t *testing.T) {
	cases := []struct {
		zone string
		want []string
	}{
		{"America/New_York", []string{"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "TZOFFSETTO:-0400", "TZOFFSETTO:-0500"}},
		{"Australia/Sydney", []string{"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU", "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "TZOFFSETTO:+1100", "TZOFFSETTO:+1000"}},
		{"Europe/Paris", []string{"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"}},
	}
	// Dublin's summer is its daylight time for Outlook, although the zone
	// database calls the winter the saving period (a negative one).
	dublin := strings.Join(vtimezone(t, "Europe/Dublin", 2027, 2027), "\n")
	if !strings.Contains(dublin, "BEGIN:DAYLIGHT\nDTSTART:20260329T010000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100") {
		t.Errorf("Dublin:\n%s", dublin)
	}
	for _, c := range cases {
		lines := vtimezone(t, c.zone, 2026, 2028)
		for _, w := range c.want {
			if !contains(lines, w) {
				t.Errorf("%s: missing %q in\n%s", c.zone, w, strings.Join(lines, "\n"))
			}
		}
		if n, d := countPrefix(lines, "BEGIN:STANDARD"), countPrefix(lines, "BEGIN:DAYLIGHT"); n != 1 || d != 1 {
			t.Errorf("%s: %d STANDARD and %d DAYLIGHT; Outlook expects one of each", c.zone, n, d)
		}
	}
}

func TestVTimezoneWithoutDaylightSaving(t *testing.T) {
	lines := vtimezone(t, "Asia/Tokyo", 2027, 2027)
	if countPrefix(lines, "BEGIN:STANDARD") != 1 || countPrefix(lines, "BEGIN:DAYLIGHT") != 0 || countPrefix(lines, "RRULE") != 0 {
		t.Errorf("Tokyo should be one STANDARD:\n%s", strings.Join(lines, "\n"))
	}
	if !contains(lines, "TZOFFSETTO:+0900") {
		t.Errorf("Tokyo offset missing")
	}
}

func TestVTimezoneWhenTheRuleChanged(t *testing.T) {
	// Brazil stopped daylight saving in 2019: the rule in force before must
	// end (UNTIL) and the zone keep -03 afterwards.
	lines := vtimezone(t, "America/Sao_Paulo", 2016, 2021)
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "UNTIL=") {
		t.Errorf("the daylight rule that ended in 2019 has no UNTIL:\n%s", text)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "RRULE") && !strings.Contains(l, "UNTIL=") {
			t.Errorf("a rule runs on after 2019: %s", l)
		}
	}
}

func TestSeriesRefusesRulesOutlookCannotConvert(t *testing.T) {
	s := series()
	s.RRule = "FREQ=MONTHLY;BYMONTHDAY=1,15"
	err := WriteSeries(&bytes.Buffer{}, Series{Method: Request, Series: s, Catalog: catalog(), Organizer: organizer(), Attendees: partners(), Now: now})
	if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "Outlook") {
		t.Errorf("err = %v, want a refusal that names Outlook", err)
	}
}

func TestSeriesExceptions(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSeries(&b, Series{Method: Request, Series: series(), Catalog: catalog(), Organizer: organizer(), Attendees: partners(), Now: now}); err != nil {
		t.Fatal(err)
	}
	lines := unfold(b.Bytes())
	for _, want := range []string{
		"RRULE:FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=3TU;UNTIL=20281231T225959Z",
		"EXDATE;TZID=Europe/Zurich:20270420T140000,20271019T140000",
		"RECURRENCE-ID;TZID=Europe/Zurich:20270720T140000",
		"DTSTART;TZID=Europe/Zurich:20270722T100000",
	} {
		if !contains(lines, want) {
			t.Errorf("missing %q", want)
		}
	}
	// The series, the moved occurrence, and the two 2028 occurrences held
	// in Lyon by the venue rotation.
	if n := countPrefix(lines, "UID:"); n != 4 {
		t.Errorf("%d VEVENTs, want the series, one moved occurrence and two in Lyon", n)
	}
	if !contains(lines, "RECURRENCE-ID;TZID=Europe/Zurich:20280418T140000") || !contains(lines, "LOCATION:INTERPOL GS\\, Lyon\\, FR") {
		t.Errorf("the rotation to Lyon is not written:\n%s", strings.Join(lines, "\n"))
	}
}

func TestFeedForPartner(t *testing.T) {
	c := catalog()
	internal := *timedMeeting()
	internal.UID, internal.Title, internal.Confidentiality = "internal@liaison", "Staff retreat", model.Internal
	foreign := *conference()
	foreign.UID, foreign.Title, foreign.ConvenerID, foreign.Confidentiality = "unodc@liaison", "UNODC parties-only meeting", other, model.PartiesOnly
	f := Feed{Meetings: []model.Meeting{*timedMeeting(), *conference(), internal, foreign}, Series: []model.ConsultationSeries{*series()}, Catalog: c, For: iom, Now: now}
	var b bytes.Buffer
	if err := WriteFeed(&b, f); err != nil {
		t.Fatal(err)
	}
	lines := unfold(b.Bytes())
	if !contains(lines, "METHOD:PUBLISH") || countPrefix(lines, "ATTENDEE") != 0 {
		t.Error("a feed is a PUBLISH without ATTENDEE")
	}
	for _, uid := range []string{timedMeeting().UID, conference().UID, series().UID} {
		if !contains(lines, "UID:"+uid) {
			t.Errorf("%s missing from the partner's feed", uid)
		}
	}
	for _, uid := range []string{"internal@liaison", "unodc@liaison"} {
		if contains(lines, "UID:"+uid) {
			t.Errorf("%s leaked into the partner's feed", uid)
		}
	}
	if strings.Contains(b.String(), "INTERNAL") {
		t.Error("internal notes leaked into the feed")
	}
	f.For = 0
	b.Reset()
	if err := WriteFeed(&b, f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "UID:internal@liaison") || !strings.Contains(b.String(), "CLASS:PRIVATE") {
		t.Error("our own feed should carry the internal meeting, marked private")
	}
}
