package store

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckOutputRefusesTheDatabaseAndItsCopies(t *testing.T) {
	s := newStore(t)
	db := s.Path()
	dir := filepath.Dir(db)
	require.NoError(t, os.WriteFile(db+".before-0002.bak", []byte("copy"), 0o600))
	other := t.TempDir()
	require.NoError(t, os.Symlink(db, filepath.Join(other, "link.ics")))
	require.NoError(t, os.Link(db, filepath.Join(other, "hard.ics")))
	require.NoError(t, os.Symlink(dir, filepath.Join(other, "dirlink")))
	for _, out := range []string{
		db, db + "-wal", db + "-shm", db + "-journal", db + ".before-0002.bak", db + ".before-0017.bak",
		db + ".before-restore.bak", filepath.Join(other, "link.ics"), filepath.Join(other, "hard.ics"),
		filepath.Join(other, "dirlink", "liaison.db"), filepath.Join(other, "dirlink", "liaison.db-wal"),
		filepath.Join(dir, ".", "liaison.db"),
	} {
		err := s.CheckOutput(out)
		assert.ErrorIs(t, err, model.ErrInvalid, out)
		if err != nil {
			assert.Contains(t, err.Error(), "live database", out)
		}
		assert.ErrorIs(t, s.WriteOutput(out, []byte("feed"), Shared), model.ErrInvalid, out)
	}
	assert.ErrorIs(t, s.CheckOutput(other), model.ErrInvalid, "a folder")
	for _, out := range []string{filepath.Join(dir, "liaison.db.ics"), filepath.Join(dir, "export.ics"), filepath.Join(other, "liaison.db")} {
		assert.NoError(t, s.CheckOutput(out), out)
	}
	ok, err := s.Initialized(context.Background())
	require.NoError(t, err)
	assert.False(t, ok) // still readable: nothing was written over it
	b, _ := os.ReadFile(db + ".before-0002.bak")
	assert.Equal(t, "copy", string(b))
}

func TestWriteFileAtomicLeavesTheOldFileWhenWritingFails(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "invitation.ics")
	require.NoError(t, os.WriteFile(out, []byte("version 1"), 0o644))
	boom := errors.New("disk full")
	err := writeAtomic(out, Shared, func(f *os.File) error {
		_, _ = f.Write([]byte("half of version 2"))
		return boom
	})
	require.ErrorIs(t, err, boom)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "version 1", string(b))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "the temporary file is removed")
}

func TestWriteFileAtomicTempIsPrivateWhileWritten(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "brief.pdf")
	var mode os.FileMode
	require.NoError(t, writeAtomic(out, Shared, func(f *os.File) error {
		fi, err := f.Stat()
		mode = fi.Mode().Perm()
		_, _ = f.Write([]byte("x"))
		return err
	}))
	assert.Equal(t, os.FileMode(0o600), mode)
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	cmd := exec.Command("true")
	require.NoError(t, cmd.Run())
	return cmd.Process.Pid
}

// A backup killed halfway left a full copy of the database beside it; the
// next start removes it, and leaves a live process's temporary alone.
func TestOpenRemovesTemporariesOfKilledProcesses(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "liaison.db")
	dead := filepath.Join(dir, ".liaison.db.before-0002.bak.liaison-"+strconv.Itoa(deadPID(t))+"-0a1b2c.tmp")
	deadOut := filepath.Join(dir, ".backup.db.liaison-"+strconv.Itoa(deadPID(t))+"-0a1b2c.tmp")
	live := filepath.Join(dir, ".backup.db.liaison-"+strconv.Itoa(os.Getppid())+"-0a1b2c.tmp")
	mine := filepath.Join(dir, "notes.liaison-1-0a.tmp") // not one of ours
	for _, p := range []string{dead, deadOut, live, mine} {
		require.NoError(t, os.WriteFile(p, []byte("SQLite format 3\x00"), 0o644))
	}
	// What a killed backup of an earlier Liaison left (os.CreateTemp's
	// name, mode 0644), an hour ago; and one being written now.
	legacy := filepath.Join(dir, ".liaison-20261130-1010.db.2716354.tmp")
	fresh := filepath.Join(dir, ".liaison-20261201-1010.db.998877.tmp")
	for _, p := range []string{legacy, fresh} {
		require.NoError(t, os.WriteFile(p, []byte("SQLite format 3\x00"), 0o644))
	}
	old := time.Now().Add(-2 * time.Hour)
	require.NoError(t, os.Chtimes(legacy, old, old))
	s, err := Open(context.Background(), db)
	require.NoError(t, err)
	defer s.Close()
	assert.NoFileExists(t, legacy)
	assert.FileExists(t, fresh)
	assert.NoFileExists(t, dead)
	assert.NoFileExists(t, deadOut)
	assert.FileExists(t, live)
	assert.FileExists(t, mine)

	// A write to another folder cleans that name's leftovers first.
	elsewhere := t.TempDir()
	left := filepath.Join(elsewhere, ".feed.ics.liaison-"+strconv.Itoa(deadPID(t))+"-ff.tmp")
	require.NoError(t, os.WriteFile(left, []byte("BEGIN:VCALENDAR"), 0o644))
	require.NoError(t, WriteFileAtomic(filepath.Join(elsewhere, "feed.ics"), []byte("x"), Shared))
	assert.NoFileExists(t, left)
}

func TestBackupRefusesTheDatabaseCopies(t *testing.T) {
	s := newStore(t)
	require.NoError(t, os.WriteFile(s.Path()+".before-0002.bak", []byte("copy"), 0o600))
	assert.ErrorIs(t, s.Backup(context.Background(), s.Path()+".before-0002.bak"), model.ErrInvalid)
	b, _ := os.ReadFile(s.Path() + ".before-0002.bak")
	assert.Equal(t, "copy", string(b))
}
