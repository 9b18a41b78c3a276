package ical_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/exchange"
	"github.com/liaison-app/liaison/store/ical"
)

// The full import, parse and store, of the generated calendar: in process
// (BenchmarkFullImport, to profile) and in a child process for
// BenchmarkImportVsIcalJS (ImportChild, for its peak memory).

func init() { ical.ImportChild = importChild }

var benchNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// freshStore opens a new database in dir as an office at IOM would have
// it: the INTERPOL–IOM template, and the partner desk that organizes the
// generated calendar's events as an INTERPOL focal point.
func freshStore(ctx context.Context, dir string) (*store.Store, error) {
	st, err := store.Open(ctx, filepath.Join(dir, "liaison.db"))
	if err != nil {
		return nil, err
	}
	if err := st.Seed(ctx, "interpol-iom-2014", "IOM"); err != nil {
		st.Close()
		return nil, err
	}
	c, err := st.Catalog(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	ip, err := c.OrgByAcronym("org", "INTERPOL")
	if err != nil {
		st.Close()
		return nil, err
	}
	fp := model.FocalPoint{OrgID: ip.ID, AgreementID: c.Agreements[0].ID, Name: "Migration Desk", Email: "desk@partner.example"}
	if err := st.CreateFocalPoint(ctx, &fp); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// importOnce imports path into st and returns the events added.
func importOnce(ctx context.Context, st *store.Store, path string) (int, error) {
	sum, err := exchange.ImportFiles(ctx, st, []string{path}, benchNow)
	if err != nil {
		return 0, err
	}
	fs := sum.Files[0]
	if fs.Refused != nil {
		return 0, fs.Refused
	}
	if n := fs.Count("skipped"); n > 0 {
		return 0, fmt.Errorf("%d events skipped: %v", n, fs.Lines[0])
	}
	return fs.Count("added"), nil
}

// importChild imports a file into a fresh database in a temporary folder
// and prints the events added, the seconds ImportFiles took (parse, store
// and commit; opening and seeding the database are not counted) and the
// process's peak resident memory.
func importChild(path string) int {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "liaison-import-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	st, err := freshStore(ctx, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	t0 := time.Now()
	n, err := importOnce(ctx, st, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	secs := time.Since(t0).Seconds()
	info, _ := os.Stat(path)
	fmt.Printf(`{"events":%d,"seconds":%f,"mb_per_s":%f,"peak_bytes":%d,"file_bytes":%d}`, n, secs, float64(info.Size())/1e6/secs, ical.VmHWM(), info.Size())
	return 0
}

// BenchmarkFullImport imports the generated 100,000-event calendar into a
// fresh database per iteration: exchange.ImportFiles, parse and store.
func BenchmarkFullImport(b *testing.B) {
	path := ical.BigCalendar(b)
	info, _ := os.Stat(path)
	ctx := context.Background()
	b.SetBytes(info.Size())
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), fmt.Sprint(i))
		st, err := freshStore(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		n, err := importOnce(ctx, st, path)
		if err != nil || n != 100000 {
			b.Fatalf("%d added: %v", n, err)
		}
		b.StopTimer()
		st.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}
