package exchange

import (
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

// MaxFileSize is the largest file ImportFiles reads: 64 MiB, far above any
// partner's calendar, far below what would hurt.
const MaxFileSize = 64 << 20

// Line is one event of an imported file and what became of it.
type Line struct {
	Line  int    // where the event begins in its file
	UID   string //
	What  string // added, updated, cancelled, reply, skipped
	Title string
	Why   string // for a skip: why; otherwise what changed
}

// FileSummary is what one file did.
type FileSummary struct {
	Path    string
	Refused error // the file was refused whole: nothing changed
	Lines   []Line
	// Obligations is the Article 2 rule run on the partner meetings added
	// or updated: which invitations we should have received (reciprocity).
	Obligations []model.Obligation
}

// Count returns how many lines say what.
func (f *FileSummary) Count(what string) int {
	n := 0
	for _, l := range f.Lines {
		if l.What == what {
			n++
		}
	}
	return n
}

// Summary is what ImportFiles did, file by file.
type Summary struct{ Files []FileSummary }

// String says, in a few lines a person reads, what was added, updated and
// skipped, and why.
func (s Summary) String() string {
	var b strings.Builder
	for _, f := range s.Files {
		if f.Refused != nil {
			fmt.Fprintf(&b, "%s: refused, nothing imported: %v\n", f.Path, f.Refused)
			continue
		}
		fmt.Fprintf(&b, "%s: %d added, %d updated, %d cancelled, %d replies, %d skipped\n", f.Path,
			f.Count("added"), f.Count("updated"), f.Count("cancelled"), f.Count("reply"), f.Count("skipped"))
		for _, l := range f.Lines {
			fmt.Fprintf(&b, "  line %d: %s %q", l.Line, l.What, l.Title)
			if l.Why != "" {
				b.WriteString(": " + l.Why)
			}
			b.WriteString("\n")
		}
		for _, ob := range f.Obligations {
			fmt.Fprintf(&b, "  Article 2 (%s): %s\n", ob.Article, ob.Reason)
		}
	}
	return b.String()
}

// ImportFiles imports partners' calendar files one by one: a REPLY from a
// partner's focal point updates that invitation (matched on UID, keeping
// the reply to the highest SEQUENCE, delegates becoming representatives);
// a REQUEST or PUBLISH adds or updates that partner's meetings (a lower
// SEQUENCE than the one stored is skipped); a CANCEL cancels. A reply for
// an unknown UID is reported, never guessed. Each file is read whole and
// checked before anything changes, so a refused file (truncated, malformed,
// too large) changes nothing; the error returned is only for a failure of
// the store itself. The events of an accepted file are applied in one
// transaction (store.Atomically): should the store itself fail midway,
// nothing of that file stays.
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
	items, err := readFile(path)
	if err != nil {
		fs.Refused = err
		return fs, nil
	}
	// One transaction for the whole file: should the store fail midway,
	// nothing of the file stays. An event refused on its own (a lower
	// SEQUENCE, an unknown UID) is skipped and the rest goes in.
	err = st.Atomically(ctx, func(tx *store.Store) error {
		fs.Lines, fs.Obligations = nil, nil
		im, err := newImporter(ctx, tx, now)
		if err != nil {
			return err
		}
		var touched []int64
		for i := range items {
			it := &items[i]
			l := Line{Line: it.Line, UID: it.UID, Title: it.Meeting.Title}
			id, err := im.apply(ctx, it, &l)
			if err != nil && !errors.Is(err, model.ErrInvalid) && !errors.Is(err, model.ErrNotFound) && !errors.Is(err, model.ErrConflict) {
				return err
			}
			if err != nil {
				l.What, l.Why = "skipped", err.Error()
			} else if len(it.Notes) > 0 { // how doubtful input was read
				l.Why = strings.TrimPrefix(l.Why+"; "+strings.Join(it.Notes, "; "), "; ")
			}
			fs.Lines = append(fs.Lines, l)
			if id != 0 {
				touched = append(touched, id)
			}
		}
		fs.Obligations, err = im.reciprocity(ctx, touched)
		return err
	})
	if err != nil {
		fs.Lines, fs.Obligations = nil, nil
		return fs, fmt.Errorf("%s: nothing imported: %w", path, err)
	}
	return fs, nil
}

// readFile parses a whole file before anything is applied.
func readFile(path string) ([]ical.Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return nil, &ical.ParseError{File: path, Line: 1, Msg: fmt.Sprintf("the file is %d bytes, over the limit of %d: refused", st.Size(), MaxFileSize)}
	}
	var items []ical.Item
	err = ical.Parse(f, path, MaxFileSize, func(it ical.Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

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
	for _, o := range im.cat.Orgs {
		d := strings.ToLower(o.MailDomain)
		if d != "" && (domain == d || strings.HasSuffix(domain, "."+d)) {
			return o.ID
		}
	}
	return 0
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
		return model.Invalid("uid", "a reply for %s, which matches none of our meetings: not recorded (check it by hand)", it.UID)
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
	var org int64
	ans, ok := it.Answer(func(email string) bool {
		o := im.orgOf(email)
		if o != 0 && !im.isUs(o) && (org == 0 || org == o) {
			org = o
			return true
		}
		return false
	})
	if !ok {
		return model.Invalid("attendee", "no attendee of a partner organization answered (accepted, tentative, declined or delegated) in this reply")
	}
	_, err = im.st.UpdateInvitation(ctx, m.ID, org, func(inv *model.Invitation) error {
		if inv.SentAt.IsZero() {
			return model.Invalid("invitation", "%s replied, but no invitation to %s was recorded as sent", ans.From.Email, im.cat.Acronym(org))
		}
		return inv.RecordReply(im.now, ans.State, it.Sequence, ans.Representatives, ans.Note)
	})
	if err != nil {
		return err
	}
	l.What = "reply"
	l.Why = fmt.Sprintf("%s %s (version %d)", im.cat.Acronym(org), ans.State, it.Sequence)
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
	return 0, model.Invalid("organizer", "the organizer %q is neither a focal point nor at the mail domain of a known organization", it.Organizer.Email)
}

func (im *importer) cancel(ctx context.Context, it *ical.Item, l *Line) (int64, error) {
	org, err := im.sender(it)
	if err != nil {
		return 0, err
	}
	m, err := im.st.MeetingByUID(ctx, it.UID)
	if errors.Is(err, model.ErrNotFound) {
		return 0, model.Invalid("uid", "a cancellation for %s, which matches no meeting: nothing to cancel", it.UID)
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
		l.What, l.Why = "skipped", "already cancelled"
		return 0, nil
	}
	if _, err := im.st.CancelMeeting(ctx, m.ID); err != nil {
		return 0, err
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
	if !it.HasTime {
		return 0, model.Invalid("dtstart", "the event has no start")
	}
	if unknown := it.Resolve(im.cat, org); len(unknown) > 0 {
		l.Why = "areas not found under the agreements with " + im.cat.Acronym(org) + ": " + strings.Join(unknown, ", ")
	}
	m := it.Meeting
	if it.Floating { // wall clock times: read them in the convener's zone
		o := im.cat.Org(org)
		loc := zoneOf(o)
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
	old, err := im.st.MeetingByUID(ctx, it.UID)
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
		l.What, l.Why = "skipped", fmt.Sprintf("version %d is already here", it.Sequence)
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

// reciprocity runs the Article 2 rule on the partner meetings imported:
// which observer invitations they owe us.
func (im *importer) reciprocity(ctx context.Context, ids []int64) ([]model.Obligation, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	invs, err := im.st.InvitationsByMeeting(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []model.Obligation
	for _, id := range ids {
		m, err := im.st.Meeting(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, ob := range model.Obligations(im.cat, m, invs[id], im.now) {
			if ob.Incoming {
				out = append(out, ob)
			}
		}
	}
	return out, nil
}
