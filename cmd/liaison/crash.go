package main

import (
	"github.com/liaison-app/liaison/store"
)

// safeRun runs a command; a panic in it (a bug) becomes a *store.Crash: one
// line on stderr and exit 1, with the stack in a report file beside the
// database, instead of a Go trace on the user's terminal.
func (e *env) safeRun(name string, c *call, run func(*env, *call) error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			db, _ := store.PathFrom(c.db)
			err = store.Recovered(db, "liaison "+name, v)
		}
	}()
	return run(e, c)
}
