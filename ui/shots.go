package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/liaison-app/liaison/store"
)

// NewAt is New with the clock given: the screenshot tool pretends a date.
func NewAt(ctx context.Context, fa fyne.App, st *store.Store, now func() time.Time) *App {
	return newApp(ctx, fa, st, false, now)
}

// ShowForScreenshot shows a screen by name; "editor" opens the first
// upcoming meeting that owes an invitation in the meeting editor.
func (a *App) ShowForScreenshot(name string) {
	switch name {
	case "invitations":
		// Called twice by the screenshot tool: show, then (rows loaded) select.
		if a.current != name {
			a.Show(name)
		} else if len(a.invitations.rows) > 0 {
			a.invitations.list.Select(0)
		}
		return
	case "scrolled":
		// The meetings list, far down: rows load a page at a time.
		// Called twice by the screenshot tool: show, then (counted) scroll.
		if a.current != "meetings" {
			a.Show("meetings")
		} else {
			a.meetings.list.ScrollTo(a.meetings.total * 4 / 5)
		}
		return
	case "occurrence":
		// Called twice: show the series, then open its last held consultation.
		if a.current != "consultations" {
			a.Show("consultations")
		} else if sr := a.consultations.cur; sr != nil {
			if ins, err := sr.Instances(sr.Start.Add(-time.Hour), a.now()); err == nil && len(ins) > 0 {
				a.consultations.editOccurrence(ins[len(ins)-1])
			}
		}
		return
	case "panel":
		// Called twice: open the editor, then scroll to what Article 2
		// says (under the form in a narrow window).
		if e := a.meetings.editor; e != nil && a.current == "meetings" {
			if sc, ok := e.layout.content.Objects[0].(*container.Scroll); ok {
				sc.ScrollToBottom()
			}
			return
		}
		a.ShowForScreenshot("editor")
		return
	case "guide":
		// Help → Guide over the dashboard.
		if a.current != "dashboard" {
			a.Show("dashboard")
		}
		a.showGuide()
		return
	case "editor":
	default:
		a.Show(name)
		return
	}
	a.Show("meetings")
	for _, it := range a.dashboard.items[secNext] {
		if it.open != nil && it.imp != 0 {
			it.open()
			return
		}
	}
	if m := a.meetings.row(0); m != nil {
		a.meetings.open(m.ID)
	}
}
