package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/liaison-app/liaison/model"
)

// reasonTemplates are the Article 2 rule's sentences, by model.Why code, as
// keys of the translations (the English text is the key). The rule writes
// the same sentences in English in Obligation.Reason, for the command line
// and the briefs; here they are said in the user's language.
var reasonTemplates = map[string]string{
	model.WhyConditionFailed: "{{.Agreement}} does not bind on {{.Day}}: its entry into force failed: {{.Detail}}.",
	model.WhyNoEntryDate:     "{{.Agreement}} does not bind on {{.Day}}: it has no date of entry into force.",
	model.WhyNotYetInForce:   "{{.Agreement}} does not bind on {{.Day}}: it enters into force only on {{.Date}}.",
	model.WhyTerminated:      "{{.Agreement}} does not bind on {{.Day}}: its termination took effect on {{.Date}} (notice given on {{.Date2}}).",
	model.WhyVoid:            "The meeting was cancelled.",
	model.WhyVoidNoticeOwed:  "The meeting was cancelled. The invitation sent to {{.To}} on {{.Date}} must be followed by a cancellation notice.",
	model.WhyVoidNoticeSent:  "The meeting was cancelled. {{.To}} was sent the cancellation (version {{.N}}).",
	model.WhyWaived:          "The invitation from {{.From}} to {{.To}} was waived: {{.Detail}}.",
	model.WhyUpdateOwed:      "The meeting changed (time, place or status) after version {{.N}} was sent to {{.To}} on {{.Date}}; send the update (version {{.M}}).",
	model.WhyAccepted:        "{{.To}} accepted.",
	model.WhyTentative:       "{{.To}} replied tentatively.",
	model.WhyDeclined:        "{{.To}} declined.",
	model.WhyNoReply:         "Sent to {{.To}} on {{.Date}} (version {{.N}}); the meeting began with no reply.",
	model.WhySent:            "Sent to {{.To}} on {{.Date}} (version {{.N}}); awaiting a reply.",
	model.WhyNoIGOs:          "No intergovernmental organizations are invited to this meeting, so {{.From}} owes {{.To}} no observer invitation.",
	model.WhyExcluded:        "The rules of procedure exclude observers: {{.Detail}}.",
	model.WhyReview:          "IGOs are invited but no area of cooperation is on the agenda yet: decide whether matters of interest to {{.To}} are to be discussed.",
	model.WhyNoInterest:      "IGOs are invited, but no agenda item concerns an area of interest to {{.To}} under {{.Agreement}}.",
	model.WhyOverdue:         "An observer invitation from {{.From}} to {{.To}} was due on {{.Date}} ({{.N}} days ago): {{.Because}}.",
	model.WhyOwed:            "An observer invitation from {{.From}} to {{.To}} is owed by {{.Date}}: {{.Because}}.",
	model.WhyDueSoon:         "An observer invitation from {{.From}} to {{.To}} is due in {{.N}} days, {{.Date}}: {{.Because}}.",
	dueToday:                 "An observer invitation from {{.From}} to {{.To}} is due today, {{.Date}}: {{.Because}}.",
	dueTomorrow:              "An observer invitation from {{.From}} to {{.To}} is due tomorrow, {{.Date}}: {{.Because}}.",
	repliedNaming:            "{{.To}} replied ({{.State}}), naming {{.Detail}}.",

	model.BecauseItem:    "IGOs are invited and the agenda item “{{.Item}}” concerns {{.Areas}}",
	model.BecauseMeeting: "IGOs are invited and the meeting concerns {{.Areas}}",
	model.BecauseMark:    "IGOs are invited and an officer marked the meeting as a matter of interest to {{.To}}",
	markNoted:            "IGOs are invited and an officer marked the meeting as a matter of interest to {{.To}} ({{.Note}})",
}

// Sentences the rule's codes do not name on their own.
const (
	dueToday      = "due-soon.today"
	dueTomorrow   = "due-soon.tomorrow"
	repliedNaming = "replied.naming"
	markNoted     = "mark.noted"
)

// reasonText says an Article 2 answer's reason in the user's language;
// day is the meeting's first day. An answer without its parts (a Why with
// no code) keeps the rule's English.
func reasonText(c *model.Catalog, ob model.Obligation, w model.Why, day model.Date) string {
	code := w.Code
	tpl, ok := reasonTemplates[code]
	if !ok {
		return ob.Reason
	}
	agreement := ""
	if g := c.Agreement(ob.AgreementID); g != nil {
		agreement = g.ShortName
	}
	data := map[string]any{
		"From": c.Acronym(ob.From), "To": c.Acronym(ob.To), "Agreement": agreement, "Day": day.String(),
		"Date": w.Date.String(), "Date2": w.Date2.String(), "N": w.N, "M": w.M, "Detail": w.Detail,
		"Item": w.Item, "Areas": w.Areas, "Note": w.Note, "State": stateLabel(ob.State),
	}
	switch {
	case code == model.WhyDueSoon && w.N == 0:
		tpl = reasonTemplates[dueToday]
	case code == model.WhyDueSoon && w.N == 1:
		tpl = reasonTemplates[dueTomorrow]
	case (code == model.WhyAccepted || code == model.WhyTentative) && w.Detail != "":
		tpl = reasonTemplates[repliedNaming]
	}
	if w.Because != "" {
		because := reasonTemplates[w.Because]
		if w.Because == model.BecauseMark && w.Note != "" {
			because = reasonTemplates[markNoted]
		}
		data["Because"] = lang.L(because, data)
	}
	return lang.L(tpl, data)
}

// explainFor runs the rule on one meeting with its reasons in parts and
// returns the reason of the answer to ob's addressee in the user's language.
func explainFor(c *model.Catalog, m *model.Meeting, invs []model.Invitation, ob model.Obligation, now time.Time) string {
	if m == nil {
		return ob.Reason
	}
	obs, whys := model.ExplainObligations(c, m, invs, now)
	for i := range obs {
		if obs[i].To == ob.To {
			return reasonText(c, obs[i], whys[i], m.StartDay())
		}
	}
	return ob.Reason
}

// cadenceText says a cadence alert (Art. 8) in the user's language.
func cadenceText(al model.CadenceAlert) string {
	data := map[string]any{"Article": al.Article, "Last": al.LastHeld.String(), "Days": al.DaysSince, "Limit": al.Limit, "Next": al.Next.String()}
	var s string
	if al.LastHeld.IsZero() {
		s = lang.L("No consultation under {{.Article}} has been recorded as held since the agreement entered into force ({{.Days}} days; the expected interval is {{.Limit}} days)", data)
	} else {
		s = lang.L("The last consultation under {{.Article}} was held on {{.Last}}, {{.Days}} days ago; the expected interval is {{.Limit}} days", data)
	}
	if al.Next.IsZero() {
		return s + "; " + lang.L("none is scheduled.")
	}
	return s + "; " + lang.L("the next is scheduled for {{.Next}}.", data)
}
