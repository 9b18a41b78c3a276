package store

import (
	"context"
	"errors"
	"testing"

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
