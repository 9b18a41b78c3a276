package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store/exchange"
)

// exportTo exports invitation ob to ics (and the message to emlPath, when
// given) as a draft, then asks whether it went. Creating an e-mail also writes the .ics
// beside it: when one is already there (perhaps the version sent before),
// the user is asked first, as Fyne's save dialog asks for the file chosen.
func (s *invitationsScreen) exportTo(ob model.Obligation, ics, emlPath string) {
	a := s.app
	now := a.now()
	run := func() {
		background(a, func(ctx context.Context) (exchange.Result, error) {
			return exportInvitation(ctx, a.st, ob.MeetingID, ob.To, now, ics, emlPath)
		}, func(r exchange.Result) { s.askSent(ob, r) }) // a draft until the officer says it went
	}
	if emlPath == "" {
		run()
		return
	}
	if err := exchange.CheckICSBeside(ics, false); errors.Is(err, exchange.ErrICSExists) {
		dialog.ShowConfirm(lang.L("Replace the .ics file?"),
			lang.L("{{.Path}} is already there, perhaps the version sent before. Replace it with this one?", map[string]any{"Path": ics}),
			func(ok bool) {
				if ok {
					run()
				}
			}, a.win)
		return
	}
	run()
}
