package ical

import (
	"slices"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Item is one event read from a partner's file: what the calendar's METHOD
// says to do with it, and the meeting it describes.
type Item struct {
	Method Method // REQUEST, PUBLISH, CANCEL or REPLY (PUBLISH when the file has no METHOD)
	File   string
	Line   int // where the VEVENT begins

	UID          string
	Sequence     int
	RecurrenceID time.Time // zero for the event as a whole
	Stamp        time.Time // DTSTAMP

	// Meeting holds what the event says of the meeting: title, kind, times
	// and zone, venue, status, confidentiality, background, agenda, UID and
	// SEQUENCE. HasTime is false when the event has no DTSTART (as a REPLY
	// or a CANCEL may). Floating is true when its times carry no zone: they
	// are then wall clock times held in UTC, to be read in the convener's zone.
	Meeting  model.Meeting
	HasTime  bool
	Floating bool

	Organizer Person
	Attendees []Attendee

	Comment     string     // COMMENT: in a REPLY, what the partner wrote
	Categories  []string   // CATEGORIES
	Areas       []string   // the meeting's own areas, when a copy of Liaison wrote the file
	AgendaAreas [][]string // the areas of each agenda item, beside Meeting.Agenda
	Convener    string     // the convener's acronym, when a copy of Liaison wrote the file
	// FromLiaison is true when a copy of Liaison wrote the event (it carries
	// X-LIAISON- properties): kind, IGOs invited, observers excluded, areas
	// and agenda are then the convener's own. From another program they are
	// unknown, and a caller updating a meeting should keep what it holds.
	FromLiaison bool

	// Agreement and VenueRotation come with a consultation series written
	// by a copy of Liaison (X-LIAISON-AGREEMENT, X-LIAISON-ROTATION).
	Agreement     string
	VenueRotation []model.Venue

	RRule   string
	ExDates []time.Time
	RDates  []time.Time

	// Problem says why the event cannot be used (no UID, an unknown time
	// zone, ...); "" when it can. Notes says how doubtful input was read.
	Problem string
	Notes   []string
}

// Person is an ORGANIZER or ATTENDEE: a name and an address.
type Person struct {
	Name  string
	Email string // without "mailto:"
}

// Attendee is one ATTENDEE with its participation.
type Attendee struct {
	Person
	PartStat      string // NEEDS-ACTION, ACCEPTED, TENTATIVE, DECLINED, DELEGATED
	Role          string
	DelegatedTo   []string // addresses
	DelegatedFrom []string
}

// Answer is a partner's reply read from a REPLY.
type Answer struct {
	From            Person // the focal point who replied
	State           model.InvitationState
	Representatives []model.Representative // delegates, named to attend
	Note            string
}

// Answer reads the reply of the attendee whose address isPartner accepts:
// ACCEPTED, TENTATIVE or DECLINED; when the attendee delegated, the
// delegates become the representatives and their answer decides (accepted
// unless they declined or are undecided). ok is false when no such
// attendee gave an answer.
func (it *Item) Answer(isPartner func(email string) bool) (a Answer, ok bool) {
	for _, at := range it.Attendees {
		switch at.PartStat {
		case "ACCEPTED", "TENTATIVE", "DECLINED", "DELEGATED":
		default:
			continue // no answer from this one
		}
		if !isPartner(at.Email) {
			continue
		}
		a = Answer{From: at.Person}
		var delegates []Attendee
		for _, d := range it.Attendees {
			if slices.ContainsFunc(d.DelegatedFrom, func(s string) bool { return strings.EqualFold(s, at.Email) }) ||
				slices.ContainsFunc(at.DelegatedTo, func(s string) bool { return strings.EqualFold(s, d.Email) }) {
				delegates = append(delegates, d)
			}
		}
		for _, to := range at.DelegatedTo {
			if !slices.ContainsFunc(delegates, func(d Attendee) bool { return strings.EqualFold(d.Email, to) }) {
				delegates = append(delegates, Attendee{Person: Person{Email: to}})
			}
		}
		for _, d := range delegates {
			a.Representatives = append(a.Representatives, model.Representative{Name: d.Name, Email: d.Email, Role: "delegate"})
		}
		switch at.PartStat {
		case "ACCEPTED":
			a.State = model.InvAccepted
		case "TENTATIVE":
			a.State = model.InvTentative
		case "DECLINED":
			a.State = model.InvDeclined
		case "DELEGATED":
			a.State = model.InvAccepted
			for _, d := range delegates {
				switch d.PartStat {
				case "DECLINED":
					a.State = model.InvDeclined
				case "TENTATIVE", "NEEDS-ACTION", "":
					a.State = model.InvTentative
				}
			}
			a.Note = "delegated"
		}
		if c := strings.TrimSpace(it.Comment); c != "" {
			a.Note = strings.TrimPrefix(a.Note+"; "+c, "; ")
		}
		return a, true
	}
	return Answer{}, false
}

// Resolve gives the meeting its area IDs: the names the file carries,
// looked up among the areas of the agreements convener is a party to.
// Names that match no area are returned, so that the caller can report them.
func (it *Item) Resolve(c *model.Catalog, convener int64) (unknown []string) {
	it.Meeting.ConvenerID = convener
	lookup := func(names []string) []int64 {
		var ids []int64
		for _, n := range names {
			got, err := c.AreasByName("areas", convener, []string{n})
			if err != nil || len(got) == 0 {
				if strings.TrimSpace(n) != "" && !slices.Contains(unknown, n) {
					unknown = append(unknown, n)
				}
				continue
			}
			for _, id := range got {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
		return ids
	}
	own := it.Areas
	if own == nil && len(it.AgendaAreas) == 0 {
		own = it.Categories // a file from another program: its categories are the best guess
	}
	it.Meeting.AreaIDs = lookup(own)
	for i := range it.Meeting.Agenda {
		if i < len(it.AgendaAreas) {
			it.Meeting.Agenda[i].AreaIDs = lookup(it.AgendaAreas[i])
		}
	}
	return unknown
}
