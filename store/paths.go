package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// EnvDB names the environment variable that overrides the default
// database path.
const EnvDB = "LIAISON_DB"

// FileName is the database's file name in the user's data folder.
const FileName = "liaison.db"

// DefaultPath returns where the database lives when nothing else is said:
//
//   - Linux and other Unix: $XDG_DATA_HOME/liaison/liaison.db, or
//     ~/.local/share/liaison/liaison.db when XDG_DATA_HOME is unset;
//   - macOS: ~/Library/Application Support/Liaison/liaison.db;
//   - Windows: %AppData%\Liaison\liaison.db.
func DefaultPath() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios":
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "Liaison", FileName), nil
	}
	// The XDG specification ignores a relative XDG_DATA_HOME.
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "liaison", FileName), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find the home folder for the database; set " + EnvDB + " or pass --db: " + err.Error())
	}
	return filepath.Join(home, ".local", "share", "liaison", FileName), nil
}

// PathFrom picks the database path: the command-line flag when given, else
// $LIAISON_DB when set, else DefaultPath. A leading "~/" is the home folder.
func PathFrom(flag string) (string, error) {
	p := strings.TrimSpace(flag)
	if p == "" {
		p = strings.TrimSpace(os.Getenv(EnvDB))
	}
	if p == "" {
		return DefaultPath()
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		p = filepath.Join(home, p[1:])
	}
	return filepath.Abs(p)
}
