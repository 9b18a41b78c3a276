package ical

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/model/testtool"
)

// The validators are other implementations our files must satisfy. They
// are installed by .ci/deps.sh test; a missing one fails the test (it is
// never skipped), with the command that installs it.

const python = "/usr/bin/python3" // python3-gi and python3-icalendar live there, not in a pyenv

func repoRoot(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// needPython checks that /usr/bin/python3 imports what a validator script
// needs (the test is skipped, or fails under CI, when it does not).
func needPython(t *testing.T, module, install string) {
	t.Helper()
	if err := exec.Command(python, "-c", "import "+module).Run(); err != nil {
		testtool.Missing(t, "python3 module "+module, install, err)
	}
}

// validator runs a command under timeout(1) and returns its output.
func validator(t *testing.T, args ...string) (string, error) {
	t.Helper()
	testtool.Need(t, args[0], "run .ci/deps.sh test")
	cmd := exec.Command("timeout", append([]string{"120"}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("%s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String(), nil
}

// sample is one exported file and the instants Liaison meant by it.
type sample struct {
	name, path string
	method     Method
	events     []wantEvent
	series     *model.ConsultationSeries
}

type wantEvent struct {
	UID, RecurrenceID, Start, End string
}

func utcText(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func zoned(zone string, y int, mo time.Month, d, h, mi int) time.Time {
	loc, err := model.LoadZone(zone)
	if err != nil {
		panic(err)
	}
	return time.Date(y, mo, d, h, mi, 0, 0, loc)
}

// samples writes every kind of file Liaison exports into dir.
func samples(t *testing.T, dir string) []sample {
	t.Helper()
	var out []sample
	add := func(name string, method Method, write func(*bytes.Buffer) error, evs []wantEvent, s *model.ConsultationSeries) {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := filepath.Join(dir, name+".ics")
		if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out = append(out, sample{name: name, path: p, method: method, events: evs, series: s})
	}
	inv := func(m *model.Meeting) func(*bytes.Buffer) error {
		return func(b *bytes.Buffer) error { return WriteInvitation(b, invitation(m)) }
	}
	timed := func(m *model.Meeting) []wantEvent {
		return []wantEvent{{UID: m.UID, Start: utcText(m.Start), End: utcText(m.End)}}
	}

	m := timedMeeting()
	add("request-timed", Request, inv(m), timed(m), nil)
	c := conference()
	add("request-whole-day", Request, inv(c), []wantEvent{{UID: c.UID, Start: "2027-09-15", End: "2027-09-20"}}, nil)

	// Across the spring change in Paris (28 March 2027): 10:00 CET to 10:00 CEST.
	dst := timedMeeting()
	dst.UID, dst.Start, dst.End = "dst@liaison", zoned("Europe/Paris", 2027, 3, 27, 10, 0), zoned("Europe/Paris", 2027, 3, 29, 10, 0)
	add("request-across-dst", Request, inv(dst), timed(dst), nil)

	for i, z := range []string{"America/New_York", "Australia/Sydney", "Asia/Tokyo", "Asia/Kolkata", "Africa/Casablanca", "America/Sao_Paulo", "UTC"} {
		zm := timedMeeting()
		zm.UID, zm.Zone = fmt.Sprintf("zone-%d@liaison", i), z
		zm.Start, zm.End = zoned(z, 2027, 4, 3, 9, 0), zoned(z, 2027, 4, 5, 18, 0) // Sydney leaves DST on 4 April
		add("request-"+strings.ReplaceAll(strings.ToLower(z), "/", "-"), Request, inv(zm), timed(zm), nil)
	}

	cm := timedMeeting()
	cm.Status, cm.Sequence = model.StatusCancelled, 3
	add("cancel", Cancel, inv(cm), timed(cm), nil)

	s := series()
	add("consultation", Request, func(b *bytes.Buffer) error {
		return WriteSeries(b, Series{Method: Request, Series: s, Catalog: catalog(), Organizer: organizer(), Attendees: partners(), Now: now})
	}, nil, s)

	feed := feedFixture()
	add("feed-partner", Publish, func(b *bytes.Buffer) error { return WriteFeed(b, feed) }, nil, nil)
	own := feedFixture()
	own.For = 0
	add("feed-own", Publish, func(b *bytes.Buffer) error { return WriteFeed(b, own) }, nil, nil)
	return out
}

func feedFixture() Feed {
	internal := *timedMeeting()
	internal.UID, internal.Title, internal.Confidentiality = "internal@liaison", "Staff retreat", model.Internal
	cancelled := *conference()
	cancelled.UID, cancelled.Status = "cancelled-conf@liaison", model.StatusCancelled
	// A partner's meeting, with no focal point of the partner known:
	// ORGANIZER falls back to the organization's name and domain.
	theirs := *timedMeeting()
	theirs.UID, theirs.Title, theirs.ConvenerID, theirs.Source = "iom-council@iom.int", "IOM Council", iom, "ics:council.ics"
	return Feed{
		Meetings: []model.Meeting{*timedMeeting(), *conference(), internal, cancelled, theirs},
		Series:   []model.ConsultationSeries{*series()},
		Catalog:  catalog(), For: iom, Now: now,
		Organizers: map[int64]model.FocalPoint{interpol: organizer()},
	}
}

func TestLibicalAcceptsEveryExport(t *testing.T) {
	needPython(t, "gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib", "apt-get install python3-gi gir1.2-ical-3.0")
	for _, s := range samples(t, t.TempDir()) {
		out, err := validator(t, python, filepath.Join("testdata", "libical_check.py"), s.path)
		if err != nil {
			t.Errorf("%s: libical reports problems:\n%v", s.name, err)
			continue
		}
		if !strings.Contains(out, "events") {
			t.Errorf("%s: libical read no event: %s", s.name, out)
		}
	}
}

func TestLibicalResolvesTheTimesLiaisonMeant(t *testing.T) {
	needPython(t, "gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib", "apt-get install python3-gi gir1.2-ical-3.0")
	all := samples(t, t.TempDir())
	args := []string{python, filepath.Join("testdata", "libical_check.py"), "--times"}
	for _, s := range all {
		args = append(args, s.path)
	}
	out, err := validator(t, args...)
	if err != nil {
		t.Fatalf("libical: %v", err)
	}
	var got []parsed
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("libical output: %v\n%s", err, out)
	}
	for _, s := range all {
		var mine []parsed
		for _, g := range got {
			if g.File == s.path {
				m := string(s.method)
				g.Method = &m // libical's half of the check is the times
				mine = append(mine, g)
			}
		}
		checkTimes(t, "libical", s, mine)
	}
}

// parsed is what ical.js or python-icalendar understood of one event.
type parsed struct {
	File         string  `json:"file"`
	Method       *string `json:"method"`
	UID          string  `json:"uid"`
	Sequence     int     `json:"sequence"`
	RecurrenceID *string `json:"recurrence_id"`
	Start        string  `json:"start"`
	End          string  `json:"end"`
	Attendees    int     `json:"attendees"`
	Occurrences  []struct {
		RecurrenceID string `json:"recurrence_id"`
		Start        string `json:"start"`
		End          string `json:"end"`
	} `json:"occurrences"`
}

func checkTimes(t *testing.T, who string, s sample, got []parsed) {
	t.Helper()
	for _, w := range s.events {
		found := false
		for _, g := range got {
			if g.UID == w.UID && g.RecurrenceID == nil {
				found = true
				if g.Start != w.Start || g.End != w.End {
					t.Errorf("%s: %s resolves %s from %s to %s; Liaison meant %s to %s", s.name, who, w.UID, g.Start, g.End, w.Start, w.End)
				}
			}
		}
		if !found {
			t.Errorf("%s: %s found no event %s", s.name, who, w.UID)
		}
	}
	for _, g := range got {
		if g.Method == nil || Method(*g.Method) != s.method {
			t.Errorf("%s: %s reads the method as %v, want %s", s.name, who, g.Method, s.method)
		}
		if s.method == Publish && g.Attendees != 0 {
			t.Errorf("%s: a PUBLISH with %d attendees", s.name, g.Attendees)
		}
	}
}

func TestIcalJSResolvesTheTimesLiaisonMeant(t *testing.T) {
	mod := filepath.Join(repoRoot(t), ".ci", "validators", "node_modules", "ical.js")
	if _, err := os.Stat(mod); err != nil {
		testtool.Missing(t, "ical.js", "run .ci/deps.sh test", err)
	}
	all := samples(t, t.TempDir())
	args := []string{"node", filepath.Join("testdata", "icaljs_check.js"), mod}
	for _, s := range all {
		args = append(args, s.path)
	}
	out, err := validator(t, args...)
	if err != nil {
		t.Fatalf("ical.js: %v", err)
	}
	var got []parsed
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("ical.js output: %v\n%s", err, out)
	}
	for _, s := range all {
		var mine []parsed
		for _, g := range got {
			if g.File == s.path {
				mine = append(mine, g)
			}
		}
		checkTimes(t, "ical.js", s, mine)
		if s.series != nil {
			checkSeriesOccurrences(t, s, mine)
		}
	}
}

// checkSeriesOccurrences compares ical.js's expansion of the series with
// model's: same instants (moves applied), no cancelled one, across DST.
func checkSeriesOccurrences(t *testing.T, s sample, got []parsed) {
	t.Helper()
	ins, err := s.series.Instances(s.series.Start, s.series.Start.AddDate(5, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, in := range ins {
		if !in.Cancelled() {
			want = append(want, utcText(in.Start)+" "+utcText(in.End))
		}
	}
	var have []string
	for _, g := range got {
		if g.RecurrenceID == nil {
			for _, o := range g.Occurrences {
				have = append(have, o.Start+" "+o.End)
			}
		}
	}
	if strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: ical.js expands the series to\n%s\nLiaison meant\n%s", s.name, strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
}

func TestPythonIcalendarReadsEveryExport(t *testing.T) {
	needPython(t, "icalendar", "apt-get install python3-icalendar")
	all := samples(t, t.TempDir())
	args := []string{python, filepath.Join("testdata", "pyical_check.py")}
	for _, s := range all {
		args = append(args, s.path)
	}
	out, err := validator(t, args...)
	if err != nil {
		t.Fatalf("python-icalendar: %v", err)
	}
	var got []parsed
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("python-icalendar output: %v\n%s", err, out)
	}
	for _, s := range all {
		var mine []parsed
		for _, g := range got {
			if g.File == s.path {
				mine = append(mine, g)
			}
		}
		if len(mine) == 0 {
			t.Errorf("%s: python-icalendar found no event", s.name)
		}
		checkTimes(t, "python-icalendar", s, mine)
	}
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestRadicaleAcceptsEveryFeed starts a Radicale server on a free port of
// 127.0.0.1 with a temporary storage folder and no authentication, and PUTs
// each feed (and each invitation) as a calendar collection.
func TestRadicaleAcceptsEveryFeed(t *testing.T) {
	testtool.Need(t, "radicale", "run .ci/deps.sh test")
	dir := t.TempDir()
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	srv := exec.CommandContext(ctx, "radicale", "--server-hosts", fmt.Sprintf("127.0.0.1:%d", port),
		"--auth-type", "none", "--rights-type", "owner_only",
		"--storage-filesystem-folder", filepath.Join(dir, "storage"), "--logging-level", "warning")
	var logs bytes.Buffer
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	client := &http.Client{Timeout: 30 * time.Second}
	for i := 0; ; i++ {
		req, _ := http.NewRequest("OPTIONS", base+"/", nil)
		req.SetBasicAuth("liaison", "x")
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			break
		}
		if i > 600 { // 30 s: a loaded machine starts Python slowly
			t.Fatalf("radicale did not start: %s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	put := func(name string, body []byte) int {
		req, _ := http.NewRequest("PUT", base+"/liaison/"+name+"/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "text/calendar; charset=utf-8")
		req.SetBasicAuth("liaison", "x")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	// The test must be able to fail: Radicale refuses a broken calendar.
	if code := put("broken", []byte("BEGIN:VCALENDAR\r\ngarbage\r\n")); code < 400 {
		t.Fatalf("radicale accepted a broken calendar (%d): the check proves nothing", code)
	}
	for _, s := range samples(t, dir) {
		body, _ := os.ReadFile(s.path)
		if code := put(s.name, body); code != http.StatusCreated && code != http.StatusNoContent && code != http.StatusOK {
			t.Errorf("%s: radicale answered %d\n%s", s.name, code, logs.String())
		}
	}
}
