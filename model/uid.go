package model

import (
	"crypto/rand"
	"encoding/hex"
)

// NewUID returns a globally unique identifier for a meeting, series or
// invitation, of the form used in iCalendar UID properties. It never
// changes once given: updates and cancellations sent to partners rely on it.
func NewUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])  // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40 // RFC 9562 version 4
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:] + "@liaison"
}
