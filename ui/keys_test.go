package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// typeShortcut delivers sc as the desktop driver does when no menu item
// takes it: to the focused widget if it takes shortcuts, else to the
// window's canvas.
func typeShortcut(a *App, sc fyne.Shortcut) {
	c := a.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

func typeKey(a *App, k fyne.KeyName) {
	c := a.win.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: k})
}

func TestNewMeetingStartsInTitle(t *testing.T) {
	a, _ := newTestApp(t)
	typeShortcut(a, scNew)
	e := a.meetings.editor
	require.NotNil(t, e, "Ctrl+N opens a new meeting")
	assert.Same(t, e.title, a.win.Canvas().Focused())
}

func TestCtrlSSavesFromInsideAField(t *testing.T) {
	a, st := newTestApp(t)
	e := fillNewMeeting(t, a)
	require.NoError(t, e.Err)
	a.win.Canvas().Focus(e.venueCity)
	typeShortcut(a, scSave)
	assert.Nil(t, a.meetings.editor, "Ctrl+S typed in a field saved and closed the editor")
	n, err := st.CountMeetings(context.Background(), filterAll())
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

func TestCtrlNFromInsideAMultiLineField(t *testing.T) {
	a, _ := newTestApp(t)
	e := fillNewMeeting(t, a)
	a.win.Canvas().Focus(e.notes)
	typeShortcut(a, scNew)
	// The form has changes: a new meeting asks before dropping them.
	require.Len(t, a.dialogs, 1, "Ctrl+N typed in the notes reached the window")
	typeKey(a, fyne.KeyEscape)
	assert.Same(t, e, a.meetings.editor)
}

func TestNoShortcutReachesTheWindowBehindADialog(t *testing.T) {
	a, st := newTestApp(t)
	e := fillNewMeeting(t, a)
	require.NoError(t, e.Err)
	a.info("A dialog", "over the editor")
	a.win.Canvas().Focus(e.title)
	typeShortcut(a, scSave)
	assert.NotNil(t, a.meetings.editor, "Ctrl+S behind a dialog does not save and close the editor")
	n, err := st.CountMeetings(context.Background(), filterAll())
	require.NoError(t, err)
	assert.Zero(t, n)
	typeKey(a, fyne.KeyEscape)
	assert.Empty(t, a.dialogs, "Escape closed the dialog")

	// A second Ctrl+P does not stack a second dialog.
	a.Show("dashboard")
	a.win.Canvas().Unfocus()
	typeShortcut(a, scPrint)
	typeShortcut(a, scPrint)
	assert.Len(t, a.dialogs, 1)
	assert.Len(t, a.win.Canvas().Overlays().List(), 1)
	typeKey(a, fyne.KeyReturn)
	assert.Empty(t, a.dialogs, "Enter closed the message")
}

func TestDiscardQuestionKeepsEditingByDefault(t *testing.T) {
	a, _ := newTestApp(t)
	e := fillNewMeeting(t, a)
	test.Tap(findButton(t, a.meetings.stack, "Close"))
	require.Len(t, a.dialogs, 1, "closing a changed form asks")
	typeKey(a, fyne.KeyReturn)
	assert.Same(t, e, a.meetings.editor, "Enter keeps editing")
	assert.True(t, e.dirty)
	test.Tap(findButton(t, a.meetings.stack, "Close"))
	typeKey(a, fyne.KeyEscape)
	assert.Same(t, e, a.meetings.editor, "Escape keeps editing")
	test.Tap(findButton(t, a.meetings.stack, "Close"))
	test.Tap(findButton(t, a.win.Canvas().Overlays().Top(), "Discard"))
	assert.Nil(t, a.meetings.editor, "Discard drops the changes")
}

func TestEnterAndEscapeInADialogField(t *testing.T) {
	a, _ := newTestApp(t)
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		f := newField()
		var answers []bool
		a.form("Reason", "OK", "Cancel", []*widget.FormItem{widget.NewFormItem("Reason", f)}, func(ok bool) { answers = append(answers, ok) })
		a.win.Canvas().Focus(f)
		test.Type(f, "agreed at the last consultation")
		typeKey(a, k)
		assert.Equal(t, []bool{k == fyne.KeyReturn}, answers, "%s in a field of a form dialog", k)
		assert.Empty(t, a.dialogs)
	}
}

func TestEditMenuActsOnTheFocusedField(t *testing.T) {
	a, _ := newTestApp(t)
	e := fillNewMeeting(t, a)
	a.win.Canvas().Focus(e.venueCity)
	menu := a.mainMenu().Items[1]
	run := func(label string) {
		for _, it := range menu.Items {
			if it.Label == label {
				it.Action()
				return
			}
		}
		t.Fatalf("no %q in the Edit menu", label)
	}
	run("Select all")
	run("Cut")
	assert.Equal(t, "", e.venueCity.Text)
	assert.Equal(t, "Lyon", a.fa.Clipboard().Content())
	run("Paste")
	run("Paste")
	assert.Equal(t, "LyonLyon", e.venueCity.Text)
	run("Undo")
	assert.Equal(t, "Lyon", e.venueCity.Text)
}

// findButton returns the button labelled text under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, x := range test.WidgetRenderer(w).Objects() {
				walk(x)
			}
		}
	}
	walk(o)
	require.NotNil(t, found, "no %q button", text)
	return found
}

func TestEnterAndEscapeInTheAppsOtherDialogs(t *testing.T) {
	a, _ := newTestApp(t)
	m := saveMeeting(t, a)
	a.invitations.openMeeting(m.ID)
	ob := a.invitations.Rows()[0]
	// Waive: Enter with no reason does nothing (the form is not valid);
	// Escape cancels.
	a.invitations.onWaive(ob)
	require.Len(t, a.dialogs, 1)
	typeKey(a, fyne.KeyReturn)
	require.Len(t, a.dialogs, 1, "a waiver needs its reason")
	typeKey(a, fyne.KeyEscape)
	require.Empty(t, a.dialogs)

	// Delete: Enter keeps the meeting (the safe answer).
	a.meetings.open(m.ID)
	a.meetings.deleteMeeting(&m)
	typeKey(a, fyne.KeyReturn)
	require.Empty(t, a.dialogs)
	require.NotNil(t, a.meetings.editor, "Enter did not delete")
}
