package caldav

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// Fields are a record's facts by name, each as canonical text: what the
// three-way merge compares and what the X-LIAISON- properties carry. An
// empty value is the same as an absent field. References to the catalog
// are by stable keys (an organization's acronym, an agreement's key and an
// area's name), never by this database's row ids.
type Fields map[string]string

// Names that the merge treats apart.
const (
	fModified = "MODIFIED" // the record's last change: the later side wins a conflict
	fSequence = "SEQUENCE" // iCalendar SEQUENCE: the higher is kept
	fDeleted  = "DELETED"  // "1" for a tombstone
	fTitle    = "TITLE"
)

// historySuffix ends the name of a field whose value is a list of events:
// merged as the union of both sides.
const historySuffix = "-HISTORY"

func (f Fields) set(name, v string) {
	if v == "" {
		delete(f, name)
		return
	}
	f[name] = v
}

func (f Fields) setBool(name string, v bool) {
	if v {
		f[name] = "1"
	} else {
		delete(f, name)
	}
}

func (f Fields) setJSON(name string, v any, empty bool) {
	if empty {
		delete(f, name)
		return
	}
	b, _ := json.Marshal(v)
	f[name] = string(b)
}

func (f Fields) setTime(name string, t time.Time) {
	if t.IsZero() {
		delete(f, name)
		return
	}
	f[name] = t.Format(time.RFC3339Nano)
}

// same reports whether two records agree, their modification time aside.
func same(a, b Fields) bool {
	for k, v := range a {
		if k != fModified && b[k] != v {
			return false
		}
	}
	for k, v := range b {
		if k != fModified && a[k] != v {
			return false
		}
	}
	return true
}

// names returns the field names in a stable order.
func (f Fields) names() []string {
	out := make([]string, 0, len(f))
	for k := range f {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (f Fields) encode() string {
	b, _ := json.Marshal(map[string]string(f))
	return string(b)
}

func decodeFields(s string) (Fields, error) {
	f := Fields{}
	if s == "" {
		return f, nil
	}
	err := json.Unmarshal([]byte(s), &f)
	return f, err
}

func (f Fields) modified() time.Time {
	t, _ := time.Parse(time.RFC3339Nano, f[fModified])
	return t
}

// fieldReader decodes fields, keeping the first problem with the field's
// name so that a damaged resource is reported precisely.
type fieldReader struct {
	f   Fields
	c   *model.Catalog
	err error
}

func (r *fieldReader) fail(name, format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("field %s: %s", name, fmt.Sprintf(format, args...))
	}
}

func (r *fieldReader) str(name string) string { return r.f[name] }
func (r *fieldReader) boolean(name string) bool {
	return r.f[name] == "1"
}

func (r *fieldReader) integer(name string) int {
	v := r.f[name]
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		r.fail(name, "%q is not a number", v)
	}
	return n
}

func (r *fieldReader) instant(name string) time.Time {
	v := r.f[name]
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		r.fail(name, "%q is not an instant (RFC 3339)", v)
	}
	return t
}

func (r *fieldReader) day(name string) model.Date {
	v := r.f[name]
	if v == "" {
		return model.Date{}
	}
	d, err := model.ParseDate(v)
	if err != nil {
		r.fail(name, "%q is not a day (YYYY-MM-DD)", v)
	}
	return d
}

func (r *fieldReader) json(name string, v any) {
	s := r.f[name]
	if s == "" {
		return
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		r.fail(name, "not readable: %v", err)
	}
}

func (r *fieldReader) org(name, acr string) int64 {
	if acr == "" {
		r.fail(name, "no organization given")
		return 0
	}
	o, err := r.c.OrgByAcronym(strings.ToLower(name), acr)
	if err != nil {
		r.fail(name, "organization %s is not in this database's catalog", acr)
		return 0
	}
	return o.ID
}

func (r *fieldReader) agreement(name, key string) int64 {
	for i := range r.c.Agreements {
		if r.c.Agreements[i].Key == key {
			return r.c.Agreements[i].ID
		}
	}
	r.fail(name, "agreement %q is not in this database's catalog", key)
	return 0
}

// areaRef names an area by its agreement's key and its own name.
func areaRef(c *model.Catalog, id int64) string {
	g, a := c.AreaOf(id)
	if a == nil {
		return fmt.Sprintf("?/%d", id)
	}
	return g.Key + "/" + a.Name
}

func areaRefs(c *model.Catalog, ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = areaRef(c, id)
	}
	return out
}

func (r *fieldReader) areas(name string, refs []string) []int64 {
	out := make([]int64, 0, len(refs))
	for _, ref := range refs {
		key, area, ok := strings.Cut(ref, "/")
		found := false
		for i := range r.c.Agreements {
			g := &r.c.Agreements[i]
			if !ok || g.Key != key {
				continue
			}
			for _, a := range g.Areas {
				if strings.EqualFold(a.Name, area) {
					out, found = append(out, a.ID), true
				}
			}
		}
		if !found {
			r.fail(name, "area %q is not in this database's catalog", ref)
		}
	}
	return out
}

// agendaItem is an agenda item as shared.
type agendaItem struct {
	Title string   `json:"title"`
	Areas []string `json:"areas,omitempty"`
}

func agendaOut(c *model.Catalog, items []model.AgendaItem) []agendaItem {
	out := make([]agendaItem, len(items))
	for i, it := range items {
		out[i] = agendaItem{Title: it.Title, Areas: areaRefs(c, it.AreaIDs)}
	}
	return out
}

func (r *fieldReader) agenda(name string, items []agendaItem) []model.AgendaItem {
	out := make([]model.AgendaItem, len(items))
	for i, it := range items {
		out[i] = model.AgendaItem{Title: it.Title, AreaIDs: r.areas(name, it.Areas)}
	}
	return out
}

// fieldKey turns an organization's acronym into a field-name part.
func fieldKey(s string) string {
	b := []byte(strings.ToUpper(s))
	for i, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '-'
		}
	}
	return string(b)
}
