// Package locale gives the process a real locale when it was started with
// none or the POSIX "C" locale (a server, CI, a container), before Fyne's
// lang package reads it at start-up and logs an error for "C".
//
// main imports it for that side effect only. Go initializes packages in
// the order of their import paths among those whose imports are ready
// (Go 1.21 and later), and this package imports only os: it runs before
// Fyne's lang, which waits for its translation libraries.
package locale

import "os"

func init() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		switch os.Getenv(v) {
		case "":
			continue
		case "C", "POSIX", "C.UTF-8", "C.utf8":
			_ = os.Setenv(v, "en_US.UTF-8")
			continue
		}
		return // a real locale is set: leave it alone
	}
	if os.Getenv("LANG") == "" {
		_ = os.Setenv("LANG", "en_US.UTF-8")
	}
}
