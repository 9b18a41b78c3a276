package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// fill puts a meeting into the form.
func (e *meetingEditor) fill(m *model.Meeting) {
	e.filling = true
	defer func() { e.filling = false }()
	c := e.app.cat
	e.title.SetText(m.Title)
	if i := slices.Index(model.MeetingKinds, m.Kind); i >= 0 {
		e.kind.SetSelectedIndex(i)
	}
	if o := c.Org(m.ConvenerID); o != nil {
		e.convener.SetSelected(o.Acronym)
	}
	e.setAreaOptions()
	e.setMarkOptions()
	e.fillMarks(m)
	e.allDay.SetChecked(m.AllDay)
	loc := m.Location()
	var sd, ed time.Time
	if m.AllDay {
		sd, ed = m.FirstDay.In(time.UTC), m.LastDay.In(time.UTC)
	} else {
		s, en := m.Start.In(loc), m.End.In(loc)
		sd, ed = time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC), time.Date(en.Year(), en.Month(), en.Day(), 0, 0, 0, 0, time.UTC)
		e.startTime.SetText(s.Format("15:04"))
		e.endTime.SetText(en.Format("15:04"))
	}
	if !m.StartDay().IsZero() {
		e.startDate.SetDate(&sd)
		e.endDate.SetDate(&ed)
	}
	e.zone.SetText(m.Zone)
	e.venueName.SetText(m.Venue.Name)
	e.venueAddress.SetText(m.Venue.Address)
	e.venueCity.SetText(m.Venue.City)
	e.venueCountry.SetText(m.Venue.Country)
	e.venueOnline.SetText(m.Venue.OnlineURL)
	e.igos.SetChecked(m.IGOsInvited)
	e.excluded.SetChecked(m.ObserversExcluded)
	e.excludeReason.SetText(m.ExclusionReason)
	for _, it := range m.Agenda {
		e.addAgendaRow(it)
	}
	// Areas set on the meeting itself (before they were set in one place)
	// become an item of their own, so that nothing is lost.
	var loose []int64
	for _, id := range m.AreaIDs {
		if !slices.ContainsFunc(m.Agenda, func(it model.AgendaItem) bool { return slices.Contains(it.AreaIDs, id) }) {
			loose = append(loose, id)
		}
	}
	if len(loose) > 0 {
		e.addAgendaRow(model.AgendaItem{Title: lang.L("The meeting as a whole"), AreaIDs: loose})
	}
	e.showAreaNames()
	if i := slices.Index(model.MeetingStatuses, m.Status); i >= 0 {
		e.status.SetSelectedIndex(i)
	}
	if i := slices.Index(model.Confidentialities, m.Confidentiality); i >= 0 {
		e.conf.SetSelectedIndex(i)
	}
	e.background.SetText(m.Background)
	e.notes.SetText(m.Notes)
	e.setTimeFields()
	e.filling = false
	e.validate()
}

// setAreaOptions offers the areas of the agreements the convener is a
// party to, keeping the ticks that still apply.
func (e *meetingEditor) setAreaOptions() {
	c := e.app.cat
	conv := orgByAcronym(c, e.convener.Selected)
	e.areaIDs = map[string]int64{}
	var names []string
	for _, g := range c.AgreementsOf(conv) {
		for _, ar := range g.Areas {
			if _, dup := e.areaIDs[ar.Name]; !dup {
				names = append(names, ar.Name)
			}
			e.areaIDs[ar.Name] = ar.ID
		}
	}
	var keep []string
	for _, s := range e.areas.Selected {
		if slices.Contains(names, s) {
			keep = append(keep, s)
		}
	}
	e.areas.Options = names
	e.areas.Selected = keep
	e.areas.Refresh()
}

// read builds the meeting the form describes. Dates and times that do not
// parse come back as field errors, like the model's own.
func (e *meetingEditor) read() (*model.Meeting, error) {
	m := e.draft // keeps ID, UID, Sequence, Version, Source, interest marks
	m.Title = strings.TrimSpace(e.title.Text)
	if i := e.kind.SelectedIndex(); i >= 0 {
		m.Kind = model.MeetingKinds[i]
	}
	m.ConvenerID = orgByAcronym(e.app.cat, e.convener.Selected)
	m.AllDay = e.allDay.Checked
	m.Zone = strings.TrimSpace(e.zone.Text)
	var bad []*model.FieldError
	day := func(name string, d *dateField) model.Date {
		if err := d.Err(); err != nil {
			bad = append(bad, &model.FieldError{Field: name, Problem: err.Error()})
			return model.Date{}
		}
		return dayOf(d.Date)
	}
	clock := func(field string, t *field) (int, int, bool) {
		var h, mi int
		s := strings.TrimSpace(t.Text)
		if _, err := fmt.Sscanf(s, "%d:%d", &h, &mi); err != nil || h < 0 || h > 24 || mi < 0 || mi > 59 || len(s) > 5 {
			bad = append(bad, &model.FieldError{Field: field, Problem: lang.L("{{.Text}} is not a time such as 09:30", map[string]any{"Text": fmt.Sprintf("%q", s)})})
			return 0, 0, false
		}
		return h, mi, true
	}
	sd, ed := day("start", e.startDate), day("end", e.endDate)
	if m.AllDay {
		m.FirstDay, m.LastDay = sd, ed
		m.Start, m.End = time.Time{}, time.Time{}
	} else {
		m.FirstDay, m.LastDay = model.Date{}, model.Date{}
		m.Start, m.End = time.Time{}, time.Time{}
		loc, err := model.LoadZone(m.Zone)
		if err != nil {
			loc = time.UTC
		}
		if h, mi, ok := clock("start", e.startTime); ok && !sd.IsZero() {
			m.Start = time.Date(int(sd.Year), time.Month(sd.Month), int(sd.Day), h, mi, 0, 0, loc)
		}
		if h, mi, ok := clock("end", e.endTime); ok && !ed.IsZero() {
			m.End = time.Date(int(ed.Year), time.Month(ed.Month), int(ed.Day), h, mi, 0, 0, loc)
		}
	}
	m.Venue = model.Venue{Name: strings.TrimSpace(e.venueName.Text), Address: strings.TrimSpace(e.venueAddress.Text),
		City: strings.TrimSpace(e.venueCity.Text), Country: strings.ToUpper(strings.TrimSpace(e.venueCountry.Text)),
		OnlineURL: strings.TrimSpace(e.venueOnline.Text)}
	m.IGOsInvited = e.igos.Checked
	m.ObserversExcluded = e.excluded.Checked
	m.ExclusionReason = strings.TrimSpace(e.excludeReason.Text)
	if !m.ObserversExcluded {
		m.ExclusionReason = ""
	}
	m.InterestMarks = e.readMarks()
	m.AreaIDs = nil // the areas are the agenda items' (fill moved any others onto one)
	m.Agenda = nil
	for i, r := range e.agenda {
		it := model.AgendaItem{Title: strings.TrimSpace(r.title.Text), AreaIDs: slices.Clone(r.areas)}
		if i < len(e.draft.Agenda) {
			it.ID = e.draft.Agenda[i].ID
		}
		m.Agenda = append(m.Agenda, it)
	}
	if i := e.status.SelectedIndex(); i >= 0 {
		m.Status = model.MeetingStatuses[i]
	}
	if i := e.conf.SelectedIndex(); i >= 0 {
		m.Confidentiality = model.Confidentialities[i]
	}
	m.Background = e.background.Text
	m.Notes = e.notes.Text
	if len(bad) > 0 {
		return &m, &model.ValidationError{What: "meeting", Fields: bad}
	}
	return &m, nil
}

// validate checks the form as it stands, shows each problem under its
// field, enables Save only when there is none, and runs Article 2 on the
// meeting as typed.
func (e *meetingEditor) validate() {
	m, err := e.read()
	verr := m.Validate(e.app.cat)
	if err == nil {
		err = verr
	} else if ve := (*model.ValidationError)(nil); errors.As(verr, &ve) {
		// Keep the parse errors, add the model's for other fields.
		pe := err.(*model.ValidationError)
		for _, f := range ve.Fields {
			if pe.Field(f.Field) == "" && (f.Field != "start" && f.Field != "end" || !strings.Contains(f.Problem, "must be set")) {
				pe.Fields = append(pe.Fields, f)
			}
		}
	}
	if !e.dirty && e.orig == nil && err != nil {
		// A new, untouched form: say nothing yet, but keep Save off.
		e.show(nil)
		e.Err = err
		e.save.Disable()
		e.showArticle2(m)
		return
	}
	e.show(err)
	e.showArticle2(m)
}

// show puts err's problems beside their fields.
func (e *meetingEditor) show(err error) {
	e.Err = err
	for f, l := range e.errs {
		l.SetText("")
		if !reservedErrs[f] {
			l.Hide()
		}
	}
	e.startDate.setProblem("")
	e.endDate.setProblem("")
	var extra []string
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			key := f.Field
			if i := strings.Index(key, "["); i >= 0 {
				key = key[:i]
			}
			if key == "interest_marks" {
				key = ""
			}
			if l := e.errs[key]; l != nil {
				txt := problemText(f.Problem)
				if key != f.Field {
					txt = fieldLabel(f.Field) + ": " + txt
				}
				if l.Text != "" {
					txt = l.Text + "\n" + txt
				}
				switch key {
				case "start":
					e.startDate.setProblem(txt)
				case "end":
					if strings.Contains(f.Problem, "is not after the start") || strings.Contains(f.Problem, "is before the first day") {
						txt = lang.L("ends before it starts") // short: the line under the date is narrow
					}
					e.endDate.setProblem(txt)
				default:
					l.SetText(txt)
					l.Show()
				}
				continue
			}
			extra = append(extra, fieldLabel(f.Field)+": "+problemText(f.Problem))
		}
	} else if err != nil {
		extra = append(extra, err.Error())
	}
	e.summary.SetText(strings.Join(extra, "\n"))
	if err != nil {
		e.save.Disable()
	} else {
		e.save.Enable()
	}
}

// FieldError returns the error shown beside field, "" when none (tests).
func (e *meetingEditor) FieldError(field string) string {
	switch field {
	case "start":
		return e.startDate.problem
	case "end":
		return e.endDate.problem
	}
	if l := e.errs[field]; l != nil && l.Visible() {
		return l.Text
	}
	return ""
}

// showArticle2 runs the Article 2 rule on the meeting as typed.
func (e *meetingEditor) showArticle2(m *model.Meeting) {
	c := e.app.cat
	if e.orig != nil && model.MaterialChange(e.orig, m) {
		m.Sequence = e.orig.Sequence + 1 // what saving will do
	}
	if m.Status == "" {
		m.Status = model.StatusPlanned
	}
	e.Obligations = nil
	if c.Org(m.ConvenerID) != nil && !m.StartDay().IsZero() {
		e.Obligations = model.Obligations(c, m, e.invs, e.app.now())
	}
	words := e.app.words()
	var objs []fyne.CanvasObject
	for i := range e.Obligations {
		ob := &e.Obligations[i]
		head := c.Acronym(ob.From) + " → " + c.Acronym(ob.To) + " · " + ob.Article
		if due := words.DueRule(ob); due != "" {
			head += " · " + due
		}
		if ob.Incoming {
			head += " · " + lang.L("owed to us")
		}
		objs = append(objs, reasonRow(stateLabel(ob.State), head, words.Reason(c, ob), stateImportance(ob.State), nil))
	}
	if len(objs) == 0 {
		txt := lang.L("Choose a convener and dates to see what Article 2 requires.")
		if c.Org(m.ConvenerID) != nil && !m.StartDay().IsZero() {
			txt = lang.L("The convener is party to no agreement with an observer clause.")
		}
		objs = append(objs, &widget.Label{Text: txt, Wrapping: fyne.TextWrapWord})
	}
	e.art2.Objects = objs
	e.art2.Refresh()
}
