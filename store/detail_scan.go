package store

import (
	"strings"

	"github.com/liaison-app/liaison/model"
)

// fastDetail reads the detail JSON exactly as the store writes it:
//
//	{"areas":[1,2],"agenda":[{"id":3,"title":"x","areas":[4]}],"marks":[{"org":1,"note":"y"}]}
//
// with strings free of escapes. It reports false, leaving m alone, on
// anything else, and the caller falls back to encoding/json.
func fastDetail(s string, m *model.Meeting) bool {
	p := detailScanner{s: s}
	areas := []int64{}
	var agenda []model.AgendaItem
	var marks []model.InterestMark
	ok := p.lit(`{"areas":`) && p.ints(&areas) && p.lit(`,"agenda":[`)
	for ok && !p.peek(']') {
		if len(agenda) > 0 && !p.lit(",") {
			return false
		}
		it := model.AgendaItem{AreaIDs: []int64{}}
		ok = p.lit(`{"id":`) && p.int(&it.ID) && p.lit(`,"title":`) && p.str(&it.Title) && p.lit(`,"areas":`) && p.ints(&it.AreaIDs) && p.lit("}")
		agenda = append(agenda, it)
	}
	ok = ok && p.lit(`,"marks":[`)
	for ok && !p.peek(']') {
		if len(marks) > 0 && !p.lit(",") {
			return false
		}
		var mk model.InterestMark
		ok = p.lit(`{"org":`) && p.int(&mk.OrgID) && p.lit(`,"note":`) && p.str(&mk.Note) && p.lit("}")
		marks = append(marks, mk)
	}
	if !ok || !p.lit("}") || p.i != len(s) {
		return false
	}
	if agenda == nil {
		agenda = []model.AgendaItem{}
	}
	m.AreaIDs, m.Agenda, m.InterestMarks = areas, agenda, marks
	return true
}

type detailScanner struct {
	s string
	i int
}

func (p *detailScanner) lit(want string) bool {
	if strings.HasPrefix(p.s[p.i:], want) {
		p.i += len(want)
		return true
	}
	return false
}

func (p *detailScanner) peek(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *detailScanner) int(v *int64) bool {
	start, n := p.i, int64(0)
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' && p.i-start < 18 {
		n = n*10 + int64(p.s[p.i]-'0')
		p.i++
	}
	*v = n
	return p.i > start
}

func (p *detailScanner) ints(v *[]int64) bool {
	if !p.lit("[") {
		return false
	}
	for !p.peek(']') {
		if len(*v) > 0 && !p.lit(",") {
			return false
		}
		var n int64
		if !p.int(&n) {
			return false
		}
		*v = append(*v, n)
	}
	return true
}

// str reads a string without escapes; one with an escape, or a control
// character, is left to encoding/json.
func (p *detailScanner) str(v *string) bool {
	if !p.lit(`"`) {
		return false
	}
	for j := p.i; j < len(p.s); j++ {
		switch c := p.s[j]; {
		case c == '"':
			*v = p.s[p.i:j]
			p.i = j + 1
			return true
		case c == '\\' || c < 0x20:
			return false
		}
	}
	return false
}
