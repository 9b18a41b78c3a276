// Package briefing gathers a brief's records from the store for ui/brief:
// liaison brief and the app's Print brief and Briefing pack call it.
//
// The command line and the desktop app thus print the same brief from the
// same code: one meeting, one consultation, or a pack for a period. It sits
// between store and ui/brief, which knows nothing of the database, and
// says the Article 2 reasons in words with ui/explain.
package briefing

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/ui/brief"
	"github.com/liaison-app/liaison/ui/explain"
)

// previousLimit is how many earlier meetings of the same kind a brief recalls.
const previousLimit = 5

// Meeting gathers the brief of one meeting. forOrg nil makes an
// internal-use brief; a partner makes one fit to hand to it.
func Meeting(ctx context.Context, st *store.Store, id int64, forOrg *model.Organization, now time.Time) (brief.MeetingBrief, error) {
	cat, err := st.Catalog(ctx)
	if err != nil {
		return brief.MeetingBrief{}, err
	}
	g := gatherer{ctx: ctx, st: st, cat: cat, now: now}
	if err := g.loadShared(); err != nil {
		return brief.MeetingBrief{}, err
	}
	m, err := st.Meeting(ctx, id)
	if err != nil {
		return brief.MeetingBrief{}, err
	}
	return g.meeting(m, forOrg)
}

// Consultation gathers the brief of the consultation that series id holds
// on day (by its rule, or where it was moved to).
func Consultation(ctx context.Context, st *store.Store, id int64, day model.Date, forOrg *model.Organization, now time.Time) (brief.ConsultationBrief, error) {
	cat, err := st.Catalog(ctx)
	if err != nil {
		return brief.ConsultationBrief{}, err
	}
	g := gatherer{ctx: ctx, st: st, cat: cat, now: now}
	if err := g.loadShared(); err != nil {
		return brief.ConsultationBrief{}, err
	}
	s, err := st.Series(ctx, id)
	if err != nil {
		return brief.ConsultationBrief{}, err
	}
	ins, err := g.instances(s)
	if err != nil {
		return brief.ConsultationBrief{}, err
	}
	for i := range ins {
		if model.DateOf(ins[i].Start.In(s.Location())) == day || model.DateOf(ins[i].OriginalStart.In(s.Location())) == day {
			return g.consultation(ins, i, forOrg), nil
		}
	}
	return brief.ConsultationBrief{}, model.Invalid("on", "consultation %d (%s) has no occurrence on %s", id, s.Title, day)
}

// Pack gathers every meeting and consultation from the first day to the
// last (both included, in our headquarters' zone).
func Pack(ctx context.Context, st *store.Store, from, to model.Date, forOrg *model.Organization, now time.Time) (brief.Pack, error) {
	if to.Before(from) {
		return brief.Pack{}, model.Invalid("to", "the last day %s is before the first day %s", to, from)
	}
	cat, err := st.Catalog(ctx)
	if err != nil {
		return brief.Pack{}, err
	}
	g := gatherer{ctx: ctx, st: st, cat: cat, now: now}
	if err := g.loadShared(); err != nil {
		return brief.Pack{}, err
	}
	loc := cat.HQZone()
	start, end := from.In(loc), to.AddDays(1).In(loc)
	pk := brief.Pack{Catalog: cat, From: from, To: to, ForOrg: forOrg, Generated: now}
	ms, err := st.Meetings(ctx, store.MeetingFilter{From: start, To: end})
	if err != nil {
		return brief.Pack{}, err
	}
	for i := range ms {
		b, err := g.meeting(&ms[i], forOrg)
		if err != nil {
			return brief.Pack{}, err
		}
		pk.Meetings = append(pk.Meetings, b)
	}
	for i := range g.series {
		ins, err := g.instances(&g.series[i])
		if err != nil {
			return brief.Pack{}, err
		}
		for j := range ins {
			if !ins[j].Start.Before(start) && ins[j].Start.Before(end) {
				pk.Consultations = append(pk.Consultations, g.consultation(ins, j, forOrg))
			}
		}
	}
	return pk, nil
}

// gatherer holds what every brief of one run shares.
type gatherer struct {
	ctx     context.Context
	st      *store.Store
	cat     *model.Catalog
	now     time.Time
	focal   []model.FocalPoint
	series  []model.ConsultationSeries
	actions []store.OpenAction
}

func (g *gatherer) loadShared() error {
	var err error
	if g.focal, err = g.st.FocalPoints(g.ctx); err != nil {
		return err
	}
	if g.series, err = g.st.SeriesList(g.ctx); err != nil {
		return err
	}
	g.actions, err = g.st.OpenActionItems(g.ctx)
	return err
}

func (g *gatherer) meeting(m *model.Meeting, forOrg *model.Organization) (brief.MeetingBrief, error) {
	invs, err := g.st.Invitations(g.ctx, m.ID)
	if err != nil {
		return brief.MeetingBrief{}, err
	}
	obs := model.Obligations(g.cat, m, invs, g.now)
	b := brief.MeetingBrief{Catalog: g.cat, Meeting: m, Invitations: invs, Obligations: obs, ForOrg: forOrg, Generated: g.now,
		Reason: func(ob *model.Obligation) string { return explain.English().Reason(g.cat, ob) }}

	// The organizations involved: the convener and every addressee.
	orgs := []int64{m.ConvenerID}
	var agreements []int64
	for _, ob := range obs {
		if !slices.Contains(orgs, ob.To) {
			orgs = append(orgs, ob.To)
		}
		if !slices.Contains(agreements, ob.AgreementID) {
			agreements = append(agreements, ob.AgreementID)
		}
	}
	us := g.cat.Us()
	day := m.StartDay()
	for _, f := range g.focal {
		if !f.ActiveOn(day) || !slices.Contains(agreements, f.AgreementID) {
			continue
		}
		switch {
		case us != nil && f.OrgID == us.ID:
			b.OurFocalPoints = append(b.OurFocalPoints, f)
		case slices.Contains(orgs, f.OrgID) && (forOrg == nil || f.OrgID == forOrg.ID):
			b.PartnerFocalPoints = append(b.PartnerFocalPoints, f)
		}
	}

	// Earlier meetings of the same kind, convened by one of the same organizations.
	prev, err := g.st.Meetings(g.ctx, store.MeetingFilter{To: m.StartsAt(), Kind: m.Kind, Order: store.ByStartDesc, Limit: 50})
	if err != nil {
		return brief.MeetingBrief{}, err
	}
	for _, p := range prev {
		if p.ID != m.ID && slices.Contains(orgs, p.ConvenerID) && len(b.Previous) < previousLimit {
			if forOrg != nil && !model.VisibleTo(g.cat, p.Confidentiality, p.ConvenerID, forOrg.ID) {
				continue
			}
			b.Previous = append(b.Previous, p)
		}
	}

	// The last consultation held under the same agreements, and what is still open.
	var last *model.Instance
	for i := range g.series {
		if !slices.Contains(agreements, g.series[i].AgreementID) {
			continue
		}
		ins, err := g.instances(&g.series[i])
		if err != nil {
			return brief.MeetingBrief{}, err
		}
		for j := range ins {
			if ins[j].Held() && ins[j].Start.Before(m.StartsAt()) && (last == nil || ins[j].Start.After(last.Start)) {
				last = &ins[j]
			}
		}
	}
	b.LastConsultation = last
	for _, a := range g.actions {
		if slices.Contains(agreements, a.AgreementID) {
			b.OpenActions = append(b.OpenActions, a.ActionItem)
		}
	}
	return b, nil
}

// instances expands a series over its whole recorded life: from its start
// to three years ahead of now.
func (g *gatherer) instances(s *model.ConsultationSeries) ([]model.Instance, error) {
	ins, err := s.Instances(s.Start.Add(-time.Hour), g.now.AddDate(3, 0, 0))
	if err != nil {
		return nil, fmt.Errorf("consultation %d (%s): %w", s.ID, s.Title, err)
	}
	return ins, nil
}

func (g *gatherer) consultation(ins []model.Instance, i int, forOrg *model.Organization) brief.ConsultationBrief {
	in := &ins[i]
	b := brief.ConsultationBrief{Catalog: g.cat, Instance: in, ForOrg: forOrg, Generated: g.now}
	for j := i - 1; j >= 0; j-- {
		if !ins[j].Cancelled() {
			b.Previous = &ins[j]
			break
		}
	}
	us := g.cat.Us()
	day := model.DateOf(in.Start.In(in.Series.Location()))
	for _, f := range g.focal {
		if f.AgreementID != in.Series.AgreementID || !f.ActiveOn(day) {
			continue
		}
		if us != nil && f.OrgID == us.ID {
			b.OurFocalPoints = append(b.OurFocalPoints, f)
		} else if forOrg == nil || f.OrgID == forOrg.ID {
			b.PartnerFocalPoints = append(b.PartnerFocalPoints, f)
		}
	}
	b.OpenActions = []model.ActionItem{}
	for _, a := range g.actions {
		if a.AgreementID == in.Series.AgreementID {
			b.OpenActions = append(b.OpenActions, a.ActionItem)
		}
	}
	return b
}
