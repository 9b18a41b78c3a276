package ical

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/liaison-app/liaison/model"
)

// ParseError says what is wrong with an input file, and where. It matches
// model.ErrInvalid.
type ParseError struct {
	File string
	Line int // 1-based; 0 when the problem concerns the whole file
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Is makes errors.Is(err, model.ErrInvalid) true.
func (e *ParseError) Is(target error) bool { return target == model.ErrInvalid }

// MaxLine is the most of one logical line that is kept: what lies past it
// is read and dropped (the parser notes it), so that memory stays bounded
// whatever the file holds, a single line of hundreds of megabytes or
// /dev/zero. No value Liaison keeps is longer (model.MaxLongText is 64 KiB).
const MaxLine = 1 << 20

// maxPreamble is the longest line read before the first BEGIN:VCALENDAR:
// a longer one is not iCalendar, and the file is refused at once.
const maxPreamble = 4 << 10

// lineReader splits a stream into logical content lines: it strips a
// byte-order mark, accepts CRLF or bare LF, unfolds continuation lines
// (a line starting with a space or a tab), skips blank lines and stops at
// the size limit. It holds one logical line at a time, at most MaxLine
// bytes of it.
type lineReader struct {
	r     *bufio.Reader
	name  string
	limit int64 // bytes; 0 means none
	n     int64 // bytes read so far
	phys  int   // physical lines read so far
	line  int   // the physical line where the current logical line began
	buf   []byte
	// full is the length of the current logical line as written; more
	// than len(buf) when it was cut at MaxLine.
	full int64
	cut  bool
	// preamble is set while no VCALENDAR has begun: a long line is then
	// refused at once rather than read to its end.
	preamble bool
}

func newLineReader(r io.Reader, name string, limit int64) *lineReader {
	lr := &lineReader{r: bufio.NewReaderSize(r, 256<<10), name: name, limit: limit, buf: make([]byte, 0, 1024)}
	if b, err := lr.r.Peek(3); err == nil && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		lr.r.Discard(3)
		lr.n += 3
	}
	return lr
}

func (lr *lineReader) errorf(line int, format string, args ...any) *ParseError {
	return &ParseError{File: lr.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// physical appends the next physical line, without its line end, to buf.
// It returns io.EOF when nothing is left.
func (lr *lineReader) physical() error {
	start := len(lr.buf)
	read := int64(0)
	for {
		chunk, err := lr.r.ReadSlice('\n')
		lr.n += int64(len(chunk))
		read += int64(len(chunk))
		if lr.limit > 0 && lr.n > lr.limit {
			return &ParseError{File: lr.name, Line: lr.phys + 1, Msg: fmt.Sprintf("the file is larger than the limit of %d bytes: refused", lr.limit)}
		}
		if lr.preamble && read > maxPreamble {
			return &ParseError{File: lr.name, Line: lr.phys + 1, Msg: fmt.Sprintf("line %d is over %d bytes long before any BEGIN:VCALENDAR: this is not an iCalendar file", lr.phys+1, maxPreamble)}
		}
		lr.full += int64(len(chunk))
		room := MaxLine - len(lr.buf)
		if room > 0 {
			lr.buf = append(lr.buf, chunk[:min(len(chunk), room)]...)
		}
		if room < len(chunk) {
			lr.cut = true
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s: %w", lr.name, err)
		}
		if len(lr.buf) == start && err == io.EOF {
			return io.EOF
		}
		lr.phys++
		b := lr.buf
		if n := len(b); n > start && b[n-1] == '\n' {
			b = b[:n-1]
		}
		for n := len(b); n > start && b[n-1] == '\r'; n-- { // CRLF, or a CR doubled by a second conversion
			b = b[:n-1]
		}
		lr.buf = b
		return nil
	}
}

// next returns the next logical line (valid until the following call), or
// io.EOF.
func (lr *lineReader) next() ([]byte, error) {
	for {
		lr.buf, lr.full, lr.cut = lr.buf[:0], 0, false
		if err := lr.physical(); err != nil {
			return nil, err
		}
		lr.line = lr.phys
		for {
			b, err := lr.r.Peek(1)
			if err != nil || (b[0] != ' ' && b[0] != '\t') {
				break
			}
			lr.r.Discard(1)
			lr.n++
			if err := lr.physical(); err != nil && err != io.EOF {
				return nil, err
			}
		}
		if len(bytes.TrimSpace(lr.buf)) == 0 {
			continue // a blank line carries nothing
		}
		return lr.buf, nil
	}
}

// prop is one content line split into name, parameters and value. Its
// slices point into the line reader's buffer.
type prop struct {
	name   []byte // upper case
	params []paramValue
	value  []byte
	full   int64 // the line's length as written, when it was cut at MaxLine; else 0
}

// paramValue is one value of one parameter; a parameter with several values
// gives several entries.
type paramValue struct {
	name  []byte // upper case
	value []byte // unquoted, still caret-encoded (RFC 6868)
}

// param returns the first value of a parameter, decoded, or "".
func (p *prop) param(name string) string {
	for _, pv := range p.params {
		if string(pv.name) == name {
			return decodeParam(pv.value)
		}
	}
	return ""
}

// paramAll returns every value of a parameter, decoded.
func (p *prop) paramAll(name string) []string {
	var out []string
	for _, pv := range p.params {
		if string(pv.name) == name {
			out = append(out, decodeParam(pv.value))
		}
	}
	return out
}

func isNameChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
}

func upper(b []byte) {
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
}

// split parses a content line (RFC 5545 §3.1). It returns a message for a
// malformed line.
func split(line []byte, p *prop) string {
	p.params = p.params[:0]
	i := 0
	for i < len(line) && isNameChar(line[i]) {
		i++
	}
	if i == 0 {
		return fmt.Sprintf("malformed line %q: it does not start with a property name", clip(line))
	}
	if i == len(line) || (line[i] != ';' && line[i] != ':') {
		return fmt.Sprintf("malformed line %q: a property name must be followed by ':' and its value", clip(line))
	}
	p.name = line[:i]
	upper(p.name)
	for line[i] == ';' {
		i++
		j := i
		for i < len(line) && isNameChar(line[i]) {
			i++
		}
		if i == j || i == len(line) || line[i] != '=' {
			return fmt.Sprintf("malformed parameter in %q: a parameter is NAME=value", clip(line))
		}
		name := line[j:i]
		upper(name)
		i++
		for {
			var v []byte
			if i < len(line) && line[i] == '"' {
				k := bytes.IndexByte(line[i+1:], '"')
				if k < 0 {
					return fmt.Sprintf("malformed parameter %s in %q: the quoted value is not closed", name, clip(line))
				}
				v = line[i+1 : i+1+k]
				i += k + 2
			} else {
				j := i
				for i < len(line) && line[i] != ',' && line[i] != ';' && line[i] != ':' {
					if line[i] == '"' {
						return fmt.Sprintf("malformed parameter %s in %q: a quote inside an unquoted value", name, clip(line))
					}
					i++
				}
				v = line[j:i]
			}
			p.params = append(p.params, paramValue{name: name, value: v})
			if i < len(line) && line[i] == ',' {
				i++
				continue
			}
			break
		}
		if i == len(line) || (line[i] != ';' && line[i] != ':') {
			return fmt.Sprintf("malformed line %q: the parameters are not followed by ':' and a value", clip(line))
		}
	}
	p.value = line[i+1:]
	return ""
}

// clip shortens a line for an error message.
func clip(b []byte) string {
	if len(b) > 60 {
		return string(b[:60]) + "…"
	}
	return string(b)
}

func clipS(s string) string { return clip([]byte(s)) }

// decodeParam undoes RFC 6868 caret encoding (^n, ^', ^^) and drops
// control characters, which a parameter value may not hold.
func decodeParam(b []byte) string {
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	if bytes.IndexByte(b, '^') < 0 && !hasCtl(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '^' && i+1 < len(b) {
			switch b[i+1] {
			case 'n':
				out = append(out, '\n')
				i++
				continue
			case '\'':
				out = append(out, '"')
				i++
				continue
			case '^':
				out = append(out, '^')
				i++
				continue
			}
		}
		if c < 0x20 && c != '\t' || c == 0x7f {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func hasCtl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c == 0x7f {
			return true
		}
	}
	return false
}

// unescape decodes a TEXT value (RFC 5545 §3.3.11): \n, \N, \\, \; and \,.
func unescape(b []byte) string {
	if !utf8.Valid(b) { // a file from an old client in Latin-1: keep what can be read
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	if bytes.IndexByte(b, '\\') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) {
			i++
			switch b[i] {
			case 'n', 'N':
				out = append(out, '\n')
			default:
				out = append(out, b[i])
			}
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// splitText splits a TEXT list at unescaped separators (',' for CATEGORIES,
// ';' for structured values), and unescapes each part.
func splitText(b []byte, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case sep:
			out = append(out, unescape(b[start:i]))
			start = i + 1
		}
	}
	return append(out, unescape(b[start:]))
}
