package brief

import (
	"testing"

	"github.com/liaison-app/liaison/model"
)

// Whatever text an officer types or a partner's calendar brings in, the
// layout sets it: no panic, no fpdf error, nothing past the page's foot.
// One document is shared by every input, since parsing the fonts (under the
// fuzzer's instrumentation) would otherwise take all the time.
func FuzzLayoutText(f *testing.F) {
	f.Add("Conférence « año » – l’été", "https://meet.example.org/x")
	f.Add("emoji 😀\x00\t\r\n", "\u202e\u200b\xff\xfe broken UTF-8")
	f.Add("", "no-space-at-all-"+string(make([]byte, 300)))
	w, err := newWriter(Options{}, catalog(), generated(f))
	if err != nil {
		f.Fatal(err)
	}
	w.newPage(w.pageHead("fuzz", model.PartiesOnly, nil, nil))
	f.Fuzz(func(t *testing.T, a, b string) {
		w.title(a, b)
		w.section(a)
		w.subhead(b)
		w.field(a, b)
		w.para(b)
		w.note(a)
		w.item("1.", a, b, 0)
		w.pdf.SetFont(family, "", 7)
		if got := w.fit(oneLine(a+b), 40); w.pdf.GetStringWidth(got) > 40 {
			t.Errorf("fit gave %q, wider than 40 mm", got)
		}
		if err := w.pdf.Error(); err != nil {
			t.Fatal(err)
		}
		if y := w.pdf.GetY(); y > w.pageH-marginBottom+lineH {
			t.Fatalf("text went down to %.1f mm, past the foot of the page", y)
		}
	})
}
