package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/liaison-app/liaison/model"
)

const seriesColumns = `id, uid, sequence, agreement_id, title, start_local, start_utc, duration_ns, zone, rrule, confidentiality,
	notes, created, modified, version`

// Series returns a consultation series with its venue rotation and every
// occurrence record. A deleted series is model.ErrNotFound.
func (s *Store) Series(ctx context.Context, id int64) (*model.ConsultationSeries, error) {
	var cs *model.ConsultationSeries
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		cs, err = lockedSeries(ctx, tx, id)
		return err
	})
	return cs, err
}

// SeriesList returns every live consultation series, by title, with
// everything it holds.
func (s *Store) SeriesList(ctx context.Context) ([]model.ConsultationSeries, error) {
	var out []model.ConsultationSeries
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = loadSeries(ctx, tx, " WHERE deleted_at IS NULL ORDER BY title, id")
		return err
	})
	return out, err
}

// lockedSeries reads one live series (inside any transaction).
func lockedSeries(ctx context.Context, q querier, id int64) (*model.ConsultationSeries, error) {
	list, err := loadSeries(ctx, q, " WHERE id = ? AND deleted_at IS NULL", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, notFound("consultation series", id)
	}
	return &list[0], nil
}

func loadSeries(ctx context.Context, q querier, tail string, args ...any) ([]model.ConsultationSeries, error) {
	out := []model.ConsultationSeries{}
	err := forRows(ctx, q, "SELECT "+seriesColumns+" FROM consultation_series"+tail, args, func(r *sql.Rows) error {
		var cs model.ConsultationSeries
		var startLocal, conf, created, modified string
		var startUTC, dur int64
		if err := r.Scan(&cs.ID, &cs.UID, &cs.Sequence, &cs.AgreementID, &cs.Title, &startLocal, &startUTC, &dur, &cs.Zone, &cs.RRule, &conf,
			&cs.Notes, &created, &modified, &cs.Version); err != nil {
			return err
		}
		var d decoder
		cs.Start = wallTime(startLocal, startUTC, cs.Zone, &d)
		cs.Duration, cs.Confidentiality = time.Duration(dur), model.Confidentiality(conf)
		cs.Created, cs.Modified = d.ts(created), d.ts(modified)
		cs.VenueRotation, cs.Occurrences = []model.Venue{}, []model.Occurrence{}
		out = append(out, cs)
		return d.err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := loadSeriesChildren(ctx, q, &out[i]); err != nil {
			return nil, fmt.Errorf("consultation series %d: %w", out[i].ID, err)
		}
	}
	return out, nil
}

// loadSeriesChildren reads a series' venues and occurrence records. A
// handful of series, each with tens of occurrences: one set of queries per
// series is plenty.
func loadSeriesChildren(ctx context.Context, q querier, cs *model.ConsultationSeries) error {
	if err := forRows(ctx, q, "SELECT name, address, city, country, online_url FROM series_venues WHERE series_id = ? ORDER BY position", []any{cs.ID}, func(r *sql.Rows) error {
		var v model.Venue
		if err := r.Scan(&v.Name, &v.Address, &v.City, &v.Country, &v.OnlineURL); err != nil {
			return err
		}
		cs.VenueRotation = append(cs.VenueRotation, v)
		return nil
	}); err != nil {
		return err
	}
	loc := cs.Location()
	index := map[int64]int{}
	if err := forRows(ctx, q, `SELECT id, original_start, start_at, end_at, cancelled, held, has_venue, venue_name, venue_address, venue_city,
		venue_country, venue_online_url, minutes FROM occurrences WHERE series_id = ? ORDER BY original_utc`, []any{cs.ID}, func(r *sql.Rows) error {
		o := model.Occurrence{SeriesID: cs.ID, Agenda: []model.AgendaItem{}, Outcomes: []string{}, ActionItems: []model.ActionItem{}}
		var orig, start, end string
		var has bool
		var v model.Venue
		if err := r.Scan(&o.ID, &orig, &start, &end, &o.Cancelled, &o.Held, &has, &v.Name, &v.Address, &v.City, &v.Country, &v.OnlineURL, &o.Minutes); err != nil {
			return err
		}
		var d decoder
		o.OriginalStart, o.Start, o.End = d.ts(orig), d.ts(start), d.ts(end)
		seriesTimes(&o, loc)
		if has {
			o.Venue = &v
		}
		index[o.ID] = len(cs.Occurrences)
		cs.Occurrences = append(cs.Occurrences, o)
		return d.err
	}); err != nil {
		return err
	}
	if len(cs.Occurrences) == 0 {
		return nil
	}
	items := map[int64][2]int{}
	if err := forRows(ctx, q, `SELECT a.occurrence_id, a.id, a.title FROM occurrence_agenda a JOIN occurrences o ON o.id = a.occurrence_id
		WHERE o.series_id = ? ORDER BY a.occurrence_id, a.position`, []any{cs.ID}, func(r *sql.Rows) error {
		var oid int64
		it := model.AgendaItem{AreaIDs: []int64{}}
		if err := r.Scan(&oid, &it.ID, &it.Title); err != nil {
			return err
		}
		o := &cs.Occurrences[index[oid]]
		items[it.ID] = [2]int{index[oid], len(o.Agenda)}
		o.Agenda = append(o.Agenda, it)
		return nil
	}); err != nil {
		return err
	}
	if err := forRows(ctx, q, `SELECT x.item_id, x.area_id FROM occurrence_agenda_areas x JOIN occurrence_agenda a ON a.id = x.item_id
		JOIN occurrences o ON o.id = a.occurrence_id WHERE o.series_id = ? ORDER BY x.item_id, x.position`, []any{cs.ID}, func(r *sql.Rows) error {
		var iid, aid int64
		if err := r.Scan(&iid, &aid); err != nil {
			return err
		}
		if p, ok := items[iid]; ok {
			it := &cs.Occurrences[p[0]].Agenda[p[1]]
			it.AreaIDs = append(it.AreaIDs, aid)
		}
		return nil
	}); err != nil {
		return err
	}
	if err := forRows(ctx, q, `SELECT x.occurrence_id, x.text FROM occurrence_outcomes x JOIN occurrences o ON o.id = x.occurrence_id
		WHERE o.series_id = ? ORDER BY x.occurrence_id, x.position`, []any{cs.ID}, func(r *sql.Rows) error {
		var oid int64
		var text string
		if err := r.Scan(&oid, &text); err != nil {
			return err
		}
		o := &cs.Occurrences[index[oid]]
		o.Outcomes = append(o.Outcomes, text)
		return nil
	}); err != nil {
		return err
	}
	return forRows(ctx, q, `SELECT x.occurrence_id, x.id, x.text, x.owner_org, x.due, x.done, x.done_on FROM action_items x
		JOIN occurrences o ON o.id = x.occurrence_id WHERE o.series_id = ? ORDER BY x.occurrence_id, x.position`, []any{cs.ID}, func(r *sql.Rows) error {
		var oid int64
		var a model.ActionItem
		var due, doneOn string
		if err := r.Scan(&oid, &a.ID, &a.Text, &a.OwnerOrg, &due, &a.Done, &doneOn); err != nil {
			return err
		}
		var d decoder
		a.Due, a.DoneOn = d.day(due), d.day(doneOn)
		o := &cs.Occurrences[index[oid]]
		o.ActionItems = append(o.ActionItems, a)
		return d.err
	})
}

// OpenAction is an action item not yet done, with the consultation it came
// from.
type OpenAction struct {
	model.ActionItem
	SeriesID      int64
	SeriesTitle   string
	OccurrenceID  int64
	OriginalStart time.Time // the consultation's date by the series' rule, in the series' zone
	AgreementID   int64
}

// OpenActionItems lists the action items not yet done, of live series,
// earliest due first (those without a due day last).
func (s *Store) OpenActionItems(ctx context.Context) ([]OpenAction, error) {
	out := []OpenAction{}
	err := forRows(ctx, s.q(), `SELECT x.id, x.text, x.owner_org, x.due, x.done, x.done_on, s.id, s.title, s.zone, o.id, o.original_start, s.agreement_id
		FROM action_items x JOIN occurrences o ON o.id = x.occurrence_id JOIN consultation_series s ON s.id = o.series_id
		WHERE x.done = 0 AND s.deleted_at IS NULL
		ORDER BY x.due = '', x.due, o.original_utc, x.position`, nil, func(r *sql.Rows) error {
		var a OpenAction
		var due, doneOn, zone, orig string
		if err := r.Scan(&a.ID, &a.Text, &a.OwnerOrg, &due, &a.Done, &doneOn, &a.SeriesID, &a.SeriesTitle, &zone, &a.OccurrenceID, &orig, &a.AgreementID); err != nil {
			return err
		}
		var d decoder
		a.Due, a.DoneOn, a.OriginalStart = d.day(due), d.day(doneOn), d.ts(orig)
		if loc, err := model.LoadZone(zone); err == nil {
			a.OriginalStart = a.OriginalStart.In(loc)
		}
		out = append(out, a)
		return d.err
	})
	if err != nil {
		return nil, fmt.Errorf("open action items: %w", err)
	}
	return out, nil
}
