// Package caldavtest starts real CalDAV servers from Debian for tests, on
// 127.0.0.1 with a free port: Radicale (with htpasswd authentication) and
// Xandikos (which has no authentication of its own). Where a server is not
// installed the test skips and says so, except under CI, where it fails.
package caldavtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model/testtool"
)

// Server is one running CalDAV server.
type Server struct {
	Name       string
	URL        string // a calendar collection that does not exist yet
	User, Pass string // empty for Xandikos
	Dir        string
	Port       int
	cmd        *exec.Cmd
	t          testing.TB
	args       func() []string
}

func need(t testing.TB, tool string) string {
	t.Helper()
	return testtool.Need(t, tool, "apt-get install "+tool+": the office calendar tests need it")
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Start runs the server and waits until it answers.
func (s *Server) Start() {
	s.t.Helper()
	// The port must be free: a server still running there would answer
	// for the one being started, which would die unseen.
	if l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(s.Port)); err != nil {
		s.t.Fatalf("%s cannot start: port %d is in use (%v)", s.Name, s.Port, err)
	} else {
		l.Close()
	}
	args := s.args()
	s.cmd = exec.Command(args[0], args[1:]...)
	log, err := os.OpenFile(filepath.Join(s.Dir, s.Name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		s.t.Fatal(err)
	}
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	go func() { _ = s.cmd.Wait(); log.Close() }()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(s.Port), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, _ := os.ReadFile(filepath.Join(s.Dir, s.Name+".log"))
	s.t.Fatalf("%s did not start on port %d:\n%s", s.Name, s.Port, b)
}

// Stop ends the server (it can be started again on the same files).
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		for i := 0; i < 100; i++ {
			if s.cmd.ProcessState != nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		s.cmd = nil
	}
}

// StartRadicale starts Radicale with one user (htpasswd, plain).
func StartRadicale(t testing.TB) *Server {
	t.Helper()
	bin := need(t, "radicale")
	dir := t.TempDir()
	s := &Server{Name: "radicale", User: "alice", Pass: "s3cret-pw", Dir: dir, Port: freePort(t), t: t}
	if err := os.WriteFile(filepath.Join(dir, "users"), []byte(s.User+":"+s.Pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	conf := fmt.Sprintf(`[server]
hosts = 127.0.0.1:%d
[auth]
type = htpasswd
htpasswd_filename = %s
htpasswd_encryption = plain
[rights]
type = owner_only
[storage]
filesystem_folder = %s
[logging]
level = warning
`, s.Port, filepath.Join(dir, "users"), filepath.Join(dir, "collections"))
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	s.args = func() []string { return []string{bin, "--config", filepath.Join(dir, "config")} }
	s.URL = fmt.Sprintf("http://127.0.0.1:%d/%s/office/", s.Port, s.User)
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// StartXandikos starts Xandikos.
func StartXandikos(t testing.TB) *Server {
	t.Helper()
	bin := need(t, "xandikos")
	dir := t.TempDir()
	s := &Server{Name: "xandikos", Dir: dir, Port: freePort(t), t: t}
	s.args = func() []string {
		return []string{bin, "-d", filepath.Join(dir, "data"), "-l", "127.0.0.1", "-p", strconv.Itoa(s.Port), "--defaults"}
	}
	s.URL = fmt.Sprintf("http://127.0.0.1:%d/user/calendars/office/", s.Port)
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// Each runs the same test against both servers.
func Each(t *testing.T, fn func(t *testing.T, s *Server)) {
	for _, start := range []struct {
		name string
		fn   func(testing.TB) *Server
	}{{"radicale", StartRadicale}, {"xandikos", StartXandikos}} {
		t.Run(start.name, func(t *testing.T) { fn(t, start.fn(t)) })
	}
}
