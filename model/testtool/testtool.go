// Package testtool decides, for the tests only, what happens when an
// outside program a test drives is missing (Python and its icalendar
// module, Node and ical.js, Radicale, Xandikos, poppler-utils): on a Go
// developer's machine the test is skipped with a message naming the tool
// and how to install it; under CI (CI set, as .ci/run and `make test` set
// it) it fails, since CI installs every tool (.ci/deps.sh test).
//
// It imports only the standard library, so that every package's tests may
// use it.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// CI reports whether the tests run under continuous integration: CI is
// set to anything but "", "0" or "false".
func CI() bool {
	switch os.Getenv("CI") {
	case "", "0", "false":
		return false
	}
	return true
}

// Need returns the path of program tool, or stops the test when it is not
// installed; install says how to get it ("apt-get install poppler-utils").
func Need(t testing.TB, tool, install string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		Missing(t, tool, install, err)
	}
	return p
}

// Missing stops the test because what (a program, a module, a file) is
// not there: a skip naming it, or under CI a failure.
func Missing(t testing.TB, what, install string, err error) {
	t.Helper()
	if CI() {
		t.Fatalf("%s is missing (%v): %s", what, err, install)
		return
	}
	t.Skipf("%s is missing (%v): %s; skipped (with CI=true this fails)", what, err, install)
}
