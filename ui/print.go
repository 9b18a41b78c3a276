package ui

import (
	"fyne.io/fyne/v2/dialog"

	"github.com/liaison-app/liaison/model"
)

func printBrief(a *App, m *model.Meeting) {
	dialog.ShowInformation("", m.Title, a.win)
}
