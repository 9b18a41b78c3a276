package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// calendarScreen shows a month: each day lists the meetings and
// consultations on it in the convener's colour (a meeting of several days
// on each of its days), and an agenda list beside it. A click opens the
// record.
type calendarScreen struct {
	app    *App
	month  model.Date // first day of the month on show
	title  *widget.Label
	days   *fyne.Container // the weekday names
	grid   *fyne.Container
	agenda *fyne.Container
	// Entries is what the month holds, in order (for tests).
	Entries []calEntry
}

// calEntry is a meeting or a consultation on the calendar.
type calEntry struct {
	Title     string
	First     model.Date
	Last      model.Date
	When      string
	org       int64
	meetingID int64
	seriesID  int64
	cancelled bool
}

func newCalendarScreen(a *App) *calendarScreen {
	return &calendarScreen{app: a,
		title:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		days:   container.NewGridWithColumns(7),
		grid:   container.NewGridWithColumns(7),
		agenda: container.NewVBox(),
	}
}

func (s *calendarScreen) view() fyne.CanvasObject {
	prev := &widget.Button{Icon: theme.NavigateBackIcon(), OnTapped: func() { s.month = s.month.AddMonths(-1); s.reload() }}
	next := &widget.Button{Icon: theme.NavigateNextIcon(), OnTapped: func() { s.month = s.month.AddMonths(1); s.reload() }}
	today := &widget.Button{Text: lang.L("Today"), OnTapped: func() { s.month = model.Date{}; s.reload() }}
	top := container.NewHBox(prev, today, next, s.title)
	split := container.NewHSplit(container.NewBorder(s.days, nil, nil, nil, s.grid), container.NewVScroll(s.agenda))
	split.Offset = 0.72
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *calendarScreen) reload() {
	a := s.app
	if s.month.IsZero() {
		t := model.DateOf(a.now())
		s.month = model.Date{Year: t.Year, Month: t.Month, Day: 1}
	}
	first := s.month
	from, to := first.AddDays(-7).In(time.UTC), first.AddMonths(1).AddDays(7).In(time.UTC)
	type calData struct {
		ms     []model.Meeting
		series []model.ConsultationSeries
	}
	background(a, func(ctx context.Context) (*calData, error) {
		ms, err := a.st.Meetings(ctx, store.MeetingFilter{From: from, To: to, Limit: 3000})
		if err != nil {
			return nil, err
		}
		ss, err := a.st.SeriesList(ctx)
		return &calData{ms, ss}, err
	}, func(d *calData) {
		if first != s.month {
			return // the user moved on
		}
		s.Entries = nil
		for _, m := range d.ms {
			s.Entries = append(s.Entries, calEntry{Title: m.Title, First: m.StartDay(), Last: m.EndDay(), When: meetingWhen(&m),
				org: m.ConvenerID, meetingID: m.ID, cancelled: m.Status == model.StatusCancelled})
		}
		for i := range d.series {
			sr := &d.series[i]
			ins, err := sr.Instances(from, to)
			if err != nil {
				continue
			}
			var org int64
			if g := a.cat.Agreement(sr.AgreementID); g != nil && len(g.Parties) > 0 {
				org = g.Parties[0].OrgID
			}
			for _, in := range ins {
				st := in.Start.In(sr.Location())
				s.Entries = append(s.Entries, calEntry{Title: sr.Title, First: model.DateOf(st), Last: model.DateOf(in.End.In(sr.Location()).Add(-time.Nanosecond)),
					When: st.Format("2006-01-02 15:04") + " " + shortZone(sr.Zone), org: org, seriesID: sr.ID, cancelled: in.Cancelled()})
			}
		}
		slices.SortStableFunc(s.Entries, func(x, y calEntry) int { return x.First.Compare(y.First) })
		s.show()
	})
}

func (s *calendarScreen) open(e calEntry) {
	if e.meetingID != 0 {
		s.app.meetings.open(e.meetingID)
	} else {
		s.app.consultations.openSeries(e.seriesID)
	}
}

// chip is one entry in a day cell: a colour bar and the title.
func (s *calendarScreen) chip(e calEntry, d model.Date) fyne.CanvasObject {
	bar := canvas.NewRectangle(convenerColor(s.app.cat, e.org))
	bar.SetMinSize(fyne.NewSize(4, 4))
	txt := e.Title
	if d != e.First {
		txt = "→ " + txt // continues from the day before
	}
	l := &widget.Label{Text: txt, Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	if e.cancelled {
		l.Importance = widget.LowImportance
	}
	return newTapRow(container.NewBorder(nil, nil, bar, nil, l), func() { s.open(e) })
}

func (s *calendarScreen) show() {
	s.title.SetText(lang.L(time.Month(s.month.Month).String()) + " " + itoa(int(s.month.Year)))
	s.grid.Objects = nil
	s.days.Objects = nil
	for _, wd := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		s.days.Add(&widget.Label{Text: lang.L(wd), Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}})
	}
	// Start on the Monday on or before the first of the month.
	wd := (int(s.month.In(time.UTC).Weekday()) + 6) % 7
	d := s.month.AddDays(-wd)
	today := model.DateOf(s.app.now())
	for i := 0; i < 42; i++ {
		day := d.AddDays(i)
		num := &widget.Label{Text: itoa(int(day.Day)), TextStyle: fyne.TextStyle{Bold: day == today}}
		if day.Month != s.month.Month {
			num.Importance = widget.LowImportance
		}
		if day == today {
			num.Importance = widget.HighImportance
		}
		cell := []fyne.CanvasObject{num}
		n := 0
		for _, e := range s.Entries {
			if day.Before(e.First) || day.After(e.Last) {
				continue
			}
			n++
			if n <= 2 {
				cell = append(cell, s.chip(e, day))
			}
		}
		if n > 2 {
			cell = append(cell, &widget.Label{Text: lang.L("+{{.N}} more", map[string]any{"N": n - 2}), SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance})
		}
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		s.grid.Add(container.NewStack(bg, container.NewVBox(cell...)))
	}
	s.days.Refresh()
	s.grid.Refresh()
	s.agenda.Objects = nil
	for _, e := range s.Entries {
		if e.Last.Before(s.month) || !e.First.Before(s.month.AddMonths(1)) {
			continue
		}
		who := s.app.cat.Acronym(e.org)
		if e.seriesID != 0 {
			who = lang.L("Art. 8")
		}
		s.agenda.Add(s.agendaRow(e, who))
	}
	if len(s.agenda.Objects) == 0 {
		s.agenda.Add(widget.NewLabel(lang.L("Nothing this month.")))
	}
	s.agenda.Refresh()
}

// agendaRow is one line of the agenda beside the month: the convener's
// colour, the title, and when and who under it.
func (s *calendarScreen) agendaRow(e calEntry, who string) fyne.CanvasObject {
	bar := canvas.NewRectangle(convenerColor(s.app.cat, e.org))
	bar.SetMinSize(fyne.NewSize(4, 4))
	strong := widget.RichTextStyleParagraph
	strong.TextStyle = fyne.TextStyle{Bold: true}
	text := widget.NewRichText(&widget.TextSegment{Text: e.Title, Style: strong},
		&widget.TextSegment{Text: e.When + " · " + who, Style: widget.RichTextStyleParagraph})
	text.Wrapping = fyne.TextWrapWord
	return newTapRow(container.NewBorder(nil, nil, bar, nil, text), func() { s.open(e) })
}

func itoa(n int) string {
	return fmtInt(n)
}
