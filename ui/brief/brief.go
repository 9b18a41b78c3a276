package brief

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// MeetingBrief is what a brief for one meeting shows. The caller gathers it;
// only Catalog and Meeting are required.
type MeetingBrief struct {
	Catalog *model.Catalog
	Meeting *model.Meeting
	// Agreements named in the header. Nil: those of the Obligations, or
	// failing that every agreement the convener is a party to.
	Agreements []*model.Agreement
	// Obligations are the Article 2 rule's answers for Meeting; nil: the
	// brief runs model.Obligations on Invitations at Generated.
	// Invitations are the records kept for Meeting.
	Obligations []model.Obligation
	Invitations []model.Invitation
	// Reason says an answer's reason in words (ui/explain, through
	// ui/briefing); nil: the brief gives the answer without its reason.
	Reason func(ob *model.Obligation) string
	// The focal points (Art. 7) serving on the meeting's day: ours and the
	// partners'.
	OurFocalPoints     []model.FocalPoint
	PartnerFocalPoints []model.FocalPoint
	// Previous meetings of the same kind with these partners, most recent first.
	Previous []model.Meeting
	// LastConsultation is the last consultation held with the partners
	// (Art. 8), whose outcomes the brief recalls; nil when none.
	LastConsultation *model.Instance
	// OpenActions are the action items not yet done.
	OpenActions []model.ActionItem
	// ForOrg: nil for an internal-use brief; a partner to make a brief fit
	// to hand to it (no internal notes, nothing about other partners).
	ForOrg *model.Organization
	// Generated is printed on every page; zero means now.
	Generated time.Time
}

// ConsultationBrief is what a brief for one consultation (Art. 8) shows.
// Catalog and Instance (with its Series) are required.
type ConsultationBrief struct {
	Catalog  *model.Catalog
	Instance *model.Instance
	// Previous is the occurrence before this one, whose minutes and
	// outcomes the brief recalls; nil when there was none.
	Previous *model.Instance
	// OpenActions are the action items not yet done. Nil: the undone items
	// of Previous.
	OpenActions        []model.ActionItem
	OurFocalPoints     []model.FocalPoint
	PartnerFocalPoints []model.FocalPoint
	ForOrg             *model.Organization
	Generated          time.Time
}

// Pack is a briefing pack: every meeting and consultation of a period in
// one PDF, after a cover page and a table of contents. Items are printed in
// the order they start. Catalog, ForOrg and Generated apply to every
// item, whatever the item says. In a pack for a partner (ForOrg set),
// internal meetings and consultations are left out.
type Pack struct {
	Catalog       *model.Catalog
	From, To      model.Date // the period, both days included
	Meetings      []MeetingBrief
	Consultations []ConsultationBrief
	ForOrg        *model.Organization
	Generated     time.Time
}

// Options set the paper.
type Options struct {
	// Paper is "A4" (the default, also for "") or "Letter" (US Letter).
	Paper string
}

// Validate says whether the options are usable, before any work is done.
func (o Options) Validate() error {
	_, err := o.paper()
	return err
}

func (o Options) paper() (string, error) {
	switch strings.ToLower(strings.TrimSpace(o.Paper)) {
	case "", "a4":
		return "A4", nil
	case "letter", "us letter", "us-letter", "usletter":
		return "Letter", nil
	}
	return "", model.Invalid("paper", "%q is not a paper size: use A4 or Letter", o.Paper)
}

// WriteMeeting writes the brief for one meeting as a PDF to out.
func WriteMeeting(out io.Writer, b MeetingBrief, o Options) error {
	v, err := b.view(b.ForOrg)
	if err != nil {
		return err
	}
	w, err := newWriter(o, b.Catalog, b.Generated)
	if err != nil {
		return err
	}
	w.pdf.SetTitle(oneLine(v.m.Title), true)
	w.meeting(v)
	return w.output(out)
}

// WriteConsultation writes the brief for one consultation as a PDF to out.
func WriteConsultation(out io.Writer, b ConsultationBrief, o Options) error {
	v, err := b.view(b.ForOrg)
	if err != nil {
		return err
	}
	w, err := newWriter(o, b.Catalog, b.Generated)
	if err != nil {
		return err
	}
	w.pdf.SetTitle(oneLine(v.title), true)
	w.consultation(v)
	return w.output(out)
}

// Article10 is the notice printed for "parties only" records when the
// agreement gives none of its own.
const Article10 = "Information not in the public domain that comes into the Parties' possession in connection with the Cooperation Agreement is strictly confidential and shall not be communicated to any third party without the written approval of the other Party."

func errMissing(field, what string) error {
	return fmt.Errorf("brief: %w", model.Invalid(field, "%s", what))
}
