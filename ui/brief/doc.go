// Package brief is the PDF brief: it lays out on paper what ui/briefing
// gathered, for liaison brief and the app's Print brief.
//
// One PDF per meeting or consultation, or a briefing pack of every meeting
// and consultation in a period, for the principal to read before going in.
//
// A brief says what the meeting is (title, kind, convener, status), when
// (in the venue's zone and in our headquarters' zone, both labelled), where,
// what each partner is owed under Article 2 and what was sent and answered,
// the agenda with its areas of cooperation, the focal points (Article 7),
// the background and, in an internal-use brief only, the internal notes,
// and what came before: earlier meetings of the same kind, the last
// consultation's outcomes and the action items still open.
//
// The package reads no database: the caller gathers the records into a
// MeetingBrief, a ConsultationBrief or a Pack and passes them in. Text is
// set in DejaVu Sans, embedded in package assets, so that French and
// Spanish print exactly; fpdf keeps only the glyphs used. Every page
// carries the confidentiality marking of what it shows (the Article 10
// notice for "parties only", INTERNAL for internal records), "Page N of M"
// and the time the brief was generated. Nothing relies on colour: a brief
// reads the same printed in black and white.
//
// Print sends a PDF to the default printer through CUPS's lp.
package brief
