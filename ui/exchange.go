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
			return versionWords(string(r.Method) == "CANCEL", r.Sequence) + ": " + r.ICSPath, nil
		}, func(msg string) {
			dialog.ShowInformation(lang.L("Export .ics…"), msg, a.win)
		})
	}, a.win)
	d.SetFileName("consultation-series.ics")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	startInDocuments(a, d)
	d.Show()
}

// exportInvitation writes the invitation with the command line's code
// (store/exchange) as a draft: nothing is recorded until the officer says
// it went (askSent).
func exportInvitation(ctx context.Context, st *store.Store, meetingID, toOrg int64, now time.Time, icsPath, emlPath string) (exchange.Result, error) {
	return exchange.DraftInvitation(ctx, st, meetingID, toOrg, now, icsPath, emlPath)
}

// versionWords names a version of an invitation as people do: "first
// invitation", "update 2", "cancellation notice".
func versionWords(cancel bool, seq int) string {
	switch {
	case cancel:
		return lang.L("cancellation notice")
	case seq == 0:
		return lang.L("first invitation")
	}
	return lang.L("update {{.N}}", map[string]any{"N": seq})
}

// askSent says what was written and asks whether it went: the draft is
// recorded as sent only when the officer says so.
func (s *invitationsScreen) askSent(ob model.Obligation, r exchange.Result) {
	what := versionWords(string(r.Method) == "CANCEL", r.Sequence)
	files := r.ICSPath
	if r.EMLPath != "" {
		files = r.EMLPath
	}
	msg := lang.L("The {{.What}} for {{.Org}} is written to {{.File}}. Open it in your mail program and send it.", map[string]any{"What": what, "Org": s.app.cat.Acronym(ob.To), "File": files}) +
		"\n\n" + lang.L("Mark as sent now?")
	via := "ics"
	if r.EMLPath != "" {
		via = "eml"
	}
	s.app.confirm(lang.L("Invitation written"), msg, lang.L("Mark as sent"), lang.L("Not yet"), func(ok bool) {
		if ok {
			now := s.app.now()
			s.update(ob, func(inv *model.Invitation) error { return inv.MarkSent(now, r.Sequence, via) })
		}
	})
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
	startInDocuments(a, d)
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
				return importSummary(sum, func(ob *model.Obligation) string { return words.Reason(cat, ob) }), err // import_summary.go
			},
			func(msg string) {
				dialog.ShowInformation(lang.L("Import reply (.ics)…"), msg, a.win)
				s.load()
			})
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	startInDocuments(a, d)
	d.Show()
}
