package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/liaison-app/liaison/model"
)

const agreementColumns = `id, uid, key, title, short_name, signed_on, signed_at, in_force_from, in_force_condition,
	condition_met_on, condition_failed, termination_notice_months, termination_given_by, termination_notice_on,
	confidentiality_notice, confidentiality_article, lead_time_days, consultation_interval_days,
	consultation_article, focal_point_article, entry_into_force_article, termination_article, version, modified`

// Agreements returns every agreement with its parties, areas, interests,
// amendments and supplementary arrangements, ordered by id.
func (s *Store) Agreements(ctx context.Context) ([]model.Agreement, error) {
	var out []model.Agreement
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = loadAgreements(ctx, tx, 0)
		return err
	})
	return out, err
}

// Agreement returns one agreement with everything it holds.
func (s *Store) Agreement(ctx context.Context, id int64) (*model.Agreement, error) {
	var out []model.Agreement
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = loadAgreements(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, notFound("agreement", id)
	}
	return &out[0], nil
}

// loadAgreements reads the agreement with that id, or every agreement when
// id is 0.
func loadAgreements(ctx context.Context, q querier, id int64) ([]model.Agreement, error) {
	where, args := "", []any{}
	if id != 0 {
		where, args = " WHERE agreement_id = ?", []any{id}
	}
	main := "SELECT " + agreementColumns + " FROM agreements ORDER BY id"
	if id != 0 {
		main = "SELECT " + agreementColumns + " FROM agreements WHERE id = ?"
	}
	rows, err := q.QueryContext(ctx, main, args...)
	if err != nil {
		return nil, translate(err, "agreements")
	}
	out := []model.Agreement{}
	index := map[int64]int{}
	for rows.Next() {
		var a model.Agreement
		var signedOn, inForce, metOn, noticeOn, modified string
		var months int
		var givenBy sql.NullInt64
		if err := rows.Scan(&a.ID, &a.UID, &a.Key, &a.Title, &a.ShortName, &signedOn, &a.SignedAt, &inForce, &a.InForceCondition,
			&metOn, &a.ConditionFailed, &months, &givenBy, &noticeOn,
			&a.ConfidentialityNotice, &a.ConfidentialityArticle, &a.LeadTimeDays, &a.ConsultationIntervalDays,
			&a.ConsultationArticle, &a.FocalPointArticle, &a.EntryIntoForceArticle, &a.TerminationArticle, &a.Version, &modified); err != nil {
			rows.Close()
			return nil, translate(err, "agreements")
		}
		var d decoder
		a.SignedOn, a.InForceFrom, a.ConditionMetOn, a.Modified = d.day(signedOn), d.day(inForce), d.day(metOn), d.ts(modified)
		if givenBy.Valid {
			a.Termination = &model.Termination{GivenBy: givenBy.Int64, NoticeOn: d.day(noticeOn), NoticeMonths: months}
		}
		if d.err != nil {
			rows.Close()
			return nil, fmt.Errorf("agreement %d: %w", a.ID, d.err)
		}
		a.Parties, a.Areas, a.Interests = []model.Party{}, []model.Area{}, []model.Interest{}
		a.Amendments, a.Supplementary = []model.Amendment{}, []model.SupplementaryArrangement{}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, translate(err, "agreements")
	}
	if len(out) == 0 {
		return out, nil
	}
	parties := "SELECT agreement_id, org_id, article FROM agreement_parties" + where + " ORDER BY agreement_id, position"
	if err := forRows(ctx, q, parties, args, func(r *sql.Rows) error {
		var ag int64
		var p model.Party
		if err := r.Scan(&ag, &p.OrgID, &p.Article); err != nil {
			return err
		}
		if i, ok := index[ag]; ok {
			out[i].Parties = append(out[i].Parties, p)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	areas := "SELECT agreement_id, id, name, article FROM agreement_areas" + where + " ORDER BY agreement_id, position, id"
	if err := forRows(ctx, q, areas, args, func(r *sql.Rows) error {
		var a model.Area
		if err := r.Scan(&a.AgreementID, &a.ID, &a.Name, &a.Article); err != nil {
			return err
		}
		if i, ok := index[a.AgreementID]; ok {
			out[i].Areas = append(out[i].Areas, a)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	interests := "SELECT agreement_id, org_id, ifnull(area_id, 0) FROM agreement_interests" + where + " ORDER BY agreement_id, position"
	if err := forRows(ctx, q, interests, args, func(r *sql.Rows) error {
		var ag int64
		var in model.Interest
		if err := r.Scan(&ag, &in.OrgID, &in.AreaID); err != nil {
			return err
		}
		if i, ok := index[ag]; ok {
			out[i].Interests = append(out[i].Interests, in)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	amendments := "SELECT agreement_id, id, summary, ifnull(proposed_by, 0), proposed_on, accepted_on, reference FROM agreement_amendments" + where + " ORDER BY agreement_id, position"
	if err := forRows(ctx, q, amendments, args, func(r *sql.Rows) error {
		var ag int64
		var am model.Amendment
		var proposed, accepted string
		if err := r.Scan(&ag, &am.ID, &am.Summary, &am.ProposedBy, &proposed, &accepted, &am.Reference); err != nil {
			return err
		}
		var d decoder
		am.ProposedOn, am.AcceptedOn = d.day(proposed), d.day(accepted)
		if i, ok := index[ag]; ok {
			out[i].Amendments = append(out[i].Amendments, am)
		}
		return d.err
	}); err != nil {
		return nil, err
	}
	supp := "SELECT agreement_id, id, title, signed_on, summary, reference FROM agreement_supplementary" + where + " ORDER BY agreement_id, position"
	if err := forRows(ctx, q, supp, args, func(r *sql.Rows) error {
		var ag int64
		var sa model.SupplementaryArrangement
		var signed string
		if err := r.Scan(&ag, &sa.ID, &sa.Title, &signed, &sa.Summary, &sa.Reference); err != nil {
			return err
		}
		var d decoder
		sa.SignedOn = d.day(signed)
		if i, ok := index[ag]; ok {
			out[i].Supplementary = append(out[i].Supplementary, sa)
		}
		return d.err
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// forRows runs a query and calls fn for every row.
func forRows(ctx context.Context, q querier, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return translate(err, "query")
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return translate(err, "read")
		}
	}
	return translate(rows.Err(), "read")
}

// CreateAgreement validates and stores a new agreement with everything it
// holds, setting its ID, UID (when empty), area IDs, Version 1 and Modified.
func (s *Store) CreateAgreement(ctx context.Context, a *model.Agreement) error {
	if a == nil {
		return model.Invalid("agreement", "none given")
	}
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.insertAgreement(ctx, tx, a) })
}

func (s *Store) insertAgreement(ctx context.Context, tx *sql.Tx, a *model.Agreement) error {
	if a.UID == "" {
		a.UID = model.NewUID()
	}
	now := s.now()
	res, err := tx.ExecContext(ctx, "INSERT INTO agreements (uid, key, title, modified, version) VALUES (?, ?, ?, ?, 0)", a.UID, a.Key, a.Title, ts(now))
	if err != nil {
		return translate(err, "agreement "+a.Key)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	a.ID, a.Version = id, 0
	return s.saveAgreement(ctx, tx, a, now)
}

// UpdateAgreement validates and saves an agreement and everything it
// holds. a.Version must be the stored version (model.ErrConflict
// otherwise); it is bumped. Areas keep their IDs; an area that is left out
// is deleted, which is model.ErrConflict while a meeting still uses it.
func (s *Store) UpdateAgreement(ctx context.Context, a *model.Agreement) error {
	if a == nil {
		return model.Invalid("agreement", "none given")
	}
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var version int
		if err := tx.QueryRowContext(ctx, "SELECT version FROM agreements WHERE id = ?", a.ID).Scan(&version); err != nil {
			return translate(err, fmt.Sprintf("agreement %d", a.ID))
		}
		if version != a.Version {
			return stale("agreement", a.ID, a.Version, version)
		}
		saved := *a
		if err := s.saveAgreement(ctx, tx, &saved, s.now()); err != nil {
			return err
		}
		*a = saved
		return nil
	})
}

// saveAgreement writes every column and child row of a stored agreement
// and bumps its version.
func (s *Store) saveAgreement(ctx context.Context, tx *sql.Tx, a *model.Agreement, now time.Time) error {
	what := "agreement " + a.Key
	var givenBy sql.NullInt64
	noticeOn, months := "", 0
	if t := a.Termination; t != nil {
		givenBy, noticeOn, months = nullID(t.GivenBy), day(t.NoticeOn), t.NoticeMonths
	}
	_, err := tx.ExecContext(ctx, `UPDATE agreements SET key = ?, title = ?, short_name = ?, signed_on = ?, signed_at = ?,
		in_force_from = ?, in_force_condition = ?, condition_met_on = ?, condition_failed = ?,
		termination_notice_months = CASE WHEN ? > 0 THEN ? ELSE termination_notice_months END,
		termination_given_by = ?, termination_notice_on = ?,
		confidentiality_notice = ?, confidentiality_article = ?, lead_time_days = ?, consultation_interval_days = ?,
		consultation_article = ?, focal_point_article = ?, entry_into_force_article = ?, termination_article = ?,
		version = version + 1, modified = ? WHERE id = ?`,
		a.Key, a.Title, a.ShortName, day(a.SignedOn), a.SignedAt, day(a.InForceFrom), a.InForceCondition, day(a.ConditionMetOn), a.ConditionFailed,
		months, months, givenBy, noticeOn,
		a.ConfidentialityNotice, a.ConfidentialityArticle, a.LeadTimeDays, a.ConsultationIntervalDays,
		a.ConsultationArticle, a.FocalPointArticle, a.EntryIntoForceArticle, a.TerminationArticle, ts(now), a.ID)
	if err != nil {
		return translate(err, what)
	}
	if err := replaceChildren(ctx, tx, what, "DELETE FROM agreement_parties WHERE agreement_id = ?", a.ID); err != nil {
		return err
	}
	for i, p := range a.Parties {
		if _, err := tx.ExecContext(ctx, "INSERT INTO agreement_parties (agreement_id, org_id, position, article) VALUES (?, ?, ?, ?)",
			a.ID, p.OrgID, i, p.Article); err != nil {
			return translate(err, fmt.Sprintf("%s: party %d", what, p.OrgID))
		}
	}
	if err := saveAreas(ctx, tx, a); err != nil {
		return err
	}
	if err := replaceChildren(ctx, tx, what, "DELETE FROM agreement_interests WHERE agreement_id = ?", a.ID); err != nil {
		return err
	}
	for i, in := range a.Interests {
		if _, err := tx.ExecContext(ctx, "INSERT INTO agreement_interests (agreement_id, org_id, area_id, position) VALUES (?, ?, ?, ?)",
			a.ID, in.OrgID, nullID(in.AreaID), i); err != nil {
			return translate(err, fmt.Sprintf("%s: interest of organization %d in area %d", what, in.OrgID, in.AreaID))
		}
	}
	if err := replaceChildren(ctx, tx, what, "DELETE FROM agreement_amendments WHERE agreement_id = ?", a.ID); err != nil {
		return err
	}
	for i := range a.Amendments {
		am := &a.Amendments[i]
		id, err := insertWithID(ctx, tx, am.ID, `INSERT INTO agreement_amendments (id, agreement_id, position, summary, proposed_by, proposed_on, accepted_on, reference)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, i, am.Summary, nullID(am.ProposedBy), day(am.ProposedOn), day(am.AcceptedOn), am.Reference)
		if err != nil {
			return translate(err, fmt.Sprintf("%s: amendment %d", what, i+1))
		}
		am.ID = id
	}
	if err := replaceChildren(ctx, tx, what, "DELETE FROM agreement_supplementary WHERE agreement_id = ?", a.ID); err != nil {
		return err
	}
	for i := range a.Supplementary {
		sa := &a.Supplementary[i]
		id, err := insertWithID(ctx, tx, sa.ID, `INSERT INTO agreement_supplementary (id, agreement_id, position, title, signed_on, summary, reference)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ID, i, sa.Title, day(sa.SignedOn), sa.Summary, sa.Reference)
		if err != nil {
			return translate(err, fmt.Sprintf("%s: supplementary arrangement %d", what, i+1))
		}
		sa.ID = id
	}
	a.Version++
	a.Modified = now
	return nil
}

// saveAreas updates the agreement's areas in place so that their IDs, to
// which meetings refer, stay the same; new areas get an ID, and areas left
// out are deleted (model.ErrConflict while a meeting refers to one).
func saveAreas(ctx context.Context, tx *sql.Tx, a *model.Agreement) error {
	keep := map[int64]bool{}
	for _, ar := range a.Areas {
		if ar.ID != 0 {
			keep[ar.ID] = true
		}
	}
	var gone []int64
	if err := forRows(ctx, tx, "SELECT id FROM agreement_areas WHERE agreement_id = ?", []any{a.ID}, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return err
		}
		if !keep[id] {
			gone = append(gone, id)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, id := range gone {
		if _, err := tx.ExecContext(ctx, "DELETE FROM agreement_areas WHERE id = ?", id); err != nil {
			return translateDelete(err, fmt.Sprintf("agreement %s: area %d", a.Key, id))
		}
	}
	for i := range a.Areas {
		ar := &a.Areas[i]
		ar.AgreementID = a.ID
		if ar.ID != 0 {
			res, err := tx.ExecContext(ctx, "UPDATE agreement_areas SET position = ?, name = ?, article = ? WHERE id = ? AND agreement_id = ?",
				i, ar.Name, ar.Article, ar.ID, a.ID)
			if err != nil {
				return translate(err, fmt.Sprintf("agreement %s: area %q", a.Key, ar.Name))
			}
			if n, _ := res.RowsAffected(); n == 1 {
				continue
			}
		}
		id, err := insertWithID(ctx, tx, ar.ID, "INSERT INTO agreement_areas (id, agreement_id, position, name, article) VALUES (?, ?, ?, ?, ?)",
			a.ID, i, ar.Name, ar.Article)
		if err != nil {
			return translate(err, fmt.Sprintf("agreement %s: area %q", a.Key, ar.Name))
		}
		ar.ID = id
	}
	return nil
}

// replaceChildren deletes child rows before they are written again.
func replaceChildren(ctx context.Context, tx *sql.Tx, what, query string, args ...any) error {
	if _, err := tx.ExecContext(ctx, query, args...); err != nil {
		return translateDelete(err, what)
	}
	return nil
}

// insertWithID runs an INSERT whose first argument is the row's id: the
// given one when not zero (a record that keeps its identity), else a new
// one. It returns the row's id.
func insertWithID(ctx context.Context, tx *sql.Tx, id int64, query string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, query, append([]any{nullID(id)}, args...)...)
	if err != nil {
		return 0, err
	}
	if id != 0 {
		return id, nil
	}
	return res.LastInsertId()
}
