package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTimesAreShownInThePlaceOfTheMeeting(t *testing.T) {
	a, _ := newTestApp(t)
	saveMeeting(t, a) // Lyon, 5 April 09:00 to 6 April 17:30 2027, zone Europe/Paris
	a.Show("dashboard")
	next := a.dashboard.items[secNext]
	require.Len(t, next, 1)
	assert.Contains(t, next[0].Reason, "2027-04-05 09:00 – 2027-04-06 17:30 Lyon (CEST)")
	assert.NotContains(t, next[0].Reason, "Paris", "not another city's zone name")
}
