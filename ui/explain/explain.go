// Package explain says the Article 2 rule's reasons and the Article 8
// cadence alerts in words, in English, French or Spanish: the one renderer
// of model.Why and model.CadenceAlert, called by the command line, the
// desktop app, the briefs (through ui/briefing) and the import summary.
//
// The rule returns facts; text is made here, only for what is shown. The
// sentences live in translations/, one file per language, keyed by name;
// placeholders are written {{.Name}} as in the app's own translations.
package explain

import (
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/liaison-app/liaison/model"
)

//go:embed translations
var files embed.FS

// Languages are the languages the sentences are written in.
var Languages = []string{"en", "fr", "es"}

// Words says reasons in one language. Its methods are safe for concurrent
// use.
type Words struct {
	lang  string
	sents map[string]sentence
}

var (
	loadOnce sync.Once
	byLang   map[string]*Words
)

// For returns the words of a language ("en", "fr", "es", or a locale such
// as "fr-FR"); any other language gets English.
func For(code string) *Words {
	loadOnce.Do(load)
	code, _, _ = strings.Cut(strings.ToLower(code), "-")
	code, _, _ = strings.Cut(code, "_")
	if w := byLang[code]; w != nil {
		return w
	}
	return byLang["en"]
}

// English is For("en"): the command line's and the files' language.
func English() *Words { return For("en") }

// Lang is the language code of w.
func (w *Words) Lang() string { return w.lang }

func load() {
	byLang = map[string]*Words{}
	for _, code := range Languages {
		raw, err := files.ReadFile("translations/" + code + ".json")
		if err != nil {
			panic(err) // embedded: a build without them is broken
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			panic(fmt.Sprintf("explain: translations/%s.json: %v", code, err))
		}
		w := &Words{lang: code, sents: map[string]sentence{}}
		for k, v := range m {
			w.sents[k] = parse(v)
		}
		byLang[code] = w
	}
}

// The placeholders a sentence may hold.
const (
	fFrom = iota
	fTo
	fAgreement
	fDay
	fDate
	fDate2
	fN
	fM
	fDetail
	fItem
	fAreas
	fNote
	fBecause
	fArticle
	fLast
	fDays
	fLimit
	fNext
	fLead
	nFields
)

var fieldNames = [nFields]string{"From", "To", "Agreement", "Day", "Date", "Date2", "N", "M", "Detail", "Item", "Areas", "Note",
	"Because", "Article", "Last", "Days", "Limit", "Next", "Lead"}

// sentence is a parsed sentence: literal text and placeholders in turn.
type sentence []piece

type piece struct {
	text  string
	field int // -1: text is literal
}

func parse(s string) sentence {
	var out sentence
	for {
		i := strings.Index(s, "{{.")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			break
		}
		name, f := s[i+3:i+j], -1
		for k, n := range fieldNames {
			if n == name {
				f = k
			}
		}
		if f < 0 { // unknown: keep it as written
			out = append(out, piece{text: s[:i+j+2], field: -1})
		} else {
			if i > 0 {
				out = append(out, piece{text: s[:i], field: -1})
			}
			out = append(out, piece{field: f})
		}
		s = s[i+j+2:]
	}
	if s != "" {
		out = append(out, piece{text: s, field: -1})
	}
	return out
}

type args [nFields]string

func (s sentence) appendTo(b []byte, a *args) []byte {
	for _, p := range s {
		if p.field < 0 {
			b = append(b, p.text...)
		} else {
			b = append(b, a[p.field]...)
		}
	}
	return b
}

// say writes sentence key with a.
func (w *Words) say(b []byte, key string, a *args) []byte {
	s, ok := w.sents[key]
	if !ok {
		s = English().sents[key]
	}
	return s.appendTo(b, a)
}

var sentenceOf = map[model.WhyCode]string{
	model.WhyConditionFailed:  "ConditionFailed",
	model.WhyNoEntryDate:      "NoEntryDate",
	model.WhyNotYetInForce:    "NotYetInForce",
	model.WhyTerminated:       "Terminated",
	model.WhyVoid:             "Void",
	model.WhyVoidNoticeOwed:   "VoidNoticeOwed",
	model.WhyVoidNoticeSent:   "VoidNoticeSent",
	model.WhyWaived:           "Waived",
	model.WhyUpdateOwed:       "UpdateOwed",
	model.WhyAccepted:         "Accepted",
	model.WhyTentative:        "Tentative",
	model.WhyDeclined:         "Declined",
	model.WhyNoReply:          "NoReply",
	model.WhySent:             "Sent",
	model.WhyNoIGOs:           "NoIGOs",
	model.WhyExcluded:         "Excluded",
	model.WhyReview:           "Review",
	model.WhyNoInterest:       "NoInterest",
	model.WhyOverdue:          "Overdue",
	model.WhyDueSoon:          "DueSoon",
	model.WhyOwed:             "Owed",
	model.WhyMissed:           "Missed",
	model.WhyMissedUnreviewed: "MissedUnreviewed",
}

// Reason says why the rule gave answer ob.
func (w *Words) Reason(c *model.Catalog, ob *model.Obligation) string {
	return string(w.AppendReason(nil, c, ob))
}

// AppendReason is Reason written at the end of b.
func (w *Words) AppendReason(b []byte, c *model.Catalog, ob *model.Obligation) []byte {
	why := &ob.Why
	key, ok := sentenceOf[why.Code]
	if !ok {
		return append(b, ob.State.String()...)
	}
	var a args
	a[fFrom], a[fTo] = c.Acronym(ob.From), c.Acronym(ob.To)
	g := c.Agreement(ob.AgreementID)
	if g != nil {
		a[fAgreement] = g.ShortName
		if a[fAgreement] == "" {
			a[fAgreement] = g.Title
		}
	}
	if !why.Date.IsZero() {
		a[fDate] = why.Date.String()
	}
	a[fN], a[fM] = strconv.Itoa(int(why.N)), strconv.Itoa(int(why.M))
	a[fDetail] = strings.TrimSuffix(strings.TrimSpace(why.Text), ".")
	switch why.Code {
	case model.WhyConditionFailed, model.WhyNoEntryDate:
		a[fDay] = a[fDate]
		if a[fDetail] == "" {
			a[fDetail] = "condition not met"
		}
	case model.WhyNotYetInForce:
		a[fDay] = a[fDate]
		if g != nil {
			a[fDate] = g.InForceFrom.String()
		}
	case model.WhyTerminated:
		a[fDay] = a[fDate]
		if g != nil && g.Termination != nil {
			a[fDate], a[fDate2] = g.Termination.Effective().String(), g.Termination.NoticeOn.String()
		}
	case model.WhyDueSoon:
		switch why.N {
		case 0:
			key = "DueToday"
		case 1:
			key = "DueTomorrow"
		}
	case model.WhyAccepted, model.WhyTentative:
		if len(why.Reps) > 0 {
			key += "Naming"
			a[fDetail] = repsNames(why.Reps)
		}
	}
	if why.Because != model.BecauseNone {
		a[fBecause] = string(w.appendBecause(nil, c, ob, &a))
	}
	return append(b, w.grammar(string(w.say(nil, key, &a)))...) // grammar.go: d’INTERPOL, à l’OIM
}

func (w *Words) appendBecause(b []byte, c *model.Catalog, ob *model.Obligation, a *args) []byte {
	why := &ob.Why
	n := min(int(why.NAreas), len(ob.Areas))
	names := make([]string, n)
	for i, id := range ob.Areas[:n] {
		names[i] = c.AreaName(id)
	}
	a[fAreas] = w.list(names)
	switch why.Because {
	case model.BecauseItem:
		a[fItem] = why.Text
		return w.say(b, "BecauseItem", a)
	case model.BecauseMeeting:
		return w.say(b, "BecauseMeeting", a)
	}
	if note := strings.TrimSuffix(strings.TrimSpace(why.Text), "."); note != "" {
		a[fNote] = note
		return w.say(b, "BecauseMarkNoted", a)
	}
	return w.say(b, "BecauseMark", a)
}

// list joins names as "A, B and C" (the areas' names stay as the
// agreement writes them).
func (w *Words) list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + string(w.say(nil, "And", &args{})) + names[len(names)-1]
}

// repsNames lists the representatives' names (their addresses when they
// have none), comma-separated.
func repsNames(reps []model.Representative) string {
	s := make([]string, len(reps))
	for i, r := range reps {
		s[i] = r.Name
		if s[i] == "" {
			s[i] = r.Email
		}
	}
	return strings.Join(s, ", ")
}

// DueRule says how the due day follows from the lead time: "due 42 days
// before the start: 2026-11-24". It is "" for an answer with no due day.
func (w *Words) DueRule(ob *model.Obligation) string {
	if ob.Due.IsZero() {
		return ""
	}
	var a args
	a[fLead], a[fDate] = strconv.Itoa(int(ob.Why.Lead)), ob.Due.String()
	if ob.Why.Lead == 0 {
		return string(w.say(nil, "DueRuleSameDay", &a))
	}
	return string(w.say(nil, "DueRule", &a))
}

// Cadence says a cadence alert (Art. 8).
func (w *Words) Cadence(al model.CadenceAlert) string {
	a := args{fArticle: al.Article, fLast: al.LastHeld.String(), fDays: strconv.Itoa(al.DaysSince),
		fLimit: strconv.Itoa(al.Limit), fNext: al.Next.String()}
	var b []byte
	if al.LastHeld.IsZero() {
		b = w.say(b, "CadenceNever", &a)
	} else {
		b = w.say(b, "CadenceLast", &a)
	}
	b = append(b, "; "...)
	if al.Next.IsZero() {
		b = w.say(b, "CadenceNone", &a)
	} else {
		b = w.say(b, "CadenceNext", &a)
	}
	return string(b)
}

// NotInForce says why agreement g does not bind on day ("" when it does).
func (w *Words) NotInForce(c *model.Catalog, g *model.Agreement, day model.Date) string {
	ok, code, _, _ := g.InForceOn(day)
	if ok {
		return ""
	}
	ob := model.Obligation{AgreementID: g.ID, Why: model.Why{Code: code, Date: day, Text: g.InForceCondition}}
	return w.Reason(c, &ob)
}
