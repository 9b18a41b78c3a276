package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

func TestMissedInvitationIsRecordedAfterTheFact(t *testing.T) {
	a, st := newTestApp(t)
	e := fillNewMeeting(t, a)
	// It began on 22 February; testNow is 1 March; nothing was sent.
	e.startDate.SetDate(day(2027, 2, 22))
	e.endDate.SetDate(day(2027, 2, 23))
	require.NoError(t, e.Err)
	test.Tap(e.save)

	a.Show("dashboard")
	d := a.dashboard
	assert.Empty(t, d.items[secOutgoing], "a missed invitation is not an action any more")
	require.Len(t, d.items[secMissed], 1)
	assert.Equal(t, "Missed", d.items[secMissed][0].State)
	assert.Contains(t, shownText(d.body), "Missed: the meeting began before the invitation went")

	test.Tap(findButton(t, d.body, "Record why…"))
	require.Len(t, a.dialogs, 1)
	require.NotNil(t, d.lastWhy)
	a.win.Canvas().Focus(d.lastWhy)
	typeKey(a, fyne.KeyReturn) // a multi-line field keeps Enter; and an empty reason cannot be recorded
	require.Len(t, a.dialogs, 1)
	test.Type(d.lastWhy, "IOM attended as a panellist, invited by the host")
	test.Tap(findButton(t, a.win.Canvas().Overlays().Top(), "Record"))
	require.Empty(t, a.dialogs)

	assert.Empty(t, d.items[secMissed], "recorded: no longer listed as missed")
	ms, err := st.Meetings(context.Background(), filterAll())
	require.NoError(t, err)
	invs, err := st.Invitations(context.Background(), ms[0].ID)
	require.NoError(t, err)
	require.Len(t, invs, 1)
	assert.Equal(t, model.InvWaived, invs[0].State)
	assert.Contains(t, invs[0].WaiveReason, "IOM attended as a panellist")
}
