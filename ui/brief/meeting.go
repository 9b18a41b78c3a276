package brief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// meetingView is a MeetingBrief with what its audience may not see taken out.
type meetingView struct {
	c           *model.Catalog
	m           *model.Meeting
	forOrg      *model.Organization
	agreements  []*model.Agreement
	obligations []model.Obligation
	invitations []model.Invitation
	reason      func(*model.Obligation) string
	ours        []model.FocalPoint
	partners    []model.FocalPoint
	previous    []model.Meeting
	last        *model.Instance
	actions     []model.ActionItem
}

func (b *MeetingBrief) view(forOrg *model.Organization) (*meetingView, error) {
	if b.Catalog == nil {
		return nil, errMissing("catalog", "a brief needs the catalog of organizations and agreements")
	}
	if b.Meeting == nil {
		return nil, errMissing("meeting", "no meeting to brief on")
	}
	c, m := b.Catalog, b.Meeting
	v := &meetingView{c: c, m: m, forOrg: forOrg, agreements: b.Agreements,
		obligations: b.Obligations, invitations: b.Invitations, reason: b.Reason, ours: b.OurFocalPoints,
		partners: b.PartnerFocalPoints, previous: b.Previous, last: b.LastConsultation, actions: b.OpenActions}
	if v.obligations == nil {
		gen := b.Generated
		if gen.IsZero() {
			gen = time.Now()
		}
		v.obligations = model.Obligations(c, m, b.Invitations, gen)
	}
	if v.agreements == nil {
		for _, ob := range v.obligations {
			if g := c.Agreement(ob.AgreementID); g != nil && !slices.Contains(v.agreements, g) {
				v.agreements = append(v.agreements, g)
			}
		}
	}
	if v.agreements == nil {
		v.agreements = c.AgreementsOf(m.ConvenerID)
	}
	if forOrg == nil {
		return v, nil
	}
	if !model.VisibleTo(c, m.Confidentiality, m.ConvenerID, forOrg.ID) {
		if m.Confidentiality == model.Internal {
			return nil, fmt.Errorf("brief: %w", model.Invalid("for", "%q is an internal meeting: it is never shown to a partner, so no brief can be made for %s", oneLine(m.Title), forOrg.Acronym))
		}
		return nil, fmt.Errorf("brief: %w", model.Invalid("for", "%q is for the parties to %s's agreements, and %s is not one: no brief can be made for it", oneLine(m.Title), c.Acronym(m.ConvenerID), forOrg.Acronym))
	}
	v.agreements = slices.DeleteFunc(slices.Clone(v.agreements), func(g *model.Agreement) bool { return !g.HasParty(forOrg.ID) })
	if len(v.agreements) == 0 {
		return nil, fmt.Errorf("brief: %w", model.Invalid("for", "%s is not a party to an agreement with %s", forOrg.Acronym, c.Acronym(m.ConvenerID)))
	}
	us := int64(-1)
	if o := c.Us(); o != nil {
		us = o.ID
	}
	partner := forOrg.ID
	v.obligations = filter(v.obligations, func(o model.Obligation) bool { return o.To == partner || o.From == partner })
	v.invitations = filter(b.Invitations, func(i model.Invitation) bool { return i.ToOrgID == partner || i.FromOrgID == partner })
	v.ours = filter(b.OurFocalPoints, func(f model.FocalPoint) bool {
		return f.AgreementID == 0 || slices.ContainsFunc(v.agreements, func(g *model.Agreement) bool { return g.ID == f.AgreementID })
	})
	v.partners = filter(b.PartnerFocalPoints, func(f model.FocalPoint) bool { return f.OrgID == partner })
	v.previous = filter(b.Previous, func(p model.Meeting) bool { return model.VisibleTo(c, p.Confidentiality, p.ConvenerID, partner) })
	if !shareable(c, b.LastConsultation, partner) {
		v.last = nil
	}
	v.actions = filter(b.OpenActions, func(a model.ActionItem) bool { return a.OwnerOrg == partner || a.OwnerOrg == us })
	return v, nil
}

// shareable reports whether a consultation may be recalled to partner.
func shareable(c *model.Catalog, in *model.Instance, partner int64) bool {
	if in == nil || in.Series == nil || in.Series.Confidentiality == model.Internal {
		return false
	}
	g := c.Agreement(in.Series.AgreementID)
	return g != nil && g.HasParty(partner)
}

func filter[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, x := range s {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// pageHead is the header of a brief's pages: who, under what, for whom,
// and how confidential.
func (w *writer) pageHead(title string, level model.Confidentiality, agreements []*model.Agreement, forOrg *model.Organization) head {
	names := make([]string, 0, len(agreements))
	for _, g := range agreements {
		names = append(names, agreementName(g))
	}
	h := head{agreements: strings.Join(names, ", "), title: title, mark: w.marking(level, agreements)}
	if forOrg != nil {
		h.audience = "Brief prepared for " + forOrg.Acronym
	} else {
		h.audience = "Internal-use brief: includes internal notes — not to be handed to a partner"
	}
	return h
}

func (w *writer) marking(level model.Confidentiality, agreements []*model.Agreement) marking {
	us := "our organization"
	if o := w.cat.Us(); o != nil {
		us = o.Acronym
	}
	switch level {
	case model.Internal:
		return marking{level: level, title: "INTERNAL — " + us + " use only — never to be shared with a partner", short: "INTERNAL — " + us + " only"}
	case model.PartiesOnly:
		art, notice := "", ""
		for _, g := range agreements {
			if art == "" {
				art = g.ConfidentialityArticle
			}
			if notice == "" {
				notice = g.ConfidentialityNotice
			}
		}
		if art == "" {
			art = "Art. 10"
		}
		if notice == "" {
			notice = Article10
		}
		return marking{level: level, title: "CONFIDENTIAL — for the parties only (" + art + ")", notice: art + ": " + notice, short: "CONFIDENTIAL — parties only (" + art + ")"}
	}
	return marking{level: level}
}

func (w *writer) meeting(v *meetingView) {
	c, m := v.c, v.m
	w.newPage(w.pageHead(m.Title, m.Confidentiality, v.agreements, v.forOrg))
	kicker := "MEETING BRIEF · " + strings.ToUpper(capital(string(m.Kind)))
	if m.Status == model.StatusCancelled || m.Status == model.StatusPostponed {
		kicker += " · " + strings.ToUpper(string(m.Status))
	}
	if w.level > 0 {
		w.bookmark(m.Title, 0)
	}
	w.title(kicker, m.Title)

	w.field("Kind", capital(string(m.Kind)))
	w.field("Convener", orgName(c, m.ConvenerID))
	w.field("Status", capital(string(m.Status)))
	w.field("Confidentiality", confidentialityText(m.Confidentiality))
	w.when(m)
	w.field("Venue", join(", ", m.Venue.Name, m.Venue.City, m.Venue.Country))
	w.field("Address", m.Venue.Address)
	w.field("Online link", m.Venue.OnlineURL)
	w.field("Observers", observersText(m))
	w.field("Areas", areaList(c, m.AreaIDs))
	w.field("Version", fmt.Sprintf("%d (changes of time, place or status raise it)", m.Sequence))

	w.section("Partners: observer invitations (Art. 2)")
	if len(v.obligations) == 0 {
		w.note("No agreement on record binds the convener to invite a partner to this meeting.")
	}
	for _, ob := range v.obligations {
		w.obligation(v, ob)
	}

	w.section("Agenda")
	if len(m.Agenda) == 0 {
		w.note("No agenda recorded yet.")
	}
	for i, it := range m.Agenda {
		areas := areaList(c, it.AreaIDs)
		if areas == "" {
			areas = "none given"
		}
		w.item(fmt.Sprintf("%d.", i+1), it.Title, "Areas of cooperation: "+areas, 0)
	}

	w.contacts(v.ours, v.partners)

	w.section("Background")
	if strings.TrimSpace(m.Background) == "" {
		w.note("No background recorded.")
	} else {
		w.para(m.Background)
	}
	if v.forOrg == nil && strings.TrimSpace(m.Notes) != "" {
		w.section("Internal notes — INTERNAL, not for partners")
		w.para(m.Notes)
	}

	w.section("Related history")
	w.subhead("Previous meetings of this kind")
	if len(v.previous) == 0 {
		w.note("None on record.")
	}
	for _, p := range v.previous {
		w.item("•", p.Title, join(" · ", w.meetingDays(&p), capital(string(p.Status)), join(", ", p.Venue.City, p.Venue.Country)), 0)
	}
	w.subhead("Last consultation")
	if v.last == nil {
		w.note("None on record.")
	} else {
		in := v.last
		w.note(join(" · ", seriesTitle(in), timeSpan(in.Start, in.End, instanceLoc(in)), instanceStatus(in)))
		w.outcomes(in)
	}
	w.actionItems(v.actions)
}

// when prints the dates and times, in the venue's zone and ours.
func (w *writer) when(m *model.Meeting) {
	if m.AllDay {
		days := daySpan(m.FirstDay, m.LastDay)
		if m.Zone != "" {
			days += "\n(" + m.Zone + ")"
		}
		w.field("Days", days)
		return
	}
	loc := m.Location()
	w.times(m.Start, m.End, loc)
}

// times prints the start and end in the venue's zone and in our
// headquarters' zone, each labelled, the zone named after the time.
func (w *writer) times(start, end time.Time, venue *time.Location) {
	w.field("Time at the venue", timeSpan(start, end, venue)+"\n("+venue.String()+")")
	hq := timeSpan(start, end, w.hq) + "\n(" + w.hq.String()
	if w.hq.String() == venue.String() {
		hq += ", the venue's zone too"
	}
	label := "Time at our headquarters"
	if us := w.cat.Us(); us != nil {
		label = "Time at " + us.Acronym + " headquarters"
	}
	w.field(label, hq+")")
}

func (w *writer) meetingDays(m *model.Meeting) string {
	if m.AllDay {
		return daySpan(m.FirstDay, m.LastDay)
	}
	return timeSpan(m.Start, m.End, m.Location())
}

func (w *writer) obligation(v *meetingView, ob model.Obligation) {
	c := v.c
	partner, from, to := ob.To, c.Acronym(ob.From), c.Acronym(ob.To)
	if ob.Incoming {
		partner = ob.From
	}
	// What the rule concludes is the office's own working (what to do, by
	// when, a waiver's reason): a partner's brief gives only the facts.
	internal := v.forOrg == nil
	w.subhead(orgName(c, partner))
	if internal {
		w.field("Article 2", obligationLabel(ob.State))
		if v.reason != nil {
			w.field("Why", v.reason(&ob))
		}
	}
	w.field("Invitation", "from "+from+" to "+to+", "+join(", ", ob.Article, agreementName(c.Agreement(ob.AgreementID))))
	if internal && !ob.Due.IsZero() {
		w.field("Due", longDate(ob.Due))
	}
	w.field("Areas of interest", areaList(c, ob.Areas))
	inv := findInvitation(v.invitations, ob)
	w.field("Sent", w.sentText(v.m, inv))
	reply := replyLabel(inv, w.hq)
	if !internal && (inv == nil || inv.State == model.InvWaived) {
		reply = "None"
	}
	w.field("Reply", reply)
	if inv != nil && len(inv.Representatives) > 0 {
		names := make([]string, len(inv.Representatives))
		for i, r := range inv.Representatives {
			names[i] = join(", ", r.String(), r.Role)
		}
		w.field("Representatives", strings.Join(names, "\n"))
	}
}

func findInvitation(invs []model.Invitation, ob model.Obligation) *model.Invitation {
	for i := range invs {
		if ob.InvitationID != 0 && invs[i].ID == ob.InvitationID {
			return &invs[i]
		}
	}
	for i := range invs {
		if invs[i].ToOrgID == ob.To && invs[i].FromOrgID == ob.From {
			return &invs[i]
		}
	}
	return nil
}

func (w *writer) sentText(m *model.Meeting, inv *model.Invitation) string {
	if inv == nil || inv.SentAt.IsZero() {
		return "Not sent"
	}
	s := fmt.Sprintf("%s, version %d", stamp(inv.SentAt, w.hq), inv.SentSequence)
	if inv.SentVia != "" {
		s += ", by " + inv.SentVia
	}
	if m.Sequence > inv.SentSequence {
		s += fmt.Sprintf(" — the meeting has changed since (now version %d)", m.Sequence)
	}
	return s
}

func (w *writer) contacts(ours, partners []model.FocalPoint) {
	w.section("Contacts: focal points (Art. 7)")
	us := "Ours"
	if o := w.cat.Us(); o != nil {
		us = "Ours (" + o.Acronym + ")"
	}
	w.subhead(us)
	w.focalPoints(ours)
	w.subhead("The partners'")
	w.focalPoints(partners)
}

func (w *writer) focalPoints(fps []model.FocalPoint) {
	if len(fps) == 0 {
		w.note("None on record.")
	}
	for _, f := range fps {
		art := ""
		if g := w.cat.Agreement(f.AgreementID); g != nil {
			art = join(", ", g.FocalPointArticle, agreementName(g))
		}
		period := ""
		if !f.From.IsZero() || !f.To.IsZero() {
			period = strings.TrimSpace("serving " + join(" ", prefix("from ", f.From.String()), prefix("to ", f.To.String())))
		}
		w.item("•", join(", ", f.Name, f.Title)+" ("+w.cat.Acronym(f.OrgID)+")", join(" · ", f.Email, f.Phone, art, period), 0)
	}
}

func prefix(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

// outcomes prints what an occurrence decided.
func (w *writer) outcomes(in *model.Instance) {
	if in.Record == nil || len(in.Record.Outcomes) == 0 {
		w.note("No outcomes recorded.")
		return
	}
	for _, o := range in.Record.Outcomes {
		w.item("•", o, "", 0)
	}
}

func (w *writer) actionItems(items []model.ActionItem) {
	w.subhead("Open action items")
	if len(items) == 0 {
		w.note("None open.")
	}
	today := model.DateOf(w.generated)
	for _, a := range items {
		text, detail := actionLine(w.cat, a, today)
		w.item("□", text, detail, 0)
	}
}

func areaList(c *model.Catalog, ids []int64) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = c.AreaName(id)
	}
	return strings.Join(names, "; ")
}

func confidentialityText(l model.Confidentiality) string {
	switch l {
	case model.Public:
		return "Public"
	case model.PartiesOnly:
		return "Parties only (Art. 10)"
	case model.Internal:
		return "Internal: our organization only"
	}
	return capital(string(l))
}

func observersText(m *model.Meeting) string {
	s := "No intergovernmental organizations invited"
	if m.IGOsInvited {
		s = "Intergovernmental organizations invited"
	}
	if m.ObserversExcluded {
		s += "; observers excluded by the rules of procedure: " + m.ExclusionReason
	}
	return s
}

func instanceStatus(in *model.Instance) string {
	switch {
	case in.Cancelled():
		return "Cancelled"
	case in.Held():
		return "Held"
	case in.Record != nil && in.Record.Moved():
		return "Moved from " + in.OriginalStart.In(instanceLoc(in)).Format("2 January 2006")
	}
	return "Scheduled"
}

// instanceLoc is the zone of an instance's series, UTC when it has none.
func instanceLoc(in *model.Instance) *time.Location {
	if in.Series == nil {
		return time.UTC
	}
	return in.Series.Location()
}

func seriesTitle(in *model.Instance) string {
	if in.Series == nil {
		return "Consultation"
	}
	return in.Series.Title
}
