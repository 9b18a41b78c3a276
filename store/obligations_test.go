package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObligationsDashboard(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	now := mustTime(t, "2027-03-01T09:00:00+01:00")
	day := func(n int) time.Time { return now.AddDate(0, 0, n) }

	owed := f.timedMeeting(t, day(90), "Owed, due in 48 days")
	overdue := f.timedMeeting(t, day(20), "Overdue")
	noIGO := f.timedMeeting(t, day(30), "No IGOs")
	noIGO.IGOsInvited = false
	review := f.timedMeeting(t, day(60), "No areas yet")
	review.AreaIDs, review.Agenda = nil, nil
	incoming := f.timedMeeting(t, day(10), "INTERPOL convenes")
	incoming.ConvenerID = f.interpol
	cancelled := f.timedMeeting(t, day(50), "Cancelled after sending")
	past := f.timedMeeting(t, day(-500), "Long ago")
	far := f.timedMeeting(t, day(600), "Beyond the horizon")
	batch := []model.Meeting{*owed, *overdue, *noIGO, *review, *incoming, *cancelled, *past, *far}
	require.NoError(t, f.s.CreateMeetings(ctx, batch))
	for i, m := range []*model.Meeting{owed, overdue, noIGO, review, incoming, cancelled, past, far} {
		*m = batch[i]
	}
	_, err := f.s.MarkSent(ctx, cancelled.ID, f.interpol, day(-5), 0, "ics")
	require.NoError(t, err)
	_, err = f.s.CancelMeeting(ctx, cancelled.ID)
	require.NoError(t, err)

	all, err := f.s.Obligations(ctx, now, ObligationFilter{})
	require.NoError(t, err)
	state := map[int64]model.ObligationState{}
	for _, ob := range all {
		state[ob.MeetingID] = ob.State
	}
	assert.Equal(t, map[int64]model.ObligationState{
		owed.ID: model.Owed, overdue.ID: model.Overdue, noIGO.ID: model.NotOwed, review.ID: model.Review,
		incoming.ID: model.Overdue, cancelled.ID: model.Void,
	}, state, "the window leaves out the meeting of long ago and the one beyond the horizon")
	assert.Equal(t, model.Overdue, all[0].State, "most urgent first")

	// The SQL prefilter for action states gives exactly the rule's answers.
	action, err := f.s.Obligations(ctx, now, ObligationFilter{States: ActionStates})
	require.NoError(t, err)
	var want []model.Obligation
	for _, ob := range all {
		if slices.Contains(ActionStates, ob.State) {
			want = append(want, ob)
		}
	}
	assert.Equal(t, want, action)

	out, err := f.s.Obligations(ctx, now, ObligationFilter{Direction: Outgoing, States: []model.ObligationState{model.Overdue}})
	require.NoError(t, err)
	require.Len(t, out, 1)
	assert.Equal(t, overdue.ID, out[0].MeetingID)
	assert.Equal(t, model.MustDate("2027-03-21").AddDays(-42), out[0].Due)
	in, err := f.s.Obligations(ctx, now, ObligationFilter{Direction: Incoming})
	require.NoError(t, err)
	require.Len(t, in, 1)
	assert.Equal(t, incoming.ID, in[0].MeetingID)
	assert.True(t, in[0].Incoming)

	wide, err := f.s.Obligations(ctx, now, ObligationFilter{From: day(-1000), To: day(1000), States: []model.ObligationState{model.Overdue, model.Owed}})
	require.NoError(t, err)
	ids := []int64{}
	for _, ob := range wide {
		ids = append(ids, ob.MeetingID)
	}
	assert.ElementsMatch(t, []int64{owed.ID, overdue.ID, incoming.ID, far.ID}, ids)
	// The meeting of long ago began without its invitation: missed, not
	// overdue for ever.
	missed, err := f.s.Obligations(ctx, now, ObligationFilter{From: day(-1000), To: day(1000), States: []model.ObligationState{model.Missed}})
	require.NoError(t, err)
	require.Len(t, missed, 1)
	assert.Equal(t, past.ID, missed[0].MeetingID)
	assert.Equal(t, model.WhyMissed, missed[0].Why.Code)

	// Deleted meetings owe nothing.
	require.NoError(t, f.s.DeleteMeeting(ctx, overdue.ID))
	out, err = f.s.Obligations(ctx, now, ObligationFilter{Direction: Outgoing, States: []model.ObligationState{model.Overdue}})
	require.NoError(t, err)
	assert.Empty(t, out)
}

// The SQL prefilter for ActionStates must never drop a meeting the rule
// would list: compare it with the rule over every meeting, on meetings
// built to sit on each edge of the prefilter.
func TestActionPrefilterIsExact(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	now := mustTime(t, "2027-03-01T09:00:00+01:00")
	day := func(n int) time.Time { return now.AddDate(0, 0, n) }
	mk := func(n int, title string, edit func(m *model.Meeting)) *model.Meeting {
		m := f.timedMeeting(t, day(n), title)
		edit(m)
		require.NoError(t, f.s.CreateMeeting(ctx, m))
		return m
	}
	sentThenChanged := mk(30, "sent, then IGOs dropped and moved", func(*model.Meeting) {})
	settled := mk(40, "sent for the current version", func(*model.Meeting) {})
	waived := mk(45, "waived", func(*model.Meeting) {})
	partners := mk(50, "INTERPOL's, we were invited", func(m *model.Meeting) { m.ConvenerID = f.interpol })
	partnersOwed := mk(55, "INTERPOL's, nothing received", func(m *model.Meeting) { m.ConvenerID = f.interpol })
	replied := mk(60, "reply recorded without sending", func(*model.Meeting) {})
	excluded := mk(65, "observers excluded, sent earlier, then moved", func(m *model.Meeting) {})
	begun := mk(-2, "begun two days ago, never sent", func(*model.Meeting) {})
	begunChanged := mk(-3, "begun, sent, then changed", func(*model.Meeting) {})
	begunReview := mk(-4, "begun with no area ever given", func(m *model.Meeting) { m.AreaIDs, m.Agenda = nil, nil })

	_, err := f.s.MarkSent(ctx, sentThenChanged.ID, f.interpol, day(-10), 0, "ics")
	require.NoError(t, err)
	sentThenChanged.IGOsInvited = false
	sentThenChanged.Start, sentThenChanged.End = sentThenChanged.Start.Add(time.Hour), sentThenChanged.End.Add(time.Hour)
	require.NoError(t, f.s.UpdateMeeting(ctx, sentThenChanged))
	_, err = f.s.MarkSent(ctx, settled.ID, f.interpol, day(-10), 0, "ics")
	require.NoError(t, err)
	_, err = f.s.Waive(ctx, waived.ID, f.interpol, day(-10), "not this time")
	require.NoError(t, err)
	_, err = f.s.MarkSent(ctx, partners.ID, f.iom, day(-10), 0, "ics")
	require.NoError(t, err)
	_, err = f.s.RecordReply(ctx, replied.ID, f.interpol, model.Reply{At: day(-3), State: model.InvAccepted})
	require.ErrorIs(t, err, model.ErrInvalid, "a reply to an invitation never sent is refused: it stays owed")
	_, err = f.s.MarkSent(ctx, excluded.ID, f.interpol, day(-10), 0, "ics")
	require.NoError(t, err)
	excluded.ObserversExcluded, excluded.ExclusionReason = true, "Rule 4"
	excluded.Venue.City = "Bern"
	require.NoError(t, f.s.UpdateMeeting(ctx, excluded))

	_, err = f.s.MarkSent(ctx, begunChanged.ID, f.interpol, day(-40), 0, "ics")
	require.NoError(t, err)
	begunChanged.Venue.City = "Bern"
	require.NoError(t, f.s.UpdateMeeting(ctx, begunChanged))

	all, err := f.s.Obligations(ctx, now, ObligationFilter{})
	require.NoError(t, err)
	for _, ob := range all {
		if ob.MeetingID == begun.ID || ob.MeetingID == begunReview.ID {
			assert.Equal(t, model.Missed, ob.State, "a begun meeting never invited to is missed, not an action")
		}
	}
	var want []model.Obligation
	for _, ob := range all {
		if slices.Contains(ActionStates, ob.State) {
			want = append(want, ob)
		}
	}
	got, err := f.s.Obligations(ctx, now, ObligationFilter{States: ActionStates})
	require.NoError(t, err)
	assert.Equal(t, want, got)
	byMeeting := map[int64]model.ObligationState{}
	for _, ob := range got {
		byMeeting[ob.MeetingID] = ob.State
	}
	assert.Equal(t, map[int64]model.ObligationState{
		sentThenChanged.ID: model.UpdateOwed, partnersOwed.ID: model.Owed, replied.ID: model.Owed, excluded.ID: model.UpdateOwed,
		begunChanged.ID: model.UpdateOwed,
	}, byMeeting)
}
