package model

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// MeetingKind says what sort of gathering a meeting is.
type MeetingKind string

// The kinds of meeting.
const (
	KindConference    MeetingKind = "conference"
	KindMeeting       MeetingKind = "meeting"
	KindCommittee     MeetingKind = "committee"
	KindConsultation  MeetingKind = "consultation"
	KindTraining      MeetingKind = "training"
	KindJointActivity MeetingKind = "joint-activity"
)

// MeetingKinds lists every kind, in the order a menu shows them.
var MeetingKinds = []MeetingKind{KindConference, KindMeeting, KindCommittee, KindConsultation, KindTraining, KindJointActivity}

// MeetingStatus is where a meeting stands.
type MeetingStatus string

// The statuses of a meeting.
const (
	StatusPlanned   MeetingStatus = "planned"
	StatusConfirmed MeetingStatus = "confirmed"
	StatusPostponed MeetingStatus = "postponed"
	StatusCancelled MeetingStatus = "cancelled"
	StatusHeld      MeetingStatus = "held"
)

// MeetingStatuses lists every status.
var MeetingStatuses = []MeetingStatus{StatusPlanned, StatusConfirmed, StatusPostponed, StatusCancelled, StatusHeld}

// Confidentiality says who may see a record outside our organization.
type Confidentiality string

// The levels of confidentiality.
const (
	Public      Confidentiality = "public"   // anyone
	PartiesOnly Confidentiality = "parties"  // the parties to the agreement (Art. 10)
	Internal    Confidentiality = "internal" // our organization only: never exported to a partner
)

// Confidentialities lists every level.
var Confidentialities = []Confidentiality{Public, PartiesOnly, Internal}

// Venue is where a meeting takes place, physically or online.
type Venue struct {
	Name      string `json:"name,omitempty"`
	Address   string `json:"address,omitempty"`
	City      string `json:"city,omitempty"`
	Country   string `json:"country,omitempty"` // ISO 3166-1 alpha-2, e.g. FR
	OnlineURL string `json:"online_url,omitempty"`
}

// IsZero reports whether no part of the venue is known.
func (v Venue) IsZero() bool { return v == Venue{} }

// String joins the venue's parts for one line of text.
func (v Venue) String() string {
	var parts []string
	for _, p := range []string{v.Name, v.Address, v.City, v.Country} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, ", ")
	if v.OnlineURL != "" {
		if s != "" {
			s += "; "
		}
		s += "online: " + v.OnlineURL
	}
	return s
}

// AgendaItem is one item of a meeting's agenda, tagged with the areas of
// cooperation it concerns.
type AgendaItem struct {
	ID      int64   `json:"id,omitempty"`
	Title   string  `json:"title"`
	AreaIDs []int64 `json:"area_ids"`
}

// InterestMark records an officer's judgement that a meeting is a matter of
// interest to a party even though no agenda area says so (Art. 2 leaves
// "matters of interest" to judgement).
type InterestMark struct {
	OrgID int64  `json:"org_id"`
	Note  string `json:"note"`
}

// Meeting is a meeting or conference convened by one organization.
//
// A timed meeting has Start and End (instants, in Zone). A whole-day meeting
// (AllDay) has FirstDay and LastDay, both inclusive; Zone is then the
// venue's zone when known. Convener meetings of a partner imported from its
// calendar have Source set to that partner's calendar.
type Meeting struct {
	ID         int64       `json:"id"`
	UID        string      `json:"uid"`
	Sequence   int         `json:"sequence"` // iCalendar SEQUENCE: bumped by every material change
	Title      string      `json:"title"`
	Kind       MeetingKind `json:"kind"`
	ConvenerID int64       `json:"convener_id"`

	AllDay   bool      `json:"all_day"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	FirstDay Date      `json:"first_day"`
	LastDay  Date      `json:"last_day"`
	Zone     string    `json:"zone"`

	Venue Venue `json:"venue"`

	IGOsInvited       bool   `json:"igos_invited"`
	ObserversExcluded bool   `json:"observers_excluded"`
	ExclusionReason   string `json:"exclusion_reason,omitempty"`

	AreaIDs       []int64        `json:"area_ids"` // areas of the meeting as a whole
	Agenda        []AgendaItem   `json:"agenda"`
	InterestMarks []InterestMark `json:"interest_marks,omitempty"`

	Status          MeetingStatus   `json:"status"`
	Confidentiality Confidentiality `json:"confidentiality"`
	Background      string          `json:"background,omitempty"` // may be shared
	Notes           string          `json:"notes,omitempty"`      // internal: never exported

	Source   string    `json:"source,omitempty"` // "" for ours; where an imported meeting came from
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	Version  int       `json:"version"` // every stored change bumps it (optimistic locking, sync)
}

// StartDay returns the first day of the meeting: the venue's calendar day
// for a timed meeting.
func (m *Meeting) StartDay() Date {
	if m.AllDay {
		return m.FirstDay
	}
	return DateOf(m.Start)
}

// EndDay returns the last day of the meeting (inclusive).
func (m *Meeting) EndDay() Date {
	if m.AllDay {
		return m.LastDay
	}
	// A meeting ending at midnight ends on the previous day.
	return DateOf(m.End.Add(-time.Nanosecond))
}

// Location returns the meeting's zone, falling back to UTC for a whole-day
// meeting that has none.
func (m *Meeting) Location() *time.Location {
	if loc, err := LoadZone(m.Zone); err == nil {
		return loc
	}
	return time.UTC
}

// StartsAt returns the instant the meeting begins: for a whole-day meeting,
// midnight of its first day in its zone.
func (m *Meeting) StartsAt() time.Time {
	if m.AllDay {
		return m.FirstDay.In(m.Location())
	}
	return m.Start
}

// EndsAt returns the instant the meeting ends: for a whole-day meeting,
// midnight after its last day in its zone.
func (m *Meeting) EndsAt() time.Time {
	if m.AllDay {
		return m.LastDay.AddDays(1).In(m.Location())
	}
	return m.End
}

// AllAreaIDs returns every area the meeting touches: its own and its agenda
// items', each once, in the order first met.
func (m *Meeting) AllAreaIDs() []int64 {
	out := slices.Clone(m.AreaIDs)
	for _, it := range m.Agenda {
		for _, a := range it.AreaIDs {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// MaterialChange reports whether going from old to m changes what a
// partner was told: time, place or status. Such a change bumps SEQUENCE
// and makes an invitation already sent out of date (update owed).
func MaterialChange(old, m *Meeting) bool {
	return old.AllDay != m.AllDay ||
		!old.Start.Equal(m.Start) || !old.End.Equal(m.End) ||
		old.FirstDay != m.FirstDay || old.LastDay != m.LastDay ||
		old.Zone != m.Zone || old.Venue != m.Venue || old.Status != m.Status
}

// Validate checks a meeting against the catalog of organizations and
// agreements: the convener must be known, every area must belong to an
// agreement the convener is a party to.
func (m *Meeting) Validate(c *Catalog) error {
	v := validator{what: "meeting"}
	v.title("title", m.Title)
	v.check(slices.Contains(MeetingKinds, m.Kind), "kind", "%q is not one of %s", m.Kind, joinAny(MeetingKinds))
	v.check(slices.Contains(MeetingStatuses, m.Status), "status", "%q is not one of %s", m.Status, joinAny(MeetingStatuses))
	v.check(slices.Contains(Confidentialities, m.Confidentiality), "confidentiality", "%q is not one of %s", m.Confidentiality, joinAny(Confidentialities))

	convener := c.Org(m.ConvenerID)
	switch {
	case convener == nil:
		v.add("convener", "must be a known organization")
	case len(c.byConvener[m.ConvenerID]) == 0:
		v.add("convener", "%s is not a party to any agreement: Liaison tracks the meetings of the parties", convener.Acronym)
	}

	if m.AllDay {
		v.check(!m.FirstDay.IsZero(), "start", "must be set")
		v.check(!m.LastDay.IsZero(), "end", "must be set")
		v.date("start", m.FirstDay)
		v.date("end", m.LastDay)
		if !m.FirstDay.IsZero() && !m.LastDay.IsZero() {
			v.check(!m.LastDay.Before(m.FirstDay), "end", "the last day %s is before the first day %s", m.LastDay, m.FirstDay)
			if n := m.FirstDay.DaysUntil(m.LastDay) + 1; n > MaxAllDayDays {
				v.add("end", "a whole-day meeting of %d days: the longest is one year (%d days)", n, MaxAllDayDays)
			}
		}
		if m.Zone != "" {
			if _, err := LoadZone(m.Zone); err != nil {
				v.add("zone", "%q is not an IANA time zone (e.g. Europe/Paris)", m.Zone)
			}
		}
	} else {
		v.check(!m.Start.IsZero(), "start", "must be set")
		v.check(!m.End.IsZero(), "end", "must be set")
		v.instant("start", m.Start)
		v.instant("end", m.End)
		if !m.Start.IsZero() && !m.End.IsZero() {
			v.check(m.End.After(m.Start), "end", "%s is not after the start %s", m.End.Format("2006-01-02 15:04"), m.Start.Format("2006-01-02 15:04"))
		}
		if _, err := LoadZone(m.Zone); err != nil {
			v.add("zone", "%q is not an IANA time zone (e.g. Europe/Paris)", m.Zone)
		}
	}
	if m.ObserversExcluded {
		v.check(strings.TrimSpace(m.ExclusionReason) != "", "observers_excluded", "give the rule of procedure or decision that excludes observers")
	}
	if u := m.Venue.OnlineURL; u != "" {
		p, err := url.Parse(u)
		v.check(err == nil && (p.Scheme == "https" || p.Scheme == "http") && p.Host != "", "online", "%q is not a web address such as https://meet.example.org/room", u)
	}
	if cc := m.Venue.Country; cc != "" {
		v.check(IsCountryCode(cc), "country", "%q is not a two-letter ISO 3166-1 country code such as FR", cc)
	}
	v.texts(m)

	// Areas must come from an agreement the convener is a party to.
	if convener != nil {
		checkArea := func(field string, id int64) {
			ag, ar := c.AreaOf(id)
			switch {
			case ar == nil:
				v.add(field, "area %d does not exist", id)
			case !ag.HasParty(m.ConvenerID):
				v.add(field, "%q is an area of %s, to which %s is not a party", ar.Name, ag.ShortName, convener.Acronym)
			}
		}
		for _, id := range m.AreaIDs {
			checkArea("areas", id)
		}
		v.repeatedAreas(c, "areas", m.AreaIDs)
		for i, it := range m.Agenda {
			v.title(fieldIdx("agenda", i)+".title", it.Title)
			for _, id := range it.AreaIDs {
				checkArea(fieldIdx("agenda", i)+".areas", id)
			}
			v.repeatedAreas(c, fieldIdx("agenda", i)+".areas", it.AreaIDs)
		}
	}
	v.repeatedItems("agenda", m.Agenda)
	for i, mk := range m.InterestMarks {
		v.check(c.Org(mk.OrgID) != nil, fieldIdx("interest_marks", i), "organization %d is not known", mk.OrgID)
	}
	return v.err()
}

func fieldIdx(name string, i int) string { return fmt.Sprintf("%s[%d]", name, i+1) }

func joinAny[T ~string](vals []T) string {
	s := make([]string, len(vals))
	for i, x := range vals {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
