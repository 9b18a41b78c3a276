package ical

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
)

func officeRecord() Record {
	loc, _ := model.LoadZone("Europe/Paris")
	return Record{UID: "r1@liaison", Kind: "meeting", Summary: "Working group; travel, documents", Location: "Lyon",
		Start: time.Date(2027, 3, 9, 9, 30, 0, 0, loc), End: time.Date(2027, 3, 9, 17, 0, 0, 0, loc), Zone: "Europe/Paris",
		Status: "CONFIRMED", Class: "CONFIDENTIAL", Categories: []string{"Travel document fraud"}, Sequence: 2,
		Modified: time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC),
		Fields:   []Field{{"TITLE", "Working group; travel, documents"}, {"NOTES", "Line one\nline two, with \\ and ; " + strings.Repeat("é", 80)}}}
}

func TestRecordRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRecord(&b, officeRecord()); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, want := range []string{"DTSTART;TZID=Europe/Paris:20270309T093000", "BEGIN:VTIMEZONE", "X-LIAISON-RECORD:meeting", "CATEGORIES:Travel document fraud"} {
		if !strings.Contains(text, want) {
			t.Errorf("the resource lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "METHOD:") {
		t.Error("a CalDAV resource must not carry METHOD")
	}
	got, err := ReadRecord(strings.NewReader(text), "r1.ics", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := officeRecord()
	if got.UID != want.UID || got.Kind != want.Kind || got.Summary != want.Summary || got.Sequence != 2 || len(got.Fields) != 2 {
		t.Fatalf("read back %+v", got)
	}
	for i, f := range want.Fields {
		if got.Fields[i] != f {
			t.Errorf("field %d: got %q, want %q", i, got.Fields[i], f)
		}
	}
}

func TestRecordRefusals(t *testing.T) {
	r := officeRecord()
	r.Fields = append(r.Fields, Field{"bad name", "x"})
	if err := WriteRecord(&bytes.Buffer{}, r); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a bad field name: %v", err)
	}
	for name, text := range map[string]string{
		"truncated":   "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nX-LIAISON-RECORD:meeting\r\n",
		"not ours":    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"bad nesting": "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\n",
		"no uid":      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nX-LIAISON-RECORD:meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	} {
		_, err := ReadRecord(strings.NewReader(text), name+".ics", 1<<20)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.File != name+".ics" {
			t.Errorf("%s: %v, want a ParseError naming the file", name, err)
		}
	}
}

// FuzzReadRecord feeds the office calendar's reader arbitrary bytes: it
// never panics, and refuses with a ParseError naming the resource.
func FuzzReadRecord(f *testing.F) {
	var b bytes.Buffer
	if err := WriteRecord(&b, officeRecord()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	b.Reset()
	if err := WriteTodo(&b, Todo{UID: "t1", RelatedTo: "r1@liaison", Summary: "Circulate", Modified: time.Now()}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := readRecord(bytes.NewReader(data), "fuzz.ics", 1<<20)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.ics" {
				t.Fatalf("refusal without the resource's name: %v", err)
			}
			return
		}
		if rec.UID == "" || rec.Kind == "" {
			t.Fatalf("accepted a record without UID or kind: %+v", rec)
		}
	})
}
