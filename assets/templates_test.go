package assets

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestTemplates(t *testing.T) {
	keys := TemplateKeys()
	if !slices.Contains(keys, "interpol-iom-2014") {
		t.Fatalf("TemplateKeys() = %v, want interpol-iom-2014 among them", keys)
	}
	for _, k := range keys {
		b, err := Template(k)
		if err != nil {
			t.Fatalf("Template(%q): %v", k, err)
		}
		var v struct {
			Key string `json:"key"`
		}
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("template %s is not valid JSON: %v", k, err)
		}
		if v.Key != k {
			t.Errorf("template file %s.json has key %q; the file name and the key must agree", k, v.Key)
		}
	}
	for _, bad := range []string{"", "nope", "../assets", "interpol-iom-2014.json"} {
		_, err := Template(bad)
		if err == nil {
			t.Errorf("Template(%q) succeeded; want an error", bad)
		} else if !strings.Contains(err.Error(), "interpol-iom-2014") {
			t.Errorf("Template(%q) error %q does not list the known templates", bad, err)
		}
	}
}
