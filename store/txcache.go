package store

import (
	"context"
	"database/sql"

	"github.com/liaison-app/liaison/model"
)

// txCache is what a transaction of Atomically keeps between its changes,
// so that a batch of thousands (an imported calendar) does not pay for
// each of them again: statements prepared once (SQLite parses a statement
// in tens of microseconds, more than it takes to run an insert), the
// catalog that every meeting is validated against (a dozen queries), and
// the meeting writer. It lives as long as the transaction.
type txCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// cat is the catalog as the transaction sees it; nil until read, and
	// again after any change that may touch organizations or agreements
	// (every write but those of meetings and invitations).
	cat *model.Catalog
	mw  *meetingWriter
}

// maxCachedStmts bounds the statements kept: queries built with a varying
// number of placeholders past it are run without being kept.
const maxCachedStmts = 64

func newTxCache(tx *sql.Tx) *txCache {
	return &txCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *txCache) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		return nil, nil
	}
	st, err := c.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

// ExecContext, QueryContext and QueryRowContext make txCache a querier:
// the transaction's, with its statements prepared once.
func (c *txCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil || st == nil {
		return c.tx.ExecContext(ctx, query, args...)
	}
	return st.ExecContext(ctx, args...)
}

func (c *txCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil || st == nil {
		return c.tx.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

func (c *txCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil || st == nil {
		return c.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// close releases the statements before the transaction ends.
func (c *txCache) close() {
	for _, st := range c.stmts {
		_ = st.Close()
	}
	c.stmts = nil
	if c.mw != nil {
		c.mw.close()
		c.mw = nil
	}
}

// catalog returns the catalog as tx sees it: kept for the rest of the
// transaction inside Atomically, read each time otherwise.
func (s *Store) catalog(ctx context.Context, tx *sql.Tx) (*model.Catalog, error) {
	if s.txc == nil {
		return loadCatalog(ctx, tx)
	}
	if s.txc.cat == nil {
		c, err := loadCatalog(ctx, s.txc)
		if err != nil {
			return nil, err
		}
		s.txc.cat = c
	}
	return s.txc.cat, nil
}

// meetingWriter returns the statements that write meetings: prepared once
// for the whole transaction inside Atomically (done does nothing), else
// for this write (done closes them).
func (s *Store) meetingWriter(ctx context.Context, tx *sql.Tx) (w *meetingWriter, done func(), err error) {
	if s.txc == nil {
		if w, err = newMeetingWriter(ctx, tx); err != nil {
			return nil, nil, err
		}
		return w, w.close, nil
	}
	if s.txc.mw == nil {
		if s.txc.mw, err = newMeetingWriter(ctx, tx); err != nil {
			return nil, nil, err
		}
	}
	return s.txc.mw, func() {}, nil
}
