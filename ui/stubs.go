package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

type consultationsScreen struct{ app *App }

func newConsultationsScreen(a *App) *consultationsScreen { return &consultationsScreen{app: a} }
func (s *consultationsScreen) view() fyne.CanvasObject   { return widget.NewLabel("") }
func (s *consultationsScreen) reload()                   {}
func (s *consultationsScreen) openSeries(id int64)       { s.app.Show("consultations") }

type calendarScreen struct{ app *App }

func newCalendarScreen(a *App) *calendarScreen    { return &calendarScreen{app: a} }
func (s *calendarScreen) view() fyne.CanvasObject { return widget.NewLabel("") }
func (s *calendarScreen) reload()                 {}

