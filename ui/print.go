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

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/ui/brief"
)

// printBrief makes the internal brief of meeting m (package brief), asks
// where to save the PDF, then offers to send it to the printer.
func printBrief(a *App, m *model.Meeting) {
	p := a.fa.Preferences()
	hq, paper := p.String(prefHQZone), p.StringWithFallback(prefPaper, "A4")
	now, cat := a.now(), a.cat // read here: the UI goroutine may replace a.cat
	background(a, func(ctx context.Context) ([]byte, error) {
		invs, err := a.data.Invitations(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		fps, err := a.data.FocalPoints(ctx)
		if err != nil {
			return nil, err
		}
		b := brief.MeetingBrief{Catalog: cat, Meeting: m, Invitations: invs, HQZone: hq, Generated: now,
			Obligations: model.Obligations(cat, m, invs, now)}
		day := m.StartDay()
		for _, f := range fps {
			if !f.ActiveOn(day) {
				continue
			}
			if us := cat.Us(); us != nil && f.OrgID == us.ID {
				b.OurFocalPoints = append(b.OurFocalPoints, f)
			} else {
				b.PartnerFocalPoints = append(b.PartnerFocalPoints, f)
			}
		}
		var buf bytes.Buffer
		err = brief.WriteMeeting(&buf, b, brief.Options{Paper: paper})
		return buf.Bytes(), err
	}, func(pdf []byte) {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				a.showError(err)
				return
			}
			_, err = w.Write(pdf)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				a.showError(err)
				return
			}
			path := w.URI().Path()
			dialog.ShowConfirm(lang.L("Print brief"), lang.L("The brief was saved to {{.Path}}. Send it to the printer?", map[string]any{"Path": path}), func(ok bool) {
				if ok {
					a.do(func(context.Context) error { return brief.Print(path) }, nil)
				}
			}, a.win)
		}, a.win)
		d.SetFileName(briefFileName(m))
		d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
		d.Show()
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
