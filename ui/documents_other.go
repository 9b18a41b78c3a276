//go:build !windows

package ui

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// documentsDir is the user's documents folder: XDG_DOCUMENTS_DIR from
// ~/.config/user-dirs.dirs (which desktops localize: ~/Dokumente), else
// ~/Documents (macOS, and Linux without XDG user dirs); "" when it does not
// exist.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	dir := filepath.Join(home, "Documents")
	if x := xdgDocuments(home); x != "" {
		dir = x
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// xdgDocuments reads XDG_DOCUMENTS_DIR="$HOME/…" from user-dirs.dirs.
func xdgDocuments(home string) string {
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" || !filepath.IsAbs(config) {
		config = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(config, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = home + rest
		}
		if !filepath.IsAbs(v) {
			return ""
		}
		return filepath.Clean(v)
	}
	return ""
}
