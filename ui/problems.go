package ui

import (
	"regexp"

	"fyne.io/fyne/v2/lang"
)

// problemPatterns are the model's validation messages (written once, in
// English, in model) and their words in the chosen language: the form
// shows each problem beside its field in the screens' language. A message
// with no pattern here is shown as the model wrote it.
var problemPatterns = []struct {
	re  *regexp.Regexp
	key string // a translation key with {{.A}}, {{.B}} for the captured parts
}{
	{regexp.MustCompile(`^must not be empty$`), "must not be empty"},
	{regexp.MustCompile(`^must be set$`), "must be set"},
	{regexp.MustCompile(`^must be a known organization$`), "must be a known organization"},
	{regexp.MustCompile(`^(".*") is not a two-letter ISO 3166-1 country code such as FR$`), "{{.A}} is not a two-letter country code such as FR"},
	{regexp.MustCompile(`^(".*") is not a web address such as (\S+)$`), "{{.A}} is not a web address such as {{.B}}"},
	{regexp.MustCompile(`^(".*") is not an IANA time zone \(e\.g\. Europe/Paris\)$`), "{{.A}} is not a time zone such as Europe/Paris"},
	{regexp.MustCompile(`^(\S+) is not after the start (.+)$`), "{{.A}} is not after the start {{.B}}"},
	{regexp.MustCompile(`^the last day (\S+) is before the first day (\S+)$`), "the last day {{.A}} is before the first day {{.B}}"},
	{regexp.MustCompile(`^give the rule of procedure or decision that excludes observers$`), "give the rule of procedure or decision that excludes observers"},
	{regexp.MustCompile(`^say why the invitation is waived$`), "say why the invitation is waived"},
}

// problemText is a model's validation message in the chosen language.
func problemText(p string) string {
	for _, pt := range problemPatterns {
		if g := pt.re.FindStringSubmatch(p); g != nil {
			args := map[string]any{}
			for i, name := range []string{"A", "B"} {
				if i+1 < len(g) {
					args[name] = g[i+1]
				}
			}
			return lang.L(pt.key, args)
		}
	}
	return p
}
