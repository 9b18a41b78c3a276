package ui

import (
	"embed"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/liaison-app/liaison/ui/explain"
)

//go:embed translations
var translations embed.FS

// Languages offered in Settings, with their names in their own language.
var Languages = []struct{ Code, Name string }{
	{"", "System"}, {"en", "English"}, {"fr", "Français"}, {"es", "Español"},
}

// setupLanguage loads the translations and picks the language: code ("en",
// "fr", "es") or, when empty, the system's. The window content is then
// rebuilt by the caller: the switch needs no restart.
//
// Fyne's lang package follows the system locale, which it reads again each
// time translations are added. On Linux and the BSDs that locale comes
// from LANGUAGE/LC_ALL/LC_MESSAGES/LANG, so the choice is applied by
// setting LANGUAGE for this process (Fyne's own words, in its dialogs,
// follow too). On Windows and macOS the locale comes from the system
// itself: there the chosen language's strings are registered under the
// system's locale, so that ours follow the choice and Fyne's own words
// stay in the system's language.
func setupLanguage(code string) {
	chosenLang = code
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
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		sys := lang.SystemLocale()
		src := code
		if src == "" {
			src = strings.SplitN(sys.LanguageString(), "-", 2)[0]
		}
		data, err := translations.ReadFile("translations/" + src + ".json")
		if err != nil {
			data, _ = translations.ReadFile("translations/en.json")
		}
		if err := lang.AddTranslationsForLocale(data, sys); err != nil {
			fyne.LogError("choosing the language", err)
		}
	}
}

// chosenLang is the language chosen in Settings, "" for the system's.
var chosenLang string

// words says the Article 2 reasons and cadence alerts (ui/explain) in the
// language the window shows: each translation file names its language
// under "explain.language", so the reasons follow whatever Fyne chose.
func (a *App) words() *explain.Words {
	return explain.For(lang.X("explain.language", "en"))
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
