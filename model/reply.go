package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Reply is a partner's answer to an observer invitation, as it came: by
// letter or by telephone (no version named), or in an iCalendar REPLY
// (the SEQUENCE of the version it answers).
type Reply struct {
	At    time.Time
	State InvitationState // accepted, tentative or declined
	// Sequence is the version the reply names; it counts only when
	// HasSequence is set. A reply by letter answers the version last sent.
	Sequence    int
	HasSequence bool

	Representatives []Representative // nil keeps those already named
	Comment         string           // the partner's words (iCalendar COMMENT, or a note typed with a letter)
}

// SentVersions lists the versions (SEQUENCEs) of the meeting recorded as
// sent, in the order they went out.
func (inv *Invitation) SentVersions() []int {
	var out []int
	for _, h := range inv.History {
		if (h.Action == "sent" || h.Action == "update sent") && !slices.Contains(out, h.Sequence) {
			out = append(out, h.Sequence)
		}
	}
	if !inv.SentAt.IsZero() && !slices.Contains(out, inv.SentSequence) {
		out = append(out, inv.SentSequence)
	}
	return out
}

// Answers works out which version a reply answers: the version sent that
// the reply's SEQUENCE names (the latest sent at or before it), or the
// version last sent when the reply names none. A reply to an invitation
// never recorded as sent answers nothing: it is refused, with how to
// record the sending first.
func (inv *Invitation) Answers(r Reply) (int, error) {
	if inv.SentAt.IsZero() {
		return 0, Invalid("invitation", "no invitation was recorded as sent, so there is nothing to reply to: record how it went out first (invitation mark-sent --on D --via letter), then the reply")
	}
	if !r.HasSequence || r.Sequence >= inv.SentSequence {
		return inv.SentSequence, nil
	}
	best := -1
	for _, v := range inv.SentVersions() {
		if v <= r.Sequence && v > best {
			best = v
		}
	}
	if best < 0 {
		return 0, Invalid("sequence", "the reply answers version %d, older than any version sent (the first sent was version %d)", r.Sequence, inv.SentVersions()[0])
	}
	return best, nil
}

// RecordReply records the partner's answer. The invitation works out
// itself which version the reply answers (Answers): a reply to an older
// version than the one last sent is recorded as answering that version,
// and the invitation stays "sent" (the current version is not yet
// answered). The reply's comment is kept in the history.
func (inv *Invitation) RecordReply(r Reply) error {
	if !r.State.IsReply() {
		return Invalid("status", "%q is not a reply: give accepted, tentative or declined", r.State)
	}
	if inv.State == InvWaived {
		return Invalid("state", "the invitation was waived (%s); reopen it before recording a reply", inv.WaiveReason)
	}
	if !DateInRange(DateOf(r.At.UTC())) {
		return Invalid("replied_at", "%s is outside the years %d to %d", DateOf(r.At.UTC()), MinYear, MaxYear)
	}
	seq, err := inv.Answers(r)
	if err != nil {
		return err
	}
	if !inv.RepliedAt.IsZero() && seq < inv.ReplySequence {
		return Invalid("sequence", "this reply answers version %d, older than the reply already recorded (version %d)", seq, inv.ReplySequence)
	}
	if err := CheckText("comment", r.Comment, MaxLongText); err != nil {
		return err
	}
	inv.RepliedAt, inv.ReplySequence = r.At.UTC(), seq
	if seq == inv.SentSequence {
		inv.State = r.State
	} else {
		inv.State = InvSent // the version last sent is not yet answered
	}
	if r.Representatives != nil {
		inv.Representatives = slices.Clone(r.Representatives)
	}
	var notes []string
	if seq != inv.SentSequence {
		notes = append(notes, fmt.Sprintf("%s to version %d; version %d is not yet answered", r.State, seq, inv.SentSequence))
	}
	if len(r.Representatives) > 0 {
		names := make([]string, len(r.Representatives))
		for i, p := range r.Representatives {
			names[i] = p.String()
		}
		notes = append(notes, "representatives: "+strings.Join(names, ", "))
	}
	if c := strings.TrimSpace(r.Comment); c != "" {
		notes = append(notes, "comment: "+c)
	}
	inv.History = append(inv.History, InvitationEvent{At: r.At.UTC(), Action: "reply", State: inv.State, Sequence: seq, Note: strings.Join(notes, "; ")})
	inv.Modified = r.At.UTC()
	return nil
}

// ReplyComment returns the comment of the last reply recorded, or "".
func (inv *Invitation) ReplyComment() string {
	for i := len(inv.History) - 1; i >= 0; i-- {
		h := inv.History[i]
		if h.Action != "reply" {
			continue
		}
		for _, part := range strings.Split(h.Note, "; ") {
			if c, ok := strings.CutPrefix(part, "comment: "); ok {
				return c
			}
		}
		return ""
	}
	return ""
}
