package ui

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func hashFile(t *testing.T, p string) [32]byte {
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

// Fyne's save dialog opened the chosen file with os.Create before the app
// saw the path: choosing the database in Export… or Briefing pack… emptied
// it. The writer the dialog hands over now touches nothing until it is
// closed, and never the database.
func TestSaveDialogWriterNeverTruncates(t *testing.T) {
	a, st := newTestApp(t)
	require.NoError(t, st.Checkpoint(context.Background()))
	before := hashFile(t, st.Path())

	w, err := storage.Writer(storage.NewFileURI(st.Path()))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	assert.Equal(t, before, hashFile(t, st.Path()), "choosing the database and closing leaves it whole")

	w, err = storage.Writer(storage.NewFileURI(st.Path()))
	require.NoError(t, err)
	_, _ = w.Write([]byte("%PDF-1.4 a brief"))
	assert.ErrorContains(t, w.Close(), "live database")
	assert.Equal(t, before, hashFile(t, st.Path()), "writing into it is refused")

	// An ordinary file: written on Close, atomically; nothing before.
	p := filepath.Join(t.TempDir(), "brief.pdf")
	require.NoError(t, os.WriteFile(p, []byte("the old brief"), 0o600))
	w, err = storage.Writer(storage.NewFileURI(p))
	require.NoError(t, err)
	b, _ := os.ReadFile(p)
	assert.Equal(t, "the old brief", string(b), "opening the writer does not truncate")
	_, _ = w.Write([]byte("the new brief"))
	require.NoError(t, w.Close())
	b, _ = os.ReadFile(p)
	assert.Equal(t, "the new brief", string(b))
	_ = a
}

// Saving a brief over the database is refused with a dialog.
func TestSavePDFRefusesTheDatabase(t *testing.T) {
	a, st := newTestApp(t)
	require.NoError(t, st.Checkpoint(context.Background()))
	before := hashFile(t, st.Path())
	w, err := storage.Writer(storage.NewFileURI(st.Path()))
	require.NoError(t, err)
	writeChosenPDF(a, w, []byte("%PDF-1.4"))
	assert.Contains(t, overlayText(a), "live database")
	assert.Equal(t, before, hashFile(t, st.Path()))

	p := filepath.Join(t.TempDir(), "brief.pdf")
	w, err = storage.Writer(storage.NewFileURI(p))
	require.NoError(t, err)
	writeChosenPDF(a, w, []byte("%PDF-1.4"))
	fi, err := os.Stat(p)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the app's briefs are for internal use")
}

// "Create e-mail (.eml)" wrote the .ics beside it over whatever was there.
func TestCreateEMLAsksBeforeReplacingAnICS(t *testing.T) {
	a, st := newTestApp(t)
	ctx := context.Background()
	fps, err := st.FocalPoints(ctx)
	require.NoError(t, err)
	for i := range fps {
		fps[i].Placeholder, fps[i].Name = false, "Focal Point"
		require.NoError(t, st.UpdateFocalPoint(ctx, &fps[i]))
	}
	m := saveMeeting(t, a)
	a.invitations.openMeeting(m.ID)
	require.Len(t, a.invitations.Rows(), 1)
	ob := a.invitations.Rows()[0]
	dir := t.TempDir()
	ics, eml := filepath.Join(dir, "inv.ics"), filepath.Join(dir, "inv.eml")
	require.NoError(t, os.WriteFile(ics, []byte("sent last week"), 0o644))

	a.invitations.exportTo(ob, ics, eml)
	assert.Contains(t, overlayText(a), "already there")
	b, _ := os.ReadFile(ics)
	assert.Equal(t, "sent last week", string(b), "nothing is written before the answer")
	assert.NoFileExists(t, eml)

	test.Tap(findDialogButton(t, a, "Yes"))
	b, _ = os.ReadFile(ics)
	assert.Contains(t, string(b), "METHOD:REQUEST")
	assert.FileExists(t, eml)
}

// findDialogButton finds a button of the top dialog by its text.
func findDialogButton(t *testing.T, a *App, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(a.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button in %q", text, overlayText(a))
	return nil
}
