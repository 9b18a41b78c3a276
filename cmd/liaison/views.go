package main

import (
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/ui/explain"
)

// meetingView is a meeting as the command line prints it in JSON: the
// stored record with organizations and areas named, and what Article 2
// says about it. Internal notes are included: this is our own output.
type meetingView struct {
	*model.Meeting
	Convener    string           `json:"convener"`
	Areas       []string         `json:"areas"`
	Agenda      []agendaView     `json:"agenda"`
	Obligations []obligationView `json:"obligations,omitempty"`
}

type agendaView struct {
	Title string   `json:"title"`
	Areas []string `json:"areas"`
}

// obligationView is one answer of the Article 2 rule, as `liaison
// obligations --json` prints it.
type obligationView struct {
	MeetingID    int64  `json:"meeting_id"`
	MeetingTitle string `json:"meeting_title"`
	MeetingStart string `json:"meeting_start"`
	Agreement    string `json:"agreement"`
	OwedBy       string `json:"owed_by"`
	OwedTo       string `json:"owed_to"`
	Incoming     bool   `json:"incoming"`
	Article      string `json:"article"`
	State        string `json:"state"`
	Due          string `json:"due"`
	LeadDays     int32  `json:"lead_days,omitempty"` // the due day is the meeting's first day minus this
	Reason       string `json:"reason"`
}

func viewMeeting(cat *model.Catalog, m *model.Meeting, obs []model.Obligation) meetingView {
	v := meetingView{Meeting: m, Convener: cat.Acronym(m.ConvenerID), Areas: areaNames(cat, m.AreaIDs), Agenda: []agendaView{}}
	for _, it := range m.Agenda {
		v.Agenda = append(v.Agenda, agendaView{Title: it.Title, Areas: areaNames(cat, it.AreaIDs)})
	}
	for i := range obs {
		v.Obligations = append(v.Obligations, viewObligation(cat, m, &obs[i]))
	}
	return v
}

func viewObligation(cat *model.Catalog, m *model.Meeting, ob *model.Obligation) obligationView {
	ag := ""
	if g := cat.Agreement(ob.AgreementID); g != nil {
		ag = g.ShortName
	}
	return obligationView{
		MeetingID: ob.MeetingID, MeetingTitle: m.Title, MeetingStart: m.StartDay().String(), Agreement: ag,
		OwedBy: cat.Acronym(ob.From), OwedTo: cat.Acronym(ob.To), Incoming: ob.Incoming,
		Article: ob.Article, State: ob.State.String(), Due: ob.Due.String(), LeadDays: ob.Why.Lead,
		Reason: explain.English().Reason(cat, ob),
	}
}

func areaNames(cat *model.Catalog, ids []int64) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, cat.AreaName(id))
	}
	return out
}

func printMeeting(e *env, cat *model.Catalog, m *model.Meeting, obs []model.Obligation) {
	w := e.stdout
	fmt.Fprintf(w, "Meeting %d: %s\n", m.ID, m.Title)
	fmt.Fprintf(w, "  Kind:            %s, convened by %s\n", m.Kind, cat.Acronym(m.ConvenerID))
	fmt.Fprintf(w, "  When:            %s\n", explain.When(m))
	if !m.Venue.IsZero() {
		fmt.Fprintf(w, "  Where:           %s\n", m.Venue)
	}
	fmt.Fprintf(w, "  Status:          %s (version %d)\n", m.Status, m.Sequence)
	fmt.Fprintf(w, "  Confidentiality: %s\n", m.Confidentiality)
	igos := "no"
	if m.IGOsInvited {
		igos = "yes"
	}
	fmt.Fprintf(w, "  IGOs invited:    %s\n", igos)
	if m.ObserversExcluded {
		fmt.Fprintf(w, "  Observers:       excluded: %s\n", m.ExclusionReason)
	}
	if len(m.AreaIDs) > 0 {
		fmt.Fprintf(w, "  Areas:           %s\n", strings.Join(areaNames(cat, m.AreaIDs), "; "))
	}
	if len(m.Agenda) > 0 {
		fmt.Fprintln(w, "  Agenda:")
		for i, it := range m.Agenda {
			areas := ""
			if len(it.AreaIDs) > 0 {
				areas = " [" + strings.Join(areaNames(cat, it.AreaIDs), "; ") + "]"
			}
			fmt.Fprintf(w, "    %d. %s%s\n", i+1, it.Title, areas)
		}
	}
	if m.Notes != "" {
		fmt.Fprintf(w, "  Internal notes:  %s\n", m.Notes)
	}
	fmt.Fprintf(w, "  UID:             %s\n", m.UID)
	if len(obs) > 0 {
		fmt.Fprintln(w, "Article 2:")
		words := explain.English()
		for i := range obs {
			ob := &obs[i]
			due := ""
			if rule := words.DueRule(ob); rule != "" {
				due = ", " + rule
			}
			fmt.Fprintf(w, "  %s → %s: %s (%s%s)\n    %s\n", cat.Acronym(ob.From), cat.Acronym(ob.To), ob.State, ob.Article, due, words.Reason(cat, ob))
		}
	}
}
