package exchange

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// partnerStore is IOM's own copy of Liaison: the same agreement, IOM as us.
func partnerStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "iom.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	require.NoError(t, st.Seed(ctx, "interpol-iom-2014", "IOM"))
	return st
}

// TestConsultationSeriesRoundTrips: a series exported by INTERPOL's copy
// (consultation export) arrives in IOM's copy as a consultation series
// with the same rule, dates, moved and cancelled occurrences and venue for
// every occurrence (past the three years of exceptions other calendars
// get), and no meeting; IOM's REPLY to it is recorded on the series.
func TestConsultationSeriesRoundTrips(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	zurich, _ := model.LoadZone("Europe/Zurich")
	s := &model.ConsultationSeries{AgreementID: f.g.ID, Title: "INTERPOL–IOM secretariats consultation",
		Start: time.Date(2027, 3, 16, 10, 0, 0, 0, zurich), Duration: 2 * time.Hour, Zone: "Europe/Zurich",
		RRule: "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU", Confidentiality: model.PartiesOnly,
		VenueRotation: []model.Venue{{Name: "IOM Headquarters", City: "Geneva", Country: "CH"}, {Name: "INTERPOL General Secretariat", City: "Lyon", Country: "FR"}}}
	require.NoError(t, f.st.CreateSeries(ctx, s))
	june := time.Date(2027, 6, 15, 10, 0, 0, 0, zurich)
	require.NoError(t, f.st.SaveOccurrence(ctx, s.ID, &model.Occurrence{OriginalStart: june, Start: june.AddDate(0, 0, 1), End: june.AddDate(0, 0, 1).Add(2 * time.Hour)}))
	require.NoError(t, f.st.SaveOccurrence(ctx, s.ID, &model.Occurrence{OriginalStart: time.Date(2027, 9, 21, 10, 0, 0, 0, zurich), Cancelled: true}))
	s, err := f.st.Series(ctx, s.ID)
	require.NoError(t, err)

	path := filepath.Join(f.dir, "consultation.ics")
	_, err = ExportConsultation(ctx, f.st, s.ID, now, path, "")
	require.NoError(t, err)

	iom := partnerStore(t)
	sum, err := ImportFiles(ctx, iom, []string{path}, now)
	require.NoError(t, err)
	fs := sum.Files[0]
	require.Nil(t, fs.Refused)
	assert.Equal(t, 0, fs.Count("skipped"), "%s", sum)
	got, err := iom.SeriesByUID(ctx, s.UID)
	require.NoError(t, err, "%s", sum)
	n, err := iom.CountMeetings(ctx, store.MeetingFilter{})
	require.NoError(t, err)
	assert.Zero(t, n, "the series is not kept as a meeting (counted as an Art. 2.1 invitation)")

	assert.Equal(t, s.Title, got.Title)
	assert.Equal(t, s.RRule, got.RRule)
	assert.Equal(t, s.Zone, got.Zone)
	assert.Equal(t, s.Duration, got.Duration)
	assert.True(t, s.Start.Equal(got.Start))
	from, to := s.Start.Add(-time.Hour), s.Start.AddDate(6, 0, 0)
	want, err := s.Instances(from, to)
	require.NoError(t, err)
	have, err := got.Instances(from, to)
	require.NoError(t, err)
	require.Len(t, have, len(want))
	for i := range want {
		w, h := want[i], have[i]
		label := fmt.Sprintf("occurrence %d (%s)", i, w.OriginalStart.Format("2006-01-02"))
		assert.True(t, w.Start.Equal(h.Start), "%s starts %s, not %s", label, h.Start, w.Start)
		assert.Equal(t, w.Venue, h.Venue, label)
		assert.Equal(t, w.Cancelled(), h.Cancelled(), label)
	}

	// IOM accepts the series: INTERPOL records it on the series.
	reply := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nMETHOD:REPLY\r\n" +
		"BEGIN:VEVENT\r\nUID:" + s.UID + "\r\nSEQUENCE:" + fmt.Sprint(s.Sequence) + "\r\nDTSTAMP:20261120T090000Z\r\n" +
		"DTSTART;TZID=Europe/Zurich:20270316T100000\r\nSUMMARY:Accepted: " + s.Title + "\r\n" +
		"ATTENDEE;PARTSTAT=ACCEPTED;CN=José Müller:mailto:jmuller@iom.int\r\nCOMMENT:We look forward to it\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"
	p := writeFile(t, f.dir, "reply.ics", reply)
	sum, err = ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Files[0].Count("reply"), "%s", sum)
	s, err = f.st.Series(ctx, s.ID)
	require.NoError(t, err)
	assert.Contains(t, s.Notes, "IOM accepted the consultation series")
	assert.Contains(t, s.Notes, "We look forward to it")
}

// TestPartnerCancelMakesTheInvitationVoid: after IOM's CANCEL of a meeting
// it invited us to, the invitation shows as void, the CANCEL being the
// notice, not as owing a cancellation notice.
func TestPartnerCancelMakesTheInvitationVoid(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	ev := func(method, status string, seq int) string {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IOM//EN\r\nMETHOD:" + method + "\r\nBEGIN:VEVENT\r\nUID:conf@iom.int\r\n" +
			"SEQUENCE:" + fmt.Sprint(seq) + "\r\nDTSTAMP:20261120T090000Z\r\nDTSTART:20270510T080000Z\r\nDTEND:20270510T160000Z\r\n" +
			"SUMMARY:IOM Council\r\nSTATUS:" + status + "\r\nORGANIZER:mailto:jmuller@iom.int\r\n" +
			"ATTENDEE;ROLE=OPT-PARTICIPANT:mailto:a.lefevre@interpol.int\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	p := writeFile(t, f.dir, "request.ics", ev("REQUEST", "CONFIRMED", 0))
	_, err := ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	p = writeFile(t, f.dir, "cancel.ics", ev("CANCEL", "CANCELLED", 1))
	sum, err := ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	require.Equal(t, 1, sum.Files[0].Count("cancelled"), "%s", sum)

	m, err := f.st.MeetingByUID(ctx, "conf@iom.int")
	require.NoError(t, err)
	obs, err := f.st.Obligations(ctx, now, store.ObligationFilter{})
	require.NoError(t, err)
	found := false
	for _, ob := range obs {
		if ob.MeetingID != m.ID {
			continue
		}
		found = true
		assert.Equal(t, model.Void, ob.State)
		assert.Equal(t, model.WhyVoidNoticeSent, ob.Why.Code, "the partner's CANCEL is the notice")
	}
	assert.True(t, found, "the Article 2 answer on IOM's meeting")
	_ = os.Remove(p)
}

// TestPartnerCancelsASeries: the partner's CANCEL of one occurrence, then
// of the whole series, cancels them in the copy imported here.
func TestPartnerCancelsASeries(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	src := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:series@iom.int\r\nSEQUENCE:0\r\n" +
		"DTSTAMP:20261120T090000Z\r\nDTSTART;TZID=Europe/Zurich:20270316T100000\r\nDTEND;TZID=Europe/Zurich:20270316T120000\r\n" +
		"RRULE:FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU\r\nSUMMARY:IOM–INTERPOL consultation\r\nORGANIZER:mailto:jmuller@iom.int\r\n" +
		"X-LIAISON-KIND:consultation\r\nX-LIAISON-AGREEMENT:interpol-iom-2014\r\nX-LIAISON-ROTATION:IOM HQ;;Geneva;CH;\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	cancel := func(extra string) string {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison//EN\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:series@iom.int\r\nSEQUENCE:1\r\n" +
			"DTSTAMP:20261121T090000Z\r\n" + extra + "ORGANIZER:mailto:jmuller@iom.int\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	for i, text := range []string{src, cancel("RECURRENCE-ID;TZID=Europe/Zurich:20270615T100000\r\n"), cancel("")} {
		sum, err := ImportFiles(ctx, f.st, []string{writeFile(t, f.dir, fmt.Sprintf("f%d.ics", i), text)}, now)
		require.NoError(t, err)
		require.Zero(t, sum.Files[0].Count("skipped"), "%s", sum)
		s, err := f.st.SeriesByUID(ctx, "series@iom.int")
		require.NoError(t, err)
		ins, err := s.Instances(s.Start.Add(-time.Hour), s.Start.AddDate(2, 0, 0))
		require.NoError(t, err)
		var cancelled []string
		for _, in := range ins {
			if in.Cancelled() {
				cancelled = append(cancelled, in.OriginalStart.Format("2006-01-02"))
			}
		}
		switch i {
		case 0:
			assert.Empty(t, cancelled)
		case 1:
			assert.Equal(t, []string{"2027-06-15"}, cancelled)
		case 2:
			assert.Len(t, cancelled, len(ins), "every consultation to come is cancelled")
		}
	}
}
