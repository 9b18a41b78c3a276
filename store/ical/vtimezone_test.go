package ical

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
)

// TestVTimezoneAgreesWithGo writes the VTIMEZONE of every zone the Windows
// table names, under a TZID no resolver knows, so that reading it back goes
// through the VTIMEZONE itself; then reads a noon every five days of
// 2026–2028 and compares each instant with Go's zone database.
func TestVTimezoneAgreesWithGo(t *testing.T) {
	for _, zone := range candidates {
		loc, err := model.LoadZone(zone)
		if err != nil || zone == "Etc/UTC" {
			continue
		}
		tzid := "Custom " + zone
		var b bytes.Buffer
		e := newEncoder(&b)
		header(e, Publish)
		if err := writeVTimezone(e, zone, 2026, 2028); err != nil {
			t.Fatal(err)
		}
		var want []time.Time
		for d := time.Date(2026, 1, 1, 12, 0, 0, 0, loc); d.Year() < 2029; d = d.AddDate(0, 0, 5) {
			want = append(want, d)
			e.begins("VEVENT")
			e.text("UID", fmt.Sprint(len(want)))
			e.begin("DTSTART", []param{p("TZID", tzid)})
			e.line = appendLocal(e.line, d)
			e.end()
			e.ends("VEVENT")
		}
		e.ends("VCALENDAR")
		if err := e.flush(); err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(b.String(), "TZID:"+zone+"\r\n", "TZID:"+tzid+"\r\n")
		i, bad := 0, 0
		err = Parse(strings.NewReader(text), zone, 0, func(it Item) error {
			if it.Problem != "" {
				return fmt.Errorf("%s", it.Problem)
			}
			if !it.Meeting.Start.Equal(want[i]) && bad < 3 {
				bad++
				t.Errorf("%s: %s read back as %s", zone, want[i], it.Meeting.Start.UTC())
			}
			i++
			return nil
		})
		if err != nil || i != len(want) {
			t.Errorf("%s: %v (%d of %d)", zone, err, i, len(want))
		}
	}
}
