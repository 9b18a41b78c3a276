package main

import (
	"bufio"
	"io"
	"strconv"
	"unicode/utf8"
)

// writeObligationsJSON writes views as writeJSON would (an indented JSON
// array, byte for byte what encoding/json writes), without reflection:
// `liaison obligations --json` may print 50,000 answers, and indenting
// what json.Marshal made took a fifth of the command's time.
func writeObligationsJSON(w io.Writer, views []obligationView) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if len(views) == 0 {
		bw.WriteString("[]\n")
		return bw.Flush()
	}
	b := make([]byte, 0, 1024)
	bw.WriteString("[\n")
	for i := range views {
		v := &views[i]
		b = append(b[:0], "  {\n    \"meeting_id\": "...)
		b = strconv.AppendInt(b, v.MeetingID, 10)
		b = appendField(b, "meeting_title", v.MeetingTitle)
		b = appendField(b, "meeting_start", v.MeetingStart)
		b = appendField(b, "agreement", v.Agreement)
		b = appendField(b, "owed_by", v.OwedBy)
		b = appendField(b, "owed_to", v.OwedTo)
		b = append(b, ",\n    \"incoming\": "...)
		b = strconv.AppendBool(b, v.Incoming)
		b = appendField(b, "article", v.Article)
		b = appendField(b, "state", v.State)
		b = appendField(b, "due", v.Due)
		if v.LeadDays != 0 {
			b = append(b, ",\n    \"lead_days\": "...)
			b = strconv.AppendInt(b, int64(v.LeadDays), 10)
		}
		b = appendField(b, "reason", v.Reason)
		b = append(b, "\n  }"...)
		if i < len(views)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

func appendField(b []byte, name, value string) []byte {
	b = append(b, ",\n    \""...)
	b = append(b, name...)
	b = append(b, "\": "...)
	return appendJSONString(b, value)
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does by default: HTML
// characters, U+2028 and U+2029 escaped, invalid UTF-8 replaced.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
