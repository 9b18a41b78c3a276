package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSwitchingToFrenchChangesTheLabels(t *testing.T) {
	a, _ := newTestApp(t)
	a.Show("settings")
	assert.Equal(t, "Dashboard", a.screens[0].label)

	a.settings.language.SetSelected("Français")

	assert.Equal(t, "fr", a.fa.Preferences().String(prefLanguage), "the choice is kept")
	assert.Equal(t, "settings", a.Current(), "the window stays on the same screen")
	assert.Equal(t, "Tableau de bord", a.screens[0].label)
	assert.Equal(t, "Réunions et conférences", a.screens[1].label)
	assert.Equal(t, "Fichier", a.win.MainMenu().Items[0].Label)
	assert.Equal(t, "Rechercher titre, lieu ou ville", a.meetings.search.PlaceHolder)

	// The meeting editor speaks French too, down to the validation.
	a.onNewMeeting()
	e := a.meetings.editor
	require.NotNil(t, e)
	assert.Equal(t, "Enregistrer", e.save.Text)
	assert.Equal(t, "Journées entières", e.allDay.Text)
	e.startTime.SetText("9h")
	assert.Contains(t, e.FieldError("start"), "n'est pas une heure")

	// And back.
	e.dirty = false
	a.Show("settings")
	a.settings.language.SetSelected("English")
	assert.Equal(t, "Dashboard", a.screens[0].label)
}
