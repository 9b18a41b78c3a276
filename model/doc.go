// Package model holds Liaison's domain: organizations, cooperation agreements,
// focal points, meetings and their observer invitations, and the consultation
// series that the secretariats hold under Article 8.
//
// It also holds the two rules the protocol office leans on every day: the
// Article 2 rule (Obligations), which says for every meeting which observer
// invitation is owed, to whom, by when and why; and the Article 8 schedule
// (ConsultationSeries.Occurrences and Cadence), which expands a recurrence
// into dated consultations and warns when none has been held for too long.
//
// Both rules are pure functions of the model: no database, no clock. The
// caller passes "now". The package depends only on the standard library and
// an RFC 5545 recurrence library, so that the store, the iCalendar exchange,
// the briefs and the desktop app all share one definition of the domain.
package model
