package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAtomicallyCommitsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)

	boom := errors.New("the file turned out to be broken")
	err := f.s.Atomically(ctx, func(st *Store) error {
		m := fullMeeting(t, f)
		m.UID = ""
		require.NoError(t, st.CreateMeeting(ctx, m))
		_, err := st.Meeting(ctx, m.ID) // reads see the transaction's own writes
		require.NoError(t, err)
		return boom
	})
	require.ErrorIs(t, err, boom)
	n, err := f.s.CountMeetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Equal(t, 0, n, "a failed batch leaves nothing")

	err = f.s.Atomically(ctx, func(st *Store) error {
		good := fullMeeting(t, f)
		good.UID = ""
		require.NoError(t, st.CreateMeeting(ctx, good))
		bad := fullMeeting(t, f)
		bad.UID, bad.Title = "", ""
		assert.ErrorIs(t, st.CreateMeeting(ctx, bad), model.ErrInvalid, "a refused change inside the batch")
		dup := fullMeeting(t, f)
		dup.UID = good.UID
		assert.ErrorIs(t, st.CreateMeeting(ctx, dup), model.ErrConflict, "rolled back to its savepoint, the batch goes on")
		return nil
	})
	require.NoError(t, err)
	n, err = f.s.CountMeetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Equal(t, 1, n, "the good change is committed, the refused ones left nothing")
}

// TestAtomicallyReadsTheCatalogAgainAfterItChanges: the catalog a
// transaction keeps for validating its meetings is read again after a
// change to organizations, and the statements it keeps see every change.
func TestAtomicallyReadsTheCatalogAgainAfterItChanges(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	start := mustTime(t, "2027-03-01T09:00:00Z")
	err := f.s.Atomically(ctx, func(st *Store) error {
		first := f.timedMeeting(t, start, "First")
		require.NoError(t, st.CreateMeeting(ctx, first)) // the catalog is read and kept
		o := &model.Organization{Acronym: "UNODC", Name: "United Nations Office on Drugs and Crime", Zone: "Europe/Vienna"}
		require.NoError(t, st.CreateOrganization(ctx, o))
		m := f.timedMeeting(t, start, "Convened by the new organization")
		m.ConvenerID = o.ID
		err := st.CreateMeeting(ctx, m)
		require.ErrorIs(t, err, model.ErrInvalid)
		assert.Contains(t, err.Error(), "not a party to any agreement", "the new organization is known to the validation")
		second := f.timedMeeting(t, start.Add(time.Hour), "Second")
		require.NoError(t, st.CreateMeeting(ctx, second))
		got, err := st.MeetingByUID(ctx, second.UID)
		require.NoError(t, err)
		assert.Equal(t, "Second", got.Title)
		got.Title = "Second, renamed"
		require.NoError(t, st.UpdateMeeting(ctx, got))
		again, err := st.MeetingByUID(ctx, second.UID)
		require.NoError(t, err)
		assert.Equal(t, "Second, renamed", again.Title, "a kept statement reads the transaction's latest writes")
		return nil
	})
	require.NoError(t, err)
	n, err := f.s.CountMeetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}
