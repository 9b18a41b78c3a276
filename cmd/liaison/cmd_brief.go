package main

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/ui/brief"
	"github.com/liaison-app/liaison/ui/briefing"
)

// briefCommands print meeting briefs.
func briefCommands() []*command {
	return []*command{{
		name: "brief", args: "MEETING_ID -o FILE.pdf | --consultation ID --on D -o FILE.pdf | --from D --to D -o FILE.pdf",
		summary: "write (and print) the brief of a meeting, of a consultation, or a briefing pack for a period",
		setup:   withOptions(runBrief),
	}}
}

type briefOptions struct {
	Out, On, From, To, For, Paper string
	Consultation                  int64
	Print                         bool
}

func (o *briefOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Out, "o", "", "the PDF file to write")
	fs.Int64Var(&o.Consultation, "consultation", 0, "a consultation series' id (with --on)")
	fs.StringVar(&o.On, "on", "", "the day of the consultation, YYYY-MM-DD")
	fs.StringVar(&o.From, "from", "", "first day of a briefing pack, YYYY-MM-DD")
	fs.StringVar(&o.To, "to", "", "last day of a briefing pack, YYYY-MM-DD")
	fs.StringVar(&o.For, "for", "", "make a brief fit to hand to this partner: no internal notes, nothing internal")
	fs.StringVar(&o.Paper, "paper", "A4", "A4 or Letter")
	fs.BoolVar(&o.Print, "print", false, "send the PDF to the default printer (CUPS lp)")
}

func runBrief(e *env, c *call, o *briefOptions) error {
	out := strings.TrimSpace(o.Out)
	if out == "" {
		return usagef("give the PDF file to write with -o FILE.pdf")
	}
	series := o.Consultation
	pack := set(c.fs, "from") || set(c.fs, "to")
	switch {
	case series != 0 && (len(c.args) > 0 || pack):
		return usagef("give a meeting id, or --consultation with --on, or --from and --to: one of them")
	case series != 0 && !set(c.fs, "on"):
		return usagef("--consultation needs --on YYYY-MM-DD")
	case pack && (len(c.args) > 0 || !set(c.fs, "from") || !set(c.fs, "to")):
		return usagef("a briefing pack needs both --from and --to, and no meeting id")
	case series == 0 && !pack && len(c.args) != 1:
		return usagef("give one meeting id, or --consultation ID --on D, or --from D --to D")
	}
	opts := brief.Options{Paper: strings.TrimSpace(o.Paper)}
	if err := opts.Validate(); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		if err := st.CheckOutput(out); err != nil {
			return err
		}
		var forOrg *model.Organization
		if f := strings.TrimSpace(o.For); f != "" {
			org, err := cat.OrgByAcronym("for", f)
			if err != nil {
				return err
			}
			forOrg = org
		}
		var buf bytes.Buffer
		now := e.now()
		switch {
		case series != 0:
			day, err := optDate("on", strings.TrimSpace(o.On))
			if err != nil {
				return err
			}
			b, err := briefing.Consultation(e.ctx, st, series, day, forOrg, now)
			if err != nil {
				return err
			}
			if err := brief.WriteConsultation(&buf, b, opts); err != nil {
				return err
			}
		case pack:
			from, err := optDate("from", strings.TrimSpace(o.From))
			if err != nil {
				return err
			}
			to, err := optDate("to", strings.TrimSpace(o.To))
			if err != nil {
				return err
			}
			pk, err := briefing.Pack(e.ctx, st, from, to, forOrg, now)
			if err != nil {
				return err
			}
			if err := brief.WritePack(&buf, pk, opts); err != nil {
				return err
			}
		default:
			id, err := oneID(c, "meeting")
			if err != nil {
				return err
			}
			// Whether the partner may see the meeting, ui/brief decides
			// (model.VisibleTo), as for the app's briefs.
			b, err := briefing.Meeting(e.ctx, st, id, forOrg, now)
			if err != nil {
				return err
			}
			if err := brief.WriteMeeting(&buf, b, opts); err != nil {
				return err
			}
		}
		// A brief for our own use holds internal notes: only the user
		// may read it. One made for a partner gets the usual mode.
		perm := store.Private
		if forOrg != nil {
			perm = store.Shared
		}
		if err := st.WriteOutput(out, buf.Bytes(), perm); err != nil {
			return err
		}
		abs, _ := filepath.Abs(out)
		fmt.Fprintf(e.stdout, "Wrote %s (%d KB).\n", abs, (buf.Len()+1023)/1024)
		if o.Print {
			how, err := brief.Send(out)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, how)
		}
		return nil
	})
}
