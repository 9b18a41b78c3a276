package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// Words for the model's values (states, kinds, statuses, fields) in the
// user's language.

// stateLabel names an Article 2 answer for people.
func stateLabel(s model.ObligationState) string {
	switch s {
	case model.Overdue:
		return lang.L("Overdue")
	case model.DueSoon:
		return lang.L("Due soon")
	case model.UpdateOwed:
		return lang.L("Update owed")
	case model.Review:
		return lang.L("Review")
	case model.Owed:
		return lang.L("Owed")
	case model.Missed:
		return lang.L("Missed")
	case model.Sent:
		return lang.L("Sent")
	case model.NoReply:
		return lang.L("No reply")
	case model.Tentative:
		return lang.L("Tentative")
	case model.Accepted:
		return lang.L("Accepted")
	case model.Declined:
		return lang.L("Declined")
	case model.Waived:
		return lang.L("Waived")
	case model.Void:
		return lang.L("Void")
	case model.NotOwed:
		return lang.L("Not owed")
	}
	return s.String()
}

// stateImportance colours an Article 2 answer: red for overdue, orange
// for what needs action soon, green for what is done.
func stateImportance(s model.ObligationState) widget.Importance {
	switch s {
	case model.Overdue:
		return widget.DangerImportance
	case model.DueSoon, model.UpdateOwed, model.Review:
		return widget.WarningImportance
	case model.Accepted, model.Sent, model.Tentative:
		return widget.SuccessImportance
	case model.Owed:
		return widget.HighImportance
	}
	return widget.MediumImportance
}

func kindLabel(k model.MeetingKind) string {
	switch k {
	case model.KindConference:
		return lang.L("Conference")
	case model.KindMeeting:
		return lang.L("Meeting")
	case model.KindCommittee:
		return lang.L("Committee")
	case model.KindConsultation:
		return lang.L("Consultation")
	case model.KindTraining:
		return lang.L("Training")
	case model.KindJointActivity:
		return lang.L("Joint activity")
	}
	return string(k)
}

func statusLabel(s model.MeetingStatus) string {
	switch s {
	case model.StatusPlanned:
		return lang.L("Planned")
	case model.StatusConfirmed:
		return lang.L("Confirmed")
	case model.StatusPostponed:
		return lang.L("Postponed")
	case model.StatusCancelled:
		return lang.L("Cancelled")
	case model.StatusHeld:
		return lang.L("Held")
	}
	return string(s)
}

func confLabel(c model.Confidentiality) string {
	switch c {
	case model.Public:
		return lang.L("Public")
	case model.PartiesOnly:
		return lang.L("Parties only")
	case model.Internal:
		return lang.L("Internal")
	}
	return string(c)
}

func invStateLabel(s model.InvitationState) string {
	switch s {
	case model.InvOwed:
		return lang.L("Owed")
	case model.InvSent:
		return lang.L("Sent")
	case model.InvAccepted:
		return lang.L("Accepted")
	case model.InvTentative:
		return lang.L("Tentative")
	case model.InvDeclined:
		return lang.L("Declined")
	case model.InvNoReply:
		return lang.L("No reply")
	case model.InvWaived:
		return lang.L("Waived")
	}
	return string(s)
}

// fieldLabel names a model field (as a FieldError gives it) for people.
func fieldLabel(f string) string {
	base, rest, _ := strings.Cut(f, "[")
	var l string
	switch base {
	case "title":
		l = lang.L("Title")
	case "kind":
		l = lang.L("Kind")
	case "status":
		l = lang.L("Status")
	case "confidentiality":
		l = lang.L("Confidentiality")
	case "convener":
		l = lang.L("Convener")
	case "start":
		l = lang.L("Start")
	case "end":
		l = lang.L("End")
	case "zone":
		l = lang.L("Time zone")
	case "observers_excluded":
		l = lang.L("Observers excluded")
	case "online":
		l = lang.L("Online link")
	case "country":
		l = lang.L("Country")
	case "areas":
		l = lang.L("Areas")
	case "agenda":
		l = lang.L("Agenda")
	default:
		l = base
	}
	if rest != "" {
		l += " [" + rest
	}
	return l
}
