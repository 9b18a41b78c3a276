package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

// withFocalPoints gives the template's placeholder focal points an address
// so that invitations can be written.
func withFocalPoints(t *testing.T, a *App) {
	ctx := context.Background()
	fps, err := a.st.FocalPoints(ctx)
	require.NoError(t, err)
	for i := range fps {
		fps[i].Placeholder, fps[i].Name = false, "Focal Point"
		require.NoError(t, a.st.UpdateFocalPoint(ctx, &fps[i]))
	}
}

func TestEmailIsADraftUntilTheOfficerSaysItWent(t *testing.T) {
	a, _ := newTestApp(t)
	withFocalPoints(t, a)
	m := saveMeeting(t, a)
	a.invitations.openMeeting(m.ID)
	ob := a.invitations.Rows()[0]
	dir := t.TempDir()
	r, err := exportInvitation(context.Background(), a.st, ob.MeetingID, ob.To, a.now(), filepath.Join(dir, "inv.ics"), filepath.Join(dir, "inv.eml"))
	require.NoError(t, err)
	a.invitations.askSent(ob, r)
	require.Len(t, a.dialogs, 1)
	msg := shownText(a.win.Canvas().Overlays().Top())
	assert.Contains(t, msg, "first invitation")
	assert.Contains(t, msg, "Mark as sent now?")
	assert.NotContains(t, msg, "REQUEST")

	typeKey(a, fyne.KeyEscape) // not yet
	a.invitations.openMeeting(m.ID)
	assert.Equal(t, model.Overdue, a.invitations.Rows()[0].State, "writing the e-mail does not record it as sent")

	a.invitations.askSent(ob, r)
	typeKey(a, fyne.KeyReturn)
	a.invitations.openMeeting(m.ID)
	assert.Equal(t, model.Sent, a.invitations.Rows()[0].State)
	assert.Contains(t, shownText(a.invitations.detail), "(first invitation, eml)")
}

func TestRecordReplyLeavesNeedsAction(t *testing.T) {
	a, _ := newTestApp(t)
	m := saveMeeting(t, a)
	now := a.now()
	a.Show("invitations")
	rows := a.invitations.Rows()
	require.Len(t, rows, 1, "the overdue invitation needs action")
	a.invitations.list.Select(0)
	assert.Equal(t, widget.HighImportance, findButton(t, a.invitations.detail, "Create e-mail (.eml)…").Importance, "sending is what is left")

	a.invitations.update(rows[0], func(inv *model.Invitation) error { return inv.MarkSent(now, m.Sequence, "eml") })
	require.Len(t, a.invitations.Rows(), 0, "a sent invitation leaves Needs action")

	a.invitations.openMeeting(m.ID)
	a.invitations.list.Select(0)
	assert.Equal(t, widget.HighImportance, findButton(t, a.invitations.detail, "Record reply…").Importance, "the reply is what is left")
	assert.Equal(t, widget.MediumImportance, findButton(t, a.invitations.detail, "Create e-mail (.eml)…").Importance)

	test.Tap(findButton(t, a.invitations.detail, "Record reply…"))
	f := a.invitations.lastReply
	require.NotNil(t, f)
	assert.Equal(t, "2027-03-01", f.day.Text(), "the reply arrived today unless said otherwise")
	f.day.SetText("2027-02-26")
	f.reps[0].SetText("Ana Pérez <ana.perez@iom.int>")
	test.Tap(findButton(t, a.win.Canvas().Overlays().Top(), "Add a representative"))
	require.Len(t, f.reps, 2)
	f.reps[1].SetText("Jean Martin <jmartin@iom.int>")
	typeKey(a, fyne.KeyReturn)
	require.Empty(t, a.dialogs)

	invs, err := a.st.Invitations(context.Background(), m.ID)
	require.NoError(t, err)
	require.Len(t, invs, 1)
	assert.Equal(t, model.InvAccepted, invs[0].State)
	assert.Equal(t, "2027-02-26", model.DateOf(invs[0].RepliedAt).String())
	assert.Len(t, invs[0].Representatives, 2)
}
