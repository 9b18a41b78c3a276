package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tapRow is a row of a list of records that opens its record when tapped.
type tapRow struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onTapped func()
}

func newTapRow(content fyne.CanvasObject, onTapped func()) *tapRow {
	r := &tapRow{content: content, onTapped: onTapped}
	r.ExtendBaseWidget(r)
	return r
}

func (r *tapRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// Tapped opens the row's record.
func (r *tapRow) Tapped(*fyne.PointEvent) {
	if r.onTapped != nil {
		r.onTapped()
	}
}

// Cursor shows a hand over a row that opens something.
func (r *tapRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// badge is a short coloured label: an Article 2 state, a status.
func badge(text string, imp widget.Importance) *widget.Label {
	l := &widget.Label{Text: text, Importance: imp, TextStyle: fyne.TextStyle{Bold: true}}
	l.ExtendBaseWidget(l)
	return l
}

// reasonRow lays out one record: a badge, a bold title, a wrapped reason.
func reasonRow(state, title, reason string, imp widget.Importance, open func()) *tapRow {
	// One RichText for both lines keeps them close together, where two
	// labels would each add their own padding.
	strong := widget.RichTextStyleParagraph
	strong.TextStyle = fyne.TextStyle{Bold: true}
	text := widget.NewRichText(&widget.TextSegment{Text: title, Style: strong}, &widget.TextSegment{Text: reason, Style: widget.RichTextStyleParagraph})
	text.Wrapping = fyne.TextWrapWord
	return newTapRow(container.NewBorder(nil, nil, badgeColumn(badge(state, imp)), nil, text), open)
}

// section is a titled group of rows on the dashboard.
func section(title string, rows []fyne.CanvasObject, empty string) fyne.CanvasObject {
	if len(rows) == 0 {
		rows = []fyne.CanvasObject{&widget.Label{Text: empty, Importance: widget.LowImportance}}
	}
	// The title wraps (a Card's own title does not, and a long one in
	// French widened the window past 900 pixels).
	head := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Wrapping: fyne.TextWrapWord}
	return widget.NewCard("", "", container.NewVBox(append([]fyne.CanvasObject{head}, rows...)...))
}

// badgeColumn gives a badge a fixed width, so that the titles beside a
// column of badges line up whatever the state. The badge stays reachable
// as the column's last object.
func badgeColumn(b *widget.Label) *fyne.Container {
	col := canvas.NewRectangle(color.Transparent)
	col.SetMinSize(fyne.NewSize(112, 1))
	return container.NewStack(col, container.NewVBox(b))
}
