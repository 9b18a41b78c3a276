package caldav

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
)

// editAsAClient rewrites properties of a resource as a plain calendar
// client would: it reads the resource, unfolds it, replaces each named
// property's line (edit gets the unfolded line, and returns the new one),
// and writes it back with If-Match.
func editAsAClient(t *testing.T, s *caldavtest.Server, uid string, edits map[string]func(string) string) {
	t.Helper()
	ctx := context.Background()
	cl, err := NewClient(s.URL, s.User, s.Pass)
	if err != nil {
		t.Fatal(err)
	}
	href := cl.hrefFor(uid)
	o, err := cl.Get(ctx, href)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(string(o.Data))
	lines := strings.Split(text, "\r\n")
	for name, edit := range edits {
		found := false
		for i, l := range lines {
			if strings.HasPrefix(l, name+":") || strings.HasPrefix(l, name+";") {
				lines[i], found = edit(l), true
				break
			}
		}
		if !found {
			t.Fatalf("the resource has no %s:\n%s", name, text)
		}
	}
	if _, err := cl.Put(ctx, href, []byte(strings.Join(lines, "\r\n")), o.ETag); err != nil {
		t.Fatal(err)
	}
}

// TestEditedInAnotherClient: a colleague changes a shared meeting's place,
// cancels it and rewrites its notes in an ordinary calendar client, which
// rewrites LOCATION, STATUS and DESCRIPTION and keeps Liaison's X-
// properties as they were; meanwhile B renames it. Both Liaisons end with
// all four changes, the Article 2 answer is void on both, and the next
// sync does nothing.
func TestEditedInAnotherClient(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a, b := newOfficer(t, s, "a"), newOfficer(t, s, "b")
		m := a.meeting("Edited by a colleague", time.Date(2027, 3, 9, 9, 30, 0, 0, paris))
		a.sync()
		b.sync()
		editAsAClient(t, s, m.UID, map[string]func(string) string{
			"LOCATION": func(string) string { return `LOCATION:IOM Headquarters\, Geneva\, CH` },
			"STATUS":   func(string) string { return "STATUS:CANCELLED" },
			"DESCRIPTION": func(l string) string {
				if !strings.Contains(l, m.Notes) {
					t.Fatalf("the description lacks the notes: %s", l)
				}
				return strings.Replace(l, m.Notes, `Postponed at IOM's request\; see the note verbale`, 1)
			},
		})
		bm := b.byUID(m.UID).Meeting
		bm.Title = "Edited by a colleague (renamed by B)"
		if err := b.st.UpdateMeeting(ctx, &bm); err != nil {
			t.Fatal(err)
		}
		if r := b.sync(); r.Merged != 1 || r.Conflicts != 0 {
			t.Errorf("B's sync: %+v, want one record merged without a conflict", r)
		}
		a.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			got := o.byUID(m.UID).Meeting
			want := model.Venue{Name: "IOM Headquarters", City: "Geneva", Country: "CH"}
			if got.Venue != want {
				t.Errorf("%s: venue %+v, want %+v", name, got.Venue, want)
			}
			if got.Status != model.StatusCancelled {
				t.Errorf("%s: status %s, want cancelled", name, got.Status)
			}
			if got.Notes != "Postponed at IOM's request; see the note verbale" {
				t.Errorf("%s: notes %q", name, got.Notes)
			}
			if got.Title != bm.Title || len(got.Agenda) != 1 || got.Agenda[0].Title != "Fraudulent documents" {
				t.Errorf("%s: title %q, agenda %+v: B's rename or the agenda was lost", name, got.Title, got.Agenda)
			}
			if st := o.obligation(m.UID); st != model.Void {
				t.Errorf("%s: Article 2 answer %s, want %s", name, st, model.Void)
			}
		}
		for _, o := range []*officer{a, b} {
			if r := o.sync(); r.Pushed+r.Pulled+r.Merged+r.Conflicts != 0 {
				t.Errorf("the sync after the edit did something: %+v", r)
			}
		}
	})
}

func TestPlacedElsewhere(t *testing.T) {
	lyon := model.Venue{Name: "General Secretariat", City: "Lyon", Country: "FR"}
	for _, x := range []struct {
		from     model.Venue
		location string
		want     model.Venue
	}{
		{lyon, "General Secretariat, Lyon, FR", lyon},
		{lyon, "General Secretariat, Marseille, FR", model.Venue{Name: "General Secretariat", City: "Marseille", Country: "FR"}},
		{lyon, "Palais des Nations, Geneva, CH", model.Venue{Name: "Palais des Nations", City: "Geneva", Country: "CH"}},
		{lyon, "Room 4", model.Venue{Name: "Room 4"}},
		{lyon, "IOM, 17 route des Morillons, Geneva, CH", model.Venue{Name: "IOM", Address: "17 route des Morillons", City: "Geneva", Country: "CH"}},
		{lyon, "", model.Venue{}},
		{model.Venue{OnlineURL: "https://meet.example/a"}, "online: https://meet.example/b", model.Venue{OnlineURL: "https://meet.example/b"}},
		{model.Venue{Name: "HQ", OnlineURL: "https://meet.example/a"}, "Annex; online: https://meet.example/a", model.Venue{Name: "Annex", OnlineURL: "https://meet.example/a"}},
	} {
		f := Fields{}
		f.set("VENUE-NAME", x.from.Name)
		f.set("VENUE-ADDRESS", x.from.Address)
		f.set("VENUE-CITY", x.from.City)
		f.set("VENUE-COUNTRY", x.from.Country)
		f.set("VENUE-ONLINE", x.from.OnlineURL)
		placedElsewhere(x.location, f)
		if got := venueOf(f); got != x.want {
			t.Errorf("%+v, LOCATION %q: %+v, want %+v", x.from, x.location, got, x.want)
		}
	}
}
