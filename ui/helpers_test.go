package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	path := filepath.Join(t.TempDir(), "liaison.db")
	require.NoError(t, os.WriteFile(path, seededDB(t), 0o600))
	st, err := store.Open(ctx, path)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	fa := test.NewTempApp(t)
	fa.Preferences().SetString(prefLanguage, "en")
	a := newApp(ctx, fa, st, true, func() time.Time { return testNow })
	a.win.Resize(a.win.Canvas().Size().Max(fyneSize(1280, 800)))
	t.Cleanup(func() { setupLanguage("en") })
	return a, st
}

var (
	seededOnce  sync.Once
	seededBytes []byte
	seededErr   error
)

// seededDB returns the bytes of a database migrated and seeded once for
// the whole run: every test starts from a copy, which is much faster than
// migrating and seeding again on a busy two-core machine.
func seededDB(t *testing.T) []byte {
	seededOnce.Do(func() {
		dir, err := os.MkdirTemp("", "liaison-ui-test")
		if err != nil {
			seededErr = err
			return
		}
		defer os.RemoveAll(dir)
		ctx := context.Background()
		path := filepath.Join(dir, "seed.db")
		st, err := store.Open(ctx, path)
		if err != nil {
			seededErr = err
			return
		}
		seededErr = st.Seed(ctx, "interpol-iom-2014", "INTERPOL")
		if err := st.Close(); seededErr == nil {
			seededErr = err
		}
		if seededErr == nil {
			seededBytes, seededErr = os.ReadFile(path)
		}
	})
	require.NoError(t, seededErr)
	return seededBytes
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
