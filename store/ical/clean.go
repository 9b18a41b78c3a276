package ical

import (
	"fmt"

	"github.com/liaison-app/liaison/model"
)

// Untitled is the title an event without SUMMARY is imported under.
const Untitled = "(untitled event)"

// clean applies model's size and validity policy to what the event says:
// a text over its limit is cut, control characters go, each with a note;
// a meeting with no title gets a placeholder, with a note.
func (ev *evState) clean(it *Item, method Method) {
	m := &it.Meeting
	fix := func(field string, s *string, max int) {
		v, notes := model.CleanText(field, *s, max)
		*s = v
		for _, n := range notes {
			ev.note(n)
		}
	}
	fix("SUMMARY", &m.Title, model.MaxTitle)
	if model.Blank(m.Title) && (method == Request || method == Publish) {
		m.Title = Untitled
		ev.note(fmt.Sprintf("line %d: the event has no SUMMARY: imported as %q", ev.line, Untitled))
	}
	fix("DESCRIPTION", &m.Background, model.MaxLongText)
	fix("the exclusion reason", &m.ExclusionReason, model.MaxLongText)
	fix("LOCATION", &m.Venue.Name, model.MaxTitle)
	fix("the address", &m.Venue.Address, model.MaxTitle)
	fix("the city", &m.Venue.City, model.MaxTitle)
	fix("the country", &m.Venue.Country, model.MaxTitle)
	fix("URL", &m.Venue.OnlineURL, model.MaxTitle)
	fix("COMMENT", &it.Comment, model.MaxLongText)
	for i := range m.Agenda {
		fix(fmt.Sprintf("agenda item %d", i+1), &m.Agenda[i].Title, model.MaxTitle)
	}
	for i := range it.VenueRotation {
		v := &it.VenueRotation[i]
		for _, s := range []*string{&v.Name, &v.Address, &v.City, &v.Country, &v.OnlineURL} {
			fix(fmt.Sprintf("venue %d of the rotation", i+1), s, model.MaxTitle)
		}
		if v.Country != "" && !model.IsCountryCode(v.Country) {
			v.Country = ""
		}
	}
	fix("X-LIAISON-AGREEMENT", &it.Agreement, model.MaxTitle)
	if cc := m.Venue.Country; cc != "" && !model.IsCountryCode(cc) {
		ev.note(fmt.Sprintf("the country %q is not an ISO 3166-1 code: left out", clipS(cc)))
		m.Venue.Country = ""
	}
}
