//go:build windows

package ui

import (
	"os"

	"golang.org/x/sys/windows"
)

// documentsDir is the user's Documents known folder (which IT may have
// redirected, to OneDrive or a network share), or "" when there is none.
func documentsDir() string {
	dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}
