package brief

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNoPrinter: no printing system was found on this machine. The error
// Print returns with it says where the PDF was saved.
var ErrNoPrinter = errors.New("no printer system was found")

// Route says how Send got a PDF towards paper, so that the user is told
// which happened.
type Route int

const (
	// Queued: given to CUPS's lp for the default printer (Linux, macOS).
	Queued Route = iota + 1
	// HandedToPrinter: given to the program Windows has registered to print
	// PDFs (ShellExecute's "print" verb), which prints it on the default
	// printer.
	HandedToPrinter
	// Opened: no program here prints PDFs by itself (Windows), so the PDF
	// was opened in the default viewer, to be printed from there.
	Opened
)

// String is the sentence that tells the user what happened.
func (r Route) String() string {
	switch r {
	case Queued:
		return "Sent to the default printer."
	case HandedToPrinter:
		return "Handed to the program Windows uses to print PDFs, for the default printer."
	case Opened:
		return "No program on this computer prints PDFs by itself: the PDF was opened instead; print it from there."
	}
	return fmt.Sprintf("Route(%d)", int(r))
}

// Print sends the PDF at path to the printer (see Send) without saying how.
func Print(path string) error {
	_, err := Send(path)
	return err
}

// Send sends the PDF at path to the default printer and says how: through
// CUPS's lp on Linux and macOS; on Windows through the program registered
// to print PDFs, or, when there is none, by opening the PDF for the user
// to print. When nothing can print, the error says where the PDF was saved
// so that the user can print it by other means (ErrNoPrinter when there is
// no printing system at all).
func Send(path string) (Route, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, fmt.Errorf("print %s: %w", path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		return 0, fmt.Errorf("print: %w", err)
	}
	return send(abs)
}
