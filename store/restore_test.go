package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	require.NoError(t, err)
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	require.NoError(t, err)
	_, err = io.Copy(out, in)
	require.NoError(t, err)
	require.NoError(t, out.Close())
}

func countMeetings(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(context.Background(), path)
	require.NoError(t, err)
	defer s.Close()
	ms, err := s.Meetings(context.Background(), MeetingFilter{})
	require.NoError(t, err)
	require.NoError(t, s.Check(context.Background()))
	return len(ms)
}

// The office's database, after a crash: the file and a write-ahead log
// holding the last meetings, never checkpointed. Copying a backup over
// the file let SQLite replay that log over it (60,044 meetings became
// 20,044). Restore keeps the old database whole and removes the log first.
func TestRestoreRemovesAStaleLog(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	base := mustTime(t, "2027-01-04T09:00:00+01:00")
	for i := range 3 {
		require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, base.AddDate(0, 0, i), fmt.Sprintf("kept %d", i))))
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	require.NoError(t, f.s.Backup(ctx, backup))
	require.NoError(t, f.s.Checkpoint(ctx))
	for i := range 40 {
		require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, base.AddDate(0, 1, i), fmt.Sprintf("after the backup %d", i))))
	}
	// The state a killed process leaves: the file and its log, as they are.
	crashed := filepath.Join(t.TempDir(), "liaison.db")
	copyFile(t, f.s.Path(), crashed)
	copyFile(t, f.s.Path()+"-wal", crashed+"-wal")
	fi, err := os.Stat(crashed + "-wal")
	require.NoError(t, err)
	require.Greater(t, fi.Size(), int64(0), "the log holds the last meetings")

	res, err := Restore(ctx, backup, crashed)
	require.NoError(t, err)
	assert.Equal(t, crashed+".before-restore.bak", res.Kept)
	assert.NoFileExists(t, crashed+"-wal")
	assert.NoFileExists(t, crashed+"-shm")
	assert.Equal(t, 3, countMeetings(t, crashed), "exactly the backup's meetings")
	assert.Equal(t, 43, countMeetings(t, res.Kept), "the replaced database is kept with its log folded in")
	fi, err = os.Stat(crashed)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}

func TestRestoreRefusesWhatIsNotASoundLiaisonBackup(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, mustTime(t, "2027-01-04T09:00:00+01:00"), "the office's")))
	require.NoError(t, f.s.Checkpoint(ctx))
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	require.NoError(t, f.s.Backup(ctx, good))
	raw, err := os.ReadFile(good)
	require.NoError(t, err)

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o600))
		return p
	}
	torn := append([]byte{}, raw...)
	for i := 4096 * 3; i < 4096*6 && i < len(torn); i++ {
		torn[i] = byte(i * 7)
	}
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", "file:"+other)
	require.NoError(t, err)
	_, err = db.Exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello')")
	require.NoError(t, err)
	require.NoError(t, db.Close())
	newer := filepath.Join(dir, "newer.db")
	copyFile(t, good, newer)
	db, err = sql.Open("sqlite", "file:"+newer)
	require.NoError(t, err)
	_, err = db.Exec("INSERT INTO schema_migrations VALUES (9999, 'future', '2099-01-01')")
	require.NoError(t, err)
	require.NoError(t, db.Close())

	before, err := os.ReadFile(f.s.Path())
	require.NoError(t, err)
	for _, b := range []string{
		write("empty.db", nil), write("junk.db", []byte("this is not a database at all, but long enough to look like one")),
		write("torn.db", torn), write("half.db", raw[:len(raw)/2]), other, newer, f.s.Path(), f.s.Path() + "-wal",
		filepath.Join(dir, "missing.db"), dir,
	} {
		_, err := Restore(ctx, b, f.s.Path())
		assert.ErrorIs(t, err, model.ErrInvalid, b)
	}
	after, err := os.ReadFile(f.s.Path())
	require.NoError(t, err)
	assert.Equal(t, before, after, "the database is left as it was")
	assert.NoFileExists(t, f.s.Path()+".before-restore.bak")
	// The good one passes, and no -wal or -shm was made beside it.
	_, err = CheckBackup(ctx, good)
	require.NoError(t, err)
	assert.NoFileExists(t, good+"-wal")
	assert.NoFileExists(t, good+"-shm")
}

// A damaged database says so, and how to restore, instead of "not set up".
func TestDamagedDatabaseSaysHowToRestore(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	require.NoError(t, f.s.Checkpoint(ctx))
	raw, err := os.ReadFile(f.s.Path())
	require.NoError(t, err)
	dir := t.TempDir()
	for name, b := range map[string][]byte{
		"half.db": raw[:len(raw)/2],
		"junk.db": []byte("not a database, not at all, whatever its name says; 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
	} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o600))
		_, err := Open(ctx, p)
		require.ErrorIs(t, err, ErrDamaged, name)
		assert.Contains(t, err.Error(), "liaison restore BACKUP --db "+p)
	}
}

// The app restores into the Store it has open, and goes on with it.
func TestRestoreFromAnOpenStore(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	base := mustTime(t, "2027-01-04T09:00:00+01:00")
	require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, base, "in the backup")))
	backup := filepath.Join(t.TempDir(), "backup.db")
	require.NoError(t, f.s.Backup(ctx, backup))
	require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, base.AddDate(0, 0, 1), "after it")))

	res, err := f.s.RestoreFrom(ctx, backup)
	require.NoError(t, err)
	ms, err := f.s.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, "in the backup", ms[0].Title)
	assert.Equal(t, 2, countMeetings(t, res.Kept))
	require.NoError(t, f.s.CreateMeeting(ctx, f.timedMeeting(t, base.AddDate(0, 0, 2), "after the restore")))
}
