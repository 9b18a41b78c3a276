package ui

import (
	"context"
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

// occurrenceForm is the record of one consultation (Art. 8): held or
// cancelled, agenda, minutes, outcomes and action items.
type occurrenceForm struct {
	screen    *consultationsScreen
	inst      model.Instance
	orig      model.Occurrence
	held      *widget.Check
	cancelled *widget.Check
	movedDay  *dateField // empty: on the rule's date
	movedTime *widget.Entry
	agenda    *widget.Entry
	minutes   *widget.Entry
	outcomes  *widget.Entry
	actions   *fyne.Container
	rows      []*actionRow
	add       *widget.Button
	parties   []string
}

// actionRow is one action item in the occurrence form.
type actionRow struct {
	item  model.ActionItem
	text  *widget.Entry
	owner *widget.Select
	due   *widget.Entry
	done  *widget.Check
}

func newOccurrenceForm(s *consultationsScreen, in model.Instance) *occurrenceForm {
	c := s.app.cat
	sr := s.cur
	f := &occurrenceForm{screen: s, inst: in, orig: model.Occurrence{SeriesID: sr.ID, OriginalStart: in.OriginalStart}, actions: container.NewVBox()}
	if in.Record != nil {
		f.orig = *in.Record
	}
	o := f.orig
	f.held = &widget.Check{Text: lang.L("Held"), Checked: o.Held}
	f.held.ExtendBaseWidget(f.held)
	f.cancelled = &widget.Check{Text: lang.L("Cancelled"), Checked: o.Cancelled}
	f.cancelled.ExtendBaseWidget(f.cancelled)
	f.movedDay = newDateField(time.Now, nil)
	f.movedTime = &widget.Entry{PlaceHolder: "10:00"}
	f.movedTime.ExtendBaseWidget(f.movedTime)
	if o.Moved() {
		st := o.Start.In(sr.Location())
		d := time.Date(st.Year(), st.Month(), st.Day(), 0, 0, 0, 0, time.UTC)
		f.movedDay.SetDate(&d)
		f.movedTime.SetText(st.Format("15:04"))
	}
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
	f.agenda = lines(strings.Join(ag, "\n"), lang.L("One item a line"))
	f.minutes = lines(o.Minutes, lang.L("Minutes"))
	f.outcomes = lines(strings.Join(o.Outcomes, "\n"), lang.L("One outcome a line"))
	if g := c.Agreement(sr.AgreementID); g != nil {
		for _, p := range g.Parties {
			f.parties = append(f.parties, c.Acronym(p.OrgID))
		}
	}
	for _, it := range o.ActionItems {
		f.addRow(it)
	}
	f.add = &widget.Button{Text: lang.L("Add action item"), Icon: theme.ContentAddIcon(), OnTapped: func() { f.addRow(model.ActionItem{}) }}
	return f
}

func (f *occurrenceForm) addRow(it model.ActionItem) {
	c := f.screen.app.cat
	r := &actionRow{item: it, text: widget.NewEntry(), owner: widget.NewSelect(f.parties, nil), due: widget.NewEntry(), done: widget.NewCheck(lang.L("Done"), nil)}
	r.text.SetText(it.Text)
	r.text.PlaceHolder = lang.L("Action item")
	if it.OwnerOrg != 0 {
		r.owner.SetSelected(c.Acronym(it.OwnerOrg))
	}
	r.due.PlaceHolder = "YYYY-MM-DD"
	r.due.SetText(it.Due.String())
	r.done.SetChecked(it.Done)
	f.rows = append(f.rows, r)
	f.actions.Add(container.NewBorder(nil, nil, nil, container.NewHBox(r.owner, container.NewGridWrap(fyne.NewSize(120, r.due.MinSize().Height), r.due), r.done), r.text))
}

func (f *occurrenceForm) view() fyne.CanvasObject {
	return container.NewVScroll(container.NewVBox(
		container.NewHBox(f.held, f.cancelled),
		widget.NewLabel(lang.L("Moved to (empty: on the date the rule gives)")),
		container.NewGridWithColumns(2, f.movedDay, container.NewVBox(f.movedTime)),
		widget.NewLabel(lang.L("Agenda")), f.agenda,
		widget.NewLabel(lang.L("Minutes")), f.minutes,
		widget.NewLabel(lang.L("Outcomes")), f.outcomes,
		widget.NewLabel(lang.L("Action items")), f.actions, f.add,
	))
}

// read returns the occurrence the form describes; an action item without
// text is dropped, a due day that does not parse is an error.
func (f *occurrenceForm) read() (*model.Occurrence, error) {
	c := f.screen.app.cat
	o := f.orig
	o.Held, o.Cancelled = f.held.Checked, f.cancelled.Checked
	o.Start, o.End = time.Time{}, time.Time{}
	if f.movedDay.Date != nil {
		sr := f.screen.cur
		var h, mi int
		if _, err := fmtSscanClock(f.movedTime.Text, &h, &mi); err != nil {
			return nil, model.Invalid("start", "give the time it was moved to, such as 10:00")
		}
		d := *f.movedDay.Date
		o.Start = time.Date(d.Year(), d.Month(), d.Day(), h, mi, 0, 0, sr.Location())
		o.End = o.Start.Add(sr.Duration)
	}
	o.Agenda = nil
	for i, t := range splitLines(f.agenda.Text) {
		it := model.AgendaItem{Title: t}
		if i < len(f.orig.Agenda) {
			it.ID = f.orig.Agenda[i].ID
		}
		o.Agenda = append(o.Agenda, it)
	}
	o.Minutes = f.minutes.Text
	o.Outcomes = splitLines(f.outcomes.Text)
	o.ActionItems = nil
	today := model.DateOf(f.screen.app.now())
	for i, r := range f.rows {
		if strings.TrimSpace(r.text.Text) == "" {
			continue
		}
		it := r.item
		it.Text = strings.TrimSpace(r.text.Text)
		it.OwnerOrg = orgByAcronym(c, r.owner.Selected)
		it.Due = model.Date{}
		if t := strings.TrimSpace(r.due.Text); t != "" {
			d, err := model.ParseDate(t)
			if err != nil {
				return nil, model.Invalid(fieldIdx("action_items", i)+".due", "%q is not a date of the form YYYY-MM-DD", t)
			}
			it.Due = d
		}
		if r.done.Checked && !it.Done {
			it.DoneOn = today
		}
		it.Done = r.done.Checked
		o.ActionItems = append(o.ActionItems, it)
	}
	return &o, nil
}

// onSave stores the occurrence and shows the series again.
func (f *occurrenceForm) onSave() {
	s := f.screen
	a := s.app
	o, err := f.read()
	if err != nil {
		a.showError(err)
		return
	}
	id := s.cur.ID
	a.do(func(ctx context.Context) error { return a.st.SaveOccurrence(ctx, id, o) }, func() {
		s.want = id
		s.reload()
	})
}

// editOccurrence opens the record of one consultation in a dialog.
func (s *consultationsScreen) editOccurrence(in model.Instance) {
	a := s.app
	f := newOccurrenceForm(s, in)
	s.occ = f
	sr := s.cur
	title := sr.Title + " — " + in.Start.In(sr.Location()).Format("2006-01-02 15:04")
	a.customConfirm(title, lang.L("Save"), lang.L("Cancel"), f.view(), func(ok bool) {
		if ok {
			f.onSave()
		}
	}, fyne.NewSize(760, 600))
}

func fieldIdx(name string, i int) string { return name + "[" + itoa(i+1) + "]" }

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return slices.Clip(out)
}
