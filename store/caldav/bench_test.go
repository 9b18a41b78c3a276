package caldav

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
)

// BenchmarkOfficeCalendar measures the syncs the issue sets targets for,
// against Radicale started here (LIAISON_BENCH_SERVER=xandikos for
// Xandikos):
//
//	first-push-1000  a database of 1,000 meetings to an empty collection (< 30 s)
//	first-pull-1000  that collection into a second, empty database
//	nothing-to-do    a sync when nothing changed on either side (< 0.5 s)
//	one-change       a sync that sends one changed meeting (< 1 s)
//
// Run it with -benchtime=1x: each first-* iteration starts from a new
// collection and a new database. The later ones set the collection up
// themselves when run alone.
func BenchmarkOfficeCalendar(b *testing.B) {
	s := caldavtest.StartRadicale
	if os.Getenv("LIAISON_BENCH_SERVER") == "xandikos" {
		s = caldavtest.StartXandikos
	}
	srv := s(b)
	parent := b // officers outlive each sub-benchmark: their databases close with the parent
	base := srv.URL
	n := 0
	fresh := func(b *testing.B) *caldavtest.Server {
		n++
		x := *srv
		x.URL = fmt.Sprintf("%s%d/", base[:len(base)-1], n)
		return &x
	}
	var coll *caldavtest.Server
	var a *officer
	pushed := func(b *testing.B) {
		coll = fresh(b)
		a = newOfficer(parent, coll, fmt.Sprintf("a%d", n))
		a.t = b
		a.meetings(1000, "Meeting")
	}
	b.Run("first-push-1000", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			pushed(b)
			b.StartTimer()
			if r := a.sync(); r.Pushed != 1000 {
				b.Fatalf("pushed %d", r.Pushed)
			}
		}
	})
	if a == nil {
		pushed(b)
		a.sync()
	}
	a.t = b
	b.Run("first-pull-1000", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			o := newOfficer(parent, coll, fmt.Sprintf("b%d-%d", n, i))
			o.t = b
			b.StartTimer()
			if r := o.sync(); r.Pulled != 1000 {
				b.Fatalf("pulled %d", r.Pulled)
			}
		}
	})
	a.sync()
	b.Run("nothing-to-do", func(b *testing.B) {
		a.t = b
		for i := 0; i < b.N; i++ {
			if r := a.sync(); r.Pushed+r.Pulled != 0 {
				b.Fatalf("did something: %+v", r)
			}
		}
	})
	a.t = b
	ms, err := a.st.Meetings(context.Background(), store.MeetingFilter{})
	if err != nil {
		b.Fatal(err)
	}
	uid := ms[500].UID
	b.Run("one-change", func(b *testing.B) {
		a.t = b
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			a.edit(uid, func(m *model.Meeting) { m.Notes = fmt.Sprintf("change %d", i) })
			b.StartTimer()
			if r := a.sync(); r.Pushed != 1 {
				b.Fatalf("pushed %d", r.Pushed)
			}
		}
	})
}
