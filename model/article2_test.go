package model

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sentInvitation(to int64, seq int, state InvitationState) Invitation {
	inv := Invitation{ID: 99, MeetingID: 7, AgreementID: agIOM, FromOrgID: orgINTERPOL, ToOrgID: to, State: InvOwed}
	sentAt := time.Date(2027, 5, 1, 8, 0, 0, 0, time.UTC)
	if err := inv.MarkSent(sentAt, seq, "ics"); err != nil {
		panic(err)
	}
	if state.IsReply() {
		reps := []Representative{{Name: "Ana Lima", Email: "alima@iom.int"}}
		if err := inv.RecordReply(Reply{At: sentAt.Add(48 * time.Hour), State: state, Sequence: seq, HasSequence: true, Representatives: reps}); err != nil {
			panic(err)
		}
	}
	return inv
}

// only returns the single answer for addressee `to`, failing otherwise.
func only(t *testing.T, obs []Obligation, to int64) Obligation {
	t.Helper()
	var found []Obligation
	for _, o := range obs {
		if o.To == to {
			found = append(found, o)
		}
	}
	require.Len(t, found, 1, "answers for org %d: %+v", to, obs)
	return found[0]
}

func TestArticle2States(t *testing.T) {
	c := fixtureCatalog()
	cases := []struct {
		name    string
		edit    func(m *Meeting)
		invs    []Invitation
		now     string
		state   ObligationState
		due     string
		article string
		why     WhyCode // the reason's sentence (zero: the state's own)
		text    string  // Why.Text, when the reason quotes the records
	}{
		{name: "owed", now: "2027-04-01", state: Owed, due: "2027-05-12", article: "Art. 2.1",
			why: WhyOwed, text: "Border checks at sea ports"},
		{name: "owed eight days before due", now: "2027-05-04", state: Owed, due: "2027-05-12", article: "Art. 2.1"},
		{name: "due-soon seven days before", now: "2027-05-05", state: DueSoon, due: "2027-05-12", article: "Art. 2.1", why: WhyDueSoon},
		{name: "due-soon on the due day itself", now: "2027-05-12", state: DueSoon, due: "2027-05-12", article: "Art. 2.1", why: WhyDueSoon},
		{name: "overdue up to the meeting's start", now: "2027-06-22", state: Overdue, due: "2027-05-12", article: "Art. 2.1", why: WhyOverdue},
		{name: "missed once the meeting began without it", now: "2027-06-23", state: Missed, due: "2027-05-12", article: "Art. 2.1", why: WhyMissed,
			text: "Border checks at sea ports"},
		{name: "missed without review when no area was ever given", edit: func(m *Meeting) { m.Agenda = []AgendaItem{{Title: "Opening"}} },
			now: "2027-07-01", state: Missed, article: "Art. 2.1", why: WhyMissedUnreviewed},
		{name: "waived after the fact leaves missed", now: "2027-07-01", invs: []Invitation{func() Invitation {
			inv := Invitation{ToOrgID: orgIOM, State: InvOwed}
			_ = inv.Waive(time.Now(), "Missed: IOM was briefed by its regional office")
			return inv
		}()}, state: Waived, article: "Art. 2.1", why: WhyWaived},
		{name: "overdue the day after", now: "2027-05-13", state: Overdue, due: "2027-05-12", article: "Art. 2.1", why: WhyOverdue},
		{name: "sent", now: "2027-05-20", invs: []Invitation{sentInvitation(orgIOM, 0, InvSent)}, state: Sent, article: "Art. 2.1", why: WhySent},
		{name: "update-owed after a material change", edit: func(m *Meeting) { m.Sequence = 1 }, now: "2027-05-20",
			invs: []Invitation{sentInvitation(orgIOM, 0, InvSent)}, state: UpdateOwed, article: "Art. 2.1", why: WhyUpdateOwed},
		{name: "update-owed even after acceptance", edit: func(m *Meeting) { m.Sequence = 2 }, now: "2027-05-20",
			invs: []Invitation{sentInvitation(orgIOM, 1, InvAccepted)}, state: UpdateOwed, article: "Art. 2.1"},
		{name: "accepted", now: "2027-05-20", invs: []Invitation{sentInvitation(orgIOM, 0, InvAccepted)}, state: Accepted, article: "Art. 2.1", why: WhyAccepted},
		{name: "tentative", now: "2027-05-20", invs: []Invitation{sentInvitation(orgIOM, 0, InvTentative)}, state: Tentative, article: "Art. 2.1"},
		{name: "declined", now: "2027-05-20", invs: []Invitation{sentInvitation(orgIOM, 0, InvDeclined)}, state: Declined, article: "Art. 2.1"},
		{name: "no-reply once the meeting began", now: "2027-06-23", invs: []Invitation{sentInvitation(orgIOM, 0, InvSent)}, state: NoReply, article: "Art. 2.1", why: WhyNoReply},
		{name: "waived", now: "2027-04-01", invs: []Invitation{func() Invitation {
			inv := Invitation{ToOrgID: orgIOM, State: InvOwed}
			_ = inv.Waive(time.Now(), "IOM attends as a member of the steering group.")
			return inv
		}()}, state: Waived, article: "Art. 2.1", why: WhyWaived, text: "IOM attends as a member of the steering group."},
		{name: "void when cancelled", edit: func(m *Meeting) { m.Status = StatusCancelled }, now: "2027-04-01", state: Void, article: "Art. 2.1", why: WhyVoid},
		{name: "void reminds to send the cancellation", edit: func(m *Meeting) { m.Status = StatusCancelled; m.Sequence = 1 }, now: "2027-05-20",
			invs: []Invitation{sentInvitation(orgIOM, 0, InvSent)}, state: Void, article: "Art. 2.1", why: WhyVoidNoticeOwed},
		{name: "review when no agenda area yet", edit: func(m *Meeting) { m.Agenda = []AgendaItem{{Title: "Opening"}} }, now: "2027-04-01", state: Review, article: "Art. 2.1", why: WhyReview},
		{name: "not-owed without IGOs", edit: func(m *Meeting) { m.IGOsInvited = false }, now: "2027-04-01", state: NotOwed, article: "Art. 2.1", why: WhyNoIGOs},
		{name: "not-owed when observers are excluded", edit: func(m *Meeting) {
			m.ObserversExcluded, m.ExclusionReason = true, "Rule 12 of the Executive Committee's rules of procedure"
		}, now: "2027-04-01", state: NotOwed, article: "Art. 2.1", why: WhyExcluded, text: "Rule 12 of the Executive Committee's rules of procedure"},
		{name: "not-owed when no area interests the partner", edit: func(m *Meeting) {
			m.Agenda = []AgendaItem{{Title: "Police training", AreaIDs: []int64{areaTraining}}}
		}, now: "2027-04-01", state: NotOwed, article: "Art. 2.1", why: WhyNoInterest},
		{name: "owed by an officer's mark", edit: func(m *Meeting) {
			m.Agenda = []AgendaItem{{Title: "Police training", AreaIDs: []int64{areaTraining}}}
			m.InterestMarks = []InterestMark{{OrgID: orgIOM, Note: "IOM runs the training centre"}}
		}, now: "2027-04-01", state: Owed, due: "2027-05-12", article: "Art. 2.1", why: WhyOwed, text: "IOM runs the training centre"},
		{name: "owed by a meeting-level area", edit: func(m *Meeting) { m.Agenda = nil; m.AreaIDs = []int64{areaFraud} }, now: "2027-04-01",
			state: Owed, due: "2027-05-12", article: "Art. 2.1", why: WhyOwed},
		{name: "whole-day conference", edit: func(m *Meeting) {
			m.AllDay, m.Start, m.End = true, time.Time{}, time.Time{}
			m.FirstDay, m.LastDay = MustDate("2027-09-15"), MustDate("2027-09-19")
		}, now: "2027-08-01", state: DueSoon, due: "2027-08-04", article: "Art. 2.1"},
		{name: "the venue's day counts, not ours", edit: func(m *Meeting) {
			tokyo, _ := LoadZone("Asia/Tokyo")
			m.Zone = "Asia/Tokyo"
			m.Start = time.Date(2027, 6, 23, 1, 0, 0, 0, tokyo) // 22 June in Paris
			m.End = m.Start.Add(2 * time.Hour)
		}, now: "2027-04-01", state: Owed, due: "2027-05-12", article: "Art. 2.1"},
		{name: "not in force before entry into force", edit: func(m *Meeting) {
			m.Start, m.End = m.Start.AddDate(-14, 0, 0), m.End.AddDate(-14, 0, 0) // 2013
		}, now: "2013-01-01", state: NotOwed, article: "Art. 12.1", why: WhyNotYetInForce},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := conference(t)
			if tc.edit != nil {
				tc.edit(&m)
			}
			ob := only(t, Obligations(c, &m, tc.invs, at(t, tc.now)), orgIOM)
			assert.Equal(t, tc.state, ob.State)
			assert.Equal(t, tc.article, ob.Article)
			assert.Equal(t, tc.due, ob.Due.String())
			assert.Equal(t, int64(orgINTERPOL), ob.From)
			assert.False(t, ob.Incoming)
			assert.NotZero(t, ob.Why.Code, "every answer has its reason")
			if tc.why != 0 {
				assert.Equal(t, tc.why, ob.Why.Code)
			}
			if tc.text != "" {
				assert.Equal(t, tc.text, ob.Why.Text)
			}
			if ob.State == Owed || ob.State == Overdue || ob.State == DueSoon || ob.Why.Code == WhyMissed {
				assert.NotZero(t, ob.Why.Because)
				assert.Equal(t, ob.Due, ob.Why.Date)
				assert.Equal(t, int32(c.Agreement(agIOM).LeadTimeDays), ob.Why.Lead, "the lead time the due day follows from")
				assert.Equal(t, ob.Due, m.StartDay().AddDays(-int(ob.Why.Lead)))
			}
		})
	}
}

func TestArticle2EveryStateCovered(t *testing.T) {
	// The table above names every state; this guards against a new state
	// added to the list without a test.
	src := map[ObligationState]bool{Owed: true, DueSoon: true, Overdue: true, Sent: true, UpdateOwed: true, Accepted: true,
		Tentative: true, Declined: true, NoReply: true, Waived: true, Void: true, Review: true, NotOwed: true, Missed: true}
	for _, s := range ObligationStates {
		assert.True(t, src[s], "state %s has no case in TestArticle2States", s)
	}
	assert.Len(t, ObligationStates, len(src))
}

func TestArticle2Termination(t *testing.T) {
	c := fixtureCatalog()
	g := c.Agreement(agIOM)
	g.Termination = &Termination{GivenBy: orgIOM, NoticeOn: MustDate("2027-01-10"), NoticeMonths: 6}
	require.Equal(t, "2027-07-10", g.Termination.Effective().String())
	require.Equal(t, "2027-07-09", g.LastDayInForce().String())

	onDay := func(day string) Obligation {
		m := conference(t)
		d := MustDate(day)
		m.Start = time.Date(int(d.Year), time.Month(d.Month), int(d.Day), 9, 0, 0, 0, paris(t))
		m.End = m.Start.Add(8 * time.Hour)
		return only(t, Obligations(c, &m, nil, at(t, "2027-04-01")), orgIOM)
	}
	last := onDay("2027-07-09")
	assert.Equal(t, Owed, last.State, "a meeting on the agreement's last day still owes: %+v", last.Why)
	gone := onDay("2027-07-10")
	assert.Equal(t, NotOwed, gone.State)
	assert.Equal(t, "Art. 12.3", gone.Article)
	assert.Equal(t, WhyTerminated, gone.Why.Code)
	assert.Equal(t, "2027-07-10", c.Agreement(gone.AgreementID).Termination.Effective().String())
}

func TestArticle2FailedCondition(t *testing.T) {
	c := fixtureCatalog()
	g := c.Agreement(agIOM)
	g.InForceCondition, g.ConditionFailed = "approval by the General Assembly of INTERPOL", true
	m := conference(t)
	ob := only(t, Obligations(c, &m, nil, at(t, "2027-04-01")), orgIOM)
	assert.Equal(t, NotOwed, ob.State)
	assert.Equal(t, WhyConditionFailed, ob.Why.Code)
	assert.Contains(t, ob.Why.Text, "General Assembly")
}

func TestArticle2IncomingReciprocity(t *testing.T) {
	c := fixtureCatalog()
	m := conference(t)
	m.ConvenerID = orgIOM
	m.Zone = "Europe/Zurich"
	obs := Obligations(c, &m, nil, at(t, "2027-05-20"))
	ob := only(t, obs, orgINTERPOL)
	assert.True(t, ob.Incoming, "IOM's meeting owes us, INTERPOL")
	assert.Equal(t, "Art. 2.2", ob.Article)
	assert.Equal(t, Overdue, ob.State)
	assert.Equal(t, WhyOverdue, ob.Why.Code)
	assert.Equal(t, int64(orgIOM), ob.From)
}

func TestArticle2SeveralAgreements(t *testing.T) {
	c := fixtureCatalog()
	m := conference(t)
	m.Agenda = append(m.Agenda, AgendaItem{Title: "Synthetic drugs on shipping routes", AreaIDs: []int64{areaDrugs}})
	obs := Obligations(c, &m, nil, at(t, "2027-04-01"))
	require.Len(t, obs, 2)
	iom, unodc := only(t, obs, orgIOM), only(t, obs, orgUNODC)
	assert.Equal(t, Owed, iom.State)
	assert.Equal(t, int64(agIOM), iom.AgreementID)
	assert.Equal(t, "2027-05-12", iom.Due.String())
	assert.Equal(t, Owed, unodc.State)
	assert.Equal(t, int64(agUNODC), unodc.AgreementID)
	assert.Equal(t, "Art. 3", unodc.Article)
	assert.Equal(t, "2027-05-24", unodc.Due.String(), "UNODC's agreement has a 30-day lead time")
	assert.Equal(t, []int64{areaDrugs}, unodc.Areas)
}

func TestArticle2PartnersOwnMeetingsBetweenThemselvesIgnored(t *testing.T) {
	c := fixtureCatalog()
	// A third agreement between IOM and UNODC: not ours to track.
	c.Agreements = append(c.Agreements, Agreement{ID: 30, ShortName: "IOM–UNODC",
		Parties:  []Party{{OrgID: orgIOM, Article: "Art. 1"}, {OrgID: orgUNODC, Article: "Art. 1"}},
		SignedOn: MustDate("2010-01-01"), InForceFrom: MustDate("2010-01-01")})
	c.Reindex()
	m := conference(t)
	m.ConvenerID = orgIOM
	for _, ob := range Obligations(c, &m, nil, at(t, "2027-04-01")) {
		assert.NotEqual(t, int64(orgUNODC), ob.To, "an IOM→UNODC obligation is none of our business")
	}
}

func TestAllObligationsIsPerMeeting(t *testing.T) {
	c := fixtureCatalog()
	ms := make([]Meeting, 3)
	for i := range ms {
		ms[i] = conference(t)
		ms[i].ID = int64(i + 1)
	}
	ms[1].Status = StatusCancelled
	invs := [][]Invitation{2: {sentInvitation(orgIOM, 0, InvAccepted)}}
	all := AllObligations(c, ms, invs, at(t, "2027-04-01"))
	require.Len(t, all, 6, "one answer per meeting and partner (IOM, UNODC)")
	var obs []Obligation
	for _, ob := range all {
		if ob.To == orgIOM {
			obs = append(obs, ob)
		} else {
			assert.Contains(t, []ObligationState{NotOwed, Void}, ob.State, "UNODC's areas are not on these agendas")
		}
	}
	require.Len(t, obs, 3)
	assert.Equal(t, []ObligationState{Owed, Void, Accepted}, []ObligationState{obs[0].State, obs[1].State, obs[2].State})
	assert.Equal(t, []int64{1, 2, 3}, []int64{obs[0].MeetingID, obs[1].MeetingID, obs[2].MeetingID})
}
