package assets

import (
	"embed"
	"sync"
)

// The fonts that briefs are printed in: DejaVu Sans 2.37 (Debian's
// fonts-dejavu-core), regular and bold. They cover Latin, Greek and
// Cyrillic with the typographic marks a protocol office types (« » – ’ …),
// so that French and Spanish print exactly. Their licence (Bitstream Vera,
// with DejaVu's changes in the public domain) is fonts/LICENSE-DejaVu.txt;
// it asks that the licence travel with the fonts, which it does here.
const (
	FontRegular = "DejaVuSans.ttf"
	FontBold    = "DejaVuSans-Bold.ttf"
)

//go:embed fonts/*.ttf
var fontFiles embed.FS

var fontCache sync.Map // name -> []byte

// Font returns the bytes of an embedded TrueType font, FontRegular or
// FontBold. The slice is shared between callers: read it, never change it.
// It returns nil for a name that is not embedded.
func Font(name string) []byte {
	if b, ok := fontCache.Load(name); ok {
		return b.([]byte)
	}
	b, err := fontFiles.ReadFile("fonts/" + name)
	if err != nil {
		return nil
	}
	v, _ := fontCache.LoadOrStore(name, b)
	return v.([]byte)
}
