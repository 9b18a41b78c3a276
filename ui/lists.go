package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// newOpenList is a list whose focused row opens with Enter as with Space
// (Fyne's List takes only Space), and with a click.
func newOpenList(l *widget.List) *openList {
	o := &openList{}
	o.Length, o.CreateItem, o.UpdateItem, o.OnSelected = l.Length, l.CreateItem, l.UpdateItem, l.OnSelected
	o.ExtendBaseWidget(o)
	return o
}

type openList struct{ widget.List }

// Inner is the Fyne list itself (tests outside the package find it so).
func (l *openList) Inner() *widget.List { return &l.List }

// TypedKey opens the focused row on Enter.
func (l *openList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	l.List.TypedKey(ev)
}

// sortHeader is a row of column headers that sort a list: a tap sorts by
// that column, a second tap reverses it; the active one shows its arrow.
type sortHeader struct {
	box     *fyne.Container
	buttons []*widget.Button
	labels  []string
	// Column and Desc are the sort on show.
	Column int
	Desc   bool
	onSort func(col int, desc bool)
}

func newSortHeader(labels []string, col int, desc bool, onSort func(int, bool)) *sortHeader {
	h := &sortHeader{labels: labels, Column: col, Desc: desc, onSort: onSort}
	var objs []fyne.CanvasObject
	for i, l := range labels {
		i := i
		b := &widget.Button{Text: l, Importance: widget.LowImportance, Alignment: widget.ButtonAlignLeading, OnTapped: func() { h.tap(i) }}
		h.buttons = append(h.buttons, b)
		objs = append(objs, b)
	}
	h.box = container.NewHBox(objs...)
	h.paint()
	return h
}

func (h *sortHeader) tap(col int) {
	if col == h.Column {
		h.Desc = !h.Desc
	} else {
		h.Column, h.Desc = col, false
	}
	h.paint()
	h.onSort(h.Column, h.Desc)
}

func (h *sortHeader) paint() {
	for i, b := range h.buttons {
		b.Icon = nil
		b.Importance = widget.LowImportance
		if i == h.Column {
			b.Icon = theme.MenuDropUpIcon()
			if h.Desc {
				b.Icon = theme.MenuDropDownIcon()
			}
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
}

// meetingSorts are the meetings list's columns and the store's orders.
func meetingSortLabels() []string {
	return []string{lang.L("Date"), lang.L("Title"), lang.L("Last changed")}
}

func meetingOrder(col int, desc bool) store.MeetingOrder {
	switch col {
	case 1:
		return store.ByTitle // the store sorts titles one way
	case 2:
		return store.ByModifiedDesc
	}
	if desc {
		return store.ByStartDesc
	}
	return store.ByStart
}

// sortRows orders the invitations by the header's column: due day,
// meeting title, or state (most urgent first).
func (s *invitationsScreen) sortRows() {
	key := func(ob model.Obligation) string {
		switch s.sort.Column {
		case 1:
			if m := s.meetings[ob.MeetingID]; m != nil {
				return strings.ToLower(m.Title)
			}
		case 2:
			return fmt.Sprintf("%02d", slices.Index(model.ObligationStates, ob.State))
		}
		return ob.Due.String()
	}
	slices.SortStableFunc(s.rows, func(x, y model.Obligation) int {
		c := strings.Compare(key(x), key(y))
		if s.sort.Desc {
			c = -c
		}
		return c
	})
}
