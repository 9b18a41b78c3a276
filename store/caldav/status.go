package caldav

import (
	"context"
	"errors"
	"fmt"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// State is where the office calendar stands, for a status line.
type State struct {
	Account   store.SyncAccount
	Waiting   int // records changed here that the next sync looks at
	Conflicts int // open conflicts
	Shared    int // meetings and series that have a resource on the server
	Removed   int // shared records deleted, here tombstones that can be restored
}

// Status reads the account and counts what waits. Without an account it
// says how to set one up.
func Status(ctx context.Context, st *store.Store) (State, error) {
	acct, err := st.SyncAccount(ctx)
	if errors.Is(err, model.ErrNotFound) {
		return State{}, fmt.Errorf("no office calendar is set up: run liaison sync setup --url URL --user NAME: %w", model.ErrNotFound)
	}
	if err != nil {
		return State{}, err
	}
	s := State{Account: *acct}
	if s.Waiting, err = st.WaitingChanges(ctx, acct.Mark); err != nil {
		return s, err
	}
	cs, err := st.SyncConflicts(ctx, true)
	if err != nil {
		return s, err
	}
	s.Conflicts = len(cs)
	res, err := st.SyncResources(ctx)
	if err != nil {
		return s, err
	}
	for _, r := range res {
		if !r.Deleted && !catalogKind(r.Kind) {
			s.Shared++
		}
	}
	removed, err := RemovedRecords(ctx, st)
	s.Removed = len(removed)
	return s, err
}
