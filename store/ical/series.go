package ical

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Series is what WriteSeries needs to write an Article 8 consultation series.
type Series struct {
	Method    Method // Request (with Attendees) or Publish
	Series    *model.ConsultationSeries
	Catalog   *model.Catalog
	Organizer model.FocalPoint
	Attendees []model.FocalPoint
	Now       time.Time
}

// WriteSeries writes a consultation series as one recurring event: the rule
// as one RRULE (UNTIL in UTC), EXDATE for the cancelled occurrences, and one
// VEVENT with RECURRENCE-ID for each occurrence that was moved or given
// another venue. Rules that Outlook cannot convert are refused with the
// reason (model.OutlookCompatible).
func WriteSeries(w io.Writer, r Series) error {
	s := r.Series
	switch {
	case s == nil:
		return model.Invalid("series", "no consultation series to export")
	case r.Catalog == nil:
		return model.Invalid("catalog", "no catalog")
	case r.Now.IsZero():
		return model.Invalid("now", "the time of export is not set")
	case r.Method != Request && r.Method != Publish:
		return model.Invalid("method", "a series is exported as a REQUEST or a PUBLISH, not %q", r.Method)
	case r.Method == Request && len(r.Attendees) == 0:
		return model.Invalid("to", "the partner has no active focal point (Art. 7) to address the consultation to")
	case r.Method == Request && s.Confidentiality == model.Internal:
		return model.Invalid("confidentiality", "%q is internal: it cannot be sent to a partner", s.Title)
	}
	if err := checkSeries(s); err != nil {
		return err
	}
	e := newEncoder(w)
	header(e, r.Method)
	var sp spans
	seriesSpans(&sp, s)
	if err := sp.write(e); err != nil {
		return err
	}
	if err := writeSeriesEvents(e, r.Catalog, s, r.Method, r.Organizer, r.Attendees, r.Now, seriesText(r.Catalog, s, r.Organizer)); err != nil {
		return err
	}
	e.ends("VCALENDAR")
	return e.flush()
}

func checkSeries(s *model.ConsultationSeries) error {
	if strings.TrimSpace(s.UID) == "" {
		return model.Invalid("uid", "the series %q has no iCalendar UID", s.Title)
	}
	if _, err := model.LoadZone(s.Zone); err != nil {
		return model.Invalid("zone", "the series %q has no usable time zone: %v", s.Title, err)
	}
	if _, err := s.Rule(); err != nil {
		return err
	}
	if err := model.OutlookCompatible(s.RRule); err != nil {
		return fmt.Errorf("the series %q cannot be exported: %w", s.Title, err)
	}
	if s.Duration <= 0 {
		return model.Invalid("duration", "the series %q has no duration", s.Title)
	}
	return nil
}

// seriesSpans adds the years the series covers: from its start to its
// UNTIL, or ten years when it runs on (the VTIMEZONE rules are then open).
func seriesSpans(sp *spans, s *model.ConsultationSeries) {
	loc := s.Location()
	start := s.Start.In(loc)
	ins, err := s.Instances(start, start.AddDate(10, 0, 0))
	times := []time.Time{start}
	if err == nil && len(ins) > 0 {
		times = append(times, ins[len(ins)-1].End.In(loc))
	}
	for _, o := range s.Occurrences {
		if o.Moved() {
			times = append(times, o.Start.In(loc), o.End.In(loc))
		}
	}
	sp.add(s.Zone, times...)
}

func writeSeriesEvents(e *encoder, c *model.Catalog, s *model.ConsultationSeries, method Method, org model.FocalPoint, atts []model.FocalPoint, now time.Time, desc string) error {
	loc := s.Location()
	rule, err := untilUTC(s.RRule, loc)
	if err != nil {
		return err
	}
	status := "CONFIRMED"
	start := s.Start.In(loc)
	var venue model.Venue
	if len(s.VenueRotation) > 0 {
		venue = s.VenueRotation[0]
	}
	base := func(recurrence time.Time, st, en time.Time, v model.Venue) {
		e.begins("VEVENT")
		e.text("UID", s.UID)
		e.raw("SEQUENCE", itoa(s.Sequence))
		e.utc("DTSTAMP", now)
		if !s.Modified.IsZero() {
			e.utc("LAST-MODIFIED", s.Modified)
		}
		if !recurrence.IsZero() {
			e.local("RECURRENCE-ID", recurrence.In(loc), s.Zone)
		}
		e.local("DTSTART", st.In(loc), s.Zone)
		e.local("DTEND", en.In(loc), s.Zone)
		e.text("SUMMARY", s.Title)
		if l := v.String(); l != "" {
			e.text("LOCATION", l)
		}
		if desc != "" {
			e.text("DESCRIPTION", desc)
		}
		if v.OnlineURL != "" {
			e.raw("URL", sanitizeURI(v.OnlineURL))
		}
		e.raw("CLASS", classOf(s.Confidentiality))
		e.raw("STATUS", status)
		e.raw("TRANSP", "OPAQUE")
		writeOrganizer(e, org)
		if method != Publish {
			for _, a := range atts {
				writeAttendee(e, a)
			}
		}
		e.text("X-LIAISON-KIND", string(model.KindConsultation))
		if !v.IsZero() {
			e.venue("X-LIAISON-VENUE", v)
		}
	}

	base(time.Time{}, start, start.Add(s.Duration), venue)
	e.raw("RRULE", rule)
	// What a partner's copy of Liaison needs to rebuild the series whole:
	// its agreement, and the venue rotation for every occurrence, past the
	// few years of exceptions written below for other calendars.
	if g := c.Agreement(s.AgreementID); g != nil && g.Key != "" {
		e.text("X-LIAISON-AGREEMENT", g.Key)
	}
	for _, v := range s.VenueRotation {
		e.venue("X-LIAISON-ROTATION", v)
	}
	var ex []time.Time
	for _, o := range s.Occurrences {
		if o.Cancelled {
			ex = append(ex, o.OriginalStart.In(loc))
		}
	}
	if len(ex) > 0 {
		e.begin("EXDATE", []param{p("TZID", s.Zone)})
		for i, t := range ex {
			if i > 0 {
				e.line = append(e.line, ',')
			}
			e.line = appendLocal(e.line, t)
		}
		e.end()
	}
	e.ends("VEVENT")

	// One VEVENT per occurrence moved, or held elsewhere than the first
	// venue (a rotation, or a venue of its own): a calendar must not show
	// Geneva when the consultation is in Lyon. A rule without an end gets
	// them for the next three years.
	horizon := start.AddDate(50, 0, 0)
	if !strings.Contains(rule, "UNTIL=") && !strings.Contains(rule, "COUNT=") {
		horizon = latest(start, now).AddDate(3, 0, 0)
	}
	ins, err := s.Instances(start, horizon)
	if err != nil {
		return err
	}
	for _, in := range ins {
		if in.Cancelled() {
			continue
		}
		moved := in.Record != nil && in.Record.Moved()
		if !moved && in.Venue == venue {
			continue
		}
		base(in.OriginalStart, in.Start, in.End, in.Venue)
		e.ends("VEVENT")
	}
	return nil
}

// venue writes a venue as NAME;ADDRESS;CITY;COUNTRY;URL, which the reader
// reads back whole.
func (e *encoder) venue(name string, v model.Venue) {
	e.begin(name, nil)
	for i, part := range []string{v.Name, v.Address, v.City, v.Country, v.OnlineURL} {
		if i > 0 {
			e.line = append(e.line, ';')
		}
		e.line = appendText(e.line, part)
	}
	e.end()
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// untilUTC rewrites a rule's UNTIL in UTC, as RFC 5545 requires when
// DTSTART has a TZID: a local date-time is read in the series' zone, a bare
// date means the end of that day there.
func untilUTC(rule string, loc *time.Location) (string, error) {
	parts := strings.Split(strings.TrimPrefix(strings.TrimSpace(rule), "RRULE:"), ";")
	for i, kv := range parts {
		k, v, _ := strings.Cut(kv, "=")
		if !strings.EqualFold(k, "UNTIL") {
			continue
		}
		var t time.Time
		var err error
		switch {
		case strings.HasSuffix(v, "Z"):
			t, err = time.Parse("20060102T150405Z", v)
		case len(v) == 8:
			t, err = time.ParseInLocation("20060102", v, loc)
			t = t.AddDate(0, 0, 1).Add(-time.Second)
		default:
			t, err = time.ParseInLocation("20060102T150405", v, loc)
		}
		if err != nil {
			return "", model.Invalid("rrule", "UNTIL=%s is not a date or date-time", v)
		}
		parts[i] = "UNTIL=" + string(appendUTC(nil, t))
	}
	return strings.ToUpper(strings.Join(parts, ";")), nil
}

func seriesText(c *model.Catalog, s *model.ConsultationSeries, org model.FocalPoint) string {
	var b strings.Builder
	art := "Art. 8"
	name := "the cooperation agreement"
	if g := c.Agreement(s.AgreementID); g != nil {
		if g.ConsultationArticle != "" {
			art = g.ConsultationArticle
		}
		name = "the " + g.Title
	}
	fmt.Fprintf(&b, "Regular consultation between the secretariats under %s of %s.", art, name)
	if len(s.VenueRotation) > 1 {
		b.WriteString("\n\nThe venue rotates:")
		for _, v := range s.VenueRotation {
			b.WriteString("\n- " + v.String())
		}
	}
	writeContact(&b, org, c)
	return b.String()
}
