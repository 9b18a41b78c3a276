package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/liaison-app/liaison/model"
)

const invitationColumns = `id, meeting_id, agreement_id, from_org_id, to_org_id, state, sent_at, sent_sequence, sent_via,
	replied_at, reply_sequence, waive_reason, version, modified`

// Invitations returns the observer invitations recorded for a meeting, with
// their history and representatives, by addressee. A meeting without any
// has an empty list; a meeting that does not exist is model.ErrNotFound.
func (s *Store) Invitations(ctx context.Context, meetingID int64) ([]model.Invitation, error) {
	var out []model.Invitation
	err := s.read(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM meetings WHERE id = ? AND deleted_at IS NULL", meetingID).Scan(&n); err != nil {
			return translate(err, "invitations")
		}
		if n == 0 {
			return notFound("meeting", meetingID)
		}
		var err error
		out, err = loadInvitations(ctx, tx, " WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY to_org_id", meetingID)
		return err
	})
	return out, err
}

// InvitationsByMeeting returns the invitations of many meetings at once,
// keyed by meeting id (meetings without invitations have no key).
func (s *Store) InvitationsByMeeting(ctx context.Context, meetingIDs []int64) (map[int64][]model.Invitation, error) {
	out := map[int64][]model.Invitation{}
	if len(meetingIDs) == 0 {
		return out, nil
	}
	ms := make([]model.Meeting, len(meetingIDs))
	for i, id := range meetingIDs {
		ms[i].ID = id
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		invs, err := loadInvitations(ctx, tx, " WHERE meeting_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY meeting_id, to_org_id", idList(ms))
		for _, inv := range invs {
			out[inv.MeetingID] = append(out[inv.MeetingID], inv)
		}
		return err
	})
	return out, err
}

// Invitation returns the invitation from a meeting's convener to toOrg;
// model.ErrNotFound when none is recorded.
func (s *Store) Invitation(ctx context.Context, meetingID, toOrg int64) (*model.Invitation, error) {
	var inv *model.Invitation
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		inv, err = oneInvitation(ctx, tx, meetingID, toOrg)
		return err
	})
	return inv, err
}

func oneInvitation(ctx context.Context, q querier, meetingID, toOrg int64) (*model.Invitation, error) {
	invs, err := loadInvitations(ctx, q, " WHERE meeting_id = ? AND to_org_id = ? AND deleted_at IS NULL", meetingID, toOrg)
	if err != nil {
		return nil, err
	}
	if len(invs) == 0 {
		return nil, fmt.Errorf("invitation of meeting %d to organization %d: %w", meetingID, toOrg, model.ErrNotFound)
	}
	return &invs[0], nil
}

// loadInvitations reads the invitations tail selects, then their
// representatives and history.
func loadInvitations(ctx context.Context, q querier, tail string, args ...any) ([]model.Invitation, error) {
	return readInvitations(ctx, q, true, tail, args...)
}

// loadInvitationsNoHistory is loadInvitations without the history, for the
// Article 2 rule, which does not read it.
func loadInvitationsNoHistory(ctx context.Context, q querier, tail string, args ...any) ([]model.Invitation, error) {
	return readInvitations(ctx, q, false, tail, args...)
}

func readInvitations(ctx context.Context, q querier, history bool, tail string, args ...any) ([]model.Invitation, error) {
	out := []model.Invitation{}
	err := forRows(ctx, q, "SELECT "+invitationColumns+" FROM invitations"+tail, args, func(r *sql.Rows) error {
		var inv model.Invitation
		var state, sentAt, repliedAt, modified string
		if err := r.Scan(&inv.ID, &inv.MeetingID, &inv.AgreementID, &inv.FromOrgID, &inv.ToOrgID, &state, &sentAt, &inv.SentSequence, &inv.SentVia,
			&repliedAt, &inv.ReplySequence, &inv.WaiveReason, &inv.Version, &modified); err != nil {
			return err
		}
		var d decoder
		inv.State = model.InvitationState(state)
		inv.SentAt, inv.RepliedAt, inv.Modified = d.ts(sentAt), d.ts(repliedAt), d.ts(modified)
		inv.Representatives, inv.History = []model.Representative{}, []model.InvitationEvent{}
		out = append(out, inv)
		return d.err
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	index := make(map[int64]int, len(out))
	ids := make([]model.Meeting, len(out)) // idList wants meetings; only ID is read
	for i := range out {
		index[out[i].ID] = i
		ids[i].ID = out[i].ID
	}
	list := []any{idList(ids)}
	const in = " IN (SELECT value FROM json_each(?))"
	if err := forRows(ctx, q, "SELECT invitation_id, name, email, role FROM invitation_representatives WHERE invitation_id"+in+" ORDER BY invitation_id, position", list, func(r *sql.Rows) error {
		var id int64
		var rep model.Representative
		if err := r.Scan(&id, &rep.Name, &rep.Email, &rep.Role); err != nil {
			return err
		}
		inv := &out[index[id]]
		inv.Representatives = append(inv.Representatives, rep)
		return nil
	}); err != nil {
		return nil, err
	}
	if !history {
		return out, nil
	}
	return out, forRows(ctx, q, "SELECT invitation_id, at, action, state, sequence, note FROM invitation_events WHERE invitation_id"+in+" ORDER BY invitation_id, id", list, func(r *sql.Rows) error {
		var id int64
		var ev model.InvitationEvent
		var at, state string
		if err := r.Scan(&id, &at, &ev.Action, &state, &ev.Sequence, &ev.Note); err != nil {
			return err
		}
		var d decoder
		ev.At, ev.State = d.ts(at), model.InvitationState(state)
		inv := &out[index[id]]
		inv.History = append(inv.History, ev)
		return d.err
	})
}

// UpdateInvitation changes the invitation from meeting meetingID's
// convener to toOrg in one transaction: it loads it (or starts one in state
// owed, under the agreement that binds the convener and toOrg by the
// Article 2 rule: one in force on the meeting's first day when there is
// one), lets fn change it (inv.MarkSent, RecordReply, Waive, Reopen ...),
// and writes it with the history lines fn added. When fn fails, nothing is
// written and its error is returned. It returns the stored invitation.
func (s *Store) UpdateInvitation(ctx context.Context, meetingID, toOrg int64, fn func(*model.Invitation) error) (*model.Invitation, error) {
	if fn == nil {
		return nil, model.Invalid("change", "no change given")
	}
	var result *model.Invitation
	err := s.writeData(ctx, func(tx *sql.Tx) error {
		m, err := lockedMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		inv, err := oneInvitation(ctx, tx, meetingID, toOrg)
		if err != nil {
			c, err := s.catalog(ctx, tx)
			if err != nil {
				return err
			}
			if inv, err = newInvitation(ctx, tx, c, m, toOrg); err != nil {
				return err
			}
		}
		before := len(inv.History)
		work := *inv
		work.History = slices.Clone(inv.History)
		work.Representatives = slices.Clone(inv.Representatives)
		if err := fn(&work); err != nil {
			return err
		}
		if !slices.Contains(model.InvitationStates, work.State) {
			return model.Invalid("state", "%q is not one of the states of an invitation", work.State)
		}
		// What identifies the invitation is not fn's to change.
		work.ID, work.MeetingID, work.ToOrgID, work.FromOrgID, work.AgreementID = inv.ID, inv.MeetingID, inv.ToOrgID, inv.FromOrgID, inv.AgreementID
		if len(work.History) < before {
			return model.Invalid("history", "the history of an invitation can only grow")
		}
		work.Version = inv.Version + 1
		work.Modified = s.now()
		if err := s.saveInvitation(ctx, tx, &work, inv.Version, work.History[before:]); err != nil {
			return err
		}
		if work.Representatives == nil {
			work.Representatives = []model.Representative{}
		}
		for i := range work.History {
			work.History[i].At = work.History[i].At.UTC()
		}
		result = &work
		return nil
	})
	if err != nil {
		return nil, err
	}
	return result, nil
}

// newInvitation starts the record of an invitation owed by the meeting's
// convener to toOrg, under the agreement that binds them.
func newInvitation(ctx context.Context, tx *sql.Tx, c *model.Catalog, m *model.Meeting, toOrg int64) (*model.Invitation, error) {
	if c.Org(toOrg) == nil {
		return nil, model.Invalid("to", "organization %d is not known", toOrg)
	}
	if toOrg == m.ConvenerID {
		return nil, model.Invalid("to", "%s convenes the meeting; it does not invite itself", c.Acronym(toOrg))
	}
	var binding *model.Agreement
	for _, g := range c.AgreementsOf(m.ConvenerID) {
		if !g.HasParty(toOrg) {
			continue
		}
		if ok, _, _, _ := g.InForceOn(m.StartDay()); ok {
			binding = g
			break
		}
		if binding == nil {
			binding = g
		}
	}
	if binding == nil {
		return nil, model.Invalid("to", "%s and %s are not parties to a common agreement, so Article 2 owes no invitation between them",
			c.Acronym(m.ConvenerID), c.Acronym(toOrg))
	}
	return &model.Invitation{MeetingID: m.ID, AgreementID: binding.ID, FromOrgID: m.ConvenerID, ToOrgID: toOrg,
		State: model.InvOwed, Representatives: []model.Representative{}, History: []model.InvitationEvent{}}, nil
}

// saveInvitation inserts or updates an invitation (stored at version
// was, 0 for a new one), replaces its representatives and appends events.
func (s *Store) saveInvitation(ctx context.Context, tx *sql.Tx, inv *model.Invitation, was int, events []model.InvitationEvent) error {
	what := fmt.Sprintf("invitation of meeting %d to organization %d", inv.MeetingID, inv.ToOrgID)
	vals := []any{string(inv.State), ts(inv.SentAt), inv.SentSequence, inv.SentVia, ts(inv.RepliedAt), inv.ReplySequence,
		inv.WaiveReason, inv.Version, ts(inv.Modified)}
	if inv.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO invitations (uid, meeting_id, agreement_id, from_org_id, to_org_id, state, sent_at,
			sent_sequence, sent_via, replied_at, reply_sequence, waive_reason, version, modified)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append([]any{model.NewUID(), inv.MeetingID, inv.AgreementID, inv.FromOrgID, inv.ToOrgID}, vals...)...)
		if err != nil {
			return translate(err, what)
		}
		if inv.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE invitations SET state = ?, sent_at = ?, sent_sequence = ?, sent_via = ?, replied_at = ?,
			reply_sequence = ?, waive_reason = ?, version = ?, modified = ? WHERE id = ? AND version = ?`, append(vals, inv.ID, was)...)
		if err != nil {
			return translate(err, what)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s changed meanwhile: %w", what, model.ErrConflict)
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM invitation_representatives WHERE invitation_id = ?", inv.ID); err != nil {
		return translate(err, what)
	}
	for i, r := range inv.Representatives {
		if _, err := tx.ExecContext(ctx, "INSERT INTO invitation_representatives (invitation_id, position, name, email, role) VALUES (?, ?, ?, ?, ?)",
			inv.ID, i, r.Name, r.Email, r.Role); err != nil {
			return translate(err, what+": representative")
		}
	}
	for _, ev := range events {
		if _, err := tx.ExecContext(ctx, "INSERT INTO invitation_events (invitation_id, at, action, state, sequence, note) VALUES (?, ?, ?, ?, ?, ?)",
			inv.ID, ts(ev.At), ev.Action, string(ev.State), ev.Sequence, ev.Note); err != nil {
			return translate(err, what+": history")
		}
	}
	return nil
}

// MarkSent records that version seq of the meeting was sent to toOrg at at,
// via ics, eml, letter...
func (s *Store) MarkSent(ctx context.Context, meetingID, toOrg int64, at time.Time, seq int, via string) (*model.Invitation, error) {
	return s.UpdateInvitation(ctx, meetingID, toOrg, func(inv *model.Invitation) error { return inv.MarkSent(at, seq, via) })
}

// RecordReply records toOrg's answer (accepted, tentative, declined); the
// invitation works out which version it answers (model.Invitation.RecordReply).
func (s *Store) RecordReply(ctx context.Context, meetingID, toOrg int64, r model.Reply) (*model.Invitation, error) {
	return s.UpdateInvitation(ctx, meetingID, toOrg, func(inv *model.Invitation) error { return inv.RecordReply(r) })
}

// Waive records an officer's decision not to send the invitation, and why.
func (s *Store) Waive(ctx context.Context, meetingID, toOrg int64, at time.Time, reason string) (*model.Invitation, error) {
	return s.UpdateInvitation(ctx, meetingID, toOrg, func(inv *model.Invitation) error { return inv.Waive(at, reason) })
}

// Reopen undoes a waiver or a closed reply.
func (s *Store) Reopen(ctx context.Context, meetingID, toOrg int64, at time.Time, note string) (*model.Invitation, error) {
	return s.UpdateInvitation(ctx, meetingID, toOrg, func(inv *model.Invitation) error { inv.Reopen(at, note); return nil })
}
