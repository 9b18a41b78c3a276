package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/model/testtool"
)

// The benchmarks share one 100,000-meeting database, built once per test
// process in a temporary folder (removed by TestMain).
//
// The meetings are spread over 40 years, 35 past and 5 ahead (about 2,500
// a year, seven a day): a large office's complete history. A third invite
// IGOs; four in five of those that have begun have an invitation sent.

const benchMeetings = 100_000

var benchNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

var shared struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		_ = os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// sharedDB returns the path of the 100k database, building it on first use.
func sharedDB(b *testing.B) string {
	b.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "liaison-bench-*")
		if shared.err != nil {
			return
		}
		shared.path = filepath.Join(shared.dir, "liaison.db")
		shared.err = buildBenchDB(shared.path)
	})
	if shared.err != nil {
		b.Fatal(shared.err)
	}
	return shared.path
}

func buildBenchDB(path string) error {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Seed(ctx, "interpol-iom-2014", "IOM"); err != nil {
		return err
	}
	c, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	if err := s.CreateMeetings(ctx, genMeetings(c, benchMeetings)); err != nil {
		return err
	}
	// Invitations sent for most meetings that have begun, in one statement.
	_, err = s.db.ExecContext(ctx, `INSERT INTO invitations (uid, meeting_id, agreement_id, from_org_id, to_org_id, state, sent_at, sent_sequence, sent_via, version, modified)
		SELECT 'inv-' || m.id, m.id, p.agreement_id, m.convener_id, p.org_id, 'sent', ?, m.sequence, 'ics', 1, ?
		FROM meetings m JOIN agreement_parties p ON p.org_id <> m.convener_id
		WHERE m.igos_invited = 1 AND m.start_utc < ? AND m.id % 5 <> 0`, ts(benchNow), ts(benchNow), benchNow.Unix())
	if err != nil {
		return err
	}
	return s.Checkpoint(ctx)
}

// genMeetings makes n valid meetings, deterministic, spread over 40 years
// ending five years after benchNow.
func genMeetings(c *model.Catalog, n int) []model.Meeting {
	r := rand.New(rand.NewPCG(1, 2))
	g := &c.Agreements[0]
	iom, _ := c.OrgByAcronym("", "IOM")
	ip, _ := c.OrgByAcronym("", "INTERPOL")
	zones := []string{"Europe/Zurich", "Europe/Paris", "Asia/Singapore", "America/New_York"}
	cities := []string{"Geneva", "Lyon", "Singapore", "New York", "Vienna", "Nairobi"}
	kinds := model.MeetingKinds
	begin := benchNow.AddDate(-35, 0, 0)
	span := benchNow.AddDate(5, 0, 0).Sub(begin)
	out := make([]model.Meeting, n)
	for i := range out {
		start := begin.Add(time.Duration(int64(span) / int64(n) * int64(i))).Truncate(time.Hour)
		m := model.Meeting{
			Title: fmt.Sprintf("Meeting %d on %s", i, g.Areas[i%len(g.Areas)].Name), Kind: kinds[r.IntN(len(kinds))],
			ConvenerID: iom.ID, Zone: zones[r.IntN(len(zones))], Status: model.StatusConfirmed, Confidentiality: model.PartiesOnly,
			Venue:       model.Venue{Name: "Conference centre", City: cities[r.IntN(len(cities))]},
			IGOsInvited: r.IntN(3) == 0,
			AreaIDs:     []int64{g.Areas[r.IntN(len(g.Areas))].ID},
		}
		if r.IntN(10) < 3 {
			m.ConvenerID = ip.ID
		}
		if r.IntN(10) == 0 {
			m.Status = model.StatusCancelled
		}
		for j := range 1 + r.IntN(3) {
			m.Agenda = append(m.Agenda, model.AgendaItem{Title: fmt.Sprintf("Item %d", j+1), AreaIDs: []int64{g.Areas[r.IntN(len(g.Areas))].ID}})
		}
		if r.IntN(10) == 0 {
			loc, _ := model.LoadZone(m.Zone)
			m.AllDay, m.FirstDay = true, model.DateOf(start.In(loc))
			m.LastDay = m.FirstDay.AddDays(r.IntN(4))
		} else {
			loc, _ := model.LoadZone(m.Zone)
			m.Start = start.In(loc)
			m.End = m.Start.Add(time.Duration(1+r.IntN(8)) * time.Hour)
		}
		out[i] = m
	}
	return out
}

func openShared(b *testing.B) *Store {
	s, err := Open(context.Background(), sharedDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// BenchmarkInsertMeetings inserts 100,000 meetings (with agenda and areas)
// into a fresh database in one transaction.
func BenchmarkInsertMeetings(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("insert-%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Seed(ctx, "interpol-iom-2014", "IOM"); err != nil {
			b.Fatal(err)
		}
		c, err := s.Catalog(ctx)
		if err != nil {
			b.Fatal(err)
		}
		ms := genMeetings(c, benchMeetings)
		b.StartTimer()
		t0 := time.Now()
		if err := s.CreateMeetings(ctx, ms); err != nil {
			b.Fatal(err)
		}
		total += time.Since(t0)
		b.StopTimer()
		_ = s.Close()
		_ = os.Remove(s.Path())
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Nanoseconds())/float64(b.N)/benchMeetings, "ns/meeting")
	b.ReportMetric(total.Seconds()/float64(b.N), "s/100k")
}

// BenchmarkDashboardUpcoming60Days lists the meetings of the next 60 days,
// with their agenda, on the 100k database.
func BenchmarkDashboardUpcoming60Days(b *testing.B) {
	s := openShared(b)
	ctx := context.Background()
	var n int
	for b.Loop() {
		ms, err := s.Meetings(ctx, MeetingFilter{From: benchNow, To: benchNow.AddDate(0, 0, 60)})
		if err != nil {
			b.Fatal(err)
		}
		n = len(ms)
	}
	b.ReportMetric(float64(n), "meetings")
}

// BenchmarkDashboardObligations runs the Article 2 rule over the default
// window of the 100k database: the dashboard's "to do" list (ActionStates)
// and every answer.
func BenchmarkDashboardObligations(b *testing.B) {
	s := openShared(b)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		f    ObligationFilter
	}{{"todo", ObligationFilter{States: ActionStates}}, {"all", ObligationFilter{}}} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			cpu0 := testtool.CPUTime()
			for b.Loop() {
				obs, err := s.Obligations(ctx, benchNow, bc.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(obs)
			}
			b.ReportMetric(float64(n), "answers")
			b.ReportMetric((testtool.CPUTime()-cpu0).Seconds()*1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkOpen100k opens the 100k database, schema check included, and
// closes it.
func BenchmarkOpen100k(b *testing.B) {
	path := sharedDB(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Initialized(ctx); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
