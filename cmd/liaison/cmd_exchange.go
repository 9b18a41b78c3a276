package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/exchange"
	"github.com/liaison-app/liaison/ui/explain"
)

// exchangeCommands are the iCalendar exchange with partners.
func exchangeCommands() []*command {
	return []*command{
		{name: "invitation export", args: "MEETING_ID --to ORG -o FILE.ics [--eml FILE.eml]",
			summary: "write the observer invitation as .ics (and a ready-to-send .eml) and record it as sent",
			setup:   withOptions(runInvitationExport)},
		{name: "consultation export", args: "ID -o FILE.ics [--eml FILE.eml]",
			summary: "write a consultation series as one recurring invitation to the partners' focal points",
			setup:   withOptions(runConsultationExport)},
		{name: "export", args: "[--from D] [--to D] [--for ORG] -o FILE.ics",
			summary: "publish meetings and consultations as a calendar feed (METHOD:PUBLISH)",
			setup:   withOptions(runExportFeed)},
		{name: "import", args: "FILE...",
			summary: "import partners' replies and meetings from .ics files; each file is all or nothing",
			setup:   noOptions(runImport)},
	}
}

// outOptions are -o, the file to write, and --eml, a ready-to-send message.
type outOptions struct {
	Out, EML string
	Force    bool
}

func (o *outOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Out, "o", "", "the .ics file to write (with --eml: default, the .eml's name ending in .ics)")
	fs.StringVar(&o.EML, "eml", "", "also write a ready-to-send e-mail (.eml) here")
	fs.BoolVar(&o.Force, "force", false, "with --eml, replace an .ics file that is already there")
}

// out returns -o, required unless --eml names the message (the .ics then
// goes beside it). With --eml, an .ics already there is replaced only with
// --force: it may be the version sent before.
func (o *outOptions) out() (string, error) {
	if strings.TrimSpace(o.Out) == "" && strings.TrimSpace(o.EML) != "" {
		o.Out = exchange.ICSBeside(strings.TrimSpace(o.EML))
	}
	out, err := requireOut(o.Out)
	if err != nil || o.EML == "" {
		return out, err
	}
	if err := exchange.CheckICSBeside(out, o.Force); err != nil {
		return "", fmt.Errorf("%w: pass --force to replace it, or choose another -o", err)
	}
	return out, nil
}

type invitationExportOptions struct {
	toOption
	outOptions
}

func (o *invitationExportOptions) bind(fs *flag.FlagSet) {
	o.toOption.bind(fs)
	o.outOptions.bind(fs)
}

type feedOptions struct{ From, To, For, Out string }

func (o *feedOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.From, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&o.To, "to", "", "last day, YYYY-MM-DD")
	fs.StringVar(&o.For, "for", "", "a partner: only what is public or for the parties goes in")
	fs.StringVar(&o.Out, "o", "", "the .ics file to write")
}

func requireOut(out string) (string, error) {
	out = strings.TrimSpace(out)
	if out == "" {
		return "", usagef("give the file to write with -o FILE.ics")
	}
	return out, nil
}

func runInvitationExport(e *env, c *call, o *invitationExportOptions) error {
	out, err := o.out()
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, o.To, cat)
		if err != nil {
			return err
		}
		res, err := exchange.ExportInvitation(e.ctx, st, id, to.ID, e.now(), out, o.EML)
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

func runConsultationExport(e *env, c *call, o *outOptions) error {
	id, err := oneID(c, "consultation")
	if err != nil {
		return err
	}
	out, err := o.out()
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		res, err := exchange.ExportConsultation(e.ctx, st, id, e.now(), out, o.EML)
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

func runExportFeed(e *env, c *call, o *feedOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	out, err := requireOut(o.Out)
	if err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		var opt exchange.FeedOptions
		if d, err := optDate("from", o.From); err != nil {
			return err
		} else if !d.IsZero() {
			opt.From = dayStart(cat, d)
		}
		if d, err := optDate("to", o.To); err != nil {
			return err
		} else if !d.IsZero() {
			opt.To = dayStart(cat, d.AddDays(1))
		}
		if o.For != "" {
			org, err := cat.OrgByAcronym("for", o.For)
			if err != nil {
				return err
			}
			opt.For = org.ID
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
		fmt.Fprint(e.stdout, sum.Text(func(ob *model.Obligation) string { return explain.English().Reason(cat, ob) }))
		if err != nil {
			return err
		}
		var refused, unused []string
		for _, f := range sum.Files {
			if f.Refused != nil {
				refused = append(refused, f.Refused.Error())
			}
			if why := f.Unused(); why != "" {
				unused = append(unused, why)
			}
		}
		if len(refused) > 0 {
			return fmt.Errorf("%d of %d files refused, nothing imported from them: %s", len(refused), len(sum.Files), strings.Join(append(refused, unused...), "; "))
		}
		if len(unused) > 0 {
			return errors.New(strings.Join(unused, "; "))
		}
		return nil
	})
}
