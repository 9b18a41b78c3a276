package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

func invitationCommands() []*command {
	return []*command{
		{name: "invitation mark-sent", args: "MEETING_ID --to ORG [--on D]",
			summary: "record that the invitation went out (by letter or mail) for the meeting's current version",
			setup:   withOptions(runMarkSent)},
		{name: "invitation reply", args: "MEETING_ID --to ORG --status accepted|tentative|declined [--representative \"Name <mail>\"]...",
			summary: "record the partner's reply that came by letter or mail",
			setup:   withOptions(runReply)},
		{name: "invitation waive", args: "MEETING_ID --to ORG --reason TEXT",
			summary: "record a decision not to send an owed invitation, with the reason",
			setup:   withOptions(runWaive)},
		{name: "invitation show", args: "MEETING_ID --to ORG [--json]",
			summary: "show an invitation's state and its whole history",
			setup:   withOptions(runInvitationShow)},
	}
}

// toOption is --to, the invited organization, which every invitation
// command takes.
type toOption struct{ To string }

func (o *toOption) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.To, "to", "", "the invited organization's acronym")
}

type markSentOptions struct {
	toOption
	On, Via string
}

func (o *markSentOptions) bind(fs *flag.FlagSet) {
	o.toOption.bind(fs)
	fs.StringVar(&o.On, "on", "", "the day it was sent, YYYY-MM-DD (default: now)")
	fs.StringVar(&o.Via, "via", "letter", "how it was sent: letter, mail, ics, eml")
}

type replyOptions struct {
	toOption
	Status          string
	Representatives multi
	On              string
	Comment         string
}

func (o *replyOptions) bind(fs *flag.FlagSet) {
	o.toOption.bind(fs)
	fs.StringVar(&o.Status, "status", "", "accepted, tentative or declined")
	fs.Var(&o.Representatives, "representative", `a representative named, "Name <mail@domain>" (repeatable)`)
	fs.StringVar(&o.On, "on", "", "the day of the reply, YYYY-MM-DD (default: now)")
	fs.StringVar(&o.Comment, "comment", "", "what the partner wrote with the reply")
}

type waiveOptions struct {
	toOption
	Reason string
}

func (o *waiveOptions) bind(fs *flag.FlagSet) {
	o.toOption.bind(fs)
	fs.StringVar(&o.Reason, "reason", "", "why the invitation is waived")
}

type invitationShowOptions struct {
	toOption
	jsonOptions
}

func (o *invitationShowOptions) bind(fs *flag.FlagSet) {
	o.toOption.bind(fs)
	o.jsonOptions.bind(fs)
}

// invitationTarget reads the meeting id and --to of an invitation command.
func invitationTarget(c *call, to string, cat *model.Catalog) (int64, *model.Organization, error) {
	id, err := oneID(c, "meeting")
	if err != nil {
		return 0, nil, err
	}
	if !set(c.fs, "to") {
		return 0, nil, usagef("--to ORG is required")
	}
	o, err := cat.OrgByAcronym("to", to)
	return id, o, err
}

// instant reads an optional --on day as noon in our zone, else now.
func (e *env) instant(on string, cat *model.Catalog) (time.Time, error) {
	if on == "" {
		return e.now(), nil
	}
	d, err := optDate("on", on)
	if err != nil {
		return time.Time{}, err
	}
	return dayStart(cat, d).Add(12 * time.Hour), nil
}

func runMarkSent(e *env, c *call, o *markSentOptions) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, o.To, cat)
		if err != nil {
			return err
		}
		at, err := e.instant(o.On, cat)
		if err != nil {
			return err
		}
		m, err := st.Meeting(e.ctx, id)
		if err != nil {
			return err
		}
		inv, err := st.MarkSent(e.ctx, id, to.ID, at, m.Sequence, o.Via)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Recorded: invitation to %s for meeting %d, version %d, sent on %s.\n", to.Acronym, id, inv.SentSequence, model.DateOf(at))
		return nil
	})
}

func runReply(e *env, c *call, o *replyOptions) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, o.To, cat)
		if err != nil {
			return err
		}
		state := model.InvitationState(strings.ToLower(o.Status))
		if !state.IsReply() {
			return model.Invalid("status", "%q is not a reply: give accepted, tentative or declined", o.Status)
		}
		var reps []model.Representative
		for _, r := range o.Representatives {
			rep, err := model.ParseRepresentative(r)
			if err != nil {
				return err
			}
			reps = append(reps, rep)
		}
		at, err := e.instant(o.On, cat)
		if err != nil {
			return err
		}
		inv, err := st.RecordReply(e.ctx, id, to.ID, model.Reply{At: at, State: state, Representatives: reps, Comment: o.Comment})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Recorded: %s %s the invitation to meeting %d (version %d).\n", to.Acronym, state, id, inv.ReplySequence)
		return nil
	})
}

func runWaive(e *env, c *call, o *waiveOptions) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, o.To, cat)
		if err != nil {
			return err
		}
		reason := strings.TrimSpace(o.Reason)
		if reason == "" {
			return usagef("--reason is required: say why the invitation is waived")
		}
		if _, err := st.Waive(e.ctx, id, to.ID, e.now(), reason); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Recorded: the invitation to %s for meeting %d is waived.\n", to.Acronym, id)
		return nil
	})
}

func runInvitationShow(e *env, c *call, o *invitationShowOptions) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, o.To, cat)
		if err != nil {
			return err
		}
		inv, err := st.Invitation(e.ctx, id, to.ID)
		if err != nil {
			return err
		}
		if o.JSON {
			return writeJSON(e, inv)
		}
		fmt.Fprintf(e.stdout, "Invitation from %s to %s for meeting %d: %s\n", cat.Acronym(inv.FromOrgID), to.Acronym, id, inv.State)
		for _, r := range inv.Representatives {
			fmt.Fprintf(e.stdout, "  representative: %s\n", r)
		}
		for _, h := range inv.History {
			note := ""
			if h.Note != "" {
				note = ": " + h.Note
			}
			fmt.Fprintf(e.stdout, "  %s  %-12s → %s%s\n", h.At.Format("2006-01-02 15:04 MST"), h.Action, h.State, note)
		}
		return nil
	})
}
