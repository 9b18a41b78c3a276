package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
)

// OrgRecordUID is the UID of an organization's resource in the office
// calendar: made from its acronym, so that every officer's copy of the
// same organization is the same resource.
func OrgRecordUID(acronym string) string {
	return "org-" + strings.ToLower(acronym) + "@liaison-catalog"
}

// orgUIDSQL is OrgRecordUID in SQL.
const orgUIDSQL = "'org-' || lower(%s) || '@liaison-catalog'"

// changedOrganizations is the part of ChangedRecords for organizations:
// the organization changed, or one of its focal points.
func changedOrganizations() string {
	return fmt.Sprintf(` UNION SELECT 'organization', `+orgUIDSQL+` FROM organizations WHERE modified > ?1
		UNION SELECT 'organization', `+orgUIDSQL+` FROM focal_points f JOIN organizations o ON o.id = f.org_id WHERE f.modified > ?1`, "acronym", "o.acronym")
}

// PutSyncedOrganization stores an organization and its focal points as
// the office calendar has them: found by acronym (added when new, and
// never made "us"), its name, zone and mail domain set, and its focal
// points made exactly fps, matched by e-mail address and agreement (a
// focal point no longer listed is deleted). Validated first.
func (s *Store) PutSyncedOrganization(ctx context.Context, o model.Organization, fps []model.FocalPoint) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM organizations WHERE acronym = ?", o.Acronym).Scan(&id)
		switch {
		case err == sql.ErrNoRows:
			o.Us = false
			modified := o.Modified
			if err := s.insertOrganization(ctx, tx, &o); err != nil {
				return err
			}
			id = o.ID
			if _, err := tx.ExecContext(ctx, "UPDATE organizations SET modified = ? WHERE id = ?", ts(modified), id); err != nil {
				return translate(err, "organization "+o.Acronym)
			}
		case err != nil:
			return translate(err, "organization "+o.Acronym)
		default:
			if _, err := tx.ExecContext(ctx, "UPDATE organizations SET name = ?, zone = ?, mail_domain = ?, modified = ? WHERE id = ?",
				o.Name, o.Zone, o.MailDomain, ts(o.Modified), id); err != nil {
				return translate(err, "organization "+o.Acronym)
			}
		}
		have := map[string]int64{}
		if err := forRows(ctx, tx, "SELECT id, lower(email), ifnull(agreement_id, 0) FROM focal_points WHERE org_id = ?", []any{id}, func(r *sql.Rows) error {
			var fid, ag int64
			var email string
			if err := r.Scan(&fid, &email, &ag); err != nil {
				return err
			}
			have[fmt.Sprintf("%s|%d", email, ag)] = fid
			return nil
		}); err != nil {
			return err
		}
		keep := map[int64]bool{}
		for i := range fps {
			f := fps[i]
			f.OrgID = id
			if err := f.Validate(); err != nil {
				return err
			}
			k := fmt.Sprintf("%s|%d", strings.ToLower(f.Email), f.AgreementID)
			if fid, ok := have[k]; ok {
				keep[fid] = true
				if _, err := tx.ExecContext(ctx, `UPDATE focal_points SET agreement_id = ?, name = ?, title = ?, email = ?, phone = ?,
					from_day = ?, to_day = ?, placeholder = ?, modified = ? WHERE id = ?`,
					nullID(f.AgreementID), f.Name, f.Title, f.Email, f.Phone, day(f.From), day(f.To), f.Placeholder, ts(f.Modified), fid); err != nil {
					return translate(err, "focal point "+f.Name)
				}
				continue
			}
			if err := s.insertFocalPoint(ctx, tx, &f); err != nil {
				return err
			}
			keep[f.ID] = true
			if _, err := tx.ExecContext(ctx, "UPDATE focal_points SET modified = ? WHERE id = ?", ts(f.Modified), f.ID); err != nil {
				return translate(err, "focal point "+f.Name)
			}
		}
		for _, fid := range have {
			if !keep[fid] {
				if _, err := tx.ExecContext(ctx, "DELETE FROM focal_points WHERE id = ?", fid); err != nil {
					return translateDelete(err, fmt.Sprintf("focal point %d", fid))
				}
			}
		}
		return nil
	})
}
