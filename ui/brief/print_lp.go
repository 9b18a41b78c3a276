//go:build !windows

package brief

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
)

// send gives the PDF at the absolute path abs to CUPS's lp (Linux, macOS,
// the BSDs), which queues it for the default printer. When lp is not
// installed it returns ErrNoPrinter; when lp fails (no default printer,
// say) it returns lp's own words; both with the path of the PDF.
func send(abs string) (Route, error) {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return 0, fmt.Errorf("%w (CUPS's lp is not installed); the PDF was saved at %s", ErrNoPrinter, abs)
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
		return 0, fmt.Errorf("printing failed: %s; the PDF was saved at %s", msg, abs)
	}
	return Queued, nil
}
