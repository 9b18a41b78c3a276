package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// version and commit are set at link time by `make build` and `make dist`
// (-ldflags "-X main.version=... -X main.commit=..."), from git describe and
// the commit's hash. Without them (go run, go build, tests) they come from
// what the Go toolchain recorded in the binary: the module's version, and
// the VCS revision when it was built inside a git clone.
var (
	version string
	commit  string
)

// versionInfo returns the version ("v0.3.0-12-gabc1234", or "devel" when
// nothing says) and the commit (a hash, "+dirty" when built from a tree with
// uncommitted changes; "" when unknown).
func versionInfo() (ver, rev string) {
	ver, rev = version, commit
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return orDevel(ver), rev
	}
	if ver == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		ver = bi.Main.Version
	}
	if rev == "" {
		dirty := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if rev != "" && dirty {
			rev += "+dirty"
		}
	}
	return orDevel(ver), rev
}

func orDevel(v string) string {
	if v == "" {
		return "devel"
	}
	return v
}

// versionLine is what `liaison --version` prints and Help → About shows:
// "Liaison v0.3.0 (commit 0123abcd…, go1.26.8, windows/amd64)".
func versionLine() string {
	ver, rev := versionInfo()
	var parts []string
	if rev != "" {
		parts = append(parts, "commit "+rev)
	}
	parts = append(parts, runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH)
	return fmt.Sprintf("Liaison %s (%s)", ver, strings.Join(parts, ", "))
}
