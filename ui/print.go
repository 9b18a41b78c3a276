package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/ui/brief"
	"github.com/liaison-app/liaison/ui/briefing"
)

// printBrief makes the internal brief of meeting m with the command line's
// code (ui/briefing), asks where to save the PDF, then offers to send it
// to the printer.
func printBrief(a *App, m *model.Meeting) {
	p := a.fa.Preferences()
	paper := p.StringWithFallback(prefPaper, "A4")
	now := a.now()
	background(a, func(ctx context.Context) ([]byte, error) {
		b, err := briefing.Meeting(ctx, a.st, m.ID, nil, now)
		if err != nil {
			return nil, err
		}
		b.Generated = now
		var buf bytes.Buffer
		err = brief.WriteMeeting(&buf, b, brief.Options{Paper: paper})
		return buf.Bytes(), err
	}, func(pdf []byte) { savePDF(a, pdf, briefFileName(m)) })
}

// printPack asks for a period (the next 30 days by default) and makes its
// briefing pack: every meeting and consultation in it, in one PDF.
func printPack(a *App) {
	today := a.now()
	from, to := newDateField(a.now, nil), newDateField(a.now, nil)
	from.SetDate(&today)
	until := today.AddDate(0, 0, 30)
	to.SetDate(&until)
	form := []*widget.FormItem{
		widget.NewFormItem(lang.L("From"), from),
		widget.NewFormItem(lang.L("To"), to),
	}
	a.form(lang.L("Briefing pack…"), lang.L("Make the pack"), lang.L("Cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		if from.Date == nil || to.Date == nil {
			a.showError(model.Invalid("from", "%s", lang.L("give the first and the last day")))
			return
		}
		makePack(a, model.DateOf(*from.Date), model.DateOf(*to.Date))
	})
}

// makePack gathers and writes the pack of [first, last] behind a progress
// dialog that can be cancelled, then asks where to save it.
func makePack(a *App, first, last model.Date) *progressDialog {
	p := a.fa.Preferences()
	paper := p.StringWithFallback(prefPaper, "A4")
	now := a.now()
	return longTask(a, lang.L("Briefing pack…"), lang.L("Gathering every meeting and consultation from {{.From}} to {{.To}}…", map[string]any{"From": first.String(), "To": last.String()}),
		func(ctx context.Context) ([]byte, error) {
			pk, err := briefing.Pack(ctx, a.st, first, last, nil, now)
			if err != nil {
				return nil, err
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			pk.Generated = now
			var buf bytes.Buffer
			err = brief.WritePack(&buf, pk, brief.Options{Paper: paper})
			return buf.Bytes(), err
		}, func(pdf []byte) { savePDF(a, pdf, fmt.Sprintf("briefing-pack-%s-%s.pdf", first, last)) })
}

// savePDF asks where to save a PDF, then offers to print it.
func savePDF(a *App, pdf []byte, name string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			a.showError(err)
			return
		}
		writeChosenPDF(a, w, pdf)
	}, a.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	startInDocuments(a, d)
	d.Show()
}

// writeChosenPDF writes pdf to the file the save dialog chose (w), then
// offers to print it.
func writeChosenPDF(a *App, w fyne.URIWriteCloser, pdf []byte) {
	path := w.URI().Path()
	_ = w.Close() // nothing written through it (savefile.go)
	// The app's briefs are for internal use (internal notes in them):
	// only the user may read the file. Never over the database.
	a.do(func(context.Context) error { return a.st.WriteOutput(path, pdf, store.Private) }, func() {
		dialog.ShowConfirm(lang.L("Print brief"), lang.L("The brief was saved to {{.Path}}. Send it to the printer?", map[string]any{"Path": path}), func(ok bool) {
			if ok {
				background(a, func(context.Context) (brief.Route, error) { return brief.Send(path) }, func(r brief.Route) {
					dialog.ShowInformation(lang.L("Print brief"), printRouteText(r), a.win)
				})
			}
		}, a.win)
	})
}

// briefFileName names a brief after its day and title: 2027-06-23-european-regional-conference.pdf.
func briefFileName(m *model.Meeting) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(m.Title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() > 50 {
			break
		}
	}
	return fmt.Sprintf("%s-%s.pdf", m.StartDay(), strings.Trim(b.String(), "-"))
}
