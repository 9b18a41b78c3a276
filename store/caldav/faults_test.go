package caldav

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav/caldavtest"
)

// proxy stands between Liaison and the server, to cut the line, fail a
// request or let a colleague act at a chosen moment.
type proxy struct {
	srv        *httptest.Server
	mu         sync.Mutex
	puts       int
	noSyncColl bool                                                     // answer sync-collection with 501, as a server without RFC 6578
	onPut      func(n int, w http.ResponseWriter, r *http.Request) bool // true: handled here
}

func newProxy(t *testing.T, s *caldavtest.Server) *proxy {
	t.Helper()
	target, _ := url.Parse(s.URL)
	target.Path = "/"
	p := &proxy{}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.ErrorLog = nil
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "REPORT" && p.noSyncColl {
			body, _ := io.ReadAll(r.Body)
			if bytes.Contains(body, []byte("sync-collection")) {
				w.WriteHeader(http.StatusNotImplemented)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		if r.Method == http.MethodPut {
			p.mu.Lock()
			p.puts++
			n, hook := p.puts, p.onPut
			p.mu.Unlock()
			if hook != nil && hook(n, w, r) {
				return
			}
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// url is the server's collection, reached through the proxy.
func (p *proxy) url(s *caldavtest.Server) string {
	u, _ := url.Parse(s.URL)
	return p.srv.URL + u.Path
}

func (p *proxy) hook(fn func(n int, w http.ResponseWriter, r *http.Request) bool) {
	p.mu.Lock()
	p.puts, p.onPut = 0, fn
	p.mu.Unlock()
}

// officerVia is an officer whose account goes through the proxy.
func officerVia(t *testing.T, s *caldavtest.Server, p *proxy, name string) *officer {
	t.Helper()
	direct := *s
	direct.URL = p.url(s)
	return newOfficer(t, &direct, name)
}

func (o *officer) meetings(n int, prefix string) {
	o.t.Helper()
	ms := make([]model.Meeting, n)
	start := time.Date(2027, 2, 1, 9, 0, 0, 0, paris)
	for i := range ms {
		s := start.Add(time.Duration(i) * 24 * time.Hour)
		ms[i] = model.Meeting{Title: fmt.Sprintf("%s %d", prefix, i+1), Kind: model.KindMeeting, ConvenerID: o.us, Start: s, End: s.Add(3 * time.Hour),
			Zone: "Europe/Paris", Venue: model.Venue{City: "Lyon", Country: "FR"}, IGOsInvited: i%3 == 0,
			Agenda: []model.AgendaItem{{Title: "Item", AreaIDs: []int64{o.area}}},
			Status: model.StatusConfirmed, Confidentiality: model.Internal}
	}
	if err := o.st.CreateMeetings(context.Background(), ms); err != nil {
		o.t.Fatal(err)
	}
}

// serverCount lists the collection directly, counts the resources other
// than organizations, and checks that none is listed twice.
func serverCount(t *testing.T, s *caldavtest.Server) int {
	t.Helper()
	cl, err := NewClient(s.URL, s.User, s.Pass)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := cl.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range ms {
		if strings.Contains(m.Href, "liaison-catalog") {
			continue // an organization or an agreement
		}
		k := key(m.Href)
		if seen[k] {
			t.Errorf("%s is listed twice", k)
		}
		seen[k] = true
	}
	return len(seen)
}

func (o *officer) count() int {
	o.t.Helper()
	n, err := o.st.CountMeetings(context.Background(), store.MeetingFilter{})
	if err != nil {
		o.t.Fatal(err)
	}
	return n
}

func TestServerStoppedMidPush(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		p := newProxy(t, s)
		a := officerVia(t, s, p, "a")
		a.meetings(500, "Meeting")
		target, _ := url.Parse(s.URL)
		target.Path = "/"
		cut := func(w http.ResponseWriter) {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
			}
		}
		// First the answer to one PUT is lost after the server took the
		// record (the line is cut on the way back): the sync stops there.
		p.hook(func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n == 120 {
				httputil.NewSingleHostReverseProxy(target).ServeHTTP(httptest.NewRecorder(), r)
				cut(w)
				return true
			}
			return false
		})
		failed := func(what string) {
			t.Helper()
			_, err := Sync(ctx, a.st, a.pass)
			if err == nil {
				t.Fatalf("%s: the sync reported success", what)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: the failure is not one sentence: %q", what, err)
			}
			acct, _ := a.st.SyncAccount(ctx)
			if acct.LastError == "" || !acct.LastSync.IsZero() {
				t.Errorf("%s: the failed sync was not recorded as failed: %+v", what, acct)
			}
		}
		failed("an answer lost")
		// The 120th request: the collection read, two organizations and
		// the agreement written, then 118 meetings, and the 119th taken.
		if got := serverCount(t, s); got != 119 {
			t.Errorf("after the lost answer the server holds %d meetings, want 119", got)
		}
		// Then the server itself stops in the middle of the next push.
		p.hook(func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n == 150 {
				s.Stop()
			}
			return false
		})
		failed("the server stopped")
		p.hook(nil)
		s.Start()
		a.sync()
		if got := serverCount(t, s); got != 500 {
			t.Errorf("the server holds %d resources, want 500", got)
		}
		st, err := Status(ctx, a.st)
		if err != nil || st.Shared != 500 || st.Waiting != 0 {
			t.Errorf("A's status after the second sync: %+v, %v", st, err)
		}
		b := newOfficer(t, s, "b")
		b.sync()
		if b.count() != 500 {
			t.Errorf("B has %d meetings, want 500", b.count())
		}
	})
}

func TestQuotaFullChangesNothingHalfDone(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		p := newProxy(t, s)
		a := officerVia(t, s, p, "a")
		a.meetings(20, "Meeting")
		p.hook(func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n > 10 {
				w.WriteHeader(http.StatusInsufficientStorage)
				return true
			}
			return false
		})
		_, err := Sync(ctx, a.st, a.pass)
		if err == nil || !strings.Contains(err.Error(), "quota") {
			t.Fatalf("a full quota: %v", err)
		}
		if got := serverCount(t, s); got == 0 || got > 10 {
			t.Errorf("the server holds %d meetings, want those of the 10 PUTs that went through", got)
		}
		p.hook(nil)
		a.sync()
		if got := serverCount(t, s); got != 20 {
			t.Errorf("after the quota was raised the server holds %d, want 20", got)
		}
	})
}

func TestPreconditionFailedIsAConflictNotAnError(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		p := newProxy(t, s)
		a := officerVia(t, s, p, "a")
		b := newOfficer(t, s, "b")
		m := a.meeting("Steering committee", time.Date(2027, 10, 5, 9, 0, 0, 0, paris))
		a.sync()
		b.sync()
		a.edit(m.UID, func(m *model.Meeting) { m.Venue.City = "Vienna"; m.Venue.Country = "AT" })
		// B's change reaches the server between A's pull and A's push.
		p.hook(func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n == 1 {
				b.edit(m.UID, func(m *model.Meeting) { m.Title = "Steering committee (extraordinary)" })
				b.sync()
			}
			return false
		})
		r := a.sync()
		if r.Merged == 0 {
			t.Errorf("A's sync: %+v, want the 412 merged", r)
		}
		p.hook(nil)
		b.sync()
		for name, o := range map[string]*officer{"A": a, "B": b} {
			got := o.byUID(m.UID).Meeting
			if got.Title != "Steering committee (extraordinary)" || got.Venue.City != "Vienna" {
				t.Errorf("%s: %q in %q, want both changes", name, got.Title, got.Venue.City)
			}
		}
	})
}

func TestWrongPasswordChangesNothing(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		if s.User == "" {
			t.Skip("Xandikos has no authentication of its own")
		}
		ctx := context.Background()
		a := newOfficer(t, s, "a")
		a.meeting("Anything", time.Date(2027, 4, 1, 9, 0, 0, 0, paris))
		before, _ := a.st.SyncResources(ctx)
		_, err := Sync(ctx, a.st, "wrong")
		var se *StatusError
		if !errors.As(err, &se) || se.Code != http.StatusUnauthorized || !strings.Contains(err.Error(), "password") {
			t.Fatalf("a wrong password: %v", err)
		}
		after, _ := a.st.SyncResources(ctx)
		if len(before) != len(after) || serverCount(t, s) != 0 {
			t.Error("a refused sync changed something")
		}
	})
}

// TestWithoutSyncCollection: a server that does not offer RFC 6578 is
// read by ETag listing, with the same results.
func TestWithoutSyncCollection(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		p := newProxy(t, s)
		p.noSyncColl = true
		a, b := officerVia(t, s, p, "a"), officerVia(t, s, p, "b")
		gone := a.meeting("To be deleted", time.Date(2027, 5, 3, 9, 0, 0, 0, paris))
		kept := a.meeting("To be edited", time.Date(2027, 5, 4, 9, 0, 0, 0, paris))
		a.sync()
		if r := b.sync(); r.Pulled != 2 {
			t.Fatalf("B's first sync: %+v", r)
		}
		if err := a.st.DeleteMeeting(ctx, gone.ID); err != nil {
			t.Fatal(err)
		}
		a.edit(kept.UID, func(m *model.Meeting) { m.Venue.City = "Geneva" })
		a.sync()
		if r := b.sync(); r.Deleted != 1 || r.Pulled != 1 {
			t.Errorf("B's second sync: %+v, want one deletion and one change", r)
		}
		if r := b.sync(); r.Pulled+r.Pushed+r.Deleted+r.Merged != 0 {
			t.Errorf("B's third sync did something: %+v", r)
		}
		if !b.byUID(gone.UID).Deleted || b.byUID(kept.UID).Meeting.Venue.City != "Geneva" {
			t.Error("B did not take both changes in")
		}
		if acct, _ := b.st.SyncAccount(ctx); acct.SyncToken != "" {
			t.Errorf("a token without sync-collection: %q", acct.SyncToken)
		}
	})
}

// TestOtherClientsEventsAreLeftAlone: an event a colleague adds with an
// ordinary calendar client is neither taken in nor touched, and does not
// keep the sync from ending in agreement.
func TestOtherClientsEventsAreLeftAlone(t *testing.T) {
	caldavtest.Each(t, func(t *testing.T, s *caldavtest.Server) {
		ctx := context.Background()
		a := newOfficer(t, s, "a")
		a.meeting("Ours", time.Date(2027, 5, 3, 9, 0, 0, 0, paris))
		a.sync()
		cl, err := NewClient(s.URL, s.User, s.Pass)
		if err != nil {
			t.Fatal(err)
		}
		lunch := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Thunderbird//EN\r\nBEGIN:VEVENT\r\nUID:lunch-1\r\nDTSTAMP:20270101T000000Z\r\n" +
			"DTSTART:20270503T110000Z\r\nDTEND:20270503T120000Z\r\nSUMMARY:Team lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
		if _, err := cl.Put(ctx, cl.hrefFor("lunch-1"), []byte(lunch), ""); err != nil {
			t.Fatal(err)
		}
		r := a.sync()
		if len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0], "not one of Liaison's records") || r.Pulled != 0 {
			t.Errorf("A's sync: %+v", r)
		}
		if a.count() != 1 || serverCount(t, s) != 2 {
			t.Errorf("A has %d meetings, the server %d resources", a.count(), serverCount(t, s))
		}
	})
}
