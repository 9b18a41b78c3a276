package model

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every layer wraps one of these so that callers can decide
// what to tell the user with errors.Is, whatever the layer that failed.
var (
	// ErrNotFound: the record asked for does not exist (or was deleted).
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the input breaks a rule of the domain; the wrapping error
	// names the field and says what is wrong.
	ErrInvalid = errors.New("invalid")
	// ErrConflict: the change clashes with what is stored (a duplicate name,
	// a record changed by someone else since it was read, a record in use).
	ErrConflict = errors.New("conflict")
)

// FieldError says what is wrong with one field. It matches ErrInvalid.
type FieldError struct {
	Field   string // the field's name as a user sees it, e.g. "end" or "agenda[2].areas"
	Problem string // what is wrong, in plain words
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// Is makes errors.Is(err, ErrInvalid) true for every FieldError.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// ValidationError gathers every FieldError found in one record, so that a
// form can show each beside its field. It matches ErrInvalid.
type ValidationError struct {
	What   string // the kind of record, e.g. "meeting"
	Fields []*FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	return fmt.Sprintf("invalid %s: %s", e.What, strings.Join(parts, "; "))
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Field returns the problem reported for field, or "" when it has none.
func (e *ValidationError) Field(field string) string {
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Problem
		}
	}
	return ""
}

// validator collects field errors while a record is checked.
type validator struct {
	what   string
	fields []*FieldError
}

func (v *validator) add(field, format string, args ...any) {
	v.fields = append(v.fields, &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)})
}

func (v *validator) check(ok bool, field, format string, args ...any) {
	if !ok {
		v.add(field, format, args...)
	}
}

func (v *validator) err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &ValidationError{What: v.what, Fields: v.fields}
}

// Invalid returns a FieldError for one field; a shorthand for the layers
// above that find a problem the model cannot see (an unknown acronym typed
// on the command line, say).
func Invalid(field, format string, args ...any) error {
	return &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)}
}
