package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// lastFolderPref is where Fyne's file dialogs remember the folder last
// chosen in them.
const lastFolderPref = "fyne:fileDialogLastFolder"

// startInDocuments opens a file dialog in the user's Documents folder
// (Windows' known folder, the XDG documents folder, ~/Documents), unless
// the user already chose a folder in an earlier dialog, which Fyne then
// opens. Without a Documents folder Fyne's own choice (home) stands.
func startInDocuments(a *App, d *dialog.FileDialog) {
	if a.fa.Preferences().String(lastFolderPref) != "" {
		return
	}
	dir := documentsDir()
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}
