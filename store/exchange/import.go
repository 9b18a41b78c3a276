package exchange

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// MaxFileSize is the largest file ImportFiles reads: 512 MiB, several
// times a large partner's complete calendar (100,000 events with long
// descriptions are about 130 MB). The file is read event by event, so
// memory does not grow with its size; a larger file is refused, naming it.
const MaxFileSize = 512 << 20

// ImportFiles imports partners' calendar files one by one: a REPLY from a
// partner's focal point updates that invitation (matched on UID, keeping
// the reply to the highest SEQUENCE, delegates becoming representatives);
// a REQUEST or PUBLISH adds or updates that partner's meetings (a lower
// SEQUENCE than the one stored is skipped); a CANCEL cancels. A reply for
// an unknown UID is reported, never guessed. Each file is one transaction
// (store.Atomically), applied event by event as the file is read, so that
// memory does not grow with the file: a file refused midway (truncated,
// malformed, over MaxFileSize) is rolled back and changes nothing, and so
// is a file during which the store itself fails. The error returned is
// only for a failure of the store (or ctx); a refused file is in its
// FileSummary. st must be the Store itself, not one inside Atomically,
// whose transaction a refused file would not roll back.
func ImportFiles(ctx context.Context, st *store.Store, paths []string, now time.Time) (Summary, error) {
	var sum Summary
	for _, p := range paths {
		fs, err := importFile(ctx, st, p, now)
		sum.Files = append(sum.Files, fs)
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

func importFile(ctx context.Context, st *store.Store, path string, now time.Time) (FileSummary, error) {
	fs := FileSummary{Path: path}
	f, err := os.Open(path)
	if err != nil {
		fs.Refused = err
		return fs, nil
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileSize {
		fs.Refused = &ical.ParseError{File: path, Line: 1, Msg: fmt.Sprintf("the file is %d bytes, over the limit of %d: refused", info.Size(), MaxFileSize)}
		return fs, nil
	}
	// One transaction for the whole file, applied event by event as the
	// file is read: should the file turn out to be refused midway
	// (truncated, malformed, too large) or the store fail, the transaction
	// is rolled back and nothing of the file stays. An event refused on
	// its own (a lower SEQUENCE, an unknown UID) is skipped and the rest
	// goes in.
	var refused error
	err = st.Atomically(ctx, func(tx *store.Store) error {
		fs.reset()
		im, err := newImporter(ctx, tx, now)
		if err != nil {
			return err
		}
		touched := map[int64]bool{}
		var order []int64
		err = ical.ParseNotes(bufio.NewReaderSize(f, 1<<20), path, MaxFileSize, func(it ical.Item) error {
			if err := ctx.Err(); err != nil {
				return storeFailure{err}
			}
			l := Line{Line: it.Line, UID: it.UID, Title: it.Meeting.Title}
			id, err := im.apply(ctx, &it, &l)
			if err != nil && !errors.Is(err, model.ErrInvalid) && !errors.Is(err, model.ErrNotFound) && !errors.Is(err, model.ErrConflict) {
				return storeFailure{err}
			}
			if err != nil {
				l.What, l.Why = "skipped", err.Error()
			}
			if len(it.Notes) > 0 { // how doubtful input was read
				l.Why = strings.TrimPrefix(l.Why+"; "+strings.Join(it.Notes, "; "), "; ")
			}
			fs.add(l)
			if id != 0 && !touched[id] {
				touched[id] = true
				order = append(order, id)
			}
			return nil
		}, fs.note)
		var sf storeFailure
		if errors.As(err, &sf) {
			return sf.err
		}
		if err != nil {
			refused = err
			return err // rolls back what the file's first events did
		}
		return im.reciprocity(ctx, order, &fs)
	})
	if refused != nil {
		fs.reset()
		fs.Refused = refused
		return fs, nil
	}
	if err != nil {
		fs.reset()
		return fs, fmt.Errorf("%s: nothing imported: %w", path, err)
	}
	return fs, nil
}

// storeFailure carries, through ical.Parse, an error of the store (or a
// cancelled context) rather than of the file.
type storeFailure struct{ err error }

func (e storeFailure) Error() string { return e.err.Error() }

type importer struct {
	st  *store.Store
	cat *model.Catalog
	fps []model.FocalPoint
	us  *model.Organization
	now time.Time
}

func newImporter(ctx context.Context, st *store.Store, now time.Time) (*importer, error) {
	c, err := st.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	fps, err := st.FocalPoints(ctx)
	if err != nil {
		return nil, err
	}
	return &importer{st: st, cat: c, fps: fps, us: c.Us(), now: now}, nil
}

// orgOf finds the organization an address belongs to: a focal point's
// address, else the organization's mail domain (or a subdomain of it).
func (im *importer) orgOf(email string) int64 {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return 0
	}
	for _, f := range im.fps {
		if strings.EqualFold(f.Email, email) {
			return f.OrgID
		}
	}
	_, domain, ok := strings.Cut(email, "@")
	if !ok {
		return 0
	}
	domain = strings.TrimSuffix(domain, ".")
	within := func(d string) bool {
		d = strings.ToLower(strings.TrimSpace(d))
		return d != "" && (domain == d || strings.HasSuffix(domain, "."+d))
	}
	for _, o := range im.cat.Orgs {
		if within(o.MailDomain) {
			return o.ID
		}
	}
	// An organization with no mail domain recorded: the domain of one of
	// its focal points is its own.
	for _, f := range im.fps {
		if _, d, ok := strings.Cut(f.Email, "@"); ok && within(d) && im.cat.Org(f.OrgID) != nil && im.cat.Org(f.OrgID).MailDomain == "" {
			return f.OrgID
		}
	}
	return 0
}

// unknownOrganizer says that an event's organizer belongs to no known
// organization, and how to make it known.
func (im *importer) unknownOrganizer(email string) error {
	if strings.TrimSpace(email) == "" {
		return model.Invalid("organizer", "the event names no ORGANIZER, so the partner that convenes it cannot be told")
	}
	org := "ORG"
	var partners []string
	for _, o := range im.cat.Orgs {
		if !o.Us {
			partners = append(partners, o.Acronym)
		}
	}
	if len(partners) == 1 {
		org = partners[0]
	}
	return model.Invalid("organizer", "the organizer %s is not a known focal point, and its mail domain is not that of a partner (%s): if it writes for a partner, record it, e.g. liaison focal-point add --org %s --email %s --name NAME, and import the file again",
		email, strings.Join(partners, ", "), org, email)
}

func (im *importer) isUs(org int64) bool { return im.us != nil && org == im.us.ID }

// apply applies one event; it returns the ID of a partner meeting added or
// updated, for the reciprocity check.
func (im *importer) apply(ctx context.Context, it *ical.Item, l *Line) (int64, error) {
	if it.Problem != "" {
		return 0, model.Invalid("event", "%s", it.Problem)
	}
	switch it.Method {
	case ical.Reply:
		return 0, im.reply(ctx, it, l)
	case ical.Cancel:
		return im.cancel(ctx, it, l)
	case ical.Request, ical.Publish:
		return im.meeting(ctx, it, l)
	}
	return 0, model.Invalid("method", "METHOD:%s is not imported (only REPLY, REQUEST, PUBLISH and CANCEL)", it.Method)
}

func (im *importer) reply(ctx context.Context, it *ical.Item, l *Line) error {
	m, err := im.st.MeetingByUID(ctx, it.UID)
	if errors.Is(err, model.ErrNotFound) {
		if s, serr := im.st.SeriesByUID(ctx, it.UID); serr == nil {
			return im.seriesReply(ctx, it, s, l)
		}
		return model.Invalid("uid", "a reply for %s, which matches none of our meetings or consultation series: not recorded (check it by hand)", it.UID)
	}
	if err != nil {
		return err
	}
	l.Title = m.Title
	if !im.isUs(m.ConvenerID) {
		return model.Invalid("uid", "a reply for %q, which is convened by %s, not by us", m.Title, im.cat.Acronym(m.ConvenerID))
	}
	if !it.RecurrenceID.IsZero() && !it.RecurrenceID.Equal(m.StartsAt()) {
		return model.Invalid("recurrence-id", "a reply for one occurrence (%s) of %q, which does not recur", it.RecurrenceID.Format(time.RFC3339), m.Title)
	}
	ans, org, err := im.partnerAnswer(it)
	if err != nil {
		return err
	}
	inv, err := im.st.UpdateInvitation(ctx, m.ID, org, func(inv *model.Invitation) error {
		if inv.SentAt.IsZero() {
			return model.Invalid("invitation", "%s replied, but no invitation to %s was recorded as sent: record how it went out first (liaison invitation mark-sent %d --to %s --on D --via letter), then import the reply again", ans.From.Email, im.cat.Acronym(org), m.ID, im.cat.Acronym(org))
		}
		return inv.RecordReply(model.Reply{At: im.now, State: ans.State, Sequence: it.Sequence, HasSequence: true, Representatives: ans.Representatives, Comment: ans.Note})
	})
	if err != nil {
		return err
	}
	l.What = "reply"
	l.Why = fmt.Sprintf("%s %s (version %d)", im.cat.Acronym(org), ans.State, inv.ReplySequence)
	if inv.ReplySequence < inv.SentSequence {
		l.Why += fmt.Sprintf("; version %d, sent since, is not yet answered", inv.SentSequence)
	}
	if len(ans.Representatives) > 0 {
		names := make([]string, len(ans.Representatives))
		for i, r := range ans.Representatives {
			names[i] = r.String()
		}
		l.Why += ", representatives: " + strings.Join(names, ", ")
	}
	return nil
}

// sender finds the partner that sent an event: Liaison's convener mark,
// else the organizer's address.
func (im *importer) sender(it *ical.Item) (int64, error) {
	if it.Convener != "" {
		if o, err := im.cat.OrgByAcronym("convener", it.Convener); err == nil {
			return o.ID, nil
		}
	}
	if org := im.orgOf(it.Organizer.Email); org != 0 {
		return org, nil
	}
	return 0, im.unknownOrganizer(it.Organizer.Email)
}

func (im *importer) cancel(ctx context.Context, it *ical.Item, l *Line) (int64, error) {
	org, err := im.sender(it)
	if err != nil {
		return 0, err
	}
	m, err := im.st.MeetingByUID(ctx, it.UID)
	if errors.Is(err, model.ErrNotFound) {
		if s, serr := im.st.SeriesByUID(ctx, it.UID); serr == nil && !im.isUs(org) {
			return 0, im.cancelSeries(ctx, it, s, l)
		}
		return 0, model.Invalid("uid", "a cancellation for %s, which matches no meeting or consultation series: nothing to cancel", it.UID)
	}
	if err != nil {
		return 0, err
	}
	l.Title = m.Title
	if m.ConvenerID != org || im.isUs(org) {
		return 0, model.Invalid("uid", "%s cannot cancel %q, convened by %s", im.cat.Acronym(org), m.Title, im.cat.Acronym(m.ConvenerID))
	}
	if it.Sequence < m.Sequence {
		return 0, model.Invalid("sequence", "this cancellation is version %d, older than the version %d we hold", it.Sequence, m.Sequence)
	}
	if m.Status == model.StatusCancelled {
		l.What, l.Why = "unchanged", "already cancelled"
		return 0, nil
	}
	cm, err := im.st.CancelMeeting(ctx, m.ID)
	if err != nil {
		return 0, err
	}
	// The partner's CANCEL is itself the notice that follows an invitation
	// it sent us: record it as the version received, so that the
	// invitation shows as void, not as owing a cancellation notice.
	if im.us != nil {
		if inv, err := im.st.Invitation(ctx, m.ID, im.us.ID); err == nil && !inv.SentAt.IsZero() && inv.State != model.InvWaived {
			at := it.Stamp
			if at.IsZero() || at.After(im.now) {
				at = im.now
			}
			if _, err := im.st.UpdateInvitation(ctx, m.ID, im.us.ID, func(inv *model.Invitation) error {
				return inv.MarkSent(at, cm.Sequence, "ics")
			}); err != nil && !errors.Is(err, model.ErrInvalid) {
				return 0, err
			}
		}
	}
	l.What = "cancelled"
	return m.ID, nil
}

func (im *importer) meeting(ctx context.Context, it *ical.Item, l *Line) (int64, error) {
	org, err := im.sender(it)
	if err != nil {
		return 0, err
	}
	if im.isUs(org) {
		return 0, model.Invalid("organizer", "this is one of our own meetings: it is not imported back")
	}
	if im.isSeries(ctx, it) {
		return 0, im.series(ctx, it, org, l)
	}
	if !it.HasTime {
		return 0, model.Invalid("dtstart", "the event has no start")
	}
	if unknown := it.Resolve(im.cat, org); len(unknown) > 0 {
		l.Why = "areas not found under the agreements with " + im.cat.Acronym(org) + ": " + strings.Join(unknown, ", ")
	}
	m := it.Meeting
	if it.Floating { // wall clock times: read them in the convener's zone
		o := im.cat.Org(org)
		loc := orgZone(o)
		m.Zone = loc.String()
		m.Start = wall(m.Start, loc)
		m.End = wall(m.End, loc)
	}
	if !m.AllDay && !m.End.After(m.Start) {
		m.End = m.Start.Add(time.Minute) // an event with no length: a minute, so that it can be kept
		l.Why = strings.TrimPrefix(l.Why+"; no end given: one minute long", "; ")
	}
	if it.RRule != "" {
		l.Why = strings.TrimPrefix(l.Why+"; a recurring event: its first occurrence is kept", "; ")
	}
	m.Source = "ics:" + filepath.Base(it.File)
	var old *model.Meeting
	exists, err := im.st.MeetingExists(ctx, it.UID)
	if err == nil && !exists {
		err = fmt.Errorf("meeting %q: %w", it.UID, model.ErrNotFound)
	} else if err == nil {
		old, err = im.st.MeetingByUID(ctx, it.UID)
	}
	switch {
	case errors.Is(err, model.ErrNotFound):
		if !it.RecurrenceID.IsZero() {
			return 0, model.Invalid("recurrence-id", "a moved occurrence of %s, whose series is not imported", it.UID)
		}
		if err := im.st.CreateMeeting(ctx, &m); err != nil {
			return 0, err
		}
		l.What = "added"
		return m.ID, im.received(ctx, it, m.ID, l)
	case err != nil:
		return 0, err
	}
	if old.ConvenerID != org {
		return 0, model.Invalid("uid", "%s belongs to %q, convened by %s, not %s", it.UID, old.Title, im.cat.Acronym(old.ConvenerID), im.cat.Acronym(org))
	}
	if !it.RecurrenceID.IsZero() {
		return 0, model.Invalid("recurrence-id", "moved occurrences of a partner's recurring meeting are not imported")
	}
	switch {
	case it.Sequence < old.Sequence:
		return 0, model.Invalid("sequence", "version %d is older than the version %d we hold: skipped", it.Sequence, old.Sequence)
	case it.Sequence == old.Sequence && !model.MaterialChange(old, &m):
		l.What, l.Why = "unchanged", fmt.Sprintf("version %d is already here", it.Sequence)
		return 0, nil
	}
	m.ID, m.Version, m.Notes, m.InterestMarks, m.Created = old.ID, old.Version, old.Notes, old.InterestMarks, old.Created
	if !it.FromLiaison { // what another program cannot say is kept as an officer set it
		m.Kind, m.IGOsInvited, m.ObserversExcluded, m.ExclusionReason = old.Kind, old.IGOsInvited, old.ObserversExcluded, old.ExclusionReason
		if len(m.AreaIDs) == 0 {
			m.AreaIDs = old.AreaIDs
		}
		m.Agenda = old.Agenda
	}
	if err := im.st.UpdateMeeting(ctx, &m); err != nil {
		return 0, err
	}
	l.What = "updated"
	return m.ID, im.received(ctx, it, m.ID, l)
}

// received records, when a partner's REQUEST names one of us as an
// attendee, that the partner sent us its observer invitation (this
// version): the Article 2 rule run on the partner's meeting then knows we
// were invited.
func (im *importer) received(ctx context.Context, it *ical.Item, meetingID int64, l *Line) error {
	if it.Method != ical.Request || im.us == nil {
		return nil
	}
	invited := false
	for _, a := range it.Attendees {
		if im.isUs(im.orgOf(a.Email)) {
			invited = true
		}
	}
	if !invited {
		return nil
	}
	if inv, err := im.st.Invitation(ctx, meetingID, im.us.ID); err == nil && !inv.SentAt.IsZero() && inv.SentSequence >= it.Sequence {
		return nil // this version is already recorded
	}
	at := it.Stamp
	if at.IsZero() || at.After(im.now) {
		at = im.now
	}
	_, err := im.st.UpdateInvitation(ctx, meetingID, im.us.ID, func(inv *model.Invitation) error {
		return inv.MarkSent(at, it.Sequence, "ics")
	})
	note := fmt.Sprintf("%s's invitation to %s recorded (version %d)", im.cat.Acronym(it.Meeting.ConvenerID), im.us.Acronym, it.Sequence)
	if err != nil {
		if !errors.Is(err, model.ErrInvalid) {
			return err
		}
		note = "the invitation to us could not be recorded: " + err.Error()
	}
	l.Why = strings.TrimPrefix(l.Why+"; "+note, "; ")
	return nil
}

func wall(t time.Time, loc *time.Location) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
}
