package ical

import (
	"io"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Feed is what WriteFeed needs to publish meetings and consultations.
type Feed struct {
	Meetings []model.Meeting
	Series   []model.ConsultationSeries
	Catalog  *model.Catalog
	// For is the partner the feed is for: only what is public, or for the
	// parties to an agreement between the convener and that partner, goes
	// in. Zero means our own use: everything but internal notes.
	For int64
	// From and To bound the feed (meetings that overlap [From, To) and
	// series with an occurrence in it); zero means unbounded.
	From, To time.Time
	// Organizers gives each convener's focal point for ORGANIZER. A
	// convener with none is named by its organization.
	Organizers map[int64]model.FocalPoint
	Now        time.Time
}

// Included reports whether a meeting goes into the feed.
func (f *Feed) Included(m *model.Meeting) bool {
	if m.UID == "" || !model.VisibleTo(f.Catalog, m.Confidentiality, m.ConvenerID, f.For) {
		return false
	}
	if !f.To.IsZero() && !m.StartsAt().Before(f.To) {
		return false
	}
	if !f.From.IsZero() && !m.EndsAt().After(f.From) {
		return false
	}
	if m.AllDay {
		return !m.FirstDay.IsZero() && !m.LastDay.Before(m.FirstDay)
	}
	_, err := model.LoadZone(m.Zone)
	return err == nil && m.End.After(m.Start)
}

// IncludedSeries reports whether a consultation series goes into the feed.
func (f *Feed) IncludedSeries(s *model.ConsultationSeries) bool {
	if s.UID == "" || checkSeries(s) != nil {
		return false
	}
	if f.For != 0 {
		if !model.VisibleTo(f.Catalog, s.Confidentiality, 0, f.For) {
			g := f.Catalog.Agreement(s.AgreementID)
			if s.Confidentiality != model.PartiesOnly || g == nil || !g.HasParty(f.For) {
				return false
			}
		}
	}
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	from, to := f.From, f.To
	if from.IsZero() {
		from = s.Start.Add(-time.Hour)
	}
	if to.IsZero() {
		to = from.AddDate(100, 0, 0)
	}
	ins, err := s.Instances(from, to)
	return err == nil && len(ins) > 0
}

// organizer returns the ORGANIZER of a record convened by org.
func (f *Feed) organizer(org int64) model.FocalPoint {
	if fp, ok := f.Organizers[org]; ok && fp.Email != "" {
		return fp
	}
	fp := model.FocalPoint{OrgID: org, Name: f.Catalog.Acronym(org)}
	domain := "invalid" // RFC 2606: never delivered
	if o := f.Catalog.Org(org); o != nil {
		fp.Name = o.Name
		if o.MailDomain != "" {
			domain = o.MailDomain
		}
	}
	fp.Email = "noreply@" + domain
	return fp
}

// WriteFeed writes a METHOD:PUBLISH calendar of meetings and consultation
// series, without ATTENDEE (RFC 5546 §3.2.1). Internal notes never go in;
// for a partner, neither do internal records nor parties-only records of
// agreements the partner is not a party to. Records that cannot be written
// (no UID, no usable zone, a rule Outlook cannot convert) are left out:
// Included says which.
func WriteFeed(w io.Writer, f Feed) error {
	if f.Catalog == nil {
		return model.Invalid("catalog", "no catalog")
	}
	if f.Now.IsZero() {
		return model.Invalid("now", "the time of export is not set")
	}
	e := newEncoder(w)
	header(e, Publish)
	var sp spans
	for i := range f.Meetings {
		if m := &f.Meetings[i]; f.Included(m) {
			meetingSpans(&sp, m)
		}
	}
	for i := range f.Series {
		if s := &f.Series[i]; f.IncludedSeries(s) {
			seriesSpans(&sp, s)
		}
	}
	if err := sp.write(e); err != nil {
		return err
	}
	var desc []byte
	for i := range f.Meetings {
		m := &f.Meetings[i]
		if !f.Included(m) {
			continue
		}
		desc = feedText(desc[:0], m, f.Catalog)
		ev := event{m: m, cat: f.Catalog, now: f.Now, method: Publish, organizer: f.organizer(m.ConvenerID), description: string(desc)}
		ev.write(e)
		if e.err != nil {
			return e.err
		}
	}
	for i := range f.Series {
		s := &f.Series[i]
		if !f.IncludedSeries(s) {
			continue
		}
		us := int64(0)
		if o := f.Catalog.Us(); o != nil {
			us = o.ID
		}
		org := f.organizer(us)
		if err := writeSeriesEvents(e, f.Catalog, s, Publish, org, nil, f.Now, seriesText(f.Catalog, s, model.FocalPoint{})); err != nil {
			return err
		}
	}
	e.ends("VCALENDAR")
	return e.flush()
}

// feedText is the DESCRIPTION of a published meeting: its agenda, the
// background that may be shared, the venue.
func feedText(b []byte, m *model.Meeting, c *model.Catalog) []byte {
	var sb stringsBuilder
	sb.b = b
	if len(m.Agenda) > 0 {
		sb.s("Agenda:")
		for i, it := range m.Agenda {
			sb.s("\n")
			sb.b = appendInt(sb.b, i+1, 0)
			sb.s(". ")
			sb.s(it.Title)
		}
	}
	if m.Background != "" && m.Confidentiality != model.Internal {
		if len(sb.b) > 0 {
			sb.s("\n\n")
		}
		sb.s(m.Background)
	}
	return sb.b
}

type stringsBuilder struct{ b []byte }

func (s *stringsBuilder) s(x string) { s.b = append(s.b, x...) }
