package ui

import (
	"context"
	"errors"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// AppID is the Fyne application id (the same as FyneApp.toml's): it names
// the preferences file.
const AppID = "org.liaison.app"

// Preference keys.
const (
	prefWidth    = "window.width"
	prefHeight   = "window.height"
	prefScreen   = "window.screen"
	prefLanguage = "language" // "", "en", "fr" or "es"
	prefTheme    = "theme"    // "system", "light" or "dark"
	prefLeadTime = "lead.days"
	prefPaper    = "paper"
)

// Run starts the desktop app on st and returns when its window closes.
func Run(ctx context.Context, st *store.Store) error {
	start := time.Now()
	a := app.NewWithID(AppID)
	ui := New(ctx, a, st)
	ui.startedAt = start
	// An interrupt (the context's end) closes the window as Quit would.
	stop := context.AfterFunc(ctx, func() { fyne.Do(a.Quit) })
	defer stop()
	ui.ShowAndRun()
	return nil // closed by the user or by an interrupt: both are a clean end
}

// App is the main window and the screens it shows.
type App struct {
	ctx context.Context
	fa  fyne.App
	st  *store.Store
	win fyne.Window

	// now gives the current instant; tests fix it.
	now func() time.Time
	// sync runs database work inline instead of on a goroutine, so that
	// tests see its result as soon as the call returns.
	sync bool

	cat     *model.Catalog // loaded at start; replaced when reference data changes; names in the chosen language
	rawCat  *model.Catalog // the same as stored, for writing back
	screens []*navEntry
	nav     *widget.List
	body    *fyne.Container
	current string

	dashboard     *dashboardScreen
	meetings      *meetingsScreen
	invitations   *invitationsScreen
	consultations *consultationsScreen
	calendar      *calendarScreen
	partners      *partnersScreen
	agreements    *agreementsScreen
	settings      *settingsScreen
	office        *officeSync // sync.go: the office calendar

	// dialogs are the dialogs on show, the top one last (keys.go).
	dialogs []*openDialog

	startedAt time.Time
	// OnDashboardShown, when set, is called each time the dashboard's
	// data is on screen (start-up measurements).
	OnDashboardShown func()
}

type navEntry struct {
	key   string
	label string
	icon  fyne.Resource
	build func() fyne.CanvasObject
	// refresh reloads the screen's data when it is shown again.
	refresh func()
	view    fyne.CanvasObject
}

// New builds the main window on st; call ShowAndRun (or, in tests, use
// Window) next.
func New(ctx context.Context, fa fyne.App, st *store.Store) *App {
	return newApp(ctx, fa, st, false, time.Now)
}

// newApp is New with the clock and the goroutine policy chosen: tests
// fix the clock and run database work inline.
func newApp(ctx context.Context, fa fyne.App, st *store.Store, sync bool, now func() time.Time) *App {
	setupLanguage(fa.Preferences().String(prefLanguage))
	applyTheme(fa, fa.Preferences().StringWithFallback(prefTheme, "system"))
	fa.SetIcon(fyne.NewStaticResource(assets.IconName, assets.Icon))
	if st != nil {
		guardFileSaves(st.Path()) // savefile.go: a save dialog never truncates a file
	}
	a := &App{ctx: ctx, fa: fa, st: st, now: now, sync: sync}
	a.win = fa.NewWindow("Liaison")
	a.win.SetMaster()
	p := fa.Preferences()
	a.win.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 1280)), float32(p.FloatWithFallback(prefHeight, 800))))
	a.win.SetCloseIntercept(a.onClose)
	a.cat = model.NewCatalog(nil, nil)
	a.rawCat = a.cat
	a.office = newOfficeSync(a)
	a.build()
	return a
}

// Window returns the main window.
func (a *App) Window() fyne.Window { return a.win }

// ShowAndRun shows the window, loads the catalog and runs the event loop.
func (a *App) ShowAndRun() {
	a.win.Show()
	a.office.start()
	if !a.startedAt.IsZero() {
		fyne.Do(func() {
			log.Printf("liaison: first frame %s after start", time.Since(a.startedAt).Round(time.Millisecond))
		})
	}
	a.fa.Run()
}

// build (re)creates the whole content of the window: at start, and after
// the language changes.
func (a *App) build() {
	a.dashboard = newDashboardScreen(a)
	a.meetings = newMeetingsScreen(a)
	a.invitations = newInvitationsScreen(a)
	a.consultations = newConsultationsScreen(a)
	a.calendar = newCalendarScreen(a)
	a.partners = newPartnersScreen(a)
	a.agreements = newAgreementsScreen(a)
	a.settings = newSettingsScreen(a)
	a.screens = []*navEntry{
		{key: "dashboard", label: lang.L("Dashboard"), icon: theme.HomeIcon(), build: a.dashboard.view, refresh: a.dashboard.reload},
		{key: "meetings", label: lang.L("Meetings & conferences"), icon: theme.ListIcon(), build: a.meetings.view, refresh: a.meetings.reload},
		{key: "invitations", label: lang.L("Invitations"), icon: theme.MailSendIcon(), build: a.invitations.view, refresh: a.invitations.reload},
		{key: "consultations", label: lang.L("Consultations"), icon: theme.AccountIcon(), build: a.consultations.view, refresh: a.consultations.reload},
		{key: "calendar", label: lang.L("Calendar"), icon: theme.CalendarIcon(), build: a.calendar.view, refresh: a.calendar.reload},
		{key: "partners", label: lang.L("Partners & focal points"), icon: theme.ComputerIcon(), build: a.partners.view, refresh: a.partners.reload},
		{key: "agreements", label: lang.L("Agreements"), icon: theme.DocumentIcon(), build: a.agreements.view, refresh: a.agreements.reload},
		{key: "settings", label: lang.L("Settings"), icon: theme.SettingsIcon(), build: a.settings.view, refresh: a.settings.reload},
	}
	a.nav = &widget.List{
		Length: func() int { return len(a.screens) },
		CreateItem: func() fyne.CanvasObject {
			// In a narrow window a long name ends in "…" rather than being
			// cut off mid-letter by the split.
			return container.NewBorder(nil, nil, widget.NewIcon(theme.HomeIcon()), nil,
				&widget.Label{Text: "Partners & focal points", Truncation: fyne.TextTruncateEllipsis})
		},
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container) // a border: the label, then the icon on its left
			box.Objects[0].(*widget.Label).SetText(a.screens[i].label)
			box.Objects[1].(*widget.Icon).SetResource(a.screens[i].icon)
		},
		OnSelected: a.onNavSelected,
	}
	a.nav.ExtendBaseWidget(a.nav)
	a.body = container.NewStack()
	split := container.NewHSplit(a.nav, a.body)
	split.Offset = 0.2
	a.win.SetContent(container.NewBorder(nil, a.office.statusBar(), nil, nil, split))
	a.win.SetMainMenu(a.mainMenu())
	a.addShortcuts()

	a.loadCatalog(func() {
		key := a.fa.Preferences().StringWithFallback(prefScreen, "dashboard")
		if a.current != "" {
			key = a.current
		}
		a.Show(key)
	})
}

// rebuild recreates the window's content, after the language changed.
func (a *App) rebuild() {
	if a.meetings.editor != nil && a.meetings.editor.dirty {
		a.meetings.editor.dirty = false // the form goes; a language switch is asked for explicitly
	}
	cur := a.current
	a.current = ""
	a.fa.Preferences().SetString(prefScreen, cur)
	a.build()
}

// loadCatalog reads the organizations and agreements, then calls then.
func (a *App) loadCatalog(then func()) {
	background(a, func(ctx context.Context) (*model.Catalog, error) { return a.st.Catalog(ctx) },
		func(c *model.Catalog) {
			a.rawCat, a.cat = c, localCatalog(c) // names in the chosen language (names.go)
			if then != nil {
				then()
			}
		})
}

// Show switches to the screen named key ("dashboard", "meetings", ...).
func (a *App) Show(key string) {
	for i, s := range a.screens {
		if s.key == key {
			if a.current != key {
				a.nav.Select(i) // calls onNavSelected
				return
			}
			a.showEntry(s)
			return
		}
	}
	if key != "dashboard" {
		a.Show("dashboard")
	}
}

func (a *App) onNavSelected(i widget.ListItemID) {
	a.showEntry(a.screens[i])
}

func (a *App) showEntry(s *navEntry) {
	if s.view == nil {
		s.view = s.build()
	}
	a.current = s.key
	a.fa.Preferences().SetString(prefScreen, s.key)
	a.body.Objects = []fyne.CanvasObject{s.view}
	a.body.Refresh()
	s.refresh()
}

// Current returns the key of the screen on show.
func (a *App) Current() string { return a.current }

func (a *App) onClose() {
	size := a.win.Canvas().Size()
	p := a.fa.Preferences()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	if a.meetings.editor != nil && a.meetings.editor.dirty {
		a.meetings.editor.confirmDiscard(func() { a.win.Close() })
		return
	}
	a.win.Close()
}

func (a *App) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		it.Shortcut = sc
		return it
	}
	quit := item(lang.L("Quit"), scQuit, a.guarded(a.onClose))
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New meeting"), scNew, a.guarded(a.onNewMeeting)),
		item(lang.L("Save"), scSave, a.guarded(a.onSaveShortcut)),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Export invitation…"), scExport, a.guarded(a.onExportInvitation)),
		item(lang.L("Print brief…"), scPrint, a.guarded(a.onPrintBrief)),
		fyne.NewMenuItem(lang.L("Briefing pack…"), func() { printPack(a) }),
		fyne.NewMenuItem(lang.L("Back up now…"), a.settings.onBackup),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu(lang.L("Edit"), append(a.editMenu(), item(lang.L("Find meetings…"), scFind, a.guarded(a.onFind)))...)
	var views []*fyne.MenuItem
	for _, s := range a.screens {
		key := s.key
		views = append(views, fyne.NewMenuItem(s.label, func() { a.Show(key) }))
	}
	view := fyne.NewMenu(lang.L("View"), views...)
	help := fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("Guide"), a.guarded(a.showGuide)), fyne.NewMenuItem(lang.L("About Liaison"), a.onAbout))
	return fyne.NewMainMenu(file, edit, view, help)
}

var (
	scNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	scFind   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	scExport = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scPrint  = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	scQuit   = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	scSave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// addShortcuts makes the menu's shortcuts work on every platform (only
// macOS's native menu handles them by itself).
func (a *App) addShortcuts() {
	c := a.win.Canvas()
	for _, s := range []struct {
		sc *desktop.CustomShortcut
		fn func()
	}{{scNew, a.onNewMeeting}, {scFind, a.onFind}, {scExport, a.onExportInvitation}, {scPrint, a.onPrintBrief}, {scQuit, a.onClose}, {scSave, a.onSaveShortcut}} {
		fn := a.guarded(s.fn)
		c.RemoveShortcut(s.sc)
		c.AddShortcut(s.sc, func(fyne.Shortcut) { fn() })
	}
	c.SetOnTypedKey(a.onTypedKey)
}

func (a *App) onNewMeeting() {
	a.Show("meetings")
	a.meetings.onNew()
}

// onSaveShortcut saves the meeting being edited, when it is valid.
func (a *App) onSaveShortcut() {
	if e := a.meetings.editor; e != nil && a.current == "meetings" && !e.save.Disabled() {
		e.onSave()
	}
}

func (a *App) onFind() {
	a.Show("meetings")
	a.win.Canvas().Focus(a.meetings.search)
}

// onExportInvitation exports the invitation selected on the invitations
// screen or, from the meeting editor, the first one of that meeting.
func (a *App) onExportInvitation() {
	if m := a.meetings.selectedMeeting(); m != nil && a.current == "meetings" {
		a.invitations.then = a.invitations.onExportICS
		a.invitations.openMeeting(m.ID)
		return
	}
	a.Show("invitations")
	a.invitations.onExportICS()
}

func (a *App) onPrintBrief() {
	m := a.meetings.selectedMeeting()
	if m == nil {
		a.info(lang.L("Print brief"), lang.L("Select a meeting in the list first."))
		return
	}
	printBrief(a, m)
}

func (a *App) onAbout() {
	dialog.ShowInformation(lang.L("About Liaison"),
		lang.L("Liaison tracks the observer invitations owed under cooperation agreements (Article 2), the consultations between secretariats (Article 8) and the focal points (Article 7).")+
			"\n\n"+Version+"\n"+lang.L("Database")+": "+a.st.Path(), a.win)
}

// showError tells the user what went wrong; a validation error lists its
// fields.
func (a *App) showError(err error) {
	if err == nil {
		return
	}
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		msg := ""
		for _, f := range ve.Fields {
			msg += fieldLabel(f.Field) + ": " + problemText(f.Problem) + "\n"
		}
		a.errorDialog(errors.New(msg))
		return
	}
	a.errorDialog(err)
}

// background runs load off the UI goroutine and hands its result to show
// on the UI goroutine; an error goes to a dialog instead.
func background[T any](a *App, load func(ctx context.Context) (T, error), show func(T)) {
	if a.sync {
		v, err := safely(a, a.ctx, load)
		if err != nil {
			a.showError(err)
			return
		}
		showSafely(a, show, v)
		return
	}
	go func() {
		v, err := safely(a, a.ctx, load)
		fyne.Do(func() {
			if err != nil {
				a.showError(err)
				return
			}
			showSafely(a, show, v)
		})
	}()
}

// do runs a write off the UI goroutine, then done on it.
func (a *App) do(write func(ctx context.Context) error, done func()) {
	background(a, func(ctx context.Context) (struct{}, error) { return struct{}{}, write(ctx) }, func(struct{}) {
		if done != nil {
			done()
		}
		a.office.changed()
	})
}
