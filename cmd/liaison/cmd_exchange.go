package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/exchange"
)

// exchangeCommands are the iCalendar exchange with partners.
func exchangeCommands() []*command {
	return []*command{
		{name: "invitation export", args: "MEETING_ID --to ORG -o FILE.ics [--eml FILE.eml]",
			summary: "write the observer invitation as .ics (and a ready-to-send .eml) and record it as sent",
			flags: func(fs *flag.FlagSet) {
				fs.String("to", "", "the invited organization's acronym")
				fs.String("o", "", "the .ics file to write")
				fs.String("eml", "", "also write a ready-to-send e-mail (.eml) here")
			}, run: runInvitationExport},
		{name: "consultation export", args: "ID -o FILE.ics [--eml FILE.eml]",
			summary: "write a consultation series as one recurring invitation to the partners' focal points",
			flags: func(fs *flag.FlagSet) {
				fs.String("o", "", "the .ics file to write")
				fs.String("eml", "", "also write a ready-to-send e-mail (.eml) here")
			}, run: runConsultationExport},
		{name: "export", args: "[--from D] [--to D] [--for ORG] -o FILE.ics",
			summary: "publish meetings and consultations as a calendar feed (METHOD:PUBLISH)",
			flags: func(fs *flag.FlagSet) {
				fs.String("from", "", "first day, YYYY-MM-DD")
				fs.String("to", "", "last day, YYYY-MM-DD")
				fs.String("for", "", "a partner: only what is public or for the parties goes in")
				fs.String("o", "", "the .ics file to write")
			}, run: runExportFeed},
		{name: "import", args: "FILE...",
			summary: "import partners' replies and meetings from .ics files; each file is all or nothing",
			run:     runImport},
	}
}

func requireOut(c *call) (string, error) {
	out := strings.TrimSpace(c.fs.Lookup("o").Value.String())
	if out == "" {
		return "", usagef("give the file to write with -o FILE.ics")
	}
	return out, nil
}

func runInvitationExport(e *env, c *call) error {
	out, err := requireOut(c)
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, cat)
		if err != nil {
			return err
		}
		res, err := exchange.ExportInvitation(e.ctx, st, id, to.ID, e.now(), out, c.fs.Lookup("eml").Value.String())
		if err != nil {
			return err
		}
		names := make([]string, len(res.Attendees))
		for i, a := range res.Attendees {
			names[i] = a.Name + " <" + a.Email + ">"
		}
		fmt.Fprintf(e.stdout, "Wrote %s (METHOD:%s, version %d) for %s.\n", res.ICSPath, res.Method, res.Sequence, strings.Join(names, ", "))
		if res.EMLPath != "" {
			fmt.Fprintf(e.stdout, "Wrote %s: open it in your mail program and send it.\n", res.EMLPath)
		}
		fmt.Fprintf(e.stdout, "Recorded: version %d sent to %s.\n", res.Sequence, to.Acronym)
		return nil
	})
}

func runConsultationExport(e *env, c *call) error {
	id, err := oneID(c, "consultation")
	if err != nil {
		return err
	}
	out, err := requireOut(c)
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		res, err := exchange.ExportConsultation(e.ctx, st, id, e.now(), out, c.fs.Lookup("eml").Value.String())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Wrote %s (METHOD:%s, version %d).\n", res.ICSPath, res.Method, res.Sequence)
		if res.EMLPath != "" {
			fmt.Fprintf(e.stdout, "Wrote %s: open it in your mail program and send it.\n", res.EMLPath)
		}
		return nil
	})
}

func runExportFeed(e *env, c *call) error {
	if err := noArgs(c); err != nil {
		return err
	}
	out, err := requireOut(c)
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		var opt exchange.FeedOptions
		if d, err := optDate("from", c.fs.Lookup("from").Value.String()); err != nil {
			return err
		} else if !d.IsZero() {
			opt.From = dayStart(cat, d)
		}
		if d, err := optDate("to", c.fs.Lookup("to").Value.String()); err != nil {
			return err
		} else if !d.IsZero() {
			opt.To = dayStart(cat, d.AddDays(1))
		}
		if f := c.fs.Lookup("for").Value.String(); f != "" {
			o, err := cat.OrgByAcronym("for", f)
			if err != nil {
				return err
			}
			opt.For = o.ID
		}
		res, err := exchange.ExportFeed(e.ctx, st, opt, e.now(), out)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Wrote %s: %d meetings and %d consultation series", out, res.Meetings, res.Series)
		if res.Left > 0 {
			fmt.Fprintf(e.stdout, " (%d meetings left out: internal, or not for that partner)", res.Left)
		}
		fmt.Fprintln(e.stdout, ".")
		return nil
	})
}

func runImport(e *env, c *call) error {
	if len(c.args) == 0 {
		return usagef("give one or more .ics files to import")
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		sum, err := exchange.ImportFiles(e.ctx, st, c.args, e.now())
		fmt.Fprint(e.stdout, sum.String())
		if err != nil {
			return err
		}
		var refused []string
		for _, f := range sum.Files {
			if f.Refused != nil {
				refused = append(refused, f.Refused.Error())
			}
		}
		if len(refused) > 0 {
			return fmt.Errorf("%d of %d files refused, nothing imported from them: %s", len(refused), len(sum.Files), strings.Join(refused, "; "))
		}
		return nil
	})
}
