package explain

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

// Every sentence has its French and Spanish, with the same placeholders,
// and every reason code has its sentence.
func TestEverySentenceIsTranslated(t *testing.T) {
	read := func(code string) map[string]string {
		raw, err := files.ReadFile("translations/" + code + ".json")
		require.NoError(t, err)
		var m map[string]string
		require.NoError(t, json.Unmarshal(raw, &m))
		return m
	}
	en := read("en")
	for _, code := range model.WhyCodes() {
		_, ok := en[sentenceOf[code]]
		assert.True(t, ok, "no sentence for %s", code)
	}
	ph := regexp.MustCompile(`\{\{\.\w+\}\}`)
	for _, lang := range []string{"fr", "es"} {
		tr := read(lang)
		for key, s := range en {
			got, ok := tr[key]
			if !assert.True(t, ok, "%s: no %s", lang, key) {
				continue
			}
			want, have := ph.FindAllString(s, -1), ph.FindAllString(got, -1)
			assert.ElementsMatch(t, want, have, "%s %s keeps the placeholders", lang, key)
			if key != "And" && len(s) > 20 {
				assert.NotEqual(t, s, got, "%s %s is translated", lang, key)
			}
		}
		assert.Len(t, tr, len(en), "%s has no sentence English lacks", lang)
	}
}

func catalog() *model.Catalog {
	g := model.Agreement{ID: 1, ShortName: "INTERPOL–IOM 2014", LeadTimeDays: 42,
		InForceFrom: model.MustDate("2014-03-05"),
		Parties:     []model.Party{{OrgID: 1, Article: "Art. 2.1"}, {OrgID: 2, Article: "Art. 2.2"}},
		Areas:       []model.Area{{ID: 11, AgreementID: 1, Name: "Border security"}, {ID: 12, AgreementID: 1, Name: "Travel document fraud"}}}
	return model.NewCatalog([]model.Organization{{ID: 1, Acronym: "INTERPOL", Us: true, Zone: "Europe/Paris"}, {ID: 2, Acronym: "IOM", Zone: "Europe/Zurich"}},
		[]model.Agreement{g})
}

func TestReasonsInThreeLanguages(t *testing.T) {
	c := catalog()
	ob := model.Obligation{AgreementID: 1, From: 1, To: 2, State: model.Overdue, Due: model.MustDate("2026-11-24"), Areas: []int64{11, 12},
		Why: model.Why{Code: model.WhyOverdue, Because: model.BecauseItem, Text: "Border checks", NAreas: 2, Date: model.MustDate("2026-11-24"), N: 3, Lead: 42}}
	assert.Equal(t, "An observer invitation from INTERPOL to IOM was due on 2026-11-24 (3 days ago): IGOs are invited and the agenda item “Border checks” concerns Border security and Travel document fraud.",
		English().Reason(c, &ob))
	fr := For("fr-FR").Reason(c, &ob)
	assert.Contains(t, fr, "2026-11-24")
	assert.Contains(t, fr, "Border security et Travel document fraud")
	assert.NotContains(t, fr, "observer invitation")
	assert.Contains(t, For("es").Reason(c, &ob), "Border security y Travel document fraud")

	assert.Equal(t, "due 42 days before the start: 2026-11-24", English().DueRule(&ob))
	assert.Equal(t, "due 42 jours avant le début : 2026-11-24", For("fr").DueRule(&ob))
	assert.Equal(t, "debida 42 días antes del inicio: 2026-11-24", For("es").DueRule(&ob))

	missed := ob
	missed.State, missed.Why.Code = model.Missed, model.WhyMissed
	assert.Contains(t, English().Reason(c, &missed), "was never sent")
	ob.Why = model.Why{Code: model.WhyAccepted, Reps: []model.Representative{{Name: "Ana Lima"}, {Email: "x@iom.int"}}}
	assert.Equal(t, "IOM accepted, naming Ana Lima, x@iom.int.", English().Reason(c, &ob))
	ob.Why = model.Why{Code: model.WhyDueSoon, N: 1, Date: model.MustDate("2026-11-24"), Because: model.BecauseMark, Text: "side event."}
	assert.Contains(t, English().Reason(c, &ob), "due tomorrow, 2026-11-24: IGOs are invited and an officer marked the meeting as a matter of interest to IOM (side event).")
	assert.Equal(t, "", English().DueRule(&model.Obligation{}))
}

func TestEveryCodeSaysSomethingWithoutPlaceholdersLeft(t *testing.T) {
	c := catalog()
	g := c.Agreement(1)
	g.Termination = &model.Termination{NoticeOn: model.MustDate("2027-01-10")}
	for _, lang := range Languages {
		for _, code := range model.WhyCodes() {
			ob := model.Obligation{AgreementID: 1, From: 1, To: 2, Areas: []int64{11},
				Why: model.Why{Code: code, Because: model.BecauseMeeting, NAreas: 1, Date: model.MustDate("2027-08-01"), N: 2, M: 3, Lead: 42}}
			s := For(lang).Reason(c, &ob)
			assert.NotEmpty(t, s)
			assert.False(t, strings.Contains(s, "{{"), "%s %s: %q", lang, code, s)
		}
	}
	ob := model.Obligation{AgreementID: 1, Why: model.Why{Code: model.WhyTerminated, Date: model.MustDate("2027-08-01")}}
	assert.Equal(t, "INTERPOL–IOM 2014 does not bind on 2027-08-01: its termination took effect on 2027-07-10 (notice given on 2027-01-10).", English().Reason(c, &ob))
}

func TestCadence(t *testing.T) {
	al := model.CadenceAlert{Article: "Art. 8", LastHeld: model.MustDate("2027-03-16"), DaysSince: 184, Limit: 180, Next: model.MustDate("2027-09-21")}
	assert.Equal(t, "The last consultation under Art. 8 was held on 2027-03-16, 184 days ago; the expected interval is 180 days; the next is scheduled for 2027-09-21.", English().Cadence(al))
	al.LastHeld, al.Next = model.Date{}, model.Date{}
	assert.Contains(t, For("es").Cadence(al), "no hay ninguna prevista")
}

func TestFrenchAndSpanishGrammarAroundNames(t *testing.T) {
	fr, es := For("fr"), For("es")
	for _, tc := range []struct {
		w        *Words
		in, want string
	}{
		{fr, "Une invitation de INTERPOL à OIM est due.", "Une invitation d’INTERPOL à l’OIM est due."},
		{fr, "Une invitation de OIM à INTERPOL est due.", "Une invitation de l’OIM à INTERPOL est due."},
		{fr, "OIM a accepté.", "L’OIM a accepté."},
		{fr, "intéressant OIM (note)", "intéressant l’OIM (note)"},
		{fr, "de l’OIM", "de l’OIM"},
		{fr, "OIMX de 42 jours", "OIMX de 42 jours"},
		{es, "Una invitación de INTERPOL a OIM.", "Una invitación de INTERPOL a la OIM."},
		{es, "OIM aceptó.", "La OIM aceptó."},
		{English(), "from INTERPOL to IOM", "from INTERPOL to IOM"},
	} {
		if got := tc.w.grammar(tc.in); got != tc.want {
			t.Errorf("%s: %q gives %q, want %q", tc.w.Lang(), tc.in, got, tc.want)
		}
	}
}
