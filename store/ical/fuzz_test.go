package ical

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/liaison-app/liaison/model"
)

// FuzzParse feeds the import path arbitrary bytes, starting from the
// real-world corpus and Liaison's own exports. It calls the parser without
// Parse's recover, so that a panic is found rather than hidden, and checks
// that every refusal is a ParseError that names the file and a line, and
// that every usable item is coherent.
func FuzzParse(f *testing.F) {
	for _, p := range corpus(f) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(writeInv(f, invitation(timedMeeting())))
	f.Add(writeInv(f, invitation(conference())))
	var b bytes.Buffer
	if err := WriteSeries(&b, Series{Method: Request, Series: series(), Catalog: catalog(), Organizer: organizer(), Attendees: partners(), Now: now}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	// Noise that is skipped with a note (X-APPLE- lines, no colon, a stray
	// line after the end), two DTSTARTs, no SUMMARY, Latin-1 text.
	f.Add([]byte(cal("X WR:x", "BEGIN:VEVENT", "UID:n", "DTSTART:20270101T090000Z", "DTSTART:20270102T090000Z",
		`X-APPLE-STRUCTURED-LOCATION;X-TITLE="open:geo:1,2`, "no colon", "END:VEVENT",
		"BEGIN:VEVENT", "UID:m", "DTSTART:20270101T090000Z", "LOCATION:Gen\xe8ve", "END:VEVENT") + "stray\r\n"))
	f.Add([]byte(cal(myTimezone, "BEGIN:VEVENT", "UID:z", "DTSTART;TZID=MyTimezone:20271031T023000", "SUMMARY:\u200b", "END:VEVENT")))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := parse(bytes.NewReader(data), "fuzz.ics", 1<<20, func(it Item) error {
			if it.File != "fuzz.ics" || it.Line <= 0 {
				t.Fatalf("item without its place: %q line %d", it.File, it.Line)
			}
			m := it.Meeting
			if it.Problem == "" && it.HasTime && !m.AllDay && m.End.Before(m.Start) {
				t.Fatalf("a usable item ends before it starts: %s–%s", m.Start, m.End)
			}
			if it.Problem == "" && it.HasTime && m.AllDay && m.LastDay.Before(m.FirstDay) {
				t.Fatalf("a usable whole-day item ends before it starts: %s–%s", m.FirstDay, m.LastDay)
			}
			// The size and validity policy holds for whatever is imported.
			if p := model.TextProblem(m.Title, model.MaxTitle, false); p != "" {
				t.Fatalf("the title %q %s", m.Title, p)
			}
			if p := model.TextProblem(m.Background, model.MaxLongText, true); p != "" {
				t.Fatalf("the background %s", p)
			}
			if it.Problem == "" && (it.Method == Request || it.Method == Publish) && model.Blank(m.Title) {
				t.Fatal("a usable meeting without a title")
			}
			return nil
		})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.ics" || pe.Line <= 0 {
				t.Fatalf("refusal without file and line: %v", err)
			}
		}
	})
}
