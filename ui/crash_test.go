package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

// crashReports lists the crash reports beside the database.
func crashReports(t *testing.T, a *App) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(filepath.Dir(a.st.Path()), "liaison-crash-*.txt"))
	require.NoError(t, err)
	return names
}

// An emoji in a venue city made File → Briefing pack… panic in fpdf and
// killed the app.
func TestBriefingPackWithAnEmojiCity(t *testing.T) {
	a, st := newTestApp(t)
	m := saveMeeting(t, a)
	m.Venue.City = "Genève 😀"
	require.NoError(t, st.UpdateMeeting(context.Background(), &m))
	p := makePack(a, model.DateOf(testNow).AddDays(-30), model.DateOf(m.Start).AddDays(30))
	require.False(t, p.cancelled)
	require.NotNil(t, a.win.Canvas().Overlays().Top())
	assert.NotContains(t, overlayText(a), "internal error", "the pack was made")
	assert.Empty(t, crashReports(t, a))
}

// A panic in a background task (a bug, or a library failing on odd data)
// killed the app with everything on screen; now it is an error dialog, a
// report beside the database, and the form being edited keeps its text.
func TestPanicInABackgroundTaskIsADialog(t *testing.T) {
	for _, async := range []bool{false, true} {
		a, _ := newTestApp(t)
		a.sync = !async
		e := fillNewMeeting(t, a)
		e.title.SetText("Being typed when the bug struck")
		done := make(chan struct{})
		background(a, func(context.Context) (int, error) {
			defer close(done)
			var m map[string]int
			//lint:ignore SA5000 the bug this test needs: a write to a nil map panics
			m["boom"]++
			return 0, nil
		}, func(int) { t.Error("a task that panicked showed a result") })
		<-done
		var top string
		require.Eventually(t, func() bool {
			top = overlayText(a)
			return strings.Contains(top, "internal error")
		}, 5*time.Second, 10*time.Millisecond, "an error dialog")
		reports := crashReports(t, a)
		require.Len(t, reports, 1)
		assert.Contains(t, top, filepath.Base(reports[0]))
		b, err := os.ReadFile(reports[0])
		require.NoError(t, err)
		assert.Contains(t, string(b), "assignment to entry in nil map")
		assert.Equal(t, "Being typed when the bug struck", e.title.Text, "the record being edited is kept")

		// The same in a long task (import, briefing pack) and in what shows
		// a result.
		longTask(a, "Briefing pack…", "…", func(context.Context) (int, error) { panic("fpdf: index out of range") }, func(int) {})
		require.Eventually(t, func() bool { return len(crashReports(t, a)) == 2 }, 5*time.Second, 10*time.Millisecond)
		background(a, func(context.Context) (int, error) { return 1, nil }, func(int) { panic("bad result") })
		require.Eventually(t, func() bool { return len(crashReports(t, a)) == 3 }, 5*time.Second, 10*time.Millisecond)
	}
}

// overlayText is every text drawn in the top overlay (a dialog).
func overlayText(a *App) string {
	o := a.win.Canvas().Overlays().Top()
	if o == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range test.LaidOutObjects(o) {
		switch w := c.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		}
	}
	return b.String()
}

// The office calendar's background work (its own runner, errors on the
// status line) turns a panic into an error too.
func TestPanicInASyncTaskIsAnError(t *testing.T) {
	a, _ := newTestApp(t)
	var got error
	run(a, func(context.Context) (int, error) { panic("server sent nonsense") }, func(_ int, err error) { got = err })
	require.Error(t, got)
	assert.Contains(t, got.Error(), "internal error")
	assert.Len(t, crashReports(t, a), 1)
}
