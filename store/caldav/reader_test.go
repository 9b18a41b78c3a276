package caldav

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/model/testtool"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
)

// A third-party reader: Debian's python3-icalendar, through the system
// interpreter. For every resource it prints the UID, the kind of
// component, DTSTART as a UTC instant (or a date), and RELATED-TO.
const pyReader = `
import sys, icalendar, datetime
for path in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
    for c in cal.walk():
        if c.name not in ('VEVENT', 'VTODO'):
            continue
        if c.get('RECURRENCE-ID') is not None:
            kind = 'override'
        else:
            kind = c.name
        start = ''
        if c.get('DTSTART') is not None:
            v = c.decoded('DTSTART')
            if isinstance(v, datetime.datetime):
                if v.tzinfo is None:
                    print('FLOATING', c.get('UID'))
                start = v.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            else:
                start = v.isoformat()
        print(kind, c.get('UID'), start, c.get('RELATED-TO', ''), sep='|')
`

func TestAnotherClientReadsTheCollection(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		testtool.Missing(t, python, "apt-get install python3", err)
	}
	if err := exec.Command(python, "-c", "import icalendar").Run(); err != nil {
		testtool.Missing(t, "python3-icalendar", "apt-get install python3-icalendar", err)
	}
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a := newOfficer(t, s, "a")
		// Meetings in several zones, across a change of daylight saving
		// time, and a whole-day one.
		var want = map[string]string{}
		for _, x := range []struct {
			zone string
			wall time.Time
		}{
			{"Europe/Paris", time.Date(2027, 3, 28, 2, 30, 0, 0, time.UTC)}, // the hour that does not exist in Paris
			{"America/New_York", time.Date(2027, 11, 7, 9, 0, 0, 0, time.UTC)},
			{"Asia/Kolkata", time.Date(2027, 1, 15, 14, 30, 0, 0, time.UTC)},
			// The day after the end of daylight saving time. (At 02:30 on the
			// day itself, an hour that occurs twice, python-icalendar takes
			// the second occurrence where RFC 5545 §3.3.5 says the first.)
			{"Pacific/Auckland", time.Date(2027, 4, 5, 9, 0, 0, 0, time.UTC)},
		} {
			loc, _ := model.LoadZone(x.zone)
			w := x.wall
			start := model.WallTime(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), 0, loc)
			m := &model.Meeting{Title: "In " + x.zone, Kind: model.KindMeeting, ConvenerID: a.us, Start: start, End: start.Add(2 * time.Hour),
				Zone: x.zone, Status: model.StatusPlanned, Confidentiality: model.Internal}
			if err := a.st.CreateMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
			want[m.UID] = m.Start.UTC().Format("2006-01-02T15:04:05Z")
		}
		day := &model.Meeting{Title: "Whole days", Kind: model.KindTraining, ConvenerID: a.us, AllDay: true,
			FirstDay: model.DateOf(time.Date(2027, 8, 2, 0, 0, 0, 0, time.UTC)), LastDay: model.DateOf(time.Date(2027, 8, 4, 0, 0, 0, 0, time.UTC)),
			Zone: "Europe/Paris", Status: model.StatusConfirmed, Confidentiality: model.Public}
		if err := a.st.CreateMeeting(ctx, day); err != nil {
			t.Fatal(err)
		}
		want[day.UID] = "2027-08-02"
		first := time.Date(2027, 3, 16, 10, 0, 0, 0, paris)
		cs := &model.ConsultationSeries{AgreementID: a.agreemnt, Title: "Consultations", Start: first, Duration: 2 * time.Hour,
			Zone: "Europe/Paris", RRule: "FREQ=MONTHLY;INTERVAL=3;COUNT=4", Confidentiality: model.Internal,
			Occurrences: []model.Occurrence{{OriginalStart: first.AddDate(0, 3, 0), Start: first.AddDate(0, 3, 2), End: first.AddDate(0, 3, 2).Add(2 * time.Hour),
				ActionItems: []model.ActionItem{{Text: "Send the minutes", OwnerOrg: a.us}}}}}
		if err := a.st.CreateSeries(ctx, cs); err != nil {
			t.Fatal(err)
		}
		want[cs.UID] = first.UTC().Format("2006-01-02T15:04:05Z")
		a.sync()

		// Read the collection as any client would, and hand it to Python.
		cl, err := NewClient(s.URL, s.User, s.Pass)
		if err != nil {
			t.Fatal(err)
		}
		members, err := cl.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		args := []string{"-c", pyReader}
		for i, m := range members {
			o, err := cl.Get(ctx, m.Href)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "r"+strconv.Itoa(i)+".ics")
			if err := os.WriteFile(p, o.Data, 0o600); err != nil {
				t.Fatal(err)
			}
			args = append(args, p)
		}
		out, err := exec.Command(python, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("python-icalendar: %v\n%s", err, out)
		}
		got := map[string]string{}
		var overrides, todos int
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Split(line, "|")
			if len(f) != 4 {
				t.Fatalf("unexpected line %q", line)
			}
			switch f[0] {
			case "VEVENT":
				got[f[1]] = f[2]
			case "override":
				overrides++
				if f[2] != first.AddDate(0, 3, 2).UTC().Format("2006-01-02T15:04:05Z") {
					t.Errorf("the moved occurrence is read at %s", f[2])
				}
			case "VTODO":
				todos++
				if f[3] != cs.UID {
					t.Errorf("the action item is related to %q, want the series", f[3])
				}
			}
		}
		for uid, w := range want {
			if got[uid] != w {
				t.Errorf("%s: python-icalendar reads %q, Liaison meant %q", uid, got[uid], w)
			}
		}
		if len(got) != len(want) || overrides != 1 || todos != 1 {
			t.Errorf("read %d events, %d overrides, %d action items; want %d, 1, 1:\n%s", len(got), overrides, todos, len(want), out)
		}
	})
}

// TestResyncIntoAnEmptyDatabase: a second Liaison that syncs into an empty
// database ends up with the same records, field for field.
func TestResyncIntoAnEmptyDatabase(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a := newOfficer(t, s, "a")
		m := a.meeting("Conference on migration", time.Date(2027, 9, 20, 9, 0, 0, 0, paris))
		m.InterestMarks = []model.InterestMark{{OrgID: a.iom, Note: "asked by IOM's liaison office"}}
		m.Background, m.ExclusionReason = "Background shared with partners", ""
		if err := a.st.UpdateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		if _, err := a.st.MarkSent(ctx, m.ID, a.iom, time.Date(2027, 6, 1, 8, 0, 0, 0, time.UTC), m.Sequence, "eml"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.st.RecordReply(ctx, m.ID, a.iom, model.Reply{At: time.Date(2027, 6, 10, 8, 0, 0, 0, time.UTC), State: model.InvAccepted,
			Sequence: m.Sequence, HasSequence: true, Representatives: []model.Representative{{Name: "Kim Smith", Email: "ksmith@iom.int", Role: "observer"}}}); err != nil {
			t.Fatal(err)
		}
		a.meetings(30, "Routine")
		a.sync()
		b := newOfficer(t, s, "b")
		b.sync()
		refs, err := a.st.ChangedRecords(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		la, err := loadLocal(ctx, a.st, a.c, refs)
		if err != nil {
			t.Fatal(err)
		}
		lb, err := loadLocal(ctx, b.st, b.c, refs)
		if err != nil {
			t.Fatal(err)
		}
		if len(la) != 34 || len(lb) != len(la) { // 31 meetings, 2 organizations, 1 agreement
			t.Fatalf("A has %d records, B %d", len(la), len(lb))
		}
		for uid, x := range la {
			y := lb[uid]
			if y == nil {
				t.Errorf("B lacks %s", uid)
				continue
			}
			for k, v := range x.f {
				if catalogKind(x.kind) && k == fModified {
					continue // both seeded the same catalog, each at its own time
				}
				if y.f[k] != v {
					t.Errorf("%s field %s: A %q, B %q", uid, k, v, y.f[k])
				}
			}
			if len(x.f) != len(y.f) {
				t.Errorf("%s: A has %d fields, B %d", uid, len(x.f), len(y.f))
			}
		}
		got := lb[m.UID].m
		if len(got.Invitations) != 1 || got.Invitations[0].State != model.InvAccepted || len(got.Invitations[0].History) != 2 ||
			len(got.Invitations[0].Representatives) != 1 || len(got.Meeting.InterestMarks) != 1 {
			t.Errorf("B's conference: %+v", got)
		}
	})
}

// TestMovedInAnotherClient: a colleague drags a shared meeting to another
// hour in an ordinary calendar client, which rewrites DTSTART and DTEND
// and keeps Liaison's X- properties as they were: both Liaisons take the
// move in, and nothing else changes.
func TestMovedInAnotherClient(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Moved by a colleague", time.Date(2027, 6, 8, 9, 30, 0, 0, paris))
		a.sync()
		b.sync()
		cl, err := NewClient(s.URL, s.User, s.Pass)
		if err != nil {
			t.Fatal(err)
		}
		href := cl.hrefFor(m.UID)
		o, err := cl.Get(ctx, href)
		if err != nil {
			t.Fatal(err)
		}
		text := string(o.Data)
		for old, moved := range map[string]string{
			"DTSTART;TZID=Europe/Paris:20270608T093000": "DTSTART;TZID=Europe/Paris:20270608T140000",
			"DTEND;TZID=Europe/Paris:20270608T163000":   "DTEND;TZID=Europe/Paris:20270608T210000",
		} {
			if !strings.Contains(text, old) {
				t.Fatalf("the resource lacks %q:\n%s", old, text)
			}
			text = strings.Replace(text, old, moved, 1)
		}
		if _, err := cl.Put(ctx, href, []byte(text), o.ETag); err != nil {
			t.Fatal(err)
		}
		b.sync()
		a.sync()
		want := time.Date(2027, 6, 8, 14, 0, 0, 0, paris)
		for name, o := range map[string]*officer{"A": a, "B": b} {
			got := o.byUID(m.UID).Meeting
			if !got.Start.Equal(want) || !got.End.Equal(want.Add(7*time.Hour)) || got.Zone != "Europe/Paris" || got.Title != m.Title {
				t.Errorf("%s: %s–%s in %s, want the move to 14:00", name, got.Start, got.End, got.Zone)
			}
		}
		if r := a.sync(); r.Pushed+r.Pulled != 0 {
			t.Errorf("the sync after the move did something: %+v", r)
		}
	})
}
