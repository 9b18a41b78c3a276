package model

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fieldProblem(t *testing.T, err error, field string) string {
	t.Helper()
	require.Error(t, err)
	require.True(t, errors.Is(err, ErrInvalid), "%v should be ErrInvalid", err)
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "%T", err)
	p := ve.Field(field)
	require.NotEmpty(t, p, "no problem reported for %q in %v", field, err)
	return p
}

func TestMeetingValidation(t *testing.T) {
	c := fixtureCatalog()
	c.Orgs = append(c.Orgs, Organization{ID: 4, Acronym: "WCO", Name: "World Customs Organization", Zone: "Europe/Brussels"})
	c.Reindex()
	ok := conference(t)
	require.NoError(t, ok.Validate(c))

	cases := []struct {
		name, field, want string
		edit              func(m *Meeting)
	}{
		{"empty title", "title", "must not be empty", func(m *Meeting) { m.Title = "  " }},
		{"end before start", "end", "is not after the start", func(m *Meeting) { m.End = m.Start.Add(-time.Hour) }},
		{"unknown zone", "zone", "not an IANA time zone", func(m *Meeting) { m.Zone = "Mars/Olympus" }},
		{"Local is refused", "zone", "not an IANA time zone", func(m *Meeting) { m.Zone = "Local" }},
		{"unknown convener", "convener", "known organization", func(m *Meeting) { m.ConvenerID = 42 }},
		{"convener not a party", "convener", "WCO is not a party to any agreement", func(m *Meeting) { m.ConvenerID = 4 }},
		{"area of an agreement the convener is not party to", "agenda[2].areas", "to which IOM is not a party", func(m *Meeting) {
			m.ConvenerID = orgIOM
			m.Agenda[1].AreaIDs = []int64{areaDrugs}
		}},
		{"area that does not exist", "areas", "does not exist", func(m *Meeting) { m.AreaIDs = []int64{999} }},
		{"exclusion without reason", "observers_excluded", "rule of procedure", func(m *Meeting) { m.ObserversExcluded = true }},
		{"whole-day end before start", "end", "before the first day", func(m *Meeting) {
			m.AllDay, m.FirstDay, m.LastDay = true, MustDate("2027-09-19"), MustDate("2027-09-15")
		}},
		{"bad kind", "kind", "not one of", func(m *Meeting) { m.Kind = "party" }},
		{"bad country", "country", "two-letter", func(m *Meeting) { m.Venue.Country = "France" }},
		{"bad link", "online", "web address", func(m *Meeting) { m.Venue.OnlineURL = "javascript:alert(1)" }},
		{"empty agenda title", "agenda[1].title", "must not be empty", func(m *Meeting) { m.Agenda[0].Title = "" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := conference(t)
			tc.edit(&m)
			assert.Contains(t, fieldProblem(t, m.Validate(c), tc.field), tc.want)
		})
	}
}

func TestAgreementValidation(t *testing.T) {
	c := fixtureCatalog()
	g := *c.Agreement(agIOM)
	require.NoError(t, g.Validate())

	g.Interests = append(g.Interests, Interest{OrgID: orgIOM, AreaID: areaDrugs})
	assert.Contains(t, fieldProblem(t, g.Validate(), "interests[6]"), "not an area of this agreement")

	g = *c.Agreement(agIOM)
	g.Parties = g.Parties[:1]
	assert.Contains(t, fieldProblem(t, g.Validate(), "parties"), "at least two parties")

	g = *c.Agreement(agIOM)
	g.Termination = &Termination{GivenBy: orgUNODC, NoticeOn: MustDate("2027-01-01")}
	assert.Contains(t, fieldProblem(t, g.Validate(), "termination.given_by"), "only a party")

	g = *c.Agreement(agIOM)
	g.InForceFrom = MustDate("2014-01-01")
	assert.Contains(t, fieldProblem(t, g.Validate(), "in_force_from"), "before the signature")
}

func TestOrganizationAndFocalPointValidation(t *testing.T) {
	o := Organization{Acronym: "IOM", Name: "International Organization for Migration", Zone: "Europe/Zurich", MailDomain: "iom.int"}
	require.NoError(t, o.Validate())
	o.Zone = "Geneva"
	assert.Contains(t, fieldProblem(t, o.Validate(), "zone"), "IANA")

	f := FocalPoint{OrgID: orgIOM, Name: "Ana Lima", Email: "alima@iom.int", From: MustDate("2026-01-01"), To: MustDate("2027-12-31")}
	require.NoError(t, f.Validate())
	assert.True(t, f.ActiveOn(MustDate("2027-12-31")))
	assert.False(t, f.ActiveOn(MustDate("2028-01-01")))
	assert.False(t, f.ActiveOn(MustDate("2025-12-31")))
	f.Email = "Ana Lima"
	assert.Contains(t, fieldProblem(t, f.Validate(), "email"), "not an e-mail address")
}

func TestCatalogLookups(t *testing.T) {
	c := fixtureCatalog()
	o, err := c.OrgByAcronym("convener", "iom")
	require.NoError(t, err)
	assert.Equal(t, "IOM", o.Acronym)
	_, err = c.OrgByAcronym("convener", "WHO")
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "convener: unknown organization \"WHO\"; known: INTERPOL, IOM, UNODC")

	ids, err := c.AreasByName("area", orgINTERPOL, []string{"border SECURITY", "drugs"})
	require.NoError(t, err)
	assert.Equal(t, []int64{areaBorder, areaDrugs}, ids)
	_, err = c.AreasByName("area", orgIOM, []string{"drugs"})
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "Border security; Travel document fraud")
}

func TestDates(t *testing.T) {
	d := MustDate("2027-08-31")
	assert.Equal(t, "2028-02-29", d.AddMonths(6).String(), "six months after 31 August is the end of February")
	assert.Equal(t, "2027-09-01", d.AddDays(1).String())
	assert.Equal(t, 1, d.DaysUntil(MustDate("2027-09-01")))
	assert.Equal(t, -365, MustDate("2027-09-01").DaysUntil(MustDate("2026-09-01")))
	_, err := ParseDate("2027-02-30")
	assert.ErrorIs(t, err, ErrInvalid)
	b, err := d.MarshalJSON()
	require.NoError(t, err)
	var back Date
	require.NoError(t, back.UnmarshalJSON(b))
	assert.Equal(t, d, back)
	assert.Equal(t, "", Date{}.String())
}

func TestMeetingDaysAndMaterialChange(t *testing.T) {
	m := conference(t)
	m.End = time.Date(2027, 6, 24, 0, 0, 0, 0, paris(t))
	assert.Equal(t, "2027-06-23", m.EndDay().String(), "ending at midnight ends the day before")
	old := m
	m.Title = "Renamed"
	m.Notes = "internal"
	assert.False(t, MaterialChange(&old, &m), "title and notes are not material")
	m.Venue.City = "Paris"
	assert.True(t, MaterialChange(&old, &m), "a new place is material")
	m = old
	m.Status = StatusPostponed
	assert.True(t, MaterialChange(&old, &m))
}

func TestInvitationHistory(t *testing.T) {
	inv := Invitation{ToOrgID: orgIOM, State: InvOwed}
	t0 := time.Date(2027, 5, 1, 9, 0, 0, 0, time.UTC)
	require.NoError(t, inv.MarkSent(t0, 0, "ics"))
	require.NoError(t, inv.RecordReply(Reply{At: t0.Add(time.Hour), State: InvAccepted, Sequence: 0, HasSequence: true, Representatives: []Representative{{Name: "Ana Lima"}}}))
	require.NoError(t, inv.MarkSent(t0.Add(2*time.Hour), 1, "eml"))
	assert.Equal(t, InvAccepted, inv.State, "an update keeps the partner's answer until they change it")
	err := inv.RecordReply(Reply{At: t0.Add(3 * time.Hour), State: InvDeclined, Sequence: -1, HasSequence: true})
	assert.ErrorIs(t, err, ErrInvalid, "a reply to a version older than any sent is refused")
	require.NoError(t, inv.Waive(t0.Add(4*time.Hour), "attends as host"))
	assert.ErrorIs(t, inv.MarkSent(t0.Add(5*time.Hour), 1, "ics"), ErrInvalid)
	inv.Reopen(t0.Add(6*time.Hour), "mistake")
	assert.Equal(t, InvSent, inv.State)
	actions := []string{}
	for _, h := range inv.History {
		actions = append(actions, h.Action)
	}
	assert.Equal(t, []string{"sent", "reply", "update sent", "waived", "reopened"}, actions)
	assert.Equal(t, 1, inv.History[2].Sequence)

	_, err = ParseRepresentative("Ana Lima <alima@iom.int>")
	require.NoError(t, err)
	_, err = ParseRepresentative("Ana <broken")
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestNewUIDUnique(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		u := NewUID()
		require.False(t, seen[u])
		seen[u] = true
		require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@liaison$`, u)
	}
}

func TestParseWallTime(t *testing.T) {
	got, err := ParseWallTime("start", "2027-06-23T09:30", "Europe/Paris")
	require.NoError(t, err)
	assert.Equal(t, "2027-06-23T07:30:00Z", got.UTC().Format(time.RFC3339))
	_, err = ParseWallTime("start", "2027-03-28T02:30", "Europe/Paris")
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "start: 2027-03-28T02:30 does not exist in Europe/Paris")
	_, err = ParseWallTime("end", "23/06/2027", "Europe/Paris")
	assert.Contains(t, err.Error(), "end: ")
	_, err = ParseWallTime("end", "2027-06-23T09:30", "Local")
	assert.Contains(t, err.Error(), "zone: ")
}

func TestDateArithmeticMatchesTime(t *testing.T) {
	// The integer day arithmetic must agree with the time package on every
	// day of four centuries, leap rules included.
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	d0 := DateOf(start)
	for i := 0; i < 400*366; i += 1 {
		want := DateOf(start.AddDate(0, 0, i))
		got := d0.AddDays(i)
		if got != want {
			t.Fatalf("%s + %d days = %s, want %s", d0, i, got, want)
		}
		if n := d0.DaysUntil(want); n != i {
			t.Fatalf("days from %s to %s = %d, want %d", d0, want, n, i)
		}
	}
	assert.Equal(t, "1969-12-31", MustDate("1970-01-01").AddDays(-1).String())
}
