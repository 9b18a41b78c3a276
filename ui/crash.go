package ui

import (
	"context"

	"github.com/liaison-app/liaison/store"
)

// recovering runs fn; a panic in it (a bug, or a library failing on odd
// data) becomes a *store.Crash error that the caller shows in a dialog,
// with the stack in a report file beside the database, instead of killing
// the app and everything on screen with it. What the user was editing
// stays in its form: only the task is lost.
func (a *App) recovering(task string, fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			db := ""
			if a.st != nil {
				db = a.st.Path()
			}
			err = store.Recovered(db, task, v)
		}
	}()
	return fn()
}

// safely is load with a panic turned into an error (see recovering).
func safely[T any](a *App, ctx context.Context, load func(ctx context.Context) (T, error)) (v T, err error) {
	err = a.recovering("a background task", func() error {
		var lerr error
		v, lerr = load(ctx)
		return lerr
	})
	return v, err
}

// showSafely runs show on the UI goroutine, a panic in it going to a
// dialog.
func showSafely[T any](a *App, show func(T), v T) {
	if err := a.recovering("showing the result", func() error { show(v); return nil }); err != nil {
		a.showError(err)
	}
}
