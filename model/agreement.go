package model

import (
	"strings"
	"time"
)

// Agreement is a cooperation agreement between two or more organizations.
type Agreement struct {
	ID        int64  `json:"id"`
	UID       string `json:"uid"`
	Key       string `json:"key"`        // template key, e.g. interpol-iom-2014; unique
	Title     string `json:"title"`      // Cooperation Agreement between ...
	ShortName string `json:"short_name"` // INTERPOL–IOM 2014

	Parties []Party `json:"parties"`

	SignedOn Date   `json:"signed_on"`
	SignedAt string `json:"signed_at"` // place of signature

	// Entry into force (Art. 12.1): the day, and a condition it may rest on.
	InForceFrom      Date   `json:"in_force_from"`
	InForceCondition string `json:"in_force_condition,omitempty"` // e.g. approval by INTERPOL's General Assembly
	ConditionMetOn   Date   `json:"condition_met_on"`             // zero while pending
	ConditionFailed  bool   `json:"condition_failed,omitempty"`   // the condition will not be met: never in force

	Amendments    []Amendment                `json:"amendments"`    // Art. 12.2
	Supplementary []SupplementaryArrangement `json:"supplementary"` // Art. 9
	Termination   *Termination               `json:"termination"`   // Art. 12.3; nil while none given

	Areas                  []Area     `json:"areas"`                  // Art. 6
	Interests              []Interest `json:"interests"`              // which areas are matters of interest to which party
	ConfidentialityNotice  string     `json:"confidentiality_notice"` // Art. 10
	ConfidentialityArticle string     `json:"confidentiality_article"`

	// LeadTimeDays: an observer invitation is due this many days before the
	// meeting starts.
	LeadTimeDays int `json:"lead_time_days"`
	// ConsultationIntervalDays: the longest the secretariats should go
	// without a consultation (Art. 8) before Liaison raises a cadence alert.
	ConsultationIntervalDays int    `json:"consultation_interval_days"`
	ConsultationArticle      string `json:"consultation_article"`     // "Art. 8"
	FocalPointArticle        string `json:"focal_point_article"`      // "Art. 7"
	EntryIntoForceArticle    string `json:"entry_into_force_article"` // "Art. 12.1"
	TerminationArticle       string `json:"termination_article"`      // "Art. 12.3"

	Version  int       `json:"version"`
	Modified time.Time `json:"modified"`
}

// Party is one organization's place in an agreement. Article names the
// provision that obliges this party, as convener, to invite the others
// ("Art. 2.1" for INTERPOL in the 2014 agreement, "Art. 2.2" for IOM).
type Party struct {
	OrgID   int64  `json:"org_id"`
	Article string `json:"article"`
}

// Area is an area of cooperation listed by an agreement (Art. 6).
type Area struct {
	ID          int64  `json:"id"`
	AgreementID int64  `json:"agreement_id"`
	Name        string `json:"name"`
	Article     string `json:"article"` // "Art. 6"
}

// Interest says that an area is a matter of interest to a party.
type Interest struct {
	OrgID  int64 `json:"org_id"`
	AreaID int64 `json:"area_id"`
}

// Amendment is a change to an agreement made in writing (Art. 12.2). It is
// in force once every party has accepted it in writing.
type Amendment struct {
	ID         int64  `json:"id"`
	Summary    string `json:"summary"`
	ProposedBy int64  `json:"proposed_by"`
	ProposedOn Date   `json:"proposed_on"`
	AcceptedOn Date   `json:"accepted_on"` // zero while pending
	Reference  string `json:"reference,omitempty"`
}

// SupplementaryArrangement is a separate written arrangement under Art. 9.
type SupplementaryArrangement struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	SignedOn  Date   `json:"signed_on"`
	Summary   string `json:"summary,omitempty"`
	Reference string `json:"reference,omitempty"`
}

// Termination is written notice of termination (Art. 12.3).
type Termination struct {
	GivenBy      int64 `json:"given_by"`
	NoticeOn     Date  `json:"notice_on"`
	NoticeMonths int   `json:"notice_months"` // six in the 2014 agreement
}

// Effective is the day the termination takes effect: the notice day plus
// the notice period. The agreement no longer binds on that day.
func (t *Termination) Effective() Date {
	months := t.NoticeMonths
	if months == 0 {
		months = 6
	}
	return t.NoticeOn.AddMonths(months)
}

// InForceOn reports whether the agreement binds its parties on day d; when
// it does not, code says why, with the day that matters (entry into force,
// or the termination's effect), and article the article it rests on.
func (a *Agreement) InForceOn(d Date) (ok bool, code WhyCode, on Date, article string) {
	code, on = a.inForce(d)
	if code == WhyInForce {
		return true, code, on, ""
	}
	return false, code, on, a.inForceArticle(code)
}

// inForceArticle is the article a reason of inForce rests on.
func (a *Agreement) inForceArticle(code WhyCode) string {
	if code == WhyTerminated {
		return or(a.TerminationArticle, "Art. 12.3")
	}
	return or(a.EntryIntoForceArticle, "Art. 12.1")
}

// inForce says why the agreement does not bind on day d (WhyInForce when
// it does), with the day that matters.
func (a *Agreement) inForce(d Date) (code WhyCode, on Date) {
	switch {
	case a.ConditionFailed:
		return WhyConditionFailed, Date{}
	case a.InForceFrom.IsZero():
		return WhyNoEntryDate, Date{}
	case d.Before(a.InForceFrom):
		return WhyNotYetInForce, a.InForceFrom
	case a.Termination != nil && !d.Before(a.Termination.Effective()):
		return WhyTerminated, a.Termination.Effective()
	}
	return WhyInForce, Date{}
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// LastDayInForce returns the last day the agreement binds, or the zero
// Date when no termination was given.
func (a *Agreement) LastDayInForce() Date {
	if a.Termination == nil {
		return Date{}
	}
	return a.Termination.Effective().AddDays(-1)
}

// HasParty reports whether org is a party to the agreement.
func (a *Agreement) HasParty(org int64) bool { return a.Party(org) != nil }

// Party returns org's place in the agreement, or nil.
func (a *Agreement) Party(org int64) *Party {
	for i := range a.Parties {
		if a.Parties[i].OrgID == org {
			return &a.Parties[i]
		}
	}
	return nil
}

// Area returns the agreement's area with that id, or nil.
func (a *Agreement) Area(id int64) *Area {
	for i := range a.Areas {
		if a.Areas[i].ID == id {
			return &a.Areas[i]
		}
	}
	return nil
}

// AreaByName finds an area by name, ignoring case and surrounding space.
func (a *Agreement) AreaByName(name string) *Area {
	name = strings.TrimSpace(name)
	for i := range a.Areas {
		if strings.EqualFold(a.Areas[i].Name, name) {
			return &a.Areas[i]
		}
	}
	return nil
}

// InterestedIn reports whether area is a matter of interest to org.
func (a *Agreement) InterestedIn(org, area int64) bool {
	for _, in := range a.Interests {
		if in.OrgID == org && in.AreaID == area {
			return true
		}
	}
	return false
}

// Validate checks an agreement on its own.
func (a *Agreement) Validate() error {
	v := validator{what: "agreement"}
	v.title("title", a.Title)
	if a.ShortName != "" {
		v.title("short_name", a.ShortName)
	}
	v.check(strings.TrimSpace(a.Key) != "", "key", "must not be empty")
	v.date("signed_on", a.SignedOn)
	v.date("in_force_from", a.InForceFrom)
	v.check(len(a.Parties) >= 2, "parties", "an agreement needs at least two parties, it has %d", len(a.Parties))
	seen := map[int64]bool{}
	for i, p := range a.Parties {
		v.check(!seen[p.OrgID], fieldIdx("parties", i), "organization %d is a party twice", p.OrgID)
		seen[p.OrgID] = true
	}
	v.check(!a.SignedOn.IsZero(), "signed_on", "must be set")
	if !a.InForceFrom.IsZero() && !a.SignedOn.IsZero() {
		v.check(!a.InForceFrom.Before(a.SignedOn), "in_force_from", "%s is before the signature on %s", a.InForceFrom, a.SignedOn)
	}
	v.check(a.LeadTimeDays >= 0 && a.LeadTimeDays <= 366, "lead_time_days", "must be between 0 and 366 days, not %d", a.LeadTimeDays)
	v.check(a.ConsultationIntervalDays >= 0 && a.ConsultationIntervalDays <= 3660, "consultation_interval_days", "must be between 0 and 3660 days, not %d", a.ConsultationIntervalDays)
	names := map[string]bool{}
	for i, ar := range a.Areas {
		n := strings.ToLower(strings.TrimSpace(ar.Name))
		v.title(fieldIdx("areas", i), ar.Name)
		v.check(!names[n], fieldIdx("areas", i), "area %q is listed twice", ar.Name)
		names[n] = true
	}
	for i, in := range a.Interests {
		v.check(seen[in.OrgID], fieldIdx("interests", i), "organization %d is not a party", in.OrgID)
		v.check(in.AreaID == 0 || a.Area(in.AreaID) != nil, fieldIdx("interests", i), "area %d is not an area of this agreement", in.AreaID)
	}
	if t := a.Termination; t != nil {
		v.check(seen[t.GivenBy], "termination.given_by", "only a party can give notice of termination")
		v.check(!t.NoticeOn.IsZero(), "termination.notice_on", "must be set")
		if !t.NoticeOn.IsZero() && !a.SignedOn.IsZero() {
			v.check(!t.NoticeOn.Before(a.SignedOn), "termination.notice_on", "%s is before the signature on %s", t.NoticeOn, a.SignedOn)
		}
	}
	for i, am := range a.Amendments {
		v.check(strings.TrimSpace(am.Summary) != "", fieldIdx("amendments", i)+".summary", "must not be empty")
		if !am.AcceptedOn.IsZero() && !am.ProposedOn.IsZero() {
			v.check(!am.AcceptedOn.Before(am.ProposedOn), fieldIdx("amendments", i)+".accepted_on", "%s is before the proposal on %s", am.AcceptedOn, am.ProposedOn)
		}
	}
	for i, s := range a.Supplementary {
		v.check(strings.TrimSpace(s.Title) != "", fieldIdx("supplementary", i)+".title", "must not be empty")
	}
	return v.err()
}
