package caldav

import (
	"context"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
)

// edit changes a meeting in an officer's database.
func (o *officer) edit(uid string, fn func(m *model.Meeting)) {
	o.t.Helper()
	m := o.byUID(uid).Meeting
	fn(&m)
	if err := o.st.UpdateMeeting(context.Background(), &m); err != nil {
		o.t.Fatal(err)
	}
}

func TestEditsToDifferentFieldsBothSurvive(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Heads of protocol", time.Date(2027, 5, 4, 9, 0, 0, 0, paris))
		a.sync()
		b.sync()
		a.edit(m.UID, func(m *model.Meeting) { m.Venue.Name, m.Venue.City = "Palais des Nations", "Geneva" })
		b.edit(m.UID, func(m *model.Meeting) { m.Title = "Heads of protocol (second session)" })
		a.sync()
		if r := b.sync(); r.Merged != 1 || r.Conflicts != 0 {
			t.Errorf("B's sync: %+v, want one record merged without conflict", r)
		}
		a.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			got := o.byUID(m.UID).Meeting
			if got.Title != "Heads of protocol (second session)" || got.Venue.Name != "Palais des Nations" || got.Venue.City != "Geneva" {
				t.Errorf("%s has title %q at %q, %q: want both changes", name, got.Title, got.Venue.Name, got.Venue.City)
			}
		}
		if !same(meetingFields(a.byUID(m.UID), a.c), meetingFields(b.byUID(m.UID), b.c)) {
			t.Error("A and B do not agree field for field")
		}
	})
}

func TestSameFieldChangedTwiceIsAConflict(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Joint training", time.Date(2027, 6, 1, 9, 0, 0, 0, paris))
		a.sync()
		b.sync()
		a.edit(m.UID, func(m *model.Meeting) { m.Title = "Joint training on border control" })
		time.Sleep(5 * time.Millisecond)
		b.edit(m.UID, func(m *model.Meeting) { m.Title = "Joint training on document fraud" }) // later
		a.sync()
		if r := b.sync(); r.Conflicts != 1 {
			t.Errorf("B's sync: %+v, want one conflict", r)
		}
		a.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			if got := o.byUID(m.UID).Meeting.Title; got != "Joint training on document fraud" {
				t.Errorf("%s has title %q, want the later change", name, got)
			}
		}
		cs, err := b.st.SyncConflicts(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 || cs[0].Field != fTitle || cs[0].SetAside != "Joint training on border control" ||
			cs[0].Kept != "Joint training on document fraud" || cs[0].KeptSide != "mine" || cs[0].UID != m.UID {
			t.Fatalf("open conflicts: %+v", cs)
		}
		// Settling it for the value set aside makes it the title everywhere.
		if err := Resolve(ctx, b.st, m.UID, fTitle, "theirs"); err != nil {
			t.Fatal(err)
		}
		b.sync()
		a.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			if got := o.byUID(m.UID).Meeting.Title; got != "Joint training on border control" {
				t.Errorf("after resolving, %s has title %q", name, got)
			}
		}
		if cs, _ := b.st.SyncConflicts(ctx, true); len(cs) != 0 {
			t.Errorf("still open: %+v", cs)
		}
	})
}

func TestInvitationHistoryIsTheUnion(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Expert meeting", time.Date(2027, 9, 14, 9, 0, 0, 0, paris))
		a.sync()
		b.sync()
		bm := b.byUID(m.UID).Meeting
		if _, err := a.st.MarkSent(ctx, m.ID, a.iom, time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC), m.Sequence, "eml"); err != nil {
			t.Fatal(err)
		}
		if _, err := b.st.Waive(ctx, bm.ID, b.iom, time.Date(2027, 1, 6, 10, 0, 0, 0, time.UTC), "IOM asked not to be invited"); err != nil {
			t.Fatal(err)
		}
		a.sync()
		b.sync()
		a.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			invs := o.byUID(m.UID).Invitations
			if len(invs) != 1 || len(invs[0].History) != 2 {
				t.Fatalf("%s: invitations %+v, want one with both events", name, invs)
			}
			if invs[0].History[0].Action != "sent" || invs[0].History[1].Action != "waived" {
				t.Errorf("%s: history %+v", name, invs[0].History)
			}
		}
	})
}

func TestDeletionArrivesAsATombstone(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Cancelled idea", time.Date(2027, 7, 1, 9, 0, 0, 0, paris))
		keep := a.meeting("Kept meeting", time.Date(2027, 7, 2, 9, 0, 0, 0, paris))
		a.sync()
		b.sync()
		if err := a.st.DeleteMeeting(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		if r := a.sync(); r.Deleted != 1 {
			t.Errorf("A's sync: %+v, want one deletion sent", r)
		}
		if r := b.sync(); r.Deleted != 1 {
			t.Errorf("B's sync: %+v, want one tombstone received", r)
		}
		got := b.byUID(m.UID)
		if !got.Deleted {
			t.Fatal("B's copy is not a tombstone")
		}
		if !b.byUID(keep.UID).Meeting.Start.Equal(keep.Start) || b.byUID(keep.UID).Deleted {
			t.Error("the other meeting was touched")
		}
		// The tombstone is listed, can be restored, and the restored meeting
		// is shared again.
		removed, err := RemovedRecords(ctx, b.st)
		if err != nil || len(removed) != 1 || removed[0].UID != m.UID || removed[0].Title != m.Title {
			t.Fatalf("B's removed records: %+v, %v", removed, err)
		}
		if err := Restore(ctx, b.st, m.UID); err != nil {
			t.Fatal(err)
		}
		if removed, _ := RemovedRecords(ctx, b.st); len(removed) != 0 {
			t.Errorf("still listed after restoring: %+v", removed)
		}
		if r := b.sync(); r.Pushed != 1 {
			t.Errorf("B's sync after restoring: %+v", r)
		}
		a.sync()
		if a.byUID(m.UID).Deleted {
			t.Error("A did not get the restored meeting back")
		}
	})
}

func TestConsultationSeriesArrivesWhole(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		geneva, _ := model.LoadZone("Europe/Zurich")
		first := time.Date(2027, 3, 16, 10, 0, 0, 0, geneva)
		second := time.Date(2027, 6, 15, 10, 0, 0, 0, geneva)
		cs := &model.ConsultationSeries{AgreementID: a.agreemnt, Title: "Secretariat consultations", Start: first, Duration: 3 * time.Hour,
			Zone: "Europe/Zurich", RRule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=3TU;COUNT=8",
			VenueRotation:   []model.Venue{{Name: "IOM HQ", City: "Geneva", Country: "CH"}, {Name: "INTERPOL GS", City: "Lyon", Country: "FR"}},
			Confidentiality: model.PartiesOnly, Notes: "Rotating chair",
			Occurrences: []model.Occurrence{
				{OriginalStart: first, Held: true, Minutes: "Agreed the work plan.", Outcomes: []string{"Work plan 2027"},
					ActionItems: []model.ActionItem{{Text: "Circulate the work plan", OwnerOrg: a.iom, Due: model.DateOf(first.AddDate(0, 0, 30))}}},
				{OriginalStart: second, Start: second.Add(48 * time.Hour), End: second.Add(51 * time.Hour)},
			}}
		if err := a.st.CreateSeries(ctx, cs); err != nil {
			t.Fatal(err)
		}
		a.sync()
		if r := b.sync(); r.Pulled != 1 {
			t.Errorf("B's sync: %+v", r)
		}
		got, err := b.st.SyncedSeriesByUID(ctx, []string{cs.UID})
		if err != nil || got[cs.UID] == nil {
			t.Fatalf("B has no series: %v", err)
		}
		want, _ := a.st.SyncedSeriesByUID(ctx, []string{cs.UID})
		gf, wf := seriesFields(got[cs.UID], b.c), seriesFields(want[cs.UID], a.c)
		if !same(gf, wf) {
			t.Errorf("B's series differs:\nA %v\nB %v", wf, gf)
		}
		g := got[cs.UID].Series
		if len(g.Occurrences) != 2 || !g.Occurrences[1].Start.Equal(second.Add(48*time.Hour)) || len(g.Occurrences[0].ActionItems) != 1 ||
			g.Occurrences[0].ActionItems[0].OwnerOrg != b.iom {
			t.Errorf("B's occurrences: %+v", g.Occurrences)
		}
	})
}

var _ = store.RecordRef{}

func TestOrganizationsAndFocalPointsAreShared(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		a.sync()
		b.sync()
		iom := *a.c.Org(a.iom)
		iom.MailDomain = "iom.org"
		if err := a.st.UpdateOrganization(ctx, &iom); err != nil {
			t.Fatal(err)
		}
		if err := a.st.CreateFocalPoint(ctx, &model.FocalPoint{OrgID: a.iom, AgreementID: a.agreemnt, Name: "Kim Smith", Email: "ksmith@iom.int"}); err != nil {
			t.Fatal(err)
		}
		if err := b.st.CreateFocalPoint(ctx, &model.FocalPoint{OrgID: b.iom, Name: "José Müller", Email: "jmuller@iom.int", Phone: "+41 22 717 9111"}); err != nil {
			t.Fatal(err)
		}
		if r := a.sync(); r.Organizations != 1 {
			t.Errorf("A's sync: %+v, want one organization sent", r)
		}
		b.sync()
		a.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			c, err := o.st.Catalog(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Org(o.iom).MailDomain; got != "iom.org" {
				t.Errorf("%s: IOM's mail domain is %q", name, got)
			}
			fps, err := o.st.ActiveFocalPoints(ctx, o.iom, 0, model.DateOf(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, fp := range fps {
				if !fp.Placeholder {
					names = append(names, fp.Name)
				}
			}
			if len(names) != 2 {
				t.Errorf("%s: IOM's focal points %v, want Kim Smith and José Müller", name, names)
			}
			if us := c.Us(); us == nil || us.Acronym != "INTERPOL" {
				t.Errorf("%s: us is %+v", name, us)
			}
		}
	})
}

// TestEditedHereDeletedThere: a meeting edited here after a colleague
// deleted it is kept and shared again, and the deletion is listed as a
// conflict; keeping theirs deletes it here too.
func TestEditedHereDeletedThere(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Disputed", time.Date(2027, 8, 3, 9, 0, 0, 0, paris))
		a.sync()
		b.sync()
		if err := a.st.DeleteMeeting(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		a.sync()
		b.edit(m.UID, func(m *model.Meeting) { m.Notes = "Still on, says the Secretary General" })
		if r := b.sync(); r.Conflicts != 1 || r.Pushed != 1 {
			t.Errorf("B's sync: %+v, want the meeting shared again and one conflict", r)
		}
		a.sync()
		if got := a.byUID(m.UID); got.Deleted || got.Meeting.Notes != "Still on, says the Secretary General" {
			t.Errorf("A: deleted %v, notes %q", got.Deleted, got.Meeting.Notes)
		}
		cs, _ := b.st.SyncConflicts(ctx, true)
		if len(cs) != 1 || cs[0].Field != fDeleted {
			t.Fatalf("B's conflicts: %+v", cs)
		}
		if err := Resolve(ctx, b.st, m.UID, fDeleted, "theirs"); err != nil {
			t.Fatal(err)
		}
		b.sync()
		a.sync()
		if !a.byUID(m.UID).Deleted || !b.byUID(m.UID).Deleted {
			t.Error("keeping theirs did not delete it on both sides")
		}
	})
}
