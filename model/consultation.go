package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
)

// ConsultationSeries is the regular consultation between the secretariats
// that Article 8 asks for: a recurrence in a zone, a venue rotation, and the
// record of every occurrence (moved, cancelled, held, with minutes).
type ConsultationSeries struct {
	ID          int64  `json:"id"`
	UID         string `json:"uid"`
	Sequence    int    `json:"sequence"`
	AgreementID int64  `json:"agreement_id"`
	Title       string `json:"title"`

	// Start is the first occurrence (DTSTART), in Zone; every occurrence
	// lasts Duration.
	Start    time.Time     `json:"start"`
	Duration time.Duration `json:"duration"`
	Zone     string        `json:"zone"`
	// RRule is an RFC 5545 recurrence rule without the "RRULE:" prefix,
	// e.g. FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU.
	RRule string `json:"rrule"`

	// VenueRotation: occurrence n takes place at VenueRotation[n % len].
	VenueRotation   []Venue         `json:"venue_rotation"`
	Confidentiality Confidentiality `json:"confidentiality"`
	Notes           string          `json:"notes,omitempty"` // internal

	Occurrences []Occurrence `json:"occurrences"` // only those with a record of their own

	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	Version  int       `json:"version"`
}

// Occurrence is the record of one consultation: the date the rule gave it
// (OriginalStart, the iCalendar RECURRENCE-ID), where and when it really
// takes place if moved, and what came of it.
type Occurrence struct {
	ID            int64     `json:"id"`
	SeriesID      int64     `json:"series_id"`
	OriginalStart time.Time `json:"original_start"`
	// Start and End are set when the occurrence was moved; zero otherwise.
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Cancelled bool      `json:"cancelled"`
	Held      bool      `json:"held"`
	Venue     *Venue    `json:"venue,omitempty"` // overrides the rotation

	Agenda      []AgendaItem `json:"agenda"`
	Minutes     string       `json:"minutes,omitempty"`
	Outcomes    []string     `json:"outcomes"`
	ActionItems []ActionItem `json:"action_items"`
}

// Moved reports whether the occurrence was moved from the rule's date.
func (o *Occurrence) Moved() bool { return !o.Start.IsZero() }

// ActionItem is something a consultation decided that an organization must do.
type ActionItem struct {
	ID       int64  `json:"id"`
	Text     string `json:"text"`
	OwnerOrg int64  `json:"owner_org"`
	Due      Date   `json:"due"`
	Done     bool   `json:"done"`
	DoneOn   Date   `json:"done_on"`
}

// Instance is one dated consultation of a series, as the schedule gives it
// with every move and cancellation applied.
type Instance struct {
	Series        *ConsultationSeries
	Index         int       // 0 for the first occurrence of the rule
	OriginalStart time.Time // the rule's date (RECURRENCE-ID)
	Start, End    time.Time
	Venue         Venue
	Record        *Occurrence // nil when nothing was recorded for it
}

// Cancelled reports whether this instance was cancelled.
func (in *Instance) Cancelled() bool { return in.Record != nil && in.Record.Cancelled }

// Held reports whether this instance was recorded as held.
func (in *Instance) Held() bool { return in.Record != nil && in.Record.Held }

// Location returns the series' zone (UTC if it is broken).
func (s *ConsultationSeries) Location() *time.Location {
	if loc, err := LoadZone(s.Zone); err == nil {
		return loc
	}
	return time.UTC
}

// Rule parses the recurrence rule with DTSTART in the series' zone.
func (s *ConsultationSeries) Rule() (*rrule.RRule, error) {
	if strings.TrimSpace(s.RRule) == "" {
		return nil, Invalid("rrule", "must not be empty")
	}
	raw := strings.TrimPrefix(strings.TrimSpace(s.RRule), "RRULE:")
	opt, err := rrule.StrToROptionInLocation(raw, s.Location())
	if err != nil {
		return nil, Invalid("rrule", "%q is not an RFC 5545 recurrence rule: %v", s.RRule, err)
	}
	opt.Dtstart = s.Start.In(s.Location())
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, Invalid("rrule", "%q: %v", s.RRule, err)
	}
	return r, nil
}

// Validate checks the series against the catalog.
func (s *ConsultationSeries) Validate(c *Catalog) error {
	v := validator{what: "consultation series"}
	v.title("title", s.Title)
	v.long("notes", s.Notes)
	v.instant("start", s.Start)
	v.check(c.Agreement(s.AgreementID) != nil, "agreement", "must be a known agreement")
	if _, err := LoadZone(s.Zone); err != nil {
		v.add("zone", "%q is not an IANA time zone (e.g. Europe/Geneva)", s.Zone)
	}
	v.check(!s.Start.IsZero(), "start", "must be set")
	v.check(s.Duration > 0 && s.Duration <= 14*24*time.Hour, "duration", "must be between a minute and 14 days, not %s", s.Duration)
	r, err := s.Rule()
	if err == nil {
		err = OutlookCompatible(s.RRule)
	}
	if err == nil && !s.Start.IsZero() {
		err = s.checkOccurrences(r)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		v.fields = append(v.fields, fe)
	}
	v.check(slices.Contains(Confidentialities, s.Confidentiality), "confidentiality", "%q is not one of %s", s.Confidentiality, joinAny(Confidentialities))
	for i, vn := range s.VenueRotation {
		if cc := vn.Country; cc != "" {
			v.check(IsCountryCode(cc), fieldIdx("venue_rotation", i)+".country", "%q is not a two-letter ISO 3166-1 country code such as FR", cc)
		}
		for _, t := range []string{vn.Name, vn.Address, vn.City, vn.OnlineURL} {
			if p := TextProblem(t, MaxTitle, false); p != "" {
				v.add(fieldIdx("venue_rotation", i), "%s", p)
			}
		}
	}
	for i, o := range s.Occurrences {
		f := fieldIdx("occurrences", i)
		v.check(!(o.Held && o.Cancelled), f, "a consultation cannot be both held and cancelled: say which")
		v.long(f+".minutes", o.Minutes)
		for j, it := range o.Agenda {
			v.title(fmt.Sprintf("%s.agenda[%d]", f, j+1), it.Title)
			v.repeatedAreas(c, fmt.Sprintf("%s.agenda[%d].areas", f, j+1), it.AreaIDs)
		}
		v.repeatedItems(f+".agenda", o.Agenda)
		for j, out := range o.Outcomes {
			v.long(fmt.Sprintf("%s.outcomes[%d]", f, j+1), out)
		}
		if o.Moved() {
			v.instant(f+".start", o.Start)
		}
		if o.Moved() {
			v.check(o.End.After(o.Start), f+".end", "%s is not after the start %s", o.End.Format("2006-01-02 15:04"), o.Start.Format("2006-01-02 15:04"))
		}
		for j, a := range o.ActionItems {
			v.check(!Blank(a.Text), fmt.Sprintf("%s.action_items[%d]", f, j+1), "must say what is to be done")
			v.long(fmt.Sprintf("%s.action_items[%d]", f, j+1), a.Text)
			v.date(fmt.Sprintf("%s.action_items[%d].due", f, j+1), a.Due)
			v.check(c.Org(a.OwnerOrg) != nil, fmt.Sprintf("%s.action_items[%d].owner", f, j+1), "must be a known organization")
		}
	}
	return v.err()
}

// OutlookCompatible refuses recurrence rules that Outlook cannot represent:
// several days of the month in a monthly rule (BYMONTHDAY=1,15 or
// BYDAY=1TU,3TU), BYSETPOS, and sub-daily frequencies. A consultation
// series must open the same in every partner's calendar.
func OutlookCompatible(rule string) error {
	parts := map[string]string{}
	for _, kv := range strings.Split(strings.TrimPrefix(strings.TrimSpace(rule), "RRULE:"), ";") {
		k, val, _ := strings.Cut(kv, "=")
		parts[strings.ToUpper(k)] = strings.ToUpper(val)
	}
	freq := parts["FREQ"]
	switch freq {
	case "DAILY", "WEEKLY", "MONTHLY", "YEARLY":
	default:
		return Invalid("rrule", "frequency %q cannot be sent to Outlook: use daily, weekly, monthly or yearly", freq)
	}
	if _, ok := parts["BYSETPOS"]; ok {
		return Invalid("rrule", "BYSETPOS cannot be converted by Outlook: use BYDAY with an ordinal such as 3TU")
	}
	if _, ok := parts["BYYEARDAY"]; ok {
		return Invalid("rrule", "BYYEARDAY cannot be converted by Outlook")
	}
	if _, ok := parts["BYWEEKNO"]; ok {
		return Invalid("rrule", "BYWEEKNO cannot be converted by Outlook")
	}
	if freq == "MONTHLY" || freq == "YEARLY" {
		if strings.Contains(parts["BYMONTHDAY"], ",") {
			return Invalid("rrule", "several days of the month (BYMONTHDAY=%s) cannot be converted by Outlook: make one series per day", parts["BYMONTHDAY"])
		}
		if days := parts["BYDAY"]; strings.Contains(days, ",") {
			return Invalid("rrule", "several weekdays of the month (BYDAY=%s) cannot be converted by Outlook: make one series per day", days)
		}
		if parts["BYDAY"] != "" && parts["BYMONTHDAY"] != "" {
			return Invalid("rrule", "BYDAY and BYMONTHDAY together cannot be converted by Outlook")
		}
	}
	return nil
}

// Instances returns the consultations of the series that start in
// [from, to), with every recorded move and cancellation applied. A moved
// occurrence is listed where it now falls. Cancelled ones are included
// (Cancelled reports them) so that a calendar can show them struck out.
func (s *ConsultationSeries) Instances(from, to time.Time) ([]Instance, error) {
	r, err := s.Rule()
	if err != nil {
		return nil, err
	}
	records := map[int64]*Occurrence{}
	for i := range s.Occurrences {
		records[s.Occurrences[i].OriginalStart.Unix()] = &s.Occurrences[i]
	}
	// Walk the rule from its start so that each instance knows its index
	// (for the venue rotation); stop once past `to` and past every move.
	latestMove := time.Time{}
	for _, o := range s.Occurrences {
		if o.Moved() && o.OriginalStart.After(latestMove) {
			latestMove = o.OriginalStart
		}
	}
	// A moved occurrence may land in [from, to) from anywhere: look a year
	// either side of the window, and at every moved original.
	var out []Instance
	next := r.Iterator()
	for idx := 0; ; idx++ {
		t, ok := next()
		if !ok || idx > 100000 {
			break
		}
		if t.After(to) && t.After(latestMove) {
			break
		}
		in := Instance{Series: s, Index: idx, OriginalStart: t, Start: t, End: t.Add(s.Duration)}
		if len(s.VenueRotation) > 0 {
			in.Venue = s.VenueRotation[idx%len(s.VenueRotation)]
		}
		if rec := records[t.Unix()]; rec != nil {
			in.Record = rec
			if rec.Moved() {
				in.Start, in.End = rec.Start, rec.End
			}
			if rec.Venue != nil {
				in.Venue = *rec.Venue
			}
		}
		if !in.Start.Before(from) && in.Start.Before(to) {
			out = append(out, in)
		}
	}
	slices.SortFunc(out, func(a, b Instance) int { return a.Start.Compare(b.Start) })
	return out, nil
}

// CadenceAlert says that the secretariats have gone too long without a
// consultation (Art. 8): the facts; ui/explain says them in words.
type CadenceAlert struct {
	AgreementID int64
	LastHeld    Date // zero when none was ever held
	Since       Date // LastHeld, or the entry into force when none was held
	Next        Date // the next consultation scheduled, zero when none
	DaysSince   int
	Limit       int
	Article     string
}

// Cadence checks, for one agreement, whether the time since the last
// consultation held (or since entry into force, if none was) exceeds the
// agreement's expected interval on day today, counting a scheduled one as
// held only once it is recorded as held. ok is false when all is well or
// no interval is set.
func Cadence(g *Agreement, series []*ConsultationSeries, today Date) (alert CadenceAlert, ok bool, err error) {
	if g.ConsultationIntervalDays <= 0 {
		return CadenceAlert{}, false, nil
	}
	var last, next Date
	horizon := today.AddDays(3 * 366).In(time.UTC)
	for _, s := range series {
		if s.AgreementID != g.ID {
			continue
		}
		ins, err := s.Instances(s.Start.AddDate(0, 0, -1), horizon)
		if err != nil {
			return CadenceAlert{}, false, fmt.Errorf("consultation series %q: %w", s.Title, err)
		}
		for _, in := range ins {
			d := DateOf(in.Start.In(s.Location()))
			if in.Held() && !d.After(today) && (last.IsZero() || d.After(last)) {
				last = d
			}
			if !in.Cancelled() && !in.Held() && !d.Before(today) && (next.IsZero() || d.Before(next)) {
				next = d
			}
		}
	}
	since := last
	if since.IsZero() {
		since = g.InForceFrom
	}
	days := since.DaysUntil(today)
	if since.IsZero() || days <= g.ConsultationIntervalDays {
		return CadenceAlert{}, false, nil
	}
	art := g.ConsultationArticle
	if art == "" {
		art = "Art. 8"
	}
	return CadenceAlert{AgreementID: g.ID, LastHeld: last, Since: since, Next: next, DaysSince: days, Limit: g.ConsultationIntervalDays, Article: art}, true, nil
}
