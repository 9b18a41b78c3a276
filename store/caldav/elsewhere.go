package caldav

import (
	"encoding/json"
	"strings"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store/ical"
)

// Edits made to a shared meeting in another calendar client (Thunderbird,
// Apple Calendar, Outlook through CalDAV Synchronizer): such a client
// rewrites the standard properties and keeps Liaison's X- properties as
// they were, so where a standard property no longer says what the fields
// would write, the property wins. The title and the times are taken in by
// received and movedElsewhere; these are the place, the status and the
// notes.

// editedElsewhere takes in LOCATION, STATUS and DESCRIPTION.
func editedElsewhere(rec ical.Record, f Fields) {
	placedElsewhere(rec.Location, f)
	statusElsewhere(rec.Status, f)
	notesElsewhere(rec.Description, f)
}

func venueOf(f Fields) model.Venue {
	return model.Venue{Name: f["VENUE-NAME"], Address: f["VENUE-ADDRESS"], City: f["VENUE-CITY"], Country: f["VENUE-COUNTRY"], OnlineURL: f["VENUE-ONLINE"]}
}

// placedElsewhere reads a LOCATION that differs from the venue Liaison
// wrote (Venue.String: name, address, city, country, "; online: URL").
// With as many parts as the venue had, each part keeps its place (so a
// new city is the city); otherwise a last part of two capital letters is
// the country, and the others are the name, the address and the city.
func placedElsewhere(loc string, f Fields) {
	old := venueOf(f)
	loc = strings.TrimSpace(loc)
	if loc == old.String() {
		return
	}
	v := model.Venue{OnlineURL: old.OnlineURL}
	if i := strings.LastIndex(loc, "online: "); i >= 0 && (i == 0 || strings.HasSuffix(loc[:i], "; ")) {
		v.OnlineURL = strings.TrimSpace(loc[i+len("online: "):])
		loc = strings.TrimSuffix(strings.TrimSpace(loc[:i]), ";")
	} else {
		v.OnlineURL = ""
	}
	var parts []string
	for _, p := range strings.Split(loc, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	slots := []*string{&v.Name, &v.Address, &v.City, &v.Country}
	var had []int
	for i, p := range []string{old.Name, old.Address, old.City, old.Country} {
		if strings.TrimSpace(p) != "" {
			had = append(had, i)
		}
	}
	switch {
	case len(parts) == len(had):
		for i, p := range parts {
			*slots[had[i]] = p
		}
	default:
		if n := len(parts); n > 1 && isCountryCode(parts[n-1]) {
			v.Country, parts = parts[n-1], parts[:n-1]
		}
		switch len(parts) {
		case 0:
		case 1:
			v.Name = parts[0]
		case 2:
			v.Name, v.City = parts[0], parts[1]
		default:
			v.Name, v.Address, v.City = parts[0], strings.Join(parts[1:len(parts)-1], ", "), parts[len(parts)-1]
		}
	}
	f.set("VENUE-NAME", v.Name)
	f.set("VENUE-ADDRESS", v.Address)
	f.set("VENUE-CITY", v.City)
	f.set("VENUE-COUNTRY", v.Country)
	f.set("VENUE-ONLINE", v.OnlineURL)
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// statusOut is the STATUS Liaison writes for a meeting's status.
func statusOut(s model.MeetingStatus) string {
	switch s {
	case model.StatusCancelled:
		return "CANCELLED"
	case model.StatusPlanned, model.StatusPostponed:
		return "TENTATIVE"
	}
	return "CONFIRMED"
}

// statusElsewhere reads a STATUS that differs from the one the meeting's
// status is written as: CANCELLED cancels it, TENTATIVE makes it planned,
// CONFIRMED confirms it. A STATUS left out, or unknown, changes nothing.
func statusElsewhere(status string, f Fields) {
	cur := model.MeetingStatus(f["STATUS"])
	if status == "" || status == statusOut(cur) {
		return
	}
	switch status {
	case "CANCELLED":
		f.set("STATUS", string(model.StatusCancelled))
	case "TENTATIVE":
		f.set("STATUS", string(model.StatusPlanned))
	case "CONFIRMED":
		f.set("STATUS", string(model.StatusConfirmed))
	}
}

// descriptionHead is the part of the DESCRIPTION Liaison writes before the
// notes: the convener, the kind of meeting and the agenda's titles.
func descriptionHead(f Fields) string {
	var b strings.Builder
	b.WriteString(f["CONVENER"] + " " + f["KIND"])
	var agenda []agendaItem
	_ = json.Unmarshal([]byte(f["AGENDA"]), &agenda)
	for _, it := range agenda {
		b.WriteString("\n- " + it.Title)
	}
	return b.String()
}

// notesElsewhere reads a DESCRIPTION that differs from the one Liaison
// wrote: what follows the head (convener, kind, agenda) is the notes. When
// the head itself was rewritten, the text after its first blank line is
// the notes, or the whole text when it has none; the agenda is not read
// back from free text.
func notesElsewhere(desc string, f Fields) {
	desc = strings.ReplaceAll(desc, "\r\n", "\n")
	head := descriptionHead(f)
	want := head
	if f["NOTES"] != "" {
		want += "\n\n" + f["NOTES"]
	}
	if desc == "" || desc == strings.ReplaceAll(want, "\r\n", "\n") {
		return // left out (Liaison always writes one), or as written
	}
	var notes string
	if rest, ok := strings.CutPrefix(desc, head); ok {
		notes = rest
	} else if _, after, ok := strings.Cut(desc, "\n\n"); ok {
		notes = after
	} else {
		notes = desc
	}
	f.set("NOTES", strings.TrimSpace(notes))
}
