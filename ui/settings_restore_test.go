package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/store"
)

func TestRestoreFromSettings(t *testing.T) {
	a, st := newTestApp(t)
	ctx := context.Background()
	m := saveMeeting(t, a)
	backup := filepath.Join(t.TempDir(), "backup.db")
	require.NoError(t, st.Backup(ctx, backup))
	require.NoError(t, st.DeleteMeeting(ctx, m.ID)) // a mistake the backup undoes
	ms, err := st.Meetings(ctx, store.MeetingFilter{})
	require.NoError(t, err)
	require.Empty(t, ms)

	// Not a backup: said at once, nothing asked, nothing changed.
	junk := filepath.Join(t.TempDir(), "junk.db")
	require.NoError(t, os.WriteFile(junk, make([]byte, 8192), 0o600))
	a.settings.confirmRestore(junk)
	assert.Contains(t, overlayText(a), "not a sound SQLite database")
	assert.NoFileExists(t, st.Path()+".before-restore.bak")

	a.settings.confirmRestore(backup)
	assert.Contains(t, overlayText(a), "Replace everything in the database")
	test.Tap(findDialogButton(t, a, "Yes"))
	assert.Contains(t, overlayText(a), "was restored")
	ms, err = a.st.Meetings(ctx, store.MeetingFilter{})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, m.Title, ms[0].Title)
	assert.FileExists(t, st.Path()+".before-restore.bak")
	// The app goes on with the restored database.
	saveMeeting2 := fillNewMeeting(t, a)
	saveMeeting2.title.SetText("After the restore")
	test.Tap(saveMeeting2.save)
	ms, err = a.st.Meetings(ctx, store.MeetingFilter{Text: "After the restore"})
	require.NoError(t, err)
	assert.Len(t, ms, 1)
}
