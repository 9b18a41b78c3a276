package ical

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus lists the real-world files in testdata/ics (ical.js's samples and
// parser tests, MPL-2.0: see testdata/ics/README.md).
func corpus(t testing.TB) []string {
	t.Helper()
	root := filepath.Join("testdata", "ics")
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".ics") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("the corpus %s cannot be read: %v", root, err)
	}
	if len(files) < 40 {
		t.Fatalf("only %d files in the corpus %s", len(files), root)
	}
	return files
}

// TestCorpusImportsOrIsRefusedCleanly walks every real-world file: each is
// read whole (a refusal would name the file and the line).
func TestCorpusImportsOrIsRefusedCleanly(t *testing.T) {
	read, refused := 0, 0
	for _, path := range corpus(t) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var items []Item
		err = Parse(f, path, 0, func(it Item) error { items = append(items, it); return nil })
		f.Close()
		if err != nil {
			refused++
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != path || pe.Line <= 0 || !strings.Contains(err.Error(), filepath.Base(path)+":") {
				t.Errorf("%s: refused without naming the file and the line: %v", path, err)
			}
			t.Logf("refused: %v", err)
			continue
		}
		read++
		for _, it := range items {
			if it.File != path || it.Line <= 0 {
				t.Errorf("%s: an item does not say where it comes from: %+v", path, it)
			}
			if it.Problem == "" && it.HasTime && !it.Meeting.AllDay && it.Meeting.Start.IsZero() {
				t.Errorf("%s:%d: a timed event without a start", path, it.Line)
			}
			t.Logf("%s:%d: %s %q %s %s %v problem=%q notes=%q", filepath.Base(path), it.Line, it.Method, it.UID, it.Meeting.Start, it.Meeting.Zone, it.Meeting.AllDay, it.Problem, it.Notes)
		}
	}
	t.Logf("%d files read, %d refused", read, refused)
	// Every file of the corpus is one that ical.js reads: Liaison reads it
	// too, noise skipped with a note, never refused whole.
	if refused > 0 {
		t.Errorf("%d of the %d files that ical.js reads were refused", refused, read+refused)
	}
}
