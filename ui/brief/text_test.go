package brief

import (
	"strings"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
)

func TestCleanKeepsAccentsAndDropsWhatCannotBeSet(t *testing.T) {
	for in, want := range map[string]string{
		"  Conférence « año » – l’été  ": "Conférence « año » – l’été",
		"a\tb":                "a    b",
		"line\r\nnext\rthird": "line\nnext\nthird",
		"bell\a and \x00nul":  "bell and nul",
		"emoji 😀 beyond the BMP, 日本 beyond the font": "emoji ? beyond the BMP, ?? beyond the font",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := oneLine("a\n\n  b\tc"); got != "a b c" {
		t.Errorf("oneLine = %q", got)
	}
	if got := clip("abcdef", 4); got != "abc…" {
		t.Errorf("clip = %q", got)
	}
}

func TestTimeSpanNamesTheZones(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	ba := zone(t, "America/Argentina/Buenos_Aires")
	start := time.Date(2026, 3, 28, 22, 0, 0, 0, paris)
	for _, c := range []struct {
		start, end time.Time
		loc        *time.Location
		want       string
	}{
		{start, start.Add(4 * time.Hour), paris, "Saturday 28 March 2026, 22:00 CET – Sunday 29 March 2026, 03:00 CEST"},
		{start.Add(-4 * time.Hour), start.Add(-2 * time.Hour), paris, "Saturday 28 March 2026, 18:00–20:00 CET"},
		{start, start.Add(time.Hour), ba, "Saturday 28 March 2026, 18:00–19:00 UTC−03:00"},
	} {
		if got := timeSpan(c.start, c.end, c.loc); got != c.want {
			t.Errorf("timeSpan = %q, want %q", got, c.want)
		}
	}
	if got := daySpan(model.MustDate("2026-06-16"), model.MustDate("2026-06-16")); got != "Tuesday 16 June 2026 (whole day)" {
		t.Errorf("daySpan = %q", got)
	}
}

func TestObligationLabelsSayActionInWords(t *testing.T) {
	for _, s := range model.ObligationStates {
		label := obligationLabel(s)
		if label == "" {
			t.Errorf("%s has no label", s)
		}
		if s.NeedsAction() && s != model.Owed && !contains(label, "action needed", "must decide") {
			t.Errorf("%s needs action but its label %q does not say so", s, label)
		}
	}
}

func contains(s string, any ...string) bool {
	for _, a := range any {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}
