package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/liaison-app/liaison/model"
)

// AgreementRecordUID is the UID of an agreement's resource in the office
// calendar: made from its template key, so that every officer's copy of
// the same agreement is the same resource, whatever its row id or UID.
func AgreementRecordUID(key string) string {
	return "agreement-" + strings.ToLower(key) + "@liaison-catalog"
}

// changedAgreements is the part of ChangedRecords for agreements.
func changedAgreements() string {
	return ` UNION SELECT 'agreement', 'agreement-' || lower(key) || '@liaison-catalog' FROM agreements WHERE modified > ?1`
}

// AreaInterest says that an area, named, is a matter of interest to an
// organization: how the office calendar gives an agreement's interests,
// since the areas' row ids differ from one database to the next.
type AreaInterest struct {
	OrgID int64
	Area  string
}

// PutSyncedAgreement stores an agreement as the office calendar has it,
// found by key: added when new, else rewritten whole. Its areas are
// matched by name (ignoring case) with the areas stored here, so that they
// keep their ids and the meetings that name them still do; an area that
// is new gets an id, and one no longer listed is deleted (model.ErrConflict
// while a meeting uses it). interests name their areas; a.Interests is
// ignored. The agreement keeps a.Modified, and is validated first.
func (s *Store) PutSyncedAgreement(ctx context.Context, a model.Agreement, interests []AreaInterest) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		what := "agreement " + a.Key
		err := tx.QueryRowContext(ctx, "SELECT id, uid, version FROM agreements WHERE key = ?", a.Key).Scan(&a.ID, &a.UID, &a.Version)
		switch {
		case err == sql.ErrNoRows:
			a.UID = model.NewUID()
			res, err := tx.ExecContext(ctx, "INSERT INTO agreements (uid, key, title, modified, version) VALUES (?, ?, ?, ?, 0)", a.UID, a.Key, a.Title, ts(a.Modified))
			if err != nil {
				return translate(err, what)
			}
			if a.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		case err != nil:
			return translate(err, what)
		}
		have := map[string]int64{}
		if err := forRows(ctx, tx, "SELECT id, lower(trim(name)) FROM agreement_areas WHERE agreement_id = ?", []any{a.ID}, func(r *sql.Rows) error {
			var id int64
			var name string
			if err := r.Scan(&id, &name); err != nil {
				return err
			}
			have[name] = id
			return nil
		}); err != nil {
			return err
		}
		byName := map[string]*model.Area{}
		for i := range a.Areas {
			ar := &a.Areas[i]
			n := strings.ToLower(strings.TrimSpace(ar.Name))
			ar.ID = have[n]
			byName[n] = ar
		}
		a.Interests = nil
		for i, in := range interests {
			ar := byName[strings.ToLower(strings.TrimSpace(in.Area))]
			if ar == nil && in.Area != "" {
				return model.Invalid("agreement", "%s: interest %d names the area %q, which the agreement does not list", a.Key, i+1, in.Area)
			}
			a.Interests = append(a.Interests, model.Interest{OrgID: in.OrgID})
		}
		if err := a.Validate(); err != nil {
			return err
		}
		// The areas first, so that the new ones have ids the interests
		// can name; saveAgreement then writes everything.
		if err := saveAreas(ctx, tx, &a); err != nil {
			return err
		}
		for i, in := range interests {
			if in.Area != "" {
				a.Interests[i].AreaID = byName[strings.ToLower(strings.TrimSpace(in.Area))].ID
			}
		}
		for i := range a.Amendments {
			a.Amendments[i].ID = 0
		}
		for i := range a.Supplementary {
			a.Supplementary[i].ID = 0
		}
		return s.saveAgreement(ctx, tx, &a, a.Modified)
	})
}
