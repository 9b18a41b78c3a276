package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// The iCalendar exchange with partners (export an invitation as .ics or a
// ready-to-send .eml, import a reply) is written once, below both the
// command line and this app, in store/exchange. Until it lands these
// buttons say so.

func (s *invitationsScreen) onExportICS() { icalComingSoon(s.app, lang.L("Export .ics…")) }

func (s *invitationsScreen) onCreateEML() { icalComingSoon(s.app, lang.L("Create e-mail (.eml)…")) }

func (s *invitationsScreen) onImportReply() { icalComingSoon(s.app, lang.L("Import reply (.ics)…")) }

// icalComingSoon tells the user that an iCalendar action is not there yet.
func icalComingSoon(a *App, what string) {
	dialog.ShowInformation(what, lang.L("This comes with the iCalendar exchange (store/exchange), which is not in this build yet."), a.win)
}
