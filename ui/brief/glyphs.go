package brief

import (
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/liaison-app/liaison/assets"
)

// fallback is what stands for a character the fonts cannot draw.
const fallback = '?'

// glyphSet is one bit per character of the Basic Multilingual Plane: set
// when both embedded fonts (regular and bold) have a glyph for it.
type glyphSet [0x10000 / 64]uint64

// glyphs reads the fonts' character maps once. fpdf's width tables stop at
// U+FFFF (a rune beyond panics with index out of range [65536]), and a
// character missing from the font prints as nothing: both are replaced
// before fpdf sees them.
var glyphs = sync.OnceValue(func() *glyphSet {
	var set glyphSet
	var fonts []*sfnt.Font
	for _, name := range []string{assets.FontRegular, assets.FontBold} {
		f, err := sfnt.Parse(assets.Font(name))
		if err != nil {
			// The embedded fonts are tested to parse; without them only
			// ASCII is known to be safe.
			fonts = nil
			break
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		if unicode.IsControl(r) || (r >= 0xD800 && r <= 0xDFFF) || (r >= 0xFDD0 && r <= 0xFDEF) || r&0xFFFE == 0xFFFE {
			continue
		}
		ok := len(fonts) > 0 || r < 0x7F
		for _, f := range fonts {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				ok = false
				break
			}
		}
		if ok {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

// drawable reports whether the embedded fonts can draw r.
func drawable(r rune) bool {
	if r < 0 || r >= 0x10000 {
		return false
	}
	return glyphs()[r/64]&(1<<(r%64)) != 0
}
