package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/liaison-app/liaison/model"
)

const focalPointColumns = "id, org_id, ifnull(agreement_id, 0), name, title, email, phone, from_day, to_day, placeholder, modified"

// FocalPoints returns every focal point (Art. 7), by organization and
// start of service.
func (s *Store) FocalPoints(ctx context.Context) ([]model.FocalPoint, error) {
	return s.focalPoints(ctx, "ORDER BY org_id, from_day, id")
}

// ActiveFocalPoints returns the focal points of orgID serving on day on:
// for agreementID, or for any agreement when agreementID is 0. A focal
// point stored without an agreement serves for every agreement.
func (s *Store) ActiveFocalPoints(ctx context.Context, orgID, agreementID int64, on model.Date) ([]model.FocalPoint, error) {
	d := day(on)
	return s.focalPoints(ctx, `WHERE org_id = ? AND (? = 0 OR agreement_id IS NULL OR agreement_id = ?)
		AND (from_day = '' OR from_day <= ?) AND (to_day = '' OR to_day >= ?)
		ORDER BY placeholder, from_day DESC, id`, orgID, agreementID, agreementID, d, d)
}

// FocalPoint returns the focal point with that id.
func (s *Store) FocalPoint(ctx context.Context, id int64) (*model.FocalPoint, error) {
	fps, err := s.focalPoints(ctx, "WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(fps) == 0 {
		return nil, notFound("focal point", id)
	}
	return &fps[0], nil
}

func (s *Store) focalPoints(ctx context.Context, tail string, args ...any) ([]model.FocalPoint, error) {
	out := []model.FocalPoint{}
	err := forRows(ctx, s.q(), "SELECT "+focalPointColumns+" FROM focal_points "+tail, args, func(r *sql.Rows) error {
		var f model.FocalPoint
		var from, to, modified string
		if err := r.Scan(&f.ID, &f.OrgID, &f.AgreementID, &f.Name, &f.Title, &f.Email, &f.Phone, &from, &to, &f.Placeholder, &modified); err != nil {
			return err
		}
		var d decoder
		f.From, f.To, f.Modified = d.day(from), d.day(to), d.ts(modified)
		out = append(out, f)
		return d.err
	})
	if err != nil {
		return nil, fmt.Errorf("focal points: %w", err)
	}
	return out, nil
}

// CreateFocalPoint validates and stores a focal point, setting its ID and
// Modified. An unknown organization or agreement is model.ErrInvalid.
func (s *Store) CreateFocalPoint(ctx context.Context, f *model.FocalPoint) error {
	if f == nil {
		return model.Invalid("focal point", "none given")
	}
	if err := f.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.insertFocalPoint(ctx, tx, f) })
}

func (s *Store) insertFocalPoint(ctx context.Context, tx *sql.Tx, f *model.FocalPoint) error {
	now := s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO focal_points (org_id, agreement_id, name, title, email, phone, from_day, to_day, placeholder, modified)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.OrgID, nullID(f.AgreementID), f.Name, f.Title, f.Email, f.Phone, day(f.From), day(f.To), f.Placeholder, ts(now))
	if err != nil {
		return translate(err, "focal point "+f.Name)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	f.ID, f.Modified = id, now
	return nil
}

// UpdateFocalPoint validates and saves a focal point.
func (s *Store) UpdateFocalPoint(ctx context.Context, f *model.FocalPoint) error {
	if f == nil {
		return model.Invalid("focal point", "none given")
	}
	if err := f.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		now := s.now()
		res, err := tx.ExecContext(ctx, `UPDATE focal_points SET org_id = ?, agreement_id = ?, name = ?, title = ?, email = ?, phone = ?,
			from_day = ?, to_day = ?, placeholder = ?, modified = ? WHERE id = ?`,
			f.OrgID, nullID(f.AgreementID), f.Name, f.Title, f.Email, f.Phone, day(f.From), day(f.To), f.Placeholder, ts(now), f.ID)
		if err != nil {
			return translate(err, "focal point "+f.Name)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("focal point", f.ID)
		}
		f.Modified = now
		return nil
	})
}

// DeleteFocalPoint deletes a focal point. To keep the record of who served
// when, prefer ending its service (To) over deleting it.
func (s *Store) DeleteFocalPoint(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM focal_points WHERE id = ?", id)
		if err != nil {
			return translateDelete(err, fmt.Sprintf("focal point %d", id))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("focal point", id)
		}
		return nil
	})
}
