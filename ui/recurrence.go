package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// Recurrence is what the recurrence builder asks, turned into an RRULE by
// RRule.
type Recurrence struct {
	Freq     string // WEEKLY, MONTHLY or YEARLY
	Interval int    // every Interval weeks, months or years
	Weekday  string // MO..SU: the day of a weekly rule, or of "the Nth weekday" of a monthly one
	Ordinal  int    // monthly: 1..4 or -1 (last) with Weekday; 0 to use MonthDay
	MonthDay int    // monthly: the day of the month, when Ordinal is 0
	Months   []int  // monthly or yearly: only these months (BYMONTH), none for all
	Until    model.Date
	Count    int
}

// RRule writes the rule as RFC 5545 text, without the "RRULE:" prefix.
func (r Recurrence) RRule() string {
	parts := []string{"FREQ=" + r.Freq}
	if r.Interval > 1 {
		parts = append(parts, "INTERVAL="+strconv.Itoa(r.Interval))
	}
	switch r.Freq {
	case "WEEKLY":
		if r.Weekday != "" {
			parts = append(parts, "BYDAY="+r.Weekday)
		}
	case "MONTHLY":
		if r.Ordinal != 0 && r.Weekday != "" {
			parts = append(parts, "BYDAY="+strconv.Itoa(r.Ordinal)+r.Weekday)
		} else if r.MonthDay != 0 {
			parts = append(parts, "BYMONTHDAY="+strconv.Itoa(r.MonthDay))
		}
	}
	if len(r.Months) > 0 && r.Freq != "WEEKLY" {
		ms := make([]string, len(r.Months))
		for i, m := range r.Months {
			ms[i] = strconv.Itoa(m)
		}
		parts = append(parts, "BYMONTH="+strings.Join(ms, ","))
	}
	switch {
	case r.Count > 0:
		parts = append(parts, "COUNT="+strconv.Itoa(r.Count))
	case !r.Until.IsZero():
		parts = append(parts, fmt.Sprintf("UNTIL=%04d%02d%02dT235959Z", r.Until.Year, int(r.Until.Month), r.Until.Day))
	}
	return strings.Join(parts, ";")
}

var (
	freqCodes    = []string{"WEEKLY", "MONTHLY", "YEARLY"}
	weekdayCodes = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
	ordinals     = []int{0, 1, 2, 3, 4, -1}
)

// recurrenceBuilder is the part of the series form that builds the RRULE.
type recurrenceBuilder struct {
	freq     *widget.Select
	interval *widget.Entry
	weekday  *widget.Select
	ordinal  *widget.Select
	monthDay *widget.Entry
	end      *widget.Select
	until    *widget.Entry
	count    *widget.Entry
	rule     *widget.Label
	showRule *widget.Check   // the raw RRULE shows only when asked for
	unit     *widget.Label   // "months" after the interval
	months   []*widget.Check // January..December: only these months
	monthBox *fyne.Container
	onChange func()
}

func newRecurrenceBuilder(onChange func()) *recurrenceBuilder {
	b := &recurrenceBuilder{onChange: onChange}
	changed := func(string) { b.sync(); b.onChange() }
	b.freq = widget.NewSelect([]string{lang.L("Weekly"), lang.L("Monthly"), lang.L("Yearly")}, changed)
	b.interval = &widget.Entry{Text: "1", OnChanged: changed}
	b.interval.ExtendBaseWidget(b.interval)
	b.weekday = widget.NewSelect([]string{lang.L("Monday"), lang.L("Tuesday"), lang.L("Wednesday"), lang.L("Thursday"), lang.L("Friday"), lang.L("Saturday"), lang.L("Sunday")}, changed)
	b.ordinal = widget.NewSelect([]string{lang.L("Day of the month"), lang.L("First"), lang.L("Second"), lang.L("Third"), lang.L("Fourth"), lang.L("Last")}, changed)
	b.monthDay = &widget.Entry{PlaceHolder: "15", OnChanged: changed}
	b.monthDay.ExtendBaseWidget(b.monthDay)
	b.end = widget.NewSelect([]string{lang.L("Never"), lang.L("Until"), lang.L("After")}, changed)
	b.until = &widget.Entry{PlaceHolder: "YYYY-MM-DD", OnChanged: changed}
	b.until.ExtendBaseWidget(b.until)
	b.count = &widget.Entry{PlaceHolder: lang.L("occurrences"), OnChanged: changed}
	b.count.ExtendBaseWidget(b.count)
	b.rule = &widget.Label{TextStyle: fyne.TextStyle{Monospace: true}, Wrapping: fyne.TextWrapBreak}
	b.rule.Hide()
	b.showRule = widget.NewCheck(lang.L("Show the iCalendar rule"), func(on bool) {
		if on {
			b.rule.Show()
		} else {
			b.rule.Hide()
		}
	})
	b.unit = widget.NewLabel(lang.L("months"))
	var cells []fyne.CanvasObject
	for m := time.January; m <= time.December; m++ {
		c := widget.NewCheck(monthName(m), func(bool) { b.onChange() })
		b.months = append(b.months, c)
		cells = append(cells, c)
	}
	b.monthBox = container.NewVBox(widget.NewLabel(lang.L("In these months only (none ticked: every month)")), container.NewGridWithColumns(3, cells...))
	return b
}

func (b *recurrenceBuilder) view() fyne.CanvasObject {
	return container.NewVBox(
		container.NewGridWithColumns(2, b.freq, container.NewBorder(nil, nil, widget.NewLabel(lang.L("every")), b.unit, b.interval)),
		container.NewGridWithColumns(2, b.ordinal, container.NewStack(b.weekday, b.monthDay)),
		b.monthBox,
		container.NewGridWithColumns(2, b.end, container.NewStack(b.until, b.count)),
		b.showRule, b.rule,
	)
}

// set shows r in the builder.
func (b *recurrenceBuilder) set(r Recurrence) {
	for i, f := range freqCodes {
		if f == r.Freq {
			b.freq.SetSelectedIndex(i)
		}
	}
	b.interval.SetText(strconv.Itoa(max(r.Interval, 1)))
	for i, w := range weekdayCodes {
		if w == r.Weekday {
			b.weekday.SetSelectedIndex(i)
		}
	}
	for i, o := range ordinals {
		if o == r.Ordinal {
			b.ordinal.SetSelectedIndex(i)
		}
	}
	if r.MonthDay > 0 {
		b.monthDay.SetText(strconv.Itoa(r.MonthDay))
	}
	for i, c := range b.months {
		c.Checked = slices.Contains(r.Months, i+1)
		c.Refresh()
	}
	switch {
	case r.Count > 0:
		b.end.SetSelectedIndex(2)
		b.count.SetText(strconv.Itoa(r.Count))
	case !r.Until.IsZero():
		b.end.SetSelectedIndex(1)
		b.until.SetText(r.Until.String())
	default:
		b.end.SetSelectedIndex(0)
	}
	b.sync()
}

// get reads the builder.
func (b *recurrenceBuilder) get() (Recurrence, error) {
	r := Recurrence{Freq: "MONTHLY", Interval: 1}
	if i := b.freq.SelectedIndex(); i >= 0 {
		r.Freq = freqCodes[i]
	}
	n, err := strconv.Atoi(strings.TrimSpace(b.interval.Text))
	if err != nil || n < 1 || n > 99 {
		return r, model.Invalid("interval", "give a whole number from 1 to 99")
	}
	r.Interval = n
	if i := b.weekday.SelectedIndex(); i >= 0 {
		r.Weekday = weekdayCodes[i]
	}
	if i := b.ordinal.SelectedIndex(); i > 0 {
		r.Ordinal = ordinals[i]
	}
	if r.Freq == "MONTHLY" && r.Ordinal == 0 {
		if t := strings.TrimSpace(b.monthDay.Text); t != "" {
			d, err := strconv.Atoi(t)
			if err != nil || d < 1 || d > 31 {
				return r, model.Invalid("rrule", "the day of the month must be from 1 to 31")
			}
			r.MonthDay = d
		}
	}
	for i, c := range b.months {
		if c.Checked {
			r.Months = append(r.Months, i+1)
		}
	}
	switch b.end.SelectedIndex() {
	case 1:
		d, err := model.ParseDate(strings.TrimSpace(b.until.Text))
		if err != nil {
			return r, model.Invalid("until", "%q is not a date of the form YYYY-MM-DD", b.until.Text)
		}
		r.Until = d
	case 2:
		c, err := strconv.Atoi(strings.TrimSpace(b.count.Text))
		if err != nil || c < 1 {
			return r, model.Invalid("count", "give the number of occurrences")
		}
		r.Count = c
	}
	return r, nil
}

// sync shows only the fields the frequency uses.
func (b *recurrenceBuilder) sync() {
	monthly := b.freq.SelectedIndex() == 1
	weekly := b.freq.SelectedIndex() == 0
	show := func(o fyne.CanvasObject, on bool) {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	show(b.ordinal, monthly)
	show(b.weekday, weekly || monthly && b.ordinal.SelectedIndex() > 0)
	show(b.monthDay, monthly && b.ordinal.SelectedIndex() <= 0)
	show(b.monthBox, !weekly)
	show(b.until, b.end.SelectedIndex() == 1)
	show(b.count, b.end.SelectedIndex() == 2)
	b.unit.SetText([]string{lang.L("weeks"), lang.L("months"), lang.L("years")}[max(b.freq.SelectedIndex(), 0)])
}

// parseRRule reads back the simple rules the builder writes; others come
// back with ok false and are kept as typed.
func parseRRule(s string) (r Recurrence, ok bool) {
	r.Interval = 1
	for _, p := range strings.Split(strings.TrimPrefix(s, "RRULE:"), ";") {
		k, v, _ := strings.Cut(p, "=")
		switch k {
		case "FREQ":
			r.Freq = v
		case "INTERVAL":
			r.Interval, _ = strconv.Atoi(v)
		case "BYDAY":
			if strings.Contains(v, ",") {
				return r, false
			}
			w := v[max(len(v)-2, 0):]
			r.Weekday = w
			if o := v[:len(v)-len(w)]; o != "" {
				r.Ordinal, _ = strconv.Atoi(o)
			}
		case "BYMONTHDAY":
			r.MonthDay, _ = strconv.Atoi(v)
		case "BYMONTH":
			for _, x := range strings.Split(v, ",") {
				m, err := strconv.Atoi(x)
				if err != nil || m < 1 || m > 12 {
					return r, false
				}
				r.Months = append(r.Months, m)
			}
		case "COUNT":
			r.Count, _ = strconv.Atoi(v)
		case "UNTIL":
			if len(v) >= 8 {
				r.Until, _ = model.ParseDate(v[0:4] + "-" + v[4:6] + "-" + v[6:8])
			}
		default:
			return r, false
		}
	}
	return r, r.Freq == "WEEKLY" || r.Freq == "MONTHLY" || r.Freq == "YEARLY"
}
