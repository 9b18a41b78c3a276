package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/liaison-app/liaison/store"
)

// BenchmarkStartup100k measures what a start costs on a database of the
// example year plus 100,000 meetings: open the store, build the window,
// read the catalog and show the dashboard with its data (database work
// inline, so that one op is the whole wait). The window itself is on show
// before any of the data: under Xvfb the first frame comes about 0.2–0.35 s
// after the process starts (the shots tool logs it).
func BenchmarkStartup100k(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "big.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Seed(ctx, "interpol-iom-2014", "INTERPOL"); err != nil {
		b.Fatal(err)
	}
	if err := st.SeedExample(ctx, testNow, 100000); err != nil {
		b.Fatal(err)
	}
	st.Close()
	now := func() time.Time { return testNow }
	for b.Loop() {
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		fa := test.NewTempApp(b)
		a := newApp(ctx, fa, st, true, now)
		if a.Current() != "dashboard" || len(a.dashboard.items[secNext]) == 0 {
			b.Fatalf("dashboard not shown: %q", a.Current())
		}
		st.Close()
	}
}
