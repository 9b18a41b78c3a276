// Package exchange holds the iCalendar flows that the command line and the
// desktop app share, written once: export an observer invitation and
// record, in the same step, which version went out; import partners'
// replies, meetings and cancellations file by file; publish a feed; send a
// consultation series.
//
// It joins the store (the records) and store/ical (the files): the
// functions take the store, the caller's "now" and file paths, and return a
// summary a person can read.
package exchange
