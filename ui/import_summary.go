package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store/exchange"
)

// importSummary says what an import did, in the chosen language: the
// counts, each event skipped and why, each event read, and what Article 2
// says of the partners' meetings imported. (The reasons a file or an event
// was refused are the store's own words.)
func importSummary(s exchange.Summary, reason func(*model.Obligation) string) string {
	var b strings.Builder
	line := func(format string, args map[string]any) { b.WriteString(lang.L(format, args) + "\n") }
	for _, f := range s.Files {
		if f.Refused != nil {
			line("{{.File}}: refused, nothing imported: {{.Why}}", map[string]any{"File": f.Path, "Why": f.Refused.Error()})
			continue
		}
		line("{{.File}}: {{.Added}} added, {{.Updated}} updated, {{.Cancelled}} cancelled, {{.Replies}} replies, {{.Unchanged}} unchanged, {{.Skipped}} skipped",
			map[string]any{"File": f.Path, "Added": f.Count("added"), "Updated": f.Count("updated"), "Cancelled": f.Count("cancelled"),
				"Replies": f.Count("reply"), "Unchanged": f.Count("unchanged"), "Skipped": f.Count("skipped")})
		for _, l := range f.Skipped {
			line("  line {{.Line}}: skipped “{{.Title}}”: {{.Why}}", map[string]any{"Line": l.Line, "Title": l.Title, "Why": l.Why})
		}
		if f.UnlistedSkipped > 0 {
			line("  … and {{.N}} more skipped", map[string]any{"N": f.UnlistedSkipped})
		}
		for _, n := range f.Notes {
			b.WriteString("  " + n + "\n")
		}
		for _, l := range f.Lines {
			what := eventWhat(l.What)
			if l.Why != "" {
				what += " (" + l.Why + ")"
			}
			line("  line {{.Line}}: {{.What}} “{{.Title}}”", map[string]any{"Line": l.Line, "What": what, "Title": l.Title})
		}
		if f.Unlisted > 0 {
			line("  … and {{.N}} more events", map[string]any{"N": f.Unlisted})
		}
		for i := range f.Obligations {
			ob := &f.Obligations[i]
			b.WriteString(fmt.Sprintf("  %s (%s): %s\n", lang.L("Article 2"), ob.Article, reason(ob)))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// eventWhat names what an import did with an event.
func eventWhat(w string) string {
	switch w {
	case "added":
		return lang.L("added")
	case "updated":
		return lang.L("updated")
	case "cancelled":
		return lang.L("cancelled")
	case "reply":
		return lang.L("reply recorded")
	case "unchanged":
		return lang.L("already here")
	case "skipped":
		return lang.L("skipped")
	}
	return w
}
