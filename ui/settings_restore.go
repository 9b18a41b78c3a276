package ui

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/store"
)

// restoreButton is Settings → Restore from a backup…: the same restore as
// "liaison restore BACKUP" (store.Restore), on the database the app has
// open.
func (s *settingsScreen) restoreButton() fyne.CanvasObject {
	return &widget.Button{Text: lang.L("Restore from a backup…"), Icon: theme.HistoryIcon(), OnTapped: s.onRestore}
}

// onRestore asks for the backup file, then checks it and asks again.
func (s *settingsScreen) onRestore() {
	a := s.app
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			a.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		s.confirmRestore(path)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".bak"}))
	d.Show()
}

// confirmRestore checks the backup (a Liaison database passing the
// integrity check), so that the question is asked only about one that can
// be restored, then asks before replacing everything.
func (s *settingsScreen) confirmRestore(backup string) {
	a := s.app
	kept := a.st.Path() + ".before-restore.bak"
	background(a, func(ctx context.Context) (int, error) { return store.CheckBackup(ctx, backup) }, func(int) {
		dialog.ShowConfirm(lang.L("Restore from a backup…"),
			lang.L("Replace everything in the database with the backup {{.File}}? The database as it is now is kept as {{.Kept}}. Forms not saved are closed.",
				map[string]any{"File": filepath.Base(backup), "Kept": kept}),
			func(ok bool) {
				if ok {
					s.restore(backup)
				}
			}, a.win)
	})
}

// restore swaps the backup in and shows every screen afresh.
func (s *settingsScreen) restore(backup string) {
	a := s.app
	background(a, func(ctx context.Context) (store.RestoreResult, error) { return a.st.RestoreFrom(ctx, backup) },
		func(res store.RestoreResult) {
			a.rebuild()
			dialog.ShowInformation(lang.L("Restore from a backup…"),
				lang.L("The backup {{.File}} was restored. The database as it was before is kept as {{.Kept}}.",
					map[string]any{"File": filepath.Base(backup), "Kept": res.Kept}), a.win)
		})
}
