package ical

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Record is one resource of the office calendar (a CalDAV collection the
// protocol office shares): the event that every calendar client shows,
// written with standard properties, and Liaison's own facts as X-LIAISON-
// properties, enough to rebuild the record whole. Other clients keep the
// X- properties untouched (RFC 5545 §3.8.8.2).
type Record struct {
	UID  string
	Kind string // "meeting", "series" or "organization": X-LIAISON-RECORD
	// Journal writes a VJOURNAL (a record with no time of its own, such as
	// an organization and its focal points) instead of a VEVENT.
	Journal bool

	Summary, Location, Description, URL string
	Status                              string // TENTATIVE, CONFIRMED or CANCELLED ("" for none)
	Class                               string // PUBLIC, CONFIDENTIAL or PRIVATE
	Categories                          []string

	AllDay            bool
	Start, End        time.Time // a timed event, in Zone
	FirstDay, LastDay model.Date
	Zone              string

	RRule     string      // a series' rule, without UNTIL rewriting
	ExDates   []time.Time // cancelled occurrences (their original starts)
	Overrides []Override  // occurrences moved or given another place

	Sequence int
	Modified time.Time
	Created  time.Time

	// Fields are Liaison's facts, one X-LIAISON-NAME property each, in
	// order. Names are upper-case letters, digits and '-'.
	Fields []Field
}

// Field is one of Liaison's facts about a record.
type Field struct{ Name, Value string }

// Override is one occurrence of a recurring record that differs from the
// rule: a VEVENT with RECURRENCE-ID.
type Override struct {
	OriginalStart time.Time
	Start, End    time.Time
	Summary       string
	Location      string
}

// Todo is an action item: a VTODO RELATED-TO a record. It is a resource
// of its own (a calendar object holds one UID, RFC 4791 §4.1), written for
// other clients to show and never read back: the record holds the item.
type Todo struct {
	UID       string
	RelatedTo string
	Summary   string
	Due       model.Date
	Done      bool
	Modified  time.Time
}

// TodoKind marks a Todo's resource (X-LIAISON-RECORD), so that a sync
// recognizes it and leaves it alone.
const TodoKind = "action-item"

// WriteTodo writes an action item as one calendar resource.
func WriteTodo(w io.Writer, t Todo) error {
	if t.UID == "" || t.RelatedTo == "" {
		return model.Invalid("uid", "an action item needs its UID and the UID of its series")
	}
	e := newEncoder(w)
	e.begins("VCALENDAR")
	e.raw("PRODID", ProdID)
	e.raw("VERSION", "2.0")
	e.begins("VTODO")
	e.text("UID", t.UID)
	e.utc("DTSTAMP", t.Modified)
	e.utc("LAST-MODIFIED", t.Modified)
	e.text("SUMMARY", t.Summary)
	if !t.Due.IsZero() {
		e.date("DUE", t.Due)
	}
	if t.Done {
		e.raw("STATUS", "COMPLETED")
	} else {
		e.raw("STATUS", "NEEDS-ACTION")
	}
	e.text("RELATED-TO", t.RelatedTo)
	e.raw(FieldPrefix+"RECORD", TodoKind)
	e.ends("VTODO")
	e.ends("VCALENDAR")
	return e.flush()
}

// FieldPrefix starts the name of every property that carries a Liaison
// fact.
const FieldPrefix = "X-LIAISON-"

// ValidFieldName reports whether s can be a field's name: A–Z, 0–9 and '-'.
func ValidFieldName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// WriteRecord writes r as one calendar resource (no METHOD: a CalDAV
// object, RFC 4791 §4.1), with a VTIMEZONE for every zone it uses.
func WriteRecord(w io.Writer, r Record) error {
	if r.UID == "" {
		return model.Invalid("uid", "a record needs a UID")
	}
	if !r.AllDay && r.Zone != "" {
		if _, err := model.LoadZone(r.Zone); err != nil {
			return model.Invalid("zone", "%q is not an IANA time zone", r.Zone)
		}
	}
	for _, f := range r.Fields {
		if !ValidFieldName(f.Name) {
			return model.Invalid("field", "%q is not a field name (A-Z, 0-9, -)", f.Name)
		}
	}
	e := newEncoder(w)
	e.begins("VCALENDAR")
	e.raw("PRODID", ProdID)
	e.raw("VERSION", "2.0")
	e.raw("CALSCALE", "GREGORIAN")
	var sp spans
	if !r.AllDay {
		sp.add(r.Zone, r.Start, r.End)
		for _, o := range r.Overrides {
			sp.add(r.Zone, o.OriginalStart, o.Start, o.End)
		}
		for _, x := range r.ExDates {
			sp.add(r.Zone, x)
		}
	}
	if err := sp.write(e); err != nil {
		return err
	}
	if r.Journal {
		e.begins("VJOURNAL")
		e.text("UID", r.UID)
		e.utc("DTSTAMP", r.Modified)
		e.utc("LAST-MODIFIED", r.Modified)
		e.text("SUMMARY", r.Summary)
		if r.Description != "" {
			e.text("DESCRIPTION", r.Description)
		}
		e.raw(FieldPrefix+"RECORD", r.Kind)
		for _, f := range r.Fields {
			e.text(FieldPrefix+f.Name, f.Value)
		}
		e.ends("VJOURNAL")
		e.ends("VCALENDAR")
		return e.flush()
	}
	e.begins("VEVENT")
	r.common(e)
	for _, x := range r.ExDates {
		e.local("EXDATE", x.In(zoneOr(r.Zone)), r.Zone)
	}
	e.raw(FieldPrefix+"RECORD", r.Kind)
	for _, f := range r.Fields {
		e.text(FieldPrefix+f.Name, f.Value)
	}
	e.ends("VEVENT")
	for _, o := range r.Overrides {
		loc := zoneOr(r.Zone)
		e.begins("VEVENT")
		e.text("UID", r.UID)
		e.utc("DTSTAMP", r.Modified)
		e.local("RECURRENCE-ID", o.OriginalStart.In(loc), r.Zone)
		e.local("DTSTART", o.Start.In(loc), r.Zone)
		e.local("DTEND", o.End.In(loc), r.Zone)
		e.text("SUMMARY", o.Summary)
		if o.Location != "" {
			e.text("LOCATION", o.Location)
		}
		e.raw("SEQUENCE", itoa(r.Sequence))
		e.ends("VEVENT")
	}
	e.ends("VCALENDAR")
	return e.flush()
}

func zoneOr(zone string) *time.Location {
	if loc, err := model.LoadZone(zone); err == nil && zone != "" {
		return loc
	}
	return time.UTC
}

// common writes the properties of the master event.
func (r *Record) common(e *encoder) {
	e.text("UID", r.UID)
	e.utc("DTSTAMP", r.Modified)
	if !r.Created.IsZero() {
		e.utc("CREATED", r.Created)
	}
	e.utc("LAST-MODIFIED", r.Modified)
	if r.AllDay {
		e.date("DTSTART", r.FirstDay)
		e.date("DTEND", r.LastDay.AddDays(1))
	} else {
		loc := zoneOr(r.Zone)
		e.local("DTSTART", r.Start.In(loc), r.Zone)
		e.local("DTEND", r.End.In(loc), r.Zone)
	}
	if r.RRule != "" {
		e.raw("RRULE", r.RRule)
	}
	e.raw("SEQUENCE", itoa(r.Sequence))
	e.text("SUMMARY", r.Summary)
	if r.Location != "" {
		e.text("LOCATION", r.Location)
	}
	if r.Description != "" {
		e.text("DESCRIPTION", r.Description)
	}
	if u := sanitizeURI(r.URL); u != "" {
		e.raw("URL", u)
	}
	if r.Status != "" {
		e.raw("STATUS", r.Status)
	}
	if r.Class != "" {
		e.raw("CLASS", r.Class)
	}
	if len(r.Categories) > 0 {
		e.textList("CATEGORIES", r.Categories)
	}
}

// ReadRecord reads a resource written by WriteRecord (or by WriteRecord
// and then edited by another client, which keeps the X- properties): the
// master event's UID, SUMMARY, LOCATION, SEQUENCE, X-LIAISON-RECORD and
// fields, and its DTSTART and DTEND when they name an instant (UTC, or a
// TZID that is an IANA or Windows zone) or a day: Start, End and Zone, or
// AllDay, FirstDay and LastDay. A resource that is not one of Liaison's records (no
// X-LIAISON-RECORD) is an error that says so; a malformed one names the line.
func ReadRecord(r io.Reader, name string, limit int64) (rec Record, err error) {
	defer func() {
		if v := recover(); v != nil { // never crash on a colleague's file
			err = &ParseError{File: name, Msg: fmt.Sprintf("unreadable resource: %v", v)}
		}
	}()
	return readRecord(r, name, limit)
}

// readRecord is ReadRecord without the safety net, for the fuzz test.
func readRecord(r io.Reader, name string, limit int64) (rec Record, err error) {
	lr := newLineReader(r, name, limit)
	var pr prop
	var stack []string
	master, inMaster := false, false
	sawEnd := false
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Record{}, err
		}
		if msg := split(line, &pr); msg != "" {
			return Record{}, lr.errorf(lr.line, "%s", msg)
		}
		switch string(pr.name) {
		case "BEGIN":
			comp := strings.ToUpper(string(pr.value))
			stack = append(stack, comp)
			inMaster = (comp == "VEVENT" || comp == "VTODO" || comp == "VJOURNAL") && len(stack) == 2 && !master
			continue
		case "END":
			if len(stack) == 0 || !strings.EqualFold(stack[len(stack)-1], string(pr.value)) {
				return Record{}, lr.errorf(lr.line, "END:%s does not close %s", clip(pr.value), strings.Join(stack, "/"))
			}
			if inMaster {
				master, inMaster = true, false
			}
			stack = stack[:len(stack)-1]
			sawEnd = len(stack) == 0
			continue
		}
		if !inMaster {
			continue
		}
		switch n := string(pr.name); {
		case n == "RECURRENCE-ID":
			inMaster = false // an override came first: keep looking for the master
		case n == "UID":
			rec.UID = unescape(pr.value)
		case n == "SUMMARY":
			rec.Summary = unescape(pr.value)
		case n == "LOCATION":
			rec.Location = unescape(pr.value)
		case n == "DESCRIPTION":
			rec.Description = unescape(pr.value)
		case n == "STATUS":
			rec.Status = strings.ToUpper(string(bytes.TrimSpace(pr.value)))
		case n == "SEQUENCE":
			fmt.Sscan(string(pr.value), &rec.Sequence)
		case n == "DTSTART" || n == "DTEND":
			rec.readTime(n, &pr)
		case n == FieldPrefix+"RECORD":
			rec.Kind = string(bytes.TrimSpace(pr.value))
		case strings.HasPrefix(n, FieldPrefix):
			rec.Fields = append(rec.Fields, Field{Name: n[len(FieldPrefix):], Value: unescape(pr.value)})
		}
	}
	if !sawEnd {
		return Record{}, &ParseError{File: name, Line: lr.phys, Msg: "the resource ends before END:VCALENDAR"}
	}
	if rec.UID == "" {
		return Record{}, &ParseError{File: name, Msg: "no event with a UID"}
	}
	if rec.Kind == "" {
		return Record{}, &ParseError{File: name, Msg: fmt.Sprintf("event %s is not one of Liaison's records (no %sRECORD)", rec.UID, FieldPrefix)}
	}
	return rec, nil
}

// readTime keeps DTSTART or DTEND when it names an instant or a day; a
// floating time or an unknown zone is left out (zero).
func (r *Record) readTime(name string, pr *prop) {
	rt, ok := parseTime(pr.value)
	if !ok {
		return
	}
	if rt.date {
		r.AllDay = true
		d := model.DateOf(rt.wall)
		if name == "DTSTART" {
			r.FirstDay = d
		} else {
			r.LastDay = d.AddDays(-1)
		}
		return
	}
	var t time.Time
	zone := ""
	switch tzid := pr.param("TZID"); {
	case rt.utc:
		t = rt.wall
	case tzid != "":
		loc, ok := ianaZone(tzid)
		if !ok {
			if iana, found := windowsZone(tzid); found {
				loc, ok = ianaZone(iana)
				tzid = iana
			}
		}
		if !ok {
			return
		}
		w := rt.wall
		t, zone = model.WallTime(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), loc), tzid
	default:
		return
	}
	if name == "DTSTART" {
		r.Start = t
		if zone != "" {
			r.Zone = zone
		}
	} else {
		r.End = t
	}
}
