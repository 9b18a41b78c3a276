package exchange

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-app/liaison/model"
)

// `liaison export -o l.db --db l.db` replaced the live database with the
// feed; the invitation and consultation exports did the same.
func TestExportsRefuseTheDatabase(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	db := f.st.Path()
	s := &model.ConsultationSeries{AgreementID: f.g.ID, Title: "Consultation", Start: f.meeting.Start, Duration: 3600e9,
		Zone: "Europe/Paris", RRule: "FREQ=YEARLY", Confidentiality: model.PartiesOnly}
	if err := f.st.CreateSeries(ctx, s); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{db, db + "-wal", db + "-shm", db + ".before-0002.bak"} {
		if _, err := ExportFeed(ctx, f.st, FeedOptions{}, now, out); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("feed to %s: %v", out, err)
		}
		if _, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, out, ""); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("invitation to %s: %v", out, err)
		}
		if _, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, filepath.Join(f.dir, "ok.ics"), out); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("invitation e-mail to %s: %v", out, err)
		}
		if _, err := ExportConsultation(ctx, f.st, s.ID, now, out, ""); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("consultation to %s: %v", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(f.dir, "ok.ics")); !os.IsNotExist(err) {
		t.Error("the .ics was written although its .eml was refused")
	}
	if inv, err := f.st.Invitation(ctx, f.meeting.ID, f.iom); err == nil && !inv.SentAt.IsZero() {
		t.Errorf("recorded as sent: %+v", inv)
	}
	if _, err := f.st.Meeting(ctx, f.meeting.ID); err != nil {
		t.Fatalf("the database no longer reads: %v", err)
	}
}

// On a full disk the .eml failed after the .ics had replaced the version
// already there, and the .ics was then removed: the earlier version was
// lost. Now nothing is put in place until everything is written and
// recorded.
func TestFailedExportLeavesTheEarlierFile(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	ics := filepath.Join(f.dir, "inv.ics")
	if err := os.WriteFile(ics, []byte("version 0, as sent"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ExportInvitation(ctx, f.st, f.meeting.ID, f.iom, now, ics, filepath.Join(f.dir, "gone", "inv.eml"))
	if err == nil {
		t.Fatal("writing the .eml into a missing folder succeeded")
	}
	if got := read(t, ics); got != "version 0, as sent" {
		t.Errorf("the earlier .ics became %q", got)
	}
	if inv, err := f.st.Invitation(ctx, f.meeting.ID, f.iom); err == nil && !inv.SentAt.IsZero() {
		t.Errorf("recorded as sent: %+v", inv)
	}
	entries, _ := os.ReadDir(f.dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestCheckICSBeside(t *testing.T) {
	dir := t.TempDir()
	eml := filepath.Join(dir, "invitation.eml")
	ics := ICSBeside(eml)
	if ics != filepath.Join(dir, "invitation.ics") {
		t.Fatalf("ICSBeside = %s", ics)
	}
	if err := CheckICSBeside(ics, false); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ics, []byte("sent before"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckICSBeside(ics, false); !errors.Is(err, ErrICSExists) {
		t.Errorf("an existing .ics: %v", err)
	}
	if err := CheckICSBeside(ics, true); err != nil {
		t.Errorf("with overwrite: %v", err)
	}
}

// A consultation's .eml was put in place before its .ics was written: a
// failure then left a message whose attachment is not the .ics beside it.
func TestConsultationExportIsBothOrNeither(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	s := &model.ConsultationSeries{AgreementID: f.g.ID, Title: "Consultation", Start: f.meeting.Start, Duration: 3600e9,
		Zone: "Europe/Paris", RRule: "FREQ=YEARLY", Confidentiality: model.PartiesOnly}
	if err := f.st.CreateSeries(ctx, s); err != nil {
		t.Fatal(err)
	}
	eml := filepath.Join(f.dir, "c.eml")
	if err := os.WriteFile(eml, []byte("the message sent before"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ExportConsultation(ctx, f.st, s.ID, now, filepath.Join(f.dir, "gone", "c.ics"), eml); err == nil {
		t.Fatal("writing the .ics into a missing folder succeeded")
	}
	if got := read(t, eml); got != "the message sent before" {
		t.Errorf("the .eml became %q", got)
	}
}
