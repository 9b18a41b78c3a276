package model

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"
)

// Date is a calendar day with no time and no zone: a signature date, the
// first day of a whole-day conference, the day an invitation is due.
// The zero Date means "not set". It takes 8 bytes (not three ints'
// 24): the Article 2 rule keeps two in each of its answers, and the
// answers over a large office's history number in the hundreds of
// thousands.
type Date struct {
	Year  int32
	Month uint8 // 1 (January) to 12; time.Month(d.Month) names it
	Day   uint8
}

// date builds a Date from the int values time.Time gives. A year beyond
// int32 (only an absurd instant has one) is held at the bound, so it stays
// out of every range check rather than wrapping into one.
func date(y int, m time.Month, d int) Date {
	y = max(min(y, math.MaxInt32), math.MinInt32)
	return Date{int32(y), uint8(m), uint8(d)}
}

// DateLayout is the one textual form of a Date: ISO 8601, 2014-03-05.
const DateLayout = "2006-01-02"

// ParseDate reads a YYYY-MM-DD date. It refuses anything else, including
// impossible days such as 2014-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD: %w", s, ErrInvalid)
	}
	return DateOf(t), nil
}

// MustDate is ParseDate for constants in tests and templates; it panics on a
// malformed literal, which is a programming error.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return date(y, m, d)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Year < 0 || d.Year > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	var b [10]byte
	return string(d.appendISO(b[:0]))
}

// appendISO appends YYYY-MM-DD for a year from 0 to 9999, by hand: the
// Article 2 rule writes dates into every reason.
func (d Date) appendISO(b []byte) []byte {
	return append(b,
		byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10), '-',
		byte('0'+int(d.Month)/10), byte('0'+int(d.Month)%10), '-',
		byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// In returns midnight at the start of the day in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(int(d.Year), time.Month(d.Month), int(d.Day), 0, 0, 0, 0, loc)
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return civilFromDays(d.days() + n) }

// days counts days since 1970-01-01 in the proleptic Gregorian calendar.
// The rule does this arithmetic for every meeting, so it is done with
// integers rather than through time.Date.
func (d Date) days() int {
	y, m := int(d.Year), int(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int(d.Day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of days.
func civilFromDays(z int) Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return date(y, time.Month(m), day)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// AddMonths returns the date n months later, clamped to the end of the
// month (31 August + 6 months is 28 or 29 February, not 3 March), which is
// how a notice period "of six months" is counted.
func (d Date) AddMonths(n int) Date {
	first := time.Date(int(d.Year), time.Month(int(d.Month)+n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	day := int(d.Day)
	if day > last {
		day = last
	}
	return date(first.Year(), first.Month(), day)
}

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return e.days() - d.days() }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(int(d.Year), int(e.Year))
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(int(d.Day), int(e.Day))
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// MarshalJSON writes the date as "YYYY-MM-DD", or null when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// LoadZone resolves an IANA zone name. It refuses "Local" and the empty
// name: a stored meeting must never depend on the machine it is read on.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("time zone %q: give an IANA name such as Europe/Paris: %w", name, ErrInvalid)
	}
	if loc, ok := zoneCache.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: %w", name, ErrInvalid)
	}
	zoneCache.Store(name, loc)
	return loc, nil
}

// zoneCache keeps resolved zones: time.LoadLocation reads and parses the
// zone database on every call, which shows when 100,000 meetings are loaded.
var zoneCache sync.Map

// WallTimeLayout is how a local date and time is typed: 2027-06-23T09:30.
const WallTimeLayout = "2006-01-02T15:04"

// ParseWallTime reads a local date and time ("2027-06-23T09:30", or with a
// space instead of the T) in the named IANA zone. It refuses a time that
// does not exist there (skipped when the clocks go forward) instead of
// silently moving it, and it names the field in every error.
func ParseWallTime(field, s, zone string) (time.Time, error) {
	loc, err := LoadZone(zone)
	if err != nil {
		return time.Time{}, Invalid("zone", "%q is not an IANA time zone (e.g. Europe/Paris)", zone)
	}
	s = strings.Replace(strings.TrimSpace(s), " ", "T", 1)
	t, err := time.ParseInLocation(WallTimeLayout, s, loc)
	if err != nil {
		return time.Time{}, Invalid(field, "%q is not a date and time of the form YYYY-MM-DDTHH:MM", s)
	}
	if t.Format(WallTimeLayout) != s {
		return time.Time{}, Invalid(field, "%s does not exist in %s: the clocks go forward that night", s, zone)
	}
	return WallTime(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, loc), nil
}
