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
)

func meetingCommands() []*command {
	return []*command{
		{name: "meeting add", args: "--title T --convener ORG --start S --end E [flags]",
			summary: "record a meeting or conference; prints its id",
			flags:   meetingFlags, run: runMeetingAdd},
		{name: "meeting update", args: "ID [flags]",
			summary: "change a meeting (only the flags given); a change of time, place or status bumps its version",
			flags:   meetingFlags, run: runMeetingUpdate},
		{name: "meeting cancel", args: "ID", summary: "cancel a meeting (its invitations become void; partners must be told)",
			run: runMeetingCancel},
		{name: "meeting list", args: "[--from D] [--to D] [--json]", summary: "list meetings, earliest first",
			flags: func(fs *flag.FlagSet) {
				fs.String("from", "", "first day, YYYY-MM-DD")
				fs.String("to", "", "last day, YYYY-MM-DD")
				fs.String("convener", "", "only meetings convened by this organization")
				fs.String("search", "", "only meetings whose title, venue or city contain this text")
				fs.Bool("json", false, "print JSON")
			}, run: runMeetingList},
		{name: "meeting show", args: "ID [--json]", summary: "show a meeting and what Article 2 says about it",
			flags: func(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON") }, run: runMeetingShow},
	}
}

func meetingFlags(fs *flag.FlagSet) {
	fs.String("title", "", "the meeting's title")
	fs.String("convener", "", "the convening organization's acronym")
	fs.String("start", "", "YYYY-MM-DDTHH:MM in --tz, or YYYY-MM-DD for a whole-day meeting")
	fs.String("end", "", "YYYY-MM-DDTHH:MM in --tz, or YYYY-MM-DD: the last day (inclusive) of a whole-day meeting")
	fs.String("tz", "", "IANA time zone of the venue (default: our headquarters' zone)")
	fs.String("venue", "", "venue name")
	fs.String("address", "", "street address")
	fs.String("city", "", "city")
	fs.String("country", "", "ISO 3166 two-letter country code, e.g. FR")
	fs.String("online", "", "online meeting link (https://...)")
	fs.String("kind", string(model.KindMeeting), "one of: "+kinds())
	fs.String("status", string(model.StatusPlanned), "one of: "+statuses())
	fs.Bool("igos-invited", false, "intergovernmental organizations are invited")
	fs.String("observers-excluded", "", "the rule of procedure or decision that excludes observers (empty: not excluded)")
	fs.Var(&multi{}, "area", "an area of cooperation the meeting concerns (repeatable)")
	fs.Var(&multi{}, "agenda", `an agenda item "TITLE|AREA,AREA" (repeatable; replaces the agenda on update)`)
	fs.Var(&multi{}, "interest", `mark the meeting as a matter of interest to ORG, optionally "ORG|why" (repeatable)`)
	fs.String("confidentiality", string(model.PartiesOnly), "public, parties or internal")
	fs.String("background", "", "background that may be shared with the partner")
	fs.String("notes", "", "internal notes (never exported)")
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

func runMeetingAdd(e *env, c *call) error {
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
		if err := applyMeetingFlags(c.fs, cat, m, true); err != nil {
			return err
		}
		if err := st.CreateMeeting(e.ctx, m); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, m.ID)
		return nil
	})
}

func runMeetingUpdate(e *env, c *call) error {
	id, err := oneID(c, "meeting")
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		m, err := st.Meeting(e.ctx, id)
		if err != nil {
			return err
		}
		if err := applyMeetingFlags(c.fs, cat, m, false); err != nil {
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
func applyMeetingFlags(fs *flag.FlagSet, cat *model.Catalog, m *model.Meeting, add bool) error {
	str := func(name string) string { return fs.Lookup(name).Value.String() }
	given := func(name string) bool { return add || set(fs, name) }
	if given("title") {
		m.Title = strings.TrimSpace(str("title"))
	}
	if given("convener") {
		o, err := cat.OrgByAcronym("convener", str("convener"))
		if err != nil {
			return err
		}
		m.ConvenerID = o.ID
	}
	if given("kind") {
		m.Kind = model.MeetingKind(strings.ToLower(str("kind")))
	}
	if given("status") {
		m.Status = model.MeetingStatus(strings.ToLower(str("status")))
	}
	if given("confidentiality") {
		m.Confidentiality = model.Confidentiality(strings.ToLower(str("confidentiality")))
	}
	if set(fs, "tz") {
		m.Zone = str("tz")
	} else if add {
		m.Zone = ourZone(cat)
	}
	if set(fs, "start") || set(fs, "end") || set(fs, "tz") {
		if err := applyTimes(fs, m); err != nil {
			return err
		}
	}
	for flagName, field := range map[string]*string{"venue": &m.Venue.Name, "address": &m.Venue.Address, "city": &m.Venue.City,
		"online": &m.Venue.OnlineURL, "background": &m.Background, "notes": &m.Notes} {
		if set(fs, flagName) {
			*field = strings.TrimSpace(str(flagName))
		}
	}
	if set(fs, "country") {
		m.Venue.Country = strings.ToUpper(strings.TrimSpace(str("country")))
	}
	if set(fs, "igos-invited") {
		m.IGOsInvited = str("igos-invited") == "true"
	}
	if set(fs, "observers-excluded") {
		reason := strings.TrimSpace(str("observers-excluded"))
		m.ObserversExcluded, m.ExclusionReason = reason != "", reason
	}
	if set(fs, "area") {
		ids, err := cat.AreasByName("area", m.ConvenerID, *fs.Lookup("area").Value.(*multi))
		if err != nil {
			return err
		}
		m.AreaIDs = ids
	}
	if set(fs, "agenda") {
		m.Agenda = nil
		for i, spec := range *fs.Lookup("agenda").Value.(*multi) {
			it, err := parseAgendaItem(cat, m.ConvenerID, fmt.Sprintf("agenda[%d]", i+1), spec)
			if err != nil {
				return err
			}
			m.Agenda = append(m.Agenda, it)
		}
	}
	if set(fs, "interest") {
		m.InterestMarks = nil
		for _, spec := range *fs.Lookup("interest").Value.(*multi) {
			acr, note, _ := strings.Cut(spec, "|")
			o, err := cat.OrgByAcronym("interest", acr)
			if err != nil {
				return err
			}
			m.InterestMarks = append(m.InterestMarks, model.InterestMark{OrgID: o.ID, Note: strings.TrimSpace(note)})
		}
	}
	return nil
}

// applyTimes reads --start and --end: both dates (a whole-day meeting, the
// end inclusive) or both local times in the meeting's zone.
func applyTimes(fs *flag.FlagSet, m *model.Meeting) error {
	start, end := fs.Lookup("start").Value.String(), fs.Lookup("end").Value.String()
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

// parseAgendaItem reads "TITLE|AREA,AREA". Area names may themselves hold
// commas ("The use of technology, software and systems"), so the list is
// matched greedily against the known names, longest first.
func parseAgendaItem(cat *model.Catalog, convener int64, field, spec string) (model.AgendaItem, error) {
	cut := strings.LastIndex(spec, "|")
	title, list := spec, ""
	if cut >= 0 {
		title, list = spec[:cut], spec[cut+1:]
	}
	it := model.AgendaItem{Title: strings.TrimSpace(title)}
	if it.Title == "" {
		return it, model.Invalid(field, "the agenda item %q has no title; write \"TITLE|AREA,AREA\"", spec)
	}
	tokens := strings.Split(list, ",")
	for i := 0; i < len(tokens); {
		if strings.TrimSpace(tokens[i]) == "" {
			i++
			continue
		}
		matched := false
		for j := len(tokens); j > i; j-- {
			name := strings.Join(tokens[i:j], ",")
			if ids, err := cat.AreasByName(field, convener, []string{name}); err == nil {
				it.AreaIDs = append(it.AreaIDs, ids...)
				i, matched = j, true
				break
			}
		}
		if !matched {
			_, err := cat.AreasByName(field, convener, []string{tokens[i]})
			return it, err
		}
	}
	return it, nil
}

func runMeetingList(e *env, c *call) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		f := store.MeetingFilter{Text: c.fs.Lookup("search").Value.String()}
		from, err := optDate("from", c.fs.Lookup("from").Value.String())
		if err != nil {
			return err
		}
		to, err := optDate("to", c.fs.Lookup("to").Value.String())
		if err != nil {
			return err
		}
		if !from.IsZero() {
			f.From = dayStart(cat, from)
		}
		if !to.IsZero() {
			f.To = dayStart(cat, to.AddDays(1))
		}
		if conv := c.fs.Lookup("convener").Value.String(); conv != "" {
			o, err := cat.OrgByAcronym("convener", conv)
			if err != nil {
				return err
			}
			f.ConvenerID = o.ID
		}
		ms, err := st.Meetings(e.ctx, f)
		if err != nil {
			return err
		}
		if c.fs.Lookup("json").Value.String() == "true" {
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
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", m.ID, when(m), cat.Acronym(m.ConvenerID), m.Kind, m.Status, m.Title)
		}
		return tw.Flush()
	})
}

// when renders a meeting's time for a table: local time and zone, or days.
func when(m *model.Meeting) string {
	if m.AllDay {
		if m.FirstDay == m.LastDay {
			return m.FirstDay.String() + " (all day)"
		}
		return m.FirstDay.String() + " – " + m.LastDay.String()
	}
	loc := m.Location()
	s, en := m.Start.In(loc), m.End.In(loc)
	if model.DateOf(s) == model.DateOf(en) {
		return s.Format("2006-01-02 15:04") + "–" + en.Format("15:04") + " " + m.Zone
	}
	return s.Format("2006-01-02 15:04") + " – " + en.Format("2006-01-02 15:04") + " " + m.Zone
}

func runMeetingShow(e *env, c *call) error {
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
		if c.fs.Lookup("json").Value.String() == "true" {
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
