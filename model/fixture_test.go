package model

import (
	"testing"
	"time"
)

// Test fixture: INTERPOL (us) and IOM under the 2014 agreement, plus UNODC
// under a second agreement with INTERPOL, so that "several agreements at
// once" can be checked.
const (
	orgINTERPOL = 1
	orgIOM      = 2
	orgUNODC    = 3

	agIOM   = 10
	agUNODC = 20

	areaBorder   = 101 // IOM agreement: Border security
	areaFraud    = 102 // IOM agreement: Travel document fraud
	areaTraining = 103 // IOM agreement: only INTERPOL is interested
	areaDrugs    = 201 // UNODC agreement
)

func fixtureCatalog() *Catalog {
	orgs := []Organization{
		{ID: orgINTERPOL, Acronym: "INTERPOL", Name: "International Criminal Police Organization", Zone: "Europe/Paris", Us: true},
		{ID: orgIOM, Acronym: "IOM", Name: "International Organization for Migration", Zone: "Europe/Zurich"},
		{ID: orgUNODC, Acronym: "UNODC", Name: "United Nations Office on Drugs and Crime", Zone: "Europe/Vienna"},
	}
	ags := []Agreement{
		{
			ID: agIOM, Key: "interpol-iom-2014", Title: "Cooperation Agreement", ShortName: "INTERPOL–IOM 2014",
			Parties:  []Party{{OrgID: orgINTERPOL, Article: "Art. 2.1"}, {OrgID: orgIOM, Article: "Art. 2.2"}},
			SignedOn: MustDate("2014-03-05"), InForceFrom: MustDate("2014-03-05"),
			Areas: []Area{
				{ID: areaBorder, AgreementID: agIOM, Name: "Border security"},
				{ID: areaFraud, AgreementID: agIOM, Name: "Travel document fraud"},
				{ID: areaTraining, AgreementID: agIOM, Name: "Capacity-building for police"},
			},
			Interests: []Interest{
				{orgINTERPOL, areaBorder}, {orgINTERPOL, areaFraud}, {orgINTERPOL, areaTraining},
				{orgIOM, areaBorder}, {orgIOM, areaFraud},
			},
			LeadTimeDays: 42, ConsultationIntervalDays: 183,
		},
		{
			ID: agUNODC, Key: "interpol-unodc", Title: "Agreement", ShortName: "INTERPOL–UNODC",
			Parties:  []Party{{OrgID: orgINTERPOL, Article: "Art. 3"}, {OrgID: orgUNODC, Article: "Art. 3"}},
			SignedOn: MustDate("2010-01-01"), InForceFrom: MustDate("2010-01-01"),
			Areas:        []Area{{ID: areaDrugs, AgreementID: agUNODC, Name: "Drugs"}},
			Interests:    []Interest{{orgUNODC, areaDrugs}, {orgINTERPOL, areaDrugs}},
			LeadTimeDays: 30,
		},
	}
	return NewCatalog(orgs, ags)
}

func paris(t testing.TB) *time.Location {
	loc, err := LoadZone("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// conference returns an INTERPOL meeting in Lyon on 2027-06-23, 09:00–17:00,
// with IGOs invited and an agenda item on border security.
func conference(t testing.TB) Meeting {
	loc := paris(t)
	return Meeting{
		ID: 7, UID: "m7@liaison", Title: "European Regional Conference", Kind: KindConference,
		ConvenerID: orgINTERPOL, Zone: "Europe/Paris",
		Start: time.Date(2027, 6, 23, 9, 0, 0, 0, loc), End: time.Date(2027, 6, 23, 17, 0, 0, 0, loc),
		Venue:       Venue{Name: "INTERPOL General Secretariat", City: "Lyon", Country: "FR"},
		IGOsInvited: true, Status: StatusConfirmed, Confidentiality: PartiesOnly,
		Agenda: []AgendaItem{{Title: "Opening"}, {Title: "Border checks at sea ports", AreaIDs: []int64{areaBorder}}},
	}
}

// at returns noon in Paris on day s, the "now" of a test.
func at(t testing.TB, s string) time.Time {
	d := MustDate(s)
	return time.Date(int(d.Year), time.Month(d.Month), int(d.Day), 12, 0, 0, 0, paris(t))
}
