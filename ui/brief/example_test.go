package brief_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/ui/brief"
)

// The caller gathers the records (ui/briefing does it from the store),
// writes the PDF, and may send it to the printer.
func ExampleWriteMeeting() {
	cat := model.NewCatalog([]model.Organization{
		{ID: 1, Acronym: "INTERPOL", Name: "International Criminal Police Organization", Zone: "Europe/Paris", Us: true},
		{ID: 2, Acronym: "IOM", Name: "International Organization for Migration", Zone: "Europe/Zurich"},
	}, nil)
	lyon, _ := model.LoadZone("Europe/Paris")
	m := &model.Meeting{Title: "Réunion de coordination", Kind: model.KindMeeting, ConvenerID: 1,
		Start: time.Date(2026, 6, 16, 9, 30, 0, 0, lyon), End: time.Date(2026, 6, 16, 12, 0, 0, 0, lyon), Zone: "Europe/Paris",
		Status: model.StatusConfirmed, Confidentiality: model.PartiesOnly, Notes: "internal: only in an internal-use brief"}

	f, err := os.CreateTemp("", "brief-*.pdf")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(f.Name())
	// ForOrg nil: an internal-use brief, with the notes. ForOrg set to a
	// partner that is a party to one of the convener's agreements gives a
	// brief fit to hand to it.
	b := brief.MeetingBrief{Catalog: cat, Meeting: m}
	if err := brief.WriteMeeting(f, b, brief.Options{Paper: "A4"}); err != nil {
		log.Fatal(err)
	}
	f.Close()
	if err := brief.Print(f.Name()); errors.Is(err, brief.ErrNoPrinter) {
		fmt.Println("no printer system: the brief stays in the file")
	}
}
