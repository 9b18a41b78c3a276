package store

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/liaison-app/liaison/model"
)

// detail is the JSON kept in meetings.detail (migration 0002): the
// meeting's areas, agenda and interest marks, so that a list of meetings
// is read in one query. The child tables hold the same, checked by
// foreign keys; both are written together.
type detail struct {
	Areas  []int64 `json:"areas"`
	Agenda []struct {
		ID    int64   `json:"id"`
		Title string  `json:"title"`
		Areas []int64 `json:"areas"`
	} `json:"agenda"`
	Marks []struct {
		Org  int64  `json:"org"`
		Note string `json:"note"`
	} `json:"marks"`
}

func encodeDetail(m *model.Meeting) string {
	d := detail{Areas: m.AreaIDs}
	if d.Areas == nil {
		d.Areas = []int64{}
	}
	d.Agenda = make([]struct {
		ID    int64   `json:"id"`
		Title string  `json:"title"`
		Areas []int64 `json:"areas"`
	}, len(m.Agenda))
	for i, it := range m.Agenda {
		d.Agenda[i].ID, d.Agenda[i].Title, d.Agenda[i].Areas = it.ID, it.Title, it.AreaIDs
		if it.AreaIDs == nil {
			d.Agenda[i].Areas = []int64{}
		}
	}
	d.Marks = make([]struct {
		Org  int64  `json:"org"`
		Note string `json:"note"`
	}, len(m.InterestMarks))
	for i, mk := range m.InterestMarks {
		d.Marks[i].Org, d.Marks[i].Note = mk.OrgID, mk.Note
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // titles with & or < stay on the fast path of decodeDetail
	if err := enc.Encode(d); err != nil {
		panic(err) // ints and strings always marshal
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// decodeDetail fills a meeting's areas, agenda and interest marks. The
// compact form the store writes is read by a small purpose-built scanner
// (encoding/json costs about ten microseconds a meeting, which shows on a
// dashboard of a thousand); anything else goes to encoding/json.
func decodeDetail(s string, m *model.Meeting) error {
	if fastDetail(s, m) {
		return nil
	}
	var d detail
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return fmt.Errorf("stored agenda of meeting %d is damaged: %w", m.ID, err)
	}
	m.AreaIDs = d.Areas
	if m.AreaIDs == nil {
		m.AreaIDs = []int64{}
	}
	m.Agenda = make([]model.AgendaItem, len(d.Agenda))
	for i, it := range d.Agenda {
		m.Agenda[i] = model.AgendaItem{ID: it.ID, Title: it.Title, AreaIDs: it.Areas}
		if it.Areas == nil {
			m.Agenda[i].AreaIDs = []int64{}
		}
	}
	m.InterestMarks = nil
	for _, mk := range d.Marks {
		m.InterestMarks = append(m.InterestMarks, model.InterestMark{OrgID: mk.Org, Note: mk.Note})
	}
	return nil
}
