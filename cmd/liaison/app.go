package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"

	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/ui"
)

// runApp starts the desktop app on the database --db names, or on the
// default one, seeding it with the INTERPOL–IOM template on first run.
func (e *env) runApp(args []string) (code int) {
	c := newDBCall("liaison")
	defer func() { // a bug on the app's own goroutine: one line, and a report
		if v := recover(); v != nil {
			db, _ := store.PathFrom(c.db)
			fmt.Fprintf(e.stderr, "liaison: %s\n", oneLine(store.Recovered(db, "liaison (the desktop app)", v)))
			code = exitError
		}
	}()
	if err := c.fs.Parse(args); err != nil || c.fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, "usage: liaison [--db PATH]   (liaison help lists the commands)")
		return exitUsage
	}
	if err := displayAvailable(); err != nil {
		fmt.Fprintf(e.stderr, "liaison: %s\n", err)
		return exitError
	}
	st, err := e.openStore(c, false)
	if err != nil {
		fmt.Fprintf(e.stderr, "liaison: %s\n", oneLine(err))
		return exitError
	}
	defer st.Close()
	if err := ensureSeeded(e, st); err != nil {
		fmt.Fprintf(e.stderr, "liaison: setting up %s: %s\n", st.Path(), oneLine(err))
		return exitError
	}
	ui.Version = versionLine()
	if err := ui.Run(e.ctx, st); err != nil {
		fmt.Fprintf(e.stderr, "liaison: %s\n", oneLine(err))
		return exitError
	}
	return exitOK
}

// displayAvailable says, before Fyne tries and panics, when there is no
// screen to open the window on: on Linux and the BSDs a graphical session
// sets DISPLAY (X11) or WAYLAND_DISPLAY.
func displayAvailable() error {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); run Liaison in a desktop session, or use its commands, which need none: liaison help")
	}
	return nil
}
