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
	to := func(fs *flag.FlagSet) { fs.String("to", "", "the invited organization's acronym") }
	return []*command{
		{name: "invitation mark-sent", args: "MEETING_ID --to ORG [--on D]",
			summary: "record that the invitation went out (by letter or mail) for the meeting's current version",
			flags: func(fs *flag.FlagSet) {
				to(fs)
				fs.String("on", "", "the day it was sent, YYYY-MM-DD (default: now)")
				fs.String("via", "letter", "how it was sent: letter, mail, ics, eml")
			}, run: runMarkSent},
		{name: "invitation reply", args: "MEETING_ID --to ORG --status accepted|tentative|declined [--representative \"Name <mail>\"]...",
			summary: "record the partner's reply that came by letter or mail",
			flags: func(fs *flag.FlagSet) {
				to(fs)
				fs.String("status", "", "accepted, tentative or declined")
				fs.Var(&multi{}, "representative", `a representative named, "Name <mail@domain>" (repeatable)`)
				fs.String("on", "", "the day of the reply, YYYY-MM-DD (default: now)")
			}, run: runReply},
		{name: "invitation waive", args: "MEETING_ID --to ORG --reason TEXT",
			summary: "record a decision not to send an owed invitation, with the reason",
			flags: func(fs *flag.FlagSet) {
				to(fs)
				fs.String("reason", "", "why the invitation is waived")
			}, run: runWaive},
		{name: "invitation show", args: "MEETING_ID --to ORG [--json]",
			summary: "show an invitation's state and its whole history",
			flags: func(fs *flag.FlagSet) {
				to(fs)
				fs.Bool("json", false, "print JSON")
			}, run: runInvitationShow},
	}
}

// invitationTarget reads the meeting id and --to of an invitation command.
func invitationTarget(c *call, cat *model.Catalog) (int64, *model.Organization, error) {
	id, err := oneID(c, "meeting")
	if err != nil {
		return 0, nil, err
	}
	if !set(c.fs, "to") {
		return 0, nil, usagef("--to ORG is required")
	}
	o, err := cat.OrgByAcronym("to", c.fs.Lookup("to").Value.String())
	return id, o, err
}

// instant reads an optional --on day as noon in our zone, else now.
func (e *env) instant(c *call, cat *model.Catalog) (time.Time, error) {
	on := c.fs.Lookup("on").Value.String()
	if on == "" {
		return e.now(), nil
	}
	d, err := optDate("on", on)
	if err != nil {
		return time.Time{}, err
	}
	return dayStart(cat, d).Add(12 * time.Hour), nil
}

func runMarkSent(e *env, c *call) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, cat)
		if err != nil {
			return err
		}
		at, err := e.instant(c, cat)
		if err != nil {
			return err
		}
		m, err := st.Meeting(e.ctx, id)
		if err != nil {
			return err
		}
		inv, err := st.MarkSent(e.ctx, id, to.ID, at, m.Sequence, c.fs.Lookup("via").Value.String())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Recorded: invitation to %s for meeting %d, version %d, sent on %s.\n", to.Acronym, id, inv.SentSequence, model.DateOf(at))
		return nil
	})
}

func runReply(e *env, c *call) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, cat)
		if err != nil {
			return err
		}
		state := model.InvitationState(strings.ToLower(c.fs.Lookup("status").Value.String()))
		if !state.IsReply() {
			return model.Invalid("status", "%q is not a reply: give accepted, tentative or declined", c.fs.Lookup("status").Value.String())
		}
		var reps []model.Representative
		for _, r := range *c.fs.Lookup("representative").Value.(*multi) {
			rep, err := model.ParseRepresentative(r)
			if err != nil {
				return err
			}
			reps = append(reps, rep)
		}
		at, err := e.instant(c, cat)
		if err != nil {
			return err
		}
		m, err := st.Meeting(e.ctx, id)
		if err != nil {
			return err
		}
		seq := m.Sequence
		if inv, err := st.Invitation(e.ctx, id, to.ID); err == nil && !inv.SentAt.IsZero() {
			seq = inv.SentSequence // the reply answers the version that was sent
		}
		if _, err := st.RecordReply(e.ctx, id, to.ID, at, state, seq, reps); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Recorded: %s %s the invitation to meeting %d.\n", to.Acronym, state, id)
		return nil
	})
}

func runWaive(e *env, c *call) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, cat)
		if err != nil {
			return err
		}
		reason := strings.TrimSpace(c.fs.Lookup("reason").Value.String())
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

func runInvitationShow(e *env, c *call) error {
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		id, to, err := invitationTarget(c, cat)
		if err != nil {
			return err
		}
		inv, err := st.Invitation(e.ctx, id, to.ID)
		if err != nil {
			return err
		}
		if c.fs.Lookup("json").Value.String() == "true" {
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
