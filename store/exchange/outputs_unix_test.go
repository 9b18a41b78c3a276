//go:build unix

package exchange

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Every export was forced to 0644, even under umask 077; a feed for our own
// use holds internal meetings and notes and is 0600 whatever the umask.
func TestExportModes(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	mode := func(p string) os.FileMode {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	ics := filepath.Join(f.dir, "inv.ics")
	if _, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, ics, ""); err != nil {
		t.Fatal(err)
	}
	if m := mode(ics); m != 0o600 {
		t.Errorf("invitation under umask 077: %o", m)
	}
	syscall.Umask(0o022)
	for _, c := range []struct {
		opt  FeedOptions
		want os.FileMode
	}{{FeedOptions{}, 0o600}, {FeedOptions{For: f.iom}, 0o644}} {
		p := filepath.Join(f.dir, "feed.ics")
		os.Remove(p)
		if _, err := ExportFeed(ctx, f.st, c.opt, now, p); err != nil {
			t.Fatal(err)
		}
		if m := mode(p); m != c.want {
			t.Errorf("feed %+v under umask 022: %o, want %o", c.opt, m, c.want)
		}
	}
}
