package model

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOnePolicyForMeetings: the limits that apply whatever way a meeting
// comes in (typed, given on the command line, imported).
func TestOnePolicyForMeetings(t *testing.T) {
	c := fixtureCatalog()
	cases := []struct {
		name, field, want string
		edit              func(m *Meeting)
	}{
		{"title over 4,000 characters", "title", "the limit is 4000", func(m *Meeting) { m.Title = strings.Repeat("é", 4001) }},
		{"invisible-only title", "title", "must not be empty", func(m *Meeting) { m.Title = "\u200b\u200d\ufeff \u2060\u00a0" }},
		{"title with a NUL", "title", "NUL", func(m *Meeting) { m.Title = "Con\x00ference" }},
		{"title not UTF-8", "title", "UTF-8", func(m *Meeting) { m.Title = "Conf\xe9rence" }},
		{"notes over 64 KiB", "notes", "64 KiB", func(m *Meeting) { m.Notes = strings.Repeat("x", MaxLongText+1) }},
		{"background not UTF-8", "background", "UTF-8", func(m *Meeting) { m.Background = "\xff" }},
		{"a year before 1900", "start", "outside the years 1900 to 2200", func(m *Meeting) {
			m.Start, m.End = m.Start.AddDate(-200, 0, 0), m.End.AddDate(-200, 0, 0)
		}},
		{"a year after 2200", "end", "outside the years", func(m *Meeting) { m.End = time.Date(2201, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"a whole-day meeting over a year", "end", "longest is one year", func(m *Meeting) {
			m.AllDay, m.FirstDay, m.LastDay = true, MustDate("2027-01-01"), MustDate("2028-01-02")
		}},
		{"a country code that is not ISO 3166-1", "country", "ISO 3166-1", func(m *Meeting) { m.Venue.Country = "ZZ" }},
		{"an area twice", "agenda[2].areas", `"Border security" is given twice`, func(m *Meeting) {
			m.Agenda[1].AreaIDs = []int64{areaBorder, areaBorder}
		}},
		{"an agenda item twice", "agenda[3]", "is item 2 again", func(m *Meeting) {
			m.Agenda[1].ID = 55
			m.Agenda = append(m.Agenda, m.Agenda[1])
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := conference(t)
			tc.edit(&m)
			assert.Contains(t, fieldProblem(t, m.Validate(c), tc.field), tc.want)
		})
	}
	m := conference(t)
	m.Title = strings.Repeat("é", 4000) // 8,000 bytes, 4,000 characters: allowed
	m.AllDay, m.FirstDay, m.LastDay = true, MustDate("2027-01-01"), MustDate("2027-12-31")
	m.Venue.Country = "XK"
	require.NoError(t, m.Validate(c))
	assert.Len(t, strings.Fields(countryCodes), 250, "249 official codes and XK")
}

func TestOnePolicyForConsultations(t *testing.T) {
	c := fixtureCatalog()
	cases := []struct {
		name, field, want string
		edit              func(s *ConsultationSeries)
	}{
		{"title over 4,000 characters", "title", "the limit is 4000", func(s *ConsultationSeries) { s.Title = strings.Repeat("x", 131000) }},
		{"invisible-only title", "title", "must not be empty", func(s *ConsultationSeries) { s.Title = "\u200b" }},
		{"INTERVAL=0", "rrule", "at least 1", func(s *ConsultationSeries) { s.RRule = "FREQ=MONTHLY;INTERVAL=0;BYDAY=3TU;COUNT=4" }},
		{"more than 1,000 occurrences", "rrule", "more than 1000", func(s *ConsultationSeries) {
			s.RRule = "FREQ=DAILY;COUNT=5000"
			s.Start = time.Date(2027, 3, 16, 10, 0, 0, 0, paris(t))
		}},
		{"no occurrence", "rrule", "gives no occurrence", func(s *ConsultationSeries) {
			s.RRule = "FREQ=MONTHLY;BYDAY=3TU;UNTIL=20270101T000000Z"
		}},
		{"start not the first occurrence", "start", "not a date of its rule", func(s *ConsultationSeries) {
			s.Start = time.Date(2025, 3, 10, 10, 0, 0, 0, paris(t)) // a Monday
			s.RRule = "FREQ=MONTHLY;BYDAY=2TU"
		}},
		{"held and cancelled", "occurrences[1]", "both held and cancelled", func(s *ConsultationSeries) {
			s.Occurrences = []Occurrence{{OriginalStart: s.Start, Held: true, Cancelled: true}}
		}},
		{"an agenda item twice", "occurrences[1].agenda[2]", "is item 1 again", func(s *ConsultationSeries) {
			s.Occurrences = []Occurrence{{OriginalStart: s.Start, Agenda: []AgendaItem{{ID: 3, Title: "Data"}, {ID: 3, Title: "Data"}}}}
		}},
		{"minutes over the cap", "occurrences[1].minutes", "the limit", func(s *ConsultationSeries) {
			s.Occurrences = []Occurrence{{OriginalStart: s.Start, Minutes: strings.Repeat("m", MaxLongText+1)}}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := quarterly(t)
			tc.edit(&s)
			assert.Contains(t, fieldProblem(t, s.Validate(c), tc.field), tc.want)
		})
	}
	s := quarterly(t)
	s.RRule = "FREQ=MONTHLY;BYDAY=3TU" // open-ended: allowed
	require.NoError(t, s.Validate(c))
}

func TestCleanTextForImport(t *testing.T) {
	s, notes := CleanText("DESCRIPTION", strings.Repeat("é", MaxLongText), MaxLongText)
	assert.LessOrEqual(t, len(s), MaxLongText)
	assert.True(t, strings.HasSuffix(s, "é"), "cut on a character boundary")
	require.Len(t, notes, 1)
	assert.Contains(t, notes[0], "cut to the limit of 64 KiB")

	s, notes = CleanText("SUMMARY", "Caf\xe9\x00 line\nbreak", MaxTitle)
	assert.Equal(t, "Caf\uFFFD line break", s)
	assert.Len(t, notes, 2)

	s, notes = CleanText("SUMMARY", "fine", MaxTitle)
	assert.Equal(t, "fine", s)
	assert.Empty(t, notes)

	assert.True(t, Blank("\u200b\u200c\u200d\u2060\ufeff\u00a0\u3000\t"))
	assert.False(t, Blank("\u200bA"))
	assert.ErrorIs(t, CheckArg(1, "a\x00b"), ErrInvalid)
	assert.ErrorIs(t, CheckArg(1, "\xff"), ErrInvalid)
	assert.NoError(t, CheckArg(1, "Genève"))
}

// TestReplyAnswersTheVersionSent: the invitation works out which version a
// reply answers.
func TestReplyAnswersTheVersionSent(t *testing.T) {
	t0 := time.Date(2027, 5, 1, 9, 0, 0, 0, time.UTC)
	inv := Invitation{ToOrgID: orgIOM, State: InvOwed}

	err := inv.RecordReply(Reply{At: t0, State: InvAccepted})
	require.ErrorIs(t, err, ErrInvalid, "a reply to an invitation never sent is refused")
	assert.Contains(t, err.Error(), "mark-sent --on D --via letter")
	assert.Empty(t, inv.History)

	require.NoError(t, inv.MarkSent(t0, 0, "ics"))
	require.NoError(t, inv.MarkSent(t0.Add(time.Hour), 1, "ics"))
	// Outlook's ACCEPTED to version 0 arrives after version 1 went out.
	require.NoError(t, inv.RecordReply(Reply{At: t0.Add(2 * time.Hour), State: InvAccepted, Sequence: 0, HasSequence: true, Comment: "See you in Lyon"}))
	assert.Equal(t, 0, inv.ReplySequence, "recorded as answering version 0")
	assert.Equal(t, InvSent, inv.State, "version 1 is not yet answered")
	assert.Equal(t, "See you in Lyon", inv.ReplyComment())
	assert.Contains(t, inv.History[len(inv.History)-1].Note, "version 1 is not yet answered")

	// A letter names no version: it answers the one last sent.
	require.NoError(t, inv.RecordReply(Reply{At: t0.Add(3 * time.Hour), State: InvDeclined}))
	assert.Equal(t, 1, inv.ReplySequence)
	assert.Equal(t, InvDeclined, inv.State)
	assert.Equal(t, "", inv.ReplyComment())

	// A reply naming a later version than sent answers the one sent.
	require.NoError(t, inv.RecordReply(Reply{At: t0.Add(4 * time.Hour), State: InvTentative, Sequence: 5, HasSequence: true}))
	assert.Equal(t, 1, inv.ReplySequence)
	assert.Equal(t, InvTentative, inv.State)

	// With versions 0 and 2 sent, a reply to 1 answers version 0.
	inv = Invitation{ToOrgID: orgIOM, State: InvOwed}
	require.NoError(t, inv.MarkSent(t0, 0, "ics"))
	require.NoError(t, inv.MarkSent(t0, 2, "ics"))
	v, err := inv.Answers(Reply{Sequence: 1, HasSequence: true})
	require.NoError(t, err)
	assert.Equal(t, 0, v)
}

func TestAlignStart(t *testing.T) {
	s := quarterly(t)
	s.Start = time.Date(2025, 3, 10, 10, 0, 0, 0, s.Location()) // a Monday
	s.RRule = "FREQ=MONTHLY;INTERVAL=6;BYDAY=2TU"
	s.AlignStart()
	assert.Equal(t, "2025-03-11 10:00", s.Start.Format("2006-01-02 15:04"))
	require.NoError(t, s.Validate(fixtureCatalog()))
}

func TestWallTimeRepeatedHourIsTheFirst(t *testing.T) {
	loc := paris(t)
	got := WallTime(2027, 10, 31, 2, 30, 0, loc)
	assert.Equal(t, "2027-10-31T00:30:00Z", got.UTC().Format(time.RFC3339), "02:30 CEST, the first of the two")
	got = WallTime(2027, 3, 28, 2, 30, 0, loc) // in the gap: the offset before it
	assert.Equal(t, "2027-03-28T01:30:00Z", got.UTC().Format(time.RFC3339))
	got = WallTime(2027, 7, 1, 10, 0, 0, loc)
	assert.Equal(t, "2027-07-01T08:00:00Z", got.UTC().Format(time.RFC3339))
	w, err := ParseWallTime("start", "2027-10-31T02:30", "Europe/Paris")
	require.NoError(t, err)
	assert.Equal(t, "2027-10-31T00:30:00Z", w.UTC().Format(time.RFC3339))
}

func TestOnePolicyForTheRest(t *testing.T) {
	o := Organization{Acronym: "IOM", Name: "\u200b", Zone: "Europe/Geneva"}
	assert.Contains(t, fieldProblem(t, o.Validate(), "name"), "must not be empty")
	fp := FocalPoint{OrgID: 1, Name: "Ana", Email: "ana@iom.int", From: Date{1800, 1, 1}}
	assert.Contains(t, fieldProblem(t, fp.Validate(), "from"), "outside the years 1900 to 2200")
	fp = FocalPoint{OrgID: 1, Name: strings.Repeat("a", MaxTitle+1), Email: "ana@iom.int"}
	assert.Contains(t, fieldProblem(t, fp.Validate(), "name"), "the limit is 4000")

	inv := Invitation{State: InvOwed}
	assert.ErrorIs(t, inv.MarkSent(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), 0, "letter"), ErrInvalid)
	assert.ErrorIs(t, inv.MarkSent(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 0, "let\x00ter"), ErrInvalid)
	require.NoError(t, inv.MarkSent(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 0, "letter"))
	assert.ErrorIs(t, inv.RecordReply(Reply{At: time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC), State: InvAccepted}), ErrInvalid)
	assert.ErrorIs(t, inv.Waive(time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC), "\u200b "), ErrInvalid)
}
