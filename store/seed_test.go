package store

import (
	"context"
	"testing"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeedInterpolIOM(t *testing.T) {
	ctx := context.Background()
	for _, us := range []string{"IOM", "interpol"} {
		t.Run(us, func(t *testing.T) {
			s := newStore(t)
			ok, err := s.Initialized(ctx)
			require.NoError(t, err)
			assert.False(t, ok)
			require.NoError(t, s.Seed(ctx, "interpol-iom-2014", us))
			c, err := s.Catalog(ctx)
			require.NoError(t, err)

			require.Len(t, c.Orgs, 2)
			require.NotNil(t, c.Us())
			assert.Equal(t, map[string]string{"IOM": "IOM", "interpol": "INTERPOL"}[us], c.Us().Acronym)
			ip, err := c.OrgByAcronym("org", "INTERPOL")
			require.NoError(t, err)
			iom, err := c.OrgByAcronym("org", "IOM")
			require.NoError(t, err)
			assert.Equal(t, "International Criminal Police Organization – INTERPOL", ip.Name)
			assert.Equal(t, "Europe/Paris", ip.Zone)
			assert.Equal(t, "interpol.int", ip.MailDomain)
			assert.Equal(t, "International Organization for Migration", iom.Name)
			assert.Equal(t, "Europe/Zurich", iom.Zone)

			require.Len(t, c.Agreements, 1)
			g := c.Agreements[0]
			assert.Equal(t, "Cooperation Agreement between the International Criminal Police Organization-INTERPOL and the International Organization for Migration", g.Title)
			assert.Equal(t, "INTERPOL–IOM 2014", g.ShortName)
			assert.Equal(t, model.MustDate("2014-03-05"), g.SignedOn)
			assert.Equal(t, model.MustDate("2014-03-05"), g.InForceFrom)
			assert.Equal(t, "Geneva", g.SignedAt)
			assert.Contains(t, g.InForceCondition, "General Assembly of INTERPOL")
			assert.Equal(t, []model.Party{{OrgID: ip.ID, Article: "Art. 2.1"}, {OrgID: iom.ID, Article: "Art. 2.2"}}, g.Parties)
			names := make([]string, len(g.Areas))
			for i, a := range g.Areas {
				names[i] = a.Name
				assert.Equal(t, "Art. 6", a.Article)
				assert.True(t, g.InterestedIn(ip.ID, a.ID) && g.InterestedIn(iom.ID, a.ID), "every area interests both parties")
			}
			assert.Equal(t, []string{"Border security", "Integrated border management",
				"Border and migration management including with respect to trafficking in persons and migrant smuggling",
				"Travel document fraud", "The use of technology, software and systems",
				"Capacity-building for police and guided operations", "Training for border and migration management officials"}, names)
			assert.Len(t, g.Interests, 14)
			assert.Contains(t, g.ConfidentialityNotice, "Article 10")
			assert.Equal(t, 42, g.LeadTimeDays)
			assert.Equal(t, 183, g.ConsultationIntervalDays)
			assert.Equal(t, "Art. 7", g.FocalPointArticle)
			assert.Equal(t, "Art. 8", g.ConsultationArticle)
			assert.Equal(t, "Art. 12.1", g.EntryIntoForceArticle)
			assert.Equal(t, "Art. 12.3", g.TerminationArticle)
			assert.Nil(t, g.Termination)
			assert.Equal(t, 1, g.Version)
			ok, _, _, _ = g.InForceOn(model.MustDate("2026-01-01"))
			assert.True(t, ok)

			fps, err := s.FocalPoints(ctx)
			require.NoError(t, err)
			require.Len(t, fps, 2)
			for _, fp := range fps {
				assert.True(t, fp.Placeholder)
				assert.Equal(t, "To be designated", fp.Name)
				assert.Equal(t, g.ID, fp.AgreementID)
			}
			emails := []string{fps[0].Email, fps[1].Email}
			assert.ElementsMatch(t, []string{"focal.point@interpol.int", "focal.point@iom.int"}, emails)

			err = s.Seed(ctx, "interpol-iom-2014", us)
			assert.ErrorIs(t, err, model.ErrConflict, "seeding twice is refused")
		})
	}
}

func TestSeedRefusesUnknownTemplateOrOrganization(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	err := s.Seed(ctx, "nato-un-1999", "IOM")
	require.ErrorIs(t, err, model.ErrInvalid)
	assert.Contains(t, err.Error(), "interpol-iom-2014", "the error lists the valid templates")

	err = s.Seed(ctx, "interpol-iom-2014", "UNHCR")
	require.ErrorIs(t, err, model.ErrInvalid)
	assert.Contains(t, err.Error(), "INTERPOL, IOM", "the error lists the valid organizations")

	ok, err := s.Initialized(ctx)
	require.NoError(t, err)
	assert.False(t, ok, "a refused seed writes nothing")
	orgs, err := s.Organizations(ctx)
	require.NoError(t, err)
	assert.Empty(t, orgs)
}

func TestParseTemplateNamesTheFault(t *testing.T) {
	_, err := parseTemplate("x", []byte("{\n\"key\": \"x\",\n\"organizations\": [\n}"))
	require.ErrorIs(t, err, model.ErrInvalid)
	assert.Contains(t, err.Error(), "x.json line 4")

	_, err = parseTemplate("x", []byte(`{"key":"x","organizations":[{"acronym":"A","name":"A","zone":"Mars/Olympus"}]}`))
	require.ErrorIs(t, err, model.ErrInvalid)
	assert.Contains(t, err.Error(), "organizations[1]")
	assert.Contains(t, err.Error(), "zone")

	_, err = parseTemplate("x", []byte(`{"key":"x","colour":"blue"}`))
	require.ErrorIs(t, err, model.ErrInvalid)
	assert.Contains(t, err.Error(), "colour")
}

func TestCatalogRoundTripOfAgreementUpdate(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	g, err := f.s.Agreement(ctx, f.agreement.ID)
	require.NoError(t, err)
	g.Amendments = []model.Amendment{{Summary: "Adds cybercrime", ProposedBy: f.interpol, ProposedOn: model.MustDate("2020-01-10"), AcceptedOn: model.MustDate("2020-06-01"), Reference: "AM-1"}}
	g.Supplementary = []model.SupplementaryArrangement{{Title: "Data exchange arrangement", SignedOn: model.MustDate("2016-02-02"), Summary: "Art. 9", Reference: "SA-1"}}
	g.Termination = &model.Termination{GivenBy: f.iom, NoticeOn: model.MustDate("2030-01-15"), NoticeMonths: 6}
	g.ConditionMetOn = model.MustDate("2014-11-03")
	g.Areas = append(g.Areas, model.Area{Name: "Cybercrime", Article: "Amendment 1"})
	require.NoError(t, f.s.UpdateAgreement(ctx, g))
	assert.Equal(t, 2, g.Version)
	newArea := g.Areas[len(g.Areas)-1].ID
	assert.NotZero(t, newArea)

	back, err := f.s.Agreement(ctx, g.ID)
	require.NoError(t, err)
	back.Modified, g.Modified = back.Modified.UTC(), g.Modified.UTC()
	assert.Equal(t, *g, *back)
	assert.Equal(t, model.MustDate("2030-07-15"), back.Termination.Effective())

	stale := *f.agreement // version 1
	stale.Title = "Changed by someone else"
	assert.ErrorIs(t, f.s.UpdateAgreement(ctx, &stale), model.ErrConflict)

	// An area a meeting uses cannot be dropped.
	m := f.timedMeeting(t, mustTime(t, "2027-05-03T09:00:00+02:00"), "Uses the new area")
	m.AreaIDs = []int64{newArea}
	require.NoError(t, f.s.CreateMeeting(ctx, m))
	back.Areas = back.Areas[:len(back.Areas)-1]
	assert.ErrorIs(t, f.s.UpdateAgreement(ctx, back), model.ErrConflict)
	_, err = f.s.Agreement(ctx, 999)
	assert.ErrorIs(t, err, model.ErrNotFound)
}
