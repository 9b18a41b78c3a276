package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/exchange"
)

// onExportSeries writes the series on show as an .ics for the partners.
func (s *consultationsScreen) onExportSeries() {
	a := s.app
	if s.cur == nil || s.cur.ID == 0 {
		dialog.ShowInformation(lang.L("Export .ics…"), lang.L("Save the series to record its consultations."), a.win)
		return
	}
	id := s.cur.ID
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			a.showError(err)
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		now := a.now()
		background(a, func(ctx context.Context) (string, error) {
			r, err := exchange.ExportConsultation(ctx, a.st, id, now, path, "")
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("%s, version %d: %s", r.Method, r.Sequence, r.ICSPath), nil
		}, func(msg string) {
			dialog.ShowInformation(lang.L("Export .ics…"), msg, a.win)
		})
	}, a.win)
	d.SetFileName("consultation-series.ics")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	d.Show()
}

// exportInvitation writes the invitation with the command line's code
// (store/exchange), records it as sent, and says what it did.
func exportInvitation(ctx context.Context, st *store.Store, meetingID, toOrg int64, now time.Time, icsPath, emlPath string) (string, error) {
	r, err := exchange.ExportInvitation(ctx, st, meetingID, toOrg, now, icsPath, emlPath)
	if err != nil {
		return "", err
	}
	out := fmt.Sprintf("%s, version %d: %s", r.Method, r.Sequence, r.ICSPath)
	if r.EMLPath != "" {
		out += "\n" + r.EMLPath
	}
	return out, nil
}

func (s *invitationsScreen) onExportICS() { s.export(false) }

func (s *invitationsScreen) onCreateEML() { s.export(true) }

// export asks where to write the selected invitation, then exports it.
func (s *invitationsScreen) export(eml bool) {
	a := s.app
	if s.sel < 0 || s.sel >= len(s.rows) || s.rows[s.sel].Incoming {
		dialog.ShowInformation(lang.L("Export .ics…"), lang.L("Select one of our invitations in the list first."), a.win)
		return
	}
	ob := s.rows[s.sel]
	ext := ".ics"
	if eml {
		ext = ".eml"
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			a.showError(err)
			return
		}
		path := w.URI().Path()
		_ = w.Close() // exchange writes the file itself, atomically
		ics, emlPath := path, ""
		if eml {
			ics, emlPath = exchange.ICSBeside(path), path
		}
		s.exportTo(ob, ics, emlPath) // export_files.go
	}, a.win)
	name := fmt.Sprintf("invitation-%d-%s", ob.MeetingID, strings.ToLower(a.cat.Acronym(ob.To)))
	if m := s.meetings[ob.MeetingID]; m != nil {
		name = strings.TrimSuffix(briefFileName(m), ".pdf") + "-" + strings.ToLower(a.cat.Acronym(ob.To))
	}
	d.SetFileName(name + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}

// onImportReply imports a partner's reply (or meetings) from an .ics file.
func (s *invitationsScreen) onImportReply() {
	a := s.app
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			a.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		now, words, cat := a.now(), a.words(), a.cat
		longTask(a, lang.L("Import reply (.ics)…"), lang.L("Importing {{.File}}…", map[string]any{"File": r.URI().Name()}),
			func(ctx context.Context) (string, error) {
				sum, err := exchange.ImportFiles(ctx, a.st, []string{path}, now)
				return sum.Text(func(ob *model.Obligation) string { return words.Reason(cat, ob) }), err
			},
			func(msg string) {
				dialog.ShowInformation(lang.L("Import reply (.ics)…"), msg, a.win)
				s.load()
			})
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	d.Show()
}
