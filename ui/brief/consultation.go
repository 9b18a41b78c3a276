package brief

import (
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
)

// consultationView is a ConsultationBrief with what its audience may not
// see taken out.
type consultationView struct {
	c        *model.Catalog
	in       *model.Instance
	s        *model.ConsultationSeries
	g        *model.Agreement // nil when the catalog does not know it
	title    string
	forOrg   *model.Organization
	prev     *model.Instance
	actions  []model.ActionItem
	ours     []model.FocalPoint
	partners []model.FocalPoint
}

func (b *ConsultationBrief) view(forOrg *model.Organization) (*consultationView, error) {
	if b.Catalog == nil {
		return nil, errMissing("catalog", "a brief needs the catalog of organizations and agreements")
	}
	if b.Instance == nil || b.Instance.Series == nil {
		return nil, errMissing("consultation", "no consultation (with its series) to brief on")
	}
	c, in, s := b.Catalog, b.Instance, b.Instance.Series
	v := &consultationView{c: c, in: in, s: s, g: c.Agreement(s.AgreementID), forOrg: forOrg,
		prev: b.Previous, actions: b.OpenActions, ours: b.OurFocalPoints, partners: b.PartnerFocalPoints}
	v.title = s.Title + " — " + in.Start.In(s.Location()).Format("2 January 2006")
	if v.actions == nil && b.Previous != nil && b.Previous.Record != nil {
		v.actions = filter(b.Previous.Record.ActionItems, func(a model.ActionItem) bool { return !a.Done })
	}
	if forOrg == nil {
		return v, nil
	}
	if s.Confidentiality == model.Internal {
		return nil, fmt.Errorf("brief: %w", model.Invalid("for", "%q is an internal consultation series: it is never shown to a partner, so no brief can be made for %s", oneLine(s.Title), forOrg.Acronym))
	}
	if v.g == nil || !v.g.HasParty(forOrg.ID) {
		return nil, fmt.Errorf("brief: %w", model.Invalid("for", "%s is not a party to the agreement of %q", forOrg.Acronym, oneLine(s.Title)))
	}
	us := int64(-1)
	if o := c.Us(); o != nil {
		us = o.ID
	}
	v.ours = filter(v.ours, func(f model.FocalPoint) bool { return f.AgreementID == 0 || f.AgreementID == v.g.ID })
	v.partners = filter(v.partners, func(f model.FocalPoint) bool { return f.OrgID == forOrg.ID })
	v.actions = filter(v.actions, func(a model.ActionItem) bool { return a.OwnerOrg == forOrg.ID || a.OwnerOrg == us })
	return v, nil
}

func (w *writer) consultation(v *consultationView) {
	c, in, s := v.c, v.in, v.s
	var ags []*model.Agreement
	art := "Art. 8"
	if v.g != nil {
		ags = []*model.Agreement{v.g}
		if v.g.ConsultationArticle != "" {
			art = v.g.ConsultationArticle
		}
	}
	w.newPage(w.pageHead(v.title, s.Confidentiality, ags, v.forOrg))
	kicker := "CONSULTATION BRIEF · " + strings.ToUpper(art)
	if in.Cancelled() {
		kicker += " · CANCELLED"
	}
	if w.level > 0 {
		w.bookmark(v.title, 0)
	}
	w.title(kicker, v.title)

	if v.g != nil {
		w.field("Agreement", join(", ", agreementName(v.g), art))
		parties := make([]string, len(v.g.Parties))
		for i, p := range v.g.Parties {
			parties[i] = orgName(c, p.OrgID)
		}
		w.field("Parties", strings.Join(parties, "\n"))
	}
	w.field("Series", s.Title)
	w.field("Occurrence", fmt.Sprintf("No. %d of the series", in.Index+1))
	w.field("Status", instanceStatus(in))
	w.field("Confidentiality", confidentialityText(s.Confidentiality))
	loc := s.Location()
	w.times(in.Start, in.End, loc)
	w.field("Venue", join(", ", in.Venue.Name, in.Venue.City, in.Venue.Country))
	w.field("Address", in.Venue.Address)
	w.field("Online link", in.Venue.OnlineURL)

	w.section("Agenda")
	if in.Record == nil || len(in.Record.Agenda) == 0 {
		w.note("No agenda recorded yet.")
	} else {
		for i, it := range in.Record.Agenda {
			areas := areaList(c, it.AreaIDs)
			if areas == "" {
				areas = "none given"
			}
			w.item(fmt.Sprintf("%d.", i+1), it.Title, "Areas of cooperation: "+areas, 0)
		}
	}

	w.section("Previous consultation")
	if p := v.prev; p == nil {
		w.note("This is the first consultation on record.")
	} else {
		pl := s.Location()
		if p.Series != nil {
			pl = p.Series.Location()
		}
		w.field("When", timeSpan(p.Start, p.End, pl))
		if p.Series != nil && p.Series != s {
			w.field("Series", p.Series.Title)
		}
		w.field("Where", join(", ", p.Venue.Name, p.Venue.City, p.Venue.Country))
		w.field("Status", instanceStatus(p))
		w.subhead("Minutes")
		if p.Record == nil || strings.TrimSpace(p.Record.Minutes) == "" {
			w.note("No minutes recorded.")
		} else {
			w.para(p.Record.Minutes)
		}
		w.subhead("Outcomes")
		w.outcomes(p)
	}
	w.section("Follow-up")
	w.actionItems(v.actions)

	w.contacts(v.ours, v.partners)
	if v.forOrg == nil && strings.TrimSpace(s.Notes) != "" {
		w.section("Internal notes — INTERNAL, not for partners")
		w.para(s.Notes)
	}
}
