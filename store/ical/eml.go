package ical

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Mail is a ready-to-send iMIP message (RFC 6047) carrying one calendar.
type Mail struct {
	From     model.FocalPoint   // our focal point: the calendar's ORGANIZER
	To       []model.FocalPoint // the partner's focal points
	Subject  string
	Text     string // the body; the HTML part is made from it
	Calendar []byte // the .ics, as written by WriteInvitation or WriteSeries
	Filename string // the attachment's name, e.g. invitation.ics
	Now      time.Time
}

// MethodOf returns the METHOD of a calendar (the first one met).
func MethodOf(cal []byte) Method {
	sc := bufio.NewScanner(bytes.NewReader(cal))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if len(l) > 7 && strings.EqualFold(l[:7], "METHOD:") {
			return Method(strings.ToUpper(strings.TrimSpace(l[7:])))
		}
		if strings.EqualFold(l, "BEGIN:VEVENT") {
			break
		}
	}
	return ""
}

// InvitationMail builds the message that carries an invitation's calendar:
// from our focal point to the partner's, with a subject and a text that
// say what it is.
func InvitationMail(r Invitation, cal []byte) Mail {
	m := r.Meeting
	when := m.StartDay().String()
	if end := m.EndDay(); end != m.StartDay() {
		when += " to " + end.String()
	}
	subject := "Invitation to attend as an observer: " + m.Title + " (" + when + ")"
	if r.ResolvedMethod() == Cancel {
		subject = "Cancelled: " + m.Title + " (" + when + ")"
	}
	var b strings.Builder
	b.WriteString(invitationText(&r))
	b.WriteString("\n\nWhen: ")
	if m.AllDay {
		b.WriteString(when)
	} else {
		loc := m.Location()
		b.WriteString(m.Start.In(loc).Format("Monday 2 January 2006, 15:04") + " to " + m.End.In(loc).Format("Monday 2 January 2006, 15:04") + " (" + m.Zone + ")")
	}
	if r.ResolvedMethod() == Cancel {
		b.WriteString("\n\nA calendar cancellation is attached: opening it removes the meeting from your calendar.")
	} else {
		b.WriteString("\n\nA calendar invitation is attached: opening it adds the meeting to your calendar.")
	}
	name := "invitation.ics"
	if r.ResolvedMethod() == Cancel {
		name = "cancellation.ics"
	}
	return Mail{From: r.Organizer, To: r.Attendees, Subject: subject, Text: b.String(), Calendar: cal, Filename: name, Now: r.Now}
}

func addressOf(f model.FocalPoint) string {
	return (&mail.Address{Name: f.Name, Address: f.Email}).String() // RFC 2047 encodes a non-ASCII name
}

// WriteEML writes the message as a draft that a mail client opens ready
// to send (X-Unsent: 1): multipart/mixed holding multipart/alternative
// (text/plain, text/html, and text/calendar with the calendar's own
// method, in base64) and the .ics as an attachment. The method parameter is
// read from the calendar, so that it always equals its METHOD (Outlook
// refuses a mismatch).
func WriteEML(w io.Writer, m Mail) error {
	method := MethodOf(m.Calendar)
	if method == "" {
		return model.Invalid("calendar", "the calendar has no METHOD: it cannot be sent as an iMIP message")
	}
	if err := checkAddress("from", m.From.Email); err != nil {
		return err
	}
	if len(m.To) == 0 {
		return model.Invalid("to", "no addressee")
	}
	to := make([]string, len(m.To))
	for i, f := range m.To {
		if err := checkAddress("to", f.Email); err != nil {
			return err
		}
		to[i] = addressOf(f)
	}
	if m.Filename == "" {
		m.Filename = "invitation.ics"
	}
	var head bytes.Buffer
	hdr := func(k, v string) { fmt.Fprintf(&head, "%s: %s\r\n", k, v) }
	hdr("X-Unsent", "1")
	hdr("From", addressOf(m.From))
	hdr("To", strings.Join(to, ",\r\n "))
	hdr("Subject", foldHeader(len("Subject: "), mime.QEncoding.Encode("utf-8", plainText(m.Subject))))
	hdr("Date", m.Now.Format(time.RFC1123Z))
	hdr("MIME-Version", "1.0")

	var body bytes.Buffer
	mixed := multipart.NewWriter(&body)
	hdr("Content-Type", "multipart/mixed;\r\n boundary=\""+mixed.Boundary()+`"`)
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\r\n"); err != nil {
		return err
	}

	var alt bytes.Buffer
	aw := multipart.NewWriter(&alt)
	qp := func(ctype, text string) error {
		pw, err := aw.CreatePart(textproto.MIMEHeader{"Content-Type": {ctype}, "Content-Transfer-Encoding": {"quoted-printable"}})
		if err != nil {
			return err
		}
		q := quotedprintable.NewWriter(pw)
		if _, err := io.WriteString(q, strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")); err != nil {
			return err
		}
		return q.Close()
	}
	if err := qp("text/plain; charset=UTF-8", m.Text); err != nil {
		return err
	}
	if err := qp("text/html; charset=UTF-8", htmlBody(m.Subject, m.Text)); err != nil {
		return err
	}
	if err := base64Part(aw, textproto.MIMEHeader{
		"Content-Type":              {`text/calendar; method=` + string(method) + `; charset=UTF-8`},
		"Content-Transfer-Encoding": {"base64"},
	}, m.Calendar); err != nil {
		return err
	}
	if err := aw.Close(); err != nil {
		return err
	}
	pw, err := mixed.CreatePart(textproto.MIMEHeader{"Content-Type": {"multipart/alternative;\r\n boundary=\"" + aw.Boundary() + `"`}})
	if err != nil {
		return err
	}
	if _, err := pw.Write(alt.Bytes()); err != nil {
		return err
	}
	name := mime.QEncoding.Encode("utf-8", m.Filename)
	if err := base64Part(mixed, textproto.MIMEHeader{
		"Content-Type":              {`application/ics; name="` + name + `"`},
		"Content-Disposition":       {`attachment; filename="` + name + `"`},
		"Content-Transfer-Encoding": {"base64"},
	}, m.Calendar); err != nil {
		return err
	}
	if err := mixed.Close(); err != nil {
		return err
	}
	_, err = w.Write(body.Bytes())
	return err
}

// foldHeader breaks a header value at spaces so that lines keep to about
// 78 characters (RFC 5322 §2.1.1, far below its limit of 998); used is what
// the line already holds. An encoded word (RFC 2047) is at most 75.
func foldHeader(used int, v string) string {
	var b strings.Builder
	n := used
	for i, w := range strings.Split(v, " ") {
		if i > 0 {
			if n+1+len(w) > 78 {
				b.WriteString("\r\n")
				n = 0
			}
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// plainText is a title as it goes into a letter or a mail header: one
// line of valid UTF-8 without control characters, quoted by nobody (a
// title with quotation marks keeps them as they are).
func plainText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return oneLine(s)
}

// base64Part writes data in base64, 76 characters a line.
func base64Part(mw *multipart.Writer, h textproto.MIMEHeader, data []byte) error {
	pw, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		if _, err := io.WriteString(pw, enc[:76]+"\r\n"); err != nil {
			return err
		}
		enc = enc[76:]
	}
	_, err = io.WriteString(pw, enc+"\r\n")
	return err
}

// htmlBody renders the text as simple HTML: paragraphs and line breaks.
func htmlBody(title, text string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(title) + "</title></head><body>\n")
	for _, para := range strings.Split(text, "\n\n") {
		b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(para), "\n", "<br>\n") + "</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}
