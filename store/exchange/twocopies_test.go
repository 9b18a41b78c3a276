package exchange

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// TestTwoCopiesOfLiaison sends an invitation from INTERPOL's copy of
// Liaison and imports the file into IOM's: the meeting arrives whole
// (areas, agenda, IGOs invited), IOM's copy records the invitation it
// received, and the Article 2 rule there says IOM was invited.
func TestTwoCopiesOfLiaison(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	ics := filepath.Join(f.dir, "to-iom.ics")
	if _, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, ics, ""); err != nil {
		t.Fatal(err)
	}

	theirs, err := store.Open(ctx, filepath.Join(f.dir, "iom.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	if err := theirs.Seed(ctx, "interpol-iom-2014", "IOM"); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportFiles(ctx, theirs, []string{ics}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files[0].Count("added") != 1 {
		t.Fatalf("summary:\n%s", sum)
	}
	m, err := theirs.MeetingByUID(ctx, f.meeting.UID)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := theirs.Catalog(ctx)
	ip, _ := c.OrgByAcronym("org", "INTERPOL")
	if m.ConvenerID != ip.ID || !m.IGOsInvited || m.Title != f.meeting.Title || !m.Start.Equal(f.meeting.Start) ||
		len(m.Agenda) != 1 || len(m.Agenda[0].AreaIDs) != 1 || c.AreaName(m.Agenda[0].AreaIDs[0]) != "Travel document fraud" ||
		m.Confidentiality != model.PartiesOnly || strings.Contains(m.Notes+m.Background, "SECRET") {
		t.Errorf("the meeting in IOM's copy: %+v", m)
	}
	invs, err := theirs.Invitations(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var state model.ObligationState
	for _, ob := range model.Obligations(c, m, invs, now.Add(time.Hour)) {
		if ob.Incoming {
			state = ob.State
		}
	}
	if state != model.Sent {
		t.Errorf("IOM's copy says %q about INTERPOL's invitation, want sent (received)\n%s", state, sum)
	}
}
