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

type partnersScreen struct{ app *App }

func newPartnersScreen(a *App) *partnersScreen    { return &partnersScreen{app: a} }
func (s *partnersScreen) view() fyne.CanvasObject { return widget.NewLabel("") }
func (s *partnersScreen) reload()                 {}

type agreementsScreen struct{ app *App }

func newAgreementsScreen(a *App) *agreementsScreen  { return &agreementsScreen{app: a} }
func (s *agreementsScreen) view() fyne.CanvasObject { return widget.NewLabel("") }
func (s *agreementsScreen) reload()                 {}

type settingsScreen struct{ app *App }

func newSettingsScreen(a *App) *settingsScreen    { return &settingsScreen{app: a} }
func (s *settingsScreen) view() fyne.CanvasObject { return widget.NewLabel("") }
func (s *settingsScreen) reload()                 {}
func (s *settingsScreen) onBackup()               {}
