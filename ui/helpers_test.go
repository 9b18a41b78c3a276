package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// testNow is the instant the tests run at: 1 March 2027, 10:00 in Paris.
var testNow = time.Date(2027, 3, 1, 10, 0, 0, 0, mustZone("Europe/Paris"))

func mustZone(name string) *time.Location {
	loc, err := model.LoadZone(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// newTestApp opens a real migrated database in t.TempDir(), seeds it with
// the INTERPOL–IOM 2014 template (INTERPOL is us) and builds the real app
// on Fyne's test driver, with database work run inline.
func newTestApp(t *testing.T) (*App, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "liaison.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	require.NoError(t, st.Seed(ctx, "interpol-iom-2014", "INTERPOL"))
	fa := test.NewTempApp(t)
	fa.Preferences().SetString(prefLanguage, "en")
	a := newApp(ctx, fa, StoreData(st), true, func() time.Time { return testNow })
	a.win.Resize(a.win.Canvas().Size().Max(fyneSize(1280, 800)))
	t.Cleanup(func() { setupLanguage("en") })
	return a, st
}

func filterAll() store.MeetingFilter { return store.MeetingFilter{} }

// labelsText gathers the text of every label and rich text under o.
func labelsText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n")
			if w.Content != nil {
				walk(w.Content)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
