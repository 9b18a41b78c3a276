package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

// A long task runs off the UI goroutine; Cancel cancels its context and
// its result is never shown.
func TestLongTaskCanBeCancelled(t *testing.T) {
	a, _ := newTestApp(t)
	a.sync = false
	started, stopped := make(chan struct{}), make(chan error, 1)
	shown := false
	p := longTask(a, "Import", "Importing…", func(ctx context.Context) (string, error) {
		close(started)
		<-ctx.Done() // a long import, waiting to be cancelled
		stopped <- ctx.Err()
		return "", ctx.Err()
	}, func(string) { shown = true })
	<-started
	require.False(t, p.cancelButton.Disabled())
	test.Tap(p.cancelButton)
	select {
	case err := <-stopped:
		assert.ErrorIs(t, err, context.Canceled, "Cancel reaches the work's context")
	case <-time.After(10 * time.Second):
		t.Fatal("the work did not see the cancellation")
	}
	assert.True(t, p.cancelled)
	assert.True(t, p.cancelButton.Disabled(), "Cancel can be pressed once")
	assert.False(t, shown, "a cancelled task shows no result")
}

// The briefing pack for a chosen period goes through the same dialog.
func TestBriefingPackOfAPeriod(t *testing.T) {
	a, _ := newTestApp(t)
	p := makePack(a, model.DateOf(testNow).AddDays(-30), model.DateOf(testNow).AddDays(30))
	assert.False(t, p.cancelled)
	assert.True(t, p.cancelButton.Visible(), "the progress dialog offered Cancel")
	top := a.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "once the pack is made, the save dialog asks where to put it")
}
