package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// settingsScreen holds the choices kept in the app's preferences (HQ zone,
// paper, theme, language) and the agreements' lead times, with the data
// location and a backup button.
type settingsScreen struct {
	app      *App
	us       *widget.Label
	hqZone   *widget.SelectEntry
	saveZone *widget.Button
	paper    *widget.Select
	theme    *widget.RadioGroup
	language *widget.Select
	path     *widget.Label
	leads    *fyne.Container
}

var themeChoices = []string{"system", "light", "dark"}

func newSettingsScreen(a *App) *settingsScreen {
	s := &settingsScreen{app: a, us: &widget.Label{Wrapping: fyne.TextWrapWord}, path: &widget.Label{Wrapping: fyne.TextWrapBreak}, leads: container.NewVBox()}
	p := a.fa.Preferences()
	s.hqZone = widget.NewSelectEntry(matchZones("", 40))
	s.hqZone.OnChanged = func(z string) { s.hqZone.SetOptions(matchZones(z, 40)) }
	s.saveZone = &widget.Button{Text: lang.L("Save"), OnTapped: s.onHQZone}
	// The paper's stored value stays "A4" or "Letter"; its name is shown in the chosen language.
	papers := []string{"A4", lang.L("Letter")}
	s.paper = &widget.Select{Options: papers, Selected: papers[max(slices.Index(paperSizes, p.StringWithFallback(prefPaper, "A4")), 0)], OnChanged: s.onPaper}
	s.paper.ExtendBaseWidget(s.paper)
	s.theme = &widget.RadioGroup{Options: []string{lang.L("System"), lang.L("Light"), lang.L("Dark")}, Horizontal: true}
	s.theme.ExtendBaseWidget(s.theme)
	if i := slices.Index(themeChoices, p.StringWithFallback(prefTheme, "system")); i >= 0 {
		s.theme.Selected = s.theme.Options[i]
	}
	s.theme.OnChanged = s.onTheme
	var names []string
	for _, l := range Languages {
		n := l.Name
		if l.Code == "" {
			n = lang.L("System")
		}
		names = append(names, n)
	}
	s.language = &widget.Select{Options: names}
	s.language.ExtendBaseWidget(s.language)
	for i, l := range Languages {
		if l.Code == p.String(prefLanguage) {
			s.language.Selected = names[i]
		}
	}
	s.language.OnChanged = s.onLanguage
	return s
}

func (s *settingsScreen) view() fyne.CanvasObject {
	backup := &widget.Button{Text: lang.L("Back up now…"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onBackup}
	form := &widget.Form{Items: []*widget.FormItem{
		{Text: lang.L("Our organization"), Widget: s.us},
		{Text: lang.L("Headquarters time zone"), Widget: container.NewBorder(nil, nil, nil, s.saveZone, s.hqZone), HintText: lang.L("Briefs show times in the venue's zone and in this one")},
		{Text: lang.L("Invitation lead time"), Widget: s.leads, HintText: lang.L("Days before a meeting an observer invitation is due (Article 2)")},
		{Text: lang.L("Paper size"), Widget: s.paper},
		{Text: lang.L("Theme"), Widget: s.theme},
		{Text: lang.L("Language"), Widget: s.language, HintText: lang.L("Applied at once; kept for the next start")},
		{Text: lang.L("Data location"), Widget: container.NewVBox(s.path, backup, s.restoreButton())}, // settings_restore.go
		{Text: lang.L("Office calendar"), Widget: s.app.office.settingsView()},                        // sync.go
	}}
	form.ExtendBaseWidget(form)
	title := &widget.Label{Text: lang.L("Settings"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	return container.NewBorder(title, nil, nil, nil, container.NewVScroll(form))
}

func (s *settingsScreen) reload() {
	c := s.app.cat
	if us := c.Us(); us != nil {
		s.us.SetText(us.Name)
		s.hqZone.SetText(c.HQZoneName())
	}
	s.path.SetText(s.app.st.Path())
	s.app.office.reload()
	s.leads.Objects = nil
	for i := range c.Agreements {
		g := c.Agreements[i]
		e := &widget.Entry{Text: strconv.Itoa(g.LeadTimeDays)}
		e.ExtendBaseWidget(e)
		e.Validator = func(t string) error {
			if n, err := strconv.Atoi(t); err != nil || n < 0 || n > 366 {
				return fmt.Errorf("%s", lang.L("a number of days from 0 to 366"))
			}
			return nil
		}
		save := &widget.Button{Text: lang.L("Save"), OnTapped: func() { s.onLeadTime(g, e) }}
		s.leads.Add(container.NewBorder(nil, nil, widget.NewLabel(g.ShortName), save, e))
	}
	s.leads.Refresh()
}

// onHQZone keeps the zone typed as our organization's: the one
// headquarters zone the command line, the briefs and the rule use too.
func (s *settingsScreen) onHQZone() {
	a := s.app
	us := a.cat.Us()
	if us == nil {
		return
	}
	n := *us
	n.Zone = strings.TrimSpace(s.hqZone.Text)
	if err := n.Validate(); err != nil {
		a.showError(err)
		return
	}
	a.do(func(ctx context.Context) error { return a.st.UpdateOrganization(ctx, &n) }, func() { a.loadCatalog(s.reload) })
}

// paperSizes are the stored values of the paper choices, in their order.
var paperSizes = []string{"A4", "Letter"}

func (s *settingsScreen) onPaper(string) {
	if i := s.paper.SelectedIndex(); i >= 0 {
		s.app.fa.Preferences().SetString(prefPaper, paperSizes[i])
	}
}

func (s *settingsScreen) onTheme(string) {
	i := slices.Index(s.theme.Options, s.theme.Selected)
	if i < 0 {
		return
	}
	s.app.fa.Preferences().SetString(prefTheme, themeChoices[i])
	applyTheme(s.app.fa, themeChoices[i])
}

// onLanguage keeps the choice and rebuilds the window in that language.
func (s *settingsScreen) onLanguage(string) {
	i := s.language.SelectedIndex()
	if i < 0 {
		return
	}
	code := Languages[i].Code
	a := s.app
	a.fa.Preferences().SetString(prefLanguage, code)
	setupLanguage(code)
	a.rebuild()
}

func (s *settingsScreen) onLeadTime(g model.Agreement, e *widget.Entry) {
	if err := e.Validate(); err != nil {
		s.app.showError(err)
		return
	}
	n, _ := strconv.Atoi(e.Text)
	a := s.app
	a.do(func(ctx context.Context) error {
		cur, err := a.st.Catalog(ctx)
		if err != nil {
			return err
		}
		upd := *cur.Agreement(g.ID)
		upd.LeadTimeDays = n
		return a.st.UpdateAgreement(ctx, &upd)
	}, func() { a.loadCatalog(s.reload) })
}

// onBackup copies the database into a folder the user picks.
func (s *settingsScreen) onBackup() {
	a := s.app
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			a.showError(err)
			return
		}
		dest := filepath.Join(dir.Path(), "liaison-"+a.now().Format("20060102-1504")+".db")
		a.do(func(ctx context.Context) error { return a.st.Backup(ctx, dest) }, func() {
			dialog.ShowInformation(lang.L("Back up now…"), lang.L("The database was copied to {{.Path}}", map[string]any{"Path": dest}), a.win)
		})
	}, a.win)
}
