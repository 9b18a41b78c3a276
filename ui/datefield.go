package ui

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// dateField is a date entry that cannot be misread: it writes ISO dates
// (2027-04-01), reads ISO or the day, month and year in the language's
// own order, shows under the field the date as it was read, in words
// ("Thursday 1 April 2027"), and has a picker that opens on the field's
// date with weeks starting on Monday.
type dateField struct {
	widget.BaseWidget
	entry  *field
	words  *widget.Label
	pick   *widget.Button
	popUp  *widget.PopUp
	picker *monthPicker

	// Date is the date read, nil when the field is empty or unreadable.
	Date *time.Time
	// OnChanged is called with Date after each change.
	OnChanged func(*time.Time)
	// today gives the day the picker opens on when the field is empty.
	today func() time.Time
	err   error
	// problem is what the form found wrong with the date (the end before
	// the start); it shows on the words' line, which is always there.
	problem string
	note    string
}

func newDateField(today func() time.Time, changed func(*time.Time)) *dateField {
	d := &dateField{OnChanged: changed, today: today}
	d.entry = newField()
	d.entry.PlaceHolder = "YYYY-MM-DD"
	d.entry.OnChanged = d.onTyped
	d.words = &widget.Label{SizeName: theme.SizeNameCaptionText, Wrapping: fyne.TextWrapWord}
	d.pick = &widget.Button{Icon: theme.CalendarIcon(), Importance: widget.LowImportance, OnTapped: d.openPicker}
	d.ExtendBaseWidget(d)
	return d
}

func (d *dateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, d.words, nil, d.pick, d.entry))
}

// Text is what the field holds.
func (d *dateField) Text() string { return d.entry.Text }

// SetText types s into the field.
func (d *dateField) SetText(s string) { d.entry.SetText(s) }

// Err is why the text is not a date, nil when it is one or is empty.
func (d *dateField) Err() error { return d.err }

// SetDate shows t (nil empties the field).
func (d *dateField) SetDate(t *time.Time) {
	if t == nil {
		d.entry.SetText("")
		return
	}
	d.entry.SetText(t.Format(time.DateOnly))
}

// setProblem shows the form's problem with the date on the words' line
// ("" shows the date in words again).
func (d *dateField) setProblem(p string) {
	d.problem = p
	d.showWords()
}

func (d *dateField) onTyped(s string) {
	d.err = nil
	d.Date = nil
	if strings.TrimSpace(s) != "" {
		t, err := parseDate(s, uiLang())
		if err != nil {
			d.err = err
		} else {
			d.Date = &t
		}
	}
	d.showWords()
	if d.OnChanged != nil {
		d.OnChanged(d.Date)
	}
}

// setNote shows a remark on the words' line instead of the date in words
// ("" shows the words again).
func (d *dateField) setNote(n string) {
	d.note = n
	d.showWords()
}

func (d *dateField) showWords() {
	switch {
	case d.note != "" && d.problem == "" && d.err == nil:
		d.words.Importance = widget.WarningImportance
		d.words.SetText(d.note)
	case d.problem != "":
		d.words.Importance = widget.DangerImportance
		d.words.SetText(d.problem)
	case d.err != nil:
		d.words.Importance = widget.DangerImportance
		d.words.SetText(d.err.Error())
	case d.Date != nil:
		d.words.Importance = widget.MediumImportance
		d.words.SetText(dateInWords(*d.Date))
	default:
		d.words.SetText("")
	}
}

// openPicker shows a month on the field's date (or today).
func (d *dateField) openPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	on := time.Now()
	if d.today != nil {
		on = d.today()
	}
	if d.Date != nil {
		on = *d.Date
	}
	p := newMonthPicker(on, func(t time.Time) {
		d.popUp.Hide()
		d.SetDate(&t)
		c.Focus(d.entry)
	})
	d.picker = p
	d.popUp = widget.NewPopUp(p.view(), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.entry).Add(fyne.NewPos(0, d.entry.Size().Height))
	d.popUp.ShowAtPosition(pos)
}

// monthPicker is a month of day buttons, Monday first, with the month
// and weekday names in the chosen language.
type monthPicker struct {
	month    time.Time // first of the month on show
	selected time.Time
	pick     func(time.Time)
	label    *widget.Label
	days     *fyne.Container
}

func newMonthPicker(on time.Time, pick func(time.Time)) *monthPicker {
	on = time.Date(on.Year(), on.Month(), on.Day(), 0, 0, 0, 0, time.UTC)
	return &monthPicker{month: on.AddDate(0, 0, 1-on.Day()), selected: on, pick: pick}
}

func (p *monthPicker) view() fyne.CanvasObject {
	p.label = &widget.Label{Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
	p.days = container.NewGridWithColumns(7)
	prev := &widget.Button{Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: func() { p.show(p.month.AddDate(0, -1, 0)) }}
	next := &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: func() { p.show(p.month.AddDate(0, 1, 0)) }}
	p.show(p.month)
	return container.NewBorder(container.NewBorder(nil, nil, prev, next, p.label), nil, nil, nil, p.days)
}

// Shown is the month and year on show (tests).
func (p *monthPicker) Shown() string { return p.label.Text }

func (p *monthPicker) show(month time.Time) {
	p.month = month
	p.label.SetText(monthName(month.Month()) + " " + strconv.Itoa(month.Year()))
	var cells []fyne.CanvasObject
	for i := 0; i < 7; i++ {
		wd := time.Weekday((i + 1) % 7) // Monday first
		cells = append(cells, &widget.Label{Text: lang.L(wd.String()[:3]), Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameCaptionText})
	}
	lead := (int(month.Weekday()) + 6) % 7
	for i := 0; i < lead; i++ {
		cells = append(cells, widget.NewLabel(""))
	}
	for t := month; t.Month() == month.Month(); t = t.AddDate(0, 0, 1) {
		day := t
		b := &widget.Button{Text: strconv.Itoa(t.Day()), Importance: widget.LowImportance, OnTapped: func() { p.pick(day) }}
		if day.Equal(p.selected) {
			b.Importance = widget.HighImportance
		}
		cells = append(cells, b)
	}
	p.days.Objects = cells
	p.days.Refresh()
}

// uiLang is the language the screens are in: "en", "fr" or "es".
func uiLang() string {
	code := chosenLang
	if code == "" {
		code = strings.SplitN(lang.SystemLocale().LanguageString(), "-", 2)[0]
	}
	switch code {
	case "fr", "es":
		return code
	}
	return "en"
}

// monthName is a month's name as written inside a sentence.
func monthName(m time.Month) string {
	s := lang.L(m.String())
	if uiLang() != "en" {
		s = strings.ToLower(s)
	}
	return s
}

// dateInWords writes a date for people: "Thursday 1 April 2027",
// "jeudi 1er avril 2027", "jueves, 1 de abril de 2027".
func dateInWords(t time.Time) string {
	wd := lang.L(t.Weekday().String())
	y := strconv.Itoa(t.Year())
	switch uiLang() {
	case "fr":
		d := strconv.Itoa(t.Day())
		if t.Day() == 1 {
			d = "1er"
		}
		return strings.ToLower(wd) + " " + d + " " + monthName(t.Month()) + " " + y
	case "es":
		return strings.ToLower(wd) + ", " + strconv.Itoa(t.Day()) + " de " + monthName(t.Month()) + " de " + y
	}
	return wd + " " + strconv.Itoa(t.Day()) + " " + monthName(t.Month()) + " " + y
}

var (
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	numericDate = regexp.MustCompile(`^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$`)
)

// parseDate reads a date as a person in language code writes it: ISO
// 2027-04-01 always; in French and Spanish 01/04/2027 is the first of
// April; in English a numeric date is read only when it cannot be
// misread (25/04/2027), since Britain and America disagree on 04/01;
// the month by its name in any order ("1 April 2027", "April 1, 2027",
// "1er avril 2027", "1 de abril de 2027").
func parseDate(s, code string) (time.Time, error) {
	s = strings.TrimSpace(s)
	notDate := errors.New(lang.L("is not a date"))
	var y, m, d int
	if g := isoDate.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else if g := numericDate.FindStringSubmatch(s); g != nil {
		a, b := atoi(g[1]), atoi(g[2])
		y = atoi(g[3])
		if len(g[3]) == 2 {
			y += 2000
		}
		d, m = a, b
		if code == "en" {
			switch {
			case a > 12 && b <= 12:
				d, m = a, b
			case b > 12 && a <= 12:
				d, m = b, a
			case a != b && a <= 12 && b <= 12:
				one := strconv.Itoa(a) + " " + monthName(time.Month(b))
				other := strconv.Itoa(b) + " " + monthName(time.Month(a))
				iso := time.Date(y, time.Month(b), a, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
				return time.Time{}, errors.New(lang.L("could be {{.One}} or {{.Other}}: write {{.ISO}}", map[string]any{"One": one, "Other": other, "ISO": iso}))
			}
		}
	} else {
		var ok bool
		if y, m, d, ok = wordsDate(s, code); !ok {
			return time.Time{}, notDate
		}
	}
	if m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200 {
		return time.Time{}, notDate
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, notDate // 31 April
	}
	return t, nil
}

// wordsDate reads a date whose month is named, in the language or in
// English.
func wordsDate(s, code string) (y, m, d int, ok bool) {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '/' || r == '-'
	})
	for _, w := range words {
		switch {
		case w == "de" || w == "del" || w == "of" || w == "the" || w == "le":
		case isWeekday(w, code):
		case monthOf(w, code) > 0 && m == 0:
			m = monthOf(w, code)
		default:
			num := strings.TrimRight(w, "erstndhºo")
			n, err := strconv.Atoi(num)
			if err != nil {
				return 0, 0, 0, false
			}
			if len(num) == 4 && y == 0 {
				y = n
			} else if n >= 1 && n <= 31 && d == 0 && len(num) <= 2 {
				d = n
			} else {
				return 0, 0, 0, false
			}
		}
	}
	return y, m, d, y != 0 && m != 0 && d != 0
}

// monthOf matches a month's name, or its first three letters or more,
// without accents, in the language or in English.
func monthOf(w, code string) int {
	w = fold(w)
	if len([]rune(w)) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		for _, name := range []string{m.String(), localName(m.String(), code)} {
			if strings.HasPrefix(fold(name), w) {
				return int(m)
			}
		}
	}
	return 0
}

func isWeekday(w, code string) bool {
	w = fold(w)
	for d := time.Sunday; d <= time.Saturday; d++ {
		for _, name := range []string{d.String(), localName(d.String(), code)} {
			if len([]rune(w)) >= 3 && strings.HasPrefix(fold(name), w) {
				return true
			}
		}
	}
	return false
}

// localName is an English month or weekday name in language code; the
// screens' language is the only one loaded, so other codes get English.
func localName(name, code string) string {
	if code == uiLang() {
		return lang.L(name)
	}
	return name
}

// fold lowers s and takes its accents off (février → fevrier).
func fold(s string) string {
	r := strings.NewReplacer("é", "e", "è", "e", "ê", "e", "û", "u", "ù", "u", "á", "a", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ç", "c")
	return r.Replace(strings.ToLower(s))
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// dayOf turns a picked date into the model's date.
func dayOf(t *time.Time) model.Date {
	if t == nil {
		return model.Date{}
	}
	return model.DateOf(*t)
}

// nextWorkingDay is the first Monday-to-Friday day after t's day, where a
// new meeting or series starts.
func nextWorkingDay(t time.Time) time.Time {
	t = t.AddDate(0, 0, 1)
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}
