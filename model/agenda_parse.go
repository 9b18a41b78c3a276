package model

import (
	"strings"
)

// ParseAgendaItem reads an agenda item written "TITLE|AREA,AREA", as the
// command line takes it. Area names may themselves hold commas ("The use
// of technology, software and systems"), so the list is matched against
// the names known under the agreements convener is a party to, longest
// first; no name holds more than a few commas, so the work is linear in
// the length of the list. An area named twice, or unknown, is refused
// with a message naming it.
func (c *Catalog) ParseAgendaItem(field string, convener int64, spec string) (AgendaItem, error) {
	cut := strings.LastIndex(spec, "|")
	title, list := spec, ""
	if cut >= 0 {
		title, list = spec[:cut], spec[cut+1:]
	}
	it := AgendaItem{Title: strings.TrimSpace(title)}
	if Blank(it.Title) {
		return it, Invalid(field, "the agenda item %q has no title; write \"TITLE|AREA,AREA\"", clipText(spec))
	}
	if err := CheckText(field, it.Title, MaxTitle); err != nil {
		return it, err
	}
	ids, err := c.ParseAreaList(field, convener, list)
	it.AreaIDs = ids
	return it, err
}

// ParseAreaList reads a comma-separated list of area names (see
// ParseAgendaItem).
func (c *Catalog) ParseAreaList(field string, convener int64, list string) ([]int64, error) {
	maxCommas := 0
	byName := map[string][]*Area{} // lower-case name: the areas of that name, one per agreement
	for _, g := range c.AgreementsOf(convener) {
		for i := range g.Areas {
			a := &g.Areas[i]
			maxCommas = max(maxCommas, strings.Count(a.Name, ","))
			k := strings.ToLower(strings.TrimSpace(a.Name))
			byName[k] = append(byName[k], a)
		}
	}
	tokens := strings.Split(list, ",")
	var ids []int64
	seen := map[int64]bool{}
	for i := 0; i < len(tokens); {
		if strings.TrimSpace(tokens[i]) == "" {
			i++
			continue
		}
		matched := false
		for j := min(len(tokens), i+maxCommas+1); j > i; j-- {
			name := strings.ToLower(strings.TrimSpace(strings.Join(tokens[i:j], ",")))
			for _, a := range byName[name] {
				if seen[a.ID] {
					return ids, Invalid(field, "the area %q is given twice; name each area once", a.Name)
				}
				seen[a.ID] = true
				ids = append(ids, a.ID)
				matched = true
			}
			if matched {
				i = j
				break
			}
		}
		if !matched {
			_, err := c.AreasByName(field, convener, []string{clipText(strings.TrimSpace(tokens[i]))})
			return ids, err
		}
	}
	return ids, nil
}
