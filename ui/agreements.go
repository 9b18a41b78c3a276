package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
)

// agreementsScreen shows each cooperation agreement: its parties, entry
// into force (Art. 12.1), amendments (Art. 12.2), supplementary
// arrangements (Art. 9), areas and interests (Art. 6) and, once notice is
// given, the countdown to termination (Art. 12.3).
type agreementsScreen struct {
	app    *App
	list   *widget.List
	detail *fyne.Container
	sel    int
}

func newAgreementsScreen(a *App) *agreementsScreen {
	s := &agreementsScreen{app: a, detail: container.NewVBox(), sel: -1}
	s.list = &widget.List{
		Length:     func() int { return len(s.app.cat.Agreements) },
		CreateItem: func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.app.cat.Agreements[i].ShortName)
		},
		OnSelected: func(i widget.ListItemID) { s.sel = i; s.show() },
	}
	s.list.ExtendBaseWidget(s.list)
	return s
}

func (s *agreementsScreen) view() fyne.CanvasObject {
	split := container.NewHSplit(s.list, container.NewVScroll(container.NewPadded(s.detail)))
	split.Offset = 0.25
	return split
}

func (s *agreementsScreen) reload() {
	s.list.Refresh()
	if s.sel < 0 && len(s.app.cat.Agreements) > 0 {
		s.list.Select(0)
		return
	}
	s.show()
}

func (s *agreementsScreen) show() {
	c := s.app.cat
	if s.sel < 0 || s.sel >= len(c.Agreements) {
		return
	}
	g := c.Agreements[s.sel]
	today := model.DateOf(s.app.now())
	lines := func(ls ...string) *widget.Label {
		return &widget.Label{Text: strings.Join(ls, "\n"), Wrapping: fyne.TextWrapWord}
	}
	var parties []string
	for _, p := range g.Parties {
		parties = append(parties, c.Acronym(p.OrgID)+" ("+p.Article+")")
	}
	force := lang.L("In force since {{.Date}}", map[string]any{"Date": g.InForceFrom.String()})
	if ok, _, _, art := g.InForceOn(today); !ok {
		force = lang.L("Not in force") + ": " + s.app.words().NotInForce(c, &g, today) + " (" + art + ")"
	}
	if g.InForceCondition != "" {
		cond := lang.L("pending")
		if !g.ConditionMetOn.IsZero() {
			cond = lang.L("met on {{.Date}}", map[string]any{"Date": g.ConditionMetOn.String()})
		}
		force += "\n" + lang.L("Condition") + ": " + g.InForceCondition + " — " + cond
	}
	objs := []fyne.CanvasObject{
		&widget.Label{Text: g.Title, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		lines(lang.L("Parties")+": "+strings.Join(parties, ", "),
			lang.L("Signed")+": "+g.SignedOn.String()+", "+g.SignedAt,
			fmt.Sprintf("%s: %d · %s: %d", lang.L("Invitation lead time (days)"), g.LeadTimeDays, lang.L("Consultation interval (days)"), g.ConsultationIntervalDays)),
		widget.NewCard(lang.L("Entry into force")+" ("+g.EntryIntoForceArticle+")", "", lines(force)),
	}
	// Termination countdown.
	var term fyne.CanvasObject
	if t := g.Termination; t != nil {
		eff := t.Effective()
		left := today.DaysUntil(eff)
		txt := lang.L("Notice given by {{.Org}} on {{.Date}}", map[string]any{"Org": c.Acronym(t.GivenBy), "Date": t.NoticeOn.String()}) + "\n" +
			lang.L("Takes effect on {{.Date}}", map[string]any{"Date": eff.String()})
		imp := widget.WarningImportance
		if left > 0 {
			txt += "\n" + lang.L("{{.Days}} days left", map[string]any{"Days": left})
		} else {
			txt += "\n" + lang.L("The agreement is terminated.")
			imp = widget.DangerImportance
		}
		term = &widget.Label{Text: txt, Importance: imp, Wrapping: fyne.TextWrapWord}
	} else {
		term = container.NewVBox(lines(lang.L("No notice of termination given.")),
			&widget.Button{Text: lang.L("Record notice of termination…"), Icon: theme.WarningIcon(), OnTapped: func() { s.onTerminate(g) }})
	}
	objs = append(objs, widget.NewCard(lang.L("Termination")+" ("+g.TerminationArticle+")", "", term))

	var ams []string
	for _, am := range g.Amendments {
		st := lang.L("pending")
		if !am.AcceptedOn.IsZero() {
			st = lang.L("in force since {{.Date}}", map[string]any{"Date": am.AcceptedOn.String()})
		}
		ams = append(ams, am.ProposedOn.String()+" · "+am.Summary+" ("+c.Acronym(am.ProposedBy)+"; "+st+")")
	}
	if len(ams) == 0 {
		ams = []string{lang.L("None.")}
	}
	addAm := &widget.Button{Text: lang.L("Add amendment…"), Icon: theme.ContentAddIcon(), OnTapped: func() { s.onAddAmendment(g) }}
	objs = append(objs, widget.NewCard(lang.L("Amendments (Article 12.2)"), "", container.NewVBox(lines(ams...), addAm)))
	var sup []string
	for _, sa := range g.Supplementary {
		sup = append(sup, sa.SignedOn.String()+" · "+sa.Title)
	}
	if len(sup) == 0 {
		sup = []string{lang.L("None.")}
	}
	addSup := &widget.Button{Text: lang.L("Add supplementary arrangement…"), Icon: theme.ContentAddIcon(), OnTapped: func() { s.onAddArrangement(g) }}
	objs = append(objs, widget.NewCard(lang.L("Supplementary arrangements (Article 9)"), "", container.NewVBox(lines(sup...), addSup)))
	var areas []string
	for _, ar := range g.Areas {
		var who []string
		for _, p := range g.Parties {
			if g.InterestedIn(p.OrgID, ar.ID) {
				who = append(who, c.Acronym(p.OrgID))
			}
		}
		areas = append(areas, "• "+ar.Name+" — "+lang.L("of interest to")+" "+strings.Join(who, ", "))
	}
	objs = append(objs, widget.NewCard(lang.L("Areas of cooperation (Article 6)"), "", lines(areas...)))
	s.detail.Objects = objs
	s.detail.Refresh()
}

// save writes a changed agreement and reloads the catalog.
func (s *agreementsScreen) save(g *model.Agreement) {
	a := s.app
	g = a.storedAgreement(g) // the names as stored, not as shown
	a.do(func(ctx context.Context) error { return a.st.UpdateAgreement(ctx, g) }, func() { a.loadCatalog(s.show) })
}

func (s *agreementsScreen) partySelect(g model.Agreement) *widget.Select {
	var opts []string
	for _, p := range g.Parties {
		opts = append(opts, s.app.cat.Acronym(p.OrgID))
	}
	sel := widget.NewSelect(opts, nil)
	sel.SetSelectedIndex(0)
	return sel
}

func dateEntry(d model.Date) *field {
	e := newField()
	e.PlaceHolder = "YYYY-MM-DD"
	e.SetText(d.String())
	e.Validator = func(t string) error { _, err := model.ParseDate(strings.TrimSpace(t)); return err }
	return e
}

func (s *agreementsScreen) onTerminate(g model.Agreement) {
	by, on := s.partySelect(g), dateEntry(model.DateOf(s.app.now()))
	s.app.form(lang.L("Record notice of termination…"), lang.L("Record"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Given by"), by), widget.NewFormItem(lang.L("Notice given on"), on),
	}, func(ok bool) {
		if !ok {
			return
		}
		d, _ := model.ParseDate(strings.TrimSpace(on.Text))
		g.Termination = &model.Termination{GivenBy: orgByAcronym(s.app.cat, by.Selected), NoticeOn: d, NoticeMonths: 6}
		s.save(&g)
	})
}

func (s *agreementsScreen) onAddAmendment(g model.Agreement) {
	by, on, acc := s.partySelect(g), dateEntry(model.DateOf(s.app.now())), newField()
	acc.PlaceHolder = lang.L("YYYY-MM-DD, empty while pending")
	sum := newField()
	s.app.form(lang.L("Add amendment…"), lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Summary"), sum), widget.NewFormItem(lang.L("Proposed by"), by),
		widget.NewFormItem(lang.L("Proposed on"), on), widget.NewFormItem(lang.L("Accepted on"), acc),
	}, func(ok bool) {
		if !ok {
			return
		}
		am := model.Amendment{Summary: strings.TrimSpace(sum.Text), ProposedBy: orgByAcronym(s.app.cat, by.Selected)}
		am.ProposedOn, _ = model.ParseDate(strings.TrimSpace(on.Text))
		am.AcceptedOn, _ = model.ParseDate(strings.TrimSpace(acc.Text))
		g.Amendments = append(append([]model.Amendment(nil), g.Amendments...), am)
		s.save(&g)
	})
}

func (s *agreementsScreen) onAddArrangement(g model.Agreement) {
	title, on, sum := newField(), dateEntry(model.DateOf(s.app.now())), newField()
	s.app.form(lang.L("Add supplementary arrangement…"), lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Signed"), on), widget.NewFormItem(lang.L("Summary"), sum),
	}, func(ok bool) {
		if !ok {
			return
		}
		sa := model.SupplementaryArrangement{Title: strings.TrimSpace(title.Text), Summary: strings.TrimSpace(sum.Text)}
		sa.SignedOn, _ = model.ParseDate(strings.TrimSpace(on.Text))
		g.Supplementary = append(append([]model.SupplementaryArrangement(nil), g.Supplementary...), sa)
		s.save(&g)
	})
}
