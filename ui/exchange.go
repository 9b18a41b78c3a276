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
	"github.com/liaison-app/liaison/store/exchange"
)

// Exchanger is the iCalendar exchange with partners, written once below
// the command line and this app (store/exchange): export an invitation and
// record it as sent in the same step; import replies and partners'
// meetings. Data that cannot exchange (a test double) leaves the buttons
// saying so.
type Exchanger interface {
	// ExportInvitation writes the invitation to icsPath (and a ready-to-send
	// message to emlPath, when given), records it as sent at now, and says
	// what it did.
	ExportInvitation(ctx context.Context, meetingID, toOrg int64, now time.Time, icsPath, emlPath string) (string, error)
	// ImportFiles imports .ics files and says what changed.
	ImportFiles(ctx context.Context, paths []string, now time.Time) (string, error)
	// ExportConsultation writes a consultation series for the partners'
	// focal points, and says what it did.
	ExportConsultation(ctx context.Context, seriesID int64, now time.Time, icsPath string) (string, error)
}

func (d storeData) ExportConsultation(ctx context.Context, seriesID int64, now time.Time, icsPath string) (string, error) {
	r, err := exchange.ExportConsultation(ctx, d.Store, seriesID, now, icsPath, "")
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s, version %d: %s", r.Method, r.Sequence, r.ICSPath), nil
}

// onExportSeries writes the series on show as an .ics for the partners.
func (s *consultationsScreen) onExportSeries() {
	a := s.app
	x, ok := a.data.(Exchanger)
	if !ok || s.cur == nil || s.cur.ID == 0 {
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
		background(a, func(ctx context.Context) (string, error) { return x.ExportConsultation(ctx, id, now, path) }, func(msg string) {
			dialog.ShowInformation(lang.L("Export .ics…"), msg, a.win)
		})
	}, a.win)
	d.SetFileName("consultation-series.ics")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	d.Show()
}

func (d storeData) ExportInvitation(ctx context.Context, meetingID, toOrg int64, now time.Time, icsPath, emlPath string) (string, error) {
	r, err := exchange.ExportInvitation(ctx, d.Store, meetingID, toOrg, now, icsPath, emlPath)
	if err != nil {
		return "", err
	}
	out := fmt.Sprintf("%s, version %d: %s", r.Method, r.Sequence, r.ICSPath)
	if r.EMLPath != "" {
		out += "\n" + r.EMLPath
	}
	return out, nil
}

func (d storeData) ImportFiles(ctx context.Context, paths []string, now time.Time) (string, error) {
	sum, err := exchange.ImportFiles(ctx, d.Store, paths, now)
	return sum.String(), err
}

func (s *invitationsScreen) onExportICS() { s.export(false) }

func (s *invitationsScreen) onCreateEML() { s.export(true) }

// export asks where to write the selected invitation, then exports it.
func (s *invitationsScreen) export(eml bool) {
	a := s.app
	x, ok := a.data.(Exchanger)
	if !ok {
		icalComingSoon(a, lang.L("Export .ics…"))
		return
	}
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
			ics, emlPath = strings.TrimSuffix(path, ".eml")+".ics", path
		}
		now := a.now()
		background(a, func(ctx context.Context) (string, error) {
			return x.ExportInvitation(ctx, ob.MeetingID, ob.To, now, ics, emlPath)
		}, func(msg string) {
			dialog.ShowInformation(lang.L("Invitation exported and recorded as sent"), msg, a.win)
			s.update(ob, func(*model.Invitation) error { return nil })
		})
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
	x, ok := a.data.(Exchanger)
	if !ok {
		icalComingSoon(a, lang.L("Import reply (.ics)…"))
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			a.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		now := a.now()
		longTask(a, lang.L("Import reply (.ics)…"), lang.L("Importing {{.File}}…", map[string]any{"File": r.URI().Name()}),
			func(ctx context.Context) (string, error) { return x.ImportFiles(ctx, []string{path}, now) },
			func(msg string) {
				dialog.ShowInformation(lang.L("Import reply (.ics)…"), msg, a.win)
				s.load()
			})
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	d.Show()
}

// icalComingSoon tells the user that an iCalendar action is not available.
func icalComingSoon(a *App, what string) {
	dialog.ShowInformation(what, lang.L("This comes with the iCalendar exchange (store/exchange), which is not in this build yet."), a.win)
}
