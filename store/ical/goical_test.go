package ical

import (
	"bytes"
	"testing"

	goical "github.com/emersion/go-ical"
)

// TestGoICalReadsEveryExport decodes every exported file with go-ical as
// one more consumer: same events, same instants, and text with escaped
// commas read back whole.
func TestGoICalReadsEveryExport(t *testing.T) {
	for _, s := range samples(t, t.TempDir()) {
		b := mustReadFile(t, s.path)
		cal, err := goical.NewDecoder(bytes.NewReader(b)).Decode()
		if err != nil {
			t.Errorf("%s: go-ical: %v", s.name, err)
			continue
		}
		if got := cal.Props.Get(goical.PropMethod); got == nil || got.Value != string(s.method) {
			t.Errorf("%s: METHOD %v", s.name, got)
		}
		events := cal.Events()
		if len(events) == 0 {
			t.Errorf("%s: no event", s.name)
		}
		for _, w := range s.events {
			if len(w.Start) != len("2006-01-02T15:04:05Z") {
				continue // whole-day
			}
			found := false
			for _, ev := range events {
				if uid, _ := ev.Props.Text(goical.PropUID); uid != w.UID || ev.Props.Get(goical.PropRecurrenceID) != nil {
					continue
				}
				found = true
				start, err1 := ev.DateTimeStart(nil)
				end, err2 := ev.DateTimeEnd(nil)
				if err1 != nil || err2 != nil || utcText(start) != w.Start || utcText(end) != w.End {
					t.Errorf("%s: go-ical reads %s–%s (%v, %v), want %s–%s", s.name, start, end, err1, err2, w.Start, w.End)
				}
			}
			if !found {
				t.Errorf("%s: go-ical found no event %s", s.name, w.UID)
			}
		}
	}
}
