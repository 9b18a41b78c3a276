package ui

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"github.com/liaison-app/liaison/store"
)

// Fyne's save dialog hands its callback a writer it has already opened
// with os.Create: the chosen file is truncated before the app has looked
// at the path. Choosing the database itself (or an invitation already
// sent) in File → Export… emptied it even when the export was then
// refused. guardFileSaves puts a file repository in front of Fyne's own
// whose writers touch nothing until they are closed: the app's screens
// only read the chosen path and write the file themselves, through
// store.CheckOutput and the atomic writer; anything written into such a
// writer goes through the same two on Close.

// fileRepo is what Fyne's file:// repository offers.
type fileRepo interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// guardedFiles is Fyne's file repository with deferred, checked writers.
type guardedFiles struct {
	fileRepo
}

var (
	guardMu sync.Mutex
	guardDB string // the open database, which no save may replace
)

// guardFileSaves installs guardedFiles for file:// URIs (once per driver)
// and makes db the database the writers protect.
func guardFileSaves(db string) {
	guardMu.Lock()
	guardDB = db
	guardMu.Unlock()
	cur, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := cur.(*guardedFiles); done {
		return
	}
	if full, ok := cur.(fileRepo); ok {
		repository.Register("file", &guardedFiles{full})
	}
}

// Writer returns a writer that writes nothing until Close, and then only
// when something was written to it: atomically, and never over the
// database or its companions.
func (g *guardedFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	guardMu.Lock()
	db := guardDB
	guardMu.Unlock()
	return &deferredWriter{uri: u, db: db}, nil
}

// Destroy leaves Fyne's repository in place when the driver replaces this
// one.
func (g *guardedFiles) Destroy(string) {}

type deferredWriter struct {
	uri    fyne.URI
	db     string
	buf    bytes.Buffer
	wrote  bool
	closed bool
}

func (w *deferredWriter) URI() fyne.URI { return w.uri }

func (w *deferredWriter) Write(p []byte) (int, error) {
	w.wrote = true
	return w.buf.Write(p)
}

func (w *deferredWriter) Close() error {
	if w.closed || !w.wrote {
		w.closed = true
		return nil
	}
	w.closed = true
	if err := store.CheckOutput(w.db, w.uri.Path()); err != nil {
		return err
	}
	return store.WriteFileAtomic(w.uri.Path(), w.buf.Bytes(), store.Shared)
}
