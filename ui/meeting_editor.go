package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// meetingEditor is the form for one meeting, with what Article 2 says
// about it beside the form, recomputed on every change.
type meetingEditor struct {
	screen *meetingsScreen
	app    *App
	orig   *model.Meeting // nil for a new meeting
	draft  model.Meeting  // what the form started from
	invs   []model.Invitation

	title         *field
	kind          *widget.Select
	convener      *widget.Select
	allDay        *widget.Check
	startDate     *dateField
	startTime     *field
	endDate       *dateField
	endTime       *field
	zone          *widget.SelectEntry
	venueName     *field
	venueAddress  *field
	venueCity     *field
	venueCountry  *field
	venueOnline   *field
	igos          *widget.Check
	excluded      *widget.Check
	excludeReason *field
	marksBox      *fyne.Container
	marks         []*markRow
	areas         *checkList
	areaNames     *widget.Label // the union of the agenda items' areas
	lastPick      *checkList    // the areas dialog last opened (tests)
	agendaBox     *fyne.Container
	agenda        []*agendaRow
	status        *widget.Select
	conf          *widget.Select
	background    *field
	notes         *field

	errs    map[string]*widget.Label // error beside each field, by model field name
	summary *widget.Label            // errors without a field of their own
	save    *widget.Button
	art2    *fyne.Container
	layout  *adaptive
	// Obligations is the Article 2 answer on show (for tests).
	Obligations []model.Obligation
	// Err is the validation error on show, nil when the form is valid.
	Err error

	filling   bool // true while the form is filled from a meeting
	lastStart *time.Time
	dirty     bool
	areaIDs   map[string]int64 // area name -> id for the convener's agreements
}

// agendaRow is one agenda item in the form.
type agendaRow struct {
	title *field
	areas []int64
	btn   *widget.Button
	del   *widget.Button
	box   *fyne.Container
}

func newMeetingEditor(s *meetingsScreen, orig *model.Meeting, draft ...*model.Meeting) *meetingEditor {
	e := &meetingEditor{screen: s, app: s.app, orig: orig, errs: map[string]*widget.Label{}}
	if orig != nil {
		e.draft = *orig
	} else if len(draft) > 0 {
		e.draft = *draft[0]
	}
	entry := func(place string) *field {
		w := newField()
		w.PlaceHolder, w.OnChanged = place, e.onChanged
		return w
	}
	check := func(label string) *widget.Check {
		w := &widget.Check{Text: label, OnChanged: e.onChecked}
		w.ExtendBaseWidget(w)
		return w
	}
	sel := func(opts []string) *widget.Select {
		w := &widget.Select{Options: opts, OnChanged: e.onChanged, PlaceHolder: lang.L("Choose…")}
		w.ExtendBaseWidget(w)
		return w
	}
	e.title = entry(lang.L("e.g. European Regional Conference"))
	var kinds, sts, confs []string
	for _, k := range model.MeetingKinds {
		kinds = append(kinds, kindLabel(k))
	}
	for _, st := range model.MeetingStatuses {
		sts = append(sts, statusLabel(st))
	}
	for _, c := range model.Confidentialities {
		confs = append(confs, confLabel(c))
	}
	e.kind, e.status, e.conf = sel(kinds), sel(sts), sel(confs)
	e.convener = sel(orgOptions(e.app.cat))
	e.convener.OnChanged = e.onConvenerChanged
	e.allDay = check(lang.L("Whole days"))
	e.startDate, e.endDate = newDateField(e.app.now, e.onStartChanged), newDateField(e.app.now, e.onDateChanged)
	e.startTime, e.endTime = entry("09:00"), entry("17:00")
	e.zone = widget.NewSelectEntry(matchZones("", 40))
	e.zone.PlaceHolder = lang.L("Type to search, e.g. Paris")
	e.zone.OnChanged = e.onZoneChanged
	e.venueName, e.venueAddress = entry(lang.L("Venue")), entry(lang.L("Address"))
	e.venueCity, e.venueCountry, e.venueOnline = entry(lang.L("City")), entry("FR"), entry("https://")
	e.igos = check(lang.L("Intergovernmental organizations are invited"))
	e.excluded = check(lang.L("The rules of procedure exclude observers"))
	e.excludeReason = entry(lang.L("Rule or decision that excludes observers"))
	e.marksBox = newMarksBox()
	// The areas are set on the agenda items; the meeting shows their union,
	// by name, read-only. e.areas holds the convener's areas on offer.
	e.areas = newCheckList(func([]string) { e.onChanged("") })
	e.areaNames = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	e.agendaBox = container.NewVBox()
	e.background = newMultiField()
	e.background.OnChanged, e.background.PlaceHolder = e.onChanged, lang.L("Background (may be shared with partners)")
	e.notes = newMultiField()
	e.notes.OnChanged, e.notes.PlaceHolder = e.onChanged, lang.L("Internal notes (never exported)")
	e.summary = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	e.save = &widget.Button{Text: lang.L("Save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: e.onSave}
	e.save.ExtendBaseWidget(e.save)
	e.art2 = container.NewVBox()
	return e
}

// errLabel returns the error label shown under a field.
// The fields whose problem line is always there, empty until needed: a
// problem appearing as one types does not push the fields below away from
// the pointer. (Start and end say theirs on the date's own line.)
var reservedErrs = map[string]bool{"title": true, "zone": true, "country": true, "online": true}

func (e *meetingEditor) errLabel(field string) *widget.Label {
	l := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	if !reservedErrs[field] {
		l.Hide()
	}
	e.errs[field] = l
	return l
}

func (e *meetingEditor) item(label, field string, w fyne.CanvasObject) *widget.FormItem {
	if field == "" {
		return widget.NewFormItem(label, w)
	}
	// The problem line sits close under its field: the label's own padding
	// is enough space.
	return widget.NewFormItem(label, container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), w, e.errLabel(field)))
}

func (e *meetingEditor) view() fyne.CanvasObject {
	// The time sits at the top of its cell: the date's words go under the date.
	when := container.NewGridWithColumns(2, e.startDate, container.NewVBox(e.startTime))
	until := container.NewGridWithColumns(2, e.endDate, container.NewVBox(e.endTime))
	// Each venue field keeps its label once filled (a placeholder would go).
	city := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(70, e.venueCountry.MinSize().Height), e.venueCountry), e.venueCity)
	addAgenda := &widget.Button{Text: lang.L("Add agenda item"), Icon: theme.ContentAddIcon(), OnTapped: func() { e.addAgendaRow(model.AgendaItem{}); e.onChanged("") }}
	form := &widget.Form{Items: []*widget.FormItem{
		e.item(lang.L("Title"), "title", e.title),
		e.item(lang.L("Kind"), "kind", e.kind),
		e.item(lang.L("Convener"), "convener", e.convener),
		e.item("", "", e.allDay),
		e.item(lang.L("Start"), "start", when),
		e.item(lang.L("End"), "end", until),
		e.item(lang.L("Time zone"), "zone", e.zone),
		e.item(lang.L("Venue"), "venue", e.venueName),
		e.item(lang.L("Address"), "", e.venueAddress),
		e.item(lang.L("City, country"), "country", city),
		e.item(lang.L("Online link"), "online", e.venueOnline),
		e.item(lang.L("Observers"), "observers_excluded", container.NewVBox(wrapCheck(e.igos, e.igos.Text), wrapCheck(e.excluded, e.excluded.Text), e.excludeReason, e.marksBox)),
		e.item(lang.L("Areas of cooperation"), "areas", e.areaNames),
		e.item(lang.L("Agenda"), "agenda", container.NewVBox(e.agendaBox, addAgenda)),
		e.item(lang.L("Status"), "status", e.status),
		e.item(lang.L("Confidentiality"), "confidentiality", e.conf),
		e.item(lang.L("Background"), "", e.background),
		e.item(lang.L("Notes"), "", e.notes),
	}}
	form.ExtendBaseWidget(form)

	heading := lang.L("New meeting")
	if e.orig != nil {
		heading = e.orig.Title
	}
	closeBtn := &widget.Button{Text: lang.L("Close"), Icon: theme.NavigateBackIcon(), OnTapped: e.onClose}
	tools := []fyne.CanvasObject{closeBtn, layout.NewSpacer(), e.save}
	if e.orig != nil {
		// Print and Delete sit behind "More" so that the bar fits a 900-pixel window.
		var more *widget.Button
		more = &widget.Button{Icon: theme.MoreHorizontalIcon(), OnTapped: func() {
			menu := fyne.NewMenu("",
				fyne.NewMenuItem(lang.L("Print brief…"), func() { printBrief(e.app, e.orig) }),
				fyne.NewMenuItem(lang.L("Delete"), func() { e.screen.deleteMeeting(e.orig) }))
			c := e.app.win.Canvas()
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(more).Add(fyne.NewPos(0, more.Size().Height))
			widget.ShowPopUpMenuAtPosition(menu, c, pos)
		}}
		tools = []fyne.CanvasObject{closeBtn, layout.NewSpacer(),
			&widget.Button{Text: lang.L("Invitations"), Icon: theme.MailSendIcon(), OnTapped: func() { e.app.invitations.openMeeting(e.orig.ID) }},
			more, e.save}
	}
	top := container.NewVBox(
		&widget.Label{Text: heading, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Truncation: fyne.TextTruncateEllipsis},
		container.NewHBox(tools...))
	art2 := container.NewVBox(
		&widget.Label{Text: lang.L("What Article 2 says"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Wrapping: fyne.TextWrapWord},
		&widget.Label{Text: lang.L("Recomputed as you type, before saving"), SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord},
		e.art2)
	// Side by side from 860 pixels (a 1280-pixel window); under the form below.
	split := newAdaptive(container.NewVBox(form, e.summary), art2, 860, 0.62)
	e.layout = split

	e.fill(&e.draft)
	if e.orig != nil {
		id := e.orig.ID
		background(e.app, func(ctx context.Context) ([]model.Invitation, error) { return e.app.st.Invitations(ctx, id) }, func(invs []model.Invitation) {
			e.invs = invs
			e.validate()
		})
	}
	return container.NewBorder(top, nil, nil, nil, split)
}

// addAgendaRow adds one agenda item to the form.
func (e *meetingEditor) addAgendaRow(it model.AgendaItem) {
	r := &agendaRow{areas: slices.Clone(it.AreaIDs)}
	r.title = newField()
	r.title.Text, r.title.PlaceHolder, r.title.OnChanged = it.Title, lang.L("Agenda item"), e.onChanged
	r.btn = &widget.Button{OnTapped: func() { e.pickAgendaAreas(r) }}
	r.btn.ExtendBaseWidget(r.btn)
	e.setAreaButton(r)
	del := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	del.OnTapped = func() {
		i := slices.Index(e.agenda, r)
		e.agenda = slices.Delete(e.agenda, i, i+1)
		e.agendaBox.Remove(r.box)
		e.onChanged("")
	}
	r.del = del
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(r.btn, del), r.title)
	e.agenda = append(e.agenda, r)
	e.agendaBox.Add(r.box)
}

// setAreaButton names the item's areas on its button (shortened to fit).
func (e *meetingEditor) setAreaButton(r *agendaRow) {
	if len(r.areas) == 0 {
		r.btn.SetText(lang.L("Choose areas…"))
		return
	}
	var names []string
	for _, id := range r.areas {
		names = append(names, e.app.cat.AreaName(id))
	}
	text := strings.Join(names, ", ")
	if rs := []rune(text); len(rs) > 40 {
		text = string(rs[:39]) + "…"
	}
	r.btn.SetText(text)
}

// showAreaNames lists the union of the agenda items' areas, by name.
func (e *meetingEditor) showAreaNames() {
	var names []string
	for _, r := range e.agenda {
		for _, id := range r.areas {
			if n := e.app.cat.AreaName(id); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		e.areaNames.SetText(lang.L("None yet: choose them on the agenda items below."))
		return
	}
	e.areaNames.SetText("• " + strings.Join(names, "\n• "))
}

// pickAgendaAreas asks which areas of cooperation an agenda item concerns.
func (e *meetingEditor) pickAgendaAreas(r *agendaRow) {
	names := e.areas.Options
	var sel []string
	for _, n := range names {
		if slices.Contains(r.areas, e.areaIDs[n]) {
			sel = append(sel, n)
		}
	}
	cg := newCheckList(nil)
	cg.Options, cg.Selected = names, sel
	e.lastPick = cg
	e.app.customConfirm(lang.L("Areas of cooperation"), lang.L("OK"), lang.L("Cancel"), cg, func(ok bool) {
		if !ok {
			return
		}
		r.areas = nil
		for _, n := range cg.Selected {
			r.areas = append(r.areas, e.areaIDs[n])
		}
		e.setAreaButton(r)
		e.onChanged("")
	}, fyne.NewSize(560, 420))
}

func (e *meetingEditor) onChanged(string) {
	if e.filling {
		return
	}
	e.dirty = true
	e.showAreaNames()
	e.validate()
}

func (e *meetingEditor) onChecked(bool) {
	e.setTimeFields()
	e.onChanged("")
}

func (e *meetingEditor) onDateChanged(*time.Time) { e.onChanged("") }

// onStartChanged moves the end by as much as the start moved, as a
// calendar does: a two-day conference stays two days.
func (e *meetingEditor) onStartChanged(t *time.Time) {
	prev := e.lastStart // the last start that was a date: typing passes through non-dates
	if t != nil {
		e.lastStart = t
	}
	if !e.filling && prev != nil && t != nil && e.endDate.Date != nil {
		end := e.endDate.Date.Add(t.Sub(*prev))
		e.endDate.SetDate(&end)
	}
	e.onChanged("")
}

func (e *meetingEditor) onZoneChanged(s string) {
	e.zone.SetOptions(matchZones(s, 40))
	e.onChanged(s)
}

func (e *meetingEditor) onConvenerChanged(string) {
	e.setAreaOptions()
	e.setMarkOptions()
	e.onChanged("")
}

// setTimeFields hides the time entries of a whole-day meeting.
func (e *meetingEditor) setTimeFields() {
	if e.allDay.Checked {
		e.startTime.Hide()
		e.endTime.Hide()
	} else {
		e.startTime.Show()
		e.endTime.Show()
	}
	if e.excluded.Checked {
		e.excludeReason.Show()
	} else {
		e.excludeReason.Hide()
	}
}

// confirmDiscard asks before unsaved changes are lost, then runs then.
func (e *meetingEditor) confirmDiscard(then func()) {
	// "Keep editing" is the default: Enter and Escape both keep the form.
	e.app.confirmKeep(lang.L("Unsaved changes"), lang.L("Discard the changes to this meeting?"), lang.L("Discard"), lang.L("Keep editing"), func(ok bool) {
		if ok {
			e.dirty = false
			then()
		}
	})
}

func (e *meetingEditor) onClose() {
	if e.dirty {
		e.confirmDiscard(e.screen.closeEditor)
		return
	}
	e.screen.closeEditor()
}

func (e *meetingEditor) onSave() {
	m, err := e.read()
	if err == nil {
		err = m.Validate(e.app.cat)
	}
	if err != nil {
		e.show(err)
		return
	}
	a := e.app
	a.do(func(ctx context.Context) error {
		if e.orig == nil {
			return a.st.CreateMeeting(ctx, m)
		}
		return a.st.UpdateMeeting(ctx, m)
	}, func() {
		e.dirty = false
		e.screen.closeEditor()
	})
}
