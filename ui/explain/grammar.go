package explain

import (
	"regexp"
	"strings"
)

// withArticle are the acronyms that French and Spanish write with the
// definite article ("l’OIM", "la OIM"); INTERPOL, a name, takes none.
var withArticle = []string{"OIM", "ONU", "OMS", "OIT", "OSCE", "UNESCO", "UE", "OTAN", "OMD", "ONUDC", "ONUDD", "OCDE", "OACI", "OMI"}

var (
	acronymAlone = func() *regexp.Regexp {
		return regexp.MustCompile(`(^|[^\p{L}’'])(` + strings.Join(withArticle, "|") + `)\b`)
	}()
	// "de" before a vowel is elided: "d’INTERPOL".
	deVowel = regexp.MustCompile(`(^|[^\p{L}])([Dd])e ([AEIOUYÉÈaeiouyéè])`)
)

// grammar fixes what filling a sentence with names breaks: in French the
// article and elision ("d’INTERPOL à l’OIM"), in Spanish the article ("a
// la OIM").
func (w *Words) grammar(s string) string {
	var art string
	switch w.lang {
	case "fr":
		art = "l’"
	case "es":
		art = "la "
	default:
		return s
	}
	s = acronymAlone.ReplaceAllStringFunc(s, func(m string) string {
		g := acronymAlone.FindStringSubmatch(m)
		prefix, name := g[1], g[2]
		a := art
		if prefix == "" || strings.HasSuffix(strings.TrimRight(prefix, " "), ".") {
			a = strings.ToUpper(a[:1]) + a[1:] // at the start of a sentence
		}
		return prefix + a + name
	})
	if w.lang == "fr" {
		s = deVowel.ReplaceAllString(s, "${1}${2}’${3}")
	}
	return s
}
