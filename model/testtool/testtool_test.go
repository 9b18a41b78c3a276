package testtool

import (
	"errors"
	"testing"
)

// recorder is a testing.TB that keeps what Fatalf or Skipf was called with
// instead of stopping the test.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Fatalf(format string, a ...any) { r.fatal = format }
func (r *recorder) Skipf(format string, a ...any)  { r.skip = format }

func TestMissingSkipsOutsideCIAndFailsUnderIt(t *testing.T) {
	for _, c := range []struct {
		env  string
		fail bool
	}{{"", false}, {"false", false}, {"0", false}, {"true", true}, {"1", true}} {
		t.Setenv("CI", c.env)
		r := &recorder{TB: t}
		Missing(r, "radicale", "apt-get install radicale", errors.New("not found"))
		if c.fail && (r.fatal == "" || r.skip != "") || !c.fail && (r.skip == "" || r.fatal != "") {
			t.Errorf("CI=%q: fatal %q, skip %q", c.env, r.fatal, r.skip)
		}
	}
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	if p := Need(r, "no-such-tool-liaison-xyz", "nothing to install"); p != "" || r.skip == "" {
		t.Errorf("a missing tool: path %q, skip %q", p, r.skip)
	}
	r = &recorder{TB: t}
	if p := Need(r, "sh", "coreutils"); p == "" || r.skip != "" || r.fatal != "" {
		t.Errorf("sh is found: %q", p)
	}
}
