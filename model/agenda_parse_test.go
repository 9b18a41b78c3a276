package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseAgendaItem(t *testing.T) {
	c := fixtureCatalog()
	c.Agreements[0].Areas = append(c.Agreements[0].Areas, Area{ID: 104, AgreementID: agIOM, Name: "The use of technology, software and systems"})
	c.Reindex()
	it, err := c.ParseAgendaItem("agenda[1]", orgINTERPOL, "Tools|the use of technology, software and systems, border security")
	require.NoError(t, err)
	assert.Equal(t, "Tools", it.Title)
	assert.Equal(t, []int64{104, areaBorder}, it.AreaIDs)

	_, err = c.ParseAgendaItem("agenda[1]", orgINTERPOL, "Ports|Border security,border security")
	assert.ErrorContains(t, err, `the area "Border security" is given twice`)
	_, err = c.ParseAgendaItem("agenda[1]", orgINTERPOL, "Ports|Border security,Piracy")
	assert.ErrorContains(t, err, `unknown area "Piracy"`)
	_, err = c.ParseAgendaItem("agenda[1]", orgINTERPOL, "\u200b|Border security")
	assert.ErrorContains(t, err, "has no title")
}

// areaCatalog has one agreement with n areas, every fourth holding a comma.
func areaCatalog(n int) (*Catalog, string) {
	c := fixtureCatalog()
	names := make([]string, n)
	for i := range n {
		names[i] = fmt.Sprintf("Area %d", i)
		if i%4 == 0 {
			names[i] += ", with a comma"
		}
		c.Agreements[0].Areas = append(c.Agreements[0].Areas, Area{ID: int64(1000 + i), AgreementID: agIOM, Name: names[i]})
	}
	c.Reindex()
	return c, "Item|" + strings.Join(names, ",")
}

// BenchmarkParseAgendaItem: parsing --agenda is linear in its length: the
// time per area stays the same from 100 to 10,000 areas (1,000 took 30 s
// when every start was tried against every longer join).
func BenchmarkParseAgendaItem(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		c, spec := areaCatalog(n)
		b.Run(fmt.Sprintf("areas=%d", n), func(b *testing.B) {
			for range b.N {
				it, err := c.ParseAgendaItem("agenda[1]", orgINTERPOL, spec)
				if err != nil || len(it.AreaIDs) != n {
					b.Fatal(err, len(it.AreaIDs))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/area")
		})
	}
}
