package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// invitationsScreen lists, per meeting and partner, the Article 2 answer
// and the invitation record, with the actions an officer takes on it.
type invitationsScreen struct {
	app    *App
	filter *widget.Select
	all    *widget.Button // back from one meeting to the filter's list
	list   *openList
	sort   *sortHeader
	detail *fyne.Container

	rows     []model.Obligation
	meetings map[int64]*model.Meeting
	invs     map[int64][]model.Invitation
	only     int64  // when set, the rows of this meeting only
	then     func() // run once after the next load (export from the editor)
	sel      int    // selected row, -1 when none
	// reselect is the row to select again after the next load, if listed.
	reselect model.Obligation
	// lastReply is the Record reply form last opened (tests).
	lastReply *replyForm
}

var invFilters = []string{"Needs action", "All upcoming", "Owed to us"}

func newInvitationsScreen(a *App) *invitationsScreen {
	s := &invitationsScreen{app: a, sel: -1, meetings: map[int64]*model.Meeting{}, invs: map[int64][]model.Invitation{}}
	var opts []string
	for _, f := range invFilters {
		opts = append(opts, lang.L(f))
	}
	s.filter = &widget.Select{Options: opts, OnChanged: s.onFilter}
	s.filter.ExtendBaseWidget(s.filter)
	s.list = newOpenList(&widget.List{
		Length: func() int { return len(s.rows) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, badgeColumn(badge("Update owed", widget.MediumImportance)), nil,
				&widget.Label{Text: "title", Truncation: fyne.TextTruncateEllipsis})
		},
		UpdateItem: s.updateItem,
		OnSelected: s.onSelected,
	})
	s.sort = newSortHeader([]string{lang.L("Due"), lang.L("Meeting"), lang.L("State")}, 0, false, func(int, bool) {
		s.sortRows()
		s.sel = -1
		s.list.UnselectAll()
		s.list.Refresh()
	})
	s.detail = container.NewVBox()
	return s
}

func (s *invitationsScreen) view() fyne.CanvasObject {
	importBtn := &widget.Button{Text: lang.L("Import reply (.ics)…"), Icon: theme.DownloadIcon(), OnTapped: s.onImportReply}
	s.all = &widget.Button{Text: lang.L("All meetings"), Icon: theme.NavigateBackIcon(), OnTapped: func() { s.only = 0; s.load() }}
	s.all.Hide()
	split := container.NewHSplit(container.NewBorder(s.sort.box, nil, nil, nil, s.list), container.NewVScroll(container.NewPadded(s.detail)))
	split.Offset = 0.45
	return container.NewBorder(container.NewBorder(nil, nil, s.all, importBtn, s.filter), nil, nil, nil, split)
}

func (s *invitationsScreen) reload() {
	if s.filter.SelectedIndex() < 0 {
		s.filter.Selected = s.filter.Options[0] // without OnChanged, which would forget s.only
		s.filter.Refresh()
	}
	s.load()
}

func (s *invitationsScreen) onFilter(string) { s.only = 0; s.load() }

// openMeeting shows the invitations of one meeting.
func (s *invitationsScreen) openMeeting(id int64) {
	s.only = id
	if s.app.current != "invitations" {
		s.app.Show("invitations") // reload keeps s.only
	} else {
		s.load()
	}
}

type invData struct {
	obs      []model.Obligation
	meetings []model.Meeting
	invs     map[int64][]model.Invitation
}

func (s *invitationsScreen) load() {
	a := s.app
	now := a.now()
	only, mode, cat := s.only, s.filter.SelectedIndex(), a.cat
	background(a, func(ctx context.Context) (*invData, error) {
		d := &invData{invs: map[int64][]model.Invitation{}}
		if only != 0 {
			m, err := a.st.Meeting(ctx, only)
			if err != nil {
				return nil, err
			}
			invs, err := a.st.Invitations(ctx, only)
			if err != nil {
				return nil, err
			}
			d.meetings, d.invs[only] = []model.Meeting{*m}, invs
			d.obs = model.Obligations(cat, m, invs, now)
			return d, nil
		}
		from, to := now.AddDate(0, 0, -120), now.AddDate(1, 0, 0)
		obs, err := a.st.Obligations(ctx, now, store.ObligationFilter{From: from, To: to})
		if err != nil {
			return nil, err
		}
		for _, ob := range obs {
			keep := false
			switch mode {
			case 0:
				keep = !ob.Incoming && ob.State.NeedsAction()
			case 1:
				keep = !ob.Incoming && ob.State != model.NotOwed
			case 2:
				keep = ob.Incoming && ob.State != model.NotOwed
			}
			if keep {
				d.obs = append(d.obs, ob)
			}
		}
		d.meetings, err = a.st.Meetings(ctx, store.MeetingFilter{From: from, To: to, Limit: 5000})
		return d, err
	}, func(d *invData) {
		s.rows = d.obs
		s.meetings = map[int64]*model.Meeting{}
		for i := range d.meetings {
			s.meetings[d.meetings[i].ID] = &d.meetings[i]
		}
		s.sortRows()
		if only != 0 {
			s.all.Show()
		} else {
			s.all.Hide()
		}
		s.meetings = map[int64]*model.Meeting{}
		for i := range d.meetings {
			s.meetings[d.meetings[i].ID] = &d.meetings[i]
		}
		s.invs = d.invs
		s.sel = -1
		s.list.UnselectAll()
		s.list.Refresh()
		s.detail.Objects = []fyne.CanvasObject{&widget.Label{Text: lang.L("Select an invitation to see its history and act on it."), Wrapping: fyne.TextWrapWord}}
		again := s.reselect
		s.reselect = model.Obligation{}
		if i := slices.IndexFunc(s.rows, func(o model.Obligation) bool {
			return o.MeetingID == again.MeetingID && o.To == again.To && o.From == again.From
		}); again.MeetingID != 0 && i >= 0 {
			s.list.Select(i)
		} else if len(s.rows) > 0 && only != 0 {
			s.list.Select(0)
		}
		s.detail.Refresh()
		if then := s.then; then != nil {
			s.then = nil
			then()
		}
	})
}

// Rows returns the rows on show (for tests).
func (s *invitationsScreen) Rows() []model.Obligation { return s.rows }

func (s *invitationsScreen) rowTitle(ob model.Obligation) string {
	c := s.app.cat
	t := fmt.Sprintf("#%d", ob.MeetingID)
	if m := s.meetings[ob.MeetingID]; m != nil {
		t = m.Title + " · " + m.StartDay().String()
	}
	return t + " · " + c.Acronym(ob.From) + " → " + c.Acronym(ob.To)
}

func (s *invitationsScreen) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	ob := s.rows[i]
	b := box.Objects[1].(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	b.Text, b.Importance = stateLabel(ob.State), stateImportance(ob.State)
	b.Refresh()
	box.Objects[0].(*widget.Label).SetText(s.rowTitle(ob))
}

func (s *invitationsScreen) onSelected(i widget.ListItemID) {
	s.sel = i
	ob := s.rows[i]
	a := s.app
	background(a, func(ctx context.Context) ([]model.Invitation, error) { return a.st.Invitations(ctx, ob.MeetingID) }, func(invs []model.Invitation) {
		s.invs[ob.MeetingID] = invs
		s.showDetail(ob, invs)
	})
}

func (s *invitationsScreen) showDetail(ob model.Obligation, invs []model.Invitation) {
	c := s.app.cat
	var inv *model.Invitation
	for i := range invs {
		if invs[i].ToOrgID == ob.To {
			inv = &invs[i]
		}
	}
	objs := []fyne.CanvasObject{
		&widget.Label{Text: s.rowTitle(ob), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		container.NewHBox(badge(stateLabel(ob.State), stateImportance(ob.State)), widget.NewLabel(ob.Article+"  "+s.app.words().DueRule(&ob))),
		&widget.Label{Text: s.app.words().Reason(c, &ob), Wrapping: fyne.TextWrapWord},
	}
	if !ob.Incoming {
		// The highlighted button is the next thing to do: send while the
		// invitation is owed, record the reply once it went.
		send, reply := widget.MediumImportance, widget.MediumImportance
		switch {
		case ob.State.NeedsAction():
			send = widget.HighImportance
		case ob.State == model.Sent || ob.State == model.NoReply:
			reply = widget.HighImportance
		}
		objs = append(objs, container.NewGridWithColumns(2,
			&widget.Button{Text: lang.L("Create e-mail (.eml)…"), Icon: theme.MailComposeIcon(), Importance: send, OnTapped: s.onCreateEML},
			&widget.Button{Text: lang.L("Record reply…"), Icon: theme.MailReplyIcon(), Importance: reply, OnTapped: func() { s.onRecordReply(ob) }},
			&widget.Button{Text: lang.L("Mark as sent"), Icon: theme.ConfirmIcon(), OnTapped: func() { s.onMarkSent(ob) }},
			&widget.Button{Text: lang.L("Waive…"), Icon: theme.CancelIcon(), OnTapped: func() { s.onWaive(ob) }},
			&widget.Button{Text: lang.L("Export .ics…"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onExportICS},
			&widget.Button{Text: lang.L("Open meeting"), Icon: theme.NavigateNextIcon(), OnTapped: func() { s.app.meetings.open(ob.MeetingID) }},
		))
		if inv != nil && (inv.State == model.InvWaived || inv.State == model.InvNoReply) {
			objs = append(objs, &widget.Button{Text: lang.L("Reopen"), Icon: theme.ContentUndoIcon(), OnTapped: func() { s.onReopen(ob) }})
		}
	}
	if inv != nil {
		rec := []string{lang.L("Recorded state") + ": " + invStateLabel(inv.State)}
		if !inv.SentAt.IsZero() {
			rec = append(rec, lang.L("Sent")+": "+timeText(inv.SentAt)+" ("+versionWords(false, inv.SentSequence)+", "+inv.SentVia+")")
		}
		if !inv.RepliedAt.IsZero() {
			rec = append(rec, lang.L("Reply")+": "+timeText(inv.RepliedAt)+" ("+lang.L("to the {{.What}}", map[string]any{"What": versionWords(false, inv.ReplySequence)})+")")
		}
		var reps []string
		for _, r := range inv.Representatives {
			reps = append(reps, r.String())
		}
		if len(reps) > 0 {
			rec = append(rec, lang.L("Representatives")+": "+strings.Join(reps, ", "))
		}
		objs = append(objs, widget.NewCard(lang.L("Invitation record"), "", &widget.Label{Text: strings.Join(rec, "\n"), Wrapping: fyne.TextWrapWord}))
		var hist []string
		for i := len(inv.History) - 1; i >= 0; i-- {
			h := inv.History[i]
			line := timeText(h.At) + " · " + h.Action + " · " + invStateLabel(h.State)
			if h.Note != "" {
				line += " · " + h.Note
			}
			hist = append(hist, line)
		}
		if len(hist) == 0 {
			hist = []string{lang.L("No history yet.")}
		}
		objs = append(objs, widget.NewCard(lang.L("History"), "", &widget.Label{Text: strings.Join(hist, "\n"), Wrapping: fyne.TextWrapWord}))
	} else {
		objs = append(objs, &widget.Label{Text: lang.L("Nothing recorded yet for {{.Org}}.", map[string]any{"Org": c.Acronym(ob.To)}), Importance: widget.LowImportance})
	}
	s.detail.Objects = objs
	s.detail.Refresh()
}

// update changes the selected invitation through fn and shows the result.
func (s *invitationsScreen) update(ob model.Obligation, fn func(*model.Invitation) error) {
	a := s.app
	a.do(func(ctx context.Context) error {
		_, err := a.st.UpdateInvitation(ctx, ob.MeetingID, ob.To, fn)
		return err
	}, func() {
		// The list keeps its filter: an invitation that no longer needs
		// action leaves "Needs action"; one that still does stays selected.
		s.reselect = ob
		s.load()
	})
}

func (s *invitationsScreen) sequence(ob model.Obligation) int {
	if m := s.meetings[ob.MeetingID]; m != nil {
		return m.Sequence
	}
	return 0
}

func (s *invitationsScreen) onMarkSent(ob model.Obligation) {
	via := widget.NewSelect([]string{"ics", "eml", "e-mail", "letter", "note verbale"}, nil)
	via.SetSelected("ics")
	s.app.form(lang.L("Mark as sent"), lang.L("Mark as sent"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("Sent via"), via)}, func(ok bool) {
		if ok {
			seq, now := s.sequence(ob), s.app.now()
			s.update(ob, func(inv *model.Invitation) error { return inv.MarkSent(now, seq, via.Selected) })
		}
	})
}

func (s *invitationsScreen) onWaive(ob model.Obligation) {
	reason := newField()
	reason.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return fmt.Errorf("%s", lang.L("say why the invitation is waived"))
		}
		return nil
	}
	s.app.form(lang.L("Waive invitation"), lang.L("Waive"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("Reason"), reason)}, func(ok bool) {
		if ok {
			now := s.app.now()
			s.update(ob, func(inv *model.Invitation) error { return inv.Waive(now, reason.Text) })
		}
	})
}

func (s *invitationsScreen) onReopen(ob model.Obligation) {
	now := s.app.now()
	s.update(ob, func(inv *model.Invitation) error { inv.Reopen(now, "reopened in the app"); return nil })
}
