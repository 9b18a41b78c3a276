package brief

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/model/testtool"
)

// poppler runs one of poppler-utils' tools. The tests read the PDFs the
// way a person's tools do; without the tool they are skipped, or fail
// under CI (testtool.Need).
func poppler(t testing.TB, tool string, args ...string) string {
	t.Helper()
	path := testtool.Need(t, tool, "apt-get install poppler-utils (.ci/deps.sh test does)")
	cmd := exec.Command(path, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, stderr.String())
	}
	if s := stderr.String(); strings.Contains(s, "Error") || strings.Contains(s, "Warning") {
		t.Fatalf("%s complains about the PDF:\n%s", tool, s)
	}
	return string(out)
}

// text is the PDF's text with every run of white space made one space, so
// that a value wrapped over several lines reads as one string.
func text(t testing.TB, pdf string) string {
	return strings.Join(strings.Fields(poppler(t, "pdftotext", "-enc", "UTF-8", pdf, "-")), " ")
}

// pageTexts is the text of each page, white space made one space.
func pageTexts(t testing.TB, pdf string) []string {
	pages := strings.Split(poppler(t, "pdftotext", "-enc", "UTF-8", pdf, "-"), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), " ")
	}
	return pages
}

// info is pdfinfo's report as a map: "Pages" → "2".
func info(t testing.TB, pdf string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(poppler(t, "pdfinfo", pdf), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return m
}

func pageCount(t testing.TB, pdf string) int {
	n, err := strconv.Atoi(info(t, pdf)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo gives no page count: %v", err)
	}
	return n
}

// word is one word of a page and its box, in points from the top left.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

type bboxPage struct {
	w, h  float64
	words []word
}

var (
	pageRE = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// boxes reads every word's box with pdftotext -bbox.
func boxes(t testing.TB, pdf string) []bboxPage {
	var pages []bboxPage
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, line := range strings.Split(poppler(t, "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"), "\n") {
		if m := pageRE.FindStringSubmatch(line); m != nil {
			pages = append(pages, bboxPage{w: f(m[1]), h: f(m[2])})
			continue
		}
		if m := wordRE.FindStringSubmatch(line); m != nil && len(pages) > 0 {
			p := &pages[len(pages)-1]
			p.words = append(p.words, word{f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
	}
	return pages
}

// checkLayout fails the test when a word lies outside the margins or two
// words overlap: what a reader sees as text run off the page or printed over.
func checkLayout(t *testing.T, pdf string) {
	t.Helper()
	for _, p := range layoutProblems(boxes(t, pdf)) {
		t.Error(p)
	}
}

func layoutProblems(pages []bboxPage) []string {
	const mm = 72 / 25.4
	var out []string
	for i, p := range pages {
		if len(p.words) == 0 {
			out = append(out, fmt.Sprintf("page %d has no text", i+1))
		}
		left, right := marginX*mm-0.5, p.w-marginX*mm+0.5
		for _, w := range p.words {
			if w.x0 < left || w.x1 > right || w.y0 < marginTop*mm-1 || w.y1 > p.h-5*mm {
				out = append(out, fmt.Sprintf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f lies outside the margins (x %.1f–%.1f of %.1f × %.1f)", i+1, w.text, w.x0, w.x1, w.y0, w.y1, left, right, p.w, p.h))
			}
		}
		for a := range p.words {
			for b := a + 1; b < len(p.words); b++ {
				u, v := p.words[a], p.words[b]
				dx := min(u.x1, v.x1) - max(u.x0, v.x0)
				dy := min(u.y1, v.y1) - max(u.y0, v.y0)
				if dx > 0.5 && dy > 1 {
					out = append(out, fmt.Sprintf("page %d: %q and %q overlap", i+1, u.text, v.text))
				}
			}
		}
	}
	return out
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The layout check itself must catch text off the page and text printed
// over text, or the tests that rely on it prove nothing.
func TestLayoutCheckCatchesOverflowAndOverlap(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(family, "", assets.Font(assets.FontRegular))
	p.SetFont(family, "", 10)
	p.AddPage()
	p.Text(100, 50, "inside")
	p.Text(190, 60, "overflowingtherightmargin")
	p.Text(40, 80, "printed")
	p.Text(42, 80, "over")
	path := filepath.Join(t.TempDir(), "bad.pdf")
	if err := p.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(layoutProblems(boxes(t, path)), "\n")
	for _, want := range []string{`"overflowing`, `"printed" and "over" overlap`} {
		if !strings.Contains(got, want) {
			t.Errorf("the layout check missed %s; it said:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"inside"`) {
		t.Errorf("the layout check flagged text inside the margins:\n%s", got)
	}
}

var outlineItemRE = regexp.MustCompile(`^<item page="([0-9]+)">(.*)</item>$`)

// outline reads the top level of the PDF's outline (its bookmarks) with
// pdftohtml -xml.
func outline(t testing.TB, pdf string) []tocEntry {
	var out []tocEntry
	depth := 0
	for _, line := range strings.Split(poppler(t, "pdftohtml", "-xml", "-stdout", "-i", "-q", pdf), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "<outline>":
			depth++
		case line == "</outline>":
			depth--
		case depth == 1:
			if m := outlineItemRE.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				out = append(out, tocEntry{html.UnescapeString(m[2]), n})
			}
		}
	}
	return out
}
