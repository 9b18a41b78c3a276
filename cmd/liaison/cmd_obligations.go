package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

func obligationCommands() []*command {
	return []*command{{
		name: "obligations", args: "[--at YYYY-MM-DD] [--json]",
		summary: "what Article 2 says about every meeting: what is owed, to whom, by when, and why",
		setup:   withOptions(runObligations),
	}}
}

type obligationsOptions struct {
	At, States   string
	JSON, Action bool
}

func (o *obligationsOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.At, "at", "", "judge as on this day (default: today)")
	fs.BoolVar(&o.JSON, "json", false, "print JSON")
	fs.BoolVar(&o.Action, "action", false, "only what needs action (overdue, due-soon, update-owed, review, owed)")
	fs.StringVar(&o.States, "state", "", "only these states, comma-separated (e.g. overdue,due-soon)")
}

func runObligations(e *env, c *call, o *obligationsOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	var states []model.ObligationState
	if s := o.States; s != "" {
		for _, name := range strings.Split(s, ",") {
			st, ok := model.ParseObligationState(strings.TrimSpace(strings.ToLower(name)))
			if !ok {
				names := make([]string, len(model.ObligationStates))
				for i, x := range model.ObligationStates {
					names[i] = x.String()
				}
				return model.Invalid("state", "unknown state %q; the states are: %s", name, strings.Join(names, ", "))
			}
			states = append(states, st)
		}
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		now := e.now()
		if at := o.At; at != "" {
			d, err := optDate("at", at)
			if err != nil {
				return err
			}
			now = dayStart(cat, d)
		}
		if o.Action && len(states) == 0 {
			states = store.ActionStates
		}
		// The meetings come with the answers, read by the same query.
		obs, meetings, err := st.ObligationsWithMeetings(e.ctx, now, store.ObligationFilter{States: states})
		if err != nil {
			return err
		}
		views := make([]obligationView, 0, len(obs))
		for i := range obs {
			m := meetings[obs[i].MeetingID]
			if m == nil {
				return fmt.Errorf("meeting %d: %w", obs[i].MeetingID, model.ErrNotFound)
			}
			views = append(views, viewObligation(cat, m, &obs[i]))
		}
		if o.JSON {
			return writeObligationsJSON(e.stdout, views)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "STATE\tDUE\tMEETING\tFROM→TO\tARTICLE\tREASON")
		for _, v := range views {
			fmt.Fprintf(tw, "%s\t%s\t%d %s\t%s→%s\t%s\t%s\n", v.State, v.Due, v.MeetingID, clip(v.MeetingTitle, 40), v.OwedBy, v.OwedTo, v.Article, v.Reason)
		}
		return tw.Flush()
	})
}

// clip shortens s to n runes for a table column.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
