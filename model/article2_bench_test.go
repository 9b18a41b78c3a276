package model

import (
	"fmt"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model/testtool"
)

// benchWorld builds n meetings convened by INTERPOL and its partners under
// three agreements, with a realistic mix of states.
func benchWorld(b *testing.B, n int) (*Catalog, []Meeting, [][]Invitation) {
	c := fixtureCatalog()
	c.Orgs = append(c.Orgs, Organization{ID: 4, Acronym: "WCO", Name: "World Customs Organization", Zone: "Europe/Brussels"})
	c.Agreements = append(c.Agreements, Agreement{ID: 40, ShortName: "INTERPOL–WCO",
		Parties:  []Party{{OrgID: orgINTERPOL, Article: "Art. 4"}, {OrgID: 4, Article: "Art. 4"}},
		SignedOn: MustDate("2000-01-01"), InForceFrom: MustDate("2000-01-01"), LeadTimeDays: 28,
		Areas:     []Area{{ID: 401, AgreementID: 40, Name: "Customs"}},
		Interests: []Interest{{OrgID: 4, AreaID: 401}}})
	c.Reindex()
	base := conference(b)
	areas := []int64{areaBorder, areaFraud, areaTraining, areaDrugs, 401}
	conveners := []int64{orgINTERPOL, orgINTERPOL, orgINTERPOL, orgIOM}
	ms := make([]Meeting, n)
	invs := make([][]Invitation, n)
	for i := range ms {
		m := base
		m.ID = int64(i + 1)
		m.Title = fmt.Sprintf("Meeting %d", i)
		m.ConvenerID = conveners[i%len(conveners)]
		m.Start = base.Start.AddDate(0, 0, i%700-200)
		m.End = m.Start.Add(8 * time.Hour)
		m.Agenda = []AgendaItem{{Title: "Item", AreaIDs: []int64{areas[i%len(areas)], areas[(i/5)%len(areas)]}}}
		if m.ConvenerID == orgIOM {
			m.Agenda[0].AreaIDs = []int64{areaBorder}
		}
		m.IGOsInvited = i%10 != 0
		if i%50 == 0 {
			m.Status = StatusCancelled
		}
		if i%3 == 0 {
			invs[i] = []Invitation{{MeetingID: m.ID, ToOrgID: orgIOM, State: InvSent, SentAt: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}}
		}
		ms[i] = m
	}
	return c, ms, invs
}

// BenchmarkArticle2 runs the rule over every meeting; the sizes show that
// the cost is linear in the number of meetings.
func BenchmarkArticle2(b *testing.B) {
	for _, bc := range []struct {
		n     int
		reuse bool
	}{{10_000, false}, {100_000, false}, {100_000, true}} {
		n, reuse := bc.n, bc.reuse
		name := fmt.Sprintf("meetings=%d", n)
		if reuse {
			name += "/reused"
		}
		b.Run(name, func(b *testing.B) {
			c, ms, invs := benchWorld(b, n)
			now := at(b, "2027-04-01")
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := testtool.CPUTime()
			var obs []Obligation
			for b.Loop() {
				if reuse {
					obs = AppendObligations(obs[:0], c, ms, invs, now)
				} else {
					obs = AllObligations(c, ms, invs, now)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/meeting")
			b.ReportMetric((testtool.CPUTime()-cpu0).Seconds()*1000/float64(b.N), "cpu-ms/op")
			if len(obs) < n {
				b.Fatalf("only %d answers for %d meetings", len(obs), n)
			}
		})
	}
}
