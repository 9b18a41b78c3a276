package store

import (
	"testing"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDetailRoundTrip(t *testing.T) {
	for i, m := range []model.Meeting{
		{AreaIDs: []int64{}, Agenda: []model.AgendaItem{}},
		{AreaIDs: []int64{1, 22}, Agenda: []model.AgendaItem{{ID: 5, Title: "Plain", AreaIDs: []int64{3}}, {ID: 6, Title: "Fraud & <forgery> — “quoted”", AreaIDs: []int64{}}},
			InterestMarks: []model.InterestMark{{OrgID: 2, Note: ""}}},
		{AreaIDs: []int64{}, Agenda: []model.AgendaItem{{ID: 7, Title: "Tab\tand \"escapes\" \\ and\nnewline", AreaIDs: []int64{}}},
			InterestMarks: []model.InterestMark{{OrgID: 1, Note: "n\u00e9e"}, {OrgID: 3, Note: "x"}}},
	} {
		s := encodeDetail(&m)
		var got, fast model.Meeting
		require.NoError(t, decodeDetail(s, &got), s)
		assert.Equal(t, i < 2, fastDetail(s, &fast), "fast path for %s", s)
		assert.Equal(t, m.AreaIDs, got.AreaIDs, s)
		assert.Equal(t, m.Agenda, got.Agenda, s)
		assert.Equal(t, m.InterestMarks, got.InterestMarks, s)
	}
	// The fast path takes what the store writes; escapes go the slow way.
	var m model.Meeting
	assert.True(t, fastDetail(`{"areas":[1],"agenda":[{"id":2,"title":"A & B","areas":[]}],"marks":[]}`, &m))
	assert.False(t, fastDetail(`{"areas":[1],"agenda":[{"id":2,"title":"A \"B\"","areas":[]}],"marks":[]}`, &m))
	assert.False(t, fastDetail(`{"areas":[1] }`, &m))
	var bad model.Meeting
	assert.Error(t, decodeDetail(`{"areas":"oops"}`, &bad))
	assert.Error(t, decodeDetail(`{"areas":[1],`, &bad))
}
