package assets

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIconIsA512SquarePNG(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("Icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Fatalf("Icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
}
