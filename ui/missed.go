package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// secMissed is the dashboard's section of invitations that were owed and
// never sent before the meeting began: no longer an action, but the
// officer records why (a waiver after the fact).
const secMissed = "missed"

// missedRow is a missed invitation with its "Record why…" button.
func (s *dashboardScreen) missedRow(it dashItem, ob model.Obligation) fyne.CanvasObject {
	why := &widget.Button{Text: lang.L("Record why…"), Icon: theme.DocumentCreateIcon(), OnTapped: func() { s.onRecordWhy(ob) }}
	return container.NewBorder(nil, nil, nil, container.NewVBox(why), reasonRow(it.State, it.Title, it.Reason, it.imp, it.open))
}

// onRecordWhy asks why a missed invitation was not sent and records the
// answer as a waiver, which the rule then shows as waived.
func (s *dashboardScreen) onRecordWhy(ob model.Obligation) {
	a := s.app
	reason := newMultiField()
	reason.SetMinRowsVisible(3)
	reason.PlaceHolder = lang.L("e.g. the partner was told by note verbale")
	reason.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return fmt.Errorf("%s", lang.L("say why the invitation was not sent"))
		}
		return nil
	}
	s.lastWhy = reason
	d := a.form(lang.L("Why was the invitation not sent?"), lang.L("Record"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Reason"), reason)}, func(ok bool) {
			if !ok {
				return
			}
			now := a.now()
			a.do(func(ctx context.Context) error {
				_, err := a.st.UpdateInvitation(ctx, ob.MeetingID, ob.To, func(inv *model.Invitation) error {
					return inv.Waive(now, lang.L("after the fact")+": "+strings.TrimSpace(reason.Text))
				})
				return err
			}, s.reload)
		})
	d.Resize(fyne.NewSize(560, 300))
}
