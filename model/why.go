package model

import "time"

// Why is an Article 2 answer's reason in parts, for a screen that says it in
// another language than the English of Obligation.Reason. Code names the
// sentence (one of the Why… constants); the other fields are what it says.
// ExplainObligations gives it; the bulk rule does not, to stay lean.
type Why struct {
	Code string
	// Because names why the meeting concerns the addressee, for the owed
	// sentences: BecauseItem (Item concerns Areas), BecauseMeeting (the
	// meeting concerns Areas) or BecauseMark (an officer's mark, with Note).
	Because string
	Item    string // the agenda item's title
	Areas   string // the names of the areas concerned, joined in English ("A and B")
	Note    string // the officer's note on a mark
	Detail  string // free text from the record: a condition, an exclusion or a waiver's reason, the representatives
	Date    Date   // the day the sentence names: sent on, due, entry into force, termination
	Date2   Date   // a second day: the notice of termination
	N, M    int    // versions (sent, current) or a number of days
}

// The reasons of the Article 2 rule.
const (
	WhyConditionFailed = "not-owed.condition-failed" // Detail: the condition
	WhyNoEntryDate     = "not-owed.no-entry-date"
	WhyNotYetInForce   = "not-owed.not-yet-in-force" // Date: entry into force
	WhyTerminated      = "not-owed.terminated"       // Date: effective, Date2: notice
	WhyVoid            = "void"
	WhyVoidNoticeOwed  = "void.notice-owed" // Date: sent on
	WhyVoidNoticeSent  = "void.notice-sent" // N: version
	WhyWaived          = "waived"           // Detail: reason
	WhyUpdateOwed      = "update-owed"      // N: sent version, Date: sent on, M: current version
	WhyAccepted        = "accepted"         // Detail: representatives
	WhyTentative       = "tentative"        // Detail: representatives
	WhyDeclined        = "declined"
	WhyNoReply         = "no-reply" // Date: sent on, N: version
	WhySent            = "sent"     // Date: sent on, N: version
	WhyNoIGOs          = "not-owed.no-igos"
	WhyExcluded        = "not-owed.excluded" // Detail: the rule of procedure
	WhyReview          = "review"
	WhyNoInterest      = "not-owed.no-interest"
	WhyOverdue         = "overdue"  // Date: due, N: days ago
	WhyDueSoon         = "due-soon" // Date: due, N: days left (0 today, 1 tomorrow)
	WhyOwed            = "owed"     // Date: due

	BecauseItem    = "item"
	BecauseMeeting = "meeting"
	BecauseMark    = "mark"
)

// ExplainObligations runs the Article 2 rule on one meeting like
// Obligations, and gives beside each answer its reason in parts.
func ExplainObligations(c *Catalog, m *Meeting, invs []Invitation, now time.Time) ([]Obligation, []Why) {
	us := c.Us()
	var whys []Why
	obs := appendObligations(&texts{}, nil, c, us, m, invs, now, DateOf(now.In(zoneOf(us))), &whys)
	return obs, whys
}
