package exchange

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store/ical"
)

// isSeries reports whether an event is (part of) an Article 8 consultation
// series written by a copy of Liaison: its master, with the rule, or one
// of its occurrences, moved or held elsewhere.
func (im *importer) isSeries(ctx context.Context, it *ical.Item) bool {
	if !it.FromLiaison || it.Meeting.Kind != model.KindConsultation {
		return false
	}
	if it.RRule != "" {
		return true
	}
	if it.RecurrenceID.IsZero() {
		return false
	}
	_, err := im.st.SeriesByUID(ctx, it.UID)
	return err == nil
}

// series adds or updates a partner's consultation series as a series:
// the same rule, dates, cancelled occurrences and venue rotation, so that
// both secretariats hold the same schedule.
func (im *importer) series(ctx context.Context, it *ical.Item, org int64, l *Line) error {
	if !it.RecurrenceID.IsZero() {
		return im.occurrence(ctx, it, l)
	}
	m := it.Meeting
	if m.AllDay || !it.HasTime {
		return model.Invalid("dtstart", "a consultation series must start at a time of day")
	}
	g, err := im.agreementWith(org, it.Agreement)
	if err != nil {
		return err
	}
	s := model.ConsultationSeries{
		UID: it.UID, Sequence: it.Sequence, AgreementID: g.ID, Title: m.Title,
		Start: m.Start, Duration: m.End.Sub(m.Start), Zone: m.Zone, RRule: it.RRule,
		VenueRotation: it.VenueRotation, Confidentiality: m.Confidentiality,
	}
	if len(s.VenueRotation) == 0 && !m.Venue.IsZero() {
		s.VenueRotation = []model.Venue{m.Venue}
	}
	if s.Confidentiality == model.Internal {
		s.Confidentiality = model.PartiesOnly // a series sent to us is the parties' business
	}
	loc := s.Location()
	cancelled := make([]time.Time, 0, len(it.ExDates))
	for _, t := range it.ExDates {
		cancelled = append(cancelled, t.In(loc))
	}
	old, err := im.st.SeriesByUID(ctx, it.UID)
	switch {
	case errors.Is(err, model.ErrNotFound):
		for _, t := range cancelled {
			s.Occurrences = append(s.Occurrences, model.Occurrence{OriginalStart: t, Cancelled: true})
		}
		if err := im.st.CreateSeries(ctx, &s); err != nil {
			return err
		}
		l.What = "added"
		l.Why = strings.TrimPrefix(l.Why+"; consultation series "+s.RRule, "; ")
		return nil
	case err != nil:
		return err
	}
	// The series' SEQUENCE here counts our own saves of the partner's
	// occurrences too, so it cannot be compared with the partner's: the
	// file imported last is the partner's latest word.
	// The records kept here (minutes, outcomes, action items) stay; what
	// the partner's file says of the schedule replaces the rest.
	s.ID, s.Version, s.Notes, s.Created = old.ID, old.Version, old.Notes, old.Created
	for _, o := range old.Occurrences {
		o.Cancelled = slices.ContainsFunc(cancelled, func(t time.Time) bool { return t.Equal(o.OriginalStart) })
		s.Occurrences = append(s.Occurrences, o)
	}
	for _, t := range cancelled {
		if !slices.ContainsFunc(s.Occurrences, func(o model.Occurrence) bool { return o.OriginalStart.Equal(t) }) {
			s.Occurrences = append(s.Occurrences, model.Occurrence{OriginalStart: t, Cancelled: true})
		}
	}
	if err := im.st.UpdateSeries(ctx, &s); err != nil {
		return err
	}
	l.What = "updated"
	l.Why = strings.TrimPrefix(l.Why+"; consultation series "+s.RRule, "; ")
	return nil
}

// occurrence records one occurrence of a series, as its exception event
// says: moved, held at another venue than the rotation's, or cancelled.
func (im *importer) occurrence(ctx context.Context, it *ical.Item, l *Line) error {
	s, err := im.st.SeriesByUID(ctx, it.UID)
	if err != nil {
		return err
	}
	l.Title = s.Title
	loc := s.Location()
	orig := it.RecurrenceID.In(loc)
	ins, err := s.Instances(orig.Add(-time.Minute), orig.Add(time.Minute))
	if err != nil {
		return err
	}
	var in *model.Instance
	for i := range ins {
		if ins[i].OriginalStart.Equal(orig) {
			in = &ins[i]
		}
	}
	if in == nil {
		return model.Invalid("recurrence-id", "%s is not a date of the series %q (%s)", orig.Format("2006-01-02 15:04 MST"), s.Title, s.RRule)
	}
	o := model.Occurrence{SeriesID: s.ID, OriginalStart: orig}
	if in.Record != nil {
		o = *in.Record
	}
	m := it.Meeting
	o.Start, o.End = time.Time{}, time.Time{}
	if it.HasTime && !m.AllDay && (!m.Start.Equal(orig) || m.End.Sub(m.Start) != s.Duration) {
		o.Start, o.End = m.Start.In(loc), m.End.In(loc)
	}
	o.Venue = nil
	rotation := model.Venue{}
	if len(s.VenueRotation) > 0 {
		rotation = s.VenueRotation[in.Index%len(s.VenueRotation)]
	}
	if !m.Venue.IsZero() && m.Venue != rotation {
		v := m.Venue
		o.Venue = &v
	}
	o.Cancelled = m.Status == model.StatusCancelled
	if err := im.st.SaveOccurrence(ctx, s.ID, &o); err != nil {
		return err
	}
	l.What = "updated"
	var what []string
	if o.Moved() {
		what = append(what, "moved to "+o.Start.Format("2006-01-02 15:04 MST"))
	}
	if o.Venue != nil {
		what = append(what, "held at "+o.Venue.String())
	}
	if o.Cancelled {
		what = append(what, "cancelled")
	}
	if len(what) == 0 {
		what = append(what, "as the rule gives it")
	}
	l.Why = strings.TrimPrefix(l.Why+"; the consultation of "+orig.Format("2006-01-02")+": "+strings.Join(what, ", "), "; ")
	return nil
}

// agreementWith finds the agreement a partner's series is under: the one
// its file names, when we are both parties to it, else the only agreement
// the partner and we share.
func (im *importer) agreementWith(org int64, key string) (*model.Agreement, error) {
	var shared []*model.Agreement
	for _, g := range im.cat.AgreementsOf(org) {
		if im.us != nil && g.HasParty(im.us.ID) {
			if key != "" && strings.EqualFold(g.Key, key) {
				return g, nil
			}
			shared = append(shared, g)
		}
	}
	switch len(shared) {
	case 0:
		return nil, model.Invalid("agreement", "%s and we share no agreement: its consultation series has nowhere to go", im.cat.Acronym(org))
	case 1:
		return shared[0], nil
	}
	return nil, model.Invalid("agreement", "the series names no agreement we share with %s (%q), and there are %d: record it by hand", im.cat.Acronym(org), key, len(shared))
}

// seriesReply records, on a consultation series of ours, a partner's
// answer to it: in the series' notes, which the officer reads with it.
func (im *importer) seriesReply(ctx context.Context, it *ical.Item, s *model.ConsultationSeries, l *Line) error {
	l.Title = s.Title
	ans, org, err := im.partnerAnswer(it)
	if err != nil {
		return err
	}
	g := im.cat.Agreement(s.AgreementID)
	if g == nil || !g.HasParty(org) {
		return model.Invalid("uid", "%s replied to %q, but is not a party to its agreement", im.cat.Acronym(org), s.Title)
	}
	text := fmt.Sprintf("%s: %s %s the consultation series (version %d)", im.now.UTC().Format("2006-01-02"), im.cat.Acronym(org), ans.State, it.Sequence)
	if len(ans.Representatives) > 0 {
		names := make([]string, len(ans.Representatives))
		for i, r := range ans.Representatives {
			names[i] = r.String()
		}
		text += ", representatives: " + strings.Join(names, ", ")
	}
	if n := strings.TrimSpace(ans.Note); n != "" {
		text += "; " + n
	}
	text, _ = model.CleanText("reply", text, model.MaxTitle)
	s.Notes = strings.TrimPrefix(s.Notes+"\n"+text, "\n")
	if len(s.Notes) > model.MaxLongText { // the oldest replies give way
		s.Notes = s.Notes[len(s.Notes)-model.MaxLongText:]
		if i := strings.IndexByte(s.Notes, '\n'); i >= 0 {
			s.Notes = s.Notes[i+1:]
		}
	}
	if err := im.st.UpdateSeries(ctx, s); err != nil {
		return err
	}
	l.What = "reply"
	l.Why = text[len("2006-01-02: "):]
	return nil
}

// maxCancelled bounds the occurrences a partner's cancellation of a whole
// series marks cancelled: those of the next ten years, at most this many.
const maxCancelled = 200

// cancelSeries applies a partner's CANCEL to a consultation series: one
// occurrence (with RECURRENCE-ID), or every occurrence still to come.
func (im *importer) cancelSeries(ctx context.Context, it *ical.Item, s *model.ConsultationSeries, l *Line) error {
	l.Title = s.Title
	loc := s.Location()
	from, to := im.now, im.now.AddDate(10, 0, 0)
	if !it.RecurrenceID.IsZero() {
		from, to = it.RecurrenceID.Add(-time.Minute), it.RecurrenceID.Add(time.Minute)
	}
	ins, err := s.Instances(from, to)
	if err != nil {
		return err
	}
	n := 0
	for _, in := range ins {
		if in.Cancelled() || (!it.RecurrenceID.IsZero() && !in.OriginalStart.Equal(it.RecurrenceID)) {
			continue
		}
		if n == maxCancelled {
			break
		}
		o := model.Occurrence{SeriesID: s.ID, OriginalStart: in.OriginalStart.In(loc)}
		if in.Record != nil {
			o = *in.Record
		}
		o.Cancelled, o.Held = true, false
		if err := im.st.SaveOccurrence(ctx, s.ID, &o); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		l.What, l.Why = "unchanged", "already cancelled"
		return nil
	}
	l.What = "cancelled"
	if it.RecurrenceID.IsZero() {
		l.Why = fmt.Sprintf("the consultation series: its %d consultations to come are cancelled", n)
	} else {
		l.Why = "the consultation of " + it.RecurrenceID.In(loc).Format("2006-01-02")
	}
	return nil
}

// partnerAnswer is the answer a reply carries from the one partner
// organization whose attendees answered it, and that organization.
func (im *importer) partnerAnswer(it *ical.Item) (ical.Answer, int64, error) {
	var org int64
	ans, ok := it.Answer(func(email string) bool {
		o := im.orgOf(email)
		if o != 0 && !im.isUs(o) && (org == 0 || org == o) {
			org = o
			return true
		}
		return false
	})
	if !ok {
		return ans, 0, model.Invalid("attendee", "no attendee of a partner organization answered (accepted, tentative, declined or delegated) in this reply")
	}
	return ans, org, nil
}
