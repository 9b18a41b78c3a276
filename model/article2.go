package model

import (
	"slices"
	"time"
)

// ObligationState is the Article 2 rule's answer for one meeting and one
// addressee: a small code (an answer holds one byte, not a string's 16);
// String and its JSON give the stable name.
type ObligationState uint8

// The answers of the Article 2 rule.
const (
	NotOwed    ObligationState = iota // with its reason (the zero answer)
	Owed                              // an invitation is owed and not yet due within a week
	Missed                            // the meeting began and the owed invitation was never sent
	DueSoon                           // owed, due within DueSoonDays (or today)
	Overdue                           // owed, past its due day, not sent
	Sent                              // sent, no reply yet, meeting not begun
	UpdateOwed                        // the meeting changed after the version that was sent
	Accepted
	Tentative
	Declined
	NoReply // the meeting began with no reply
	Waived  // an officer decided not to send it, with a reason
	Void    // the meeting was cancelled
	Review  // IGOs invited but no agenda area yet: an officer must judge
	stateCount
)

var stateNames = [stateCount]string{"not-owed", "owed", "missed", "due-soon", "overdue", "sent", "update-owed",
	"accepted", "tentative", "declined", "no-reply", "waived", "void", "review"}

// String is the answer's stable name ("due-soon"), as the command line and
// the exchange files print it.
func (s ObligationState) String() string {
	if s < stateCount {
		return stateNames[s]
	}
	return "unknown"
}

// MarshalText writes the answer's name.
func (s ObligationState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads an answer's name.
func (s *ObligationState) UnmarshalText(b []byte) error {
	st, ok := ParseObligationState(string(b))
	if !ok {
		return Invalid("state", "unknown state %q", b)
	}
	*s = st
	return nil
}

// ParseObligationState finds the answer of that name ("due-soon").
func ParseObligationState(name string) (ObligationState, bool) {
	for i, n := range stateNames {
		if n == name {
			return ObligationState(i), true
		}
	}
	return 0, false
}

// ObligationStates lists every answer, in the order of urgency a dashboard
// shows them.
var ObligationStates = []ObligationState{Overdue, DueSoon, UpdateOwed, Review, Owed, Missed, Sent, NoReply, Tentative, Accepted, Declined, Waived, Void, NotOwed}

// NeedsAction reports whether the answer asks an officer to do something.
func (s ObligationState) NeedsAction() bool {
	switch s {
	case Overdue, DueSoon, UpdateOwed, Review, Owed:
		return true
	}
	return false
}

// DueSoonDays is how close the due day must be for "due-soon".
const DueSoonDays = 7

// Obligation is one answer of the Article 2 rule: what is owed, by whom, to
// whom, under which agreement and article, by when, and why. Why holds the
// facts of the reason; ui/explain says them in words.
type Obligation struct {
	MeetingID   int64 `json:"meeting_id"`
	AgreementID int64 `json:"agreement_id"`
	From        int64 `json:"from"` // the convener, who owes the invitation
	To          int64 `json:"to"`   // the party to be invited
	// Incoming, State and Due share one word (the answers of a large
	// office's history are many: see BenchmarkArticle2).
	Incoming     bool            `json:"incoming"` // owed to us by a partner (reciprocity)
	State        ObligationState `json:"state"`
	Due          Date            `json:"due"` // zero when nothing is owed
	Article      string          `json:"article"`
	Why          Why             `json:"why"`
	InvitationID int64           `json:"invitation_id,omitempty"`
	Areas        []int64         `json:"areas,omitempty"` // the areas of interest to To that the meeting touches
}

// Obligations runs the Article 2 rule on one meeting. invs are the
// invitation records kept for this meeting (any order, any addressee);
// now is the current instant, read in our organization's zone.
//
// For every agreement in force on the meeting's first day to which the
// convener is a party, and for every other party, it gives one answer. When
// two agreements bind the same pair, the answer that asks the most wins, so
// that each addressee is listed once. Only pairs involving us are answered
// when the catalog knows who we are: our meetings tell what we owe, the
// partners' tell what we should have received.
func Obligations(c *Catalog, m *Meeting, invs []Invitation, now time.Time) []Obligation {
	r := newRuler(c, now)
	return r.append(nil, m, invs)
}

// ruler runs the rule on meetings at one instant; its areas block hands
// out the Areas of the answers, so that the rule over 100,000 meetings
// allocates a few blocks rather than a slice per answer.
type ruler struct {
	c     *Catalog
	us    *Organization
	usLoc *time.Location
	now   time.Time
	today Date
	// todayN is today as a day number (Date.days), so that the days left
	// until a due day are a subtraction.
	todayN int
	areas  []int64
	// The agreements of the last convener seen: meetings come in runs of
	// the same convener, so most skip the catalog's map.
	conv    int64
	convAgs []int
}

func newRuler(c *Catalog, now time.Time) *ruler {
	loc := c.HQZone()
	today := DateOf(now.In(loc))
	return &ruler{c: c, us: c.Us(), usLoc: loc, now: now, today: today, todayN: today.days()}
}

// append answers for one meeting at the end of out.
func (r *ruler) append(out []Obligation, m *Meeting, invs []Invitation) []Obligation {
	c, us := r.c, r.us
	first := len(out)
	start := m.StartDay()
	startN := start.days()
	begun := !r.now.Before(m.StartsAt())
	if r.convAgs == nil || r.conv != m.ConvenerID {
		r.conv, r.convAgs = m.ConvenerID, c.byConvener[m.ConvenerID]
		if r.convAgs == nil {
			r.convAgs = []int{}
		}
	}
	for _, gi := range r.convAgs {
		g := &c.Agreements[gi]
		conv := g.Party(m.ConvenerID)
		for _, p := range g.Parties {
			if p.OrgID == m.ConvenerID {
				continue
			}
			if us != nil && m.ConvenerID != us.ID && p.OrgID != us.ID {
				continue
			}
			// Answer in place at the end of out; when an earlier agreement
			// already answered for this addressee, keep the weightier answer.
			// answer writes every field, so a slot within capacity (sized
			// by AppendObligations) is taken without zeroing it first.
			if len(out) < cap(out) {
				out = out[:len(out)+1]
			} else {
				out = append(out, Obligation{})
			}
			ob := &out[len(out)-1]
			r.answer(ob, g, conv.Article, m, p.OrgID, findInvitation(invs, p.OrgID), start, startN, begun)
			ob.Incoming = us != nil && p.OrgID == us.ID
			for i := first; i < len(out)-1; i++ {
				if out[i].To == ob.To {
					if weight(ob.State) > weight(out[i].State) {
						out[i] = *ob
					}
					out = out[:len(out)-1]
					break
				}
			}
		}
	}
	return out
}

// weight orders answers when two agreements bind the same pair: an answer
// about an invitation beats "review", which beats "not owed".
func weight(s ObligationState) int {
	switch s {
	case NotOwed:
		return 0
	case Review:
		return 1
	}
	return 2
}

func findInvitation(invs []Invitation, to int64) *Invitation {
	for i := range invs {
		if invs[i].ToOrgID == to {
			return &invs[i]
		}
	}
	return nil
}

// answer applies the rule to one meeting, one agreement and one addressee.
func (r *ruler) answer(ob *Obligation, g *Agreement, article string, m *Meeting, to int64, inv *Invitation, start Date, startN int, begun bool) {
	*ob = Obligation{MeetingID: m.ID, AgreementID: g.ID, From: m.ConvenerID, To: to, Article: article}
	if inv != nil {
		ob.InvitationID = inv.ID
	}

	// An agreement that does not bind on the meeting's day creates nothing.
	if code, _ := g.inForce(start); code != WhyInForce {
		ob.State, ob.Article = NotOwed, g.inForceArticle(code)
		ob.Why = Why{Code: code, Date: start, Text: g.InForceCondition}
		return
	}

	// A cancelled meeting owes nothing; say so even when one was sent, and
	// remind that the partner must be told.
	if m.Status == StatusCancelled {
		ob.State = Void
		ob.Why = Why{Code: WhyVoid}
		if inv != nil && !inv.SentAt.IsZero() {
			sentOn := DateOf(inv.SentAt.In(r.usLoc))
			if inv.SentSequence < m.Sequence {
				ob.Why = Why{Code: WhyVoidNoticeOwed, Date: sentOn}
			} else {
				ob.Why = Why{Code: WhyVoidNoticeSent, Date: sentOn, N: int32(inv.SentSequence)}
			}
		}
		return
	}

	if inv != nil && inv.State == InvWaived {
		ob.State = Waived
		ob.Why = Why{Code: WhyWaived, Text: inv.WaiveReason}
		return
	}

	// Once sent, the record speaks: update owed, the reply, or waiting.
	if inv != nil && !inv.SentAt.IsZero() {
		sentOn := DateOf(inv.SentAt.In(r.usLoc))
		ob.Why = Why{Date: sentOn, N: int32(inv.SentSequence), M: int32(m.Sequence)}
		switch {
		case m.Sequence > inv.SentSequence:
			ob.State, ob.Why.Code = UpdateOwed, WhyUpdateOwed
		case inv.State == InvAccepted:
			ob.State, ob.Why.Code, ob.Why.Reps = Accepted, WhyAccepted, inv.Representatives
		case inv.State == InvTentative:
			ob.State, ob.Why.Code, ob.Why.Reps = Tentative, WhyTentative, inv.Representatives
		case inv.State == InvDeclined:
			ob.State, ob.Why.Code = Declined, WhyDeclined
		case inv.State == InvNoReply || begun:
			ob.State, ob.Why.Code = NoReply, WhyNoReply
		default:
			ob.State, ob.Why.Code = Sent, WhySent
		}
		return
	}

	// Nothing sent: is an invitation owed at all?
	if !m.IGOsInvited {
		ob.State, ob.Why = NotOwed, Why{Code: WhyNoIGOs}
		return
	}
	if m.ObserversExcluded {
		ob.State, ob.Why = NotOwed, Why{Code: WhyExcluded, Text: m.ExclusionReason}
		return
	}
	because, matched, anyArea := r.interest(g, m, to)
	if because.Because == BecauseNone {
		switch {
		case !anyArea && begun:
			// Nobody judged whether the meeting concerned the partner,
			// and it has begun: the chance has passed either way.
			ob.State, ob.Why = Missed, Why{Code: WhyMissedUnreviewed, Date: start}
		case !anyArea:
			ob.State, ob.Why = Review, Why{Code: WhyReview}
		default:
			ob.State, ob.Why = NotOwed, Why{Code: WhyNoInterest}
		}
		return
	}
	ob.Areas = matched
	dueN := startN - g.LeadTimeDays
	ob.Due = civilFromDays(dueN)
	left := dueN - r.todayN
	because.Date, because.Lead = ob.Due, int32(g.LeadTimeDays)
	ob.Why = because
	switch {
	case begun:
		ob.State, ob.Why.Code, ob.Why.N = Missed, WhyMissed, int32(-left)
	case left < 0:
		ob.State, ob.Why.Code, ob.Why.N = Overdue, WhyOverdue, int32(-left)
	case left <= DueSoonDays:
		ob.State, ob.Why.Code, ob.Why.N = DueSoon, WhyDueSoon, int32(left)
	default:
		ob.State, ob.Why.Code, ob.Why.N = Owed, WhyOwed, int32(left)
	}
}

// interest says why the meeting concerns addressee `to` under g: the
// first agenda item (or the meeting's own area) that touches an area in to's
// interest profile, or an officer's mark. matched lists every such area;
// the reason names its first because.NAreas. anyArea reports whether the
// meeting has any area at all (of any agreement) or an officer's mark:
// without one, the answer is "review".
func (r *ruler) interest(g *Agreement, m *Meeting, to int64) (because Why, matched []int64, anyArea bool) {
	anyArea = len(m.AreaIDs) > 0 || len(m.InterestMarks) > 0
	// Matched areas go at the end of the shared block; the answer keeps
	// them as a slice of it that cannot grow into the next answer's.
	if cap(r.areas)-len(r.areas) < 64 {
		r.areas = make([]int64, 0, 4096)
	}
	base := len(r.areas)
	note := func(ids []int64) int {
		before := len(r.areas)
		for _, id := range ids {
			anyArea = true
			if g.Area(id) != nil && g.InterestedIn(to, id) && !slices.Contains(r.areas[base:], id) {
				r.areas = append(r.areas, id) // a full block moves whole: earlier answers keep the old one
			}
		}
		return len(r.areas) - before
	}
	for _, it := range m.Agenda {
		if n := note(it.AreaIDs); n > 0 && because.Because == BecauseNone {
			because = Why{Because: BecauseItem, Text: it.Title, NAreas: int32(n)}
		}
	}
	if n := note(m.AreaIDs); n > 0 && because.Because == BecauseNone {
		because = Why{Because: BecauseMeeting, NAreas: int32(n)}
	}
	if because.Because == BecauseNone {
		for _, mk := range m.InterestMarks {
			if mk.OrgID == to {
				because = Why{Because: BecauseMark, Text: mk.Note}
			}
		}
	}
	if len(r.areas) > base {
		matched = r.areas[base:len(r.areas):len(r.areas)]
	}
	return because, matched, anyArea
}

// AllObligations runs the rule on many meetings; invs[i] are the
// invitation records of meetings[i] (invs may be shorter, or nil, when the
// last meetings have none). It is linear in the number of meetings.
func AllObligations(c *Catalog, meetings []Meeting, invs [][]Invitation, now time.Time) []Obligation {
	return AppendObligations(nil, c, meetings, invs, now)
}

// AppendObligations is AllObligations writing the answers at the end of
// out: a caller that runs the rule again and again (a dashboard kept up
// to date) hands back the slice of the last run, out[:0], and the rule
// allocates nothing but its areas.
func AppendObligations(out []Obligation, c *Catalog, meetings []Meeting, invs [][]Invitation, now time.Time) []Obligation {
	size := 0
	for i := range meetings {
		for _, gi := range c.byConvener[meetings[i].ConvenerID] {
			size += len(c.Agreements[gi].Parties) - 1
		}
	}
	out = slices.Grow(out, size)
	r := newRuler(c, now)
	for i := range meetings {
		var mine []Invitation
		if i < len(invs) {
			mine = invs[i]
		}
		out = r.append(out, &meetings[i], mine)
	}
	return out
}
