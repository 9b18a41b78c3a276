package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/liaison-app/liaison/model"
)

// The consultation series aggregate (Art. 8): the series, its venue
// rotation, and the record of each occurrence with its agenda, outcomes and
// action items. Reading is in consultations_read.go.

// CreateSeries validates a consultation series against the catalog and
// stores it with its venue rotation and occurrence records. It sets ID,
// UID (when empty), Sequence 0, Version 1, Created and Modified.
func (s *Store) CreateSeries(ctx context.Context, cs *model.ConsultationSeries) error {
	if cs == nil {
		return model.Invalid("consultation series", "none given")
	}
	out := cloneSeries(cs)
	err := s.write(ctx, func(tx *sql.Tx) error {
		c, err := loadCatalog(ctx, tx)
		if err != nil {
			return err
		}
		if err := out.Validate(c); err != nil {
			return err
		}
		if out.UID == "" {
			out.UID = model.NewUID()
		}
		now := s.now()
		out.Sequence, out.Version, out.Created, out.Modified = 0, 1, now, now
		out.Start = out.Start.In(out.Location())
		for i := range out.Occurrences {
			seriesTimes(&out.Occurrences[i], out.Location())
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO consultation_series (uid, agreement_id, title, start_local, start_utc, duration_ns, zone, rrule,
			confidentiality, created, modified) VALUES (?, ?, ?, '', 0, 0, '', '', 'public', ?, ?)`,
			out.UID, out.AgreementID, out.Title, ts(now), ts(now))
		if err != nil {
			return translate(err, "consultation series "+out.Title)
		}
		if out.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return saveSeries(ctx, tx, out)
	})
	if err != nil {
		return err
	}
	*cs = *out
	return nil
}

// UpdateSeries validates and saves a series and replaces its venue
// rotation and occurrence records with cs's. cs.Version must be the stored
// version (model.ErrConflict otherwise). Sequence is bumped when the
// schedule changes (start, duration, zone, rule or venues).
func (s *Store) UpdateSeries(ctx context.Context, cs *model.ConsultationSeries) error {
	if cs == nil {
		return model.Invalid("consultation series", "none given")
	}
	out := cloneSeries(cs)
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := lockedSeries(ctx, tx, cs.ID)
		if err != nil {
			return err
		}
		if cs.Version != old.Version {
			return stale("consultation series", cs.ID, cs.Version, old.Version)
		}
		c, err := loadCatalog(ctx, tx)
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
		out.UID, out.Created, out.Sequence = old.UID, old.Created, old.Sequence
		if !old.Start.Equal(out.Start) || old.Duration != out.Duration || old.Zone != out.Zone || old.RRule != out.RRule ||
			!slices.Equal(old.VenueRotation, out.VenueRotation) {
			out.Sequence++
		}
		out.Version, out.Modified = old.Version+1, s.now()
		return saveSeries(ctx, tx, out)
	})
	if err != nil {
		return err
	}
	*cs = *out
	return nil
}

// DeleteSeries deletes a series, leaving a tombstone for sync.
func (s *Store) DeleteSeries(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		now := ts(s.now())
		res, err := tx.ExecContext(ctx, "UPDATE consultation_series SET deleted_at = ?, version = version + 1, modified = ? WHERE id = ? AND deleted_at IS NULL", now, now, id)
		if err != nil {
			return translate(err, fmt.Sprintf("consultation series %d", id))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("consultation series", id)
		}
		return nil
	})
}

// SaveOccurrence records what happened to one occurrence of a series (moved,
// cancelled, held, venue, agenda, minutes, outcomes, action items), keyed
// by o.OriginalStart: it replaces the record with the same OriginalStart,
// or adds one. The series' Version is bumped, and its Sequence too when
// the occurrence was moved, cancelled or given another venue. o gets its
// IDs.
func (s *Store) SaveOccurrence(ctx context.Context, seriesID int64, o *model.Occurrence) error {
	if o == nil {
		return model.Invalid("occurrence", "none given")
	}
	out := cloneOccurrence(*o)
	err := s.write(ctx, func(tx *sql.Tx) error {
		cs, err := lockedSeries(ctx, tx, seriesID)
		if err != nil {
			return err
		}
		out.SeriesID = seriesID
		seriesTimes(&out, cs.Location())
		var prev *model.Occurrence
		i := slices.IndexFunc(cs.Occurrences, func(x model.Occurrence) bool { return x.OriginalStart.Equal(out.OriginalStart) })
		if i >= 0 {
			prev = &cs.Occurrences[i]
			out.ID = prev.ID
		}
		keepOwnIDs(&out, prev)
		if err := checkOccurrence(ctx, tx, cs, &out, i); err != nil {
			return err
		}
		material := prev == nil && (out.Moved() || out.Cancelled || out.Venue != nil) ||
			prev != nil && (!prev.Start.Equal(out.Start) || !prev.End.Equal(out.End) || prev.Cancelled != out.Cancelled ||
				!equalVenue(prev.Venue, out.Venue))
		if out.ID != 0 {
			if _, err := tx.ExecContext(ctx, "DELETE FROM occurrences WHERE id = ?", out.ID); err != nil {
				return translateDelete(err, "occurrence")
			}
		}
		if err := insertOccurrence(ctx, tx, seriesID, &out); err != nil {
			return err
		}
		seq := 0
		if material {
			seq = 1
		}
		_, err = tx.ExecContext(ctx, "UPDATE consultation_series SET version = version + 1, sequence = sequence + ?, modified = ? WHERE id = ?",
			seq, ts(s.now()), seriesID)
		return translate(err, "consultation series")
	})
	if err != nil {
		return err
	}
	*o = out
	return nil
}

// checkOccurrence validates an occurrence as part of its series.
func checkOccurrence(ctx context.Context, tx *sql.Tx, cs *model.ConsultationSeries, o *model.Occurrence, at int) error {
	c, err := loadCatalog(ctx, tx)
	if err != nil {
		return err
	}
	if o.OriginalStart.IsZero() {
		return model.Invalid("original_start", "must be set: the date the series' rule gives the occurrence")
	}
	trial := *cs
	trial.Occurrences = slices.Clone(cs.Occurrences)
	if at >= 0 {
		trial.Occurrences[at] = *o
	} else {
		trial.Occurrences = append(trial.Occurrences, *o)
	}
	return trial.Validate(c)
}

func equalVenue(a, b *model.Venue) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// saveSeries writes every column and child row of a stored series.
func saveSeries(ctx context.Context, tx *sql.Tx, cs *model.ConsultationSeries) error {
	what := "consultation series " + cs.Title
	_, err := tx.ExecContext(ctx, `UPDATE consultation_series SET sequence = ?, agreement_id = ?, title = ?, start_local = ?, start_utc = ?,
		duration_ns = ?, zone = ?, rrule = ?, confidentiality = ?, notes = ?, modified = ?, version = ? WHERE id = ?`,
		cs.Sequence, cs.AgreementID, cs.Title, cs.Start.Format(localLayout), cs.Start.Unix(), int64(cs.Duration), cs.Zone, cs.RRule,
		string(cs.Confidentiality), cs.Notes, ts(cs.Modified), cs.Version, cs.ID)
	if err != nil {
		return translate(err, what)
	}
	if err := replaceChildren(ctx, tx, what, "DELETE FROM series_venues WHERE series_id = ?", cs.ID); err != nil {
		return err
	}
	for i, v := range cs.VenueRotation {
		if _, err := tx.ExecContext(ctx, "INSERT INTO series_venues (series_id, position, name, address, city, country, online_url) VALUES (?, ?, ?, ?, ?, ?, ?)",
			cs.ID, i, v.Name, v.Address, v.City, v.Country, v.OnlineURL); err != nil {
			return translate(err, what+": venue")
		}
	}
	if err := replaceChildren(ctx, tx, what, "DELETE FROM occurrences WHERE series_id = ?", cs.ID); err != nil {
		return err
	}
	for i := range cs.Occurrences {
		if err := insertOccurrence(ctx, tx, cs.ID, &cs.Occurrences[i]); err != nil {
			return err
		}
	}
	return nil
}

// insertOccurrence writes one occurrence record and its children, keeping
// the IDs it has.
func insertOccurrence(ctx context.Context, tx *sql.Tx, seriesID int64, o *model.Occurrence) error {
	what := "occurrence of " + o.OriginalStart.Format("2006-01-02 15:04")
	o.SeriesID = seriesID
	v, has := model.Venue{}, o.Venue != nil
	if has {
		v = *o.Venue
	}
	id, err := insertWithID(ctx, tx, o.ID, `INSERT INTO occurrences (id, series_id, original_start, original_utc, start_at, end_at, cancelled, held,
		has_venue, venue_name, venue_address, venue_city, venue_country, venue_online_url, minutes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		seriesID, ts(o.OriginalStart), o.OriginalStart.Unix(), ts(o.Start), ts(o.End), o.Cancelled, o.Held,
		has, v.Name, v.Address, v.City, v.Country, v.OnlineURL, o.Minutes)
	if err != nil {
		return translate(err, what)
	}
	o.ID = id
	for i := range o.Agenda {
		it := &o.Agenda[i]
		if it.ID, err = insertWithID(ctx, tx, it.ID, "INSERT INTO occurrence_agenda (id, occurrence_id, position, title) VALUES (?, ?, ?, ?)", o.ID, i, it.Title); err != nil {
			return translate(err, fmt.Sprintf("%s: agenda[%d]", what, i+1))
		}
		for j, a := range it.AreaIDs {
			if _, err := tx.ExecContext(ctx, "INSERT INTO occurrence_agenda_areas (item_id, area_id, position) VALUES (?, ?, ?)", it.ID, a, j); err != nil {
				return translate(err, fmt.Sprintf("%s: agenda[%d].areas", what, i+1))
			}
		}
	}
	for i, text := range o.Outcomes {
		if _, err := tx.ExecContext(ctx, "INSERT INTO occurrence_outcomes (occurrence_id, position, text) VALUES (?, ?, ?)", o.ID, i, text); err != nil {
			return translate(err, fmt.Sprintf("%s: outcomes[%d]", what, i+1))
		}
	}
	for i := range o.ActionItems {
		a := &o.ActionItems[i]
		if a.ID, err = insertWithID(ctx, tx, a.ID, "INSERT INTO action_items (id, occurrence_id, position, text, owner_org, due, done, done_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			o.ID, i, a.Text, a.OwnerOrg, day(a.Due), a.Done, day(a.DoneOn)); err != nil {
			return translate(err, fmt.Sprintf("%s: action_items[%d]", what, i+1))
		}
	}
	return nil
}

// cloneSeries copies a series deeply enough that IDs given during a
// failed transaction never reach the caller, and puts it in the shape a
// read returns.
func cloneSeries(cs *model.ConsultationSeries) *model.ConsultationSeries {
	out := *cs
	out.VenueRotation = slices.Clone(cs.VenueRotation)
	if out.VenueRotation == nil {
		out.VenueRotation = []model.Venue{}
	}
	out.Occurrences = make([]model.Occurrence, len(cs.Occurrences))
	for i, o := range cs.Occurrences {
		out.Occurrences[i] = cloneOccurrence(o)
	}
	return &out
}

func cloneOccurrence(o model.Occurrence) model.Occurrence {
	o.Agenda = cloneAgenda(o.Agenda)
	if o.Agenda == nil {
		o.Agenda = []model.AgendaItem{}
	}
	for i := range o.Agenda {
		if o.Agenda[i].AreaIDs == nil {
			o.Agenda[i].AreaIDs = []int64{}
		}
	}
	o.Outcomes = slices.Clone(o.Outcomes)
	if o.Outcomes == nil {
		o.Outcomes = []string{}
	}
	o.ActionItems = slices.Clone(o.ActionItems)
	if o.ActionItems == nil {
		o.ActionItems = []model.ActionItem{}
	}
	if o.Venue != nil {
		v := *o.Venue
		o.Venue = &v
	}
	return o
}

// seriesTimes puts an occurrence's instants in the series' zone, as a read
// returns them.
func seriesTimes(o *model.Occurrence, loc *time.Location) {
	o.OriginalStart = o.OriginalStart.In(loc)
	if !o.Start.IsZero() {
		o.Start, o.End = o.Start.In(loc), o.End.In(loc)
	}
}

// keepOwnIDs clears the ids of agenda and action items that were not the
// occurrence's own (copied from another occurrence), so that they are
// inserted as new rather than clash with the originals.
func keepOwnIDs(o, prev *model.Occurrence) {
	items, actions := map[int64]bool{}, map[int64]bool{}
	if prev != nil {
		for _, it := range prev.Agenda {
			items[it.ID] = true
		}
		for _, a := range prev.ActionItems {
			actions[a.ID] = true
		}
	}
	for i := range o.Agenda {
		if !items[o.Agenda[i].ID] {
			o.Agenda[i].ID = 0
		}
	}
	for i := range o.ActionItems {
		if !actions[o.ActionItems[i].ID] {
			o.ActionItems[i].ID = 0
		}
	}
}
