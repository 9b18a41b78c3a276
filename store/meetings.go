package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/liaison-app/liaison/model"
)

// The writing half of the meetings aggregate. Reads are in meetings_read.go.

// meetingTimes is how a meeting's times are kept: wall-clock times and
// zone for a timed meeting, days for a whole-day one, and the instants
// for range queries.
type meetingTimes struct {
	startLocal, endLocal, firstDay, lastDay string
	startUTC, endUTC                        int64
}

// encodeTimes turns a validated meeting's times into columns. A timed
// meeting's instants are read in its zone, whatever zone the caller's
// time.Time values carry.
func encodeTimes(m *model.Meeting) meetingTimes {
	if m.AllDay {
		return meetingTimes{firstDay: day(m.FirstDay), lastDay: day(m.LastDay), startUTC: m.StartsAt().Unix(), endUTC: m.EndsAt().Unix()}
	}
	loc := m.Location()
	start, end := m.Start.In(loc), m.End.In(loc)
	return meetingTimes{startLocal: start.Format(localLayout), endLocal: end.Format(localLayout), startUTC: start.Unix(), endUTC: end.Unix()}
}

// normalize makes a meeting look as it comes back from the database:
// timed instants in its zone, empty lists rather than nil (and no interest
// marks as nil), so that what a caller holds after a write equals what a
// read returns.
func normalize(m *model.Meeting) {
	m.Agenda = cloneAgenda(m.Agenda)
	if m.AreaIDs == nil {
		m.AreaIDs = []int64{}
	}
	if m.Agenda == nil {
		m.Agenda = []model.AgendaItem{}
	}
	for i := range m.Agenda {
		if m.Agenda[i].AreaIDs == nil {
			m.Agenda[i].AreaIDs = []int64{}
		}
	}
	if len(m.InterestMarks) == 0 {
		m.InterestMarks = nil
	}
	if m.AllDay {
		m.Start, m.End = time.Time{}, time.Time{}
		return
	}
	m.FirstDay, m.LastDay = model.Date{}, model.Date{}
	loc := m.Location()
	m.Start, m.End = m.Start.In(loc), m.End.In(loc)
}

// meetingWriter holds the statements that write meetings, prepared once
// per transaction so that a batch of meetings does not parse them again.
type meetingWriter struct {
	tx                                     *sql.Tx
	insert, update                         *sql.Stmt
	delAreas, delItems, delMarks           *sql.Stmt
	insArea, insItem, insItemArea, insMark *sql.Stmt
	// nextItem is the id the next new agenda item gets: given here rather
	// than by SQLite so that the detail column is written with the row.
	nextItem int64
}

const meetingSet = `sequence = ?, title = ?, kind = ?, convener_id = ?, all_day = ?, start_local = ?, end_local = ?,
	first_day = ?, last_day = ?, zone = ?, start_utc = ?, end_utc = ?, venue_name = ?, venue_address = ?, venue_city = ?,
	venue_country = ?, venue_online_url = ?, igos_invited = ?, observers_excluded = ?, exclusion_reason = ?, status = ?,
	confidentiality = ?, background = ?, notes = ?, source = ?, modified = ?, version = ?, detail = ?`

func newMeetingWriter(ctx context.Context, tx *sql.Tx) (*meetingWriter, error) {
	w := &meetingWriter{tx: tx}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&w.insert, `INSERT INTO meetings (uid, created, id, sequence, title, kind, convener_id, all_day, start_local, end_local,
			first_day, last_day, zone, start_utc, end_utc, venue_name, venue_address, venue_city, venue_country, venue_online_url,
			igos_invited, observers_excluded, exclusion_reason, status, confidentiality, background, notes, source, modified, version, detail)
			VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.update, "UPDATE meetings SET " + meetingSet + " WHERE id = ?"},
		{&w.delAreas, "DELETE FROM meeting_areas WHERE meeting_id = ?"},
		{&w.delItems, "DELETE FROM agenda_items WHERE meeting_id = ?"},
		{&w.delMarks, "DELETE FROM interest_marks WHERE meeting_id = ?"},
		{&w.insArea, "INSERT INTO meeting_areas (meeting_id, area_id, position) VALUES (?, ?, ?)"},
		{&w.insItem, "INSERT INTO agenda_items (id, meeting_id, position, title) VALUES (?, ?, ?, ?)"},
		{&w.insItemArea, "INSERT INTO agenda_item_areas (item_id, meeting_id, area_id, position) VALUES (?, ?, ?, ?)"},
		{&w.insMark, "INSERT INTO interest_marks (meeting_id, org_id, position, note) VALUES (?, ?, ?, ?)"},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.stmt = st
	}
	if err := tx.QueryRowContext(ctx, "SELECT ifnull(max(id), 0) + 1 FROM agenda_items").Scan(&w.nextItem); err != nil {
		w.close()
		return nil, translate(err, "agenda items")
	}
	return w, nil
}

func (w *meetingWriter) close() {
	for _, st := range []*sql.Stmt{w.insert, w.update, w.delAreas, w.delItems, w.delMarks, w.insArea, w.insItem, w.insItemArea, w.insMark} {
		if st != nil {
			_ = st.Close()
		}
	}
}

// assignItemIDs gives new agenda items their ids.
func (w *meetingWriter) assignItemIDs(m *model.Meeting) {
	for i := range m.Agenda {
		if m.Agenda[i].ID == 0 {
			m.Agenda[i].ID = w.nextItem
			w.nextItem++
		} else if m.Agenda[i].ID >= w.nextItem {
			w.nextItem = m.Agenda[i].ID + 1
		}
	}
}

// values lists the columns of meetingSet, in order, for m.
func meetingValues(m *model.Meeting) []any {
	t := encodeTimes(m)
	v := m.Venue
	return []any{m.Sequence, m.Title, string(m.Kind), m.ConvenerID, m.AllDay, t.startLocal, t.endLocal,
		t.firstDay, t.lastDay, m.Zone, t.startUTC, t.endUTC, v.Name, v.Address, v.City,
		v.Country, v.OnlineURL, m.IGOsInvited, m.ObserversExcluded, m.ExclusionReason, string(m.Status),
		string(m.Confidentiality), m.Background, m.Notes, m.Source, ts(m.Modified), m.Version, encodeDetail(m)}
}

// insertMeeting writes a new meeting and its children; m gets its ID.
func (w *meetingWriter) insertMeeting(ctx context.Context, m *model.Meeting) error {
	w.assignItemIDs(m)
	args := append([]any{m.UID, ts(m.Created)}, meetingValues(m)...)
	res, err := w.insert.ExecContext(ctx, args...)
	if err != nil {
		return translate(err, "meeting "+m.Title)
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return w.insertChildren(ctx, m)
}

// updateMeeting rewrites a stored meeting and replaces its children.
func (w *meetingWriter) updateMeeting(ctx context.Context, m *model.Meeting) error {
	w.assignItemIDs(m)
	if _, err := w.update.ExecContext(ctx, append(meetingValues(m), m.ID)...); err != nil {
		return translate(err, fmt.Sprintf("meeting %d", m.ID))
	}
	for _, st := range []*sql.Stmt{w.delAreas, w.delItems, w.delMarks} {
		if _, err := st.ExecContext(ctx, m.ID); err != nil {
			return translateDelete(err, fmt.Sprintf("meeting %d", m.ID))
		}
	}
	return w.insertChildren(ctx, m)
}

func (w *meetingWriter) insertChildren(ctx context.Context, m *model.Meeting) error {
	what := func(f string, i int) string { return fmt.Sprintf("meeting %q: %s[%d]", m.Title, f, i+1) }
	for i, a := range m.AreaIDs {
		if _, err := w.insArea.ExecContext(ctx, m.ID, a, i); err != nil {
			return translate(err, what("areas", i))
		}
	}
	for i := range m.Agenda {
		it := &m.Agenda[i]
		if _, err := w.insItem.ExecContext(ctx, it.ID, m.ID, i, it.Title); err != nil {
			return translate(err, what("agenda", i))
		}
		for j, a := range it.AreaIDs {
			if _, err := w.insItemArea.ExecContext(ctx, it.ID, m.ID, a, j); err != nil {
				return translate(err, what("agenda", i)+".areas")
			}
		}
	}
	for i, mk := range m.InterestMarks {
		if _, err := w.insMark.ExecContext(ctx, m.ID, mk.OrgID, i, mk.Note); err != nil {
			return translate(err, what("interest_marks", i))
		}
	}
	return nil
}

// CreateMeeting validates m against the catalog and stores it with its
// agenda, areas and interest marks. It sets ID, UID (model.NewUID, when
// empty), Sequence 0 (an imported meeting, Source set, keeps the
// convener's), Version 1, Created and Modified, and gives timed instants
// in the meeting's zone. An invalid meeting is model.ErrInvalid and
// nothing is written; m is changed only when the meeting is stored.
func (s *Store) CreateMeeting(ctx context.Context, m *model.Meeting) error {
	if m == nil {
		return model.Invalid("meeting", "none given")
	}
	ms := []model.Meeting{*m}
	if err := s.CreateMeetings(ctx, ms); err != nil {
		return err
	}
	*m = ms[0]
	return nil
}

// CreateMeetings stores many new meetings in one transaction, as
// CreateMeeting does for one: all of them, or, when one is invalid or
// fails, none (the error names it). The meetings in ms get their IDs.
func (s *Store) CreateMeetings(ctx context.Context, ms []model.Meeting) error {
	out := make([]model.Meeting, len(ms))
	copy(out, ms)
	err := s.writeData(ctx, func(tx *sql.Tx) error {
		c, err := s.catalog(ctx, tx)
		if err != nil {
			return err
		}
		w, done, err := s.meetingWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer done()
		now := s.now()
		for i := range out {
			m := &out[i]
			if err := m.Validate(c); err != nil {
				return batchErr(len(out), i, err)
			}
			for j := range m.Agenda {
				m.Agenda[j].ID = 0 // a new meeting's items are new, even when copied from another
			}
			if m.UID == "" {
				m.UID = model.NewUID()
			}
			if m.Source == "" {
				m.Sequence = 0
			}
			m.Version, m.Created, m.Modified = 1, now, now
			normalize(m)
			if err := w.insertMeeting(ctx, m); err != nil {
				return batchErr(len(out), i, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	copy(ms, out)
	return nil
}

func batchErr(n, i int, err error) error {
	if n == 1 {
		return err
	}
	return fmt.Errorf("meeting %d of %d: %w", i+1, n, err)
}

// cloneAgenda copies agenda items so that IDs given on insert do not show
// in the caller's meeting when the transaction fails.
func cloneAgenda(items []model.AgendaItem) []model.AgendaItem {
	if items == nil {
		return nil
	}
	out := make([]model.AgendaItem, len(items))
	copy(out, items)
	return out
}

// UpdateMeeting validates m and saves it. m.Version must be the stored
// version, else model.ErrConflict (someone else changed it). The stored
// UID and Created are kept; Sequence is bumped when the change is material
// (model.MaterialChange: time, place or status), or, for a partner's
// meeting (Source set), set to the SEQUENCE the import brings when higher;
// Version is bumped and Modified set. m is updated to what was stored.
func (s *Store) UpdateMeeting(ctx context.Context, m *model.Meeting) error {
	if m == nil {
		return model.Invalid("meeting", "none given")
	}
	out := *m
	err := s.writeData(ctx, func(tx *sql.Tx) error {
		old, err := lockedMeeting(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if m.Version != old.Version {
			return stale("meeting", m.ID, m.Version, old.Version)
		}
		c, err := s.catalog(ctx, tx)
		if err != nil {
			return err
		}
		if err := out.Validate(c); err != nil {
			return err
		}
		normalize(&out)
		// Items keep their ids only if they were this meeting's.
		own := map[int64]bool{}
		for _, it := range old.Agenda {
			own[it.ID] = true
		}
		for j := range out.Agenda {
			if !own[out.Agenda[j].ID] {
				out.Agenda[j].ID = 0
			}
		}
		given := out.Sequence
		out.UID, out.Created, out.Sequence = old.UID, old.Created, old.Sequence
		if model.MaterialChange(old, &out) {
			out.Sequence++
		}
		// A partner's meeting carries the partner's SEQUENCE: keep it when
		// the import brings a higher one.
		if out.Source != "" && given > out.Sequence {
			out.Sequence = given
		}
		out.Version, out.Modified = old.Version+1, s.now()
		return s.rewriteMeeting(ctx, tx, &out)
	})
	if err != nil {
		return err
	}
	*m = out
	return nil
}

func (s *Store) rewriteMeeting(ctx context.Context, tx *sql.Tx, m *model.Meeting) error {
	w, done, err := s.meetingWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer done()
	return w.updateMeeting(ctx, m)
}

// lockedMeeting reads a live meeting inside a write transaction.
func lockedMeeting(ctx context.Context, tx *sql.Tx, id int64) (*model.Meeting, error) {
	ms, err := loadMeetings(ctx, tx, " WHERE id = ? AND deleted_at IS NULL", id)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, notFound("meeting", id)
	}
	return &ms[0], nil
}

// CancelMeeting marks a meeting cancelled, bumping its Sequence (partners
// who were sent it must be sent the cancellation) and Version. Cancelling
// a cancelled meeting changes nothing.
func (s *Store) CancelMeeting(ctx context.Context, id int64) (*model.Meeting, error) {
	var m *model.Meeting
	err := s.writeData(ctx, func(tx *sql.Tx) error {
		var err error
		if m, err = lockedMeeting(ctx, tx, id); err != nil || m.Status == model.StatusCancelled {
			return err
		}
		m.Status = model.StatusCancelled
		m.Sequence++
		m.Version++
		m.Modified = s.now()
		_, err = tx.ExecContext(ctx, "UPDATE meetings SET status = ?, sequence = ?, version = ?, modified = ? WHERE id = ?",
			string(m.Status), m.Sequence, m.Version, ts(m.Modified), id)
		return translate(err, fmt.Sprintf("cancel meeting %d", id))
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// DeleteMeeting deletes a meeting, leaving a tombstone: it disappears from
// every list, its UID stays reserved, and a sync can see it went.
// RestoreMeeting undoes it.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	return s.setTombstone(ctx, id, true)
}

// RestoreMeeting brings back a deleted meeting.
func (s *Store) RestoreMeeting(ctx context.Context, id int64) error {
	return s.setTombstone(ctx, id, false)
}

func (s *Store) setTombstone(ctx context.Context, id int64, deleted bool) error {
	return s.writeData(ctx, func(tx *sql.Tx) error {
		now := ts(s.now())
		query := "UPDATE meetings SET deleted_at = ?, version = version + 1, modified = ? WHERE id = ? AND deleted_at IS NULL"
		args := []any{now, now, id}
		if !deleted {
			query = "UPDATE meetings SET deleted_at = NULL, version = version + 1, modified = ? WHERE id = ? AND deleted_at IS NOT NULL"
			args = []any{now, id}
		}
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return translate(err, fmt.Sprintf("meeting %d", id))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if deleted {
				return notFound("meeting", id)
			}
			return fmt.Errorf("meeting %d is not deleted: %w", id, model.ErrNotFound)
		}
		return nil
	})
}
