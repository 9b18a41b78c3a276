package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// The reading half of the meetings aggregate: filters, and turning rows
// back into model.Meeting with their agenda, areas and interest marks.

// MeetingOrder is the order Meetings lists meetings in.
type MeetingOrder int

// The orders of a meeting list.
const (
	ByStart        MeetingOrder = iota // earliest first (the default)
	ByStartDesc                        // latest first
	ByModifiedDesc                     // most recently changed first
	ByTitle                            // alphabetically, ignoring case
)

// MeetingFilter selects meetings. Zero fields select everything; deleted
// meetings (tombstones) are never listed.
type MeetingFilter struct {
	// From and To keep the meetings that overlap [From, To): ending after
	// From and starting before To. Either may be zero (unbounded).
	From, To   time.Time
	ConvenerID int64
	Kind       model.MeetingKind
	Status     model.MeetingStatus
	// Text keeps meetings whose title, venue or city contains it, ignoring
	// case (for ASCII letters).
	Text          string
	Limit, Offset int
	Order         MeetingOrder
}

const meetingColumns = `id, uid, sequence, title, kind, convener_id, all_day, start_local, end_local, first_day, last_day, zone,
	start_utc, end_utc, venue_name, venue_address, venue_city, venue_country, venue_online_url,
	igos_invited, observers_excluded, exclusion_reason, status, confidentiality, background, notes, source,
	created, modified, version, detail`

// where builds the WHERE clause of a filter. It reads the longest meeting
// stored, so that a window can use the index on start_utc.
func (f *MeetingFilter) where(ctx context.Context, q querier) (string, []any, error) {
	conds := []string{"deleted_at IS NULL"}
	var args []any
	if !f.From.IsZero() {
		var longest int64
		if err := q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'max_meeting_seconds'").Scan(&longest); err != nil {
			return "", nil, translate(err, "meetings")
		}
		from := f.From.Unix()
		conds = append(conds, "start_utc >= ?", "end_utc > ?")
		args = append(args, from-longest, from)
	}
	if !f.To.IsZero() {
		conds = append(conds, "start_utc < ?")
		args = append(args, unixCeil(f.To))
	}
	if f.ConvenerID != 0 {
		conds = append(conds, "convener_id = ?")
		args = append(args, f.ConvenerID)
	}
	if f.Kind != "" {
		conds = append(conds, "kind = ?")
		args = append(args, string(f.Kind))
	}
	if f.Status != "" {
		conds = append(conds, "status = ?")
		args = append(args, string(f.Status))
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		p := likePattern(t)
		conds = append(conds, `(title LIKE ? ESCAPE '\' OR venue_name LIKE ? ESCAPE '\' OR venue_city LIKE ? ESCAPE '\')`)
		args = append(args, p, p, p)
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// unixCeil rounds an instant up to a whole second, so that "start before
// To" holds for instants stored in whole seconds.
func unixCeil(t time.Time) int64 {
	if t.Nanosecond() > 0 {
		return t.Unix() + 1
	}
	return t.Unix()
}

func (f *MeetingFilter) orderBy() string {
	switch f.Order {
	case ByStartDesc:
		return " ORDER BY start_utc DESC, id DESC"
	case ByModifiedDesc:
		return " ORDER BY modified DESC, id DESC"
	case ByTitle:
		return " ORDER BY title COLLATE NOCASE, start_utc, id"
	}
	return " ORDER BY start_utc, id"
}

// Meetings lists the meetings the filter selects, with everything they hold.
func (s *Store) Meetings(ctx context.Context, f MeetingFilter) ([]model.Meeting, error) {
	var out []model.Meeting
	err := s.read(ctx, func(tx *sql.Tx) error {
		where, args, err := f.where(ctx, tx)
		if err != nil {
			return err
		}
		tail := where + f.orderBy()
		if f.Limit > 0 || f.Offset > 0 {
			limit := f.Limit
			if limit <= 0 {
				limit = -1
			}
			tail += " LIMIT ? OFFSET ?"
			args = append(args, limit, max(f.Offset, 0))
		}
		out, err = loadMeetings(ctx, tx, tail, args...)
		return err
	})
	return out, err
}

// CountMeetings counts the meetings the filter selects, ignoring Limit and
// Offset.
func (s *Store) CountMeetings(ctx context.Context, f MeetingFilter) (int, error) {
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		where, args, err := f.where(ctx, tx)
		if err != nil {
			return err
		}
		return translate(tx.QueryRowContext(ctx, "SELECT count(*) FROM meetings"+where, args...).Scan(&n), "count meetings")
	})
	return n, err
}

// Meeting returns the meeting with that id. A deleted meeting is
// model.ErrNotFound.
func (s *Store) Meeting(ctx context.Context, id int64) (*model.Meeting, error) {
	return s.oneMeeting(ctx, fmt.Sprintf("meeting %d", id), " WHERE id = ? AND deleted_at IS NULL", id)
}

// MeetingByUID returns the meeting with that iCalendar UID. A deleted
// meeting is model.ErrNotFound.
func (s *Store) MeetingByUID(ctx context.Context, uid string) (*model.Meeting, error) {
	return s.oneMeeting(ctx, fmt.Sprintf("meeting %q", uid), " WHERE uid = ? AND deleted_at IS NULL", uid)
}

// MeetingExists says whether a live meeting has that iCalendar UID: one
// narrow lookup, for an import that adds thousands of new meetings and
// would otherwise read each UID's whole row to learn it is not there.
func (s *Store) MeetingExists(ctx context.Context, uid string) (bool, error) {
	var n int
	err := s.q().QueryRowContext(ctx, "SELECT count(*) FROM meetings WHERE uid = ? AND deleted_at IS NULL", uid).Scan(&n)
	if err != nil {
		return false, translate(err, fmt.Sprintf("meeting %q", uid))
	}
	return n > 0, nil
}

func (s *Store) oneMeeting(ctx context.Context, what, tail string, args ...any) (*model.Meeting, error) {
	var ms []model.Meeting
	var err error
	if s.txc != nil { // inside Atomically: the query prepared once
		ms, err = loadMeetings(ctx, s.txc, tail, args...)
	} else {
		err = s.read(ctx, func(tx *sql.Tx) error {
			var err error
			ms, err = loadMeetings(ctx, tx, tail, args...)
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("%s: %w", what, model.ErrNotFound)
	}
	return &ms[0], nil
}

// loadMeetings reads the meetings selected by tail (WHERE ... ORDER ...)
// and then their children, one query per child table.
func loadMeetings(ctx context.Context, q querier, tail string, args ...any) ([]model.Meeting, error) {
	out := []model.Meeting{}
	err := forRows(ctx, q, "SELECT "+meetingColumns+" FROM meetings"+tail, args, func(r *sql.Rows) error {
		m, err := scanMeeting(r)
		if err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// scanMeeting decodes one row of meetingColumns.
func scanMeeting(r scanner) (model.Meeting, error) {
	var m model.Meeting
	var kind, status, conf, startLocal, endLocal, firstDay, lastDay, created, modified string
	var startUTC, endUTC int64
	var det string
	if err := r.Scan(&m.ID, &m.UID, &m.Sequence, &m.Title, &kind, &m.ConvenerID, &m.AllDay, &startLocal, &endLocal, &firstDay, &lastDay, &m.Zone,
		&startUTC, &endUTC, &m.Venue.Name, &m.Venue.Address, &m.Venue.City, &m.Venue.Country, &m.Venue.OnlineURL,
		&m.IGOsInvited, &m.ObserversExcluded, &m.ExclusionReason, &status, &conf, &m.Background, &m.Notes, &m.Source,
		&created, &modified, &m.Version, &det); err != nil {
		return m, err
	}
	m.Kind, m.Status, m.Confidentiality = model.MeetingKind(kind), model.MeetingStatus(status), model.Confidentiality(conf)
	var d decoder
	m.Created, m.Modified = d.ts(created), d.ts(modified)
	if m.AllDay {
		m.FirstDay, m.LastDay = d.day(firstDay), d.day(lastDay)
	} else {
		m.Start = wallTime(startLocal, startUTC, m.Zone, &d)
		m.End = wallTime(endLocal, endUTC, m.Zone, &d)
	}
	if err := decodeDetail(det, &m); err != nil && d.err == nil {
		d.err = err
	}
	if d.err != nil {
		return m, fmt.Errorf("meeting %d: %w", m.ID, d.err)
	}
	return m, nil
}

// wallTime rebuilds a meeting's instant from the wall-clock time in its
// zone, which is what the convener decided: should the zone's rules
// change, the meeting stays at its local time. When the local time occurs
// twice (the hour the clocks go back), the stored instant picks which one.
// A zone the tz database no longer knows falls back to the stored instant.
func wallTime(local string, unix int64, zone string, d *decoder) time.Time {
	loc, err := model.LoadZone(zone)
	if err != nil {
		return time.Unix(unix, 0).UTC()
	}
	t, err := time.ParseInLocation(localLayout, local, loc)
	if err != nil {
		if d.err == nil {
			d.err = fmt.Errorf("stored local time %q is damaged: %w", local, err)
		}
		return time.Unix(unix, 0).In(loc)
	}
	if t.Unix() != unix {
		if alt := time.Unix(unix, int64(t.Nanosecond())).In(loc); alt.Format(localLayout) == local {
			return alt
		}
	}
	return t
}

// idList encodes meeting ids for json_each(?), which takes any number of
// them in one parameter.
func idList(ms []model.Meeting) string {
	ids := make([]int64, len(ms))
	for i := range ms {
		ids[i] = ms[i].ID
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// MeetingsByID returns the live meetings among ids, in the order of their
// ids; deleted or unknown ids are left out.
func (s *Store) MeetingsByID(ctx context.Context, ids []int64) ([]model.Meeting, error) {
	if len(ids) == 0 {
		return []model.Meeting{}, nil
	}
	b, _ := json.Marshal(ids)
	var out []model.Meeting
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = loadMeetings(ctx, tx, " WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY id", string(b))
		return err
	})
	return out, err
}

// likePattern escapes s for a LIKE ... ESCAPE '\' search anywhere in a text.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}
