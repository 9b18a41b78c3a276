package store

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/liaison-app/liaison/model"
)

// The dashboard query: the Article 2 rule run over the meetings of a window.

// Default window of Obligations: meetings ending at most a year before now
// (an overdue invitation is still worth seeing for that long), and
// starting before now + DefaultObligationHorizon. The horizon is longer
// than any lead time an agreement may set (366 days) plus the due-soon
// week, so every invitation that is due, or falls due within a month, is
// listed; further meetings can only be "owed" with a due day more than a
// month away. Set ObligationFilter.To to look further.
const (
	DefaultObligationLookback = 365 * 24 * time.Hour
	DefaultObligationHorizon  = 400 * 24 * time.Hour
)

// Direction says whose obligations to list.
type Direction int

// The directions of an obligation.
const (
	BothDirections Direction = iota
	Outgoing                 // invitations we owe partners
	Incoming                 // invitations partners owe us
)

// ObligationFilter selects the answers of Obligations.
type ObligationFilter struct {
	// From and To bound the meetings looked at: ending after From,
	// starting before To. Zero: the default window (see
	// DefaultObligationLookback and DefaultObligationHorizon).
	From, To time.Time
	// States keeps only these answers; empty keeps every answer.
	States     []model.ObligationState
	ConvenerID int64 // only meetings this organization convenes
	ToOrgID    int64 // only invitations to this organization
	Direction  Direction
}

// ActionStates are the answers that ask an officer to do something, for a
// dashboard's "to do" list.
var ActionStates = []model.ObligationState{model.Overdue, model.DueSoon, model.UpdateOwed, model.Review, model.Owed}

// Obligations runs the Article 2 rule (model.Obligations) over the live
// meetings of the window with their invitation records, at instant now,
// and returns the answers the filter keeps, most urgent first (in the
// order of model.ObligationStates, then by due day).
func (s *Store) Obligations(ctx context.Context, now time.Time, f ObligationFilter) ([]model.Obligation, error) {
	from, to := f.From, f.To
	if from.IsZero() {
		from = now.Add(-DefaultObligationLookback)
	}
	if to.IsZero() {
		to = now.Add(DefaultObligationHorizon)
	}
	wants := func(st model.ObligationState) bool { return len(f.States) == 0 || slices.Contains(f.States, st) }

	var out []model.Obligation
	err := s.read(ctx, func(tx *sql.Tx) error {
		c, err := loadCatalog(ctx, tx)
		if err != nil {
			return err
		}
		mf := MeetingFilter{From: from, To: to, ConvenerID: f.ConvenerID}
		where, args, err := mf.where(ctx, tx)
		if err != nil {
			return err
		}
		// Without an invitation record, a meeting that invites no IGOs (or
		// excludes observers) can only answer "not owed", or "void" when
		// cancelled: skip such meetings when those answers are not wanted.
		const hasInvitation = "EXISTS (SELECT 1 FROM invitations i WHERE i.meeting_id = meetings.id AND i.deleted_at IS NULL)"
		switch {
		case !wants(model.NotOwed) && !wants(model.Void):
			where += " AND ((igos_invited = 1 AND observers_excluded = 0 AND status <> 'cancelled') OR " + hasInvitation + ")"
		case !wants(model.NotOwed):
			where += " AND ((igos_invited = 1 AND observers_excluded = 0) OR status = 'cancelled' OR " + hasInvitation + ")"
		}
		ms, err := loadMeetings(ctx, tx, where+" ORDER BY start_utc, id", args...)
		if err != nil || len(ms) == 0 {
			return err
		}
		invs, err := loadInvitations(ctx, tx, " WHERE meeting_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL", idList(ms))
		if err != nil {
			return err
		}
		byMeeting := map[int64][]model.Invitation{}
		for _, inv := range invs {
			byMeeting[inv.MeetingID] = append(byMeeting[inv.MeetingID], inv)
		}
		for i := range ms {
			for _, ob := range model.Obligations(c, &ms[i], byMeeting[ms[i].ID], now) {
				switch {
				case !wants(ob.State),
					f.ToOrgID != 0 && ob.To != f.ToOrgID,
					f.Direction == Outgoing && ob.Incoming,
					f.Direction == Incoming && !ob.Incoming:
					continue
				}
				out = append(out, ob)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []model.Obligation{}
	}
	rank := map[model.ObligationState]int{}
	for i, st := range model.ObligationStates {
		rank[st] = i
	}
	slices.SortStableFunc(out, func(a, b model.Obligation) int {
		if d := rank[a.State] - rank[b.State]; d != 0 {
			return d
		}
		return a.Due.Compare(b.Due)
	})
	return out, nil
}
