package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// errCancelled is what a long task returns once the user cancelled it.
var errCancelled = errors.New("cancelled")

// longTask runs work off the UI goroutine behind a dialog that shows it is
// working and offers Cancel, for what can take long: importing a large
// calendar, making a briefing pack. Cancel cancels work's context: the
// store rolls back what it had begun, and the user is told that nothing
// was changed. The result goes to show on the UI goroutine; an error to a
// dialog.
func longTask[T any](a *App, title, message string, work func(ctx context.Context) (T, error), show func(T)) *progressDialog {
	ctx, cancel := context.WithCancel(a.ctx)
	p := &progressDialog{cancel: cancel}
	p.bar = widget.NewProgressBarInfinite()
	p.cancelButton = &widget.Button{Text: lang.L("Cancel"), OnTapped: p.onCancel}
	p.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(message), p.bar), a.win)
	p.dialog.SetButtons([]fyne.CanvasObject{p.cancelButton})
	finish := func(v T, err error) {
		p.bar.Stop()
		p.dialog.Hide()
		cancel()
		switch {
		case p.cancelled:
			dialog.ShowInformation(title, lang.L("Cancelled: nothing was changed."), a.win)
		case err != nil:
			a.showError(err)
		default:
			showSafely(a, show, v)
		}
	}
	if a.sync { // tests: no goroutine, so that they see the result at once
		p.dialog.Show()
		v, err := safely(a, ctx, work)
		finish(v, err)
		return p
	}
	p.dialog.Show()
	go func() {
		v, err := safely(a, ctx, work)
		if ctx.Err() != nil && err == nil {
			err = errCancelled
		}
		fyne.Do(func() { finish(v, err) })
	}()
	return p
}

// progressDialog is the dialog of a long task.
type progressDialog struct {
	dialog       *dialog.CustomDialog
	bar          *widget.ProgressBarInfinite
	cancelButton *widget.Button
	cancel       context.CancelFunc
	cancelled    bool
}

func (p *progressDialog) onCancel() {
	p.cancelled = true
	p.cancelButton.Disable()
	p.cancel()
}
