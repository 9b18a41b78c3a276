package ui

import (
	"embed"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed translations
var translations embed.FS

// Languages offered in Settings, with their names in their own language.
var Languages = []struct{ Code, Name string }{
	{"", "System"}, {"en", "English"}, {"fr", "Français"}, {"es", "Español"},
}

// setupLanguage loads the translations and picks the language: code ("en",
// "fr", "es") or, when empty, the system's.
//
// Fyne's lang package always follows the system locale, which it reads on
// Linux and the BSDs from LANGUAGE/LC_ALL/LC_MESSAGES/LANG each time
// translations are added; so a choice made in Settings is applied by
// setting LANGUAGE for this process and adding the translations again,
// after which the window content is rebuilt (no restart needed there).
// On Windows and macOS, where the locale comes from the system, the
// choice takes effect at the next start only when it matches the system.
func setupLanguage(code string) {
	restoreLocaleEnv()
	if code != "" {
		_ = os.Setenv("LANGUAGE", code)
		if v := os.Getenv("LC_ALL"); v == "" {
			_ = os.Setenv("LC_MESSAGES", code)
		} else if v == "C" || v == "POSIX" {
			_ = os.Setenv("LC_ALL", code)
		}
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading translations", err)
	}
}

var localeVars = []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"}

// startEnv keeps the locale variables the process started with, so that
// going back to "System" undoes a choice made earlier in this session.
var startEnv = func() map[string]*string {
	m := map[string]*string{}
	for _, k := range localeVars {
		if v, ok := os.LookupEnv(k); ok {
			m[k] = &v
		} else {
			m[k] = nil
		}
	}
	return m
}()

func restoreLocaleEnv() {
	for k, v := range startEnv {
		if v == nil {
			_ = os.Unsetenv(k)
		} else {
			_ = os.Setenv(k, *v)
		}
	}
}
