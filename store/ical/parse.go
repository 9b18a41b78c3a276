package ical

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// DefaultLimit is the largest file Parse reads when the caller gives no
// limit: 256 MiB.
const DefaultLimit = 256 << 20

// maxDeferred bounds the events kept waiting for a VTIMEZONE further down
// the file; past it they are passed on at once (with an unknown zone as
// their Problem), so that memory stays bounded.
const maxDeferred = 10000

// maxObservances bounds the observances of a VTIMEZONE, and its RDATEs,
// that are kept: real ones hold a few dozen at most.
const maxObservances = 500

// maxDeferredBytes bounds the text held by the events kept waiting for a
// VTIMEZONE, and maxZones the VTIMEZONEs of one calendar (real ones hold a
// handful): memory stays bounded whatever the file.
const (
	maxDeferredBytes = 32 << 20
	maxZones         = 1000
)

// Parse reads an iCalendar stream and calls fn with each event, in file
// order, as soon as the event has been read (an event whose zone is defined
// by a VTIMEZONE further down waits for it). Peak memory is one event plus
// the file's VTIMEZONEs, whatever the size of the file.
//
// It refuses, with a *ParseError naming the file and the line, a file that
// is truncated, holds a malformed line, or is larger than limit bytes
// (DefaultLimit when limit <= 0). An event that can be read but not used
// (no UID, an unknown zone) is passed to fn with Problem set. An error
// returned by fn stops the parse and is returned as it is. Parse never
// panics.
func Parse(r io.Reader, name string, limit int64, fn func(Item) error) (err error) {
	return ParseNotes(r, name, limit, fn, nil)
}

// ParseNotes is Parse that also tells note about what it skipped outside
// any event (a malformed line in a VTIMEZONE, a stray line after
// END:VCALENDAR), naming the line. Inside an event, such notes go to the
// Item's Notes.
func ParseNotes(r io.Reader, name string, limit int64, fn func(Item) error, note func(line int, msg string)) (err error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	p := newParser(r, name, limit, fn, note)
	defer func() {
		if v := recover(); v != nil {
			err = &ParseError{File: name, Line: p.lr.line, Msg: fmt.Sprintf("cannot be read: %v", v)}
		}
	}()
	return p.run()
}

// parse is Parse without the safety net, for the fuzz target: a panic
// there is a bug to fix, not to hide.
func parse(r io.Reader, name string, limit int64, fn func(Item) error) error {
	return newParser(r, name, limit, fn, nil).run()
}

func newParser(r io.Reader, name string, limit int64, fn func(Item) error, note func(int, string)) *parser {
	p := &parser{lr: newLineReader(r, name, limit), fn: fn, note: note}
	p.lr.preamble = true
	return p
}

// maxFileNotes bounds the notes about lines outside events.
const maxFileNotes = 100

// skip notes a line that is read past: in the event being read, or for
// the file.
func (p *parser) skip(msg string) {
	if p.ev != nil && p.top() == inEvent {
		p.ev.note(fmt.Sprintf("line %d: %s", p.lr.line, msg))
		return
	}
	p.notes++
	if p.note != nil && p.notes <= maxFileNotes {
		p.note(p.lr.line, msg)
	}
}

type compKind int

const (
	inCalendar compKind = iota
	inEvent
	inTimezone
	inObservance
	inOther // a component Liaison does not read (VTODO, VALARM, ...)
)

type frame struct {
	name string
	kind compKind
	line int
}

type parser struct {
	lr    *lineReader
	fn    func(Item) error
	note  func(line int, msg string)
	notes int
	stack []frame
	p     prop
	cals  int

	method   Method
	budget   int // zone lookups left that may fail (maxLookups a calendar)
	zones    map[string]*tzDef
	resolved map[string]*zoneRes
	deferred []*evState
	// deferredBytes is the text the deferred events hold.
	deferredBytes int
	ev            *evState
	tz            *tzDef
	obs           *observance
}

func (p *parser) errorf(format string, args ...any) error {
	return p.lr.errorf(p.lr.line, format, args...)
}

func (p *parser) run() error {
	for {
		line, err := p.lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if msg := split(line, &p.p); msg != "" {
			// Noise inside a calendar is skipped, as libical and ical.js
			// do; before any calendar, the file is not iCalendar.
			if p.cals == 0 {
				return p.errorf("%s", msg)
			}
			p.skip(msg + ": skipped")
			continue
		}
		p.p.full = 0
		if p.lr.cut {
			p.p.full = p.lr.full // an event's property notes its own cut
			if p.top() != inEvent {
				p.skip(fmt.Sprintf("%s is %d bytes long: only its first %d KiB were read", clip(p.p.name), p.lr.full, MaxLine>>10))
			}
		}
		if err := p.line(); err != nil {
			return err
		}
	}
	if n := len(p.stack); n > 0 {
		f := p.stack[n-1]
		return p.lr.errorf(p.lr.phys, "the file ends inside %s begun at line %d: it is truncated (END:%s is missing)", clipS(f.name), f.line, clipS(f.name))
	}
	if p.cals == 0 {
		return p.lr.errorf(1, "no VCALENDAR in the file: it is not an iCalendar file")
	}
	return nil
}

func (p *parser) line() error {
	pr := &p.p
	switch string(pr.name) {
	case "BEGIN":
		return p.begin(strings.ToUpper(strings.TrimSpace(string(pr.value))))
	case "END":
		return p.end(strings.ToUpper(strings.TrimSpace(string(pr.value))))
	}
	if len(p.stack) == 0 {
		if p.cals > 0 {
			p.skip(fmt.Sprintf("%s after END:VCALENDAR: skipped", clip(pr.name)))
			return nil
		}
		return p.errorf("%s outside a VCALENDAR", clip(pr.name))
	}
	switch p.stack[len(p.stack)-1].kind {
	case inCalendar:
		if string(pr.name) == "METHOD" {
			p.method = Method(strings.ToUpper(strings.TrimSpace(string(pr.value))))
		}
	case inEvent:
		return p.ev.add(pr, p.lr.line)
	case inTimezone:
		switch string(pr.name) {
		case "TZID":
			p.tz.id = strings.TrimSpace(unescape(pr.value))
		case "X-LIC-LOCATION":
			p.tz.location = strings.TrimSpace(unescape(pr.value))
		}
	case inObservance:
		return p.observe(pr)
	}
	return nil
}

func (p *parser) begin(name string) error {
	if name == "" {
		return p.errorf("BEGIN without a component name")
	}
	if len(p.stack) > 64 {
		return p.errorf("components nested more than 64 deep")
	}
	kind := inOther
	switch top := p.top(); {
	case top < 0:
		if name != "VCALENDAR" {
			return p.errorf("BEGIN:%s outside a VCALENDAR", clipS(name))
		}
		kind = inCalendar
		p.cals++
		p.lr.preamble = false
		p.method, p.zones, p.resolved, p.deferred, p.deferredBytes = "", map[string]*tzDef{}, map[string]*zoneRes{}, nil, 0
		p.budget = maxLookups
	case top == inCalendar && name == "VEVENT":
		kind = inEvent
		p.ev = &evState{line: p.lr.line}
	case top == inCalendar && name == "VTIMEZONE":
		kind = inTimezone
		p.tz = &tzDef{}
	case top == inTimezone && (name == "STANDARD" || name == "DAYLIGHT"):
		kind = inObservance
		p.obs = &observance{dst: name == "DAYLIGHT"}
	case name == "VCALENDAR":
		return p.errorf("BEGIN:VCALENDAR inside %s", clipS(p.stack[len(p.stack)-1].name))
	}
	p.stack = append(p.stack, frame{name: name, kind: kind, line: p.lr.line})
	return nil
}

func (p *parser) top() compKind {
	if len(p.stack) == 0 {
		return -1
	}
	return p.stack[len(p.stack)-1].kind
}

func (p *parser) end(name string) error {
	if len(p.stack) == 0 {
		return p.errorf("END:%s without a BEGIN", clipS(name))
	}
	f := p.stack[len(p.stack)-1]
	if f.name != name {
		return p.errorf("END:%s does not close BEGIN:%s of line %d", clipS(name), clipS(f.name), f.line)
	}
	p.stack = p.stack[:len(p.stack)-1]
	switch f.kind {
	case inEvent:
		ev := p.ev
		p.ev = nil
		if len(p.deferred) < maxDeferred && p.deferredBytes+ev.size < maxDeferredBytes && !p.ready(ev) {
			p.deferred = append(p.deferred, ev)
			p.deferredBytes += ev.size
			return nil
		}
		return p.emit(ev)
	case inObservance:
		if p.obs.start.IsZero() {
			return p.errorf("%s without DTSTART in VTIMEZONE %q", name, p.tz.id)
		}
		if len(p.tz.obs) < maxObservances {
			p.tz.obs = append(p.tz.obs, *p.obs)
		}
		p.obs = nil
	case inTimezone:
		_, known := p.zones[p.tz.id]
		switch {
		case p.tz.id == "": // one without TZID cannot be referred to: it is ignored
		case !known && len(p.zones) >= maxZones:
			p.skip(fmt.Sprintf("more than %d VTIMEZONEs in one calendar: %q is not read", maxZones, clipS(p.tz.id)))
		default:
			p.zones[p.tz.id] = p.tz
			delete(p.resolved, p.tz.id)
		}
		p.tz = nil
	case inCalendar:
		for _, ev := range p.deferred {
			if err := p.emit(ev); err != nil {
				return err
			}
		}
		p.deferred, p.deferredBytes = nil, 0
	}
	return nil
}

// ready reports whether every TZID the event uses can be resolved now.
// One that only a VTIMEZONE could define waits for the end of the calendar.
func (p *parser) ready(ev *evState) bool {
	for _, id := range ev.tzids() {
		if _, ok := p.zones[id]; ok {
			continue
		}
		if p.zone(id, time.Time{}) == nil {
			return false
		}
	}
	return true
}

// zone resolves a TZID, once per calendar.
func (p *parser) zone(id string, sample time.Time) *zoneRes {
	if z, ok := p.resolved[id]; ok {
		return z
	}
	z := resolveZone(id, p.zones[id], sample, &p.budget)
	p.resolved[id] = z // a VTIMEZONE read later clears it
	return z
}

func (p *parser) emit(ev *evState) error {
	method := p.method
	if method == "" {
		method = Publish
	}
	it := ev.build(p, method)
	return p.fn(it)
}

// observe reads a property of a STANDARD or DAYLIGHT block.
func (p *parser) observe(pr *prop) error {
	o := p.obs
	switch string(pr.name) {
	case "DTSTART":
		t, ok := parseTime(pr.value)
		if !ok {
			return p.errorf("DTSTART %q of VTIMEZONE %q is not a date-time", clip(pr.value), p.tz.id)
		}
		o.start = t.wall
	case "TZOFFSETFROM", "TZOFFSETTO":
		off, ok := parseOffset(string(pr.value))
		if !ok {
			return p.errorf("%s %q is not a UTC offset such as +0100", pr.name, clip(pr.value))
		}
		if string(pr.name) == "TZOFFSETFROM" {
			o.from = off
		} else {
			o.to = off
		}
	case "RDATE":
		for _, v := range splitList(pr.value) {
			if p.tz.rdates >= maxObservances {
				break
			}
			if t, ok := parseTime(v); ok {
				o.rdates = append(o.rdates, t.wall)
				p.tz.rdates++
			}
		}
	case "RRULE":
		readYearlyRule(o, string(pr.value))
	}
	return nil
}

// readYearlyRule keeps what a VTIMEZONE's yearly rule says; other rules
// leave the observance with its DTSTART alone.
func readYearlyRule(o *observance, rule string) {
	for _, kv := range strings.Split(strings.ToUpper(rule), ";") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "FREQ":
			o.yearly = v == "YEARLY"
		case "BYMONTH":
			if m, err := strconv.Atoi(v); err == nil && m >= 1 && m <= 12 {
				o.month = time.Month(m)
			}
		case "BYMONTHDAY":
			if d, err := strconv.Atoi(v); err == nil && d >= 1 && d <= 31 {
				o.monthDay = d
			}
		case "BYDAY":
			if len(v) >= 2 {
				wd := strings.Index("SUMOTUWETHFRSA", v[len(v)-2:])
				n, err := strconv.Atoi(strings.TrimPrefix(v[:len(v)-2], "+"))
				if wd >= 0 && wd%2 == 0 && err == nil && n >= -5 && n <= 5 && n != 0 {
					o.ord, o.weekday = n, time.Weekday(wd/2)
				}
			}
		case "UNTIL":
			if t, ok := parseTime([]byte(v)); ok {
				o.until = t.wall
			}
		}
	}
}

// parseOffset reads +HHMM or +HHMMSS.
func parseOffset(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 5 && len(s) != 7 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	n := 0
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	if len(s) == 7 {
		n, _ = strconv.Atoi(s[5:7])
	}
	if h > 23 || m > 59 || n > 59 {
		return 0, false
	}
	off := h*3600 + m*60 + n
	if s[0] == '-' {
		off = -off
	}
	return off, true
}

// rawTime is a DATE or DATE-TIME value as written: its wall clock (held in
// UTC) and how to read it.
type rawTime struct {
	wall time.Time
	date bool // VALUE=DATE
	utc  bool // a trailing Z
	tzid string
}

// parseTime reads YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ.
func parseTime(b []byte) (rawTime, bool) {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	num := func(b []byte) (int, bool) {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	if len(b) != 8 && len(b) != 15 && len(b) != 16 {
		return rawTime{}, false
	}
	y, ok1 := num(b[0:4])
	mo, ok2 := num(b[4:6])
	d, ok3 := num(b[6:8])
	if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) {
		return rawTime{}, false
	}
	if len(b) == 8 {
		return rawTime{wall: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), date: true}, true
	}
	if b[8] != 'T' && b[8] != 't' {
		return rawTime{}, false
	}
	h, ok1 := num(b[9:11])
	mi, ok2 := num(b[11:13])
	s, ok3 := num(b[13:15])
	if !ok1 || !ok2 || !ok3 || h > 23 || mi > 59 || s > 60 {
		return rawTime{}, false
	}
	if s == 60 {
		s = 59 // a leap second
	}
	rt := rawTime{wall: time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)}
	if len(b) == 16 {
		if b[15] != 'Z' && b[15] != 'z' {
			return rawTime{}, false
		}
		rt.utc = true
	}
	return rt, true
}

// splitList splits a comma-separated value list (EXDATE, RDATE).
func splitList(b []byte) [][]byte {
	var out [][]byte
	start := 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == ',' {
			if i > start {
				out = append(out, b[start:i])
			}
			start = i + 1
		}
	}
	return out
}
