package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// templateFiles holds the agreement templates: one JSON file per agreement,
// named after its key (interpol-iom-2014.json). They are data, read by the
// store when it seeds a new database.
//
//go:embed templates/*.json
var templateFiles embed.FS

// TemplateKeys lists the keys of the agreement templates, sorted.
func TemplateKeys() []string {
	entries, err := fs.ReadDir(templateFiles, "templates")
	if err != nil {
		return nil // cannot happen: the folder is embedded
	}
	keys := make([]string, 0, len(entries))
	for _, e := range entries {
		if k, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// Template returns the JSON text of the agreement template with that key.
// An unknown key is an error that lists the known ones.
func Template(key string) ([]byte, error) {
	if key == "" || strings.ContainsAny(key, `/\.`) || !slices.Contains(TemplateKeys(), key) {
		return nil, fmt.Errorf("unknown agreement template %q; known templates: %s", key, strings.Join(TemplateKeys(), ", "))
	}
	return templateFiles.ReadFile(path.Join("templates", key+".json"))
}
