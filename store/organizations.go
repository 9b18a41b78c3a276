package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/liaison-app/liaison/model"
)

const orgColumns = "id, acronym, name, zone, mail_domain, us, modified"

// Organizations returns every organization, ordered by acronym.
func (s *Store) Organizations(ctx context.Context) ([]model.Organization, error) {
	return loadOrganizations(ctx, s.q())
}

// Organization returns the organization with that id.
func (s *Store) Organization(ctx context.Context, id int64) (*model.Organization, error) {
	row := s.q().QueryRowContext(ctx, "SELECT "+orgColumns+" FROM organizations WHERE id = ?", id)
	o, err := scanOrganization(row)
	if err != nil {
		return nil, translate(err, fmt.Sprintf("organization %d", id))
	}
	return o, nil
}

func loadOrganizations(ctx context.Context, q querier) ([]model.Organization, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+orgColumns+" FROM organizations ORDER BY acronym")
	if err != nil {
		return nil, translate(err, "organizations")
	}
	defer rows.Close()
	out := []model.Organization{}
	for rows.Next() {
		o, err := scanOrganization(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *o)
	}
	return out, translate(rows.Err(), "organizations")
}

type scanner interface{ Scan(dest ...any) error }

func scanOrganization(r scanner) (*model.Organization, error) {
	var o model.Organization
	var modified string
	if err := r.Scan(&o.ID, &o.Acronym, &o.Name, &o.Zone, &o.MailDomain, &o.Us, &modified); err != nil {
		return nil, err
	}
	var d decoder
	o.Modified = d.ts(modified)
	return &o, d.err
}

// CreateOrganization validates and stores a new organization, setting its
// ID and Modified. A duplicate acronym, or a second organization marked as
// us, is model.ErrConflict.
func (s *Store) CreateOrganization(ctx context.Context, o *model.Organization) error {
	if o == nil {
		return model.Invalid("organization", "none given")
	}
	if err := o.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.insertOrganization(ctx, tx, o) })
}

func (s *Store) insertOrganization(ctx context.Context, tx *sql.Tx, o *model.Organization) error {
	now := s.now()
	res, err := tx.ExecContext(ctx, "INSERT INTO organizations (acronym, name, zone, mail_domain, us, modified) VALUES (?, ?, ?, ?, ?, ?)",
		o.Acronym, o.Name, o.Zone, o.MailDomain, o.Us, ts(now))
	if err != nil {
		return translate(err, "organization "+o.Acronym)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	o.ID, o.Modified = id, now
	return nil
}

// UpdateOrganization validates and saves an organization.
func (s *Store) UpdateOrganization(ctx context.Context, o *model.Organization) error {
	if o == nil {
		return model.Invalid("organization", "none given")
	}
	if err := o.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		now := s.now()
		res, err := tx.ExecContext(ctx, "UPDATE organizations SET acronym = ?, name = ?, zone = ?, mail_domain = ?, us = ?, modified = ? WHERE id = ?",
			o.Acronym, o.Name, o.Zone, o.MailDomain, o.Us, ts(now), o.ID)
		if err != nil {
			return translate(err, "organization "+o.Acronym)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("organization", o.ID)
		}
		o.Modified = now
		return nil
	})
}

// Catalog returns the organizations and the agreements between them, with
// everything the rules need, indexed for lookups.
func (s *Store) Catalog(ctx context.Context) (*model.Catalog, error) {
	var c *model.Catalog
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = loadCatalog(ctx, tx)
		return err
	})
	return c, err
}

func loadCatalog(ctx context.Context, q querier) (*model.Catalog, error) {
	orgs, err := loadOrganizations(ctx, q)
	if err != nil {
		return nil, err
	}
	ags, err := loadAgreements(ctx, q, 0)
	if err != nil {
		return nil, err
	}
	return model.NewCatalog(orgs, ags), nil
}
