package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/liaison-app/liaison/model"
)

// Organizations in lists and on the calendar.

// convenerColor gives each organization a steady colour on the calendar.
func convenerColor(c *model.Catalog, org int64) color.Color {
	if us := c.Us(); us != nil && us.ID == org {
		return theme.Color(theme.ColorNamePrimary)
	}
	// Partners take the palette in the catalog's order.
	palette := []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameHyperlink, theme.ColorNameError}
	n := 0
	for _, o := range c.Orgs {
		if o.ID == org {
			break
		}
		if !o.Us {
			n++
		}
	}
	return theme.Color(palette[n%len(palette)])
}

// orgOptions lists the organizations' acronyms for a Select.
func orgOptions(c *model.Catalog) []string {
	out := make([]string, len(c.Orgs))
	for i, o := range c.Orgs {
		out[i] = o.Acronym
	}
	return out
}

func orgByAcronym(c *model.Catalog, acr string) int64 {
	for _, o := range c.Orgs {
		if o.Acronym == acr {
			return o.ID
		}
	}
	return 0
}
