package ui

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/ui/brief"
	"github.com/liaison-app/liaison/ui/briefing"
)

func TestBriefOfASavedMeeting(t *testing.T) {
	a, _ := newTestApp(t)
	m := saveMeeting(t, a)
	b, err := briefing.Meeting(context.Background(), a.st, m.ID, nil, a.now())
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
