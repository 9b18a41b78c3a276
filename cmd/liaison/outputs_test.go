package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `liaison export -o l.db --db l.db` replaced the live database with the
// feed and exited 0; brief -o and invitation export -o did the same.
func TestOutputsRefuseTheDatabase(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	c.ok("focal-point", "add", "--org", "INTERPOL", "--name", "Jean Dupont", "--email", "j.dupont@interpol.int")
	c.ok("focal-point", "add", "--org", "IOM", "--name", "Ana Lima", "--email", "alima@iom.int")
	c.ok("backup", "-o", filepath.Join(t.TempDir(), "b.db")) // leaves the -wal behind it checkpointed
	link := filepath.Join(t.TempDir(), "link.ics")
	require.NoError(t, os.Symlink(c.db, link))
	for _, out := range []string{c.db, c.db + "-wal", c.db + "-shm", c.db + ".before-0002.bak", link} {
		before := hashFiles(t, c.db)
		for _, args := range [][]string{
			{"export", "-o", out},
			{"export", "--for", "IOM", "-o", out},
			{"brief", id, "-o", out},
			{"brief", "--from", "2027-06-01", "--to", "2027-06-30", "-o", out},
			{"invitation", "export", id, "--to", "IOM", "-o", out},
			{"invitation", "export", id, "--to", "IOM", "-o", filepath.Join(t.TempDir(), "x.ics"), "--eml", out},
			{"backup", "-o", out},
		} {
			errs := c.fail(1, args...)
			assert.Contains(t, errs, "live database", strings.Join(args, " "))
		}
		assert.Equal(t, before, hashFiles(t, c.db), "the database file is unchanged")
	}
	assert.Contains(t, c.ok("meeting", "list"), "European Regional Conference")
	assert.Equal(t, "owed", obligations(t, c)[0]["state"], "nothing was recorded as sent")
}

// --eml wrote the .ics beside it over whatever was there.
func TestEMLDoesNotReplaceAnICSWithoutForce(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	c.ok("focal-point", "add", "--org", "INTERPOL", "--name", "Jean Dupont", "--email", "j.dupont@interpol.int")
	c.ok("focal-point", "add", "--org", "IOM", "--name", "Ana Lima", "--email", "alima@iom.int")
	dir := t.TempDir()
	ics, eml := filepath.Join(dir, "inv.ics"), filepath.Join(dir, "inv.eml")
	require.NoError(t, os.WriteFile(ics, []byte("version sent last week"), 0o644))
	errs := c.fail(1, "invitation", "export", id, "--to", "IOM", "--eml", eml)
	assert.Contains(t, errs, "--force")
	errs = c.fail(1, "invitation", "export", id, "--to", "IOM", "-o", ics, "--eml", eml)
	assert.Contains(t, errs, "--force")
	b, _ := os.ReadFile(ics)
	assert.Equal(t, "version sent last week", string(b))
	assert.NoFileExists(t, eml)
	assert.Equal(t, "owed", obligations(t, c)[0]["state"])

	out := c.ok("invitation", "export", id, "--to", "IOM", "--eml", eml, "--force")
	assert.Contains(t, out, ics)
	b, _ = os.ReadFile(ics)
	assert.Contains(t, string(b), "METHOD:REQUEST")
	assert.FileExists(t, eml)
}
