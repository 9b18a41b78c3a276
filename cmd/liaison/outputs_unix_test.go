//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A brief for internal use and a feed without --for hold internal material:
// 0600 whatever the umask. What is made for a partner follows the umask.
func TestInternalOutputsArePrivate(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	mode := func(name string) os.FileMode {
		fi, err := os.Stat(filepath.Join(dir, name))
		require.NoError(t, err)
		return fi.Mode().Perm()
	}
	c.ok("brief", id, "-o", filepath.Join(dir, "internal.pdf"))
	c.ok("brief", id, "--for", "IOM", "-o", filepath.Join(dir, "iom.pdf"))
	c.ok("export", "-o", filepath.Join(dir, "own.ics"))
	c.ok("export", "--for", "IOM", "-o", filepath.Join(dir, "iom.ics"))
	assert.Equal(t, os.FileMode(0o600), mode("internal.pdf"))
	assert.Equal(t, os.FileMode(0o644), mode("iom.pdf"))
	assert.Equal(t, os.FileMode(0o600), mode("own.ics"))
	assert.Equal(t, os.FileMode(0o644), mode("iom.ics"))
	syscall.Umask(0o077)
	c.ok("brief", id, "--for", "IOM", "-o", filepath.Join(dir, "iom.pdf"))
	assert.Equal(t, os.FileMode(0o600), mode("iom.pdf"), "under umask 077")
}
