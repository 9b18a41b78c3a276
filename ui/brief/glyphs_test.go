package brief

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"testing"

	"github.com/liaison-app/liaison/model"
)

// hostile is text a partner's calendar may bring in: an emoji and other
// characters beyond the Basic Multilingual Plane, control characters, and
// characters of the BMP that DejaVu Sans has no glyph for.
var hostile = []string{
	"Genève 😀",
	"𝔊𝔢𝔫𝔢𝔳𝔞 \U0010FFFF \U000E0001",
	"bell\a nul\x00 del\x7f c1\u0085 \u200b\u202e",
	"CJK 日本語 한국어 \uE000 \uFFFE \uFFFF",
	"\xff\xfe broken UTF-8",
}

// withHostileText puts s everywhere a partner's file or an officer may put
// text in a meeting: title, venue, agenda, notes.
func withHostileText(m *model.Meeting, s string) {
	m.Title = m.Title + " " + s
	m.Venue.Name, m.Venue.City, m.Venue.Address = s, s, s
	m.Background, m.Notes, m.ExclusionReason = s, s, s
	m.Agenda = append(m.Agenda, model.AgendaItem{Title: s})
}

// An emoji in a venue city made every briefing pack that covers it panic
// in fpdf (index out of range [65536]); the meeting and consultation briefs
// share the same paths.
func TestBriefsSetTextTheFontCannotDraw(t *testing.T) {
	for _, s := range hostile {
		pk := pack(t, 3)
		for i := range pk.Meetings {
			m := *pk.Meetings[i].Meeting
			withHostileText(&m, s)
			pk.Meetings[i].Meeting = &m
		}
		cb := pk.Consultations[0]
		in := *cb.Instance
		in.Venue.City, in.Venue.Name = s, s
		cb.Instance = &in
		pk.Consultations[0] = cb
		var buf bytes.Buffer
		if err := WritePack(&buf, pk, Options{}); err != nil {
			t.Fatalf("pack with %q: %v", s, err)
		}
		buf.Reset()
		if err := WriteMeeting(&buf, pk.Meetings[0], Options{}); err != nil {
			t.Fatalf("meeting brief with %q: %v", s, err)
		}
		buf.Reset()
		if err := WriteConsultation(&buf, cb, Options{}); err != nil {
			t.Fatalf("consultation brief with %q: %v", s, err)
		}
	}
}

func TestDrawableKnowsTheFont(t *testing.T) {
	for _, r := range []rune{'😀', 0x10FFFF, 0xE000, 0xFFFF, 0xFFFE, '日', 0x0085, 0x0007, 0xD800} {
		if drawable(r) {
			t.Errorf("%U is said to be drawable by DejaVu Sans", r)
		}
	}
	for _, r := range []rune{'a', 'é', 'ñ', '«', '’', '–', '…', '€', 'Ж', 'α', '•', '·', fallback} {
		if !drawable(r) {
			t.Errorf("%U (%c) is said not to be drawable by DejaVu Sans", r, r)
		}
	}
	got := clean("Genève 😀 日 a\x01b \xff")
	if want := "Genève ? ? ab ?"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
}

// planes spreads the fuzzer's bytes over every plane of Unicode: each three
// bytes are one code point modulo U+10FFFF, so that emoji, the
// supplementary planes, private use and unassigned code points come up as
// often as Latin letters.
func planes(b []byte) string {
	var rs []rune
	for len(b) >= 3 {
		rs = append(rs, (rune(b[0])<<16|rune(b[1])<<8|rune(b[2]))%0x110000)
		b = b[3:]
	}
	return string(rs)
}

// Whatever characters a partner's calendar or an officer's keyboard brings,
// the meeting brief, the consultation brief and the briefing pack are made:
// no panic, no error, and only characters the font can draw are set.
func FuzzBriefsAllPlanes(f *testing.F) {
	f.Add([]byte("Genève 😀"), []byte{0x01, 0xF6, 0x00, 0x00, 0xE0, 0x00, 0x10, 0xFF, 0xFF})
	f.Add([]byte("\x00\a\t\r\n\u202e\xff"), []byte("日本語"))
	base := pack(f, 1)
	f.Fuzz(func(t *testing.T, raw, cps []byte) {
		s := string(raw) + " " + planes(cps)
		if c := clean(s); !utf8.ValidString(c) || strings.ContainsFunc(c, func(r rune) bool { return r != '\n' && !drawable(r) }) {
			t.Fatalf("clean(%q) = %q keeps what the font cannot draw", s, c)
		}
		pk := base
		pk.Meetings = slices.Clone(base.Meetings)
		m := *pk.Meetings[0].Meeting
		m.Agenda = slices.Clone(m.Agenda)
		withHostileText(&m, s)
		pk.Meetings[0].Meeting = &m
		cb := pk.Consultations[0]
		in := *cb.Instance
		in.Venue.City, in.Venue.Name = s, s
		cb.Instance = &in
		pk.Consultations = []ConsultationBrief{cb}
		var buf bytes.Buffer
		for what, write := range map[string]func() error{
			"meeting brief":      func() error { return WriteMeeting(&buf, pk.Meetings[0], Options{}) },
			"consultation brief": func() error { return WriteConsultation(&buf, cb, Options{}) },
			"briefing pack":      func() error { return WritePack(&buf, pk, Options{}) },
		} {
			buf.Reset()
			if err := write(); err != nil {
				t.Fatalf("%s with %q: %v", what, s, err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
				t.Fatalf("%s with %q is not a PDF", what, s)
			}
		}
	})
}
