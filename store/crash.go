package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Crash is a panic recovered in a command or in one of the app's
// background tasks: the user gets Error's one line, and the stack goes to
// a report file beside the database for whoever fixes the bug.
type Crash struct {
	Task   string // what was being done: "brief", "Briefing pack…"
	Value  any    // what panic was called with
	Report string // the report file written, "" when none could be
}

func (c *Crash) Error() string {
	msg := fmt.Sprintf("an internal error stopped %q (%v); nothing more was changed", c.Task, c.Value)
	if c.Report != "" {
		msg += "; the details are in " + c.Report + ": please send that file to whoever supports Liaison"
	}
	return msg
}

// Recovered turns the value of recover() into a *Crash, writing the report
// beside the database db (or in the system's temporary folder when db is
// not known). Call it from a deferred function, with recover()'s value.
func Recovered(db, task string, v any) *Crash {
	c := &Crash{Task: task, Value: v}
	c.Report, _ = writeCrashReport(db, task, v, debug.Stack(), time.Now())
	return c
}

// writeCrashReport writes the report, mode 0600 (it may quote data from the
// database), and returns its path.
func writeCrashReport(db, task string, v any, stack []byte, now time.Time) (string, error) {
	dir := os.TempDir()
	if db != "" {
		dir = filepath.Dir(db)
	}
	name := "liaison-crash-" + now.UTC().Format("20060102-150405.000000000") + ".txt"
	var b strings.Builder
	fmt.Fprintf(&b, "Liaison crash report\n\ntask: %s\npanic: %v\ntime: %s\ndatabase: %s\ngo: %s %s/%s\n",
		task, v, now.UTC().Format(time.RFC3339Nano), db, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if info, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(&b, "build: %s %s\n", info.Main.Path, info.Main.Version)
	}
	fmt.Fprintf(&b, "\n%s", stack)
	p := filepath.Join(dir, name)
	if err := WriteFileAtomic(p, []byte(b.String()), Private); err != nil {
		return "", err
	}
	return p, nil
}
