package ical

import (
	"bytes"
	"errors"
	"os"
	"testing"
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
