package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// partnersScreen lists the organizations and the focal points each has
// designated under Article 7.
type partnersScreen struct {
	app    *App
	orgs   *widget.List
	detail *fyne.Container
	fps    []model.FocalPoint
	sel    int
}

func newPartnersScreen(a *App) *partnersScreen {
	s := &partnersScreen{app: a, detail: container.NewVBox(), sel: -1}
	s.orgs = &widget.List{
		Length: func() int { return len(s.app.cat.Orgs) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewVBox(&widget.Label{TextStyle: fyne.TextStyle{Bold: true}}, &widget.Label{Truncation: fyne.TextTruncateEllipsis})
		},
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			org := s.app.cat.Orgs[i]
			box := o.(*fyne.Container)
			head := org.Acronym
			if org.Us {
				head += " (" + lang.L("us") + ")"
			}
			box.Objects[0].(*widget.Label).SetText(head)
			box.Objects[1].(*widget.Label).SetText(org.Name)
		},
		OnSelected: func(i widget.ListItemID) { s.sel = i; s.showOrg() },
	}
	s.orgs.ExtendBaseWidget(s.orgs)
	return s
}

func (s *partnersScreen) view() fyne.CanvasObject {
	split := container.NewHSplit(s.orgs, container.NewVScroll(container.NewPadded(s.detail)))
	split.Offset = 0.3
	return split
}

func (s *partnersScreen) reload() {
	a := s.app
	background(a, func(ctx context.Context) ([]model.FocalPoint, error) { return a.st.FocalPoints(ctx) }, func(fps []model.FocalPoint) {
		s.fps = fps
		s.orgs.Refresh()
		if s.sel < 0 && len(a.cat.Orgs) > 0 {
			s.orgs.Select(0)
			return
		}
		s.showOrg()
	})
}

func (s *partnersScreen) showOrg() {
	c := s.app.cat
	if s.sel < 0 || s.sel >= len(c.Orgs) {
		return
	}
	org := c.Orgs[s.sel]
	objs := []fyne.CanvasObject{
		&widget.Label{Text: org.Name, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		widget.NewLabel(lang.L("Headquarters time zone") + ": " + org.Zone + "   " + lang.L("Mail domain") + ": " + org.MailDomain),
	}
	var ags []string
	for _, g := range c.AgreementsOf(org.ID) {
		ags = append(ags, g.ShortName+" ("+g.Party(org.ID).Article+")")
	}
	objs = append(objs, widget.NewLabel(lang.L("Agreements")+": "+strings.Join(ags, ", ")),
		container.NewHBox(&widget.Button{Text: lang.L("Edit organization…"), Icon: theme.DocumentCreateIcon(), OnTapped: func() { s.editOrg(org) }}))
	add := &widget.Button{Text: lang.L("Add focal point"), Icon: theme.ContentAddIcon(), OnTapped: func() { s.editFocalPoint(&model.FocalPoint{OrgID: org.ID}) }}
	var rows []fyne.CanvasObject
	today := model.DateOf(s.app.now())
	for i := range s.fps {
		f := s.fps[i]
		if f.OrgID != org.ID {
			continue
		}
		state, imp := lang.L("Serving"), widget.SuccessImportance
		switch {
		case f.Placeholder:
			state, imp = lang.L("To be designated"), widget.WarningImportance
		case !f.ActiveOn(today):
			state, imp = lang.L("Not serving"), widget.LowImportance
		}
		text := dataWord(f.Title) + "\n" + f.Email
		if f.Phone != "" {
			text += " · " + f.Phone
		}
		text += "\n" + dateText(f.From) + " → " + dateText(f.To)
		if g := c.Agreement(f.AgreementID); g != nil {
			text += " · " + g.ShortName
		}
		rows = append(rows, reasonRow(state, dataWord(f.Name), text, imp, func() { s.editFocalPoint(&f) }))
	}
	objs = append(objs, widget.NewCard(lang.L("Focal points (Article 7)"), "", container.NewVBox(append(rows, add)...)))
	s.detail.Objects = objs
	s.detail.Refresh()
}

// editFocalPoint opens a form on a focal point, new when its ID is zero.
func (s *partnersScreen) editFocalPoint(f *model.FocalPoint) {
	a := s.app
	c := a.cat
	name, title, email, phone := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	from, to := widget.NewEntry(), widget.NewEntry()
	from.PlaceHolder, to.PlaceHolder = "YYYY-MM-DD", "YYYY-MM-DD"
	name.SetText(f.Name)
	title.SetText(f.Title)
	email.SetText(f.Email)
	phone.SetText(f.Phone)
	from.SetText(f.From.String())
	to.SetText(f.To.String())
	var agNames []string
	for _, g := range c.AgreementsOf(f.OrgID) {
		agNames = append(agNames, g.ShortName)
	}
	ag := widget.NewSelect(agNames, nil)
	if g := c.Agreement(f.AgreementID); g != nil {
		ag.SetSelected(g.ShortName)
	} else if len(agNames) > 0 {
		ag.SetSelectedIndex(0)
	}
	read := func() (*model.FocalPoint, error) {
		n := *f
		n.Name, n.Title, n.Email, n.Phone = strings.TrimSpace(name.Text), strings.TrimSpace(title.Text), strings.TrimSpace(email.Text), strings.TrimSpace(phone.Text)
		n.Placeholder = false
		var err error
		n.From, n.To = model.Date{}, model.Date{}
		if t := strings.TrimSpace(from.Text); t != "" {
			if n.From, err = model.ParseDate(t); err != nil {
				return nil, model.Invalid("from", "%q is not a date of the form YYYY-MM-DD", t)
			}
		}
		if t := strings.TrimSpace(to.Text); t != "" {
			if n.To, err = model.ParseDate(t); err != nil {
				return nil, model.Invalid("to", "%q is not a date of the form YYYY-MM-DD", t)
			}
		}
		for _, g := range c.AgreementsOf(f.OrgID) {
			if g.ShortName == ag.Selected {
				n.AgreementID = g.ID
			}
		}
		return &n, n.Validate()
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("Job title"), title),
		widget.NewFormItem(lang.L("E-mail"), email), widget.NewFormItem(lang.L("Phone"), phone),
		widget.NewFormItem(lang.L("Agreement"), ag),
		widget.NewFormItem(lang.L("Serving from"), from), widget.NewFormItem(lang.L("Serving until"), to),
	}
	d := dialog.NewForm(lang.L("Focal point"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n, err := read()
		if err != nil {
			a.showError(err)
			return
		}
		a.do(func(ctx context.Context) error {
			if n.ID == 0 {
				return a.st.CreateFocalPoint(ctx, n)
			}
			return a.st.UpdateFocalPoint(ctx, n)
		}, s.reload)
	}, a.win)
	d.Resize(fyne.NewSize(520, 460))
	d.Show()
}

// editOrg changes an organization's name, headquarters zone and mail domain.
func (s *partnersScreen) editOrg(org model.Organization) {
	a := s.app
	if raw := a.rawCat.Org(org.ID); raw != nil {
		org = *raw // edit the names as stored, not as shown
	}
	name, domain := widget.NewEntry(), widget.NewEntry()
	name.SetText(org.Name)
	domain.SetText(org.MailDomain)
	zone := widget.NewSelectEntry(matchZones(org.Zone, 40))
	zone.SetText(org.Zone)
	zone.OnChanged = func(z string) { zone.SetOptions(matchZones(z, 40)) }
	d := dialog.NewForm(org.Acronym, lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Headquarters time zone"), zone),
		widget.NewFormItem(lang.L("Mail domain"), domain),
	}, func(ok bool) {
		if !ok {
			return
		}
		n := org
		n.Name, n.Zone, n.MailDomain = strings.TrimSpace(name.Text), strings.TrimSpace(zone.Text), strings.TrimSpace(domain.Text)
		if err := n.Validate(); err != nil {
			a.showError(err)
			return
		}
		a.do(func(ctx context.Context) error { return a.st.UpdateOrganization(ctx, &n) }, func() { a.loadCatalog(s.reload) })
	}, a.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}
