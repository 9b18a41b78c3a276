package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// replyForm is the Record reply dialog: the answer, the day it arrived
// (today unless changed), the representatives one per row, and a note.
type replyForm struct {
	states []model.InvitationState
	state  *widget.Select
	day    *dateField
	reps   []*field
	repBox *fyne.Container
	note   *field
}

func newReplyForm(now func() time.Time) *replyForm {
	f := &replyForm{states: []model.InvitationState{model.InvAccepted, model.InvTentative, model.InvDeclined}}
	var opts []string
	for _, st := range f.states {
		opts = append(opts, invStateLabel(st))
	}
	f.state = widget.NewSelect(opts, nil)
	f.state.SetSelectedIndex(0)
	f.day = newDateField(now, nil)
	today := now()
	f.day.SetDate(&today)
	f.repBox = container.NewVBox()
	f.addRep("")
	f.note = newField()
	return f
}

// addRep adds one representative row, with its remove button.
func (f *replyForm) addRep(text string) {
	e := newField()
	e.SetText(text)
	e.PlaceHolder = lang.L("Name <name@example.org>")
	var row *fyne.Container
	del := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() {
		if i := slices.Index(f.reps, e); i >= 0 {
			f.reps = slices.Delete(f.reps, i, i+1)
			f.repBox.Remove(row)
		}
	}}
	row = container.NewBorder(nil, nil, nil, del, e)
	f.reps = append(f.reps, e)
	f.repBox.Add(row)
}

func (f *replyForm) items() []*widget.FormItem {
	add := &widget.Button{Text: lang.L("Add a representative"), Icon: theme.ContentAddIcon(), OnTapped: func() { f.addRep("") }}
	return []*widget.FormItem{
		widget.NewFormItem(lang.L("Reply"), f.state),
		widget.NewFormItem(lang.L("Received on"), f.day),
		widget.NewFormItem(lang.L("Representatives"), container.NewVBox(f.repBox, container.NewHBox(add))),
		widget.NewFormItem(lang.L("Note"), f.note),
	}
}

// reply reads the form; a representative that does not read is an error
// naming the row.
func (f *replyForm) reply(now time.Time) (model.Reply, error) {
	var rs []model.Representative
	for _, e := range f.reps {
		if strings.TrimSpace(e.Text) == "" {
			continue
		}
		r, err := model.ParseRepresentative(e.Text)
		if err != nil {
			return model.Reply{}, err
		}
		rs = append(rs, r)
	}
	at := now
	if f.day.Err() != nil {
		return model.Reply{}, model.Invalid("replied_at", "%s", f.day.Err().Error())
	}
	if d := f.day.Date; d != nil && model.DateOf(*d) != model.DateOf(now) {
		// A reply that came on an earlier day is dated at noon that day.
		at = time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, now.Location())
	}
	return model.Reply{At: at, State: f.states[max(f.state.SelectedIndex(), 0)], Representatives: rs, Comment: f.note.Text}, nil
}

func (s *invitationsScreen) onRecordReply(ob model.Obligation) {
	f := newReplyForm(s.app.now)
	s.lastReply = f
	d := s.app.form(lang.L("Record reply"), lang.L("Record"), lang.L("Cancel"), f.items(), func(ok bool) {
		if !ok {
			return
		}
		r, err := f.reply(s.app.now())
		if err != nil {
			s.app.showError(err)
			return
		}
		s.update(ob, func(inv *model.Invitation) error { return inv.RecordReply(r) })
	})
	d.Resize(fyne.NewSize(620, 420)) // each representative readable at full width
}
