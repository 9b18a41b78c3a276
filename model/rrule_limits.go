package model

import (
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
)

// checkOccurrences applies the recurrence policy to a series whose rule
// parsed: INTERVAL at least 1; a rule with an end (COUNT or UNTIL) yields
// between one and MaxOccurrences occurrences; an open rule yields at least
// one before MaxYear; and the series' start is its first occurrence, as
// RFC 5545 asks (calcurse and others refuse a series whose DTSTART the
// rule does not give).
func (s *ConsultationSeries) checkOccurrences(r *rrule.RRule) error {
	parts := ruleParts(s.RRule)
	if iv, ok := parts["INTERVAL"]; ok {
		if n, err := strconv.Atoi(iv); err != nil || n < 1 {
			return Invalid("rrule", "INTERVAL=%s: the interval must be a whole number, at least 1", iv)
		}
	}
	loc := s.Location()
	start := s.Start.In(loc)
	limit := time.Date(MaxYear, 12, 31, 23, 59, 59, 0, loc)
	_, hasCount := parts["COUNT"]
	_, hasUntil := parts["UNTIL"]
	next := r.Iterator()
	first, ok := next()
	if !ok || first.After(limit) {
		return Invalid("rrule", "the rule %s gives no occurrence from %s: check its days, COUNT and UNTIL", s.RRule, start.Format("2006-01-02 15:04"))
	}
	if !first.Equal(start) {
		return Invalid("start", "the series starts on %s, which is not a date of its rule %s: start it on its first occurrence, %s",
			start.Format("Monday 2006-01-02 15:04"), s.RRule, first.Format("Monday 2006-01-02 15:04"))
	}
	if hasCount || hasUntil {
		n := 1
		for {
			t, ok := next()
			if !ok || t.After(limit) {
				break
			}
			n++
			if n > MaxOccurrences {
				return Invalid("rrule", "the rule %s gives more than %d occurrences: shorten it (COUNT or UNTIL) or make several series", s.RRule, MaxOccurrences)
			}
		}
	}
	return nil
}

func ruleParts(rule string) map[string]string {
	parts := map[string]string{}
	for _, kv := range strings.Split(strings.TrimPrefix(strings.TrimSpace(rule), "RRULE:"), ";") {
		k, val, _ := strings.Cut(kv, "=")
		parts[strings.ToUpper(strings.TrimSpace(k))] = strings.ToUpper(strings.TrimSpace(val))
	}
	return parts
}

// AlignStart moves the series' start to the first date its rule gives on
// or after it (keeping the time of day), so that the start is the first
// occurrence. It changes nothing when the rule cannot be read or gives no
// date.
func (s *ConsultationSeries) AlignStart() {
	r, err := s.Rule()
	if err != nil {
		return
	}
	if t, ok := r.Iterator()(); ok {
		s.Start = t
	}
}
