package brief

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// keep writes pdf to $LIAISON_BRIEF_DIR when it is set, for a person to
// look at, and always to a temporary file, whose path it returns.
func keep(t testing.TB, name string, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("LIAISON_BRIEF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestMeetingBriefExample(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMeeting(&buf, meetingBrief(t), Options{}); err != nil {
		t.Fatal(err)
	}
	keep(t, "meeting.pdf", buf.Bytes())
	buf.Reset()
	if err := WriteConsultation(&buf, consultationBrief(t), Options{}); err != nil {
		t.Fatal(err)
	}
	keep(t, "consultation.pdf", buf.Bytes())
	buf.Reset()
	if err := WriteMeeting(&buf, hugeMeeting(t), Options{Paper: "Letter"}); err != nil {
		t.Fatal(err)
	}
	keep(t, "huge.pdf", buf.Bytes())
}

func TestPackExample(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePack(&buf, pack(t, 30), Options{}); err != nil {
		t.Fatal(err)
	}
	keep(t, "pack.pdf", buf.Bytes())
}
