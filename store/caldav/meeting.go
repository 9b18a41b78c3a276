package caldav

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// A meeting's fields: the meeting itself, then one INV-ACRONYM field per
// invitation (its state) and one INV-ACRONYM-HISTORY (its events, merged
// as a union).

type invitationState struct {
	To              string                 `json:"to"`
	Agreement       string                 `json:"agreement"`
	State           model.InvitationState  `json:"state"`
	SentAt          time.Time              `json:"sent_at,omitzero"`
	SentSequence    int                    `json:"sent_sequence,omitempty"`
	SentVia         string                 `json:"sent_via,omitempty"`
	RepliedAt       time.Time              `json:"replied_at,omitzero"`
	ReplySequence   int                    `json:"reply_sequence,omitempty"`
	WaiveReason     string                 `json:"waive_reason,omitempty"`
	Representatives []model.Representative `json:"representatives,omitempty"`
}

type interestMark struct {
	Org  string `json:"org"`
	Note string `json:"note,omitempty"`
}

const invPrefix = "INV-"

func meetingFields(sm *store.SyncedMeeting, c *model.Catalog) Fields {
	m := &sm.Meeting
	f := Fields{}
	f.set(fTitle, m.Title)
	f.set("KIND", string(m.Kind))
	f.set("CONVENER", c.Acronym(m.ConvenerID))
	f.setBool("ALL-DAY", m.AllDay)
	if m.AllDay {
		f.set("FIRST-DAY", m.FirstDay.String())
		f.set("LAST-DAY", m.LastDay.String())
	} else {
		f.setTime("START", m.Start.In(m.Location()))
		f.setTime("END", m.End.In(m.Location()))
	}
	f.set("ZONE", m.Zone)
	f.set("VENUE-NAME", m.Venue.Name)
	f.set("VENUE-ADDRESS", m.Venue.Address)
	f.set("VENUE-CITY", m.Venue.City)
	f.set("VENUE-COUNTRY", m.Venue.Country)
	f.set("VENUE-ONLINE", m.Venue.OnlineURL)
	f.setBool("IGOS-INVITED", m.IGOsInvited)
	f.setBool("OBSERVERS-EXCLUDED", m.ObserversExcluded)
	f.set("EXCLUSION-REASON", m.ExclusionReason)
	f.setJSON("AREAS", areaRefs(c, m.AreaIDs), len(m.AreaIDs) == 0)
	f.setJSON("AGENDA", agendaOut(c, m.Agenda), len(m.Agenda) == 0)
	marks := make([]interestMark, len(m.InterestMarks))
	for i, mk := range m.InterestMarks {
		marks[i] = interestMark{Org: c.Acronym(mk.OrgID), Note: mk.Note}
	}
	f.setJSON("INTEREST-MARKS", marks, len(marks) == 0)
	f.set("STATUS", string(m.Status))
	f.set("CONFIDENTIALITY", string(m.Confidentiality))
	f.set("BACKGROUND", m.Background)
	f.set("NOTES", m.Notes)
	f.set("SOURCE", m.Source)
	f.setTime("CREATED", m.Created)
	f.set(fSequence, strconv.Itoa(m.Sequence))
	f.setBool(fDeleted, sm.Deleted)
	modified := m.Modified
	for _, inv := range sm.Invitations {
		name := invPrefix + fieldKey(c.Acronym(inv.ToOrgID))
		g := c.Agreement(inv.AgreementID)
		key := ""
		if g != nil {
			key = g.Key
		}
		f.setJSON(name, invitationState{To: c.Acronym(inv.ToOrgID), Agreement: key, State: inv.State, SentAt: inv.SentAt, SentSequence: inv.SentSequence,
			SentVia: inv.SentVia, RepliedAt: inv.RepliedAt, ReplySequence: inv.ReplySequence, WaiveReason: inv.WaiveReason,
			Representatives: inv.Representatives}, false)
		f.setJSON(name+historySuffix, sortedHistory(inv.History), len(inv.History) == 0)
		if inv.Modified.After(modified) {
			modified = inv.Modified
		}
	}
	f.setTime(fModified, modified)
	return f
}

func sortedHistory(h []model.InvitationEvent) []model.InvitationEvent {
	out := make([]model.InvitationEvent, len(h))
	for i, ev := range h {
		ev.At = ev.At.UTC()
		out[i] = ev
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// meetingFromFields rebuilds a meeting from its fields.
func meetingFromFields(uid string, f Fields, c *model.Catalog) (*store.SyncedMeeting, error) {
	r := &fieldReader{f: f, c: c}
	m := model.Meeting{UID: uid, Title: r.str(fTitle), Kind: model.MeetingKind(r.str("KIND")), AllDay: r.boolean("ALL-DAY"), Zone: r.str("ZONE")}
	m.ConvenerID = r.org("CONVENER", r.str("CONVENER"))
	if m.AllDay {
		m.FirstDay, m.LastDay = r.day("FIRST-DAY"), r.day("LAST-DAY")
	} else {
		loc := m.Location()
		m.Start, m.End = r.instant("START").In(loc), r.instant("END").In(loc)
	}
	m.Venue = model.Venue{Name: r.str("VENUE-NAME"), Address: r.str("VENUE-ADDRESS"), City: r.str("VENUE-CITY"), Country: r.str("VENUE-COUNTRY"), OnlineURL: r.str("VENUE-ONLINE")}
	m.IGOsInvited, m.ObserversExcluded, m.ExclusionReason = r.boolean("IGOS-INVITED"), r.boolean("OBSERVERS-EXCLUDED"), r.str("EXCLUSION-REASON")
	var areas []string
	r.json("AREAS", &areas)
	m.AreaIDs = r.areas("AREAS", areas)
	var agenda []agendaItem
	r.json("AGENDA", &agenda)
	m.Agenda = r.agenda("AGENDA", agenda)
	var marks []interestMark
	r.json("INTEREST-MARKS", &marks)
	for _, mk := range marks {
		m.InterestMarks = append(m.InterestMarks, model.InterestMark{OrgID: r.org("INTEREST-MARKS", mk.Org), Note: mk.Note})
	}
	m.Status, m.Confidentiality = model.MeetingStatus(r.str("STATUS")), model.Confidentiality(r.str("CONFIDENTIALITY"))
	m.Background, m.Notes, m.Source = r.str("BACKGROUND"), r.str("NOTES"), r.str("SOURCE")
	m.Created, m.Modified = r.instant("CREATED"), r.instant(fModified)
	m.Sequence = r.integer(fSequence)
	sm := &store.SyncedMeeting{Meeting: m, Deleted: r.boolean(fDeleted), Invitations: []model.Invitation{}}
	for _, name := range f.names() {
		if !strings.HasPrefix(name, invPrefix) || strings.HasSuffix(name, historySuffix) {
			continue
		}
		var st invitationState
		r.json(name, &st)
		inv := model.Invitation{ToOrgID: r.org(name, st.To), AgreementID: r.agreement(name, st.Agreement), State: st.State,
			SentAt: st.SentAt, SentSequence: st.SentSequence, SentVia: st.SentVia, RepliedAt: st.RepliedAt, ReplySequence: st.ReplySequence,
			WaiveReason: st.WaiveReason, Representatives: st.Representatives, Modified: m.Modified}
		if inv.Representatives == nil {
			inv.Representatives = []model.Representative{}
		}
		inv.History = []model.InvitationEvent{}
		r.json(name+historySuffix, &inv.History)
		sm.Invitations = append(sm.Invitations, inv)
	}
	if r.err != nil {
		return nil, r.err
	}
	return sm, nil
}

// meetingRecord is the resource other calendar clients read: the meeting
// at its time in its zone, at its place, with its status and areas.
func meetingRecord(sm *store.SyncedMeeting, f Fields, c *model.Catalog) ical.Record {
	m := &sm.Meeting
	rec := ical.Record{UID: m.UID, Kind: "meeting", Summary: m.Title, Location: m.Venue.String(), URL: m.Venue.OnlineURL,
		AllDay: m.AllDay, Start: m.Start, End: m.End, FirstDay: m.FirstDay, LastDay: m.LastDay, Zone: m.Zone,
		Sequence: m.Sequence, Created: m.Created, Modified: f.modified()}
	rec.Status = statusOut(m.Status)
	rec.Class = classOf(m.Confidentiality)
	for _, id := range m.AllAreaIDs() {
		if name := c.AreaName(id); name != "" {
			rec.Categories = append(rec.Categories, name)
		}
	}
	var desc strings.Builder
	desc.WriteString(c.Acronym(m.ConvenerID) + " " + string(m.Kind))
	for _, it := range m.Agenda {
		desc.WriteString("\n- " + it.Title)
	}
	if m.Notes != "" {
		desc.WriteString("\n\n" + m.Notes)
	}
	rec.Description = desc.String()
	rec.Fields = toICal(f)
	return rec
}

func classOf(c model.Confidentiality) string {
	switch c {
	case model.Public:
		return "PUBLIC"
	case model.PartiesOnly:
		return "CONFIDENTIAL"
	}
	return "PRIVATE"
}

func toICal(f Fields) []ical.Field {
	out := make([]ical.Field, 0, len(f))
	for _, n := range f.names() {
		out = append(out, ical.Field{Name: n, Value: f[n]})
	}
	return out
}

func fromICal(fs []ical.Field) Fields {
	f := Fields{}
	for _, x := range fs {
		f.set(x.Name, x.Value)
	}
	return f
}

var _ = json.Marshal
