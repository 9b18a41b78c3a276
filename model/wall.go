package model

import "time"

// WallTime returns the instant a local wall clock time names in loc. A
// time in the hour repeated when the clocks go back is its first
// occurrence (RFC 5545 §3.3.5), which time.Date does not promise; a time
// in the hour skipped when they go forward is read with the offset before
// the gap (also RFC 5545), as time.Date does.
func WallTime(y int, mo time.Month, d, h, mi, s int, loc *time.Location) time.Time {
	t := time.Date(y, mo, d, h, mi, s, 0, loc)
	_, off := t.Zone()
	// An earlier instant with the same wall clock exists when the offset
	// a few hours before was larger (the clocks went back in between).
	_, before := t.Add(-6 * time.Hour).Zone()
	if before > off {
		e := t.Add(-time.Duration(before-off) * time.Second)
		if ey, em, ed := e.Date(); ey == y && em == mo && ed == d {
			if eh, emi, es := e.Clock(); eh == h && emi == mi && es == s {
				return e
			}
		}
	}
	return t
}
