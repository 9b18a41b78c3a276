package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/ui/explain"
)

func meetingCommands() []*command {
	return []*command{
		{name: "meeting add", args: "--title T --convener ORG --start S --end E [flags]",
			summary: "record a meeting or conference; prints its id",
			setup:   withOptions(runMeetingAdd)},
		{name: "meeting update", args: "ID [flags]",
			summary: "change a meeting (only the flags given); a change of time, place or status bumps its version",
			setup:   withOptions(runMeetingUpdate)},
		{name: "meeting cancel", args: "ID", summary: "cancel a meeting (its invitations become void; partners must be told)",
			setup: noOptions(runMeetingCancel)},
		{name: "meeting list", args: "[--from D] [--to D] [--json]", summary: "list meetings, earliest first",
			setup: withOptions(runMeetingList)},
		{name: "meeting show", args: "ID [--json]", summary: "show a meeting and what Article 2 says about it",
			setup: withOptions(runMeetingShow)},
	}
}

// meetingOptions are the flags of meeting add and meeting update.
type meetingOptions struct {
	Title, Convener, Start, End, TZ       string
	Venue, Address, City, Country, Online string
	Kind, Status, Confidentiality         string
	IGOsInvited                           bool
	ObserversExcluded, Background, Notes  string
	Areas, Agenda, Interest               multi
}

func (o *meetingOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Title, "title", "", "the meeting's title")
	fs.StringVar(&o.Convener, "convener", "", "the convening organization's acronym")
	fs.StringVar(&o.Start, "start", "", "YYYY-MM-DDTHH:MM in --tz, or YYYY-MM-DD for a whole-day meeting")
	fs.StringVar(&o.End, "end", "", "YYYY-MM-DDTHH:MM in --tz, or YYYY-MM-DD: the last day (inclusive) of a whole-day meeting")
	fs.StringVar(&o.TZ, "tz", "", "IANA time zone of the venue (default: our headquarters' zone)")
	fs.StringVar(&o.Venue, "venue", "", "venue name")
	fs.StringVar(&o.Address, "address", "", "street address")
	fs.StringVar(&o.City, "city", "", "city")
	fs.StringVar(&o.Country, "country", "", "ISO 3166 two-letter country code, e.g. FR")
	fs.StringVar(&o.Online, "online", "", "online meeting link (https://...)")
	fs.StringVar(&o.Kind, "kind", string(model.KindMeeting), "one of: "+kinds())
	fs.StringVar(&o.Status, "status", string(model.StatusPlanned), "one of: "+statuses())
	fs.BoolVar(&o.IGOsInvited, "igos-invited", false, "intergovernmental organizations are invited")
	fs.StringVar(&o.ObserversExcluded, "observers-excluded", "", "the rule of procedure or decision that excludes observers (empty: not excluded)")
	fs.Var(&o.Areas, "area", "an area of cooperation the meeting concerns (repeatable)")
	fs.Var(&o.Agenda, "agenda", `an agenda item "TITLE|AREA,AREA" (repeatable; replaces the agenda on update)`)
	fs.Var(&o.Interest, "interest", `mark the meeting as a matter of interest to ORG, optionally "ORG|why" (repeatable)`)
	fs.StringVar(&o.Confidentiality, "confidentiality", string(model.PartiesOnly), "public, parties or internal")
	fs.StringVar(&o.Background, "background", "", "background that may be shared with the partner")
	fs.StringVar(&o.Notes, "notes", "", "internal notes (never exported)")
}

// meetingListOptions are the flags of meeting list.
type meetingListOptions struct {
	From, To, Convener, Search string
	JSON                       bool
}

func (o *meetingListOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.From, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&o.To, "to", "", "last day, YYYY-MM-DD")
	fs.StringVar(&o.Convener, "convener", "", "only meetings convened by this organization")
	fs.StringVar(&o.Search, "search", "", "only meetings whose title, venue or city contain this text")
	fs.BoolVar(&o.JSON, "json", false, "print JSON")
}

func kinds() string {
	s := make([]string, len(model.MeetingKinds))
	for i, k := range model.MeetingKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func statuses() string {
	s := make([]string, len(model.MeetingStatuses))
	for i, k := range model.MeetingStatuses {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func runMeetingAdd(e *env, c *call, o *meetingOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	for _, f := range []string{"title", "convener", "start", "end"} {
		if !set(c.fs, f) {
			return usagef("--%s is required", f)
		}
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		m := &model.Meeting{Kind: model.KindMeeting, Status: model.StatusPlanned, Confidentiality: model.PartiesOnly}
		if err := applyMeetingFlags(c.fs, o, cat, m, true); err != nil {
			return err
		}
		if err := st.CreateMeeting(e.ctx, m); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, m.ID)
		return nil
	})
}

func runMeetingUpdate(e *env, c *call, o *meetingOptions) error {
	id, err := oneID(c, "meeting")
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		m, err := st.Meeting(e.ctx, id)
		if err != nil {
			return err
		}
		if err := applyMeetingFlags(c.fs, o, cat, m, false); err != nil {
			return err
		}
		if err := st.UpdateMeeting(e.ctx, m); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Updated meeting %d (version %d).\n", m.ID, m.Sequence)
		return nil
	})
}

func runMeetingCancel(e *env, c *call) error {
	id, err := oneID(c, "meeting")
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		m, err := st.CancelMeeting(e.ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Cancelled meeting %d %q (version %d).\n", m.ID, m.Title, m.Sequence)
		invs, err := st.Invitations(e.ctx, id)
		if err != nil {
			return err
		}
		for _, inv := range invs {
			if !inv.SentAt.IsZero() {
				fmt.Fprintf(e.stdout, "%s was sent an invitation: send the cancellation (liaison invitation export %d --to %s -o FILE.ics).\n",
					cat.Acronym(inv.ToOrgID), id, cat.Acronym(inv.ToOrgID))
			}
		}
		return nil
	})
}

// applyMeetingFlags copies the flags given on the command line into m; on
// add every required flag is present, on update only the given ones apply.
func applyMeetingFlags(fs *flag.FlagSet, o *meetingOptions, cat *model.Catalog, m *model.Meeting, add bool) error {
	given := func(name string) bool { return add || set(fs, name) }
	if given("title") {
		m.Title = strings.TrimSpace(o.Title)
	}
	if given("convener") {
		org, err := cat.OrgByAcronym("convener", o.Convener)
		if err != nil {
			return err
		}
		m.ConvenerID = org.ID
	}
	if given("kind") {
		m.Kind = model.MeetingKind(strings.ToLower(o.Kind))
	}
	if given("status") {
		m.Status = model.MeetingStatus(strings.ToLower(o.Status))
	}
	if given("confidentiality") {
		m.Confidentiality = model.Confidentiality(strings.ToLower(o.Confidentiality))
	}
	if set(fs, "tz") {
		m.Zone = o.TZ
	} else if add {
		m.Zone = cat.HQZoneName()
	}
	if set(fs, "start") || set(fs, "end") || set(fs, "tz") {
		if err := applyTimes(fs, o, m); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		name     string
		from, to *string
	}{{"venue", &o.Venue, &m.Venue.Name}, {"address", &o.Address, &m.Venue.Address}, {"city", &o.City, &m.Venue.City},
		{"online", &o.Online, &m.Venue.OnlineURL}, {"background", &o.Background, &m.Background}, {"notes", &o.Notes, &m.Notes}} {
		if set(fs, f.name) {
			*f.to = strings.TrimSpace(*f.from)
		}
	}
	if set(fs, "country") {
		m.Venue.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	}
	if set(fs, "igos-invited") {
		m.IGOsInvited = o.IGOsInvited
	}
	if set(fs, "observers-excluded") {
		reason := strings.TrimSpace(o.ObserversExcluded)
		m.ObserversExcluded, m.ExclusionReason = reason != "", reason
	}
	if set(fs, "area") {
		ids, err := cat.AreasByName("area", m.ConvenerID, o.Areas)
		if err != nil {
			return err
		}
		m.AreaIDs = ids
	}
	if set(fs, "agenda") {
		m.Agenda = nil
		for i, spec := range o.Agenda {
			it, err := parseAgendaItem(cat, m.ConvenerID, fmt.Sprintf("agenda[%d]", i+1), spec)
			if err != nil {
				return err
			}
			m.Agenda = append(m.Agenda, it)
		}
	}
	if set(fs, "interest") {
		m.InterestMarks = nil
		for _, spec := range o.Interest {
			acr, note, _ := strings.Cut(spec, "|")
			org, err := cat.OrgByAcronym("interest", acr)
			if err != nil {
				return err
			}
			m.InterestMarks = append(m.InterestMarks, model.InterestMark{OrgID: org.ID, Note: strings.TrimSpace(note)})
		}
	}
	return nil
}

// applyTimes reads --start and --end: both dates (a whole-day meeting, the
// end inclusive) or both local times in the meeting's zone.
func applyTimes(fs *flag.FlagSet, o *meetingOptions, m *model.Meeting) error {
	start, end := o.Start, o.End
	if !set(fs, "start") {
		start = wallOrDay(m, true)
	}
	if !set(fs, "end") {
		end = wallOrDay(m, false)
	}
	isDay := func(s string) bool { return len(strings.TrimSpace(s)) == len(model.DateLayout) }
	switch {
	case isDay(start) && isDay(end):
		first, err := optDate("start", start)
		if err != nil {
			return err
		}
		last, err := optDate("end", end)
		if err != nil {
			return err
		}
		m.AllDay, m.FirstDay, m.LastDay, m.Start, m.End = true, first, last, time.Time{}, time.Time{}
	case isDay(start) != isDay(end):
		return model.Invalid("end", "--start and --end must both be dates (a whole-day meeting) or both dates with times")
	default:
		s, err := model.ParseWallTime("start", start, m.Zone)
		if err != nil {
			return err
		}
		en, err := model.ParseWallTime("end", end, m.Zone)
		if err != nil {
			return err
		}
		m.AllDay, m.Start, m.End, m.FirstDay, m.LastDay = false, s, en, model.Date{}, model.Date{}
	}
	return nil
}

// wallOrDay renders the stored start or end the way it is typed, so that an
// update giving only --end (or only --tz) keeps the other as it was.
func wallOrDay(m *model.Meeting, start bool) string {
	switch {
	case m.AllDay && start:
		return m.FirstDay.String()
	case m.AllDay:
		return m.LastDay.String()
	case start:
		return m.Start.In(m.Location()).Format(model.WallTimeLayout)
	}
	return m.End.In(m.Location()).Format(model.WallTimeLayout)
}

// parseAgendaItem reads "TITLE|AREA,AREA" (model.Catalog.ParseAgendaItem).
func parseAgendaItem(cat *model.Catalog, convener int64, field, spec string) (model.AgendaItem, error) {
	return cat.ParseAgendaItem(field, convener, spec)
}

func runMeetingList(e *env, c *call, o *meetingListOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		f := store.MeetingFilter{Text: o.Search}
		from, err := optDate("from", o.From)
		if err != nil {
			return err
		}
		to, err := optDate("to", o.To)
		if err != nil {
			return err
		}
		if !from.IsZero() {
			f.From = dayStart(cat, from)
		}
		if !to.IsZero() {
			f.To = dayStart(cat, to.AddDays(1))
		}
		if o.Convener != "" {
			org, err := cat.OrgByAcronym("convener", o.Convener)
			if err != nil {
				return err
			}
			f.ConvenerID = org.ID
		}
		ms, err := st.Meetings(e.ctx, f)
		if err != nil {
			return err
		}
		if o.JSON {
			views := make([]meetingView, len(ms))
			for i := range ms {
				views[i] = viewMeeting(cat, &ms[i], nil)
			}
			return writeJSON(e, views)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tWHEN\tCONVENER\tKIND\tSTATUS\tTITLE")
		for i := range ms {
			m := &ms[i]
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", m.ID, explain.When(m), cat.Acronym(m.ConvenerID), m.Kind, m.Status, m.Title)
		}
		return tw.Flush()
	})
}

func runMeetingShow(e *env, c *call, o *jsonOptions) error {
	id, err := oneID(c, "meeting")
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		m, err := st.Meeting(e.ctx, id)
		if err != nil {
			return err
		}
		invs, err := st.Invitations(e.ctx, id)
		if err != nil {
			return err
		}
		obs := model.Obligations(cat, m, invs, e.now())
		if o.JSON {
			return writeJSON(e, viewMeeting(cat, m, obs))
		}
		printMeeting(e, cat, m, obs)
		return nil
	})
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
