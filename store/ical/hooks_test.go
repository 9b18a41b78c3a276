package ical

import "testing"

// Hooks for the external test package ical_test (import_bench_test.go),
// which may import store/exchange and so measure the full import, parse
// and store, on the same generated calendar as the parse benchmarks.

// BigCalendar is bigCalendar: the generated 100,000-event file.
func BigCalendar(b *testing.B) string { return bigCalendar(b) }

// importChildEnv makes the test binary import one file into a fresh
// database and report its speed and peak memory, through ImportChild.
const importChildEnv = "LIAISON_ICAL_IMPORT_FILE"

// ImportChild is set by ical_test: it imports a file (parse and store)
// into a fresh database and prints a runResult as JSON; it returns the
// exit code.
var ImportChild func(path string) int

// VmHWM is vmHWM: the process's peak resident memory, in bytes.
func VmHWM() int64 { return vmHWM() }
