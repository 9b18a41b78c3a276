package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/liaison-app/liaison/model"
)

// SeedExample fills a store seeded with the INTERPOL–IOM template with a
// realistic year of meetings around now: conferences, committees and
// trainings convened by both organizations, with agendas on the areas of
// Article 6, invitations in every state, focal points, and the Article 8
// consultation series with its minutes and action items. It is what the
// screenshots show; `extra` more synthetic meetings (spread over ten
// years) make a large database for start-up measurements.
func (s *Store) SeedExample(ctx context.Context, now time.Time, extra int) error {
	c, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	interpol, iom := c.Orgs[0].ID, c.Orgs[1].ID
	if c.Orgs[0].Acronym != "INTERPOL" {
		interpol, iom = iom, interpol
	}
	g := &c.Agreements[0]
	area := func(name string) int64 {
		if a := g.AreaByName(name); a != nil {
			return a.ID
		}
		return g.Areas[0].ID
	}
	border, ibm, traff, fraud, tech, capb := area("Border security"), area("Integrated border management"),
		area("Border and migration management including with respect to trafficking in persons and migrant smuggling"),
		area("Travel document fraud"), area("The use of technology, software and systems"), area("Capacity-building for police and guided operations")

	type venue struct{ name, city, cc, zone string }
	venues := []venue{
		{"INTERPOL General Secretariat", "Lyon", "FR", "Europe/Paris"},
		{"IOM Headquarters", "Geneva", "CH", "Europe/Zurich"},
		{"INTERPOL Global Complex for Innovation", "Singapore", "SG", "Asia/Singapore"},
		{"INTERPOL Regional Bureau", "Buenos Aires", "AR", "America/Argentina/Buenos_Aires"},
		{"INTERPOL Regional Bureau", "Nairobi", "KE", "Africa/Nairobi"},
		{"INTERPOL Regional Bureau", "Abidjan", "CI", "Africa/Abidjan"},
		{"IOM Regional Office", "Bangkok", "TH", "Asia/Bangkok"},
		{"IOM Regional Office", "Vienna", "AT", "Europe/Vienna"},
	}
	// Each meeting is where such a meeting is held: a regional conference
	// in its region, INTERPOL's statutory meetings in Lyon, IOM's in Geneva.
	const (
		lyon = iota
		geneva
		singapore
		buenosAires
		nairobi
		abidjan
		bangkok
		vienna
	)
	titles := []struct {
		t     string
		kind  model.MeetingKind
		areas []int64
		igos  bool
		venue int
	}{
		{"European Regional Conference", model.KindConference, []int64{border, ibm}, true, vienna},
		{"Working Group on Travel Document Fraud", model.KindMeeting, []int64{fraud}, true, lyon},
		{"Heads of National Central Bureaus", model.KindConference, []int64{tech}, true, lyon},
		{"Committee on the Processing of Data", model.KindCommittee, nil, false, lyon},
		{"Training: Stolen and Lost Travel Documents database", model.KindTraining, []int64{fraud, capb}, true, nairobi},
		{"Joint operation planning: migrant smuggling routes", model.KindJointActivity, []int64{traff}, true, bangkok},
		{"Asian Regional Conference", model.KindConference, nil, true, singapore},
		{"Border Management Forum", model.KindMeeting, []int64{ibm, border}, true, geneva},
		{"Executive Committee", model.KindCommittee, nil, false, lyon},
		{"Counter-Trafficking Experts Meeting", model.KindMeeting, []int64{traff}, true, geneva},
		{"West African Police Chiefs Meeting on Document Security", model.KindMeeting, []int64{tech, fraud}, true, abidjan},
		{"Americas Regional Conference", model.KindConference, []int64{border}, true, buenosAires},
	}
	rnd := rand.New(rand.NewPCG(2014, 3))
	var ms []model.Meeting
	start := now.AddDate(0, -4, 0)
	for i := 0; i < 44; i++ {
		t := titles[i%len(titles)]
		v := venues[t.venue]
		_ = rnd.IntN(len(venues)) // the draw that once picked the venue: the example's dates stay as they were
		loc, _ := model.LoadZone(v.zone)
		d := start.AddDate(0, 0, i*9+rnd.IntN(5)).In(loc)
		conv := interpol
		if i%3 == 1 {
			conv = iom
		}
		m := model.Meeting{Title: t.t, Kind: t.kind, ConvenerID: conv, Zone: v.zone,
			Venue:       model.Venue{Name: v.name, City: v.city, Country: v.cc},
			IGOsInvited: t.igos, Status: model.StatusConfirmed, Confidentiality: model.PartiesOnly}
		if i%5 == 0 {
			m.Title = fmt.Sprintf("%s (%d)", t.t, d.Year())
		}
		if t.kind == model.KindConference {
			m.AllDay = true
			m.FirstDay = model.DateOf(d)
			m.LastDay = m.FirstDay.AddDays(2)
		} else {
			m.Start = time.Date(d.Year(), d.Month(), d.Day(), 9+rnd.IntN(3), 0, 0, 0, loc)
			m.End = m.Start.Add(time.Duration(3+rnd.IntN(6)) * time.Hour)
		}
		if d.Before(now) {
			m.Status = model.StatusHeld
		} else if i%7 == 3 {
			m.Status = model.StatusPlanned
		}
		if i%11 == 5 {
			m.ObserversExcluded, m.ExclusionReason = true, "Rule 12 of the Rules of Procedure: closed session"
		}
		m.Agenda = []model.AgendaItem{{Title: "Opening and adoption of the agenda"}}
		if len(t.areas) > 0 {
			m.Agenda = append(m.Agenda, model.AgendaItem{Title: "Cooperation under the 2014 Agreement", AreaIDs: t.areas})
		}
		m.Agenda = append(m.Agenda, model.AgendaItem{Title: "Any other business"})
		m.Background = "Regular meeting; IGOs with observer status are invited."
		ms = append(ms, m)
	}
	if err := s.CreateMeetings(ctx, ms); err != nil {
		return err
	}
	// Ms now hold their IDs. Record invitations in varied states; those
	// that began without one are missed.
	overdueLeft := false
	for i := range ms {
		m := &ms[i]
		if !m.IGOsInvited || m.ObserversExcluded || m.ConvenerID != interpol {
			continue
		}
		sent := m.StartsAt().AddDate(0, 0, -50)
		if sent.After(now) {
			continue
		}
		if !overdueLeft && m.StartsAt().Before(now.AddDate(0, 0, 42)) && m.StartsAt().After(now) {
			overdueLeft = true // the first one due already and still ahead stays unsent: overdue
			continue
		}
		switch i % 4 {
		case 0:
			_, err = s.MarkSent(ctx, m.ID, iom, sent, m.Sequence, "ics")
			if err == nil {
				_, err = s.RecordReply(ctx, m.ID, iom, model.Reply{At: sent.AddDate(0, 0, 6), State: model.InvAccepted,
					Representatives: []model.Representative{{Name: "Amina Diallo", Email: "adiallo@iom.int"}}})
			}
		case 1:
			_, err = s.MarkSent(ctx, m.ID, iom, sent, m.Sequence, "eml")
		case 2:
			if m.StartsAt().After(now) {
				_, err = s.Waive(ctx, m.ID, iom, sent, "Agreed with IOM's focal point that a briefing note replaces attendance")
			}
		}
		if err != nil {
			return fmt.Errorf("invitation for %q: %w", m.Title, err)
		}
	}
	// Focal points (Art. 7), replacing the template's placeholders.
	fps, err := s.FocalPoints(ctx)
	if err != nil {
		return err
	}
	for i := range fps {
		f := &fps[i]
		f.Placeholder, f.From = false, model.MustDate("2024-01-15")
		if f.OrgID == interpol {
			f.Name, f.Title, f.Email, f.Phone = "Claire Moreau", "Head of Institutional Relations", "c.moreau@interpol.int", "+33 4 72 44 70 00"
		} else {
			f.Name, f.Title, f.Email, f.Phone = "Amina Diallo", "Senior Liaison Officer, Immigration and Border Governance", "adiallo@iom.int", "+41 22 717 91 11"
		}
		if err := s.UpdateFocalPoint(ctx, f); err != nil {
			return err
		}
	}
	// The Article 8 consultation, twice a year, alternating Lyon and Geneva.
	paris, _ := model.LoadZone("Europe/Paris")
	first := time.Date(now.Year()-1, 3, 10, 10, 0, 0, 0, paris)
	sr := &model.ConsultationSeries{AgreementID: g.ID, Title: "INTERPOL–IOM secretariats consultation", Zone: "Europe/Paris",
		Start: first, Duration: 3 * time.Hour, RRule: "FREQ=MONTHLY;INTERVAL=6;BYDAY=2TU", Confidentiality: model.PartiesOnly,
		VenueRotation: []model.Venue{{Name: "INTERPOL General Secretariat", City: "Lyon", Country: "FR"}, {Name: "IOM Headquarters", City: "Geneva", Country: "CH"}}}
	sr.AlignStart()
	first = sr.Start
	if err := s.CreateSeries(ctx, sr); err != nil {
		return err
	}
	ins, err := sr.Instances(first.Add(-time.Hour), now)
	if err != nil {
		return err
	}
	for i, in := range ins {
		o := &model.Occurrence{OriginalStart: in.OriginalStart, Held: true,
			Agenda:   []model.AgendaItem{{Title: "Review of joint activities"}, {Title: "Data exchange on travel document fraud"}},
			Minutes:  "The secretariats reviewed the joint activities of the half-year.",
			Outcomes: []string{"Joint training in West Africa to go ahead", "Focal points to meet quarterly"},
			ActionItems: []model.ActionItem{
				{Text: "Share the SLTD access request template", OwnerOrg: interpol, Due: model.DateOf(in.Start).AddDays(30), Done: i < len(ins)-1},
				{Text: "Nominate trainers for the West Africa course", OwnerOrg: iom, Due: model.DateOf(in.Start).AddDays(45)},
			}}
		if err := s.SaveOccurrence(ctx, sr.ID, o); err != nil {
			return err
		}
	}
	return s.seedSynthetic(ctx, now, extra, interpol, iom, border)
}

// seedSynthetic adds n plain meetings over ten years, in batches.
func (s *Store) seedSynthetic(ctx context.Context, now time.Time, n int, interpol, iom, area int64) error {
	loc, _ := model.LoadZone("Europe/Paris")
	base := now.AddDate(-5, 0, 0)
	for done := 0; done < n; {
		batch := make([]model.Meeting, 0, 5000)
		for ; done < n && len(batch) < cap(batch); done++ {
			s := base.Add(time.Duration(done) * (10 * 365 * 24 * time.Hour / time.Duration(max(n, 1)))).In(loc)
			s = time.Date(s.Year(), s.Month(), s.Day(), 9, 0, 0, 0, loc)
			conv := interpol
			if done%2 == 1 {
				conv = iom
			}
			batch = append(batch, model.Meeting{Title: fmt.Sprintf("Technical meeting %d", done+1), Kind: model.KindMeeting, ConvenerID: conv,
				Zone: "Europe/Paris", Start: s, End: s.Add(2 * time.Hour), Status: model.StatusPlanned, Confidentiality: model.Internal,
				IGOsInvited: done%10 == 0, AreaIDs: []int64{area}, Venue: model.Venue{City: "Lyon", Country: "FR"}})
		}
		if err := s.CreateMeetings(ctx, batch); err != nil {
			return err
		}
	}
	return nil
}
