package store

import (
	"context"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newSeries(t *testing.T, f *fixture) *model.ConsultationSeries {
	zurich := zone(t, "Europe/Zurich")
	return &model.ConsultationSeries{
		AgreementID: f.agreement.ID, Title: "Secretariats' consultation",
		Start: time.Date(2027, 3, 16, 10, 0, 0, 0, zurich), Duration: 3 * time.Hour, Zone: "Europe/Zurich",
		RRule:           "FREQ=MONTHLY;INTERVAL=6;BYDAY=3TU",
		VenueRotation:   []model.Venue{{Name: "INTERPOL General Secretariat", City: "Lyon", Country: "FR"}, {Name: "IOM HQ", City: "Geneva", Country: "CH"}},
		Confidentiality: model.PartiesOnly,
		Notes:           "internal",
	}
}

func TestConsultationSeriesAndOccurrences(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	cs := newSeries(t, f)
	require.NoError(t, f.s.CreateSeries(ctx, cs))
	assert.NotZero(t, cs.ID)
	assert.NotEmpty(t, cs.UID)
	assert.Equal(t, 1, cs.Version)

	got, err := f.s.Series(ctx, cs.ID)
	require.NoError(t, err)
	assert.True(t, got.Start.Equal(cs.Start))
	assert.Equal(t, "Europe/Zurich", got.Start.Location().String())
	assert.Equal(t, cs.VenueRotation, got.VenueRotation)
	assert.Equal(t, cs.Duration, got.Duration)
	assert.Equal(t, cs.RRule, got.RRule)

	ins, err := got.Instances(cs.Start, cs.Start.AddDate(2, 0, 0))
	require.NoError(t, err)
	require.Len(t, ins, 4)
	first, second := ins[0], ins[1]
	assert.Equal(t, "Lyon", first.Venue.City)

	held := &model.Occurrence{
		OriginalStart: first.OriginalStart, Held: true, Minutes: "Agreed on a joint training.",
		Agenda:      []model.AgendaItem{{Title: "Joint training", AreaIDs: []int64{f.training}}},
		Outcomes:    []string{"Joint training in 2028", "Exchange of contact lists"},
		ActionItems: []model.ActionItem{{Text: "Draft the training plan", OwnerOrg: f.interpol, Due: model.MustDate("2027-06-30")}, {Text: "Share the list", OwnerOrg: f.iom, Done: true, DoneOn: model.MustDate("2027-04-01")}},
	}
	require.NoError(t, f.s.SaveOccurrence(ctx, cs.ID, held))
	assert.NotZero(t, held.ID)
	assert.NotZero(t, held.ActionItems[0].ID)
	geneva := model.Venue{Name: "Palais des Nations", City: "Geneva", Country: "CH"}
	moved := &model.Occurrence{OriginalStart: second.OriginalStart, Start: second.OriginalStart.AddDate(0, 0, 2), End: second.OriginalStart.AddDate(0, 0, 2).Add(2 * time.Hour), Venue: &geneva}
	require.NoError(t, f.s.SaveOccurrence(ctx, cs.ID, moved))

	got, err = f.s.Series(ctx, cs.ID)
	require.NoError(t, err)
	assert.Equal(t, 3, got.Version)
	assert.Equal(t, 1, got.Sequence, "moving an occurrence changes the schedule partners hold")
	require.Len(t, got.Occurrences, 2)
	g0 := got.Occurrences[0]
	assert.True(t, g0.OriginalStart.Equal(held.OriginalStart))
	assert.Equal(t, held.Outcomes, g0.Outcomes)
	assert.Equal(t, held.ActionItems, g0.ActionItems)
	assert.Equal(t, held.Agenda, g0.Agenda)
	assert.Equal(t, held.Minutes, g0.Minutes)
	assert.Nil(t, g0.Venue)
	g1 := got.Occurrences[1]
	assert.True(t, g1.Start.Equal(moved.Start) && g1.End.Equal(moved.End))
	require.NotNil(t, g1.Venue)
	assert.Equal(t, geneva, *g1.Venue)

	ins, err = got.Instances(cs.Start, cs.Start.AddDate(2, 0, 0))
	require.NoError(t, err)
	assert.True(t, ins[0].Held())
	assert.True(t, ins[1].Start.Equal(moved.Start), "the moved occurrence is where it now falls")

	// Saving the same occurrence again replaces it, keeping its IDs.
	held.ActionItems[0].Done, held.ActionItems[0].DoneOn = true, model.MustDate("2027-06-01")
	held.ActionItems = append(held.ActionItems, model.ActionItem{Text: "Book the room", OwnerOrg: f.iom})
	require.NoError(t, f.s.SaveOccurrence(ctx, cs.ID, held))
	got, err = f.s.Series(ctx, cs.ID)
	require.NoError(t, err)
	require.Len(t, got.Occurrences, 2)
	assert.Equal(t, held.ID, got.Occurrences[0].ID)
	assert.Equal(t, 1, got.Sequence, "minutes are not a change of schedule")

	// Carrying an open item over to the next consultation makes a new item.
	next := &model.Occurrence{OriginalStart: ins[2].OriginalStart, ActionItems: []model.ActionItem{held.ActionItems[2]}}
	require.NoError(t, f.s.SaveOccurrence(ctx, cs.ID, next))
	assert.NotEqual(t, held.ActionItems[2].ID, next.ActionItems[0].ID)
	require.NoError(t, f.s.SaveOccurrence(ctx, cs.ID, &model.Occurrence{OriginalStart: ins[2].OriginalStart}))

	open, err := f.s.OpenActionItems(ctx)
	require.NoError(t, err)
	require.Len(t, open, 1)
	assert.Equal(t, "Book the room", open[0].Text)
	assert.Equal(t, cs.ID, open[0].SeriesID)
	assert.True(t, open[0].OriginalStart.Equal(first.OriginalStart))

	alert, ok, err := model.Cadence(f.agreement, []*model.ConsultationSeries{got}, model.MustDate("2027-08-01"))
	require.NoError(t, err)
	assert.False(t, ok, "held in March 2027, so no alert in August: %+v", alert)

	list, err := f.s.SeriesList(ctx)
	require.NoError(t, err)
	require.Len(t, list, 1)
}

func TestSeriesRefusals(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	bad := newSeries(t, f)
	bad.RRule = "FREQ=MONTHLY;BYSETPOS=1;BYDAY=TU"
	require.ErrorIs(t, f.s.CreateSeries(ctx, bad), model.ErrInvalid)
	assert.Zero(t, bad.ID)
	list, err := f.s.SeriesList(ctx)
	require.NoError(t, err)
	assert.Empty(t, list)

	cs := newSeries(t, f)
	require.NoError(t, f.s.CreateSeries(ctx, cs))
	old := *cs
	cs.Title = "Renamed"
	require.NoError(t, f.s.UpdateSeries(ctx, cs))
	assert.Equal(t, 0, cs.Sequence)
	old.Title = "stale"
	assert.ErrorIs(t, f.s.UpdateSeries(ctx, &old), model.ErrConflict)
	cs.RRule = "FREQ=YEARLY"
	require.NoError(t, f.s.UpdateSeries(ctx, cs))
	assert.Equal(t, 1, cs.Sequence)

	err = f.s.SaveOccurrence(ctx, cs.ID, &model.Occurrence{OriginalStart: cs.Start, ActionItems: []model.ActionItem{{Text: "", OwnerOrg: 999}}})
	assert.ErrorIs(t, err, model.ErrInvalid)
	assert.ErrorIs(t, f.s.SaveOccurrence(ctx, 999, &model.Occurrence{OriginalStart: cs.Start}), model.ErrNotFound)

	require.NoError(t, f.s.DeleteSeries(ctx, cs.ID))
	_, err = f.s.Series(ctx, cs.ID)
	assert.ErrorIs(t, err, model.ErrNotFound)
	assert.ErrorIs(t, f.s.DeleteSeries(ctx, cs.ID), model.ErrNotFound)
}
