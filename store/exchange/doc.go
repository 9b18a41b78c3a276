// Package exchange is "export and record it as sent" and "import a file":
// the iCalendar flows that liaison (invitation export, import, export) and
// the app's Export .ics / Import reply buttons both call.
//
// Written once, below both: export an observer invitation and record, in
// the same step, which version went out; import partners' replies,
// meetings and cancellations file by file; publish a feed; send a
// consultation series.
//
// It joins the store (the records) and store/ical (the files): the
// functions take the store, the caller's "now" and file paths, and return a
// summary a person can read.
package exchange
