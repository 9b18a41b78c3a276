package brief

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoPrinter: no printing system was found on this machine. The error
// Print returns with it says where the PDF was saved.
var ErrNoPrinter = errors.New("no printer system was found")

// Print sends the PDF at path to the default printer through CUPS's lp.
// When lp is not installed it returns ErrNoPrinter, saying where the PDF
// was saved so that the user can print it by other means; when lp fails
// (no default printer, say) it returns lp's own words and the same path.
func Print(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("print %s: %w", path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("print: %w", err)
	}
	lp, err := exec.LookPath("lp")
	if err != nil {
		return fmt.Errorf("%w (CUPS's lp is not installed); the PDF was saved at %s", ErrNoPrinter, abs)
	}
	// An absolute path cannot be taken for an option.
	cmd := exec.Command(lp, abs)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(out.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("printing failed: %s; the PDF was saved at %s", msg, abs)
	}
	return nil
}
