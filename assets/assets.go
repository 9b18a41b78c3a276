// Package assets embeds the files Liaison ships inside its binary: the
// application icon, the fonts briefs are printed in, and the templates.
//
// It imports nothing but the standard library, so that every part of the
// program, including the command line and the tests, can use it without
// pulling in the GUI toolkit; the ui wraps Icon in a fyne.StaticResource.
package assets

import _ "embed" // for go:embed

// IconName is the file name Icon is known by, for a fyne.StaticResource.
const IconName = "icon.png"

// Icon is the application icon: a 512×512 PNG, a white calendar with a
// check mark on a deep blue rounded square. FyneApp.toml points at the same
// file for packaging. Read it, never change it.
//
//go:embed icon.png
var Icon []byte
