package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shownStrings lists every string a person can read under o: labels,
// buttons, selects, checks, placeholders, card titles, form labels.
func shownStrings(o fyne.CanvasObject) []string {
	var out []string
	add := func(s string) {
		for _, line := range strings.Split(s, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, line)
			}
		}
	}
	visibleObjects(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			add(w.Text)
		case *widget.RichText:
			add(w.String())
		case *widget.Button:
			add(w.Text)
		case *widget.Check:
			add(w.Text)
		case *widget.Select:
			add(w.Selected)
			if w.Selected == "" {
				add(w.PlaceHolder)
			}
			for _, opt := range w.Options {
				add(opt)
			}
		case *widget.Entry:
			if w.Text == "" {
				add(w.PlaceHolder)
			}
		case *field:
			if w.Text == "" {
				add(w.PlaceHolder)
			}
		case *widget.Card:
			add(w.Title)
			add(w.Subtitle)
		case *widget.Form:
			for _, it := range w.Items {
				add(it.Text)
				add(it.HintText)
			}
		}
	})
	return out
}

// notWords are visible strings that are the same in every language:
// proper nouns, codes, numbers and dates.
var notWords = map[string][]string{
	"": {"INTERPOL", "Liaison", "OK", "A4", "FR", "Lyon", "Europe/Paris", "https://", "YYYY-MM-DD",
		"English", "Français", "Español"}, // each language's name in its own language
	"fr": {"Consultation", "Consultations", "Invitations", "Guide", "Public", "Note", "Notes", "Type", "Total", "Date"},
	"es": {"Total"},
}

// allowed tells whether s may read the same in English and in code.
func allowed(s, code string) bool {
	return slices.Contains(notWords[""], s) || slices.Contains(notWords[code], s) ||
		!strings.ContainsFunc(s, unicode.IsLetter) || strings.Contains(s, "@") || strings.Contains(s, "://") ||
		strings.Contains(s, "Regional Conference on Border Security") || // the meeting's title, typed by the test
		slices.Contains([]string{"9h", "France", "ftp://x"}, s) // what the walk types
}

// englishLeft walks the app's screens in code and returns the strings on
// show that are the very ones the English screens show.
func walkScreens(t *testing.T, code string) []string {
	en, st := newTestApp(t)
	saveMeeting(t, en) // typed in English: the areas' names are the template's
	// The app as it starts in that language.
	en.fa.Preferences().SetString(prefLanguage, code)
	a := newApp(context.Background(), en.fa, st, true, en.now)
	a.win.Resize(fyneSize(1280, 800))
	var all []string
	for _, s := range a.screens {
		a.Show(s.key)
		all = append(all, shownStrings(a.win.Content())...)
	}
	a.Show("invitations")
	if len(a.invitations.rows) > 0 {
		a.invitations.list.Select(0)
	}
	all = append(all, shownStrings(a.win.Content())...)
	a.onNewMeeting()
	all = append(all, shownStrings(a.win.Content())...)
	// The validation messages, and the date picker.
	e := a.meetings.editor
	e.title.SetText("Lyon")
	e.title.SetText("")
	e.endDate.SetText("2027-03-01")
	e.venueCountry.SetText("France")
	e.venueOnline.SetText("ftp://x")
	e.startTime.SetText("9h")
	all = append(all, shownStrings(a.win.Content())...)
	test.Tap(e.startDate.pick)
	all = append(all, shownStrings(a.win.Canvas().Overlays().Top())...)
	e.startDate.popUp.Hide()
	a.meetings.editor.dirty = false
	a.meetings.closeEditor()
	a.showGuide()
	all = append(all, shownStrings(a.win.Canvas().Overlays().Top())...)
	slices.Sort(all)
	return slices.Compact(all)
}

func TestNoEnglishLeftInFrenchOrSpanish(t *testing.T) {
	defer setupLanguage("en")
	en := walkScreens(t, "en")
	require.Greater(t, len(en), 100, "the walk sees the screens")
	for _, code := range []string{"fr", "es"} {
		var left []string
		for _, s := range walkScreens(t, code) {
			if !slices.Contains(en, s) || allowed(s, code) {
				continue
			}
			left = append(left, s)
		}
		assert.Empty(t, left, "English left on the %s screens", code)
	}
}
