// Package ui is Liaison's desktop app, built with Fyne.
//
// One file per screen or dialog: the dashboard of what needs action, the
// meetings list and its editor (with the Article 2 answer beside the form,
// live), the invitations, the Article 8 consultations, a calendar, partners
// and focal points, agreements and settings. Each screen is a struct that
// holds its widgets, built from struct literals, with named onXxx callbacks.
//
// The screens hold the *store.Store and call the flows shared with the
// command line (store/exchange, ui/briefing) directly; tests drive the real
// screens on a real migrated database. Database work runs off the UI
// goroutine; results come back through fyne.Do. Settings live in the app's
// fyne.Preferences; every visible string goes through fyne.io/fyne/v2/lang,
// with English, French and Spanish translations embedded from translations/.
package ui
