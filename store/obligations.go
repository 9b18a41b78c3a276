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
		switch us := c.Us(); {
		case us != nil && actionOnly(f.States):
			w, a := actionPrefilter(c, us.ID, now)
			where += w
			args = append(args, a...)
		case !wants(model.NotOwed) && !wants(model.Void):
			where += " AND ((igos_invited = 1 AND observers_excluded = 0 AND status <> 'cancelled') OR " + hasInvitation + ")"
		case !wants(model.NotOwed):
			where += " AND ((igos_invited = 1 AND observers_excluded = 0) OR status = 'cancelled' OR " + hasInvitation + ")"
		}
		ms, err := loadRuleMeetings(ctx, tx, where+" ORDER BY start_utc, id", args...)
		if err != nil || len(ms) == 0 {
			return err
		}
		invs, err := loadInvitationsNoHistory(ctx, tx, " WHERE meeting_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL", idList(ms))
		if err != nil {
			return err
		}
		at := make(map[int64]int, len(ms))
		for i := range ms {
			at[ms[i].ID] = i
		}
		byMeeting := make([][]model.Invitation, len(ms))
		for _, inv := range invs {
			if i, ok := at[inv.MeetingID]; ok {
				byMeeting[i] = append(byMeeting[i], inv)
			}
		}
		for _, ob := range model.AllObligations(c, ms, byMeeting, now) {
			switch {
			case !wants(ob.State),
				f.ToOrgID != 0 && ob.To != f.ToOrgID,
				f.Direction == Outgoing && ob.Incoming,
				f.Direction == Incoming && !ob.Incoming:
				continue
			}
			out = append(out, ob)
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

// actionOnly reports whether every state asked for is one of ActionStates.
func actionOnly(states []model.ObligationState) bool {
	if len(states) == 0 {
		return false
	}
	for _, st := range states {
		if !slices.Contains(ActionStates, st) {
			return false
		}
	}
	return true
}

// actionPrefilter narrows the meetings to those that can still ask an
// officer for something (ActionStates), reading the rule backwards:
//
//   - a cancelled meeting answers void (or not owed);
//   - "update owed" needs an invitation sent (not waived) for a version
//     older than the meeting's sequence, so a sequence above 0;
//   - "overdue", "due soon", "owed" and "review" need a meeting not yet
//     begun (once begun, an invitation never sent is missed), IGOs
//     invited, observers not excluded, and an addressee whose invitation
//     is not settled (sent for the current version, or waived). The
//     addressees are the convener's partners, and only pairs involving us
//     count: so all other parties for our meetings, us alone for a
//     partner's.
//
// It is a superset of what the rule keeps; the rule decides.
func actionPrefilter(c *model.Catalog, us int64, now time.Time) (string, []any) {
	var args []any
	expected := "CASE convener_id"
	for _, o := range c.Orgs {
		partners := map[int64]bool{}
		for _, g := range c.AgreementsOf(o.ID) {
			for _, p := range g.Parties {
				if p.OrgID != o.ID && (o.ID == us || p.OrgID == us) {
					partners[p.OrgID] = true
				}
			}
		}
		if len(partners) > 0 {
			expected += " WHEN ? THEN ?"
			args = append(args, o.ID, len(partners))
		}
	}
	expected += " ELSE 0 END"
	settled := `(SELECT count(*) FROM invitations i WHERE i.meeting_id = meetings.id AND i.deleted_at IS NULL
		AND (meetings.convener_id = ? OR i.to_org_id = ?)
		AND (i.state = 'waived' OR (i.sent_at <> '' AND i.sent_sequence >= meetings.sequence)))`
	updateOwed := `EXISTS (SELECT 1 FROM invitations i WHERE i.meeting_id = meetings.id AND i.deleted_at IS NULL
		AND i.state <> 'waived' AND i.sent_at <> '' AND i.sent_sequence < meetings.sequence)`
	where := " AND status <> 'cancelled' AND ((start_utc > ? AND igos_invited = 1 AND observers_excluded = 0 AND " + settled + " < " + expected + ") OR (sequence > 0 AND " + updateOwed + "))"
	return where, append([]any{now.Unix(), us, us}, args...)
}

// ruleColumns are the columns of a meeting the Article 2 rule reads.
const ruleColumns = `id, sequence, convener_id, all_day, start_local, first_day, zone, start_utc,
	igos_invited, observers_excluded, exclusion_reason, status, detail`

// loadRuleMeetings reads meetings with only what the rule needs: the
// dashboard runs it over a year and more of meetings.
func loadRuleMeetings(ctx context.Context, q querier, tail string, args ...any) ([]model.Meeting, error) {
	out := []model.Meeting{}
	err := forRows(ctx, q, "SELECT "+ruleColumns+" FROM meetings"+tail, args, func(r *sql.Rows) error {
		var m model.Meeting
		var status, startLocal, firstDay, det string
		var startUTC int64
		if err := r.Scan(&m.ID, &m.Sequence, &m.ConvenerID, &m.AllDay, &startLocal, &firstDay, &m.Zone, &startUTC,
			&m.IGOsInvited, &m.ObserversExcluded, &m.ExclusionReason, &status, &det); err != nil {
			return err
		}
		var d decoder
		m.Status = model.MeetingStatus(status)
		if m.AllDay {
			m.FirstDay = d.day(firstDay)
			m.LastDay = m.FirstDay
		} else {
			m.Start = wallTime(startLocal, startUTC, m.Zone, &d)
			m.End = m.Start
		}
		if err := decodeDetail(det, &m); err != nil && d.err == nil {
			d.err = err
		}
		out = append(out, m)
		return d.err
	})
	return out, err
}
