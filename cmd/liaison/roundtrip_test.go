package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConsultationExportImportsAsASeries: INTERPOL's `consultation export`
// imported by IOM's own copy (`init --as IOM`) lists the same dates,
// venues and cancellations there, and adds no meeting.
func TestConsultationExportImportsAsASeries(t *testing.T) {
	ours := newCLI(t)
	ours.ok("focal-point", "add", "--org", "INTERPOL", "--name", "Anne Lefèvre", "--email", "a.lefevre@interpol.int", "--from", "2026-01-01")
	ours.ok("focal-point", "add", "--org", "IOM", "--name", "José Müller", "--email", "jmuller@iom.int", "--from", "2026-01-01")
	sid := strings.TrimSpace(ours.ok("consultation", "add", "--title", "Secretariat consultation", "--start", "2027-06-15T10:00",
		"--tz", "Europe/Zurich", "--rrule", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU;UNTIL=20341231",
		"--venue", "IOM HQ|Geneva|CH", "--venue", "INTERPOL GS|Lyon|FR"))
	ours.ok("consultation", "record", sid, "--on", "2027-09-21", "--cancel")
	ours.ok("consultation", "record", sid, "--on", "2027-12-21", "--move-to", "2027-12-22T14:00")
	file := filepath.Join(t.TempDir(), "consultation.ics")
	ours.ok("consultation", "export", sid, "-o", file)

	theirs := &cli{t: t, db: filepath.Join(t.TempDir(), "iom.db"), now: ours.now}
	theirs.ok("init", "--as", "IOM")
	out := theirs.ok("import", file)
	assert.Contains(t, out, "consultation series")
	assert.Empty(t, obligations(t, theirs), "no meeting, so no Article 2 answer, came in")

	dates := func(c *cli) []any {
		var v []map[string]any
		require.NoError(t, json.Unmarshal([]byte(c.ok("consultation", "list", "--from", "2027-01-01", "--to", "2034-12-31", "--json")), &v))
		require.Len(t, v, 1)
		return v[0]["dates"].([]any)
	}
	want, got := dates(ours), dates(theirs)
	require.Len(t, got, len(want))
	assert.Greater(t, len(want), 28, "every consultation up to UNTIL, past three years")
	for i := range want {
		w, g := want[i].(map[string]any), got[i].(map[string]any)
		ws, _ := time.Parse(time.RFC3339, w["start"].(string))
		gs, _ := time.Parse(time.RFC3339, g["start"].(string))
		assert.True(t, ws.Equal(gs), "consultation %d: %s here, %s there", i, w["start"], g["start"])
		assert.Equal(t, w["venue"], g["venue"], "consultation %d", i)
		assert.Equal(t, w["cancelled"], g["cancelled"], "consultation %d", i)
		assert.Equal(t, w["moved"], g["moved"], "consultation %d", i)
	}
}
