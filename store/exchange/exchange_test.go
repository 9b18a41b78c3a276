package exchange

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

type fixture struct {
	st      *store.Store
	c       *model.Catalog
	g       *model.Agreement
	us, iom int64
	area    int64
	dir     string
	meeting *model.Meeting
}

func setup(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, filepath.Join(dir, "liaison.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Seed(ctx, "interpol-iom-2014", "INTERPOL"); err != nil {
		t.Fatal(err)
	}
	c, err := st.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st, c: c, g: &c.Agreements[0], dir: dir}
	ip, _ := c.OrgByAcronym("org", "INTERPOL")
	iom, _ := c.OrgByAcronym("org", "IOM")
	f.us, f.iom = ip.ID, iom.ID
	f.area = f.g.AreaByName("Travel document fraud").ID
	for _, fp := range []model.FocalPoint{
		{OrgID: f.us, AgreementID: f.g.ID, Name: "Anne Lefèvre", Email: "a.lefevre@interpol.int"},
		{OrgID: f.iom, AgreementID: f.g.ID, Name: "José Müller", Email: "jmuller@iom.int"},
		{OrgID: f.iom, AgreementID: f.g.ID, Name: "Kim Smith", Email: "ksmith@iom.int"},
	} {
		if err := st.CreateFocalPoint(ctx, &fp); err != nil {
			t.Fatal(err)
		}
	}
	loc, _ := model.LoadZone("Europe/Paris")
	m := &model.Meeting{Title: "Working group on travel documents", Kind: model.KindMeeting, ConvenerID: f.us,
		Start: time.Date(2027, 3, 9, 9, 30, 0, 0, loc), End: time.Date(2027, 3, 9, 17, 0, 0, 0, loc), Zone: "Europe/Paris",
		Venue: model.Venue{Name: "General Secretariat", City: "Lyon", Country: "FR"}, IGOsInvited: true,
		Agenda: []model.AgendaItem{{Title: "Fraudulent documents", AreaIDs: []int64{f.area}}},
		Status: model.StatusConfirmed, Confidentiality: model.PartiesOnly, Notes: "SECRET-NOTE"}
	if err := st.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	f.meeting = m
	return f
}

func (f *fixture) invitation(t *testing.T) *model.Invitation {
	t.Helper()
	inv, err := f.st.Invitation(context.Background(), f.meeting.ID, f.iom)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func (f *fixture) state(t *testing.T) model.ObligationState {
	t.Helper()
	ctx := context.Background()
	m, err := f.st.Meeting(ctx, f.meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	invs, err := f.st.Invitations(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ob := range model.Obligations(f.c, m, invs, now) {
		if ob.To == f.iom {
			return ob.State
		}
	}
	t.Fatal("no obligation towards IOM")
	return 0
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExportRecordsTheVersionSent(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	ics, eml := filepath.Join(f.dir, "inv.ics"), filepath.Join(f.dir, "inv.eml")
	res, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, ics, eml)
	if err != nil {
		t.Fatal(err)
	}
	text := read(t, ics)
	if res.Method != ical.Request || !strings.Contains(text, "METHOD:REQUEST") || !strings.Contains(text, "UID:"+f.meeting.UID) || strings.Contains(text, "SECRET-NOTE") {
		t.Errorf("result %+v; file:\n%s", res, text)
	}
	if len(res.Attendees) != 2 || !strings.Contains(read(t, eml), "X-Unsent: 1") {
		t.Errorf("%d attendees; eml without X-Unsent", len(res.Attendees))
	}
	inv := f.invitation(t)
	if inv.State != model.InvSent || inv.SentSequence != 0 || inv.SentVia != "eml" || !inv.SentAt.Equal(now) {
		t.Errorf("invitation after export: %+v", inv)
	}
	if s := f.state(t); s != model.Sent {
		t.Errorf("Article 2 says %s after the export, want sent", s)
	}

	// A material change: update owed, then a re-export with a higher SEQUENCE and the same UID.
	m, _ := f.st.Meeting(ctx, f.meeting.ID)
	m.Start, m.End = m.Start.Add(24*time.Hour), m.End.Add(24*time.Hour)
	if err := f.st.UpdateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	if s := f.state(t); s != model.UpdateOwed {
		t.Errorf("Article 2 says %s after a move, want update-owed", s)
	}
	if _, err := ExportInvitation(ctx, f.st, m.ID, f.iom, now.Add(time.Hour), ics, ""); err != nil {
		t.Fatal(err)
	}
	text = read(t, ics)
	if !strings.Contains(text, "SEQUENCE:1") || !strings.Contains(text, "UID:"+f.meeting.UID) {
		t.Errorf("the update does not replace the first version:\n%s", text)
	}
	if s := f.state(t); s != model.Sent {
		t.Errorf("Article 2 says %s after the update went out", s)
	}

	// Cancelled: METHOD:CANCEL, same UID, higher SEQUENCE.
	if _, err := f.st.CancelMeeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	res, err = ExportInvitation(ctx, f.st, m.ID, f.iom, now.Add(2*time.Hour), ics, "")
	if err != nil {
		t.Fatal(err)
	}
	text = read(t, ics)
	if res.Method != ical.Cancel || !strings.Contains(text, "METHOD:CANCEL") || !strings.Contains(text, "STATUS:CANCELLED") || !strings.Contains(text, "SEQUENCE:2") {
		t.Errorf("cancellation:\n%s", text)
	}
	if inv := f.invitation(t); len(inv.History) != 3 || inv.SentSequence != 2 {
		t.Errorf("history %+v", inv.History)
	}
}

func TestFailedWriteRecordsNothing(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	_, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, filepath.Join(f.dir, "no-such-folder", "inv.ics"), "")
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	if inv, err := f.st.Invitation(ctx, f.meeting.ID, f.iom); err == nil && !inv.SentAt.IsZero() {
		t.Errorf("the invitation was recorded as sent although no file was written: %+v", inv)
	}
	// An internal meeting is refused before anything is written.
	m, _ := f.st.Meeting(ctx, f.meeting.ID)
	m.Confidentiality = model.Internal
	if err := f.st.UpdateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(f.dir, "internal.ics")
	if _, err := ExportInvitation(ctx, f.st, m.ID, f.iom, now, p, ""); err == nil || !strings.Contains(err.Error(), "internal") {
		t.Errorf("an internal meeting: %v", err)
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Error("a file was written for an internal meeting")
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.ReplaceAll(strings.TrimPrefix(text, "\n"), "\n", "\r\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportReplies(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	if _, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, filepath.Join(f.dir, "inv.ics"), ""); err != nil {
		t.Fatal(err)
	}
	reply := writeFile(t, f.dir, "reply.ics", `
BEGIN:VCALENDAR
METHOD:REPLY
BEGIN:VEVENT
UID:`+f.meeting.UID+`
SEQUENCE:0
DTSTAMP:20261128T080000Z
ORGANIZER:mailto:a.lefevre@interpol.int
ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:p.okafor@iom.int":mailto:jmuller@iom.int
ATTENDEE;CN=Peace Okafor;PARTSTAT=ACCEPTED;DELEGATED-FROM="mailto:jmuller@iom.int":mailto:p.okafor@iom.int
END:VEVENT
BEGIN:VEVENT
UID:nobody-knows@example.org
ATTENDEE;PARTSTAT=ACCEPTED:mailto:jmuller@iom.int
END:VEVENT
END:VCALENDAR
`)
	sum, err := ImportFiles(ctx, f.st, []string{reply}, now)
	if err != nil {
		t.Fatal(err)
	}
	fs := sum.Files[0]
	if fs.Refused != nil || fs.Count("reply") != 1 || fs.Count("skipped") != 1 {
		t.Fatalf("summary:\n%s", sum)
	}
	if !strings.Contains(sum.String(), "nobody-knows@example.org") {
		t.Errorf("the unknown UID is not reported:\n%s", sum)
	}
	inv := f.invitation(t)
	if inv.State != model.InvAccepted || len(inv.Representatives) != 1 || inv.Representatives[0].Name != "Peace Okafor" {
		t.Errorf("invitation after the reply: %+v", inv)
	}
	if s := f.state(t); s != model.Accepted {
		t.Errorf("Article 2 says %s", s)
	}
}

const partnerMeeting = `
BEGIN:VCALENDAR
METHOD:REQUEST
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:iom-council-2027@iom.int
SEQUENCE:@SEQ@
DTSTAMP:20261120T080000Z
DTSTART;TZID=W. Europe Standard Time:20270615T100000
DTEND;TZID=W. Europe Standard Time:20270615T170000
SUMMARY:IOM Council\, special session
LOCATION:Palais des Nations\, Geneva
ORGANIZER;CN=Desk:mailto:desk@iom.int
ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:a.lefevre@interpol.int
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR
`

func TestImportPartnerMeetings(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	count := func() int {
		n, err := f.st.CountMeetings(ctx, store.MeetingFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	v := func(seq string) string { return strings.Replace(partnerMeeting, "@SEQ@", seq, 1) }
	first := writeFile(t, f.dir, "v1.ics", v("1"))
	sum, err := ImportFiles(ctx, f.st, []string{first}, now)
	if err != nil || sum.Files[0].Count("added") != 1 || !strings.Contains(sum.String(), "read as Europe/Berlin") {
		t.Fatalf("%v\n%s", err, sum)
	}
	m, err := f.st.MeetingByUID(ctx, "iom-council-2027@iom.int")
	if err != nil {
		t.Fatal(err)
	}
	if m.ConvenerID != f.iom || m.Zone != "Europe/Berlin" || !m.Start.Equal(time.Date(2027, 6, 15, 8, 0, 0, 0, time.UTC)) || m.Title != "IOM Council, special session" {
		t.Errorf("imported meeting: %+v", m)
	}
	// An officer judges that IGOs are invited; the partner's next version,
	// from a program that cannot say so, must not undo it.
	m.IGOsInvited = true
	if err := f.st.UpdateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	// The partner's REQUEST names our focal point: its invitation to us is
	// recorded, and the Article 2 rule on its meeting knows we were invited.
	if inv, err := f.st.Invitation(ctx, m.ID, f.us); err != nil || inv.SentSequence != 1 || inv.FromOrgID != f.iom || inv.State != model.InvSent {
		t.Errorf("the invitation received: %+v, %v", inv, err)
	}
	if obs := sum.Files[0].Obligations; len(obs) != 1 || !obs[0].Incoming || obs[0].State != model.Sent {
		t.Errorf("reciprocity: %+v", obs)
	}
	older := writeFile(t, f.dir, "v0.ics", v("0"))
	later := writeFile(t, f.dir, "v2.ics", strings.Replace(v("2"), "20270615T170000", "20270615T180000", 1))
	sum, err = ImportFiles(ctx, f.st, []string{older, later}, now)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files[0].Count("skipped") != 1 || !strings.Contains(sum.String(), "older") || sum.Files[1].Count("updated") != 1 {
		t.Errorf("summary:\n%s", sum)
	}
	if m, _ := f.st.MeetingByUID(ctx, "iom-council-2027@iom.int"); !m.IGOsInvited || !m.End.Equal(time.Date(2027, 6, 15, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("after the update: IGOs invited %v, end %s", m.IGOsInvited, m.End)
	}
	// A truncated file changes nothing.
	before := count()
	bad := writeFile(t, f.dir, "bad.ics", strings.Replace(v("3"), "END:VCALENDAR\n", "", 1))
	sum, err = ImportFiles(ctx, f.st, []string{bad}, now)
	if err != nil || sum.Files[0].Refused == nil || !strings.Contains(sum.String(), "bad.ics:") {
		t.Errorf("truncated file: %v\n%s", err, sum)
	}
	if count() != before {
		t.Error("a refused file changed the database")
	}
	cancel := writeFile(t, f.dir, "cancel.ics", strings.Replace(strings.Replace(v("3"), "METHOD:REQUEST", "METHOD:CANCEL", 1), "STATUS:CONFIRMED", "STATUS:CANCELLED", 1))
	if sum, err = ImportFiles(ctx, f.st, []string{cancel}, now); err != nil || sum.Files[0].Count("cancelled") != 1 {
		t.Errorf("%v\n%s", err, sum)
	}
	if m, _ := f.st.MeetingByUID(ctx, "iom-council-2027@iom.int"); m.Status != model.StatusCancelled {
		t.Errorf("status %s after the CANCEL", m.Status)
	}
}

func TestExportFeedForPartner(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	internal := *f.meeting
	internal.ID, internal.UID, internal.Title, internal.Confidentiality = 0, "", "Staff retreat", model.Internal
	if err := f.st.CreateMeeting(ctx, &internal); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(f.dir, "feed.ics")
	res, err := ExportFeed(ctx, f.st, FeedOptions{For: f.iom}, now, p)
	if err != nil {
		t.Fatal(err)
	}
	text := read(t, p)
	if res.Meetings != 1 || res.Left != 1 || strings.Contains(text, "Staff retreat") || strings.Contains(text, "SECRET-NOTE") || !strings.Contains(text, "METHOD:PUBLISH") {
		t.Errorf("feed %+v:\n%s", res, text)
	}
	if _, err := ExportFeed(ctx, f.st, FeedOptions{For: f.us}, now, p); err == nil {
		t.Error("a feed for ourselves as a partner")
	}
}

func TestExportConsultation(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	loc, _ := model.LoadZone("Europe/Zurich")
	s := &model.ConsultationSeries{AgreementID: f.g.ID, Title: "Secretariat consultation", Start: time.Date(2027, 1, 19, 14, 0, 0, 0, loc),
		Duration: 2 * time.Hour, Zone: "Europe/Zurich", RRule: "FREQ=MONTHLY;INTERVAL=6;BYDAY=3TU", Confidentiality: model.PartiesOnly}
	if err := f.st.CreateSeries(ctx, s); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(f.dir, "consult.ics")
	res, err := ExportConsultation(ctx, f.st, s.ID, now, p, filepath.Join(f.dir, "consult.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if text := read(t, p); len(res.Attendees) != 2 || !strings.Contains(text, "RRULE:FREQ=MONTHLY;INTERVAL=6;BYDAY=3TU") || !strings.Contains(text, "UID:"+s.UID) {
		t.Errorf("%+v\n%s", res, text)
	}
}

func TestReplyToAnOlderVersionIsSkipped(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	ics := filepath.Join(f.dir, "inv.ics")
	if _, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, ics, ""); err != nil {
		t.Fatal(err)
	}
	m, _ := f.st.Meeting(ctx, f.meeting.ID)
	m.Venue.City = "Singapore"
	if err := f.st.UpdateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	if _, err := ExportInvitation(ctx, f.st, m.ID, f.iom, now, ics, ""); err != nil {
		t.Fatal(err)
	}
	reply := func(name, seq, stat string) string {
		return writeFile(t, f.dir, name, `
BEGIN:VCALENDAR
METHOD:REPLY
BEGIN:VEVENT
UID:`+f.meeting.UID+`
SEQUENCE:`+seq+`
ATTENDEE;PARTSTAT=`+stat+`:mailto:jmuller@iom.int
END:VEVENT
END:VCALENDAR
`)
	}
	sum, err := ImportFiles(ctx, f.st, []string{reply("new.ics", "1", "DECLINED"), reply("old.ics", "0", "ACCEPTED")}, now)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files[0].Count("reply") != 1 || sum.Files[1].Count("skipped") != 1 || !strings.Contains(sum.String(), "older") {
		t.Errorf("summary:\n%s", sum)
	}
	if inv := f.invitation(t); inv.State != model.InvDeclined || inv.ReplySequence != 1 {
		t.Errorf("the reply to the older version replaced the newer one: %+v", inv)
	}
}

// TestCorpusThroughTheImport imports every real-world file of the corpus
// in store/ical/testdata/ics: each is imported, or refused naming the file
// and the line, and none makes the flow fail.
func TestCorpusThroughTheImport(t *testing.T) {
	f := setup(t)
	root := filepath.Join("..", "ical", "testdata", "ics")
	var paths []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".ics") {
			paths = append(paths, p)
		}
		return nil
	})
	if len(paths) < 40 {
		t.Fatalf("only %d files in %s", len(paths), root)
	}
	sum, err := ImportFiles(context.Background(), f.st, paths, now)
	if err != nil {
		t.Fatalf("the import failed: %v\n%s", err, sum)
	}
	t.Log(sum.String())
	if len(sum.Files) != len(paths) {
		t.Fatalf("%d summaries for %d files", len(sum.Files), len(paths))
	}
	for _, fs := range sum.Files {
		var pe *ical.ParseError
		if fs.Refused != nil && (!errorsAs(fs.Refused, &pe) || pe.Line <= 0) {
			t.Errorf("%s refused without a line: %v", fs.Path, fs.Refused)
		}
		for _, l := range fs.Lines {
			if l.What == "" || (l.What == "skipped" && l.Why == "") {
				t.Errorf("%s:%d: %q without a reason", fs.Path, l.Line, l.What)
			}
		}
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
