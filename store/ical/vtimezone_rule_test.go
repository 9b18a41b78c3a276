package ical

import (
	"encoding/binary"
	"testing"
	"time"
)

// ruleOnlyZone is a zone file that lists no change and gives its rule
// only, as the zone files of time/tzdata (what Windows reads) do for years
// past their last listed change: Central European Time.
func ruleOnlyZone(t *testing.T) *time.Location {
	t.Helper()
	block := func() []byte {
		var b []byte
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []uint32{0, 0, 0, 0, 1, 4} { // isut, isstd, leap, time, type, char counts
			b = binary.BigEndian.AppendUint32(b, n)
		}
		b = binary.BigEndian.AppendUint32(b, 3600) // the one type: +01:00,
		b = append(b, 0, 0)                        // standard time, abbreviation at 0
		return append(b, "CET\x00"...)
	}
	data := append(block(), block()...)
	data = append(data, "\nCET-1CEST,M3.5.0,M10.5.0/3\n"...)
	loc, err := time.LoadLocationFromTZData("Test/RuleOnly", data)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestTransitionsFromAZoneRule: the changes of a zone given by its rule
// only are the rule's, one in March and one in October of every year (the
// Windows build wrote 10,000 STANDARD observances at 2024-12-31 for
// Europe/Zurich: Go bounds such a zone at each year's end).
func TestTransitionsFromAZoneRule(t *testing.T) {
	loc := ruleOnlyZone(t)
	lastSunday := func(y int, m time.Month) time.Time {
		d := time.Date(y, m+1, 0, 1, 0, 0, 0, time.UTC)
		return d.AddDate(0, 0, -int(d.Weekday()))
	}
	var want []time.Time
	for y := 2023; y <= 2027; y++ {
		want = append(want, lastSunday(y, time.March), lastSunday(y, time.October))
	}
	got := transitions(loc, 2024, 2027)
	if len(got) != len(want) {
		for _, tr := range got {
			t.Logf("%s %d→%d %s", tr.at.UTC(), tr.from, tr.to, tr.name)
		}
		t.Fatalf("%d transitions from 2023 to 2027, want %d", len(got), len(want))
	}
	for i, tr := range got {
		if !tr.at.Equal(want[i]) {
			t.Errorf("transition %d at %s, want %s", i, tr.at.UTC(), want[i])
		}
		if dst := i%2 == 0; tr.dst != dst || (dst && (tr.from != 3600 || tr.to != 7200 || tr.name != "CEST")) || (!dst && (tr.from != 7200 || tr.to != 3600 || tr.name != "CET")) {
			t.Errorf("transition %d: %+v", i, tr)
		}
	}
}
