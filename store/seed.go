package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/model"
)

// agreementTemplate is the JSON form of an agreement template in assets:
// the organizations, the agreement (organizations and areas named, not
// numbered) and the focal points to designate.
type agreementTemplate struct {
	Key           string `json:"key"`
	Description   string `json:"description"`
	Organizations []struct {
		Acronym    string `json:"acronym"`
		Name       string `json:"name"`
		Zone       string `json:"zone"`
		MailDomain string `json:"mail_domain"`
	} `json:"organizations"`
	Agreement struct {
		Title                 string     `json:"title"`
		ShortName             string     `json:"short_name"`
		SignedOn              model.Date `json:"signed_on"`
		SignedAt              string     `json:"signed_at"`
		InForceFrom           model.Date `json:"in_force_from"`
		InForceCondition      string     `json:"in_force_condition"`
		EntryIntoForceArticle string     `json:"entry_into_force_article"`
		Parties               []struct {
			Org     string `json:"org"`
			Article string `json:"article"`
		} `json:"parties"`
		AreasArticle string   `json:"areas_article"`
		Areas        []string `json:"areas"`
		Interests    []struct {
			Org   string   `json:"org"`
			Areas []string `json:"areas"`
		} `json:"interests"`
		ConfidentialityNotice    string `json:"confidentiality_notice"`
		ConfidentialityArticle   string `json:"confidentiality_article"`
		LeadTimeDays             int    `json:"lead_time_days"`
		ConsultationIntervalDays int    `json:"consultation_interval_days"`
		ConsultationArticle      string `json:"consultation_article"`
		FocalPointArticle        string `json:"focal_point_article"`
		TerminationArticle       string `json:"termination_article"`
		TerminationNoticeMonths  int    `json:"termination_notice_months"`
	} `json:"agreement"`
	FocalPoints []struct {
		Org         string `json:"org"`
		Name        string `json:"name"`
		Title       string `json:"title"`
		Email       string `json:"email"`
		Phone       string `json:"phone"`
		Placeholder bool   `json:"placeholder"`
	} `json:"focal_points"`
}

// seedData is a template turned into model records. Organizations are
// referred to by their index in Orgs (plus one) until they are stored.
type seedData struct {
	Orgs        []model.Organization
	Agreement   model.Agreement
	FocalPoints []model.FocalPoint
	// interests by organization index and area name, resolved once the
	// areas have IDs.
	interests    [][2]int
	noticeMonths int
}

// Initialized reports whether the database has been seeded: whether it
// knows which organization is us.
func (s *Store) Initialized(ctx context.Context) (bool, error) {
	var n int
	if err := s.q().QueryRowContext(ctx, "SELECT count(*) FROM organizations WHERE us = 1").Scan(&n); err != nil {
		return false, translate(err, "initialized")
	}
	return n > 0, nil
}

// Seed fills a new database from the agreement template templateKey
// (assets.TemplateKeys), with the organization whose acronym is usAcronym
// as us. It is one transaction. It refuses with model.ErrConflict when the
// database is already initialized, and with model.ErrInvalid, listing the
// valid values, when the template or the acronym is unknown.
func (s *Store) Seed(ctx context.Context, templateKey, usAcronym string) error {
	raw, err := assets.Template(templateKey)
	if err != nil {
		return model.Invalid("template", "unknown agreement template %q; known: %s", templateKey, strings.Join(assets.TemplateKeys(), ", "))
	}
	data, err := parseTemplate(templateKey, raw)
	if err != nil {
		return err
	}
	us := -1
	var acronyms []string
	for i, o := range data.Orgs {
		acronyms = append(acronyms, o.Acronym)
		if strings.EqualFold(o.Acronym, strings.TrimSpace(usAcronym)) {
			us = i
		}
	}
	if us < 0 {
		return model.Invalid("as", "%q is not an organization of template %s; choose one of: %s", usAcronym, templateKey, strings.Join(acronyms, ", "))
	}
	data.Orgs[us].Us = true
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM organizations WHERE us = 1").Scan(&n); err != nil {
			return translate(err, "seed")
		}
		if n > 0 {
			return fmt.Errorf("the database is already initialized; seed only a new database: %w", model.ErrConflict)
		}
		return s.insertSeed(ctx, tx, data)
	})
}

func (s *Store) insertSeed(ctx context.Context, tx *sql.Tx, data *seedData) error {
	ids := make([]int64, len(data.Orgs))
	for i := range data.Orgs {
		if err := s.insertOrganization(ctx, tx, &data.Orgs[i]); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		ids[i] = data.Orgs[i].ID
	}
	a := &data.Agreement
	for i := range a.Parties {
		a.Parties[i].OrgID = ids[a.Parties[i].OrgID-1]
	}
	if err := s.insertAgreement(ctx, tx, a); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	// The interests name areas, which have IDs only now.
	for i, in := range data.interests {
		interest := model.Interest{OrgID: ids[in[0]], AreaID: a.Areas[in[1]].ID}
		if _, err := tx.ExecContext(ctx, "INSERT INTO agreement_interests (agreement_id, org_id, area_id, position) VALUES (?, ?, ?, ?)",
			a.ID, interest.OrgID, interest.AreaID, i); err != nil {
			return translate(err, "seed: interests")
		}
		a.Interests = append(a.Interests, interest)
	}
	if data.noticeMonths > 0 {
		if _, err := tx.ExecContext(ctx, "UPDATE agreements SET termination_notice_months = ? WHERE id = ?", data.noticeMonths, a.ID); err != nil {
			return translate(err, "seed")
		}
	}
	for i := range data.FocalPoints {
		fp := &data.FocalPoints[i]
		fp.OrgID = ids[fp.OrgID-1]
		fp.AgreementID = a.ID
		if err := s.insertFocalPoint(ctx, tx, fp); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	return nil
}

// parseTemplate reads a template strictly and checks it, naming the
// template and the field at fault.
func parseTemplate(key string, raw []byte) (*seedData, error) {
	var t agreementTemplate
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := bytes.Count(raw[:se.Offset], []byte("\n")) + 1
			return nil, model.Invalid("template", "%s.json line %d: %v", key, line, err)
		}
		return nil, model.Invalid("template", "%s.json: %v", key, err)
	}
	bad := func(field, format string, args ...any) error {
		return model.Invalid("template", "%s.json: %s: %s", key, field, fmt.Sprintf(format, args...))
	}
	data := &seedData{noticeMonths: t.Agreement.TerminationNoticeMonths}
	orgIndex := map[string]int{}
	for i, o := range t.Organizations {
		org := model.Organization{Acronym: o.Acronym, Name: o.Name, Zone: o.Zone, MailDomain: o.MailDomain}
		if err := org.Validate(); err != nil {
			return nil, bad(fmt.Sprintf("organizations[%d]", i+1), "%v", err)
		}
		orgIndex[strings.ToUpper(o.Acronym)] = i
		data.Orgs = append(data.Orgs, org)
	}
	org := func(field, acr string) (int, error) {
		i, ok := orgIndex[strings.ToUpper(acr)]
		if !ok {
			return 0, bad(field, "%q is not one of the template's organizations", acr)
		}
		return i, nil
	}
	ta := t.Agreement
	a := model.Agreement{
		Key: key, Title: ta.Title, ShortName: ta.ShortName, SignedOn: ta.SignedOn, SignedAt: ta.SignedAt,
		InForceFrom: ta.InForceFrom, InForceCondition: ta.InForceCondition, EntryIntoForceArticle: ta.EntryIntoForceArticle,
		ConfidentialityNotice: ta.ConfidentialityNotice, ConfidentialityArticle: ta.ConfidentialityArticle,
		LeadTimeDays: ta.LeadTimeDays, ConsultationIntervalDays: ta.ConsultationIntervalDays,
		ConsultationArticle: ta.ConsultationArticle, FocalPointArticle: ta.FocalPointArticle, TerminationArticle: ta.TerminationArticle,
		Amendments: []model.Amendment{}, Supplementary: []model.SupplementaryArrangement{}, Interests: []model.Interest{},
	}
	for i, p := range ta.Parties {
		oi, err := org(fmt.Sprintf("agreement.parties[%d]", i+1), p.Org)
		if err != nil {
			return nil, err
		}
		a.Parties = append(a.Parties, model.Party{OrgID: int64(oi + 1), Article: p.Article})
	}
	areaIndex := map[string]int{}
	for i, name := range ta.Areas {
		areaIndex[strings.ToLower(strings.TrimSpace(name))] = i
		a.Areas = append(a.Areas, model.Area{Name: name, Article: ta.AreasArticle})
	}
	for i, in := range ta.Interests {
		field := fmt.Sprintf("agreement.interests[%d]", i+1)
		oi, err := org(field, in.Org)
		if err != nil {
			return nil, err
		}
		for _, name := range in.Areas {
			ai, ok := areaIndex[strings.ToLower(strings.TrimSpace(name))]
			if !ok {
				return nil, bad(field, "%q is not one of the agreement's areas", name)
			}
			data.interests = append(data.interests, [2]int{oi, ai})
		}
	}
	if err := a.Validate(); err != nil {
		return nil, bad("agreement", "%v", err)
	}
	data.Agreement = a
	for i, f := range t.FocalPoints {
		field := fmt.Sprintf("focal_points[%d]", i+1)
		oi, err := org(field, f.Org)
		if err != nil {
			return nil, err
		}
		fp := model.FocalPoint{OrgID: int64(oi + 1), Name: f.Name, Title: f.Title, Email: f.Email, Phone: f.Phone, Placeholder: f.Placeholder}
		if err := fp.Validate(); err != nil {
			return nil, bad(field, "%v", err)
		}
		data.FocalPoints = append(data.FocalPoints, fp)
	}
	return data, nil
}
