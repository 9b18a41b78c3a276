//go:build !windows

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDocumentsDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	assert.Equal(t, "", documentsDir(), "no Documents folder: Fyne's own choice stands")

	require.NoError(t, os.Mkdir(filepath.Join(home, "Documents"), 0o700))
	assert.Equal(t, filepath.Join(home, "Documents"), documentsDir())

	// A localized desktop names it in user-dirs.dirs.
	require.NoError(t, os.MkdirAll(filepath.Join(home, ".config"), 0o700))
	require.NoError(t, os.Mkdir(filepath.Join(home, "Mes documents"), 0o700))
	dirs := "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOCUMENTS_DIR=\"$HOME/Mes documents\"\n"
	require.NoError(t, os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(dirs), 0o600))
	assert.Equal(t, filepath.Join(home, "Mes documents"), documentsDir())
}
