package brief

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/model"
)

// Page geometry, in millimetres, and type sizes, in points.
const (
	family       = "DejaVu"
	marginX      = 18.0
	marginTop    = 12.0
	marginBottom = 22.0 // the footer lives in here
	labelW       = 40.0 // the label column of a field
	lineH        = 4.8  // body line height
	bodySize     = 9.5
	smallSize    = 8.0
)

// marking is the confidentiality marking a page carries.
type marking struct {
	level  model.Confidentiality
	title  string // the banner, e.g. "INTERNAL — INTERPOL use only"
	notice string // the text under it, e.g. the Article 10 notice
	short  string // the footer's reminder
}

// head is what every page of the current brief repeats.
type head struct {
	org        string // our organization
	agreements string // the agreements the brief is made under
	audience   string // "Internal use" or "Prepared for IOM"
	title      string // the brief's title, for the footer
	mark       marking
}

// writer lays out briefs on pages of one PDF document.
type writer struct {
	pdf       *fpdf.Fpdf
	cat       *model.Catalog
	pageW     float64
	pageH     float64
	width     float64 // between the margins
	hq        *time.Location
	generated time.Time
	head      head
	next      *head // the head of the page being started
	level     int   // the outline level of sections: 1 inside a pack
}

func newWriter(o Options, cat *model.Catalog, generated time.Time) (*writer, error) {
	if cat == nil {
		return nil, errMissing("catalog", "a brief needs the catalog of organizations and agreements")
	}
	size, err := o.paper()
	if err != nil {
		return nil, err
	}
	hq := cat.HQZone()
	if generated.IsZero() {
		generated = time.Now()
	}
	p := fpdf.New("P", "mm", size, "")
	// fpdf appends to slices of the font it was given while it subsets it:
	// each document gets its own copy, so that the embedded bytes stay
	// intact and briefs can be made concurrently.
	p.AddUTF8FontFromBytes(family, "", bytes.Clone(assets.Font(assets.FontRegular)))
	p.AddUTF8FontFromBytes(family, "B", bytes.Clone(assets.Font(assets.FontBold)))
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("brief: embedded font: %w", err)
	}
	// After the fonts: fpdf then keeps the digits in every font subset,
	// which the page total written at the end needs.
	p.AliasNbPages("{nb}")
	p.SetMargins(marginX, marginTop, marginX)
	p.SetAutoPageBreak(true, marginBottom)
	p.SetCreationDate(generated)
	p.SetModificationDate(generated)
	p.SetCreator("Liaison", true)
	w := &writer{pdf: p, cat: cat, hq: hq, generated: generated.In(hq)}
	w.pageW, w.pageH = p.GetPageSize()
	w.width = w.pageW - 2*marginX
	if us := cat.Us(); us != nil {
		w.head.org = us.Name
		p.SetAuthor(oneLine(us.Name), true)
	}
	p.SetHeaderFunc(w.header)
	p.SetFooterFunc(w.footer)
	return w, nil
}

func (w *writer) output(out io.Writer) error {
	if err := w.pdf.Output(out); err != nil {
		return fmt.Errorf("brief: writing the PDF: %w", err)
	}
	return nil
}

// newPage starts a page for a brief with header h. The previous page's
// footer, which AddPage writes first, keeps the previous brief's head.
func (w *writer) newPage(h head) {
	if w.head.org != "" && h.org == "" {
		h.org = w.head.org
	}
	w.next = &h
	w.pdf.AddPage()
}

func (w *writer) header() {
	if w.next != nil {
		w.head, w.next = *w.next, nil
	}
	p, h := w.pdf, w.head
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.SetXY(marginX, marginTop)
	top := h.org
	if h.agreements != "" {
		top = join(" · ", top, h.agreements)
	}
	p.SetFont(family, "B", smallSize)
	p.MultiCell(w.width, 3.8, oneLine(top), "", "L", false)
	if h.audience != "" {
		p.SetFont(family, "", smallSize)
		p.MultiCell(w.width, 3.8, oneLine(h.audience), "", "L", false)
	}
	if m := h.mark; m.title != "" {
		p.SetY(p.GetY() + 1.5)
		p.SetFont(family, "B", 10)
		if m.level == model.Internal {
			// A black band: unmistakable on a grey photocopy too.
			p.SetFillColor(0, 0, 0)
			p.SetTextColor(255, 255, 255)
			p.MultiCell(w.width, 5.5, oneLine(m.title), "1", "C", true)
			p.SetTextColor(0, 0, 0)
		} else {
			border := "LTR"
			if m.notice == "" {
				border = "1"
			}
			p.MultiCell(w.width, 5.5, oneLine(m.title), border, "C", false)
		}
		if m.notice != "" {
			p.SetFont(family, "", 7)
			p.MultiCell(w.width, 3.2, clip(oneLine(m.notice), 700), "LRB", "L", false)
		}
	}
	y := p.GetY() + 1.5
	p.Line(marginX, y, w.pageW-marginX, y)
	p.SetXY(marginX, y+4)
}

func (w *writer) footer() {
	p, h := w.pdf, w.head
	y := w.pageH - marginBottom + 7
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.Line(marginX, y, w.pageW-marginX, y)
	p.SetXY(marginX, y+1)
	p.SetFont(family, "", 7)
	gen := "Generated " + stamp(w.generated, w.hq) + " (" + w.hq.String() + ")"
	right := w.width * 0.25
	p.CellFormat(w.width-right, 3.8, w.fit(gen, w.width-right), "", 0, "L", false, 0, "")
	p.CellFormat(right, 3.8, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 1, "R", false, 0, "")
	p.SetX(marginX)
	rest := w.width
	if h.mark.short != "" {
		p.SetFont(family, "B", 7)
		mark := w.fit(h.mark.short, w.width/2)
		mw := p.GetStringWidth(mark) + 2*p.GetCellMargin()
		p.CellFormat(mw, 3.8, mark, "", 0, "L", false, 0, "")
		rest -= mw
		p.SetFont(family, "", 7)
	}
	p.CellFormat(rest, 3.8, w.fit(oneLine(h.title), rest), "", 1, "L", false, 0, "")
}

// fit shortens s (made clean, on one line) with an ellipsis until it fits
// a cell w wide in the current font.
func (w *writer) fit(s string, width float64) string {
	p := w.pdf
	s = oneLine(s)
	room := width - 2*p.GetCellMargin()
	if p.GetStringWidth(s) <= room {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi { // the longest prefix that fits with "…"
		mid := (lo + hi + 1) / 2
		if p.GetStringWidth(string(r[:mid])+"…") <= room {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// need starts a new page unless h millimetres are left on this one.
func (w *writer) need(h float64) {
	if w.pdf.GetY()+h > w.pageH-marginBottom {
		w.pdf.AddPage()
	}
}

// title prints the brief's title: large, wrapped, never clipped.
func (w *writer) title(kicker, title string) {
	p := w.pdf
	p.SetX(marginX)
	if kicker != "" {
		p.SetFont(family, "B", 9)
		p.MultiCell(w.width, 4.5, clean(kicker), "", "L", false)
	}
	// A title of a paragraph's length is set smaller, to leave room for
	// the brief.
	if title = clean(title); len([]rune(title)) > 240 {
		p.SetFont(family, "B", 11)
		p.MultiCell(w.width, 5.2, title, "", "L", false)
	} else {
		p.SetFont(family, "B", 15)
		p.MultiCell(w.width, 6.8, title, "", "L", false)
	}
	p.Ln(1)
}

// section prints a section heading, kept with the start of what follows.
func (w *writer) section(title string) {
	p := w.pdf
	w.need(24)
	p.Ln(3)
	p.SetX(marginX)
	p.SetFont(family, "B", 11.5)
	w.bookmark(title, w.level)
	p.MultiCell(w.width, 6, clean(title), "", "L", false)
	y := p.GetY() + 0.3
	p.SetLineWidth(0.4)
	p.Line(marginX, y, w.pageW-marginX, y)
	p.SetLineWidth(0.2)
	p.SetY(y + 1.8)
}

// bookmark adds an entry to the PDF's outline, the table of contents a
// reader's side panel shows.
func (w *writer) bookmark(title string, level int) {
	w.pdf.Bookmark(clip(oneLine(title), 120), level, -1)
}

// subhead prints a heading inside a section.
func (w *writer) subhead(s string) {
	p := w.pdf
	w.need(16)
	p.Ln(1.5)
	p.SetX(marginX)
	p.SetFont(family, "B", 10)
	p.MultiCell(w.width, 5.2, clean(s), "", "L", false)
}

// field prints "label  value" in two columns; an empty value prints nothing.
func (w *writer) field(label, value string) {
	if value = clean(value); value == "" {
		return
	}
	label = clean(label)
	p := w.pdf
	p.SetFont(family, "", bodySize)
	n := len(p.SplitText(value, w.width-labelW))
	w.need(float64(min(max(n, 2), 3)) * lineH)
	y, page := p.GetY(), p.PageNo()
	p.SetXY(marginX, y)
	p.SetFont(family, "B", smallSize+0.5)
	p.MultiCell(labelW, lineH, label, "", "L", false)
	below := p.GetY()
	p.SetXY(marginX+labelW, y)
	p.SetFont(family, "", bodySize)
	p.MultiCell(w.width-labelW, lineH, value, "", "L", false)
	if p.PageNo() == page && below > p.GetY() {
		p.SetY(below)
	}
}

// para prints a paragraph across the page; blank lines are kept.
func (w *writer) para(s string) {
	s = clean(s)
	p := w.pdf
	w.need(2 * lineH)
	p.SetX(marginX)
	p.SetFont(family, "", bodySize)
	p.MultiCell(w.width, lineH, s, "", "L", false)
}

// note prints a small line of explanation.
func (w *writer) note(s string) {
	s = clean(s)
	p := w.pdf
	w.need(lineH)
	p.SetX(marginX)
	p.SetFont(family, "", smallSize)
	p.MultiCell(w.width, 4, s, "", "L", false)
}

// item prints a bulleted or numbered item with a hanging indent, and an
// optional second line in small type under it.
func (w *writer) item(mark, text, detail string, indent float64) {
	p := w.pdf
	const markW = 9.0
	text, detail = clean(text), clean(detail)
	w.need(lineH * 2)
	y := p.GetY()
	p.SetXY(marginX+indent, y)
	p.SetFont(family, "B", bodySize)
	p.CellFormat(markW, lineH, oneLine(mark), "", 0, "R", false, 0, "")
	p.SetXY(marginX+indent+markW, y)
	p.SetFont(family, "", bodySize)
	p.MultiCell(w.width-indent-markW, lineH, text, "", "L", false)
	if detail != "" {
		p.SetX(marginX + indent + markW)
		p.SetFont(family, "", smallSize)
		p.MultiCell(w.width-indent-markW, 4, detail, "", "L", false)
	}
	p.Ln(0.6)
}
