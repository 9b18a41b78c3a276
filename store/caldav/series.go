package caldav

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// A consultation series' fields: the series, then one OCC-YYYYMMDDTHHMMSSZ
// field per occurrence with a record of its own (keyed by the rule's date,
// the RECURRENCE-ID, in UTC), so that two officers recording different
// occurrences both keep theirs.

const occPrefix = "OCC-"

type occurrence struct {
	OriginalStart time.Time    `json:"original_start"`
	Start         time.Time    `json:"start,omitzero"`
	End           time.Time    `json:"end,omitzero"`
	Cancelled     bool         `json:"cancelled,omitempty"`
	Held          bool         `json:"held,omitempty"`
	Venue         *model.Venue `json:"venue,omitempty"`
	Agenda        []agendaItem `json:"agenda,omitempty"`
	Minutes       string       `json:"minutes,omitempty"`
	Outcomes      []string     `json:"outcomes,omitempty"`
	ActionItems   []actionItem `json:"action_items,omitempty"`
}

type actionItem struct {
	Text   string     `json:"text"`
	Owner  string     `json:"owner"`
	Due    model.Date `json:"due,omitzero"`
	Done   bool       `json:"done,omitempty"`
	DoneOn model.Date `json:"done_on,omitzero"`
}

func occKey(t time.Time) string { return occPrefix + t.UTC().Format("20060102T150405Z") }

func seriesFields(ss *store.SyncedSeries, c *model.Catalog) Fields {
	s := &ss.Series
	f := Fields{}
	f.set(fTitle, s.Title)
	if g := c.Agreement(s.AgreementID); g != nil {
		f.set("AGREEMENT", g.Key)
	}
	f.setTime("START", s.Start.In(s.Location()))
	f.set("DURATION", strconv.FormatInt(int64(s.Duration/time.Second), 10))
	f.set("ZONE", s.Zone)
	f.set("RRULE", s.RRule)
	f.setJSON("VENUES", s.VenueRotation, len(s.VenueRotation) == 0)
	f.set("CONFIDENTIALITY", string(s.Confidentiality))
	f.set("NOTES", s.Notes)
	f.setTime("CREATED", s.Created)
	f.set(fSequence, strconv.Itoa(s.Sequence))
	f.setBool(fDeleted, ss.Deleted)
	f.setTime(fModified, s.Modified)
	for _, o := range s.Occurrences {
		x := occurrence{OriginalStart: o.OriginalStart.UTC(), Start: utcOrZero(o.Start), End: utcOrZero(o.End), Cancelled: o.Cancelled, Held: o.Held,
			Venue: o.Venue, Agenda: agendaOut(c, o.Agenda), Minutes: o.Minutes, Outcomes: o.Outcomes}
		for _, a := range o.ActionItems {
			x.ActionItems = append(x.ActionItems, actionItem{Text: a.Text, Owner: c.Acronym(a.OwnerOrg), Due: a.Due, Done: a.Done, DoneOn: a.DoneOn})
		}
		f.setJSON(occKey(o.OriginalStart), x, false)
	}
	return f
}

func utcOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

func seriesFromFields(uid string, f Fields, c *model.Catalog) (*store.SyncedSeries, error) {
	r := &fieldReader{f: f, c: c}
	s := model.ConsultationSeries{UID: uid, Title: r.str(fTitle), Zone: r.str("ZONE"), RRule: r.str("RRULE"),
		Confidentiality: model.Confidentiality(r.str("CONFIDENTIALITY")), Notes: r.str("NOTES")}
	s.AgreementID = r.agreement("AGREEMENT", r.str("AGREEMENT"))
	loc := s.Location()
	s.Start = r.instant("START").In(loc)
	s.Duration = time.Duration(r.integer("DURATION")) * time.Second
	s.VenueRotation = []model.Venue{}
	r.json("VENUES", &s.VenueRotation)
	s.Created, s.Modified = r.instant("CREATED"), r.instant(fModified)
	s.Sequence = r.integer(fSequence)
	s.Occurrences = []model.Occurrence{}
	for _, name := range f.names() {
		if !strings.HasPrefix(name, occPrefix) {
			continue
		}
		var x occurrence
		r.json(name, &x)
		o := model.Occurrence{OriginalStart: x.OriginalStart.In(loc), Cancelled: x.Cancelled, Held: x.Held, Venue: x.Venue,
			Agenda: r.agenda(name, x.Agenda), Minutes: x.Minutes, Outcomes: x.Outcomes, ActionItems: []model.ActionItem{}}
		if !x.Start.IsZero() {
			o.Start, o.End = x.Start.In(loc), x.End.In(loc)
		}
		if o.Outcomes == nil {
			o.Outcomes = []string{}
		}
		for _, a := range x.ActionItems {
			o.ActionItems = append(o.ActionItems, model.ActionItem{Text: a.Text, OwnerOrg: r.org(name, a.Owner), Due: a.Due, Done: a.Done, DoneOn: a.DoneOn})
		}
		s.Occurrences = append(s.Occurrences, o)
	}
	if r.err != nil {
		return nil, r.err
	}
	return &store.SyncedSeries{Series: s, Deleted: r.boolean(fDeleted)}, nil
}

// seriesRecord is the recurring event other clients read: the rule, the
// cancelled occurrences as EXDATE, the moved ones as overrides.
func seriesRecord(ss *store.SyncedSeries, f Fields, c *model.Catalog) ical.Record {
	s := &ss.Series
	rec := ical.Record{UID: s.UID, Kind: "series", Summary: s.Title, Start: s.Start, End: s.Start.Add(s.Duration), Zone: s.Zone,
		RRule: s.RRule, Status: "CONFIRMED", Class: classOf(s.Confidentiality), Sequence: s.Sequence, Created: s.Created, Modified: f.modified()}
	if len(s.VenueRotation) > 0 {
		rec.Location = s.VenueRotation[0].String()
	}
	if g := c.Agreement(s.AgreementID); g != nil {
		rec.Description = g.Title
	}
	for _, o := range s.Occurrences {
		switch {
		case o.Cancelled:
			rec.ExDates = append(rec.ExDates, o.OriginalStart)
		case o.Moved() || o.Venue != nil:
			ov := ical.Override{OriginalStart: o.OriginalStart, Start: o.OriginalStart, End: o.OriginalStart.Add(s.Duration), Summary: s.Title, Location: rec.Location}
			if o.Moved() {
				ov.Start, ov.End = o.Start, o.End
			}
			if o.Venue != nil {
				ov.Location = o.Venue.String()
			}
			rec.Overrides = append(rec.Overrides, ov)
		}
	}
	rec.Fields = toICal(f)
	return rec
}

// todosOf lists a series' action items as the VTODO resources other
// clients show, from its fields, each with a UID made of the series' UID,
// the occurrence and the item's place.
func todosOf(uid string, f Fields) []ical.Todo {
	var out []ical.Todo
	if f[fDeleted] == "1" {
		return nil
	}
	for _, name := range f.names() {
		if !strings.HasPrefix(name, occPrefix) {
			continue
		}
		var x occurrence
		if json.Unmarshal([]byte(f[name]), &x) != nil {
			continue
		}
		for i, a := range x.ActionItems {
			out = append(out, ical.Todo{UID: fmt.Sprintf("%s-%s-%d", uid, strings.ToLower(name), i+1), RelatedTo: uid,
				Summary: a.Text + " (" + a.Owner + ")", Due: a.Due, Done: a.Done, Modified: f.modified()})
		}
	}
	return out
}
