package model

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// An answer is a one-byte code; its name is what the command line and the
// JSON show, and reads back to the same code.
func TestObligationStateNames(t *testing.T) {
	seen := map[string]bool{}
	for _, st := range ObligationStates {
		name := st.String()
		assert.NotEqual(t, "unknown", name)
		assert.False(t, seen[name], "two answers named %q", name)
		seen[name] = true
		back, ok := ParseObligationState(name)
		assert.True(t, ok, name)
		assert.Equal(t, st, back)
		b, err := json.Marshal(st)
		assert.NoError(t, err)
		assert.Equal(t, `"`+name+`"`, string(b))
		var again ObligationState
		assert.NoError(t, json.Unmarshal(b, &again))
		assert.Equal(t, st, again)
	}
	assert.Len(t, seen, int(stateCount), "ObligationStates lists every answer")
	assert.Equal(t, "due-soon", DueSoon.String())
	_, ok := ParseObligationState("due soon")
	assert.False(t, ok)
	var st ObligationState
	assert.Error(t, st.UnmarshalText([]byte("later")))
}

// A Date holds in 8 bytes and keeps its meaning at the edges: the years
// the records allow, and an absurd instant's year held out of range.
func TestDateCompact(t *testing.T) {
	for _, s := range []string{"1900-01-01", "2024-02-29", "2200-12-31", "0001-01-01", "9999-12-31"} {
		d := MustDate(s)
		assert.Equal(t, s, d.String())
		assert.Equal(t, d, DateOf(d.In(time.UTC)))
		assert.Equal(t, d, d.AddDays(400).AddDays(-400))
	}
	far := DateOf(time.Date(5_000_000_000, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.False(t, DateInRange(far))
	assert.True(t, far.After(MustDate("9999-12-31")))
}
