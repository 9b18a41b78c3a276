package ical

import (
	"fmt"
	"strings"
	"testing"
)

// TestManyUnknownZonesStayCheap: an event with 20,000 zone names that mean
// nothing keeps the first thousand and gets one bounded problem, not 20,000
// messages, and the lookups
// that fail stop at the calendar's budget.
func TestManyUnknownZonesStayCheap(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20270101T000000Z\r\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "EXDATE;TZID=z%d:20270101T000000\r\n", i)
	}
	b.WriteString("END:VEVENT\r\nEND:VCALENDAR\r\n")
	p := &parser{lr: newLineReader(strings.NewReader(b.String()), "many.ics", 0)}
	var items []Item
	p.fn = func(it Item) error { items = append(items, it); return nil }
	if err := p.run(); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || len(items[0].Problem) > 2000 || !strings.Contains(items[0].Problem, "and 990 more") || !strings.Contains(strings.Join(items[0].Notes, " "), "more than 1000 EXDATE values") {
		t.Errorf("problem of %d characters: %.300s", len(items[0].Problem), items[0].Problem)
	}
	if p.budget > 0 {
		t.Errorf("the failed lookups left %d of the budget: they were not counted", p.budget)
	}
}
