package brief

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrintWithoutPrinterSaysWhereThePDFIs(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "brief.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir()) // no lp on it
	err := Print(pdf)
	if !errors.Is(err, ErrNoPrinter) {
		t.Fatalf("Print = %v, want ErrNoPrinter", err)
	}
	if !strings.Contains(err.Error(), "no printer system was found") || !strings.Contains(err.Error(), pdf) {
		t.Errorf("the error %q does not say that no printer was found and where the PDF is", err)
	}
}

// fakeLP puts an lp on PATH that records its arguments, or fails.
func fakeLP(t *testing.T, script string) (log string) {
	dir := t.TempDir()
	log = filepath.Join(dir, "args")
	body := "#!/bin/sh\n" + strings.ReplaceAll(script, "LOG", log) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "lp"), []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

func TestPrintSendsTheFileToLP(t *testing.T) {
	log := fakeLP(t, `echo "$@" > LOG; echo "request id is Office-1 (1 file(s))"`)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "brief.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if err := Print("brief.pdf"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(got)) != pdf {
		t.Errorf("lp was given %q, want the absolute path %q", got, pdf)
	}
}

func TestPrintReportsLPFailure(t *testing.T) {
	fakeLP(t, `echo "lp: Error - no default destination available." >&2; exit 1`)
	pdf := filepath.Join(t.TempDir(), "brief.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Print(pdf)
	if err == nil || !strings.Contains(err.Error(), "no default destination") || !strings.Contains(err.Error(), pdf) {
		t.Fatalf("Print = %v, want lp's message and the PDF's path", err)
	}
	if errors.Is(err, ErrNoPrinter) {
		t.Error("a failing lp is not a missing printer system")
	}
}

func TestPrintMissingFile(t *testing.T) {
	if err := Print(filepath.Join(t.TempDir(), "nothing.pdf")); err == nil {
		t.Fatal("printing a missing file gave no error")
	}
}
