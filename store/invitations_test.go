package store

import (
	"context"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvitationFlowWithHistory(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	start := mustTime(t, "2027-06-14T09:00:00+02:00")
	m := f.timedMeeting(t, start, "Border management conference")
	require.NoError(t, f.s.CreateMeeting(ctx, m))

	_, err := f.s.Invitation(ctx, m.ID, f.interpol)
	assert.ErrorIs(t, err, model.ErrNotFound)
	invs, err := f.s.Invitations(ctx, m.ID)
	require.NoError(t, err)
	assert.Empty(t, invs)

	sentAt := mustTime(t, "2027-04-20T10:00:00+02:00")
	inv, err := f.s.MarkSent(ctx, m.ID, f.interpol, sentAt, m.Sequence, "ics")
	require.NoError(t, err)
	assert.NotZero(t, inv.ID)
	assert.Equal(t, f.agreement.ID, inv.AgreementID, "the agreement binding IOM and INTERPOL")
	assert.Equal(t, f.iom, inv.FromOrgID)
	assert.Equal(t, model.InvSent, inv.State)
	assert.Equal(t, 1, inv.Version)

	reps := []model.Representative{{Name: "A. Officer", Email: "a.officer@interpol.int", Role: "Head of delegation"}, {Name: "B. Expert"}}
	replyAt := mustTime(t, "2027-05-02T15:04:05Z")
	inv, err = f.s.RecordReply(ctx, m.ID, f.interpol, model.Reply{At: replyAt, State: model.InvAccepted, Representatives: reps})
	require.NoError(t, err)
	assert.Equal(t, model.InvAccepted, inv.State)
	assert.Equal(t, 2, inv.Version)

	got, err := f.s.Invitation(ctx, m.ID, f.interpol)
	require.NoError(t, err)
	got.Modified, inv.Modified = got.Modified.UTC(), inv.Modified.UTC()
	assert.Equal(t, *inv, *got)
	require.Len(t, got.History, 2)
	assert.Equal(t, "sent", got.History[0].Action)
	assert.True(t, got.History[0].At.Equal(sentAt))
	assert.Equal(t, model.InvSent, got.History[0].State)
	assert.Equal(t, "reply", got.History[1].Action)
	assert.Contains(t, got.History[1].Note, "A. Officer")
	assert.Equal(t, reps, got.Representatives)

	// The meeting moves: the rule now says update owed; the update goes out.
	m.Start, m.End = m.Start.AddDate(0, 0, 1), m.End.AddDate(0, 0, 1)
	require.NoError(t, f.s.UpdateMeeting(ctx, m))
	obs, err := f.s.Obligations(ctx, mustTime(t, "2027-05-10T08:00:00Z"), ObligationFilter{})
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.Equal(t, model.UpdateOwed, obs[0].State)
	assert.Equal(t, got.ID, obs[0].InvitationID)
	inv, err = f.s.MarkSent(ctx, m.ID, f.interpol, mustTime(t, "2027-05-10T09:00:00Z"), m.Sequence, "eml")
	require.NoError(t, err)
	assert.Equal(t, "update sent", inv.History[2].Action)
	assert.Equal(t, model.InvAccepted, inv.State, "the partner's answer stands")

	// A refused change (fn fails) writes nothing.
	_, err = f.s.RecordReply(ctx, m.ID, f.interpol, model.Reply{At: replyAt, State: model.InvSent, Sequence: 1, HasSequence: true})
	require.ErrorIs(t, err, model.ErrInvalid)
	got, err = f.s.Invitation(ctx, m.ID, f.interpol)
	require.NoError(t, err)
	assert.Len(t, got.History, 3)
	assert.Equal(t, 3, got.Version)

	byMeeting, err := f.s.InvitationsByMeeting(ctx, []int64{m.ID, 999})
	require.NoError(t, err)
	assert.Len(t, byMeeting[m.ID], 1)
	assert.NotContains(t, byMeeting, int64(999))
}

func TestWaiveAndReopen(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	m := f.timedMeeting(t, mustTime(t, "2027-06-14T09:00:00+02:00"), "Closed session")
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	at := mustTime(t, "2027-04-01T09:00:00Z")

	_, err := f.s.Waive(ctx, m.ID, f.interpol, at, " ")
	require.ErrorIs(t, err, model.ErrInvalid, "a waiver needs a reason")
	_, err = f.s.Invitation(ctx, m.ID, f.interpol)
	require.ErrorIs(t, err, model.ErrNotFound, "the refused waiver created nothing")

	inv, err := f.s.Waive(ctx, m.ID, f.interpol, at, "INTERPOL confirmed it will not attend")
	require.NoError(t, err)
	assert.Equal(t, model.InvWaived, inv.State)
	obs, err := f.s.Obligations(ctx, at, ObligationFilter{States: []model.ObligationState{model.Waived}})
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.Contains(t, obs[0].Why.Text, "will not attend")

	_, err = f.s.MarkSent(ctx, m.ID, f.interpol, at, 0, "ics")
	assert.ErrorIs(t, err, model.ErrInvalid, "a waived invitation must be reopened first")

	inv, err = f.s.Reopen(ctx, m.ID, f.interpol, at.Add(time.Hour), "changed their mind")
	require.NoError(t, err)
	assert.Equal(t, model.InvOwed, inv.State)
	assert.Empty(t, inv.WaiveReason)
	require.Len(t, inv.History, 2)
}

func TestInvitationRefusals(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	m := f.timedMeeting(t, mustTime(t, "2027-06-14T09:00:00+02:00"), "x")
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	at := mustTime(t, "2027-04-01T09:00:00Z")
	_, err := f.s.MarkSent(ctx, m.ID, f.iom, at, 0, "ics")
	assert.ErrorIs(t, err, model.ErrInvalid, "the convener does not invite itself")
	_, err = f.s.MarkSent(ctx, m.ID, 4242, at, 0, "ics")
	assert.ErrorIs(t, err, model.ErrInvalid)
	_, err = f.s.MarkSent(ctx, 4242, f.interpol, at, 0, "ics")
	assert.ErrorIs(t, err, model.ErrNotFound)
	_, err = f.s.Invitations(ctx, 4242)
	assert.ErrorIs(t, err, model.ErrNotFound)

	unhcr := &model.Organization{Acronym: "UNHCR", Name: "UN Refugee Agency", Zone: "Europe/Zurich"}
	require.NoError(t, f.s.CreateOrganization(ctx, unhcr))
	_, err = f.s.MarkSent(ctx, m.ID, unhcr.ID, at, 0, "ics")
	require.ErrorIs(t, err, model.ErrInvalid)
	assert.Contains(t, err.Error(), "not parties to a common agreement")
}
