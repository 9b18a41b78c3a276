package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// pageSize is how many meetings the list asks the store for at once.
const pageSize = 200

// maxPages is how many pages the list keeps; scrolling far away drops the
// others, so that 100,000 meetings never sit in memory at once.
const maxPages = 24

// meetingsScreen lists meetings, a page at a time, with a search box and
// filters; the editor takes its place while a meeting is open.
type meetingsScreen struct {
	app *App

	search   *field
	convener *widget.Select
	kind     *widget.Select
	status   *widget.Select
	period   *widget.Select
	count    *widget.Label
	list     *openList
	sort     *sortHeader
	// returnTo is the screen a meeting was opened from: closing goes back.
	returnTo string
	stack    *fyne.Container
	listView fyne.CanvasObject

	query    store.MeetingFilter
	total    int
	pages    map[int][]model.Meeting
	answers  map[int64]model.Obligation // the most urgent Article 2 answer of each loaded meeting
	loading  map[int]bool
	gen      int // bumped by every new query: stale pages are dropped
	selected int64
	editor   *meetingEditor
	undo     *widget.Button // the Undo of the last deletion
}

// The periods of the list's filter.
var periods = []string{"Upcoming", "Next 60 days", "Past", "This year", "All"}

func newMeetingsScreen(a *App) *meetingsScreen {
	s := &meetingsScreen{app: a, pages: map[int][]model.Meeting{}, loading: map[int]bool{}, answers: map[int64]model.Obligation{}}
	s.search = newField()
	s.search.PlaceHolder, s.search.OnChanged = lang.L("Search title, venue or city"), s.onSearchChanged
	s.convener = &widget.Select{PlaceHolder: lang.L("Any convener"), OnChanged: s.onFilterChanged}
	s.convener.ExtendBaseWidget(s.convener)
	kinds := []string{lang.L("Any kind")}
	for _, k := range model.MeetingKinds {
		kinds = append(kinds, kindLabel(k))
	}
	s.kind = &widget.Select{Options: kinds, OnChanged: s.onFilterChanged}
	s.kind.ExtendBaseWidget(s.kind)
	sts := []string{lang.L("Any status")}
	for _, st := range model.MeetingStatuses {
		sts = append(sts, statusLabel(st))
	}
	s.status = &widget.Select{Options: sts, OnChanged: s.onFilterChanged}
	s.status.ExtendBaseWidget(s.status)
	var ps []string
	for _, p := range periods {
		ps = append(ps, lang.L(p))
	}
	s.period = &widget.Select{Options: ps, OnChanged: s.onFilterChanged}
	s.period.ExtendBaseWidget(s.period)
	s.count = &widget.Label{SizeName: theme.SizeNameCaptionText}
	s.list = newOpenList(&widget.List{Length: s.length, CreateItem: s.createItem, UpdateItem: s.updateItem, OnSelected: s.onSelected})
	s.sort = newSortHeader(meetingSortLabels(), 0, false, func(int, bool) { s.runQuery() }) // lists.go
	return s
}

func (s *meetingsScreen) view() fyne.CanvasObject {
	s.kind.SetSelectedIndex(0)
	s.status.SetSelectedIndex(0)
	s.period.SetSelectedIndex(0)
	newBtn := &widget.Button{Text: lang.L("New meeting"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.onNew}
	// Two by two: four selects side by side were wider than a 900-pixel window in Spanish.
	filters := container.NewGridWithColumns(2, s.convener, s.kind, s.status, s.period)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, newBtn, s.search), filters, container.NewBorder(nil, nil, s.count, nil, s.sort.box))
	s.listView = container.NewBorder(top, nil, nil, nil, s.list)
	s.stack = container.NewStack(s.listView)
	return s.stack
}

func (s *meetingsScreen) reload() {
	c := s.app.cat
	opts := append([]string{lang.L("Any convener")}, orgOptions(c)...)
	sel := s.convener.Selected
	s.convener.Options = opts
	if sel == "" {
		s.convener.SetSelectedIndex(0) // runs the query
		return
	}
	s.runQuery()
}

func (s *meetingsScreen) onSearchChanged(string) { s.runQuery() }
func (s *meetingsScreen) onFilterChanged(string) { s.runQuery() }

// buildQuery turns the search box and filters into a store query.
func (s *meetingsScreen) buildQuery() store.MeetingFilter {
	now := s.app.now()
	q := store.MeetingFilter{Text: s.search.Text, ConvenerID: orgByAcronym(s.app.cat, s.convener.Selected)}
	if i := s.kind.SelectedIndex(); i > 0 {
		q.Kind = model.MeetingKinds[i-1]
	}
	if i := s.status.SelectedIndex(); i > 0 {
		q.Status = model.MeetingStatuses[i-1]
	}
	switch s.period.SelectedIndex() {
	case 0:
		q.From = now
	case 1:
		q.From, q.To = now, now.AddDate(0, 0, 60)
	case 2:
		q.To = now
	case 3:
		y := now.Year()
		q.From, q.To = time.Date(y, 1, 1, 0, 0, 0, 0, time.Local), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.Local)
	}
	desc := s.sort.Desc
	if s.period.SelectedIndex() == 2 && s.sort.Column == 0 {
		desc = !desc // the past reads latest first
	}
	q.Order = meetingOrder(s.sort.Column, desc)
	return q
}

// runQuery counts the meetings the filters select and starts over at the
// top of the list; rows load as they scroll into view.
func (s *meetingsScreen) runQuery() {
	if s.period.SelectedIndex() < 0 {
		return // still being built
	}
	s.gen++
	gen := s.gen
	q := s.buildQuery()
	background(s.app, func(ctx context.Context) (int, error) { return s.app.st.CountMeetings(ctx, q) }, func(n int) {
		if gen != s.gen {
			return
		}
		s.query, s.total = q, n
		s.pages, s.loading, s.answers = map[int][]model.Meeting{}, map[int]bool{}, map[int64]model.Obligation{}
		s.count.SetText(lang.L("{{.Count}} meetings", map[string]any{"Count": n}))
		s.list.UnselectAll()
		s.list.Refresh()
		s.list.ScrollToTop()
	})
}

func (s *meetingsScreen) length() int { return s.total }

func (s *meetingsScreen) createItem() fyne.CanvasObject {
	// Two lines: the title, and when · convener · kind · status under it;
	// the Article 2 answer on the right. Narrow windows cut the text, not
	// the columns.
	title := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	detail := &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	state := badge("Update owed", widget.MediumImportance)
	// The labels' own padding keeps the two lines apart: pull them together.
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), title, detail)
	return container.NewBorder(nil, nil, nil, container.NewVBox(state), lines)
}

func (s *meetingsScreen) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	lines := box.Objects[0].(*fyne.Container)
	title, detail := lines.Objects[0].(*widget.Label), lines.Objects[1].(*widget.Label)
	state := box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	m := s.row(i)
	if m == nil {
		title.SetText(lang.L("Loading…"))
		detail.SetText("")
		state.Hide()
		return
	}
	if ob, ok := s.answers[m.ID]; ok {
		state.Text, state.Importance = stateLabel(ob.State), stateImportance(ob.State)
		if ob.Incoming {
			state.Text += " (" + lang.L("to us") + ")"
		}
		state.Show()
		state.Refresh()
	} else {
		state.Hide()
	}
	title.SetText(m.Title)
	detail.SetText(meetingWhen(m) + " · " + s.app.cat.Acronym(m.ConvenerID) + " · " + kindLabel(m.Kind) + " · " + statusLabel(m.Status))
}

// row returns meeting i of the list, or nil while its page loads.
func (s *meetingsScreen) row(i int) *model.Meeting {
	p := i / pageSize
	if page, ok := s.pages[p]; ok {
		if j := i - p*pageSize; j < len(page) {
			return &page[j]
		}
		return nil
	}
	s.loadPage(p)
	return nil
}

func (s *meetingsScreen) loadPage(p int) {
	if s.loading[p] {
		return
	}
	s.loading[p] = true
	gen, q := s.gen, s.query
	q.Limit, q.Offset = pageSize, p*pageSize
	cat, now := s.app.cat, s.app.now()
	type page struct {
		ms      []model.Meeting
		answers map[int64]model.Obligation
	}
	background(s.app, func(ctx context.Context) (page, error) {
		ms, err := s.app.st.Meetings(ctx, q)
		if err != nil {
			return page{}, err
		}
		ids := make([]int64, len(ms))
		for i := range ms {
			ids[i] = ms[i].ID
		}
		invs, err := s.app.st.InvitationsByMeeting(ctx, ids)
		if err != nil {
			return page{}, err
		}
		answers := map[int64]model.Obligation{}
		for i := range ms {
			if ob, ok := mostUrgent(model.Obligations(cat, &ms[i], invs[ms[i].ID], now)); ok {
				answers[ms[i].ID] = ob
			}
		}
		return page{ms, answers}, nil
	}, func(pg page) {
		ms := pg.ms
		if gen != s.gen {
			return
		}
		for id, ob := range pg.answers {
			s.answers[id] = ob
		}
		if len(s.pages) >= maxPages {
			for k := range s.pages {
				if k < p-maxPages/2 || k > p+maxPages/2 {
					for _, m := range s.pages[k] {
						delete(s.answers, m.ID)
					}
					delete(s.pages, k)
					delete(s.loading, k)
				}
			}
		}
		s.pages[p] = ms
		delete(s.loading, p)
		if !s.app.sync {
			s.list.Refresh()
		}
	})
}

// Titles returns the titles of the meetings loaded in the list, in order
// (for tests and for the find shortcut's feedback).
func (s *meetingsScreen) Titles() []string {
	var out []string
	for i := 0; i < s.total && i < pageSize; i++ {
		if m := s.row(i); m != nil {
			out = append(out, m.Title)
		}
	}
	return out
}

func (s *meetingsScreen) onSelected(i widget.ListItemID) {
	m := s.row(i)
	if m == nil {
		return
	}
	s.selected = m.ID
	s.open(m.ID)
}

func (s *meetingsScreen) selectedMeeting() *model.Meeting {
	if s.editor != nil && s.editor.orig != nil {
		return s.editor.orig
	}
	return nil
}

// open shows meeting id in the editor; closing it goes back to the
// screen it was opened from (the dashboard, the calendar, invitations).
func (s *meetingsScreen) open(id int64) {
	a := s.app
	s.returnTo = ""
	if a.current != "meetings" {
		s.returnTo = a.current
		a.Show("meetings")
	}
	background(a, func(ctx context.Context) (*model.Meeting, error) { return a.st.Meeting(ctx, id) }, func(m *model.Meeting) {
		s.showEditor(m)
	})
}

// onNew opens the editor on a new meeting convened by us.
func (s *meetingsScreen) onNew() {
	c := s.app.cat
	loc := c.HQZone()
	zone := loc.String()
	day := nextWorkingDay(s.app.now().In(loc))
	start := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, loc)
	m := &model.Meeting{Kind: model.KindMeeting, Status: model.StatusPlanned, Confidentiality: model.PartiesOnly,
		Zone: zone, Start: start, End: start.Add(8 * time.Hour)}
	if us := c.Us(); us != nil {
		m.ConvenerID = us.ID
	}
	s.showEditor(nil, m)
}

func (s *meetingsScreen) showEditor(orig *model.Meeting, draft ...*model.Meeting) {
	show := func() {
		s.editor = newMeetingEditor(s, orig, draft...)
		s.stack.Objects = []fyne.CanvasObject{s.editor.view()}
		s.stack.Refresh()
		if orig == nil {
			s.app.win.Canvas().Focus(s.editor.title) // a new meeting starts with its title
		}
	}
	if s.editor != nil && s.editor.dirty {
		s.editor.confirmDiscard(show)
		return
	}
	show()
}

// closeEditor returns to the list, reloading it.
func (s *meetingsScreen) closeEditor() {
	s.editor = nil
	s.stack.Objects = []fyne.CanvasObject{s.listView}
	s.stack.Refresh()
	s.list.UnselectAll()
	s.runQuery()
	if back := s.returnTo; back != "" {
		s.returnTo = ""
		s.app.Show(back)
	}
}

// deleteMeeting asks, deletes (a tombstone) and offers Undo.
func (s *meetingsScreen) deleteMeeting(m *model.Meeting) {
	a := s.app
	// Deleting is the answer that loses something: Enter, like Escape, keeps.
	a.confirmKeep(lang.L("Delete meeting"), lang.L("Delete “{{.Title}}”? Its invitation records go with it.", map[string]any{"Title": m.Title}), lang.L("Delete"), lang.L("Cancel"), func(ok bool) {
		if ok {
			s.onDeleteConfirmed(m)
		}
	})
}

// onDeleteConfirmed deletes m (a tombstone the store keeps) and offers Undo.
func (s *meetingsScreen) onDeleteConfirmed(m *model.Meeting) {
	a := s.app
	a.do(func(ctx context.Context) error { return a.st.DeleteMeeting(ctx, m.ID) }, func() {
		s.editor = nil
		s.closeEditor()
		s.offerUndo(m)
	})
}

func (s *meetingsScreen) offerUndo(m *model.Meeting) {
	a := s.app
	var d dialog.Dialog
	s.undo = &widget.Button{Text: lang.L("Undo"), Icon: theme.ContentUndoIcon(), OnTapped: func() {
		d.Hide()
		a.do(func(ctx context.Context) error { return a.st.RestoreMeeting(ctx, m.ID) }, s.runQuery)
	}}
	undo := s.undo
	d = dialog.NewCustom(lang.L("Meeting deleted"), lang.L("Close"), container.NewVBox(widget.NewLabel(m.Title), undo), a.win)
	d.Show()
}

// mostUrgent picks the answer a list row shows: the first in the order of
// urgency of model.ObligationStates, leaving out "not owed".
func mostUrgent(obs []model.Obligation) (model.Obligation, bool) {
	best, found := model.Obligation{}, false
	for _, ob := range obs {
		if ob.State == model.NotOwed {
			continue
		}
		if !found || slices.Index(model.ObligationStates, ob.State) < slices.Index(model.ObligationStates, best.State) {
			best, found = ob, true
		}
	}
	return best, found
}
