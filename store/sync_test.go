package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChangesSinceSeesEditsAndTombstones(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	clock := mustTime(t, "2027-01-01T10:00:00Z")
	f.s.now = func() time.Time { clock = clock.Add(500 * time.Millisecond); return clock }

	a := f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "a")
	b := f.timedMeeting(t, mustTime(t, "2027-04-13T09:00:00+02:00"), "b")
	require.NoError(t, f.s.CreateMeeting(ctx, a))
	require.NoError(t, f.s.CreateMeeting(ctx, b))
	mark := clock
	// Half-second steps: "…:00.5Z" must sort after "…:00Z" (fixed-width text).
	require.NoError(t, f.s.DeleteMeeting(ctx, a.ID))
	inv, err := f.s.MarkSent(ctx, b.ID, f.interpol, clock, b.Sequence, "ics")
	require.NoError(t, err)

	changes, err := f.s.ChangesSince(ctx, mark)
	require.NoError(t, err)
	require.Len(t, changes, 2)
	assert.Equal(t, Change{Kind: "meeting", ID: a.ID, UID: a.UID, Version: 2, Sequence: 0, Modified: changes[0].Modified, Deleted: true}, changes[0])
	assert.Equal(t, "invitation", changes[1].Kind)
	assert.Equal(t, inv.ID, changes[1].ID)
	assert.NotEmpty(t, changes[1].UID)
	assert.True(t, changes[0].Modified.Before(changes[1].Modified))

	all, err := f.s.ChangesSince(ctx, time.Time{})
	require.NoError(t, err)
	assert.Len(t, all, 3, "both meetings (one a tombstone), once each, and the invitation")
}
