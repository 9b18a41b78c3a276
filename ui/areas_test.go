package ui

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

// The areas are set in one place, the agenda items; the meeting shows
// their union by name, and areas an older record set on the meeting
// itself become an item of their own.
func TestAreasLiveOnTheAgendaItems(t *testing.T) {
	a, st := newTestApp(t)
	e := fillNewMeeting(t, a)
	assert.Equal(t, "• Border security", e.areaNames.Text)
	assert.Equal(t, "Border security", e.agenda[0].btn.Text, "the item's button names its areas")
	setAgendaAreas(t, e, "Travel document fraud", "Border security")
	assert.Equal(t, "• Border security\n• Travel document fraud", e.areaNames.Text)

	c := a.cat
	g := c.Agreements[0]
	start := time.Date(2027, 6, 7, 9, 0, 0, 0, mustZone("Europe/Paris"))
	m := &model.Meeting{Title: "Older record", Kind: model.KindMeeting, ConvenerID: c.Us().ID, Zone: "Europe/Paris",
		Start: start, End: start.Add(8 * time.Hour), IGOsInvited: true, Status: model.StatusPlanned,
		Confidentiality: model.PartiesOnly, AreaIDs: []int64{g.AreaByName("Travel document fraud").ID}}
	require.NoError(t, st.CreateMeeting(context.Background(), m))
	e.dirty = false
	a.meetings.open(m.ID)
	e = a.meetings.editor
	require.Len(t, e.agenda, 1)
	assert.Equal(t, "The meeting as a whole", e.agenda[0].title.Text)
	assert.Equal(t, "• Travel document fraud", e.areaNames.Text)
	require.Len(t, e.Obligations, 1)
	assert.Equal(t, model.Owed, e.Obligations[0].State, "the moved areas still count for Article 2")
}
