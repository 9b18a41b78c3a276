package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A panic in a command printed a Go trace; now it is one line on stderr,
// exit 1, and the stack in a report file beside the database.
func TestPanicInACommandIsOneLineAndAReport(t *testing.T) {
	c := newCLI(t)
	c.addConference()
	for _, args := range [][]string{{"obligations"}, {"brief", "1", "-o", filepath.Join(t.TempDir(), "b.pdf")}} {
		var out, errb bytes.Buffer
		// A bug stands in as a clock that panics: every command asks it.
		e := &env{ctx: context.Background(), stdout: &out, stderr: &errb, now: func() time.Time {
			var m map[string]int
			//lint:ignore SA5000 the bug this test needs: a write to a nil map panics
			m["boom"]++
			return time.Time{}
		}}
		code := e.dispatch(append(args, "--db", c.db))
		assert.Equal(t, exitError, code, args)
		msg := errb.String()
		assert.Equal(t, 1, strings.Count(msg, "\n"), "one line: %q", msg)
		assert.Contains(t, msg, "internal error")
		i := strings.Index(msg, "liaison-crash-")
		require.Greater(t, i, 0, msg)
		report := filepath.Join(filepath.Dir(c.db), strings.Fields(msg[i:])[0])
		report = strings.TrimRight(report, ":")
		b, err := os.ReadFile(report)
		require.NoError(t, err, msg)
		assert.Contains(t, string(b), "assignment to entry in nil map")
		assert.Contains(t, string(b), "crash_test.go", "the stack is in the report")
		fi, _ := os.Stat(report)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	}
	assert.Contains(t, c.ok("meeting", "list"), "European Regional Conference", "the database is as it was")
}
