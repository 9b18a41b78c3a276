package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runOn runs one command against db (any file) and returns code and stderr.
func runOn(db string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errb, now: time.Now}
	code := e.dispatch(append(args, "--db", db))
	return code, out.String(), errb.String()
}

// A zero-length --db file was made into a new empty database by a read
// command, which then said "not set up: run liaison init".
func TestEmptyDatabaseFileIsRefusedUnwritten(t *testing.T) {
	db := filepath.Join(t.TempDir(), "liaison.db")
	require.NoError(t, os.WriteFile(db, nil, 0o600))
	for _, args := range [][]string{{"meeting", "list"}, {"obligations"}, {"export", "-o", filepath.Join(t.TempDir(), "f.ics")}} {
		code, out, errs := runOn(db, args...)
		assert.Equal(t, 1, code, args)
		assert.Empty(t, out)
		assert.Contains(t, errs, "empty (0 bytes)")
		assert.Contains(t, errs, "liaison restore BACKUP --db "+db)
		fi, err := os.Stat(db)
		require.NoError(t, err)
		assert.Zero(t, fi.Size(), "the file is not written to")
		assert.NoFileExists(t, db+"-wal")
	}
}

// A damaged database said it was "not set up: run liaison init", which
// would start the office afresh; it must say it is damaged and how to
// restore.
func TestDamagedDatabaseSaysSo(t *testing.T) {
	c := newCLI(t)
	c.addConference()
	c.ok("backup", "-o", filepath.Join(t.TempDir(), "checkpointed.db"))
	raw, err := os.ReadFile(c.db)
	require.NoError(t, err)
	dir := t.TempDir()
	torn := append([]byte{}, raw...)
	for i := 4096; i < 4096*4 && i < len(torn); i++ { // the schema's pages
		torn[i] = byte(i*13 + 1)
	}
	for name, b := range map[string][]byte{"half.db": raw[:len(raw)/2], "torn.db": torn, "junk.db": bytes.Repeat([]byte("not SQLite "), 500)} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o600))
		code, _, errs := runOn(p, "meeting", "list")
		assert.Equal(t, 1, code, name)
		assert.Contains(t, errs, "damaged", name)
		assert.Contains(t, errs, "liaison restore BACKUP --db "+p, name)
		assert.NotContains(t, errs, "liaison init", name)
	}
}

func TestRestoreABackup(t *testing.T) {
	c := newCLI(t)
	c.addConference()
	backup := filepath.Join(t.TempDir(), "backup.db")
	c.ok("backup", "-o", backup)
	c.ok("meeting", "add", "--title", "Added after the backup", "--convener", "interpol",
		"--start", "2027-07-01", "--end", "2027-07-01", "--kind", "meeting")
	require.Contains(t, c.ok("meeting", "list"), "Added after the backup")

	// Not a backup: refused, the database as it was.
	junk := filepath.Join(t.TempDir(), "junk.db")
	require.NoError(t, os.WriteFile(junk, bytes.Repeat([]byte("x"), 8192), 0o600))
	before := hashFiles(t, c.db)
	errs := c.fail(1, "restore", junk)
	assert.Contains(t, errs, "not a sound SQLite database")
	assert.Equal(t, before, hashFiles(t, c.db))
	c.fail(2, "restore")

	out := c.ok("restore", backup)
	assert.Contains(t, out, c.db+".before-restore.bak")
	list := c.ok("meeting", "list")
	assert.Contains(t, list, "European Regional Conference")
	assert.NotContains(t, list, "Added after the backup")
	code, out, errs := runOn(c.db+".before-restore.bak", "meeting", "list")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Added after the backup", "the replaced database is kept")
	assert.True(t, strings.Contains(c.ok("help"), "restore"))
}
