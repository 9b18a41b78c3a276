package ical

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaison-app/liaison/model"
)

// maxLine is the longest a content line may be, in octets, before it is
// folded (RFC 5545 §3.1), not counting the CRLF.
const maxLine = 75

// param is one property parameter. Several values are written as a
// comma-separated list, each quoted when it needs to be.
type param struct {
	name   string
	values []string
}

func p(name string, values ...string) param { return param{name, values} }

// encoder writes content lines: it escapes text, quotes parameter values and
// folds long lines at 75 octets without splitting a UTF-8 sequence. The first
// write error sticks and is returned by flush.
type encoder struct {
	w    *bufio.Writer
	line []byte // the logical line being built
	err  error
}

func newEncoder(w io.Writer) *encoder {
	return &encoder{w: bufio.NewWriterSize(w, 64<<10), line: make([]byte, 0, 512)}
}

func (e *encoder) flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// begin starts a logical line with the property name and its parameters.
func (e *encoder) begin(name string, params []param) {
	e.line = append(e.line[:0], name...)
	for _, pr := range params {
		if len(pr.values) == 0 {
			continue
		}
		e.line = append(e.line, ';')
		e.line = append(e.line, pr.name...)
		e.line = append(e.line, '=')
		for i, v := range pr.values {
			if i > 0 {
				e.line = append(e.line, ',')
			}
			e.line = appendParamValue(e.line, v)
		}
	}
	e.line = append(e.line, ':')
}

// end folds and writes the logical line.
func (e *encoder) end() {
	if e.err != nil {
		return
	}
	l := e.line
	first := true
	for len(l) > 0 {
		n := maxLine
		if !first {
			n = maxLine - 1 // the leading space counts
			e.w.WriteByte(' ')
		}
		if n >= len(l) {
			n = len(l)
		} else {
			for n > 1 && !utf8.RuneStart(l[n]) {
				n--
			}
		}
		e.w.Write(l[:n])
		e.w.WriteString("\r\n")
		l = l[n:]
		first = false
	}
	if first { // an empty line cannot happen (a name is always there) but stay safe
		e.w.WriteString("\r\n")
	}
	_, e.err = e.w.Write(nil)
}

// raw writes a property whose value is already in its iCalendar form.
func (e *encoder) raw(name string, value string, params ...param) {
	e.begin(name, params)
	e.line = append(e.line, value...)
	e.end()
}

// text writes a TEXT property, escaping its value.
func (e *encoder) text(name string, value string, params ...param) {
	e.begin(name, params)
	e.line = appendText(e.line, value)
	e.end()
}

// textList writes a property whose value is a list of TEXT (CATEGORIES).
func (e *encoder) textList(name string, values []string, params ...param) {
	e.begin(name, params)
	for i, v := range values {
		if i > 0 {
			e.line = append(e.line, ',')
		}
		e.line = appendText(e.line, v)
	}
	e.end()
}

// utc writes a DATE-TIME in UTC (DTSTAMP, LAST-MODIFIED, UNTIL).
func (e *encoder) utc(name string, t time.Time, params ...param) {
	e.begin(name, params)
	e.line = appendUTC(e.line, t)
	e.end()
}

// local writes a DATE-TIME in its zone with TZID, or in UTC when the zone is UTC.
func (e *encoder) local(name string, t time.Time, zone string) {
	if zone == "" || zone == "UTC" || zone == "Etc/UTC" {
		e.utc(name, t)
		return
	}
	e.begin(name, []param{p("TZID", zone)})
	e.line = appendLocal(e.line, t)
	e.end()
}

// date writes a DATE value.
func (e *encoder) date(name string, d model.Date) {
	e.begin(name, []param{p("VALUE", "DATE")})
	e.line = appendDate(e.line, d)
	e.end()
}

func (e *encoder) begins(comp string) { e.raw("BEGIN", comp) }
func (e *encoder) ends(comp string)   { e.raw("END", comp) }

// appendText escapes a TEXT value (RFC 5545 §3.3.11). Line breaks of any
// kind become \n; other control characters, which the grammar forbids, are
// dropped.
func appendText(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD") // the file is UTF-8 (RFC 5545 §3.1.4)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' || c == ';' || c == ',':
			b = append(b, '\\', c)
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b = append(b, '\\', 'n')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, ' ')
		case c < 0x20 || c == 0x7f:
			// dropped
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendParamValue writes a parameter value, quoted when it holds a
// character that would end it. A double quote cannot appear in a parameter
// value at all (RFC 5545 §3.1): it becomes a single quote. Control
// characters are dropped.
func appendParamValue(b []byte, v string) []byte {
	if !utf8.ValidString(v) {
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	quote := strings.ContainsAny(v, ":;,") || v == ""
	if quote {
		b = append(b, '"')
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '"':
			b = append(b, '\'')
		case c < 0x20 || c == 0x7f:
			if c == '\t' {
				b = append(b, ' ')
			}
		default:
			b = append(b, c)
		}
	}
	if quote {
		b = append(b, '"')
	}
	return b
}

func appendUTC(b []byte, t time.Time) []byte {
	return append(appendLocal(b, t.UTC()), 'Z')
}

func appendLocal(b []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	b = appendInt(b, y, 4)
	b = appendInt(b, int(mo), 2)
	b = appendInt(b, d, 2)
	b = append(b, 'T')
	b = appendInt(b, h, 2)
	b = appendInt(b, mi, 2)
	return appendInt(b, s, 2)
}

func appendDate(b []byte, d model.Date) []byte {
	b = appendInt(b, int(d.Year), 4)
	b = appendInt(b, int(d.Month), 2)
	return appendInt(b, int(d.Day), 2)
}

func appendInt(b []byte, v, width int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(v), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendOffset writes a UTC offset as +HHMM (or +HHMMSS when seconds are
// not zero, as in some historical zones).
func appendOffset(b []byte, secs int) []byte {
	if secs < 0 {
		b = append(b, '-')
		secs = -secs
	} else {
		b = append(b, '+')
	}
	b = appendInt(b, secs/3600, 2)
	b = appendInt(b, secs/60%60, 2)
	if secs%60 != 0 {
		b = appendInt(b, secs%60, 2)
	}
	return b
}

func mailto(email string) string { return "mailto:" + email }
