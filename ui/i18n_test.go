package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uiStrings returns every string literal passed to lang.L in the package,
// and the strings translated through a variable (filters, months, days).
func uiStrings(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				out = append(out, s)
			}
			return true
		})
	}
	out = append(out, periods...)
	out = append(out, invFilters...)
	for m := time.January; m <= time.December; m++ {
		out = append(out, m.String())
	}
	out = append(out, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
	slices.Sort(out)
	return slices.Compact(out)
}

var placeholder = regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`)

func TestEveryStringIsTranslated(t *testing.T) {
	keys := uiStrings(t)
	require.Greater(t, len(keys), 200, "the walk finds the strings")
	for _, code := range []string{"en", "fr", "es"} {
		raw, err := translations.ReadFile("translations/" + code + ".json")
		require.NoError(t, err)
		var tr map[string]string
		require.NoError(t, json.Unmarshal(raw, &tr), code)
		for _, k := range keys {
			v, ok := tr[k]
			if !assert.True(t, ok, "%s.json lacks %q", code, k) {
				continue
			}
			assert.NotEmpty(t, v, "%s: %q", code, k)
			assert.ElementsMatch(t, placeholder.FindAllString(k, -1), placeholder.FindAllString(v, -1), "%s: %q keeps its placeholders", code, k)
		}
	}
}
