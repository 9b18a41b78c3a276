package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/caldav"
)

// The office calendar in the app: Settings → Office calendar (address,
// user, password, test connection), a status line under every screen
// (last sync, changes waiting, conflicts, Sync now), a sync at start,
// after each save and every five minutes, always off the UI goroutine, and
// the conflicts with both values side by side. The sync itself is
// store/caldav's, the one the command line runs.

// syncEvery is how often the app syncs while open.
const syncEvery = 5 * time.Minute

// officeSync is the app's side of the office calendar. It outlives the
// window's content (rebuilt when the language changes).
type officeSync struct {
	app *App

	url, user, pass *widget.Entry
	result          *widget.Label // what Test connection or Save found

	status    *widget.Label
	syncNow   *widget.Button
	conflicts *widget.Button

	running, again bool // touched on the UI goroutine only
	password       string
	last           string // the last status text, for tests
	stop           func()
}

func newOfficeSync(a *App) *officeSync {
	o := &officeSync{app: a}
	o.url = &widget.Entry{PlaceHolder: "https://dav.example.org/calendars/office/"}
	o.url.ExtendBaseWidget(o.url)
	o.user = &widget.Entry{}
	o.user.ExtendBaseWidget(o.user)
	o.pass = &widget.Entry{Password: true}
	o.pass.ExtendBaseWidget(o.pass)
	o.result = &widget.Label{Wrapping: fyne.TextWrapWord}
	o.status = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	o.syncNow = &widget.Button{Text: lang.L("Sync now"), Icon: theme.ViewRefreshIcon(), OnTapped: func() { o.Sync() }}
	o.conflicts = &widget.Button{Text: lang.L("Conflicts"), Icon: theme.WarningIcon(), OnTapped: o.showConflicts}
	o.conflicts.Hide()
	return o
}

// settingsView is the Office calendar part of Settings.
func (o *officeSync) settingsView() fyne.CanvasObject {
	test := &widget.Button{Text: lang.L("Test connection"), OnTapped: o.onTest}
	save := &widget.Button{Text: lang.L("Save and sync"), Importance: widget.HighImportance, OnTapped: o.onSave}
	form := &widget.Form{Items: []*widget.FormItem{
		{Text: lang.L("Calendar address"), Widget: o.url, HintText: lang.L("The office's CalDAV calendar (https://), or your calendar home")},
		{Text: lang.L("User"), Widget: o.user},
		{Text: lang.L("Password"), Widget: o.pass, HintText: lang.L("Kept in the system keyring, never in the database")},
	}}
	form.ExtendBaseWidget(form)
	return container.NewVBox(form, container.NewHBox(test, save), o.result)
}

// statusBar is the line under every screen, in the chosen language (it is
// built again with the window's content when the language changes).
func (o *officeSync) statusBar() fyne.CanvasObject {
	o.syncNow.SetText(lang.L("Sync now"))
	o.conflicts.SetText(lang.L("Conflicts"))
	if o.last != "" {
		o.refreshStatus(nil)
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(o.conflicts, o.syncNow), o.status)
}

// reload shows the stored account in Settings.
func (o *officeSync) reload() {
	run(o.app, func(ctx context.Context) (*store.SyncAccount, error) {
		acct, err := o.app.st.SyncAccount(ctx)
		if errors.Is(err, model.ErrNotFound) {
			return nil, nil
		}
		return acct, err
	}, func(acct *store.SyncAccount, err error) {
		if err == nil && acct != nil {
			o.url.SetText(acct.URL)
			o.user.SetText(acct.User)
		}
	})
}

// run is background for the office calendar: its errors go to the status
// line, not to a dialog (a server out of reach is news, not an alarm).
func run[T any](a *App, load func(ctx context.Context) (T, error), show func(T, error)) {
	if a.sync {
		v, err := safely(a, a.ctx, load) // crash.go: a panic is an error
		show(v, err)
		return
	}
	go func() {
		v, err := safely(a, a.ctx, load)
		fyne.Do(func() { show(v, err) })
	}()
}

func (o *officeSync) onTest() {
	url, user, pw := strings.TrimSpace(o.url.Text), strings.TrimSpace(o.user.Text), o.pass.Text
	o.result.SetText(lang.L("Connecting…"))
	run(o.app, func(ctx context.Context) (caldav.Collection, error) {
		cl, err := caldav.NewClient(url, user, pw)
		if err != nil {
			return caldav.Collection{}, err
		}
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return cl.Collection(ctx)
	}, func(c caldav.Collection, err error) {
		switch {
		case err != nil:
			o.result.SetText(err.Error())
		case !c.Exists:
			o.result.SetText(lang.L("Nothing is there yet: Save creates the calendar."))
		case !c.IsCalendar:
			o.result.SetText(lang.L("This is not a calendar: Save creates one inside it."))
		case !c.CanWrite:
			o.result.SetText(lang.L("This user may not write to the calendar."))
		default:
			o.result.SetText(lang.L("Connected to {{.Name}}.", map[string]any{"Name": c.DisplayName}))
		}
	})
}

func (o *officeSync) onSave() {
	url, user, pw := strings.TrimSpace(o.url.Text), strings.TrimSpace(o.user.Text), o.pass.Text
	o.result.SetText(lang.L("Connecting…"))
	type saved struct {
		res     caldav.SetupResult
		keyring error
	}
	run(o.app, func(ctx context.Context) (saved, error) {
		ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		res, err := caldav.Setup(ctx, o.app.st, url, user, pw)
		if err != nil {
			return saved{}, err
		}
		return saved{res: res, keyring: caldav.SavePassword(res.URL, user, pw)}, nil
	}, func(s saved, err error) {
		if err != nil {
			o.result.SetText(err.Error())
			return
		}
		o.password = pw // for this session, whatever the keyring says
		o.url.SetText(s.res.URL)
		msg := lang.L("Connected to {{.Name}}.", map[string]any{"Name": s.res.DisplayName})
		if s.keyring != nil {
			msg += " " + lang.L("No system keyring: the password is kept until Liaison closes; set LIAISON_CALDAV_PASSWORD to sync from the command line.")
		}
		o.result.SetText(msg)
		o.Sync()
	})
}

// start syncs once and then every five minutes until the app closes.
func (o *officeSync) start() {
	o.refreshStatus(nil)
	o.Sync()
	if o.app.sync {
		return // tests sync when they ask
	}
	ctx, cancel := context.WithCancel(o.app.ctx)
	o.stop = cancel
	go func() {
		t := time.NewTicker(syncEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				fyne.Do(func() { o.Sync() })
			}
		}
	}()
}

// changed is called after each save: the change goes out at once.
func (o *officeSync) changed() { o.Sync() }

// Sync runs one sync off the UI goroutine; a request made while one runs
// starts another when it ends. Without an account it only shows the
// status.
func (o *officeSync) Sync() {
	if o.running {
		o.again = true
		return
	}
	o.running = true
	o.syncNow.Disable()
	o.status.SetText(lang.L("Syncing with the office calendar…"))
	pw := o.password
	run(o.app, func(ctx context.Context) (*caldav.Report, error) {
		acct, err := o.app.st.SyncAccount(ctx)
		if errors.Is(err, model.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if pw == "" {
			if pw, err = caldav.Password(acct.URL, acct.User); err != nil {
				return nil, err
			}
		}
		ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
		defer cancel()
		rep, err := caldav.Sync(ctx, o.app.st, pw)
		return &rep, err
	}, func(rep *caldav.Report, err error) {
		o.running = false
		o.syncNow.Enable()
		o.refreshStatus(err)
		if rep != nil && err == nil && rep.Pulled+rep.Merged+rep.Deleted > 0 {
			o.app.refreshAfterSync()
		}
		if o.again {
			o.again = false
			o.Sync()
		}
	})
}

// refreshStatus writes the status line: the last sync, the changes
// waiting, the open conflicts; or why the last sync failed.
func (o *officeSync) refreshStatus(failed error) {
	run(o.app, func(ctx context.Context) (caldav.State, error) { return caldav.Status(ctx, o.app.st) }, func(s caldav.State, err error) {
		var text string
		switch {
		case errors.Is(err, model.ErrNotFound):
			text = lang.L("Office calendar: not set up (Settings)")
			o.syncNow.Disable()
		case err != nil:
			text = err.Error()
		default:
			last := lang.L("never")
			if !s.Account.LastSync.IsZero() {
				last = s.Account.LastSync.In(o.app.now().Location()).Format("2006-01-02 15:04")
			}
			text = lang.L("Office calendar: last sync {{.Last}}, {{.Waiting}} waiting, {{.Conflicts}} conflicts",
				map[string]any{"Last": last, "Waiting": s.Waiting, "Conflicts": s.Conflicts})
			if failed != nil {
				text = lang.L("Office calendar: the last sync failed: {{.Reason}}", map[string]any{"Reason": failed.Error()})
			}
			if s.Removed > 0 {
				text += " · " + lang.L("{{.N}} deleted by a colleague or here", map[string]any{"N": s.Removed})
			}
			if s.Conflicts+s.Removed > 0 {
				o.conflicts.Show()
			} else {
				o.conflicts.Hide()
			}
		}
		o.last = text
		o.status.SetText(text)
	})
}

// showConflicts lists the open conflicts, each with both values side by
// side, the record to open, and the choice of the value to keep; then the
// shared records deleted, each with Restore.
func (o *officeSync) showConflicts() {
	a := o.app
	type both struct {
		conflicts []store.SyncConflict
		removed   []caldav.Removed
	}
	run(a, func(ctx context.Context) (both, error) {
		cs, err := a.st.SyncConflicts(ctx, true)
		if err != nil {
			return both{}, err
		}
		rm, err := caldav.RemovedRecords(ctx, a.st)
		return both{cs, rm}, err
	}, func(b both, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		list := container.NewVBox()
		var d dialog.Dialog
		closeList := func() {
			if d != nil {
				d.Hide()
			}
		}
		for _, c := range b.conflicts {
			list.Add(o.conflictRow(c, closeList))
		}
		if len(b.conflicts) == 0 {
			list.Add(widget.NewLabel(lang.L("No open conflicts.")))
		}
		if len(b.removed) > 0 {
			list.Add(&widget.Label{Text: lang.L("Deleted in the office calendar"), TextStyle: fyne.TextStyle{Bold: true}})
		}
		for _, r := range b.removed {
			uid := r.UID
			restore := &widget.Button{Text: lang.L("Restore"), Icon: theme.ContentUndoIcon(), OnTapped: func() {
				a.do(func(ctx context.Context) error { return caldav.Restore(ctx, a.st, uid) }, func() {
					closeList()
					a.refreshAfterSync()
				})
			}}
			list.Add(container.NewBorder(nil, nil, nil, restore, widget.NewLabel(r.Title)))
		}
		scroll := container.NewVScroll(list)
		scroll.SetMinSize(fyne.NewSize(760, 420))
		d = dialog.NewCustom(lang.L("Conflicts"), lang.L("Close"), scroll, a.win)
		d.Show()
	})
}

func (o *officeSync) conflictRow(c store.SyncConflict, closeList func()) fyne.CanvasObject {
	a := o.app
	mine, theirs := c.Kept, c.SetAside
	if c.KeptSide == "theirs" {
		mine, theirs = c.SetAside, c.Kept
	}
	value := func(title, v string, kept bool) fyne.CanvasObject {
		head := title
		if kept {
			head += " · " + lang.L("kept")
		}
		return container.NewVBox(&widget.Label{Text: head, TextStyle: fyne.TextStyle{Bold: true}}, &widget.Label{Text: v, Wrapping: fyne.TextWrapWord})
	}
	keep := func(side string) func() {
		return func() {
			a.do(func(ctx context.Context) error { return caldav.Resolve(ctx, a.st, c.UID, c.Field, side) }, func() {
				closeList()
				o.changed()
			})
		}
	}
	buttons := container.NewHBox(
		&widget.Button{Text: lang.L("Keep mine"), OnTapped: keep("mine")},
		&widget.Button{Text: lang.L("Keep theirs"), OnTapped: keep("theirs")},
	)
	if c.Kind == "meeting" {
		buttons.Add(&widget.Button{Text: lang.L("Open the meeting"), OnTapped: func() {
			run(a, func(ctx context.Context) (*model.Meeting, error) { return a.st.MeetingByUID(ctx, c.UID) }, func(m *model.Meeting, err error) {
				if err != nil {
					a.showError(err)
					return
				}
				closeList()
				a.meetings.open(m.ID)
			})
		}})
	}
	head := &widget.Label{Text: fmt.Sprintf("%s — %s", c.Title, c.Field), TextStyle: fyne.TextStyle{Bold: true}}
	sides := container.NewGridWithColumns(2, value(lang.L("Mine (this computer)"), mine, c.KeptSide == "mine"), value(lang.L("Theirs (the office calendar)"), theirs, c.KeptSide == "theirs"))
	return container.NewVBox(head, sides, buttons, widget.NewSeparator())
}

// refreshAfterSync shows what a sync brought in on the screen on show,
// unless the officer is editing a meeting there.
func (a *App) refreshAfterSync() {
	if a.current == "meetings" && a.meetings.editor != nil && a.meetings.editor.dirty {
		return
	}
	for _, s := range a.screens {
		if s.key == a.current && s.view != nil {
			s.refresh()
		}
	}
}
