package ical

import "strings"

//go:generate go run ./internal/genwindowszones -in testdata/cldr/windowsZones.xml -out windowszones.go

// olderWindowsZones are names older Windows versions used, still met in
// old invitations, which CLDR no longer lists.
var olderWindowsZones = map[string]string{
	"mexico standard time":       "America/Mexico_City",
	"mexico standard time 2":     "America/Chihuahua",
	"mid-atlantic standard time": "Etc/GMT+2",
	"kamchatka standard time":    "Asia/Kamchatka",
	"armenian standard time":     "Asia/Yerevan",
}

// windowsZones maps a Windows time zone name (lower case) to its IANA
// zone: CLDR's table (windowszones.go, generated) and the older names.
var windowsZones = func() map[string]string {
	m := make(map[string]string, len(cldrWindowsZones)+len(olderWindowsZones))
	for k, v := range olderWindowsZones {
		m[k] = v
	}
	for k, v := range cldrWindowsZones {
		m[k] = v
	}
	return m
}()

// windowsZone returns the IANA zone for a Windows zone name, ignoring case.
func windowsZone(name string) (string, bool) {
	z, ok := windowsZones[strings.ToLower(strings.TrimSpace(name))]
	return z, ok
}
