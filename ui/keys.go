package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// field is a text entry that passes on what it does not handle itself:
// the window's shortcuts (Ctrl+S, Ctrl+P, ...), which a plain Fyne Entry
// swallows while it has the focus, and Escape, or Enter in a one-line
// field, which go to the dialog the field sits in.
type field struct {
	widget.Entry
}

// newField returns a one-line field.
func newField() *field {
	f := &field{}
	f.ExtendBaseWidget(f)
	return f
}

// newMultiField returns a multi-line field that wraps at word ends.
func newMultiField() *field {
	f := &field{}
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.ExtendBaseWidget(f)
	return f
}

// windowShortcuts are the shortcuts a field hands to its window.
var windowShortcuts = []fyne.KeyName{fyne.KeyS, fyne.KeyP, fyne.KeyE, fyne.KeyN, fyne.KeyF, fyne.KeyQ}

// TypedShortcut runs the entry's own shortcuts (copy, paste, undo, ...)
// and hands the window's to the canvas.
func (f *field) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault && slices.Contains(windowShortcuts, cs.KeyName) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(f).(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			c.TypedShortcut(s)
		}
		return
	}
	f.Entry.TypedShortcut(s)
}

// TypedKey hands Escape, and Enter in a one-line field without its own
// OnSubmitted, to the canvas (which gives them to the open dialog).
func (f *field) TypedKey(ev *fyne.KeyEvent) {
	pass := ev.Name == fyne.KeyEscape ||
		(ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && !f.MultiLine && f.OnSubmitted == nil
	if pass {
		if c := fyne.CurrentApp().Driver().CanvasForObject(f); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
			return
		}
	}
	f.Entry.TypedKey(ev)
}

// openDialog is a dialog on show and what Enter does in it (nil: nothing).
type openDialog struct {
	d     dialog.Dialog
	enter func()
}

// present shows d and keeps it on the stack of open dialogs until it
// closes: Escape dismisses the top one, Enter runs its enter.
func (a *App) present(d dialog.Dialog, enter func()) {
	od := &openDialog{d: d, enter: enter}
	a.dialogs = append(a.dialogs, od)
	d.SetOnClosed(func() {
		if i := slices.Index(a.dialogs, od); i >= 0 {
			a.dialogs = slices.Delete(a.dialogs, i, i+1)
		}
	})
	d.Show()
}

// dialogOpen tells whether something (a dialog, a pop-up) covers the
// window: then no shortcut reaches the screens behind it.
func (a *App) dialogOpen() bool {
	return len(a.dialogs) > 0 || a.win.Canvas().Overlays().Top() != nil
}

// onTypedKey handles the keys that reach the window with no field
// focused, or that a field passed on: Escape and Enter in a dialog.
func (a *App) onTypedKey(ev *fyne.KeyEvent) {
	if len(a.dialogs) == 0 {
		return
	}
	top := a.dialogs[len(a.dialogs)-1]
	switch ev.Name {
	case fyne.KeyEscape:
		top.d.Dismiss()
	case fyne.KeyReturn, fyne.KeyEnter:
		if top.enter != nil {
			top.enter()
		}
	}
}

// guarded wraps a window action so that it does nothing while a dialog
// is open: a shortcut typed in a dialog never acts on the screen behind,
// and a second Ctrl+P never stacks a second dialog.
func (a *App) guarded(fn func()) func() {
	return func() {
		if a.dialogOpen() {
			return
		}
		fn()
	}
}

// confirm asks a yes/no question; Enter answers yes, Escape no.
func (a *App) confirm(title, message, yes, no string, answer func(bool)) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, answer, a.win)
	d.SetConfirmText(yes)
	d.SetDismissText(no)
	a.present(d, d.Confirm)
	return d
}

// confirmKeep asks before something is lost: the safe answer (no) is
// the default, taken by Enter as by Escape; yes is shown in red.
func (a *App) confirmKeep(title, message, yes, no string, answer func(bool)) {
	d := dialog.NewConfirm(title, message, answer, a.win)
	d.SetConfirmText(yes)
	d.SetDismissText(no)
	d.SetConfirmImportance(widget.DangerImportance)
	a.present(d, d.Dismiss)
}

// errorDialog shows err; Enter and Escape close it.
func (a *App) errorDialog(err error) {
	d := dialog.NewError(err, a.win)
	a.present(d, d.Dismiss)
}

// info shows a message; Enter and Escape close it.
func (a *App) info(title, message string) {
	d := dialog.NewInformation(title, message, a.win)
	a.present(d, d.Dismiss)
}

// form shows a form dialog; Enter submits it when it is valid.
func (a *App) form(title, ok, cancel string, items []*widget.FormItem, answer func(bool)) *dialog.FormDialog {
	d := dialog.NewForm(title, ok, cancel, items, answer, a.win)
	a.present(d, d.Submit)
	return d
}

// customConfirm shows content with OK and Cancel; Enter is OK.
func (a *App) customConfirm(title, ok, cancel string, content fyne.CanvasObject, answer func(bool), size fyne.Size) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(title, ok, cancel, content, answer, a.win)
	if !size.IsZero() {
		d.Resize(size)
	}
	a.present(d, d.Confirm)
	return d
}

// editMenu acts on the focused field, as Outlook's Edit menu does.
func (a *App) editMenu() []*fyne.MenuItem {
	act := func(label string, sc fyne.Shortcut, make func() fyne.Shortcut) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() {
			if f, ok := a.win.Canvas().Focused().(fyne.Shortcutable); ok {
				f.TypedShortcut(make())
			}
		})
		it.Shortcut = sc
		return it
	}
	cb := func() fyne.Clipboard { return a.fa.Clipboard() }
	return []*fyne.MenuItem{
		act(lang.L("Undo"), &fyne.ShortcutUndo{}, func() fyne.Shortcut { return &fyne.ShortcutUndo{} }),
		fyne.NewMenuItemSeparator(),
		act(lang.L("Cut"), &fyne.ShortcutCut{}, func() fyne.Shortcut { return &fyne.ShortcutCut{Clipboard: cb()} }),
		act(lang.L("Copy"), &fyne.ShortcutCopy{}, func() fyne.Shortcut { return &fyne.ShortcutCopy{Clipboard: cb()} }),
		act(lang.L("Paste"), &fyne.ShortcutPaste{}, func() fyne.Shortcut { return &fyne.ShortcutPaste{Clipboard: cb()} }),
		act(lang.L("Select all"), &fyne.ShortcutSelectAll{}, func() fyne.Shortcut { return &fyne.ShortcutSelectAll{} }),
		fyne.NewMenuItemSeparator(),
	}
}

// newCustomDialog is a dialog showing content with one closing button.
func newCustomDialog(title, dismiss string, content fyne.CanvasObject, a *App) *dialog.CustomDialog {
	return dialog.NewCustom(title, dismiss, content, a.win)
}
