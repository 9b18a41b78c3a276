package assets

import (
	"bytes"
	"testing"
)

func TestFontsAreEmbeddedTrueType(t *testing.T) {
	for _, name := range []string{FontRegular, FontBold} {
		b := Font(name)
		if len(b) < 100_000 {
			t.Fatalf("%s: %d bytes embedded, want a whole font", name, len(b))
		}
		// A TrueType file starts with the sfnt version 1.0.
		if !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) {
			t.Errorf("%s does not start like a TrueType font: % x", name, b[:4])
		}
		if again := Font(name); &again[0] != &b[0] {
			t.Errorf("%s is read again on every call", name)
		}
	}
	if Font("Missing.ttf") != nil {
		t.Error("an unknown font name gave bytes")
	}
}
