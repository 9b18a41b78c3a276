package model

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The one size and validity policy for what a user types in the app, gives
// on the command line, or imports from a partner's file. Typed or given
// values that break it are refused (Validate, CheckText); imported values
// are repaired with a note (CleanText), never stored as they came.
const (
	// MaxTitle is the longest title, name or agenda item, in characters.
	MaxTitle = 4000
	// MaxLongText is the longest free text (background, notes, minutes,
	// a reply's comment), in bytes: 64 KiB, some twenty pages.
	MaxLongText = 64 << 10
	// MinYear and MaxYear bound every date and time: a year outside is a
	// typing error or a corrupt file.
	MinYear, MaxYear = 1900, 2200
	// MaxAllDayDays is the longest whole-day meeting: one year.
	MaxAllDayDays = 366
	// MaxOccurrences is the most occurrences a consultation series with an
	// end (COUNT or UNTIL) may have.
	MaxOccurrences = 1000
)

// TextProblem says what is wrong with a text for the policy, or "" when
// nothing is: invalid UTF-8, a NUL or other control character (tabs and
// line ends are allowed only when multiline), or more than max (characters
// when max is MaxTitle or smaller, else bytes).
func TextProblem(s string, max int, multiline bool) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8 text"
	}
	for i, r := range s {
		if r == 0 {
			return fmt.Sprintf("holds a NUL character (at byte %d)", i)
		}
		if isControl(r, multiline) {
			return fmt.Sprintf("holds the control character U+%04X (at byte %d)", r, i)
		}
	}
	if max <= MaxTitle {
		if n := utf8.RuneCountInString(s); n > max {
			return fmt.Sprintf("is %d characters long; the limit is %d", n, max)
		}
	} else if len(s) > max {
		return fmt.Sprintf("is %d bytes long; the limit is %d (%d KiB)", len(s), max, max>>10)
	}
	return ""
}

func isControl(r rune, multiline bool) bool {
	if r == '\t' || (multiline && (r == '\n' || r == '\r')) {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// CheckText refuses a typed or given text that breaks the policy: a
// title-sized max refuses line ends too.
func CheckText(field, s string, max int) error {
	if p := TextProblem(s, max, max > MaxTitle); p != "" {
		return Invalid(field, "%s", p)
	}
	return nil
}

// CheckArg refuses a command-line argument that is not valid UTF-8 or holds
// a NUL: what the shell passes is never read as something else.
func CheckArg(i int, s string) error {
	if !utf8.ValidString(s) {
		return Invalid("arguments", "argument %d is not valid UTF-8 text: give it in UTF-8 (a file name too: rename the file)", i)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return Invalid("arguments", "argument %d holds a NUL character", i)
	}
	return nil
}

// CleanText repairs an imported text to fit the policy: invalid UTF-8
// becomes U+FFFD, NUL and control characters go, and a text over max is
// cut at a character boundary. It returns what it did, for the import
// summary, naming field; nothing when the text was already fine.
func CleanText(field, s string, max int) (string, []string) {
	multiline := max > MaxTitle
	if TextProblem(s, max, multiline) == "" {
		return s, nil
	}
	var notes []string
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		notes = append(notes, field+" is not valid UTF-8: the unreadable bytes are shown as �")
	}
	ctl := 0
	s = strings.Map(func(r rune) rune {
		if r == 0 || isControl(r, multiline) {
			ctl++
			if !multiline && (r == '\n' || r == '\r') {
				return ' '
			}
			return -1
		}
		return r
	}, s)
	if ctl > 0 {
		notes = append(notes, fmt.Sprintf("%s held %d NUL, control or line-break characters: removed (a line break in a one-line text became a space)", field, ctl))
	}
	if max <= MaxTitle {
		if n := utf8.RuneCountInString(s); n > max {
			cut := 0
			for k := 0; k < max && cut < len(s); k++ {
				_, w := utf8.DecodeRuneInString(s[cut:])
				cut += w
			}
			s = s[:cut]
			notes = append(notes, fmt.Sprintf("%s was %d characters long: cut to the limit of %d", field, n, max))
		}
	} else if len(s) > max {
		n := len(s)
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
		notes = append(notes, fmt.Sprintf("%s was %d bytes long: cut to the limit of %d KiB", field, n, max>>10))
	}
	return s, notes
}

// Blank reports whether a text shows nothing: empty, or only spaces and
// invisible characters (zero-width spaces and joiners, the byte-order mark,
// format and control characters, variation selectors). Such a title is
// empty.
func Blank(s string) bool {
	for _, r := range s {
		if !invisible(r) {
			return false
		}
	}
	return true
}

func invisible(r rune) bool {
	switch {
	case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Cc, r),
		r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, // variation selectors
		r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0, // Hangul fillers
		r == 0x2800,               // braille blank
		unicode.Is(unicode.Mn, r): // a combining mark on nothing
		return true
	}
	return false
}

// checkTitle checks a title (or a name) for v: not blank, within MaxTitle,
// valid text.
func (v *validator) title(field, s string) {
	if Blank(s) {
		v.add(field, "must not be empty")
		return
	}
	if p := TextProblem(s, MaxTitle, false); p != "" {
		v.add(field, "%s", p)
	}
}

// long checks a free text for v.
func (v *validator) long(field, s string) {
	if p := TextProblem(s, MaxLongText, true); p != "" {
		v.add(field, "%s", p)
	}
}

// DateInRange reports whether d lies between MinYear and MaxYear.
func DateInRange(d Date) bool { return d.Year >= MinYear && d.Year <= MaxYear }

// CheckDate refuses a date outside MinYear..MaxYear.
func CheckDate(field string, d Date) error {
	if !d.IsZero() && !DateInRange(d) {
		return Invalid(field, "%s is outside the years %d to %d", d, MinYear, MaxYear)
	}
	return nil
}

// date checks, for v, that a date (or an instant) lies in MinYear..MaxYear.
func (v *validator) date(field string, d Date) {
	if err := CheckDate(field, d); err != nil {
		v.fields = append(v.fields, err.(*FieldError))
	}
}

func (v *validator) instant(field string, t time.Time) {
	if !t.IsZero() {
		v.date(field, DateOf(t.UTC()))
	}
}

// texts checks a meeting's names and free texts against the policy.
func (v *validator) texts(m *Meeting) {
	for _, f := range []struct{ name, s string }{
		{"venue", m.Venue.Name}, {"address", m.Venue.Address}, {"city", m.Venue.City}, {"online", m.Venue.OnlineURL},
	} {
		if p := TextProblem(f.s, MaxTitle, false); p != "" {
			v.add(f.name, "%s", p)
		}
	}
	v.long("exclusion_reason", m.ExclusionReason)
	v.long("background", m.Background)
	v.long("notes", m.Notes)
	for i, mk := range m.InterestMarks {
		v.long(fieldIdx("interest_marks", i)+".note", mk.Note)
	}
}

// repeatedAreas reports an area named twice in one list, by name.
func (v *validator) repeatedAreas(c *Catalog, field string, ids []int64) {
	seen := make(map[int64]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			name := fmt.Sprintf("area %d", id)
			if _, ar := c.AreaOf(id); ar != nil {
				name = fmt.Sprintf("%q", ar.Name)
			}
			v.add(field, "%s is given twice; name each area once", name)
			return
		}
		seen[id] = true
	}
}

// repeatedItems reports a stored agenda item given twice in one agenda
// (the same item, by its ID), which the database would refuse.
func (v *validator) repeatedItems(field string, items []AgendaItem) {
	seen := make(map[int64]int, len(items))
	for i, it := range items {
		if it.ID == 0 {
			continue
		}
		if j, ok := seen[it.ID]; ok {
			v.add(fieldIdx(field, i), "the agenda item %q is item %d again; give each item once", clipText(it.Title), j+1)
			return
		}
		seen[it.ID] = i
	}
}

func clipText(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	n := 0
	for i := range s {
		if n == 60 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
