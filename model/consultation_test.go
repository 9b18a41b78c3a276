package model

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quarterly returns the series "third Tuesday of March, June, September and
// December, 10:00–12:00 in Geneva", alternating Lyon and Geneva.
func quarterly(t *testing.T) ConsultationSeries {
	zurich, err := LoadZone("Europe/Zurich")
	require.NoError(t, err)
	return ConsultationSeries{
		ID: 1, UID: "s1@liaison", AgreementID: agIOM, Title: "INTERPOL–IOM secretariat consultation",
		Start: time.Date(2027, 3, 16, 10, 0, 0, 0, zurich), Duration: 2 * time.Hour, Zone: "Europe/Zurich",
		RRule:           "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU;COUNT=8",
		VenueRotation:   []Venue{{City: "Geneva", Country: "CH"}, {City: "Lyon", Country: "FR"}},
		Confidentiality: PartiesOnly,
	}
}

func TestSeriesInstances(t *testing.T) {
	s := quarterly(t)
	require.NoError(t, s.Validate(fixtureCatalog()))
	ins, err := s.Instances(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	var got []string
	for _, in := range ins {
		got = append(got, in.Start.Format("2006-01-02 15:04 MST")+" "+in.Venue.City)
	}
	assert.Equal(t, []string{
		"2027-03-16 10:00 CET Geneva",
		"2027-06-15 10:00 CEST Lyon",
		"2027-09-21 10:00 CEST Geneva",
		"2027-12-21 10:00 CET Lyon",
	}, got, "the third Tuesday, at 10:00 local time on both sides of the DST change")
}

func TestSeriesMovedAndCancelled(t *testing.T) {
	s := quarterly(t)
	loc := s.Location()
	june := time.Date(2027, 6, 15, 10, 0, 0, 0, loc)
	sept := time.Date(2027, 9, 21, 10, 0, 0, 0, loc)
	s.Occurrences = []Occurrence{
		{OriginalStart: june, Start: time.Date(2028, 1, 11, 14, 0, 0, 0, loc), End: time.Date(2028, 1, 11, 16, 0, 0, 0, loc)},
		{OriginalStart: sept, Cancelled: true},
	}
	ins, err := s.Instances(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 2, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, ins, 4, "June moved into January 2028, March, September (cancelled), December")
	assert.True(t, ins[1].Cancelled())
	assert.Equal(t, "2028-01-11", DateOf(ins[3].Start).String())
	assert.Equal(t, june, ins[3].OriginalStart, "the moved occurrence keeps its RECURRENCE-ID")
	assert.Equal(t, "Lyon", ins[3].Venue.City, "the rotation follows the rule's order, not the moved date")

	// A window that holds only the moved date still finds it.
	ins, err = s.Instances(time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 31, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, ins, 1)
}

func TestSeriesOutlookRules(t *testing.T) {
	for rule, ok := range map[string]bool{
		"FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=3TU": true,
		"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE":      true,
		"FREQ=MONTHLY;BYMONTHDAY=1,15":            false,
		"FREQ=MONTHLY;BYDAY=1TU,3TU":              false,
		"FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3":        false,
		"FREQ=HOURLY":                             false,
	} {
		err := OutlookCompatible(rule)
		if ok {
			assert.NoError(t, err, rule)
		} else {
			assert.ErrorIs(t, err, ErrInvalid, rule)
			assert.Contains(t, err.Error(), "Outlook", rule)
		}
	}
	s := quarterly(t)
	s.RRule = "FREQ=MONTHLY;BYMONTHDAY=1,15"
	assert.Contains(t, fieldProblem(t, s.Validate(fixtureCatalog()), "rrule"), "several days of the month")
	s.RRule = "FREQ=SOMETIMES"
	assert.Contains(t, fieldProblem(t, s.Validate(fixtureCatalog()), "rrule"), "not an RFC 5545 recurrence rule")
}

func TestCadence(t *testing.T) {
	c := fixtureCatalog()
	g := c.Agreement(agIOM)
	s := quarterly(t)
	loc := s.Location()
	s.Occurrences = []Occurrence{{OriginalStart: time.Date(2027, 3, 16, 10, 0, 0, 0, loc), Held: true}}

	_, due, err := Cadence(g, []*ConsultationSeries{&s}, MustDate("2027-09-15"))
	require.NoError(t, err)
	assert.False(t, due, "183 days have not passed since 16 March")

	a, due, err := Cadence(g, []*ConsultationSeries{&s}, MustDate("2027-09-16"))
	require.NoError(t, err)
	require.True(t, due)
	assert.Equal(t, "2027-03-16", a.LastHeld.String())
	assert.Equal(t, "2027-09-21", a.Next.String())
	assert.Equal(t, 184, a.DaysSince)
	assert.Equal(t, "Art. 8", a.Article)
	assert.Equal(t, a.LastHeld, a.Since)

	// Nothing ever held: counted from entry into force.
	a, due, err = Cadence(g, nil, MustDate("2027-01-01"))
	require.NoError(t, err)
	require.True(t, due)
	assert.True(t, a.LastHeld.IsZero())
	assert.Equal(t, "2014-03-05", a.Since.String(), "counted from the entry into force")
	assert.True(t, a.Next.IsZero(), "none is scheduled")
}
