package brief

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-app/liaison/model"
)

func packPDF(t *testing.T, name string, pk Pack) string {
	pdf, _ := render(t, name, func(w *bytes.Buffer) error { return WritePack(w, pk, Options{}) })
	return pdf
}

// tocEntry is a line of the table of contents as printed: the first words
// of the title and the page number at the right.
type tocEntry struct {
	title string
	page  int
}

// readContents reads the table of contents from the word boxes of pages
// 2 to last (inclusive, 1-based).
func readContents(t *testing.T, pages []bboxPage, last int) []tocEntry {
	const mm = 72 / 25.4
	var out []tocEntry
	for _, p := range pages[1:last] {
		numX := p.w - (marginX+tocPageW)*mm
		for _, w := range p.words {
			n, err := strconv.Atoi(w.text)
			if err != nil || w.x0 < numX || w.y1 > p.h-marginBottom*mm {
				continue
			}
			// The title's first words on the same line, right of the date.
			var words []string
			for _, v := range p.words {
				if math.Abs(v.y0-w.y0) < 1 && v.x0 > (marginX+tocDateW-1)*mm && v.x0 < numX && len(words) < 4 {
					words = append(words, v.text)
				}
			}
			out = append(out, tocEntry{strings.Join(words, " "), n})
		}
	}
	return out
}

func TestPackCoverContentsAndBriefs(t *testing.T) {
	pk := pack(t, 20) // enough for two pages of contents
	pdf := packPDF(t, "pack.pdf", pk)
	texts := pageTexts(t, pdf)
	n := pageCount(t, pdf)
	if n != len(texts) || n < 40 {
		t.Fatalf("pdfinfo counts %d pages, pdftotext %d; want the same, over 40", n, len(texts))
	}
	wantAll(t, "the cover", texts[0], "BRIEFING PACK", "Monday 1 June 2026 to Tuesday 30 June 2026",
		"20 meetings and 1 consultation", "Internal use", "Generated 2026-05-04 09:15 CEST",
		"INTERNAL — INTERPOL use only") // the pack holds internal meetings
	wantAll(t, "the contents", texts[1], "Contents", "Mon 1 Jun 2026", "Réunion n° 1 – Conférence régionale")
	for i, page := range texts {
		wantAll(t, fmt.Sprintf("page %d", i+1), page, fmt.Sprintf("Page %d of %d", i+1, n))
	}
	first := 0 // the first page of a brief
	for i, page := range texts {
		if strings.Contains(page, "BRIEF · ") {
			first = i + 1
			break
		}
	}
	if first != 4 {
		t.Errorf("the first brief starts on page %d, want 4: the cover, then two pages of contents", first)
	}
	bb := boxes(t, pdf)
	toc := readContents(t, bb, first-1)
	if len(toc) != 21 {
		t.Fatalf("the contents list %d entries, want 21: %v", len(toc), toc)
	}
	prev := 0
	for _, e := range toc {
		if e.page <= prev || e.page > n {
			t.Errorf("entry %q points to page %d, after page %d of %d", e.title, e.page, prev, n)
			continue
		}
		prev = e.page
		if page := texts[e.page-1]; !strings.Contains(page, "BRIEF · ") || !strings.Contains(page, e.title) {
			t.Errorf("entry %q points to page %d, which does not start its brief: %.200s", e.title, e.page, page)
		}
	}
	if last := toc[len(toc)-1]; !strings.HasPrefix(last.title, "Consultations INTERPOL–IOM") {
		t.Errorf("the consultation of 16 June should come last, after the meetings of 1–6 June; last is %q", last.title)
	}
	// The bookmarks a reader's side panel shows agree with the contents.
	marks := outline(t, pdf)
	if len(marks) != len(toc)+2 || marks[0] != (tocEntry{"Cover", 1}) || marks[1] != (tocEntry{"Contents", 2}) {
		t.Fatalf("the outline is %v; want the cover, the contents and %d briefs", marks, len(toc))
	}
	for i, e := range toc {
		if m := marks[i+2]; m.page != e.page || !strings.HasPrefix(m.title, e.title) {
			t.Errorf("bookmark %q on page %d, contents entry %q on page %d", m.title, m.page, e.title, e.page)
		}
	}
	for _, p := range layoutProblems(bb) {
		t.Error(p)
	}
}

func TestPackForPartnerLeavesOutInternalItems(t *testing.T) {
	pk := pack(t, 10)
	pk.ForOrg = pk.Catalog.Org(orgIOM)
	pdf := packPDF(t, "pack-iom.pdf", pk)
	txt := text(t, pdf)
	wantAll(t, "the pack for IOM", txt, "Prepared for", "IOM — International Organization for Migration", "Brief prepared for IOM", "8 meetings and 1 consultation",
		"Réunion n° 10", "Consultations INTERPOL–IOM (Art. 8) — 16 June 2026")
	wantNone(t, "the pack for IOM", txt, "INTERNAL-ONLY", "NOTE-INTERNE", "Internal notes", "INTERNAL —", "Anna Gruber")
}

func TestEmptyPack(t *testing.T) {
	pk := Pack{Catalog: catalog(), From: model.MustDate("2026-08-01"), To: model.MustDate("2026-08-31"), Generated: generated(t)}
	pdf := packPDF(t, "empty.pdf", pk)
	if n := pageCount(t, pdf); n != 2 {
		t.Errorf("an empty pack has %d pages, want the cover and the contents", n)
	}
	wantAll(t, "an empty pack", text(t, pdf), "Saturday 1 August 2026 to Monday 31 August 2026", "0 meetings and 0 consultations", "Nothing is scheduled in this period.")

	pk.To = model.MustDate("2026-07-01")
	if err := WritePack(&bytes.Buffer{}, pk, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a period ending before it starts: %v, want ErrInvalid", err)
	}
	pk.Catalog = nil
	if err := WritePack(&bytes.Buffer{}, pk, Options{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a pack with no catalog: %v, want ErrInvalid", err)
	}
}
