package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExportThenReplyEndToEnd follows an invitation through the command
// line: exported as .ics and .eml, recorded as sent, answered by the
// partner's calendar with a REPLY that Liaison imports.
func TestExportThenReplyEndToEnd(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	dir := t.TempDir()
	ics, eml := filepath.Join(dir, "invitation.ics"), filepath.Join(dir, "invitation.eml")

	errs := c.fail(1, "invitation", "export", id, "--to", "IOM", "-o", ics)
	assert.Contains(t, errs, "focal point", "placeholders cannot receive an invitation")
	_, err := os.Stat(ics)
	assert.True(t, os.IsNotExist(err), "a refused export writes no file")

	c.ok("focal-point", "add", "--org", "INTERPOL", "--name", "Jean Dupont", "--email", "j.dupont@interpol.int")
	c.ok("focal-point", "add", "--org", "IOM", "--name", "Ana Lima", "--email", "alima@iom.int")
	out := c.ok("invitation", "export", id, "--to", "iom", "-o", ics, "--eml", eml)
	assert.Contains(t, out, "METHOD:REQUEST, version 0")
	assert.Equal(t, "sent", obligations(t, c)[0]["state"])

	raw, err := os.ReadFile(ics)
	require.NoError(t, err)
	text := string(raw)
	for _, want := range []string{"METHOD:REQUEST", "DTSTART;TZID=Europe/Paris:20270623T090000", "BEGIN:VTIMEZONE",
		"ORGANIZER;CN=Jean Dupont:mailto:j.dupont@interpol.int", "ROLE=OPT-PARTICIPANT"} {
		assert.Contains(t, strings.ReplaceAll(text, "\r\n ", ""), want)
	}
	assert.NotContains(t, text, "Secretary General to open", "internal notes never leave the database")
	mail, err := os.ReadFile(eml)
	require.NoError(t, err)
	assert.Contains(t, string(mail), "X-Unsent: 1")
	assert.Contains(t, string(mail), "method=REQUEST")

	// The partner's calendar answers: same UID, METHOD:REPLY, PARTSTAT=ACCEPTED.
	reply := strings.Replace(text, "METHOD:REQUEST", "METHOD:REPLY", 1)
	reply = strings.Replace(strings.ReplaceAll(reply, "\r\n ", ""), "PARTSTAT=NEEDS-ACTION", "PARTSTAT=ACCEPTED", 1)
	replyPath := filepath.Join(dir, "reply.ics")
	require.NoError(t, os.WriteFile(replyPath, []byte(reply), 0o600))
	out = c.ok("import", replyPath)
	assert.Contains(t, out, "1 replies")
	ob := obligations(t, c)[0]
	assert.Equal(t, "accepted", ob["state"])
	assert.Contains(t, c.ok("invitation", "show", id, "--to", "IOM"), "reply")

	// A cancelled meeting goes out as CANCEL with a higher SEQUENCE.
	c.ok("meeting", "cancel", id)
	out = c.ok("invitation", "export", id, "--to", "IOM", "-o", ics)
	assert.Contains(t, out, "METHOD:CANCEL, version 1")
}

func TestImportRefusesABrokenFileAndChangesNothing(t *testing.T) {
	c := newCLI(t)
	c.addConference()
	c.ok("backup", "-o", filepath.Join(t.TempDir(), "checkpoint.db"))
	before := hashFiles(t, c.db)
	broken := filepath.Join(t.TempDir(), "broken.ics")
	require.NoError(t, os.WriteFile(broken, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2027"), 0o600))
	code, out, errs := c.run("import", broken)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "refused")
	assert.Contains(t, errs, "broken.ics")
	assert.Equal(t, before, hashFiles(t, c.db))

	c.fail(2, "import")
	c.fail(2, "export", "--for", "IOM")
	c.fail(1, "export", "--for", "WHO", "-o", filepath.Join(t.TempDir(), "f.ics"))
}

func TestFeedForPartner(t *testing.T) {
	c := newCLI(t)
	c.addConference()
	c.ok("meeting", "add", "--title", "Internal budget review", "--convener", "INTERPOL", "--start", "2027-06-01", "--end", "2027-06-01",
		"--confidentiality", "internal")
	feed := filepath.Join(t.TempDir(), "feed.ics")
	out := c.ok("export", "--for", "IOM", "--from", "2027-01-01", "--to", "2027-12-31", "-o", feed)
	assert.Contains(t, out, "1 meetings")
	raw, err := os.ReadFile(feed)
	require.NoError(t, err)
	assert.Contains(t, string(raw), "METHOD:PUBLISH")
	assert.NotContains(t, string(raw), "Internal budget review")
	assert.NotContains(t, string(raw), "ATTENDEE")
}
