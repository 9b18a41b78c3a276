package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// consultationsScreen holds the Article 8 consultation series: a list, and
// for the one selected its editor with a recurrence builder, a preview of
// the next dates and the occurrences with their records.
type consultationsScreen struct {
	app    *App
	list   *widget.List
	series []model.ConsultationSeries
	sel    int
	want   int64 // series to select once loaded
	detail *fyne.Container

	cur       *model.ConsultationSeries // being edited (a copy)
	title     *widget.Entry
	agreement *widget.Select
	firstDay  *dateField
	firstTime *widget.Entry
	hours     *widget.Entry
	zone      *widget.SelectEntry
	venues    *widget.Entry
	recur     *recurrenceBuilder
	preview   *widget.Label
	errLabel  *widget.Label
	save      *widget.Button
	instances *fyne.Container
	filling   bool
	occ       *occurrenceForm // the consultation record last opened
	// Preview holds the dates on show in the preview (for tests).
	Preview []time.Time
}

func newConsultationsScreen(a *App) *consultationsScreen {
	s := &consultationsScreen{app: a, sel: -1, detail: container.NewVBox(), instances: container.NewVBox()}
	s.list = &widget.List{
		Length: func() int { return len(s.series) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewVBox(&widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}, &widget.Label{Truncation: fyne.TextTruncateEllipsis})
		},
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			sr := &s.series[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(sr.Title)
			next := lang.L("none scheduled")
			if ins, err := sr.Instances(s.app.now(), s.app.now().AddDate(2, 0, 0)); err == nil && len(ins) > 0 {
				next = ins[0].Start.In(sr.Location()).Format("2006-01-02 15:04")
			}
			box.Objects[1].(*widget.Label).SetText(lang.L("Next") + ": " + next)
		},
		OnSelected: func(i widget.ListItemID) { s.sel = i; c := s.series[i]; s.edit(&c) },
	}
	s.list.ExtendBaseWidget(s.list)
	return s
}

func (s *consultationsScreen) view() fyne.CanvasObject {
	add := &widget.Button{Text: lang.L("New series"), Icon: theme.ContentAddIcon(), OnTapped: s.onNew}
	split := container.NewHSplit(container.NewBorder(add, nil, nil, nil, s.list), container.NewVScroll(container.NewPadded(s.detail)))
	split.Offset = 0.3
	return split
}

func (s *consultationsScreen) reload() {
	a := s.app
	background(a, func(ctx context.Context) ([]model.ConsultationSeries, error) { return a.st.SeriesList(ctx) }, func(ss []model.ConsultationSeries) {
		s.series = ss
		s.list.Refresh()
		for i := range ss {
			if ss[i].ID == s.want || s.want == 0 && i == 0 && s.cur == nil {
				s.want = 0
				s.list.Select(i)
				return
			}
		}
		if len(ss) == 0 && s.cur == nil {
			s.detail.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("No consultation series yet. Article 8 asks the secretariats to consult regularly: add one."))}
			s.detail.Refresh()
		}
	})
}

// openSeries shows series id.
func (s *consultationsScreen) openSeries(id int64) {
	s.want = id
	if s.app.current != "consultations" {
		s.app.Show("consultations")
		return
	}
	s.reload()
}

func (s *consultationsScreen) onNew() {
	c := s.app.cat
	sr := &model.ConsultationSeries{Title: lang.L("Regular consultation between the secretariats"), Duration: 3 * time.Hour,
		RRule: "FREQ=MONTHLY;INTERVAL=6;BYDAY=2TU", Confidentiality: model.PartiesOnly}
	if len(c.Agreements) > 0 {
		sr.AgreementID = c.Agreements[0].ID
	}
	if us := c.Us(); us != nil {
		sr.Zone = us.Zone
	}
	loc, err := model.LoadZone(sr.Zone)
	if err != nil {
		loc = time.UTC
	}
	n := nextWorkingDay(s.app.now().In(loc))
	sr.Start = time.Date(n.Year(), n.Month(), n.Day(), 9, 0, 0, 0, loc)
	sr.AlignStart()
	s.list.UnselectAll()
	s.edit(sr)
}

// edit shows the series form on a copy of sr.
func (s *consultationsScreen) edit(sr *model.ConsultationSeries) {
	c := s.app.cat
	s.cur = sr
	s.filling = true
	changed := func(string) { s.onChanged() }
	s.title = &widget.Entry{Text: sr.Title, OnChanged: changed}
	s.title.ExtendBaseWidget(s.title)
	var ags []string
	for _, g := range c.Agreements {
		ags = append(ags, g.ShortName)
	}
	s.agreement = widget.NewSelect(ags, changed)
	if g := c.Agreement(sr.AgreementID); g != nil {
		s.agreement.SetSelected(g.ShortName)
	}
	loc := sr.Location()
	st := sr.Start.In(loc)
	s.firstDay = newDateField(s.app.now, nil)
	d := time.Date(st.Year(), st.Month(), st.Day(), 0, 0, 0, 0, time.UTC)
	s.firstDay.SetDate(&d)
	s.firstDay.OnChanged = func(*time.Time) { s.onChanged() }
	s.firstTime = &widget.Entry{Text: st.Format("15:04"), OnChanged: changed}
	s.firstTime.ExtendBaseWidget(s.firstTime)
	s.hours = &widget.Entry{Text: strconv.FormatFloat(sr.Duration.Hours(), 'f', -1, 64), OnChanged: changed}
	s.hours.ExtendBaseWidget(s.hours)
	s.zone = widget.NewSelectEntry(matchZones(sr.Zone, 40))
	s.zone.SetText(sr.Zone)
	s.zone.OnChanged = func(z string) { s.zone.SetOptions(matchZones(z, 40)); s.onChanged() }
	var vs []string
	for _, v := range sr.VenueRotation {
		vs = append(vs, strings.Join([]string{v.Name, v.City, v.Country}, ", "))
	}
	s.venues = &widget.Entry{MultiLine: true, Text: strings.Join(vs, "\n"), PlaceHolder: "INTERPOL General Secretariat, Lyon, FR\nIOM Headquarters, Geneva, CH", OnChanged: changed}
	s.venues.ExtendBaseWidget(s.venues)
	s.recur = newRecurrenceBuilder(s.onChanged)
	if r, ok := parseRRule(sr.RRule); ok {
		s.recur.set(r)
	} else {
		s.recur.set(Recurrence{Freq: "MONTHLY", Interval: 6})
	}
	s.preview = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.errLabel = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	s.save = &widget.Button{Text: lang.L("Save series"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onSave}
	s.save.ExtendBaseWidget(s.save)
	form := &widget.Form{Items: []*widget.FormItem{
		{Text: lang.L("Title"), Widget: s.title},
		{Text: lang.L("Agreement"), Widget: s.agreement},
		{Text: lang.L("First consultation"), Widget: container.NewGridWithColumns(2, s.firstDay, container.NewVBox(s.firstTime))},
		{Text: lang.L("Duration (hours)"), Widget: s.hours},
		{Text: lang.L("Time zone"), Widget: s.zone},
		{Text: lang.L("Repeats"), Widget: s.recur.view()},
		{Text: lang.L("Venue rotation"), Widget: s.venues, HintText: lang.L("One venue a line: name, city, country code")},
		{Text: lang.L("Next dates"), Widget: s.preview},
	}}
	form.ExtendBaseWidget(form)
	s.filling = false
	s.detail.Objects = []fyne.CanvasObject{form, s.errLabel, container.NewHBox(s.save, &widget.Button{Text: lang.L("Export .ics…"), Icon: theme.MailSendIcon(), OnTapped: s.onExportSeries}),
		widget.NewCard(lang.L("Consultations"), lang.L("Tap one to record its agenda, minutes, outcomes and action items"), s.instances)}
	s.detail.Refresh()
	s.onChanged()
	s.showInstances()
}

// read builds the series the form describes.
func (s *consultationsScreen) read() (*model.ConsultationSeries, error) {
	sr := *s.cur
	sr.Title = strings.TrimSpace(s.title.Text)
	for _, g := range s.app.cat.Agreements {
		if g.ShortName == s.agreement.Selected {
			sr.AgreementID = g.ID
		}
	}
	sr.Zone = strings.TrimSpace(s.zone.Text)
	loc, err := model.LoadZone(sr.Zone)
	if err != nil {
		loc = time.UTC
	}
	var h, mi int
	if _, err := fmtSscanClock(s.firstTime.Text, &h, &mi); err != nil || s.firstDay.Date == nil {
		return &sr, model.Invalid("start", "give the first day and a time such as 10:00")
	}
	fd := *s.firstDay.Date
	sr.Start = time.Date(fd.Year(), fd.Month(), fd.Day(), h, mi, 0, 0, loc)
	hours, err := strconv.ParseFloat(strings.TrimSpace(s.hours.Text), 64)
	if err != nil {
		return &sr, model.Invalid("duration", "give the length in hours, e.g. 3 or 1.5")
	}
	sr.Duration = time.Duration(hours * float64(time.Hour))
	r, err := s.recur.get()
	if err != nil {
		return &sr, err
	}
	sr.RRule = r.RRule()
	sr.VenueRotation = nil
	for _, line := range strings.Split(s.venues.Text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		p := strings.Split(line, ",")
		v := model.Venue{Name: strings.TrimSpace(p[0])}
		if len(p) > 1 {
			v.City = strings.TrimSpace(p[1])
		}
		if len(p) > 2 {
			v.Country = strings.ToUpper(strings.TrimSpace(p[2]))
		}
		sr.VenueRotation = append(sr.VenueRotation, v)
	}
	sr.AlignStart() // the first consultation is the rule's first date from the day chosen
	if err := sr.Validate(s.app.cat); err != nil {
		return &sr, err
	}
	return &sr, model.OutlookCompatible(sr.RRule)
}

func (s *consultationsScreen) onChanged() {
	if s.filling || s.recur == nil || s.preview == nil {
		return
	}
	sr, err := s.read()
	s.recur.rule.SetText("RRULE:" + sr.RRule)
	s.Preview = nil
	if err != nil {
		s.errLabel.SetText(errText(err))
		s.save.Disable()
		s.preview.SetText("")
		return
	}
	s.errLabel.SetText("")
	s.save.Enable()
	// The rule's first date from the day chosen is the first consultation:
	// say so when it is not the day in the field.
	note := ""
	if first := sr.Start.In(sr.Location()); s.firstDay.Date != nil && first.Format(time.DateOnly) != s.firstDay.Date.Format(time.DateOnly) {
		note = lang.L("The rule's first date: {{.Date}}", map[string]any{"Date": dateInWords(first)})
	}
	s.firstDay.setNote(note)
	ins, _ := sr.Instances(s.app.now(), s.app.now().AddDate(5, 0, 0))
	var lines []string
	for i, in := range ins {
		if i == 6 {
			break
		}
		s.Preview = append(s.Preview, in.Start)
		lines = append(lines, dayTime(in.Start.In(sr.Location()))+"  "+in.Venue.String())
	}
	if len(lines) == 0 {
		lines = []string{lang.L("No further consultation: the rule has ended.")}
	}
	s.preview.SetText(strings.Join(lines, "\n"))
}

// errText lists a validation error's problems, one a line.
func errText(err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		var out []string
		for _, f := range ve.Fields {
			out = append(out, fieldLabel(f.Field)+": "+problemText(f.Problem))
		}
		return strings.Join(out, "\n")
	}
	return err.Error()
}

func (s *consultationsScreen) onSave() {
	sr, err := s.read()
	if err != nil {
		s.app.showError(err)
		return
	}
	a := s.app
	a.do(func(ctx context.Context) error {
		if sr.ID == 0 {
			return a.st.CreateSeries(ctx, sr)
		}
		return a.st.UpdateSeries(ctx, sr)
	}, func() {
		s.want = sr.ID
		s.reload()
	})
}

// showInstances lists the last two consultations and the next six.
func (s *consultationsScreen) showInstances() {
	sr := s.cur
	s.instances.Objects = nil
	if sr.ID == 0 {
		s.instances.Add(widget.NewLabel(lang.L("Save the series to record its consultations.")))
		s.instances.Refresh()
		return
	}
	now := s.app.now()
	past, _ := sr.Instances(sr.Start.Add(-time.Hour), now)
	if len(past) > 2 {
		past = past[len(past)-2:]
	}
	next, _ := sr.Instances(now, now.AddDate(3, 0, 0))
	if len(next) > 6 {
		next = next[:6]
	}
	for _, in := range append(past, next...) {
		in := in
		st, imp := lang.L("Scheduled"), widget.HighImportance
		switch {
		case in.Cancelled():
			st, imp = lang.L("Cancelled"), widget.LowImportance
		case in.Held():
			st, imp = lang.L("Held"), widget.SuccessImportance
		case in.Start.Before(now):
			st, imp = lang.L("To record"), widget.WarningImportance
		}
		s.instances.Add(reasonRow(st, dayTime(in.Start.In(sr.Location()))+" "+shortZone(sr.Zone), in.Venue.String(), imp,
			func() { s.editOccurrence(in) }))
	}
	s.instances.Refresh()
}
