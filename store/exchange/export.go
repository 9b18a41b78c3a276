package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// Result says what ExportInvitation wrote and recorded.
type Result struct {
	Method     ical.Method // REQUEST, or CANCEL for a cancelled meeting
	Sequence   int         // the version that went out
	ICSPath    string
	EMLPath    string // "" when no message was asked for
	Organizer  model.FocalPoint
	Attendees  []model.FocalPoint
	Invitation *model.Invitation // the record after the export
}

// parties finds what an invitation from the meeting's convener to toOrg
// rests on: the agreement binding them (one in force on the meeting's first
// day when there is one) and the article that obliges the convener.
func parties(c *model.Catalog, m *model.Meeting, toOrg int64) (*model.Agreement, string, error) {
	var found *model.Agreement
	for _, g := range c.AgreementsOf(m.ConvenerID) {
		if !g.HasParty(toOrg) || toOrg == m.ConvenerID {
			continue
		}
		if ok, _, _, _ := g.InForceOn(m.StartDay()); ok {
			found = g
			break
		}
		if found == nil {
			found = g
		}
	}
	if found == nil {
		return nil, "", model.Invalid("to", "%s and %s share no agreement: no invitation is owed to %s", c.Acronym(m.ConvenerID), c.Acronym(toOrg), c.Acronym(toOrg))
	}
	return found, found.Party(m.ConvenerID).Article, nil
}

// focalPoints returns the active focal points of org under agreement g on
// day d that can be written to: placeholders and those without an address
// are left out.
func focalPoints(ctx context.Context, st *store.Store, org, agreement int64, d model.Date) ([]model.FocalPoint, error) {
	fps, err := st.ActiveFocalPoints(ctx, org, agreement, d)
	if err != nil {
		return nil, err
	}
	var out []model.FocalPoint
	for _, f := range fps {
		if !f.Placeholder && f.Email != "" {
			out = append(out, f)
		}
	}
	return out, nil
}

// ExportInvitation writes the observer invitation from our meeting
// meetingID to organization toOrg as an .ics file (METHOD:REQUEST, or
// METHOD:CANCEL once the meeting is cancelled) and, when emlPath is not
// empty, as a ready-to-send .eml; and records in the invitation's history,
// in the same transaction, that this version (SEQUENCE) went out at now.
// The files are written in full before the record and put in place once it
// is committed: when writing fails nothing is recorded, and when the record
// fails the files already at those paths are left as they were. Nothing is written for an internal meeting, a meeting that is
// not ours, a partner with no agreement with us or no active focal point.
func ExportInvitation(ctx context.Context, st *store.Store, meetingID, toOrg int64, now time.Time, icsPath, emlPath string) (Result, error) {
	return exportInvitation(ctx, st, meetingID, toOrg, now, icsPath, emlPath, true)
}

// DraftInvitation writes the same files as ExportInvitation and records
// nothing: the desktop app writes a draft that the officer sends from the
// mail program, then says whether it went (Result.Sequence is the version
// to record then). Result.Invitation is nil.
func DraftInvitation(ctx context.Context, st *store.Store, meetingID, toOrg int64, now time.Time, icsPath, emlPath string) (Result, error) {
	return exportInvitation(ctx, st, meetingID, toOrg, now, icsPath, emlPath, false)
}

func exportInvitation(ctx context.Context, st *store.Store, meetingID, toOrg int64, now time.Time, icsPath, emlPath string, record bool) (Result, error) {
	if icsPath == "" {
		return Result{}, model.Invalid("output", "give the .ics file to write")
	}
	if err := checkOutputs(st, icsPath, emlPath); err != nil {
		return Result{}, err
	}
	m, err := st.Meeting(ctx, meetingID)
	if err != nil {
		return Result{}, err
	}
	c, err := st.Catalog(ctx)
	if err != nil {
		return Result{}, err
	}
	us := c.Us()
	if us == nil || m.ConvenerID != us.ID {
		return Result{}, model.Invalid("meeting", "%q is convened by %s, not by us: only the convener sends its invitations", m.Title, c.Acronym(m.ConvenerID))
	}
	if c.Org(toOrg) == nil {
		return Result{}, model.Invalid("to", "organization %d is not known", toOrg)
	}
	if toOrg == us.ID {
		return Result{}, model.Invalid("to", "%s convenes the meeting: an observer invitation goes to a partner", us.Acronym)
	}
	g, article, err := parties(c, m, toOrg)
	if err != nil {
		return Result{}, err
	}
	today := model.DateOf(now.In(c.HQZone()))
	ours, err := focalPoints(ctx, st, us.ID, g.ID, today)
	if err != nil {
		return Result{}, err
	}
	if len(ours) == 0 {
		return Result{}, model.Invalid("organizer", "%s has no active focal point under %s (%s) to send the invitation from", us.Acronym, g.ShortName, orArt(g.FocalPointArticle))
	}
	theirs, err := focalPoints(ctx, st, toOrg, g.ID, today)
	if err != nil {
		return Result{}, err
	}
	req := ical.Invitation{Meeting: m, Catalog: c, Organizer: ours[0], Attendees: theirs, Article: article, Now: now}
	var cal bytes.Buffer
	if err := ical.WriteInvitation(&cal, req); err != nil {
		return Result{}, err
	}
	var eml bytes.Buffer
	via := "ics"
	if emlPath != "" {
		if err := ical.WriteEML(&eml, ical.InvitationMail(req, cal.Bytes())); err != nil {
			return Result{}, err
		}
		via = "eml"
	}
	res := Result{Method: req.ResolvedMethod(), Sequence: m.Sequence, ICSPath: icsPath, Organizer: ours[0], Attendees: theirs}
	// Both files are written in full beside their places first; they are
	// put in place only once the record is committed, so that a full disk
	// or a refused record leaves the files already there as they were.
	var staged []*store.Staged
	abort := func() {
		for _, f := range staged {
			f.Abort()
		}
	}
	for _, out := range []struct {
		path string
		data []byte
	}{{icsPath, cal.Bytes()}, {emlPath, eml.Bytes()}} {
		if out.path == "" {
			continue
		}
		f, err := st.StageOutput(out.path, out.data, store.Shared)
		if err != nil {
			abort()
			return Result{}, err
		}
		staged = append(staged, f)
	}
	var inv *model.Invitation
	if record {
		inv, err = st.UpdateInvitation(ctx, meetingID, toOrg, func(inv *model.Invitation) error {
			return inv.MarkSent(now, m.Sequence, via)
		})
		if err != nil {
			abort()
			return Result{}, err
		}
	}
	for i, f := range staged {
		if err := f.Commit(); err != nil {
			for _, g := range staged[i+1:] {
				g.Abort()
			}
			if !record {
				return Result{}, err
			}
			return Result{}, fmt.Errorf("version %d is recorded as sent to %s, but %w", m.Sequence, c.Acronym(toOrg), err)
		}
	}
	res.EMLPath, res.Invitation = emlPath, inv
	return res, nil
}

// checkOutputs refuses, before anything is made or recorded, output paths
// that would overwrite the database, or the same file given twice.
func checkOutputs(st *store.Store, paths ...string) error {
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "" {
			continue
		}
		if err := st.CheckOutput(p); err != nil {
			return err
		}
		abs, _ := filepath.Abs(p)
		if seen[abs] {
			return model.Invalid("output", "%s is given twice: the .ics and the .eml need two files", p)
		}
		seen[abs] = true
	}
	return nil
}

func orArt(a string) string {
	if a == "" {
		return "Art. 7"
	}
	return a
}

// FeedOptions chooses what ExportFeed publishes.
type FeedOptions struct {
	From, To time.Time // meetings overlapping [From, To); zero: unbounded
	For      int64     // the partner the feed is for; zero: our own use
}

// FeedResult counts what went into a feed.
type FeedResult struct {
	Meetings, Series int
	Left             int // meetings left out (not for that partner, or unusable)
}

// ExportFeed writes a METHOD:PUBLISH calendar of meetings and consultation
// series to path, atomically. For a partner, only what is public or for
// the parties to an agreement with it goes in; internal notes never do.
func ExportFeed(ctx context.Context, st *store.Store, opt FeedOptions, now time.Time, path string) (FeedResult, error) {
	if err := checkOutputs(st, path); err != nil {
		return FeedResult{}, err
	}
	c, err := st.Catalog(ctx)
	if err != nil {
		return FeedResult{}, err
	}
	if opt.For != 0 {
		o := c.Org(opt.For)
		if o == nil {
			return FeedResult{}, model.Invalid("for", "organization %d is not known", opt.For)
		}
		if o.Us {
			return FeedResult{}, model.Invalid("for", "%s is us: leave --for out for our own feed", o.Acronym)
		}
	}
	ms, err := st.Meetings(ctx, store.MeetingFilter{From: opt.From, To: opt.To})
	if err != nil {
		return FeedResult{}, err
	}
	series, err := st.SeriesList(ctx)
	if err != nil {
		return FeedResult{}, err
	}
	orgs := map[int64]model.FocalPoint{}
	fps, err := st.FocalPoints(ctx)
	if err != nil {
		return FeedResult{}, err
	}
	today := model.DateOf(now)
	for _, f := range fps {
		if _, ok := orgs[f.OrgID]; !ok && !f.Placeholder && f.Email != "" && f.ActiveOn(today) {
			orgs[f.OrgID] = f
		}
	}
	feed := ical.Feed{Meetings: ms, Series: series, Catalog: c, For: opt.For, From: opt.From, To: opt.To, Organizers: orgs, Now: now}
	var res FeedResult
	for i := range ms {
		if feed.Included(&ms[i]) {
			res.Meetings++
		} else {
			res.Left++
		}
	}
	for i := range series {
		if feed.IncludedSeries(&series[i]) {
			res.Series++
		}
	}
	var b bytes.Buffer
	if err := ical.WriteFeed(&b, feed); err != nil {
		return FeedResult{}, err
	}
	// Without a partner the feed is our own: internal meetings and notes
	// are in it, so only the user may read the file.
	perm := store.Private
	if opt.For != 0 {
		perm = store.Shared
	}
	return res, st.WriteOutput(path, b.Bytes(), perm)
}

// ExportConsultation writes consultation series seriesID as a REQUEST to
// the focal points of the other parties to its agreement (one recurring
// event, EXDATE for cancelled occurrences, one override per moved one),
// atomically to path, and as an .eml when emlPath is not empty. A rule that
// Outlook cannot convert is refused with the reason.
func ExportConsultation(ctx context.Context, st *store.Store, seriesID int64, now time.Time, path, emlPath string) (Result, error) {
	if err := checkOutputs(st, path, emlPath); err != nil {
		return Result{}, err
	}
	s, err := st.Series(ctx, seriesID)
	if err != nil {
		return Result{}, err
	}
	c, err := st.Catalog(ctx)
	if err != nil {
		return Result{}, err
	}
	g := c.Agreement(s.AgreementID)
	us := c.Us()
	if g == nil || us == nil {
		return Result{}, errors.New("the consultation's agreement or our organization is missing from the catalog")
	}
	today := model.DateOf(now.In(c.HQZone()))
	ours, err := focalPoints(ctx, st, us.ID, g.ID, today)
	if err != nil {
		return Result{}, err
	}
	if len(ours) == 0 {
		return Result{}, model.Invalid("organizer", "%s has no active focal point under %s to send the consultation from", us.Acronym, g.ShortName)
	}
	var theirs []model.FocalPoint
	for _, p := range g.Parties {
		if p.OrgID == us.ID {
			continue
		}
		fps, err := focalPoints(ctx, st, p.OrgID, g.ID, today)
		if err != nil {
			return Result{}, err
		}
		theirs = append(theirs, fps...)
	}
	req := ical.Series{Method: ical.Request, Series: s, Catalog: c, Organizer: ours[0], Attendees: theirs, Now: now}
	var cal bytes.Buffer
	if err := ical.WriteSeries(&cal, req); err != nil {
		return Result{}, err
	}
	res := Result{Method: ical.Request, Sequence: s.Sequence, ICSPath: path, Organizer: ours[0], Attendees: theirs}
	if emlPath != "" {
		var eml bytes.Buffer
		mail := ical.Mail{From: ours[0], To: theirs, Subject: "Consultation under " + orArt8(g) + ": " + s.Title,
			Text: fmt.Sprintf("%s\n\nThe series is attached as a calendar file.", s.Title), Calendar: cal.Bytes(), Filename: "consultation.ics", Now: now}
		if err := ical.WriteEML(&eml, mail); err != nil {
			return Result{}, err
		}
		staged, err := st.StageOutput(emlPath, eml.Bytes(), store.Shared)
		if err != nil {
			return Result{}, err
		}
		// Both files in place, or neither: the .eml waits for the .ics.
		ics, err := st.StageOutput(path, cal.Bytes(), store.Shared)
		if err != nil {
			staged.Abort()
			return Result{}, err
		}
		if err := ics.Commit(); err != nil {
			staged.Abort()
			return Result{}, err
		}
		res.EMLPath = emlPath
		return res, staged.Commit()
	}
	return res, st.WriteOutput(path, cal.Bytes(), store.Shared)
}

func orArt8(g *model.Agreement) string {
	if g.ConsultationArticle == "" {
		return "Art. 8"
	}
	return g.ConsultationArticle
}
