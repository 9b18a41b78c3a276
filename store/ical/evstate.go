package ical

import (
	"fmt"
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
