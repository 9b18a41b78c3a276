package exchange

import (
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
)

// MaxListed is how many events of one file, and how many Article 2
// answers, a summary lists line by line; past it only the counts are kept,
// so that importing a partner's 100,000-event calendar does not hold a
// line of text per event.
const MaxListed = 1000

// MaxSkippedListed is how many skipped events of one file a summary lists,
// each with its reason, before any other: far more than MaxListed, since
// a skipped event is one the officer must know about.
const MaxSkippedListed = 10000

// maxFileNotes bounds the notes about a file's lines outside events.
const maxFileNotes = 100

// Line is one event of an imported file and what became of it.
type Line struct {
	Line  int    // where the event begins in its file
	UID   string //
	What  string // added, updated, cancelled, reply, unchanged (already here), skipped (refused, with why)
	Title string
	Why   string // for a skip: why; otherwise what changed
}

// FileSummary is what one file did.
type FileSummary struct {
	Path    string
	Refused error // the file was refused whole: nothing changed
	// Lines are the first MaxListed events of the file; Unlisted counts
	// the others, which Count still counts.
	Lines    []Line
	Unlisted int
	// Skipped are the events refused one by one, each with its reason, up
	// to MaxSkippedListed; UnlistedSkipped counts the others.
	Skipped         []Line
	UnlistedSkipped int
	// Notes say what was read past outside any event (a malformed line,
	// a stray line after the end), naming the line.
	Notes []string
	// Obligations is the Article 2 rule run on the partner meetings added
	// or updated: which invitations we should have received (reciprocity).
	// The first MaxListed are kept; UnlistedObligations counts the others.
	Obligations         []model.Obligation
	UnlistedObligations int

	counts map[string]int // what -> events, listed or not
}

// Count returns how many events of the file came to what (added, updated,
// cancelled, reply, unchanged, skipped), listed or not.
func (f *FileSummary) Count(what string) int {
	if f.counts != nil {
		return f.counts[what]
	}
	n := 0
	for _, l := range append(f.Skipped, f.Lines...) {
		if l.What == what {
			n++
		}
	}
	return n
}

// Used reports whether anything of the file was used: an event added,
// updated, cancelled, a reply recorded, or one already here.
func (f *FileSummary) Used() bool {
	for _, w := range []string{"added", "updated", "cancelled", "reply", "unchanged"} {
		if f.Count(w) > 0 {
			return true
		}
	}
	return false
}

// Unused says why nothing of a file that was read could be used, or ""
// when something was (or the file was refused, which says why itself).
func (f *FileSummary) Unused() string {
	if f.Refused != nil || f.Used() {
		return ""
	}
	if n := f.Count("skipped"); n > 0 {
		why := f.Skipped[0].Why
		if n == 1 {
			return fmt.Sprintf("%s: nothing could be used: its one event was skipped (%s)", f.Path, why)
		}
		return fmt.Sprintf("%s: nothing could be used: all %d events were skipped (the first: %s)", f.Path, n, why)
	}
	return fmt.Sprintf("%s: nothing could be used: the file holds no event", f.Path)
}

func (f *FileSummary) note(line int, msg string) {
	if len(f.Notes) < maxFileNotes {
		f.Notes = append(f.Notes, fmt.Sprintf("line %d: %s", line, msg))
	}
}

// add records one event: counted always, listed while there is room.
func (f *FileSummary) add(l Line) {
	if f.counts == nil {
		f.counts = map[string]int{}
	}
	f.counts[l.What]++
	if l.What == "skipped" {
		if len(f.Skipped) < MaxSkippedListed {
			f.Skipped = append(f.Skipped, l)
		} else {
			f.UnlistedSkipped++
		}
		return
	}
	if len(f.Lines) < MaxListed {
		f.Lines = append(f.Lines, l)
	} else {
		f.Unlisted++
	}
}

// addObligation keeps an Article 2 answer while there is room.
func (f *FileSummary) addObligation(ob model.Obligation) {
	if len(f.Obligations) < MaxListed {
		f.Obligations = append(f.Obligations, ob)
	} else {
		f.UnlistedObligations++
	}
}

// reset forgets what the file did: it was rolled back.
func (f *FileSummary) reset() {
	f.Lines, f.Unlisted, f.Obligations, f.UnlistedObligations, f.counts = nil, 0, nil, 0, nil
	f.Skipped, f.UnlistedSkipped, f.Notes = nil, 0, nil
}

// Summary is what ImportFiles did, file by file.
type Summary struct{ Files []FileSummary }

// String is Text without the Article 2 reasons.
func (s Summary) String() string { return s.Text(nil) }

// Text says, in a few lines a person reads, what was added, updated and
// skipped, and why; reason, when given, says an Article 2 answer's reason
// in words (ui/explain: the front ends pass it in their language).
func (s Summary) Text(reason func(ob *model.Obligation) string) string {
	var b strings.Builder
	for _, f := range s.Files {
		if f.Refused != nil {
			fmt.Fprintf(&b, "%s: refused, nothing imported: %v\n", f.Path, f.Refused)
			continue
		}
		fmt.Fprintf(&b, "%s: %d added, %d updated, %d cancelled, %d replies, %d unchanged, %d skipped\n", f.Path,
			f.Count("added"), f.Count("updated"), f.Count("cancelled"), f.Count("reply"), f.Count("unchanged"), f.Count("skipped"))
		// The skipped first: each is something the officer must look at.
		for _, l := range f.Skipped {
			fmt.Fprintf(&b, "  line %d: skipped %q: %s\n", l.Line, l.Title, l.Why)
		}
		if f.UnlistedSkipped > 0 {
			fmt.Fprintf(&b, "  ... and %d more skipped events, counted above but not listed one by one\n", f.UnlistedSkipped)
		}
		for _, n := range f.Notes {
			fmt.Fprintf(&b, "  %s\n", n)
		}
		for _, l := range f.Lines {
			fmt.Fprintf(&b, "  line %d: %s %q", l.Line, l.What, l.Title)
			if l.Why != "" {
				b.WriteString(": " + l.Why)
			}
			b.WriteString("\n")
		}
		if f.Unlisted > 0 {
			fmt.Fprintf(&b, "  ... and %d more events, counted above but not listed one by one\n", f.Unlisted)
		}
		for i := range f.Obligations {
			ob := &f.Obligations[i]
			why := ob.State.String()
			if reason != nil {
				why = reason(ob)
			}
			fmt.Fprintf(&b, "  Article 2 (%s): %s\n", ob.Article, why)
		}
		if f.UnlistedObligations > 0 {
			fmt.Fprintf(&b, "  ... and %d more Article 2 answers on the meetings imported, not listed\n", f.UnlistedObligations)
		}
	}
	return b.String()
}
