package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// actionRow is one action item in the occurrence dialog.
type actionRow struct {
	item  model.ActionItem
	text  *widget.Entry
	owner *widget.Select
	due   *widget.Entry
	done  *widget.Check
}

// editOccurrence opens the record of one consultation: held or cancelled,
// agenda, minutes, outcomes and action items.
func (s *consultationsScreen) editOccurrence(in model.Instance) {
	a := s.app
	c := a.cat
	sr := s.cur
	o := model.Occurrence{SeriesID: sr.ID, OriginalStart: in.OriginalStart}
	if in.Record != nil {
		o = *in.Record
	}
	held := widget.NewCheck(lang.L("Held"), nil)
	held.SetChecked(o.Held)
	cancelled := widget.NewCheck(lang.L("Cancelled"), nil)
	cancelled.SetChecked(o.Cancelled)
	lines := func(text, place string) *widget.Entry {
		e := &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, Text: text, PlaceHolder: place}
		e.ExtendBaseWidget(e)
		e.SetMinRowsVisible(3)
		return e
	}
	var ag []string
	for _, it := range o.Agenda {
		ag = append(ag, it.Title)
	}
	agenda := lines(strings.Join(ag, "\n"), lang.L("One item a line"))
	minutes := lines(o.Minutes, lang.L("Minutes"))
	outcomes := lines(strings.Join(o.Outcomes, "\n"), lang.L("One outcome a line"))

	var parties []string
	if g := c.Agreement(sr.AgreementID); g != nil {
		for _, p := range g.Parties {
			parties = append(parties, c.Acronym(p.OrgID))
		}
	}
	box := container.NewVBox()
	var rows []*actionRow
	addRow := func(it model.ActionItem) {
		r := &actionRow{item: it, text: widget.NewEntry(), owner: widget.NewSelect(parties, nil), due: widget.NewEntry(), done: widget.NewCheck(lang.L("Done"), nil)}
		r.text.SetText(it.Text)
		r.text.PlaceHolder = lang.L("Action item")
		r.owner.SetSelected(c.Acronym(it.OwnerOrg))
		r.due.PlaceHolder = "YYYY-MM-DD"
		r.due.SetText(it.Due.String())
		r.done.SetChecked(it.Done)
		rows = append(rows, r)
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(r.owner, container.NewGridWrap(fyne.NewSize(120, r.due.MinSize().Height), r.due), r.done), r.text))
	}
	for _, it := range o.ActionItems {
		addRow(it)
	}
	add := &widget.Button{Text: lang.L("Add action item"), Icon: theme.ContentAddIcon(), OnTapped: func() { addRow(model.ActionItem{}) }}
	content := container.NewVScroll(container.NewVBox(
		container.NewHBox(held, cancelled),
		widget.NewLabel(lang.L("Agenda")), agenda,
		widget.NewLabel(lang.L("Minutes")), minutes,
		widget.NewLabel(lang.L("Outcomes")), outcomes,
		widget.NewLabel(lang.L("Action items")), box, add,
	))
	title := sr.Title + " — " + in.Start.In(sr.Location()).Format("2006-01-02 15:04")
	d := dialog.NewCustomConfirm(title, lang.L("Save"), lang.L("Cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		o.Held, o.Cancelled = held.Checked, cancelled.Checked
		o.Agenda = nil
		for i, t := range splitLines(agenda.Text) {
			it := model.AgendaItem{Title: t}
			if in.Record != nil && i < len(in.Record.Agenda) {
				it.ID = in.Record.Agenda[i].ID
			}
			o.Agenda = append(o.Agenda, it)
		}
		o.Minutes = minutes.Text
		o.Outcomes = splitLines(outcomes.Text)
		o.ActionItems = nil
		today := model.DateOf(a.now())
		for _, r := range rows {
			if strings.TrimSpace(r.text.Text) == "" {
				continue
			}
			it := r.item
			it.Text = strings.TrimSpace(r.text.Text)
			it.OwnerOrg = orgByAcronym(c, r.owner.Selected)
			it.Due, _ = model.ParseDate(strings.TrimSpace(r.due.Text))
			if r.done.Checked && !it.Done {
				it.DoneOn = today
			}
			it.Done = r.done.Checked
			o.ActionItems = append(o.ActionItems, it)
		}
		a.do(func(ctx context.Context) error { return a.data.SaveOccurrence(ctx, sr.ID, &o) }, func() {
			s.want = sr.ID
			s.reload()
		})
	}, a.win)
	d.Resize(fyne.NewSize(760, 600))
	d.Show()
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return slices.Clip(out)
}
