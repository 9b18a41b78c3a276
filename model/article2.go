package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// ObligationState is the Article 2 rule's answer for one meeting and one
// addressee.
type ObligationState string

// The answers of the Article 2 rule.
const (
	Owed       ObligationState = "owed"        // an invitation is owed and not yet due within a week
	DueSoon    ObligationState = "due-soon"    // owed, due within DueSoonDays (or today)
	Overdue    ObligationState = "overdue"     // owed, past its due day, not sent
	Sent       ObligationState = "sent"        // sent, no reply yet, meeting not begun
	UpdateOwed ObligationState = "update-owed" // the meeting changed after the version that was sent
	Accepted   ObligationState = "accepted"
	Tentative  ObligationState = "tentative"
	Declined   ObligationState = "declined"
	NoReply    ObligationState = "no-reply" // the meeting began with no reply
	Waived     ObligationState = "waived"   // an officer decided not to send it, with a reason
	Void       ObligationState = "void"     // the meeting was cancelled
	Review     ObligationState = "review"   // IGOs invited but no agenda area yet: an officer must judge
	NotOwed    ObligationState = "not-owed" // with its reason
)

// ObligationStates lists every answer, in the order of urgency a dashboard
// shows them.
var ObligationStates = []ObligationState{Overdue, DueSoon, UpdateOwed, Review, Owed, Sent, NoReply, Tentative, Accepted, Declined, Waived, Void, NotOwed}

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
// whom, under which agreement and article, by when, and why.
type Obligation struct {
	MeetingID    int64           `json:"meeting_id"`
	AgreementID  int64           `json:"agreement_id"`
	From         int64           `json:"from"`     // the convener, who owes the invitation
	To           int64           `json:"to"`       // the party to be invited
	Incoming     bool            `json:"incoming"` // owed to us by a partner (reciprocity)
	Article      string          `json:"article"`
	State        ObligationState `json:"state"`
	Due          Date            `json:"due"` // zero when nothing is owed
	Reason       string          `json:"reason"`
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
	us := c.Us()
	return appendObligations(&texts{}, nil, c, us, m, invs, now, DateOf(now.In(zoneOf(us))), nil)
}

// appendObligations answers for one meeting at the end of out; when whys
// is not nil, the reasons in parts go at the end of *whys, one per answer.
func appendObligations(tx *texts, out []Obligation, c *Catalog, us *Organization, m *Meeting, invs []Invitation, now time.Time, today Date, whys *[]Why) []Obligation {
	first := len(out)
	start := m.StartDay()
	for _, gi := range c.byConvener[m.ConvenerID] {
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
			out = append(out, Obligation{})
			ob := &out[len(out)-1]
			var w *Why
			if whys != nil {
				*whys = append(*whys, Why{})
				w = &(*whys)[len(*whys)-1]
			}
			answer(ob, w, tx, c, g, conv.Article, m, p.OrgID, findInvitation(invs, p.OrgID), start, today, now)
			ob.Incoming = us != nil && p.OrgID == us.ID
			for i := first; i < len(out)-1; i++ {
				if out[i].To == ob.To {
					if weight(ob.State) > weight(out[i].State) {
						out[i] = *ob
						if whys != nil {
							(*whys)[i] = *w
						}
					}
					out = out[:len(out)-1]
					if whys != nil {
						*whys = (*whys)[:len(*whys)-1]
					}
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

func zoneOf(o *Organization) *time.Location {
	if o != nil {
		if loc, err := LoadZone(o.Zone); err == nil {
			return loc
		}
	}
	return time.UTC
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
func answer(ob *Obligation, w *Why, tx *texts, c *Catalog, g *Agreement, article string, m *Meeting, to int64, inv *Invitation, start, today Date, now time.Time) {
	from, toA := c.Acronym(m.ConvenerID), c.Acronym(to)
	*ob = Obligation{MeetingID: m.ID, AgreementID: g.ID, From: m.ConvenerID, To: to, Article: article}
	if inv != nil {
		ob.InvitationID = inv.ID
	}
	name := g.ShortName
	if name == "" {
		name = g.Title
	}

	// An agreement that does not bind on the meeting's day creates nothing.
	if ok, why, art := g.InForceOn(start); !ok {
		ob.State, ob.Article = NotOwed, art
		ob.Reason = tx.join(name, " does not bind on ", tx.date(start), ": ", why, ".")
		if w != nil {
			code, on, notice := g.inForce(start)
			*w = Why{Code: code, Date: on, Date2: notice, Detail: g.conditionText()}
		}
		return
	}

	// A cancelled meeting owes nothing; say so even when one was sent, and
	// remind that the partner must be told.
	if m.Status == StatusCancelled {
		ob.State = Void
		ob.Reason = "The meeting was cancelled."
		why := Why{Code: WhyVoid}
		if inv != nil && !inv.SentAt.IsZero() {
			sentOn := DateOf(inv.SentAt.In(zoneOf(c.Us())))
			if inv.SentSequence < m.Sequence {
				ob.Reason += " The invitation sent to " + toA + " on " + sentOn.String() + " must be followed by a cancellation notice."
				why = Why{Code: WhyVoidNoticeOwed, Date: sentOn}
			} else {
				ob.Reason += fmt.Sprintf(" %s was sent the cancellation (version %d).", toA, inv.SentSequence)
				why = Why{Code: WhyVoidNoticeSent, N: inv.SentSequence}
			}
		}
		if w != nil {
			*w = why
		}
		return
	}

	if inv != nil && inv.State == InvWaived {
		ob.State = Waived
		ob.Reason = fmt.Sprintf("The invitation from %s to %s was waived: %s.", from, toA, strings.TrimSuffix(inv.WaiveReason, "."))
		if w != nil {
			*w = Why{Code: WhyWaived, Detail: strings.TrimSuffix(inv.WaiveReason, ".")}
		}
		return
	}

	// Once sent, the record speaks: update owed, the reply, or waiting.
	if inv != nil && !inv.SentAt.IsZero() {
		sentOn := DateOf(inv.SentAt.In(zoneOf(c.Us())))
		switch {
		case m.Sequence > inv.SentSequence:
			ob.State = UpdateOwed
			ob.Reason = tx.join("The meeting changed (time, place or status) after version ", tx.itoa(inv.SentSequence), " was sent to ", toA, " on ", tx.date(sentOn), "; send the update (version ", tx.itoa(m.Sequence), ").")
		case inv.State == InvAccepted:
			ob.State = Accepted
			ob.Reason = tx.join(toA, " accepted", repsText(inv.Representatives), ".")
		case inv.State == InvTentative:
			ob.State = Tentative
			ob.Reason = tx.join(toA, " replied tentatively", repsText(inv.Representatives), ".")
		case inv.State == InvDeclined:
			ob.State = Declined
			ob.Reason = tx.join(toA, " declined.")
		case inv.State == InvNoReply || !now.Before(m.StartsAt()):
			ob.State = NoReply
			ob.Reason = tx.join("Sent to ", toA, " on ", tx.date(sentOn), " (version ", tx.itoa(inv.SentSequence), "); the meeting began with no reply.")
		default:
			ob.State = Sent
			ob.Reason = tx.join("Sent to ", toA, " on ", tx.date(sentOn), " (version ", tx.itoa(inv.SentSequence), "); awaiting a reply.")
		}
		if w != nil {
			*w = Why{Code: string(ob.State), Date: sentOn, N: inv.SentSequence, M: m.Sequence, Detail: repsNames(inv.Representatives)}
		}
		return
	}

	// Nothing sent: is an invitation owed at all?
	if !m.IGOsInvited {
		ob.State = NotOwed
		ob.Reason = tx.fixed(fixedKey{1, g, m.ConvenerID, to}, "No intergovernmental organizations are invited to this meeting, so ", from, " owes ", toA, " no observer invitation.")
		if w != nil {
			*w = Why{Code: WhyNoIGOs}
		}
		return
	}
	if m.ObserversExcluded {
		ob.State = NotOwed
		ob.Reason = fmt.Sprintf("The rules of procedure exclude observers: %s.", strings.TrimSuffix(m.ExclusionReason, "."))
		if w != nil {
			*w = Why{Code: WhyExcluded, Detail: strings.TrimSuffix(m.ExclusionReason, ".")}
		}
		return
	}
	because, matched, anyArea := interestReason(tx, c, g, m, to)
	if because.empty() {
		if !anyArea {
			ob.State = Review
			ob.Reason = tx.fixed(fixedKey{2, g, m.ConvenerID, to}, "IGOs are invited but no area of cooperation is on the agenda yet: decide whether matters of interest to ", toA, " are to be discussed.")
			if w != nil {
				*w = Why{Code: WhyReview}
			}
			return
		}
		ob.State = NotOwed
		ob.Reason = tx.fixed(fixedKey{3, g, m.ConvenerID, to}, "IGOs are invited, but no agenda item concerns an area of interest to ", toA, " under ", name, ".")
		if w != nil {
			*w = Why{Code: WhyNoInterest}
		}
		return
	}
	ob.Areas = matched
	ob.Due = start.AddDays(-g.LeadTimeDays)
	left := today.DaysUntil(ob.Due)
	switch {
	case left < 0:
		ob.State = Overdue
		ob.Reason = tx.join("An observer invitation from ", from, " to ", toA, " was due on ", tx.date(ob.Due), " (", tx.itoa(-left), " days ago): ", because.lead, because.title, because.mid, because.areas, because.note, ".")
	case left <= DueSoonDays:
		ob.State = DueSoon
		when := "in " + tx.itoa(left) + " days"
		switch left {
		case 0:
			when = "today"
		case 1:
			when = "tomorrow"
		}
		ob.Reason = tx.join("An observer invitation from ", from, " to ", toA, " is due ", when, ", ", tx.date(ob.Due), ": ", because.lead, because.title, because.mid, because.areas, because.note, ".")
	default:
		ob.State = Owed
		ob.Reason = tx.join("An observer invitation from ", from, " to ", toA, " is owed by ", tx.date(ob.Due), ": ", because.lead, because.title, because.mid, because.areas, because.note, ".")
	}
	if w != nil {
		days := left
		if days < 0 {
			days = -days
		}
		*w = Why{Code: string(ob.State), Because: because.code, Item: because.title, Areas: because.areas,
			Note: strings.TrimSuffix(strings.TrimPrefix(because.note, " ("), ")"), Date: ob.Due, N: days}
	}
}

// why is the reason a meeting concerns an addressee, kept in pieces so
// that the answer's text is written in one go.
type why struct{ code, lead, title, mid, areas, note string }

func (w why) empty() bool { return w.lead == "" }

// interestReason says why the meeting concerns addressee `to` under g: the
// first agenda item (or the meeting's own area) that touches an area in to's
// interest profile, or an officer's mark. matched lists every such area.
// anyArea reports whether the meeting has any area at all (of any
// agreement) or an officer's mark: without one, the answer is "review".
func interestReason(tx *texts, c *Catalog, g *Agreement, m *Meeting, to int64) (because why, matched []int64, anyArea bool) {
	anyArea = len(m.AreaIDs) > 0 || len(m.InterestMarks) > 0
	// note adds the areas of ids that interest `to` to matched and returns
	// those it added; the first list with a hit gives the reason.
	note := func(ids []int64) (hits []int64) {
		before := len(matched)
		for _, id := range ids {
			anyArea = true
			if g.Area(id) != nil && g.InterestedIn(to, id) && !slices.Contains(matched, id) {
				matched = append(matched, id)
			}
		}
		return matched[before:]
	}
	for _, it := range m.Agenda {
		if hits := note(it.AreaIDs); len(hits) > 0 && because.empty() {
			because = why{code: BecauseItem, lead: "IGOs are invited and the agenda item “", title: it.Title, mid: "” concerns ", areas: areaNames(tx, g, hits)}
		}
	}
	if hits := note(m.AreaIDs); len(hits) > 0 && because.empty() {
		because = why{code: BecauseMeeting, lead: "IGOs are invited and the meeting concerns ", areas: areaNames(tx, g, hits)}
	}
	if because.empty() {
		for _, mk := range m.InterestMarks {
			if mk.OrgID == to {
				because = why{code: BecauseMark, lead: "IGOs are invited and an officer marked the meeting as a matter of interest to ", title: c.Acronym(to)}
				if mk.Note != "" {
					because.note = " (" + strings.TrimSuffix(mk.Note, ".") + ")"
				}
			}
		}
	}
	return because, matched, anyArea
}

func areaNames(tx *texts, g *Agreement, ids []int64) string {
	if len(ids) == 1 {
		return g.Area(ids[0]).Name
	}
	names := make([]string, 0, 2*len(ids))
	for i, id := range ids {
		switch {
		case i == 0:
		case i == len(ids)-1:
			names = append(names, " and ")
		default:
			names = append(names, ", ")
		}
		names = append(names, g.Area(id).Name)
	}
	return tx.join(names...)
}

// repsNames lists the representatives' names (their addresses when they
// have none), comma-separated.
func repsNames(reps []Representative) string {
	s := make([]string, len(reps))
	for i, r := range reps {
		s[i] = r.Name
		if s[i] == "" {
			s[i] = r.Email
		}
	}
	return strings.Join(s, ", ")
}

func repsText(reps []Representative) string {
	if len(reps) == 0 {
		return ""
	}
	return ", naming " + repsNames(reps)
}

// AllObligations runs the rule on many meetings; invs maps a meeting id to
// its invitation records. It is linear in the number of meetings.
func AllObligations(c *Catalog, meetings []Meeting, invs map[int64][]Invitation, now time.Time) []Obligation {
	us := c.Us()
	today := DateOf(now.In(zoneOf(us)))
	size := 0
	for i := range meetings {
		for _, gi := range c.byConvener[meetings[i].ConvenerID] {
			size += len(c.Agreements[gi].Parties) - 1
		}
	}
	out := make([]Obligation, 0, size)
	tx := &texts{}
	for i := range meetings {
		out = appendObligations(tx, out, c, us, &meetings[i], invs[meetings[i].ID], now, today, nil)
	}
	return out
}

// texts hands out the reasons' strings from large shared blocks, so that
// running the rule on 100,000 meetings allocates a few hundred blocks
// instead of a string per answer. Bytes are only ever appended: a string
// handed out is never written again.
type texts struct {
	block []byte
	// once holds the reasons that do not depend on the meeting, written
	// once per agreement and pair of organizations (a handful: a slice
	// searched in order beats a map here).
	once []fixedReason
}

// fixedKey names a reason that depends only on the agreement and the pair.
type fixedKey struct {
	kind     int
	g        *Agreement
	from, to int64
}

type fixedReason struct {
	key  fixedKey
	text string
}

// fixed returns the reason for key, writing it from parts the first time.
func (tx *texts) fixed(key fixedKey, parts ...string) string {
	for i := range tx.once {
		if tx.once[i].key == key {
			return tx.once[i].text
		}
	}
	s := tx.join(parts...)
	tx.once = append(tx.once, fixedReason{key, s})
	return s
}

const textBlock = 64 << 10

func (tx *texts) join(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n == 0 {
		return ""
	}
	if cap(tx.block)-len(tx.block) < n {
		tx.block = make([]byte, 0, max(n, textBlock))
	}
	start := len(tx.block)
	for _, p := range parts {
		tx.block = append(tx.block, p...)
	}
	return unsafe.String(&tx.block[start], n)
}

// date writes d into the block and returns it as a string.
func (tx *texts) date(d Date) string {
	if d.Year < 0 || d.Year > 9999 || d.IsZero() {
		return d.String()
	}
	var b [10]byte
	iso := d.appendISO(b[:0])
	return tx.join(unsafe.String(&iso[0], len(iso)))
}

// itoa writes n into the block and returns it as a string.
func (tx *texts) itoa(n int) string {
	var b [20]byte
	d := strconv.AppendInt(b[:0], int64(n), 10)
	return tx.join(unsafe.String(&d[0], len(d)))
}
