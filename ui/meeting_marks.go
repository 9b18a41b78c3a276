package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// markRow is an officer's judgement that the meeting is a matter of
// interest to one party, whatever its agenda says (Art. 2 leaves "matters
// of interest" to judgement): the answer to a "review".
type markRow struct {
	org   int64
	check *widget.Check
	note  *field
}

// setMarkOptions offers a mark for every other party of the convener's
// agreements, keeping the marks already ticked.
func (e *meetingEditor) setMarkOptions() {
	c := e.app.cat
	conv := orgByAcronym(c, e.convener.Selected)
	old := e.marks
	e.marks = nil
	e.marksBox.Objects = nil
	for _, g := range c.AgreementsOf(conv) {
		for _, p := range g.Parties {
			if p.OrgID == conv || slices.ContainsFunc(e.marks, func(r *markRow) bool { return r.org == p.OrgID }) {
				continue
			}
			r := &markRow{org: p.OrgID}
			r.note = newField()
			r.note.PlaceHolder, r.note.OnChanged = lang.L("Why (e.g. a side event on border data)"), e.onChanged
			r.check = &widget.Check{Text: lang.L("A matter of interest to {{.Org}} whatever the agenda", map[string]any{"Org": c.Acronym(p.OrgID)})}
			r.check.OnChanged = func(on bool) {
				if on {
					r.note.Show()
				} else {
					r.note.Hide()
				}
				e.onChanged("")
			}
			r.check.ExtendBaseWidget(r.check)
			if i := slices.IndexFunc(old, func(o *markRow) bool { return o.org == p.OrgID }); i >= 0 {
				r.check.Checked, r.note.Text = old[i].check.Checked, old[i].note.Text
			}
			if !r.check.Checked {
				r.note.Hide()
			}
			e.marks = append(e.marks, r)
			e.marksBox.Add(container.NewVBox(wrapCheck(r.check, r.check.Text), r.note))
		}
	}
	e.marksBox.Refresh()
}

// fillMarks ticks the marks a meeting holds.
func (e *meetingEditor) fillMarks(m *model.Meeting) {
	for _, r := range e.marks {
		i := slices.IndexFunc(m.InterestMarks, func(mk model.InterestMark) bool { return mk.OrgID == r.org })
		r.check.SetChecked(i >= 0)
		if i >= 0 {
			r.note.SetText(m.InterestMarks[i].Note)
		}
	}
}

// readMarks returns the marks ticked in the form.
func (e *meetingEditor) readMarks() []model.InterestMark {
	var out []model.InterestMark
	for _, r := range e.marks {
		if r.check.Checked {
			out = append(out, model.InterestMark{OrgID: r.org, Note: strings.TrimSpace(r.note.Text)})
		}
	}
	return out
}

func newMarksBox() *fyne.Container { return container.NewVBox() }
