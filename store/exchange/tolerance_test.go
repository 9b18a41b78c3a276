package exchange

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// TestSummaryListsTheSkippedFirst: every skipped event is listed with its
// reason before the added ones, even past MaxListed events; noise outside
// events is noted with its line; an unknown organizer is named with the
// way to make it known.
func TestSummaryListsTheSkippedFirst(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IOM//EN\r\nMETHOD:PUBLISH\r\nX BROKEN LINE\r\n")
	b.WriteString("BEGIN:VEVENT\r\nUID:untitled@iom.int\r\nDTSTAMP:20261101T090000Z\r\nDTSTART:20270302T090000Z\r\n" +
		"ORGANIZER:mailto:desk@iom.int\r\nEND:VEVENT\r\n")
	for i := range MaxListed + 5 {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:ok-%d@iom.int\r\nDTSTAMP:20261101T090000Z\r\nDTSTART:20270301T090000Z\r\n"+
			"DURATION:PT1H\r\nSUMMARY:Session %d\r\nORGANIZER:mailto:desk@iom.int\r\nEND:VEVENT\r\n", i, i)
	}
	b.WriteString("BEGIN:VEVENT\r\nUID:stranger@example.org\r\nDTSTAMP:20261101T090000Z\r\nDTSTART:20270301T090000Z\r\n" +
		"SUMMARY:From a stranger\r\nORGANIZER:mailto:events@example.org\r\nEND:VEVENT\r\n")
	b.WriteString("END:VCALENDAR\r\n")
	p := writeFile(t, f.dir, "iom.ics", b.String())
	sum, err := ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	fs := sum.Files[0]
	require.Nil(t, fs.Refused)
	assert.Equal(t, MaxListed+6, fs.Count("added"))
	assert.Equal(t, 1, fs.Count("skipped"))
	text := sum.String()
	skipped := strings.Index(text, `skipped "From a stranger"`)
	added := strings.Index(text, "added \"Session 0\"")
	require.GreaterOrEqual(t, skipped, 0, "the skipped event past the first %d is listed", MaxListed)
	assert.Less(t, skipped, added, "the skipped are listed before the added")
	for _, want := range []string{"the organizer events@example.org is not a known focal point",
		"liaison focal-point add --org IOM --email events@example.org", "line 5: malformed line",
		`added "(untitled event)"`, "has no SUMMARY"} {
		assert.True(t, strings.Contains(text, want), "the summary says %q", want)
	}
	assert.Empty(t, fs.Unused())

	// A file from which nothing could be used says why.
	p = writeFile(t, f.dir, "stranger.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:s2@example.org\r\n"+
		"DTSTAMP:20261101T090000Z\r\nDTSTART:20270301T090000Z\r\nSUMMARY:x\r\nORGANIZER:mailto:a@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	sum, err = ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	assert.Contains(t, sum.Files[0].Unused(), "nothing could be used: its one event was skipped (organizer: the organizer a@example.org")
	p = writeFile(t, f.dir, "empty.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n")
	sum, err = ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	assert.Contains(t, sum.Files[0].Unused(), "the file holds no event")
}

// TestOrganizerAtAPartnersDomain: an organizer who is no focal point is
// accepted when the mail domain is the partner's, recorded or (for a
// partner with none recorded) that of its focal points.
func TestOrganizerAtAPartnersDomain(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	iom := *f.c.Org(f.iom)
	iom.MailDomain = ""
	require.NoError(t, f.st.UpdateOrganization(ctx, &iom))
	p := writeFile(t, f.dir, "iom.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:d1@iom.int\r\n"+
		"DTSTAMP:20261101T090000Z\r\nDTSTART:20270301T090000Z\r\nSUMMARY:Desk meeting\r\nORGANIZER:mailto:Events@IOM.int\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	sum, err := ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Files[0].Count("added"), "%s", sum)
}

// TestImportOfDevZeroKeepsMemoryBounded: importing /dev/zero is refused at
// once, allocating little.
func TestImportOfDevZeroKeepsMemoryBounded(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("no /dev/zero on " + runtime.GOOS)
	}
	f := setup(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sum, err := ImportFiles(context.Background(), f.st, []string{"/dev/zero"}, now)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.NotNil(t, sum.Files[0].Refused)
	assert.ErrorIs(t, sum.Files[0].Refused, model.ErrInvalid)
	assert.Contains(t, sum.Files[0].Refused.Error(), "not an iCalendar file")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20), "bytes allocated importing /dev/zero")
}

// TestReplyToAnOlderVersion: Outlook's ACCEPTED to version 0, imported
// after version 1 went out, is recorded as answering version 0: the
// invitation says version 1 is not yet answered; the COMMENT is kept.
func TestReplyToAnOlderVersion(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	m := f.meeting
	_, err := f.st.MarkSent(ctx, m.ID, f.iom, now.Add(-48*time.Hour), m.Sequence, "ics")
	require.NoError(t, err)
	m.Venue.City = "Paris"
	require.NoError(t, f.st.UpdateMeeting(ctx, m))
	require.Equal(t, 1, m.Sequence)
	_, err = f.st.MarkSent(ctx, m.ID, f.iom, now.Add(-24*time.Hour), m.Sequence, "ics")
	require.NoError(t, err)

	p := writeFile(t, f.dir, "reply.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nMETHOD:REPLY\r\n"+
		"BEGIN:VEVENT\r\nUID:"+m.UID+"\r\nSEQUENCE:0\r\nDTSTAMP:20261120T090000Z\r\n"+
		"ATTENDEE;PARTSTAT=ACCEPTED:mailto:jmuller@iom.int\r\nCOMMENT:Two delegates\\, from Geneva\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	sum, err := ImportFiles(ctx, f.st, []string{p}, now)
	require.NoError(t, err)
	require.Equal(t, 1, sum.Files[0].Count("reply"), "%s", sum)
	assert.Contains(t, sum.String(), "IOM accepted (version 0); version 1, sent since, is not yet answered")
	inv, err := f.st.Invitation(ctx, m.ID, f.iom)
	require.NoError(t, err)
	assert.Equal(t, 0, inv.ReplySequence)
	assert.Equal(t, model.InvSent, inv.State)
	assert.Equal(t, "Two delegates, from Geneva", inv.ReplyComment())
	obs, err := f.st.Obligations(ctx, now, store.ObligationFilter{})
	require.NoError(t, err)
	for _, ob := range obs {
		if ob.MeetingID == m.ID && ob.To == f.iom {
			assert.Equal(t, model.Sent, ob.State, "not 'IOM accepted': version 1 awaits its answer")
		}
	}
}
