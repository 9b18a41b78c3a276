package ical

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-app/liaison/model"
)

// part is one leaf of a parsed message.
type part struct {
	ctype  string
	params map[string]string
	disp   string
	body   []byte
}

func walk(t *testing.T, ctype string, body io.Reader, out *[]part, path *[]string) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		t.Fatalf("content type %q: %v", ctype, err)
	}
	*path = append(*path, mt)
	if !strings.HasPrefix(mt, "multipart/") {
		*out = append(*out, part{ctype: mt, params: params, body: mustRead(t, body)})
		return
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = p
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			r = base64.NewDecoder(base64.StdEncoding, p)
		} else if p.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
			r = quotedprintable.NewReader(p)
		}
		n := len(*out)
		walk(t, p.Header.Get("Content-Type"), r, out, path)
		if len(*out) > n {
			(*out)[len(*out)-1].disp = p.Header.Get("Content-Disposition")
		}
	}
	*path = append(*path, "/"+mt)
}

func mustRead(t *testing.T, r io.Reader) []byte {
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEMLIsADraftWithTheCalendarInside(t *testing.T) {
	for _, m := range []*model.Meeting{timedMeeting(), func() *model.Meeting {
		c := timedMeeting()
		c.Title = strings.Repeat("Réunion du groupe de travail sur les documents de voyage ", 20)
		c.Status, c.Sequence = model.StatusCancelled, 3
		return c
	}()} {
		r := invitation(m)
		cal := writeInv(t, r)
		var b bytes.Buffer
		if err := WriteEML(&b, InvitationMail(r, cal)); err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(b.String(), "\r\n") {
			if len(l) > 998 || (i < 12 && len(l) > 90) {
				t.Errorf("line %d is %d characters long: %.80s", i+1, len(l), l)
			}
		}
		if len(m.Title) > 100 && !strings.Contains(b.String(), "?=\r\n =?utf-8?q?") {
			t.Error("a long subject is not folded")
		}
		msg, err := mail.ReadMessage(&b)
		if err != nil {
			t.Fatal(err)
		}
		if msg.Header.Get("X-Unsent") != "1" {
			t.Error("X-Unsent: 1 missing: the mail client would not open it as a draft")
		}
		from, err := mail.ParseAddress(msg.Header.Get("From"))
		if err != nil || from.Address != organizer().Email || from.Name != organizer().Name {
			t.Errorf("From %v (%v), want the ORGANIZER", from, err)
		}
		to, err := msg.Header.AddressList("To")
		if err != nil || len(to) != 2 || to[0].Address != "jmuller@iom.int" || to[1].Name != `Smith, "Kim"` {
			t.Errorf("To %v (%v)", to, err)
		}
		dec := new(mime.WordDecoder)
		if subj, err := dec.DecodeHeader(msg.Header.Get("Subject")); err != nil || !strings.Contains(subj, m.Title) {
			t.Errorf("Subject %q (%v)", subj, err)
		}
		var parts []part
		var path []string
		walk(t, msg.Header.Get("Content-Type"), msg.Body, &parts, &path)
		want := "multipart/mixed multipart/alternative text/plain text/html text/calendar /multipart/alternative application/ics /multipart/mixed"
		if got := strings.Join(path, " "); got != want {
			t.Errorf("structure\n got %s\nwant %s", got, want)
		}
		method := string(r.ResolvedMethod())
		for _, p := range parts {
			switch p.ctype {
			case "text/calendar":
				if p.params["method"] != method || !strings.EqualFold(p.params["charset"], "UTF-8") {
					t.Errorf("text/calendar parameters %v, want method=%s", p.params, method)
				}
				if !bytes.Equal(p.body, cal) {
					t.Error("the calendar part differs from the calendar")
				}
			case "application/ics":
				if !strings.HasPrefix(p.disp, "attachment") || !bytes.Equal(p.body, cal) {
					t.Errorf("attachment %q", p.disp)
				}
			case "text/plain":
				if method == "REQUEST" && !strings.Contains(string(p.body), "Art. 2.1") {
					t.Error("the text does not cite the article")
				}
			}
		}
	}
}

func TestEMLMethodFollowsTheCalendar(t *testing.T) {
	var b bytes.Buffer
	cal := []byte("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n")
	if err := WriteEML(&b, Mail{From: organizer(), To: partners(), Subject: "x", Calendar: cal, Now: now}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "text/calendar; method=PUBLISH;") {
		t.Error("the method parameter does not follow the calendar's METHOD")
	}
	if err := WriteEML(&b, Mail{From: organizer(), To: partners(), Calendar: []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), Now: now}); err == nil {
		t.Error("a calendar without METHOD was sent")
	}
}

// TestPythonEmailReadsTheMessage reads the .eml with Python's email
// package, one more mail reader than Go's.
func TestPythonEmailReadsTheMessage(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, m := range []*model.Meeting{timedMeeting(), conference()} {
		r := invitation(m)
		if i == 1 {
			m.Status, m.Sequence = model.StatusCancelled, 1
		}
		var b bytes.Buffer
		if err := WriteEML(&b, InvitationMail(r, writeInv(t, r))); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("m%d.eml", i))
		if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out, err := validator(t, append([]string{python, filepath.Join("testdata", "eml_check.py")}, paths...)...)
	if err != nil {
		t.Fatal(err)
	}
	var got []struct {
		XUnsent        string   `json:"x_unsent"`
		From           string   `json:"from"`
		To             []string `json:"to"`
		Structure      []string `json:"structure"`
		MethodParam    string   `json:"method_param"`
		Method         string   `json:"method"`
		AttachmentSame bool     `json:"attachment_same"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := "multipart/mixed multipart/alternative text/plain text/html text/calendar application/ics"
	for i, g := range got {
		if g.XUnsent != "1" || !strings.Contains(g.From, "a.lefevre@interpol.int") || len(g.To) != 2 ||
			strings.Join(g.Structure, " ") != want || g.MethodParam != g.Method || !g.AttachmentSame {
			t.Errorf("message %d as Python reads it: %+v", i, g)
		}
	}
	if len(got) != 2 || got[0].Method != "REQUEST" || got[1].Method != "CANCEL" {
		t.Errorf("methods: %+v", got)
	}
}
