package ical

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
)

// The fixtures: INTERPOL (us) and IOM under the 2014 agreement.
const (
	interpol = int64(1)
	iom      = int64(2)
	other    = int64(3)
)

var now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

func catalog() *model.Catalog {
	orgs := []model.Organization{
		{ID: interpol, Acronym: "INTERPOL", Name: "International Criminal Police Organization", Zone: "Europe/Paris", MailDomain: "interpol.int", Us: true},
		{ID: iom, Acronym: "IOM", Name: "International Organization for Migration", Zone: "Europe/Zurich", MailDomain: "iom.int"},
		{ID: other, Acronym: "UNODC", Name: "United Nations Office on Drugs and Crime", Zone: "Europe/Vienna", MailDomain: "unodc.org"},
	}
	ag := model.Agreement{
		ID: 10, Key: "interpol-iom-2014", ShortName: "INTERPOL–IOM 2014",
		Title:   "Cooperation Agreement between the International Criminal Police Organization and the International Organization for Migration",
		Parties: []model.Party{{OrgID: interpol, Article: "Art. 2.1"}, {OrgID: iom, Article: "Art. 2.2"}},
		Areas: []model.Area{
			{ID: 101, AgreementID: 10, Name: "Trafficking in persons", Article: "Art. 6"},
			{ID: 102, AgreementID: 10, Name: "Smuggling of migrants, border management", Article: "Art. 6"},
			{ID: 103, AgreementID: 10, Name: "Travel documents; identity", Article: "Art. 6"},
		},
		SignedOn: model.MustDate("2014-03-05"), InForceFrom: model.MustDate("2014-03-05"), LeadTimeDays: 30,
		ConsultationArticle: "Art. 8",
	}
	return model.NewCatalog(orgs, []model.Agreement{ag})
}

func organizer() model.FocalPoint {
	return model.FocalPoint{ID: 1, OrgID: interpol, AgreementID: 10, Name: "Anne Lefèvre", Title: "Head, External Relations", Email: "a.lefevre@interpol.int", Phone: "+33 4 72 44 70 00"}
}

func partners() []model.FocalPoint {
	return []model.FocalPoint{
		{ID: 2, OrgID: iom, AgreementID: 10, Name: "José Müller-Øster", Email: "jmuller@iom.int"},
		{ID: 3, OrgID: iom, AgreementID: 10, Name: "Smith, \"Kim\"", Email: "ksmith@iom.int"},
	}
}

func paris() *time.Location {
	loc, err := model.LoadZone("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}

// timedMeeting is a two-day meeting in Lyon crossing nothing special.
func timedMeeting() *model.Meeting {
	loc := paris()
	return &model.Meeting{
		ID: 7, UID: "7f0c2a9e-1111-4a4a-8b8b-000000000007@liaison", Sequence: 2,
		Title: "Working group on travel documents, 3rd meeting; Lyon", Kind: model.KindMeeting, ConvenerID: interpol,
		Start: time.Date(2027, 3, 9, 9, 30, 0, 0, loc), End: time.Date(2027, 3, 10, 17, 0, 0, 0, loc), Zone: "Europe/Paris",
		Venue:       model.Venue{Name: "INTERPOL General Secretariat", Address: "200, quai Charles de Gaulle", City: "Lyon", Country: "FR", OnlineURL: "https://meet.example.org/wg-td?pwd=a;b,c"},
		IGOsInvited: true,
		AreaIDs:     []int64{103},
		Agenda: []model.AgendaItem{
			{Title: "Opening, adoption of the agenda", AreaIDs: nil},
			{Title: "Fraudulent travel documents: trends in 2026 — 日本語のテキストも含む長い議題の題名です", AreaIDs: []int64{103, 101}},
		},
		Status: model.StatusConfirmed, Confidentiality: model.PartiesOnly,
		Background: "Follow-up to the 2nd meeting.\nDocuments: see the extranet.",
		Notes:      "INTERNAL: the chair would rather IOM did not come",
		Created:    time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC), Modified: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC),
	}
}

// conference is a whole-day conference, 15–19 September.
func conference() *model.Meeting {
	return &model.Meeting{
		ID: 8, UID: "conf-2027@liaison", Sequence: 0, Title: "INTERPOL European Regional Conference", Kind: model.KindConference,
		ConvenerID: interpol, AllDay: true, FirstDay: model.MustDate("2027-09-15"), LastDay: model.MustDate("2027-09-19"), Zone: "Europe/Lisbon",
		Venue: model.Venue{Name: "Centro de Congressos", City: "Lisboa", Country: "PT"}, IGOsInvited: true, AreaIDs: []int64{101, 102},
		Status: model.StatusPlanned, Confidentiality: model.Public,
	}
}

func series() *model.ConsultationSeries {
	loc, _ := model.LoadZone("Europe/Zurich")
	return &model.ConsultationSeries{
		ID: 4, UID: "consult-2027@liaison", Sequence: 1, AgreementID: 10, Title: "INTERPOL–IOM secretariat consultation",
		Start: time.Date(2027, 1, 19, 14, 0, 0, 0, loc), Duration: 2 * time.Hour, Zone: "Europe/Zurich",
		RRule:           "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=3TU;UNTIL=20281231",
		VenueRotation:   []model.Venue{{Name: "IOM HQ", City: "Geneva", Country: "CH"}, {Name: "INTERPOL GS", City: "Lyon", Country: "FR"}},
		Confidentiality: model.PartiesOnly,
		Occurrences: []model.Occurrence{
			{OriginalStart: time.Date(2027, 4, 20, 14, 0, 0, 0, loc), Cancelled: true},
			{OriginalStart: time.Date(2027, 7, 20, 14, 0, 0, 0, loc), Start: time.Date(2027, 7, 22, 10, 0, 0, 0, loc), End: time.Date(2027, 7, 22, 12, 30, 0, 0, loc)},
			{OriginalStart: time.Date(2027, 10, 19, 14, 0, 0, 0, loc), Cancelled: true},
		},
	}
}

func writeInv(t testing.TB, r Invitation) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteInvitation(&b, r); err != nil {
		t.Fatalf("WriteInvitation: %v", err)
	}
	return b.Bytes()
}

func invitation(m *model.Meeting) Invitation {
	return Invitation{Meeting: m, Catalog: catalog(), Organizer: organizer(), Attendees: partners(), Article: "Art. 2.1", Now: now}
}

func mustReadFile(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
