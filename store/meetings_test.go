package store

import (
	"context"
	"crypto/sha256"
	"os"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fullMeeting(t *testing.T, f *fixture) *model.Meeting {
	zurich := zone(t, "Europe/Zurich")
	return &model.Meeting{
		Title: "Regional conference on border management", Kind: model.KindConference, ConvenerID: f.iom,
		// Across the spring DST change (28 March 2027 in Switzerland).
		Start: time.Date(2027, 3, 27, 9, 30, 15, 500, zurich), End: time.Date(2027, 3, 29, 17, 0, 0, 0, zurich), Zone: "Europe/Zurich",
		Venue:       model.Venue{Name: "CICG", Address: "17 rue de Varembé", City: "Geneva", Country: "CH", OnlineURL: "https://meet.example.org/room"},
		IGOsInvited: true, ObserversExcluded: true, ExclusionReason: "Rule 12 of the rules of procedure",
		AreaIDs: []int64{f.training, f.borderSec},
		Agenda: []model.AgendaItem{
			{Title: "Opening", AreaIDs: []int64{}},
			{Title: "Fraudulent documents", AreaIDs: []int64{f.fraud, f.tech}},
		},
		InterestMarks:   []model.InterestMark{{OrgID: f.interpol, Note: "asked by the Secretary General"}},
		Status:          model.StatusConfirmed,
		Confidentiality: model.Internal,
		Background:      "Third edition.",
		Notes:           "Internal: budget line 42.",
	}
}

func TestMeetingRoundTripKeepsEveryField(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	now := time.Date(2026, 11, 27, 9, 0, 0, 123000000, time.UTC)
	f.s.now = func() time.Time { return now }

	m := fullMeeting(t, f)
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	assert.NotZero(t, m.ID)
	assert.Regexp(t, `^[0-9a-f-]{36}@liaison$`, m.UID)
	assert.Equal(t, 0, m.Sequence)
	assert.Equal(t, 1, m.Version)
	assert.True(t, m.Created.Equal(now) && m.Modified.Equal(now))
	assert.NotZero(t, m.Agenda[0].ID)

	got, err := f.s.Meeting(ctx, m.ID)
	require.NoError(t, err)
	sameMeeting(t, m, got)
	_, offStart := got.Start.Zone()
	_, offEnd := got.End.Zone()
	assert.Equal(t, 3600, offStart, "CET before the change")
	assert.Equal(t, 7200, offEnd, "CEST after the change")

	byUID, err := f.s.MeetingByUID(ctx, m.UID)
	require.NoError(t, err)
	sameMeeting(t, m, byUID)

	// Whole-day, in another zone, and a timed meeting at the repeated hour
	// of the autumn change (02:30 happens twice on 31 October 2027).
	allDay := &model.Meeting{Title: "Training week", Kind: model.KindTraining, ConvenerID: f.interpol, AllDay: true,
		FirstDay: model.MustDate("2027-06-07"), LastDay: model.MustDate("2027-06-11"), Zone: "Asia/Singapore",
		Status: model.StatusPlanned, Confidentiality: model.Public, AreaIDs: []int64{}, Agenda: []model.AgendaItem{}}
	require.NoError(t, f.s.CreateMeeting(ctx, allDay))
	got, err = f.s.Meeting(ctx, allDay.ID)
	require.NoError(t, err)
	sameMeeting(t, allDay, got)
	assert.True(t, got.Start.IsZero() && got.End.IsZero())

	second := time.Date(2027, 10, 31, 1, 30, 0, 0, time.UTC) // 02:30 CET, the second 02:30
	rep := f.timedMeeting(t, second, "At the repeated hour")
	require.NoError(t, f.s.CreateMeeting(ctx, rep))
	got, err = f.s.Meeting(ctx, rep.ID)
	require.NoError(t, err)
	assert.True(t, got.Start.Equal(second), "got %s", got.Start)
	assert.Equal(t, "02:30", got.Start.Format("15:04"))
}

func TestMeetingStartGivenInAnotherZoneIsStoredInItsOwn(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	m := f.timedMeeting(t, time.Date(2027, 1, 10, 8, 0, 0, 0, time.UTC), "Given in UTC")
	m.Start, m.End = m.Start.UTC(), m.End.UTC()
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	assert.Equal(t, "Europe/Zurich", m.Start.Location().String())
	var local string
	require.NoError(t, f.s.db.QueryRowContext(ctx, "SELECT start_local FROM meetings WHERE id = ?", m.ID).Scan(&local))
	assert.Equal(t, "2027-01-10T09:00:00", local, "the wall clock in Zurich")
}

func TestUpdateMeetingSequenceAndVersion(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	m := f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "Steering committee")
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	uid := m.UID

	// Not material: title, agenda, notes.
	m.Title = "Steering committee (2nd)"
	m.Notes = "bring the report"
	m.Agenda = append(m.Agenda, model.AgendaItem{Title: "AOB"})
	m.UID = "tampered"
	require.NoError(t, f.s.UpdateMeeting(ctx, m))
	assert.Equal(t, 0, m.Sequence)
	assert.Equal(t, 2, m.Version)
	assert.Equal(t, uid, m.UID, "the UID never changes")

	// Material: the time.
	m.Start, m.End = m.Start.Add(time.Hour), m.End.Add(time.Hour)
	require.NoError(t, f.s.UpdateMeeting(ctx, m))
	assert.Equal(t, 1, m.Sequence)
	assert.Equal(t, 3, m.Version)
	// Material: the venue.
	m.Venue.City = "Lyon"
	require.NoError(t, f.s.UpdateMeeting(ctx, m))
	assert.Equal(t, 2, m.Sequence)

	got, err := f.s.Meeting(ctx, m.ID)
	require.NoError(t, err)
	sameMeeting(t, m, got)

	// Stale: someone holds version 2.
	old := *got
	old.Version = 2
	old.Title = "stale edit"
	assert.ErrorIs(t, f.s.UpdateMeeting(ctx, &old), model.ErrConflict)
	got, err = f.s.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, "Steering committee (2nd)", got.Title)

	missing := *got
	missing.ID = 4242
	assert.ErrorIs(t, f.s.UpdateMeeting(ctx, &missing), model.ErrNotFound)

	c, err := f.s.CancelMeeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, model.StatusCancelled, c.Status)
	assert.Equal(t, 3, c.Sequence)
	assert.Equal(t, 5, c.Version)
	c2, err := f.s.CancelMeeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, 3, c2.Sequence, "cancelling twice changes nothing")
	_, err = f.s.CancelMeeting(ctx, 4242)
	assert.ErrorIs(t, err, model.ErrNotFound)
}

func TestInvalidMeetingWritesNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "valid")))
	require.NoError(t, f.s.Checkpoint(ctx))
	before := fileHash(t, f.s.Path())

	bad := f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "")
	bad.End = bad.Start.Add(-time.Hour)
	bad.AreaIDs = []int64{9999}
	err := f.s.CreateMeeting(ctx, bad)
	require.ErrorIs(t, err, model.ErrInvalid)
	var ve *model.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.NotEmpty(t, ve.Field("title"))
	assert.NotEmpty(t, ve.Field("end"))
	assert.Zero(t, bad.ID, "the caller's meeting is left as it was")
	assert.Empty(t, bad.UID)

	// A batch with one bad meeting writes none of them.
	batch := []model.Meeting{*f.timedMeeting(t, mustTime(t, "2027-05-01T09:00:00+02:00"), "ok"), *bad}
	err = f.s.CreateMeetings(ctx, batch)
	require.ErrorIs(t, err, model.ErrInvalid)
	assert.Contains(t, err.Error(), "meeting 2 of 2")
	assert.Zero(t, batch[0].ID)

	require.NoError(t, f.s.Checkpoint(ctx))
	assert.Equal(t, before, fileHash(t, f.s.Path()), "a refused change leaves the file byte for byte the same")
	n, err := f.s.CountMeetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func TestMeetingNotFound(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	_, err := f.s.Meeting(ctx, 77)
	assert.ErrorIs(t, err, model.ErrNotFound)
	_, err = f.s.MeetingByUID(ctx, "nope@liaison")
	assert.ErrorIs(t, err, model.ErrNotFound)
	assert.ErrorIs(t, f.s.DeleteMeeting(ctx, 77), model.ErrNotFound)
	assert.ErrorIs(t, f.s.RestoreMeeting(ctx, 77), model.ErrNotFound)
}

func TestDuplicateUIDIsConflict(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	a := f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "a")
	a.UID = "fixed@example.org"
	require.NoError(t, f.s.CreateMeeting(ctx, a))
	b := f.timedMeeting(t, mustTime(t, "2027-04-13T09:00:00+02:00"), "b")
	b.UID = "fixed@example.org"
	assert.ErrorIs(t, f.s.CreateMeeting(ctx, b), model.ErrConflict)
}

func TestDeleteLeavesTombstoneAndRestoreUndoes(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	m := f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "to delete")
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	require.NoError(t, f.s.DeleteMeeting(ctx, m.ID))

	_, err := f.s.Meeting(ctx, m.ID)
	assert.ErrorIs(t, err, model.ErrNotFound)
	list, err := f.s.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Empty(t, list)
	assert.ErrorIs(t, f.s.DeleteMeeting(ctx, m.ID), model.ErrNotFound, "already deleted")
	var deletedAt string
	var version int
	require.NoError(t, f.s.db.QueryRowContext(ctx, "SELECT deleted_at, version FROM meetings WHERE uid = ?", m.UID).Scan(&deletedAt, &version))
	assert.NotEmpty(t, deletedAt, "the row stays as a tombstone for sync")
	assert.Equal(t, 2, version)

	require.NoError(t, f.s.RestoreMeeting(ctx, m.ID))
	got, err := f.s.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, 3, got.Version)
	assert.Equal(t, m.Title, got.Title)
	assert.ErrorIs(t, f.s.RestoreMeeting(ctx, m.ID), model.ErrNotFound, "not deleted")
}

func TestMeetingsFilter(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	base := mustTime(t, "2027-01-04T09:00:00+01:00")
	var ids []int64
	for i := range 10 {
		m := f.timedMeeting(t, base.AddDate(0, 0, 7*i), "Weekly")
		if i%2 == 1 {
			m.ConvenerID, m.Title, m.AreaIDs, m.Agenda = f.interpol, "Working group 100% remote", nil, nil
			m.Venue = model.Venue{City: "Lyon"}
		}
		require.NoError(t, f.s.CreateMeeting(ctx, m))
		ids = append(ids, m.ID)
	}
	long := &model.Meeting{Title: "Long exhibition", Kind: model.KindJointActivity, ConvenerID: f.iom, AllDay: true,
		FirstDay: model.MustDate("2026-12-01"), LastDay: model.MustDate("2027-02-28"), Status: model.StatusPlanned, Confidentiality: model.Public}
	require.NoError(t, f.s.CreateMeeting(ctx, long))

	count := func(mf MeetingFilter) int {
		n, err := f.s.CountMeetings(ctx, mf)
		require.NoError(t, err)
		ms, err := f.s.Meetings(ctx, mf)
		require.NoError(t, err)
		if mf.Limit == 0 {
			assert.Len(t, ms, n)
		}
		return n
	}
	assert.Equal(t, 11, count(MeetingFilter{}))
	assert.Equal(t, 6, count(MeetingFilter{ConvenerID: f.iom}))
	assert.Equal(t, 5, count(MeetingFilter{Text: "lyon"}))
	assert.Equal(t, 5, count(MeetingFilter{Text: "100%"}), "% is searched for, not a wildcard")
	assert.Equal(t, 1, count(MeetingFilter{Kind: model.KindJointActivity}))
	// The long exhibition began before the window and overlaps it.
	from := base.AddDate(0, 0, 21).Add(-time.Hour)
	ms, err := f.s.Meetings(ctx, MeetingFilter{From: from, To: from.AddDate(0, 0, 14)})
	require.NoError(t, err)
	titles := []int64{}
	for _, m := range ms {
		titles = append(titles, m.ID)
	}
	assert.Equal(t, []int64{long.ID, ids[3], ids[4]}, titles)

	page, err := f.s.Meetings(ctx, MeetingFilter{Order: ByStartDesc, Limit: 2, Offset: 1})
	require.NoError(t, err)
	require.Len(t, page, 2)
	assert.Equal(t, ids[8], page[0].ID)
	assert.Equal(t, ids[7], page[1].ID)

	day60 := base.AddDate(0, 0, 60)
	up, err := f.s.Meetings(ctx, MeetingFilter{From: day60, To: day60.AddDate(0, 0, 60)})
	require.NoError(t, err)
	for _, m := range up {
		assert.True(t, m.EndsAt().After(base.AddDate(0, 0, 60)))
	}
	assert.Len(t, up, 1, "only the last weekly meeting is within 60 days of day 60")
}

func TestImportedMeetingKeepsPartnerSequence(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	m := f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "INTERPOL's conference")
	m.ConvenerID, m.Source, m.UID, m.Sequence = f.interpol, "partner calendar", "abc@interpol.int", 3
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	assert.Equal(t, 3, m.Sequence, "an imported meeting keeps the partner's SEQUENCE")
	m.Sequence = 5
	m.Title = "renamed by the partner"
	require.NoError(t, f.s.UpdateMeeting(ctx, m))
	assert.Equal(t, 5, m.Sequence)
	m.Sequence = 1 // an older copy does not move it back
	require.NoError(t, f.s.UpdateMeeting(ctx, m))
	assert.Equal(t, 5, m.Sequence)
}

func TestCopiedAgendaItemsGetTheirOwnIDs(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	a := f.timedMeeting(t, mustTime(t, "2027-04-12T09:00:00+02:00"), "original")
	require.NoError(t, f.s.CreateMeeting(ctx, a))
	b := *a // "duplicate meeting" in the editor
	b.ID, b.UID, b.Agenda = 0, "", append([]model.AgendaItem(nil), a.Agenda...)
	require.NoError(t, f.s.CreateMeeting(ctx, &b))
	assert.NotEqual(t, a.Agenda[0].ID, b.Agenda[0].ID)

	// Moving an item from a to b: it becomes b's, a keeps its own.
	b.Agenda = append(b.Agenda, a.Agenda[0])
	require.NoError(t, f.s.UpdateMeeting(ctx, &b))
	require.Len(t, b.Agenda, 2)
	assert.NotEqual(t, a.Agenda[0].ID, b.Agenda[1].ID)
	got, err := f.s.Meeting(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, a.Agenda, got.Agenda)
	var n int
	require.NoError(t, f.s.db.QueryRowContext(ctx, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?", b.ID).Scan(&n))
	assert.Equal(t, 2, n, "the child table follows the meeting's agenda")
}
