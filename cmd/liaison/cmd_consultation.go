package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

func consultationCommands() []*command {
	return []*command{
		{name: "consultation add", args: "--title T --start S --rrule RULE [flags]",
			summary: "schedule a regular consultation between the secretariats (Art. 8); prints its id",
			setup:   withOptions(runConsultationAdd)},
		{name: "consultation list", args: "[--from D] [--to D] [--json]",
			summary: "list consultation series and their dates in a period (default: the next 12 months)",
			setup:   withOptions(runConsultationList)},
		{name: "consultation record", args: "ID --on YYYY-MM-DD [flags]",
			summary: "record what happened at one consultation, or cancel or move it",
			setup:   withOptions(runConsultationRecord)},
	}
}

type consultationAddOptions struct {
	Title, Start, TZ, RRule, Agreement, Confidentiality string
	Duration                                            time.Duration
	Venues                                              multi
}

func (o *consultationAddOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Title, "title", "", "the series' title")
	fs.StringVar(&o.Start, "start", "", "the first consultation, YYYY-MM-DDTHH:MM in --tz")
	fs.DurationVar(&o.Duration, "duration", 2*time.Hour, "how long each consultation lasts, e.g. 90m or 2h")
	fs.StringVar(&o.TZ, "tz", "", "IANA time zone (default: our headquarters' zone)")
	fs.StringVar(&o.RRule, "rrule", "", `RFC 5545 rule, e.g. "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU"`)
	fs.StringVar(&o.Agreement, "agreement", "", "the agreement's key (default: the only one)")
	fs.Var(&o.Venues, "venue", `venues in rotation, "NAME|CITY|CC" (repeatable)`)
	fs.StringVar(&o.Confidentiality, "confidentiality", string(model.PartiesOnly), "public, parties or internal")
}

type consultationListOptions struct {
	From, To string
	JSON     bool
}

func (o *consultationListOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.From, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&o.To, "to", "", "last day, YYYY-MM-DD")
	fs.BoolVar(&o.JSON, "json", false, "print JSON")
}

type consultationRecordOptions struct {
	On, MoveTo, Minutes      string
	Held, Cancel             bool
	Agenda, Outcomes, Action multi
}

func (o *consultationRecordOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.On, "on", "", "the day the rule gives the consultation, YYYY-MM-DD")
	fs.BoolVar(&o.Held, "held", false, "the consultation was held")
	fs.BoolVar(&o.Cancel, "cancel", false, "cancel this consultation")
	fs.StringVar(&o.MoveTo, "move-to", "", "move it to this local time, YYYY-MM-DDTHH:MM in the series' zone")
	fs.StringVar(&o.Minutes, "minutes", "", "the minutes")
	fs.Var(&o.Agenda, "agenda", "an agenda item (repeatable)")
	fs.Var(&o.Outcomes, "outcome", "an outcome (repeatable)")
	fs.Var(&o.Action, "action", `an action item "TEXT|ORG|YYYY-MM-DD" (repeatable)`)
}

func runConsultationAdd(e *env, c *call, o *consultationAddOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	for _, f := range []string{"title", "start", "rrule"} {
		if !set(c.fs, f) {
			return usagef("--%s is required", f)
		}
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		us := cat.Us()
		g, err := agreementFor(cat, us, strings.TrimSpace(o.Agreement))
		if err != nil {
			return err
		}
		zone := strings.TrimSpace(o.TZ)
		if zone == "" {
			zone = cat.HQZoneName()
		}
		start, err := model.ParseWallTime("start", strings.TrimSpace(o.Start), zone)
		if err != nil {
			return err
		}
		s := &model.ConsultationSeries{
			AgreementID: g.ID, Title: strings.TrimSpace(o.Title), Start: start, Zone: zone, RRule: strings.TrimSpace(o.RRule),
			Duration:        o.Duration,
			Confidentiality: model.Confidentiality(strings.TrimSpace(o.Confidentiality)),
		}
		for _, v := range o.Venues {
			parts := strings.Split(v, "|")
			for len(parts) < 3 {
				parts = append(parts, "")
			}
			s.VenueRotation = append(s.VenueRotation, model.Venue{Name: strings.TrimSpace(parts[0]), City: strings.TrimSpace(parts[1]), Country: strings.ToUpper(strings.TrimSpace(parts[2]))})
		}
		if err := st.CreateSeries(e.ctx, s); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, s.ID)
		return nil
	})
}

func runConsultationList(e *env, c *call, o *consultationListOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		from, to := e.now(), e.now().AddDate(1, 0, 0)
		if d, err := optDate("from", o.From); err != nil {
			return err
		} else if !d.IsZero() {
			from = dayStart(cat, d)
		}
		if d, err := optDate("to", o.To); err != nil {
			return err
		} else if !d.IsZero() {
			to = dayStart(cat, d.AddDays(1))
		}
		list, err := st.SeriesList(e.ctx)
		if err != nil {
			return err
		}
		type occ struct {
			Start     time.Time `json:"start"`
			End       time.Time `json:"end"`
			Venue     string    `json:"venue"`
			Cancelled bool      `json:"cancelled"`
			Moved     bool      `json:"moved"`
			Held      bool      `json:"held"`
		}
		type view struct {
			*model.ConsultationSeries
			Dates []occ `json:"dates"`
		}
		var views []view
		for i := range list {
			s := &list[i]
			ins, err := s.Instances(from, to)
			if err != nil {
				return fmt.Errorf("consultation %d: %w", s.ID, err)
			}
			v := view{ConsultationSeries: s, Dates: []occ{}}
			for _, in := range ins {
				v.Dates = append(v.Dates, occ{in.Start, in.End, in.Venue.String(), in.Cancelled(), in.Record != nil && in.Record.Moved(), in.Held()})
			}
			views = append(views, v)
		}
		if o.JSON {
			if views == nil {
				views = []view{}
			}
			return writeJSON(e, views)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		for _, v := range views {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", v.ID, v.Title, v.RRule, v.Zone)
			for _, d := range v.Dates {
				note := ""
				switch {
				case d.Cancelled:
					note = "cancelled"
				case d.Held:
					note = "held"
				case d.Moved:
					note = "moved"
				}
				fmt.Fprintf(tw, "\t%s\t%s\t%s\n", d.Start.In(v.Location()).Format("Mon 2006-01-02 15:04 MST"), d.Venue, note)
			}
		}
		return tw.Flush()
	})
}

func runConsultationRecord(e *env, c *call, o *consultationRecordOptions) error {
	id, err := oneID(c, "consultation")
	if err != nil {
		return err
	}
	if !set(c.fs, "on") {
		return usagef("--on YYYY-MM-DD is required: the day the rule gives the consultation")
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		s, err := st.Series(e.ctx, id)
		if err != nil {
			return err
		}
		day, err := optDate("on", o.On)
		if err != nil {
			return err
		}
		ins, err := s.Instances(day.In(s.Location()).AddDate(0, 0, -366), day.In(s.Location()).AddDate(0, 0, 367))
		if err != nil {
			return err
		}
		var rec *model.Occurrence
		for _, in := range ins {
			if model.DateOf(in.OriginalStart.In(s.Location())) == day {
				if in.Record != nil {
					cp := *in.Record
					rec = &cp
				} else {
					rec = &model.Occurrence{SeriesID: s.ID, OriginalStart: in.OriginalStart}
				}
			}
		}
		if rec == nil {
			return model.Invalid("on", "consultation %d has no occurrence on %s by its rule %s", id, day, s.RRule)
		}
		if set(c.fs, "held") {
			rec.Held = o.Held
		}
		if set(c.fs, "cancel") {
			rec.Cancelled = o.Cancel
		}
		if mv := o.MoveTo; mv != "" {
			t, err := model.ParseWallTime("move-to", mv, s.Zone)
			if err != nil {
				return err
			}
			rec.Start, rec.End = t, t.Add(s.Duration)
		}
		if set(c.fs, "minutes") {
			rec.Minutes = o.Minutes
		}
		for _, a := range o.Agenda {
			rec.Agenda = append(rec.Agenda, model.AgendaItem{Title: strings.TrimSpace(a)})
		}
		rec.Outcomes = append(rec.Outcomes, o.Outcomes...)
		for _, a := range o.Action {
			parts := strings.Split(a, "|")
			if len(parts) != 3 {
				return model.Invalid("action", "%q is not of the form \"TEXT|ORG|YYYY-MM-DD\"", a)
			}
			org, err := cat.OrgByAcronym("action", parts[1])
			if err != nil {
				return err
			}
			due, err := optDate("action", strings.TrimSpace(parts[2]))
			if err != nil {
				return err
			}
			rec.ActionItems = append(rec.ActionItems, model.ActionItem{Text: strings.TrimSpace(parts[0]), OwnerOrg: org.ID, Due: due})
		}
		if err := st.SaveOccurrence(e.ctx, s.ID, rec); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Recorded the consultation of %s.\n", day)
		return nil
	})
}
