// Package ical is Liaison's iCalendar exchange with partner organizations.
//
// Out: an observer invitation as one METHOD:REQUEST event (or METHOD:CANCEL
// once the meeting is cancelled), a consultation series as one recurring
// event with its exceptions, and a METHOD:PUBLISH feed of meetings and
// consultations. Every timed value carries a TZID whose VTIMEZONE is
// generated from Go's time zone database; lines are folded at 75 octets on
// UTF-8 boundaries; WriteEML wraps a calendar in an iMIP message (RFC 6047)
// that a mail client opens as a draft.
//
// In: Parse reads a calendar as a stream, one component at a time, and hands
// every event to a callback as an Item (a partner's REPLY, REQUEST, PUBLISH
// or CANCEL) holding model values. It takes real clients' output as it comes
// (a byte-order mark, bare LF line ends, Windows zone names, zones known only
// from the file's own VTIMEZONE, comma-separated EXDATE lists) and refuses
// what is wrong (a truncated file, a malformed line, a file over the size
// limit) with an error that names the file and the line. It never panics.
//
// The office calendar: WriteRecord and ReadRecord turn one shared record
// into one CalDAV resource and back (standard properties for every client,
// Liaison's own facts as X-LIAISON- properties); WriteTodo writes an
// action item as a VTODO resource of its own.
//
// The package holds pure functions on model values: no database, no clock.
// Recording that an invitation went out, or applying an imported reply, is
// the job of package store/exchange.
package ical
