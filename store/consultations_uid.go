package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/liaison-app/liaison/model"
)

// SeriesByUID returns the live consultation series with that iCalendar
// UID: a partner's file names a series by it. None is model.ErrNotFound.
func (s *Store) SeriesByUID(ctx context.Context, uid string) (*model.ConsultationSeries, error) {
	var cs *model.ConsultationSeries
	err := s.read(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM consultation_series WHERE uid = ? AND deleted_at IS NULL", uid).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("consultation series %q: %w", uid, model.ErrNotFound)
		}
		if err != nil {
			return translate(err, "consultation series by UID")
		}
		cs, err = lockedSeries(ctx, tx, id)
		return err
	})
	return cs, err
}
