package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showGuide is Help → Guide: what Article 2 asks, how the states read and
// the keyboard shortcuts, in a page that fits a 900×600 window.
func (a *App) showGuide() {
	md := "## " + lang.L("What Article 2 asks") + "\n\n" +
		lang.L("When we convene a meeting to which intergovernmental organizations are invited, and its agenda touches a matter of interest to a partner under an agreement in force, we owe that partner an observer invitation, in time: the agreement's lead time before the start.") + "\n\n" +
		"## " + lang.L("How the states read") + "\n\n" +
		"- **" + lang.L("Owed") + ", " + lang.L("Due soon") + ", " + lang.L("Overdue") + "**: " + lang.L("still to be sent; overdue after its due date.") + "\n" +
		"- **" + lang.L("Missed") + "**: " + lang.L("the meeting began without the invitation being sent; record why under the Missed heading of the dashboard.") + "\n" +
		"- **" + lang.L("Review") + "**: " + lang.L("organizations are invited but the agenda has no areas yet: say what it is about.") + "\n" +
		"- **" + lang.L("Update owed") + "**: " + lang.L("the meeting changed (time, place, status) after the invitation was sent.") + "\n" +
		"- **" + lang.L("Sent") + ", " + lang.L("Accepted") + ", " + lang.L("Declined") + ", " + lang.L("Waived") + "**: " + lang.L("nothing left to do.") + "\n\n" +
		"## " + lang.L("Keyboard") + "\n\n" +
		"- Ctrl+N: " + lang.L("New meeting") + "\n" +
		"- Ctrl+S: " + lang.L("Save") + "\n" +
		"- Ctrl+E: " + lang.L("Export invitation…") + "\n" +
		"- Ctrl+P: " + lang.L("Print brief…") + "\n" +
		"- Ctrl+F: " + lang.L("Find meetings…") + "\n" +
		"- " + lang.L("Enter confirms a dialog, Escape cancels it.") + "\n" +
		"- " + lang.L("Dates: type 2027-04-01, or the day, month and year in the language's own order; the date in words shows beside the field.") + "\n"
	rt := widget.NewRichTextFromMarkdown(md)
	rt.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(rt)
	scroll.SetMinSize(fyne.NewSize(560, 380))
	d := newCustomDialog(lang.L("Guide"), lang.L("Close"), scroll, a)
	d.Resize(fyne.NewSize(640, 480))
	a.present(d, d.Dismiss)
}
