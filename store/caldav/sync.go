package caldav

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// Report says what one sync did.
type Report struct {
	Pulled    int `json:"pulled"`    // records created or changed here from the server
	Pushed    int `json:"pushed"`    // records written to the server
	Merged    int `json:"merged"`    // records changed on both sides and merged
	Conflicts int `json:"conflicts"` // fields changed on both sides to different values
	Deleted   int `json:"deleted"`   // tombstones received or sent
	// Organizations counts organizations (with their focal points)
	// taken in or sent.
	Organizations int `json:"organizations"`
	// Agreements counts agreements taken in or sent.
	Agreements int      `json:"agreements"`
	Skipped    []string `json:"skipped,omitempty"`
	// Agree is set when the database and the server agree at the end.
	Agree bool `json:"agree"`
}

// maxResource is the largest resource read from the server.
const maxResource = 8 << 20

// batch is how many resources one calendar-multiget asks for.
const batch = 200

type engine struct {
	st    *store.Store
	cl    *Client
	acct  *store.SyncAccount
	cat   *model.Catalog
	res   map[string]*store.SyncResource // by UID
	href  map[string]string              // resource key → UID
	rep   Report
	push  map[string]string // UID → kind: records to write after the pull
	dirty bool              // a record could not be applied: keep the old token
	// catDirty: an organization was written; read the catalog again
	// before the next record is built or applied.
	catDirty bool
	// bare: organizations this sync added without their focal points,
	// before the agreements those name (see ensureOrg).
	bare map[string]bool
}

// local is a record as this database has it.
type local struct {
	kind string
	m    *store.SyncedMeeting
	s    *store.SyncedSeries
	org  *model.Organization
	fps  []model.FocalPoint
	ag   *model.Agreement
	f    Fields
}

// Sync makes the database and the office calendar agree: pull what
// colleagues changed (sync token, else ETags), merge it field by field
// with what changed here, then push what changed here with If-Match (or
// If-None-Match: * for a new record). Each record is applied here in one
// transaction with what the sync knows of it, so that a sync cut short
// leaves every record whole and the next one completes it without
// duplicates. The error says in one sentence what went wrong.
func Sync(ctx context.Context, st *store.Store, password string) (Report, error) {
	acct, err := st.SyncAccount(ctx)
	if errors.Is(err, model.ErrNotFound) {
		return Report{}, fmt.Errorf("no office calendar is set up: run liaison sync setup --url URL --user NAME")
	}
	if err != nil {
		return Report{}, err
	}
	cl, err := NewClient(acct.URL, acct.User, password)
	if err != nil {
		return Report{}, err
	}
	e := &engine{st: st, cl: cl, acct: acct, push: map[string]string{}, bare: map[string]bool{}}
	start := time.Now()
	token, err := e.run(ctx, start)
	if err != nil {
		_ = st.SetSyncProgress(ctx, "", time.Time{}, time.Time{}, err.Error())
		return e.rep, err
	}
	if e.dirty {
		token = acct.SyncToken
	}
	if err := st.SetSyncProgress(ctx, token, start, time.Now(), ""); err != nil {
		return e.rep, err
	}
	e.rep.Agree = !e.dirty
	return e.rep, nil
}

func (e *engine) run(ctx context.Context, start time.Time) (string, error) {
	var err error
	if e.cat, err = e.st.Catalog(ctx); err != nil {
		return "", err
	}
	list, err := e.st.SyncResources(ctx)
	if err != nil {
		return "", err
	}
	e.res, e.href = map[string]*store.SyncResource{}, map[string]string{}
	for i := range list {
		r := &list[i]
		e.res[r.UID], e.href[key(r.Href)] = r, r.UID
	}
	token, err := e.pull(ctx)
	if err != nil {
		return "", err
	}
	return token, e.pushAll(ctx)
}
