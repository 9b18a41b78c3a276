package brief

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/liaison-app/liaison/model"
)

// clean makes text safe to set: fpdf's width tables stop at U+FFFF,
// control characters have no glyph, and a character the embedded fonts
// lack (an emoji, a CJK ideograph, invalid UTF-8) would panic or print as
// nothing: each becomes the fallback mark. Line breaks are kept, tabs
// become spaces. Every string that reaches fpdf has been through clean.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r == '\r' || r == '\t' || (r != '\n' && !drawable(r)) || r == unicode.ReplacementChar {
			ok = false
			break
		}
	}
	if ok {
		return strings.TrimSpace(s)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString("    ")
		case r == '\r':
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r):
		case r == unicode.ReplacementChar || !drawable(r):
			b.WriteRune(fallback)
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// oneLine is clean text on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// clip cuts s to at most n runes, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// longDate is "Tuesday 14 April 2026".
func longDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.In(time.UTC).Format("Monday 2 January 2006")
}

// daySpan is the days of a whole-day meeting.
func daySpan(first, last model.Date) string {
	if last.IsZero() || last == first {
		return longDate(first) + " (whole day)"
	}
	n := first.DaysUntil(last) + 1
	return fmt.Sprintf("%s – %s (%d whole days)", longDate(first), longDate(last), n)
}

// timeSpan is the start and end of a timed meeting read in loc, with the
// zone's abbreviation: "Tuesday 14 April 2026, 09:30–17:00 CEST".
func timeSpan(start, end time.Time, loc *time.Location) string {
	s, e := start.In(loc), end.In(loc)
	const day = "Monday 2 January 2006"
	if model.DateOf(s) == model.DateOf(e) || e.Sub(s) <= 0 {
		if zoneAbbr(e) != zoneAbbr(s) {
			return fmt.Sprintf("%s, %s %s – %s %s", s.Format(day), s.Format("15:04"), zoneAbbr(s), e.Format("15:04"), zoneAbbr(e))
		}
		return fmt.Sprintf("%s, %s–%s %s", s.Format(day), s.Format("15:04"), e.Format("15:04"), zoneAbbr(s))
	}
	return fmt.Sprintf("%s, %s %s – %s, %s %s", s.Format(day), s.Format("15:04"), zoneAbbr(s), e.Format(day), e.Format("15:04"), zoneAbbr(e))
}

// zoneAbbr is the zone's abbreviation at t (CEST), or its offset from UTC
// where the zone has no abbreviation (UTC−03:00, not a bare "-03").
func zoneAbbr(t time.Time) string {
	a := t.Format("MST")
	if a != "" && a[0] != '+' && a[0] != '-' {
		return a
	}
	return "UTC" + strings.Replace(t.Format("-07:00"), "-", "−", 1)
}

// stamp is an instant as a date and time in loc.
func stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return t.Format("2006-01-02 15:04 ") + zoneAbbr(t)
}

// capital upper-cases the first letter and turns dashes into spaces:
// "joint-activity" → "Joint activity".
func capital(s string) string {
	s = strings.ReplaceAll(s, "-", " ")
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// orgName is "IOM — International Organization for Migration".
func orgName(c *model.Catalog, id int64) string {
	o := c.Org(id)
	if o == nil {
		return c.Acronym(id)
	}
	if o.Name == "" || o.Name == o.Acronym {
		return o.Acronym
	}
	return o.Acronym + " — " + o.Name
}

// agreementName is an agreement's short name, or its title.
func agreementName(g *model.Agreement) string {
	if g == nil {
		return ""
	}
	if g.ShortName != "" {
		return g.ShortName
	}
	return g.Title
}

// obligationLabel says in words, capitals for what needs action, what the
// Article 2 rule concluded: the words carry the meaning, not a colour.
func obligationLabel(s model.ObligationState) string {
	switch s {
	case model.Overdue:
		return "OVERDUE — action needed"
	case model.DueSoon:
		return "DUE SOON — action needed"
	case model.UpdateOwed:
		return "UPDATE OWED — action needed"
	case model.Review:
		return "REVIEW — an officer must decide"
	case model.Owed:
		return "Owed — not yet sent"
	case model.Sent:
		return "Sent — awaiting a reply"
	case model.NoReply:
		return "No reply"
	case model.NotOwed:
		return "Not owed"
	}
	return capital(s.String())
}

// replyLabel says what the record shows of the partner's answer.
func replyLabel(inv *model.Invitation, loc *time.Location) string {
	switch {
	case inv == nil:
		return "No invitation recorded"
	case inv.State == model.InvWaived:
		return join(": ", "Waived", inv.WaiveReason)
	case inv.State.IsReply():
		s := capital(string(inv.State))
		if !inv.RepliedAt.IsZero() {
			s += fmt.Sprintf(" on %s, answering version %d", stamp(inv.RepliedAt, loc), inv.ReplySequence)
		}
		return s
	case inv.State == model.InvNoReply:
		return "Closed without a reply"
	case inv.SentAt.IsZero():
		return "Not sent yet"
	}
	return "No reply yet"
}

// actionLine is an action item: what, who, by when, and whether it is late.
func actionLine(c *model.Catalog, a model.ActionItem, today model.Date) (text, detail string) {
	detail = "Owner: " + c.Acronym(a.OwnerOrg)
	switch {
	case a.Done:
		detail += " · done " + a.DoneOn.String()
	case a.Due.IsZero():
		detail += " · no due date"
	case a.Due.Before(today):
		detail += " · due " + longDate(a.Due) + " — OVERDUE"
	default:
		detail += " · due " + longDate(a.Due)
	}
	return a.Text, detail
}
