// Package caldav shares the office's records through a calendar
// collection on the office's CalDAV server (Radicale, Nextcloud, SOGo,
// Baïkal, Fastmail, iCloud...), so that every officer's Liaison holds the
// same meetings, invitations and consultation series, and everyone else in
// the office sees the meetings in an ordinary calendar client.
//
// One resource, UID.ics, per record: the event every client shows
// (SUMMARY, DTSTART/DTEND with VTIMEZONE, LOCATION, STATUS, CLASS,
// CATEGORIES, RRULE/EXDATE/RECURRENCE-ID, VTODO for action items) and
// Liaison's own facts as X-LIAISON- properties, enough to rebuild the
// record whole (written and read by store/ical). Each organization, with
// its focal points, is a VJOURNAL of its own, and so is each agreement
// (parties, areas, interests, lead time, entry into force, amendments,
// termination), areas named rather than numbered, so that a database set
// up from another template or none ends up with the same catalog.
//
// Sync pulls (RFC 6578 sync-collection where offered, else an ETag
// listing), merges field by field against the copy both sides last agreed
// on (kept in the database), then pushes with If-Match, or If-None-Match: *
// for a new record. The client is written here on net/http: the few
// requests needed (conditional PUT and DELETE, sync-collection,
// calendar-multiget, MKCALENDAR) are those that general WebDAV libraries
// leave out. The password is kept in the system keyring, never in the
// database.
package caldav
