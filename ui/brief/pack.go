package brief

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/liaison-app/liaison/model"
)

// packEntry is one item of a pack and its line in the table of contents.
type packEntry struct {
	start   time.Time
	day     model.Date // the first day, in the venue's zone
	title   string
	about   string // kind, status, place, marking: the small line under the title
	level   model.Confidentiality
	ags     []*model.Agreement
	meeting *meetingView
	consult *consultationView
	lines   []string // the title as the table of contents sets it
	page    int      // where the item's brief starts
}

// Table of contents geometry.
const (
	tocDateW = 34.0
	tocPageW = 16.0
	tocGap   = 2.0
	tocSmall = 4.0 // the small line's height
)

// WritePack writes a briefing pack as a PDF to out: a cover page with the
// period, a table of contents with page numbers, then one brief per item.
func WritePack(out io.Writer, pk Pack, o Options) error {
	if pk.Catalog == nil {
		return errMissing("catalog", "a pack needs the catalog of organizations and agreements")
	}
	if !pk.From.IsZero() && !pk.To.IsZero() && pk.To.Before(pk.From) {
		return fmt.Errorf("brief: %w", model.Invalid("to", "the period ends on %s, before it starts on %s", pk.To, pk.From))
	}
	entries, err := pk.entries()
	if err != nil {
		return err
	}
	w, err := newWriter(o, pk.Catalog, pk.Generated)
	if err != nil {
		return err
	}
	title := "Briefing pack, " + period(pk.From, pk.To)
	w.pdf.SetTitle(oneLine(title), true)

	level, ags := model.Public, []*model.Agreement{}
	for _, e := range entries {
		if rank(e.level) > rank(level) {
			level = e.level
		}
		for _, g := range e.ags {
			if !slices.Contains(ags, g) {
				ags = append(ags, g)
			}
		}
	}
	front := w.pageHead(title, level, ags, pk.ForOrg)
	w.cover(pk, front, entries)
	toc := w.reserveContents(front, entries)
	w.level = 1
	for _, e := range entries {
		e.page = w.pdf.PageNo() + 1
		if e.meeting != nil {
			w.meeting(e.meeting)
		} else {
			w.consultation(e.consult)
		}
	}
	w.fillContents(toc, entries)
	return w.output(out)
}

// entries gathers the pack's items as their audience may see them, in the
// order they start. A pack for a partner leaves out what it may not see.
func (pk *Pack) entries() ([]*packEntry, error) {
	var out []*packEntry
	skip := func(err error) bool {
		var fe *model.FieldError
		return pk.ForOrg != nil && errors.As(err, &fe) && fe.Field == "for"
	}
	for i := range pk.Meetings {
		b := pk.Meetings[i]
		b.Catalog = pk.Catalog
		v, err := b.view(pk.ForOrg)
		if skip(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("pack item %d: %w", i+1, err)
		}
		m := v.m
		out = append(out, &packEntry{start: m.StartsAt(), day: m.StartDay(), title: m.Title, level: m.Confidentiality, ags: v.agreements, meeting: v,
			about: join(" · ", capital(string(m.Kind)), capital(string(m.Status)), m.Venue.City, markWord(m.Confidentiality))})
	}
	for i := range pk.Consultations {
		b := pk.Consultations[i]
		b.Catalog = pk.Catalog
		v, err := b.view(pk.ForOrg)
		if skip(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("pack consultation %d: %w", i+1, err)
		}
		e := &packEntry{start: v.in.Start, day: model.DateOf(v.in.Start.In(v.s.Location())), title: v.title, level: v.s.Confidentiality, consult: v,
			about: join(" · ", "Consultation", instanceStatus(v.in), v.in.Venue.City, markWord(v.s.Confidentiality))}
		if v.g != nil {
			e.ags = []*model.Agreement{v.g}
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b *packEntry) int { return a.start.Compare(b.start) })
	return out, nil
}

func rank(l model.Confidentiality) int {
	switch l {
	case model.Internal:
		return 2
	case model.PartiesOnly:
		return 1
	}
	return 0
}

func markWord(l model.Confidentiality) string {
	switch l {
	case model.Internal:
		return "INTERNAL"
	case model.PartiesOnly:
		return "Confidential (parties only)"
	}
	return ""
}

func period(from, to model.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "all dates"
	case to.IsZero():
		return "from " + longDate(from)
	case from.IsZero():
		return "until " + longDate(to)
	}
	return longDate(from) + " to " + longDate(to)
}

func (w *writer) cover(pk Pack, h head, entries []*packEntry) {
	w.newPage(h)
	p := w.pdf
	w.bookmark("Cover", 0)
	p.SetY(p.GetY() + 30)
	w.title("BRIEFING PACK", capital(period(pk.From, pk.To)))
	p.Ln(4)
	meetings, consults := 0, 0
	for _, e := range entries {
		if e.meeting != nil {
			meetings++
		} else {
			consults++
		}
	}
	w.field("Organization", w.head.org)
	w.field("Contents", fmt.Sprintf("%s and %s, each with its brief", plural(meetings, "meeting"), plural(consults, "consultation")))
	if pk.ForOrg != nil {
		w.field("Prepared for", orgName(w.cat, pk.ForOrg.ID))
	} else {
		w.field("Audience", "Internal use: the briefs include internal notes")
	}
	w.field("Generated", stamp(w.generated, w.hq)+" ("+w.hq.String()+")")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// contents is where the table of contents goes, once the pages it points
// to are known.
type contents struct {
	head  head
	pages []int   // the reserved pages
	top   float64 // where entries start on the first page, under the heading
	start float64 // where they start on the next pages
}

// reserveContents starts the table of contents and adds the pages it will
// need; fillContents writes it once every brief is laid out.
func (w *writer) reserveContents(h head, entries []*packEntry) *contents {
	p := w.pdf
	w.newPage(h)
	toc := &contents{head: h, pages: []int{p.PageNo()}, start: p.GetY()}
	w.section("Contents")
	toc.top = p.GetY()
	if len(entries) == 0 {
		w.note("Nothing is scheduled in this period.")
		return toc
	}
	titleW := w.width - tocDateW - tocPageW
	p.SetFont(family, "", bodySize)
	y := toc.top
	for _, e := range entries {
		lines := p.SplitText(oneLine(e.title), titleW)
		if len(lines) > 2 {
			lines = []string{lines[0], w.fit(lines[1]+" "+lines[2], titleW)}
		}
		e.lines = lines
		if y+w.entryHeight(e) > w.pageH-marginBottom {
			w.pdf.AddPage()
			toc.pages = append(toc.pages, p.PageNo())
			y = toc.start
		}
		y += w.entryHeight(e)
	}
	return toc
}

func (w *writer) entryHeight(e *packEntry) float64 {
	return float64(len(e.lines))*lineH + tocSmall + tocGap
}

func (w *writer) fillContents(toc *contents, entries []*packEntry) {
	p := w.pdf
	if len(entries) == 0 {
		return
	}
	last, lastHead := p.PageNo(), w.head
	p.SetAutoPageBreak(false, marginBottom)
	i, y := 0, toc.top
	p.SetPage(toc.pages[0])
	titleW := w.width - tocDateW - tocPageW
	for _, e := range entries {
		h := w.entryHeight(e)
		if y+h > w.pageH-marginBottom {
			i++
			p.SetPage(toc.pages[i])
			y = toc.start
		}
		// Each page's stream needs its font set again: SetFontSize writes it.
		p.SetFont(family, "", bodySize)
		p.SetFontSize(bodySize)
		p.SetXY(marginX, y)
		p.CellFormat(tocDateW, lineH, e.day.In(time.UTC).Format("Mon 2 Jan 2006"), "", 0, "L", false, 0, "")
		for j, line := range e.lines {
			p.SetXY(marginX+tocDateW, y+float64(j)*lineH)
			p.CellFormat(titleW, lineH, line, "", 0, "L", false, 0, "")
		}
		p.SetFont(family, "B", bodySize)
		p.SetXY(marginX+tocDateW+titleW, y)
		p.CellFormat(tocPageW, lineH, strconv.Itoa(e.page), "", 0, "R", false, 0, "")
		p.SetFont(family, "", smallSize)
		p.SetXY(marginX+tocDateW, y+float64(len(e.lines))*lineH)
		p.CellFormat(titleW, tocSmall, w.fit(e.about, titleW), "", 0, "L", false, 0, "")
		link := p.AddLink()
		p.SetLink(link, 0, e.page)
		p.Link(marginX, y, w.width, h-tocGap, link)
		y += h
	}
	p.SetPage(last)
	w.head = lastHead
	p.SetAutoPageBreak(true, marginBottom)
}
