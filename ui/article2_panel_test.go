package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

// The editor says what Article 2 says in the language chosen.
func TestReasonsInFrench(t *testing.T) {
	a, _ := newTestApp(t)
	setupLanguage("fr")
	e := fillNewMeeting(t, a)
	require.NotEmpty(t, e.Obligations)
	assert.Equal(t, model.Overdue, e.Obligations[0].State)
	text := richTexts(e.art2)
	assert.Contains(t, text, "Une invitation d’observateur d’INTERPOL à IOM était due le", "de + a vowel is elided")
	assert.Contains(t, text, "des OIG sont invitées et le point de l’ordre du jour « Cooperation under the 2014 Agreement » concerne : Border security")
	assert.NotContains(t, text, "An observer invitation", "no English left in the French panel")
}

// richTexts gathers the text of every RichText below o.
func richTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(w)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
