package ical

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/liaison-app/liaison/model"
)

// tzDef is a VTIMEZONE read from a file: enough of it to say which UTC
// offset applies at a local time.
type tzDef struct {
	id       string
	location string // X-LIC-LOCATION, when given
	obs      []observance
	rdates   int // RDATEs kept, over all observances
}

// observance is one STANDARD or DAYLIGHT block.
type observance struct {
	dst      bool
	start    time.Time // DTSTART's wall clock, held in UTC
	from, to int       // TZOFFSETFROM and TZOFFSETTO, seconds east
	yearly   bool      // a FREQ=YEARLY rule
	month    time.Month
	ord      int // BYDAY ordinal (0: none)
	weekday  time.Weekday
	monthDay int       // BYMONTHDAY (0: none)
	until    time.Time // zero: none
	rdates   []time.Time
}

// onsets lists the observance's onsets (wall clock, as UTC) in year y.
func (o *observance) onsets(y int) []time.Time {
	var out []time.Time
	if o.start.Year() == y {
		out = append(out, o.start)
	}
	for _, r := range o.rdates {
		if r.Year() == y {
			out = append(out, r)
		}
	}
	if o.yearly && y > o.start.Year() {
		m := o.month
		if m == 0 {
			m = o.start.Month()
		}
		d := 0
		switch {
		case o.ord != 0:
			d = nthWeekday(y, m, o.ord, o.weekday)
		case o.monthDay != 0:
			d = o.monthDay
		default:
			d = o.start.Day()
		}
		if d > 0 {
			h, mi, s := o.start.Clock()
			t := time.Date(y, m, d, h, mi, s, 0, time.UTC)
			if o.until.IsZero() || !t.Add(-time.Duration(o.from)*time.Second).After(o.until) {
				out = append(out, t)
			}
		}
	}
	return out
}

// nthWeekday returns the day of month of the n-th (or, n < 0, n-th last)
// weekday wd of month m in year y, or 0.
func nthWeekday(y int, m time.Month, n int, wd time.Weekday) int {
	last := daysIn(y, m)
	if n > 0 {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Weekday()
		d := 1 + (int(wd)-int(first)+7)%7 + (n-1)*7
		if d > last {
			return 0
		}
		return d
	}
	lastWd := time.Date(y, m, last, 0, 0, 0, 0, time.UTC).Weekday()
	d := last - (int(lastWd)-int(wd)+7)%7 + (n+1)*7
	if d < 1 {
		return 0
	}
	return d
}

// offsetAt returns the UTC offset the VTIMEZONE gives local wall time w
// (wall clock held in UTC): that of the latest onset at or before it.
func (z *tzDef) offsetAt(w time.Time) int {
	var best time.Time
	off, found := 0, false
	for i := range z.obs {
		o := &z.obs[i]
		for _, y := range []int{w.Year() - 1, w.Year()} {
			for _, on := range o.onsets(y) {
				// The wall clock from which the onset applies: when the
				// clocks go forward, the end of the gap (a time in the gap
				// keeps the offset before it); when they go back, the
				// onset in the old wall clock, so that a time in the
				// repeated hour is its first occurrence (RFC 5545).
				local := on
				if o.to > o.from {
					local = on.Add(time.Duration(o.to-o.from) * time.Second)
				}
				if !local.After(w) && (!found || on.After(best)) {
					best, off, found = on, o.to, true
				}
			}
		}
	}
	if !found {
		// Before every onset known: the earliest observance's old offset;
		// or, for a rule that started long ago, the latest onset of any year.
		var earliest *observance
		for i := range z.obs {
			if earliest == nil || z.obs[i].start.Before(earliest.start) {
				earliest = &z.obs[i]
			}
		}
		if earliest != nil {
			off = earliest.from
		}
	}
	return off
}

// zoneRes is a TZID resolved: an IANA zone, or a file's VTIMEZONE with the
// IANA zone that best matches it.
type zoneRes struct {
	name string         // the IANA name the meeting keeps
	loc  *time.Location // nil when def decides the offsets
	def  *tzDef
	note string // how it was resolved, when not directly
}

// instant reads a wall clock (held in UTC) in the zone.
func (z *zoneRes) instant(w time.Time) time.Time {
	if z.loc != nil {
		return model.WallTime(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), z.loc)
	}
	return w.Add(-time.Duration(z.def.offsetAt(w)) * time.Second)
}

// candidates are the zones a file's own VTIMEZONE is matched against.
var candidates = func() []string {
	var out []string
	for _, z := range windowsZones {
		if !slices.Contains(out, z) {
			out = append(out, z)
		}
	}
	slices.Sort(out)
	return out
}()

// knownZones holds the names that resolved once: looking them up again is
// cheap, while a name that fails costs a search of the zone database
// (about 0.15 ms), which a hostile file could repeat by the thousand.
var knownZones sync.Map

func ianaZone(name string) (*time.Location, bool) {
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, false
	}
	loc, err := model.LoadZone(name)
	if err == nil {
		knownZones.Store(name, true)
	}
	return loc, err == nil
}

// maxLookups bounds, per calendar, the zone names looked up in vain and
// the VTIMEZONEs matched against the candidates; past it, only names known
// to resolve are looked up, and a VTIMEZONE is named by its offset.
const maxLookups = 256

// lookup tries an IANA name within the calendar's budget of failures.
func lookup(name string, budget *int) (*time.Location, bool) {
	if *budget <= 0 {
		if _, ok := knownZones.Load(name); !ok {
			return nil, false
		}
	}
	loc, ok := ianaZone(name)
	if !ok {
		*budget--
	}
	return loc, ok
}

// resolveZone finds the zone a TZID means: an IANA name as it is; a
// Windows name through CLDR's table; the IANA name inside a prefixed TZID
// (/mozilla.org/20050126_1/America/New_York) or in the VTIMEZONE's
// X-LIC-LOCATION; a "GMT+01:00" label; else the file's own VTIMEZONE, read
// as it is. It returns nil when the TZID means nothing known.
func resolveZone(tzid string, def *tzDef, sample time.Time, budget *int) *zoneRes {
	tzid = strings.TrimSpace(tzid)
	if loc, ok := lookup(tzid, budget); ok {
		return &zoneRes{name: tzid, loc: loc}
	}
	if z, ok := windowsZone(tzid); ok {
		if loc, ok := ianaZone(z); ok {
			return &zoneRes{name: z, loc: loc, note: "Windows zone " + strconv.Quote(tzid) + " read as " + z}
		}
	}
	if def != nil && def.location != "" {
		if loc, ok := lookup(def.location, budget); ok {
			return &zoneRes{name: def.location, loc: loc}
		}
	}
	for i := 0; i < len(tzid); i++ {
		if tzid[i] == '/' && strings.Contains(tzid[i+1:], "/") {
			if loc, ok := lookup(tzid[i+1:], budget); ok {
				return &zoneRes{name: tzid[i+1:], loc: loc, note: strconv.Quote(tzid) + " read as " + tzid[i+1:]}
			}
		}
	}
	if def != nil && len(def.obs) > 0 {
		name := etcZone(def.offsetAt(sample))
		if *budget > 0 {
			*budget--
			name = matchZone(def, sample)
		}
		return &zoneRes{name: name, def: def, note: "zone " + strconv.Quote(tzid) + " read from the file's VTIMEZONE"}
	}
	if off, ok := gmtLabel(tzid); ok {
		name := etcZone(off)
		if loc, ok := ianaZone(name); ok {
			return &zoneRes{name: name, loc: loc, note: strconv.Quote(tzid) + " read as " + name}
		}
	}
	return nil
}

// matchZone names the IANA zone whose offsets agree with def around
// sample (and half a year either side); Etc/GMT±N or UTC when none does.
func matchZone(def *tzDef, sample time.Time) string {
	if sample.IsZero() {
		sample = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	}
	probes := []time.Time{sample, sample.AddDate(0, -6, 0), sample.AddDate(0, 6, 0)}
	want := make([]int, len(probes))
	for i, p := range probes {
		want[i] = def.offsetAt(p)
	}
	for _, name := range candidates {
		loc, ok := ianaZone(name)
		if !ok {
			continue
		}
		match := true
		for i, p := range probes {
			if _, off := p.Add(-time.Duration(want[i]) * time.Second).In(loc).Zone(); off != want[i] {
				match = false
				break
			}
		}
		if match {
			return name
		}
	}
	return etcZone(want[0])
}

// etcZone names a fixed offset as Etc/GMT±N (whose sign is inverted), or
// UTC when the offset is not whole hours.
func etcZone(off int) string {
	switch {
	case off == 0 || off%3600 != 0:
		return "UTC"
	case off > 0:
		return "Etc/GMT-" + strconv.Itoa(off/3600)
	}
	return "Etc/GMT+" + strconv.Itoa(-off/3600)
}

// gmtLabel reads an offset from labels such as "(GMT +01:00)", "GMT+1" or
// "UTC-05:30".
func gmtLabel(s string) (int, bool) {
	u := strings.ToUpper(s)
	i := strings.Index(u, "GMT")
	if i < 0 {
		i = strings.Index(u, "UTC")
	}
	if i < 0 {
		return 0, false
	}
	rest := strings.TrimSpace(u[i+3:])
	rest = strings.TrimRight(rest, ") ")
	if rest == "" {
		return 0, true
	}
	sign := 1
	switch rest[0] {
	case '+':
	case '-':
		sign = -1
	default:
		return 0, false
	}
	rest = strings.TrimSpace(rest[1:])
	h, m, _ := strings.Cut(strings.ReplaceAll(rest, ".", ":"), ":")
	hh, err := strconv.Atoi(h)
	if err != nil || hh > 14 {
		return 0, false
	}
	mm := 0
	if m != "" {
		if mm, err = strconv.Atoi(m); err != nil || mm > 59 {
			return 0, false
		}
	}
	return sign * (hh*3600 + mm*60), true
}
