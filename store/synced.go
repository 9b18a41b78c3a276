package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/liaison-app/liaison/model"
)

// The records as the office calendar (store/caldav) shares them: read by
// UID with their tombstones, and written whole as the shared calendar
// has them. The sync's own state is in syncstate.go.

// SyncedMeeting is a meeting with its invitations (each with its whole
// history), and whether it was deleted (a tombstone).
type SyncedMeeting struct {
	Meeting     model.Meeting
	Invitations []model.Invitation
	Deleted     bool
}

// SyncedSeries is a consultation series, and whether it was deleted.
type SyncedSeries struct {
	Series  model.ConsultationSeries
	Deleted bool
}

// RecordRef names one shared record.
type RecordRef struct {
	Kind string // "meeting", "series", "organization" or "agreement"
	UID  string
}

// ChangedRecords lists the meetings, consultation series and
// organizations changed after since, tombstones included; a meeting whose
// invitation changed counts as changed, and an organization whose focal
// point changed. A zero since lists every record.
func (s *Store) ChangedRecords(ctx context.Context, since time.Time) ([]RecordRef, error) {
	out := []RecordRef{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		q := `SELECT 'meeting', uid FROM meetings WHERE modified > ?1
			UNION SELECT 'meeting', m.uid FROM invitations i JOIN meetings m ON m.id = i.meeting_id WHERE i.modified > ?1
			UNION SELECT 'series', uid FROM consultation_series WHERE modified > ?1` + changedOrganizations() + changedAgreements()
		return forRows(ctx, tx, q, []any{ts(since)}, func(r *sql.Rows) error {
			var ref RecordRef
			if err := r.Scan(&ref.Kind, &ref.UID); err != nil {
				return err
			}
			out = append(out, ref)
			return nil
		})
	})
	return out, err
}

func jsonList(uids []string) string {
	b, _ := json.Marshal(uids)
	return string(b)
}

// SyncedMeetings reads the meetings with these UIDs, tombstones included,
// with their invitations and histories. UIDs not stored are left out.
func (s *Store) SyncedMeetings(ctx context.Context, uids []string) (map[string]*SyncedMeeting, error) {
	out := map[string]*SyncedMeeting{}
	if len(uids) == 0 {
		return out, nil
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		list := jsonList(uids)
		ms, err := loadMeetings(ctx, tx, " WHERE uid IN (SELECT value FROM json_each(?))", list)
		if err != nil {
			return err
		}
		byID := map[int64]*SyncedMeeting{}
		for _, m := range ms {
			sm := &SyncedMeeting{Meeting: m, Invitations: []model.Invitation{}}
			out[m.UID], byID[m.ID] = sm, sm
		}
		if err := forRows(ctx, tx, "SELECT uid FROM meetings WHERE deleted_at IS NOT NULL AND uid IN (SELECT value FROM json_each(?))", []any{list}, func(r *sql.Rows) error {
			var uid string
			if err := r.Scan(&uid); err != nil {
				return err
			}
			if sm := out[uid]; sm != nil {
				sm.Deleted = true
			}
			return nil
		}); err != nil {
			return err
		}
		invs, err := loadInvitations(ctx, tx, " WHERE deleted_at IS NULL AND meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, to_org_id", idList(ms))
		if err != nil {
			return err
		}
		for _, inv := range invs {
			if sm := byID[inv.MeetingID]; sm != nil {
				sm.Invitations = append(sm.Invitations, inv)
			}
		}
		return nil
	})
	return out, err
}

// SyncedSeriesByUID reads the consultation series with these UIDs,
// tombstones included.
func (s *Store) SyncedSeriesByUID(ctx context.Context, uids []string) (map[string]*SyncedSeries, error) {
	out := map[string]*SyncedSeries{}
	if len(uids) == 0 {
		return out, nil
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		list := jsonList(uids)
		all, err := loadSeries(ctx, tx, " WHERE uid IN (SELECT value FROM json_each(?))", list)
		if err != nil {
			return err
		}
		for _, cs := range all {
			out[cs.UID] = &SyncedSeries{Series: cs}
		}
		return forRows(ctx, tx, "SELECT uid FROM consultation_series WHERE deleted_at IS NOT NULL AND uid IN (SELECT value FROM json_each(?))", []any{list}, func(r *sql.Rows) error {
			var uid string
			if err := r.Scan(&uid); err != nil {
				return err
			}
			if ss := out[uid]; ss != nil {
				ss.Deleted = true
			}
			return nil
		})
	})
	return out, err
}

// PutSyncedMeeting stores a meeting as the office calendar has it, found
// by UID: inserted when new, else rewritten whole (its ID kept), brought
// back from or sent to its tombstone, and its invitations made exactly
// sm.Invitations (matched by addressee, histories replaced). UID, Sequence,
// Created and Modified are kept as given; Version is bumped. The meeting
// is validated against the catalog first: an invalid one is
// model.ErrInvalid and nothing is written. sm gets the stored IDs.
func (s *Store) PutSyncedMeeting(ctx context.Context, sm *SyncedMeeting) error {
	m := sm.Meeting
	m.Agenda = cloneAgenda(m.Agenda)
	err := s.writeData(ctx, func(tx *sql.Tx) error {
		c, err := s.catalog(ctx, tx)
		if err != nil {
			return err
		}
		if err := m.Validate(c); err != nil {
			return err
		}
		normalize(&m)
		w, done, err := s.meetingWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer done()
		var id int64
		var version int
		err = tx.QueryRowContext(ctx, "SELECT id, version FROM meetings WHERE uid = ?", m.UID).Scan(&id, &version)
		switch {
		case err == sql.ErrNoRows:
			for j := range m.Agenda {
				m.Agenda[j].ID = 0
			}
			m.ID, m.Version = 0, 1
			if err := w.insertMeeting(ctx, &m); err != nil {
				return err
			}
		case err != nil:
			return translate(err, "meeting "+m.UID)
		default:
			for j := range m.Agenda {
				m.Agenda[j].ID = 0 // the items are written anew
			}
			m.ID, m.Version = id, version+1
			if err := w.updateMeeting(ctx, &m); err != nil {
				return err
			}
		}
		deleted := sql.NullString{String: ts(m.Modified), Valid: sm.Deleted}
		if _, err := tx.ExecContext(ctx, "UPDATE meetings SET deleted_at = ? WHERE id = ?", deleted, m.ID); err != nil {
			return translate(err, "meeting "+m.UID)
		}
		return s.putSyncedInvitations(ctx, tx, &m, sm.Invitations)
	})
	if err != nil {
		return err
	}
	sm.Meeting = m
	return nil
}

func (s *Store) putSyncedInvitations(ctx context.Context, tx *sql.Tx, m *model.Meeting, invs []model.Invitation) error {
	type row struct {
		id      int64
		version int
	}
	have := map[int64]row{}
	if err := forRows(ctx, tx, "SELECT to_org_id, id, version FROM invitations WHERE meeting_id = ?", []any{m.ID}, func(r *sql.Rows) error {
		var org int64
		var x row
		if err := r.Scan(&org, &x.id, &x.version); err != nil {
			return err
		}
		have[org] = x
		return nil
	}); err != nil {
		return err
	}
	keep := map[int64]bool{}
	for i := range invs {
		inv := &invs[i]
		inv.MeetingID, inv.FromOrgID = m.ID, m.ConvenerID
		keep[inv.ToOrgID] = true
		was := 0
		if x, ok := have[inv.ToOrgID]; ok {
			inv.ID, inv.Version, was = x.id, x.version+1, x.version
			if _, err := tx.ExecContext(ctx, "DELETE FROM invitation_events WHERE invitation_id = ?", x.id); err != nil {
				return translate(err, "invitation history")
			}
			if _, err := tx.ExecContext(ctx, "UPDATE invitations SET agreement_id = ?, from_org_id = ?, deleted_at = NULL WHERE id = ?", inv.AgreementID, inv.FromOrgID, x.id); err != nil {
				return translate(err, "invitation")
			}
		} else {
			inv.ID, inv.Version = 0, 1
		}
		if inv.Modified.IsZero() {
			inv.Modified = m.Modified
		}
		if err := s.saveInvitation(ctx, tx, inv, was, inv.History); err != nil {
			return err
		}
	}
	for org, x := range have {
		if !keep[org] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM invitations WHERE id = ?", x.id); err != nil {
				return translate(err, fmt.Sprintf("invitation to organization %d", org))
			}
		}
	}
	return nil
}

// PutSyncedSeries stores a consultation series as the office calendar has
// it, found by UID: inserted when new, else rewritten whole; UID, Sequence,
// Created and Modified are kept as given, Version bumped. Validated first.
func (s *Store) PutSyncedSeries(ctx context.Context, ss *SyncedSeries) error {
	out := cloneSeries(&ss.Series)
	err := s.writeData(ctx, func(tx *sql.Tx) error {
		c, err := s.catalog(ctx, tx)
		if err != nil {
			return err
		}
		if err := out.Validate(c); err != nil {
			return err
		}
		out.Start = out.Start.In(out.Location())
		for i := range out.Occurrences {
			seriesTimes(&out.Occurrences[i], out.Location())
		}
		var id int64
		var version int
		err = tx.QueryRowContext(ctx, "SELECT id, version FROM consultation_series WHERE uid = ?", out.UID).Scan(&id, &version)
		switch {
		case err == sql.ErrNoRows:
			res, err := tx.ExecContext(ctx, `INSERT INTO consultation_series (uid, agreement_id, title, start_local, start_utc, duration_ns, zone, rrule,
				confidentiality, created, modified) VALUES (?, ?, ?, '', 0, 0, '', '', 'public', ?, ?)`,
				out.UID, out.AgreementID, out.Title, ts(out.Created), ts(out.Modified))
			if err != nil {
				return translate(err, "consultation series "+out.Title)
			}
			if out.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			out.Version = 1
		case err != nil:
			return translate(err, "consultation series "+out.UID)
		default:
			out.ID, out.Version = id, version+1
			if _, err := tx.ExecContext(ctx, "UPDATE consultation_series SET created = ? WHERE id = ?", ts(out.Created), id); err != nil {
				return translate(err, "consultation series "+out.UID)
			}
		}
		if err := saveSeries(ctx, tx, out); err != nil {
			return err
		}
		deleted := sql.NullString{String: ts(out.Modified), Valid: ss.Deleted}
		_, err = tx.ExecContext(ctx, "UPDATE consultation_series SET deleted_at = ? WHERE id = ?", deleted, out.ID)
		return translate(err, "consultation series "+out.UID)
	})
	if err != nil {
		return err
	}
	ss.Series = *out
	return nil
}
