package caldav

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-app/liaison/model"
)

// fieldConflict is one field both sides changed to different values.
type fieldConflict struct {
	Field          string
	Kept, SetAside string
	KeptSide       string // "mine" or "theirs"
	KeptAt         time.Time
	AsideAt        time.Time
}

// merge makes one record of two copies changed apart from the copy both
// last agreed on (base), field by field: a field changed on one side only
// takes that side's value; a field changed on both to the same value is
// that value; an invitation's history is the union of both; a field
// changed on both to different values takes the value of the side changed
// later (theirs on a tie) and the other is returned as a conflict. The
// modification time is the later of both; SEQUENCE the higher.
func merge(base, mine, theirs Fields) (Fields, []fieldConflict) {
	out := Fields{}
	var conflicts []fieldConflict
	mineAt, theirsAt := mine.modified(), theirs.modified()
	names := map[string]bool{}
	for _, f := range []Fields{base, mine, theirs} {
		for k := range f {
			names[k] = true
		}
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b, m, t := base[k], mine[k], theirs[k]
		switch {
		case k == fModified:
			out.set(k, later(m, t))
		case k == fSequence:
			out.set(k, higher(m, t))
		case m == t:
			out.set(k, m)
		case m == b:
			out.set(k, t)
		case t == b:
			out.set(k, m)
		case strings.HasSuffix(k, historySuffix):
			out.set(k, unionHistory(m, t))
		default:
			c := fieldConflict{Field: k, Kept: t, SetAside: m, KeptSide: "theirs", KeptAt: theirsAt, AsideAt: mineAt}
			if mineAt.After(theirsAt) {
				c = fieldConflict{Field: k, Kept: m, SetAside: t, KeptSide: "mine", KeptAt: mineAt, AsideAt: theirsAt}
			}
			out.set(k, c.Kept)
			conflicts = append(conflicts, c)
		}
	}
	return out, conflicts
}

func later(a, b string) string {
	ta, _ := time.Parse(time.RFC3339Nano, a)
	tb, _ := time.Parse(time.RFC3339Nano, b)
	if ta.After(tb) {
		return a
	}
	return b
}

func higher(a, b string) string {
	na, _ := strconv.Atoi(a)
	nb, _ := strconv.Atoi(b)
	if na > nb {
		return a
	}
	return b
}

// unionHistory joins two invitation histories: every event of either, once,
// in time order.
func unionHistory(a, b string) string {
	var ha, hb []model.InvitationEvent
	_ = json.Unmarshal([]byte(a), &ha)
	_ = json.Unmarshal([]byte(b), &hb)
	seen := map[string]bool{}
	var out []model.InvitationEvent
	for _, ev := range append(ha, hb...) {
		ev.At = ev.At.UTC()
		k, _ := json.Marshal(ev)
		if seen[string(k)] {
			continue
		}
		seen[string(k)] = true
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	s, _ := json.Marshal(out)
	return string(s)
}
