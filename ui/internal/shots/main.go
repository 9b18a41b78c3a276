// Command shots opens the real Liaison window on a database, walks through
// its screens and takes a screenshot of each with ImageMagick's import, for
// docs/screenshots. It also logs how long the first frame and the
// dashboard's data took after start. Run it under Xvfb:
//
//	Xvfb :99 -screen 0 1280x800x24 & DISPLAY=:99 go run ./ui/internal/shots -db /tmp/example.db -seed
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/ui"
)

func main() {
	start := time.Now()
	db := flag.String("db", "/tmp/liaison-example.db", "database file")
	seed := flag.Bool("seed", false, "create the database and fill it with the example year")
	extra := flag.Int("extra", 0, "with -seed: this many more synthetic meetings")
	out := flag.String("out", "docs/screenshots", "folder for the PNG files")
	suffix := flag.String("suffix", "", "added to every file name, e.g. -dark")
	themeName := flag.String("theme", "light", "light, dark or system")
	language := flag.String("lang", "en", "en, fr or es")
	size := flag.String("size", "1280x800", "window size")
	screens := flag.String("screens", "dashboard,meetings,editor,invitations,consultations,calendar,partners,agreements,settings", "screens to shoot")
	nowFlag := flag.String("now", "", "pretend the current time is this RFC 3339 instant")
	flag.Parse()

	ctx := context.Background()
	now := time.Now()
	if *nowFlag != "" {
		var err error
		if now, err = time.Parse(time.RFC3339, *nowFlag); err != nil {
			log.Fatal(err)
		}
	}
	if *seed {
		_ = os.Remove(*db)
		st, err := store.Open(ctx, *db)
		if err != nil {
			log.Fatal(err)
		}
		if err := st.Seed(ctx, "interpol-iom-2014", "INTERPOL"); err != nil {
			log.Fatal(err)
		}
		t0 := time.Now()
		if err := st.SeedExample(ctx, now, *extra); err != nil {
			log.Fatal(err)
		}
		log.Printf("seeded %s in %s", *db, time.Since(t0).Round(time.Millisecond))
		st.Close()
		start = time.Now()
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	fa := app.NewWithID(ui.AppID + ".shots")
	p := fa.Preferences()
	var w, h float64 = 1280, 800
	if ws, hs, ok := strings.Cut(*size, "x"); ok {
		w, h = atof(ws), atof(hs)
	}
	p.SetFloat("window.width", w)
	p.SetFloat("window.height", h)
	p.SetString("theme", *themeName)
	p.SetString("language", *language)
	p.SetString("window.screen", "dashboard")
	a := ui.NewAt(ctx, fa, st, func() time.Time { return now })
	fa.Lifecycle().SetOnStarted(func() {
		log.Printf("first frame: window shown %s after start", time.Since(start).Round(time.Millisecond))
	})
	a.OnDashboardShown = func() {
		log.Printf("dashboard data shown %s after start", time.Since(start).Round(time.Millisecond))
	}
	go func() {
		time.Sleep(2 * time.Second)
		for _, name := range strings.Split(*screens, ",") {
			fyne.DoAndWait(func() { a.ShowForScreenshot(name) })
			time.Sleep(800 * time.Millisecond)
			if name == "invitations" || name == "scrolled" || name == "occurrence" || name == "panel" {
				fyne.DoAndWait(func() { a.ShowForScreenshot(name) }) // select the first row, or scroll
				time.Sleep(800 * time.Millisecond)
			}
			file := filepath.Join(*out, name+*suffix+".png")
			if err := exec.Command("import", "-window", "root", file).Run(); err != nil {
				log.Printf("import %s: %v", file, err)
			} else {
				log.Printf("wrote %s", file)
			}
		}
		fyne.Do(fa.Quit)
	}()
	a.ShowAndRun()
}

func atof(s string) float64 {
	var f float64
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		f = f*10 + float64(c-'0')
	}
	return f
}
