package ical

import (
	"fmt"
	"slices"
	"time"
	_ "time/tzdata" // the zone database travels with the binary: a partner's file must not depend on the machine

	"github.com/liaison-app/liaison/model"
)

// transition is one change of UTC offset in a zone.
type transition struct {
	at       time.Time // the first instant of the new offset
	from, to int       // offsets in seconds east of UTC
	dst      bool
	name     string    // abbreviation after the change
	wall     time.Time // local time of the change, read with the old offset
	ords     []int     // which weekday of the month it falls on: n, and -1 when it is the last
}

// run is a series of yearly transitions that follow one rule.
type run struct {
	ts   []transition
	ords []int // ordinals every transition of the run agrees on
}

// zoneSpan is the years a zone must cover in one calendar.
type zoneSpan struct{ from, to int }

func (s *zoneSpan) add(y int) {
	if s.from == 0 || y < s.from {
		s.from = y
	}
	if y > s.to {
		s.to = y
	}
}

// spans collects, zone by zone, the years each must cover, in the order the
// zones are first met (so that output is stable).
type spans struct {
	order []string
	by    map[string]*zoneSpan
}

func (s *spans) add(zone string, times ...time.Time) {
	if zone == "" || zone == "UTC" || zone == "Etc/UTC" {
		return
	}
	if s.by == nil {
		s.by = map[string]*zoneSpan{}
	}
	sp := s.by[zone]
	if sp == nil {
		sp = &zoneSpan{}
		s.by[zone] = sp
		s.order = append(s.order, zone)
	}
	for _, t := range times {
		if !t.IsZero() {
			sp.add(t.Year())
		}
	}
}

// write emits one VTIMEZONE per zone.
func (s *spans) write(e *encoder) error {
	for _, z := range s.order {
		sp := s.by[z]
		if err := writeVTimezone(e, z, sp.from, sp.to); err != nil {
			return err
		}
	}
	return nil
}

// transitions lists the zone's offset changes from the start of year from-1
// to the end of year to, so that an event early in year `from` still finds
// the observance in force before it.
func transitions(loc *time.Location, from, to int) []transition {
	t := time.Date(from-1, 1, 1, 0, 0, 0, 0, loc)
	end := time.Date(to+1, 1, 1, 0, 0, 0, 0, loc)
	var out []transition
	for i := 0; i < 10000; i++ {
		_, next := t.ZoneBounds()
		if next.IsZero() || !next.Before(end) {
			break
		}
		// Past a zone file's last listed change, Go reads the zone from its
		// rule one year at a time and bounds the zone at the year's end, where
		// nothing changes, sometimes at or before t itself. Zone files that list
		// changes only until their rule takes over (time/tzdata, which Windows
		// reads) reach that point in years Liaison writes: step over such
		// bounds, so that every zone file gives the same transitions.
		if !next.After(t) {
			next = t.Add(time.Hour)
		}
		if !sameZone(t, next) {
			// The change is where the zone in force at next begins.
			if start, _ := next.ZoneBounds(); start.After(t) && start.Before(next) {
				next = start
			}
		}
		if sameZone(t, next) {
			t = next
			continue
		}
		_, fromOff := t.Zone()
		name, toOff := next.Zone()
		wall := next.In(time.FixedZone("", fromOff))
		// DAYLIGHT is the observance with the greater offset, as Outlook
		// expects: Go's database, like tzdata, marks Dublin's winter (and
		// Morocco's Ramadan) as the daylight-saving period, with a
		// negative saving.
		dst := next.IsDST()
		if t.IsDST() != dst {
			dst = toOff > fromOff
		}
		tr := transition{at: next, from: fromOff, to: toOff, dst: dst, name: name, wall: wall}
		y, m, d := wall.Date()
		tr.ords = []int{(d-1)/7 + 1}
		if d+7 > daysIn(y, m) {
			tr.ords = append(tr.ords, -1)
		}
		out = append(out, tr)
		t = next
	}
	return out
}

// sameZone reports whether a and b fall in the same observance: the same
// offset, abbreviation and daylight saving.
func sameZone(a, b time.Time) bool {
	an, ao := a.Zone()
	bn, bo := b.Zone()
	return an == bn && ao == bo && a.IsDST() == b.IsDST()
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// sameRule reports whether b repeats a's rule one year later.
func sameRule(a, b transition) bool {
	return a.dst == b.dst && a.from == b.from && a.to == b.to && a.name == b.name &&
		a.wall.Month() == b.wall.Month() && a.wall.Weekday() == b.wall.Weekday() &&
		a.wall.Hour() == b.wall.Hour() && a.wall.Minute() == b.wall.Minute() && a.wall.Second() == b.wall.Second() &&
		b.wall.Year() == a.wall.Year()+1
}

func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// runs groups transitions into yearly rules: each kind (daylight or
// standard) keeps extending its open run while the next transition of that
// kind repeats the rule one year later.
func runs(ts []transition) []*run {
	var all []*run
	open := map[bool]*run{}
	for _, t := range ts {
		if r := open[t.dst]; r != nil {
			last := r.ts[len(r.ts)-1]
			if ords := intersect(r.ords, t.ords); sameRule(last, t) && len(ords) > 0 {
				r.ts, r.ords = append(r.ts, t), ords
				continue
			}
		}
		r := &run{ts: []transition{t}, ords: t.ords}
		open[t.dst] = r
		all = append(all, r)
	}
	return all
}

// writeVTimezone writes the VTIMEZONE of an IANA zone valid for the years
// from..to: a STANDARD and a DAYLIGHT observance with a yearly RRULE where
// the zone's rule is regular (what Outlook expects), single onsets where it
// is not, and a single STANDARD where the zone keeps one offset.
func writeVTimezone(e *encoder, zone string, from, to int) error {
	loc, err := model.LoadZone(zone)
	if err != nil {
		return fmt.Errorf("time zone %q: %w", zone, err)
	}
	if from == 0 {
		from, to = 1970, 1970
	}
	e.begins("VTIMEZONE")
	e.raw("TZID", zone)
	ts := transitions(loc, from, to)
	if len(ts) == 0 {
		name, off := time.Date(from, 1, 1, 0, 0, 0, 0, loc).Zone()
		e.begins("STANDARD")
		e.raw("DTSTART", "19700101T000000")
		e.offset("TZOFFSETFROM", off)
		e.offset("TZOFFSETTO", off)
		e.text("TZNAME", name)
		e.ends("STANDARD")
		e.ends("VTIMEZONE")
		return nil
	}
	for _, r := range runs(ts) {
		first, last := r.ts[0], r.ts[len(r.ts)-1]
		kind := "STANDARD"
		if first.dst {
			kind = "DAYLIGHT"
		}
		e.begins(kind)
		e.begin("DTSTART", nil)
		e.line = appendLocal(e.line, first.wall)
		e.end()
		e.offset("TZOFFSETFROM", first.from)
		e.offset("TZOFFSETTO", first.to)
		e.text("TZNAME", first.name)
		if len(r.ts) > 1 {
			ord := r.ords[len(r.ords)-1] // -1 (last) when it fits every year
			e.begin("RRULE", nil)
			e.line = append(e.line, "FREQ=YEARLY;BYMONTH="...)
			e.line = appendInt(e.line, int(first.wall.Month()), 0)
			e.line = append(e.line, ";BYDAY="...)
			e.line = appendInt(e.line, ord, 0)
			e.line = append(e.line, weekdays[first.wall.Weekday()]...)
			if last.wall.Year() < to {
				e.line = append(e.line, ";UNTIL="...)
				e.line = appendUTC(e.line, last.at)
			}
			e.end()
		}
		e.ends(kind)
	}
	e.ends("VTIMEZONE")
	return nil
}

var weekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

func (e *encoder) offset(name string, secs int) {
	e.begin(name, nil)
	e.line = appendOffset(e.line, secs)
	e.end()
}
