package brief

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/model"
)

// render writes a brief with write and keeps it as a file named name (also
// in $LIAISON_BRIEF_DIR when set, for a person to look at); it returns the
// file's path and size.
func render(t *testing.T, name string, write func(*bytes.Buffer) error) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", name)
	}
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, buf.Bytes())
	if dir := os.Getenv("LIAISON_BRIEF_DIR"); dir != "" {
		writeFile(t, filepath.Join(dir, name), buf.Bytes())
	}
	return path, buf.Len()
}

func meetingPDF(t *testing.T, name string, b MeetingBrief, o Options) (string, int) {
	return render(t, name, func(w *bytes.Buffer) error { return WriteMeeting(w, b, o) })
}

func wantAll(t *testing.T, doc, txt string, want ...string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(txt, s) {
			t.Errorf("%s lacks %q", doc, s)
		}
	}
}

func wantNone(t *testing.T, doc, txt string, banned ...string) {
	t.Helper()
	for _, s := range banned {
		if strings.Contains(txt, s) {
			t.Errorf("%s shows %q", doc, s)
		}
	}
}

func TestMeetingBriefHoldsEveryField(t *testing.T) {
	pdf, size := meetingPDF(t, "meeting.pdf", meetingBrief(t), Options{})
	if size > 150_000 {
		t.Errorf("the brief is %d bytes, over the 150 KB target: are the fonts still subset?", size)
	}
	in := info(t, pdf)
	if in["Pages"] != "2" || !strings.Contains(in["Page size"], "(A4)") {
		t.Errorf("pdfinfo: %d pages of %s, want 2 of A4", pageCount(t, pdf), in["Page size"])
	}
	if in["Title"] != frTitle {
		t.Errorf("document title %q, want %q", in["Title"], frTitle)
	}
	txt := text(t, pdf)
	wantAll(t, "the brief", txt,
		// header, on both pages, with the Article 10 notice
		"International Criminal Police Organization · INTERPOL–IOM 2014, INTERPOL–UNODC",
		"CONFIDENTIAL — for the parties only (Art. 10)",
		"Art. 10: All information that is not in the public domain is to be treated as strictly confidential.",
		"Internal-use brief",
		// what, who, when, where
		"MEETING BRIEF · CONFERENCE", frTitle,
		"Kind Convener Status", "INTERPOL — International Criminal Police Organization", "Confirmed",
		"Time at the venue", "Tuesday 16 June 2026, 09:30 UTC−03:00 – Wednesday 17 June 2026, 13:00 UTC−03:00 (America/Argentina/Buenos_Aires)",
		"Time at INTERPOL headquarters", "Tuesday 16 June 2026, 14:30 CEST – Wednesday 17 June 2026, 18:00 CEST (Europe/Paris)",
		"Palacio San Martín, Buenos Aires, AR", "Arenales 761, C1061AAA", "https://meet.example.org/conf-ba-2026",
		// each partner under Article 2
		"IOM — International Organization for Migration", "UPDATE OWED — action needed",
		"after version 2 was sent to IOM on 2026-04-02; send the update (version 3).",
		"from INTERPOL to IOM, Art. 2.1, INTERPOL–IOM 2014",
		"2026-04-02 10:00 CEST, version 2, by ics — the meeting has changed since (now version 3)",
		"Accepted on 2026-04-09 16:30 CEST, answering version 2",
		"María José Núñez <mnunez@iom.int>, Cheffe de mission",
		"UNODC — United Nations Office on Drugs and Crime", "Owed — not yet sent", "from INTERPOL to UNODC, Art. 3, INTERPOL–UNODC",
		"Due Areas of interest", "Sunday 17 May 2026", "Not sent",
		// agenda with areas
		"1. Ouverture et adoption de l’ordre du jour", "2. "+esAgenda, "3. "+frAgenda,
		"Areas of cooperation: Border management; Travel document fraud", "Areas of cooperation: Drug trafficking",
		// contacts
		"Contacts: focal points (Art. 7)", "Élodie Marchand, Cheffe des relations extérieures (INTERPOL)",
		"e.marchand@interpol.int · +33 4 72 44 70 00 · Art. 7, INTERPOL–IOM 2014",
		"José Ibáñez, Liaison Officer (IOM)", "serving from 2025-01-01", "Anna Gruber (UNODC)",
		// background and internal notes, marked
		"Troisième édition de la conférence régionale ; la précédente s’est tenue à Santiago.",
		"Internal notes — INTERNAL, not for partners", internalNote,
		// history
		"Conferencia regional 2025 – Santiago de Chile", "Tuesday 10 June 2025, 09:00–18:00 UTC−04:00 · Held · Santiago, CL",
		"Consultations INTERPOL–IOM (Art. 8) · Tuesday 17 March 2026, 10:00–12:00 CET · Held", frOutcome,
		"Partager le guide sur les documents de voyage frauduleux", "Owner: IOM · due Thursday 30 April 2026",
		"Nominar un punto focal adjunto", "Owner: INTERPOL · due Wednesday 1 July 2026",
	)
	// The open action overdue on the day of the brief says so in words.
	if strings.Contains(txt, "due Wednesday 1 July 2026 — OVERDUE") || !strings.Contains(txt, "due Thursday 30 April 2026 — OVERDUE") {
		t.Error("the overdue action item is not the one marked OVERDUE")
	}
	var marks []string
	for _, m := range outline(t, pdf) {
		marks = append(marks, fmt.Sprintf("%s p.%d", m.title, m.page))
	}
	if got, want := strings.Join(marks, "; "), "Partners: observer invitations (Art. 2) p.1; Agenda p.1; Contacts: focal points (Art. 7) p.2; Background p.2; Internal notes — INTERNAL, not for partners p.2; Related history p.2"; got != want {
		t.Errorf("bookmarks:\n%s\nwant\n%s", got, want)
	}
	for i, page := range pageTexts(t, pdf) {
		wantAll(t, fmt.Sprintf("page %d", i+1), page,
			"CONFIDENTIAL — for the parties only (Art. 10)", "CONFIDENTIAL — parties only (Art. 10)",
			fmt.Sprintf("Page %d of 2", i+1), "Generated 2026-05-04 09:15 CEST (Europe/Paris)")
	}
}

func TestBriefForPartnerHasNoInternalNote(t *testing.T) {
	b := meetingBrief(t)
	iom := b.Catalog.Org(orgIOM)
	b.ForOrg = iom
	pdf, _ := meetingPDF(t, "meeting-iom.pdf", b, Options{})
	txt := text(t, pdf)
	wantAll(t, "the brief for IOM", txt, "Brief prepared for IOM", frTitle, "José Ibáñez", frOutcome,
		"from INTERPOL to IOM, Art. 2.1, INTERPOL–IOM 2014", "2026-04-02 10:00 CEST, version 2, by ics — the meeting has changed since (now version 3)",
		"Accepted on 2026-04-09 16:30 CEST, answering version 2", "María José Núñez <mnunez@iom.int>, Cheffe de mission",
		"Partager le guide", "Nominar un punto focal adjunto", "Conferencia regional 2025", "CONFIDENTIAL — for the parties only")
	wantNone(t, "the brief for IOM", txt, "NOTE-INTERNE", "Secrétaire général", "Internal notes", "Internal-use",
		"SECRET-PREVIOUS", "Anna Gruber", "UNODC-ONLY", "INTERPOL–UNODC", "UNODC — United Nations",
		"UPDATE OWED", "action needed", "send the update") // the office's own working

	// Nor is a waiver's reason.
	w := meetingBrief(t)
	w.ForOrg = iom
	w.Invitations = []model.Invitation{{MeetingID: 7, FromOrgID: orgINTERPOL, ToOrgID: orgIOM, State: model.InvWaived, WaiveReason: "WAIVE-REASON they never come"}}
	w.Obligations = nil
	pdf, _ = meetingPDF(t, "meeting-iom-waived.pdf", w, Options{})
	txt = text(t, pdf)
	wantAll(t, "the brief for IOM with a waived invitation", txt, "Not sent")
	wantNone(t, "the brief for IOM with a waived invitation", txt, "WAIVE-REASON", "Waived")

	// An internal meeting is never handed to a partner.
	m := *b.Meeting
	m.Confidentiality = model.Internal
	b.Meeting = &m
	if err := WriteMeeting(&bytes.Buffer{}, b, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a brief of an internal meeting for IOM: %v, want ErrInvalid", err)
	}
	// Nor is a meeting under no agreement with the partner.
	b = meetingBrief(t)
	b.ForOrg = &model.Organization{ID: 99, Acronym: "WCO"}
	if err := WriteMeeting(&bytes.Buffer{}, b, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a brief for a non-party: %v, want ErrInvalid", err)
	}
}

func TestInternalMeetingIsMarkedOnEveryPage(t *testing.T) {
	b := hugeMeeting(t)
	m := *b.Meeting
	m.Confidentiality = model.Internal
	b.Meeting = &m
	pdf, _ := meetingPDF(t, "internal.pdf", b, Options{})
	pages := pageTexts(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("%d pages, want several", len(pages))
	}
	for i, page := range pages {
		wantAll(t, fmt.Sprintf("page %d", i+1), page, "INTERNAL — INTERPOL use only — never to be shared with a partner", "INTERNAL — INTERPOL only",
			fmt.Sprintf("Page %d of %d", i+1, len(pages)))
		wantNone(t, fmt.Sprintf("page %d", i+1), page, "CONFIDENTIAL")
	}
}

func TestPublicMeetingHasNoMarking(t *testing.T) {
	b := meetingBrief(t)
	m := *b.Meeting
	m.Confidentiality = model.Public
	m.AllDay, m.FirstDay, m.LastDay = true, model.MustDate("2026-06-16"), model.MustDate("2026-06-18")
	b.Meeting = &m
	pdf, _ := meetingPDF(t, "public.pdf", b, Options{})
	txt := text(t, pdf)
	wantAll(t, "a public whole-day conference", txt, "Days", "Tuesday 16 June 2026 – Thursday 18 June 2026 (3 whole days) (America/Argentina/Buenos_Aires)")
	wantNone(t, "a public whole-day conference", txt, "CONFIDENTIAL", "INTERNAL —", "Time at the venue")
}

func TestLongTitleAndFortyItemsStayOnThePage(t *testing.T) {
	b := hugeMeeting(t)
	for _, paper := range []struct{ name, size string }{{"A4", "(A4)"}, {"Letter", "(letter)"}} {
		t.Run(paper.name, func(t *testing.T) {
			pdf, _ := meetingPDF(t, "huge-"+paper.name+".pdf", b, Options{Paper: paper.name})
			in := info(t, pdf)
			if !strings.Contains(in["Page size"], paper.size) {
				t.Errorf("page size %q, want %s", in["Page size"], paper.size)
			}
			checkLayout(t, pdf)
			txt := text(t, pdf)
			// The whole title and every item are there, wrapped, not cut.
			wantAll(t, "the long brief", txt, oneLine(b.Meeting.Title), "40. Point 40 : examen détaillé de la situation régionale",
				"11. Point 11 : examen détaillé de la situation régionale"+strings.Repeat(" — analyse approfondie des rapports nationaux et des recommandations", 6))
			n := pageCount(t, pdf)
			if !strings.Contains(txt, fmt.Sprintf("Page %d of %d", n, n)) {
				t.Errorf("the last page does not say \"Page %d of %d\"", n, n)
			}
		})
	}
}

func TestEveryBriefStaysOnThePage(t *testing.T) {
	b := meetingBrief(t)
	b.Obligations = nil // the brief runs the Article 2 rule itself
	pdf, _ := meetingPDF(t, "meeting.pdf", b, Options{})
	wantAll(t, "a brief that ran the rule", text(t, pdf), "UPDATE OWED — action needed", "Owed — not yet sent")
	checkLayout(t, pdf)
	cb := consultationBrief(t)
	pdf, _ = render(t, "consultation.pdf", func(w *bytes.Buffer) error { return WriteConsultation(w, cb, Options{Paper: "letter"}) })
	checkLayout(t, pdf)
}

func TestConsultationBrief(t *testing.T) {
	b := consultationBrief(t)
	pdf, _ := render(t, "consultation.pdf", func(w *bytes.Buffer) error { return WriteConsultation(w, b, Options{}) })
	if n := pageCount(t, pdf); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
	txt := text(t, pdf)
	wantAll(t, "the consultation brief", txt,
		"CONSULTATION BRIEF · ART. 8", "Consultations INTERPOL–IOM (Art. 8) — 16 June 2026", "INTERPOL–IOM 2014, Art. 8",
		"No. 6 of the series", "Scheduled", "Tuesday 16 June 2026, 10:00–12:00 CEST (Europe/Zurich)",
		"Secrétariat général, Lyon, FR",
		"1. Suivi du groupe de travail sur la fraude documentaire", "Areas of cooperation: Travel document fraud",
		"2. Señalización de niños no acompañados",
		"Previous consultation", "Tuesday 17 March 2026, 10:00–12:00 CET", "Siège de l’OIM, Genève, CH",
		"Les secrétariats ont examiné la mise en œuvre de l’accord ; año de balance positivo.",
		frOutcome, "Calendrier des échanges de données arrêté",
		"Envoyer le projet de mandat du groupe de travail", "Owner: INTERPOL · due Friday 15 May 2026",
		"Élodie Marchand (INTERPOL)", "José Ibáñez (IOM)",
		"Internal notes — INTERNAL, not for partners", internalNote, "Page 2 of 2")
	wantNone(t, "the consultation brief", txt, "Done already")

	b.ForOrg = b.Catalog.Org(orgIOM)
	pdf, _ = render(t, "consultation-iom.pdf", func(w *bytes.Buffer) error { return WriteConsultation(w, b, Options{}) })
	txt = text(t, pdf)
	wantAll(t, "the consultation brief for IOM", txt, "Brief prepared for IOM", frOutcome)
	wantNone(t, "the consultation brief for IOM", txt, "NOTE-INTERNE", "Internal notes")

	b.Instance.Series.Confidentiality = model.Internal
	if err := WriteConsultation(&bytes.Buffer{}, b, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a brief of an internal consultation for IOM: %v, want ErrInvalid", err)
	}
}

func TestBadInput(t *testing.T) {
	b := meetingBrief(t)
	if err := WriteMeeting(&bytes.Buffer{}, b, Options{Paper: "A3"}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("paper A3: %v, want ErrInvalid", err)
	}
	if err := WriteMeeting(&bytes.Buffer{}, MeetingBrief{Catalog: b.Catalog}, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("no meeting: %v, want ErrInvalid", err)
	}
	if err := WriteMeeting(&bytes.Buffer{}, MeetingBrief{Meeting: b.Meeting}, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("no catalog: %v, want ErrInvalid", err)
	}
	if err := WriteConsultation(&bytes.Buffer{}, ConsultationBrief{Catalog: b.Catalog, Instance: &model.Instance{}}, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("no series: %v, want ErrInvalid", err)
	}
}

// A brief with next to nothing filled in still prints, saying what is
// missing, and leaves the embedded fonts as they were.
func TestSparseRecordsStillPrint(t *testing.T) {
	before := sha256.Sum256(assets.Font(assets.FontRegular))
	c := catalog()
	m := &model.Meeting{Title: "Réunion", Kind: model.KindMeeting, ConvenerID: orgIOM, Status: model.StatusPlanned, Confidentiality: model.Public,
		Start: generated(t), End: generated(t).Add(time.Hour), Zone: "Europe/Zurich"}
	b := MeetingBrief{Catalog: c, Meeting: m, Reason: englishReasons(c), LastConsultation: &model.Instance{Start: generated(t), End: generated(t)}, Generated: generated(t)}
	pdf, _ := meetingPDF(t, "sparse.pdf", b, Options{})
	wantAll(t, "a sparse brief", text(t, pdf), "Not owed", "No intergovernmental organizations are invited to this meeting", "No agenda recorded yet.",
		"No background recorded.", "None on record.", "No outcomes recorded.", "None open.", "Page 1 of 1")

	m.ConvenerID = 99 // party to no agreement
	pdf, _ = meetingPDF(t, "sparse-99.pdf", b, Options{})
	wantAll(t, "a brief with an unknown convener", text(t, pdf), "#99", "No agreement on record binds the convener")

	in := &model.Instance{Series: &model.ConsultationSeries{Title: "Consultation", AgreementID: 999}, Start: generated(t), End: generated(t)}
	cb := ConsultationBrief{Catalog: c, Instance: in, Previous: &model.Instance{Start: generated(t), End: generated(t)}, Generated: generated(t)}
	pdf, _ = render(t, "sparse-consultation.pdf", func(w *bytes.Buffer) error { return WriteConsultation(w, cb, Options{}) })
	wantAll(t, "a sparse consultation brief", text(t, pdf), "No agenda recorded yet.", "No minutes recorded.", "No outcomes recorded.")

	if sha256.Sum256(assets.Font(assets.FontRegular)) != before {
		t.Error("making briefs changed the embedded font's bytes")
	}
}

// Briefs are printed on office printers in black and white: nothing may
// rest on colour, so no page has any. Every pixel of every page, rendered
// by poppler, is a shade of grey.
func TestBriefsAreBlackAndWhite(t *testing.T) {
	b := meetingBrief(t)
	m := *b.Meeting
	m.Confidentiality = model.Internal // the black band
	b.Meeting = &m
	pdf, _ := meetingPDF(t, "internal-bw.pdf", b, Options{})
	dir := t.TempDir()
	poppler(t, "pdftoppm", "-png", "-r", "30", pdf, filepath.Join(dir, "page"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != 2 {
		t.Fatalf("pdftoppm made %d pages, want 2", len(pngs))
	}
	for _, name := range pngs {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		dark := 0
		bounds := img.Bounds()
		for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
			for x := bounds.Min.X; x < bounds.Max.X; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if r != g || g != b {
					t.Fatalf("%s: the pixel at %d,%d is coloured (%d, %d, %d)", filepath.Base(name), x, y, r>>8, g>>8, b>>8)
				}
				if r < 0x4000 {
					dark++
				}
			}
		}
		if dark == 0 {
			t.Errorf("%s is blank", filepath.Base(name))
		}
	}
}
