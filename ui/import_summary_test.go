package ui

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store/exchange"
)

func TestImportSummaryInFrench(t *testing.T) {
	defer setupLanguage("en")
	setupLanguage("fr")
	sum := exchange.Summary{Files: []exchange.FileSummary{
		{Path: "iom.ics", Lines: []exchange.Line{{Line: 3, What: "added", Title: "IOM Council"}},
			Obligations: []model.Obligation{{Article: "Art. 2.2", State: model.Owed}}},
		{Path: "bad.ics", Refused: errors.New("not a calendar")},
	}}
	text := importSummary(sum, func(ob *model.Obligation) string { return "raison" })
	assert.Contains(t, text, "iom.ics : ajoutées 1, mises à jour 0")
	assert.Contains(t, text, "ligne 3 : ajoutée « IOM Council »")
	assert.Contains(t, text, "Article 2 (Art. 2.2): raison")
	assert.Contains(t, text, "bad.ics : refusé, rien n'a été importé : not a calendar")
	assert.NotContains(t, text, " added,")
}
