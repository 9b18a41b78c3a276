//go:build windows

package brief

import (
	"fmt"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// send hands the PDF at the absolute path abs to the program Windows has
// registered to print PDFs (ShellExecute's "print" verb: Acrobat, Edge,
// SumatraPDF…), which prints it on the default printer. Windows has no lp.
// When no program takes the "print" verb, the PDF is opened with the
// "open" verb instead, for the user to print from the viewer; when neither
// works, the error says where the PDF was saved.
func send(abs string) (Route, error) {
	perr := shellExecute("print", abs)
	if perr == nil {
		return HandedToPrinter, nil
	}
	if oerr := shellExecute("open", abs); oerr != nil {
		return 0, fmt.Errorf("%w (no program prints or opens PDFs here: %v; %v); the PDF was saved at %s", ErrNoPrinter, perr, oerr, abs)
	}
	return Opened, nil
}

func shellExecute(verb, file string) error {
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	f, err := windows.UTF16PtrFromString(file)
	if err != nil {
		return err
	}
	dir, err := windows.UTF16PtrFromString(filepath.Dir(file))
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, v, f, nil, dir, windows.SW_SHOWNORMAL)
}
