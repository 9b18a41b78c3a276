package main

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"
)

func TestVersionPrintsTheVersionAndTheCommit(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		var out, errs bytes.Buffer
		if code := run(context.Background(), []string{arg}, &out, &errs); code != 0 {
			t.Fatalf("%s: exit %d, %s", arg, code, errs.String())
		}
		line := strings.TrimSpace(out.String())
		if !strings.HasPrefix(line, "Liaison ") || !strings.Contains(line, runtime.GOOS+"/"+runtime.GOARCH) {
			t.Errorf("%s printed %q", arg, line)
		}
	}

	// What make build and make dist set at link time.
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "v1.4.0-3-g0123abc", "0123abcdef0123abcdef0123abcdef0123abcdef"
	var out bytes.Buffer
	run(context.Background(), []string{"--version"}, &out, &out)
	want := "Liaison v1.4.0-3-g0123abc (commit 0123abcdef0123abcdef0123abcdef0123abcdef, " + runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	if out.String() != want {
		t.Errorf("--version printed %q, want %q", out.String(), want)
	}
}
