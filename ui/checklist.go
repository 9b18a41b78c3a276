package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// checkList is a group of check boxes whose labels wrap: the areas of
// cooperation of the 2014 agreement have names a hundred characters long,
// which a widget.CheckGroup would make the whole form as wide as.
type checkList struct {
	widget.BaseWidget
	Options   []string
	Selected  []string
	OnChanged func([]string)

	box    *fyne.Container
	checks []*widget.Check
}

func newCheckList(onChanged func([]string)) *checkList {
	c := &checkList{OnChanged: onChanged, box: container.NewVBox()}
	c.ExtendBaseWidget(c)
	return c
}

func (c *checkList) CreateRenderer() fyne.WidgetRenderer {
	c.rebuild()
	return widget.NewSimpleRenderer(c.box)
}

// SetSelected ticks exactly the options named.
func (c *checkList) SetSelected(sel []string) {
	c.Selected = slices.Clone(sel)
	c.Refresh()
}

// Refresh shows Options and Selected.
func (c *checkList) Refresh() {
	c.rebuild()
	c.BaseWidget.Refresh()
}

func (c *checkList) rebuild() {
	c.box.Objects = nil
	c.checks = nil
	for _, opt := range c.Options {
		opt := opt
		ch := &widget.Check{Checked: slices.Contains(c.Selected, opt)}
		ch.OnChanged = func(on bool) { c.toggle(opt, on) }
		ch.ExtendBaseWidget(ch)
		c.checks = append(c.checks, ch)
		c.box.Add(container.NewBorder(nil, nil, ch, nil, &widget.Label{Text: opt, Wrapping: fyne.TextWrapWord}))
	}
	c.box.Refresh()
}

func (c *checkList) toggle(opt string, on bool) {
	has := slices.Contains(c.Selected, opt)
	switch {
	case on && !has:
		c.Selected = append(c.Selected, opt)
	case !on && has:
		c.Selected = slices.DeleteFunc(c.Selected, func(s string) bool { return s == opt })
	default:
		return
	}
	if c.OnChanged != nil {
		c.OnChanged(c.Selected)
	}
}
