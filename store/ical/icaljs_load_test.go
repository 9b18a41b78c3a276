package ical

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/liaison-app/liaison/model/testtool"
)

// TestIcalJSLoadsWithoutRequireOfAnESModule runs the ical.js check script
// as Debian 12's Node 18 runs it, where require() of an ES module (ical.js
// 2.x) fails with ERR_REQUIRE_ESM. Newer Nodes can require() it, which hid
// the failure: on them the script runs with that turned off.
func TestIcalJSLoadsWithoutRequireOfAnESModule(t *testing.T) {
	mod := filepath.Join(repoRoot(t), ".ci", "validators", "node_modules", "ical.js")
	if _, err := os.Stat(mod); err != nil {
		testtool.Missing(t, "ical.js", "run .ci/deps.sh test", err)
	}
	testtool.Need(t, "node", "run .ci/deps.sh test")
	file := filepath.Join(t.TempDir(), "one.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:one@test\r\n" +
		"DTSTAMP:20250101T000000Z\r\nDTSTART:20250301T090000Z\r\nDTEND:20250301T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	if err := os.WriteFile(file, []byte(ics), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{filepath.Join("testdata", "icaljs_check.js"), mod, file}
	// Node 20.19+ and 22.12+ know this flag (and require ES modules without
	// it); Node 18 does not know it and never requires ES modules.
	if exec.Command("node", "--no-experimental-require-module", "-e", "0").Run() == nil {
		args = append([]string{"--no-experimental-require-module"}, args...)
	}
	out, err := exec.Command("node", args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("node %v: %v\n%s", args, err, msg)
	}
	var got []struct{ UID, Start string }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("ical.js output: %v\n%s", err, out)
	}
	if len(got) != 1 || got[0].UID != "one@test" || got[0].Start != "2025-03-01T09:00:00Z" {
		t.Errorf("ical.js read %+v, want one event one@test at 2025-03-01T09:00:00Z", got)
	}
}
