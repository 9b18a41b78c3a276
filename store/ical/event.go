package ical

import (
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// event writes one meeting as a VEVENT.
type event struct {
	m           *model.Meeting
	cat         *model.Catalog
	now         time.Time
	method      Method
	organizer   model.FocalPoint
	attendees   []model.FocalPoint
	description string
}

// classOf maps a meeting's confidentiality to CLASS.
func classOf(c model.Confidentiality) string {
	switch c {
	case model.Public:
		return "PUBLIC"
	case model.Internal:
		return "PRIVATE"
	}
	return "CONFIDENTIAL" // for the parties to the agreement (Art. 10)
}

// statusOf maps a meeting's status to STATUS, within what the method
// allows (RFC 5546: a REQUEST is TENTATIVE or CONFIRMED).
func statusOf(s model.MeetingStatus, method Method) string {
	switch {
	case method == Cancel || s == model.StatusCancelled:
		return "CANCELLED"
	case s == model.StatusConfirmed || s == model.StatusHeld:
		return "CONFIRMED"
	}
	return "TENTATIVE"
}

func (ev *event) write(e *encoder) {
	m := ev.m
	e.begins("VEVENT")
	e.text("UID", m.UID)
	e.raw("SEQUENCE", itoa(m.Sequence))
	e.utc("DTSTAMP", ev.now)
	if !m.Created.IsZero() {
		e.utc("CREATED", m.Created)
	}
	if !m.Modified.IsZero() {
		e.utc("LAST-MODIFIED", m.Modified)
	}
	if m.AllDay {
		e.date("DTSTART", m.FirstDay)
		e.date("DTEND", m.LastDay.AddDays(1)) // exclusive (RFC 5545 §3.6.1)
	} else {
		loc := m.Location()
		e.local("DTSTART", m.Start.In(loc), m.Zone)
		e.local("DTEND", m.End.In(loc), m.Zone)
	}
	e.text("SUMMARY", m.Title)
	if loc := m.Venue.String(); loc != "" {
		e.text("LOCATION", loc)
	}
	if ev.description != "" {
		e.text("DESCRIPTION", ev.description)
	}
	if u := m.Venue.OnlineURL; u != "" {
		e.raw("URL", sanitizeURI(u))
	}
	if areas := m.AllAreaIDs(); len(areas) > 0 && ev.cat != nil {
		names := make([]string, len(areas))
		for i, id := range areas {
			names[i] = ev.cat.AreaName(id)
		}
		e.textList("CATEGORIES", names)
	}
	e.raw("CLASS", classOf(m.Confidentiality))
	e.raw("STATUS", statusOf(m.Status, ev.method))
	e.raw("TRANSP", "OPAQUE")
	ev.people(e)
	ev.liaison(e)
	e.ends("VEVENT")
}

// people writes ORGANIZER and, except in a PUBLISH (RFC 5546 §3.2.1), one
// ATTENDEE per focal point of the partner, as an optional participant:
// Outlook shows NON-PARTICIPANT as a resource.
func (ev *event) people(e *encoder) {
	writeOrganizer(e, ev.organizer)
	if ev.method == Publish {
		return
	}
	for _, a := range ev.attendees {
		writeAttendee(e, a)
	}
}

func writeOrganizer(e *encoder, f model.FocalPoint) {
	if f.Email == "" {
		return
	}
	var ps []param
	if f.Name != "" {
		ps = append(ps, p("CN", f.Name))
	}
	e.raw("ORGANIZER", sanitizeURI(mailto(f.Email)), ps...)
}

func writeAttendee(e *encoder, a model.FocalPoint) {
	ps := []param{p("CUTYPE", "INDIVIDUAL"), p("ROLE", "OPT-PARTICIPANT"), p("PARTSTAT", "NEEDS-ACTION"), p("RSVP", "TRUE")}
	if a.Name != "" {
		ps = append([]param{p("CN", a.Name)}, ps...)
	}
	e.raw("ATTENDEE", sanitizeURI(mailto(a.Email)), ps...)
}

// liaison writes the X-LIAISON- properties that let another copy of
// Liaison (the partner's) read the meeting back whole: what the Article 2
// rule needs (IGOs invited, observers excluded, agenda areas) and the parts
// of the venue. Internal notes are not among them.
func (ev *event) liaison(e *encoder) {
	m := ev.m
	if m.Kind != "" {
		e.text("X-LIAISON-KIND", string(m.Kind))
	}
	if ev.cat != nil {
		e.text("X-LIAISON-CONVENER", ev.cat.Acronym(m.ConvenerID))
	}
	e.text("X-LIAISON-STATUS", string(m.Status))
	if m.IGOsInvited {
		e.raw("X-LIAISON-IGOS-INVITED", "TRUE")
	} else {
		e.raw("X-LIAISON-IGOS-INVITED", "FALSE")
	}
	if m.ObserversExcluded {
		e.text("X-LIAISON-OBSERVERS-EXCLUDED", m.ExclusionReason)
	}
	if m.AllDay && m.Zone != "" {
		e.text("X-LIAISON-ZONE", m.Zone)
	}
	if !m.Venue.IsZero() {
		e.venue("X-LIAISON-VENUE", m.Venue)
	}
	if len(m.AreaIDs) > 0 && ev.cat != nil {
		e.textList("X-LIAISON-AREAS", areaNames(ev.cat, m.AreaIDs))
	}
	for _, it := range m.Agenda {
		var ps []param
		if len(it.AreaIDs) > 0 && ev.cat != nil {
			ps = append(ps, p("X-AREAS", areaNames(ev.cat, it.AreaIDs)...))
		}
		e.text("X-LIAISON-AGENDA", it.Title, ps...)
	}
	if bg := strings.TrimSpace(m.Background); bg != "" {
		e.text("X-LIAISON-BACKGROUND", m.Background)
	}
}

func areaNames(c *model.Catalog, ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = c.AreaName(id)
	}
	return out
}

// sanitizeURI drops what cannot appear in a URI value on one content line.
func sanitizeURI(u string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x21 || r == 0x7f {
			return -1
		}
		return r
	}, u)
}

func itoa(n int) string { return string(appendInt(nil, n, 0)) }
