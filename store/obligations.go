package store

import (
	"context"
	"database/sql"
	"encoding/json"
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
	obs, _, err := s.obligations(ctx, now, f, false)
	return obs, err
}

// ObligationsWithMeetings is Obligations with the meetings the answers
// name, by id, as the rule read them in the same query: their title,
// times, zone, status, convener, agenda and areas, not their venue, notes
// or background (read those with MeetingsByID). It spares a caller that
// lists the answers a second pass over the meetings.
func (s *Store) ObligationsWithMeetings(ctx context.Context, now time.Time, f ObligationFilter) ([]model.Obligation, map[int64]*model.Meeting, error) {
	return s.obligations(ctx, now, f, true)
}

func (s *Store) obligations(ctx context.Context, now time.Time, f ObligationFilter, keepMeetings bool) ([]model.Obligation, map[int64]*model.Meeting, error) {
	from, to := f.From, f.To
	if from.IsZero() {
		from = now.Add(-DefaultObligationLookback)
	}
	if to.IsZero() {
		to = now.Add(DefaultObligationHorizon)
	}
	wants := func(st model.ObligationState) bool { return len(f.States) == 0 || slices.Contains(f.States, st) }

	var out []model.Obligation
	var meetings map[int64]*model.Meeting
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
		chunks, n, err := loadRuleMeetings(ctx, tx, where+" ORDER BY start_utc, id", args...)
		if err != nil || n == 0 {
			return err
		}
		ids := make([]int64, 0, n)
		at := make(map[int64]*model.Meeting, n)
		for _, ch := range chunks {
			for i := range ch {
				ids = append(ids, ch[i].ID)
				at[ch[i].ID] = &ch[i]
			}
		}
		idJSON, _ := json.Marshal(ids)
		invs, err := loadInvitationsNoHistory(ctx, tx, " WHERE meeting_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL", string(idJSON))
		if err != nil {
			return err
		}
		// The invitations of each chunk's meetings, aligned with them.
		byMeeting := make(map[int64][]model.Invitation, len(invs))
		for _, inv := range invs {
			byMeeting[inv.MeetingID] = append(byMeeting[inv.MeetingID], inv)
		}
		out = make([]model.Obligation, 0, n)
		var scratch []model.Obligation
		aligned := make([][]model.Invitation, 0, ruleChunk)
		for _, ch := range chunks {
			aligned = aligned[:0]
			for i := range ch {
				aligned = append(aligned, byMeeting[ch[i].ID])
			}
			scratch = model.AppendObligations(scratch[:0], c, ch, aligned, now)
			for _, ob := range scratch {
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
		if keepMeetings {
			meetings = make(map[int64]*model.Meeting, len(out))
			for _, ob := range out {
				meetings[ob.MeetingID] = at[ob.MeetingID]
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
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
	return out, meetings, nil
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
const ruleColumns = `id, sequence, title, convener_id, all_day, start_local, first_day, zone, start_utc,
	igos_invited, observers_excluded, exclusion_reason, status, detail`

// ruleChunk is how many meetings loadRuleMeetings holds in one slice.
const ruleChunk = 2048

// firstRuleChunk is the size of loadRuleMeetings' first chunk; each next
// one doubles, up to ruleChunk.
const firstRuleChunk = 256

// loadRuleMeetings reads meetings with only what the rule needs: the
// dashboard runs it over a year and more of meetings, the command line
// over 50,000 and more. They come in chunks of up to ruleChunk, each filled in
// place, so that a large window is never copied to grow a slice; n counts
// them all.
func loadRuleMeetings(ctx context.Context, q querier, tail string, args ...any) (chunks [][]model.Meeting, n int, err error) {
	var cur []model.Meeting
	err = forRows(ctx, q, "SELECT "+ruleColumns+" FROM meetings"+tail, args, func(r *sql.Rows) error {
		if len(cur) == cap(cur) {
			// The first chunks are smaller: the dashboard's "to do" reads
			// some hundreds of meetings, and a full chunk is a megabyte.
			cur = make([]model.Meeting, 0, min(ruleChunk, max(firstRuleChunk, 2*cap(cur))))
			chunks = append(chunks, nil)
		}
		cur = append(cur, model.Meeting{})
		chunks[len(chunks)-1] = cur
		n++
		m := &cur[len(cur)-1]
		var status, startLocal, firstDay, det string
		var startUTC int64
		if err := r.Scan(&m.ID, &m.Sequence, &m.Title, &m.ConvenerID, &m.AllDay, &startLocal, &firstDay, &m.Zone, &startUTC,
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
		if err := decodeDetail(det, m); err != nil && d.err == nil {
			d.err = err
		}
		return d.err
	})
	return chunks, n, err
}
