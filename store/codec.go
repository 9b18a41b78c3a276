package store

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Column encodings, shared by every aggregate.

// tsLayout writes instants in UTC with nine fractional digits: fixed width,
// so that text order is time order (ORDER BY modified, changes since).
const tsLayout = "2006-01-02T15:04:05.000000000Z07:00"

// localLayout writes wall-clock times in a meeting's zone.
const localLayout = "2006-01-02T15:04:05.999999999"

// ts encodes an instant, "" for the zero time.
func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(tsLayout)
}

// parseTS decodes an instant written by ts; it is returned in UTC.
func parseTS(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored instant %q is damaged: %w", s, err)
	}
	return t.UTC(), nil
}

// day encodes a date, "" when unset.
func day(d model.Date) string { return d.String() }

// parseDay decodes a date written by day.
func parseDay(s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, fmt.Errorf("stored day %q is damaged: %w", s, err)
	}
	return d, nil
}

// nullID encodes an optional reference: 0 is NULL.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// decoder gathers the first decoding error of a row, so that scanning code
// stays linear.
type decoder struct{ err error }

func (d *decoder) ts(s string) time.Time {
	t, err := parseTS(s)
	if err != nil && d.err == nil {
		d.err = err
	}
	return t
}

func (d *decoder) day(s string) model.Date {
	v, err := parseDay(s)
	if err != nil && d.err == nil {
		d.err = err
	}
	return v
}
