//go:build ci

package ui

import (
	"bytes"
	"log"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A template name reads in the chosen language; a name an officer typed
// comes back as typed, and asking for it logs nothing (the app draws names
// all the time: a "translation failure" per draw would fill the log).
func TestDataWordTranslatesTemplateNamesAndLeavesTypedOnesQuietly(t *testing.T) {
	setupLanguage("fr")
	defer setupLanguage("en")
	var buf bytes.Buffer
	old := log.Writer()
	log.SetOutput(&buf)
	defer log.SetOutput(old)

	assert.Equal(t, "OIM", dataWord("IOM"))
	assert.Equal(t, "Claire Moreau", dataWord("Claire Moreau"))
	assert.Equal(t, "Sécurité des Frontières (typed)", dataWord("Sécurité des Frontières (typed)"))
	assert.Empty(t, buf.String(), "nothing is logged for a name the translations do not have")
}
