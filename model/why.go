package model

// Why is the reason of an Article 2 answer as facts: which sentence (Code)
// and what it names. The rule writes no text; ui/explain says a Why in the
// reader's language, only for what is shown.
type Why struct {
	Code WhyCode `json:"code"`
	// Because names why the meeting concerns the addressee, for the answers
	// about an invitation owed (owed, due soon, overdue, missed).
	Because Because `json:"because,omitempty"`
	// NAreas is how many of Obligation.Areas (the first ones) the reason
	// names: the areas of the agenda item, or of the meeting itself.
	NAreas int32 `json:"n_areas,omitempty"`
	// Text is words from the records: the agenda item's title
	// (BecauseItem), the officer's note on a mark (BecauseMark), the rule
	// that excludes observers, the reason of a waiver, or the condition of
	// entry into force that failed.
	Text string `json:"text,omitempty"`
	// Reps are the representatives named in a reply.
	Reps []Representative `json:"representatives,omitempty"`
	// Date is the day the sentence names: the due day, or the day the
	// invitation was sent; the meeting's first day when the agreement does
	// not bind on it (the agreement has its dates) or when it was missed
	// without review.
	Date Date `json:"date,omitzero"`
	// N is a number of days (overdue and missed: since the due day; due soon
	// and owed: until it) or the version sent; M the meeting's version.
	N int32 `json:"n,omitempty"`
	M int32 `json:"m,omitempty"`
	// Lead is the agreement's lead time in days: the due day is the
	// meeting's first day minus Lead.
	Lead int32 `json:"lead_days,omitempty"`
}

// WhyCode names the sentence of an Article 2 reason.
type WhyCode uint8

// The reasons of the Article 2 rule.
const (
	WhyInForce         WhyCode = iota // (the agreement binds: no reason on its own)
	WhyConditionFailed                // Text: the condition; Date: the meeting's day
	WhyNoEntryDate                    // Date: the meeting's day
	WhyNotYetInForce                  // Date: the meeting's day (the entry into force is the agreement's)
	WhyTerminated                     // Date: the meeting's day (the termination is the agreement's)
	WhyVoid                           // the meeting was cancelled
	WhyVoidNoticeOwed                 // Date: sent on
	WhyVoidNoticeSent                 // Date: sent on, N: version
	WhyWaived                         // Text: reason
	WhyUpdateOwed                     // Date: sent on, N: sent version, M: current version
	WhyAccepted                       // Reps
	WhyTentative                      // Reps
	WhyDeclined
	WhyNoReply // Date: sent on, N: version
	WhySent    // Date: sent on, N: version
	WhyNoIGOs
	WhyExcluded // Text: the rule of procedure
	WhyReview
	WhyNoInterest
	WhyOverdue          // Date: due, N: days ago, Lead, Because
	WhyDueSoon          // Date: due, N: days left (0 today, 1 tomorrow), Lead, Because
	WhyOwed             // Date: due, N: days left, Lead, Because
	WhyMissed           // Date: due, N: days since, Lead, Because
	WhyMissedUnreviewed // Date: the meeting's first day
	whyCount
)

var whyNames = [whyCount]string{"in-force", "not-owed.condition-failed", "not-owed.no-entry-date", "not-owed.not-yet-in-force",
	"not-owed.terminated", "void", "void.notice-owed", "void.notice-sent", "waived", "update-owed", "accepted", "tentative",
	"declined", "no-reply", "sent", "not-owed.no-igos", "not-owed.excluded", "review", "not-owed.no-interest", "overdue",
	"due-soon", "owed", "missed", "missed.unreviewed"}

// String is the code's stable name, as the command line's JSON prints it.
func (c WhyCode) String() string {
	if c < whyCount {
		return whyNames[c]
	}
	return "unknown"
}

// MarshalText writes the code's name.
func (c WhyCode) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// WhyCodes lists every code (tests check each has its words).
func WhyCodes() []WhyCode {
	out := make([]WhyCode, 0, whyCount-1)
	for c := WhyConditionFailed; c < whyCount; c++ {
		out = append(out, c)
	}
	return out
}

// Because says why a meeting concerns an addressee.
type Because uint8

// The grounds of an invitation owed.
const (
	BecauseNone    Because = iota
	BecauseItem            // the agenda item Why.Text concerns the areas named
	BecauseMeeting         // the meeting itself concerns the areas named
	BecauseMark            // an officer marked it as a matter of interest, Why.Text the note
)

// MarshalText writes the ground's name.
func (b Because) MarshalText() ([]byte, error) {
	switch b {
	case BecauseItem:
		return []byte("item"), nil
	case BecauseMeeting:
		return []byte("meeting"), nil
	case BecauseMark:
		return []byte("mark"), nil
	}
	return []byte("none"), nil
}
