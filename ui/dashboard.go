package ui

import (
	"context"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// dashboardScreen answers "what needs action": invitations overdue or due
// soon, updates owed, meetings to review, invitations partners owed us,
// the next consultations, open action items, and the next 60 days.
type dashboardScreen struct {
	app     *App
	heading *widget.Label
	body    *fyne.Container
	// items holds what is on show, by section, for tests and for keyboard
	// navigation later.
	items map[string][]dashItem
	// lastWhy is the reason field of the last "Record why…" (tests).
	lastWhy *field
}

// dashItem is one line of the dashboard.
type dashItem struct {
	State  string
	Title  string
	Reason string
	imp    widget.Importance
	open   func()
	ob     model.Obligation // the Article 2 answer behind the row, if any
}

// The dashboard's sections.
const (
	secOutgoing      = "outgoing"
	secReciprocity   = "reciprocity"
	secConsultations = "consultations"
	secActions       = "actions"
	secNext          = "next"
)

func newDashboardScreen(a *App) *dashboardScreen {
	return &dashboardScreen{
		app:     a,
		heading: &widget.Label{Text: lang.L("What needs action"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: "headingText"},
		body:    container.NewVBox(),
	}
}

func (s *dashboardScreen) view() fyne.CanvasObject {
	refresh := &widget.Button{Text: lang.L("Refresh"), OnTapped: s.reload}
	return container.NewBorder(container.NewBorder(nil, nil, nil, refresh, s.heading), nil, nil, nil, container.NewVScroll(s.body))
}

// maxRows is how many rows a dashboard section shows.
const maxRows = 100

// dashData is everything the dashboard reads, loaded in one go.
type dashData struct {
	obligations []model.Obligation
	meetings    map[int64]*model.Meeting
	next        []model.Meeting
	series      []model.ConsultationSeries
}

func (s *dashboardScreen) reload() {
	a := s.app
	now := a.now()
	background(a, func(ctx context.Context) (*dashData, error) {
		d := &dashData{meetings: map[int64]*model.Meeting{}}
		var err error
		from, to := now.AddDate(0, 0, -120), now.AddDate(1, 0, 0)
		if d.obligations, err = a.st.Obligations(ctx, now, store.ObligationFilter{From: from, To: to}); err != nil {
			return nil, err
		}
		// The next 60 days in one query; the few other meetings the action
		// rows name, one by one (a window of a year may hold thousands).
		ms, err := a.st.Meetings(ctx, store.MeetingFilter{From: now, To: now.AddDate(0, 0, 60), Limit: 1000})
		if err != nil {
			return nil, err
		}
		for i := range ms {
			d.meetings[ms[i].ID] = &ms[i]
		}
		d.next = ms
		shown := 0
		for _, ob := range d.obligations {
			if d.meetings[ob.MeetingID] != nil || !(ob.State.NeedsAction() || ob.State == model.Missed) || ob.State == model.Owed {
				continue
			}
			if shown++; shown > 2*maxRows {
				break
			}
			m, err := a.st.Meeting(ctx, ob.MeetingID)
			if err != nil {
				return nil, err
			}
			d.meetings[m.ID] = m
		}
		d.series, err = a.st.SeriesList(ctx)
		return d, err
	}, s.show)
}

func (s *dashboardScreen) show(d *dashData) {
	a := s.app
	c := a.cat
	now := a.now()
	s.items = map[string][]dashItem{}
	title := func(id int64) string {
		if m := d.meetings[id]; m != nil {
			return m.Title + " — " + meetingWhen(m)
		}
		return fmt.Sprintf("#%d", id)
	}
	obs := slices.Clone(d.obligations)
	slices.SortStableFunc(obs, func(x, y model.Obligation) int {
		return slices.Index(model.ObligationStates, x.State) - slices.Index(model.ObligationStates, y.State)
	})
	words := a.words()
	for i := range obs {
		ob := &obs[i]
		id := ob.MeetingID
		it := dashItem{State: stateLabel(ob.State), Title: title(id), Reason: words.Reason(c, ob) + " (" + ob.Article + ")", imp: stateImportance(ob.State)}
		switch {
		case ob.Incoming && (ob.State == model.Overdue || ob.State == model.DueSoon):
			it.Title = c.Acronym(ob.From) + " → " + c.Acronym(ob.To) + ": " + it.Title
			it.open = func() { a.meetings.open(id) }
			s.items[secReciprocity] = append(s.items[secReciprocity], it)
		case !ob.Incoming && ob.State == model.Missed:
			it.Title = c.Acronym(ob.From) + " → " + c.Acronym(ob.To) + ": " + it.Title
			it.open = func() { a.invitations.openMeeting(id) }
			it.ob = *ob
			s.items[secMissed] = append(s.items[secMissed], it)
		case !ob.Incoming && ob.State.NeedsAction() && ob.State != model.Owed:
			it.Title = c.Acronym(ob.From) + " → " + c.Acronym(ob.To) + ": " + it.Title
			it.open = func() { a.invitations.openMeeting(id) }
			s.items[secOutgoing] = append(s.items[secOutgoing], it)
		}
	}
	s.addConsultations(d, now)
	for i := range d.next {
		m := &d.next[i]
		id := m.ID
		state, imp := statusLabel(m.Status), widget.MediumImportance
		for _, ob := range d.obligations {
			if ob.MeetingID == id && !ob.Incoming && ob.State != model.NotOwed {
				state, imp = stateLabel(ob.State), stateImportance(ob.State)
				break
			}
		}
		s.items[secNext] = append(s.items[secNext], dashItem{State: state, Title: m.Title,
			Reason: meetingWhen(m) + " · " + c.Acronym(m.ConvenerID) + " · " + kindLabel(m.Kind) + " · " + m.Venue.String(),
			imp:    imp, open: func() { a.meetings.open(id) }})
	}

	rows := func(key string) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		for i, it := range s.items[key] {
			if i == maxRows {
				out = append(out, widget.NewLabel(lang.L("… and more")))
				break
			}
			if key == secMissed {
				out = append(out, s.missedRow(it, it.ob))
				continue
			}
			out = append(out, reasonRow(it.State, it.Title, it.Reason, it.imp, it.open))
		}
		return out
	}
	s.body.Objects = []fyne.CanvasObject{
		section(lang.L("Observer invitations to send (Article 2)"), rows(secOutgoing), lang.L("Nothing overdue or due this week.")),
		section(lang.L("Missed: the meeting began before the invitation went"), rows(secMissed), lang.L("No invitation was missed.")),
		section(lang.L("Invitations partners owe us (reciprocity)"), rows(secReciprocity), lang.L("No partner is late with an invitation to us.")),
		section(lang.L("Consultations (Article 8)"), rows(secConsultations), lang.L("No consultation scheduled in the next 90 days.")),
		section(lang.L("Open action items"), rows(secActions), lang.L("No open action items.")),
		section(lang.L("The next 60 days"), rows(secNext), lang.L("No meetings in the next 60 days.")),
	}
	s.body.Refresh()
	if a.OnDashboardShown != nil {
		a.OnDashboardShown()
	}
}

// addConsultations adds the next consultations, cadence alerts and open
// action items.
func (s *dashboardScreen) addConsultations(d *dashData, now time.Time) {
	a := s.app
	c := a.cat
	today := model.DateOf(now)
	ptrs := make([]*model.ConsultationSeries, len(d.series))
	for i := range d.series {
		ptrs[i] = &d.series[i]
	}
	for gi := range c.Agreements {
		g := &c.Agreements[gi]
		if al, ok, err := model.Cadence(g, ptrs, today); err == nil && ok {
			s.items[secConsultations] = append(s.items[secConsultations], dashItem{State: lang.L("Cadence"), Title: g.ShortName,
				Reason: a.words().Cadence(al) + " (" + al.Article + ")", imp: widget.DangerImportance, open: func() { a.Show("consultations") }})
		}
	}
	for _, sr := range ptrs {
		id := sr.ID
		ins, err := sr.Instances(now, now.AddDate(0, 0, 90))
		if err == nil {
			for i, in := range ins {
				if i == 3 {
					break
				}
				st, imp := lang.L("Scheduled"), widget.HighImportance
				if in.Cancelled() {
					st, imp = lang.L("Cancelled"), widget.LowImportance
				}
				s.items[secConsultations] = append(s.items[secConsultations], dashItem{State: st, Title: sr.Title,
					Reason: in.Start.In(sr.Location()).Format("2006-01-02 15:04") + " " + shortZone(sr.Zone) + " · " + in.Venue.String(),
					imp:    imp, open: func() { a.consultations.openSeries(id) }})
			}
		}
		for _, o := range sr.Occurrences {
			for _, ai := range o.ActionItems {
				if ai.Done {
					continue
				}
				st, imp := lang.L("Open"), widget.MediumImportance
				if !ai.Due.IsZero() && ai.Due.Before(today) {
					st, imp = lang.L("Overdue"), widget.DangerImportance
				}
				s.items[secActions] = append(s.items[secActions], dashItem{State: st, Title: ai.Text,
					Reason: c.Acronym(ai.OwnerOrg) + " · " + lang.L("due") + " " + dateText(ai.Due) + " · " + sr.Title + " " + model.DateOf(o.OriginalStart).String(),
					imp:    imp, open: func() { a.consultations.openSeries(id) }})
			}
		}
	}
}
