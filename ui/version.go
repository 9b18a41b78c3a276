package ui

// Version is the build's version line ("Liaison v0.2.0 (commit …, go1.26,
// windows/amd64)"), set by the command before Run; Help → About shows it.
var Version string
