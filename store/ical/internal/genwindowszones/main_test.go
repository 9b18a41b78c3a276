package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The committed table is what the generator makes of the committed CLDR
// file: nobody edits windowszones.go by hand.
func TestTheTableIsGeneratedFromCLDR(t *testing.T) {
	f, err := os.Open("../../testdata/cldr/windowsZones.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := generate(f, "testdata/cldr/windowsZones.xml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../windowszones.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("store/ical/windowszones.go differs from what CLDR's file gives: run go generate ./store/ical")
	}
	for _, s := range []string{`"w\. europe standard time":\s+"Europe/Berlin"`, `"romance standard time":\s+"Europe/Paris"`, `"utc":\s+"Etc/UTC"`} {
		if !regexp.MustCompile(s).Match(got) {
			t.Errorf("the table lacks %s", s)
		}
	}
}

func TestRefusesWhatIsNotTheTable(t *testing.T) {
	for _, in := range []string{
		"",
		"<supplementalData/>",
		`<supplementalData><windowsZones><mapTimezones><mapZone other="X" territory="001" type="A/B C/D"/></mapTimezones></windowsZones></supplementalData>`,
		`<supplementalData><windowsZones><mapTimezones>`,
	} {
		if _, err := generate(strings.NewReader(in), "x.xml"); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}
