package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAboutShowsTheVersion(t *testing.T) {
	a, _ := newTestApp(t)
	defer func(v string) { Version = v }(Version)
	Version = "Liaison v9.8.7-2-gabcdef0 (commit abcdef0123, go1.26, linux/amd64)"
	a.onAbout()
	top := a.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "Help → About shows a dialog")
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *widget.Label:
			texts = append(texts, w.Text)
		case *canvas.Text:
			texts = append(texts, w.Text)
		}
	}
	assert.Contains(t, strings.Join(texts, "\n"), Version)
}
