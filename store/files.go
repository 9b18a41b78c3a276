package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Every file Liaison writes outside the database (an exported .ics or
// .eml, a brief, a feed, a backup) goes through this file: CheckOutput
// refuses a path that would destroy the database, and WriteFileAtomic
// writes through a private temporary file renamed into place only once
// everything succeeded. The command line and the desktop app both call
// them.

// Perm says who may read a file Liaison writes.
type Perm int

const (
	// Shared files (an invitation for a partner, a brief prepared for one)
	// get the mode the user's umask gives a new file (0644 under the usual
	// umask 022, 0600 under umask 077).
	Shared Perm = iota
	// Private files hold internal material (a brief for internal use, a
	// feed for our own use, a backup): mode 0600 whatever the umask.
	Private
)

// CheckOutput refuses an output path that is, or links to, the database
// db, its -wal, -shm or -journal file, or the copies Liaison keeps beside
// it (db.before-NNNN.bak before a migration, db.before-restore.bak before a
// restore); and a path that is a folder. Writing over any of them would
// lose the office's data.
func CheckOutput(db, out string) error {
	if strings.TrimSpace(out) == "" {
		return model.Invalid("output", "no file to write given")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return model.Invalid("output", "%s: %v", out, err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return model.Invalid("output", "%s is a folder; give a file name", out)
	}
	if db == "" {
		return nil
	}
	dbAbs, err := filepath.Abs(db)
	if err != nil {
		return nil
	}
	if protected(dbAbs, abs) || protected(resolve(dbAbs), resolve(abs)) {
		return model.Invalid("output", "%s is the live database %s or one of its journal or backup copies: choose another file", out, dbAbs)
	}
	// A hard link, or a path that reaches the same file another way.
	for _, p := range companions(dbAbs) {
		if sameFile(abs, p) {
			return model.Invalid("output", "%s is the same file as %s, which belongs to the live database: choose another file", out, p)
		}
	}
	return nil
}

// CheckOutput refuses a path that would overwrite this database or its
// companions (see the package function CheckOutput).
func (s *Store) CheckOutput(out string) error { return CheckOutput(s.path, out) }

// WriteOutput checks out with CheckOutput, then writes data to it
// atomically with the permission perm.
func (s *Store) WriteOutput(out string, data []byte, perm Perm) error {
	if err := s.CheckOutput(out); err != nil {
		return err
	}
	return WriteFileAtomic(out, data, perm)
}

// StageOutput checks out with CheckOutput, then stages data for it (see
// Staged).
func (s *Store) StageOutput(out string, data []byte, perm Perm) (*Staged, error) {
	if err := s.CheckOutput(out); err != nil {
		return nil, err
	}
	return StageFile(out, data, perm)
}

// companionSuffix matches what may follow the database's file name in the
// name of one of its companion files.
var companionSuffix = regexp.MustCompile(`^(-wal|-shm|-journal|\.before-\d+\.bak|\.before-restore\.bak)?$`)

// protected reports whether out names db or one of its companions.
func protected(db, out string) bool {
	if filepath.Dir(db) != filepath.Dir(out) && !strings.EqualFold(filepath.Dir(db), filepath.Dir(out)) {
		return false
	}
	base, name := filepath.Base(db), filepath.Base(out)
	if len(name) < len(base) || !strings.EqualFold(name[:len(base)], base) {
		return false
	}
	return companionSuffix.MatchString(name[len(base):])
}

// companions lists the existing files that belong to the database.
func companions(db string) []string {
	out := []string{db, db + "-wal", db + "-shm", db + "-journal", db + ".before-restore.bak"}
	baks, _ := filepath.Glob(globEscape(db) + ".before-*.bak")
	return append(out, baks...)
}

func globEscape(p string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`)
	if filepath.Separator == '\\' {
		return p // Glob on Windows has no escapes; such names are rare there
	}
	return r.Replace(p)
}

// resolve follows symbolic links in p, also when p itself does not exist
// yet (its folder is resolved then).
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(d, filepath.Base(p))
	}
	return p
}

// tempMark is in the name of every temporary file Liaison writes: a file
// being written to /x/brief.pdf is /x/.brief.pdf.liaison-PID-RANDOM.tmp.
const tempMark = ".liaison-"

// tempName names a new temporary file for dest, in dest's folder.
func tempName(dest string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+tempMark+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:])+".tmp")
}

// createTemp creates a new, empty temporary file for dest, mode 0600.
func createTemp(dest string) (*os.File, error) {
	for range 10 {
		f, err := os.OpenFile(tempName(dest), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file beside %s", dest)
}

// staleAge is how old a temporary file must be to be removed even when the
// process that wrote it cannot be told to be gone.
const staleAge = 24 * time.Hour

// CleanTemporaries removes, from folder dir, the temporary files that a
// Liaison process killed while writing left behind (for a backup, a whole
// copy of the database): those whose process is gone, and any older than a
// day. It is called when the database is opened (for its folder) and
// before each write (for that file's name). It reports how many it removed.
func CleanTemporaries(dir string) int { return cleanTemps(dir, "*") + cleanLegacyTemps(dir) }

// legacyTemp matches the temporary files of Liaison before they carried the
// writer's pid: os.CreateTemp's ".NAME.DIGITS.tmp" for a database copy
// (NAME ending in .db or .bak).
var legacyTemp = regexp.MustCompile(`^\..+\.(db|bak)\.\d+\.tmp$`)

// legacyAge is how old such a file must be to be taken for a leftover: its
// writer cannot be asked, and a backup in progress keeps its file fresh.
const legacyAge = time.Hour

func cleanLegacyTemps(dir string) int {
	names, _ := filepath.Glob(filepath.Join(globEscape(dir), ".*.tmp"))
	n := 0
	for _, p := range names {
		fi, err := os.Lstat(p)
		if err != nil || !fi.Mode().IsRegular() || !legacyTemp.MatchString(filepath.Base(p)) || time.Since(fi.ModTime()) < legacyAge {
			continue
		}
		if os.Remove(p) == nil {
			n++
		}
	}
	return n
}

func cleanTemps(dir, base string) int {
	pattern := filepath.Join(globEscape(dir), "."+globEscape(base)+tempMark+"*.tmp")
	if base == "*" {
		pattern = filepath.Join(globEscape(dir), ".*"+tempMark+"*.tmp")
	}
	names, _ := filepath.Glob(pattern)
	n := 0
	for _, p := range names {
		if !staleTemp(p) {
			continue
		}
		if os.Remove(p) == nil {
			n++
		}
	}
	return n
}

var tempPID = regexp.MustCompile(regexp.QuoteMeta(tempMark) + `(\d+)-[0-9a-f]+\.tmp$`)

// staleTemp reports whether the temporary file p was left by a process that is
// gone (or is older than staleAge).
func staleTemp(p string) bool {
	m := tempPID.FindStringSubmatch(p)
	if m == nil {
		return false
	}
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	if time.Since(fi.ModTime()) > staleAge {
		return true
	}
	pid, err := strconv.Atoi(m[1])
	if err != nil {
		return false
	}
	return pid != os.Getpid() && !processAlive(pid)
}

// WriteFileAtomic writes data to path: into a temporary file in the same
// folder, created 0600, synced, given its final mode (perm), then renamed
// over path. A reader never sees half a file; when anything fails the
// temporary file is removed and whatever was at path is left as it was.
func WriteFileAtomic(path string, data []byte, perm Perm) error {
	return writeAtomic(path, perm, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// writeAtomic is WriteFileAtomic with the content written by fill.
func writeAtomic(path string, perm Perm, fill func(f *os.File) error) error {
	st, err := stage(path, perm, fill)
	if err != nil {
		return err
	}
	return st.Commit()
}

// Staged is a file written in full to a temporary beside its destination,
// not yet in place: Commit renames it over the destination, Abort removes
// it. A flow that writes several files and records something (an
// invitation as sent) stages every file first, so that a failure anywhere
// leaves the files already at those paths as they were.
type Staged struct {
	tmp, dest string
}

// StageFile writes data to a temporary file for path (see Staged).
func StageFile(path string, data []byte, perm Perm) (*Staged, error) {
	return stage(path, perm, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

func stage(path string, perm Perm, fill func(f *os.File) error) (_ *Staged, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, model.Invalid("output", "%s is a folder; give a file name", path)
	}
	cleanTemps(filepath.Dir(abs), filepath.Base(abs))
	f, err := createTemp(abs)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
			err = fmt.Errorf("write %s: %w", path, err)
		}
	}()
	if err = fill(f); err != nil {
		return nil, err
	}
	if err = f.Sync(); err != nil {
		return nil, err
	}
	if err = f.Close(); err != nil {
		return nil, err
	}
	if perm == Shared {
		if err = os.Chmod(tmp, 0o666&^umask()); err != nil {
			return nil, err
		}
	}
	return &Staged{tmp: tmp, dest: abs}, nil
}

// Commit puts the staged file in place.
func (s *Staged) Commit() error {
	if err := os.Rename(s.tmp, s.dest); err != nil {
		_ = os.Remove(s.tmp)
		return fmt.Errorf("write %s: %w", s.dest, err)
	}
	syncDir(filepath.Dir(s.dest))
	return nil
}

// Abort removes the staged file; the destination is left as it was.
func (s *Staged) Abort() { _ = os.Remove(s.tmp) }

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
