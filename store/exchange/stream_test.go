package exchange

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-app/liaison/store"
)

// partnerEvents writes n partner meetings (IOM's, UIDs ev-N@iom.int) as
// the body of a calendar, without its END:VCALENDAR.
func partnerEvents(n int) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//IOM//Calendar//EN\nMETHOD:PUBLISH\n")
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VEVENT\nUID:ev-%d@iom.int\nSEQUENCE:0\nDTSTAMP:20261101T090000Z\n"+
			"DTSTART:20270%d%02dT090000Z\nDTEND:20270%d%02dT100000Z\nSUMMARY:Working session %d\n"+
			"ORGANIZER;CN=Desk:mailto:desk@iom.int\nSTATUS:CONFIRMED\nEND:VEVENT\n", i, 1+i%9, 1+i%28, 1+i%9, 1+i%28, i)
	}
	return b.String()
}

// dbHash checkpoints the database and hashes its file: equal hashes, an
// unchanged database.
func dbHash(t *testing.T, st *store.Store) [32]byte {
	t.Helper()
	if err := st.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestFileRefusedMidwayChangesNothing: the events before the line that
// makes the file refused have been applied when the parser reaches it; the
// transaction is rolled back and the database file is as it was.
func TestFileRefusedMidwayChangesNothing(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	before := dbHash(t, f.st)
	n0, err := f.st.CountMeetings(ctx, store.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"unbalanced.ics": partnerEvents(50) + "BEGIN:VEVENT\nUID:late@iom.int\nEND:VTODO\nEND:VCALENDAR\n",
		"truncated.ics":  partnerEvents(50),
	} {
		p := writeFile(t, f.dir, name, text)
		sum, err := ImportFiles(ctx, f.st, []string{p}, now)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fs := sum.Files[0]
		if fs.Refused == nil || len(fs.Lines) != 0 || fs.Count("added") != 0 || !strings.Contains(sum.String(), name+":") {
			t.Errorf("%s: refused %v, %d lines\n%s", name, fs.Refused, len(fs.Lines), sum)
		}
		if n, _ := f.st.CountMeetings(ctx, store.MeetingFilter{}); n != n0 {
			t.Errorf("%s: %d meetings after the refused file, %d before", name, n, n0)
		}
		if dbHash(t, f.st) != before {
			t.Errorf("%s: the refused file changed the database file", name)
		}
	}
	// The same events in a whole file go in.
	p := writeFile(t, f.dir, "whole.ics", partnerEvents(50)+"END:VCALENDAR\n")
	sum, err := ImportFiles(ctx, f.st, []string{p}, now)
	if err != nil || sum.Files[0].Refused != nil || sum.Files[0].Count("added") != 50 {
		t.Fatalf("%v\n%s", err, sum)
	}
}

func TestFileOverTheLimitIsRefusedByName(t *testing.T) {
	f := setup(t)
	p := filepath.Join(f.dir, "huge.ics")
	if err := os.WriteFile(p, []byte(partnerEvents(1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, MaxFileSize+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	sum, err := ImportFiles(context.Background(), f.st, []string{p}, now)
	if err != nil || sum.Files[0].Refused == nil || !strings.Contains(sum.Files[0].Refused.Error(), "huge.ics") ||
		!strings.Contains(sum.Files[0].Refused.Error(), "over the limit") {
		t.Errorf("%v\n%s", err, sum)
	}
}

// TestLargeFileSummaryIsBounded: past MaxListed events, the summary
// counts without listing, and says so.
func TestLargeFileSummaryIsBounded(t *testing.T) {
	f := setup(t)
	n := MaxListed + 7
	p := writeFile(t, f.dir, "many.ics", partnerEvents(n)+"END:VCALENDAR\n")
	sum, err := ImportFiles(context.Background(), f.st, []string{p}, now)
	if err != nil {
		t.Fatal(err)
	}
	fs := sum.Files[0]
	if fs.Count("added") != n || len(fs.Lines) != MaxListed || fs.Unlisted != 7 {
		t.Errorf("added %d, listed %d, unlisted %d", fs.Count("added"), len(fs.Lines), fs.Unlisted)
	}
	if s := sum.String(); !strings.Contains(s, fmt.Sprintf("%d added", n)) || !strings.Contains(s, "and 7 more events") {
		t.Errorf("summary head: %.300s ... tail: %s", s, s[max(0, len(s)-300):])
	}
	if got, _ := f.st.CountMeetings(context.Background(), store.MeetingFilter{}); got != n+1 {
		t.Errorf("%d meetings stored, want %d", got, n+1)
	}
}

// TestCancelledImportChangesNothing: the desktop app's Cancel cancels the
// import's context; whatever the import had begun is rolled back.
func TestCancelledImportChangesNothing(t *testing.T) {
	f := setup(t)
	before := dbHash(t, f.st)
	p := writeFile(t, f.dir, "big.ics", partnerEvents(200)+"END:VCALENDAR\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ImportFiles(ctx, f.st, []string{p}, now); err == nil {
		t.Fatal("a cancelled import reported success")
	}
	if after := dbHash(t, f.st); after != before {
		t.Fatal("a cancelled import changed the database")
	}
	// The same file, not cancelled, goes in whole.
	sum, err := ImportFiles(context.Background(), f.st, []string{p}, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.Files[0].Count("added"); got != 200 {
		t.Fatalf("added %d meetings, want 200", got)
	}
}
