package exchange

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/liaison-app/liaison/store"
)

// WriteFileAtomic writes a file meant for others (a partner, a printer)
// atomically, with the mode the user's umask gives. It is
// store.WriteFileAtomic with store.Shared; a command or screen that writes
// next to an open database uses Store.WriteOutput, which also refuses the
// database's own files.
func WriteFileAtomic(path string, data []byte) error {
	return store.WriteFileAtomic(path, data, store.Shared)
}

// ErrICSExists is returned by CheckICSBeside when writing an e-mail would
// replace an .ics file that is already there.
var ErrICSExists = errors.New("an .ics file is already there")

// ICSBeside names the .ics file written beside an .eml: invitation.eml →
// invitation.ics.
func ICSBeside(emlPath string) string {
	return strings.TrimSuffix(emlPath, filepath.Ext(emlPath)) + ".ics"
}

// CheckICSBeside refuses, unless overwrite is set, to write the .ics that
// goes with an e-mail over a file already at icsPath: it may be an earlier
// version already sent, or someone else's file. The command line asks for
// --force, the app for a confirmation.
func CheckICSBeside(icsPath string, overwrite bool) error {
	if overwrite {
		return nil
	}
	if _, err := os.Lstat(icsPath); err == nil {
		return fmt.Errorf("%s: %w; it would be replaced", icsPath, ErrICSExists)
	}
	return nil
}
