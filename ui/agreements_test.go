package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

func TestTerminationCountdown(t *testing.T) {
	a, st := newTestApp(t)
	a.Show("agreements")
	require.NotEmpty(t, a.agreements.detail.Objects)
	assert.Contains(t, labelsText(a.agreements.detail), "No notice of termination given.")

	ctx := context.Background()
	g := a.cat.Agreements[0]
	g.Termination = &model.Termination{GivenBy: g.Parties[1].OrgID, NoticeOn: model.MustDate("2027-01-15"), NoticeMonths: 6}
	require.NoError(t, st.UpdateAgreement(ctx, &g))
	a.loadCatalog(nil)
	a.Show("agreements")
	txt := labelsText(a.agreements.detail)
	assert.Contains(t, txt, "Takes effect on 2027-07-15")
	assert.Contains(t, txt, "136 days left") // from 1 March 2027

	// A meeting after that day owes nothing: the agreement no longer binds.
	e := fillNewMeeting(t, a)
	e.startDate.SetDate(day(2027, 8, 2))
	e.endDate.SetDate(day(2027, 8, 2))
	require.Len(t, e.Obligations, 1)
	assert.Equal(t, model.NotOwed, e.Obligations[0].State)
	assert.Equal(t, "Art. 12.3", e.Obligations[0].Article)
}

func TestThemeAndZoneChoicesAreKept(t *testing.T) {
	a, _ := newTestApp(t)
	a.Show("settings")
	s := a.settings
	assert.Equal(t, "Europe/Paris", s.hqZone.Text, "defaults to our headquarters' zone")
	s.theme.SetSelected(s.theme.Options[2])
	assert.Equal(t, "dark", a.fa.Preferences().String(prefTheme))
	s.hqZone.SetText("Asia/Singapore")
	test.Tap(s.saveZone)
	assert.Equal(t, "Asia/Singapore", a.cat.HQZoneName(), "kept as our organization's zone, which the command line reads too")
	c, err := a.st.Catalog(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Asia/Singapore", c.Us().Zone)
	s.hqZone.SetText("Asia/Nowhere")
	test.Tap(s.saveZone)
	assert.Equal(t, "Asia/Singapore", a.cat.HQZoneName(), "an unknown zone is not kept")
	assert.NotNil(t, a.win.Canvas().Overlays().Top(), "and the error says why")
	s.paper.SetSelected("Letter")
	assert.Equal(t, "Letter", a.fa.Preferences().String(prefPaper))
}
