package ui

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/ui/brief"
)

func TestBriefOfASavedMeeting(t *testing.T) {
	a, _ := newTestApp(t)
	m := saveMeeting(t, a)
	br, ok := a.data.(Briefer)
	require.True(t, ok, "the store gathers briefs as the command line does")
	b, err := br.MeetingBrief(context.Background(), m.ID, a.now())
	require.NoError(t, err)
	assert.Equal(t, m.Title, b.Meeting.Title)
	var buf bytes.Buffer
	require.NoError(t, brief.WriteMeeting(&buf, b, brief.Options{}))
	assert.True(t, bytes.HasPrefix(buf.Bytes(), []byte("%PDF")))
	assert.Equal(t, "2027-04-05-regional-conference-on-border-security.pdf", briefFileName(&m))

	a.meetings.open(m.ID)
	a.onPrintBrief() // Ctrl+P: the PDF is made, then the save dialog asks where
	assert.NotNil(t, a.win.Canvas().Overlays().Top())
}
