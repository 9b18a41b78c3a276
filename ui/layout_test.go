package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// visibleObjects walks what is on show under o: hidden objects and
// what they hold are left out.
func visibleObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			visibleObjects(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			visibleObjects(c, visit)
		}
	}
}

// wrapsInsideAWord returns the wrapping labels under o that are narrower
// than their longest word, which Fyne then breaks letter by letter.
func wrapsInsideAWord(o fyne.CanvasObject) []string {
	var bad []string
	visibleObjects(o, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || l.Wrapping == fyne.TextWrapOff || l.Text == "" || l.Truncation != fyne.TextTruncateOff {
			return
		}
		size := theme.TextSize()
		if l.SizeName != "" {
			size = theme.Size(l.SizeName)
		}
		longest := ""
		var need float32
		for _, w := range strings.Fields(l.Text) {
			if n := fyne.MeasureText(w, size, l.TextStyle).Width; n > need {
				need, longest = n, w
			}
		}
		need += 2 * theme.InnerPadding()
		if l.Size().Width+0.5 < need {
			bad = append(bad, longest+" in "+strings.ReplaceAll(l.Text, "\n", " ")[:min(60, len(l.Text))])
		}
	})
	return bad
}

func TestEveryScreenFitsItsWordsAtBothSizes(t *testing.T) {
	a, st := newTestApp(t)
	require.NoError(t, st.SeedExample(context.Background(), testNow, 0))
	a.loadCatalog(nil)
	for _, size := range []fyne.Size{{Width: 900, Height: 600}, {Width: 1280, Height: 800}} {
		a.win.Resize(size)
		for _, s := range a.screens {
			a.Show(s.key)
			assert.Empty(t, wrapsInsideAWord(a.win.Content()), "%s at %v", s.key, size)
		}
		a.ShowForScreenshot("editor")
		e := a.meetings.editor
		require.NotNil(t, e)
		assert.Equal(t, size.Width > 1000, e.layout.Wide, "the Article 2 panel is beside the form only when it fits (%v)", size)
		assert.Empty(t, wrapsInsideAWord(a.win.Content()), "meeting editor at %v", size)
		a.meetings.closeEditor()
	}
}

// shownText gathers the text of the labels on show under o, widgets'
// insides included (dialogs, cards).
func shownText(o fyne.CanvasObject) string {
	var b strings.Builder
	visibleObjects(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n" + w.Subtitle + "\n")
		}
	})
	return b.String()
}

func TestAProblemAppearingDoesNotMoveTheFieldsBelow(t *testing.T) {
	a, _ := newTestApp(t)
	e := fillNewMeeting(t, a)
	require.NoError(t, e.Err)
	where := func(o fyne.CanvasObject) float32 {
		a.win.Content().Refresh()
		a.win.Resize(a.win.Canvas().Size()) // lay out again
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
	}
	city, online := where(e.venueCity), where(e.venueOnline)
	e.title.SetText("")
	e.venueCountry.SetText("France")
	e.endDate.SetText("2027-04-01") // before the start
	require.NotEmpty(t, e.FieldError("title"))
	require.NotEmpty(t, e.FieldError("end"))
	require.NotEmpty(t, e.FieldError("country"))
	assert.Equal(t, city, where(e.venueCity), "the title's and the end's problems do not push the venue down")
	assert.Equal(t, online, where(e.venueOnline))
}

// Every screen fits a 900-pixel window in every language: nothing's
// smallest width (a title that does not wrap, a check box's text) pushes
// the window wider, which would cut the right of the screen off.
func TestEveryScreenFits900PixelsInEveryLanguage(t *testing.T) {
	defer setupLanguage("en")
	for _, code := range []string{"en", "fr", "es"} {
		en, st := newTestApp(t)
		require.NoError(t, st.SeedExample(context.Background(), testNow, 0))
		en.fa.Preferences().SetString(prefLanguage, code)
		a := newApp(context.Background(), en.fa, st, true, en.now)
		a.win.Resize(fyne.NewSize(900, 600))
		for _, key := range []string{"dashboard", "meetings", "editor", "invitations", "consultations", "calendar", "partners", "agreements", "settings"} {
			a.ShowForScreenshot(key)
			assert.LessOrEqual(t, a.win.Content().MinSize().Width, float32(900), "%s in %s", key, code)
			if key == "editor" {
				a.meetings.closeEditor()
			}
		}
	}
}
