package ui

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"

	"github.com/liaison-app/liaison/model"
)

// dataWord is a name that came with an agreement template (an
// organization, its acronym, the agreement, an area of cooperation, a
// focal point's title) in the chosen language, when the translations have
// it; what an officer typed comes back as typed. IOM is OIM in French and
// Spanish: an organization's acronym follows the language where the
// organization itself uses another one.
func dataWord(s string) string {
	if s == "" {
		return s
	}
	k := "data:" + s
	if !dataKeys()[k] {
		return s // typed by an officer: asking Fyne would log a "translation failure" each time it is drawn
	}
	if v := lang.L(k); v != k && !strings.HasPrefix(v, "data:") {
		return v
	}
	return s
}

// dataKeys are the template names the translations know (the "data:" keys
// of the English file, which every language has).
var dataKeys = sync.OnceValue(func() map[string]bool {
	keys := map[string]bool{}
	raw, err := translations.ReadFile("translations/en.json")
	if err != nil {
		return keys
	}
	var all map[string]any
	if json.Unmarshal(raw, &all) != nil {
		return keys
	}
	for k := range all {
		if strings.HasPrefix(k, "data:") {
			keys[k] = true
		}
	}
	return keys
})

// localCatalog is c as a person reads it in the chosen language. The app
// shows and looks up through it; what it writes back goes by ID, or is
// read again from the stored catalog (rawCat).
func localCatalog(c *model.Catalog) *model.Catalog {
	orgs := slices.Clone(c.Orgs)
	for i := range orgs {
		orgs[i].Acronym, orgs[i].Name = dataWord(orgs[i].Acronym), dataWord(orgs[i].Name)
	}
	ags := slices.Clone(c.Agreements)
	for i := range ags {
		g := &ags[i]
		g.Title, g.ShortName = dataWord(g.Title), dataWord(g.ShortName)
		g.Areas = slices.Clone(g.Areas)
		for j := range g.Areas {
			g.Areas[j].Name = dataWord(g.Areas[j].Name)
		}
	}
	return model.NewCatalog(orgs, ags)
}

// storedAgreement is g with the names it has in the database, for writing.
func (a *App) storedAgreement(g *model.Agreement) *model.Agreement {
	out := *g
	if raw := a.rawCat.Agreement(g.ID); raw != nil {
		out.Title, out.ShortName, out.Areas = raw.Title, raw.ShortName, raw.Areas
	}
	return &out
}
