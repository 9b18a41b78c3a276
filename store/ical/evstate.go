package ical

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaison-app/liaison/model"
)

// evState gathers one VEVENT's properties while it is read.
type evState struct {
	line int
	it   Item

	start, end, recur    rawTime
	hasStart, hasEnd     bool
	hasRecur             bool
	duration             string
	location, urlv, desc string
	background           *string
	venue                []string
	class, status        string
	xstatus, xkind       string
	xzone, igos          string
	excluded             *string
	exdates, rdates      []rawTime
	problems             []string
	more                 int  // problems past the first ten
	starts               int  // DTSTART lines met
	size                 int  // bytes of property values kept, roughly
	notUTF8              bool // a text value was not UTF-8 (noted once)
}

func (ev *evState) problem(line int, format string, args ...any) {
	ev.addProblem(fmt.Sprintf("line %d: ", line) + fmt.Sprintf(format, args...))
}

// maxNotes bounds the notes of one event.
const maxNotes = 20

// note records how doubtful input was read, up to maxNotes.
func (ev *evState) note(msg string) {
	if len(ev.it.Notes) < maxNotes {
		ev.it.Notes = append(ev.it.Notes, msg)
	}
}

// maxValues bounds the values of one kind kept for one event (attendees,
// categories, agenda items, EXDATEs, ...): memory stays bounded whatever
// the event holds. Real events hold a few dozen at most.
const maxValues = 1000

// room reports whether one more value of kind fits; the first that does
// not is noted.
func (ev *evState) room(line int, kind string, have int) bool {
	if have < maxValues {
		return true
	}
	if have == maxValues {
		ev.note(fmt.Sprintf("line %d: more than %d %s values: the rest are left out", line, maxValues, kind))
	}
	return false
}

// addProblem keeps the first ten problems of an event and counts the rest.
func (ev *evState) addProblem(msg string) {
	if len(ev.problems) >= 10 {
		ev.more++
		return
	}
	ev.problems = append(ev.problems, msg)
}

// timeProp reads a DATE or DATE-TIME property.
func (ev *evState) timeProp(pr *prop, line int) (rawTime, bool) {
	t, ok := parseTime(pr.value)
	if !ok {
		ev.problem(line, "%s %q is not a date or a date-time", pr.name, clip(pr.value))
		return rawTime{}, false
	}
	if v := pr.param("VALUE"); strings.EqualFold(v, "DATE") != t.date && v != "" {
		ev.problem(line, "%s %q does not match VALUE=%s", pr.name, clip(pr.value), v)
		return rawTime{}, false
	}
	if !t.utc && !t.date {
		t.tzid = strings.TrimSpace(pr.param("TZID"))
	}
	return t, true
}

func (ev *evState) add(pr *prop, line int) error {
	it := &ev.it
	// A text longer than any limit is cut here already, with a note
	// giving its size, so that an event held waiting for its VTIMEZONE
	// keeps little; model.CleanText cuts it to the limit later.
	if n := int64(len(pr.value)); n > 2*model.MaxLongText || pr.full > 0 {
		if pr.full > 0 {
			n = pr.full
		}
		ev.note(fmt.Sprintf("line %d: %s is %d bytes long: only the first %d KiB are read", line, clip(pr.name), n, 2*model.MaxLongText>>10))
		cut := min(len(pr.value), 2*model.MaxLongText)
		for cut > 0 && cut < len(pr.value) && !utf8.RuneStart(pr.value[cut]) {
			cut--
		}
		pr.value = pr.value[:cut]
	}
	ev.size += len(pr.value) + 64
	if len(pr.name) > 10 && string(pr.name[:10]) == "X-LIAISON-" {
		it.FromLiaison = true
	}
	if !ev.notUTF8 && !utf8.Valid(pr.value) {
		ev.notUTF8 = true
		ev.note(fmt.Sprintf("line %d: %s is not UTF-8 text (perhaps Latin-1): the unreadable bytes are shown as \uFFFD", line, clip(pr.name)))
	}
	switch string(pr.name) {
	case "UID":
		it.UID = strings.TrimSpace(unescape(pr.value))
	case "SEQUENCE":
		n, err := strconv.Atoi(strings.TrimSpace(string(pr.value)))
		if err != nil || n < 0 {
			ev.problem(line, "SEQUENCE %q is not a whole number", clip(pr.value))
		}
		it.Sequence = n
	case "DTSTAMP":
		if t, ok := parseTime(pr.value); ok {
			it.Stamp = t.wall
		}
	case "DTSTART":
		ev.starts++
		if ev.starts == 2 {
			ev.problem(line, "a second DTSTART: which start is meant cannot be told")
		}
		if ev.starts == 1 {
			ev.start, ev.hasStart = ev.timeProp(pr, line)
		}
	case "DTEND":
		ev.end, ev.hasEnd = ev.timeProp(pr, line)
	case "RECURRENCE-ID":
		ev.recur, ev.hasRecur = ev.timeProp(pr, line)
	case "DURATION":
		ev.duration = strings.TrimSpace(string(pr.value))
	case "SUMMARY":
		it.Meeting.Title = unescape(pr.value)
	case "COMMENT":
		if len(it.Comment) > model.MaxLongText {
			break // CleanText cuts it with a note
		}
		if it.Comment != "" {
			it.Comment += "\n"
		}
		it.Comment += unescape(pr.value)
	case "LOCATION":
		ev.location = unescape(pr.value)
	case "DESCRIPTION":
		ev.desc = unescape(pr.value)
	case "URL":
		ev.urlv = strings.TrimSpace(string(pr.value))
	case "CATEGORIES":
		for _, c := range splitText(pr.value, ',') {
			if c = strings.TrimSpace(c); c != "" {
				if ev.room(line, "CATEGORIES", len(it.Categories)) {
					it.Categories = append(it.Categories, c)
				}
			}
		}
	case "CLASS":
		ev.class = strings.ToUpper(strings.TrimSpace(string(pr.value)))
	case "STATUS":
		ev.status = strings.ToUpper(strings.TrimSpace(string(pr.value)))
	case "ORGANIZER":
		it.Organizer = Person{Name: pr.param("CN"), Email: address(pr.value)}
	case "ATTENDEE":
		a := Attendee{Person: Person{Name: pr.param("CN"), Email: address(pr.value)},
			PartStat: strings.ToUpper(pr.param("PARTSTAT")), Role: strings.ToUpper(pr.param("ROLE"))}
		for _, d := range pr.paramAll("DELEGATED-TO") {
			a.DelegatedTo = append(a.DelegatedTo, address([]byte(d)))
		}
		for _, d := range pr.paramAll("DELEGATED-FROM") {
			a.DelegatedFrom = append(a.DelegatedFrom, address([]byte(d)))
		}
		if ev.room(line, "ATTENDEE", len(it.Attendees)) {
			it.Attendees = append(it.Attendees, a)
		}
	case "RRULE":
		if it.RRule != "" {
			ev.note(fmt.Sprintf("line %d: a second RRULE is ignored", line))
			break
		}
		it.RRule = strings.TrimSpace(string(pr.value))
	case "EXDATE", "RDATE":
		tzid := strings.TrimSpace(pr.param("TZID"))
		for _, v := range splitList(pr.value) {
			t, ok := parseTime(v)
			if !ok {
				if string(pr.name) == "RDATE" && strings.Contains(string(v), "/") {
					continue // an RDATE period: not kept
				}
				if len(ev.it.Notes) < maxNotes {
					ev.note(fmt.Sprintf("line %d: %s %q is not a date or a date-time: ignored", line, pr.name, clip(v)))
				}
				continue
			}
			if !t.utc && !t.date {
				t.tzid = tzid
			}
			if string(pr.name) == "EXDATE" {
				if ev.room(line, "EXDATE", len(ev.exdates)) {
					ev.exdates = append(ev.exdates, t)
				}
			} else {
				if ev.room(line, "RDATE", len(ev.rdates)) {
					ev.rdates = append(ev.rdates, t)
				}
			}
		}
	case "X-LIAISON-KIND":
		ev.xkind = unescape(pr.value)
	case "X-LIAISON-CONVENER":
		it.Convener = unescape(pr.value)
	case "X-LIAISON-STATUS":
		ev.xstatus = unescape(pr.value)
	case "X-LIAISON-IGOS-INVITED":
		ev.igos = strings.ToUpper(strings.TrimSpace(string(pr.value)))
	case "X-LIAISON-OBSERVERS-EXCLUDED":
		s := unescape(pr.value)
		ev.excluded = &s
	case "X-LIAISON-ZONE":
		ev.xzone = strings.TrimSpace(unescape(pr.value))
	case "X-LIAISON-AGREEMENT":
		it.Agreement = strings.TrimSpace(unescape(pr.value))
	case "X-LIAISON-ROTATION":
		if ev.room(line, "X-LIAISON-ROTATION", len(it.VenueRotation)) {
			it.VenueRotation = append(it.VenueRotation, venueOf(splitText(pr.value, ';')))
		}
	case "X-LIAISON-VENUE":
		ev.venue = splitText(pr.value, ';')
	case "X-LIAISON-AREAS":
		it.Areas = []string{}
		for _, a := range splitText(pr.value, ',') {
			if a = strings.TrimSpace(a); a != "" {
				if ev.room(line, "X-LIAISON-AREAS", len(it.Areas)) {
					it.Areas = append(it.Areas, a)
				}
			}
		}
	case "X-LIAISON-AGENDA":
		if ev.room(line, "X-LIAISON-AGENDA", len(it.Meeting.Agenda)) {
			it.Meeting.Agenda = append(it.Meeting.Agenda, model.AgendaItem{Title: unescape(pr.value)})
			it.AgendaAreas = append(it.AgendaAreas, pr.paramAll("X-AREAS"))
		}
	case "X-LIAISON-BACKGROUND":
		s := unescape(pr.value)
		ev.background = &s
	}
	return nil
}

// address strips mailto: from a CAL-ADDRESS.
func address(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
	}
	return s
}

// tzids lists the zones the event's times refer to.
func (ev *evState) tzids() []string {
	var out []string
	seen := map[string]bool{}
	add := func(t rawTime, ok bool) {
		if ok && t.tzid != "" && !seen[t.tzid] {
			seen[t.tzid] = true
			out = append(out, t.tzid)
		}
	}
	add(ev.start, ev.hasStart)
	add(ev.end, ev.hasEnd)
	add(ev.recur, ev.hasRecur)
	for _, t := range ev.exdates {
		add(t, true)
	}
	for _, t := range ev.rdates {
		add(t, true)
	}
	return out
}

// instant reads a raw time: in UTC, in its zone, or floating (wall clock
// kept as UTC). It reports a problem for a zone it cannot resolve.
func (ev *evState) instant(p *parser, t rawTime) (time.Time, *zoneRes, bool) {
	if t.utc || t.date || t.tzid == "" {
		return t.wall, nil, true
	}
	z := p.zone(t.tzid, t.wall)
	if z == nil {
		if len(ev.problems) >= 10 {
			ev.more++ // spare the message nobody will read
		} else {
			ev.addProblem(fmt.Sprintf("unknown time zone %q: it is neither an IANA nor a Windows zone, and the file has no VTIMEZONE for it", t.tzid))
		}
		return time.Time{}, nil, false
	}
	if z.note != "" && len(ev.it.Notes) < maxNotes && !slices.Contains(ev.it.Notes, z.note) {
		ev.note(z.note)
	}
	return z.instant(t.wall), z, true
}

// build turns the gathered properties into an Item.
func (ev *evState) build(p *parser, method Method) Item {
	it := &ev.it // instant and note add to it as they go
	it.Method, it.File, it.Line = method, p.lr.name, ev.line
	m := &it.Meeting
	m.UID, m.Sequence = it.UID, it.Sequence
	if it.UID == "" {
		ev.addProblem("the event has no UID")
	}
	if ev.hasRecur {
		if t, _, ok := ev.instant(p, ev.recur); ok {
			it.RecurrenceID = t
		}
	}
	for _, t := range ev.exdates {
		if x, _, ok := ev.instant(p, t); ok {
			it.ExDates = append(it.ExDates, x)
		}
	}
	for _, t := range ev.rdates {
		if x, _, ok := ev.instant(p, t); ok {
			it.RDates = append(it.RDates, x)
		}
	}
	if ev.hasStart {
		it.HasTime = ev.times(p, it)
	} else if method == Request || method == Publish {
		ev.addProblem("the event has no DTSTART")
	}
	ev.fields(it, method)
	ev.clean(it, method)
	if len(ev.problems) > 0 {
		it.Problem = strings.Join(ev.problems, "; ")
		if ev.more > 0 {
			it.Problem += fmt.Sprintf("; and %d more", ev.more)
		}
	}
	return *it
}

// times sets the meeting's start, end and zone.
func (ev *evState) times(p *parser, it *Item) bool {
	m := &it.Meeting
	var dur time.Duration
	hasDur := false
	if !ev.hasEnd && ev.duration != "" {
		d, err := parseDuration(ev.duration)
		if err != nil {
			ev.addProblem(fmt.Sprintf("DURATION %q: %v", clip([]byte(ev.duration)), err))
			return false
		}
		dur, hasDur = d, true
	}
	if ev.start.date {
		m.AllDay = true
		m.FirstDay = model.DateOf(ev.start.wall)
		m.LastDay = m.FirstDay
		switch {
		case ev.hasEnd && ev.end.date && ev.end.wall.After(ev.start.wall):
			m.LastDay = model.DateOf(ev.end.wall).AddDays(-1) // DTEND is exclusive
		case hasDur && dur >= 24*time.Hour:
			m.LastDay = m.FirstDay.AddDays(int((dur - time.Nanosecond) / (24 * time.Hour)))
		}
		if _, err := model.LoadZone(ev.xzone); err == nil {
			m.Zone = ev.xzone
		}
		return true
	}
	start, z, ok := ev.instant(p, ev.start)
	if !ok {
		return false
	}
	switch {
	case ev.start.utc:
		m.Zone = "UTC"
	case z != nil:
		m.Zone = z.name
	default:
		it.Floating = true
	}
	end := start
	switch {
	case ev.hasEnd:
		e, _, ok := ev.instant(p, ev.end)
		if !ok {
			return false
		}
		if ev.end.date {
			e = ev.end.wall
			if z != nil {
				e = z.instant(ev.end.wall)
			}
		}
		end = e
	case hasDur:
		end = start.Add(dur)
	}
	if end.Before(start) {
		ev.note("the event ends before it starts: its end is taken as its start")
		end = start
	}
	loc := time.UTC
	if m.Zone != "" {
		if l, err := model.LoadZone(m.Zone); err == nil {
			loc = l
		}
	}
	m.Start, m.End = start.In(loc), end.In(loc)
	return true
}

// fields sets what the event says of the meeting besides its times.
func (ev *evState) fields(it *Item, method Method) {
	m := &it.Meeting
	m.Kind = model.KindMeeting
	if k := model.MeetingKind(ev.xkind); slices.Contains(model.MeetingKinds, k) {
		m.Kind = k
	}
	m.Status = model.StatusPlanned
	switch {
	case method == Cancel || ev.status == "CANCELLED":
		m.Status = model.StatusCancelled
	case slices.Contains(model.MeetingStatuses, model.MeetingStatus(ev.xstatus)):
		m.Status = model.MeetingStatus(ev.xstatus)
	case ev.status == "CONFIRMED":
		m.Status = model.StatusConfirmed
	}
	switch ev.class {
	case "CONFIDENTIAL":
		m.Confidentiality = model.PartiesOnly
	case "PRIVATE":
		m.Confidentiality = model.Internal // a partner's private event is not ours to pass on
	default:
		m.Confidentiality = model.Public
	}
	m.IGOsInvited = ev.igos == "TRUE"
	if ev.excluded != nil {
		m.ObserversExcluded, m.ExclusionReason = true, *ev.excluded
	}
	if len(ev.venue) > 0 {
		m.Venue = venueOf(ev.venue)
	} else {
		m.Venue.Name = strings.TrimSpace(ev.location)
		if u, err := url.Parse(ev.urlv); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			m.Venue.OnlineURL = ev.urlv
		}
	}
	switch {
	case ev.background != nil:
		m.Background = *ev.background
	case ev.xkind != "" || it.Convener != "":
		// A copy of Liaison wrote the file: its DESCRIPTION is the
		// invitation's wording, not the meeting's background.
	default:
		m.Background = ev.desc
	}
}

// venueOf reads the parts of an X-LIAISON-VENUE or -ROTATION value.
func venueOf(parts []string) model.Venue {
	get := func(i int) string {
		if i < len(parts) {
			return parts[i]
		}
		return ""
	}
	return model.Venue{Name: get(0), Address: get(1), City: get(2), Country: get(3), OnlineURL: get(4)}
}

// parseDuration reads an RFC 5545 DURATION (P1W, P2DT3H, -PT15M), up to
// ten years; absurd values are refused rather than overflowing.
func parseDuration(s string) (time.Duration, error) {
	const max = 10 * 366 * 24 * time.Hour
	neg := false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	if len(s) < 3 || (s[0] != 'P' && s[0] != 'p') {
		return 0, fmt.Errorf("not a duration such as PT2H or P1D")
	}
	var total time.Duration
	inTime, n, digits := false, int64(0), 0
	for _, c := range strings.ToUpper(s[1:]) {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			digits++
			if n > int64(max/time.Second) {
				return 0, fmt.Errorf("longer than ten years")
			}
			continue
		case c == 'T':
			inTime = true
			continue
		}
		if digits == 0 {
			return 0, fmt.Errorf("not a duration such as PT2H or P1D")
		}
		var unit time.Duration
		switch {
		case c == 'W' && !inTime:
			unit = 7 * 24 * time.Hour
		case c == 'D' && !inTime:
			unit = 24 * time.Hour
		case c == 'H' && inTime:
			unit = time.Hour
		case c == 'M' && inTime:
			unit = time.Minute
		case c == 'S' && inTime:
			unit = time.Second
		default:
			return 0, fmt.Errorf("not a duration such as PT2H or P1D")
		}
		if n > int64(max/unit) {
			return 0, fmt.Errorf("longer than ten years")
		}
		total += time.Duration(n) * unit
		if total > max {
			return 0, fmt.Errorf("longer than ten years")
		}
		n, digits = 0, 0
	}
	if digits != 0 || strings.HasSuffix(strings.ToUpper(s), "T") {
		return 0, fmt.Errorf("not a duration such as PT2H or P1D")
	}
	if neg {
		total = -total
	}
	return total, nil
}
