//go:build unix

package store

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Exported files were forced to 0644 even under umask 077; internal
// material is 0600 whatever the umask.
func TestWriteFileAtomicRespectsTheUmask(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		umask int
		perm  Perm
		want  os.FileMode
	}{
		{0o022, Shared, 0o644},
		{0o077, Shared, 0o600},
		{0o002, Shared, 0o664},
		{0o022, Private, 0o600},
		{0o000, Private, 0o600},
	} {
		old := syscall.Umask(c.umask)
		out := filepath.Join(dir, "out.ics")
		err := WriteFileAtomic(out, []byte("x"), c.perm)
		syscall.Umask(old)
		require.NoError(t, err)
		fi, err := os.Stat(out)
		require.NoError(t, err)
		assert.Equal(t, c.want, fi.Mode().Perm(), "umask %03o perm %v", c.umask, c.perm)
	}
}

func TestBackupIsPrivateUnderAnyUmask(t *testing.T) {
	s := newStore(t)
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dest := filepath.Join(t.TempDir(), "backup.db")
	require.NoError(t, s.Backup(context.Background(), dest))
	fi, err := os.Stat(dest)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}
