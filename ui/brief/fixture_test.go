package brief

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/ui/explain"
)

// Test fixture: INTERPOL (us, Lyon) with IOM under the 2014 agreement and
// UNODC under a second one; a conference in Buenos Aires with French and
// Spanish text, an invitation sent to IOM and since made out of date, one
// owed to UNODC.
const (
	orgINTERPOL = 1
	orgIOM      = 2
	orgUNODC    = 3

	agIOM   = 10
	agUNODC = 20

	areaBorder = 101
	areaFraud  = 102
	areaDrugs  = 201

	// internalNote must never reach a partner.
	internalNote = "NOTE-INTERNE : le Secrétaire général préfère ne pas s’exprimer sur le financement."
)

// The accented text the PDFs must keep exactly.
const (
	frTitle   = "Conférence régionale « Migración y seguridad » – coopération policière"
	esAgenda  = "Tráfico ilícito de migrantes: niños no acompañados"
	frAgenda  = "Traite des êtres humains : façonner l’échange d’informations"
	frOutcome = "Création d’un groupe de travail conjoint sur la fraude documentaire"
)

func catalog() *model.Catalog {
	orgs := []model.Organization{
		{ID: orgINTERPOL, Acronym: "INTERPOL", Name: "International Criminal Police Organization", Zone: "Europe/Paris", Us: true},
		{ID: orgIOM, Acronym: "IOM", Name: "International Organization for Migration", Zone: "Europe/Zurich"},
		{ID: orgUNODC, Acronym: "UNODC", Name: "United Nations Office on Drugs and Crime", Zone: "Europe/Vienna"},
	}
	ags := []model.Agreement{
		{
			ID: agIOM, Key: "interpol-iom-2014", Title: "Cooperation Agreement between INTERPOL and IOM", ShortName: "INTERPOL–IOM 2014",
			Parties:  []model.Party{{OrgID: orgINTERPOL, Article: "Art. 2.1"}, {OrgID: orgIOM, Article: "Art. 2.2"}},
			SignedOn: model.MustDate("2014-03-05"), InForceFrom: model.MustDate("2014-03-05"),
			Areas: []model.Area{
				{ID: areaBorder, AgreementID: agIOM, Name: "Border management"},
				{ID: areaFraud, AgreementID: agIOM, Name: "Travel document fraud"},
			},
			Interests:             []model.Interest{{OrgID: orgIOM, AreaID: areaBorder}, {OrgID: orgIOM, AreaID: areaFraud}},
			ConfidentialityNotice: "All information that is not in the public domain is to be treated as strictly confidential.", ConfidentialityArticle: "Art. 10",
			LeadTimeDays: 42, ConsultationArticle: "Art. 8", FocalPointArticle: "Art. 7",
		},
		{
			ID: agUNODC, Key: "interpol-unodc", Title: "Agreement between INTERPOL and UNODC", ShortName: "INTERPOL–UNODC",
			Parties:  []model.Party{{OrgID: orgINTERPOL, Article: "Art. 3"}, {OrgID: orgUNODC, Article: "Art. 3"}},
			SignedOn: model.MustDate("2010-01-01"), InForceFrom: model.MustDate("2010-01-01"),
			Areas:        []model.Area{{ID: areaDrugs, AgreementID: agUNODC, Name: "Drug trafficking"}},
			Interests:    []model.Interest{{OrgID: orgUNODC, AreaID: areaDrugs}},
			LeadTimeDays: 30,
		},
	}
	return model.NewCatalog(orgs, ags)
}

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := model.LoadZone(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// generated is the fixed instant the fixtures' briefs are made.
func generated(t testing.TB) time.Time {
	return time.Date(2026, 5, 4, 9, 15, 0, 0, zone(t, "Europe/Paris"))
}

func conference(t testing.TB) *model.Meeting {
	ba := zone(t, "America/Argentina/Buenos_Aires")
	return &model.Meeting{
		ID: 7, UID: "m7@liaison", Sequence: 3, Title: frTitle, Kind: model.KindConference, ConvenerID: orgINTERPOL,
		Start: time.Date(2026, 6, 16, 9, 30, 0, 0, ba), End: time.Date(2026, 6, 17, 13, 0, 0, 0, ba), Zone: "America/Argentina/Buenos_Aires",
		Venue:       model.Venue{Name: "Palacio San Martín", Address: "Arenales 761, C1061AAA", City: "Buenos Aires", Country: "AR", OnlineURL: "https://meet.example.org/conf-ba-2026"},
		IGOsInvited: true, Status: model.StatusConfirmed, Confidentiality: model.PartiesOnly,
		AreaIDs: []int64{areaDrugs},
		Agenda: []model.AgendaItem{
			{Title: "Ouverture et adoption de l’ordre du jour"},
			{Title: esAgenda, AreaIDs: []int64{areaBorder}},
			{Title: frAgenda, AreaIDs: []int64{areaBorder, areaFraud}},
			{Title: "Rutas del narcotráfico en el Cono Sur", AreaIDs: []int64{areaDrugs}},
		},
		Background: "Troisième édition de la conférence régionale ; la précédente s’est tenue à Santiago.",
		Notes:      internalNote,
	}
}

func meetingBrief(t testing.TB) MeetingBrief {
	c, m := catalog(), conference(t)
	invs := []model.Invitation{{
		ID: 70, MeetingID: 7, AgreementID: agIOM, FromOrgID: orgINTERPOL, ToOrgID: orgIOM, State: model.InvAccepted,
		SentAt: time.Date(2026, 4, 2, 8, 0, 0, 0, time.UTC), SentSequence: 2, SentVia: "ics",
		RepliedAt: time.Date(2026, 4, 9, 14, 30, 0, 0, time.UTC), ReplySequence: 2,
		Representatives: []model.Representative{{Name: "María José Núñez", Email: "mnunez@iom.int", Role: "Cheffe de mission"}},
	}}
	santiago := zone(t, "America/Santiago")
	series := consultationSeries(t)
	last := &model.Instance{Series: series, Index: 3, Start: time.Date(2026, 3, 17, 10, 0, 0, 0, zone(t, "Europe/Zurich")),
		End: time.Date(2026, 3, 17, 12, 0, 0, 0, zone(t, "Europe/Zurich")), Record: &series.Occurrences[0]}
	return MeetingBrief{
		Catalog: c, Meeting: m, Invitations: invs,
		Obligations:    model.Obligations(c, m, invs, generated(t)),
		Reason:         englishReasons(c),
		OurFocalPoints: []model.FocalPoint{{OrgID: orgINTERPOL, AgreementID: agIOM, Name: "Élodie Marchand", Title: "Cheffe des relations extérieures", Email: "e.marchand@interpol.int", Phone: "+33 4 72 44 70 00"}},
		PartnerFocalPoints: []model.FocalPoint{
			{OrgID: orgIOM, AgreementID: agIOM, Name: "José Ibáñez", Title: "Liaison Officer", Email: "jibanez@iom.int", From: model.MustDate("2025-01-01")},
			{OrgID: orgUNODC, AgreementID: agUNODC, Name: "Anna Gruber", Email: "anna.gruber@un.org"},
		},
		Previous: []model.Meeting{
			{Title: "Conferencia regional 2025 – Santiago de Chile", Kind: model.KindConference, ConvenerID: orgINTERPOL, Status: model.StatusHeld, Confidentiality: model.PartiesOnly,
				Start: time.Date(2025, 6, 10, 9, 0, 0, 0, santiago), End: time.Date(2025, 6, 10, 18, 0, 0, 0, santiago), Zone: "America/Santiago",
				Venue: model.Venue{City: "Santiago", Country: "CL"}},
			{Title: "SECRET-PREVIOUS internal rehearsal", Kind: model.KindConference, Status: model.StatusHeld, Confidentiality: model.Internal,
				AllDay: true, FirstDay: model.MustDate("2025-05-02"), LastDay: model.MustDate("2025-05-02")},
		},
		LastConsultation: last,
		OpenActions: []model.ActionItem{
			{Text: "Partager le guide sur les documents de voyage frauduleux", OwnerOrg: orgIOM, Due: model.MustDate("2026-04-30")},
			{Text: "Nominar un punto focal adjunto", OwnerOrg: orgINTERPOL, Due: model.MustDate("2026-07-01")},
			{Text: "UNODC-ONLY action on precursors", OwnerOrg: orgUNODC, Due: model.MustDate("2026-09-01")},
		},
		Generated: generated(t),
	}
}

func consultationSeries(t testing.TB) *model.ConsultationSeries {
	gva := zone(t, "Europe/Zurich")
	first := time.Date(2025, 3, 18, 10, 0, 0, 0, gva)
	return &model.ConsultationSeries{
		ID: 5, AgreementID: agIOM, Title: "Consultations INTERPOL–IOM (Art. 8)", Start: first, Duration: 2 * time.Hour,
		Zone: "Europe/Zurich", RRule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=3TU", Confidentiality: model.PartiesOnly,
		VenueRotation: []model.Venue{{Name: "Siège de l’OIM", City: "Genève", Country: "CH"}, {Name: "Secrétariat général", City: "Lyon", Country: "FR"}},
		Notes:         internalNote,
		Occurrences: []model.Occurrence{{
			SeriesID: 5, OriginalStart: time.Date(2026, 3, 17, 10, 0, 0, 0, gva), Held: true,
			Minutes:  "Les secrétariats ont examiné la mise en œuvre de l’accord ; año de balance positivo.",
			Outcomes: []string{frOutcome, "Calendrier des échanges de données arrêté"},
			ActionItems: []model.ActionItem{
				{Text: "Envoyer le projet de mandat du groupe de travail", OwnerOrg: orgINTERPOL, Due: model.MustDate("2026-05-15")},
				{Text: "Done already", OwnerOrg: orgIOM, Done: true, DoneOn: model.MustDate("2026-04-01")},
			},
		}},
	}
}

func consultationBrief(t testing.TB) ConsultationBrief {
	s := consultationSeries(t)
	ins, err := s.Instances(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(ins) != 2 {
		t.Fatalf("instances: %v, %d", err, len(ins))
	}
	ins[1].Record = &model.Occurrence{SeriesID: 5, OriginalStart: ins[1].OriginalStart, Agenda: []model.AgendaItem{
		{Title: "Suivi du groupe de travail sur la fraude documentaire", AreaIDs: []int64{areaFraud}},
		{Title: "Señalización de niños no acompañados", AreaIDs: []int64{areaBorder}},
	}}
	return ConsultationBrief{Catalog: catalog(), Instance: &ins[1], Previous: &ins[0], Generated: generated(t),
		OurFocalPoints:     []model.FocalPoint{{OrgID: orgINTERPOL, AgreementID: agIOM, Name: "Élodie Marchand", Email: "e.marchand@interpol.int"}},
		PartnerFocalPoints: []model.FocalPoint{{OrgID: orgIOM, AgreementID: agIOM, Name: "José Ibáñez", Email: "jibanez@iom.int"}},
	}
}

// hugeMeeting has a 2,000-character title and forty agenda items, some of
// them very long, and a web address with no space to break at.
func hugeMeeting(t testing.TB) MeetingBrief {
	b := meetingBrief(t)
	m := *b.Meeting
	words := strings.Fields("Conférence internationale extraordinaire sur la coordination des politiques de sécurité des frontières, la lutte contre la traite et le trafic ilícito de migrantes, y la protección de las víctimas –")
	var title strings.Builder
	for i := 0; title.Len() < 2000; i++ {
		title.WriteString(words[i%len(words)] + " ")
	}
	m.Title = strings.TrimSpace(title.String()[:2000])
	m.Agenda = nil
	for i := range 40 {
		it := model.AgendaItem{Title: fmt.Sprintf("Point %d : examen détaillé de la situation régionale", i+1), AreaIDs: []int64{areaBorder, areaFraud}}
		if i%7 == 3 {
			it.Title += strings.Repeat(" — analyse approfondie des rapports nationaux et des recommandations", 6)
		}
		m.Agenda = append(m.Agenda, it)
	}
	m.Venue.OnlineURL = "https://meet.example.org/" + strings.Repeat("a1b2c3d4", 30)
	m.Background = strings.Repeat("Contexte détaillé de la réunion, avec ses enjeux politiques. ", 60)
	b.Meeting = &m
	return b
}

// pack has n meetings, one every few hours through June 2026, every fifth
// internal, with the fixture's consultation among them.
func pack(t testing.TB, n int) Pack {
	base := meetingBrief(t)
	paris := zone(t, "Europe/Paris")
	pk := Pack{Catalog: base.Catalog, From: model.MustDate("2026-06-01"), To: model.MustDate("2026-06-30"), Generated: generated(t),
		Consultations: []ConsultationBrief{consultationBrief(t)}}
	for i := range n {
		b := base
		m := *base.Meeting
		m.ID = int64(100 + i)
		m.Title = fmt.Sprintf("Réunion n° %d – %s", i+1, base.Meeting.Title)
		if i%9 == 4 {
			m.Title += strings.Repeat(" — séance prolongée consacrée aux questions de coopération opérationnelle", 3)
		}
		m.Start = time.Date(2026, 6, 1, 9, 0, 0, 0, paris).Add(time.Duration(i) * 7 * time.Hour)
		m.End = m.Start.Add(3 * time.Hour)
		m.Zone = "Europe/Paris"
		if i%5 == 2 {
			m.Confidentiality = model.Internal
			m.Title = fmt.Sprintf("INTERNAL-ONLY réunion n° %d", i+1)
		}
		b.Meeting = &m
		b.Obligations = model.Obligations(b.Catalog, &m, b.Invitations, generated(t))
		pk.Meetings = append(pk.Meetings, b)
	}
	return pk
}

// englishReasons says the rule's reasons as ui/briefing does for a brief.
func englishReasons(c *model.Catalog) func(*model.Obligation) string {
	return func(ob *model.Obligation) string { return explain.English().Reason(c, ob) }
}
