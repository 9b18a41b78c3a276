package caldav

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/liaison-app/liaison/store"
	"github.com/zalando/go-keyring"
)

// PasswordEnv names the environment variable read for the password when it
// is set, and when no keyring is available.
const PasswordEnv = "LIAISON_CALDAV_PASSWORD"

// keyringService is the service name the password is kept under.
const keyringService = "Liaison office calendar"

// DefaultCalendar is the name of the collection created under a calendar
// home.
const DefaultCalendar = "liaison-office"

func keyringUser(url, user string) string { return user + " " + url }

// SavePassword keeps the password in the system keyring (Secret Service,
// Credential Manager or Keychain). When there is none it says so; the
// password is then read from LIAISON_CALDAV_PASSWORD at each sync.
func SavePassword(url, user, password string) error {
	if err := keyring.Set(keyringService, keyringUser(url, user), password); err != nil {
		return fmt.Errorf("no system keyring is available (%v): set %s for each sync", firstLine(err), PasswordEnv)
	}
	return nil
}

// Password returns the account's password: LIAISON_CALDAV_PASSWORD when it
// is set, else the one kept in the system keyring.
func Password(url, user string) (string, error) {
	if pw, ok := os.LookupEnv(PasswordEnv); ok {
		return pw, nil
	}
	pw, err := keyring.Get(keyringService, keyringUser(url, user))
	if errors.Is(err, keyring.ErrNotFound) {
		return "", fmt.Errorf("no password for %s is kept in the system keyring: run liaison sync setup again or set %s", user, PasswordEnv)
	}
	if err != nil {
		return "", fmt.Errorf("no system keyring is available (%v): set %s", firstLine(err), PasswordEnv)
	}
	return pw, nil
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// SetupResult is what Setup found.
type SetupResult struct {
	URL         string // the collection (a new one when rawURL was a calendar home)
	DisplayName string
	Created     bool
}

// Setup checks that rawURL is a calendar collection the user may write,
// creating it (MKCALENDAR) when nothing is there, or a collection named
// DefaultCalendar inside it when rawURL is a plain collection such as the
// user's calendar home, and stores the account (never the password) in
// the database.
func Setup(ctx context.Context, st *store.Store, rawURL, user, password string) (SetupResult, error) {
	cl, err := NewClient(rawURL, user, password)
	if err != nil {
		return SetupResult{}, err
	}
	var out SetupResult
	coll, err := cl.Collection(ctx)
	if err != nil {
		return SetupResult{}, err
	}
	if coll.Exists && !coll.IsCalendar {
		home := cl.coll.String()
		if cl, err = NewClient(home+DefaultCalendar+"/", user, password); err != nil {
			return SetupResult{}, err
		}
		if coll, err = cl.Collection(ctx); err != nil {
			return SetupResult{}, err
		}
	}
	if !coll.Exists {
		if err := cl.MakeCalendar(ctx, "Office calendar"); err != nil {
			return SetupResult{}, fmt.Errorf("%s is not a calendar, and creating one there failed: %w", cl.URL(), err)
		}
		out.Created = true
		if coll, err = cl.Collection(ctx); err != nil {
			return SetupResult{}, err
		}
	}
	switch {
	case !coll.IsCalendar:
		return SetupResult{}, fmt.Errorf("%s is not a calendar collection", cl.URL())
	case !coll.CanWrite:
		return SetupResult{}, fmt.Errorf("%s may not write to %s", user, cl.URL())
	}
	out.URL, out.DisplayName = cl.URL(), coll.DisplayName
	if out.DisplayName == "" {
		out.DisplayName = cl.coll.Path
	}
	err = st.SetSyncAccount(ctx, store.SyncAccount{URL: out.URL, User: user, DisplayName: out.DisplayName})
	return out, err
}
