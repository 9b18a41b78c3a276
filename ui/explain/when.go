package explain

import (
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// When says when a meeting takes place, in its own zone, named by the
// place it is in: "2027-06-23 09:00–17:00 Lyon (CEST)", "2027-06-23 –
// 2027-06-25" for whole days. It is the one meeting-time text of the
// command line's tables and the app's lists.
func When(m *model.Meeting) string {
	if m.AllDay {
		if m.FirstDay == m.LastDay {
			return m.FirstDay.String()
		}
		return m.FirstDay.String() + " – " + m.LastDay.String()
	}
	loc := m.Location()
	s, e := m.Start.In(loc), m.End.In(loc)
	out := s.Format("2006-01-02 15:04")
	if model.DateOf(s) == model.DateOf(e) {
		out += "–" + e.Format("15:04")
	} else {
		out += " – " + e.Format("2006-01-02 15:04")
	}
	return out + " " + PlaceZone(m.Venue.City, m.Zone, s)
}

// PlaceZone names a time's zone by the place the meeting is in, with the
// zone's abbreviation: "Lyon (CET)", not another city's name ("Paris").
// Without a city it is the zone's own city.
func PlaceZone(city, zone string, t time.Time) string {
	place := strings.TrimSpace(city)
	if place == "" {
		place = ZoneCity(zone)
	}
	abbr := t.Format("MST")
	if abbr == "" || abbr == place {
		return place
	}
	return place + " (" + abbr + ")"
}

// ZoneCity is the city an IANA zone is named after: "Buenos Aires" for
// America/Argentina/Buenos_Aires.
func ZoneCity(z string) string {
	if i := strings.LastIndex(z, "/"); i >= 0 {
		return strings.ReplaceAll(z[i+1:], "_", " ")
	}
	return z
}
