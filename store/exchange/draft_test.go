package exchange

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-app/liaison/model"
)

// A draft is written in full but not recorded: the officer has not sent
// it yet, and Article 2 still says it is owed.
func TestDraftInvitationRecordsNothing(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	before := f.state(t)
	ics, eml := filepath.Join(f.dir, "inv.ics"), filepath.Join(f.dir, "inv.eml")
	res, err := DraftInvitation(ctx, f.st, f.meeting.ID, f.iom, now, ics, eml)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(read(t, ics), "METHOD:REQUEST") || !strings.Contains(read(t, eml), "X-Unsent: 1") {
		t.Error("the draft's files are not complete")
	}
	if res.Invitation != nil || res.Sequence != f.meeting.Sequence {
		t.Errorf("draft result %+v", res)
	}
	if s := f.state(t); s != before || s == model.Sent {
		t.Errorf("Article 2 says %s after a draft, want %s as before", s, before)
	}
}
