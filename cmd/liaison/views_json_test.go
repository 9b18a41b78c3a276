package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The hand-written writer prints exactly what encoding/json prints.
func TestObligationsJSONIsWhatEncodingJSONWrites(t *testing.T) {
	tricky := []string{"", "plain", `quote " and \ back`, "<b>&amp;</b>", "tab\tnew\nline\r\b\f\x01\x1f",
		"Conférence « año » 会議 😀", "line\u2028sep\u2029", "bad \xff\xfe utf-8", "\x7f del"}
	for _, n := range []int{0, 1, len(tricky)} {
		var views []obligationView
		for i := 0; i < n; i++ {
			s := tricky[i]
			views = append(views, obligationView{MeetingID: int64(i * 1000), MeetingTitle: s, MeetingStart: "2027-06-23", Agreement: s,
				OwedBy: "INTERPOL", OwedTo: s, Incoming: i%2 == 0, Article: "Art. 2.1", State: "missed", Due: s, LeadDays: int32(i * 7), Reason: s})
		}
		if views == nil {
			views = []obligationView{}
		}
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(views); err != nil {
			t.Fatal(err)
		}
		if err := writeObligationsJSON(&got, views); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d views:\ngot  %q\nwant %q", n, got.String(), want.String())
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"a", "<>&", "\u2028", "\xff", "\"\\\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}
