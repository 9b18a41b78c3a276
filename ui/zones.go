package ui

import (
	_ "embed" // for the zone list
	"strings"
)

// zones.txt lists the IANA time zone names (canonical zones and the links
// people still type, such as Asia/Calcutta), one a line. Go has no API to
// list zones: the file is made from the tz database's tzdata.zi with
//
//	(echo UTC; awk '/^Z /{print $2} /^L /{print $3}' /usr/share/zoneinfo/tzdata.zi |
//	  grep / | grep -v '^Etc/\|^SystemV\|^US/\|^Canada/\|^Brazil/\|^Mexico/\|^Chile/') | sort -u
//
//go:embed zones.txt
var zonesText string

// Zones are the IANA zone names the zone picker offers.
var Zones = strings.Fields(zonesText)

// matchZones returns up to limit zones whose name contains every word of
// text (ignoring case, and treating a space as "_"), best matches first:
// those whose city starts with the text.
func matchZones(text string, limit int) []string {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" {
		if len(Zones) > limit {
			return Zones[:limit]
		}
		return Zones
	}
	words := strings.Fields(t)
	var first, rest []string
	for _, z := range Zones {
		lz := strings.ToLower(strings.ReplaceAll(z, "_", " "))
		ok := true
		for _, w := range words {
			if !strings.Contains(lz, w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		city := lz[strings.LastIndex(lz, "/")+1:]
		if strings.HasPrefix(city, t) || lz == t {
			first = append(first, z)
		} else {
			rest = append(rest, z)
		}
	}
	out := append(first, rest...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
