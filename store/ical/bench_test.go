package ical

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
)

// The benchmarks: export a 10,000-meeting feed; import a generated
// 100,000-event calendar of about 130 MB (VTIMEZONEs, recurrences,
// attendees, long folded descriptions), and parse the same file with
// ical.js for comparison. The file is generated once per process into a
// temporary folder that TestMain removes.

var (
	bigOnce sync.Once
	bigDir  string
	bigPath string
	bigErr  error
)

// childEnv makes the test binary parse one file and report its peak
// memory, so that the figure is the import's alone.
const childEnv = "LIAISON_ICAL_PARSE_FILE"

// generateEnv (PATH:EVENTS) makes the test binary write a generated calendar.
const generateEnv = "LIAISON_ICAL_GENERATE"

func TestMain(m *testing.M) {
	if p := os.Getenv(childEnv); p != "" {
		os.Exit(parseChild(p))
	}
	if p := os.Getenv(importChildEnv); p != "" && ImportChild != nil {
		os.Exit(ImportChild(p))
	}
	if p := os.Getenv(generateEnv); p != "" { // PATH:EVENTS, for a look at other parsers by hand
		path, n, _ := strings.Cut(p, ":")
		count, _ := strconv.Atoi(n)
		f, err := os.Create(path)
		if err == nil {
			err = generate(f, count)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// parseChild parses a file as the import does and prints JSON with the
// events, seconds and peak resident memory (VmHWM).
func parseChild(path string) int {
	t0 := time.Now()
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer f.Close()
	n := 0
	if err := Parse(f, path, 1<<30, func(it Item) error { n++; return nil }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	secs := time.Since(t0).Seconds()
	st, _ := os.Stat(path)
	fmt.Printf(`{"events":%d,"seconds":%f,"mb_per_s":%f,"peak_bytes":%d,"file_bytes":%d}`, n, secs, float64(st.Size())/1e6/secs, vmHWM(), st.Size())
	return 0
}

func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.ParseInt(strings.Fields(l)[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

var benchZones = []string{"Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "Africa/Nairobi", "America/Sao_Paulo"}

// bigCalendar writes the 100,000-event calendar once per process.
func bigCalendar(b *testing.B) string {
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "liaison-ical-bench-")
		if bigErr != nil {
			return
		}
		bigPath = filepath.Join(bigDir, "big.ics")
		f, err := os.Create(bigPath)
		if err != nil {
			bigErr = err
			return
		}
		bigErr = generate(f, 100000)
		if err := f.Close(); bigErr == nil {
			bigErr = err
		}
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// generate writes n events as a partner's calendar would hold them.
func generate(w io.Writer, n int) error {
	e := newEncoder(w)
	header(e, Request)
	for _, z := range benchZones {
		if err := writeVTimezone(e, z, 2026, 2028); err != nil {
			return err
		}
	}
	desc := strings.Repeat("The meeting will review cooperation on migration, border management, trafficking in persons and travel documents; délégations, 会議. ", 3)
	for i := 0; i < n; i++ {
		z := benchZones[i%len(benchZones)]
		loc, _ := model.LoadZone(z)
		start := time.Date(2026, time.Month(1+i%12), 1+i%28, 8+i%9, 30, 0, 0, loc)
		e.begins("VEVENT")
		e.text("UID", fmt.Sprintf("bench-%07d@partner.example", i))
		e.raw("SEQUENCE", itoa(i%4))
		e.utc("DTSTAMP", now)
		e.local("DTSTART", start, z)
		e.local("DTEND", start.Add(90*time.Minute), z)
		e.text("SUMMARY", fmt.Sprintf("Partner meeting %d, working group on travel documents", i))
		e.text("LOCATION", "Conference room 3, 17 route des Morillons, Geneva, CH")
		e.text("DESCRIPTION", desc)
		e.textList("CATEGORIES", []string{"Migration", "Border management"})
		e.raw("CLASS", "PUBLIC")
		e.raw("STATUS", "CONFIRMED")
		if i%5 == 0 {
			e.raw("RRULE", "FREQ=MONTHLY;BYDAY=3TU;COUNT=12")
			e.begin("EXDATE", []param{p("TZID", z)})
			e.line = appendLocal(e.line, start.AddDate(0, 1, 0))
			e.line = append(e.line, ',')
			e.line = appendLocal(e.line, start.AddDate(0, 2, 0))
			e.end()
		}
		writeOrganizer(e, model.FocalPoint{Name: "Migration Desk", Email: "desk@partner.example"})
		for j := 0; j < 3; j++ {
			writeAttendee(e, model.FocalPoint{Name: fmt.Sprintf("Officer %d", j), Email: fmt.Sprintf("officer%d@interpol.int", j)})
		}
		e.ends("VEVENT")
		if e.err != nil {
			return e.err
		}
	}
	e.ends("VCALENDAR")
	return e.flush()
}

func BenchmarkImport(b *testing.B) {
	path := bigCalendar(b)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		err = Parse(bufio.NewReaderSize(f, 1<<20), path, 1<<30, func(it Item) error {
			if it.Problem != "" {
				return fmt.Errorf("%s:%d: %s", it.File, it.Line, it.Problem)
			}
			n++
			return nil
		})
		f.Close()
		if err != nil || n != 100000 {
			b.Fatalf("%d events, %v", n, err)
		}
	}
}

type runResult struct {
	Events    int     `json:"events"`
	Seconds   float64 `json:"seconds"`
	MBPerS    float64 `json:"mb_per_s"`
	PeakBytes int64   `json:"peak_bytes"`
	FileBytes int64   `json:"file_bytes"`
}

func runJSON(b *testing.B, cmd *exec.Cmd) runResult {
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, errb.String())
	}
	var r runResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		b.Fatalf("%v: %s", err, out.String())
	}
	return r
}

// BenchmarkImportVsIcalJS reads the same file, each in a child process
// so that its peak memory (VmHWM) is its own, three ways: Liaison's
// parser alone (parse), Liaison's full import into a fresh database
// (import: exchange.ImportFiles, parse and store in one transaction), and
// ical.js (parse). It reports the speeds, the peaks over the file's size,
// and the ratios to ical.js.
func BenchmarkImportVsIcalJS(b *testing.B) {
	path := bigCalendar(b)
	mod := filepath.Join(repoRoot(b), ".ci", "validators", "node_modules", "ical.js")
	if _, err := os.Stat(mod); err != nil {
		b.Fatalf("ical.js is missing (%v): run .ci/deps.sh test", err)
	}
	if ImportChild == nil {
		b.Fatal("the full import child (import_bench_test.go) is not linked in")
	}
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	child := func(env string) runResult {
		c := exec.Command("timeout", "600", self)
		c.Env = append(os.Environ(), env+"="+path)
		return runJSON(b, c)
	}
	var parse, full, theirs runResult
	for i := 0; i < b.N; i++ {
		parse = child(childEnv)
		full = child(importChildEnv)
		theirs = runJSON(b, exec.Command("timeout", "600", "node", "--max-old-space-size=12000", filepath.Join("testdata", "icaljs_bench.js"), mod, path))
	}
	if parse.Events != 100000 || full.Events != 100000 || theirs.Events != 100000 {
		b.Fatalf("events: parse %d, import %d, ical.js %d", parse.Events, full.Events, theirs.Events)
	}
	mb := func(n int64) float64 { return float64(n) / 1e6 }
	b.ReportMetric(parse.MBPerS, "parse-MB/s")
	b.ReportMetric(float64(parse.PeakBytes)/float64(parse.FileBytes), "parse-peak/file")
	b.ReportMetric(full.MBPerS, "import-MB/s")
	b.ReportMetric(float64(full.PeakBytes)/float64(full.FileBytes), "import-peak/file")
	b.ReportMetric(theirs.MBPerS, "icaljs-MB/s")
	b.ReportMetric(float64(theirs.PeakBytes)/float64(theirs.FileBytes), "icaljs-peak/file")
	b.ReportMetric(full.MBPerS/theirs.MBPerS, "import-speedup")
	b.Logf("file %.1f MB; Liaison parse only %.1f MB/s, peak %.0f MB; Liaison import (parse+store) %.1f MB/s, peak %.0f MB; ical.js parse %.1f MB/s, peak %.0f MB",
		mb(parse.FileBytes), parse.MBPerS, mb(parse.PeakBytes), full.MBPerS, mb(full.PeakBytes), theirs.MBPerS, mb(theirs.PeakBytes))
}

// benchFeed is 10,000 meetings in several zones, with agendas and background.
func benchFeed() Feed {
	f := feedFixture()
	f.Meetings = make([]model.Meeting, 10000)
	for i := range f.Meetings {
		m := timedMeeting()
		z := benchZones[i%len(benchZones)]
		loc, _ := model.LoadZone(z)
		m.ID, m.UID, m.Zone = int64(i+1), fmt.Sprintf("feed-%05d@liaison", i), z
		m.Start = time.Date(2026+i%3, time.Month(1+i%12), 1+i%28, 9, 0, 0, 0, loc)
		m.End = m.Start.Add(26 * time.Hour)
		if i%7 == 0 {
			m = conference()
			m.UID = fmt.Sprintf("feed-%05d@liaison", i)
		}
		f.Meetings[i] = *m
	}
	return f
}

type counter struct{ n int64 }

func (c *counter) Write(b []byte) (int, error) { c.n += int64(len(b)); return len(b), nil }

func BenchmarkExportFeed(b *testing.B) {
	f := benchFeed()
	var c counter
	if err := WriteFeed(&c, f); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(c.n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := WriteFeed(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}
