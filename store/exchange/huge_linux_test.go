//go:build linux

package exchange

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/liaison-app/liaison/model"
)

// TestImportOfAHugeLineKeepsMemoryBounded: a partner file whose DESCRIPTION
// is one line of 200 MB (streamed through a named pipe, so that nothing is
// written to disk) is imported with the description cut to the limit and
// a note, allocating far less than 200 MB in all, so the peak is lower.
func TestImportOfAHugeLineKeepsMemoryBounded(t *testing.T) {
	f := setup(t)
	pipe := filepath.Join(f.dir, "huge.ics")
	require.NoError(t, syscall.Mkfifo(pipe, 0o600))
	const size = 200 << 20
	go func() {
		w, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		io.WriteString(w, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:huge@iom.int\r\nDTSTAMP:20261101T090000Z\r\n"+
			"DTSTART:20270301T090000Z\r\nDURATION:PT1H\r\nSUMMARY:Huge\r\nORGANIZER:mailto:desk@iom.int\r\nDESCRIPTION:")
		chunk := bytes.Repeat([]byte("x"), 1<<20)
		for range size >> 20 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
		io.WriteString(w, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	}()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sum, err := ImportFiles(context.Background(), f.st, []string{pipe}, now)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Nil(t, sum.Files[0].Refused)
	require.Equal(t, 1, sum.Files[0].Count("added"))
	m, err := f.st.MeetingByUID(context.Background(), "huge@iom.int")
	require.NoError(t, err)
	assert.Len(t, m.Background, model.MaxLongText)
	assert.Contains(t, sum.String(), "cut to the limit of 64 KiB")
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d MB importing a 200 MB line", alloc>>20)
	assert.Less(t, alloc, uint64(64<<20), "bytes allocated (the writer's 1 MB chunk included)")
}
