package caldav

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
)

// officer is one copy of Liaison: its own database, synced with the
// office calendar.
type officer struct {
	t        testing.TB
	st       *store.Store
	c        *model.Catalog
	us, iom  int64
	area     int64
	agreemnt int64
	pass     string
}

func newOfficer(t testing.TB, s *caldavtest.Server, name string) *officer {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), name+".db"))
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
	o := &officer{t: t, st: st, c: c, pass: s.Pass}
	ip, _ := c.OrgByAcronym("org", "INTERPOL")
	iom, _ := c.OrgByAcronym("org", "IOM")
	o.us, o.iom, o.agreemnt = ip.ID, iom.ID, c.Agreements[0].ID
	o.area = c.Agreements[0].AreaByName("Travel document fraud").ID
	if _, err := Setup(ctx, st, s.URL, s.User, s.Pass); err != nil {
		t.Fatalf("%s: setup: %v", name, err)
	}
	return o
}

func (o *officer) sync() Report {
	o.t.Helper()
	r, err := Sync(context.Background(), o.st, o.pass)
	if err != nil {
		o.t.Fatalf("sync: %v (report %+v)", err, r)
	}
	if !r.Agree {
		o.t.Fatalf("sync did not end in agreement: %+v", r)
	}
	return r
}

func (o *officer) meeting(title string, start time.Time) *model.Meeting {
	o.t.Helper()
	loc, _ := model.LoadZone("Europe/Paris")
	m := &model.Meeting{Title: title, Kind: model.KindMeeting, ConvenerID: o.us,
		Start: start.In(loc), End: start.In(loc).Add(7 * time.Hour), Zone: "Europe/Paris",
		Venue: model.Venue{Name: "General Secretariat", City: "Lyon", Country: "FR"}, IGOsInvited: true,
		Agenda: []model.AgendaItem{{Title: "Fraudulent documents", AreaIDs: []int64{o.area}}},
		Status: model.StatusConfirmed, Confidentiality: model.PartiesOnly, Notes: "Shared inside the office only"}
	if err := o.st.CreateMeeting(context.Background(), m); err != nil {
		o.t.Fatal(err)
	}
	return m
}

func (o *officer) byUID(uid string) *store.SyncedMeeting {
	o.t.Helper()
	ms, err := o.st.SyncedMeetings(context.Background(), []string{uid})
	if err != nil {
		o.t.Fatal(err)
	}
	if ms[uid] == nil {
		o.t.Fatalf("meeting %s is not in this database", uid)
	}
	return ms[uid]
}

// obligation returns the Article 2 state towards IOM.
func (o *officer) obligation(uid string) model.ObligationState {
	o.t.Helper()
	sm := o.byUID(uid)
	for _, ob := range model.Obligations(o.c, &sm.Meeting, sm.Invitations, time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC)) {
		if ob.To == o.iom {
			return ob.State
		}
	}
	o.t.Fatal("no obligation towards IOM")
	return 0
}

var paris, _ = model.LoadZone("Europe/Paris")

func TestTwoOfficersShareAMeeting(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Working group on travel documents", time.Date(2027, 3, 9, 9, 30, 0, 0, paris))
		if _, err := a.st.MarkSent(ctx, m.ID, a.iom, time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC), m.Sequence, "eml"); err != nil {
			t.Fatal(err)
		}
		if r := a.sync(); r.Pushed != 1 || r.Pulled != 0 {
			t.Errorf("A's first sync: %+v, want one record pushed", r)
		}
		if r := b.sync(); r.Pulled != 1 {
			t.Errorf("B's first sync: %+v, want one record pulled", r)
		}
		got, want := meetingFields(b.byUID(m.UID), b.c), meetingFields(a.byUID(m.UID), a.c)
		if !same(got, want) || got[fModified] != want[fModified] {
			t.Errorf("B's copy differs from A's:\nA %v\nB %v", want, got)
		}
		if sa, sb := a.obligation(m.UID), b.obligation(m.UID); sa != sb || sb != model.Sent {
			t.Errorf("Article 2 state: A %s, B %s, want both %s", sa, sb, model.Sent)
		}
		// Nothing to do: both agree, nothing moves.
		for _, o := range []*officer{a, b} {
			if r := o.sync(); r.Pushed+r.Pulled+r.Merged+r.Deleted != 0 {
				t.Errorf("a sync with nothing to do did something: %+v", r)
			}
		}
	})
}
