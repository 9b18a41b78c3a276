package ical

import (
	"fmt"
	"io"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Method is the iTIP method of a calendar (RFC 5546).
type Method string

// The methods Liaison writes and reads.
const (
	Request Method = "REQUEST"
	Cancel  Method = "CANCEL"
	Publish Method = "PUBLISH"
	Reply   Method = "REPLY"
)

// ProdID names the program that wrote a calendar.
const ProdID = "-//Liaison//Liaison protocol office planner//EN"

// Invitation is what WriteInvitation needs to write one observer invitation.
type Invitation struct {
	// Method is Request or Cancel; left empty, it is Cancel for a cancelled
	// meeting and Request otherwise.
	Method    Method
	Meeting   *model.Meeting
	Catalog   *model.Catalog
	Organizer model.FocalPoint   // our focal point: ORGANIZER and the contact
	Attendees []model.FocalPoint // the partner's active focal points
	Article   string             // the provision that asks for the invitation, e.g. "Art. 2.1"
	Wording   string             // the invitation's text; a standard wording when empty
	Now       time.Time          // DTSTAMP
}

// ResolvedMethod returns the method the invitation will be written with.
func (r *Invitation) ResolvedMethod() Method {
	if r.Method != "" {
		return r.Method
	}
	if r.Meeting != nil && r.Meeting.Status == model.StatusCancelled {
		return Cancel
	}
	return Request
}

func (r *Invitation) check() error {
	m := r.Meeting
	switch {
	case m == nil:
		return model.Invalid("meeting", "no meeting to export")
	case r.Catalog == nil:
		return model.Invalid("catalog", "no catalog")
	case strings.TrimSpace(m.UID) == "":
		return model.Invalid("uid", "the meeting %q has no iCalendar UID", m.Title)
	case m.Confidentiality == model.Internal:
		return model.Invalid("confidentiality", "%q is an internal meeting: it cannot be sent to a partner (make it public or for the parties first)", m.Title)
	case r.Now.IsZero():
		return model.Invalid("now", "the time of export is not set")
	}
	method := r.ResolvedMethod()
	switch method {
	case Request:
		if m.Status == model.StatusCancelled {
			return model.Invalid("method", "%q is cancelled: export a cancellation (METHOD:CANCEL), not a request", m.Title)
		}
	case Cancel:
		if m.Status != model.StatusCancelled {
			return model.Invalid("method", "%q is not cancelled: cancel the meeting before sending a cancellation", m.Title)
		}
	default:
		return model.Invalid("method", "an invitation is a REQUEST or a CANCEL, not %q", method)
	}
	// RFC 5546: a REQUEST names its attendees, and the CANCEL of a whole
	// event names all of them.
	if len(r.Attendees) == 0 {
		return model.Invalid("to", "the partner has no active focal point (Art. 7) to address the %s to", strings.ToLower(string(method)))
	}
	if err := checkAddress("organizer", r.Organizer.Email); err != nil {
		return err
	}
	for _, a := range r.Attendees {
		if err := checkAddress("attendee", a.Email); err != nil {
			return err
		}
	}
	if !m.AllDay {
		if _, err := model.LoadZone(m.Zone); err != nil {
			return model.Invalid("zone", "the meeting %q has no usable time zone: %v", m.Title, err)
		}
		if !m.End.After(m.Start) {
			return model.Invalid("end", "the meeting %q ends before it starts", m.Title)
		}
	} else if m.FirstDay.IsZero() || m.LastDay.Before(m.FirstDay) {
		return model.Invalid("end", "the meeting %q has no valid days", m.Title)
	}
	return nil
}

func checkAddress(field, addr string) error {
	a, err := mail.ParseAddress(addr)
	if err != nil || a.Address != addr {
		return model.Invalid(field, "%q is not an e-mail address", addr)
	}
	return nil
}

// WriteInvitation writes one observer invitation as a calendar holding one
// event: METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED once the
// meeting is cancelled. It refuses an internal meeting, a request without
// an addressee, and a meeting without a usable zone. Internal notes are
// never written.
func WriteInvitation(w io.Writer, r Invitation) error {
	if err := r.check(); err != nil {
		return err
	}
	method := r.ResolvedMethod()
	e := newEncoder(w)
	var sp spans
	meetingSpans(&sp, r.Meeting)
	header(e, method)
	if err := sp.write(e); err != nil {
		return err
	}
	ev := event{
		m: r.Meeting, cat: r.Catalog, now: r.Now, method: method,
		organizer: r.Organizer, attendees: r.Attendees,
		description: invitationText(&r),
	}
	ev.write(e)
	e.ends("VCALENDAR")
	return e.flush()
}

func header(e *encoder, method Method) {
	e.begins("VCALENDAR")
	e.raw("PRODID", ProdID)
	e.raw("VERSION", "2.0")
	e.raw("CALSCALE", "GREGORIAN")
	e.raw("METHOD", string(method))
}

func meetingSpans(sp *spans, m *model.Meeting) {
	if !m.AllDay {
		sp.add(m.Zone, m.Start.In(m.Location()), m.End.In(m.Location()))
	}
}

// invitationText is the DESCRIPTION of an invitation: the wording (citing
// the article), the agenda, what may be shared of the background, the
// online link and whom to contact.
func invitationText(r *Invitation) string {
	m, c := r.Meeting, r.Catalog
	var b strings.Builder
	wording := strings.TrimSpace(r.Wording)
	if wording == "" {
		wording = standardWording(r)
	}
	b.WriteString(wording)
	writeAgenda(&b, m, c)
	writeContact(&b, r.Organizer, c)
	return b.String()
}

func standardWording(r *Invitation) string {
	m, c := r.Meeting, r.Catalog
	convener := c.Acronym(m.ConvenerID)
	if o := c.Org(m.ConvenerID); o != nil && o.Name != "" {
		convener = o.Name
	}
	to := "your organization"
	if len(r.Attendees) > 0 {
		if o := c.Org(r.Attendees[0].OrgID); o != nil {
			to = "the " + o.Name
		}
	}
	if r.ResolvedMethod() == Cancel {
		return fmt.Sprintf("The %s regrets to inform %s that “%s”, to which it was invited as an observer, has been cancelled.", convener, to, plainText(m.Title))
	}
	s := fmt.Sprintf("The %s has the honour to invite %s to attend “%s” as an observer", convener, to, plainText(m.Title))
	if ag := c.Agreement(r.Organizer.AgreementID); ag != nil && r.Article != "" {
		s += fmt.Sprintf(", in accordance with %s of the %s", r.Article, ag.Title)
	} else if r.Article != "" {
		s += ", in accordance with " + r.Article
	}
	return s + "."
}

func writeAgenda(b *strings.Builder, m *model.Meeting, c *model.Catalog) {
	if len(m.Agenda) > 0 {
		b.WriteString("\n\nAgenda:")
		for i, it := range m.Agenda {
			b.WriteString("\n" + strconv.Itoa(i+1) + ". " + it.Title)
		}
	}
	if bg := strings.TrimSpace(m.Background); bg != "" && m.Confidentiality != model.Internal {
		b.WriteString("\n\nBackground:\n" + bg)
	}
	if v := m.Venue.String(); v != "" {
		b.WriteString("\n\nVenue: " + v)
	}
}

func writeContact(b *strings.Builder, f model.FocalPoint, c *model.Catalog) {
	if f.Email == "" {
		return
	}
	b.WriteString("\n\nContact: " + f.Name)
	if f.Title != "" {
		b.WriteString(", " + f.Title)
	}
	if o := c.Org(f.OrgID); o != nil {
		b.WriteString(", " + o.Acronym)
	}
	b.WriteString(" <" + f.Email + ">")
	if f.Phone != "" {
		b.WriteString(", " + f.Phone)
	}
}
