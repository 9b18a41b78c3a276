package model

import (
	"strconv"
	"time"
)

// InvitationState is what has been done about one observer invitation: the
// record an officer keeps. What the Article 2 rule concludes from it, with
// the meeting and the calendar, is an ObligationState.
type InvitationState string

// The recorded states of an invitation.
const (
	InvOwed      InvitationState = "owed"      // nothing sent yet
	InvSent      InvitationState = "sent"      // sent, no reply yet
	InvAccepted  InvitationState = "accepted"  // the partner will attend
	InvTentative InvitationState = "tentative" // the partner may attend
	InvDeclined  InvitationState = "declined"  // the partner will not attend
	InvNoReply   InvitationState = "no-reply"  // closed without a reply
	InvWaived    InvitationState = "waived"    // an officer decided not to send it, with a reason
)

// InvitationStates lists every recorded state.
var InvitationStates = []InvitationState{InvOwed, InvSent, InvAccepted, InvTentative, InvDeclined, InvNoReply, InvWaived}

// IsReply reports whether the state is a partner's answer.
func (s InvitationState) IsReply() bool {
	return s == InvAccepted || s == InvTentative || s == InvDeclined
}

// Invitation is the record of one observer invitation: from the convener of
// a meeting to one other party of an agreement.
type Invitation struct {
	ID          int64           `json:"id"`
	MeetingID   int64           `json:"meeting_id"`
	AgreementID int64           `json:"agreement_id"`
	FromOrgID   int64           `json:"from_org_id"`
	ToOrgID     int64           `json:"to_org_id"`
	State       InvitationState `json:"state"`

	SentAt        time.Time `json:"sent_at"`            // zero until sent
	SentSequence  int       `json:"sent_sequence"`      // the meeting's SEQUENCE that went out
	SentVia       string    `json:"sent_via,omitempty"` // ics, eml, letter, ...
	RepliedAt     time.Time `json:"replied_at"`
	ReplySequence int       `json:"reply_sequence"` // the SEQUENCE the reply answered

	Representatives []Representative `json:"representatives"`
	WaiveReason     string           `json:"waive_reason,omitempty"`

	History  []InvitationEvent `json:"history"`
	Version  int               `json:"version"`
	Modified time.Time         `json:"modified"`
}

// InvitationEvent is one line in an invitation's history: every change is
// kept, so that the office can say who did what, and when.
type InvitationEvent struct {
	At       time.Time       `json:"at"`
	Action   string          `json:"action"` // sent, reply, waived, reopened, imported, ...
	State    InvitationState `json:"state"`  // the state after the change
	Sequence int             `json:"sequence"`
	Note     string          `json:"note,omitempty"`
}

func (inv *Invitation) record(at time.Time, action, note string) {
	inv.History = append(inv.History, InvitationEvent{At: at.UTC(), Action: action, State: inv.State, Sequence: inv.SentSequence, Note: note})
	inv.Modified = at.UTC()
}

// MarkSent records that version seq of the meeting went out at t.
func (inv *Invitation) MarkSent(t time.Time, seq int, via string) error {
	if inv.State == InvWaived {
		return Invalid("state", "the invitation was waived (%s); reopen it before sending", inv.WaiveReason)
	}
	if !DateInRange(DateOf(t.UTC())) {
		return Invalid("sent_at", "%s is outside the years %d to %d", DateOf(t.UTC()), MinYear, MaxYear)
	}
	if err := CheckText("via", via, MaxTitle); err != nil {
		return err
	}
	first := inv.SentAt.IsZero()
	inv.SentAt, inv.SentSequence, inv.SentVia = t.UTC(), seq, via
	// An update keeps the partner's answer only if one was given; a reply
	// to an older version still stands until the partner says otherwise.
	if !inv.State.IsReply() {
		inv.State = InvSent
	}
	action := "sent"
	if !first {
		action = "update sent"
	}
	inv.record(t, action, "version "+strconv.Itoa(seq)+" via "+via)
	return nil
}

// Waive records an officer's decision not to send the invitation.
func (inv *Invitation) Waive(t time.Time, reason string) error {
	if Blank(reason) {
		return Invalid("reason", "say why the invitation is waived")
	}
	if err := CheckText("reason", reason, MaxLongText); err != nil {
		return err
	}
	inv.State, inv.WaiveReason = InvWaived, reason
	inv.record(t, "waived", reason)
	return nil
}

// Reopen undoes a waiver or a closed reply and returns the invitation to
// the state its sending history gives it.
func (inv *Invitation) Reopen(t time.Time, note string) {
	inv.WaiveReason = ""
	if inv.SentAt.IsZero() {
		inv.State = InvOwed
	} else {
		inv.State = InvSent
	}
	inv.record(t, "reopened", note)
}
