package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	_ "time/tzdata"
)

// fixture is a migrated, seeded database in t.TempDir(), with us = IOM.
type fixture struct {
	s                *Store
	c                *model.Catalog
	interpol, iom    int64
	agreement        *model.Agreement
	borderSec, fraud int64 // two areas of the agreement
	training, tech   int64
}

func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "liaison.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	s := newStore(t)
	require.NoError(t, s.Seed(ctx, "interpol-iom-2014", "IOM"))
	c, err := s.Catalog(ctx)
	require.NoError(t, err)
	f := &fixture{s: s, c: c, agreement: &c.Agreements[0]}
	ip, err := c.OrgByAcronym("org", "INTERPOL")
	require.NoError(t, err)
	iom, err := c.OrgByAcronym("org", "IOM")
	require.NoError(t, err)
	f.interpol, f.iom = ip.ID, iom.ID
	area := func(name string) int64 {
		a := f.agreement.AreaByName(name)
		require.NotNil(t, a, name)
		return a.ID
	}
	f.borderSec = area("Border security")
	f.fraud = area("Travel document fraud")
	f.training = area("Training for border and migration management officials")
	f.tech = area("The use of technology, software and systems")
	return f
}

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := model.LoadZone(name)
	require.NoError(t, err)
	return loc
}

// timedMeeting is a valid IOM meeting in Geneva that owes INTERPOL an
// invitation: IGOs invited, border security on the agenda.
func (f *fixture) timedMeeting(t testing.TB, start time.Time, title string) *model.Meeting {
	loc := zone(t, "Europe/Zurich")
	return &model.Meeting{
		Title: title, Kind: model.KindConference, ConvenerID: f.iom,
		Start: start.In(loc), End: start.In(loc).Add(8 * time.Hour), Zone: "Europe/Zurich",
		Venue:       model.Venue{Name: "Palais des Nations", City: "Geneva", Country: "CH"},
		IGOsInvited: true, Status: model.StatusPlanned, Confidentiality: model.PartiesOnly,
		AreaIDs: []int64{f.borderSec},
		Agenda:  []model.AgendaItem{{Title: "Document fraud trends", AreaIDs: []int64{f.fraud}}},
	}
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

// sameMeeting asserts that two meetings are equal field by field, times
// compared as instants and zones by name.
func sameMeeting(t testing.TB, want, got *model.Meeting) {
	t.Helper()
	require.NotNil(t, got)
	assert.True(t, want.Start.Equal(got.Start), "start: want %s, got %s", want.Start, got.Start)
	assert.True(t, want.End.Equal(got.End), "end: want %s, got %s", want.End, got.End)
	assert.True(t, want.Created.Equal(got.Created), "created")
	assert.True(t, want.Modified.Equal(got.Modified), "modified")
	if !want.AllDay {
		assert.Equal(t, want.Zone, got.Start.Location().String(), "start is given in the meeting's zone")
		assert.Equal(t, want.Start.Format(time.RFC3339Nano), got.Start.Format(time.RFC3339Nano), "same wall clock and offset")
	}
	w, g := *want, *got
	w.Start, w.End, w.Created, w.Modified = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	g.Start, g.End, g.Created, g.Modified = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	assert.Equal(t, w, g)
}
