package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// adaptive shows a main part and a side part side by side when there is
// room (the side part at the right, each scrolling on its own), and the
// side part under the main one, in one scroll, when the width is under
// breakpoint: a 900-pixel window keeps the Article 2 panel readable
// instead of squeezing it to a column that wraps letter by letter.
type adaptive struct {
	widget.BaseWidget
	main, side fyne.CanvasObject
	breakpoint float32
	offset     float64 // the main part's share when side by side

	// Wide tells which arrangement is on show (tests).
	Wide    bool
	built   bool
	content *fyne.Container
}

func newAdaptive(main, side fyne.CanvasObject, breakpoint float32, offset float64) *adaptive {
	a := &adaptive{main: main, side: side, breakpoint: breakpoint, offset: offset, content: container.NewStack()}
	a.ExtendBaseWidget(a)
	return a
}

func (a *adaptive) CreateRenderer() fyne.WidgetRenderer { return &adaptiveRenderer{a: a} }

// arrange builds the tree for the width, when the arrangement changes.
func (a *adaptive) arrange(width float32) {
	wide := width >= a.breakpoint
	if a.built && wide == a.Wide {
		return
	}
	a.built, a.Wide = true, wide
	var tree fyne.CanvasObject
	if wide {
		split := container.NewHSplit(container.NewVScroll(a.main), container.NewVScroll(a.side))
		split.Offset = a.offset
		tree = split
	} else {
		tree = container.NewVScroll(container.NewVBox(a.main, widget.NewSeparator(), a.side))
	}
	a.content.Objects = []fyne.CanvasObject{tree}
	a.content.Refresh()
}

type adaptiveRenderer struct{ a *adaptive }

func (r *adaptiveRenderer) Layout(size fyne.Size) {
	r.a.arrange(size.Width)
	r.a.content.Resize(size)
}

func (r *adaptiveRenderer) MinSize() fyne.Size {
	r.a.arrange(r.a.Size().Width)
	return r.a.content.MinSize()
}

func (r *adaptiveRenderer) Refresh()                     { r.a.content.Refresh() }
func (r *adaptiveRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.a.content} }
func (r *adaptiveRenderer) Destroy()                     {}

// wrapCheck shows c with text beside it that wraps at word ends (a Check's
// own text never wraps, and a long one widens the whole window); tapping
// the text ticks the box too.
func wrapCheck(c *widget.Check, text string) fyne.CanvasObject {
	c.Text = ""
	c.Refresh()
	l := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	return container.NewBorder(nil, nil, c, nil, newTapRow(l, func() { c.SetChecked(!c.Checked) }))
}
