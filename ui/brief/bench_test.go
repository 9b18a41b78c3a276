package brief

import (
	"bytes"
	"testing"
)

// Targets: a brief under 50 ms and 150 KB; a pack of 100 meetings under 3 s.

func BenchmarkMeetingBrief(b *testing.B) {
	mb := meetingBrief(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteMeeting(&buf, mb, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

func BenchmarkConsultationBrief(b *testing.B) {
	cb := consultationBrief(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteConsultation(&buf, cb, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

func BenchmarkPack100(b *testing.B) {
	pk := pack(b, 100)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WritePack(&buf, pk, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
