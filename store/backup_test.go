package store

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBackupWhileAnotherConnectionWrites(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	base := mustTime(t, "2027-01-04T09:00:00+01:00")
	require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, base, "before the backup")))

	// A second Store on the same file: another window, or the command line.
	other, err := Open(ctx, f.s.Path())
	require.NoError(t, err)
	defer other.Close()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writes int
	var writeErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			m := f.timedMeeting(t, base.AddDate(0, 0, i), "written during the backup")
			if err := other.CreateMeeting(ctx, m); err != nil {
				writeErr = err
				return
			}
			writes++
		}
	}()
	dest := filepath.Join(t.TempDir(), "backup.db")
	for range 3 {
		require.NoError(t, f.s.Backup(ctx, dest)) // the second and third replace the first
	}
	close(stop)
	wg.Wait()
	require.NoError(t, writeErr)
	assert.Positive(t, writes)

	fi, err := os.Stat(dest)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*.tmp"))
	assert.Empty(t, leftovers, "no temporary file is left behind")

	b, err := Open(ctx, dest)
	require.NoError(t, err)
	defer b.Close()
	var check string
	require.NoError(t, b.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check))
	assert.Equal(t, "ok", check)
	n, err := b.CountMeetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, n, 1)
	c, err := b.Catalog(ctx)
	require.NoError(t, err)
	assert.Equal(t, "IOM", c.Us().Acronym)
}

func TestBackupRefusesTheLiveDatabase(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	for _, dest := range []string{s.Path(), s.Path() + "-wal", "", t.TempDir()} {
		err := s.Backup(ctx, dest)
		assert.ErrorIs(t, err, model.ErrInvalid, dest)
	}
	// Through another name for the same file.
	link := filepath.Join(t.TempDir(), "link.db")
	require.NoError(t, os.Symlink(s.Path(), link))
	assert.ErrorIs(t, s.Backup(ctx, link), model.ErrInvalid)
	n, err := s.Organizations(ctx)
	require.NoError(t, err)
	assert.Empty(t, n, "the live database is untouched")
}
