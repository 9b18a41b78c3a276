//go:build ci

package main

import (
	"context"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/ui"
)

// objects lists o and everything drawn under it: containers' objects and
// widgets' renderer objects.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, objects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, objects(c)...)
		}
	}
	return out
}

// find waits (the app loads in the background) for the first object under
// root() that match accepts.
func find[T fyne.CanvasObject](t *testing.T, root func() fyne.CanvasObject, match func(T) bool) T {
	t.Helper()
	var got T
	require.Eventually(t, func() bool {
		found := false
		fyne.DoAndWait(func() {
			for _, o := range objects(root()) {
				if w, ok := o.(T); ok && match(w) {
					got, found = w, true
					return
				}
			}
		})
		return found
	}, 30*time.Second, 10*time.Millisecond)
	return got
}

// TestReplyByCommandAndByScreenStoresTheSameVersion records one letter
// from IOM, accepting, once with `liaison invitation reply` and once with
// the app's Record reply dialog, on two copies of the same database where
// the meeting moved after version 0 was sent: both must store the same
// answered version (the one sent, not the meeting's current one) and the
// same comment.
func TestReplyByCommandAndByScreenStoresTheSameVersion(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	c.ok("invitation", "mark-sent", id, "--to", "IOM", "--on", "2027-03-20")
	c.ok("meeting", "update", id, "--city", "Paris", "--venue", "Maison de la Chimie") // version 1, not sent
	copyDB := c.db + ".copy"
	raw, err := os.ReadFile(c.db)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(copyDB, raw, 0o600))
	mid, err := strconv.ParseInt(id, 10, 64)
	require.NoError(t, err)

	const comment = "Two delegates will attend"
	c.ok("invitation", "reply", id, "--to", "IOM", "--status", "accepted", "--comment", comment)
	byCLI := storedInvitation(t, c.db, mid)

	// The same letter, through the app's screen.
	ctx := context.Background()
	st, err := store.Open(ctx, copyDB)
	require.NoError(t, err)
	defer st.Close()
	fa := test.NewTempApp(t)
	a := ui.NewAt(ctx, fa, st, func() time.Time { return c.now })
	content := func() fyne.CanvasObject { return a.Window().Content() }
	// The app loads in the background: show the invitations, select the
	// one meeting's row (the navigation list has more rows), until its
	// Record reply button is on show.
	var reply *widget.Button
	require.Eventually(t, func() bool {
		fyne.DoAndWait(func() {
			if a.Current() != "invitations" {
				a.Show("invitations")
				return
			}
			var list selectable
			for _, o := range objects(content()) {
				switch w := o.(type) {
				case selectable:
					if listLength(w) == 1 {
						list = w
					}
				case interface{ Inner() *widget.List }: // the app's lists that open a row with Enter
					if w.Inner().Length() == 1 {
						list = w.Inner()
					}
				case *widget.Button:
					if strings.HasPrefix(w.Text, "Record reply") {
						reply = w
					}
				}
			}
			if reply == nil && list != nil {
				list.Select(0)
			}
		})
		return reply != nil
	}, 30*time.Second, 20*time.Millisecond)
	fyne.DoAndWait(func() { test.Tap(reply) })
	dlg := func() fyne.CanvasObject { return a.Window().Canvas().Overlays().Top() }
	state := find(t, dlg, func(s *widget.Select) bool { return len(s.Options) == 3 })
	fyne.DoAndWait(func() { state.SetSelectedIndex(0) })
	assert.Equal(t, "Accepted", state.Selected)
	// The note is the dialog's last text field (after the day and the
	// representatives).
	var note textField
	fyne.DoAndWait(func() {
		for _, o := range objects(dlg()) {
			if f, ok := o.(textField); ok {
				note = f
			}
		}
	})
	require.NotNil(t, note)
	fyne.DoAndWait(func() { note.SetText(comment) })
	record := find(t, dlg, func(b *widget.Button) bool { return b.Text == "Record" })
	fyne.DoAndWait(func() { test.Tap(record) })
	var byUI *model.Invitation
	require.Eventually(t, func() bool {
		inv, err := st.Invitation(ctx, mid, ioM(t, st))
		if err == nil && !inv.RepliedAt.IsZero() {
			byUI = inv
			return true
		}
		return false
	}, 30*time.Second, 10*time.Millisecond)

	assert.Equal(t, 0, byCLI.SentSequence)
	assert.Equal(t, 0, byCLI.ReplySequence, "the letter answers version 0, the one sent, not the meeting's version 1")
	assert.Equal(t, byCLI.ReplySequence, byUI.ReplySequence, "the command line and the app store the same answered version")
	assert.Equal(t, byCLI.State, byUI.State)
	assert.Equal(t, model.InvAccepted, byUI.State)
	assert.Equal(t, comment, byCLI.ReplyComment())
	assert.Equal(t, byCLI.ReplyComment(), byUI.ReplyComment())
}

// selectable is a list of the app (widget.List, and the app's lists built
// on it).
type selectable interface {
	Select(widget.ListItemID)
	UnselectAll()
}

// listLength calls the list's Length callback (a field of widget.List,
// which the app's lists embed), or returns -1.
func listLength(l selectable) int {
	v := reflect.ValueOf(l)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return -1
	}
	f := v.Elem().FieldByName("Length")
	if !f.IsValid() || f.IsNil() {
		return -1
	}
	n, ok := f.Interface().(func() int)
	if !ok {
		return -1
	}
	return n()
}

// textField is what a text field of the app offers (widget.Entry, and the
// app's fields built on it).
type textField interface {
	SetText(string)
	SetPlaceHolder(string)
}

func ioM(t *testing.T, st *store.Store) int64 {
	cat, err := st.Catalog(context.Background())
	require.NoError(t, err)
	o, err := cat.OrgByAcronym("to", "IOM")
	require.NoError(t, err)
	return o.ID
}

func storedInvitation(t *testing.T, db string, meeting int64) *model.Invitation {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	require.NoError(t, err)
	defer st.Close()
	inv, err := st.Invitation(ctx, meeting, ioM(t, st))
	require.NoError(t, err)
	return inv
}
