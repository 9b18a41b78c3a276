package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err, "pdftotext (poppler-utils; make test installs it)")
	return string(out)
}

func TestBriefCommands(t *testing.T) {
	c := newCLI(t)
	id := c.addConference()
	c.ok("focal-point", "add", "--org", "IOM", "--name", "Ana Lima", "--email", "alima@iom.int")
	dir := t.TempDir()

	internal := filepath.Join(dir, "internal.pdf")
	assert.Contains(t, c.ok("brief", id, "-o", internal), "Wrote ")
	text := pdfText(t, internal)
	for _, want := range []string{"European Regional Conference", "Palais des Congrès", "Secretary General to open", "Ana Lima", "Art. 2.1"} {
		assert.Contains(t, text, want)
	}

	partner := filepath.Join(dir, "for-iom.pdf")
	c.ok("brief", id, "-o", partner, "--for", "iom", "--paper", "letter")
	text = pdfText(t, partner)
	assert.Contains(t, text, "European Regional Conference")
	assert.NotContains(t, text, "Secretary General to open", "internal notes never reach a partner's brief")

	pack := filepath.Join(dir, "pack.pdf")
	c.ok("brief", "--from", "2027-06-01", "--to", "2027-06-30", "-o", pack)
	assert.Contains(t, pdfText(t, pack), "European Regional Conference")

	c.fail(2, "brief", id)
	c.fail(2, "brief", id, "--from", "2027-06-01", "--to", "2027-06-30", "-o", pack)
	c.fail(1, "brief", id, "-o", filepath.Join(dir, "x.pdf"), "--paper", "A3")
	c.fail(1, "brief", "999", "-o", filepath.Join(dir, "x.pdf"))
	_, err := os.Stat(filepath.Join(dir, "x.pdf"))
	assert.True(t, os.IsNotExist(err), "a refused brief leaves no file")

	if _, err := exec.LookPath("lp"); err != nil {
		code, out, errs := c.run("brief", id, "-o", internal, "--print")
		assert.Equal(t, 1, code)
		assert.Contains(t, out, "Wrote ")
		assert.Contains(t, errs, "no printer system was found")
		assert.True(t, strings.Contains(errs, internal), "says where the PDF was saved: %s", errs)
	}
}
