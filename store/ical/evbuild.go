package ical

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Turning one event's gathered properties (evstate.go) into an Item: its
// times, its fields, its venue.

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
