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

// emptyOfficer is a Liaison whose database was set up from no template:
// everything it knows comes from the office calendar.
func emptyOfficer(t *testing.T, s *caldavtest.Server, name string) *officer {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), name+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := Setup(ctx, st, s.URL, s.User, s.Pass); err != nil {
		t.Fatalf("%s: setup: %v", name, err)
	}
	return &officer{t: t, st: st, c: model.NewCatalog(nil, nil), pass: s.Pass}
}

// reload reads the officer's catalog again (after a sync changed it).
func (o *officer) reload() {
	o.t.Helper()
	c, err := o.st.Catalog(context.Background())
	if err != nil {
		o.t.Fatal(err)
	}
	o.c = c
	if iom, err := c.OrgByAcronym("org", "IOM"); err == nil {
		o.iom = iom.ID
	}
}

func (o *officer) agreementByKey(key string) *model.Agreement {
	o.t.Helper()
	o.reload()
	for i := range o.c.Agreements {
		if o.c.Agreements[i].Key == key {
			return &o.c.Agreements[i]
		}
	}
	o.t.Fatalf("agreement %s is not in this database", key)
	return nil
}

// sameAgreement compares two databases' copies of an agreement field by
// field (areas and organizations by name, as shared).
func sameAgreement(t *testing.T, who string, a, b *officer, key string, withModified bool) {
	t.Helper()
	fa, fb := agreementFields(a.agreementByKey(key), a.c), agreementFields(b.agreementByKey(key), b.c)
	for k, v := range fa {
		if (k != fModified || withModified) && fb[k] != v {
			t.Errorf("%s: agreement field %s: %q, want %q", who, k, fb[k], v)
		}
	}
	if len(fa) != len(fb) {
		t.Errorf("%s: agreement has %d fields, want %d", who, len(fb), len(fa))
	}
}

// TestAgreementsAreShared: A's agreement (with an area, an amendment, a
// supplementary arrangement and a termination of its own) reaches a
// database set up from no template whole, the meeting that names the new
// area with it, and the same Article 2 answer; A's change of lead time
// reaches it and changes its answer; a third database seeded from the
// template keeps its areas' ids (and its meeting's areas) while taking
// A's changes in, without a conflict.
func TestAgreementsAreShared(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a := newOfficer(t, s, "a")
		g := *a.c.Agreement(a.agreemnt)
		g.Areas = append([]model.Area{{Name: "Cybercrime", Article: "Art. 6"}}, g.Areas...)
		g.Amendments = []model.Amendment{{Summary: "Adds cybercrime to Art. 6", ProposedBy: a.iom,
			ProposedOn: model.DateOf(time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)), AcceptedOn: model.DateOf(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)), Reference: "NV/2026/17"}}
		g.Supplementary = []model.SupplementaryArrangement{{Title: "Exchange of liaison officers", SignedOn: model.DateOf(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))}}
		g.Termination = &model.Termination{GivenBy: a.us, NoticeOn: model.DateOf(time.Date(2030, 1, 15, 0, 0, 0, 0, time.UTC)), NoticeMonths: 6}
		if err := a.st.UpdateAgreement(ctx, &g); err != nil {
			t.Fatal(err)
		}
		cyber := g.AreaByName("Cybercrime").ID
		a.reload()
		m := a.meeting("Working group on cybercrime", time.Date(2027, 3, 9, 9, 30, 0, 0, paris))
		m.Agenda = append(m.Agenda, model.AgendaItem{Title: "Ransomware", AreaIDs: []int64{cyber}})
		if err := a.st.UpdateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		if r := a.sync(); r.Agreements != 1 || r.Pushed != 1 {
			t.Errorf("A's first sync: %+v, want one agreement and one meeting sent", r)
		}

		b := emptyOfficer(t, s, "b")
		if r := b.sync(); r.Agreements != 1 || r.Pulled != 1 || r.Organizations != 2 {
			t.Errorf("B's first sync: %+v, want two organizations, one agreement and one meeting taken in", r)
		}
		sameAgreement(t, "B", a, b, g.Key, true)
		if got, want := meetingFields(b.byUID(m.UID), b.c), meetingFields(a.byUID(m.UID), a.c); !same(got, want) {
			t.Errorf("B's meeting differs from A's:\nA %v\nB %v", want, got)
		}
		before := a.obligation(m.UID)
		if got := b.obligation(m.UID); got != before {
			t.Errorf("Article 2 before the change: A %s, B %s", before, got)
		}

		// A lengthens the lead time: the invitation is due earlier.
		g = *a.agreementByKey(g.Key)
		g.LeadTimeDays = 60
		if err := a.st.UpdateAgreement(ctx, &g); err != nil {
			t.Fatal(err)
		}
		a.reload()
		after := a.obligation(m.UID)
		if after == before {
			t.Fatalf("the lead time did not change A's answer (%s): the test proves nothing", after)
		}
		if r := a.sync(); r.Agreements != 1 || r.Pushed != 0 {
			t.Errorf("A's sync after the change: %+v, want the agreement alone sent", r)
		}
		if r := b.sync(); r.Agreements != 1 || r.Conflicts != 0 {
			t.Errorf("B's sync after the change: %+v, want the agreement taken in", r)
		}
		if got := b.agreementByKey(g.Key).LeadTimeDays; got != 60 {
			t.Errorf("B's lead time is %d, want 60", got)
		}
		if got := b.obligation(m.UID); got != after {
			t.Errorf("B's Article 2 answer after the change: %s, want A's %s", got, after)
		}

		// A third officer's database, seeded from the template, with a
		// meeting of its own: its areas keep their ids.
		c := newOfficer(t, s, "c")
		mc := c.meeting("Travel documents, third officer", time.Date(2027, 4, 6, 9, 0, 0, 0, paris))
		if r := c.sync(); r.Conflicts != 0 || r.Agreements != 1 {
			t.Errorf("C's first sync: %+v, want A's agreement taken in without a conflict", r)
		}
		sameAgreement(t, "C", a, c, g.Key, false)
		if got := c.agreementByKey(g.Key).AreaByName("Travel document fraud"); got == nil || got.ID != c.area {
			t.Errorf("C's area Travel document fraud is now %+v, want id %d kept", got, c.area)
		}
		if got := c.byUID(mc.UID).Meeting.Agenda[0].AreaIDs; len(got) != 1 || got[0] != c.area {
			t.Errorf("C's meeting's areas are now %v, want [%d]", got, c.area)
		}
		a.sync()
		b.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			want := o.agreementByKey(g.Key).AreaByName("Travel document fraud").ID
			if got := o.byUID(mc.UID).Meeting.Agenda[0].AreaIDs; len(got) != 1 || got[0] != want {
				t.Errorf("C's meeting at %s names areas %v, want [%d]", name, got, want)
			}
		}
		for _, o := range []*officer{a, b, c} {
			if r := o.sync(); r.Pushed+r.Pulled+r.Agreements+r.Organizations+r.Conflicts != 0 {
				t.Errorf("a sync with nothing to do did something: %+v", r)
			}
		}
	})
}
