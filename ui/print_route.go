package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/liaison-app/liaison/ui/brief"
)

// printRouteText tells the user how the brief went to the printer: queued
// with lp, handed to Windows' PDF printing program, or opened to be printed
// by hand when no program prints PDFs.
func printRouteText(r brief.Route) string {
	switch r {
	case brief.Queued:
		return lang.L("Sent to the default printer.")
	case brief.HandedToPrinter:
		return lang.L("Handed to the program Windows uses to print PDFs, for the default printer.")
	case brief.Opened:
		return lang.L("No program on this computer prints PDFs by itself: the PDF was opened instead; print it from there.")
	}
	return r.String()
}
